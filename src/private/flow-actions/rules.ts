import { Token } from 'aws-cdk-lib';
import { FLOW_WARNINGS } from '../flow-findings';

/** The type of a flow (the `ContactFlowType` values) or `MODULE` for a flow module. */
export type FlowKind =
  | 'CONTACT_FLOW' | 'CUSTOMER_QUEUE' | 'CUSTOMER_HOLD' | 'CUSTOMER_WHISPER' | 'AGENT_HOLD' | 'AGENT_WHISPER'
  | 'OUTBOUND_WHISPER' | 'AGENT_TRANSFER' | 'QUEUE_TRANSFER' | 'CAMPAIGN' | 'MODULE';

/** The error type that catches every error no other branch of an action handles (the default error branch). */
export const NO_MATCHING_ERROR = 'NoMatchingError';

/** The branch taken when no condition matches: not an error, so `NoMatchingError` does not catch it. */
export const NO_MATCHING_CONDITION = 'NoMatchingCondition';

/** Every flow kind. */
export const ALL_FLOW_KINDS: readonly FlowKind[] = [
  'CONTACT_FLOW', 'CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'CUSTOMER_WHISPER', 'AGENT_HOLD', 'AGENT_WHISPER',
  'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CAMPAIGN', 'MODULE',
];

/** A flow kind in words for messages: `CUSTOMER_QUEUE flow`, `flow module`. */
export function describeFlowKind(kind: FlowKind): string {
  return kind === 'MODULE' ? 'flow module' : `${kind} flow`;
}

/** Every flow kind but the given ones. */
export function allFlowKindsExcept(...excluded: FlowKind[]): FlowKind[] {
  return ALL_FLOW_KINDS.filter(kind => !excluded.includes(kind));
}

/**
 * What the flow language says about one action type: how it continues, what errors it raises, where it may be
 * used and what its parameters must be. The checks in `flow-checks.ts` apply it to every action of a flow,
 * whether it came from the builder or from a JSON document.
 */
export interface ActionSpec {
  /**
   * How the action continues on success:
   * - `required`: with `Transitions.NextAction`, which must be set;
   * - `none`: it ends the flow (or the contact leaves the flow) on success, so it has no `NextAction`;
   * - `ends`: it ends the flow on success, but the flow designer writes a `NextAction` anyway (the target of its
   *   error branch, never taken on success): one is accepted, not required;
   * - `branches`: through its `Conditions` (and `NextAction` if given); it needs at least one of them.
   */
  readonly next: 'required' | 'none' | 'ends' | 'branches';

  /**
   * The error types the action can raise. Each must be handled by an `Errors` branch of that type, or by a
   * `NoMatchingError` branch (the default), except `NoMatchingCondition`, which needs its own branch.
   * An `Errors` branch of a type not listed here fails.
   */
  readonly errors: readonly string[];

  /**
   * The error types that need a branch of their own: Amazon Connect rejects the action without one (CreateContactFlow
   * answers "Action is missing required error. Error: <type>"). Only types Connect is known to require; a missing
   * branch for any other error type in `errors` is a warning.
   *
   * @default - none
   */
  readonly requiredErrors?: readonly string[];

  /**
   * Whether Amazon Connect rejects a `NoMatchingError` branch of the action (CreateContactFlow answers "Invalid
   * Action error. Error: NoMatchingError").
   *
   * @default false
   */
  readonly rejectsNoMatchingError?: boolean;

  /**
   * Whether the action takes `Conditions`.
   *
   * @default false
   */
  readonly conditions?: boolean;

  /**
   * The flow kinds the action may be used in.
   *
   * @default - every kind
   */
  readonly flowKinds?: readonly FlowKind[];

  /**
   * Checks the parameters; calls `p.fail()` (or a helper) for what the flow language rejects. Rules that depend on
   * the flow's type read `p.flowKind` (undefined when the type is not known, which skips them).
   */
  readonly check?: (p: ParameterChecker) => void;

  /**
   * Checks the action's conditions (with `p` to read the parameters and fail naming the action): which operators and
   * operands, and which results need a branch. Called only when the action has conditions known at synth time.
   */
  readonly checkConditions?: (conditions: readonly DocumentCondition[], p: ParameterChecker) => void;
}

