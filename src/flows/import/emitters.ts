import { Duration } from 'aws-cdk-lib';
import { ArnKind, ARN_KINDS, arnKindOf } from './arns';
import type { ActionEmission, ActionEmitter, BranchLink, CallType, EmitBranch, EmitContext } from './codegen';
import type { DocumentAction, DocumentCondition } from './document';
import { LOOP_CONTINUE, LOOP_DONE, WAIT_COMPLETED } from '../../private/flow-actions/logic';
import { ConditionalFlowAction, FlowAction, FlowCondition, IFlowChainable } from '../action';
import * as contact from '../actions/contact';
import * as logic from '../actions/logic';
import * as participant from '../actions/participant';
import * as routing from '../actions/routing';
import type { FlowRenderContext } from '../context';

/*
 * Typed emitters for `cdk-connect import-flow`: they write an action of a flow file as an instance of its typed class
 * (`new GetParticipantInput('Menu', { text: ..., timeout: Duration.seconds(8) })`) and its branches with the class's
 * methods (`.onTimeout(sorry)`, `.whenInHours(menu)`).
 *
 * An emitter reads the parameters into props, then proves the result faithful before it writes anything: it builds
 * the typed action at generation time from the very values the code stands for (constructs replaced by stand-ins
 * that give the file's ARNs), links its branches, renders it, and compares Parameters and Transitions with the file.
 * On any difference (a number written "05", a parameter the class does not write, a NextAction the class does not
 * take) it leaves the action to the RawAction fallback and says why.
 */

/** The flow language error type of the default error branch. */
const NO_MATCHING_ERROR = 'NoMatchingError';

/** The flow language branch taken when no condition matches. */
const NO_MATCHING_CONDITION = 'NoMatchingCondition';

/** The ARN of an AWS managed view, which belongs to no instance. */
const MANAGED_VIEW = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:aws:view\//;

/** How long a group of props may be to stay on one line. */
const INLINE_WIDTH = 80;

/** How long a line of generated code may be. */
const LINE_WIDTH = 120;

/** Why an action cannot be written with its typed class. */
class Decline extends Error {}

/** A value of generated code: its TypeScript text, and the value it evaluates to. */
interface Expr {
  /** What the code evaluates to at generation time (constructs are stand-ins that give the file's ARNs). */
  readonly value: unknown;

  /**
   * The TypeScript text.
   *
   * @param indent the indentation of the line it starts on
   * @param room how many characters it may take on one line
   */
  readonly code: (indent: string, room?: number) => string;
}

/** A method call that links one branch. */
interface Method {
  /** The method: `whenInHours`, `onTimeout`, `when`. */
  readonly name: string;

  /** The arguments before the target. */
  readonly args: Expr[];

  /** What the object of the call must be. */
  readonly needs: CallType;

  /** What the call returns. */
  readonly returns: CallType;
}

/** Builds the expressions of one action; keeps its imports until the action is written. */
class Writer {
  private readonly libraryNames = new Set<string>();
  private readonly cdkNames = new Set<string>();

  constructor(public readonly context: EmitContext) {}

  /** A name the code imports from the library. */
  public lib(name: string): string {
    this.libraryNames.add(name);
    return name;
  }

  /** Any JSON value (strings with ARNs become their variables' expressions). */
  public json(value: unknown): Expr {
    return { value, code: indent => this.context.literal(value, indent) };
  }

  /** A string, when the value is one. */
  public text(value: unknown): Expr | undefined {
    return typeof value === 'string' ? this.json(value) : undefined;
  }

  /** A JSONPath (`$.Attributes.x`), when the value is one. */
  public path(value: unknown): Expr | undefined {
    return isPath(value) ? this.json(value) : undefined;
  }

  /**
   * A whole number, when the value is one: a string of digits as the flow language writes them, or a number (which
   * the typed classes write as a string, so that the comparison with the file declines it, saying so).
   */
  public integer(value: unknown): Expr | undefined {
    const number = wholeNumber(value);
    return number === undefined ? undefined : constant(String(number), number);
  }

  /** `true` or `false` for the two given texts. */
  public boolean(value: unknown, yes: string, no: string): Expr | undefined {
    if (value !== yes && value !== no) {
      return undefined;
    }
    const flag = value === yes;
    return constant(String(flag), flag);
  }

  /** `Duration.seconds(n)`, for a whole number of seconds (as `integer()` reads them). */
  public seconds(value: unknown): Expr | undefined {
    const seconds = wholeNumber(value);
    if (seconds === undefined) {
      return undefined;
    }
    this.cdkNames.add('Duration');
    return constant(`Duration.seconds(${seconds})`, Duration.seconds(seconds));
  }

  /** `Duration.minutes(n)`, for a whole number of minutes (as `integer()` reads them). */
  public minutes(value: unknown): Expr | undefined {
    const minutes = wholeNumber(value);
    if (minutes === undefined) {
      return undefined;
    }
    this.cdkNames.add('Duration');
    return constant(`Duration.minutes(${minutes})`, Duration.minutes(minutes));
  }

  /** A member of a library enum, by its value: `LambdaInvocationType.SYNCHRONOUS`. */
  public enumMember(enumName: string, members: Record<string, string>, value: unknown): Expr | undefined {
    const key = Object.keys(members).find(name => members[name] === value);
    return key === undefined ? undefined : constant(`${this.lib(enumName)}.${key}`, value);
  }

  /** A static member of an enum-like library class whose `property` is the value: `TextToSpeechVoice.JOANNA`. */
  public staticMember(className: string, type: object, property: string, value: unknown): Expr | undefined {
    const statics = type as Record<string, unknown>;
    const key = Object.getOwnPropertyNames(type).find(name => /^[A-Z][A-Z0-9_]*$/.test(name)
      && typeof statics[name] === 'object' && (statics[name] as Record<string, unknown>)[property] === value);
    return key === undefined ? undefined : constant(`${this.lib(className)}.${key}`, statics[key]);
  }

  /** A call of a static factory of a library class: `ContactAttribute.of('tier', 'gold')`. */
  public factory(className: string, method: string, value: unknown, args: Expr[]): Expr {
    const name = this.lib(className);
    return { value, code: indent => `${name}.${method}(${args.map(arg => arg.code(indent)).join(', ')})` };
  }

  /** The variable of an ARN of the given kind, standing for a construct, when the value is such an ARN. */
  public construct(value: unknown, kind: ArnKind): Expr | undefined {
    if (typeof value !== 'string' || arnKindOf(value) !== kind) {
      return undefined;
    }
    return this.declared(value, kind);
  }

