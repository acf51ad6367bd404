import { IConstruct } from 'constructs';
import { fail } from './validation';
import { ContactFlow, ContactFlowType, IContactFlow } from '../constructs/contact-flow';

/**
 * Checks that a flow defined in this app has the type the referencing resource needs (Amazon Connect rejects
 * other types at deploy time). Imported flows carry no type and are not checked.
 */
export function validateFlowType(scope: IConstruct, what: string, flow: IContactFlow, expected: ContactFlowType): void {
  if (flow instanceof ContactFlow && flow.contactFlowType !== expected) {
    fail(scope, `${what} must be a flow of type ${expected}, got '${flow.node.path}' of type ${flow.contactFlowType}`);
  }
}
