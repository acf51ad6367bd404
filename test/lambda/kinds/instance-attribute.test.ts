import {
  ConnectClient,
  DescribeInstanceAttributeCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateInstanceAttributeCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { CloudFormationEvent } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { FakeConnect } from '../fake';
import { instanceAttribute, setInstanceAttribute } from '../fake/instance';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectInstanceAttribute';
const LEASE = 'cdk-connect:attribute:MESSAGE_STREAMING';

function instanceOf(fake: FakeConnect): { id: string; arn: string } {
  return [...fake.instances.values()][0];
}

function leaseCount(fake: FakeConnect, key = LEASE): number {
  const instance = instanceOf(fake);
  return fake.tags.get(instance.arn)?.[key] === undefined ? 0 : 1;
}

// The instance starts with MESSAGE_STREAMING off (Connect's default); the stack turns it on, then off, and its delete
// restores the value from before the stack.
lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'UpdateInstanceAttribute',
  createWrites: 2, // the record on the instance (TagResource) and the attribute
  setup: (_fake, instance) => ({
    props: { InstanceId: instance.id, InstanceArn: instance.arn, AttributeType: 'MESSAGE_STREAMING', Value: 'true' },
    updated: { InstanceId: instance.id, InstanceArn: instance.arn, AttributeType: 'MESSAGE_STREAMING', Value: 'false' },
  }),
  read: (fake) => instanceAttribute(fake, instanceOf(fake).id, 'MESSAGE_STREAMING'),
  expected: (props) => props.Value,
  afterDelete: () => 'false',
  count: (fake) => leaseCount(fake),
  deleteOutOfBand: (fake) => {
    // What the resource's own delete does: the value from before, and no record on the instance.
    setInstanceAttribute(fake, instanceOf(fake).id, 'MESSAGE_STREAMING', 'false');
    const tags = { ...fake.tags.get(instanceOf(fake).arn) };
    delete tags[LEASE];
    fake.tags.set(instanceOf(fake).arn, tags);
  },
  changeOutOfBand: (fake) => setInstanceAttribute(fake, instanceOf(fake).id, 'MESSAGE_STREAMING', 'false'),
});