  /**
   * The variable of a value that a construct of the kind stands for, whatever the value's text says (a Cognito app
   * client id, an AWS managed view's ARN), when the value is a text.
   */
  public declared(value: unknown, kind: ArnKind): Expr | undefined {
    if (typeof value !== 'string' || value.length === 0 || isPath(value)) {
      return undefined;
    }
    const variable = this.context.arnVariable(value, kind);
    return { value: standIn(kind, variable.name, value), code: () => variable.name };
  }

  /** An object of the given members, without those that are undefined. */
  public object(members: Array<[string, Expr | undefined]>): Expr {
    const present = members.filter((entry): entry is [string, Expr] => entry[1] !== undefined);
    const value = Object.fromEntries(present.map(([name, expr]) => [name, expr.value]));
    return {
      value,
      code: (indent, room = INLINE_WIDTH) => {
        if (present.length === 0) {
          return '{}';
        }
        const inline = `{ ${present.map(([name, expr]) => `${name}: ${expr.code(indent)}`).join(', ')} }`;
        if (inline.length <= room && !inline.includes('\n')) {
          return inline;
        }
        const inner = indent + '  ';
        return `{\n${present.map(([name, expr]) => `${inner}${name}: ${expr.code(inner)},`).join('\n')}\n${indent}}`;
      },
    };
  }

  /** A list. */
  public list(items: Expr[]): Expr {
    return {
      value: items.map(item => item.value),
      code: indent => {
        const inline = `[${items.map(item => item.code(indent)).join(', ')}]`;
        if (inline.length <= INLINE_WIDTH && !inline.includes('\n')) {
          return inline;
        }
        const inner = indent + '  ';
        return `[\n${items.map(item => `${inner}${item.code(inner)},`).join('\n')}\n${indent}]`;
      },
    };
  }

  /** Makes the names the action's code uses imports of the module. */
  public commit(): void {
    this.libraryNames.forEach(name => this.context.importFromLibrary(name));
    this.cdkNames.forEach(name => this.context.importFromCdk(name));
  }
}

/** An expression whose code does not depend on where it stands. */
function constant(code: string, value: unknown): Expr {
  return { value, code: () => code };
}

/**
 * A stand-in for a construct at generation time: an object with the ARN at the property the typed classes read
 * (`queueArn`, `functionArn`, `botAliasRef.botAliasArn`).
 */
function standIn(kind: ArnKind, name: string, arn: string): unknown {
  const object: Record<string, unknown> = { node: { path: name } };
  const keys = kind.arnProperty.split('.');
  let target = object;
  keys.slice(0, -1).forEach(key => {
    target[key] = {};
    target = target[key] as Record<string, unknown>;
  });
  target[keys[keys.length - 1]] = arn;
  return object;
}

/** What the typed classes use of the render context, at generation time: ARNs of the stand-ins, no checks. */
const STAND_IN_CONTEXT = {
  scope: undefined,
  instance: { associateCognitoUserPool: () => undefined },
  flowKind: undefined,
  reference: (_action: unknown, _what: string, _resource: unknown, arn: string) => arn,
  lambdaFunction: (fn: { functionArn: string }) => fn.functionArn,
  lexBotAlias: (alias: { botAliasRef: { botAliasArn: string } }) => alias.botAliasRef.botAliasArn,
  dependOn: () => undefined,
  fail: (_action: unknown, message: string) => {
    throw new Decline(`the typed class rejects it: ${message}`);
  },
} as unknown as FlowRenderContext;

/** A stand-in for the action a branch leads to. */
function standInTarget(identifier: string): IFlowChainable {
  return { id: identifier, startAction: { id: identifier } as FlowAction, endActions: [] };
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('$.');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number written as the flow language writes them and the typed classes render them: digits, no sign or zeros ahead. */
function canonicalInteger(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,14})$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

/** A whole number given as digits or as a number. */
function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : canonicalInteger(value);
}

/** A canonical whole number that may be negative: `-30`. */
function canonicalSignedInteger(value: unknown): number | undefined {
  if (typeof value === 'string' && /^-[1-9]\d{0,14}$/.test(value)) {
    return Number(value);
  }
  return canonicalInteger(value);
}

/** The member of an object, when the value is an object. */
function member(value: unknown, key: string): unknown {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** An object of strings, or undefined. */
function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isObject(value) || !Object.values(value).every(item => typeof item === 'string')) {
    return undefined;
  }
  return value as Record<string, string>;
}

/** The expression, or a decline naming what a typed class has no value for. */
function given(expr: Expr | undefined, what: string): Expr {
  if (expr === undefined) {
    throw new Decline(`the typed class has no value for the ${what}`);
  }
  return expr;
}

/** The construct or the JSONPath of an ID parameter: `{ queue: queue1 }` or `{ queuePath: '$.Attributes.q' }`. */
function constructOrPath(w: Writer, value: unknown, kind: ArnKind, constructProp: string, pathProp: string): Array<[string, Expr | undefined]> {
  return [[constructProp, w.construct(value, kind)], [pathProp, w.path(value)]];
}

/** How a typed class is written and linked. */
interface TypedAction {
  /** The class. */
  readonly className: string;

  /** Creates an action of the class at generation time. */
  readonly create: (id: string, props: any) => FlowAction;

  /**
   * The props from the parameters; undefined for classes that take none. Members that the parameters cannot give
   * are left out: the comparison of the rendered action with the file catches what is missing.
   */
  readonly props?: (parameters: Record<string, unknown>, w: Writer) => Expr;

  /**
   * The fewest props the class takes, for parameters that `props` cannot read (the overrides then give the file's
   * values); undefined for classes whose props may be empty.
   */
  readonly minimal?: (parameters: Record<string, unknown>, w: Writer) => Expr;

  /** Whether the props may be left out when empty. */
  readonly optionalProps?: boolean;

  /** The methods of the condition branches, in order; undefined for `when()` (conditional classes only). */
  readonly conditions?: (conditions: readonly DocumentCondition[], w: Writer, parameters: Record<string, unknown>) => Method[];

  /** The methods of error types, besides `onError()`, `onErrorType()` and `otherwise()`. */
  readonly errors?: Record<string, string>;

  /** What `otherwise()` returns, when the class has one that is not `ConditionalFlowAction`'s. */
  readonly otherwise?: CallType;
}

