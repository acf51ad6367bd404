import { RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as connect from 'aws-cdk-lib/aws-connect';
import { Construct } from 'constructs';
import { PASSWORD_SECRET, PERMISSIONS, SCALE, flowContent, transferFlowContent } from './scale';

/**
 * The reference contact center written with the raw CloudFormation (L1) constructs, as people do today.
 *
 * With `nested`, each L1 sits where an L2 construct puts its own (`<id>/Resource`, as aws-cdk's design guidelines
 * and this library do): the same template with other logical ids, which then carry a hash of the construct path.
 * That is what any construct library costs over flat L1s before it does any work of its own.
 */
export function buildWithL1(stack: Stack, nested = false): void {
  const at = (id: string): [Construct, string] => nested ? [new Construct(stack, id), 'Resource'] : [stack, id];
  const instance = new connect.CfnInstance(...at('Instance'), {
    identityManagementType: 'CONNECT_MANAGED',
    instanceAlias: 'bench-contact-center',
    // What cdk-connect's Instance writes for the same props (its defaults included).
    attributes: {
      inboundCalls: true,
      outboundCalls: true,
      contactflowLogs: true,
      autoResolveBestVoices: true,
      contactLens: true,
      earlyMedia: true,
      useCustomTtsVoices: false,
    },
  });
  instance.applyRemovalPolicy(RemovalPolicy.RETAIN);

  const hours: connect.CfnHoursOfOperation[] = [];
  for (let i = 0; i < SCALE.hoursOfOperation; i++) {
    hours.push(new connect.CfnHoursOfOperation(...at(`Hours${i}`), {
      instanceArn: instance.attrArn,
      name: `hours-${i}`,
      timeZone: 'Europe/London',
      config: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map(day => ({
        day,
        startTime: { hours: 9, minutes: 0 },
        endTime: { hours: 17, minutes: 30 },
      })),
    }));
  }

  const queues: connect.CfnQueue[] = [];
  for (let i = 0; i < SCALE.queues; i++) {
    queues.push(new connect.CfnQueue(...at(`Queue${i}`), {
      instanceArn: instance.attrArn,
      name: `queue-${i}`,
      hoursOfOperationArn: hours[i % hours.length].attrHoursOfOperationArn,
      maxContacts: 100,
    }));
  }

  const routingProfiles: connect.CfnRoutingProfile[] = [];
  for (let i = 0; i < SCALE.routingProfiles; i++) {
    const queueConfigs: connect.CfnRoutingProfile.RoutingProfileQueueConfigProperty[] = [];
    for (let q = 0; q < SCALE.queuesPerRoutingProfile; q++) {
      const queue = queues[(i + q) % queues.length];
      for (const channel of ['VOICE', 'CHAT']) {
        queueConfigs.push({ priority: q + 1, delay: 0, queueReference: { channel, queueArn: queue.attrQueueArn } });
      }
    }
    routingProfiles.push(new connect.CfnRoutingProfile(...at(`RoutingProfile${i}`), {
      instanceArn: instance.attrArn,
      name: `routing-profile-${i}`,
      description: `routing profile ${i}`,
      defaultOutboundQueueArn: queues[i % queues.length].attrQueueArn,
      mediaConcurrencies: [
        { channel: 'VOICE', concurrency: 1 },
        { channel: 'CHAT', concurrency: 3 },
        { channel: 'TASK', concurrency: 2 },
      ],
      queueConfigs,
    }));
  }

  for (let i = 0; i < SCALE.flows; i++) {
    const queueArn = queues[i % queues.length].attrQueueArn;
    new connect.CfnContactFlow(...at(`Flow${i}`), {
      instanceArn: instance.attrArn,
      name: `flow-${i}`,
      type: 'CONTACT_FLOW',
      content: stack.toJsonString(flowContent(queueArn)),
    });
  }

  const securityProfiles: connect.CfnSecurityProfile[] = [];
  for (let i = 0; i < SCALE.securityProfiles; i++) {
    securityProfiles.push(new connect.CfnSecurityProfile(...at(`SecurityProfile${i}`), {
      instanceArn: instance.attrArn,
      securityProfileName: `security-profile-${i}`,
      permissions: PERMISSIONS,
    }));
  }

  const users: connect.CfnUser[] = [];
  // The same secret as cdk-connect's users (which take a SecretValue), so that both write the same Password.
  const password = SecretValue.secretsManager(PASSWORD_SECRET).unsafeUnwrap();
  for (let i = 0; i < SCALE.users; i++) {
    users.push(new connect.CfnUser(...at(`User${i}`), {
      instanceArn: instance.attrArn,
      username: `agent${i}`,
      password,
      identityInfo: { firstName: 'Agent', lastName: `Number ${i}` },
      phoneConfig: { phoneType: 'SOFT_PHONE', autoAccept: false, afterContactWorkTimeLimit: 60 },
      routingProfileArn: routingProfiles[i % routingProfiles.length].attrRoutingProfileArn,
      securityProfileArns: [securityProfiles[i % securityProfiles.length].attrSecurityProfileArn],
    }));
  }

  const agentTransfer = new connect.CfnContactFlow(...at('AgentTransferFlow'), {
    instanceArn: instance.attrArn,
    name: 'agent-transfer',
    type: 'AGENT_TRANSFER',
    content: JSON.stringify(transferFlowContent('TransferContactToAgent')),
  });
  const queueTransfer = new connect.CfnContactFlow(...at('QueueTransferFlow'), {
    instanceArn: instance.attrArn,
    name: 'queue-transfer',
    type: 'QUEUE_TRANSFER',
    content: JSON.stringify(transferFlowContent('TransferContactToQueue')),
  });

  for (let i = 0; i < SCALE.quickConnects; i++) {
    const kind = i % 3;
    new connect.CfnQuickConnect(...at(`QuickConnect${i}`), {
      instanceArn: instance.attrArn,
      name: `quick-connect-${i}`,
      quickConnectConfig: kind === 0
        ? { quickConnectType: 'USER', userConfig: { userArn: users[i].attrUserArn, contactFlowArn: agentTransfer.attrContactFlowArn } }
        : kind === 1
          ? { quickConnectType: 'QUEUE', queueConfig: { queueArn: queues[i].attrQueueArn, contactFlowArn: queueTransfer.attrContactFlowArn } }
          : { quickConnectType: 'PHONE_NUMBER', phoneConfig: { phoneNumber: `+1555010${String(i).padStart(4, '0')}` } },
    });
  }
}

/** The same, each L1 nested as an L2 construct nests it (`<id>/Resource`). */
export function buildWithNestedL1(stack: Stack): void {
  buildWithL1(stack, true);
}