describe('instance attribute', () => {
  let h: Harness;
  let props: Record<string, string>;
  beforeEach(() => {
    h = new Harness();
    props = { InstanceId: h.instance.id, InstanceArn: h.instance.arn, AttributeType: 'MESSAGE_STREAMING', Value: 'true' };
  });
  afterEach(() => h.dispose());

  test('records the previous value in the physical id and on the instance, and restores it on delete', async () => {
    setInstanceAttribute(h.fake, h.instance.id, 'CONTACT_LENS', 'true');
    const create = await h.create(TYPE, { ...props, AttributeType: 'CONTACT_LENS', Value: 'false' });
    const id = create.response.PhysicalResourceId;
    expect(id).toMatch(/^cdk-connect:instance-attribute:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee:CONTACT_LENS:cdkc-[0-9a-f]{31}:dHJ1ZQ$/);
    expect(h.fake.tags.get(h.instance.arn)).toEqual({ 'cdk-connect:attribute:CONTACT_LENS': `${id.split(':')[4]} true` });
    expect(instanceAttribute(h.fake, h.instance.id, 'CONTACT_LENS')).toBe('false');

    await h.delete(TYPE, id, { ...props, AttributeType: 'CONTACT_LENS', Value: 'false' });
    expect(instanceAttribute(h.fake, h.instance.id, 'CONTACT_LENS')).toBe('true');
    expect(h.fake.tags.get(h.instance.arn)).toEqual({});
  });

  test('a create of the value the instance already has writes only the record', async () => {
    const { response, writeCalls } = await h.create(TYPE, { ...props, Value: 'false' });
    expect(response.Status).toBe('SUCCESS');
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdateInstanceAttribute')).toHaveLength(0);
  });

  test('a second delivery of a create that changed the value keeps the value from before', async () => {
    const first = await h.create(TYPE, props, { requestId: 'r1' });
    // The first delivery's response never reached CloudFormation; the attribute is already on.
    const second = await h.create(TYPE, props, { requestId: 'r1' });
    expect(second.response.PhysicalResourceId).toBe(first.response.PhysicalResourceId);
    await h.delete(TYPE, second.response.PhysicalResourceId, props);
    expect(instanceAttribute(h.fake, h.instance.id, 'MESSAGE_STREAMING')).toBe('false');
  });

  test('a resource that takes the attribute over (a new logical id) inherits the value from before; the old delete leaves it', async () => {
    const old = await h.create(TYPE, props, { logicalId: 'Old' });
    const moved = await h.create(TYPE, props, { logicalId: 'New' });
    expect(moved.response.Reason).toMatch(/took over MESSAGE_STREAMING of instance .* from another cdk-connect resource; its value from before cdk-connect changed it \('false'\) is restored on delete/);
    expect(moved.response.PhysicalResourceId).toMatch(/:ZmFsc2U$/); // 'false'

    const oldDelete = await h.delete(TYPE, old.response.PhysicalResourceId, props, { logicalId: 'Old' });
    expect(oldDelete.response.Reason).toMatch(/left MESSAGE_STREAMING of instance .* as it is: another cdk-connect resource has set it since/);
    expect(instanceAttribute(h.fake, h.instance.id, 'MESSAGE_STREAMING')).toBe('true');

    await h.delete(TYPE, moved.response.PhysicalResourceId, props, { logicalId: 'New' });
    expect(instanceAttribute(h.fake, h.instance.id, 'MESSAGE_STREAMING')).toBe('false');
  });

  test('a delete leaves a value that was changed out of band', async () => {
    const { response } = await h.create(TYPE, { ...props, AttributeType: 'EARLY_MEDIA', Value: 'false' });
    setInstanceAttribute(h.fake, h.instance.id, 'EARLY_MEDIA', 'true');
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, { ...props, AttributeType: 'EARLY_MEDIA', Value: 'false' });
    expect(deleted.response.Reason).toMatch(/left EARLY_MEDIA of instance .* as it is \('true'\): it was changed out of band/);
    expect(h.fake.callsOf('UpdateInstanceAttribute')).toHaveLength(1);
    expect(h.fake.tags.get(h.instance.arn)).toEqual({});
  });

  test('another attribute type is a new resource; the old one restores its own attribute when deleted', async () => {
    const { response } = await h.create(TYPE, props);
    const other = { ...props, AttributeType: 'MULTI_PARTY_CHAT_CONFERENCE' };
    const updated = await h.update(TYPE, response.PhysicalResourceId, other, props);
    expect(updated.response.PhysicalResourceId).not.toBe(response.PhysicalResourceId);
    expect(updated.response.PhysicalResourceId).toContain(':MULTI_PARTY_CHAT_CONFERENCE:');
    expect(instanceAttribute(h.fake, h.instance.id, 'MULTI_PARTY_CHAT_CONFERENCE')).toBe('true');
    await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(instanceAttribute(h.fake, h.instance.id, 'MESSAGE_STREAMING')).toBe('false');
    expect(instanceAttribute(h.fake, h.instance.id, 'MULTI_PARTY_CHAT_CONFERENCE')).toBe('true');
  });

  test('a delete succeeds when the instance is gone', async () => {
    const { response } = await h.create(TYPE, props);
    h.fake.instances.clear();
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(deleted.response.Status).toBe('SUCCESS');
  });

  test('fails with the message of Connect for a value the attribute does not take, and leaves no record', async () => {
    const { response } = await h.create(TYPE, { ...props, Value: 'yes' });
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/UpdateInstanceAttribute failed: InvalidParameterException: Invalid value 'yes' for attribute MESSAGE_STREAMING/);
    expect(h.fake.tags.get(h.instance.arn)).toEqual({});
  });

  test('fails when a property is missing', async () => {
    const { response } = await h.create(TYPE, { InstanceId: h.instance.id, InstanceArn: h.instance.arn, AttributeType: 'MESSAGE_STREAMING' });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'property Value is required' });
  });
});