/** A method of the class itself, which returns the class. */
function own(name: string, ...args: Expr[]): Method {
  return { name, args, needs: 'class', returns: 'class' };
}

/** The message members (`text`, `ssml`, `prompt`, `s3AudioUri`) of a participant action. */
function messageProps(p: Record<string, unknown>, w: Writer): Array<[string, Expr | undefined]> {
  const media = p.Media;
  return [
    ['text', w.text(p.Text)],
    ['ssml', w.text(p.SSML)],
    ['prompt', w.construct(p.PromptId, ARN_KINDS.prompt)],
    ['s3AudioUri', w.text(member(media, 'Uri'))],
  ];
}

/** Conditions that each are `Equals` one of the given operands, written with the method of that operand. */
function equalsMethods(type: string, methods: Record<string, string>): (conditions: readonly DocumentCondition[]) => Method[] {
  return conditions => conditions.map(condition => {
    const method = condition.operator === 'Equals' && condition.operands.length === 1 ? methods[condition.operands[0]] : undefined;
    if (method === undefined) {
      throw new Decline(`a typed ${type} has no branch for the condition ${condition.operator} ${condition.operands.join(', ')}`);
    }
    return own(method);
  });
}

const MESSAGE_PARTICIPANT: TypedAction = {
  className: 'MessageParticipant',
  create: (id, props) => new participant.MessageParticipant(id, props),
  props: (p, w) => w.object([
    ...messageProps(p, w),
    ['skipWhenDtmfBuffered', w.boolean(p.SkipWhenDTMFBufferEnabled, 'true', 'false')],
  ]),
  minimal: (_p, w) => w.object([]),
};

const MESSAGE_PARTICIPANT_ITERATIVELY: TypedAction = {
  className: 'MessageParticipantIteratively',
  create: (id, props) => new participant.MessageParticipantIteratively(id, props),
  props: (p, w) => w.object([
    ['messages', Array.isArray(p.Messages) ? w.list(p.Messages.map(message => w.object(messageProps(isObject(message) ? message : {}, w)))) : undefined],
    ['interruptEvery', w.seconds(p.InterruptFrequencySeconds)],
  ]),
  minimal: (_p, w) => w.object([['messages', w.list([])]]),
  conditions: equalsMethods('MessageParticipantIteratively', { MessagesInterrupted: 'whenInterrupted' }),
};

const GET_PARTICIPANT_INPUT: TypedAction = {
  className: 'GetParticipantInput',
  create: (id, props) => new participant.GetParticipantInput(id, props),
  optionalProps: true,
  props: (p, w) => {
    const dtmf = p.DTMFConfiguration;
    const validation = p.InputValidation;
    const phone = member(validation, 'PhoneNumberValidation');
    const encryption = p.InputEncryption;
    return w.object([
      ...messageProps(p, w),
      ['timeout', w.seconds(p.InputTimeLimitSeconds)],
      ['dtmf', isObject(dtmf) ? w.object([
        ['terminator', w.text(dtmf.InputTerminationSequence)],
        ['disableCancelKey', w.boolean(dtmf.DisableCancelKey, 'True', 'False')],
        ['interdigitTimeout', w.seconds(dtmf.InterdigitTimeLimitSeconds)],
      ]) : undefined],
      ['storeInput', p.StoreInput === 'True' ? w.object([
        ['maxDigits', w.integer(member(member(validation, 'CustomValidation'), 'MaximumLength'))],
        ['phoneNumberFormat', w.enumMember('PhoneNumberInputFormat', participant.PhoneNumberInputFormat, member(phone, 'NumberFormat'))],
        ['countryCode', w.text(member(phone, 'CountryCode'))],
        ['encryption', isObject(encryption) ? w.object([
          ['encryptionKeyId', w.text(encryption.EncryptionKeyId)],
          ['publicKey', w.text(encryption.Key)],
        ]) : undefined],
      ]) : undefined],
    ]);
  },
  errors: { InputTimeLimitExceeded: 'onTimeout', InvalidPhoneNumber: 'onInvalidPhoneNumber' },
};

const CONNECT_PARTICIPANT_WITH_LEX_BOT: TypedAction = {
  className: 'ConnectParticipantWithLexBot',
  create: (id, props) => new participant.ConnectParticipantWithLexBot(id, props),
  props: (p, w) => {
    const attributes = stringMap(p.LexSessionAttributes);
    const v1 = p.LexBot;
    return w.object([
      ...messageProps(p, w),
      ['botAlias', w.construct(member(p.LexV2Bot, 'AliasArn'), ARN_KINDS.lexBotAlias)],
      ['lexV1Bot', isObject(v1) ? w.object([['name', w.text(v1.Name)], ['region', w.text(v1.Region)], ['alias', w.text(v1.Alias)]]) : undefined],
      ['sessionAttributes', attributes && w.json(attributes)],
      ['chatTimeout', w.seconds(member(p.LexTimeoutSeconds, 'Text'))],
    ]);
  },
  conditions: (conditions, w) => conditions.map(condition => condition.operator === 'Equals' && condition.operands.length === 1
    ? own('whenIntent', w.json(condition.operands[0]))
    : when(condition, w)),
  errors: { InputTimeLimitExceeded: 'onTimeout' },
};

const DISCONNECT_PARTICIPANT: TypedAction = {
  className: 'DisconnectParticipant',
  create: id => new participant.DisconnectParticipant(id),
};

const UPDATE_CONTACT_TARGET_QUEUE: TypedAction = {
  className: 'UpdateContactTargetQueue',
  create: (id, props) => new routing.UpdateContactTargetQueue(id, props),
  props: (p, w) => w.object([
    ...constructOrPath(w, p.QueueId, ARN_KINDS.queue, 'queue', 'queuePath'),
    ...constructOrPath(w, p.AgentId, ARN_KINDS.user, 'agent', 'agentPath'),
  ]),
};

const TRANSFER_CONTACT_TO_QUEUE: TypedAction = {
  className: 'TransferContactToQueue',
  create: id => new routing.TransferContactToQueue(id),
  errors: { QueueAtCapacity: 'onQueueAtCapacity' },
};

const TRANSFER_CONTACT_TO_AGENT: TypedAction = {
  className: 'TransferContactToAgent',
  create: id => new routing.TransferContactToAgent(id),
};

