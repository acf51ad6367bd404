import * as path from 'path';
import { CfnParameter, CfnResource, Lazy, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnQueue } from 'aws-cdk-lib/aws-connect';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ContactFlow, ContactFlowState, ContactFlowStatus, ContactFlowType, ContactFlowVersion, IContactFlow } from '../../src/constructs/contact-flow';
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

/** A flow that transfers to the flow named by the placeholder `${Next}`. */
function transferTo(next: IContactFlow): FlowContent {
  return FlowContent.fromObject({
    Version: '2019-10-30',
    StartAction: 'Go',
    Actions: [
      { Identifier: 'Go', Type: 'TransferToFlow', Parameters: { ContactFlowId: '${Next}' }, Transitions: { NextAction: 'End', Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }] } },
      { Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  }, { references: [FlowReference.contactFlow('Next', next)] });
}

/**
 * A stack where flow A transfers to flow B, whose content names a resource `Thing` that `thing` makes (given A):
 * a cycle when Thing points back to A. B names Thing by `nameOf` (its Ref unless told).
 */
function flowsThroughThing(thing: (stack: Stack, a: ContactFlow) => CfnResource, nameOf = (made: CfnResource) => made.ref): Stack {
  const { stack, instance } = testStack();
  const a = new ContactFlow(stack, 'A', { instance, contactFlowName: 'A' });
  const made = thing(stack, a);
  const b = new ContactFlow(stack, 'B', {
    instance,
    contactFlowName: 'B',
    content: FlowContent.fromObject({ ...MINIMAL_FLOW, Metadata: { thing: '${Thing}' } }, { references: [FlowReference.text('Thing', nameOf(made))] }),
  });
  a.defineContent(transferTo(b));
  return stack;
}

/** The logical ids each resource of a template references (Ref, Fn::GetAtt, Fn::Sub, DependsOn). */
function referenceGraph(template: Template): Map<string, Set<string>> {
  const resources = template.toJSON().Resources as Record<string, any>;
  const graph = new Map<string, Set<string>>();
  const walk = (value: any, into: Set<string>): void => {
    if (Array.isArray(value)) {
      value.forEach(item => walk(item, into));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'Ref' && typeof item === 'string') {
          into.add(item);
        } else if (key === 'Fn::GetAtt') {
          into.add(Array.isArray(item) ? item[0] : String(item).split('.')[0]);
        } else if (key === 'Fn::Sub') {
          const text = Array.isArray(item) ? item[0] : item;
          for (const match of String(text).matchAll(/\$\{([^!}.]+)/g)) {
            into.add(match[1]);
          }
        } else {
          walk(item, into);
        }
      }
    }
  };
  for (const [id, resource] of Object.entries(resources)) {
    const targets = new Set<string>();
    walk(resource.Properties ?? {}, targets);
    for (const dependency of [resource.DependsOn ?? []].flat()) {
      targets.add(dependency);
    }
    graph.set(id, new Set([...targets].filter(target => target in resources)));
  }
  return graph;
}

/** A cycle in the reference graph of a template, or undefined when there is none. */
function findCycle(template: Template): string[] | undefined {
  const graph = referenceGraph(template);
  const state = new Map<string, 'open' | 'done'>();
  const open: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'open') {
      return [...open.slice(open.indexOf(id)), id];
    }
    if (state.get(id) === 'done') {
      return undefined;
    }
    state.set(id, 'open');
    open.push(id);
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) {
        return cycle;
      }
    }
    open.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) {
      return cycle;
    }
  }
  return undefined;
}

/** The statements of the cdk-connect provider's policy. */
function providerStatements(template: Template): any[] {
  const policies = template.findResources('AWS::IAM::Policy');
  const [id] = Object.keys(policies).filter(key => key.startsWith('CdkConnectProviderPolicy'));
  return policies[id].Properties.PolicyDocument.Statement;
}

const FLOW_RESOURCES = [INSTANCE_ARN, `${INSTANCE_ARN}/contact-flow/*`];

