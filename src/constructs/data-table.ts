import { IResource, Names, RemovalPolicy, Resource, Stack, TimeZone, Token } from 'aws-cdk-lib';
import { CfnDataTable, CfnDataTableAttribute, CfnDataTableRecord } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateTimeZone } from '../private/time-zone';
import { fail, isUnresolved, validateIntegerRange, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect data table, defined in this app or imported.
 */
export interface IDataTable extends IResource, connectRefs.IDataTableRef {
  /**
   * The ARN of the data table.
   *
   * @attribute
   */
  readonly dataTableArn: string;

  /**
   * The id of the data table.
   *
   * @attribute
   */
  readonly dataTableId: string;

  /**
   * The ARN of the instance the data table belongs to.
   */
  readonly instanceArn: string;
}

abstract class DataTableBase extends Resource implements IDataTable {
  public abstract readonly dataTableArn: string;
  public abstract readonly dataTableId: string;
  public abstract readonly instanceArn: string;

  public get dataTableRef(): connectRefs.DataTableReference {
    return { dataTableArn: this.dataTableArn, instanceArn: this.instanceArn };
  }
}

/**
 * The level at which Amazon Connect locks a data table's values against concurrent edits.
 *
 * The Amazon Connect API knows `NONE`, `DATA_TABLE`, `PRIMARY_VALUE`, `ATTRIBUTE` and `VALUE`; CloudFormation
 * currently accepts only `NONE`. Use `of()` for the other levels once CloudFormation accepts them.
 */
export class DataTableValueLockLevel {
  /** No locking: concurrent edits of values are not prevented. */
  public static readonly NONE = new DataTableValueLockLevel('NONE');

  /**
   * A lock level by its Amazon Connect name, for levels this class does not list yet.
   *
   * @param level the name, such as `PRIMARY_VALUE`
   */
  public static of(level: string): DataTableValueLockLevel {
    return new DataTableValueLockLevel(level);
  }

  /**
   * The name of the lock level.
   */
  public readonly level: string;

  private constructor(level: string) {
    this.level = level;
  }
}

/**
 * The type of the values of a data table attribute.
 */
export enum DataTableValueType {
  /** Text. */
  TEXT = 'TEXT',
  /** A number. */
  NUMBER = 'NUMBER',
  /** `true` or `false`. */
  BOOLEAN = 'BOOLEAN',
  /** A list of texts. */
  TEXT_LIST = 'TEXT_LIST',
  /** A list of numbers. */
  NUMBER_LIST = 'NUMBER_LIST',
}

/**
 * Validation rules for the values of a data table attribute (a subset of JSON Schema, checked by Amazon
 * Connect whenever a value is written, and by this library for the records defined in the app).
 */
export interface DataTableAttributeValidation {
  /**
   * The fewest characters a text (or each text of a text list) may have, from 0 to 1000.
   * Only for `TEXT` and `TEXT_LIST`.
   *
   * @default - no minimum
   */
  readonly minLength?: number;

  /**
   * The most characters a text (or each text of a text list) may have, from 0 to 1000.
   * Only for `TEXT` and `TEXT_LIST`.
   *
   * @default - Amazon Connect's default limit
   */
  readonly maxLength?: number;

  /**
   * The fewest items a list may have, from 0 to 100. Only for `TEXT_LIST` and `NUMBER_LIST`.
   *
   * @default - no minimum
   */
  readonly minValues?: number;

  /**
   * The most items a list may have, from 0 to 100. Only for `TEXT_LIST` and `NUMBER_LIST`.
   *
   * @default - Amazon Connect's default limit
   */
  readonly maxValues?: number;

  /**
   * The smallest number allowed (inclusive). Only for `NUMBER` and `NUMBER_LIST`.
   *
   * @default - no minimum
   */
  readonly minimum?: number;

  /**
   * The largest number allowed (inclusive). Only for `NUMBER` and `NUMBER_LIST`.
   *
   * @default - no maximum
   */
  readonly maximum?: number;

  /**
   * Numbers must be greater than this. Only for `NUMBER` and `NUMBER_LIST`.
   *
   * @default - no exclusive minimum
   */
  readonly exclusiveMinimum?: number;

  /**
   * Numbers must be less than this. Only for `NUMBER` and `NUMBER_LIST`.
   *
   * @default - no exclusive maximum
   */
  readonly exclusiveMaximum?: number;

  /**
   * Numbers must be a multiple of this (greater than 0). Only for `NUMBER` and `NUMBER_LIST`.
   *
   * @default - any number
   */
  readonly multipleOf?: number;

  /**
   * Predefined values offered for the attribute (always allowed). Not for `BOOLEAN`.
   *
   * @default - no predefined values
   */
  readonly enumValues?: string[];

  /**
   * Whether only the `enumValues` are allowed.
   *
   * @default false - other values are allowed too
   */
  readonly strictEnum?: boolean;
}

/**
 * Options for an attribute (column) of a data table.
 */
export interface DataTableAttributeOptions {
  /**
   * The type of the attribute's values.
   */
  readonly valueType: DataTableValueType;

  /**
   * Whether the attribute is part of the table's primary key: every record has a value for each primary
   * attribute, and the combination of these values is unique. Primary values cannot be expressions.
   *
   * @default false
   */
  readonly primary?: boolean;

  /**
   * A description of the attribute (1 to 250 characters, no control characters other than line breaks and
   * tabs).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Validation rules for the attribute's values.
   *
   * @default - only the checks of the value type
   */
  readonly validation?: DataTableAttributeValidation;
}

/**
 * Properties of a data table attribute.
 */
export interface DataTableAttributeProps extends DataTableAttributeOptions {
  /**
   * The data table the attribute belongs to. Attributes of a table defined in this app are best added with
   * `table.addAttribute()`, which also lets records refer to them.
   */
  readonly dataTable: IDataTable;

  /**
   * The name of the attribute (1 to 127 letters, digits, spaces and `-_.:=@'|`, not starting with `aws:` or
   * `connect:`), unique within the table regardless of case.
   */
  readonly attributeName: string;
}

/**
 * Properties of a data table.
 */
export interface DataTableProps {
  /**
   * The instance the data table belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the data table (1 to 127 letters, digits, spaces and `-_.:=@'|`, not starting with `aws:` or
   * `connect:`), unique within the instance regardless of case.
   *
   * @default - a name generated from the construct path
   */
  readonly dataTableName?: string;

  /**
   * A description of the data table (1 to 250 characters, no control characters other than line breaks and
   * tabs).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The time zone in which Amazon Connect resolves time-based values of the table.
   *
   * @default TimeZone.ETC_UTC
   */
  readonly timeZone?: TimeZone;

  /**
   * The level at which concurrent edits of values are locked.
   *
   * @default DataTableValueLockLevel.NONE
   */
  readonly valueLockLevel?: DataTableValueLockLevel;

  /**
   * What happens to the table, its attributes and its records when they are removed from the stack.
   *
   * The values of a data table are meant to be edited by people in the Amazon Connect admin website, so the
   * table is retained by default.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Names of tables and attributes: letters, separators (spaces), digits and `-_.:=@'|`. */
const DATA_TABLE_NAME = /^[\p{L}\p{Z}\p{N}\-_.:=@'|]+$/u;

/** Descriptions: no control characters other than line breaks and tabs. */
const DATA_TABLE_DESCRIPTION = /^[\P{C}\r\n\t]+$/u;

/** Checks the name of a table or attribute. */
function validateDataTableName(scope: Construct, what: string, name: string): void {
  validateLength(scope, what, name, 1, 127);
  validatePattern(scope, what, name, DATA_TABLE_NAME, "letters, digits, spaces and -_.:=@'|");
  if (Token.isUnresolved(name)) {
    return;
  }
  if (name !== name.trim()) {
    fail(scope, `${what} must not start or end with white space, got '${name}'`);
  }
  if (/^(aws|connect):/i.test(name)) {
    fail(scope, `${what} must not start with the reserved prefix aws: or connect:, got '${name}'`);
  }
}

/** Checks the description of a table or attribute. */
function validateDataTableDescription(scope: Construct, description: string | undefined): void {
  validateLength(scope, 'description', description, 1, 250);
  validatePattern(scope, 'description', description, DATA_TABLE_DESCRIPTION,
    'free of control characters other than line breaks and tabs');
}

/**
 * An Amazon Connect data table: named configuration values (attributes, the columns) with records (the rows)
 * that flows, views and workspaces read, and that business users can edit in the Amazon Connect admin website,
 * so that the contact center's behaviour changes without a new flow.
 *
 * Attributes are added with `addAttribute()` and records with `addRecord()`, which refer to attributes by
 * name; records are checked against the attributes' types and validation rules at synth time.
 *
 * ```ts
 * const settings = new DataTable(this, 'Settings', {
 *   instance,
 *   dataTableName: 'QueueSettings',
 *   timeZone: TimeZone.EUROPE_LONDON,
 * });
 * settings.addAttribute('Queue', { valueType: DataTableValueType.TEXT, primary: true });
 * settings.addAttribute('MaxWaitSeconds', { valueType: DataTableValueType.NUMBER, validation: { minimum: 0 } });
 * settings.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromNumber('MaxWaitSeconds', 300)]);
 * ```
 *
 * @resource AWS::Connect::DataTable
 */
export class DataTable extends DataTableBase {
  /**
   * Imports a data table by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>/data-table/<id>`).
   *
   * Attributes can be added to an imported table with `new DataTableAttribute(...)`; records cannot, since
   * the table's attributes are unknown.
   */
  public static fromDataTableArn(scope: Construct, id: string, dataTableArn: string): IDataTable {
    class Import extends DataTableBase {
      public readonly dataTableArn = dataTableArn;
      public readonly dataTableId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(dataTableArn) });
        const parts = parseInstanceResourceArn(this, dataTableArn, 'data-table', 'data table');
        this.dataTableId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the data table.
   *
   * @attribute Arn
   */
  public readonly dataTableArn: string;

  /**
   * The id of the data table.
   *
   * @attribute
   */
  public get dataTableId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._dataTableId ?? (this._dataTableId = resourceIdOfArn(this, this.dataTableArn, 'data-table', 'data table'));
  }

  private _dataTableId?: string;

  /**
   * The ARN of the instance the data table belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the data table.
   */
  public readonly dataTableName: string;

  /**
   * What happens to the table, its attributes and records when they are removed from the stack.
   *
   * @internal
   */
  public readonly _removalPolicy: RemovalPolicy;
  private readonly attributesByName = new Map<string, DataTableAttribute>();
  private readonly records: DataTableRecord[] = [];
  private readonly recordKeys = new Map<string, string>();

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);

    const name = props.dataTableName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateDataTableName(this, 'data table name', name);
    validateDataTableDescription(this, props.description);
    const timeZone = (props.timeZone ?? TimeZone.ETC_UTC).timezoneName;
    validateTimeZone(this, timeZone);

    const resource = new CfnDataTable(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
      timeZone,
      valueLockLevel: (props.valueLockLevel ?? DataTableValueLockLevel.NONE).level,
      // The only status CloudFormation accepts: the table is usable as soon as it exists.
      status: 'PUBLISHED',
    });
    fixLogicalIdAtSynthesis(resource);
    this._removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    resource.applyRemovalPolicy(this._removalPolicy);

    this.dataTableArn = resource.attrArn;
    this.instanceArn = props.instance.instanceArn;
    this.dataTableName = name;
  }

  /**
   * The attributes added to the table, in the order they were added.
   */
  public get attributes(): DataTableAttribute[] {
    return [...this.attributesByName.values()];
  }

  /**
   * Adds an attribute (a column) to the table. Add the primary attributes before the records.
   *
   * @param attributeName the name of the attribute, unique within the table regardless of case
   */
  public addAttribute(attributeName: string, options: DataTableAttributeOptions): DataTableAttribute {
    return new DataTableAttribute(this, `Attribute ${attributeName}`, { ...options, dataTable: this, attributeName });
  }

  /**
   * Adds a record (a row) to the table: a value for each primary attribute (which identify the record) and
   * for any other attributes. The attributes must have been added before.
   *
   * The record's construct id is derived from its primary values, so records keep their identity when
   * others are added or removed. A table without primary attributes has a single record.
   *
   * @param values the values of the record, one per attribute
   */
  public addRecord(values: DataTableValue[]): DataTableRecord {
    const primary = this.attributes.filter(a => a.primary);
    for (const value of values) {
      if (primary.some(a => a.attributeName === value.attributeName) && (isUnresolved(value._item) || isUnresolved(value._items))) {
        fail(this, `primary value of '${value.attributeName}' must be known at synth time (it identifies the record), got a token`);
      }
    }
    const key = primary.map(a => values.find(v => v.attributeName === a.attributeName)?._text ?? '');
    const id = primary.length === 0 ? 'Record' : `Record ${key.map(k => encodeURIComponent(k)).join(' ')}`;
    return new DataTableRecord(this, id, { dataTable: this, values });
  }

  /** @internal */
  public _registerAttribute(attribute: DataTableAttribute): void {
    const folded = attribute.attributeName.toLowerCase();
    const existing = [...this.attributesByName.keys()].find(name => name.toLowerCase() === folded);
    if (existing !== undefined) {
      fail(attribute, `attribute name '${attribute.attributeName}' is already used by attribute '${existing}' of this table (names are compared regardless of case)`);
    }
    if (attribute.primary && this.records.length > 0) {
      fail(attribute, `primary attribute '${attribute.attributeName}' must be added before the table's records, which need a value for it`);
    }
    this.attributesByName.set(attribute.attributeName, attribute);
    attribute.applyRemovalPolicy(this._removalPolicy);
  }

  /**
   * Checks a record against the attributes and the other records, registers it and returns the values to
   * render.
   *
   * @internal
   */
  public _registerRecord(record: DataTableRecord, values: DataTableValue[]): RenderedRecord {
    const primary: CfnDataTableRecord.ValueProperty[] = [];
    const others: CfnDataTableRecord.ValueProperty[] = [];
    const seen = new Set<string>();
    if (values.length === 0) {
      fail(record, 'a record must have at least one value');
    }
    for (const value of values) {
      const attribute = this.attributesByName.get(value.attributeName);
      if (attribute === undefined) {
        const known = this.attributes.map(a => `'${a.attributeName}'`).join(', ') || 'none';
        fail(record, `value for attribute '${value.attributeName}', which the table does not have (add it with addAttribute first); the table's attributes are ${known}`);
      }
      if (seen.has(value.attributeName)) {
        fail(record, `attribute '${value.attributeName}' has more than one value in the record`);
      }
      seen.add(value.attributeName);
      attribute._checkValue(record, value);
      const rendered = { attributeId: attribute.attributeId, attributeValue: value._render(record) };
      (attribute.primary ? primary : others).push(rendered);
    }

    const primaryAttributes = this.attributes.filter(a => a.primary);
    const missing = primaryAttributes.filter(a => !seen.has(a.attributeName));
    if (missing.length > 0) {
      fail(record, `a record needs a value for every primary attribute, missing ${missing.map(a => `'${a.attributeName}'`).join(', ')}`);
    }
    if (primaryAttributes.length === 0 && this.records.length > 0) {
      fail(record, `a table without primary attributes has a single record, already defined by '${this.records[0].node.path}'; add a primary attribute to have more records`);
    }
    const key = JSON.stringify(primaryAttributes.map(a => values.find(v => v.attributeName === a.attributeName)!._text));
    const existing = this.recordKeys.get(key);
    if (existing !== undefined && primaryAttributes.length > 0) {
      fail(record, `the primary values of a record must be unique, record '${existing}' has the same (${primaryAttributes.map(a => a.attributeName).join(', ')}) = ${key}`);
    }
    this.recordKeys.set(key, record.node.path);
    this.records.push(record);
    return { primaryValues: primary, values: others };
  }
}