const TRANSFER_TO_FLOW: TypedAction = {
  className: 'TransferToFlow',
  create: (id, props) => new routing.TransferToFlow(id, props),
  props: (p, w) => w.object(constructOrPath(w, p.ContactFlowId, ARN_KINDS.contactFlow, 'contactFlow', 'contactFlowPath')),
};

const INVOKE_FLOW_MODULE: TypedAction = {
  className: 'InvokeFlowModule',
  create: (id, props) => new routing.InvokeFlowModule(id, props),
  props: (p, w) => w.object(constructOrPath(w, p.FlowModuleId, ARN_KINDS.flowModule, 'flowModule', 'flowModulePath')),
};

const END_FLOW_EXECUTION: TypedAction = {
  className: 'EndFlowExecution',
  create: id => new routing.EndFlowExecution(id),
};

const END_FLOW_MODULE_EXECUTION: TypedAction = {
  className: 'EndFlowModuleExecution',
  create: id => new routing.EndFlowModuleExecution(id),
};

const CHECK_HOURS_OF_OPERATION: TypedAction = {
  className: 'CheckHoursOfOperation',
  create: (id, props) => new routing.CheckHoursOfOperation(id, props),
  optionalProps: true,
  props: (p, w) => w.object(constructOrPath(w, p.HoursOfOperationId, ARN_KINDS.hoursOfOperation, 'hoursOfOperation', 'hoursOfOperationPath')),
  conditions: equalsMethods('CheckHoursOfOperation', { True: 'whenInHours', False: 'whenOutOfHours' }),
};

/** The agent metrics of CheckMetricData, whose one condition is `whenAgents()`. */
const AGENT_METRICS: string[] = [
  routing.QueueMetric.AGENTS_AVAILABLE, routing.QueueMetric.AGENTS_STAFFED, routing.QueueMetric.AGENTS_ONLINE,
];

const CHECK_METRIC_DATA: TypedAction = {
  className: 'CheckMetricData',
  create: (id, props) => new routing.CheckMetricData(id, props),
  props: (p, w) => w.object([
    ['metric', w.enumMember('QueueMetric', routing.QueueMetric, p.MetricType)],
    ...constructOrPath(w, p.QueueId, ARN_KINDS.queue, 'queue', 'queuePath'),
    ...constructOrPath(w, p.AgentId, ARN_KINDS.user, 'agent', 'agentPath'),
  ]),
  conditions: (conditions, w, p) => conditions.map(condition => {
    const agents = AGENT_METRICS.includes(String(p.MetricType))
      && condition.operator === 'NumberGreaterThan' && condition.operands.length === 1 && condition.operands[0] === '0';
    return agents ? own('whenAgents') : when(condition, w);
  }),
  // A metric this library does not name: a placeholder, which the override replaces with the file's.
  minimal: (_p, w) => w.object([['metric', constant(`${w.lib('QueueMetric')}.CONTACTS_IN_QUEUE`, routing.QueueMetric.CONTACTS_IN_QUEUE)]]),
};

const COMPARE: TypedAction = {
  className: 'Compare',
  create: (id, props) => new logic.Compare(id, props),
  props: (p, w) => {
    const value = w.text(p.ComparisonValue);
    if (value === undefined) {
      throw new Decline('its ComparisonValue is not a text, which a typed Compare needs');
    }
    return w.object([['value', value]]);
  },
  // The value is a placeholder, which the override replaces with the file's.
  minimal: (_p, w) => w.object([['value', w.json('$.Attributes.value')]]),
};

const DISTRIBUTE_BY_PERCENTAGE: TypedAction = {
  className: 'DistributeByPercentage',
  create: id => new logic.DistributeByPercentage(id),
  conditions: conditions => {
    let total = 1;
    return conditions.map(condition => {
      const operand = condition.operands.length === 1 ? canonicalInteger(condition.operands[0]) : undefined;
      if (condition.operator !== 'NumberLessThan' || operand === undefined || operand <= total) {
        throw new Decline(`a typed DistributeByPercentage writes its branches as NumberLessThan 1 plus the running total of whole percentages, got ${condition.operator} ${condition.operands.join(', ')}`);
      }
      const percentage = operand - total;
      total = operand;
      return own('withPercentage', constant(String(percentage), percentage));
    });
  },
  otherwise: 'class',
};

const LOOP: TypedAction = {
  className: 'Loop',
  create: (id, props) => new logic.Loop(id, props),
  props: (p, w) => w.object([['count', w.integer(p.LoopCount)], ['countPath', w.path(p.LoopCount)]]),
  conditions: equalsMethods('Loop', { [LOOP_CONTINUE]: 'whenLooping', [LOOP_DONE]: 'whenDone' }),
};

const WAIT: TypedAction = {
  className: 'Wait',
  create: (id, props) => new logic.Wait(id, props),
  props: (p, w) => w.object([['timeout', w.seconds(p.TimeLimitSeconds)], ['timeoutPath', w.path(p.TimeLimitSeconds)]]),
  conditions: equalsMethods('Wait', {
    [WAIT_COMPLETED]: 'whenTimeExpired',
    [logic.WaitEvent.CUSTOMER_RETURNED]: 'whenCustomerReturned',
    [logic.WaitEvent.BOT_PARTICIPANT_DISCONNECTED]: 'whenBotParticipantDisconnected',
  }),
  errors: { ParticipantNotFound: 'onParticipantNotFound' },
};

const INVOKE_LAMBDA_FUNCTION: TypedAction = {
  className: 'InvokeLambdaFunction',
  create: (id, props) => new logic.InvokeLambdaFunction(id, props),
  props: (p, w) => {
    const attributes = stringMap(p.LambdaInvocationAttributes);
    return w.object([
      ...constructOrPath(w, p.LambdaFunctionARN, ARN_KINDS.lambdaFunction, 'lambdaFunction', 'functionArnPath'),
      ['timeout', w.seconds(p.InvocationTimeLimitSeconds)],
      ['invocationType', w.enumMember('LambdaInvocationType', logic.LambdaInvocationType, p.InvocationType)],
      ['responseValidation', w.enumMember('LambdaResponseType', logic.LambdaResponseType, member(p.ResponseValidation, 'ResponseType'))],
      ['inputParameters', attributes && w.list(Object.entries(attributes).map(([name, value]) => w.object([['name', w.json(name)], ['value', w.json(value)]])))],
    ]);
  },
};

