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
    // Asset hashes change with every change of the handler bundle or the example's function: the snapshot shows that
    // an asset is there; the hash itself is noise in review.
    const json = JSON.stringify(template.toJSON()).replace(/\b[0-9a-f]{64}(\.zip)?\b/g, '<asset-hash>$1');
    expect(JSON.parse(json)).toMatchSnapshot();
  });

  test('has every core construct the README promises', () => {
    const counts: Record<string, number> = {
      'AWS::Connect::Instance': 1,
      'AWS::Connect::HoursOfOperation': 2,
      'AWS::Connect::Queue': 3,
      'AWS::Connect::RoutingProfile': 2,
      'AWS::Connect::ContactFlow': 5,
      'AWS::Connect::User': 3,
      'AWS::Connect::UserHierarchyStructure': 1,
      'AWS::Connect::UserHierarchyGroup': 3,
      'AWS::Connect::SecurityProfile': 2,
      'AWS::Connect::QuickConnect': 3,
      'AWS::Connect::AgentStatus': 1,
      'AWS::Connect::Prompt': 1,
      'AWS::Connect::PhoneNumber': 1,
      'AWS::Connect::InstanceStorageConfig': 2,
      'AWS::Connect::TaskTemplate': 1,
      'AWS::Connect::View': 1,
      'AWS::Connect::ViewVersion': 1,
      'AWS::Connect::EvaluationForm': 1,
      'AWS::Connect::Vocabulary': 1,
      'AWS::Connect::Rule': 2,
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

  test('tasks from the callback template and the cancellation rule start in the task routing flow', () => {
    const flows = template.findResources('AWS::Connect::ContactFlow', { Properties: { Name: 'Task routing' } });
    const [taskFlowId] = Object.keys(flows);
    template.hasResourceProperties('AWS::Connect::TaskTemplate', {
      Name: 'Callback',
      ContactFlowArn: { 'Fn::GetAtt': [taskFlowId, 'ContactFlowArn'] },
    });
    template.hasResourceProperties('AWS::Connect::Rule', {
      Name: 'cancellation-risk',
      TriggerEventSource: { EventSourceName: 'OnPostCallAnalysisAvailable' },
      Actions: Match.objectLike({
        AssignContactCategoryActions: Match.anyValue(),
        TaskActions: [Match.objectLike({ ContactFlowArn: { 'Fn::GetAtt': [taskFlowId, 'ContactFlowArn'] } })],
      }),
    });
  });

  test('the evaluation form weighs its sections to 100', () => {
    const forms = Object.values(template.findResources('AWS::Connect::EvaluationForm'));
    expect(forms).toHaveLength(1);
    const sections = forms[0].Properties.Items.map((item: any) => item.Section.Weight);
    expect(sections.reduce((a: number, b: number) => a + b, 0)).toBe(100);
  });

  test('claims a phone number for the instance', () => {
    template.hasResourceProperties('AWS::Connect::PhoneNumber', {
      CountryCode: 'US',
      Type: 'DID',
      TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] },
    });
  });

  test('the main line is answered by the inbound flow (a custom resource: CloudFormation has no property for it)', () => {
    const inbound = Object.keys(template.findResources('AWS::Connect::ContactFlow', { Properties: { Name: 'Inbound' } }))[0];
    const mainLine = Object.keys(template.findResources('AWS::Connect::PhoneNumber'))[0];
    template.hasResourceProperties('Custom::ConnectPhoneNumberFlow', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdkConnectProviderHandler'), 'Arn'] },
      PhoneNumberArn: { 'Fn::GetAtt': [mainLine, 'PhoneNumberArn'] },
      ContactFlowArn: { 'Fn::GetAtt': [inbound, 'ContactFlowArn'] },
    });
  });

  test('turns on message streaming, an instance attribute CloudFormation lacks', () => {
    template.hasResourceProperties('Custom::ConnectInstanceAttribute', {
      InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] },
      AttributeType: 'MESSAGE_STREAMING',
      Value: 'true',
    });
    const instance = Object.values(template.findResources('AWS::Connect::Instance'))[0];
    expect(instance.Properties.Attributes.MessageStreaming).toBeUndefined();
  });

  test('chat customers authenticate with a Cognito user pool associated through the Connect API', () => {
    const pool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    template.hasResourceProperties('Custom::ConnectIntegrationAssociation', {
      IntegrationType: 'COGNITO_USER_POOL',
      IntegrationArn: { 'Fn::GetAtt': [pool, 'Arn'] },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://participant.connect.eu-west-2.amazonaws.com/participant/authentication/update'],
    });
  });

  test('one provider serves every custom resource, with a log retention and a policy scoped to the instance', () => {
    template.resourceCountIs('AWS::Lambda::Function', 3); // the provider, the customer lookup, S3 auto-delete
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^CdkConnectProviderLogs') } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    const policy = Object.values(template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp('^CdkConnectProviderPolicy') },
    }))[0];
    const statements: Array<{ Action: string | string[]; Resource: unknown }> = policy.Properties.PolicyDocument.Statement;
    for (const statement of statements) {
      const actions = ([] as string[]).concat(statement.Action);
      if (statement.Resource === '*') {
        // Only actions that have no resource-level permissions may name every resource.
        expect(actions).toEqual(['ds:DescribeDirectories']);
      }
    }
    const actions = statements.flatMap((statement) => ([] as string[]).concat(statement.Action));
    expect(actions).toEqual(expect.arrayContaining([
      'connect:UpdateInstanceAttribute',
      'connect:CreateIntegrationAssociation',
      'connect:AssociatePhoneNumberContactFlow',
    ]));
    for (const resource of ['Custom::ConnectInstanceAttribute', 'Custom::ConnectIntegrationAssociation', 'Custom::ConnectPhoneNumberFlow']) {
      for (const custom of Object.values(template.findResources(resource))) {
        expect(custom.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^CdkConnectProviderPolicy/)]));
      }
    }
  });
});
