import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { ContactFlow, ContactFlowType } from '../src/constructs/contact-flow';
import { FlowContent } from '../src/constructs/flow-content';
import { IInstance, Instance } from '../src/constructs/instance';

/** The ARN of the imported instance that most tests put their resources in. */
export const INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555';

/** A stack in a fixed account and region, with an imported instance to put resources in. */
export function testStack(options: { context?: Record<string, unknown> } = {}): { app: App; stack: Stack; instance: IInstance } {
  const app = new App({ context: options.context });
  const stack = new Stack(app, 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
  const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
  return { app, stack, instance };
}

/** A minimal flow of the given type (one action that ends it), for checks that look at a flow's type. */
export function flowOfType(scope: Construct, instance: IInstance, id: string, type: ContactFlowType): ContactFlow {
  return new ContactFlow(scope, id, {
    instance,
    contactFlowName: id,
    type,
    content: FlowContent.fromObject({
      Version: '2019-10-30',
      StartAction: 'end',
      Actions: [{ Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
    }),
  });
}

/** A test stack whose app turns strict flow checks on (the context key `cdk-connect:strictFlowChecks`). */
export function strictTestStack(): { app: App; stack: Stack; instance: IInstance } {
  return testStack({ context: { 'cdk-connect:strictFlowChecks': true } });
}

/** The warnings (annotations) of a stack's constructs, with their paths. */
export function warningsOf(stack: Stack): Array<{ path: string; message: string }> {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue())
    .map(warning => ({ path: warning.id, message: String(warning.entry.data) }));
}