const UPDATE_CONTACT_ATTRIBUTES: TypedAction = {
  className: 'UpdateContactAttributes',
  create: (id, props) => new contact.UpdateContactAttributes(id, props),
  props: (p, w) => {
    const attributes = stringMap(p.Attributes);
    return w.object([
      ['attributes', attributes && w.list(Object.entries(attributes).map(([key, value]) => isPath(value)
        ? w.factory('ContactAttribute', 'fromJsonPath', contact.ContactAttribute.fromJsonPath(key, value), [w.json(key), w.json(value)])
        : w.factory('ContactAttribute', 'of', contact.ContactAttribute.of(key, value), [w.json(key), w.json(value)])))],
      ['targetContact', w.enumMember('TargetContact', contact.TargetContact, p.TargetContact)],
    ]);
  },
  minimal: (_p, w) => w.object([['attributes', w.list([])]]),
};

const UPDATE_FLOW_ATTRIBUTES: TypedAction = {
  className: 'UpdateFlowAttributes',
  create: (id, props) => new contact.UpdateFlowAttributes(id, props),
  props: (p, w) => {
    const attributes = isObject(p.FlowAttributes) ? Object.entries(p.FlowAttributes) : undefined;
    return w.object([
      ['attributes', attributes && w.list(attributes.map(([key, attribute]) => {
        const value = member(attribute, 'Value');
        return w.factory('FlowAttribute', 'of', contact.FlowAttribute.of(key, String(value)), [w.json(key), w.json(String(value))]);
      }))],
    ]);
  },
  minimal: (_p, w) => w.object([['attributes', w.list([])]]),
};

const UPDATE_FLOW_LOGGING_BEHAVIOR: TypedAction = {
  className: 'UpdateFlowLoggingBehavior',
  create: (id, props) => new contact.UpdateFlowLoggingBehavior(id, props),
  props: (p, w) => w.object([['enabled', w.boolean(p.FlowLoggingBehavior, 'Enabled', 'Disabled')]]),
};

const UPDATE_CONTACT_RECORDING_BEHAVIOR: TypedAction = {
  className: 'UpdateContactRecordingBehavior',
  create: (id, props) => new contact.UpdateContactRecordingBehavior(id, props),
  props: (p, w) => {
    const recording = p.RecordingBehavior;
    const participants = member(recording, 'RecordedParticipants');
    const screen = member(recording, 'ScreenRecordedParticipants');
    const analytics = p.AnalyticsBehavior;
    return w.object([
      ['recordedParticipants', Array.isArray(participants)
        ? w.list(participants.map(item => given(w.enumMember('RecordedParticipant', contact.RecordedParticipant, item), `recorded participant ${describe(item)}`)))
        : w.list([])],
      ['screenRecording', Array.isArray(screen) && screen.length <= 1 ? constant(String(screen.length === 1), screen.length === 1) : undefined],
      ['ivrRecording', w.boolean(member(recording, 'IVRRecordingBehavior'), 'Enabled', 'Disabled')],
      ['analytics', isObject(analytics) ? analyticsProps(analytics, w) : undefined],
    ]);
  },
  minimal: (_p, w) => w.object([['recordedParticipants', w.list([])]]),
};

function analyticsProps(a: Record<string, unknown>, w: Writer): Expr {
  const entities = a.AnalyticsRedactionEntities;
  const voiceModes = member(member(a.ChannelConfiguration, 'Voice'), 'AnalyticsModes');
  const chat = member(a.ChannelConfiguration, 'Chat');
  const summary = a.SummaryConfiguration;
  return w.object([
    // Enabled is rendered True when not given.
    ['enabled', a.Enabled === 'True' ? undefined : w.boolean(a.Enabled, 'True', 'False')],
    ['language', w.text(a.AnalyticsLanguage)],
    ['redaction', w.boolean(a.AnalyticsRedactionBehavior, 'Enabled', 'Disabled')],
    ['redactionResults', w.enumMember('RedactionResults', contact.RedactionResults, a.AnalyticsRedactionResults)],
    ['redactionMaskMode', w.enumMember('RedactionMaskMode', contact.RedactionMaskMode, a.AnalyticsRedactionMaskMode)],
    ['redactionEntities', Array.isArray(entities) ? w.list(entities.map(entity =>
      w.staticMember('RedactionEntity', contact.RedactionEntity, 'entityType', entity)
      ?? w.factory('RedactionEntity', 'of', contact.RedactionEntity.of(String(entity)), [w.json(String(entity))]))) : undefined],
    ['voiceAnalyticsModes', Array.isArray(voiceModes)
      ? w.list(voiceModes.map(mode => given(w.enumMember('VoiceAnalyticsMode', contact.VoiceAnalyticsMode, mode), `voice analytics mode ${describe(mode)}`)))
      : undefined],
    ['chatAnalytics', chat === undefined ? undefined : constant('true', true)],
    ['postContactSummary', summary === undefined ? undefined : constant('true', true)],
    ['sentimentAnalysis', w.boolean(member(a.SentimentConfiguration, 'Enabled'), 'True', 'False')],
  ]);
}

const UPDATE_CONTACT_EVENT_HOOKS: TypedAction = {
  className: 'UpdateContactEventHooks',
  create: (id, props) => new contact.UpdateContactEventHooks(id, props),
  props: (p, w) => {
    const hooks = isObject(p.EventHooks) ? Object.entries(p.EventHooks) : [];
    if (hooks.length !== 1) {
      throw new Decline('a typed UpdateContactEventHooks sets exactly one event hook: the others are overrides');
    }
    const [hook, flow] = hooks[0];
    return w.object([
      ['eventHook', w.enumMember('ContactEventHook', contact.ContactEventHook, hook)],
      ...constructOrPath(w, flow, ARN_KINDS.contactFlow, 'flow', 'flowJsonPath'),
    ]);
  },
  // The first hook, or a placeholder, which the overrides replace with the file's hooks.
  minimal: (_p, w) => w.object([
    ['eventHook', constant(`${w.lib('ContactEventHook')}.CUSTOMER_QUEUE`, contact.ContactEventHook.CUSTOMER_QUEUE)],
    ['flowJsonPath', w.json('$.Attributes.flow')],
  ]),
};

