import { IResource, Lazy, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnTaskTemplate } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { ContactFlowType, IContactFlow } from './contact-flow';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { fail, validateCount, validateDescription, validateLength, validatePattern, validateUnique } from '../private/validation';

/**
 * An Amazon Connect task template, defined in this app or imported.
 */
export interface ITaskTemplate extends IResource, connectRefs.ITaskTemplateRef {
  /**
   * The ARN of the task template.
   *
   * @attribute
   */
  readonly taskTemplateArn: string;

  /**
   * The id of the task template.
   *
   * @attribute
   */
  readonly taskTemplateId: string;

  /**
   * The ARN of the instance the task template belongs to.
   */
  readonly instanceArn: string;
}

abstract class TaskTemplateBase extends Resource implements ITaskTemplate {
  public abstract readonly taskTemplateArn: string;
  public abstract readonly taskTemplateId: string;
  public abstract readonly instanceArn: string;

  public get taskTemplateRef(): connectRefs.TaskTemplateReference {
    return { taskTemplateArn: this.taskTemplateArn };
  }
}

/**
 * Whether tasks can be created from a task template.
 */
export enum TaskTemplateStatus {
  /** Tasks can be created from the template. */
  ACTIVE = 'ACTIVE',
  /** The template stays defined, but no task can be created from it. */
  INACTIVE = 'INACTIVE',
}

/**
 * The type of a task template field.
 *
 * The types Amazon Connect documents are static members; `of()` takes a type added after this library.
 */
export class TaskTemplateFieldType {
  /** The name of the task (exactly one per template, always required). */
  public static readonly NAME = new TaskTemplateFieldType('NAME');
  /** The description of the task. */
  public static readonly DESCRIPTION = new TaskTemplateFieldType('DESCRIPTION');
  /** When the task is scheduled to start. */
  public static readonly SCHEDULED_TIME = new TaskTemplateFieldType('SCHEDULED_TIME');
  /** The quick connect the task is routed to. */
  public static readonly QUICK_CONNECT = new TaskTemplateFieldType('QUICK_CONNECT');
  /** A URL. */
  public static readonly URL = new TaskTemplateFieldType('URL');
  /** A number. */
  public static readonly NUMBER = new TaskTemplateFieldType('NUMBER');
  /** A single line of text. */
  public static readonly TEXT = new TaskTemplateFieldType('TEXT');
  /** Several lines of text. */
  public static readonly TEXT_AREA = new TaskTemplateFieldType('TEXT_AREA');
  /** A date and time. */
  public static readonly DATE_TIME = new TaskTemplateFieldType('DATE_TIME');
  /** True or false. */
  public static readonly BOOLEAN = new TaskTemplateFieldType('BOOLEAN');
  /** One choice out of a list of options. */
  public static readonly SINGLE_SELECT = new TaskTemplateFieldType('SINGLE_SELECT');
  /** An email address. */
  public static readonly EMAIL = new TaskTemplateFieldType('EMAIL');
  /** Whether the agent who creates the task assigns it to themselves. */
  public static readonly SELF_ASSIGN = new TaskTemplateFieldType('SELF_ASSIGN');
  /** How long the task stays open before it expires. */
  public static readonly EXPIRY_DURATION = new TaskTemplateFieldType('EXPIRY_DURATION');

  /**
   * A field type by its Amazon Connect name, for types added after this library.
   *
   * @param value the type, such as `TEXT`
   */
  public static of(value: string): TaskTemplateFieldType {
    return new TaskTemplateFieldType(value);
  }

  /** The type as Amazon Connect names it. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * Options of a task template field.
 */
export interface TaskTemplateFieldOptions {
  /**
   * A description of the field (1 to 255 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether agents must fill in the field. The `NAME` field is always required.
   *
   * @default false
   */
  readonly required?: boolean;

  /**
   * Whether agents see the field but cannot change it.
   *
   * @default false
   */
  readonly readOnly?: boolean;

  /**
   * Whether the field is hidden from agents.
   *
   * @default false
   */
  readonly invisible?: boolean;