/** The values of a record as CloudFormation takes them. */
interface RenderedRecord {
  readonly primaryValues: CfnDataTableRecord.ValueProperty[];
  readonly values: CfnDataTableRecord.ValueProperty[];
}

/** Which value types each validation rule applies to. */
const TEXT_TYPES = [DataTableValueType.TEXT, DataTableValueType.TEXT_LIST];
const NUMBER_TYPES = [DataTableValueType.NUMBER, DataTableValueType.NUMBER_LIST];
const LIST_TYPES = [DataTableValueType.TEXT_LIST, DataTableValueType.NUMBER_LIST];

/**
 * An attribute (a column) of an Amazon Connect data table: its name, value type, whether it is part of the
 * primary key, and validation rules for its values.
 *
 * @resource AWS::Connect::DataTableAttribute
 */
export class DataTableAttribute extends Resource {
  /**
   * The id of the attribute, assigned by Amazon Connect.
   *
   * @attribute
   */
  public readonly attributeId: string;

  /**
   * The name of the attribute.
   */
  public readonly attributeName: string;

  /**
   * The type of the attribute's values.
   */
  public readonly valueType: DataTableValueType;

  /**
   * Whether the attribute is part of the table's primary key.
   */
  public readonly primary: boolean;

  /**
   * The ARN of the data table the attribute belongs to.
   */
  public readonly dataTableArn: string;