/** A condition of an action in a flow document (`Transitions.Conditions[].Condition`). */
export interface DocumentCondition {
  readonly Operator?: unknown;
  readonly Operands?: unknown;
}

/** Whether a value is a JSONPath (`$.Attributes.x`), which the flow language reads when the flow runs. */
export function isJsonPath(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('$.');
}

/** Whether a parameter value is only known when the flow runs (a JSONPath such as `$.Attributes.x`) or deploys. */
export function isDynamic(value: unknown): boolean {
  return isJsonPath(value) || (value !== undefined && value !== null && Token.isUnresolved(value));
}

/** Whether a condition, its operator and its operands are known at synth time (no tokens). */
export function isKnownCondition(condition: DocumentCondition): boolean {
  return !Token.isUnresolved(condition) && !Token.isUnresolved(condition.Operator) && !Token.isUnresolved(condition.Operands);
}

/** A condition in words for messages, such as `Equals "1"`. */
export function describeCondition(condition: DocumentCondition): string {
  const operands = Array.isArray(condition.Operands)
    ? condition.Operands.map(operand => JSON.stringify(operand)).join(', ')
    : JSON.stringify(condition.Operands);
  return `${String(condition.Operator)} ${operands}`;
}

/** A parameter given as a whole number: a number, or a string of digits as the flow language writes numbers. */
function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/**
 * Reads and checks the parameters of one action. Every message names the action: the checker's `fail` adds the
 * action's identifier and type.
 *
 * The checks skip what is only known when the flow runs or deploys (JSONPaths and tokens), except where the flow
 * language requires a static value (`staticValue`).
 */
export class ParameterChecker {
  /** The action's parameters (an empty object when it has none). */
  public readonly parameters: Record<string, unknown>;

  /** The type of the flow the action is in (or `MODULE`); undefined when not known, which skips flow type rules. */
  public readonly flowKind?: FlowKind;

  private readonly failWith: (message: string) => never;
  private readonly warnWith: (id: string, message: string) => void;

  /**
   * @param failWith fails naming the action: for what Amazon Connect rejects
   * @param warnWith warns naming the action: for what Amazon Connect accepts but is probably a mistake; by default it
   * fails as well
   */
  constructor(parameters: Record<string, unknown> | undefined, failWith: (message: string) => never, flowKind?: FlowKind,
    warnWith?: (id: string, message: string) => void) {
    this.parameters = parameters ?? {};
    this.failWith = failWith;
    this.flowKind = flowKind;
    this.warnWith = warnWith ?? ((_id, message) => failWith(message));
  }

  /** Fails the check: Amazon Connect rejects the action. */
  public fail(message: string): never {
    return this.failWith(message);
  }

  /**
   * Warns: Amazon Connect accepts the action, but it is probably a mistake.
   *
   * @param id the warning's id, one of `FLOW_WARNINGS`
   */
  public warn(id: string, message: string): void {
    this.warnWith(id, message);
  }

