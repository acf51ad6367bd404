import { FlowRenderContext } from './context';
import { checkActionIdentifier } from '../private/flow-language';
import { failUnscoped } from '../private/validation';

/**
 * Something a flow can continue with: one action, or a chain of actions.
 *
 * Modelled on Step Functions' `IChainable`: `startAction` is where the chain begins, `endActions` are the actions
 * whose next action is still open (the next `next()` call fills them).
 */
export interface IFlowChainable {
  /** A name for this chainable in error messages: the identifier of its first action. */
  readonly id: string;

  /** The first action of the chain. */
  readonly startAction: FlowAction;

  /** The actions whose next action is not yet set. */
  readonly endActions: FlowAction[];
}

/**
 * A branch of an action that leads to another action: the next action, a condition or an error.
 */
export interface FlowTransition {
  /** The action the branch leads to. */
  readonly target: FlowAction;

  /**
   * What the branch is: `Next`, the error type (`NoMatchingError`, `InputTimeLimitExceeded`, ...), or the condition
   * in words (`= 1`, `> 5`).
   */
  readonly label: string;

  /** Whether the branch is taken on an error. */
  readonly error: boolean;
}

/** A condition branch as rendered into `Transitions.Conditions`. */
interface ConditionBranch {
  readonly condition: FlowCondition;
  readonly target: FlowAction;
}

/**
 * A condition of a branch: the value of the action (the input the customer entered, the result of a comparison or a
 * check) compared with operands.
 */
export class FlowCondition {
  /** The value equals the operand (text or number, compared as Amazon Connect compares them: as text). */
  public static equalTo(value: string): FlowCondition {
    return new FlowCondition('Equals', [value], `= ${value}`);
  }

  /** The value, a number, is greater than the operand. */
  public static numberGreaterThan(value: number): FlowCondition {
    return new FlowCondition('NumberGreaterThan', [String(value)], `> ${value}`);
  }

  /** The value, a number, is greater than or equal to the operand. */
  public static numberGreaterOrEqualTo(value: number): FlowCondition {
    return new FlowCondition('NumberGreaterOrEqualTo', [String(value)], `>= ${value}`);
  }

  /** The value, a number, is less than the operand. */
  public static numberLessThan(value: number): FlowCondition {
    return new FlowCondition('NumberLessThan', [String(value)], `< ${value}`);
  }

  /** The value, a number, is less than or equal to the operand. */
  public static numberLessOrEqualTo(value: number): FlowCondition {
    return new FlowCondition('NumberLessOrEqualTo', [String(value)], `<= ${value}`);
  }

  /** The value, a text, contains the operand. */
  public static textContains(value: string): FlowCondition {
    return new FlowCondition('TextContains', [value], `contains ${value}`);
  }

  /** The value, a text, starts with the operand. */
  public static textStartsWith(value: string): FlowCondition {
    return new FlowCondition('TextStartsWith', [value], `starts with ${value}`);
  }

  /** The value, a text, ends with the operand. */
  public static textEndsWith(value: string): FlowCondition {
    return new FlowCondition('TextEndsWith', [value], `ends with ${value}`);
  }

  /**
   * Any condition by its operator, for operators this library does not name.
   *
   * @param operator the flow language operator, such as `Equals`
   * @param operands the operands
   */
  public static of(operator: string, operands: string[]): FlowCondition {
    return new FlowCondition(operator, operands, `${operator} ${operands.join(', ')}`);
  }

  /** The flow language operator. */
  public readonly operator: string;

  /** The operands. */
  public readonly operands: string[];

  /** The condition in words, for diagrams. */
  public readonly label: string;

  private constructor(operator: string, operands: string[], label: string) {
    this.operator = operator;
    this.operands = operands;
    this.label = label;
  }
}

/** The flow language error type that catches every error no other error branch handles. */
export const NO_MATCHING_ERROR = 'NoMatchingError';

/** The flow language error type taken when no condition matches. */
export const NO_MATCHING_CONDITION = 'NoMatchingCondition';

/**
 * An action of a flow (a block in the Amazon Connect flow designer).
 *
 * Every action has an identifier, unique in its flow, that stays the same from one synthesis to the next: the `id`
 * given when the action is created. It must be 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`.
 *
 * Actions are linked with `next()` (the branch taken on success), with conditions (`when()`, `otherwise()` and the
 * branch methods of each action) and with error branches (`onError()` for every error, `onErrorType()` for one).
 * A `FlowDefinition` starts at one action and renders everything reachable from it.
 */
