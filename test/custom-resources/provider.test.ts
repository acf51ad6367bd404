import { App, CfnParameter, CustomResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConnectProvider } from '../../src/custom-resources/provider';
import { connectResource } from '../../src/custom-resources/resource';
import { INSTANCE_ARN, testStack } from '../helpers';

// Lets a test pretend the handler bundle was never built.
const mockBundle = { missing: false };
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return {
    ...actual,
    existsSync: (file: string) => (mockBundle.missing && /connect-handler[\\/]index\.js$/.test(String(file)) ? false : actual.existsSync(file)),
  };
});

const INSTANCE_RESOURCES = [INSTANCE_ARN, `${INSTANCE_ARN}/*`];
const PHONE_NUMBER_ARN = 'arn:aws:connect:us-east-1:111122223333:phone-number/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** A small custom resource of the kind a construct defines. */
function toy(scope: Construct, id: string, actions: string[], resources: string[] = INSTANCE_RESOURCES, type = 'Custom::ConnectToy'): CustomResource {
  return connectResource(scope, id, {
    resourceType: type,
    properties: { InstanceId: '11111111-2222-3333-4444-555555555555', Value: id },
    permissions: [{ actions, resources }],
  });
}

/** The logical id of the provider's policy (the one that grows with the resources). */
function policyId(stack: Stack): string {
  return stack.getLogicalId(ConnectProvider.getOrCreate(stack).policy.node.defaultChild as never);
}

