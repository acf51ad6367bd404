import { Duration, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnRoutingProfile } from 'aws-cdk-lib/aws-connect';
import { IQueue, Queue } from '../../src/constructs/queue';
import {
  AgentAvailabilityTimer,
  Channel,
  CrossChannelBehavior,
  RoutingProfile,
  RoutingProfileProps,
} from '../../src/constructs/routing-profile';
import { INSTANCE_ARN, testStack } from '../helpers';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555';

function setup() {
  const { app, stack, instance } = testStack();
  let count = 0;
  const queue = (name: string, instanceArn: string = INSTANCE_ARN): IQueue =>
    Queue.fromQueueArn(stack, `Queue${count++}`, `${instanceArn}/queue/${name}`);
  const outbound = queue('outbound');
  const profile = (props: Partial<RoutingProfileProps> = {}, id: string = 'Profile') => new RoutingProfile(stack, id, {
    instance,
    routingProfileName: 'Agents',
    defaultOutboundQueue: outbound,
    ...props,
  });
  return { app, stack, instance, queue, outbound, profile };
}

function queueConfig(queueId: string, channel: string, priority: number = 1, delay: number = 0) {
  return { QueueReference: { QueueArn: `${INSTANCE_ARN}/queue/${queueId}`, Channel: channel }, Priority: priority, Delay: delay };
}

