import { Token } from 'aws-cdk-lib';

/** The type of a flow (the `ContactFlowType` values) or `MODULE` for a flow module. */
export type FlowKind =
  | 'CONTACT_FLOW' | 'CUSTOMER_QUEUE' | 'CUSTOMER_HOLD' | 'CUSTOMER_WHISPER' | 'AGENT_HOLD' | 'AGENT_WHISPER'
  | 'OUTBOUND_WHISPER' | 'AGENT_TRANSFER' | 'QUEUE_TRANSFER' | 'CAMPAIGN' | 'MODULE';

/** Every flow kind. */
export const ALL_FLOW_KINDS: readonly FlowKind[] = [
  'CONTACT_FLOW', 'CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'CUSTOMER_WHISPER', 'AGENT_HOLD', 'AGENT_WHISPER',
  'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CAMPAIGN', 'MODULE',
];

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

  /** Checks the parameters; calls `p.fail()` (or a helper) for what the flow language rejects. */
  readonly check?: (p: ParameterChecker) => void;

  /**
   * Checks the action's conditions (with `p` to read the parameters and fail naming the action). Called only when
   * the action has conditions known at synth time.
   */
  readonly checkConditions?: (conditions: readonly DocumentCondition[], p: ParameterChecker) => void;
}

/** A condition of an action in a flow document (`Transitions.Conditions[].Condition`). */
export interface DocumentCondition {
  readonly Operator?: unknown;
  readonly Operands?: unknown;
}

/** Whether a parameter value is only known when the flow runs (a JSONPath such as `$.Attributes.x`) or deploys. */
export function isDynamic(value: unknown): boolean {
  return (typeof value === 'string' && value.startsWith('$.')) || (value !== undefined && value !== null && Token.isUnresolved(value));
}

/**
 * Reads and checks the parameters of one action. Every message names the action: the checker's `fail` adds the
 * action's identifier and type.
 */
export class ParameterChecker {
  /** The action's parameters (an empty object when it has none). */
  public readonly parameters: Record<string, unknown>;

  private readonly failWith: (message: string) => never;

  constructor(parameters: Record<string, unknown> | undefined, failWith: (message: string) => never) {
    this.parameters = parameters ?? {};
    this.failWith = failWith;
  }

  /** Fails the check. */
  public fail(message: string): never {
    return this.failWith(message);
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
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
      this.fail(`parameter ${path} must be an integer from ${min} to ${max}${unit ? ` ${unit}` : ''}, got ${JSON.stringify(value)}`);
    }
    return number;
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
}
