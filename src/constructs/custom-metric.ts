import { Annotations, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnMetric } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { fail, validateCount, validateDescription, validateLength, validatePattern } from '../private/validation';

/**
 * How the values of a custom metric are displayed.
 */
export enum CustomMetricUnit {
  /** Whole numbers. */
  INTEGER = 'INTEGER',
  /** Decimal numbers. */
  DOUBLE = 'DOUBLE',
  /** A percentage. */
  PERCENT = 'PERCENT',
  /** A duration in seconds. */
  SECONDS = 'SECONDS',
}

/**
 * Whether a custom metric is a draft or can be used in dashboards and reports.
 */
export enum CustomMetricStatus {
  /** A draft: saved, not yet available in dashboards. */
  SAVED = 'SAVED',
  /** Available in dashboards and reports. */
  PUBLISHED = 'PUBLISHED',
}

/**
 * How dashboards show a rising value of a custom metric.
 */
export enum CustomMetricTrendIndicator {
  /** A rising value is good (for example contacts resolved). */
  POSITIVE = 'POSITIVE',
  /** A rising value is bad (for example abandoned contacts). */
  NEGATIVE = 'NEGATIVE',
  /** A rising value is neither good nor bad. */
  NEUTRAL = 'NEUTRAL',
}

/**
 * How a numeric filter of a custom metric component compares a value.
 */
export enum CustomMetricFilterComparison {
  /** Less than the value. */
  LESSER = 'LESSER',
  /** Less than or equal to the value. */
  LESSER_OR_EQUAL = 'LESSER_OR_EQUAL',
  /** Greater than the value. */
  GREATER = 'GREATER',
  /** Greater than or equal to the value. */
  GREATER_OR_EQUAL = 'GREATER_OR_EQUAL',
}

/**
 * A metric-level filter of a custom metric component: the records of the component's metric that count.
 */
export class CustomMetricFilter {
  /**
   * Keeps the records whose `key` is one of the values (1 to 15 values).
   */
  public static matchesAny(key: string, values: string[]): CustomMetricFilter {
    return new CustomMetricFilter(key, false, { stringCondition: { comparison: 'MATCHES_ANY', values } });
  }

  /**
   * Keeps the records whose `key` is none of the values (1 to 15 values).
   */
  public static matchesNone(key: string, values: string[]): CustomMetricFilter {
    return new CustomMetricFilter(key, false, { stringCondition: { comparison: 'MATCHES_NONE', values } });
  }

  /**
   * Keeps the records whose boolean `key` is true.
   */
  public static isTrue(key: string): CustomMetricFilter {
    return new CustomMetricFilter(key, false, { booleanCondition: { comparison: 'IS_TRUE' } });
  }

  /**
   * Keeps the records whose boolean `key` is false.
   */
  public static isFalse(key: string): CustomMetricFilter {
    return new CustomMetricFilter(key, false, { booleanCondition: { comparison: 'IS_FALSE' } });
  }

  /**
   * Keeps the records whose numeric `key` compares to the values as given (1 to 10 values), for example
   * `CustomMetricFilter.compare('QUEUE_ANSWER_TIME', CustomMetricFilterComparison.LESSER_OR_EQUAL, [20])`.
   */
  public static compare(key: string, comparison: CustomMetricFilterComparison, values: number[]): CustomMetricFilter {
    return new CustomMetricFilter(key, false, { numberCondition: { comparison, values } });
  }

  /** The key (the attribute) the filter tests. */
  public readonly key: string;

  /** Whether the filter keeps the records its condition does not match. */
  public readonly negated: boolean;

  private readonly condition: FilterCondition;

  private constructor(key: string, negated: boolean, condition: FilterCondition) {
    this.key = key;
    this.negated = negated;
    this.condition = condition;
  }

  /**
   * The same filter, inverted: it keeps the records the condition does not match.
   */
  public negate(): CustomMetricFilter {
    return new CustomMetricFilter(this.key, !this.negated, this.condition);
  }

  /**
   * Renders the filter, validating it.
   *
   * @internal
   */
  public _render(scope: IConstruct, where: string): CfnMetric.MetricFilterProperty {
    validateNotEmpty(scope, `filter key of ${where}`, this.key);
    const { stringCondition, numberCondition, booleanCondition } = this.condition;
    if (stringCondition !== undefined) {
      validateCount(scope, `values of filter ${this.key} of ${where}`, stringCondition.values, 1, 15);
    }
    if (numberCondition !== undefined) {
      validateCount(scope, `values of filter ${this.key} of ${where}`, numberCondition.values, 1, 10);
      if (!Token.isUnresolved(numberCondition.values)) {
        for (const value of numberCondition.values) {
          if (!Token.isUnresolved(value) && !Number.isFinite(value)) {
            fail(scope, `values of filter ${this.key} of ${where} must be finite numbers, got ${value}`);
          }
        }
      }
    }
    return {
      metricFilterKey: this.key,
      negate: this.negated ? true : undefined,
      stringCondition,
      numberCondition,
      booleanCondition,
    };
  }
}

