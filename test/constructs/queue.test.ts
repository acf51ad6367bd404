import { CfnElement, CfnParameter, Duration, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { EmailAddress } from '../../src/constructs/email-address';
import { HoursOfOperation, IHoursOfOperation, WeeklySchedule } from '../../src/constructs/hours-of-operation';
import { Instance } from '../../src/constructs/instance';
import { PhoneNumber } from '../../src/constructs/phone-number';
import { Queue, QueueProps, QueueStatus } from '../../src/constructs/queue';
import { QuickConnect } from '../../src/constructs/quick-connect';
import { INSTANCE_ARN, flowOfType, testStack } from '../helpers';

const TYPE = 'AWS::Connect::Queue';
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const PHONE_ARN = 'arn:aws:connect:us-east-1:111122223333:phone-number/ph-1';

function setup() {
  const { stack, instance } = testStack();
  const hours = HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', `${INSTANCE_ARN}/operating-hours/hoop-1`);
  return { stack, instance, hours };
}

function queue(props: Partial<QueueProps> = {}) {
  const { stack, instance, hours } = setup();
  const q = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, queueName: 'Support', ...props });
  return { stack, instance, hours, queue: q };
}

function quickConnect(scope: Construct, id: string, instanceArn: string = INSTANCE_ARN) {
  return QuickConnect.fromQuickConnectArn(scope, id, `${instanceArn}/transfer-destination/${id}`);
}