  private readonly validation: DataTableAttributeValidation;

  constructor(scope: Construct, id: string, props: DataTableAttributeProps) {
    super(scope, id);

    validateDataTableName(this, 'attribute name', props.attributeName);
    validateDataTableDescription(this, props.description);
    const validation = props.validation ?? {};
    this.checkValidation(props.valueType, validation);

    const resource = new CfnDataTableAttribute(this, 'Resource', {
      instanceArn: props.dataTable.instanceArn,
      dataTableArn: props.dataTable.dataTableArn,
      name: props.attributeName,
      valueType: props.valueType,
      primary: props.primary,
      description: props.description,
      validation: renderValidation(validation),
    });
    fixLogicalIdAtSynthesis(resource);

    this.attributeId = resource.attrAttributeId;
    this.attributeName = props.attributeName;
    this.valueType = props.valueType;
    this.primary = props.primary ?? false;
    this.dataTableArn = props.dataTable.dataTableArn;
    this.validation = validation;

    if (props.dataTable instanceof DataTable) {
      props.dataTable._registerAttribute(this);
    }
  }

  /**
   * Checks a record's value against the attribute's type and validation rules.
   *
   * @internal
   */
  public _checkValue(record: Construct, value: DataTableValue): void {
    const what = `value of attribute '${this.attributeName}'`;
    if (value.valueType !== this.valueType) {
      fail(record, `${what} must be of type ${this.valueType}, got a ${value.valueType} value`);
    }
    const rules = this.validation;
    const items: unknown[] = LIST_TYPES.includes(this.valueType) ? value._items! : [value._item];
    if (LIST_TYPES.includes(this.valueType) && !isUnresolved(items)) {
      if (rules.minValues !== undefined && items.length < rules.minValues) {
        fail(record, `${what} must have at least ${rules.minValues} items, got ${items.length}`);
      }
      if (rules.maxValues !== undefined && items.length > rules.maxValues) {
        fail(record, `${what} must have at most ${rules.maxValues} items, got ${items.length}`);
      }
    }
    for (const item of items) {
      if (isUnresolved(item)) {
        continue;
      }
      if (typeof item === 'string') {
        if (rules.minLength !== undefined && item.length < rules.minLength) {
          fail(record, `${what} must be at least ${rules.minLength} characters, got ${item.length} ('${item}')`);
        }
        if (rules.maxLength !== undefined && item.length > rules.maxLength) {
          fail(record, `${what} must be at most ${rules.maxLength} characters, got ${item.length}`);
        }
      }
      if (typeof item === 'number') {
        this.checkNumber(record, what, item);
      }
      if (rules.strictEnum && rules.enumValues && !rules.enumValues.includes(String(item))) {
        fail(record, `${what} must be one of ${rules.enumValues.map(v => `'${v}'`).join(', ')} (strictEnum), got '${item}'`);
      }
    }
  }

