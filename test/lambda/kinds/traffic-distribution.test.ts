import {
  ConnectClient,
  DescribeTrafficDistributionGroupCommand,
  GetTrafficDistributionCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTrafficDistributionCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { Properties } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { trafficDistributionKind } from '../../../lambda/kinds/traffic-distribution';
import { event, VirtualRuntime } from '../engine/runtime';
import { FakeConnect, serviceError } from '../fake';
import {
  addTrafficDistributionGroup,
  FakeTrafficDistributionGroup,
  initialDistribution,
  setDistribution,
  trafficDistributionGroups,
  UPDATE_POLLS,
} from '../fake/traffic';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectTrafficDistribution';

/** Percentages as CloudFormation passes them (strings). */
function percentages(east: number, west: number, [a, b] = ['us-east-1', 'us-west-2']): Properties {
  return { Distributions: [{ Region: a, Percentage: String(east) }, { Region: b, Percentage: String(west) }] };
}

function signIn(east: boolean, west: boolean): Properties {
  return { Distributions: [{ Region: 'us-east-1', Enabled: String(east) }, { Region: 'us-west-2', Enabled: String(west) }] };
}

function groupOf(fake: FakeConnect, physicalId: string): FakeTrafficDistributionGroup | undefined {
  return [...trafficDistributionGroups(fake).values()].find((group) => physicalId.startsWith(`${group.arn}/distribution/`));
}

/** The distribution the properties ask for, as the fake keeps it. */
function expectedOf(props: Properties): Pick<FakeTrafficDistributionGroup, 'telephony' | 'agents' | 'signIn'> {
  const map = (config: unknown, value: (v: string) => unknown) => Object.fromEntries(
    ((config as { Distributions: Record<string, string>[] }).Distributions).map((d) => [d.Region, value(d.Percentage ?? d.Enabled)]));
  return {
    ...initialDistribution(['us-east-1', 'us-west-2']),
    telephony: map(props.TelephonyConfig, Number) as Record<string, number>,
    ...(props.AgentConfig ? { agents: map(props.AgentConfig, Number) as Record<string, number> } : {}),
    ...(props.SignInConfig ? { signIn: map(props.SignInConfig, (v) => v === 'true') as Record<string, boolean> } : {}),
  };
}

function distributionOf(group: FakeTrafficDistributionGroup): Pick<FakeTrafficDistributionGroup, 'telephony' | 'agents' | 'signIn'> {
  const current = group.pending ?? group;
  return { telephony: current.telephony, agents: current.agents, signIn: current.signIn };
}

/** The physical id of the distribution of a group. */
function idOf(groupArn: string): RegExp {
  return new RegExp(`^${groupArn}/distribution/cdkc-[0-9a-f]{31}$`);
}

const RECORD = 'cdk-connect:traffic-distribution';

lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'UpdateTrafficDistribution',
  createWrites: 2, // the record on the group (TagResource) and the distribution
  setup: (fake, instance) => {
    const group = addTrafficDistributionGroup(fake, instance, { isDefault: true });
    return {
      props: {
        TrafficDistributionGroupArn: group.arn,
        TelephonyConfig: percentages(70, 30),
        AgentConfig: percentages(60, 40),
        SignInConfig: signIn(true, true),
      },
      updated: {
        TrafficDistributionGroupArn: group.arn,
        TelephonyConfig: percentages(0, 100),
        AgentConfig: percentages(0, 100),
        SignInConfig: signIn(false, true),
      },
    };
  },
  read: (fake, physicalId) => {
    const group = groupOf(fake, physicalId);
    return group && { status: group.status, ...distributionOf(group) };
  },
  expected: (props) => ({ status: 'ACTIVE', ...expectedOf(props) }),
  afterDelete: () => ({ status: 'ACTIVE', ...initialDistribution(['us-east-1', 'us-west-2']) }),
  count: (fake) => [...trafficDistributionGroups(fake).values()]
    .filter((group) => JSON.stringify(distributionOf(group)) !== JSON.stringify(initialDistribution(group.regions))).length,
  // A distribution exists as long as its group: deleting it out of band is resetting it (what a delete does).
  deleteOutOfBand: (fake, physicalId) => setDistribution(groupOf(fake, physicalId)!, initialDistribution(groupOf(fake, physicalId)!.regions)),
  changeOutOfBand: (fake, physicalId) => setDistribution(groupOf(fake, physicalId)!, { telephony: { 'us-east-1': 50, 'us-west-2': 50 } }),
});

