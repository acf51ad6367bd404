import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACTION_SPECS } from './flow-actions';
import { DocumentCondition, FlowKind, NO_MATCHING_CONDITION, NO_MATCHING_ERROR, ParameterChecker, describeFlowKind } from './flow-actions/rules';
import { targetsOf } from './flow-diagram';
import { breadthFirst } from './flow-graph';
import { fail } from './validation';

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
}

/**
 * Checks a flow document (already checked by `validateFlowLanguage`) as a graph and against the rules of each
 * action type:
 *
 * - every action is reachable from `StartAction`;
 * - every action continues (`NextAction` or branches) unless it ends the flow;
 * - every error type an action can raise is handled, by its own branch or by `NoMatchingError`; an action with
 *   conditions has a `NoMatchingCondition` branch; no branch handles an error the action cannot raise;
 * - actions are used only in the flow types that allow them;
 * - the parameters (and conditions) follow the action's rules, some of which depend on the flow's type.
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
  const byId = new Map<string, DocumentAction>(actions.map(action => [action.Identifier, action]));
  const problem = (action: DocumentAction, message: string): never => fail(scope, `flow action '${action.Identifier}' (${action.Type}) ${message}`);

  checkReachable(scope, document.StartAction, actions, byId);

  for (const action of actions) {
    const transitions = action.Transitions ?? {};
    const errors = (Token.isUnresolved(transitions.Errors) ? [] : transitions.Errors ?? []).map(branch => branch.ErrorType);
    const conditions = Token.isUnresolved(transitions.Conditions) ? [] : transitions.Conditions ?? [];
    const spec = ACTION_SPECS.get(action.Type);

    if (spec === undefined) {
      // An action type this library does not know (new, or through the escape hatch): only its dead ends are known.
      if (transitions.NextAction === undefined && conditions.length === 0 && errors.length === 0 && !options.terminal?.has(action.Identifier)) {
        problem(action, 'has no transitions, and the type is not one this library knows to end the flow; give it a next action or declare it terminal');
      }
      continue;
    }

    if (options.flowKind !== undefined && spec.flowKinds !== undefined && !spec.flowKinds.includes(options.flowKind)) {
      problem(action, `cannot be used in a ${describeFlowKind(options.flowKind)}; it is allowed in: ${spec.flowKinds.map(describeFlowKind).join(', ')}`);
    }

    switch (spec.next) {
      case 'required':
        if (transitions.NextAction === undefined) {
          problem(action, 'is a dead end: it has no next action; continue it with next() (or a NextAction), or end the flow with an action such as DisconnectParticipant');
        }
        break;
      case 'none':
        if (transitions.NextAction !== undefined) {
          problem(action, `ends the flow, so it cannot continue with '${transitions.NextAction}'; use its error branches only`);
        }
        break;
      case 'ends':
        break;
      case 'branches':
        if (transitions.NextAction === undefined && conditions.length === 0) {
          problem(action, 'is a dead end: it has neither a next action nor conditions');
        }
        break;
    }

    if (conditions.length > 0 && !spec.conditions) {
      problem(action, 'takes no conditions');
    }
    for (const errorType of errors) {
      if (Token.isUnresolved(errorType)) {
        continue;
      }
      if (errorType !== NO_MATCHING_ERROR && !spec.errors.includes(errorType)) {
        problem(action, `cannot raise ${errorType}; its error types: ${[...spec.errors, NO_MATCHING_ERROR].join(', ')}`);
      }
    }
    const unhandled = spec.errors.filter(errorType => !errors.includes(errorType)
      && (errorType === NO_MATCHING_CONDITION ? conditions.length > 0 : !errors.includes(NO_MATCHING_ERROR)));
    if (unhandled.length > 0) {
      const missingCondition = unhandled.includes(NO_MATCHING_CONDITION);
      problem(action, `does not handle ${unhandled.join(', ')}: ${missingCondition ? 'route NoMatchingCondition with otherwise(), and ' : ''}`
        + 'route each error with onErrorType(), or every error to a default with onError() (NoMatchingError)');
    }

    const knownParameters = Token.isUnresolved(action.Parameters) ? undefined : action.Parameters;
    const parameters = new ParameterChecker(knownParameters, message => problem(action, message), options.flowKind);
    if (spec.check !== undefined && !Token.isUnresolved(action.Parameters)) {
      spec.check(parameters);
    }
    const conditionsKnown = !conditions.some(branch => Token.isUnresolved(branch) || Token.isUnresolved(branch.Condition));
    if (spec.checkConditions !== undefined && conditions.length > 0 && conditionsKnown) {
      spec.checkConditions(conditions.map(branch => (branch.Condition ?? {}) as DocumentCondition), parameters);
    }
  }
}

/** Fails for actions that cannot be reached from the start action, listing them. */
function checkReachable(scope: IConstruct, start: string, actions: DocumentAction[], byId: Map<string, DocumentAction>): void {
  const reached = new Set(breadthFirst(start, id => {
    const action = byId.get(id);
    return action === undefined || Token.isUnresolved(action.Transitions) ? [] : targetsOf(action);
  }));
  const unreachable = actions.filter(action => !reached.has(action.Identifier));
  if (unreachable.length > 0) {
    const listed = unreachable.slice(0, LISTED).map(action => `'${action.Identifier}' (${action.Type})`).join(', ');
    const more = unreachable.length > LISTED ? ` and ${unreachable.length - LISTED} more` : '';
    fail(scope, `flow action ${listed}${more} ${unreachable.length === 1 ? 'is' : 'are'} not reachable from the start action '${start}'; connect ${unreachable.length === 1 ? 'it' : 'them'} or remove ${unreachable.length === 1 ? 'it' : 'them'}`);
  }
}
