import { Fn, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnPredefinedAttribute } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, instanceArnOfToken } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateCount, validateLength, validateUnique } from '../private/validation';

/**
 * An Amazon Connect predefined attribute, defined in this app or imported.
 *
 * A predefined attribute has no id of its own: within its instance it is identified by its name.
 */
export interface IPredefinedAttribute extends IResource, connectRefs.IPredefinedAttributeRef {
  /**
   * The ARN of the predefined attribute
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/predefined-attribute/<name>`).
   *
   * @attribute
   */
  readonly predefinedAttributeArn: string;

  /**
   * The name of the predefined attribute, which identifies it within its instance.
   *
   * @attribute
   */
  readonly predefinedAttributeName: string;

  /**
   * The ARN of the instance the predefined attribute belongs to.
   */
  readonly instanceArn: string;
}

abstract class PredefinedAttributeBase extends Resource implements IPredefinedAttribute {
  public abstract readonly predefinedAttributeArn: string;
  public abstract readonly predefinedAttributeName: string;
  public abstract readonly instanceArn: string;

  public get predefinedAttributeRef(): connectRefs.PredefinedAttributeReference {
    return { instanceArn: this.instanceArn, predefinedAttributeName: this.predefinedAttributeName };
  }
}

/** `arn:<partition>:connect:<region>:<account>:instance/<instance-id>/predefined-attribute/<name>` */
const PREDEFINED_ATTRIBUTE_ARN = /^(arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:\d{12}:instance\/[-a-zA-Z0-9]+)\/predefined-attribute\/(.+)$/;

/** The most values a predefined attribute has. */
const MAX_VALUES = 500;
/** The most purposes a predefined attribute has. */
const MAX_PURPOSES = 10;

/**
 * Properties of a predefined attribute.
 */
export interface PredefinedAttributeProps {
  /**
   * The instance the predefined attribute belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the predefined attribute (1 to 100 characters), unique within the instance, such as
   * `Language` or `Technology`. Routing criteria and user proficiencies refer to the attribute by this name, and
   * it cannot be changed: a new name replaces the attribute.
   *
   * @default - a name generated from the construct path
   */
  readonly predefinedAttributeName?: string;

  /**
   * The values the attribute can take (1 to 500 values of 1 to 100 characters each, unique), such as
   * `['English', 'Spanish']`. User proficiencies and routing criteria pick one of them.
   *
   * @default - no values (an attribute used only for its purposes, such as a contact segment attribute)
   */
  readonly values?: string[];

  /**
   * Labels that categorize the attribute (1 to 10 labels of 1 to 100 characters each, unique), used in custom
   * UI elements of the Amazon Connect admin website.
   *
   * @default - no purposes
   */
  readonly purposes?: string[];

  /**
   * Whether Amazon Connect accepts only the listed `values` when the attribute is associated with a contact
   * (strict value validation).
   *
   * @default - Amazon Connect's default (no strict validation)
   */
  readonly enableValueValidationOnAssociation?: boolean;
}

/**
 * An Amazon Connect predefined attribute: a name with a list of values (for example `Language` with
 * `English`, `Spanish`), used for routing to agents by proficiency and for contact segment attributes.
 *
 * Users name their proficiencies with it (`UserProficiency.attribute`), which checks that the value is one of
 * the attribute's values and makes the user depend on the attribute.
 *
 * Predefined attributes take no tags (`AWS::Connect::PredefinedAttribute` is not taggable).
 *
 * ```ts
 * const language = new PredefinedAttribute(this, 'Language', {
 *   instance,
 *   predefinedAttributeName: 'Language',
 *   values: ['English', 'Spanish'],
 * });
 * ```
 *
 * @resource AWS::Connect::PredefinedAttribute
 */
