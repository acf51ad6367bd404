import * as path from 'path';
import { CfnParameter, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnQueue } from 'aws-cdk-lib/aws-connect';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ContactFlow, ContactFlowState, ContactFlowType, ContactFlowVersion } from '../../src/constructs/contact-flow';
import { FlowContent, FlowReference } from '../../src/constructs/flow-content';
import { IInstance, Instance } from '../../src/constructs/instance';
import { Queue } from '../../src/constructs/queue';
import { INSTANCE_ARN, testStack } from '../helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flows');
const FLOW_ARN = `${INSTANCE_ARN}/contact-flow/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;

const MINIMAL_FLOW = {
  Version: '2019-10-30',
  StartAction: 'End',
  Actions: [{ Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
};

function minimalFlow(stack: Stack, instance: IInstance, extra: Partial<Record<string, unknown>> = {}): ContactFlow {
  return new ContactFlow(stack, 'Flow', {
    instance,
    contactFlowName: 'Inbound',
    content: FlowContent.fromObject(MINIMAL_FLOW),
    ...extra,
  });
}

describe('ContactFlow', () => {
  test('creates a flow with defaults', () => {
    const { stack, instance } = testStack();
    minimalFlow(stack, instance);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Inbound',
      Type: 'CONTACT_FLOW',
      State: 'ACTIVE',
      Content: JSON.stringify(MINIMAL_FLOW),
      Description: Match.absent(),
    });
  });

  test('takes type, state and description', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance, {
      type: ContactFlowType.CUSTOMER_QUEUE,
      state: ContactFlowState.ARCHIVED,
      description: 'Queue music',
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      Type: 'CUSTOMER_QUEUE',
      State: 'ARCHIVED',
      Description: 'Queue music',
    });
    expect(flow.contactFlowType).toBe(ContactFlowType.CUSTOMER_QUEUE);
  });

  test('every type of the schema is in the enum', () => {
    expect(Object.values(ContactFlowType).sort()).toEqual([
      'AGENT_HOLD', 'AGENT_TRANSFER', 'AGENT_WHISPER', 'CAMPAIGN', 'CONTACT_FLOW', 'CUSTOMER_HOLD', 'CUSTOMER_QUEUE',
      'CUSTOMER_WHISPER', 'OUTBOUND_WHISPER', 'QUEUE_TRANSFER',
    ]);
  });

  test('exposes attributes', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance);
    expect(stack.resolve(flow.contactFlowArn)).toEqual({ 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] });
    expect(stack.resolve(flow.contactFlowId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] }] }],
    });
    expect(flow.instanceArn).toBe(INSTANCE_ARN);
    expect(flow.contactFlowName).toBe('Inbound');
    expect(flow.contactFlowType).toBe(ContactFlowType.CONTACT_FLOW);
    expect(stack.resolve(flow.contactFlowRef.contactFlowArn)).toEqual({ 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] });
  });

  test('the L1 child has id Resource', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance);
    expect(flow.node.defaultChild?.node.id).toBe('Resource');
  });

  test('takes the instance ARN of an instance that is a token', () => {
    const { stack } = testStack();
    const instance = Instance.fromInstanceArn(stack, 'TokenInstance', new CfnParameter(stack, 'InstanceArn').valueAsString);
    minimalFlow(stack, instance);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      InstanceArn: { Ref: 'InstanceArn' },
    });
  });

  test('renders a placeholder as the GetAtt of a queue in the same stack', () => {
    const { stack, instance } = testStack();
    const cfnQueue = new CfnQueue(stack, 'CfnQueue', {
      instanceArn: INSTANCE_ARN,
      name: 'Support',
      hoursOfOperationArn: `${INSTANCE_ARN}/operating-hours/hours-1`,
    });
    const queue = Queue.fromQueueArn(stack, 'Queue', cfnQueue.attrQueueArn);
    new ContactFlow(stack, 'Flow', {
      instance,
      contactFlowName: 'Inbound',
      content: FlowContent.fromFile(path.join(FIXTURES, 'transfer-to-queue.json'), {
        references: [FlowReference.queue('SupportQueue', queue), FlowReference.text('CompanyName', 'Example Corp')],
      }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      Content: {
        'Fn::Join': ['', Match.arrayWith([
          Match.stringLikeRegexp('"QueueId":"$'),
          { 'Fn::GetAtt': ['CfnQueue', 'QueueArn'] },
        ])],
      },
    });
  });

  test('a Lambda reference associates the function, lets Connect invoke it and creates the flow after the association', () => {
    const { stack, instance } = testStack();
    const fn = new lambda.Function(stack, 'Lookup', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ tier: "gold" });'),
    });
    new ContactFlow(stack, 'Flow', {
      instance,
      contactFlowName: 'Lookup',
      content: FlowContent.fromFile(path.join(FIXTURES, 'invoke-lambda.json'), {
        references: [FlowReference.lambdaFunction('CustomerLookup', fn)],
      }),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE_ARN,
      IntegrationType: 'LAMBDA_FUNCTION',
      IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Lookup'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'connect.amazonaws.com',
      SourceArn: INSTANCE_ARN,
    });
    const associations = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'));
    expect(associations).toHaveLength(1);
    template.hasResource('AWS::Connect::ContactFlow', { DependsOn: [associations[0]] });
    template.hasResourceProperties('AWS::Connect::ContactFlow', {
      Content: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Lookup'), 'Arn'] }])] },
    });
  });

  test('two flows invoking the same function share one association', () => {
    const { stack, instance } = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
    for (const id of ['A', 'B']) {
      new ContactFlow(stack, id, {
        instance,
        contactFlowName: id,
        content: FlowContent.fromFile(path.join(FIXTURES, 'invoke-lambda.json'), {
          references: [FlowReference.lambdaFunction('CustomerLookup', fn)],
        }),
      });
    }
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
    const association = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'))[0];
    expect(Object.values(template.findResources('AWS::Connect::ContactFlow')).map(r => r.DependsOn)).toEqual([[association], [association]]);
  });

  test('a reference to another flow renders its ARN', () => {
    const { stack, instance } = testStack();
    const target = minimalFlow(stack, instance);
    new ContactFlow(stack, 'Router', {
      instance,
      contactFlowName: 'Router',
      content: FlowContent.fromObject({
        Version: '2019-10-30',
        StartAction: 'Go',
        Actions: [{ Identifier: 'Go', Type: 'TransferToFlow', Parameters: { ContactFlowId: '${Target}' }, Transitions: {} }],
      }, { references: [FlowReference.contactFlow('Target', target)] }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      Name: 'Router',
      Content: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] }])] },
    });
  });

  test('content errors name the flow', () => {
    const { stack, instance } = testStack();
    expect(() => new ContactFlow(stack, 'Broken', {
      instance,
      contactFlowName: 'Broken',
      content: FlowContent.fromObject({ ...MINIMAL_FLOW, StartAction: 'Nowhere' }),
    })).toThrow(/^Test\/Broken: flow content StartAction is 'Nowhere'/);
  });

  test('tags apply to the flow', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance);
    Tags.of(flow).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('fails for an empty name', () => {
    const { stack, instance } = testStack();
    expect(() => minimalFlow(stack, instance, { contactFlowName: '' })).toThrow(/Test\/Flow: name must be 1 to 127 characters, got 0/);
  });

  test('fails for a name longer than 127 characters', () => {
    const { stack, instance } = testStack();
    expect(() => minimalFlow(stack, instance, { contactFlowName: 'n'.repeat(128) })).toThrow(/name must be 1 to 127 characters, got 128/);
  });

  test('fails for a description longer than 500 characters', () => {
    const { stack, instance } = testStack();
    expect(() => minimalFlow(stack, instance, { description: 'd'.repeat(501) })).toThrow(/description must be 1 to 500 characters, got 501/);
  });

  test('fails for an empty description', () => {
    const { stack, instance } = testStack();
    expect(() => minimalFlow(stack, instance, { description: '' })).toThrow(/description must be 1 to 500 characters, got 0/);
  });
});

describe('ContactFlow metrics', () => {
  test('metricContactFlowErrors', () => {
    const { stack, instance } = testStack();
    const metric = minimalFlow(stack, instance).metricContactFlowErrors();
    expect(metric.namespace).toBe('AWS/Connect');
    expect(metric.metricName).toBe('ContactFlowErrors');
    expect(metric.statistic).toBe('Sum');
    expect(metric.period.toMinutes()).toBe(5);
    expect(metric.dimensions).toEqual({
      InstanceId: '11111111-2222-3333-4444-555555555555',
      MetricGroup: 'ContactFlow',
      ContactFlowName: 'Inbound',
    });
  });

  test('metricContactFlowFatalErrors with options', () => {
    const { stack, instance } = testStack();
    const metric = minimalFlow(stack, instance).metricContactFlowFatalErrors({ statistic: 'Maximum' });
    expect(metric.metricName).toBe('ContactFlowFatalErrors');
    expect(metric.statistic).toBe('Maximum');
  });

  test('metric can make an alarm', () => {
    const { stack, instance } = testStack();
    minimalFlow(stack, instance).metric('ContactFlowErrors').createAlarm(stack, 'Alarm', { threshold: 1, evaluationPeriods: 1 });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Connect',
      MetricName: 'ContactFlowErrors',
      Dimensions: [
        { Name: 'ContactFlowName', Value: 'Inbound' },
        { Name: 'InstanceId', Value: '11111111-2222-3333-4444-555555555555' },
        { Name: 'MetricGroup', Value: 'ContactFlow' },
      ],
    });
  });
});

describe('ContactFlow.fromContactFlowArn', () => {
  test('with a concrete ARN gives the id and the instance', () => {
    const { stack } = testStack();
    const flow = ContactFlow.fromContactFlowArn(stack, 'Imported', FLOW_ARN);
    expect(flow.contactFlowArn).toBe(FLOW_ARN);
    expect(flow.contactFlowId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(flow.instanceArn).toBe(INSTANCE_ARN);
    expect(flow.env.region).toBe('us-east-1');
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack, instance } = testStack();
    const source = minimalFlow(stack, instance);
    const flow = ContactFlow.fromContactFlowArn(stack, 'Imported', source.contactFlowArn);
    expect(stack.resolve(flow.contactFlowId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] }] }],
    });
  });

  test('fails for a malformed ARN', () => {
    const { stack } = testStack();
    expect(() => ContactFlow.fromContactFlowArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q1`))
      .toThrow(/flow ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/contact-flow\/<id>/);
  });
});

