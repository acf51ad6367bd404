import {
  AssociateTrafficDistributionGroupUserCommand,
  ConnectClient,
  DescribeTrafficDistributionGroupCommand,
  ListTagsForResourceCommand,
  ListTrafficDistributionGroupUsersCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { Properties } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { trafficDistributionGroupUserKind } from '../../../lambda/kinds/traffic-distribution-group-user';
import { event, VirtualRuntime } from '../engine/runtime';
import { FakeConnect, serviceError } from '../fake';
import { addTrafficDistributionGroup, addUser, FakeTrafficDistributionGroup, FakeUser, trafficDistributionGroups } from '../fake/traffic';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectTrafficDistributionGroupUser';

function groupOf(fake: FakeConnect, physicalId: string): FakeTrafficDistributionGroup | undefined {
  return [...trafficDistributionGroups(fake).values()].find((group) => physicalId.startsWith(`${group.arn}/user-association/`));
}

/** The tag key of the record, on the user, of the resource that holds its association with a group. */
function recordKey(group: FakeTrafficDistributionGroup): string {
  return `cdk-connect:traffic-distribution-group:${group.id}`;
}

function tokenOf(physicalId: string): string {
  return physicalId.slice(physicalId.lastIndexOf('/') + 1);
}

lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'AssociateTrafficDistributionGroupUser',
  createWrites: 2, // the record on the user (TagResource) and the association
  setup: (fake, instance) => {
    const group = addTrafficDistributionGroup(fake, instance);
    const jane = addUser(fake, instance);
    const john = addUser(fake, instance);
    return {
      props: { TrafficDistributionGroupArn: group.arn, InstanceId: instance.id, UserId: jane.id },
      updated: { TrafficDistributionGroupArn: group.arn, InstanceId: instance.id, UserId: john.id },
    };
  },
  read: (fake, physicalId) => groupOf(fake, physicalId)?.users,
  expected: (props) => [props.UserId],
  afterDelete: () => [],
  count: (fake) => [...trafficDistributionGroups(fake).values()].reduce((n, group) => n + group.users.length, 0),
  deleteOutOfBand: (fake, physicalId) => { groupOf(fake, physicalId)!.users = []; },
  // An association has no state but its existence: the only change out of band is a disassociation.
  changeOutOfBand: (fake, physicalId) => { groupOf(fake, physicalId)!.users = []; },
});