  /**
   * The value the field has when a task is created from the template (1 to 4096 characters). It must fit the
   * field's type: a number for `NUMBER`, `true` or `false` for `BOOLEAN`, an http(s) URL for `URL`, an email
   * address for `EMAIL`, one of the options for `SINGLE_SELECT`.
   *
   * @default - no default value
   */
  readonly defaultValue?: string;
}

/**
 * A field of a task template: a value agents (or the API) fill in when they create a task.
 *
 * ```ts
 * TaskTemplateField.taskName('Summary');
 * TaskTemplateField.singleSelect('Priority', ['Low', 'High'], { required: true, defaultValue: 'Low' });
 * ```
 */
export class TaskTemplateField {
  /**
   * The task's name (type `NAME`). A template has exactly one; it is always required.
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template, such as `Name`
   */
  public static taskName(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.NAME, options);
  }

  /**
   * The task's description (type `DESCRIPTION`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static taskDescription(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.DESCRIPTION, options);
  }

  /**
   * When the task is scheduled to start (type `SCHEDULED_TIME`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static scheduledTime(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.SCHEDULED_TIME, options);
  }

  /**
   * The quick connect the task is routed to (type `QUICK_CONNECT`). A template with this field needs no
   * `contactFlow`.
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static quickConnect(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.QUICK_CONNECT, options);
  }

  /**
   * A URL (type `URL`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static url(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.URL, options);
  }

  /**
   * A number (type `NUMBER`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static number(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.NUMBER, options);
  }

  /**
   * A single line of text (type `TEXT`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static text(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.TEXT, options);
  }

  /**
   * Several lines of text (type `TEXT_AREA`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static textArea(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.TEXT_AREA, options);
  }

  /**
   * A date and time (type `DATE_TIME`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static dateTime(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.DATE_TIME, options);
  }

  /**
   * True or false (type `BOOLEAN`); a default value is `true` or `false`.
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static checkbox(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.BOOLEAN, options);
  }

  /**
   * One choice out of a list (type `SINGLE_SELECT`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   * @param selectOptions the choices: 1 to 50 unique options of 1 to 100 characters (letters, digits, spaces
   * and `_ . , -`, starting with a letter or digit and not ending with a space)
   */
  public static singleSelect(fieldName: string, selectOptions: string[], options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.SINGLE_SELECT, options, selectOptions);
  }

  /**
   * An email address (type `EMAIL`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static email(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.EMAIL, options);
  }

  /**
   * Whether the agent creating the task assigns it to themselves (type `SELF_ASSIGN`); such tasks run the
   * template's `selfAssignContactFlow`.
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static selfAssign(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.SELF_ASSIGN, options);
  }

  /**
   * How long the task stays open before it expires (type `EXPIRY_DURATION`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   */
  public static expiryDuration(fieldName: string, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, TaskTemplateFieldType.EXPIRY_DURATION, options);
  }

  /**
   * A field of any type, for types that have no factory here (use `singleSelect` for `SINGLE_SELECT`).
   *
   * @param fieldName the field's name (1 to 100 characters), unique within the template
   * @param type the field's type
   */
  public static of(fieldName: string, type: TaskTemplateFieldType, options: TaskTemplateFieldOptions = {}): TaskTemplateField {
    return new TaskTemplateField(fieldName, type, options);
  }

  /** The field's name, unique within the template; constraints and defaults refer to it. */
  public readonly fieldName: string;

  /** The field's type. */
  public readonly type: TaskTemplateFieldType;

  /** The field's options. */
  public readonly options: TaskTemplateFieldOptions;

  /**
   * The choices of a `SINGLE_SELECT` field.
   *
   * @default - none (other types)
   */
  public readonly selectOptions?: string[];

  private constructor(fieldName: string, type: TaskTemplateFieldType, options: TaskTemplateFieldOptions, selectOptions?: string[]) {
    this.fieldName = fieldName;
    this.type = type;
    this.options = options;
    this.selectOptions = selectOptions;
  }
}

/**
 * Fields of a task template, by name, with a constraint. These add to the fields' own `required`, `readOnly`
 * and `invisible` options.
 */
export interface TaskTemplateConstraints {
  /**
   * Names of fields agents must fill in (the `NAME` field is always required).
   *
   * @default - only the fields whose `required` option is set, and the `NAME` field
   */
  readonly requiredFields?: string[];

  /**
   * Names of fields agents cannot change.
   *
   * @default - only the fields whose `readOnly` option is set
   */
  readonly readOnlyFields?: string[];

  /**
   * Names of fields hidden from agents.
   *
   * @default - only the fields whose `invisible` option is set
   */
  readonly invisibleFields?: string[];
}

/**
 * The default value of a task template field, by the field's name.
 */
export interface TaskTemplateDefault {
  /**
   * The name of the field.
   */
  readonly fieldName: string;

