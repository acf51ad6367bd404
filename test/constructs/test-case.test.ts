import * as path from 'path';
import { CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { FlowContent } from '../../src/constructs/flow-content';
import { IInstance } from '../../src/constructs/instance';
import {
  TestCase, TestCaseEntryPoint, TestCaseEntryPointType, TestCaseJson, TestCaseProps, TestCaseStatus,
} from '../../src/constructs/test-case';
import { INSTANCE_ARN, testStack } from '../helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'test-cases', 'inbound.json');
const TEST_CASE_ARN = `${INSTANCE_ARN}/test-case/cccccccc-1111-2222-3333-444444444444`;
const FLOW_ARN = `${INSTANCE_ARN}/contact-flow/ffffffff-1111-2222-3333-444444444444`;
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const CONTENT = { Version: '2019-10-30', Observations: [] };

function testCase(stack: Stack, instance: IInstance, extra: Partial<TestCaseProps> = {}): TestCase {
  return new TestCase(stack, 'Test', {
    instance,
    testCaseName: 'Inbound greets',
    content: TestCaseJson.fromObject(CONTENT),
    ...extra,
  });
}

function flow(stack: Stack, instance: IInstance, type: ContactFlowType = ContactFlowType.CONTACT_FLOW): ContactFlow {
  return new ContactFlow(stack, 'Flow', {
    instance,
    contactFlowName: 'Inbound',
    type,
    content: FlowContent.fromObject({
      Version: '2019-10-30',
      StartAction: 'End',
      Actions: [{ Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
    }),
  });
}

describe('TestCase', () => {
  test('creates a published test case', () => {
    const { stack, instance } = testStack();
    testCase(stack, instance);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TestCase', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Inbound greets',
      Content: JSON.stringify(CONTENT),
      Status: 'PUBLISHED',
      Description: Match.absent(),
      EntryPoint: Match.absent(),
      InitializationData: Match.absent(),
    });
  });

  test('a voice call entry point runs the flow under test', () => {
    const { stack, instance } = testStack();
    const inbound = flow(stack, instance);
    testCase(stack, instance, {
      entryPoint: TestCaseEntryPoint.voiceCall(inbound, { sourcePhoneNumber: '+15555550100', destinationPhoneNumber: '+15555550199' }),
      description: 'Checks the greeting',
      status: TestCaseStatus.SAVED,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TestCase', {
      Description: 'Checks the greeting',
      Status: 'SAVED',
      EntryPoint: {
        Type: 'VOICE_CALL',
        VoiceCallEntryPointParameters: {
          FlowId: { 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] }] }] },
          SourcePhoneNumber: '+15555550100',
          DestinationPhoneNumber: '+15555550199',
        },
      },
    });
  });

  test('a chat entry point runs an imported flow', () => {
    const { stack, instance } = testStack();
    const entryPoint = TestCaseEntryPoint.chat(ContactFlow.fromContactFlowArn(stack, 'Imported', FLOW_ARN));
    expect(entryPoint.entryPointType).toBe(TestCaseEntryPointType.CHAT);
    testCase(stack, instance, { entryPoint });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TestCase', {
      EntryPoint: { Type: 'CHAT', ChatEntryPointParameters: { FlowId: 'ffffffff-1111-2222-3333-444444444444' } },
    });
  });

  test('content from a file and initialization data from a JSON string', () => {
    const { stack, instance } = testStack();
    testCase(stack, instance, {
      content: TestCaseJson.fromFile(FIXTURE),
      initializationData: TestCaseJson.fromJsonString('{"Attributes": {"tier": "gold"}}'),
    });
    const properties = Object.values(Template.fromStack(stack).findResources('AWS::Connect::TestCase'))[0].Properties;
    expect(JSON.parse(properties.Content).Observations[0].Identifier).toBe('greeting');
    expect(JSON.parse(properties.InitializationData)).toEqual({ Attributes: { tier: 'gold' } });
  });

  test('content objects may contain tokens', () => {
    const { stack, instance } = testStack();
    const inbound = flow(stack, instance);
    testCase(stack, instance, { content: TestCaseJson.fromObject({ ...CONTENT, Flow: inbound.contactFlowArn }) });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TestCase', {
      Content: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] }])] },
    });
  });

  test('content that is a token is passed through', () => {
    const { stack, instance } = testStack();
    testCase(stack, instance, { content: TestCaseJson.fromJsonString(new CfnParameter(stack, 'Content').valueAsString) });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TestCase', { Content: { Ref: 'Content' } });
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    const generated = new TestCase(stack, 'Generated', { instance, content: TestCaseJson.fromObject(CONTENT) });
    expect(generated.testCaseName).toMatch(/^TestGenerated/);
  });

  test('exposes attributes', () => {
    const { stack, instance } = testStack();
    const test = testCase(stack, instance);
    const id = stack.getLogicalId(test.node.defaultChild as any);
    expect(test.node.defaultChild?.node.id).toBe('Resource');
    expect(stack.resolve(test.testCaseArn)).toEqual({ 'Fn::GetAtt': [id, 'TestCaseArn'] });
    expect(stack.resolve(test.testCaseId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [id, 'TestCaseArn'] }] }] });
    expect(stack.resolve(test.testCaseRef.testCaseArn)).toEqual({ 'Fn::GetAtt': [id, 'TestCaseArn'] });
    expect(test.instanceArn).toBe(INSTANCE_ARN);
    expect(test.testCaseName).toBe('Inbound greets');
  });

  test('tags apply to the test case', () => {
    const { stack, instance } = testStack();
    Tags.of(testCase(stack, instance)).add('team', 'qa');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TestCase', { Tags: [{ Key: 'team', Value: 'qa' }] });
  });

  test('fails for a name longer than 127 characters', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { testCaseName: 'n'.repeat(128) }))
      .toThrow(/Test\/Test: test case name must be 1 to 127 characters, got 128/);
  });

  test('fails for a name of only white space', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { testCaseName: '  ' })).toThrow(/test case name must be more than white space/);
  });

  test('fails for a description longer than 500 characters', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { description: 'd'.repeat(501) })).toThrow(/description must be 1 to 500 characters, got 501/);
  });

  test('fails for content that is not valid JSON', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { content: TestCaseJson.fromJsonString('{"Version": ') }))
      .toThrow(/content is not valid JSON/);
  });

  test('fails for content that is not a JSON object', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { content: TestCaseJson.fromObject([CONTENT]) })).toThrow(/content must be a JSON object, got an array/);
  });

  test('fails for empty content', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { content: TestCaseJson.fromJsonString('{}') })).toThrow(/content must not be an empty JSON object/);
  });

  test('fails for content longer than 256000 characters', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { content: TestCaseJson.fromObject({ Padding: 'x'.repeat(256_000) }) }))
      .toThrow(/content must be at most 256000 characters, got 256014/);
  });

  test('fails for a content file that cannot be read', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { content: TestCaseJson.fromFile('/nonexistent/test.json') }))
      .toThrow(/cannot read content file '\/nonexistent\/test.json'/);
  });

  test('fails for initialization data that is not a JSON object', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { initializationData: TestCaseJson.fromJsonString('"gold"') }))
      .toThrow(/initializationData must be a JSON object, got string/);
  });

  test('fails for a flow under test of another type', () => {
    const { stack, instance } = testStack();
    const whisper = flow(stack, instance, ContactFlowType.AGENT_WHISPER);
    expect(() => testCase(stack, instance, { entryPoint: TestCaseEntryPoint.chat(whisper) }))
      .toThrow(/flow under test must be a flow of type CONTACT_FLOW, got 'Test\/Flow' of type AGENT_WHISPER/);
  });

  test('fails for a flow under test of another instance', () => {
    const { stack, instance } = testStack();
    const other = ContactFlow.fromContactFlowArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/contact-flow/f1`);
    expect(() => testCase(stack, instance, { entryPoint: TestCaseEntryPoint.voiceCall(other) }))
      .toThrow(/flow under test must belong to instance .*, got one of instance .*99999999/);
  });

  test('fails for a source phone number not in E.164 format', () => {
    const { stack, instance } = testStack();
    expect(() => testCase(stack, instance, { entryPoint: TestCaseEntryPoint.voiceCall(flow(stack, instance), { sourcePhoneNumber: '555-0100' }) }))
      .toThrow(/sourcePhoneNumber must be in E.164 format/);
  });
});

describe('TestCase.fromTestCaseArn', () => {
  test('with a concrete ARN gives the id and the instance', () => {
    const { stack } = testStack();
    const test = TestCase.fromTestCaseArn(stack, 'Imported', TEST_CASE_ARN);
    expect(test.testCaseId).toBe('cccccccc-1111-2222-3333-444444444444');
    expect(test.instanceArn).toBe(INSTANCE_ARN);
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const test = TestCase.fromTestCaseArn(stack, 'Imported', new CfnParameter(stack, 'Arn').valueAsString);
    expect(stack.resolve(test.testCaseId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test('fails for a malformed ARN', () => {
    const { stack } = testStack();
    expect(() => TestCase.fromTestCaseArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q1`))
      .toThrow(/test case ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/test-case\/<id>/);
  });
});