describe('Custom::ConnectTrafficDistributionGroupUser', () => {
  let h: Harness;
  let group: FakeTrafficDistributionGroup;
  let jane: FakeUser;
  beforeEach(() => {
    h = new Harness();
    group = addTrafficDistributionGroup(h.fake, h.instance);
    jane = addUser(h.fake, h.instance);
  });
  afterEach(() => h.dispose());

  const props = (): Properties => ({ TrafficDistributionGroupArn: group.arn, InstanceId: h.instance.id, UserId: jane.id });

  test('associates the user by the group ARN, user id and instance id, after recording the holder on the user', async () => {
    const { response } = await h.create(TYPE, props());
    expect(h.fake.callsOf('TagResource').map((call) => call.input)).toEqual([
      { resourceArn: jane.arn, tags: { [recordKey(group)]: `${tokenOf(response.PhysicalResourceId)} -` } },
    ]);
    const operations = h.fake.calls.map((call) => call.operation);
    expect(operations.indexOf('TagResource')).toBeLessThan(operations.indexOf('AssociateTrafficDistributionGroupUser'));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: expect.stringMatching(new RegExp(`^${group.arn}/user-association/cdkc-[0-9a-f]{31}$`)) });
    expect(h.fake.callsOf('AssociateTrafficDistributionGroupUser').map((call) => call.input)).toEqual([
      { TrafficDistributionGroupId: group.arn, UserId: jane.id, InstanceId: h.instance.id },
    ]);
    expect(h.fake.callsOf('DisassociateTrafficDistributionGroupUser')).toHaveLength(0);
  });

  test('takes over a user already associated, and says so', async () => {
    group.users.push(jane.id);
    const { response, writeCalls } = await h.create(TYPE, props());
    expect(response).toMatchObject({
      Status: 'SUCCESS',
      Reason: `user ${jane.id} was already associated with traffic distribution group ${group.arn} outside this stack; `
        + 'this stack now manages the association',
    });
    expect(writeCalls).toBe(1); // the record only
  });

  test('a move keeps the user in the group: the old resource\'s delete leaves it, and says so', async () => {
    const old = await h.create(TYPE, props(), { logicalId: 'Old' });
    const moved = await h.create(TYPE, props(), { logicalId: 'New' });
    expect(moved).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 1 });
    expect(moved.response.Reason).toMatch(new RegExp(`^took over the association of user ${jane.id} .* from another cdk-connect resource`));
    const deleted = await h.delete(TYPE, old.response.PhysicalResourceId, props(), { logicalId: 'Old' });
    expect(deleted).toMatchObject({
      response: {
        Status: 'SUCCESS',
        Reason: `left user ${jane.id} associated with traffic distribution group ${group.arn}: another cdk-connect resource has taken the association over`,
      },
      writeCalls: 0,
    });
    expect(group.users).toEqual([jane.id]);
    // The new resource's own delete still disassociates, and removes the record.
    await h.delete(TYPE, moved.response.PhysicalResourceId, props(), { logicalId: 'New' });
    expect(group.users).toEqual([]);
    expect(h.fake.tags.get(jane.arn)).toEqual({});
  });

  test('an update takes the association back from a resource that took it over, and says so', async () => {
    const mine = await h.create(TYPE, props(), { logicalId: 'Mine' });
    await h.create(TYPE, props(), { logicalId: 'Other' });
    const { response } = await h.update(TYPE, mine.response.PhysicalResourceId, props(), props(), { logicalId: 'Mine' });
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: mine.response.PhysicalResourceId });
    expect(response.Reason).toMatch(/^re-created the association of user .*: another cdk-connect resource had taken it over/);
    expect(h.fake.tags.get(jane.arn)).toEqual({ [recordKey(group)]: `${tokenOf(mine.response.PhysicalResourceId)} -` });
  });

  test('a create that fails removes its record', async () => {
    group.status = 'CREATION_FAILED';
    const { response } = await h.create(TYPE, props());
    expect(response.Status).toBe('FAILED');
    expect(h.fake.tags.get(jane.arn)).toEqual({});
  });

  test('a user given by ARN carries the record', async () => {
    const { response } = await h.create(TYPE, { ...props(), UserId: jane.arn });
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.tags.get(jane.arn)).toEqual({ [recordKey(group)]: `${tokenOf(response.PhysicalResourceId)} -` });
  });

  test('finds the user on a later page of the group\'s users', async () => {
    for (let i = 0; i < 12; i++) {
      group.users.push(addUser(h.fake, h.instance).id);
    }
    group.users.push(jane.id);
    const { response, writeCalls } = await h.create(TYPE, props());
    expect(response.Status).toBe('SUCCESS');
    expect(writeCalls).toBe(1); // the record only
    expect(h.fake.callsOf('ListTrafficDistributionGroupUsers').map((call) => call.input.NextToken)).toEqual([undefined, 'page-10']);
  });

  test('changes the user in place: associates the new one, then disassociates the old one', async () => {
    const john = addUser(h.fake, h.instance);
    const { response } = await h.create(TYPE, props());
    const updated = { ...props(), UserId: john.id };
    const result = await h.update(TYPE, response.PhysicalResourceId, updated, props());
    expect(result.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: response.PhysicalResourceId });
    expect(h.fake.calls.filter((call) => /ssociate/.test(call.operation)).map((call) => [call.operation, call.input.UserId])).toEqual([
      ['AssociateTrafficDistributionGroupUser', jane.id],
      ['AssociateTrafficDistributionGroupUser', john.id],
      ['DisassociateTrafficDistributionGroupUser', jane.id],
    ]);
    expect(group.users).toEqual([john.id]);
    // The record moves with the user.
    expect(h.fake.tags.get(jane.arn)).toEqual({});
    expect(h.fake.tags.get(john.arn)).toEqual({ [recordKey(group)]: `${tokenOf(response.PhysicalResourceId)} -` });
  });

  test('another group is a replacement; deleting the old one disassociates the user from the old group', async () => {
    const other = addTrafficDistributionGroup(h.fake, h.instance);
    const { response } = await h.create(TYPE, props());
    const moved = { ...props(), TrafficDistributionGroupArn: other.arn };
    const result = await h.update(TYPE, response.PhysicalResourceId, moved, props());
    expect(result.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: expect.stringMatching(new RegExp(`^${other.arn}/user-association/`)) });
    expect(group.users).toEqual([jane.id]);
    expect(other.users).toEqual([jane.id]);
    await h.delete(TYPE, response.PhysicalResourceId, props());
    expect(group.users).toEqual([]);
    expect(other.users).toEqual([jane.id]);
  });

  test('delete of a user no longer associated only removes its record', async () => {
    const { response } = await h.create(TYPE, props());
    group.users = [];
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, props());
    expect(deleted).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 1 });
    expect(h.fake.callsOf('DisassociateTrafficDistributionGroupUser')).toHaveLength(0);
    expect(h.fake.tags.get(jane.arn)).toEqual({});
  });

  test('delete succeeds when the group is gone or being deleted', async () => {
    const { response } = await h.create(TYPE, props());
    group.status = 'PENDING_DELETION';
    // Only its record on the user goes.
    expect(await h.delete(TYPE, response.PhysicalResourceId, props())).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 1 });
    trafficDistributionGroups(h.fake).delete(group.id);
    expect(await h.delete(TYPE, response.PhysicalResourceId, props())).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 0 });
  });

  test('delete succeeds when the user is gone', async () => {
    const { response } = await h.create(TYPE, props());
    h.fake.forgetTags(jane.arn);
    expect(await h.delete(TYPE, response.PhysicalResourceId, props())).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 0 });
  });

  test('a lost response is not followed by a second association', async () => {
    h.fake.loseResponses('AssociateTrafficDistributionGroupUser', 1);
    const { response } = await h.create(TYPE, props());
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('AssociateTrafficDistributionGroupUser')).toHaveLength(1);
    expect(group.users).toEqual([jane.id]);
  });

  test('fails with Connect\'s message for a user of another instance', async () => {
    const other = h.fake.addInstance('bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    const stranger = addUser(h.fake, other);
    const { response } = await h.create(TYPE, { ...props(), UserId: stranger.id });
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `user ${stranger.id} does not exist in instance ${h.instance.id} (ResourceNotFoundException: Resource not found: `
        + `${h.instance.arn}/agent/${stranger.id})`,
    });
  });

  test('fails when the group does not exist', async () => {
    const arn = group.arn.replace(group.id, 'abcdef00-0000-4000-8000-000000000000');
    const { response } = await h.create(TYPE, { ...props(), TrafficDistributionGroupArn: arn });
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(new RegExp(`^traffic distribution group ${arn} does not exist \\(ResourceNotFoundException: `));
  });

  test('fails when the group is broken', async () => {
    group.status = 'CREATION_FAILED';
    const { response } = await h.create(TYPE, props());
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `traffic distribution group ${group.arn} is CREATION_FAILED: users cannot be associated with it`,
    });
  });

  test.each([
    [{ InstanceId: 'i', UserId: 'u' }, 'property TrafficDistributionGroupArn is required'],
    [{ TrafficDistributionGroupArn: 'arn:aws:connect:us-east-1:123456789012:instance/x', InstanceId: 'i', UserId: 'u' },
      /^property TrafficDistributionGroupArn must be the ARN of a traffic distribution group/],
    [{ TrafficDistributionGroupArn: 'ARN', InstanceId: 'i' }, 'property UserId is required'],
    [{ TrafficDistributionGroupArn: 'ARN', UserId: 'u' }, 'property InstanceId is required'],
  ])('fails with malformed properties (case %#)', async (properties, reason) => {
    const p = { ...properties } as Properties;
    if (p.TrafficDistributionGroupArn === 'ARN') {
      p.TrafficDistributionGroupArn = group.arn;
    }
    const { response, writeCalls } = await h.create(TYPE, p);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
    expect(writeCalls).toBe(0);
  });

  test('takes only the physical ids it returns', () => {
    expect(trafficDistributionGroupUserKind.isPhysicalId(`${group.arn}/user-association/cdkc-0123456789abcdef0123456789abcde`)).toBe(true);
    expect(trafficDistributionGroupUserKind.isPhysicalId(`${group.arn}/distribution`)).toBe(false);
    expect(trafficDistributionGroupUserKind.isPhysicalId(`${group.arn}/user-association/request-1`)).toBe(false);
    expect(trafficDistributionGroupUserKind.isPhysicalId('cdk-connect:failed-create:request-1')).toBe(false);
  });
});