/** One of the conditions a metric filter has. */
interface FilterCondition {
  readonly stringCondition?: { readonly comparison: string; readonly values: string[] };
  readonly numberCondition?: { readonly comparison: string; readonly values: number[] };
  readonly booleanCondition?: { readonly comparison: string };
}

/**
 * A component of a custom metric's calculation: a metric, optionally filtered, that the calculation refers to
 * by its alias.
 */
export interface CustomMetricComponent {
  /**
   * The name the calculation refers to the component by: 1 to 128 letters, digits and underscores, not starting
   * with a digit, unique within the metric.
   */
  readonly alias: string;

  /**
   * The name of the metric the component takes its values from, such as a metric primitive of the Connect
   * metric builder.
   *
   * Give exactly one of `metricName`, `metricId` and `metric`.
   *
   * @default - none; give `metricId` or `metric`
   */
  readonly metricName?: string;

  /**
   * The id of the metric the component takes its values from, such as another custom metric.
   *
   * Give exactly one of `metricName`, `metricId` and `metric`.
   *
   * @default - none; give `metricName` or `metric`
   */
  readonly metricId?: string;

  /**
   * Another custom metric of the same instance that the component takes its values from (rendered as its id).
   *
   * Give exactly one of `metricName`, `metricId` and `metric`.
   *
   * @default - none; give `metricName` or `metricId`
   */
  readonly metric?: ICustomMetric;

  /**
   * Filters on the metric's records (at most 5).
   *
   * @default - no filters
   */
  readonly filters?: CustomMetricFilter[];
}

/**
 * A custom metric of an Amazon Connect instance, defined in this app or imported.
 */
export interface ICustomMetric extends IResource, connectRefs.IMetricRef {
  /**
   * The ARN of the custom metric (`arn:aws:connect:<region>:<account>:instance/<instance-id>/metric/<id>`).
   *
   * @attribute
   */
  readonly customMetricArn: string;

  /**
   * The id of the custom metric.
   *
   * @attribute
   */
  readonly customMetricId: string;

  /**
   * The ARN of the instance the custom metric belongs to.
   */
  readonly instanceArn: string;
}

abstract class CustomMetricBase extends Resource implements ICustomMetric {
  public abstract readonly customMetricArn: string;
  public abstract readonly customMetricId: string;
  public abstract readonly instanceArn: string;

  public get metricRef(): connectRefs.MetricReference {
    return { metricArn: this.customMetricArn };
  }
}

/**
 * Properties of a `CustomMetric`.
 */
export interface CustomMetricProps {
  /**
   * The instance the custom metric belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the custom metric (1 to 128 characters), as dashboards show it.
   *
   * @default - a name generated from the construct path
   */
  readonly customMetricName?: string;

  /**
   * A description of the custom metric (1 to 500 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The formula (1 to 1024 characters) that computes the metric from the components, which it names by their
   * aliases, for example `handled / offered`.
   */
  readonly calculation: string;

  /**
   * The components the calculation refers to (1 to 5).
   */
  readonly components: CustomMetricComponent[];

  /**
   * How the values are displayed.
   */
  readonly unit: CustomMetricUnit;

  /**
   * Whether the metric is published or a draft. It cannot be changed after creation: changing it replaces
   * the metric.
   *
   * @default CustomMetricStatus.PUBLISHED
   */
  readonly status?: CustomMetricStatus;

  /**
   * How dashboards show a rising value.
   *
   * @default - Amazon Connect's default
   */
  readonly positiveTrendIndicator?: CustomMetricTrendIndicator;
}

const ALIAS = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MAX_COMPONENTS = 5;
const MAX_FILTERS = 5;

/**
 * A custom metric of an Amazon Connect instance (`AWS::Connect::Metric`): a measurement built from metric
 * primitives, their filters and a formula, that dashboards and reports show beside the built-in metrics.
 *
 * ```ts
 * new CustomMetric(this, 'ShortCalls', {
 *   instance,
 *   customMetricName: 'Short calls',
 *   calculation: 'short',
 *   components: [{
 *     alias: 'short',
 *     metricName: 'CONTACTS_HANDLED',
 *     filters: [CustomMetricFilter.compare('CONTACT_DURATION', CustomMetricFilterComparison.LESSER, [60])],
 *   }],
 *   unit: CustomMetricUnit.INTEGER,
 * });
 * ```
 *
 * @resource AWS::Connect::Metric
 */