describe('Custom::ConnectTrafficDistribution', () => {
  let h: Harness;
  let group: FakeTrafficDistributionGroup;
  beforeEach(() => {
    h = new Harness();
    group = addTrafficDistributionGroup(h.fake, h.instance);
  });
  afterEach(() => h.dispose());

  const telephonyOnly = (east: number, west: number): Properties => ({
    TrafficDistributionGroupArn: group.arn,
    TelephonyConfig: percentages(east, west),
  });

  test('sends the group ARN and numbers, and only the parts it manages', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: expect.stringMatching(idOf(group.arn)) });
    expect(h.fake.callsOf('UpdateTrafficDistribution').map((call) => call.input)).toEqual([{
      Id: group.arn,
      TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 30 }, { Region: 'us-west-2', Percentage: 70 }] },
    }]);
    expect(group.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
    expect(group.agents).toEqual({ 'us-east-1': 100, 'us-west-2': 0 });
  });

  test('waits for the asynchronous update to finish and checks the result', async () => {
    await h.create(TYPE, telephonyOnly(30, 70));
    const operations = h.fake.calls.map((call) => call.operation);
    const update = operations.indexOf('UpdateTrafficDistribution');
    expect(operations.slice(update + 1)).toEqual([
      ...Array(UPDATE_POLLS).fill('DescribeTrafficDistributionGroup'),
      'GetTrafficDistribution',
    ]);
    expect(h.log.filter((line) => /waiting for traffic distribution group .* to be ACTIVE/.test(line))).toHaveLength(UPDATE_POLLS - 1);
    expect(group.status).toBe('ACTIVE');
  });

  test('sends the telephony distribution with every update, and agents or sign-in only when they differ', async () => {
    const props = { ...telephonyOnly(30, 70), AgentConfig: percentages(30, 70) };
    const { response } = await h.create(TYPE, props);
    const updated = { ...props, AgentConfig: percentages(0, 100) };
    await h.update(TYPE, response.PhysicalResourceId, updated, props);
    expect(h.fake.callsOf('UpdateTrafficDistribution')[1].input).toEqual({
      Id: group.arn,
      TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 30 }, { Region: 'us-west-2', Percentage: 70 }] },
      AgentConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 0 }, { Region: 'us-west-2', Percentage: 100 }] },
    });
  });

  test('an unchanged sign-in distribution is not sent to a group that is not the default one', async () => {
    const props = { ...telephonyOnly(30, 70), SignInConfig: signIn(true, true) };
    const { response } = await h.create(TYPE, props);
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('UpdateTrafficDistribution')[0].input.SignInConfig).toBeUndefined();
  });

  test('fails with Connect\'s message when sign-in is changed on a group that is not the default one', async () => {
    const { response } = await h.create(TYPE, { ...telephonyOnly(30, 70), SignInConfig: signIn(true, false) });
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'UpdateTrafficDistribution failed: InvalidRequestException: The SignInConfig distribution is available only on a default TrafficDistributionGroup',
    });
  });

  test('a create that finds the distribution already as asked writes only its record', async () => {
    setDistribution(group, { telephony: { 'us-east-1': 30, 'us-west-2': 70 } });
    const { response, writeCalls } = await h.create(TYPE, telephonyOnly(30, 70));
    expect(response.Status).toBe('SUCCESS');
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdateTrafficDistribution')).toHaveLength(0);
    expect(h.fake.tags.get(group.arn)).toEqual({ [RECORD]: `${response.PhysicalResourceId.split('/').pop()} -` });
  });

  test('records the create token on the group, and removes the record on delete', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    const token = response.PhysicalResourceId.split('/').pop();
    expect(h.fake.callsOf('TagResource').map((call) => call.input)).toEqual([{ resourceArn: group.arn, tags: { [RECORD]: `${token} -` } }]);
    // Recorded before the distribution changes.
    const operations = h.fake.calls.map((call) => call.operation);
    expect(operations.indexOf('TagResource')).toBeLessThan(operations.indexOf('UpdateTrafficDistribution'));
    await h.delete(TYPE, response.PhysicalResourceId, telephonyOnly(30, 70));
    expect(h.fake.tags.get(group.arn)).toEqual({});
  });

  test('a move keeps the distribution: the old resource\'s delete leaves it, and says so', async () => {
    const old = await h.create(TYPE, telephonyOnly(30, 70), { logicalId: 'Old' });
    const moved = await h.create(TYPE, telephonyOnly(30, 70), { logicalId: 'New' });
    expect(moved).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 1 });
    expect(moved.response.Reason).toMatch(/^took over the traffic distribution of .* from another cdk-connect resource/);
    expect(moved.response.PhysicalResourceId).not.toBe(old.response.PhysicalResourceId);
    const deleted = await h.delete(TYPE, old.response.PhysicalResourceId, telephonyOnly(30, 70), { logicalId: 'Old' });
    expect(deleted).toMatchObject({
      response: { Status: 'SUCCESS', Reason: `left the traffic distribution of ${group.arn} as it is: another cdk-connect resource has taken it over` },
      writeCalls: 0,
    });
    expect(group.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
    // The new resource's own delete still hands the traffic back.
    await h.delete(TYPE, moved.response.PhysicalResourceId, telephonyOnly(30, 70), { logicalId: 'New' });
    expect(group.telephony).toEqual({ 'us-east-1': 100, 'us-west-2': 0 });
    expect(h.fake.tags.get(group.arn)).toEqual({});
  });

  test('an update takes the distribution back from a resource that took it over, and says so', async () => {
    const mine = await h.create(TYPE, telephonyOnly(30, 70), { logicalId: 'Mine' });
    await h.create(TYPE, telephonyOnly(30, 70), { logicalId: 'Other' });
    const { response } = await h.update(TYPE, mine.response.PhysicalResourceId, telephonyOnly(30, 70), telephonyOnly(30, 70), { logicalId: 'Mine' });
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: mine.response.PhysicalResourceId });
    expect(response.Reason).toMatch(/^re-created the traffic distribution of .*: another cdk-connect resource had taken it over/);
    expect(h.fake.tags.get(group.arn)).toEqual({ [RECORD]: `${mine.response.PhysicalResourceId.split('/').pop()} -` });
  });

  test('a create that fails removes its record', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(35, 65));
    expect(response.Status).toBe('FAILED');
    expect(h.fake.tags.get(group.arn)).toEqual({});
  });

  test('a lost response is not followed by a second update', async () => {
    h.fake.loseResponses('UpdateTrafficDistribution', 1);
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('UpdateTrafficDistribution')).toHaveLength(1);
    expect(group.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
  });

  test('waits for an update already in progress before reading and writing', async () => {
    group.status = 'UPDATE_IN_PROGRESS';
    group.pending = { ...initialDistribution(group.regions), telephony: { 'us-east-1': 50, 'us-west-2': 50 } };
    group.pollsLeft = 3;
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    expect(response.Status).toBe('SUCCESS');
    const operations = h.fake.calls.map((call) => call.operation);
    expect(operations.slice(0, 4)).toEqual(Array(3).fill('DescribeTrafficDistributionGroup').concat('GetTrafficDistribution'));
    expect(group.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
  });

  test('delete hands the traffic back to the group\'s Region and leaves sign-in alone when it did not set it', async () => {
    const props = { ...telephonyOnly(0, 100), AgentConfig: percentages(0, 100) };
    const { response } = await h.create(TYPE, props);
    setDistribution(group, { signIn: { 'us-east-1': false, 'us-west-2': true } });
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(deleted.response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('UpdateTrafficDistribution')[1].input).toEqual({
      Id: group.arn,
      TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 100 }, { Region: 'us-west-2', Percentage: 0 }] },
      AgentConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 100 }, { Region: 'us-west-2', Percentage: 0 }] },
    });
    expect(group.signIn).toEqual({ 'us-east-1': false, 'us-west-2': true });
  });

  test('delete leaves agents alone when the distribution did not set them', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(0, 100));
    setDistribution(group, { agents: { 'us-east-1': 20, 'us-west-2': 80 } });
    await h.delete(TYPE, response.PhysicalResourceId, telephonyOnly(0, 100));
    expect(group.telephony).toEqual({ 'us-east-1': 100, 'us-west-2': 0 });
    expect(group.agents).toEqual({ 'us-east-1': 20, 'us-west-2': 80 });
  });

  test('an update that no longer names agents hands them back to the group\'s Region', async () => {
    const props = { ...telephonyOnly(0, 100), AgentConfig: percentages(0, 100) };
    const { response } = await h.create(TYPE, props);
    const updated = await h.update(TYPE, response.PhysicalResourceId, telephonyOnly(0, 100), props);
    expect(updated.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: response.PhysicalResourceId });
    expect(group.telephony).toEqual({ 'us-east-1': 0, 'us-west-2': 100 });
    expect(group.agents).toEqual({ 'us-east-1': 100, 'us-west-2': 0 });
  });

  test('delete of a distribution already back home only removes its record', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(100, 0));
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, telephonyOnly(100, 0));
    expect(deleted).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 1 });
    expect(h.fake.callsOf('UpdateTrafficDistribution')).toHaveLength(0);
    expect(h.fake.callsOf('UntagResource')).toHaveLength(1);
  });

  test('delete succeeds when the group is gone or being deleted', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    group.status = 'PENDING_DELETION';
    expect((await h.delete(TYPE, response.PhysicalResourceId, telephonyOnly(30, 70))))
      .toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 0 });
    trafficDistributionGroups(h.fake).delete(group.id);
    expect((await h.delete(TYPE, response.PhysicalResourceId, telephonyOnly(30, 70))))
      .toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 0 });
  });

  test('a group created in the replica Region is reached by its ARN and reset to its own Region', async () => {
    const west = addTrafficDistributionGroup(h.fake, h.instance, { home: 'us-west-2', replica: 'us-east-1' });
    const props = { TrafficDistributionGroupArn: west.arn, TelephonyConfig: percentages(40, 60) };
    const { response } = await h.create(TYPE, props);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: expect.stringMatching(idOf(west.arn)) });
    expect(west.telephony).toEqual({ 'us-east-1': 40, 'us-west-2': 60 });
    await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(west.telephony).toEqual({ 'us-east-1': 0, 'us-west-2': 100 });
  });

  test('another group is a replacement; deleting the old one resets the old group', async () => {
    const other = addTrafficDistributionGroup(h.fake, h.instance);
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    const moved = { TrafficDistributionGroupArn: other.arn, TelephonyConfig: percentages(30, 70) };
    const updated = await h.update(TYPE, response.PhysicalResourceId, moved, telephonyOnly(30, 70));
    expect(updated.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: expect.stringMatching(idOf(other.arn)) });
    expect(other.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
    await h.delete(TYPE, response.PhysicalResourceId, telephonyOnly(30, 70));
    expect(group.telephony).toEqual({ 'us-east-1': 100, 'us-west-2': 0 });
    expect(other.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
  });

  test('an update that finds a drifted distribution restores it and says so', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    setDistribution(group, { telephony: { 'us-east-1': 50, 'us-west-2': 50 } });
    const updated = await h.update(TYPE, response.PhysicalResourceId, telephonyOnly(30, 70), telephonyOnly(30, 70));
    expect(updated.response).toMatchObject({
      Status: 'SUCCESS',
      Reason: `restored the traffic distribution of ${group.arn}: it was changed out of band`,
    });
  });

  test('an update that finds the distribution reset says it re-created it', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    setDistribution(group, initialDistribution(group.regions));
    const updated = await h.update(TYPE, response.PhysicalResourceId, telephonyOnly(30, 70), telephonyOnly(30, 70));
    expect(updated.response.Reason).toBe(`re-created the traffic distribution of ${group.arn}: it was reset out of band`);
    expect(group.telephony).toEqual({ 'us-east-1': 30, 'us-west-2': 70 });
  });

  test('fails when the group does not exist', async () => {
    const arn = group.arn.replace(group.id, 'abcdef00-0000-4000-8000-000000000000');
    const { response } = await h.create(TYPE, { TrafficDistributionGroupArn: arn, TelephonyConfig: percentages(30, 70) });
    expect(response).toMatchObject({ Status: 'FAILED' });
    expect(response.Reason).toMatch(new RegExp(`^traffic distribution group ${arn} does not exist \\(ResourceNotFoundException: `));
  });

  test('fails when the group is broken', async () => {
    group.status = 'CREATION_FAILED';
    const { response } = await h.create(TYPE, telephonyOnly(30, 70));
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `traffic distribution group ${group.arn} is CREATION_FAILED: its traffic distribution cannot be changed`,
    });
  });

  test('fails with Connect\'s message for a distribution Connect rejects', async () => {
    const { response } = await h.create(TYPE, telephonyOnly(35, 65));
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^UpdateTrafficDistribution failed: InvalidRequestException: TelephonyConfig: traffic distribution must be specified in 10% increments/);
  });

  test.each([
    [{ TelephonyConfig: percentages(30, 70) }, 'property TrafficDistributionGroupArn is required'],
    [{ TrafficDistributionGroupArn: 'arn:aws:connect:us-east-1:123456789012:instance/x', TelephonyConfig: percentages(30, 70) },
      /^property TrafficDistributionGroupArn must be the ARN of a traffic distribution group/],
    [{ TrafficDistributionGroupArn: 'ARN' }, 'property TelephonyConfig is required'],
    [{ TrafficDistributionGroupArn: 'ARN', TelephonyConfig: { Distributions: [] } }, 'property TelephonyConfig.Distributions must be a non-empty list'],
    [{ TrafficDistributionGroupArn: 'ARN', TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 'lots' }] } },
      'property TelephonyConfig.Distributions[0].Percentage must be an integer from 0 to 100, got lots'],
    [{ TrafficDistributionGroupArn: 'ARN', TelephonyConfig: { Distributions: [{ Region: 'Virginia', Percentage: '100' }] } },
      'property TelephonyConfig.Distributions[0].Region must be a Region code such as us-east-1, got Virginia'],
    [{ TrafficDistributionGroupArn: 'ARN', TelephonyConfig: percentages(50, 50, ['us-east-1', 'us-east-1']) },
      'property TelephonyConfig names Region us-east-1 more than once'],
    [{ TrafficDistributionGroupArn: 'ARN', TelephonyConfig: percentages(50, 50), SignInConfig: { Distributions: [{ Region: 'us-east-1', Enabled: 'yes' }] } },
      'property SignInConfig.Distributions[0].Enabled must be true or false, got yes'],
  ])('fails with malformed properties (case %#)', async (props, reason) => {
    const properties = { ...props } as Properties;
    if (properties.TrafficDistributionGroupArn === 'ARN') {
      properties.TrafficDistributionGroupArn = group.arn;
    }
    const { response, writeCalls } = await h.create(TYPE, properties);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
    expect(writeCalls).toBe(0);
  });

  test('takes only the physical ids it returns', () => {
    expect(trafficDistributionKind.isPhysicalId(`${group.arn}/distribution/cdkc-0123456789abcdef0123456789abcde`)).toBe(true);
    expect(trafficDistributionKind.isPhysicalId(`${group.arn}/distribution`)).toBe(false);
    expect(trafficDistributionKind.isPhysicalId(`${group.arn}/distribution/cdkc-0123`)).toBe(false);
    expect(trafficDistributionKind.isPhysicalId(group.arn)).toBe(false);
    expect(trafficDistributionKind.isPhysicalId('cdk-connect:failed-create:request-1')).toBe(false);
    expect(trafficDistributionKind.isPhysicalId('2026/11/22/[$LATEST]0123456789abcdef')).toBe(false);
  });
});