  private checkNumber(record: Construct, what: string, item: number): void {
    const rules = this.validation;
    if (rules.minimum !== undefined && item < rules.minimum) {
      fail(record, `${what} must be at least ${rules.minimum}, got ${item}`);
    }
    if (rules.maximum !== undefined && item > rules.maximum) {
      fail(record, `${what} must be at most ${rules.maximum}, got ${item}`);
    }
    if (rules.exclusiveMinimum !== undefined && item <= rules.exclusiveMinimum) {
      fail(record, `${what} must be greater than ${rules.exclusiveMinimum}, got ${item}`);
    }
    if (rules.exclusiveMaximum !== undefined && item >= rules.exclusiveMaximum) {
      fail(record, `${what} must be less than ${rules.exclusiveMaximum}, got ${item}`);
    }
    if (rules.multipleOf !== undefined) {
      const quotient = item / rules.multipleOf;
      if (Math.abs(quotient - Math.round(quotient)) > 1e-9) {
        fail(record, `${what} must be a multiple of ${rules.multipleOf}, got ${item}`);
      }
    }
  }

  private checkValidation(valueType: DataTableValueType, rules: DataTableAttributeValidation): void {
    const onlyFor = (rule: string, given: unknown, types: DataTableValueType[]) => {
      if (given !== undefined && !types.includes(valueType)) {
        fail(this, `validation ${rule} only applies to attributes of type ${types.join(' or ')}, got ${valueType}`);
      }
    };
    onlyFor('minLength', rules.minLength, TEXT_TYPES);
    onlyFor('maxLength', rules.maxLength, TEXT_TYPES);
    onlyFor('minValues', rules.minValues, LIST_TYPES);
    onlyFor('maxValues', rules.maxValues, LIST_TYPES);
    for (const rule of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const) {
      onlyFor(rule, rules[rule], NUMBER_TYPES);
    }
    if (valueType === DataTableValueType.BOOLEAN && rules.enumValues !== undefined) {
      fail(this, 'validation enumValues does not apply to attributes of type BOOLEAN');
    }

    // CloudFormation's schema makes 1000 and 100 exclusive maximums (the Connect API would take them).
    validateIntegerRange(this, 'validation minLength', rules.minLength, 0, 999);
    validateIntegerRange(this, 'validation maxLength', rules.maxLength, 0, 999);
    validateIntegerRange(this, 'validation minValues', rules.minValues, 0, 99);
    validateIntegerRange(this, 'validation maxValues', rules.maxValues, 0, 99);
    for (const [inclusive, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
      if (rules[inclusive] !== undefined && rules[exclusive] !== undefined) {
        fail(this, `validation ${inclusive} and ${exclusive} cannot both be given, choose one`);
      }
    }
    const ordered = (lowName: string, low: number | undefined, highName: string, high: number | undefined, strict: boolean) => {
      if (low === undefined || high === undefined || isUnresolved(low) || isUnresolved(high)) {
        return;
      }
      if (strict ? low >= high : low > high) {
        fail(this, `validation ${lowName} must be ${strict ? 'less than' : 'at most'} ${highName}, got ${low} and ${high}`);
      }
    };
    ordered('minLength', rules.minLength, 'maxLength', rules.maxLength, false);
    ordered('minValues', rules.minValues, 'maxValues', rules.maxValues, false);
    ordered('minimum', rules.minimum, 'maximum', rules.maximum, false);
    ordered('minimum', rules.minimum, 'exclusiveMaximum', rules.exclusiveMaximum, true);
    ordered('exclusiveMinimum', rules.exclusiveMinimum, 'maximum', rules.maximum, true);
    ordered('exclusiveMinimum', rules.exclusiveMinimum, 'exclusiveMaximum', rules.exclusiveMaximum, true);
    if (rules.multipleOf !== undefined && !isUnresolved(rules.multipleOf) && !(rules.multipleOf > 0)) {
      fail(this, `validation multipleOf must be greater than 0, got ${rules.multipleOf}`);
    }
    if (rules.strictEnum && (rules.enumValues === undefined || rules.enumValues.length === 0)) {
      fail(this, 'validation strictEnum needs enumValues: the values that are allowed');
    }
    if (rules.enumValues !== undefined && !isUnresolved(rules.enumValues)) {
      const unique = new Set(rules.enumValues);
      if (unique.size !== rules.enumValues.length) {
        fail(this, `validation enumValues must be unique, got ${rules.enumValues.map(v => `'${v}'`).join(', ')}`);
      }
    }
  }
}

/** The validation rules as CloudFormation takes them, or undefined when there are none. */
function renderValidation(rules: DataTableAttributeValidation): CfnDataTableAttribute.ValidationProperty | undefined {
  const hasEnum = rules.enumValues !== undefined || rules.strictEnum !== undefined;
  const rendered: CfnDataTableAttribute.ValidationProperty = {
    minLength: rules.minLength,
    maxLength: rules.maxLength,
    minValues: rules.minValues,
    maxValues: rules.maxValues,
    minimum: rules.minimum,
    maximum: rules.maximum,
    exclusiveMinimum: rules.exclusiveMinimum,
    exclusiveMaximum: rules.exclusiveMaximum,
    multipleOf: rules.multipleOf,
    enum: hasEnum ? { values: rules.enumValues, strict: rules.strictEnum } : undefined,
  };
  return Object.values(rendered).some(v => v !== undefined) ? rendered : undefined;
}

/**
 * A value of a data table record: the name of an attribute and a value of the attribute's type.
 */
export class DataTableValue {
  /**
   * A text value, for an attribute of type `TEXT`.
   */
  public static fromText(attributeName: string, value: string): DataTableValue {
    return new DataTableValue(attributeName, DataTableValueType.TEXT, value, undefined);
  }