const UPDATE_CONTACT_TEXT_TO_SPEECH_VOICE: TypedAction = {
  className: 'UpdateContactTextToSpeechVoice',
  create: (id, props) => new contact.UpdateContactTextToSpeechVoice(id, props),
  props: (p, w) => {
    const voice = p.TextToSpeechVoice;
    let voiceExpr: Expr | undefined;
    if (isPath(voice)) {
      voiceExpr = w.factory('TextToSpeechVoice', 'fromJsonPath', contact.TextToSpeechVoice.fromJsonPath(voice), [w.json(voice)]);
    } else if (typeof voice === 'string') {
      voiceExpr = w.staticMember('TextToSpeechVoice', contact.TextToSpeechVoice, 'voiceId', voice)
        ?? w.factory('TextToSpeechVoice', 'of', contact.TextToSpeechVoice.of(voice), [w.json(voice)]);
    }
    return w.object([
      ['voice', voiceExpr],
      ['engine', w.enumMember('TextToSpeechEngine', contact.TextToSpeechEngine, p.TextToSpeechEngine)],
      ['style', w.enumMember('TextToSpeechStyle', contact.TextToSpeechStyle, p.TextToSpeechStyle)],
    ]);
  },
  minimal: (_p, w) => w.object([['voice', w.staticMember('TextToSpeechVoice', contact.TextToSpeechVoice, 'voiceId', 'Joanna')]]),
};

const UPDATE_CONTACT_ROUTING_BEHAVIOR: TypedAction = {
  className: 'UpdateContactRoutingBehavior',
  create: (id, props) => new contact.UpdateContactRoutingBehavior(id, props),
  props: (p, w) => {
    const seconds = canonicalSignedInteger(p.QueueTimeAdjustmentSeconds);
    let adjustment: Expr | undefined;
    if (seconds !== undefined) {
      const method = seconds < 0 ? 'subtract' : 'add';
      const duration = w.seconds(String(Math.abs(seconds)))!;
      adjustment = w.factory('QueueTimeAdjustment', method, contact.QueueTimeAdjustment[method](duration.value as Duration), [duration]);
    }
    return w.object([['queuePriority', w.integer(p.QueuePriority)], ['queueTimeAdjustment', adjustment]]);
  },
};

const SHOW_VIEW: TypedAction = {
  className: 'ShowView',
  create: (id, props) => new participant.ShowView(id, props),
  props: (p, w) => {
    const id = member(p.ViewResource, 'Id');
    const view = w.construct(id, ARN_KINDS.view) ?? (typeof id === 'string' && MANAGED_VIEW.test(id) ? w.declared(id, ARN_KINDS.managedView) : undefined);
    const hidden = member(p.SensitiveDataConfiguration, 'HideResponseOn');
    return w.object([
      ['view', given(view, `view ${describe(id)}`)],
      ['version', w.text(member(p.ViewResource, 'Version'))],
      ['timeLimit', w.seconds(p.InvocationTimeLimitSeconds)],
      ['viewData', isObject(p.ViewData) ? w.json(p.ViewData) : undefined],
      ['hideResponseInTranscript', Array.isArray(hidden) && hidden.length === 1 && hidden[0] === 'TRANSCRIPT' ? constant('true', true) : undefined],
    ]);
  },
  conditions: (conditions, w) => conditions.map(condition => condition.operator === 'Equals' && condition.operands.length === 1
    ? own('whenAction', w.json(condition.operands[0]))
    : when(condition, w)),
  errors: { TimeLimitExceeded: 'onTimeout' },
};

const CREATE_TASK: TypedAction = {
  className: 'CreateTask',
  create: (id, props) => new routing.CreateTask(id, props),
  props: (p, w) => {
    const references = isObject(p.References) ? Object.entries(p.References) : undefined;
    const attributes = stringMap(p.Attributes);
    return w.object([
      ['name', given(w.text(p.Name), 'task name')],
      ['description', w.text(p.Description)],
      ...constructOrPath(w, p.ContactFlowId, ARN_KINDS.contactFlow, 'contactFlow', 'contactFlowPath'),
      ['taskTemplate', w.construct(p.TaskTemplateId, ARN_KINDS.taskTemplate)],
      ['attributes', attributes && Object.keys(attributes).length > 0 ? w.json(attributes) : undefined],
      ['references', references && references.length > 0 ? w.list(references.map(([name, reference]) => w.object([
        ['name', w.json(name)],
        ['type', given(w.enumMember('CreateTaskReferenceType', routing.CreateTaskReferenceType, member(reference, 'Type')), `reference type ${describe(member(reference, 'Type'))}`)],
        ['value', given(w.text(member(reference, 'Value')), 'reference value')],
      ]))) : undefined],
      ['delay', w.seconds(p.DelaySeconds)],
      ['scheduledTime', w.text(p.ScheduledTime)],
    ]);
  },
  minimal: (p, w) => w.object([['name', w.text(p.Name) ?? w.json('')]]),
};

const UPDATE_ROUTING_CRITERIA: TypedAction = {
  className: 'UpdateRoutingCriteria',
  create: (id, props) => new contact.UpdateRoutingCriteria(id, props),
  props: (p, w) => {
    const steps = member(p.RoutingCriteria, 'Steps');
    if (!Array.isArray(steps)) {
      throw new Decline('its RoutingCriteria.Steps is not a list, which a typed UpdateRoutingCriteria needs');
    }
    return w.object([['steps', w.list(steps.map(step => {
      const expression = member(step, 'Expression');
      const and = member(expression, 'AndExpression');
      const conditions = Array.isArray(and) ? and : [expression];
      return w.object([
        ['proficiencies', w.list(conditions.map(condition => {
          const attribute = member(condition, 'AttributeCondition');
          const name = given(w.text(member(attribute, 'Name')), 'attribute name');
          const value = given(w.text(member(attribute, 'Value')), 'attribute value');
          const level = member(attribute, 'ProficiencyLevel');
          const levelExpr = typeof level === 'number' ? constant(String(level), level) : given(undefined, `proficiency level ${describe(level)}`);
          return w.factory('RoutingProficiency', 'fromName', contact.RoutingProficiency.fromName(name.value as string, value.value as string, level as number),
            [name, value, levelExpr]);
        }))],
        ['expiry', w.seconds(member(member(step, 'Expiry'), 'DurationInSeconds'))],
      ]);
    }))]]);
  },
  minimal: (_p, w) => w.object([['steps', w.list([])]]),
};

