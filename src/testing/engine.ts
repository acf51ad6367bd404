import { CenterModel } from './center-model';
import { AuthenticationOutcome, SimulatedChannel, SimulatedLambdaResult, SimulatedLexResult, SimulatedQueueState, SimulatedViewResult, SimulationEnvironment } from './environment';
import { SimAction, SimFlow, SimResource } from './model';
import { SimulatedStep, SimulationEndType, SimulationResult, TranscriptItem } from './result';
import { conditionLabel } from '../private/flow-diagram';

/** What an action does: how the contact continues. Not part of the public API. */
export type Outcome =
  | { readonly kind: 'next' }
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'error'; readonly errorType: string }
  | { readonly kind: 'end'; readonly type: SimulationEndType; readonly target?: string }
  | { readonly kind: 'wait' }
  | { readonly kind: 'flow'; readonly flow: SimFlow }
  | { readonly kind: 'module'; readonly module: SimFlow }
  | { readonly kind: 'return' };

/** Simulates one action type. */
export type ActionHandler = (contact: SimContact, action: SimAction) => Outcome;

/** An error of the simulation itself (an action it cannot simulate, a missing answer, a runaway loop). */
export class SimulationError extends Error {}

/** The customer is silent: what an input action gets when inputs run out with `silenceAfterInputs`. */
export const SILENCE = Symbol('silence');

/** A branch an action took, for the path and coverage: `next`, `condition:<index>`, `error:<type>` or `end`. */
export interface TakenBranch {
  readonly flow: string;
  readonly action: string;
  readonly branch: string;
}

const DEFAULT_START = '2026-01-05T15:00:00Z';

/** A deterministic pseudo-random generator (mulberry32). */
/* eslint-disable no-bitwise */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/* eslint-enable no-bitwise */

/** One simulated contact: its data, inputs and transcript, and what the actions use. Not part of the public API. */
export class SimContact {
  public readonly channel: SimulatedChannel;
  public readonly attributes = new Map<string, string>();
  public external = new Map<string, string>();
  public lex = new Map<string, string>();
  public readonly flowAttributes = new Map<string, string>();
  public readonly views = new Map<string, string>();
  public readonly system = new Map<string, string>();
  public queue?: string;
  public readonly transcript: TranscriptItem[] = [];
  public readonly taken: TakenBranch[] = [];
  public readonly loops = new Map<string, number>();
  public flow!: SimFlow;
  public readonly random: () => number;
  /** For each transcript item, the index in the path of the action that wrote it. */
  public readonly itemSteps: number[] = [];
  /** The index in the path of the running action. */
  public step = 0;
  private readonly inputs: Array<string | typeof SILENCE>;
  private readonly lexResults: SimulatedLexResult[];
  private readonly viewResults: SimulatedViewResult[];
  private clock: number;
  private items = 0;

  constructor(public readonly center: CenterModel, public readonly env: SimulationEnvironment, inputs?: ReadonlyArray<string | typeof SILENCE>) {
    this.channel = env.channel ?? SimulatedChannel.CHAT;
    this.inputs = [...inputs ?? env.customerInputs ?? []];
    this.lexResults = [...env.lexResults ?? []];
    this.viewResults = [...env.viewResults ?? []];
    this.random = random(env.seed ?? 1);
    const start = Date.parse(env.startTime ?? DEFAULT_START);
    if (Number.isNaN(start)) {
      throw new SimulationError(`startTime must be an ISO 8601 date and time such as 2026-01-05T15:00:00Z, got '${env.startTime}'`);
    }
    this.clock = start;
    for (const [key, value] of Object.entries(env.attributes ?? {})) {
      this.attributes.set(key, value);
    }
    this.system.set('Channel', this.channel);
    this.system.set('ContactId', 'simulated-contact');
    this.system.set('InitialContactId', 'simulated-contact');
    this.system.set('InstanceARN', 'simulated-instance');
    if (this.channel === SimulatedChannel.CHAT) {
      this.event('application/vnd.amazonaws.connect.event.participant.joined', 'CUSTOMER', this.customerName);
    }
  }

  public get customerName(): string {
    return this.env.customerDisplayName ?? 'Customer';
  }

  /** The simulated time. */
  public get now(): Date {
    return new Date(this.clock);
  }