  /**
   * A number value, for an attribute of type `NUMBER`.
   */
  public static fromNumber(attributeName: string, value: number): DataTableValue {
    return new DataTableValue(attributeName, DataTableValueType.NUMBER, value, undefined);
  }

  /**
   * A boolean value, for an attribute of type `BOOLEAN`.
   */
  public static fromBoolean(attributeName: string, value: boolean): DataTableValue {
    return new DataTableValue(attributeName, DataTableValueType.BOOLEAN, value, undefined);
  }

  /**
   * A list of texts, for an attribute of type `TEXT_LIST` (rendered as a JSON array).
   */
  public static fromTextList(attributeName: string, values: string[]): DataTableValue {
    return new DataTableValue(attributeName, DataTableValueType.TEXT_LIST, undefined, values);
  }

  /**
   * A list of numbers, for an attribute of type `NUMBER_LIST` (rendered as a JSON array).
   */
  public static fromNumberList(attributeName: string, values: number[]): DataTableValue {
    return new DataTableValue(attributeName, DataTableValueType.NUMBER_LIST, undefined, values);
  }

  /**
   * The name of the attribute the value is for.
   */
  public readonly attributeName: string;

  /**
   * The type of the value.
   */
  public readonly valueType: DataTableValueType;

  /** @internal the value of a scalar type */
  public readonly _item?: any;

