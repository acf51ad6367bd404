import { ConnectClient, DescribeContactFlowCommand, UpdateContactFlowContentCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { CloudFormationEvent, Properties } from '../../../lambda/engine/types';
import { flowContentKind } from '../../../lambda/kinds/flow-content';
import { FakeConnect, serviceError } from '../fake';
import { FakeFlow, flowsOf, sampleFlowContent as content, seedFlow } from '../fake/flows';
import { Harness, STACK_ID } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectFlowContent';

const PLACEHOLDER = JSON.stringify({
  Version: '2019-10-30',
  StartAction: 'cdk-connect-placeholder',
  Actions: [{ Identifier: 'cdk-connect-placeholder', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
});

function flowOf(fake: FakeConnect, physicalId: string): FakeFlow | undefined {
  const arn = physicalId.replace(/\/content$/, '');
  return [...flowsOf(fake).values()].find((flow) => flow.arn === arn);
}

/** The flows whose content was set (no longer the placeholder): one per content resource. */
function withContent(fake: FakeConnect, view: 'saved' | 'published'): number {
  return [...flowsOf(fake).values()].filter((flow) => flow[view] !== PLACEHOLDER).length;
}

function spec(status: 'PUBLISHED' | 'SAVED') {
  const view = status === 'SAVED' ? 'saved' : 'published';
  let created: Properties = {};
  return {
    resourceType: TYPE,
    createOperation: 'UpdateContactFlowContent',
    setup: (fake: FakeConnect, instance: { id: string }) => {
      // The flow's own resource created it with the placeholder.
      const flow = seedFlow(fake, instance.id, { name: 'Main', content: PLACEHOLDER, published: status === 'PUBLISHED' });
      const props = { InstanceId: instance.id, ContactFlowId: flow.arn, Status: status, Content: content('hello'), PlaceholderContent: PLACEHOLDER };
      created = props;
      return { props, updated: { ...props, Content: content('welcome') } };
    },
    read: (fake: FakeConnect, physicalId: string) => flowOf(fake, physicalId)?.[view],
    expected: (props: Properties) => props.Content,
    // Delete leaves the content: the flow belongs to its own resource.
    afterDelete: () => created.Content,
    count: (fake: FakeConnect) => withContent(fake, view),
    // The content of a flow cannot vanish on its own: out of band, the flow gets its placeholder back (as
    // CloudFormation writes it when it updates the flow's own properties).
    deleteOutOfBand: (fake: FakeConnect, physicalId: string) => {
      flowOf(fake, physicalId)![view] = PLACEHOLDER;
    },
    changeOutOfBand: (fake: FakeConnect, physicalId: string) => {
      flowOf(fake, physicalId)![view] = content('edited in the console');
    },
  };
}

describe('content of a published flow', () => {
  lifecycleSuite(spec('PUBLISHED'));
});

describe('content of a SAVED flow', () => {
  lifecycleSuite(spec('SAVED'));
});

describe('Custom::ConnectFlowContent', () => {
  let h: Harness;
  let flow: FakeFlow;
  beforeEach(() => {
    h = new Harness();
    flow = seedFlow(h.fake, h.instance.id, { name: 'Main', content: PLACEHOLDER });
  });
  afterEach(() => h.dispose());

  function props(overrides: Properties = {}): Properties {
    return { InstanceId: h.instance.id, ContactFlowId: flow.arn, Content: content('hello'), PlaceholderContent: PLACEHOLDER, ...overrides };
  }

  test('publishes the content and returns the flow ARN with /content as the physical id', async () => {
    const { response, writeCalls } = await h.create(TYPE, props());
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${flow.arn}/content` });
    expect(response.Reason).toBeUndefined();
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('DescribeContactFlow')[0].input).toEqual({ InstanceId: h.instance.id, ContactFlowId: flow.arn });
    expect(h.fake.callsOf('UpdateContactFlowContent')[0].input).toEqual({ InstanceId: h.instance.id, ContactFlowId: flow.arn, Content: content('hello') });
  });

  test('content that is already there is not written again', async () => {
    flow.published = flow.saved = content('hello');
    const { writeCalls } = await h.create(TYPE, props());
    expect(writeCalls).toBe(0);
  });

  test('a SAVED flow gets its content as a draft, without publishing', async () => {
    const saved = seedFlow(h.fake, h.instance.id, { name: 'Draft', content: PLACEHOLDER, published: false });
    const { response } = await h.create(TYPE, props({ ContactFlowId: saved.arn, Status: 'SAVED' }));
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('UpdateContactFlowContent')[0].input).toEqual({
      InstanceId: h.instance.id, ContactFlowId: `${saved.arn}:$SAVED`, Content: content('hello'),
    });
    expect(saved.published).toBeUndefined();
    expect(saved.saved).toBe(content('hello'));
  });

  test('a flow going from SAVED to PUBLISHED is published, even with the same content', async () => {
    const saved = seedFlow(h.fake, h.instance.id, { name: 'Draft', content: PLACEHOLDER, published: false });
    const id = (await h.create(TYPE, props({ ContactFlowId: saved.arn, Status: 'SAVED' }))).response.PhysicalResourceId;
    const { response, writeCalls } = await h.update(TYPE, id, props({ ContactFlowId: saved.arn, Status: 'PUBLISHED' }), props({ ContactFlowId: saved.arn, Status: 'SAVED' }));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    expect(writeCalls).toBe(1);
    expect(saved.published).toBe(content('hello'));
  });

  test('an update that finds the placeholder again sets the content and says why', async () => {
    const id = (await h.create(TYPE, props())).response.PhysicalResourceId;
    // CloudFormation updated the flow's own resource (a new name): it wrote the placeholder.
    flow.published = flow.saved = PLACEHOLDER;
    const { response } = await h.update(TYPE, id, props({ FlowProperties: { Name: 'Main (new)' } }), props({ FlowProperties: { Name: 'Main' } }));
    expect(response.Status).toBe('SUCCESS');
    expect(response.Reason).toMatch(/re-created the content of flow .*: the flow held its placeholder content again/);
    expect(flow.published).toBe(content('hello'));
  });

  test('a new flow (the old one was replaced) gets the content and a new physical id', async () => {
    const id = (await h.create(TYPE, props())).response.PhysicalResourceId;
    const replacement = seedFlow(h.fake, h.instance.id, { name: 'Main 2', content: PLACEHOLDER });
    const { response } = await h.update(TYPE, id, props({ ContactFlowId: replacement.arn }), props());
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${replacement.arn}/content` });
    expect(replacement.published).toBe(content('hello'));
    // CloudFormation deletes the old physical id: nothing happens to the old flow.
    const before = h.fake.calls.length;
    expect((await h.delete(TYPE, id, props())).response.Status).toBe('SUCCESS');
    expect(h.fake.calls.length).toBe(before);
  });

  test('delete calls nothing and leaves the content to the flow', async () => {
    const id = (await h.create(TYPE, props())).response.PhysicalResourceId;
    const before = h.fake.calls.length;
    const { response } = await h.delete(TYPE, id, props());
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.calls.length).toBe(before);
    expect(flow.published).toBe(content('hello'));
  });

  test('fails clearly when the flow does not exist', async () => {
    flowsOf(h.fake).clear();
    const { response } = await h.create(TYPE, props());
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `cannot set the content of flow ${flow.arn}: the flow does not exist (it was deleted out of band); its own resource must create it again`,
    });
    const saved = await h.create(TYPE, props({ Status: 'SAVED' }));
    expect(saved.response.Reason).toMatch(/the flow does not exist/);
  });

  test('invalid content fails with the message Connect gives', async () => {
    const { response } = await h.create(TYPE, props({ Content: '{"Version":"2019-10-30","Actions":[]}' }));
    expect(response.Reason).toMatch(/^UpdateContactFlowContent failed: InvalidContactFlowException: The flow is not valid/);
  });

  test('fails for bad properties with a message naming them', async () => {
    expect((await h.create(TYPE, props({ ContactFlowId: 'f-1' }))).response.Reason).toMatch(/^property ContactFlowId must be a flow ARN/);
    expect((await h.create(TYPE, props({ InstanceId: 'other-instance' }))).response.Reason).toBe(`flow ${flow.arn} does not belong to instance other-instance`);
    expect((await h.create(TYPE, props({ Status: 'DRAFT' }))).response.Reason).toBe('property Status must be one of PUBLISHED, SAVED, got DRAFT');
    expect((await h.create(TYPE, props({ Content: '' }))).response.Reason).toBe('property Content is required');
    expect(h.fake.calls).toHaveLength(0);
  });

  test('isPhysicalId takes only flow ARNs followed by /content', () => {
    expect(flowContentKind.isPhysicalId(`${flow.arn}/content`)).toBe(true);
    expect(flowContentKind.isPhysicalId(flow.arn)).toBe(false);
    expect(flowContentKind.isPhysicalId('cdk-connect:failed-create:r-1')).toBe(false);
    expect(flowContentKind.isPhysicalId('x/content')).toBe(false);
  });
});

