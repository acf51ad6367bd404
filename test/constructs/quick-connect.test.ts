import { Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnQuickConnect } from 'aws-cdk-lib/aws-connect';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { Queue } from '../../src/constructs/queue';
import { QuickConnect, QuickConnectProps, QuickConnectTarget, QuickConnectType } from '../../src/constructs/quick-connect';
import { User } from '../../src/constructs/user';
import { INSTANCE_ARN, flowOfType, testStack } from '../helpers';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555';

function setup() {
  const { app, stack, instance } = testStack();
  const user = User.fromUserArn(stack, 'User', `${INSTANCE_ARN}/agent/u-1`);
  const queue = Queue.fromQueueArn(stack, 'Queue', `${INSTANCE_ARN}/queue/q-1`);
  const agentFlow = ContactFlow.fromContactFlowArn(stack, 'AgentFlow', `${INSTANCE_ARN}/contact-flow/agent-transfer`);
  const queueFlow = ContactFlow.fromContactFlowArn(stack, 'QueueFlow', `${INSTANCE_ARN}/contact-flow/queue-transfer`);
  const quickConnect = (target: QuickConnectTarget, props: Partial<QuickConnectProps> = {}, id: string = 'QC') =>
    new QuickConnect(stack, id, { instance, quickConnectName: 'Transfer', target, ...props });
  return { app, stack, instance, user, queue, agentFlow, queueFlow, quickConnect };
}

describe('QuickConnect', () => {
  test('renders a user quick connect', () => {
    const { stack, user, agentFlow, quickConnect } = setup();
    const qc = quickConnect(QuickConnectTarget.user(user, agentFlow), { description: 'To Jane' });
    expect(qc.quickConnectType).toBe(QuickConnectType.USER);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Transfer',
      Description: 'To Jane',
      QuickConnectConfig: {
        QuickConnectType: 'USER',
        UserConfig: { UserArn: `${INSTANCE_ARN}/agent/u-1`, ContactFlowArn: `${INSTANCE_ARN}/contact-flow/agent-transfer` },
        QueueConfig: Match.absent(),
        PhoneConfig: Match.absent(),
      },
    });
  });

  test('renders a queue quick connect', () => {
    const { stack, queue, queueFlow, quickConnect } = setup();
    const qc = quickConnect(QuickConnectTarget.queue(queue, queueFlow));
    expect(qc.quickConnectType).toBe(QuickConnectType.QUEUE);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', {
      Description: Match.absent(),
      QuickConnectConfig: {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueArn: `${INSTANCE_ARN}/queue/q-1`, ContactFlowArn: `${INSTANCE_ARN}/contact-flow/queue-transfer` },
        UserConfig: Match.absent(),
        PhoneConfig: Match.absent(),
      },
    });
  });

  test('renders a phone number quick connect', () => {
    const { stack, quickConnect } = setup();
    const qc = quickConnect(QuickConnectTarget.phoneNumber('+15551234567'));
    expect(qc.quickConnectType).toBe(QuickConnectType.PHONE_NUMBER);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', {
      QuickConnectConfig: {
        QuickConnectType: 'PHONE_NUMBER',
        PhoneConfig: { PhoneNumber: '+15551234567' },
        UserConfig: Match.absent(),
        QueueConfig: Match.absent(),
      },
    });
  });

  test('the target tells its type', () => {
    const { user, queue, agentFlow, queueFlow } = setup();
    expect(QuickConnectTarget.user(user, agentFlow).type).toBe(QuickConnectType.USER);
    expect(QuickConnectTarget.queue(queue, queueFlow).type).toBe(QuickConnectType.QUEUE);
    expect(QuickConnectTarget.phoneNumber('+441234567890').type).toBe(QuickConnectType.PHONE_NUMBER);
  });

  test('fails on a phone number that is not E.164', () => {
    const { quickConnect } = setup();
    for (const [i, bad] of ['5551234567', '+05551234567', '+1 555 123 4567', '+1234567890123456', '+1'].entries()) {
      expect(() => quickConnect(QuickConnectTarget.phoneNumber(bad), {}, `QC${i}`)).toThrow(
        new RegExp(`Test/QC${i}: phone number must be in E\\.164 format \\(\\+, the country code and the number, at most 15 digits, `
          + `for example \\+15551234567\\), got '${bad.replace(/\+/g, '\\+')}'`));
    }
  });

  test('accepts the shortest and the longest E.164 numbers', () => {
    const { app, quickConnect } = setup();
    quickConnect(QuickConnectTarget.phoneNumber('+12'), {}, 'Short');
    quickConnect(QuickConnectTarget.phoneNumber('+123456789012345'), {}, 'Long');
    expect(() => app.synth()).not.toThrow();
  });

  test('skips validation of a token phone number', () => {
    const { stack, quickConnect } = setup();
    quickConnect(QuickConnectTarget.phoneNumber(Token.asString({ Ref: 'Number' })));
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', {
      QuickConnectConfig: { PhoneConfig: { PhoneNumber: { Ref: 'Number' } } },
    });
  });

  test('fails when the user, queue or flow belongs to another instance', () => {
    const { stack, user, queue, agentFlow, queueFlow, quickConnect } = setup();
    const otherUser = User.fromUserArn(stack, 'OtherUser', `${OTHER_INSTANCE_ARN}/agent/u-2`);
    const otherQueue = Queue.fromQueueArn(stack, 'OtherQueue', `${OTHER_INSTANCE_ARN}/queue/q-2`);
    const otherFlow = ContactFlow.fromContactFlowArn(stack, 'OtherFlow', `${OTHER_INSTANCE_ARN}/contact-flow/f-2`);
    expect(() => quickConnect(QuickConnectTarget.user(otherUser, agentFlow), {}, 'A')).toThrow(
      new RegExp(`Test/A: user must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`));
    expect(() => quickConnect(QuickConnectTarget.user(user, otherFlow), {}, 'B'))
      .toThrow(/transfer flow must belong to instance /);
    expect(() => quickConnect(QuickConnectTarget.queue(otherQueue, queueFlow), {}, 'C'))
      .toThrow(/queue must belong to instance /);
    expect(() => quickConnect(QuickConnectTarget.queue(queue, otherFlow), {}, 'D'))
      .toThrow(/transfer flow must belong to instance /);
  });

  test('fails when a flow defined in the app has the wrong type for the transfer', () => {
    const { stack, instance, user, queue, quickConnect } = setup();
    const flow = (id: string, type: ContactFlowType) => flowOfType(stack, instance, id, type);
    const inbound = flow('Inbound', ContactFlowType.CONTACT_FLOW);
    expect(() => quickConnect(QuickConnectTarget.user(user, inbound), {}, 'A'))
      .toThrow(/Test\/A: transfer flow must be a flow of type AGENT_TRANSFER, got 'Test\/Inbound' of type CONTACT_FLOW/);
    expect(() => quickConnect(QuickConnectTarget.queue(queue, inbound), {}, 'B'))
      .toThrow(/Test\/B: transfer flow must be a flow of type QUEUE_TRANSFER, got 'Test\/Inbound' of type CONTACT_FLOW/);
    expect(() => quickConnect(QuickConnectTarget.user(user, flow('ToAgent', ContactFlowType.AGENT_TRANSFER)), {}, 'C')).not.toThrow();
    expect(() => quickConnect(QuickConnectTarget.queue(queue, flow('ToQueue', ContactFlowType.QUEUE_TRANSFER)), {}, 'D')).not.toThrow();
  });

  test('fails when the name or description has a wrong length', () => {
    const { quickConnect } = setup();
    const target = QuickConnectTarget.phoneNumber('+15551234567');
    expect(() => quickConnect(target, { quickConnectName: '' }, 'A')).toThrow(/Test\/A: name must be 1 to 127 characters, got 0/);
    expect(() => quickConnect(target, { quickConnectName: 'x'.repeat(128) }, 'B')).toThrow(/name must be 1 to 127 characters, got 128/);
    expect(() => quickConnect(target, { description: '' }, 'C')).toThrow(/description must be 1 to 250 characters, got 0/);
    expect(() => quickConnect(target, { description: 'x'.repeat(251) }, 'D')).toThrow(/description must be 1 to 250 characters, got 251/);
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = setup();
    const qc = new QuickConnect(stack, 'Generated', { instance, target: QuickConnectTarget.phoneNumber('+15551234567') });
    expect(qc.quickConnectName).toMatch(/^TestGenerated[0-9A-F]{8}$/);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', { Name: qc.quickConnectName });
  });

  test('accepts references with token ARNs', () => {
    const { stack, quickConnect } = setup();
    const user = User.fromUserArn(stack, 'TokenUser', Token.asString({ Ref: 'UserArn' }));
    const flow = ContactFlow.fromContactFlowArn(stack, 'TokenFlow', Token.asString({ Ref: 'FlowArn' }));
    quickConnect(QuickConnectTarget.user(user, flow));
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', {
      QuickConnectConfig: { UserConfig: { UserArn: { Ref: 'UserArn' }, ContactFlowArn: { Ref: 'FlowArn' } } },
    });
  });

  test('exposes attributes derived from the ARN attribute', () => {
    const { stack, quickConnect } = setup();
    const qc = quickConnect(QuickConnectTarget.phoneNumber('+15551234567'));
    const logicalId = stack.getLogicalId(qc.node.defaultChild as CfnQuickConnect);
    expect(qc.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(qc.quickConnectArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'QuickConnectArn'] });
    expect(stack.resolve(qc.quickConnectId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'QuickConnectArn'] }] }],
    });
    expect(stack.resolve(qc.quickConnectRef.quickConnectArn)).toEqual(stack.resolve(qc.quickConnectArn));
  });

  test('applies tags', () => {
    const { stack, quickConnect } = setup();
    Tags.of(quickConnect(QuickConnectTarget.phoneNumber('+15551234567'))).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::QuickConnect', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });
});

