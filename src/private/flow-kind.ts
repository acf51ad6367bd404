import { IConstruct } from 'constructs';
import { FlowKind } from './flow-actions/rules';
import { ContactFlow } from '../constructs/contact-flow';
import { ContactFlowModule } from '../constructs/contact-flow-module';

/** The type of the flow that content is bound to, from the construct that binds it; undefined for other scopes. */
export function flowKindOf(scope: IConstruct): FlowKind | undefined {
  if (scope instanceof ContactFlowModule) {
    return 'MODULE';
  }
  if (scope instanceof ContactFlow) {
    return scope.contactFlowType as FlowKind;
  }
  return undefined;
}

/**
 * The strict flow checks setting of the flow or flow module that content is bound to (`strictFlowChecks`);
 * undefined when it has none, or for other scopes (the context key decides then).
 */
export function strictFlowChecksOf(scope: IConstruct): boolean | undefined {
  return scope instanceof ContactFlow || scope instanceof ContactFlowModule ? scope._strictFlowChecks : undefined;
}
