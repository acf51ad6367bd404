import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACTION_SPECS } from './flow-actions';
import { DocumentCondition, FlowKind, NO_MATCHING_CONDITION, NO_MATCHING_ERROR, ParameterChecker, describeFlowKind } from './flow-actions/rules';
import { targetsOf } from './flow-diagram';
import { FLOW_WARNINGS, FlowFindings } from './flow-findings';
import { breadthFirst } from './flow-graph';

/** How many identifiers a message lists before it abbreviates. */
const LISTED = 10;

/** One action of a flow document, as the checks read it. */
interface DocumentAction {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters?: Record<string, unknown>;
  readonly Transitions?: {
    readonly NextAction?: string;
    readonly Conditions?: Array<{ NextAction: string; Condition?: unknown }>;
    readonly Errors?: Array<{ NextAction: string; ErrorType: string }>;
  };
}

/** Options of the flow checks. */
export interface FlowCheckOptions {
  /** The type of the flow, for the rules about where an action may be used; undefined skips them. */
  readonly flowKind?: FlowKind;

  /** Identifiers of actions of unknown types that are declared to end the flow. */
  readonly terminal?: ReadonlySet<string>;

  /**
   * Whether warnings fail synthesis.
   *
   * @default - the flow's context key `cdk-connect:strictFlowChecks`
   */
  readonly strict?: boolean;
}

/**
 * Checks a flow document (already checked by `validateFlowLanguage`) as a graph and against the rules of each
 * action type. What Amazon Connect rejects fails synthesis; what it accepts but is probably a mistake is a warning
 * (a CDK annotation on the flow; an error with strict flow checks). See the README's "Flow checks" table for
 * every check and where its kind comes from.
 *
 * Errors (Amazon Connect rejects the flow, as CreateContactFlow answers):
 * - an action used in a flow type that does not offer its block (flows; in flow modules this is a warning);
 * - parameters (and conditions) that break the action's rules, some of which depend on the flow's type;
 * - a missing branch that Connect requires (`requiredErrors` of the action's spec: QueueAtCapacity of
 *   TransferContactToQueue, the results of CheckHoursOfOperation, ...);
 * - a `NoMatchingError` branch on an action that rejects one (Compare, UpdateContactRecordingBehavior);
 * - any transition on an action that ends the flow (DisconnectParticipant, EndFlowExecution, EndFlowModuleExecution).
 *
 * Warnings (Amazon Connect accepts the flow; flows exported from the flow designer have them):
 * - actions not reachable from `StartAction` (the designer keeps unconnected blocks; they never run);
 * - actions that continue nowhere on success although they do not end the flow (dead ends);
 * - error types an action can meet that no branch handles (by its own branch or `NoMatchingError`), a
 *   `NoMatchingCondition` branch missing beside conditions, results of a branching action without their branch;
 * - branches for error types the action's reference page does not list, conditions on an action that takes
 *   none: never taken, so probably a mistake.
 *
 * Documents whose identifiers or transitions are tokens are only known at deploy time and are skipped.
 * Messages name the action: `flow action 'Id' (Type) ...`.
 */