describe('RoutingProfile', () => {
  test('renders a voice-only profile by default, the name as description and no queue configs', () => {
    const { stack, profile } = setup();
    profile();
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Agents',
      Description: 'Agents',
      DefaultOutboundQueueArn: `${INSTANCE_ARN}/queue/outbound`,
      MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
      QueueConfigs: Match.absent(),
      ManualAssignmentQueueConfigs: Match.absent(),
      AgentAvailabilityTimer: Match.absent(),
    });
  });

  test('generates a name when none is given', () => {
    const { stack, instance, outbound } = setup();
    const rp = new RoutingProfile(stack, 'Generated', { instance, defaultOutboundQueue: outbound });
    expect(rp.routingProfileName).toMatch(/^TestGenerated[0-9A-F]{8}$/);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      Name: rp.routingProfileName,
      Description: rp.routingProfileName,
    });
  });

  test('renders channels, concurrencies, cross-channel behaviour and the availability timer', () => {
    const { stack, profile } = setup();
    profile({
      description: 'Omnichannel agents',
      agentAvailabilityTimer: AgentAvailabilityTimer.TIME_SINCE_LAST_INBOUND,
      mediaConcurrencies: [
        { channel: Channel.VOICE, crossChannelBehavior: CrossChannelBehavior.ROUTE_ANY_CHANNEL },
        { channel: Channel.CHAT, concurrency: 10, crossChannelBehavior: CrossChannelBehavior.ROUTE_CURRENT_CHANNEL_ONLY },
        { channel: Channel.TASK, concurrency: 3 },
        { channel: Channel.EMAIL, concurrency: 2 },
      ],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      Description: 'Omnichannel agents',
      AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
      MediaConcurrencies: [
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        { Channel: 'CHAT', Concurrency: 10, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
        { Channel: 'TASK', Concurrency: 3 },
        { Channel: 'EMAIL', Concurrency: 2 },
      ],
    });
  });

  test('renders queues from props and addQueue, one config per channel, defaulting to every channel', () => {
    const { stack, queue, profile } = setup();
    const rp = profile({
      mediaConcurrencies: [{ channel: Channel.VOICE }, { channel: Channel.CHAT, concurrency: 2 }],
      queues: [{ queue: queue('sales'), priority: 2, delay: Duration.seconds(30) }],
    });
    rp.addQueue(queue('support'), { channels: [Channel.CHAT], priority: 99, delay: Duration.minutes(2) });
    rp.addQueue(queue('vip'));
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      QueueConfigs: [
        queueConfig('sales', 'VOICE', 2, 30),
        queueConfig('sales', 'CHAT', 2, 30),
        queueConfig('support', 'CHAT', 99, 120),
        queueConfig('vip', 'VOICE'),
        queueConfig('vip', 'CHAT'),
      ],
    });
  });

  test('accepts more than 10 queue configurations in one list (CloudFormation associates them in batches)', () => {
    const { stack, queue, profile } = setup();
    const rp = profile();
    for (let i = 0; i < 25; i++) {
      rp.addQueue(queue(`q${i}`), { priority: i + 1 });
    }
    const resources = Template.fromStack(stack).findResources('AWS::Connect::RoutingProfile');
    const configs = Object.values(resources)[0].Properties.QueueConfigs;
    expect(configs).toHaveLength(25);
    expect(configs[24]).toEqual(queueConfig('q24', 'VOICE', 25));
  });

  test('accepts exactly 50 queue configurations by default', () => {
    const { app, queue, profile } = setup();
    const rp = profile();
    for (let i = 0; i < 50; i++) {
      rp.addQueue(queue(`q${i}`));
    }
    expect(() => app.synth()).not.toThrow();
  });

  test('fails with more than 50 queue configurations, naming the default quota', () => {
    const { app, queue, profile } = setup();
    const rp = profile({ mediaConcurrencies: [{ channel: Channel.VOICE }, { channel: Channel.CHAT }] });
    for (let i = 0; i < 26; i++) {
      rp.addQueue(queue(`q${i}`));
    }
    expect(() => app.synth()).toThrow(
      /a routing profile can have at most 50 queue configurations \(the default 'Queues per routing profile' quota\); got 52: request a quota increase and raise maxQueueConfigs/);
  });

  test('maxQueueConfigs raises the limit', () => {
    const { app, stack, queue, profile } = setup();
    const rp = profile({ maxQueueConfigs: 60 });
    for (let i = 0; i < 60; i++) {
      rp.addQueue(queue(`q${i}`));
    }
    expect(() => app.synth()).not.toThrow();
    const resources = Template.fromStack(stack).findResources('AWS::Connect::RoutingProfile');
    expect(Object.values(resources)[0].Properties.QueueConfigs).toHaveLength(60);
  });

  test('fails above a raised maxQueueConfigs', () => {
    const { app, queue, profile } = setup();
    const rp = profile({ maxQueueConfigs: 60 });
    for (let i = 0; i < 61; i++) {
      rp.addQueue(queue(`q${i}`));
    }
    expect(() => app.synth()).toThrow(/at most 60 queue configurations \(maxQueueConfigs\); got 61/);
  });

  test('fails when maxQueueConfigs is not a positive integer', () => {
    const { profile } = setup();
    expect(() => profile({ maxQueueConfigs: 0 })).toThrow(/maxQueueConfigs must be a positive integer, got 0/);
    expect(() => profile({ maxQueueConfigs: 2.5 }, 'P2')).toThrow(/maxQueueConfigs must be a positive integer, got 2.5/);
  });

  test('fails when maxQueueConfigs is a token', () => {
    const { profile } = setup();
    expect(() => profile({ maxQueueConfigs: Token.asNumber({ Ref: 'Quota' }) }))
      .toThrow(/maxQueueConfigs must be a number known at synth time \(your 'Queues per routing profile' quota\), got a token/);
  });

  test('fails when the same queue and channel are added twice', () => {
    const { app, stack, queue, profile } = setup();
    const rp = profile();
    rp.addQueue(queue('sales'));
    rp.addQueue(Queue.fromQueueArn(stack, 'SalesAgain', `${INSTANCE_ARN}/queue/sales`), { priority: 5 });
    expect(() => app.synth()).toThrow(
      new RegExp(`each queue and channel may appear only once, ${INSTANCE_ARN}/queue/sales appears more than once for VOICE`));
  });

  test('fails when a queue with a token ARN is added twice for a channel', () => {
    const { app, stack, profile } = setup();
    const rp = profile();
    const q = Queue.fromQueueArn(stack, 'TokenQueue', Token.asString({ Ref: 'QueueArn' }));
    rp.addQueue(q);
    rp.addQueue(q);
    expect(() => app.synth()).toThrow(/each queue and channel may appear only once, Test\/TokenQueue appears more than once for VOICE/);
  });

  test('allows the same queue on different channels', () => {
    const { app, queue, profile } = setup();
    const rp = profile({ mediaConcurrencies: [{ channel: Channel.VOICE }, { channel: Channel.CHAT }] });
    rp.addQueue(queue('sales'), { channels: [Channel.VOICE], priority: 1 });
    rp.addQueue(queue('sales'), { channels: [Channel.CHAT], priority: 2 });
    expect(() => app.synth()).not.toThrow();
  });

  test('fails when a queue channel is not one of the profile channels', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addQueue(queue('sales'), { channels: [Channel.CHAT] })).toThrow(
      /Test\/Profile: queue channel CHAT must be one of the channels of the routing profile's mediaConcurrencies \(VOICE\)/);
  });

  test('fails when a manual assignment queue channel is not one of the profile channels', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addManualAssignmentQueue(queue('sales'), { channels: [Channel.EMAIL] })).toThrow(
      /Test\/Profile: manual assignment queue channel EMAIL must be one of the channels of the routing profile's mediaConcurrencies \(VOICE\)/);
  });

  test('fails when queue channels are empty or repeated', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addQueue(queue('a'), { channels: [] })).toThrow(/queue channels must name at least one channel, got none/);
    expect(() => rp.addQueue(queue('b'), { channels: [Channel.VOICE, Channel.VOICE] }))
      .toThrow(/queue channels must be unique, VOICE appears more than once/);
  });

  test('fails when a queue priority is out of range', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addQueue(queue('a'), { priority: 0 })).toThrow(/queue priority must be an integer from 1 to 99, got 0/);
    expect(() => rp.addQueue(queue('b'), { priority: 100 })).toThrow(/queue priority must be an integer from 1 to 99, got 100/);
    expect(() => rp.addQueue(queue('c'), { priority: 1.5 })).toThrow(/queue priority must be an integer from 1 to 99, got 1.5/);
  });

  test('fails when a queue delay is out of range or not whole seconds', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addQueue(queue('a'), { delay: Duration.seconds(10000) }))
      .toThrow(/queue delay must be a whole number of seconds from 0 to 9999, got 10000 seconds/);
    expect(() => rp.addQueue(queue('b'), { delay: Duration.millis(1500) }))
      .toThrow(/queue delay must be a whole number of seconds from 0 to 9999, got 1.5 seconds/);
  });

  test('accepts the delay bounds', () => {
    const { stack, queue, profile } = setup();
    const rp = profile();
    rp.addQueue(queue('a'), { delay: Duration.seconds(9999) });
    rp.addQueue(queue('b'), { delay: Duration.millis(0) });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      QueueConfigs: [queueConfig('a', 'VOICE', 1, 9999), queueConfig('b', 'VOICE', 1, 0)],
    });
  });

  test('fails when a queue belongs to another instance', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addQueue(queue('sales', OTHER_INSTANCE_ARN))).toThrow(
      new RegExp(`queue must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`));
  });

  test('fails when the default outbound queue belongs to another instance', () => {
    const { queue, profile } = setup();
    expect(() => profile({ defaultOutboundQueue: queue('out', OTHER_INSTANCE_ARN) }))
      .toThrow(/default outbound queue must belong to instance /);
  });

  test('fails when a voice concurrency is not 1', () => {
    const { profile } = setup();
    expect(() => profile({ mediaConcurrencies: [{ channel: Channel.VOICE, concurrency: 2 }] }))
      .toThrow(/concurrency of VOICE must be exactly 1, got 2/);
  });

  test('fails when a chat, task or email concurrency is out of range', () => {
    const { profile } = setup();
    expect(() => profile({ mediaConcurrencies: [{ channel: Channel.CHAT, concurrency: 11 }] }, 'P1'))
      .toThrow(/concurrency of CHAT must be an integer from 1 to 10, got 11/);
    expect(() => profile({ mediaConcurrencies: [{ channel: Channel.TASK, concurrency: 0 }] }, 'P2'))
      .toThrow(/concurrency of TASK must be an integer from 1 to 10, got 0/);
    expect(() => profile({ mediaConcurrencies: [{ channel: Channel.EMAIL, concurrency: 1.5 }] }, 'P3'))
      .toThrow(/concurrency of EMAIL must be an integer from 1 to 10, got 1.5/);
  });

  test('fails when a channel appears twice in mediaConcurrencies', () => {
    const { profile } = setup();
    expect(() => profile({ mediaConcurrencies: [{ channel: Channel.CHAT }, { channel: Channel.CHAT, concurrency: 2 }] }))
      .toThrow(/mediaConcurrencies must name each channel at most once, CHAT appears more than once/);
  });

  test('fails when the name or description has a wrong length', () => {
    const { profile } = setup();
    expect(() => profile({ routingProfileName: '' }, 'P1')).toThrow(/Test\/P1: name must be 1 to 127 characters, got 0/);
    expect(() => profile({ routingProfileName: 'x'.repeat(128) }, 'P2')).toThrow(/name must be 1 to 127 characters, got 128/);
    expect(() => profile({ description: 'x'.repeat(251) }, 'P3')).toThrow(/description must be 1 to 250 characters, got 251/);
  });

  test('renders manual assignment queues', () => {
    const { stack, queue, profile } = setup();
    const rp = profile({
      mediaConcurrencies: [{ channel: Channel.CHAT }, { channel: Channel.EMAIL }],
      manualAssignmentQueues: [{ queue: queue('backlog'), channels: [Channel.EMAIL] }],
    });
    rp.addManualAssignmentQueue(queue('escalations'));
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      ManualAssignmentQueueConfigs: [
        { QueueReference: { QueueArn: `${INSTANCE_ARN}/queue/backlog`, Channel: 'EMAIL' } },
        { QueueReference: { QueueArn: `${INSTANCE_ARN}/queue/escalations`, Channel: 'CHAT' } },
        { QueueReference: { QueueArn: `${INSTANCE_ARN}/queue/escalations`, Channel: 'EMAIL' } },
      ],
    });
  });

  test('fails with more than 10 manual assignment queue configurations', () => {
    const { app, queue, profile } = setup();
    const rp = profile();
    for (let i = 0; i < 11; i++) {
      rp.addManualAssignmentQueue(queue(`m${i}`));
    }
    expect(() => app.synth()).toThrow(/a routing profile can have at most 10 manual assignment queue configurations, got 11/);
  });

  test('fails when a manual assignment queue and channel appear twice', () => {
    const { app, queue, profile } = setup();
    const rp = profile();
    rp.addManualAssignmentQueue(queue('m'));
    rp.addManualAssignmentQueue(queue('m'));
    expect(() => app.synth()).toThrow(/each manual assignment queue and channel may appear only once/);
  });

  test('fails when a manual assignment queue belongs to another instance', () => {
    const { queue, profile } = setup();
    const rp = profile();
    expect(() => rp.addManualAssignmentQueue(queue('m', OTHER_INSTANCE_ARN)))
      .toThrow(/manual assignment queue must belong to instance /);
  });

  test('exposes attributes derived from the ARN attribute', () => {
    const { stack, profile } = setup();
    const rp = profile();
    const logicalId = stack.getLogicalId(rp.node.defaultChild as CfnRoutingProfile);
    expect(rp.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(rp.routingProfileArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'RoutingProfileArn'] });
    expect(stack.resolve(rp.routingProfileId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'RoutingProfileArn'] }] }],
    });
    expect(stack.resolve(rp.routingProfileRef.routingProfileArn)).toEqual(stack.resolve(rp.routingProfileArn));
    expect(rp.channels).toEqual([Channel.VOICE]);
  });

  test('applies tags', () => {
    const { stack, profile } = setup();
    Tags.of(profile()).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::RoutingProfile', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('skips validation of token values', () => {
    const { app, queue, profile } = setup();
    const rp = profile({ mediaConcurrencies: [{ channel: Channel.CHAT, concurrency: Token.asNumber({ Ref: 'Chats' }) }] });
    rp.addQueue(queue('sales'), { priority: Token.asNumber({ Ref: 'Priority' }) });
    expect(() => app.synth()).not.toThrow();
  });
});

describe('RoutingProfile.fromRoutingProfileArn', () => {
  test('gives the id and the instance ARN of a concrete ARN', () => {
    const { stack } = setup();
    const rp = RoutingProfile.fromRoutingProfileArn(stack, 'Imported', `${INSTANCE_ARN}/routing-profile/rp-1`);
    expect(rp.routingProfileId).toBe('rp-1');
    expect(rp.instanceArn).toBe(INSTANCE_ARN);
    expect(rp.routingProfileRef.routingProfileArn).toBe(`${INSTANCE_ARN}/routing-profile/rp-1`);
  });

  test('splits a token ARN', () => {
    const { stack } = setup();
    const rp = RoutingProfile.fromRoutingProfileArn(stack, 'Imported', Token.asString({ Ref: 'RpArn' }));
    expect(stack.resolve(rp.routingProfileId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'RpArn' }] }] });
  });

  test('fails on a malformed ARN', () => {
    const { stack } = setup();
    expect(() => RoutingProfile.fromRoutingProfileArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q-1`))
      .toThrow(/routing profile ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/routing-profile\/<id>/);
  });
});
