import { FLOW_WARNINGS, STRICT_FLOW_CHECKS_CONTEXT } from '../private/flow-findings';

/**
 * The names the flow checks answer to: the context key of strict flow checks and the id of each warning.
 *
 * The flow checks fail synthesis for what Amazon Connect rejects, and warn (a CDK annotation on the flow or flow
 * module, naming the action) for what it accepts but is probably a mistake. Silence one warning of a flow with
 * `Annotations.of(flow).acknowledgeWarning(FlowChecks.UNREACHABLE_ACTION, 'why')`; turn every warning into an
 * error with the flow's `strictFlowChecks` prop, or for a whole app with the context key
 * `FlowChecks.STRICT_CONTEXT_KEY` (`cdk synth -c cdk-connect:strictFlowChecks=true`).
 */
export class FlowChecks {
  /** The context key that turns warnings into errors for the part of the app where it is set: `cdk-connect:strictFlowChecks`. */
  public static readonly STRICT_CONTEXT_KEY: string = STRICT_FLOW_CHECKS_CONTEXT;

  /** An action that no path from the start action reaches (the flow designer keeps such blocks). */
  public static readonly UNREACHABLE_ACTION: string = FLOW_WARNINGS.unreachableAction;

  /** An action that continues nowhere on success, although it does not end the flow. */
  public static readonly DEAD_END: string = FLOW_WARNINGS.deadEnd;

  /** An error type (or the `NoMatchingCondition` branch) that an action can meet and no branch handles. */
  public static readonly UNHANDLED_ERROR: string = FLOW_WARNINGS.unhandledError;

  /** A result of a branching action (looping, done, time expired, ...) that no branch handles. */
  public static readonly UNHANDLED_RESULT: string = FLOW_WARNINGS.unhandledResult;

  /** An error branch of a type that the flow language reference does not list for the action. */
  public static readonly UNKNOWN_ERROR_TYPE: string = FLOW_WARNINGS.unknownErrorType;

  /** Conditions on an action whose reference page lists none: never taken. */
  public static readonly UNEXPECTED_CONDITIONS: string = FLOW_WARNINGS.unexpectedConditions;

  /** An action in a flow module that the flow designer offers only in some flow types. */
  public static readonly MODULE_FLOW_TYPE: string = FLOW_WARNINGS.moduleFlowType;

  private constructor() {}
}