/** Every statement of every IAM policy in the template. */
function statements(template: Template): Array<{ Action: string | string[]; Resource: unknown }> {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

describe('ConnectProvider', () => {
  test('one provider per stack, however many resources use it', () => {
    const { stack } = testStack();
    const nested = new Construct(stack, 'Team');
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);
    toy(stack, 'B', ['connect:AssociatePhoneNumberContactFlow'], [PHONE_NUMBER_ARN]);
    toy(new Construct(nested, 'Deeper'), 'C', ['connect:CreateIntegrationAssociation'], INSTANCE_RESOURCES, 'Custom::ConnectOther');

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.resourceCountIs('AWS::IAM::Role', 1);
    expect(ConnectProvider.getOrCreate(nested)).toBe(ConnectProvider.getOrCreate(stack));
    expect(ConnectProvider.getOrCreate(stack).node.path).toBe('Test/CdkConnectProvider');

    // Every custom resource is served by that one function.
    const functionId = stack.getLogicalId(ConnectProvider.getOrCreate(stack).handler.node.defaultChild as never);
    const customResources = { ...template.findResources('Custom::ConnectToy'), ...template.findResources('Custom::ConnectOther') };
    expect(Object.keys(customResources)).toHaveLength(3);
    for (const resource of Object.values(customResources)) {
      expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    }
  });

  test('two stacks get two providers, each serving its own stack', () => {
    const app = new App();
    const env = { account: '111122223333', region: 'us-east-1' };
    const one = new Stack(app, 'One', { env });
    const two = new Stack(app, 'Two', { env });
    toy(one, 'A', ['connect:UpdateInstanceAttribute']);
    toy(two, 'A', ['connect:UpdateInstanceAttribute']);
    toy(two, 'B', ['connect:UpdateInstanceAttribute']);

    expect(ConnectProvider.getOrCreate(one)).not.toBe(ConnectProvider.getOrCreate(two));
    for (const stack of [one, two]) {
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Lambda::Function', 1);
      const functionId = stack.getLogicalId(ConnectProvider.getOrCreate(stack).handler.node.defaultChild as never);
      for (const resource of Object.values(template.findResources('Custom::ConnectToy'))) {
        expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
      }
    }
  });

  test('runs the bundled handler on Node.js 22, ARM, with a 15-minute timeout and 256 MiB', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);

    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 900,
      MemorySize: 256,
      Handler: 'index.handler',
      Code: { S3Bucket: Match.anyValue(), S3Key: Match.stringLikeRegexp('\\.zip$') },
    });
  });

  test('logs to its own log group, kept three months by default, and may write to it', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);
    const provider = ConnectProvider.getOrCreate(stack);
    const logGroupId = stack.getLogicalId(provider.logGroup.node.defaultChild as never);

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: { Ref: logGroupId } } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
        })]),
      },
    });
  });

  test('settings given to getOrCreate before the first resource apply', () => {
    const { stack } = testStack();
    ConnectProvider.getOrCreate(stack, { logRetention: logs.RetentionDays.ONE_WEEK, memorySize: 512 });
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 512 });
  });

  test('fails when settings are given after the provider exists', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);
    expect(() => ConnectProvider.getOrCreate(stack, { logRetention: logs.RetentionDays.ONE_WEEK })).toThrow(
      'Test: the cdk-connect provider of this stack already exists; call ConnectProvider.getOrCreate(stack, props) '
      + 'before defining any resource that uses it');
    // Asking for the provider without settings is fine.
    expect(ConnectProvider.getOrCreate(stack)).toBeInstanceOf(ConnectProvider);
  });

  test('fails when getOrCreate is given settings twice', () => {
    const { stack } = testStack();
    ConnectProvider.getOrCreate(stack, {});
    expect(() => ConnectProvider.getOrCreate(stack, { memorySize: 1024 })).toThrow(/Test: the cdk-connect provider of this stack already exists/);
  });

  test.each([127, 10241, 256.5, -1])('fails on a memory size of %d', (memorySize) => {
    const { stack } = testStack();
    expect(() => ConnectProvider.getOrCreate(stack, { memorySize })).toThrow(
      `Test/CdkConnectProvider: memorySize must be an integer from 128 to 10240 MiB, got ${memorySize}`);
  });

  test('takes a memory size from a parameter (a token is not checked at synth)', () => {
    const { stack } = testStack();
    const memory = new CfnParameter(stack, 'Memory', { type: 'Number', default: 512 });
    ConnectProvider.getOrCreate(stack, { memorySize: memory.valueAsNumber });
    connectResource(stack, 'Thing', { resourceType: 'Custom::ConnectThing', properties: {}, permissions: [{ actions: ['connect:DescribeInstance'], resources: ['arn:aws:connect:us-east-1:123456789012:instance/x'] }] });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { MemorySize: { Ref: 'Memory' } });
  });

  test('fails to synthesize a provider that no resource uses (its policy would be empty)', () => {
    const { app, stack } = testStack();
    ConnectProvider.getOrCreate(stack, { logRetention: logs.RetentionDays.ONE_MONTH });
    expect(() => app.synth()).toThrow(/the cdk-connect provider has no permissions: no resource uses it/);
  });

  test('fails with a clear message when the handler bundle was not built', () => {
    const { stack } = testStack();
    mockBundle.missing = true;
    try {
      expect(() => ConnectProvider.getOrCreate(stack)).toThrow(
        /the cdk-connect custom resource handler is missing from .*assets\/connect-handler; build it with `npx projen bundle:handler`/);
    } finally {
      mockBundle.missing = false;
    }
  });
});