describe('Custom::ConnectTrafficDistributionGroupUser against a mocked client', () => {
  const GROUP_ARN = 'arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/11111111-2222-4333-8444-555555555555';
  const USER_ID = '99999999-2222-4333-8444-555555555555';
  let mock: ReturnType<typeof mockClient>;
  /** Virtual milliseconds the last create spent waiting (backoff and polling advance a virtual clock). */
  let elapsed = 0;
  beforeEach(() => {
    mock = mockClient(ConnectClient);
    mock.on(ListTagsForResourceCommand).resolves({ tags: {} });
    mock.on(TagResourceCommand).resolves({});
    mock.on(UntagResourceCommand).resolves({});
  });
  afterEach(() => mock.restore());

  async function create(properties: Properties) {
    const runtime = new VirtualRuntime();
    const start = runtime.clock;
    const request = event({ RequestId: 'request', LogicalResourceId: 'User', ResourceType: TYPE, ResourceProperties: properties });
    const result = await runEvent(request, KINDS, runtime.options);
    elapsed = runtime.clock - start;
    return { ...result, log: runtime.lines };
  }

  const props = { TrafficDistributionGroupArn: GROUP_ARN, InstanceId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', UserId: USER_ID };

  test('waits until a new group is ACTIVE before associating', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand)
      .resolvesOnce({ TrafficDistributionGroup: { Status: 'CREATION_IN_PROGRESS' } })
      .resolvesOnce({ TrafficDistributionGroup: { Status: 'CREATION_IN_PROGRESS' } })
      .resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(ListTrafficDistributionGroupUsersCommand).resolves({ TrafficDistributionGroupUserSummaryList: [] });
    mock.on(AssociateTrafficDistributionGroupUserCommand).resolves({});
    const { response } = await create(props);
    expect(response.Status).toBe('SUCCESS');
    expect(mock.commandCalls(DescribeTrafficDistributionGroupCommand)).toHaveLength(3);
    expect(elapsed).toBe(2 * 2_000);
    expect(mock.commandCalls(AssociateTrafficDistributionGroupUserCommand)).toHaveLength(1);
  });

  test('a conflict because the user is associated after all counts as done', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand).resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(ListTrafficDistributionGroupUsersCommand)
      .resolvesOnce({ TrafficDistributionGroupUserSummaryList: [] })
      .resolves({ TrafficDistributionGroupUserSummaryList: [{ UserId: USER_ID }] });
    mock.on(AssociateTrafficDistributionGroupUserCommand).rejects(serviceError('ResourceConflictException', 'already associated', 409));
    const { response } = await create(props);
    expect(response.Status).toBe('SUCCESS');
    expect(mock.commandCalls(AssociateTrafficDistributionGroupUserCommand)).toHaveLength(1);
  });

  test('fails with Connect\'s message for a conflict that is not the user being associated', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand).resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(ListTrafficDistributionGroupUsersCommand).resolves({ TrafficDistributionGroupUserSummaryList: [] });
    mock.on(AssociateTrafficDistributionGroupUserCommand).rejects(serviceError('ResourceConflictException', 'the user is in another group', 409));
    const { response } = await create(props);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'AssociateTrafficDistributionGroupUser failed: ResourceConflictException: the user is in another group',
    });
  });

  test('recognizes a user listed by ARN', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand).resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(ListTrafficDistributionGroupUsersCommand).resolves({
      TrafficDistributionGroupUserSummaryList: [{ UserId: `arn:aws:connect:us-east-1:123456789012:instance/${props.InstanceId}/agent/${USER_ID}` }],
    });
    const { response, writeCalls } = await create(props);
    expect(response.Status).toBe('SUCCESS');
    expect(writeCalls).toBe(1); // the record only
    expect(mock.commandCalls(TagResourceCommand)[0].args[0].input.resourceArn)
      .toBe(`arn:aws:connect:us-east-1:123456789012:instance/${props.InstanceId}/agent/${USER_ID}`);
  });
});