describe('Custom::ConnectTrafficDistribution against a mocked client', () => {
  const GROUP_ARN = 'arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/11111111-2222-4333-8444-555555555555';
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
    const request = event({ RequestId: 'request', LogicalResourceId: 'Distribution', ResourceType: TYPE, ResourceProperties: properties });
    const result = await runEvent(request, KINDS, runtime.options);
    elapsed = runtime.clock - start;
    return { ...result, log: runtime.lines };
  }

  const live = (east: number, west: number) => ({
    TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: east }, { Region: 'us-west-2', Percentage: west }] },
  });

  test('polls DescribeTrafficDistributionGroup every 2 seconds while the update is in progress', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand)
      .resolvesOnce({ TrafficDistributionGroup: { Status: 'ACTIVE' } })
      .resolvesOnce({ TrafficDistributionGroup: { Status: 'UPDATE_IN_PROGRESS' } })
      .resolvesOnce({ TrafficDistributionGroup: { Status: 'UPDATE_IN_PROGRESS' } })
      .resolvesOnce({ TrafficDistributionGroup: { Status: 'UPDATE_IN_PROGRESS' } })
      .resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(GetTrafficDistributionCommand).resolvesOnce(live(100, 0)).resolves(live(0, 100));
    mock.on(UpdateTrafficDistributionCommand).resolves({});
    const { response, log } = await create({ TrafficDistributionGroupArn: GROUP_ARN, TelephonyConfig: percentages(0, 100) });
    expect(response.Status).toBe('SUCCESS');
    expect(mock.commandCalls(DescribeTrafficDistributionGroupCommand)).toHaveLength(5);
    expect(mock.commandCalls(DescribeTrafficDistributionGroupCommand)[1].args[0].input).toEqual({ TrafficDistributionGroupId: GROUP_ARN });
    expect(elapsed).toBe(3 * 2_000);
    expect(log.filter((line) => line === `waiting for traffic distribution group ${GROUP_ARN} to be ACTIVE`)).toHaveLength(3);
  });

  test('fails when the update did not take effect', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand).resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(GetTrafficDistributionCommand).resolves(live(100, 0));
    mock.on(UpdateTrafficDistributionCommand).resolves({});
    const { response } = await create({ TrafficDistributionGroupArn: GROUP_ARN, TelephonyConfig: percentages(0, 100) });
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `the traffic distribution of ${GROUP_ARN} did not take effect: telephony is us-east-1 100%, us-west-2 0%`,
    });
  });

  test('times out when the group never settles', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand).resolves({ TrafficDistributionGroup: { Status: 'UPDATE_IN_PROGRESS' } });
    const { response } = await create({ TrafficDistributionGroupArn: GROUP_ARN, TelephonyConfig: percentages(0, 100) });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: `timed out waiting for traffic distribution group ${GROUP_ARN} to be ACTIVE` });
    expect(mock.commandCalls(UpdateTrafficDistributionCommand)).toHaveLength(0);
  });

  test('retries a throttled update after reading the distribution again', async () => {
    mock.on(DescribeTrafficDistributionGroupCommand).resolves({ TrafficDistributionGroup: { Status: 'ACTIVE' } });
    mock.on(GetTrafficDistributionCommand).resolvesOnce(live(100, 0)).resolvesOnce(live(100, 0)).resolves(live(0, 100));
    mock.on(UpdateTrafficDistributionCommand)
      .rejectsOnce(serviceError('ThrottlingException', 'Rate exceeded', 429))
      .resolves({});
    const { response } = await create({ TrafficDistributionGroupArn: GROUP_ARN, TelephonyConfig: percentages(0, 100) });
    expect(response.Status).toBe('SUCCESS');
    expect(mock.commandCalls(UpdateTrafficDistributionCommand)).toHaveLength(2);
    expect(mock.commandCalls(GetTrafficDistributionCommand)).toHaveLength(3);
  });
});