  /** Lets time pass. */
  public advance(seconds: number): void {
    this.clock += seconds * 1000;
  }

  /** The value of a reference such as `$.Attributes.tier`, or undefined if the contact has none. */
  public lookup(reference: string): string | undefined {
    const parts = reference.replace(/^\$\./, '').split('.');
    const [root, ...rest] = parts;
    const key = rest.join('.');
    switch (root) {
      case 'Attributes': return this.attributes.get(key);
      case 'External': return this.external.get(key);
      case 'Lex': return this.lex.get(key);
      case 'FlowAttributes': return this.flowAttributes.get(key);
      case 'Views': return this.views.get(key);
      case 'StoredCustomerInput': return this.system.get('StoredCustomerInput');
      case 'Queue': return key === 'Name' ? (this.queue === undefined ? undefined : this.center.nameOf(this.queue)) : this.queue;
      default: return this.system.get(parts.join('.'));
    }
  }

  /** A parameter value with references resolved: a whole reference becomes its value, references in text are replaced. */
  public resolve(value: unknown): string {
    if (value === undefined || value === null) {
      return '';
    }
    const text = typeof value === 'string' ? value : String(value);
    return text.replace(/\$\.[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)*/g, reference => this.lookup(reference) ?? '');
  }

  /** Writes a message of the flow into the transcript. */
  public say(text: string): void {
    this.message(text, 'SYSTEM', 'SYSTEM_MESSAGE');
  }

  /** Writes a message into the transcript. */
  public message(text: string, role: string, displayName: string): void {
    this.push({ type: 'MESSAGE', contentType: 'text/plain', content: text, participantRole: role, displayName });
  }

  /** Writes an event into the transcript. */
  public event(contentType: string, role: string, displayName: string): void {
    this.push({ type: 'EVENT', contentType, participantRole: role, displayName });
  }

  private push(item: Omit<TranscriptItem, 'id' | 'absoluteTime'>): void {
    this.items++;
    this.itemSteps.push(this.step);
    this.transcript.push({ id: `simulated-${this.items}`, ...item, absoluteTime: new Date(this.clock).toISOString() });
    this.advance(1);
  }

  /**
   * The customer's next input (a chat message, written into the transcript, or DTMF digits), `SILENCE` when the
   * customer stays silent, or undefined when there is none (the contact waits).
   */
  public nextInput(): string | typeof SILENCE | undefined {
    const input = this.inputs.shift();
    if (input === undefined) {
      return this.env.silenceAfterInputs ? SILENCE : undefined;
    }
    if (input === SILENCE) {
      return SILENCE;
    }
    if (this.channel === SimulatedChannel.CHAT) {
      this.message(input, 'CUSTOMER', this.customerName);
    }
    return input;
  }

  /** The Lex result for an input. */
  public lexResult(input: string): SimulatedLexResult | undefined {
    let index = this.lexResults.findIndex(result => result.utterance === input);
    if (index < 0) {
      index = this.lexResults.findIndex(result => result.utterance === undefined);
    }
    return index < 0 ? undefined : this.lexResults.splice(index, 1)[0];
  }

  /** The customer's next action on a view. */
  public nextViewResult(): SimulatedViewResult | undefined {
    return this.viewResults.shift();
  }

  /** What a Lambda function answers. */
  public lambdaResult(functionArn: unknown): SimulatedLambdaResult {
    const result = (this.env.lambdaResults ?? []).find(r => this.center.matches(functionArn, r.function));
    if (result === undefined) {
      const given = (this.env.lambdaResults ?? []).map(r => `'${r.function}'`).join(', ') || 'none';
      throw new SimulationError(`the flow invokes the Lambda function '${this.center.nameOf(functionArn)}' but the environment gives no result for it (lambdaResults: ${given})`);
    }
    return result;
  }

  /** The state of a queue. */
  public queueState(queue: unknown): SimulatedQueueState {
    return (this.env.queues ?? []).find(state => this.center.matches(queue, state.queue)) ?? { queue: this.center.nameOf(queue) };
  }