export abstract class FlowAction implements IFlowChainable {
  /** The action's identifier in the flow. */
  public readonly id: string;

  /** The flow language type of the action, such as `MessageParticipant`. */
  public readonly actionType: string;

  private nextAction?: FlowAction;
  private readonly conditionBranches: ConditionBranch[] = [];
  private readonly errorBranches = new Map<string, FlowAction>();
  /** The order in which `Transitions` lists its keys, where a loaded file gives one. */
  private transitionKeyOrder?: readonly string[];
  private readonly parameterOverrides: ParameterOverride[] = [];

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   * @param actionType the flow language type of the action
   */
  protected constructor(id: string, actionType: string) {
    checkActionIdentifier(id, `flow action '${id}'`);
    this.id = id;
    this.actionType = actionType;
  }

  /** The first action of the chain: this action. */
  public get startAction(): FlowAction {
    return this;
  }

  /** This action, while it takes a next action that is not set yet. */
  public get endActions(): FlowAction[] {
    return this._acceptsNext && this.nextAction === undefined ? [this] : [];
  }

  /**
   * Continues with another action (or chain) when this action succeeds: its `NextAction`.
   *
   * Actions whose outcome is given by their branches (such as `CheckHoursOfOperation` or `Compare`) take one as well,
   * as the flow designer writes one beside their branches (the target of the default branch); Amazon Connect routes
   * the contact by the branches. Such actions are no open ends of a chain: a chain does not continue past them.
   *
   * Fails for actions that end the flow (such as `DisconnectParticipant`): Amazon Connect rejects transitions on them.
   *
   * @returns a chain that starts with this action and ends where `next` ends
   */
  public next(next: IFlowChainable): Chain {
    this.linkNext(next);
    return Chain._of(this, next.endActions);
  }

  /**
   * Routes every error this action can raise, and that no `onErrorType()` branch handles, to an action (the
   * flow language `NoMatchingError` branch).
   */
  public onError(next: IFlowChainable): FlowAction {
    return this.onErrorType(NO_MATCHING_ERROR, next);
  }

  /**
   * Routes one error type to an action.
   *
   * @param errorType the flow language error type, such as `InputTimeLimitExceeded`
   */
  public onErrorType(errorType: string, next: IFlowChainable): FlowAction {
    this.addError(errorType, next);
    return this;
  }

  /** The branches of this action, in the order they are rendered: next, conditions, errors. */
  public get transitions(): FlowTransition[] {
    const transitions: FlowTransition[] = [];
    if (this.nextAction !== undefined) {
      transitions.push({ target: this.nextAction, label: 'Next', error: false });
    }
    for (const branch of this.conditionBranches) {
      transitions.push({ target: branch.target, label: branch.condition.label, error: false });
    }
    for (const [errorType, target] of this.errorBranches) {
      transitions.push({ target, label: errorType, error: true });
    }
    return transitions;
  }

  /**
   * Whether the action continues with its `NextAction` on success, so that it is an open end of a chain until the
   * next action is set.
   *
   * @internal
   */
  public get _acceptsNext(): boolean {
    return true;
  }

  /**
   * Whether the action ends the flow and takes no transitions at all (Amazon Connect rejects them on it).
   *
   * @internal
   */
  public get _endsFlow(): boolean {
    return false;
  }

  /**
   * The `NextAction` the flow designer writes for this action when `next()` gives none: the target of one of its
   * branches, which the contact takes by that branch anyway. Undefined for actions the designer writes without one.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return undefined;
  }

  /**
   * Whether the action is declared to end the flow although its type is not one the library knows.
   *
   * @internal
   */
  public get _declaredTerminal(): boolean {
    return false;
  }

  /**
   * Sets a parameter of the rendered action, over what the action's props render: the escape hatch for what the
   * props cannot express, such as a parameter this library has no prop for yet, or a value written another way
   * than the action writes it (the number `5` where it writes `"5"`). Applied before the flow checks, which check
   * the result like any other parameters.
   *
   * ```ts
   * new MessageParticipant('Greeting', { text: 'Welcome.' }).addParameterOverride('LanguageCode', 'en-US');
   * ```
   *
   * @param path the parameter, with a dot between the keys of nested objects (`DTMFConfiguration.InputTerminationSequence`);
   * `\.` for a dot inside a key. Missing objects on the way are created.
   * @param value the value, any JSON value (strings may be tokens)
   */
  public addParameterOverride(path: string, value: any): void {
    this.parameterOverrides.push({ path: overridePath(this, path), value, remove: false });
  }