describe('QuickConnect.fromQuickConnectArn', () => {
  test('gives the id and the instance ARN of a concrete ARN', () => {
    const { stack } = setup();
    const qc = QuickConnect.fromQuickConnectArn(stack, 'Imported', `${INSTANCE_ARN}/transfer-destination/qc-1`);
    expect(qc.quickConnectId).toBe('qc-1');
    expect(qc.instanceArn).toBe(INSTANCE_ARN);
    expect(qc.quickConnectRef.quickConnectArn).toBe(`${INSTANCE_ARN}/transfer-destination/qc-1`);
  });

  test('splits a token ARN', () => {
    const { stack } = setup();
    const qc = QuickConnect.fromQuickConnectArn(stack, 'Imported', Token.asString({ Ref: 'QcArn' }));
    expect(stack.resolve(qc.quickConnectId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'QcArn' }] }] });
    expect(stack.resolve(qc.instanceArn)).toEqual({
      'Fn::Join': ['/', [
        { 'Fn::Select': [0, { 'Fn::Split': ['/', { Ref: 'QcArn' }] }] },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'QcArn' }] }] },
      ]],
    });
  });

  test('fails on a malformed ARN', () => {
    const { stack } = setup();
    expect(() => QuickConnect.fromQuickConnectArn(stack, 'Imported', `${INSTANCE_ARN}/quick-connect/qc-1`))
      .toThrow(/quick connect ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/transfer-destination\/<id>/);
  });
});
