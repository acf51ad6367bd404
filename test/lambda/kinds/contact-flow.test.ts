import {
  ConnectClient,
  CreateContactFlowCommand,
  DeleteContactFlowCommand,
  DescribeContactFlowCommand,
  ListContactFlowsCommand,
  ListTagsForResourceCommand,
  UpdateContactFlowContentCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { OWNER_TAG, requestToken } from '../../../lambda/engine/token';
import { CloudFormationEvent, Properties } from '../../../lambda/engine/types';
import { contactFlowKind, sameContent } from '../../../lambda/kinds/contact-flow';
import { FakeConnect, serviceError } from '../fake';
import { FakeFlow, flowsOf, sampleFlowContent as content, seedFlow } from '../fake/flows';
import { Harness, STACK_ID } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectContactFlow';

function flowByArn(fake: FakeConnect, arn: string): FakeFlow | undefined {
  return [...flowsOf(fake).values()].find((flow) => flow.arn === arn);
}

/** The live state of a flow: what the kind manages (user tags without the owner tag). */
function readFlow(fake: FakeConnect, physicalId: string): unknown {
  const flow = flowByArn(fake, physicalId);
  if (!flow) {
    return undefined;
  }
  const tags = { ...fake.tags.get(flow.arn) };
  delete tags[OWNER_TAG];
  return {
    name: flow.name,
    type: flow.type,
    description: flow.description,
    state: flow.state,
    saved: flow.saved,
    published: flow.published,
    tags,
  };
}

function expectedFlow(props: Properties, publishedBefore?: string): unknown {
  const saved = props.Status === 'SAVED';
  return {
    name: props.Name,
    type: props.Type,
    description: props.Description,
    state: props.State ?? 'ACTIVE',
    saved: props.Content,
    published: saved ? publishedBefore : props.Content,
    tags: props.Tags ?? {},
  };
}

function spec(status: 'SAVED' | 'PUBLISHED') {
  return {
    resourceType: TYPE,
    createOperation: 'CreateContactFlow',
    uniqueIdentity: /^flow "Support" in instance .* already exists and this stack does not own it/,
    setup: (_fake: FakeConnect, instance: { id: string }) => ({
      props: {
        InstanceId: instance.id,
        Name: 'Support',
        Type: 'CONTACT_FLOW',
        Status: status,
        Content: content('hello'),
        Description: 'the support line',
        Tags: { team: 'support' },
      },
      updated: {
        InstanceId: instance.id,
        Name: 'Support (new)',
        Type: 'CONTACT_FLOW',
        Status: status,
        Content: content('welcome'),
        Description: 'the new support line',
        State: 'ARCHIVED',
        Tags: { team: 'sales', env: 'prod' },
      },
    }),
    read: readFlow,
    expected: (props: Properties) => expectedFlow(props),
    count: (fake: FakeConnect) => flowsOf(fake).size,
    deleteOutOfBand: (fake: FakeConnect, physicalId: string) => {
      const flow = flowByArn(fake, physicalId)!;
      flowsOf(fake).delete(flow.id);
      fake.forgetTags(flow.arn);
    },
    changeOutOfBand: (fake: FakeConnect, physicalId: string) => {
      const flow = flowByArn(fake, physicalId)!;
      flow.name = 'Renamed in the console';
      flow.description = undefined;
      flow.state = 'ARCHIVED';
      flow.saved = content('changed in the console');
      if (flow.published !== undefined) {
        flow.published = flow.saved;
      }
      fake.tags.set(flow.arn, { ...fake.tags.get(flow.arn), team: 'someone else', extra: 'added' });
    },
  };
}

describe('SAVED flows', () => {
  lifecycleSuite(spec('SAVED'));
});

describe('PUBLISHED flows', () => {
  lifecycleSuite(spec('PUBLISHED'));
});

describe('Custom::ConnectContactFlow', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.dispose());

  function props(overrides: Properties = {}): Properties {
    return { InstanceId: h.instance.id, Name: 'Support', Type: 'CONTACT_FLOW', Status: 'SAVED', Content: content('hello'), ...overrides };
  }

  async function created(p: Properties = props()): Promise<string> {
    const { response } = await h.create(TYPE, p);
    expect(response).toMatchObject({ Status: 'SUCCESS' });
    return response.PhysicalResourceId;
  }

  test('creates a SAVED flow with the owner tag and no ClientToken, and returns its ARN and id', async () => {
    const { response } = await h.create(TYPE, props({ Description: 'support', Tags: { team: 'support' } }), { requestId: 'r1' });
    expect(response.Status).toBe('SUCCESS');
    const [call] = h.fake.callsOf('CreateContactFlow');
    expect(call.input).toEqual({
      InstanceId: h.instance.id,
      Name: 'Support',
      Type: 'CONTACT_FLOW',
      Description: 'support',
      Content: content('hello'),
      Status: 'SAVED',
      Tags: { team: 'support', [OWNER_TAG]: requestToken({ StackId: STACK_ID, RequestId: 'r1', LogicalResourceId: 'Resource' } as CloudFormationEvent) },
    });
    const flow = flowByArn(h.fake, response.PhysicalResourceId)!;
    expect(flow.published).toBeUndefined();
    expect(response.Data).toEqual({ ContactFlowArn: flow.arn, ContactFlowId: flow.id });
    expect(response.PhysicalResourceId).toBe(`${h.instance.arn}/contact-flow/${flow.id}`);
  });

  test('a SAVED flow is not validated: content that could not be published is accepted', async () => {
    const { response } = await h.create(TYPE, props({ Content: '{"Version":"2019-10-30","Actions":[]}' }));
    expect(response.Status).toBe('SUCCESS');
  });

  test('a PUBLISHED flow with invalid content fails with the message Connect gives', async () => {
    const { response } = await h.create(TYPE, props({ Status: 'PUBLISHED', Content: '{"Version":"2019-10-30","Actions":[]}' }));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^CreateContactFlow failed: InvalidContactFlowException: The flow is not valid/) });
  });

  test('an ARCHIVED flow is archived after it is created', async () => {
    const { response, writeCalls } = await h.create(TYPE, props({ State: 'ARCHIVED' }));
    expect(writeCalls).toBe(2);
    expect(h.fake.callsOf('UpdateContactFlowMetadata')[0].input).toEqual({
      InstanceId: h.instance.id, ContactFlowId: response.PhysicalResourceId, ContactFlowState: 'ARCHIVED',
    });
    expect(flowByArn(h.fake, response.PhysicalResourceId)!.state).toBe('ARCHIVED');
  });

  test('fails when a flow of the same name exists that this stack does not own', async () => {
    const other = seedFlow(h.fake, h.instance.id, { name: 'Support', content: content('theirs') });
    const { response } = await h.create(TYPE, props());
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toBe(`flow "Support" in instance ${h.instance.id} already exists and this stack does not own it `
      + `(${other.arn}, a CONTACT_FLOW without this request's ${OWNER_TAG} tag); delete it, or import it instead of creating it`);
    expect(h.fake.callsOf('CreateContactFlow')).toHaveLength(0);
    expect(flowByArn(h.fake, other.arn)!.saved).toBe(content('theirs'));
  });

  test('a flow created by another request of the stack (another token) is foreign too', async () => {
    await created();
    const { response } = await h.create(TYPE, props());
    expect(response.Reason).toMatch(/already exists and this stack does not own it/);
    expect(flowsOf(h.fake).size).toBe(1);
  });

  test('a lost create response is adopted with a note', async () => {
    h.fake.loseResponses('CreateContactFlow', 1);
    const { response } = await h.create(TYPE, props());
    expect(response.Status).toBe('SUCCESS');
    expect(response.Reason).toMatch(/adopted flow "Support".*created by an earlier delivery of this request/);
    expect(h.fake.callsOf('CreateContactFlow')).toHaveLength(1);
  });

  test('looks for the flow through every page of the list', async () => {
    for (let i = 0; i < 1001; i++) {
      seedFlow(h.fake, h.instance.id, { name: `flow ${i}`, content: content('x') });
    }
    h.fake.loseResponses('CreateContactFlow', 1);
    const { response } = await h.create(TYPE, props());
    expect(response.Status).toBe('SUCCESS');
    expect(flowsOf(h.fake).size).toBe(1002);
    expect(h.fake.callsOf('ListContactFlows').map((c) => c.input.NextToken)).toEqual([undefined, '1000', undefined, '1000']);
  });

  test('a SAVED flow\'s content is written to its $SAVED draft', async () => {
    const id = await created();
    await h.update(TYPE, id, props({ Content: content('v2') }), props());
    expect(h.fake.callsOf('UpdateContactFlowContent').map((c) => c.input)).toEqual([
      { InstanceId: h.instance.id, ContactFlowId: `${id}:$SAVED`, Content: content('v2') },
    ]);
    expect(h.fake.callsOf('DescribeContactFlow')[0].input).toEqual({ InstanceId: h.instance.id, ContactFlowId: `${id}:$SAVED` });
    expect(flowByArn(h.fake, id)!.published).toBeUndefined();
  });

  test('a SAVED flow becomes PUBLISHED in place, with the same content', async () => {
    const id = await created();
    const { response, writeCalls } = await h.update(TYPE, id, props({ Status: 'PUBLISHED' }), props());
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdateContactFlowContent')[0].input).toEqual({ InstanceId: h.instance.id, ContactFlowId: id, Content: content('hello') });
    expect(flowByArn(h.fake, id)!.published).toBe(content('hello'));
  });

  test('a published flow asked to be SAVED keeps its published content live and says so', async () => {
    const id = await created(props({ Status: 'PUBLISHED' }));
    const { response } = await h.update(TYPE, id, props({ Content: content('draft') }), props({ Status: 'PUBLISHED' }));
    expect(response.Status).toBe('SUCCESS');
    expect(response.Reason).toMatch(/flow "Support" stays published: Amazon Connect cannot unpublish a flow, so its content was saved as a draft/);
    const flow = flowByArn(h.fake, id)!;
    expect(flow.published).toBe(content('hello'));
    expect(flow.saved).toBe(content('draft'));
  });

  test('a published flow whose draft differs is not republished when the published content is the desired one', async () => {
    const id = await created(props({ Status: 'PUBLISHED' }));
    flowByArn(h.fake, id)!.saved = content('someone\'s draft');
    const { writeCalls } = await h.update(TYPE, id, props({ Status: 'PUBLISHED' }), props({ Status: 'PUBLISHED' }));
    expect(writeCalls).toBe(0);
  });

  test('content that differs only in spacing and key order is the same content', async () => {
    const id = await created();
    const respaced = JSON.stringify(JSON.parse(content('hello')), null, 2);
    const { writeCalls } = await h.update(TYPE, id, props({ Content: respaced }), props());
    expect(writeCalls).toBe(0);
    expect(sameContent('{"a":1,"b":[1,{"c":2,"d":3}]}', '{ "b": [1, {"d": 3, "c": 2}], "a": 1 }')).toBe(true);
    expect(sameContent('{"a":1}', '{"a":2}')).toBe(false);
    expect(sameContent('not json', 'not json')).toBe(true);
    expect(sameContent('not json', 'other')).toBe(false);
    expect(sameContent(undefined, 'x')).toBe(false);
  });

  test('with DeferContent an update never writes the content (another resource owns it)', async () => {
    const placeholder = content('placeholder');
    const id = await created(props({ Content: placeholder, DeferContent: 'true' }));
    flowByArn(h.fake, id)!.saved = content('the real content');
    const { writeCalls } = await h.update(TYPE, id, props({ Content: placeholder, DeferContent: 'true', Description: 'new' }),
      props({ Content: placeholder, DeferContent: 'true' }));
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdateContactFlowContent')).toHaveLength(0);
    expect(flowByArn(h.fake, id)!.saved).toBe(content('the real content'));
  });

  test('removes a description by writing an empty one', async () => {
    const id = await created(props({ Description: 'old' }));
    await h.update(TYPE, id, props(), props({ Description: 'old' }));
    expect(h.fake.callsOf('UpdateContactFlowMetadata')[0].input).toEqual({ InstanceId: h.instance.id, ContactFlowId: id, Description: '' });
    expect(flowByArn(h.fake, id)!.description).toBeUndefined();
  });

  test('changes tags by difference, never touching the owner tag', async () => {
    const id = await created(props({ Tags: { keep: '1', change: 'a', drop: 'x' } }));
    await h.update(TYPE, id, props({ Tags: { keep: '1', change: 'b', add: 'y' } }), props());
    expect(h.fake.callsOf('UntagResource')[0].input).toEqual({ resourceArn: id, tagKeys: ['drop'] });
    expect(h.fake.callsOf('TagResource')[0].input).toEqual({ resourceArn: id, tags: { change: 'b', add: 'y' } });
    expect(h.fake.tags.get(id)).toEqual({ keep: '1', change: 'b', add: 'y', [OWNER_TAG]: expect.any(String) });
  });

  test('a rename that collides with another flow fails with the message Connect gives', async () => {
    seedFlow(h.fake, h.instance.id, { name: 'Taken', content: content('x') });
    const id = await created();
    const { response } = await h.update(TYPE, id, props({ Name: 'Taken' }), props());
    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: id });
    expect(response.Reason).toMatch(/^UpdateContactFlowMetadata failed: DuplicateResourceException: A flow with the name Taken already exists/);
  });

  test('a type change with the same name deletes the old flow first, then creates the new one', async () => {
    const id = await created();
    const { response } = await h.update(TYPE, id, props({ Type: 'CUSTOMER_QUEUE' }), props());
    expect(response.Status).toBe('SUCCESS');
    expect(response.PhysicalResourceId).not.toBe(id);
    expect(response.Reason).toMatch(/replaced flow "Support": its type cannot change from CONTACT_FLOW to CUSTOMER_QUEUE; the old flow was deleted first/);
    const operations = h.fake.calls.map((c) => c.operation).filter((o) => o === 'DeleteContactFlow' || o === 'CreateContactFlow');
    expect(operations).toEqual(['CreateContactFlow', 'DeleteContactFlow', 'CreateContactFlow']);
    expect(flowByArn(h.fake, id)).toBeUndefined();
    expect(flowByArn(h.fake, response.PhysicalResourceId)!.type).toBe('CUSTOMER_QUEUE');
    // CloudFormation then deletes the old physical id: already gone, fine.
    expect((await h.delete(TYPE, id, props())).response.Status).toBe('SUCCESS');
  });

  test('a type change with a new name creates the new flow and leaves the old one to CloudFormation', async () => {
    const id = await created();
    const { response } = await h.update(TYPE, id, props({ Type: 'CUSTOMER_QUEUE', Name: 'Queue' }), props());
    expect(response.Status).toBe('SUCCESS');
    expect(response.PhysicalResourceId).not.toBe(id);
    expect(flowByArn(h.fake, id)).toBeDefined();
    await h.delete(TYPE, id, props());
    expect(flowsOf(h.fake).size).toBe(1);
  });

  test('a move to another instance creates the flow there', async () => {
    const id = await created();
    const other = h.fake.addInstance('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    const { response } = await h.update(TYPE, id, props({ InstanceId: other.id }), props());
    expect(response.Status).toBe('SUCCESS');
    expect(response.PhysicalResourceId).toMatch(new RegExp(`^${other.arn}/contact-flow/`));
    expect(response.Reason).toMatch(/replaced flow "Support": it moves from instance/);
  });

  test('delete of a flow that is already gone succeeds', async () => {
    const id = await created();
    flowsOf(h.fake).clear();
    const { response } = await h.delete(TYPE, id, props());
    expect(response.Status).toBe('SUCCESS');
  });

  test('fails for bad properties with a message naming them', async () => {
    expect((await h.create(TYPE, props({ Type: 'INBOUND' }))).response.Reason).toMatch(/property Type must be one of CONTACT_FLOW, CUSTOMER_QUEUE/);
    expect((await h.create(TYPE, props({ Status: 'DRAFT' }))).response.Reason).toBe('property Status must be one of PUBLISHED, SAVED, got DRAFT');
    expect((await h.create(TYPE, props({ State: 'OFF' }))).response.Reason).toBe('property State must be one of ACTIVE, ARCHIVED, got OFF');
    expect((await h.create(TYPE, props({ Tags: { [OWNER_TAG]: 'x' } }))).response.Reason).toMatch(/property Tags must not set cdk-connect:request-token/);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect((await h.create(TYPE, props({ Tags: many }))).response.Reason).toMatch(/property Tags must have at most 49 tags/);
    expect((await h.create(TYPE, props({ Content: undefined }))).response.Reason).toBe('property Content is required');
    expect(h.fake.callsOf('CreateContactFlow')).toHaveLength(0);
  });

  test('the fake rejects what the API rejects', async () => {
    const invalid = [
      props({ Name: 'n'.repeat(128) }),
      props({ Description: 'd'.repeat(501) }),
      props({ Content: 'c'.repeat(256001) }),
    ];
    for (const p of invalid) {
      const { response } = await h.create(TYPE, p);
      expect(response.Reason).toMatch(/CreateContactFlow failed: InvalidParameterException: 1 validation error detected/);
    }
    await expect(h.fake.invoke('CreateContactFlow', { InstanceId: h.instance.id, Name: 'x', Type: 'INBOUND', Content: 'c' }))
      .rejects.toThrow(/Member must satisfy enum value set/);
    await expect(h.fake.invoke('CreateContactFlow', { InstanceId: h.instance.id, Name: 'x', Type: 'CONTACT_FLOW', Content: 'c', Status: 'DRAFT' }))
      .rejects.toThrow(/Member must satisfy enum value set: \[PUBLISHED, SAVED\]/);
    await h.fake.invoke('CreateContactFlow', { InstanceId: h.instance.id, Name: 'x', Type: 'CONTACT_FLOW', Content: 'c', Status: 'SAVED' });
    await expect(h.fake.invoke('CreateContactFlow', { InstanceId: h.instance.id, Name: 'x', Type: 'CONTACT_FLOW', Content: 'c', Status: 'SAVED' }))
      .rejects.toMatchObject({ name: 'DuplicateResourceException' });
    await expect(h.fake.invoke('CreateContactFlow', { InstanceId: 'nope', Name: 'y', Type: 'CONTACT_FLOW', Content: 'c', Status: 'SAVED' }))
      .rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('isPhysicalId takes only flow ARNs', () => {
    expect(contactFlowKind.isPhysicalId(`${h.instance.arn}/contact-flow/abc-123`)).toBe(true);
    expect(contactFlowKind.isPhysicalId(`${h.instance.arn}/contact-flow/abc-123/content`)).toBe(false);
    expect(contactFlowKind.isPhysicalId(`${h.instance.arn}/queue/abc-123`)).toBe(false);
    expect(contactFlowKind.isPhysicalId('cdk-connect:failed-create:request-1')).toBe(false);
    expect(contactFlowKind.isPhysicalId('2026/11/22/[$LATEST]0123456789abcdef')).toBe(false);
  });
});

describe('Custom::ConnectContactFlow requests (mocked client)', () => {
  const connect = mockClient(ConnectClient);
  const INSTANCE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const ARN = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}/contact-flow/f-1`;
  const PROPS = { InstanceId: INSTANCE, Name: 'Support', Type: 'CONTACT_FLOW', Status: 'PUBLISHED', Content: content('hello') };

  beforeEach(() => connect.reset());
  afterAll(() => connect.restore());

  function request(overrides: Partial<CloudFormationEvent>): CloudFormationEvent {
    return {
      RequestType: 'Update',
      ServiceToken: 'token',
      ResponseURL: 'https://example.com',
      StackId: STACK_ID,
      RequestId: 'r-1',
      LogicalResourceId: 'Flow',
      ResourceType: TYPE,
      PhysicalResourceId: ARN,
      ResourceProperties: PROPS,
      OldResourceProperties: { ...PROPS, Status: 'SAVED' },
      ...overrides,
    };
  }

  function run(event: CloudFormationEvent) {
    return runEvent(event, new Map([[TYPE, contactFlowKind]]), {
      client: new ConnectClient({ region: 'us-east-1', maxAttempts: 1 }),
      deadline: Date.now() + 60_000,
      sleep: async () => undefined,
      log: () => undefined,
    });
  }

  test('publishes a never-published flow whose describe says ContactFlowNotPublishedException', async () => {
    connect.on(DescribeContactFlowCommand, { ContactFlowId: `${ARN}:$SAVED` }).resolves({
      ContactFlow: { Arn: ARN, Id: 'f-1', Name: 'Support', Type: 'CONTACT_FLOW', State: 'ACTIVE', Content: content('hello') },
    });
    connect.on(DescribeContactFlowCommand, { ContactFlowId: ARN }).rejects(serviceError('ContactFlowNotPublishedException', 'not published', 404));
    connect.on(ListTagsForResourceCommand).resolves({ tags: { [OWNER_TAG]: 'x' } });
    connect.on(UpdateContactFlowContentCommand).resolves({});
    const { response } = await run(request({}));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN, Data: { ContactFlowArn: ARN, ContactFlowId: 'f-1' } });
    expect(connect.commandCalls(UpdateContactFlowContentCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceId: INSTANCE, ContactFlowId: ARN, Content: content('hello') },
    ]);
  });

  test('a published flow whose $SAVED view names nothing is read through its published content, not re-created', async () => {
    connect.on(DescribeContactFlowCommand, { ContactFlowId: `${ARN}:$SAVED` }).rejects(serviceError('ResourceNotFoundException', 'no draft', 404));
    connect.on(DescribeContactFlowCommand, { ContactFlowId: ARN }).resolves({
      ContactFlow: { Arn: ARN, Id: 'f-1', Name: 'Support', Type: 'CONTACT_FLOW', State: 'ACTIVE', Content: content('hello') },
    });
    connect.on(ListTagsForResourceCommand).resolves({ tags: { [OWNER_TAG]: 'x' } });
    const { response, writeCalls } = await run(request({ OldResourceProperties: PROPS }));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN });
    expect(response.Reason).toBeUndefined();
    expect(writeCalls).toBe(0);
    expect(connect.commandCalls(CreateContactFlowCommand)).toHaveLength(0);
  });

  test('create sends exactly one CreateContactFlow after looking for the name', async () => {
    connect.on(ListContactFlowsCommand).resolves({ ContactFlowSummaryList: [] });
    connect.on(CreateContactFlowCommand).resolves({ ContactFlowArn: ARN, ContactFlowId: 'f-1' });
    const { response, writeCalls } = await run(request({ RequestType: 'Create', PhysicalResourceId: undefined, OldResourceProperties: undefined }));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN });
    expect(writeCalls).toBe(1);
    expect(connect.commandCalls(ListContactFlowsCommand)[0].args[0].input).toEqual({ InstanceId: INSTANCE, MaxResults: 1000, NextToken: undefined });
    expect(connect.commandCalls(CreateContactFlowCommand)[0].args[0].input).toMatchObject({ Status: 'PUBLISHED', Tags: { [OWNER_TAG]: expect.stringMatching(/^cdkc-/) } });
    expect(connect.commandCalls(CreateContactFlowCommand)[0].args[0].input).not.toHaveProperty('ClientToken');
  });

  test('fails a delete that Connect refuses, with its message', async () => {
    connect.on(DeleteContactFlowCommand).rejects(serviceError('InvalidRequestException', 'the flow is in use by a phone number'));
    const { response } = await run(request({ RequestType: 'Delete' }));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'DeleteContactFlow failed: InvalidRequestException: the flow is in use by a phone number' });
    expect(connect.commandCalls(DeleteContactFlowCommand)[0].args[0].input).toEqual({ InstanceId: INSTANCE, ContactFlowId: 'f-1' });
  });
});