export class CustomMetric extends CustomMetricBase {
  /**
   * Imports a custom metric by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>/metric/<id>`).
   */
  public static fromCustomMetricArn(scope: Construct, id: string, customMetricArn: string): ICustomMetric {
    class Import extends CustomMetricBase {
      public readonly customMetricArn = customMetricArn;
      public readonly customMetricId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(customMetricArn) });
        const parts = parseInstanceResourceArn(this, customMetricArn, 'metric', 'custom metric');
        this.customMetricId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the custom metric.
   *
   * @attribute
   */
  public readonly customMetricArn: string;

  /**
   * The id of the custom metric.
   *
   * @attribute
   */
  public get customMetricId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._customMetricId ?? (this._customMetricId = resourceIdOfArn(this, this.customMetricArn, 'metric', 'custom metric'));
  }

  private _customMetricId?: string;

  /**
   * The ARN of the instance the custom metric belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the custom metric.
   */
  public readonly customMetricName: string;

  constructor(scope: Construct, id: string, props: CustomMetricProps) {
    super(scope, id);

    const name = props.customMetricName ?? Names.uniqueResourceName(this, { maxLength: 128 });
    validateLength(this, 'custom metric name', name, 1, 128);
    validateDescription(this, props.description, 500);
    validateLength(this, 'calculation', props.calculation, 1, 1024);
    const components = this.renderComponents(props.components, props.calculation, props.instance.instanceArn);

    const resource = new CfnMetric(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
      metricCalculation: {
        calculation: props.calculation,
        calculationComponents: components,
      },
      unit: props.unit,
      status: props.status ?? CustomMetricStatus.PUBLISHED,
      positiveTrendIndicator: props.positiveTrendIndicator,
    });
    fixLogicalIdAtSynthesis(resource);

    this.customMetricArn = resource.attrMetricArn;
    this.instanceArn = props.instance.instanceArn;
    this.customMetricName = name;
  }

  private renderComponents(components: CustomMetricComponent[], calculation: string,
    instanceArn: string): CfnMetric.CalculationComponentProperty[] {
    validateCount(this, 'components', components, 1, MAX_COMPONENTS);
    const aliases = new Set<string>();
    return components.map((component, index) => {
      const alias = component.alias;
      const where = Token.isUnresolved(alias) ? `component ${index + 1}` : `component ${alias}`;
      validateLength(this, `alias of component ${index + 1}`, alias, 1, 128);
      validatePattern(this, `alias of component ${index + 1}`, alias, ALIAS,
        'letters, digits and underscores, not starting with a digit');
      if (!Token.isUnresolved(alias)) {
        if (aliases.has(alias)) {
          fail(this, `component aliases must be unique, '${alias}' appears more than once`);
        }
        aliases.add(alias);
        if (!Token.isUnresolved(calculation) && !new RegExp(`(^|[^a-zA-Z0-9_])${alias}([^a-zA-Z0-9_]|$)`).test(calculation)) {
          Annotations.of(this).addWarningV2('cdk-connect:CustomMetric.unusedComponent',
            `component ${alias} is not used in the calculation '${calculation}'`);
        }
      }
      const given = [component.metricName, component.metricId, component.metric].filter(value => value !== undefined).length;
      if (given === 0) {
        fail(this, `${where} needs a metricName, a metricId or a metric: the metric it takes its values from`);
      }
      if (given > 1) {
        fail(this, `${where} must name its metric with exactly one of metricName, metricId and metric, got ${given}`);
      }
      validateNotEmpty(this, `metricName of ${where}`, component.metricName);
      validateNotEmpty(this, `metricId of ${where}`, component.metricId);
      if (component.metric !== undefined) {
        validateSameInstance(this, `metric of ${where}`, instanceArn, component.metric.instanceArn);
      }
      const filters = component.filters ?? [];
      validateCount(this, `filters of ${where}`, filters, 0, MAX_FILTERS);
      return {
        alias,
        metricName: component.metricName,
        metricId: component.metric?.customMetricId ?? component.metricId,
        metricFilters: filters.length > 0 ? filters.map(filter => filter._render(this, where)) : undefined,
      };
    });
  }
}

/** Checks that a string, when given, is not empty (skipped for tokens). */
function validateNotEmpty(scope: IConstruct, what: string, value: string | undefined): void {
  if (value !== undefined && !Token.isUnresolved(value) && value.length === 0) {
    fail(scope, `${what} must not be empty`);
  }
}