describe('ContactFlow with a status (SAVED flows)', () => {
  test('a SAVED flow is created by the Custom::ConnectContactFlow custom resource', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance, { status: ContactFlowStatus.SAVED, description: 'draft for review' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::ContactFlow', 0);
    template.hasResourceProperties('Custom::ConnectContactFlow', {
      InstanceId: '11111111-2222-3333-4444-555555555555',
      Name: 'Inbound',
      Type: 'CONTACT_FLOW',
      Status: 'SAVED',
      State: 'ACTIVE',
      Description: 'draft for review',
      Content: JSON.stringify(MINIMAL_FLOW),
      DeferContent: Match.absent(),
      Tags: Match.absent(),
    });
    expect(flow.contactFlowStatus).toBe(ContactFlowStatus.SAVED);
    expect(flow.node.defaultChild?.node.id).toBe('Resource');
  });

  test('exposes the ARN and id the custom resource returns', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance, { status: ContactFlowStatus.SAVED });
    expect(stack.resolve(flow.contactFlowArn)).toEqual({ 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] });
    expect(stack.resolve(flow.contactFlowId)).toEqual({ 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowId'] });
  });

  test('grants the provider exactly the flow actions, on the instance and its flows', () => {
    const { stack, instance } = testStack();
    minimalFlow(stack, instance, { status: ContactFlowStatus.SAVED });
    expect(providerStatements(Template.fromStack(stack))).toEqual([{
      Effect: 'Allow',
      Action: [
        'connect:CreateContactFlow', 'connect:ListContactFlows', 'connect:DescribeContactFlow',
        'connect:UpdateContactFlowContent', 'connect:UpdateContactFlowMetadata', 'connect:DeleteContactFlow',
        'connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource',
      ],
      Resource: FLOW_RESOURCES,
    }]);
  });

  test('an explicit PUBLISHED status is kept by the custom resource too (a SAVED flow is published in place)', () => {
    const { stack, instance } = testStack();
    minimalFlow(stack, instance, { status: ContactFlowStatus.PUBLISHED });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::ContactFlow', 0);
    template.hasResourceProperties('Custom::ConnectContactFlow', { Status: 'PUBLISHED' });
  });

  test('tags apply to a SAVED flow', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance, { status: ContactFlowStatus.SAVED });
    Tags.of(flow).add('team', 'support');
    Tags.of(stack).add('env', 'prod');
    Template.fromStack(stack).hasResourceProperties('Custom::ConnectContactFlow', { Tags: { team: 'support', env: 'prod' } });
  });

  test('a SAVED flow that invokes a Lambda function is created after the association', () => {
    const { stack, instance } = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
    new ContactFlow(stack, 'Flow', {
      instance,
      contactFlowName: 'Lookup',
      status: ContactFlowStatus.SAVED,
      content: FlowContent.fromFile(path.join(FIXTURES, 'invoke-lambda.json'), {
        references: [FlowReference.lambdaFunction('CustomerLookup', fn)],
      }),
    });
    const template = Template.fromStack(stack);
    const association = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'))[0];
    expect(template.findResources('Custom::ConnectContactFlow').FlowA74D6E88.DependsOn).toContain(association);
  });

  test('fails for a version of a SAVED flow', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance, { type: ContactFlowType.CAMPAIGN, status: ContactFlowStatus.SAVED });
    expect(() => flow.addVersion('V1'))
      .toThrow(/Test\/Flow\/V1: versions can only be published of published flows, got 'Test\/Flow' with status SAVED/);
  });

  test('every status of the API is in the enum', () => {
    expect(Object.values(ContactFlowStatus).sort()).toEqual(['PUBLISHED', 'SAVED']);
  });
});