  /**
   * The value (1 to 4096 characters), fitting the field's type (see `TaskTemplateFieldOptions.defaultValue`).
   */
  readonly value: string;
}

/**
 * Properties of a `TaskTemplate`.
 */
export interface TaskTemplateProps {
  /**
   * The instance the task template belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the task template (1 to 100 characters).
   *
   * @default - a name generated from the construct path
   */
  readonly taskTemplateName?: string;

  /**
   * A description of the task template (1 to 255 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The flow tasks created from the template start in: an inbound flow (type `CONTACT_FLOW`) of the same
   * instance. Required unless the template has a `QUICK_CONNECT` field.
   *
   * @default - none: the template must have a `QUICK_CONNECT` field
   */
  readonly contactFlow?: IContactFlow;

  /**
   * The flow that runs when an agent creates a task from the template and assigns it to themselves: an inbound
   * flow (type `CONTACT_FLOW`) of the same instance.
   *
   * @default - no self-assign flow
   */
  readonly selfAssignContactFlow?: IContactFlow;

  /**
   * The fields of the template, at most 50. Exactly one must be of type `NAME` (`TaskTemplateField.taskName`).
   * More can be added with `addField()`.
   *
   * @default - none: add at least the `NAME` field with `addField()`
   */
  readonly fields?: TaskTemplateField[];

  /**
   * Fields, by name, that are required, read-only or invisible, in addition to the fields' own options
   * (at most 50 fields per constraint).
   *
   * @default - only the fields' own options
   */
  readonly constraints?: TaskTemplateConstraints;

  /**
   * Default values of fields, by name, in addition to the fields' own `defaultValue` (at most 50 defaults
   * in all, one per field).
   *
   * @default - only the fields' own default values
   */
  readonly defaults?: TaskTemplateDefault[];

  /**
   * Whether tasks can be created from the template.
   *
   * @default TaskTemplateStatus.ACTIVE
   */
  readonly status?: TaskTemplateStatus;
}

/** The most fields, defaults and fields per constraint that a template has (CloudFormation schema). */
const MAX_ITEMS = 50;

/** A single select option (CloudFormation schema). */
const SELECT_OPTION = /^[A-Za-z0-9](?:[A-Za-z0-9_.,\s-]*[A-Za-z0-9_.,-])?$/;