  /** @internal the items of a list type */
  public readonly _items?: any[];

  private constructor(attributeName: string, valueType: DataTableValueType, item: any, items: any[] | undefined) {
    this.attributeName = attributeName;
    this.valueType = valueType;
    this._item = item;
    this._items = items;
  }

  /**
   * The value as a string, the identity of a record's primary value.
   *
   * @internal
   */
  public get _text(): string {
    if (this._items !== undefined) {
      return JSON.stringify(this._items);
    }
    return typeof this._item === 'string' ? this._item : String(this._item);
  }

  /**
   * The value as CloudFormation takes it: a string.
   *
   * @internal
   */
  public _render(scope: Construct): string {
    if (this._items !== undefined) {
      return Stack.of(scope).toJsonString(this._items);
    }
    if (typeof this._item === 'number') {
      return Token.isUnresolved(this._item) ? Token.asString(this._item) : String(this._item);
    }
    return typeof this._item === 'boolean' ? String(this._item) : this._item;
  }
}

/**
 * Properties of a data table record.
 */
export interface DataTableRecordProps {
  /**
   * The data table the record belongs to (a table defined in this app, whose attributes are known).
   */
  readonly dataTable: DataTable;

  /**
   * The values of the record: one for each primary attribute of the table, and for any other attributes.
   */
  readonly values: DataTableValue[];
}

/**
 * A record (a row) of an Amazon Connect data table. Records are best added with `table.addRecord()`, which
 * derives a stable construct id from the record's primary values.
 *
 * @resource AWS::Connect::DataTableRecord
 */
export class DataTableRecord extends Resource {
  /**
   * The id of the record, assigned by Amazon Connect.
   *
   * @attribute
   */
  public readonly recordId: string;

  /**
   * The ARN of the data table the record belongs to.
   */
  public readonly dataTableArn: string;

  constructor(scope: Construct, id: string, props: DataTableRecordProps) {
    super(scope, id);
    const table = props.dataTable;
    const rendered = table._registerRecord(this, props.values);

    const resource = new CfnDataTableRecord(this, 'Resource', {
      instanceArn: table.instanceArn,
      dataTableArn: table.dataTableArn,
      dataTableRecord: {
        primaryValues: rendered.primaryValues.length > 0 ? rendered.primaryValues : undefined,
        values: rendered.values,
      },
    });
    fixLogicalIdAtSynthesis(resource);
    resource.applyRemovalPolicy(table._removalPolicy);
    for (const attribute of table.attributes) {
      // Records are written after the table's schema, including the attributes they have no value for (those
      // with a value are referenced already).
      if (!props.values.some(v => v.attributeName === attribute.attributeName)) {
        resource.node.addDependency(attribute);
      }
    }

    this.recordId = resource.attrRecordId;
    this.dataTableArn = table.dataTableArn;
  }
}