  /** The authentication outcome. */
  public authentication(action: SimAction): AuthenticationOutcome {
    if (this.env.authentication === undefined) {
      throw new SimulationError(`action '${action.Identifier}' (AuthenticateParticipant) asks the customer to sign in, but the environment gives no authentication outcome (SUCCESS, OPTED_OUT, TIMEOUT or ERROR)`);
    }
    return this.env.authentication;
  }

  /** The resource a parameter references. */
  public resource(value: unknown): SimResource | undefined {
    return this.center.referenced(value);
  }

  /** The flow's data as the result gives it. */
  public data(): { [key: string]: string } {
    const data: { [key: string]: string } = {};
    for (const [key, value] of this.attributes) {
      data[key] = value;
      data[`$.Attributes.${key}`] = value;
    }
    const add = (prefix: string, map: Map<string, string>) => {
      for (const [key, value] of map) {
        data[`$.${prefix}.${key}`] = value;
      }
    };
    add('External', this.external);
    add('Lex', this.lex);
    add('FlowAttributes', this.flowAttributes);
    add('Views', this.views);
    for (const [key, value] of this.system) {
      data[`$.${key}`] = value;
    }
    if (this.queue !== undefined) {
      data['$.Queue.ARN'] = this.queue.replace(/@@ref:([^@]+)@@/g, 'simulated:$1');
      data['$.Queue.Name'] = this.center.nameOf(this.queue);
    }
    return data;
  }
}

/** The handlers of every action type the simulator knows. */
export type HandlerTable = ReadonlyMap<string, ActionHandler>;

/** The branch of an action that a condition value takes: the first condition it meets. */
function conditionIndex(action: SimAction, value: string): number {
  return (action.Transitions.Conditions ?? []).findIndex(branch => meets(branch.Condition, value));
}

/** Whether a value meets a condition, as Amazon Connect compares: text for Equals and text operators, numbers for Number*. */
export function meets(condition: { Operator: string; Operands: readonly string[] }, value: string): boolean {
  const operand = String(condition.Operands?.[0] ?? '');
  const number = Number(value);
  const other = Number(operand);
  const numeric = value.trim() !== '' && operand.trim() !== '' && !Number.isNaN(number) && !Number.isNaN(other);
  switch (condition.Operator) {
    case 'Equals': return value === operand;
    case 'NumberGreaterThan': return numeric && number > other;
    case 'NumberGreaterOrEqualTo': return numeric && number >= other;
    case 'NumberLessThan': return numeric && number < other;
    case 'NumberLessOrEqualTo': return numeric && number <= other;
    case 'TextContains': return value.includes(operand);
    case 'TextStartsWith': return value.startsWith(operand);
    case 'TextEndsWith': return value.endsWith(operand);
    default: throw new SimulationError(`the condition operator '${condition.Operator}' cannot be simulated; operators: Equals, NumberGreaterThan, NumberGreaterOrEqualTo, NumberLessThan, NumberLessOrEqualTo, TextContains, TextStartsWith, TextEndsWith`);
  }
}

/** A frame of the call stack: the flow (module) and the action to continue with when a module returns. */
interface Frame {
  readonly flow: SimFlow;
  readonly returnTo?: string;
  readonly errorOf?: SimAction;
}

/**
 * Runs a contact from the start of a flow until it ends, leaves the flow, or waits for input that never comes.
 *
 * Branch selection, where the documentation is silent (chosen): a condition value that meets no condition takes
 * `NoMatchingCondition`, else the action's `NextAction`; an error without a branch of its type takes
 * `NoMatchingError`, else the contact ends with an error (Amazon Connect disconnects it).
 */
