import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ChatCustomerAuthentication, ChatCustomerAuthenticationProps } from '../../src/chat';
import { IInstance } from '../../src/constructs/instance';
import { INSTANCE_ARN, testStack } from '../helpers';

function authentication(props: Partial<ChatCustomerAuthenticationProps> = {}):
{ stack: Stack; instance: IInstance; auth: ChatCustomerAuthentication } {
  const { stack, instance } = testStack();
  const auth = new ChatCustomerAuthentication(stack, 'ChatAuth', { instance, ...props });
  return { stack, instance, auth };
}

/** The logical id of the function URL (its Url is the redirect URI). */
function functionUrlId(template: Template): string {
  const [id] = Object.keys(template.findResources('AWS::Lambda::Url'));
  return id;
}

describe('ChatCustomerAuthentication', () => {
  test('creates a user pool, a domain and an app client whose only callback URL is the redirect endpoint', () => {
    const { stack } = authentication({ domainPrefix: 'example-chat' });
    const template = Template.fromStack(stack);
    const urlId = functionUrlId(template);

    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'phone'],
      CallbackURLs: [{ 'Fn::GetAtt': [urlId, 'FunctionUrl'] }],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'example-chat' });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  test('exposes the function URL as the redirect URI', () => {
    const { stack, auth } = authentication();
    const template = Template.fromStack(stack);
    expect(stack.resolve(auth.redirectUri)).toEqual({ 'Fn::GetAtt': [functionUrlId(template), 'FunctionUrl'] });
  });

  test('the redirect endpoint is a public function URL without CORS, on Node.js 22 on ARM', () => {
    const { stack } = authentication();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', Cors: Match.absent() });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: { Variables: { INSTANCE_ID: '11111111-2222-3333-4444-555555555555' } },
    });
  });

  test('may call UpdateParticipantAuthentication on the instance only', () => {
    const { stack } = authentication();
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'connect:UpdateParticipantAuthentication',
          Resource: [INSTANCE_ARN, `${INSTANCE_ARN}/contact/*`],
        }],
      },
    });
  });

  test('associates the user pool with the instance', () => {
    const { stack, auth } = authentication();
    const template = Template.fromStack(stack);
    const [poolId] = Object.keys(template.findResources('AWS::Cognito::UserPool'));
    template.hasResourceProperties('Custom::ConnectIntegrationAssociation', {
      IntegrationType: 'COGNITO_USER_POOL',
      IntegrationArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
    expect(auth.association).toBeDefined();
  });

  test('derives a domain prefix from the construct path and the account', () => {
    const { stack } = authentication();
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: Match.stringLikeRegexp('^chat-[0-9a-f]{8}-111122223333$'),
    });
  });

  test('takes a user pool and its domain, and adds only the app client', () => {
    const { stack, instance } = testStack();
    const pool = new cognito.UserPool(stack, 'Customers');
    const domain = pool.addDomain('SignIn', { cognitoDomain: { domainPrefix: 'customers' } });
    const auth = new ChatCustomerAuthentication(stack, 'ChatAuth', {
      instance,
      userPool: pool,
      userPoolDomain: domain,
      oAuthScopes: [cognito.OAuthScope.OPENID],
      identityProviders: [cognito.UserPoolClientIdentityProvider.GOOGLE],
      additionalCallbackUrls: ['https://widget.example.com/callback'],
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    expect(auth.userPool).toBe(pool);
    expect(auth.userPoolDomain).toBe(domain);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: Match.stringLikeRegexp('^Customers') },
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['Google'],
      CallbackURLs: [{ 'Fn::GetAtt': [functionUrlId(template), 'FunctionUrl'] }, 'https://widget.example.com/callback'],
    });
  });

  test('takes a user pool without a domain and adds one', () => {
    const { stack, instance } = testStack();
    const pool = new cognito.UserPool(stack, 'Customers');
    new ChatCustomerAuthentication(stack, 'ChatAuth', { instance, userPool: pool, domainPrefix: 'customers-chat' });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'customers-chat',
      UserPoolId: { Ref: Match.stringLikeRegexp('^Customers') },
    });
  });

  test('passes customized page texts and a return URL to the endpoint', () => {
    const { stack } = authentication({
      pageText: { language: 'de', title: 'Anmeldung', signedIn: 'Sie sind angemeldet.' },
      returnUrl: 'https://www.example.com/chat/signed-in',
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          PAGE_TEXT: JSON.stringify({ lang: 'de', title: 'Anmeldung', signedIn: 'Sie sind angemeldet.' }),
          RETURN_URL: 'https://www.example.com/chat/signed-in',
        },
      },
    });
  });

  test('limits the endpoint\'s concurrency and keeps its log as told', () => {
    const { stack } = authentication({ maxConcurrency: 10, logRetention: logs.RetentionDays.ONE_WEEK, removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 10 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });

  test('imports customer authentication made elsewhere', () => {
    const { stack } = testStack();
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_abcdefghi');
    const client = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client123');
    const imported = ChatCustomerAuthentication.fromChatCustomerAuthenticationAttributes(stack, 'Imported', {
      userPool: pool,
      userPoolClient: client,
      redirectUri: 'https://auth.example.com/chat/',
    });
    expect(imported.redirectUri).toBe('https://auth.example.com/chat/');
    expect(imported.userPool).toBe(pool);
    expect(imported.userPoolClient).toBe(client);
  });

  test('fails to import a redirect URI that is not an https URL', () => {
    const { stack } = testStack();
    expect(() => ChatCustomerAuthentication.fromChatCustomerAuthenticationAttributes(stack, 'Imported', {
      userPool: cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_abcdefghi'),
      userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client123'),
      redirectUri: 'ftp://auth.example.com#x',
    })).toThrow(/Imported: redirectUri must be an https URL \(or http:\/\/localhost\) without a fragment, got 'ftp:\/\/auth.example.com#x'/);
  });

  describe('validation', () => {
    test('fails with both a domain and a domain prefix', () => {
      const { stack, instance } = testStack();
      const pool = new cognito.UserPool(stack, 'Customers');
      const domain = pool.addDomain('SignIn', { cognitoDomain: { domainPrefix: 'customers' } });
      expect(() => new ChatCustomerAuthentication(stack, 'ChatAuth', { instance, userPool: pool, userPoolDomain: domain, domainPrefix: 'x' }))
        .toThrow(/ChatAuth: give userPoolDomain \(a domain the pool has\) or domainPrefix \(a domain to add\), not both/);
    });

    test('fails with a domain but no user pool', () => {
      const { stack, instance } = testStack();
      const domain = cognito.UserPoolDomain.fromDomainName(stack, 'Domain', 'customers');
      expect(() => new ChatCustomerAuthentication(stack, 'ChatAuth', { instance, userPoolDomain: domain }))
        .toThrow(/ChatAuth: userPoolDomain is the domain of a given userPool: give the userPool too/);
    });

    test('fails with a removal policy for a given user pool', () => {
      const { stack, instance } = testStack();
      const pool = new cognito.UserPool(stack, 'Customers');
      expect(() => new ChatCustomerAuthentication(stack, 'ChatAuth', { instance, userPool: pool, removalPolicy: RemovalPolicy.DESTROY }))
        .toThrow(/ChatAuth: removalPolicy applies to the user pool this construct creates: the given userPool keeps its own/);
    });

    test.each([
      ['Upper', /domainPrefix must be 1 to 63 lower case letters, digits and hyphens, not starting or ending with a hyphen, got 'Upper'/],
      ['-chat', /domainPrefix must be 1 to 63 lower case letters.*got '-chat'/],
      ['a'.repeat(64), /domainPrefix must be 1 to 63 lower case letters/],
      ['my-aws-chat', /domainPrefix must not contain 'aws' \(Amazon Cognito reserves aws, amazon and cognito\), got 'my-aws-chat'/],
      ['cognito-chat', /domainPrefix must not contain 'cognito'/],
    ])('fails with the domain prefix %s', (domainPrefix, message) => {
      expect(() => authentication({ domainPrefix })).toThrow(message);
    });

    test('fails with a return URL that is not https', () => {
      expect(() => authentication({ returnUrl: 'http://www.example.com/back' }))
        .toThrow(/ChatAuth: returnUrl must be an https URL without a fragment, got 'http:\/\/www.example.com\/back'/);
    });

    test('fails with a callback URL that has a fragment', () => {
      expect(() => authentication({ additionalCallbackUrls: ['https://www.example.com/#x'] }))
        .toThrow(/ChatAuth: additional callback URL must be an https URL \(or http:\/\/localhost\) without a fragment/);
    });

    test('fails without the openid scope', () => {
      expect(() => authentication({ oAuthScopes: [cognito.OAuthScope.EMAIL] }))
        .toThrow(/ChatAuth: oAuthScopes must include OAuthScope.OPENID: Amazon Connect reads the customer from the ID token/);
    });

    test('fails with a page text that is empty or too long', () => {
      expect(() => authentication({ pageText: { signedIn: '' } })).toThrow(/ChatAuth: pageText.signedIn must be 1 to 1000 characters, got 0/);
      expect(() => authentication({ pageText: { failed: 'x'.repeat(1001) } })).toThrow(/pageText.failed must be 1 to 1000 characters, got 1001/);
    });

    test('fails with a page language that is not a language tag', () => {
      expect(() => authentication({ pageText: { language: 'en_US!' } }))
        .toThrow(/ChatAuth: pageText.language must be a language tag such as en, de or pt-BR, got 'en_US!'/);
    });

    test('fails with a concurrency out of range', () => {
      expect(() => authentication({ maxConcurrency: 0 })).toThrow(/ChatAuth: maxConcurrency must be an integer from 1 to 1000, got 0/);
    });
  });
});