describe('ContactFlow with deferred content', () => {
  test('CloudFormation creates the flow with a placeholder; Custom::ConnectFlowContent sets the content', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance, { deferContent: true, description: 'menu' });
    Tags.of(flow).add('team', 'support');
    const template = Template.fromStack(stack);
    const placeholder = JSON.stringify({
      Version: '2019-10-30',
      StartAction: 'cdk-connect-placeholder',
      Actions: [{ Identifier: 'cdk-connect-placeholder', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
    });
    template.hasResourceProperties('AWS::Connect::ContactFlow', { Name: 'Inbound', Content: placeholder });
    template.hasResourceProperties('Custom::ConnectFlowContent', {
      InstanceId: '11111111-2222-3333-4444-555555555555',
      ContactFlowId: { 'Fn::GetAtt': ['FlowA74D6E88', 'ContactFlowArn'] },
      Status: 'PUBLISHED',
      Content: JSON.stringify(MINIMAL_FLOW),
      PlaceholderContent: placeholder,
      // CloudFormation writes the placeholder whenever it updates the flow: the content resource follows its properties.
      FlowProperties: { Name: 'Inbound', Description: 'menu', State: 'ACTIVE', Tags: { team: 'support' } },
    });
    expect(flow.contentDeferred).toBe(true);
    expect(flow.node.defaultChild?.node.id).toBe('Resource');
    expect(providerStatements(template)).toEqual([{
      Effect: 'Allow',
      Action: ['connect:DescribeContactFlow', 'connect:UpdateContactFlowContent'],
      Resource: FLOW_RESOURCES,
    }]);
  });

  test.each([
    [ContactFlowType.CONTACT_FLOW, 'DisconnectParticipant'],
    [ContactFlowType.AGENT_TRANSFER, 'DisconnectParticipant'],
    [ContactFlowType.QUEUE_TRANSFER, 'DisconnectParticipant'],
    [ContactFlowType.CUSTOMER_QUEUE, 'EndFlowExecution'],
    [ContactFlowType.CUSTOMER_WHISPER, 'EndFlowExecution'],
    [ContactFlowType.AGENT_WHISPER, 'EndFlowExecution'],
    [ContactFlowType.OUTBOUND_WHISPER, 'EndFlowExecution'],
    [ContactFlowType.CAMPAIGN, 'EndFlowExecution'],
    [ContactFlowType.CUSTOMER_HOLD, 'MessageParticipantIteratively'],
    [ContactFlowType.AGENT_HOLD, 'MessageParticipantIteratively'],
  ])('the placeholder of a %s flow is one %s action, valid flow language', (type, action) => {
    const { stack, instance } = testStack();
    minimalFlow(stack, instance, { type, deferContent: true });
    const content = Template.fromStack(stack).findResources('AWS::Connect::ContactFlow').FlowA74D6E88.Properties.Content;
    const doc = JSON.parse(content);
    expect(doc.Actions.map((a: any) => a.Type)).toEqual([action]);
    // The placeholder passes the library's own flow language checks.
    expect(() => FlowContent.fromJsonString(content).bind(new Construct(stack, 'Check'), instance)).not.toThrow();
  });

  test('the content resource waits for what the content references; the flow does not', () => {
    const { stack, instance } = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
    new ContactFlow(stack, 'Flow', {
      instance,
      contactFlowName: 'Lookup',
      deferContent: true,
      content: FlowContent.fromFile(path.join(FIXTURES, 'invoke-lambda.json'), {
        references: [FlowReference.lambdaFunction('CustomerLookup', fn)],
      }),
    });
    const template = Template.fromStack(stack);
    const association = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'))[0];
    expect(template.findResources('AWS::Connect::ContactFlow').FlowA74D6E88.DependsOn).toBeUndefined();
    expect(Object.values(template.findResources('Custom::ConnectFlowContent'))[0].DependsOn).toContain(association);
  });

  test('a SAVED flow with deferred content: the flow resource keeps the placeholder, the content goes to the draft', () => {
    const { stack, instance } = testStack();
    minimalFlow(stack, instance, { status: ContactFlowStatus.SAVED, deferContent: true });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::ConnectContactFlow', {
      Status: 'SAVED',
      DeferContent: true,
      Content: Match.stringLikeRegexp('cdk-connect-placeholder'),
    });
    template.hasResourceProperties('Custom::ConnectFlowContent', {
      Status: 'SAVED',
      Content: JSON.stringify(MINIMAL_FLOW),
      FlowProperties: Match.absent(),
    });
  });

  test('flows that transfer to each other synthesize when one defers its content, and the template has no cycle', () => {
    const { stack, instance } = testStack();
    const menu = new ContactFlow(stack, 'Menu', { instance, contactFlowName: 'Menu', deferContent: true });
    const billing = new ContactFlow(stack, 'Billing', { instance, contactFlowName: 'Billing', content: transferTo(menu) });
    menu.defineContent(transferTo(billing));

    const template = Template.fromStack(stack);
    expect(findCycle(template)).toBeUndefined();
    const graph = referenceGraph(template);
    const menuId = stack.getLogicalId(menu.node.defaultChild as CfnResource);
    const billingId = stack.getLogicalId(billing.node.defaultChild as CfnResource);
    const contentId = Object.keys(template.findResources('Custom::ConnectFlowContent'))[0];
    // Billing references Menu; Menu references nothing; Menu's content references both.
    expect([...graph.get(billingId)!]).toEqual([menuId]);
    expect([...graph.get(menuId)!]).toEqual([]);
    expect([...graph.get(contentId)!]).toEqual(expect.arrayContaining([menuId, billingId]));
    template.hasResourceProperties('Custom::ConnectFlowContent', {
      Content: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [billingId, 'ContactFlowArn'] }])] },
    });
  });

  test('a flow that transfers to itself synthesizes with deferred content', () => {
    const { stack, instance } = testStack();
    const loop = new ContactFlow(stack, 'Loop', { instance, contactFlowName: 'Loop', deferContent: true });
    loop.defineContent(transferTo(loop));
    expect(findCycle(Template.fromStack(stack))).toBeUndefined();
  });

  test('a version of a deferred flow waits for the content and follows it', () => {
    const { stack, instance } = testStack();
    const campaign = minimalFlow(stack, instance, { type: ContactFlowType.CAMPAIGN, deferContent: true, content: undefined });
    const version = campaign.addVersion('V1', { publishOnContentChange: true });
    campaign.defineContent(FlowContent.fromObject(MINIMAL_FLOW));
    const template = Template.fromStack(stack);
    const contentId = Object.keys(template.findResources('Custom::ConnectFlowContent'))[0];
    const versionId = stack.resolve((version.node.defaultChild as CfnResource).logicalId);
    expect(template.findResources('AWS::Connect::ContactFlowVersion')[versionId].DependsOn).toEqual([contentId]);

    // The version's logical id follows the real content, not the placeholder.
    const other = testStack();
    const changed = minimalFlow(other.stack, other.instance, {
      type: ContactFlowType.CAMPAIGN,
      deferContent: true,
      content: FlowContent.fromObject({ ...MINIMAL_FLOW, Metadata: { v: 2 } }),
    });
    const otherVersion = changed.addVersion('V1', { publishOnContentChange: true });
    expect(other.stack.resolve((otherVersion.node.defaultChild as CfnResource).logicalId)).not.toBe(versionId);
  });

  test('fails when flows reference each other in a cycle and none defers its content', () => {
    const { stack, instance } = testStack();
    const menu = new ContactFlow(stack, 'Menu', { instance, contactFlowName: 'Menu' });
    const billing = new ContactFlow(stack, 'Billing', { instance, contactFlowName: 'Billing', content: transferTo(menu) });
    menu.defineContent(transferTo(billing));
    expect(() => Template.fromStack(stack)).toThrow(
      /\[Test\] flows reference each other in a cycle: Test\/Menu → Test\/Billing → Test\/Menu; CloudFormation rejects such a template \("Circular dependency between resources"\): set deferContent: true on one of these flows \(Test\/Menu, Test\/Billing\)/);
  });

  test('fails for a flow that transfers to itself without deferred content', () => {
    const { stack, instance } = testStack();
    const loop = new ContactFlow(stack, 'Loop', { instance, contactFlowName: 'Loop' });
    loop.defineContent(transferTo(loop));
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/Loop → Test\/Loop; .*set deferContent: true on one of this flow \(Test\/Loop\)/);
  });

  test('fails for a cycle of SAVED flows too', () => {
    const { stack, instance } = testStack();
    const a = new ContactFlow(stack, 'A', { instance, contactFlowName: 'A', status: ContactFlowStatus.SAVED });
    const b = new ContactFlow(stack, 'B', { instance, contactFlowName: 'B', status: ContactFlowStatus.SAVED, content: transferTo(a) });
    a.defineContent(transferTo(b));
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/A → Test\/B → Test\/A/);
  });

  test('fails for a cycle through another resource, naming it', () => {
    const stack = flowsThroughThing(
      (scope, a) => new CfnResource(scope, 'Thing', { type: 'Custom::Thing', properties: { Flow: a.contactFlowArn } }),
      (thing) => thing.getAtt('Arn').toString(),
    );
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/A → Test\/B → Test\/Thing → Test\/A; .*one of these flows \(Test\/A, Test\/B\)/);
  });

  test('fails for a cycle through a logical id written as a plain string (an override with Fn::Sub)', () => {
    const stack = flowsThroughThing((scope, a) => {
      a._flowResource.overrideLogicalId('FlowA');
      const thing = new CfnResource(scope, 'Thing', { type: 'Custom::Thing' });
      thing.addPropertyOverride('Flow', { 'Fn::Sub': 'flow ${FlowA.ContactFlowArn} in ${AWS::Region}' });
      return thing;
    });
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/A → Test\/B → Test\/Thing → Test\/A/);
  });

  test('fails for a cycle through a reference that a Lazy value of another resource produces', () => {
    const stack = flowsThroughThing((scope, a) => new CfnResource(scope, 'Thing', {
      type: 'Custom::Thing',
      properties: { Flows: Lazy.list({ produce: () => [a.contactFlowArn] }), Name: Lazy.string({ produce: () => `flow ${a.contactFlowName}` }) },
    }));
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/A → Test\/B → Test\/Thing → Test\/A/);
  });

  test('fails for a cycle through a logical id that a token writes into an Fn::Sub template', () => {
    const stack = flowsThroughThing((scope, a) => {
      a._flowResource.overrideLogicalId('FlowA');
      const thing = new CfnResource(scope, 'Thing', { type: 'Custom::Thing' });
      const id = Lazy.string({ produce: () => 'FlowA' });
      thing.addPropertyOverride('Flow', { 'Fn::Sub': `flow \${${id}.ContactFlowArn}` });
      return thing;
    });
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/A → Test\/B → Test\/Thing → Test\/A/);
  });

  test('a resource that references a flow it does not depend back on makes no cycle', () => {
    const { stack, instance } = testStack();
    const a = new ContactFlow(stack, 'A', { instance, contactFlowName: 'A', content: FlowContent.fromObject(MINIMAL_FLOW) });
    new CfnResource(stack, 'Other', { type: 'Custom::Other' }).overrideLogicalId('Other');
    const thing = new CfnResource(stack, 'Thing', { type: 'Custom::Thing', properties: { Flow: a.contactFlowArn } });
    thing.addPropertyOverride('Sub', { 'Fn::Sub': '${Other} ${AWS::Region}' });
    new ContactFlow(stack, 'B', {
      instance,
      contactFlowName: 'B',
      content: FlowContent.fromObject({ ...MINIMAL_FLOW, Metadata: { thing: '${Thing}' } }, { references: [FlowReference.text('Thing', thing.ref)] }),
    });
    Template.fromStack(stack).resourceCountIs('AWS::Connect::ContactFlow', 2);
  });

  test('fails for a cycle made by an explicit dependency', () => {
    const { stack, instance } = testStack();
    const a = minimalFlow(stack, instance);
    const b = new ContactFlow(stack, 'B', { instance, contactFlowName: 'B', content: transferTo(a) });
    a.node.addDependency(b);
    expect(() => Template.fromStack(stack)).toThrow(/flows reference each other in a cycle: Test\/Flow → Test\/B → Test\/Flow/);
  });

  test('fails for a flow without content', () => {
    const { app, stack, instance } = testStack();
    new ContactFlow(stack, 'Menu', { instance, contactFlowName: 'Menu', deferContent: true });
    expect(() => app.synth()).toThrow(/\[Test\/Menu\] the flow has no content: pass content in its props or call defineContent\(\)/);
  });

  test('fails when content is defined twice', () => {
    const { stack, instance } = testStack();
    const flow = minimalFlow(stack, instance);
    expect(() => flow.defineContent(FlowContent.fromObject(MINIMAL_FLOW)))
      .toThrow(/Test\/Flow: the flow already has content: give it either in the props or with one call of defineContent\(\)/);
  });
});
