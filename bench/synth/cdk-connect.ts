import { Duration, SecretValue, Stack } from 'aws-cdk-lib';
import { PASSWORD_SECRET, PERMISSIONS, SCALE, flowContent, transferFlowContent } from './scale';
import {
  Channel,
  ContactFlow,
  ContactFlowType,
  FlowContent,
  FlowReference,
  HoursOfOperation,
  Instance,
  Permission,
  PhoneType,
  Queue,
  QuickConnect,
  QuickConnectTarget,
  RoutingProfile,
  SecurityProfile,
  TimeRange,
  User,
  WeeklySchedule,
} from '../../src';

/** The reference contact center written with cdk-connect: the same resources as raw-l1.ts. */
export function buildWithCdkConnect(stack: Stack): void {
  const instance = new Instance(stack, 'Instance', {
    instanceAlias: 'bench-contact-center',
    inboundCalls: true,
    outboundCalls: true,
    contactFlowLogs: true,
  });

  const hours: HoursOfOperation[] = [];
  for (let i = 0; i < SCALE.hoursOfOperation; i++) {
    hours.push(new HoursOfOperation(stack, `Hours${i}`, {
      instance,
      hoursOfOperationName: `hours-${i}`,
      timeZone: 'Europe/London',
      schedule: WeeklySchedule.weekdays(TimeRange.of('09:00', '17:30')),
    }));
  }

  const queues: Queue[] = [];
  for (let i = 0; i < SCALE.queues; i++) {
    queues.push(new Queue(stack, `Queue${i}`, {
      instance,
      queueName: `queue-${i}`,
      hoursOfOperation: hours[i % hours.length],
      maxContacts: 100,
    }));
  }

  const routingProfiles: RoutingProfile[] = [];
  for (let i = 0; i < SCALE.routingProfiles; i++) {
    const profile = new RoutingProfile(stack, `RoutingProfile${i}`, {
      instance,
      routingProfileName: `routing-profile-${i}`,
      description: `routing profile ${i}`,
      defaultOutboundQueue: queues[i % queues.length],
      mediaConcurrencies: [
        { channel: Channel.VOICE, concurrency: 1 },
        { channel: Channel.CHAT, concurrency: 3 },
        { channel: Channel.TASK, concurrency: 2 },
      ],
    });
    for (let q = 0; q < SCALE.queuesPerRoutingProfile; q++) {
      profile.addQueue(queues[(i + q) % queues.length], { channels: [Channel.VOICE, Channel.CHAT], priority: q + 1, delay: Duration.seconds(0) });
    }
    routingProfiles.push(profile);
  }

  for (let i = 0; i < SCALE.flows; i++) {
    new ContactFlow(stack, `Flow${i}`, {
      instance,
      contactFlowName: `flow-${i}`,
      content: FlowContent.fromObject(flowContent('${Queue}'), {
        references: [FlowReference.queue('Queue', queues[i % queues.length])],
      }),
    });
  }

  const permissions = PERMISSIONS.map(name => Permission.custom(name));
  const securityProfiles: SecurityProfile[] = [];
  for (let i = 0; i < SCALE.securityProfiles; i++) {
    securityProfiles.push(new SecurityProfile(stack, `SecurityProfile${i}`, {
      instance,
      securityProfileName: `security-profile-${i}`,
      permissions,
    }));
  }

  const password = SecretValue.secretsManager(PASSWORD_SECRET);
  const users: User[] = [];
  for (let i = 0; i < SCALE.users; i++) {
    users.push(new User(stack, `User${i}`, {
      instance,
      username: `agent${i}`,
      password,
      identityInfo: { firstName: 'Agent', lastName: `Number ${i}` },
      phoneConfig: { phoneType: PhoneType.SOFT_PHONE, autoAccept: false, afterContactWorkTimeLimit: Duration.seconds(60) },
      routingProfile: routingProfiles[i % routingProfiles.length],
      securityProfiles: [securityProfiles[i % securityProfiles.length]],
    }));
  }

  const agentTransfer = new ContactFlow(stack, 'AgentTransferFlow', {
    instance,
    contactFlowName: 'agent-transfer',
    type: ContactFlowType.AGENT_TRANSFER,
    content: FlowContent.fromObject(transferFlowContent('TransferContactToAgent')),
  });
  const queueTransfer = new ContactFlow(stack, 'QueueTransferFlow', {
    instance,
    contactFlowName: 'queue-transfer',
    type: ContactFlowType.QUEUE_TRANSFER,
    content: FlowContent.fromObject(transferFlowContent('TransferContactToQueue')),
  });

  for (let i = 0; i < SCALE.quickConnects; i++) {
    const kind = i % 3;
    new QuickConnect(stack, `QuickConnect${i}`, {
      instance,
      quickConnectName: `quick-connect-${i}`,
      target: kind === 0
        ? QuickConnectTarget.user(users[i], agentTransfer)
        : kind === 1
          ? QuickConnectTarget.queue(queues[i], queueTransfer)
          : QuickConnectTarget.phoneNumber(`+1555010${String(i).padStart(4, '0')}`),
    });
  }
}