  /**
   * Removes a parameter that the action's props render (see `addParameterOverride()`).
   *
   * @param path the parameter, with a dot between the keys of nested objects; `\.` for a dot inside a key
   */
  public addParameterDeletion(path: string): void {
    this.parameterOverrides.push({ path: overridePath(this, path), remove: true });
  }

  /**
   * The `Parameters` of the action from its props, with tokens where it references constructs.
   *
   * @internal
   */
  public abstract _renderParameters(context: FlowRenderContext): { [key: string]: any } | undefined;

  /**
   * The `Parameters` as the flow gets them: what the props render, with the parameter overrides applied.
   *
   * @internal
   */
  public _renderFinalParameters(context: FlowRenderContext): { [key: string]: any } | undefined {
    const rendered = this._renderParameters(context);
    if (this.parameterOverrides.length === 0) {
      return rendered;
    }
    const result = copyObjects(rendered ?? {});
    for (const override of this.parameterOverrides) {
      applyOverride(result, override);
    }
    return result;
  }

  /**
   * The `Transitions` of the action.
   *
   * @param designerNextActions whether to write the `NextAction` the flow designer writes (`_designerNextAction()`)
   * where `next()` gives none
   * @internal
   */
  public _renderTransitions(designerNextActions: boolean = true): { [key: string]: any } | undefined {
    const transitions: { [key: string]: any } = {};
    const next = this.nextAction?.id ?? (designerNextActions ? this._designerNextAction() : undefined);
    if (next !== undefined) {
      transitions.NextAction = next;
    }
    if (this.conditionBranches.length > 0) {
      transitions.Conditions = this.conditionBranches.map(branch => ({
        NextAction: branch.target.id,
        Condition: { Operator: branch.condition.operator, Operands: branch.condition.operands },
      }));
    }
    if (this.errorBranches.size > 0) {
      transitions.Errors = [...this.errorBranches].map(([errorType, target]) => ({ NextAction: target.id, ErrorType: errorType }));
    }
    if (this.transitionKeyOrder === undefined) {
      return transitions;
    }
    const ordered: { [key: string]: any } = {};
    for (const key of [...this.transitionKeyOrder, ...Object.keys(transitions)]) {
      if (key in transitions && !(key in ordered)) {
        ordered[key] = transitions[key];
      }
    }
    return ordered;
  }

  /**
   * Renders the keys of `Transitions` in this order (those the action has), as the file it was loaded from lists them.
   *
   * @internal
   */
  public _keepTransitionKeyOrder(keys: readonly string[]): void {
    this.transitionKeyOrder = keys;
  }

  /**
   * The identifier of the action of the `NoMatchingCondition` branch (`otherwise()`), if any.
   *
   * @internal
   */
  public _otherwiseTarget(): string | undefined {
    return this.errorBranches.get(NO_MATCHING_CONDITION)?.id;
  }

  /**
   * The identifier of the action of the first condition branch `Equals <operand>`, if any.
   *
   * @internal
   */
  public _equalsTarget(operand: string): string | undefined {
    return this.conditionBranches.find(branch => branch.condition.operator === 'Equals'
      && branch.condition.operands.length === 1 && branch.condition.operands[0] === operand)?.target.id;
  }

  /**
   * The identifier of the action of the default error branch (`NoMatchingError`), or else of the first error branch.
   *
   * @internal
   */
  public _defaultErrorTarget(): string | undefined {
    return (this.errorBranches.get(NO_MATCHING_ERROR) ?? this.errorBranches.values().next().value)?.id;
  }

  /** Sets the success branch. */
  protected linkNext(next: IFlowChainable): void {
    if (this._endsFlow) {
      failUnscoped(`flow action '${this.id}' (${this.actionType}) ends the flow, so it has no next action: Amazon Connect rejects transitions on it`);
    }
    if (this.nextAction !== undefined) {
      failUnscoped(`flow action '${this.id}' already continues with '${this.nextAction.id}'; an action has one next action`);
    }
    this.nextAction = next.startAction;
  }

  /** Adds a condition branch. */
  protected addCondition(condition: FlowCondition, next: IFlowChainable): void {
    this.conditionBranches.push({ condition, target: next.startAction });
  }