export function simulate(center: CenterModel, start: SimFlow, env: SimulationEnvironment, handlers: HandlerTable,
  inputs?: ReadonlyArray<string | typeof SILENCE>): { result: SimulationResult; taken: TakenBranch[]; itemSteps: number[] } {
  const contact = new SimContact(center, env, inputs);
  const path: SimulatedStep[] = [];
  const stack: Frame[] = [{ flow: start }];
  const maxSteps = env.maxSteps ?? 10000;
  let flow = start;
  contact.flow = flow;
  let actionId: string | undefined = flow.startAction;
  let last = { flow: flow.name, action: flow.startAction };

  const finish = (type: SimulationEndType, extra: { target?: string; reason?: string } = {}) => ({
    result: {
      path,
      attributes: contact.data(),
      end: { type, flow: last.flow, action: last.action, ...extra },
      transcript: contact.transcript,
    },
    taken: contact.taken,
    itemSteps: contact.itemSteps,
  });

  for (let steps = 0; ; steps++) {
    if (steps >= maxSteps) {
      throw new SimulationError(`the contact ran ${maxSteps} actions without ending (a loop that never ends?); last action '${last.action}' in flow '${last.flow}' (maxSteps: ${maxSteps})`);
    }
    const action = flow.actions.get(actionId!);
    if (action === undefined) {
      throw new SimulationError(`flow '${flow.name}' has no action '${actionId}'`);
    }
    last = { flow: flow.name, action: action.Identifier };
    const handler = handlers.get(action.Type);
    if (handler === undefined) {
      throw new SimulationError(`action '${action.Identifier}' (${action.Type}) of flow '${flow.name}' cannot be simulated: the simulator knows ${[...handlers.keys()].sort().join(', ')}`);
    }
    contact.step = path.length;
    const outcome = handler(contact, action);
    const record = (branch: string, label: string) => {
      contact.taken.push({ flow: flow.key, action: action.Identifier, branch });
      path.push({ flow: flow.name, action: action.Identifier, actionType: action.Type, branch: label });
    };
    const takeError = (errorType: string): string | undefined => {
      const errors = action.Transitions.Errors ?? [];
      const branch = errors.find(e => e.ErrorType === errorType) ?? errors.find(e => e.ErrorType === 'NoMatchingError');
      if (branch === undefined) {
        return undefined;
      }
      record(`error:${branch.ErrorType}`, branch.ErrorType);
      return branch.NextAction;
    };

    switch (outcome.kind) {
      case 'next': {
        const next = action.Transitions.NextAction;
        if (next === undefined) {
          record('end', 'End');
          return finish(SimulationEndType.ERROR, { reason: `action '${action.Identifier}' (${action.Type}) succeeded but has no next action` });
        }
        record('next', 'Next');
        actionId = next;
        break;
      }
      case 'value': {
        const index = conditionIndex(action, outcome.value);
        if (index >= 0) {
          const branch = action.Transitions.Conditions![index];
          record(`condition:${index}`, conditionLabel(branch.Condition));
          actionId = branch.NextAction;
          break;
        }
        const otherwise = (action.Transitions.Errors ?? []).find(e => e.ErrorType === 'NoMatchingCondition');
        if (otherwise !== undefined) {
          record('error:NoMatchingCondition', 'NoMatchingCondition');
          actionId = otherwise.NextAction;
        } else if (action.Transitions.NextAction !== undefined) {
          record('next', 'Next');
          actionId = action.Transitions.NextAction;
        } else {
          record('end', 'End');
          return finish(SimulationEndType.ERROR, { reason: `action '${action.Identifier}' (${action.Type}) got '${outcome.value}', which meets no condition, and has no NoMatchingCondition branch` });
        }
        break;
      }
      case 'error': {
        const next = takeError(outcome.errorType);
        if (next === undefined) {
          record('end', 'End');
          return finish(SimulationEndType.ERROR, { reason: `action '${action.Identifier}' (${action.Type}) raised ${outcome.errorType} and has no branch for it` });
        }
        actionId = next;
        break;
      }
      case 'end':
        record('end', 'End');
        return finish(outcome.type, { target: outcome.target });
      case 'wait':
        record('end', 'Waiting');
        return finish(SimulationEndType.WAITING);
      case 'flow':
        record('end', 'End');
        stack.length = 0;
        stack.push({ flow: outcome.flow });
        flow = outcome.flow;
        contact.flow = flow;
        actionId = flow.startAction;
        break;
      case 'module':
        stack.push({ flow: outcome.module, returnTo: action.Transitions.NextAction, errorOf: action });
        record('next', 'Next');
        flow = outcome.module;
        contact.flow = flow;
        actionId = flow.startAction;
        break;
      case 'return': {
        record('end', 'End');
        const frame = stack.pop()!;
        if (stack.length === 0 || frame.returnTo === undefined) {
          return finish(SimulationEndType.ENDED);
        }
        flow = stack[stack.length - 1].flow;
        contact.flow = flow;
        actionId = frame.returnTo;
        break;
      }
    }
  }
}
