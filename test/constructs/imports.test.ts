import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  AgentStatus,
  ContactFlow,
  ContactFlowModule,
  HoursOfOperation,
  Instance,
  PhoneNumber,
  Prompt,
  Queue,
  QuickConnect,
  RoutingProfile,
  SecurityProfile,
  User,
  UserHierarchyGroup,
  UserHierarchyStructure,
} from '../../src';

// Every kind's import, so that a malformed ARN gets the library's message (naming the expected form)
// rather than aws-cdk-lib's generic ARN error.
const IMPORTS: Array<[string, (scope: Construct, id: string, arn: string) => unknown]> = [
  ['Instance', Instance.fromInstanceArn],
  ['HoursOfOperation', HoursOfOperation.fromHoursOfOperationArn],
  ['Queue', Queue.fromQueueArn],
  ['RoutingProfile', RoutingProfile.fromRoutingProfileArn],
  ['ContactFlow', ContactFlow.fromContactFlowArn],
  ['ContactFlowModule', ContactFlowModule.fromContactFlowModuleArn],
  ['User', User.fromUserArn],
  ['UserHierarchyGroup', UserHierarchyGroup.fromUserHierarchyGroupArn],
  ['UserHierarchyStructure', UserHierarchyStructure.fromUserHierarchyStructureArn],
  ['SecurityProfile', SecurityProfile.fromSecurityProfileArn],
  ['QuickConnect', QuickConnect.fromQuickConnectArn],
  ['AgentStatus', AgentStatus.fromAgentStatusArn],
  ['Prompt', Prompt.fromPromptArn],
  ['PhoneNumber', PhoneNumber.fromPhoneNumberArn],
];

describe.each(IMPORTS)('%s import', (_kind, importFn) => {
  test.each(['not-an-arn', 'arn:aws:s3:::bucket/key'])('fails on the malformed ARN %s with a message naming the expected form', (arn) => {
    const stack = new Stack(new App(), 'Test');
    expect(() => importFn(stack, 'Imported', arn)).toThrow(/^Test\/Imported: .*ARN must (look like|be|have).*arn:aws/);
  });
});