export function checkFlowActions(scope: IConstruct, document: any, options: FlowCheckOptions = {}): void {
  const actions = document.Actions as DocumentAction[];
  const unknown = (action: DocumentAction) =>
    Token.isUnresolved(action) || Token.isUnresolved(action.Identifier) || Token.isUnresolved(action.Transitions);
  if (Token.isUnresolved(document.StartAction) || actions.some(unknown)) {
    return;
  }
  const findings = FlowFindings.of(scope, options.strict);
  const byId = new Map<string, DocumentAction>(actions.map(action => [action.Identifier, action]));
  const name = (action: DocumentAction) => `flow action '${action.Identifier}' (${action.Type})`;
  const problem = (action: DocumentAction, message: string): never => findings.error(`${name(action)} ${message}`);
  const warn = (id: string, action: DocumentAction, message: string): void => findings.warn(id, `${name(action)} ${message}`);

  checkReachable(findings, document.StartAction, actions, byId);

  for (const action of actions) {
    const transitions = action.Transitions ?? {};
    const errors = (Token.isUnresolved(transitions.Errors) ? [] : transitions.Errors ?? []).map(branch => branch.ErrorType);
    const conditions = Token.isUnresolved(transitions.Conditions) ? [] : transitions.Conditions ?? [];
    const spec = ACTION_SPECS.get(action.Type);

    if (spec === undefined) {
      // An action type this library does not know (new, or through the escape hatch): only its dead ends are known.
      if (transitions.NextAction === undefined && conditions.length === 0 && errors.length === 0 && !options.terminal?.has(action.Identifier)) {
        warn(FLOW_WARNINGS.deadEnd, action, 'has no transitions, and the type is not one this library knows to end the flow; give it a next action, '
          + 'or declare it terminal (RawAction terminal: true) if its type ends the flow');
      }
      continue;
    }

    if (options.flowKind !== undefined && spec.flowKinds !== undefined && !spec.flowKinds.includes(options.flowKind)) {
      const allowed = `it is allowed in: ${spec.flowKinds.map(describeFlowKind).join(', ')}`;
      if (options.flowKind === 'MODULE') {
        // A module runs in whatever flow invokes it; a block that flow type does not support takes its error branch.
        warn(FLOW_WARNINGS.moduleFlowType, action, `is not offered in flow modules (${allowed}): in a module it works only `
          + 'when the module runs in a flow of those types, and takes its error branch otherwise');
      } else {
        problem(action, `cannot be used in a ${describeFlowKind(options.flowKind)}; ${allowed}`);
      }
    }

    switch (spec.next) {
      case 'required':
        if (transitions.NextAction === undefined) {
          warn(FLOW_WARNINGS.deadEnd, action, 'is a dead end: it has no next action; continue it with next() (or a NextAction), '
            + 'or end the flow with an action such as DisconnectParticipant');
        }
        break;
      case 'none':
        if (transitions.NextAction !== undefined || conditions.length > 0 || errors.length > 0) {
          const given = [
            ...(transitions.NextAction !== undefined ? [`next action '${transitions.NextAction}'`] : []),
            ...(conditions.length > 0 ? ['conditions'] : []),
            ...(errors.length > 0 ? [`error branches (${errors.join(', ')})`] : []),
          ];
          problem(action, `ends the flow, so it takes no transitions, got ${given.join(', ')}: Amazon Connect rejects them `
            + '(CreateContactFlow answers "Action does not support transitions"); remove them');
        }
        break;
      case 'ends':
        break;
      case 'branches':
        if (transitions.NextAction === undefined && conditions.length === 0) {
          warn(FLOW_WARNINGS.deadEnd, action, 'is a dead end: it has neither a next action nor conditions; give it its branches');
        }
        break;
    }

    if (conditions.length > 0 && !spec.conditions && spec.next !== 'none') {
      warn(FLOW_WARNINGS.unexpectedConditions, action, 'takes no conditions: its condition branches are never taken; remove them');
    }
    for (const errorType of errors) {
      if (Token.isUnresolved(errorType) || spec.next === 'none') {
        continue;
      }
      if (errorType === NO_MATCHING_ERROR && spec.rejectsNoMatchingError) {
        problem(action, 'cannot have a NoMatchingError branch: Amazon Connect rejects it (CreateContactFlow answers "Invalid Action error. '
          + `Error: NoMatchingError"); its error types: ${spec.errors.length > 0 ? spec.errors.join(', ') : 'none'}`);
      }
      if (errorType !== NO_MATCHING_ERROR && !spec.errors.includes(errorType)) {
        warn(FLOW_WARNINGS.unknownErrorType, action, `cannot raise ${errorType}; its error types: ${[...spec.errors, NO_MATCHING_ERROR].join(', ')} `
          + '(as its flow language reference lists them): the branch is probably never taken');
      }
    }
    const required = (spec.requiredErrors ?? []).filter(errorType => !errors.includes(errorType));
    if (required.length > 0) {
      problem(action, `has no branch for ${required.join(', ')}: Amazon Connect requires ${required.length === 1 ? 'it' : 'each'} `
        + `(CreateContactFlow answers "Action is missing required error. Error: ${required[0]}"); `
        + `route ${required.length === 1 ? 'it' : 'each'} with ${required.map(branchMethod).join(', ')}`);
    }
    const unhandled = spec.errors.filter(errorType => !errors.includes(errorType)
      && (errorType === NO_MATCHING_CONDITION ? conditions.length > 0 : !errors.includes(NO_MATCHING_ERROR)));
    if (unhandled.length > 0) {
      const missingCondition = unhandled.includes(NO_MATCHING_CONDITION);
      warn(FLOW_WARNINGS.unhandledError, action, `does not handle ${unhandled.join(', ')}: ${missingCondition ? 'route NoMatchingCondition with otherwise(), and ' : ''}`
        + 'route each error with onErrorType(), or every error to a default with onError() (NoMatchingError); Amazon Connect accepts the flow, '
        + `but it does not say where a contact goes when ${unhandled.length === 1 ? 'this happens' : 'one of these happens'}`);
    }

    const knownParameters = Token.isUnresolved(action.Parameters) ? undefined : action.Parameters;
    const parameters = new ParameterChecker(knownParameters, message => problem(action, message), options.flowKind,
      (id, message) => warn(id, action, message));
    if (spec.check !== undefined && !Token.isUnresolved(action.Parameters)) {
      spec.check(parameters);
    }
    const conditionsKnown = !conditions.some(branch => Token.isUnresolved(branch) || Token.isUnresolved(branch.Condition));
    if (spec.checkConditions !== undefined && conditions.length > 0 && conditionsKnown) {
      spec.checkConditions(conditions.map(branch => (branch.Condition ?? {}) as DocumentCondition), parameters);
    }
  }
}

/** The builder method that routes a branch of an error type, for messages. */
function branchMethod(errorType: string): string {
  switch (errorType) {
    case NO_MATCHING_ERROR: return 'onError()';
    case NO_MATCHING_CONDITION: return 'otherwise()';
    case 'InputTimeLimitExceeded':
    case 'TimeLimitExceeded': return 'onTimeout()';
    case 'QueueAtCapacity': return 'onQueueAtCapacity()';
    default: return `onErrorType('${errorType}')`;
  }
}

/** Warns about actions that cannot be reached from the start action, listing them. */
function checkReachable(findings: FlowFindings, start: string, actions: DocumentAction[], byId: Map<string, DocumentAction>): void {
  const reached = new Set(breadthFirst(start, id => {
    const action = byId.get(id);
    return action === undefined || Token.isUnresolved(action.Transitions) ? [] : targetsOf(action);
  }));
  const unreachable = actions.filter(action => !reached.has(action.Identifier));
  if (unreachable.length > 0) {
    const one = unreachable.length === 1;
    const listed = unreachable.slice(0, LISTED).map(action => `'${action.Identifier}' (${action.Type})`).join(', ');
    const more = unreachable.length > LISTED ? ` and ${unreachable.length - LISTED} more` : '';
    findings.warn(FLOW_WARNINGS.unreachableAction, `flow action ${listed}${more} ${one ? 'is' : 'are'} not reachable from the start action '${start}'; `
      + `connect ${one ? 'it' : 'them'} or remove ${one ? 'it' : 'them'} (Amazon Connect accepts such blocks, as the flow designer keeps them, and never runs them)`);
  }
}