const NUMBER = /^-?\d+(\.\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An Amazon Connect task template: the fields agents fill in when they create a task, with constraints and
 * default values, and the flow the task starts in.
 *
 * ```ts
 * new TaskTemplate(this, 'Callback', {
 *   instance,
 *   taskTemplateName: 'Callback',
 *   contactFlow: inbound,
 *   fields: [
 *     TaskTemplateField.taskName('Name'),
 *     TaskTemplateField.email('Customer email', { required: true }),
 *     TaskTemplateField.singleSelect('Priority', ['Low', 'High'], { defaultValue: 'Low' }),
 *   ],
 * });
 * ```
 *
 * @resource AWS::Connect::TaskTemplate
 */
export class TaskTemplate extends TaskTemplateBase {
  /**
   * Imports a task template by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/task-template/<id>`).
   */
  public static fromTaskTemplateArn(scope: Construct, id: string, taskTemplateArn: string): ITaskTemplate {
    class Import extends TaskTemplateBase {
      public readonly taskTemplateArn = taskTemplateArn;
      public readonly taskTemplateId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(taskTemplateArn) });
        const parts = parseInstanceResourceArn(this, taskTemplateArn, 'task-template', 'task template');
        this.taskTemplateId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the task template.
   *
   * @attribute
   */
  public readonly taskTemplateArn: string;

  /**
   * The id of the task template.
   *
   * @attribute
   */
  public get taskTemplateId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._taskTemplateId ?? (this._taskTemplateId = resourceIdOfArn(this, this.taskTemplateArn, 'task-template', 'task template'));
  }

  private _taskTemplateId?: string;

  /**
   * The ARN of the instance the task template belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the task template.
   */
  public readonly taskTemplateName: string;

  private readonly fields: TaskTemplateField[] = [];
  private readonly constraints: TaskTemplateConstraints;
  private readonly defaults: TaskTemplateDefault[];
  private readonly hasContactFlow: boolean;

  constructor(scope: Construct, id: string, props: TaskTemplateProps) {
    super(scope, id);

    const name = props.taskTemplateName ?? Names.uniqueResourceName(this, { maxLength: 100 });
    validateLength(this, 'task template name', name, 1, 100);
    validateDescription(this, props.description, 255);
    this.instanceArn = props.instance.instanceArn;

    for (const [what, flow] of [['contactFlow', props.contactFlow], ['selfAssignContactFlow', props.selfAssignContactFlow]] as const) {
      if (flow) {
        validateSameInstance(this, what, this.instanceArn, flow.instanceArn);
        validateFlowType(this, what, flow, ContactFlowType.CONTACT_FLOW);
      }
    }
    this.hasContactFlow = props.contactFlow !== undefined;

    this.constraints = props.constraints ?? {};
    for (const [what, names] of Object.entries(this.constraints) as Array<[string, string[] | undefined]>) {
      validateUnique(this, `constraints.${what}`, names ?? []);
      validateCount(this, `constraints.${what}`, names, 0, MAX_ITEMS);
    }
    this.defaults = props.defaults ?? [];
    validateUnique(this, 'defaults field names', this.defaults.map(d => d.fieldName));

    for (const field of props.fields ?? []) {
      this.addField(field);
    }

    this.node.addValidation({ validate: () => this.validateTemplate() });

    const resource = new CfnTaskTemplate(this, 'Resource', {
      instanceArn: this.instanceArn,
      name,
      description: props.description,
      contactFlowArn: props.contactFlow?.contactFlowArn,
      selfAssignContactFlowArn: props.selfAssignContactFlow?.contactFlowArn,
      status: props.status ?? TaskTemplateStatus.ACTIVE,
      fields: Lazy.any({ produce: () => this.fields.map(renderField) }),
      constraints: Lazy.any({ produce: () => this.renderConstraints() }),
      defaults: Lazy.any({ produce: () => this.renderDefaults() }, { omitEmptyArray: true }),
    });
    fixLogicalIdAtSynthesis(resource);

    this.taskTemplateArn = resource.attrArn;
    this.taskTemplateName = name;
  }

  /**
   * Adds a field to the template.
   *
   * @param field a field whose name is not yet in the template
   */
  public addField(field: TaskTemplateField): void {
    const where = `field '${field.fieldName}'`;
    validateLength(this, 'field name', field.fieldName, 1, 100);
    if (!Token.isUnresolved(field.fieldName) && this.fields.some(f => f.fieldName === field.fieldName)) {
      fail(this, `field names must be unique, '${field.fieldName}' is added more than once`);
    }
    validateLength(this, `description of ${where}`, field.options.description, 1, 255);
    if (field.type.value === TaskTemplateFieldType.SINGLE_SELECT.value) {
      const selectOptions = field.selectOptions ?? [];
      validateCount(this, `options of ${where}`, selectOptions, 1, MAX_ITEMS);
      for (const option of selectOptions) {
        validateLength(this, `option of ${where}`, option, 1, 100);
        validatePattern(this, `option of ${where}`, option, SELECT_OPTION,
          'letters, digits, spaces and _ . , - (starting with a letter or digit, not ending with a space)');
      }
      validateUnique(this, `options of ${where}`, selectOptions);
    }
    if (field.options.defaultValue !== undefined) {
      validateDefaultValue(this, field, field.options.defaultValue);
    }
    this.fields.push(field);
  }

  private validateTemplate(): string[] {
    const errors: string[] = [];
    const names = new Set(this.fields.map(f => f.fieldName));
    if (this.fields.length > MAX_ITEMS) {
      errors.push(`fields must have at most ${MAX_ITEMS} items, got ${this.fields.length}`);
    }
    const nameFields = this.fields.filter(f => f.type.value === TaskTemplateFieldType.NAME.value).length;
    if (nameFields !== 1) {
      errors.push(`fields must include exactly one field of type NAME (TaskTemplateField.taskName), got ${nameFields}`);
    }
    if (!this.hasContactFlow && !this.fields.some(f => f.type.value === TaskTemplateFieldType.QUICK_CONNECT.value)) {
      errors.push('contactFlow is required unless the template has a field of type QUICK_CONNECT');
    }
    for (const [what, list] of Object.entries(this.constraints) as Array<[string, string[] | undefined]>) {
      for (const fieldName of list ?? []) {
        if (!Token.isUnresolved(fieldName) && !names.has(fieldName)) {
          errors.push(`constraints.${what} refers to the field '${fieldName}', which the template does not have`);
        }
      }
    }
    const fieldDefaults = new Set(this.fields.filter(f => f.options.defaultValue !== undefined).map(f => f.fieldName));
    for (const def of this.defaults) {
      if (Token.isUnresolved(def.fieldName)) {
        continue;
      }
      const field = this.fields.find(f => f.fieldName === def.fieldName);
      if (!field) {
        errors.push(`defaults refers to the field '${def.fieldName}', which the template does not have`);
      } else if (fieldDefaults.has(def.fieldName)) {
        errors.push(`field '${def.fieldName}' has a default value in its options and in defaults; give it once`);
      } else {
        const error = defaultValueError(field, def.value);
        if (error) {
          errors.push(error);
        }
      }
    }
    // Constraints and defaults name existing fields, one default per field: with at most 50 fields they stay
    // within the schema's 50 items.
    return errors;
  }

  /** The fields of each constraint: the fields' own options, then the constraints by name, without duplicates. */
  private constraintLists(): { requiredFields: string[]; readOnlyFields: string[]; invisibleFields: string[] } {
    const merge = (own: (field: TaskTemplateField) => boolean | undefined, named: string[] | undefined): string[] => {
      const list = this.fields.filter(own).map(f => f.fieldName);
      for (const fieldName of named ?? []) {
        if (!list.includes(fieldName)) {
          list.push(fieldName);
        }
      }
      return list;
    };
    return {
      requiredFields: merge(f => f.options.required || f.type.value === TaskTemplateFieldType.NAME.value, this.constraints.requiredFields),
      readOnlyFields: merge(f => f.options.readOnly, this.constraints.readOnlyFields),
      invisibleFields: merge(f => f.options.invisible, this.constraints.invisibleFields),
    };
  }

  /** The L1 takes constraints as plain JSON, so this renders CloudFormation's own (PascalCase) keys. */
  private renderConstraints(): any {
    const lists = this.constraintLists();
    const render = (list: string[]) => list.length > 0 ? list.map(fieldName => ({ Id: { Name: fieldName } })) : undefined;
    return {
      RequiredFields: render(lists.requiredFields),
      ReadOnlyFields: render(lists.readOnlyFields),
      InvisibleFields: render(lists.invisibleFields),
    };
  }

  private renderDefaults(): CfnTaskTemplate.DefaultFieldValueProperty[] {
    return [
      ...this.fields
        .filter(f => f.options.defaultValue !== undefined)
        .map(f => ({ id: { name: f.fieldName }, defaultValue: f.options.defaultValue! })),
      ...this.defaults.map(d => ({ id: { name: d.fieldName }, defaultValue: d.value })),
    ];
  }
}