describe('Custom::ConnectFlowContent requests (mocked client)', () => {
  const connect = mockClient(ConnectClient);
  const INSTANCE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const ARN = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}/contact-flow/f-1`;

  beforeEach(() => connect.reset());
  afterAll(() => connect.restore());

  function run(overrides: Partial<CloudFormationEvent>) {
    const event: CloudFormationEvent = {
      RequestType: 'Create',
      ServiceToken: 'token',
      ResponseURL: 'https://example.com',
      StackId: STACK_ID,
      RequestId: 'r-1',
      LogicalResourceId: 'FlowContent',
      ResourceType: TYPE,
      ResourceProperties: { InstanceId: INSTANCE, ContactFlowId: ARN, Content: content('hello') },
      ...overrides,
    };
    return runEvent(event, new Map([[TYPE, flowContentKind]]), {
      client: new ConnectClient({ region: 'us-east-1', maxAttempts: 1 }),
      deadline: Date.now() + 60_000,
      sleep: async () => undefined,
      log: () => undefined,
    });
  }

  test('a rollback update writes the old content back', async () => {
    connect.on(DescribeContactFlowCommand).resolves({ ContactFlow: { Arn: ARN, Content: content('new') } });
    connect.on(UpdateContactFlowContentCommand).resolves({});
    const { response } = await run({
      RequestType: 'Update',
      PhysicalResourceId: `${ARN}/content`,
      ResourceProperties: { InstanceId: INSTANCE, ContactFlowId: ARN, Content: content('old') },
      OldResourceProperties: { InstanceId: INSTANCE, ContactFlowId: ARN, Content: content('new') },
    });
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${ARN}/content` });
    expect(connect.commandCalls(UpdateContactFlowContentCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceId: INSTANCE, ContactFlowId: ARN, Content: content('old') },
    ]);
  });

  test('a lost response of the content write is sent again (the write is idempotent)', async () => {
    connect.on(DescribeContactFlowCommand).resolves({ ContactFlow: { Arn: ARN, Content: PLACEHOLDER } });
    const lost = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
    connect.on(UpdateContactFlowContentCommand).rejectsOnce(lost).resolves({});
    const { response } = await run({});
    expect(response.Status).toBe('SUCCESS');
    expect(connect.commandCalls(UpdateContactFlowContentCommand)).toHaveLength(2);
  });

  test('a describe that Connect refuses fails with its message', async () => {
    connect.on(DescribeContactFlowCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform connect:DescribeContactFlow', 403));
    const { response } = await run({});
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'DescribeContactFlow failed: AccessDeniedException: not authorized to perform connect:DescribeContactFlow' });
  });
});