export class PredefinedAttribute extends PredefinedAttributeBase {
  /**
   * Imports a predefined attribute by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/predefined-attribute/<name>`).
   *
   * Its values are unknown, so user proficiencies that name it are not checked against them.
   */
  public static fromPredefinedAttributeArn(scope: Construct, id: string, predefinedAttributeArn: string): IPredefinedAttribute {
    class Import extends PredefinedAttributeBase {
      public readonly predefinedAttributeArn = predefinedAttributeArn;
      public readonly predefinedAttributeName: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(predefinedAttributeArn) });
        const parts = parsePredefinedAttributeArn(this, predefinedAttributeArn);
        this.instanceArn = parts.instanceArn;
        this.predefinedAttributeName = parts.name;
      }
    }
    return new Import();
  }

  /**
   * Imports a predefined attribute of an instance by its name.
   *
   * Its values are unknown, so user proficiencies that name it are not checked against them.
   */
  public static fromPredefinedAttributeName(scope: Construct, id: string, instance: IInstance,
    predefinedAttributeName: string): IPredefinedAttribute {
    class Import extends PredefinedAttributeBase {
      public readonly predefinedAttributeArn: string;
      public readonly predefinedAttributeName = predefinedAttributeName;
      public readonly instanceArn = instance.instanceArn;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(instance.instanceArn) });
        validateLength(this, 'predefined attribute name', predefinedAttributeName, 1, 100);
        this.predefinedAttributeArn = predefinedAttributeArnOf(instance.instanceArn, predefinedAttributeName);
      }
    }
    return new Import();
  }

  /**
   * The ARN of the predefined attribute, built from the instance ARN and the name.
   *
   * It is a token that references the `AWS::Connect::PredefinedAttribute` resource, so a resource that uses it
   * is deployed after the attribute.
   *
   * @attribute
   */
  public readonly predefinedAttributeArn: string;

  /**
   * The name of the predefined attribute.
   *
   * The name is the plain string given (or generated), with no reference to the `AWS::Connect::PredefinedAttribute`
   * resource (CloudFormation returns neither the name nor the ARN): a resource that uses the name, or
   * `predefinedAttributeRef`, outside this library must depend on the attribute, with
   * `resource.node.addDependency(attribute)`. This library's constructs (`User.addProficiency`, ...) add that
   * dependency themselves; `predefinedAttributeArn` carries it.
   *
   * @attribute
   */
  public readonly predefinedAttributeName: string;

  /**
   * The ARN of the instance the predefined attribute belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The values the attribute can take.
   *
   * @default - no values
   */
  public readonly values?: string[];

  constructor(scope: Construct, id: string, props: PredefinedAttributeProps) {
    super(scope, id);

    const name = props.predefinedAttributeName ?? Names.uniqueResourceName(this, { maxLength: 100 });
    validateLength(this, 'predefined attribute name', name, 1, 100);
    this.validateList('values', props.values, MAX_VALUES);
    this.validateList('purposes', props.purposes, MAX_PURPOSES);

    const resource = new CfnPredefinedAttribute(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      values: props.values !== undefined ? { stringList: props.values } : undefined,
      purposes: props.purposes,
      attributeConfiguration: props.enableValueValidationOnAssociation !== undefined
        ? { enableValueValidationOnAssociation: props.enableValueValidationOnAssociation }
        : undefined,
    });
    fixLogicalIdAtSynthesis(resource);

    this.instanceArn = props.instance.instanceArn;
    this.predefinedAttributeName = name;
    // CloudFormation returns neither the name nor the ARN, so the ARN is built from plain strings; selecting it
    // from a list that also holds the resource's Ref gives it the same value and makes consumers depend on it.
    this.predefinedAttributeArn = Fn.select(0, [predefinedAttributeArnOf(this.instanceArn, name), resource.ref]);
    this.values = props.values;
  }

  /**
   * Whether the attribute can take the given value: false when the attribute has no values, true when the
   * value or the values are tokens (which cannot be compared at synth time).
   */
  public hasValue(value: string): boolean {
    if (this.values === undefined) {
      return false;
    }
    if (Token.isUnresolved(this.values) || Token.isUnresolved(value)) {
      return true;
    }
    return this.values.some(v => Token.isUnresolved(v) || v === value);
  }

  private validateList(what: string, values: string[] | undefined, max: number): void {
    if (values === undefined || Token.isUnresolved(values)) {
      return;
    }
    validateCount(this, what, values, 1, max);
    values.forEach((value, index) => validateLength(this, `${what}[${index}]`, value, 1, 100));
    validateUnique(this, what, values);
  }
}

/** The ARN of a predefined attribute from the instance ARN and the name (token-safe). */
function predefinedAttributeArnOf(instanceArn: string, name: string): string {
  return `${instanceArn}/predefined-attribute/${name}`;
}

/** Splits the ARN of a predefined attribute (token-safe), checking the form of concrete ARNs. */
function parsePredefinedAttributeArn(scope: IConstruct, arn: string): { instanceArn: string; name: string } {
  if (Token.isUnresolved(arn)) {
    return { instanceArn: instanceArnOfToken(arn), name: Fn.select(3, Fn.split('/', arn)) };
  }
  const match = PREDEFINED_ATTRIBUTE_ARN.exec(arn);
  if (!match) {
    fail(scope, 'predefined attribute ARN must look like '
      + `arn:aws:connect:<region>:<account>:instance/<instance-id>/predefined-attribute/<name>, got '${arn}'`);
  }
  validateLength(scope, 'predefined attribute name', match[2], 1, 100);
  return { instanceArn: match[1], name: match[2] };
}