const AUTHENTICATE_PARTICIPANT: TypedAction = {
  className: 'AuthenticateParticipant',
  create: (id, props) => new participant.AuthenticateParticipant(id, props),
  props: (p, w) => {
    const cognitoConfiguration = p.CognitoConfiguration;
    return w.object([
      ['userPool', given(w.declared(member(cognitoConfiguration, 'UserPoolArn'), ARN_KINDS.userPool), 'user pool')],
      ['userPoolClient', given(w.declared(member(cognitoConfiguration, 'AppClientId'), ARN_KINDS.userPoolClient), 'app client')],
      ['timeout', w.minutes(p.TimeLimitMinutes)],
      ['customerProfilesObjectType', w.text(member(p.CustomerProfilesConfiguration, 'ObjectTypeName'))],
    ]);
  },
  conditions: equalsMethods('AuthenticateParticipant', { OptedOut: 'whenOptedOut' }),
  errors: { TimeLimitExceeded: 'onTimeout' },
};

/** `when(condition)`, the generic condition branch of conditional classes. */
function when(condition: DocumentCondition, w: Writer): Method {
  return {
    name: 'when',
    args: [{ value: FlowCondition.of(condition.operator, [...condition.operands]), code: () => w.context.condition(condition) }],
    needs: 'conditional',
    returns: 'conditional',
  };
}

/** The typed classes by flow language type. */
const TYPED_ACTIONS: Record<string, TypedAction> = {
  MessageParticipant: MESSAGE_PARTICIPANT,
  MessageParticipantIteratively: MESSAGE_PARTICIPANT_ITERATIVELY,
  GetParticipantInput: GET_PARTICIPANT_INPUT,
  ConnectParticipantWithLexBot: CONNECT_PARTICIPANT_WITH_LEX_BOT,
  DisconnectParticipant: DISCONNECT_PARTICIPANT,
  UpdateContactTargetQueue: UPDATE_CONTACT_TARGET_QUEUE,
  TransferContactToQueue: TRANSFER_CONTACT_TO_QUEUE,
  TransferContactToAgent: TRANSFER_CONTACT_TO_AGENT,
  TransferToFlow: TRANSFER_TO_FLOW,
  InvokeFlowModule: INVOKE_FLOW_MODULE,
  EndFlowExecution: END_FLOW_EXECUTION,
  EndFlowModuleExecution: END_FLOW_MODULE_EXECUTION,
  CheckHoursOfOperation: CHECK_HOURS_OF_OPERATION,
  CheckMetricData: CHECK_METRIC_DATA,
  Compare: COMPARE,
  DistributeByPercentage: DISTRIBUTE_BY_PERCENTAGE,
  Loop: LOOP,
  Wait: WAIT,
  InvokeLambdaFunction: INVOKE_LAMBDA_FUNCTION,
  UpdateContactAttributes: UPDATE_CONTACT_ATTRIBUTES,
  UpdateFlowAttributes: UPDATE_FLOW_ATTRIBUTES,
  UpdateFlowLoggingBehavior: UPDATE_FLOW_LOGGING_BEHAVIOR,
  UpdateContactRecordingBehavior: UPDATE_CONTACT_RECORDING_BEHAVIOR,
  UpdateContactEventHooks: UPDATE_CONTACT_EVENT_HOOKS,
  UpdateContactTextToSpeechVoice: UPDATE_CONTACT_TEXT_TO_SPEECH_VOICE,
  UpdateContactRoutingBehavior: UPDATE_CONTACT_ROUTING_BEHAVIOR,
  ShowView: SHOW_VIEW,
  CreateTask: CREATE_TASK,
  UpdateRoutingCriteria: UPDATE_ROUTING_CRITERIA,
  AuthenticateParticipant: AUTHENTICATE_PARTICIPANT,
};

/**
 * How one branch of the document is linked: a method, the generic `next()` of a chain, a `next()` call of its own
 * (for actions that are no open end of a chain), or nothing (the class writes it).
 */
type Link = Method | 'chain' | 'call' | 'implied';

/** An action of a typed class built at generation time from props, with its branches linked. */
interface Attempt {
  readonly props?: Expr;
  readonly instance: FlowAction;
  readonly conditionLinks: Map<DocumentCondition, Link>;
  readonly errorLinks: Map<string, Link>;
  readonly nextLink?: Link;
}

/**
 * Writes an action with its typed class: the props from the parameters (or, when they cannot be read into props,
 * the fewest props the class takes), `addParameterOverride()`/`addParameterDeletion()` for what the props render
 * otherwise than the file, and the branches with the class's methods. Falls back to a `RawAction` (saying why) only
 * when the class cannot link the file's transitions.
 */
function emitTyped(spec: TypedAction, action: DocumentAction, context: EmitContext): ActionEmission | undefined {
  const parameters = action.parameters ?? {};
  let w = new Writer(context);
  let attempt: Attempt;
  try {
    attempt = build(spec, action, context, w, spec.props?.(parameters, w));
  } catch {
    try {
      w = new Writer(context);
      attempt = build(spec, action, context, w, spec.minimal?.(parameters, w));
    } catch (e) {
      return context.fallBack(e instanceof Decline ? e.message : `a typed ${spec.className} cannot express it: ${(e as Error).message}`);
    }
  }

  let rendered: unknown;
  try {
    rendered = normalize(attempt.instance._renderParameters(STAND_IN_CONTEXT) ?? {});
  } catch (e) {
    return context.fallBack(e instanceof Decline ? e.message : `a typed ${spec.className} cannot express it: ${(e as Error).message}`);
  }
  const overrides = parameterOverrides(rendered as Record<string, unknown>, normalize(parameters) as Record<string, unknown>);

  const { props, conditionLinks, errorLinks, nextLink } = attempt;
  w.commit();
  context.importFromLibrary(spec.className);
  const args = [context.literal(action.identifier)];
  if (props !== undefined && !(spec.optionalProps && Object.keys(props.value as object).length === 0)) {
    const start = `const ${context.variableOf(action.identifier)} = new ${spec.className}(${args[0]}, `;
    args.push(props.code('', LINE_WIDTH - start.length - 2));
  }
  const self = context.variableOf(action.identifier);
  return {
    expression: `new ${spec.className}(${args.join(', ')})`,
    statements: overrides.map(override => override.value === undefined
      ? `${self}.addParameterDeletion(${context.literal(override.path)});`
      : `${self}.addParameterOverride(${context.literal(override.path)}, ${context.literal(override.value)});`),
    linkBranch: (branch: EmitBranch): BranchLink | undefined => {
      const found = branch.kind === 'next' ? nextLink
        : branch.kind === 'condition' ? conditionLinks.get(branch.condition!) : errorLinks.get(branch.errorType!);
      if (found === undefined || found === 'chain') {
        return undefined;
      }
      if (found === 'implied') {
        return { needs: 'action', returns: 'action' };
      }
      if (found === 'call') {
        return { call: `.next(${branch.target})`, needs: 'action', returns: 'chain' };
      }
      const callArgs = [...found.args.map(arg => arg.code('')), branch.target];
      return { call: `.${found.name}(${callArgs.join(', ')})`, needs: found.needs, returns: found.returns };
    },
  };
}