describe('the provider\'s policy', () => {
  test('merges statements on the same resources, whatever their order, without repeating actions', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute', 'connect:DescribeInstanceAttribute']);
    toy(stack, 'B', ['connect:DescribeInstanceAttribute', 'connect:CreateIntegrationAssociation'], [...INSTANCE_RESOURCES].reverse());
    toy(stack, 'C', ['connect:AssociatePhoneNumberContactFlow'], [PHONE_NUMBER_ARN]);
    toy(stack, 'D', ['connect:DisassociatePhoneNumberContactFlow', 'connect:AssociatePhoneNumberContactFlow'], [PHONE_NUMBER_ARN]);

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^CdkConnectProviderPolicy'),
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['connect:UpdateInstanceAttribute', 'connect:DescribeInstanceAttribute', 'connect:CreateIntegrationAssociation'],
            Resource: INSTANCE_RESOURCES,
          },
          {
            Effect: 'Allow',
            Action: ['connect:AssociatePhoneNumberContactFlow', 'connect:DisassociatePhoneNumberContactFlow'],
            Resource: PHONE_NUMBER_ARN,
          },
        ],
      },
    });
  });

  test('merges permissions added straight to the provider too', () => {
    const { stack } = testStack();
    const provider = ConnectProvider.getOrCreate(stack);
    provider.addPermissions(['connect:UpdateInstanceAttribute', 'connect:UpdateInstanceAttribute'], [INSTANCE_ARN]);
    provider.addPermissions(['connect:DescribeInstanceAttribute'], [INSTANCE_ARN]);
    provider.addPermissions(['iam:PassRole'], ['arn:aws:iam::111122223333:role/connect']);
    toy(stack, 'A', ['connect:UpdateInstanceAttribute'], [INSTANCE_ARN]);

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^CdkConnectProviderPolicy'),
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: ['connect:UpdateInstanceAttribute', 'connect:DescribeInstanceAttribute'], Resource: INSTANCE_ARN },
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/connect' },
        ],
      },
    });
  });

  test('is attached to the handler\'s role', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);
    const provider = ConnectProvider.getOrCreate(stack);
    const roleId = stack.getLogicalId(provider.handler.role!.node.defaultChild as never);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^CdkConnectProviderPolicy'),
      Roles: [{ Ref: roleId }],
    });
  });

  test('never has Resource "*" alone', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);
    toy(stack, 'B', ['connect:AssociatePhoneNumberContactFlow'], [PHONE_NUMBER_ARN]);
    toy(stack, 'C', ['connect:CreateIntegrationAssociation', 'connect:TagResource']);

    const all = statements(Template.fromStack(stack));
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const statement of all) {
      const resources = ([] as unknown[]).concat(statement.Resource);
      expect(resources).not.toEqual(['*']);
      expect(resources).not.toContain('*');
    }
  });

  test('every custom resource depends on the policy, so its permissions exist before the handler needs them', () => {
    const { stack } = testStack();
    toy(stack, 'A', ['connect:UpdateInstanceAttribute']);
    toy(new Construct(stack, 'Nested'), 'B', ['connect:AssociatePhoneNumberContactFlow'], [PHONE_NUMBER_ARN], 'Custom::ConnectOther');
    // A permission added after the resources still lands in the policy they depend on.
    toy(stack, 'C', ['connect:CreateIntegrationAssociation']);

    const template = Template.fromStack(stack);
    const policy = policyId(stack);
    const customResources = { ...template.findResources('Custom::ConnectToy'), ...template.findResources('Custom::ConnectOther') };
    expect(Object.keys(customResources)).toHaveLength(3);
    for (const resource of Object.values(customResources)) {
      expect(resource.DependsOn).toContain(policy);
    }
  });
});

describe('connectResource', () => {
  test('defines a custom resource of the type, with the properties and a timeout past the handler\'s', () => {
    const { stack } = testStack();
    const resource = connectResource(stack, 'Resource', {
      resourceType: 'Custom::ConnectPhoneNumberFlow',
      properties: { InstanceId: 'i-1', PhoneNumberId: 'p-1', ContactFlowId: 'f-1' },
      permissions: [{ actions: ['connect:AssociatePhoneNumberContactFlow'], resources: [PHONE_NUMBER_ARN] }],
    });

    expect(resource).toBeInstanceOf(CustomResource);
    Template.fromStack(stack).hasResource('Custom::ConnectPhoneNumberFlow', {
      Properties: {
        ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdkConnectProviderHandler'), 'Arn'] },
        ServiceTimeout: '960',
        InstanceId: 'i-1',
        PhoneNumberId: 'p-1',
        ContactFlowId: 'f-1',
      },
      DependsOn: [policyId(stack)],
    });
  });

  test('a resource with several permissions adds each', () => {
    const { stack } = testStack();
    connectResource(stack, 'R', {
      resourceType: 'Custom::ConnectToy',
      properties: {},
      permissions: [
        { actions: ['connect:ClaimPhoneNumber'], resources: INSTANCE_RESOURCES },
        { actions: ['connect:ReleasePhoneNumber', 'connect:DescribePhoneNumber'], resources: ['arn:aws:connect:us-east-1:111122223333:phone-number/*'] },
      ],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'connect:ClaimPhoneNumber', Resource: INSTANCE_RESOURCES },
          { Action: ['connect:ReleasePhoneNumber', 'connect:DescribePhoneNumber'], Resource: 'arn:aws:connect:us-east-1:111122223333:phone-number/*' },
        ],
      },
    });
  });
});