describe('ContactFlowVersion', () => {
  function campaignFlow(stack: Stack, instance: IInstance, content: object = MINIMAL_FLOW): ContactFlow {
    return minimalFlow(stack, instance, { type: ContactFlowType.CAMPAIGN, content: FlowContent.fromObject(content) });
  }

  test('addVersion publishes a version of the flow', () => {
    const { stack, instance } = testStack();
    const flow = campaignFlow(stack, instance);
    const version = flow.addVersion('V1', { description: 'first release' });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowVersion', {
      ContactFlowId: { 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] },
      Description: 'first release',
    });
    expect(version.node.scope).toBe(flow);
    expect(version.node.defaultChild?.node.id).toBe('Resource');
    expect(version.contactFlow).toBe(flow);
    expect(version.instanceArn).toBe(INSTANCE_ARN);
    expect(version.contactFlowArn).toBe(flow.contactFlowArn);
  });

  test('exposes the version ARN, number and checksum', () => {
    const { stack, instance } = testStack();
    const version = campaignFlow(stack, instance).addVersion('V1');
    const logicalId = stack.getLogicalId(version.node.defaultChild as any);
    expect(stack.resolve(version.contactFlowVersionArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ContactFlowVersionARN'] });
    expect(stack.resolve(version.versionNumber)).toEqual({ 'Fn::GetAtt': [logicalId, 'Version'] });
    expect(stack.resolve(version.contentSha256)).toEqual({ 'Fn::GetAtt': [logicalId, 'FlowContentSha256'] });
    expect(stack.resolve(version.contactFlowVersionRef.contactFlowVersionArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ContactFlowVersionARN'] });
  });

  test('is destroyed with the stack by default and can be retained', () => {
    const { stack, instance } = testStack();
    const flow = campaignFlow(stack, instance);
    flow.addVersion('V1');
    flow.addVersion('V2', { removalPolicy: RemovalPolicy.RETAIN });
    const versions = Object.values(Template.fromStack(stack).findResources('AWS::Connect::ContactFlowVersion'));
    expect(versions.map(v => v.DeletionPolicy)).toEqual(['Delete', 'Retain']);
  });

  test('without publishOnContentChange the logical id does not depend on the content', () => {
    const ids = [MINIMAL_FLOW, { ...MINIMAL_FLOW, Metadata: { note: 'changed' } }].map(content => {
      const { stack, instance } = testStack();
      campaignFlow(stack, instance, content).addVersion('V1');
      return Object.keys(Template.fromStack(stack).findResources('AWS::Connect::ContactFlowVersion'));
    });
    expect(ids[0]).toEqual(ids[1]);
  });

  test('with publishOnContentChange a content change gives a new logical id, the same content the same id', () => {
    const contents = [MINIMAL_FLOW, MINIMAL_FLOW, { ...MINIMAL_FLOW, Metadata: { note: 'changed' } }];
    const ids = contents.map(content => {
      const { stack, instance } = testStack();
      campaignFlow(stack, instance, content).addVersion('V1', { publishOnContentChange: true });
      return Object.keys(Template.fromStack(stack).findResources('AWS::Connect::ContactFlowVersion'))[0];
    });
    expect(ids[0]).toMatch(/^FlowV1[0-9A-F]{8}[0-9A-F]{8}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  test('a version of an imported flow is not type-checked', () => {
    const { stack } = testStack();
    const flow = ContactFlow.fromContactFlowArn(stack, 'Imported', FLOW_ARN);
    flow.addVersion('V1');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowVersion', { ContactFlowId: FLOW_ARN });
  });

  test('fails for a flow that is not of type CAMPAIGN', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance);
    expect(() => flow.addVersion('V1'))
      .toThrow(/Test\/Flow\/V1: versions can only be published of flows of type CAMPAIGN, got 'Test\/Flow' of type CONTACT_FLOW/);
  });

  test('fails for a description longer than 500 characters', () => {
    const { stack, instance } = testStack();
    expect(() => campaignFlow(stack, instance).addVersion('V1', { description: 'd'.repeat(501) }))
      .toThrow(/description must be 1 to 500 characters, got 501/);
  });

  test('fails for publishOnContentChange on an imported flow', () => {
    const { stack } = testStack();
    const flow = ContactFlow.fromContactFlowArn(stack, 'Imported', FLOW_ARN);
    expect(() => flow.addVersion('V1', { publishOnContentChange: true }))
      .toThrow(/publishOnContentChange needs a flow defined in this app, whose content is known; 'Test\/Imported' is imported/);
  });
});

describe('ContactFlowVersion.fromContactFlowVersionArn', () => {
  test('with a concrete ARN gives the version number, the flow and the instance', () => {
    const { stack } = testStack();
    const version = ContactFlowVersion.fromContactFlowVersionArn(stack, 'Imported', `${FLOW_ARN}:12`);
    expect(version.versionNumber).toBe(12);
    expect(version.contactFlowArn).toBe(FLOW_ARN);
    expect(version.instanceArn).toBe(INSTANCE_ARN);
    expect(version.contactFlowVersionRef.contactFlowVersionArn).toBe(`${FLOW_ARN}:12`);
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const arn = new CfnParameter(stack, 'VersionArn').valueAsString;
    const version = ContactFlowVersion.fromContactFlowVersionArn(stack, 'Imported', arn);
    const colons = { 'Fn::Split': [':', { Ref: 'VersionArn' }] };
    expect(stack.resolve(version.versionNumber)).toEqual({ 'Fn::Select': [6, colons] });
    expect(stack.resolve(version.contactFlowArn)).toEqual({
      'Fn::Join': [':', [0, 1, 2, 3, 4, 5].map(i => ({ 'Fn::Select': [i, colons] }))],
    });
  });

  test('fails for an ARN without a version', () => {
    const { stack } = testStack();
    expect(() => ContactFlowVersion.fromContactFlowVersionArn(stack, 'Imported', FLOW_ARN))
      .toThrow(/flow version ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/contact-flow\/<id>:<version>/);
  });

  test('fails for an ARN of another kind', () => {
    const { stack } = testStack();
    expect(() => ContactFlowVersion.fromContactFlowVersionArn(stack, 'Imported', `${INSTANCE_ARN}/flow-module/m1:3`))
      .toThrow(/flow version ARN must look like/);
  });
});