/**
 * Builds the typed action at generation time with the props, links its branches to stand-ins of their targets and
 * checks that its Transitions are the file's; throws a `Decline` saying why it cannot.
 */
function build(spec: TypedAction, action: DocumentAction, context: EmitContext, w: Writer, props: Expr | undefined): Attempt {
  const parameters = action.parameters ?? {};
  const instance = spec.create(action.identifier, props?.value ?? {});

  const conditional = instance instanceof ConditionalFlowAction;
  if (action.conditions.length > 0 && spec.conditions === undefined && !conditional) {
    throw new Decline(`a typed ${spec.className} takes no conditions`);
  }
  const conditionLinks = new Map<DocumentCondition, Link>();
  const errorLinks = new Map<string, Link>();
  const conditionMethods = spec.conditions
    ? spec.conditions(action.conditions, w, parameters)
    : action.conditions.map(condition => when(condition, w));
  action.conditions.forEach((condition, index) => {
    link(instance, conditionMethods[index], condition.target);
    conditionLinks.set(condition, conditionMethods[index]);
  });
  for (const error of action.errors) {
    const method = errorMethod(spec, conditional, error.errorType, w);
    link(instance, method, error.target);
    errorLinks.set(error.errorType, method);
  }

  // The next action: written by the class itself (the designer's default branch), or given with next().
  const designerNext = context.designerNextActions;
  let nextLink: Link | undefined;
  const implied = instance._renderTransitions(designerNext)?.NextAction;
  if (action.next !== undefined) {
    if (implied === action.next) {
      nextLink = 'implied';
    } else if (instance._endsFlow) {
      throw new Decline(`a typed ${spec.className} ends the flow and takes no next action, and the file gives it one`);
    } else {
      instance.next(standInTarget(action.next));
      nextLink = instance._acceptsNext ? 'chain' : 'call';
    }
  } else if (implied !== undefined) {
    // The class writes the designer's NextAction, which the file leaves out: the flow must be written without them.
    context.needsExplicitNextActions();
  }

  compare(spec.className, 'Transitions', normalize(instance._renderTransitions(designerNext) ?? {}), documentTransitions(action));
  return { props, instance, conditionLinks, errorLinks, nextLink };
}

/** A parameter override of generated code: the path (dots between keys, `\.` in a key) and the value, or undefined to delete. */
interface Override {
  readonly path: string;
  readonly value?: unknown;
}

/**
 * The overrides that turn the parameters a typed class renders into the file's: one per differing value, objects
 * compared key by key, lists as a whole; in the order of the file's keys, then deletions.
 */
function parameterOverrides(rendered: Record<string, unknown>, file: Record<string, unknown>, prefix: string = ''): Override[] {
  const overrides: Override[] = [];
  for (const [key, value] of Object.entries(file)) {
    const path = prefix + key.replace(/\./g, '\\.');
    const typed = Object.prototype.hasOwnProperty.call(rendered, key) ? rendered[key] : undefined;
    if (isObject(value) && isObject(typed) && Object.keys(value).length > 0) {
      overrides.push(...parameterOverrides(typed, value, `${path}.`));
    } else if (firstDifference(typed, value, '') !== undefined) {
      overrides.push({ path, value });
    }
  }
  for (const key of Object.keys(rendered)) {
    if (!Object.prototype.hasOwnProperty.call(file, key)) {
      overrides.push({ path: prefix + key.replace(/\./g, '\\.') });
    }
  }
  return overrides;
}

/** The method that links an error branch. */
function errorMethod(spec: TypedAction, conditional: boolean, errorType: string, w: Writer): Method {
  const method = spec.errors?.[errorType];
  if (method !== undefined) {
    return own(method);
  }
  if (errorType === NO_MATCHING_CONDITION && (conditional || spec.otherwise !== undefined)) {
    const type = spec.otherwise ?? 'conditional';
    return { name: 'otherwise', args: [], needs: type, returns: type };
  }
  if (errorType === NO_MATCHING_ERROR) {
    return { name: 'onError', args: [], needs: 'action', returns: 'action' };
  }
  return { name: 'onErrorType', args: [w.json(errorType)], needs: 'action', returns: 'action' };
}

/** Calls a branch method on the action built at generation time. */
function link(instance: FlowAction, method: Method, target: string): void {
  const fn = (instance as unknown as Record<string, (...args: unknown[]) => unknown>)[method.name];
  fn.call(instance, ...method.args.map(arg => arg.value), standInTarget(target));
}

/** A value as JSON gives it (undefined members dropped). */
function normalize(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The transitions of the document's action, as a typed action renders them. */
function documentTransitions(action: DocumentAction): unknown {
  const transitions: Record<string, unknown> = {};
  if (action.next !== undefined) {
    transitions.NextAction = action.next;
  }
  if (action.conditions.length > 0) {
    transitions.Conditions = action.conditions.map(condition => ({
      NextAction: condition.target,
      Condition: { Operator: condition.operator, Operands: condition.operands },
    }));
  }
  if (action.errors.length > 0) {
    transitions.Errors = action.errors.map(error => ({ NextAction: error.target, ErrorType: error.errorType }));
  }
  return transitions;
}

/** Fails with the first difference between what the typed class renders and what the file has. */
function compare(className: string, what: string, typed: unknown, file: unknown): void {
  const difference = firstDifference(typed, file, what);
  if (difference !== undefined) {
    const [path, typedValue, fileValue] = difference;
    throw new Decline(`a typed ${className} would write ${path} ${describe(typedValue)} where the file has ${describe(fileValue)}`);
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

/** The path and the two values of the first difference of two JSON values, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path: string): [string, unknown, unknown] | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }
  return a === b ? undefined : [path, a, b];
}

/** The typed emitters, by flow language type. */
export const TYPED_EMITTERS: ReadonlyMap<string, ActionEmitter> = new Map(Object.entries(TYPED_ACTIONS).map(([type, spec]) => [
  type,
  (action: DocumentAction, context: EmitContext) => emitTyped(spec, action, context),
]));
