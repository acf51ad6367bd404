import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/**
 * The context key that turns the flow checks' warnings into errors for a whole app (or a part of the construct tree
 * below where it is set): `cdk.json` `"context": { "cdk-connect:strictFlowChecks": true }`, or
 * `cdk synth -c cdk-connect:strictFlowChecks=true`.
 */
export const STRICT_FLOW_CHECKS_CONTEXT = 'cdk-connect:strictFlowChecks';

/**
 * The warnings of the flow checks: what Amazon Connect accepts in a flow but is probably a mistake. Each is a CDK
 * annotation with this id, which `Annotations.of(flow).acknowledgeWarning(id)` silences.
 */
export const FLOW_WARNINGS = {
  /** An action that no path from the start action reaches. */
  unreachableAction: 'cdk-connect:flow.unreachableAction',
  /** An action that continues nowhere on success, although it does not end the flow. */
  deadEnd: 'cdk-connect:flow.deadEnd',
  /** An error type (or the NoMatchingCondition branch) that an action can meet and no branch handles. */
  unhandledError: 'cdk-connect:flow.unhandledError',
  /** A result of a branching action (in hours, looping, ...) that no condition branch handles. */
  unhandledResult: 'cdk-connect:flow.unhandledResult',
  /** An error branch of a type that the flow language reference does not list for the action. */
  unknownErrorType: 'cdk-connect:flow.unknownErrorType',
  /** Conditions on an action whose reference page lists no conditions. */
  unexpectedConditions: 'cdk-connect:flow.unexpectedConditions',
  /** An action in a flow module that the flow designer offers only in some flow types. */
  moduleFlowType: 'cdk-connect:flow.moduleFlowType',
} as const;

/** Whether a context value turns strict flow checks on: `true` or `'true'` (as `cdk synth -c key=true` gives it). */
function isOn(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * What the flow checks report for one flow: errors for what Amazon Connect rejects (synthesis fails), warnings for
 * what it accepts but is probably a mistake (a CDK annotation on the flow, an error in strict mode).
 */
export class FlowFindings {
  /**
   * The findings of the flow (or flow module) `scope`.
   *
   * @param strict the flow's own setting; undefined takes the context key `cdk-connect:strictFlowChecks`
   */
  public static of(scope: IConstruct, strict?: boolean): FlowFindings {
    return new FlowFindings(scope, strict ?? isOn(scope.node.tryGetContext(STRICT_FLOW_CHECKS_CONTEXT)));
  }

  private constructor(public readonly scope: IConstruct, public readonly strict: boolean) {}

  /** Fails synthesis: Amazon Connect rejects the flow. */
  public error(message: string): never {
    return fail(this.scope, message);
  }

  /**
   * Warns (fails in strict mode): Amazon Connect accepts the flow, but it is probably a mistake.
   *
   * @param id one of `FLOW_WARNINGS`
   */
  public warn(id: string, message: string): void {
    if (this.strict) {
      fail(this.scope, `${message} (strict flow checks turn this warning into an error)`);
    }
    Annotations.of(this.scope).addWarningV2(id, message);
  }
}