describe('Queue', () => {
  test('renders the minimal queue', () => {
    const { stack } = queue();
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      InstanceArn: INSTANCE_ARN,
      Name: 'Support',
      HoursOfOperationArn: `${INSTANCE_ARN}/operating-hours/hoop-1`,
      Description: Match.absent(),
      MaxContacts: Match.absent(),
      OutboundCallerConfig: Match.absent(),
      QuickConnectArns: Match.absent(),
      Status: Match.absent(),
    });
  });

  test('renders every property', () => {
    const { stack, instance, hours } = setup();
    const whisper = ContactFlow.fromContactFlowArn(stack, 'Whisper', `${INSTANCE_ARN}/contact-flow/flow-1`);
    const q = new Queue(stack, 'Queue', {
      instance,
      hoursOfOperation: hours,
      queueName: 'Sales',
      description: 'Sales calls',
      maxContacts: 0,
      status: QueueStatus.DISABLED,
      outboundCallerConfig: {
        callerIdName: 'ACME Sales',
        phoneNumber: PhoneNumber.fromPhoneNumberArn(stack, 'Phone', PHONE_ARN),
        whisperFlow: whisper,
      },
      quickConnects: [quickConnect(stack, 'qc-1')],
    });
    q.addQuickConnect(quickConnect(stack, 'qc-2'));
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      Name: 'Sales',
      Description: 'Sales calls',
      MaxContacts: 0,
      Status: 'DISABLED',
      OutboundCallerConfig: {
        OutboundCallerIdName: 'ACME Sales',
        OutboundCallerIdNumberArn: PHONE_ARN,
        OutboundFlowArn: `${INSTANCE_ARN}/contact-flow/flow-1`,
      },
      QuickConnectArns: [`${INSTANCE_ARN}/transfer-destination/qc-1`, `${INSTANCE_ARN}/transfer-destination/qc-2`],
    });
  });

  test('quick connects can be added after construction only', () => {
    const { stack, queue: q } = queue();
    q.addQuickConnect(quickConnect(stack, 'qc-1'));
    Template.fromStack(stack).hasResourceProperties(TYPE, { QuickConnectArns: [`${INSTANCE_ARN}/transfer-destination/qc-1`] });
  });

  test('omits an outbound caller config without values', () => {
    const { stack } = queue({ outboundCallerConfig: {} });
    Template.fromStack(stack).hasResourceProperties(TYPE, { OutboundCallerConfig: Match.absent() });
  });

  test('renders only the caller id name when only it is given', () => {
    const { stack } = queue({ outboundCallerConfig: { callerIdName: 'ACME' } });
    Template.fromStack(stack).hasResourceProperties(TYPE, { OutboundCallerConfig: { OutboundCallerIdName: 'ACME' } });
  });

  test('references hours of operation defined in the app', () => {
    const { stack, instance } = testStack();
    const hours = new HoursOfOperation(stack, 'Hours', { instance, timeZone: 'UTC', schedule: WeeklySchedule.alwaysOpen() });
    new Queue(stack, 'Queue', { instance, hoursOfOperation: hours });
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      HoursOfOperationArn: { 'Fn::GetAtt': [stack.getLogicalId(hours.node.defaultChild as CfnElement), 'HoursOfOperationArn'] },
    });
  });

  test('generates a name when none is given', () => {
    const { stack, instance, hours } = setup();
    const q = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours });
    expect(q.queueName).toMatch(/^TestQueue/);
    Template.fromStack(stack).hasResourceProperties(TYPE, { Name: q.queueName });
  });

  test('tags through Tags.of', () => {
    const { stack, queue: q } = queue();
    Tags.of(q).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties(TYPE, { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('exposes its attributes', () => {
    const { stack, queue: q } = queue();
    const logicalId = stack.getLogicalId(q.node.defaultChild as CfnElement);
    expect(stack.resolve(q.queueArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'QueueArn'] });
    expect(stack.resolve(q.queueId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'QueueArn'] }] }] });
    // Built on first use, then the same token every time.
    expect(q.queueId).toBe(q.queueId);
    expect(stack.resolve(q.queueRef)).toEqual({ queueArn: { 'Fn::GetAtt': [logicalId, 'QueueArn'] } });
    expect(q.instanceArn).toBe(INSTANCE_ARN);
    expect(q.queueName).toBe('Support');
  });

  test('accepts token values without validating them', () => {
    const { stack, instance, hours } = setup();
    new Queue(stack, 'Queue', {
      instance,
      hoursOfOperation: hours,
      queueName: new CfnParameter(stack, 'Name').valueAsString,
      description: new CfnParameter(stack, 'Description').valueAsString,
      maxContacts: new CfnParameter(stack, 'Max', { type: 'Number' }).valueAsNumber,
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, { Name: { Ref: 'Name' }, MaxContacts: { Ref: 'Max' } });
  });

  describe('metrics', () => {
    test('metricQueueSize has the Connect namespace, queue dimensions and the maximum per minute', () => {
      const { stack, queue: q } = queue();
      const metric = q.metricQueueSize();
      expect(metric.namespace).toBe('AWS/Connect');
      expect(metric.metricName).toBe('QueueSize');
      expect(metric.statistic).toBe('Maximum');
      expect(metric.period.toSeconds()).toBe(60);
      expect(stack.resolve(metric.dimensions)).toEqual({
        InstanceId: '11111111-2222-3333-4444-555555555555',
        MetricGroup: 'Queue',
        QueueName: 'Support',
      });
    });

    test('metricLongestQueueWaitTime and metricQueueCapacityExceededError', () => {
      const { queue: q } = queue();
      expect(q.metricLongestQueueWaitTime().metricName).toBe('LongestQueueWaitTime');
      expect(q.metricLongestQueueWaitTime().statistic).toBe('Maximum');
      expect(q.metricQueueCapacityExceededError().metricName).toBe('QueueCapacityExceededError');
      expect(q.metricQueueCapacityExceededError().statistic).toBe('Sum');
    });

    test('metric options override the defaults', () => {
      const { queue: q } = queue();
      const metric = q.metricQueueSize({ statistic: 'Average', period: Duration.minutes(5) });
      expect(metric.statistic).toBe('Average');
      expect(metric.period.toMinutes()).toBe(5);
      expect(q.metric('CallBackNotDialableNumber').metricName).toBe('CallBackNotDialableNumber');
    });

    test('derives the instance id from a token instance ARN', () => {
      const { stack } = testStack();
      const instance = Instance.fromInstanceArn(stack, 'TokenInstance', Token.asString({ Ref: 'InstanceArn' }));
      const hours = HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', `${INSTANCE_ARN}/operating-hours/hoop-1`);
      const q = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, queueName: 'Support' });
      expect(stack.resolve(q.metricQueueSize().dimensions).InstanceId)
        .toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'InstanceArn' }] }] });
    });

    test('an import with a name has metrics', () => {
      const { stack } = testStack();
      const imported = Queue.fromQueueAttributes(stack, 'Imported', { queueArn: `${INSTANCE_ARN}/queue/q-1`, queueName: 'Billing' });
      expect(stack.resolve(imported.metricQueueSize().dimensions)).toEqual({
        InstanceId: '11111111-2222-3333-4444-555555555555',
        MetricGroup: 'Queue',
        QueueName: 'Billing',
      });
    });

    test('fails for a queue imported by ARN only', () => {
      const { stack } = testStack();
      const imported = Queue.fromQueueArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q-1`);
      expect(() => imported.metricQueueSize())
        .toThrow(/Test\/Imported: metrics need the queue name, which is unknown for a queue imported by ARN; import it with Queue.fromQueueAttributes and a queueName/);
    });
  });

  describe('import', () => {
    test('from a concrete ARN gives the id and instance', () => {
      const { stack } = testStack();
      const imported = Queue.fromQueueArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q-1`);
      expect(imported.queueId).toBe('q-1');
      expect(imported.instanceArn).toBe(INSTANCE_ARN);
      expect(imported.queueRef.queueArn).toBe(`${INSTANCE_ARN}/queue/q-1`);
      expect(imported.env.region).toBe('us-east-1');
    });

    test('from a token ARN splits it with CloudFormation functions', () => {
      const { stack } = testStack();
      const imported = Queue.fromQueueAttributes(stack, 'Imported', { queueArn: Token.asString({ Ref: 'QueueArn' }) });
      expect(stack.resolve(imported.queueId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'QueueArn' }] }] });
    });

    test('fails on a malformed ARN', () => {
      const { stack } = testStack();
      expect(() => Queue.fromQueueArn(stack, 'Imported', `${INSTANCE_ARN}/agent/a-1`))
        .toThrow(/queue ARN must look like .*\/queue\/<id>, got/);
    });
  });

  describe('validation', () => {
    test('fails on an empty or too long name', () => {
      expect(() => queue({ queueName: '' })).toThrow(/Test\/Queue: name must be 1 to 127 characters, got 0/);
      expect(() => queue({ queueName: 'q'.repeat(128) })).toThrow(/name must be 1 to 127 characters, got 128/);
    });

    test('fails on an empty or too long description', () => {
      expect(() => queue({ description: '' })).toThrow(/description must be 1 to 250 characters, got 0/);
      expect(() => queue({ description: 'd'.repeat(251) })).toThrow(/description must be 1 to 250 characters, got 251/);
    });

    test('fails on a negative or fractional maxContacts', () => {
      expect(() => queue({ maxContacts: -1 })).toThrow(/maxContacts must be a whole number of 0 or more, got -1/);
      expect(() => queue({ maxContacts: 2.5 })).toThrow(/maxContacts must be a whole number of 0 or more, got 2.5/);
    });

    test('fails on an empty or too long caller id name', () => {
      expect(() => queue({ outboundCallerConfig: { callerIdName: '' } }))
        .toThrow(/outboundCallerConfig.callerIdName must be 1 to 255 characters, got 0/);
      expect(() => queue({ outboundCallerConfig: { callerIdName: 'c'.repeat(256) } }))
        .toThrow(/outboundCallerConfig.callerIdName must be 1 to 255 characters, got 256/);
    });

    test('fails on hours of operation of another instance', () => {
      const { stack, instance } = testStack();
      const hours: IHoursOfOperation = HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', `${OTHER_INSTANCE_ARN}/operating-hours/hoop-1`);
      expect(() => new Queue(stack, 'Queue', { instance, hoursOfOperation: hours }))
        .toThrow(new RegExp(`hoursOfOperation must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`));
    });

    test('fails on a whisper flow of another instance', () => {
      const { stack, instance, hours } = setup();
      const whisper = ContactFlow.fromContactFlowArn(stack, 'Whisper', `${OTHER_INSTANCE_ARN}/contact-flow/flow-1`);
      expect(() => new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, outboundCallerConfig: { whisperFlow: whisper } }))
        .toThrow(/outboundCallerConfig.whisperFlow must belong to instance /);
    });

    test('fails on a whisper flow defined in the app that is not an outbound whisper flow', () => {
      const { stack, instance, hours } = setup();
      const flow = (id: string, type: ContactFlowType) => flowOfType(stack, instance, id, type);
      expect(() => new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, outboundCallerConfig: { whisperFlow: flow('Agent', ContactFlowType.AGENT_WHISPER) } }))
        .toThrow(/Test\/Queue: outboundCallerConfig.whisperFlow must be a flow of type OUTBOUND_WHISPER, got 'Test\/Agent' of type AGENT_WHISPER/);
      expect(() => new Queue(stack, 'Queue2', { instance, hoursOfOperation: hours, outboundCallerConfig: { whisperFlow: flow('Outbound', ContactFlowType.OUTBOUND_WHISPER) } }))
        .not.toThrow();
    });

    test('fails on a quick connect of another instance', () => {
      const { stack, queue: q } = queue();
      expect(() => q.addQuickConnect(quickConnect(stack, 'qc-1', OTHER_INSTANCE_ARN)))
        .toThrow(/quick connect 'Test\/qc-1' must belong to instance /);
    });

    test('fails on a quick connect added twice', () => {
      const { stack, queue: q } = queue();
      const qc = quickConnect(stack, 'qc-1');
      q.addQuickConnect(qc);
      expect(() => q.addQuickConnect(qc)).toThrow(/quickConnects must be unique, 'Test\/qc-1' is added more than once/);
    });

    test('fails on more than 50 quick connects', () => {
      const { stack, queue: q } = queue();
      for (let i = 0; i < 51; i++) {
        q.addQuickConnect(quickConnect(stack, `qc-${i}`));
      }
      expect(() => Template.fromStack(stack)).toThrow(/\[Test\/Queue\] quickConnects must have at most 50 items, got 51/);
    });

    test('accepts exactly 50 quick connects', () => {
      const { stack, queue: q } = queue();
      for (let i = 0; i < 50; i++) {
        q.addQuickConnect(quickConnect(stack, `qc-${i}`));
      }
      expect(() => Template.fromStack(stack)).not.toThrow();
    });
  });
  describe('email addresses', () => {
    const emailAddress = (scope: Construct, id: string, instanceArn: string = INSTANCE_ARN) =>
      EmailAddress.fromEmailAddressArn(scope, id, `${instanceArn}/email-address/${id}`);

    test('renders the outbound and additional email addresses', () => {
      const { stack, instance, hours } = setup();
      const q = new Queue(stack, 'Queue', {
        instance,
        hoursOfOperation: hours,
        outboundEmailAddress: emailAddress(stack, 'support'),
        additionalEmailAddresses: [emailAddress(stack, 'help')],
      });
      q.addEmailAddress(emailAddress(stack, 'care'));
      Template.fromStack(stack).hasResourceProperties(TYPE, {
        OutboundEmailConfig: { OutboundEmailAddressId: `${INSTANCE_ARN}/email-address/support` },
        AdditionalEmailAddresses: [
          { EmailAddressArn: `${INSTANCE_ARN}/email-address/help` },
          { EmailAddressArn: `${INSTANCE_ARN}/email-address/care` },
        ],
      });
    });

    test('an email address added after construction to a queue created without any is rendered', () => {
      const { stack, instance, hours } = setup();
      const q = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours });
      q.addEmailAddress(emailAddress(stack, 'care'));
      q.addEmailAddress(emailAddress(stack, 'help'));
      Template.fromStack(stack).hasResourceProperties(TYPE, {
        AdditionalEmailAddresses: [
          { EmailAddressArn: `${INSTANCE_ARN}/email-address/care` },
          { EmailAddressArn: `${INSTANCE_ARN}/email-address/help` },
        ],
      });
    });

    test('omits email settings when none are given', () => {
      const { stack } = queue();
      Template.fromStack(stack).hasResourceProperties(TYPE, {
        OutboundEmailConfig: Match.absent(),
        AdditionalEmailAddresses: Match.absent(),
      });
    });

    test('references an email address defined in the app', () => {
      const { stack, instance, hours } = setup();
      const address = new EmailAddress(stack, 'Email', { instance, emailAddress: 'support@example.com' });
      new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, outboundEmailAddress: address });
      Template.fromStack(stack).hasResourceProperties(TYPE, {
        OutboundEmailConfig: {
          OutboundEmailAddressId: { 'Fn::GetAtt': [stack.getLogicalId(address.node.defaultChild as CfnElement), 'EmailAddressArn'] },
        },
      });
    });

    test('accepts 50 email addresses in all', () => {
      const { stack, instance, hours } = setup();
      const q = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, outboundEmailAddress: emailAddress(stack, 'out') });
      for (let i = 0; i < 49; i++) {
        q.addEmailAddress(emailAddress(stack, `e-${i}`));
      }
      expect(() => Template.fromStack(stack)).not.toThrow();
    });

    test('fails on more than 50 email addresses in all', () => {
      const { stack, instance, hours } = setup();
      const q = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, outboundEmailAddress: emailAddress(stack, 'out') });
      for (let i = 0; i < 50; i++) {
        q.addEmailAddress(emailAddress(stack, `e-${i}`));
      }
      expect(() => Template.fromStack(stack))
        .toThrow(/\[Test\/Queue\] a queue has at most 50 email addresses \(the outbound one included\), got 51/);
    });

    test('fails on an outbound email address of another instance', () => {
      const { stack } = setup();
      expect(() => queue({ outboundEmailAddress: emailAddress(stack, 'other', OTHER_INSTANCE_ARN) }))
        .toThrow(/outboundEmailAddress must belong to instance .*, got one of instance .*99999999/);
    });

    test('fails on an additional email address of another instance', () => {
      const { stack, queue: q } = queue();
      expect(() => q.addEmailAddress(emailAddress(stack, 'other', OTHER_INSTANCE_ARN)))
        .toThrow(/email address 'Test\/other' must belong to instance .*, got one of instance .*99999999/);
    });

    test('fails on an email address added twice', () => {
      const { stack, queue: q } = queue();
      const address = emailAddress(stack, 'help');
      q.addEmailAddress(address);
      expect(() => q.addEmailAddress(address)).toThrow(/additionalEmailAddresses must be unique, 'Test\/help' is added more than once/);
    });

    test('fails on an additional email address that is the outbound one', () => {
      const { stack, instance, hours } = setup();
      const address = emailAddress(stack, 'support');
      expect(() => new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, outboundEmailAddress: address, additionalEmailAddresses: [address] }))
        .toThrow(/additionalEmailAddresses must not repeat the outbound email address 'Test\/support'/);
    });
  });
});
