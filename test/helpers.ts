import { App, Stack } from 'aws-cdk-lib';
import { IInstance, Instance } from '../src/constructs/instance';

/** The ARN of the imported instance that most tests put their resources in. */
export const INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555';

/** A stack in a fixed account and region, with an imported instance to put resources in. */
export function testStack(): { app: App; stack: Stack; instance: IInstance } {
  const app = new App();
  const stack = new Stack(app, 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
  const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
  return { app, stack, instance };
}
