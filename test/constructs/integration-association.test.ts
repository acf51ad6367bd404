import { App, CfnElement, CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Instance } from '../../src/constructs/instance';
import {
  EventIntegrationSourceType,
  IntegrationAssociation,
  IntegrationType,
} from '../../src/constructs/integration-association';
import { UseCaseType } from '../../src/constructs/use-case';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const API = 'Custom::ConnectIntegrationAssociation';
const CFN = 'AWS::Connect::IntegrationAssociation';
const ASSOCIATION_ARN = `${INSTANCE_ARN}/integration-association/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;
const CASES_DOMAIN_ARN = 'arn:aws:cases:us-east-1:111122223333:domain/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const EVENT_INTEGRATION_ARN = 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/zendesk';
const ZENDESK = {
  sourceType: EventIntegrationSourceType.ZENDESK,
  sourceApplicationName: 'Zendesk',
  sourceApplicationUrl: 'https://example.zendesk.com',
};

/** The provider policy's statements, as `{ actions, resources }` with both as lists. */
function policyStatements(stack: Stack): Array<{ Action: string[]; Resource: unknown[] }> {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', {
    Properties: { PolicyName: Match.stringLikeRegexp('^CdkConnectProviderPolicy') },
  });
  expect(Object.keys(policies)).toHaveLength(1);
  const statements = (Object.values(policies)[0] as any).Properties.PolicyDocument.Statement as any[];
  return statements.map((statement) => ({
    Action: [statement.Action].flat(),
    Resource: [statement.Resource].flat(),
  }));
}

const ASSOCIATION_RESOURCES = [
  INSTANCE_ARN,
  `${INSTANCE_ARN}/integration-association/*`,
  `${INSTANCE_ARN}/use-case/*`,
];
const CONNECT_ACTIONS = [
  'connect:CreateIntegrationAssociation',
  'connect:DeleteIntegrationAssociation',
  'connect:ListIntegrationAssociations',
  'connect:ListTagsForResource',
  'connect:TagResource',
  'connect:UntagResource',
  'connect:ListUseCases',
  'connect:DeleteUseCase',
  'connect:DescribeInstance',
];

describe('IntegrationAssociation', () => {
  test.each([
    [IntegrationType.LAMBDA_FUNCTION, 'arn:aws:lambda:us-east-1:111122223333:function:lookup'],
    [IntegrationType.LAMBDA_FUNCTION, 'arn:aws:lambda:us-east-1:111122223333:function:lookup:live'],
    [IntegrationType.LEX_BOT, 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/TSTALIASID'],
    [IntegrationType.LEX_BOT, 'arn:aws:lex:us-east-1:111122223333:bot:OrderFlowers'],
    [IntegrationType.APPLICATION, 'arn:aws:app-integrations:us-east-1:111122223333:application/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
  ])('associates a %s by ARN with AWS::Connect::IntegrationAssociation', (type, arn) => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'Integration', { instance, integrationType: type, integrationArn: arn });

    const template = Template.fromStack(stack);
    const resources = template.findResources(CFN);
    expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{
      InstanceId: INSTANCE_ARN,
      IntegrationType: type.value,
      IntegrationArn: arn,
    }]);
    template.resourceCountIs(API, 0);
  });

  test.each([
    [IntegrationType.CASES_DOMAIN, CASES_DOMAIN_ARN],
    [IntegrationType.WISDOM_ASSISTANT, 'arn:aws:wisdom:us-east-1:111122223333:assistant/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.WISDOM_KNOWLEDGE_BASE, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.WISDOM_QUICK_RESPONSES, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.Q_MESSAGE_TEMPLATES, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.SES_IDENTITY, 'arn:aws:ses:us-east-1:111122223333:identity/support@example.com'],
    [IntegrationType.FILE_SCANNER, 'arn:aws:lambda:us-east-1:111122223333:function:scan'],
    [IntegrationType.MESSAGE_PROCESSOR, 'arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:redact'],
    [IntegrationType.COGNITO_USER_POOL, 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_AbCdEf123'],
    [IntegrationType.VOICE_ID, 'arn:aws:voiceid:us-east-1:111122223333:domain/abcdefghijklmnopqrstuv'],
    [IntegrationType.PINPOINT_APP, 'arn:aws:mobiletargeting:us-east-1:111122223333:apps/0123456789abcdef0123456789abcdef'],
    [IntegrationType.ANALYTICS_CONNECTOR, 'arn:aws:chime:us-east-1:111122223333:vc/abcdef1ghij2klmno3pqr4'],
    [IntegrationType.CALL_TRANSFER_CONNECTOR, 'arn:aws:chime:us-east-1:111122223333:vc/abcdef1ghij2klmno3pqr4'],
  ])('associates a %s by ARN through the Connect API', (type, arn) => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'Integration', { instance, integrationType: type, integrationArn: arn });

    const template = Template.fromStack(stack);
    const resources = template.findResources(API);
    expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkConnectProviderHandler/), 'Arn'] },
      ServiceTimeout: '960',
      InstanceId: INSTANCE_ID,
      IntegrationType: type.value,
      IntegrationArn: arn,
    }]);
    template.resourceCountIs(CFN, 0);
  });

  test('associates an event integration with its source application through the Connect API', () => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'Zendesk', {
      instance,
      integrationType: IntegrationType.EVENT,
      integrationArn: EVENT_INTEGRATION_ARN,
      eventSource: ZENDESK,
    });

    Template.fromStack(stack).hasResourceProperties(API, {
      InstanceId: INSTANCE_ID,
      IntegrationType: 'EVENT',
      IntegrationArn: EVENT_INTEGRATION_ARN,
      SourceType: 'ZENDESK',
      SourceApplicationName: 'Zendesk',
      SourceApplicationUrl: 'https://example.zendesk.com',
    });
  });

  test('a CloudFormation association exposes the id, the ARN built from it, the type and the integrated ARN', () => {
    const { stack, instance } = testStack();
    const arn = 'arn:aws:app-integrations:us-east-1:111122223333:application/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const association = new IntegrationAssociation(stack, 'App', {
      instance,
      integrationType: IntegrationType.APPLICATION,
      integrationArn: arn,
    });
    const logicalId = stack.getLogicalId(association.node.defaultChild as CfnElement);

    expect(stack.resolve(association.integrationAssociationId)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] });
    expect(stack.resolve(association.integrationAssociationArn)).toEqual({
      'Fn::Join': ['/', [`${INSTANCE_ARN}/integration-association`, { 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] }]],
    });
    expect(association.integrationAssociationRef).toEqual({
      instanceId: INSTANCE_ARN, integrationType: 'APPLICATION', integrationArn: arn,
    });
  });

  test('an association made through the Connect API exposes the id and ARN its custom resource returns', () => {
    const { stack, instance } = testStack();
    const association = new IntegrationAssociation(stack, 'Cases', {
      instance,
      integrationType: IntegrationType.CASES_DOMAIN,
      integrationArn: CASES_DOMAIN_ARN,
    });
    const logicalId = stack.getLogicalId(association.node.findChild('Resource').node.defaultChild as CfnElement);

    expect(stack.resolve(association.integrationAssociationId)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] });
    expect(stack.resolve(association.integrationAssociationArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationArn'] });
    expect(association.instanceArn).toBe(INSTANCE_ARN);
    expect(association.integrationType).toBe(IntegrationType.CASES_DOMAIN);
    expect(association.integrationArn).toBe(CASES_DOMAIN_ARN);
    expect(association.integrationAssociationRef).toEqual({
      instanceId: INSTANCE_ARN, integrationType: 'CASES_DOMAIN', integrationArn: CASES_DOMAIN_ARN,
    });
  });

  test('skips the ARN check for tokens', () => {
    const { stack, instance } = testStack();
    const arn = new CfnParameter(stack, 'DomainArn').valueAsString;
    new IntegrationAssociation(stack, 'Cases', { instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: arn });

    Template.fromStack(stack).hasResourceProperties(API, { IntegrationArn: { Ref: 'DomainArn' } });
  });

  test('takes tags from Tags.of for an association made through the Connect API', () => {
    const { stack, instance } = testStack();
    const association = new IntegrationAssociation(stack, 'Cases', {
      instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: CASES_DOMAIN_ARN,
    });
    Tags.of(association).add('team', 'support');
    Tags.of(stack).add('cost-center', '42');

    Template.fromStack(stack).hasResourceProperties(API, { Tags: { 'team': 'support', 'cost-center': '42' } });
  });

  test('keeps tags off AWS::Connect::IntegrationAssociation, whose schema has none', () => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'Lambda', {
      instance, integrationType: IntegrationType.LAMBDA_FUNCTION, integrationArn: 'arn:aws:lambda:us-east-1:111122223333:function:lookup',
    });
    Tags.of(stack).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties(CFN, { Tags: Match.absent() });
  });

  test('takes a type that has no constant through the Connect API, with a warning', () => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'New', {
      instance,
      integrationType: IntegrationType.of('NEW_THING'),
      integrationArn: 'arn:aws:new:us-east-1:111122223333:thing/1',
    });

    Template.fromStack(stack).hasResourceProperties(API, { IntegrationType: 'NEW_THING' });
    Annotations.fromStack(stack).hasWarning('/Test/New',
      Match.stringLikeRegexp('integration type NEW_THING is not one this library knows .*; it is made through the Connect API'));
  });

  describe('provider permissions', () => {
    test('a Cognito user pool: the association and use case actions on the instance, DescribeUserPool on the pool', () => {
      const stack = new Stack(new App(), 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
      const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
      const pool = new cognito.UserPool(stack, 'Customers');
      instance.associateCognitoUserPool(pool);

      expect(policyStatements(stack)).toEqual([
        { Action: CONNECT_ACTIONS, Resource: ASSOCIATION_RESOURCES },
        { Action: ['ds:DescribeDirectories'], Resource: ['*'] },
        {
          Action: ['cognito-idp:DescribeUserPool', 'cognito-idp:ListUserPoolClients'],
          Resource: [{ 'Fn::GetAtt': [stack.getLogicalId(pool.node.defaultChild as CfnElement), 'Arn'] }],
        },
      ]);
      for (const statement of policyStatements(stack)) {
        if (statement.Action.some((action) => action.startsWith('connect:'))) {
          expect(statement.Resource).not.toContain('*');
        }
      }
    });

    test('an event integration: AppIntegrations on the event integration, and the managed EventBridge rules', () => {
      const { stack, instance } = testStack();
      new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: ZENDESK,
      }).addUseCase(UseCaseType.RULES_EVALUATION);

      expect(policyStatements(stack)).toEqual([
        { Action: [...CONNECT_ACTIONS, 'connect:CreateUseCase'], Resource: ASSOCIATION_RESOURCES },
        { Action: ['ds:DescribeDirectories'], Resource: ['*'] },
        {
          Action: ['app-integrations:CreateEventIntegrationAssociation', 'app-integrations:DeleteEventIntegrationAssociation'],
          Resource: [EVENT_INTEGRATION_ARN, 'arn:aws:app-integrations:us-east-1:111122223333:event-integration-association/zendesk/*'],
        },
        {
          Action: ['events:PutRule', 'events:PutTargets', 'events:DeleteRule', 'events:RemoveTargets', 'events:ListTargetsByRule'],
          Resource: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:us-east-1:111122223333:rule/*']] }],
        },
      ]);
    });

    test('the ARN of an event integration\'s associations is built from a token ARN', () => {
      const { stack, instance } = testStack();
      new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: new CfnParameter(stack, 'Events').valueAsString, eventSource: ZENDESK,
      });

      const statement = policyStatements(stack).find((s) => s.Action.includes('app-integrations:CreateEventIntegrationAssociation'))!;
      expect(statement.Resource[0]).toEqual({ Ref: 'Events' });
      expect(JSON.stringify(statement.Resource[1])).toMatch(/event-integration-association/);
    });

    const SERVICE_LINKED_ROLE = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*']] };
    test.each([
      [IntegrationType.VOICE_ID, 'arn:aws:voiceid:us-east-1:111122223333:domain/abcdefghijklmnopqrstuv', [
        { Action: ['voiceid:DescribeDomain'], Resource: ['arn:aws:voiceid:us-east-1:111122223333:domain/abcdefghijklmnopqrstuv'] },
        { Action: ['events:PutRule', 'events:PutTargets', 'events:DeleteRule', 'events:RemoveTargets', 'events:ListTargetsByRule'], Resource: [expect.anything()] },
        { Action: ['iam:PutRolePolicy'], Resource: [SERVICE_LINKED_ROLE] },
      ]],
      [IntegrationType.PINPOINT_APP, 'arn:aws:mobiletargeting:us-east-1:111122223333:apps/abc', [
        { Action: ['mobiletargeting:GetApp'], Resource: ['arn:aws:mobiletargeting:us-east-1:111122223333:apps/abc'] },
      ]],
      [IntegrationType.CALL_TRANSFER_CONNECTOR, 'arn:aws:chime:us-east-1:111122223333:vc/abc', [
        { Action: ['chime:TagResource', 'chime:UntagResource'], Resource: ['arn:aws:chime:us-east-1:111122223333:vc/abc'] },
      ]],
      [IntegrationType.CASES_DOMAIN, CASES_DOMAIN_ARN, [
        { Action: ['cases:GetDomain'], Resource: [CASES_DOMAIN_ARN] },
        { Action: ['iam:PutRolePolicy'], Resource: [SERVICE_LINKED_ROLE] },
      ]],
      [IntegrationType.WISDOM_ASSISTANT, 'arn:aws:wisdom:us-east-1:111122223333:assistant/abc', [
        { Action: ['wisdom:GetAssistant', 'wisdom:TagResource'], Resource: ['arn:aws:wisdom:us-east-1:111122223333:assistant/abc'] },
        { Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'], Resource: [SERVICE_LINKED_ROLE] },
      ]],
      [IntegrationType.WISDOM_QUICK_RESPONSES, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/abc', [
        { Action: ['wisdom:GetKnowledgeBase', 'wisdom:TagResource'], Resource: ['arn:aws:wisdom:us-east-1:111122223333:knowledge-base/abc'] },
        { Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'], Resource: [SERVICE_LINKED_ROLE] },
      ]],
      [IntegrationType.SES_IDENTITY, 'arn:aws:ses:us-east-1:111122223333:identity/example.com', []],
    ])('%s: the actions Connect needs of the caller', (type, arn, extra) => {
      const { stack, instance } = testStack();
      new IntegrationAssociation(stack, 'Integration', { instance, integrationType: type, integrationArn: arn });

      // Statements on the same resources are merged: the Chime SDK's permission-only actions join ds:DescribeDirectories on "*".
      const chime = type === IntegrationType.CALL_TRANSFER_CONNECTOR ? ['chime:AssociateVoiceConnectorConnect', 'chime:DisassociateVoiceConnectorConnect'] : [];
      expect(policyStatements(stack)).toEqual([
        { Action: CONNECT_ACTIONS, Resource: ASSOCIATION_RESOURCES },
        { Action: ['ds:DescribeDirectories', ...chime], Resource: ['*'] },
        ...extra,
      ]);
    });

    test('an association made by CloudFormation adds no provider', () => {
      const { stack, instance } = testStack();
      new IntegrationAssociation(stack, 'Lambda', {
        instance, integrationType: IntegrationType.LAMBDA_FUNCTION, integrationArn: 'arn:aws:lambda:us-east-1:111122223333:function:lookup',
      });

      Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 0);
    });
  });

  test('a new Cognito user pool in a new instance synthesizes end to end', () => {
    const app = new App();
    const stack = new Stack(app, 'ContactCenter', { env: { account: '111122223333', region: 'us-east-1' } });
    const instance = new Instance(stack, 'Instance', { instanceAlias: 'my-contact-center' });
    const pool = new cognito.UserPool(stack, 'Customers');
    pool.addClient('Chat', { generateSecret: false });
    const association = instance.associateCognitoUserPool(pool);

    const template = Template.fromStack(stack);
    const instanceId = stack.getLogicalId(instance.node.defaultChild as CfnElement);
    const poolId = stack.getLogicalId(pool.node.defaultChild as CfnElement);
    template.hasResource(API, {
      Properties: {
        InstanceId: { 'Fn::GetAtt': [instanceId, 'Id'] },
        IntegrationType: 'COGNITO_USER_POOL',
        IntegrationArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
      },
      DependsOn: [Match.stringLikeRegexp('^CdkConnectProviderPolicy')],
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Handler: 'index.handler' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    expect(stack.resolve(association.integrationAssociationArn)).toEqual({
      'Fn::GetAtt': [stack.getLogicalId(association.node.findChild('Resource').node.defaultChild as CfnElement), 'IntegrationAssociationArn'],
    });
    expect(policyStatements(stack)[0]).toEqual({
      Action: CONNECT_ACTIONS,
      Resource: [
        { 'Fn::GetAtt': [instanceId, 'Arn'] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [instanceId, 'Arn'] }, '/integration-association/*']] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [instanceId, 'Arn'] }, '/use-case/*']] },
      ],
    });
  });

  test.each(['lex_bot', 'LEX BOT', ''])('fails with the malformed type %p', (type) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.of(type), integrationArn: CASES_DOMAIN_ARN,
    })).toThrow(/integration type must be upper case letters, digits and underscores/);
  });

  test('fails with a token type', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.of(new CfnParameter(stack, 'Type').valueAsString), integrationArn: CASES_DOMAIN_ARN,
    })).toThrow(/integration type must be a concrete value, got a token/);
  });

  test.each([
    [IntegrationType.LAMBDA_FUNCTION, 'arn:aws:lambda:us-east-1:111122223333:layer:lookup', /integration ARN of a LAMBDA_FUNCTION integration must be the ARN of a Lambda function/],
    [IntegrationType.LEX_BOT, 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ', /integration ARN of a LEX_BOT integration must be the ARN of a Lex V2 bot alias/],
    [IntegrationType.CASES_DOMAIN, 'arn:aws:cases:us-east-1:111122223333:domain/abc/template/def', /integration ARN of a CASES_DOMAIN integration must be the ARN of a Cases domain/],
    [IntegrationType.EVENT, 'arn:aws:events:us-east-1:111122223333:event-bus/default', /integration ARN of a EVENT integration must be the ARN of an AppIntegrations event integration/],
    [IntegrationType.WISDOM_ASSISTANT, 'arn:aws:wisdom:us-east-1:1111222233:assistant/abc', /integration ARN of a WISDOM_ASSISTANT integration must be the ARN of an Amazon Q in Connect assistant/],
    [IntegrationType.of('NEW_THING'), 'not-an-arn', /integration ARN must be an ARN \(arn:<partition>:<service>:<region>:<account>:<resource>\), got 'not-an-arn'/],
  ])('fails with a %s ARN %p', (type, arn, message) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: type, integrationArn: arn, eventSource: type === IntegrationType.EVENT ? ZENDESK : undefined,
    })).toThrow(message);
  });

  test('fails with an empty ARN', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: '',
    })).toThrow(/integration ARN must be 1 to 2048 characters, got 0/);
  });

  test('fails with an ARN longer than the 140 characters AWS::Connect::IntegrationAssociation takes', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.LAMBDA_FUNCTION, integrationArn: `arn:aws:lambda:us-east-1:111122223333:function:${'a'.repeat(64)}:${'b'.repeat(40)}`,
    })).toThrow(/integration ARN must be 1 to 140 characters, got 152/);
  });

  test.each([
    [IntegrationType.COGNITO_USER_POOL, 'arn:aws:cognito-idp:us-east-1:111122223333:identitypool/abc', /integration ARN of a COGNITO_USER_POOL integration must be the ARN of a Cognito user pool/],
    [IntegrationType.VOICE_ID, 'arn:aws:voiceid:us-east-1:111122223333:speaker/abc', /integration ARN of a VOICE_ID integration must be the ARN of a Voice ID domain/],
    [IntegrationType.PINPOINT_APP, 'arn:aws:sms-voice:us-east-1:111122223333:pool/abc', /integration ARN of a PINPOINT_APP integration must be the ARN of an AWS End User Messaging \(Pinpoint\) application/],
  ])('fails with a %s ARN %p', (type, arn, message) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', { instance, integrationType: type, integrationArn: arn })).toThrow(message);
  });

  test('fails with an event integration without a source', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN,
    })).toThrow(/eventSource is required for EVENT integrations/);
  });

  test('fails with a source for an integration other than EVENT', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: CASES_DOMAIN_ARN, eventSource: ZENDESK,
    })).toThrow(/eventSource is only supported for EVENT integrations, got integration type CASES_DOMAIN/);
  });

  test.each([
    [{ sourceApplicationName: '' }, /source application name must be 1 to 100 characters, got 0/],
    [{ sourceApplicationName: 'z'.repeat(101) }, /source application name must be 1 to 100 characters, got 101/],
    [{ sourceApplicationName: 'Zendesk!' }, /source application name must be letters, digits, spaces, _ and -, got 'Zendesk!'/],
    [{ sourceApplicationUrl: '' }, /source application URL must be 1 to 2000 characters, got 0/],
    [{ sourceApplicationUrl: `https://${'a'.repeat(1993)}` }, /source application URL must be 1 to 2000 characters, got 2001/],
    [{ sourceType: EventIntegrationSourceType.of('zendesk') }, /source type must be upper case letters, digits and underscores, got 'zendesk'/],
  ])('fails with the event source %p', (override, message) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: { ...ZENDESK, ...override },
    })).toThrow(message);
  });

  describe('use cases', () => {
    test('the custom resource of an association made through the Connect API creates its use cases', () => {
      const { stack, instance } = testStack();
      const association = new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: ZENDESK,
      });
      const useCase = association.addUseCase(UseCaseType.RULES_EVALUATION);
      association.addUseCase(UseCaseType.CONNECT_CAMPAIGNS);

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::UseCase', 0);
      template.hasResourceProperties(API, { UseCaseTypes: ['RULES_EVALUATION', 'CONNECT_CAMPAIGNS'] });
      const logicalId = stack.getLogicalId(association.node.findChild('Resource').node.defaultChild as CfnElement);
      expect(stack.resolve(useCase.useCaseId)).toEqual({ 'Fn::GetAtt': [logicalId, 'UseCaseId_RULES_EVALUATION'] });
      expect(stack.resolve(useCase.useCaseArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'UseCaseArn_RULES_EVALUATION'] });
      expect(stack.resolve(useCase.integrationAssociationId)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] });
      expect(useCase.node.id).toBe('UseCaseRulesEvaluation');
      expect(useCase.node.defaultChild).toBeUndefined();
      expect(useCase.instanceArn).toBe(INSTANCE_ARN);
    });

    test('an association made through the Connect API without use cases names none', () => {
      const { stack, instance } = testStack();
      new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: ZENDESK,
      });

      Template.fromStack(stack).hasResourceProperties(API, { UseCaseTypes: Match.absent() });
    });

    test('a use case of an AWS::Connect::IntegrationAssociation is an AWS::Connect::UseCase', () => {
      const { stack, instance } = testStack();
      const association = new IntegrationAssociation(stack, 'App', {
        instance,
        integrationType: IntegrationType.APPLICATION,
        integrationArn: 'arn:aws:app-integrations:us-east-1:111122223333:application/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      });
      association.addUseCase(UseCaseType.RULES_EVALUATION);

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::UseCase', {
        InstanceId: INSTANCE_ID,
        IntegrationAssociationId: { 'Fn::GetAtt': [stack.getLogicalId(association.node.defaultChild as CfnElement), 'IntegrationAssociationId'] },
        UseCaseType: 'RULES_EVALUATION',
      });
    });

    test('fails to add the same use case twice', () => {
      const { stack, instance } = testStack();
      const association = new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: ZENDESK,
      });
      association.addUseCase(UseCaseType.RULES_EVALUATION);
      expect(() => association.addUseCase(UseCaseType.of('RULES_EVALUATION')))
        .toThrow(/use case RULES_EVALUATION is already added to this integration association; an integration association has at most one use case of each type/);
    });

    test('adds a use case to an imported association', () => {
      const { stack } = testStack();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.EVENT,
        integrationArn: EVENT_INTEGRATION_ARN,
      });
      association.addUseCase(UseCaseType.RULES_EVALUATION);

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::UseCase', {
        InstanceId: INSTANCE_ID,
        IntegrationAssociationId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        UseCaseType: 'RULES_EVALUATION',
      });
    });
  });

  describe('imports', () => {
    test('imports by ARN, type and integrated ARN', () => {
      const { stack } = testStack();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.CASES_DOMAIN,
        integrationArn: CASES_DOMAIN_ARN,
      });

      expect(association.integrationAssociationId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(association.instanceArn).toBe(INSTANCE_ARN);
      expect(association.integrationAssociationArn).toBe(ASSOCIATION_ARN);
      expect(association.integrationAssociationRef).toEqual({
        instanceId: INSTANCE_ARN, integrationType: 'CASES_DOMAIN', integrationArn: CASES_DOMAIN_ARN,
      });
      expect(association.env.account).toBe('111122223333');
    });

    test('imports a token ARN', () => {
      const { stack } = testStack();
      const arn = new CfnParameter(stack, 'AssociationArn').valueAsString;
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: arn,
        integrationType: IntegrationType.CASES_DOMAIN,
        integrationArn: CASES_DOMAIN_ARN,
      });

      expect(stack.resolve(association.integrationAssociationId)).toEqual({
        'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'AssociationArn' }] }],
      });
    });

    test.each([
      `${INSTANCE_ARN}/queue/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`,
      INSTANCE_ARN,
      'integration-association/abc',
    ])('fails to import the malformed ARN %p', (arn) => {
      const { stack } = testStack();
      expect(() => IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: arn,
        integrationType: IntegrationType.CASES_DOMAIN,
        integrationArn: CASES_DOMAIN_ARN,
      })).toThrow(/integration association ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/integration-association\/<id>/);
    });

    test.each([
      ['VOICE_ID', 'arn:aws:voiceid:us-east-1:111122223333:domain/abc'],
      ['COGNITO_USER_POOL', 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_AbCdEf123'],
      ['NEW_THING', 'arn:aws:new:us-east-1:111122223333:thing/1'],
    ])('imports an association of the type %s without a warning', (type, arn) => {
      const { stack } = testStack();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.of(type),
        integrationArn: arn,
      });

      expect(association.integrationType.value).toBe(type);
      expect(association.integrationAssociationId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('fails to import a type without a constant with a malformed integrated ARN', () => {
      const { stack } = testStack();
      expect(() => IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.of('NEW_THING'),
        integrationArn: 'thing-1',
      })).toThrow(/integration ARN must be an ARN/);
    });

    test('fails to import with an integrated ARN that does not fit the type', () => {
      const { stack } = testStack();
      expect(() => IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.WISDOM_ASSISTANT,
        integrationArn: CASES_DOMAIN_ARN,
      })).toThrow(/integration ARN of a WISDOM_ASSISTANT integration must be the ARN of an Amazon Q in Connect assistant/);
    });
  });
});
