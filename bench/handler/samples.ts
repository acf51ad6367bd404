import { Properties } from '../../lambda/engine/types';
import { FakeConnect } from '../../test/lambda/fake';
import { seedFlow } from '../../test/lambda/fake/flows';
import { addVocabulary, setDefaultVocabulary } from '../../test/lambda/fake/instance';
import { seedPhoneNumber } from '../../test/lambda/fake/phone-numbers';
import { addTrafficDistributionGroup, addUser } from '../../test/lambda/fake/traffic';

/**
 * What the benchmark needs to drive one kind through its lifecycle against the fake Connect.
 */
export interface Sample {
  /**
   * Seeds the fake with what the resource needs (flows, phone numbers, ...) and returns the properties to create
   * with and an in-place update of them (as a kind's lifecycle spec does).
   */
  setup(fake: FakeConnect, instance: { id: string; arn: string }): { props: Properties; updated: Properties };
}

/** A valid flow that says `text` and hangs up. */
function flowContent(text: string): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'say',
    Actions: [
      {
        Identifier: 'say',
        Type: 'MessageParticipant',
        Parameters: { Text: text },
        Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });
}

/** The content a flow is created with before its final content is set (flows that refer to each other). */
const PLACEHOLDER = JSON.stringify({
  Version: '2019-10-30',
  StartAction: 'cdk-connect-placeholder',
  Actions: [{ Identifier: 'cdk-connect-placeholder', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
});

/** Traffic distribution across two regions, as CloudFormation passes it (numbers and booleans as strings). */
function percentages(east: number, west: number): Properties {
  return { Distributions: [{ Region: 'us-east-1', Percentage: String(east) }, { Region: 'us-west-2', Percentage: String(west) }] };
}

function s3Storage(prefix: string): Properties {
  return {
    StorageType: 'S3',
    S3Config: {
      BucketName: 'acme-connect',
      BucketPrefix: prefix,
      EncryptionConfig: { EncryptionType: 'KMS', KeyId: 'arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
    },
  };
}

/**
 * Sample properties of every kind, by custom resource type: one typical resource and an in-place update of it
 * (taken from the kinds' lifecycle tests in test/lambda/kinds).
 */
export const SAMPLES: Record<string, Sample> = {
  'Custom::ConnectPhoneNumberFlow': {
    setup: (fake, instance) => {
      const number = seedPhoneNumber(fake, '+12065550100', instance.arn);
      const inbound = seedFlow(fake, instance.id, { name: 'Inbound', type: 'CONTACT_FLOW', content: flowContent('hello') });
      const afterHours = seedFlow(fake, instance.id, { name: 'After hours', type: 'CONTACT_FLOW', content: flowContent('closed') });
      return {
        props: { InstanceId: instance.id, PhoneNumberArn: number.PhoneNumberArn, ContactFlowArn: inbound.arn },
        updated: { InstanceId: instance.id, PhoneNumberArn: number.PhoneNumberArn, ContactFlowArn: afterHours.arn },
      };
    },
  },

  'Custom::ConnectClaimedPhoneNumber': {
    setup: (_fake, instance) => ({
      props: { PhoneNumber: '+12065550100', TargetArn: instance.arn, PhoneNumberDescription: 'Main line', Tags: { team: 'support' } },
      updated: { PhoneNumber: '+12065550100', TargetArn: instance.arn, PhoneNumberDescription: 'Main line (support)', Tags: { team: 'support', cost: '42' } },
    }),
  },

  'Custom::ConnectInstanceAttribute': {
    setup: (_fake, instance) => ({
      props: { InstanceId: instance.id, InstanceArn: instance.arn, AttributeType: 'MESSAGE_STREAMING', Value: 'true' },
      updated: { InstanceId: instance.id, InstanceArn: instance.arn, AttributeType: 'MESSAGE_STREAMING', Value: 'false' },
    }),
  },

  'Custom::ConnectInstanceStorageConfig': {
    setup: (_fake, instance) => ({
      props: { InstanceId: instance.id, ResourceType: 'ATTACHMENTS', StorageConfig: s3Storage('attachments') },
      updated: { InstanceId: instance.id, ResourceType: 'ATTACHMENTS', StorageConfig: s3Storage('attachments-v2') },
    }),
  },

  'Custom::ConnectDefaultVocabulary': {
    setup: (fake, instance) => {
      const before = addVocabulary(fake, instance.id, { name: 'legacy-terms' });
      const first = addVocabulary(fake, instance.id, { name: 'product-names' });
      const second = addVocabulary(fake, instance.id, { name: 'product-names-v2' });
      setDefaultVocabulary(fake, instance.id, 'en-US', before.id);
      const base = { InstanceId: instance.id, InstanceArn: instance.arn, LanguageCode: 'en-US' };
      return { props: { ...base, VocabularyId: first.id }, updated: { ...base, VocabularyId: second.id } };
    },
  },

  'Custom::ConnectIntegrationAssociation': {
    // Chat customer authentication with a Cognito user pool (the example contact center's association).
    setup: (_fake, instance) => {
      const base = {
        InstanceId: instance.id,
        IntegrationType: 'COGNITO_USER_POOL',
        IntegrationArn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123',
      };
      return { props: { ...base, Tags: { team: 'support' } }, updated: { ...base, Tags: { team: 'support', env: 'prod' } } };
    },
  },

  'Custom::ConnectContactFlow': {
    setup: (_fake, instance) => ({
      props: {
        InstanceId: instance.id,
        Name: 'Support',
        Type: 'CONTACT_FLOW',
        Status: 'PUBLISHED',
        Content: flowContent('hello'),
        Description: 'the support line',
        Tags: { team: 'support' },
      },
      updated: {
        InstanceId: instance.id,
        Name: 'Support',
        Type: 'CONTACT_FLOW',
        Status: 'PUBLISHED',
        Content: flowContent('welcome'),
        Description: 'the support line',
        Tags: { team: 'support' },
      },
    }),
  },

  'Custom::ConnectFlowContent': {
    setup: (fake, instance) => {
      // The flow's own resource created it with the placeholder; this one sets its final content.
      const flow = seedFlow(fake, instance.id, { name: 'Main', content: PLACEHOLDER, published: true });
      const props = { InstanceId: instance.id, ContactFlowId: flow.arn, Status: 'PUBLISHED', Content: flowContent('hello'), PlaceholderContent: PLACEHOLDER };
      return { props, updated: { ...props, Content: flowContent('welcome') } };
    },
  },

  'Custom::ConnectTrafficDistribution': {
    setup: (fake, instance) => {
      const group = addTrafficDistributionGroup(fake, instance, { isDefault: true });
      return {
        props: { TrafficDistributionGroupArn: group.arn, TelephonyConfig: percentages(70, 30) },
        updated: { TrafficDistributionGroupArn: group.arn, TelephonyConfig: percentages(0, 100) },
      };
    },
  },

  'Custom::ConnectTrafficDistributionGroupUser': {
    setup: (fake, instance) => {
      const group = addTrafficDistributionGroup(fake, instance);
      const jane = addUser(fake, instance);
      const john = addUser(fake, instance);
      return {
        props: { TrafficDistributionGroupArn: group.arn, InstanceId: instance.id, UserId: jane.id },
        updated: { TrafficDistributionGroupArn: group.arn, InstanceId: instance.id, UserId: john.id },
      };
    },
  },
};