  /** The value at a dotted path (`RecordingBehavior.RecordedParticipants`); undefined when absent. */
  public value(path: string): unknown {
    let value: unknown = this.parameters;
    for (const key of path.split('.')) {
      if (typeof value !== 'object' || value === null || Token.isUnresolved(value)) {
        return undefined;
      }
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  }

  /** Whether a parameter is given. */
  public has(path: string): boolean {
    return this.value(path) !== undefined;
  }

  /** Fails unless the parameter is given. */
  public required(path: string, hint?: string): void {
    if (!this.has(path)) {
      this.fail(`parameter ${path} is required${hint ? `: ${hint}` : ''}`);
    }
  }

  /** Fails when the action has parameters: its type takes none. */
  public noParameters(hint: string = ''): void {
    const given = Object.keys(this.parameters);
    if (given.length > 0) {
      this.fail(`takes no parameters, got ${given.join(', ')}${hint}`);
    }
  }

  /** Fails unless exactly one of the parameters is given. */
  public exactlyOneOf(paths: readonly string[]): void {
    const given = paths.filter(path => this.has(path));
    if (given.length !== 1) {
      this.fail(`needs exactly one of the parameters ${paths.join(', ')}, got ${given.length === 0 ? 'none' : given.join(', ')}`);
    }
  }

  /** Fails when more than one of the parameters is given. */
  public atMostOneOf(paths: readonly string[]): void {
    const given = paths.filter(path => this.has(path));
    if (given.length > 1) {
      this.fail(`takes at most one of the parameters ${paths.join(', ')}, got ${given.join(', ')}`);
    }
  }

  /**
   * Fails unless the parameter, when given and known at synth time, is an integer (a number or a string of digits,
   * as the flow language writes them) from `min` to `max`.
   *
   * @param unit the unit for the message, such as `seconds`
   * @returns the integer, or undefined when absent or dynamic
   */
  public integer(path: string, min: number, max: number, unit?: string): number | undefined {
    const value = this.value(path);
    if (value === undefined || isDynamic(value)) {
      return undefined;
    }
    const number = wholeNumber(value);
    if (number === undefined || number < min || number > max) {
      this.fail(`parameter ${path} must be an integer from ${min} to ${max}${unit ? ` ${unit}` : ''}, got ${JSON.stringify(value)}`);
    }
    return number;
  }

  /**
   * Fails unless the parameter, when given and known at synth time, is a whole number greater than 0 (a number or a
   * string of digits).
   *
   * @param unit what the number counts, for the message, such as `seconds`
   */
  public positiveInteger(path: string, unit: string): void {
    const value = this.value(path);
    if (value === undefined || isDynamic(value)) {
      return;
    }
    const number = wholeNumber(value);
    if (number === undefined || number < 1) {
      this.fail(`parameter ${path} must be a whole number of ${unit} greater than 0, got ${JSON.stringify(value)}`);
    }
  }

  /** Fails unless the parameter, when given and known at synth time, is one of the allowed strings. */
  public oneOf(path: string, allowed: readonly string[]): void {
    const value = this.value(path);
    if (value === undefined || isDynamic(value)) {
      return;
    }
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(`parameter ${path} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    }
  }

  /** Fails unless the parameter, when given, is static (not a JSONPath) and one of the allowed strings. */
  public staticOneOf(path: string, allowed: readonly string[]): void {
    this.staticValue(path);
    this.oneOf(path, allowed);
  }

  /** Fails unless the parameter, when given and known at synth time, is a non-empty string of at most `max` characters. */
  public text(path: string, max?: number): void {
    const value = this.value(path);
    if (value === undefined || isDynamic(value)) {
      return;
    }
    if (typeof value !== 'string' || value.length === 0 || (max !== undefined && value.length > max)) {
      this.fail(`parameter ${path} must be a string of 1 to ${max ?? 'any number of'} characters, got ${typeof value === 'string' ? value.length + ' characters' : JSON.stringify(value)}`);
    }
  }

  /**
   * Fails unless the parameter, when given and known at synth time, is a string that matches the pattern.
   *
   * @param allowed what the pattern allows, for the message
   */
  public matches(path: string, pattern: RegExp, allowed: string): void {
    const value = this.value(path);
    if (value === undefined || isDynamic(value)) {
      return;
    }
    if (typeof value !== 'string' || !pattern.test(value)) {
      this.fail(`parameter ${path} must be ${allowed}, got ${JSON.stringify(value)}`);
    }
  }

  /** Fails when a parameter that the flow language requires to be static is a JSONPath. */
  public staticValue(path: string): void {
    const value = this.value(path);
    if (isJsonPath(value)) {
      this.fail(`parameter ${path} must be set statically, not from a JSONPath, got ${JSON.stringify(value)}`);
    }
  }

  /**
   * Fails unless a parameter, when given and known at synth time, is the ID or ARN of a resource or a single JSONPath:
   * the flow language takes either, not text with a JSONPath inside.
   *
   * @param what the kind of resource, for the message, such as `queue`
   */
  public idOrPath(path: string, what: string): void {
    const value = this.value(path);
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    if (typeof value !== 'string' || value.length === 0) {
      this.fail(`parameter ${path} must be the ID or ARN of the ${what}, or a JSONPath such as $.Attributes.name, got ${JSON.stringify(value)}`);
    }
    if (!value.startsWith('$.') && value.includes('$.')) {
      this.fail(`parameter ${path} must be either a static ID or ARN of the ${what} or a single JSONPath, not text around a JSONPath, got ${JSON.stringify(value)}`);
    }
  }

  /** The parameter as an object; undefined when absent or a token; fails for anything else. */
  public object(path: string): Record<string, unknown> | undefined {
    const value = this.value(path);
    if (value === undefined || Token.isUnresolved(value)) {
      return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(`parameter ${path} must be an object, got ${JSON.stringify(value)}`);
    }
    return value as Record<string, unknown>;
  }

  /** The parameter as a list; undefined when absent or a token; fails for anything else. */
  public list(path: string): unknown[] | undefined {
    const value = this.value(path);
    if (value === undefined || Token.isUnresolved(value)) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.fail(`parameter ${path} must be a list, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  /**
   * Fails unless every item of a list parameter (when given) is one of the allowed strings, each at most once.
   *
   * @returns the list, or undefined when absent or a token
   */
  public listOf(path: string, allowed: readonly string[]): string[] | undefined {
    const list = this.list(path);
    if (list === undefined) {
      return undefined;
    }
    const seen = new Set<unknown>();
    for (const item of list) {
      if (Token.isUnresolved(item)) {
        continue;
      }
      if (typeof item !== 'string' || !allowed.includes(item)) {
        this.fail(`parameter ${path} may only contain ${allowed.join(', ')}, got ${JSON.stringify(item)}`);
      }
      if (seen.has(item)) {
        this.fail(`parameter ${path} lists ${item} twice`);
      }
      seen.add(item);
    }
    return list as string[];
  }

  /**
   * The operand of a condition that must be `Equals` with one operand; fails otherwise, with `hint` saying what the
   * operand is (`one key: 0-9, * or #`).
   *
   * @returns the operand, or undefined when the condition or the operand is a token
   */
  public equalsOperand(condition: DocumentCondition, hint: string): string | undefined {
    if (!isKnownCondition(condition)) {
      return undefined;
    }
    const operands = condition.Operands;
    if (condition.Operator !== 'Equals' || !Array.isArray(operands) || operands.length !== 1 || typeof operands[0] !== 'string') {
      return this.fail(`conditions must be Equals with ${hint}, got ${describeCondition(condition)}`);
    }
    return Token.isUnresolved(operands[0]) ? undefined : operands[0];
  }

  /**
   * Fails unless every condition is `Equals` with one of the allowed operands, each at most once.
   *
   * @param note added to the message for a condition on another operand
   * @returns the operands, or undefined when a condition is a token
   */
  public equalsAmong(conditions: readonly DocumentCondition[], allowed: readonly string[], note: string = ''): string[] | undefined {
    const operands = conditions.map(condition => this.equalsOperand(condition, allowed.join(' or ')));
    const seen = new Set<string>();
    for (const operand of operands) {
      if (operand === undefined) {
        continue;
      }
      if (!allowed.includes(operand)) {
        const listed = allowed.map(result => `Equals ${result}`).join(', ');
        this.fail(`takes only the condition${allowed.length === 1 ? '' : 's'} ${listed}, got Equals ${JSON.stringify(operand)}${note}`);
      }
      if (seen.has(operand)) {
        this.fail(`has two conditions Equals ${operand}; each result takes one branch`);
      }
      seen.add(operand);
    }
    return operands.some(operand => operand === undefined) ? undefined : [...seen];
  }

  /**
   * Fails unless the conditions, each `Equals` with one operand, compare with exactly the results given, each once.
   *
   * @param results each result with the branch method that adds its condition, for the message
   * @param note added to the message for a condition on another result
   */
  public equalsExactly(conditions: readonly DocumentCondition[], results: ReadonlyArray<readonly [string, string]>,
    options: { note?: string; rejected?: boolean } = {}): void {
    const given = this.equalsAmong(conditions, results.map(([result]) => result), options.note);
    const missing = given === undefined ? [] : results.filter(([result]) => !given.includes(result));
    if (missing.length === 0) {
      return;
    }
    const message = `needs a branch for each of its results (${results.map(([result]) => result).join(', ')}): add `
      + missing.map(([result, method]) => `Equals ${result} (${method})`).join(' and ');
    if (options.rejected) {
      this.fail(`${message}; Amazon Connect rejects it without (CreateContactFlow answers "Invalid Action property value" for its Conditions)`);
    }
    this.warn(FLOW_WARNINGS.unhandledResult, `${message}; Amazon Connect accepts the flow, but it does not say where a contact goes then`);
  }
}