function renderField(field: TaskTemplateField): CfnTaskTemplate.FieldProperty {
  return {
    id: { name: field.fieldName },
    type: field.type.value,
    description: field.options.description,
    singleSelectOptions: field.selectOptions,
  };
}

/** Fails when a default value does not fit its field. */
function validateDefaultValue(scope: IConstruct, field: TaskTemplateField, value: string): void {
  const error = defaultValueError(field, value);
  if (error) {
    fail(scope, error);
  }
}

/** Why a default value does not fit its field's type, or undefined when it fits (or is a token). */
function defaultValueError(field: TaskTemplateField, value: string): string | undefined {
  if (Token.isUnresolved(value)) {
    return undefined;
  }
  const what = `default value of field '${field.fieldName}'`;
  if (value.length < 1 || value.length > 4096) {
    return `${what} must be 1 to 4096 characters, got ${value.length}`;
  }
  switch (field.type.value) {
    case TaskTemplateFieldType.NUMBER.value:
      return NUMBER.test(value) ? undefined : `${what} must be a number (type NUMBER), got '${value}'`;
    case TaskTemplateFieldType.BOOLEAN.value:
      return value === 'true' || value === 'false' ? undefined : `${what} must be 'true' or 'false' (type BOOLEAN), got '${value}'`;
    case TaskTemplateFieldType.URL.value:
      return isHttpUrl(value) ? undefined : `${what} must be an http or https URL (type URL), got '${value}'`;
    case TaskTemplateFieldType.EMAIL.value:
      return EMAIL.test(value) ? undefined : `${what} must be an email address (type EMAIL), got '${value}'`;
    case TaskTemplateFieldType.SINGLE_SELECT.value:
      return (field.selectOptions ?? []).includes(value)
        ? undefined
        : `${what} must be one of its options (${(field.selectOptions ?? []).join(', ')}), got '${value}'`;
    default:
      return undefined;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