describe('instance attribute requests', () => {
  const INSTANCE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/inst-1';
  let connect: ReturnType<typeof mockClient>;
  beforeEach(() => { connect = mockClient(ConnectClient); });
  afterEach(() => connect.restore());

  function event(requestType: 'Create' | 'Delete', physicalId?: string): CloudFormationEvent {
    return {
      RequestType: requestType,
      ServiceToken: 'token',
      ResponseURL: 'https://example.com',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
      RequestId: 'req-1',
      LogicalResourceId: 'Attr',
      ResourceType: TYPE,
      PhysicalResourceId: physicalId,
      ResourceProperties: { ServiceToken: 'token', InstanceId: 'inst-1', InstanceArn: INSTANCE_ARN, AttributeType: 'MESSAGE_STREAMING', Value: 'true' },
    };
  }

  test('tags the instance, then sets the attribute with a ClientToken', async () => {
    connect.on(ListTagsForResourceCommand).resolves({ tags: { team: 'support' } });
    connect.on(DescribeInstanceAttributeCommand).resolves({ Attribute: { AttributeType: 'MESSAGE_STREAMING', Value: 'false' } });
    connect.on(TagResourceCommand).resolves({});
    connect.on(UpdateInstanceAttributeCommand).resolves({});

    const { response } = await runEvent(event('Create'), KINDS, { client: new ConnectClient({ region: 'us-east-1' }), deadline: Date.now() + 60_000, log: () => undefined });

    expect(response).toMatchObject({ Status: 'SUCCESS' });
    const token = response.PhysicalResourceId.split(':')[4];
    expect(connect.commandCalls(ListTagsForResourceCommand)[0].args[0].input).toEqual({ resourceArn: INSTANCE_ARN });
    expect(connect.commandCalls(DescribeInstanceAttributeCommand)[0].args[0].input).toEqual({ InstanceId: 'inst-1', AttributeType: 'MESSAGE_STREAMING' });
    expect(connect.commandCalls(TagResourceCommand)[0].args[0].input).toEqual({ resourceArn: INSTANCE_ARN, tags: { [LEASE]: `${token} false` } });
    expect(connect.commandCalls(UpdateInstanceAttributeCommand)[0].args[0].input).toEqual({
      InstanceId: 'inst-1', AttributeType: 'MESSAGE_STREAMING', Value: 'true', ClientToken: token,
    });
  });

  test('puts the record back when setting the attribute fails', async () => {
    connect.on(ListTagsForResourceCommand).resolves({ tags: {} });
    connect.on(DescribeInstanceAttributeCommand).resolves({ Attribute: { AttributeType: 'MESSAGE_STREAMING', Value: 'false' } });
    connect.on(TagResourceCommand).resolves({});
    connect.on(UntagResourceCommand).resolves({});
    connect.on(UpdateInstanceAttributeCommand).rejects(Object.assign(new Error('access denied to the Lex bot alias'), { name: 'InvalidRequestException', $metadata: { httpStatusCode: 400 } }));

    const { response } = await runEvent(event('Create'), KINDS, { client: new ConnectClient({ region: 'us-east-1' }), deadline: Date.now() + 60_000, log: () => undefined });

    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'UpdateInstanceAttribute failed: InvalidRequestException: access denied to the Lex bot alias' });
    expect(connect.commandCalls(UntagResourceCommand)[0].args[0].input).toEqual({ resourceArn: INSTANCE_ARN, tagKeys: [LEASE] });
  });

  test('records a previous value with characters a tag value cannot hold in base64', async () => {
    connect.on(ListTagsForResourceCommand).resolves({ tags: {} });
    connect.on(DescribeInstanceAttributeCommand).resolves({ Attribute: { AttributeType: 'MESSAGE_STREAMING', Value: 'a,b' } });
    connect.on(TagResourceCommand).resolves({});
    connect.on(UpdateInstanceAttributeCommand).resolves({});

    const { response } = await runEvent(event('Create'), KINDS, { client: new ConnectClient({ region: 'us-east-1' }), deadline: Date.now() + 60_000, log: () => undefined });

    const token = response.PhysicalResourceId.split(':')[4];
    expect(connect.commandCalls(TagResourceCommand)[0].args[0].input.tags).toEqual({ [LEASE]: `${token} b64:YSxi` });
  });
});
