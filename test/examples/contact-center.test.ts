import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ContactCenterStack } from '../../examples/contact-center/contact-center-stack';

describe('example contact center', () => {
  const app = new App();
  const stack = new ContactCenterStack(app, 'ExampleContactCenter', {
    env: { account: '111122223333', region: 'eu-west-2' },
  });
  const template = Template.fromStack(stack);

  test('matches the reviewed snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('has every core construct the README promises', () => {
    const counts: Record<string, number> = {
      'AWS::Connect::Instance': 1,
      'AWS::Connect::HoursOfOperation': 2,
      'AWS::Connect::Queue': 3,
      'AWS::Connect::RoutingProfile': 2,
      'AWS::Connect::ContactFlow': 4,
      'AWS::Connect::User': 3,
      'AWS::Connect::UserHierarchyStructure': 1,
      'AWS::Connect::UserHierarchyGroup': 3,
      'AWS::Connect::SecurityProfile': 2,
      'AWS::Connect::QuickConnect': 3,
      'AWS::Connect::AgentStatus': 1,
      'AWS::Connect::Prompt': 1,
      'AWS::Connect::PhoneNumber': 1,
      'AWS::Connect::InstanceStorageConfig': 2,
    };
    for (const [type, count] of Object.entries(counts)) {
      template.resourceCountIs(type, count);
    }
  });

  test('stores call recordings and chat transcripts in the KMS-encrypted bucket', () => {
    for (const resourceType of ['CALL_RECORDINGS', 'CHAT_TRANSCRIPTS']) {
      template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: resourceType,
        StorageType: 'S3',
        S3Config: {
          BucketName: { Ref: Match.stringLikeRegexp('^Recordings') },
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecordingsKey'), 'Arn'] } },
        },
      });
    }
  });

  test('the inbound flow references queues, hours, the prompt and the Lambda function instead of pasted ARNs', () => {
    const flows = template.findResources('AWS::Connect::ContactFlow', { Properties: { Name: 'Inbound' } });
    const [inbound] = Object.values(flows);
    const content = JSON.stringify(inbound.Properties.Content);
    expect(content).not.toMatch(/arn:aws:connect/);
    for (const ref of ['SupportQueue', 'PriorityQueue', 'SupportHours', 'WelcomePrompt', 'CustomerLookup', 'CustomerQueueFlow']) {
      expect(content).toContain(ref);
    }
    // Connect must know the Lambda function before the flow that invokes it is created.
    expect(inbound.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^InstanceLambda/)]));
  });

  test('user passwords come from Secrets Manager, never plaintext', () => {
    const users = template.findResources('AWS::Connect::User');
    for (const user of Object.values(users)) {
      expect(JSON.stringify(user.Properties.Password)).toMatch(/resolve:secretsmanager/);
    }
  });

  test('claims a phone number for the instance', () => {
    template.hasResourceProperties('AWS::Connect::PhoneNumber', {
      CountryCode: 'US',
      Type: 'DID',
      TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] },
    });
  });
});