  /** Adds an error branch. */
  protected addError(errorType: string, next: IFlowChainable): void {
    if (this.errorBranches.has(errorType)) {
      failUnscoped(`flow action '${this.id}' already routes ${errorType} to '${this.errorBranches.get(errorType)!.id}'`);
    }
    this.errorBranches.set(errorType, next.startAction);
  }
}

/** A parameter override of an action: where, and the value to set or that it is removed. */
interface ParameterOverride {
  readonly path: string[];
  readonly value?: unknown;
  readonly remove: boolean;
}

/** The keys of an override path: split at dots, `\.` standing for a dot inside a key. */
function overridePath(action: FlowAction, path: string): string[] {
  const keys = path.split(/(?<!\\)\./).map(key => key.replace(/\\\./g, '.'));
  if (path.length === 0 || keys.some(key => key.length === 0)) {
    failUnscoped(`flow action '${action.id}' (${action.actionType}) parameter override path must be keys with a dot between them, such as DTMFConfiguration.InputTerminationSequence, got '${path}'`);
  }
  return keys;
}

/** A copy of the plain objects and lists of a value, so that overrides change the copy only; other values are shared. */
function copyObjects(value: any): any {
  if (Array.isArray(value)) {
    return value.map(copyObjects);
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: copyObjects(item), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}

/** Applies an override to rendered parameters (in place): sets the value, creating objects on the way, or removes it. */
function applyOverride(parameters: Record<string, any>, override: ParameterOverride): void {
  let target: Record<string, any> = parameters;
  const keys = override.path;
  for (const key of keys.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      if (override.remove) {
        return;
      }
      Object.defineProperty(target, key, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    target = target[key];
  }
  const last = keys[keys.length - 1];
  if (override.remove) {
    delete target[last];
  } else {
    Object.defineProperty(target, last, { value: override.value, enumerable: true, writable: true, configurable: true });
  }
}

/**
 * A sequence of actions: where it starts and the actions at its end that still take a next action.
 *
 * ```ts
 * const definition = Chain.start(greeting).next(setQueue).next(transfer);
 * ```
 */
export class Chain implements IFlowChainable {
  /** Starts a chain with an action or another chain. */
  public static start(chainable: IFlowChainable): Chain {
    return new Chain(chainable.startAction, chainable.endActions);
  }

  /** Chains actions one after the other. */
  public static sequence(first: IFlowChainable, second: IFlowChainable, ...rest: IFlowChainable[]): Chain {
    let chain = Chain.start(first).next(second);
    for (const item of rest) {
      chain = chain.next(item);
    }
    return chain;
  }

  /** @internal */
  public static _of(start: FlowAction, endActions: FlowAction[]): Chain {
    return new Chain(start, endActions);
  }

  /** The identifier of the chain's first action. */
  public readonly id: string;

  /** The chain's first action. */
  public readonly startAction: FlowAction;

  /** The actions at the end of the chain whose next action is not yet set. */
  public readonly endActions: FlowAction[];

  private constructor(startAction: FlowAction, endActions: FlowAction[]) {
    this.id = startAction.id;
    this.startAction = startAction;
    this.endActions = endActions;
  }

  /**
   * Continues every open end of the chain with an action or chain.
   *
   * Fails when the chain has no open end (it ends with an action that ends the flow, or with branches).
   */
  public next(next: IFlowChainable): Chain {
    if (this.endActions.length === 0) {
      failUnscoped(`flow chain starting at '${this.id}' has no open end to continue with '${next.id}': it ends the flow or continues only through branches`);
    }
    for (const end of this.endActions) {
      end.next(next);
    }
    return new Chain(this.startAction, next.endActions);
  }
}

/**
 * An action that branches on conditions: `when(condition, next)` for each outcome, `otherwise(next)` when none
 * matches (the flow language's `NoMatchingCondition` branch).
 */
export abstract class ConditionalFlowAction extends FlowAction {
  /**
   * Continues with an action when the condition holds.
   */
  public when(condition: FlowCondition, next: IFlowChainable): ConditionalFlowAction {
    this.addCondition(condition, next);
    return this;
  }

  /**
   * Continues with an action when no condition holds (the `NoMatchingCondition` branch).
   */
  public otherwise(next: IFlowChainable): ConditionalFlowAction {
    this.addError(NO_MATCHING_CONDITION, next);
    return this;
  }
}
