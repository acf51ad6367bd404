import {
  ClaimPhoneNumberCommand,
  ConnectClient,
  DescribePhoneNumberCommand,
  ReleasePhoneNumberCommand,
  UpdatePhoneNumberCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { CloudFormationEvent, Properties } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { phoneNumberClaimKind } from '../../../lambda/kinds/phone-number-claim';
import { event as cfnEvent, VirtualRuntime } from '../engine/runtime';
import { FakeConnect, serviceError } from '../fake';
import { phoneNumberState, releaseOutOfBand } from '../fake/phone-numbers';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectClaimedPhoneNumber';
const NUMBER = '+12065550100';
const OTHER_INSTANCE = 'bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const TDG_ARN = 'arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/12345678-aaaa-bbbb-cccc-1234567890ab';
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

/** The claimed number as the fake holds it, in the terms of the resource's properties. */
function readNumber(fake: FakeConnect, physicalId: string) {
  const number = phoneNumberState(fake).numbers.get(physicalId.slice(physicalId.lastIndexOf('/') + 1));
  if (!number) {
    return undefined;
  }
  return {
    PhoneNumber: number.PhoneNumber,
    TargetArn: number.TargetArn,
    PhoneNumberDescription: number.PhoneNumberDescription,
    Tags: fake.tags.get(number.PhoneNumberArn) ?? {},
    Status: number.Status,
  };
}

lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'ClaimPhoneNumber',
  uniqueIdentity: /^ClaimPhoneNumber failed: InvalidParameterException: Phone number \+12065550100 is not available to claim/,
  setup: (fake, instance) => {
    const other = fake.addInstance(OTHER_INSTANCE);
    return {
      props: { PhoneNumber: NUMBER, TargetArn: instance.arn, PhoneNumberDescription: 'Main line', Tags: { team: 'support' } },
      updated: { PhoneNumber: NUMBER, TargetArn: other.arn, PhoneNumberDescription: 'Main line (moved)', Tags: { team: 'sales', cost: '42' } },
    };
  },
  read: readNumber,
  expected: (props) => ({
    PhoneNumber: props.PhoneNumber,
    TargetArn: props.TargetArn,
    PhoneNumberDescription: props.PhoneNumberDescription,
    Tags: props.Tags ?? {},
    Status: 'CLAIMED',
  }),
  count: (fake) => phoneNumberState(fake).numbers.size,
  deleteOutOfBand: (fake, physicalId) => releaseOutOfBand(fake, physicalId.slice(physicalId.lastIndexOf('/') + 1)),
  changeOutOfBand: (fake, physicalId) => {
    const number = phoneNumberState(fake).numbers.get(physicalId.slice(physicalId.lastIndexOf('/') + 1))!;
    number.PhoneNumberDescription = 'changed in the console';
    fake.tags.set(number.PhoneNumberArn, { team: 'someone-else', added: 'yes' });
  },
});

describe('Custom::ConnectClaimedPhoneNumber', () => {
  let h: Harness;
  let props: Properties;
  beforeEach(() => {
    h = new Harness();
    props = { PhoneNumber: NUMBER, TargetArn: h.instance.arn, PhoneNumberDescription: 'Main line', Tags: { team: 'support' } };
  });
  afterEach(() => h.dispose());

  test('claims with a UUID client token, description and tags, and waits until the number is claimed', async () => {
    const { response } = await h.create(TYPE, props);

    expect(response.Status).toBe('SUCCESS');
    const [claim] = h.fake.callsOf('ClaimPhoneNumber');
    expect(claim.input).toEqual({
      PhoneNumber: NUMBER,
      TargetArn: h.instance.arn,
      PhoneNumberDescription: 'Main line',
      Tags: { team: 'support' },
      ClientToken: expect.stringMatching(UUID),
    });
    const number = [...phoneNumberState(h.fake).numbers.values()][0];
    expect(response.PhysicalResourceId).toBe(number.PhoneNumberArn);
    expect(response.Data).toEqual({ PhoneNumberArn: number.PhoneNumberArn, PhoneNumberId: number.PhoneNumberId, Address: NUMBER });
    // Two describes see IN_PROGRESS, the third CLAIMED.
    expect(h.fake.callsOf('DescribePhoneNumber')).toHaveLength(3);
    expect(h.log.join('\n')).toMatch(/waiting for the claim of phone number \+12065550100/);
  });

  test('the claim token is the same for every delivery of a request and differs between requests', async () => {
    await h.create(TYPE, props, { requestId: 'r1' });
    releaseOutOfBand(h.fake, [...phoneNumberState(h.fake).numbers.keys()][0]);
    await h.create(TYPE, props, { requestId: 'r2' });
    const tokens = h.fake.callsOf('ClaimPhoneNumber').map((call) => call.input.ClientToken);
    expect(tokens[0]).not.toEqual(tokens[1]);

    const again = new Harness();
    try {
      await again.create(TYPE, { ...props, TargetArn: again.instance.arn }, { requestId: 'r1' });
      expect(again.fake.callsOf('ClaimPhoneNumber')[0].input.ClientToken).toBe(tokens[0]);
    } finally {
      again.dispose();
    }
  });

  test('claims to a traffic distribution group', async () => {
    const { response } = await h.create(TYPE, { PhoneNumber: NUMBER, TargetArn: TDG_ARN });
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('ClaimPhoneNumber')[0].input).toEqual({ PhoneNumber: NUMBER, TargetArn: TDG_ARN, ClientToken: expect.stringMatching(UUID) });
    expect(readNumber(h.fake, response.PhysicalResourceId)).toMatchObject({ TargetArn: TDG_ARN, Status: 'CLAIMED' });
  });

  test('fails with the status message when Connect reports the claim FAILED', async () => {
    phoneNumberState(h.fake).settings.failingClaims.push('The target has reached its limit of claimed numbers');
    const { response } = await h.create(TYPE, props);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/^the claim of phone number \+12065550100 failed: The target has reached its limit of claimed numbers; removed arn:aws:connect:.*:phone-number\/.*, which this request had created$/),
    });
    // The failed create released what it had claimed and reports no number's id, so its delete releases nothing more.
    expect(h.fake.callsOf('ReleasePhoneNumber')).toHaveLength(1);
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(deleted.response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('ReleasePhoneNumber')).toHaveLength(1);
  });

  test('fails with Connect\'s message when the number is not available', async () => {
    phoneNumberState(h.fake).settings.unavailable.add(NUMBER);
    const { response } = await h.create(TYPE, props);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'ClaimPhoneNumber failed: InvalidParameterException: Phone number +12065550100 is not available to claim',
    });
  });

  test('fails before calling Connect when the number is not E.164', async () => {
    const { response } = await h.create(TYPE, { ...props, PhoneNumber: '206-555-0100' });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'property PhoneNumber must be in E.164 format (+, the country code and the number), got 206-555-0100' });
    expect(h.fake.calls).toHaveLength(0);
  });

  test('fails before calling Connect when the target is not an instance or a traffic distribution group', async () => {
    const { response } = await h.create(TYPE, { ...props, TargetArn: 'arn:aws:connect:us-east-1:123456789012:instance/x/queue/y' });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^property TargetArn must be the ARN of an instance or a traffic distribution group/) });
    expect(h.fake.calls).toHaveLength(0);
  });

  test('a different number is a new claim with a new physical id; the old number is left for CloudFormation to release', async () => {
    const created = await h.create(TYPE, props);
    const updated = await h.update(TYPE, created.response.PhysicalResourceId, { ...props, PhoneNumber: '+12065550199' }, props);

    expect(updated.response.Status).toBe('SUCCESS');
    expect(updated.response.PhysicalResourceId).not.toBe(created.response.PhysicalResourceId);
    expect(updated.response.Data?.Address).toBe('+12065550199');
    expect(phoneNumberState(h.fake).numbers.size).toBe(2);

    const cleanup = await h.delete(TYPE, created.response.PhysicalResourceId, props);
    expect(cleanup.response.Status).toBe('SUCCESS');
    expect([...phoneNumberState(h.fake).numbers.values()].map((n) => n.PhoneNumber)).toEqual(['+12065550199']);
  });

  test('moves the number to another target and waits for the move', async () => {
    const other = h.fake.addInstance(OTHER_INSTANCE);
    const created = await h.create(TYPE, props);
    const before = h.fake.callsOf('DescribePhoneNumber').length;
    const { response, writeCalls } = await h.update(TYPE, created.response.PhysicalResourceId, { ...props, TargetArn: other.arn }, props);

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.response.PhysicalResourceId });
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdatePhoneNumber')[0].input).toEqual({
      PhoneNumberId: created.response.Data!.PhoneNumberId,
      TargetArn: other.arn,
      ClientToken: expect.stringMatching(UUID),
    });
    // One describe reads the live state, three wait for the move.
    expect(h.fake.callsOf('DescribePhoneNumber').length - before).toBe(4);
    expect(readNumber(h.fake, response.PhysicalResourceId)).toMatchObject({ TargetArn: other.arn, Status: 'CLAIMED' });
  });

  test('updates only the description, and clears it', async () => {
    const created = await h.create(TYPE, props);
    const id = created.response.PhysicalResourceId;
    const changed = await h.update(TYPE, id, { ...props, PhoneNumberDescription: 'Support line' }, props);
    expect(changed.writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdatePhoneNumberMetadata')[0].input).toEqual({
      PhoneNumberId: created.response.Data!.PhoneNumberId,
      PhoneNumberDescription: 'Support line',
      ClientToken: expect.stringMatching(UUID),
    });

    const cleared = await h.update(TYPE, id, { PhoneNumber: NUMBER, TargetArn: h.instance.arn, Tags: { team: 'support' } }, props);
    expect(cleared.writeCalls).toBe(1);
    expect(h.fake.callsOf('UpdatePhoneNumberMetadata')[1].input.PhoneNumberDescription).toBe('');
    expect(readNumber(h.fake, id)?.PhoneNumberDescription).toBeUndefined();
  });

  test('changes tags by difference', async () => {
    const created = await h.create(TYPE, { ...props, Tags: { team: 'support', cost: '1', keep: 'me' } });
    const id = created.response.PhysicalResourceId;
    const { writeCalls } = await h.update(TYPE, id, { ...props, Tags: { team: 'sales', keep: 'me', added: 'yes' } }, props);

    expect(writeCalls).toBe(2);
    expect(h.fake.callsOf('UntagResource')[0].input).toEqual({ resourceArn: id, tagKeys: ['cost'] });
    expect(h.fake.callsOf('TagResource')[0].input).toEqual({ resourceArn: id, tags: { team: 'sales', added: 'yes' } });
    expect(readNumber(h.fake, id)?.Tags).toEqual({ team: 'sales', keep: 'me', added: 'yes' });
  });

  test('leaves tags of AWS (aws:*) alone', async () => {
    const created = await h.create(TYPE, props);
    const id = created.response.PhysicalResourceId;
    h.fake.tags.set(id, { 'team': 'support', 'aws:cloudformation:stack-name': 'contact-center' });
    const { writeCalls } = await h.update(TYPE, id, props, props);
    expect(writeCalls).toBe(0);
  });

  test('waits for an operation in progress before updating or releasing', async () => {
    const created = await h.create(TYPE, props);
    const id = created.response.PhysicalResourceId;
    const number = [...phoneNumberState(h.fake).numbers.values()][0];
    number.Status = 'IN_PROGRESS';
    number.pendingPolls = 1;
    const updated = await h.update(TYPE, id, { ...props, PhoneNumberDescription: 'Support line' }, props);
    expect(updated.response.Status).toBe('SUCCESS');

    number.Status = 'IN_PROGRESS';
    number.pendingPolls = 1;
    const deleted = await h.delete(TYPE, id, props);
    expect(deleted.response.Status).toBe('SUCCESS');
    expect(phoneNumberState(h.fake).numbers.size).toBe(0);
  });

  test('releases with a client token of its own, and a lost release response is retried to success', async () => {
    const created = await h.create(TYPE, props);
    h.fake.loseResponses('ReleasePhoneNumber', 1);
    const { response } = await h.delete(TYPE, created.response.PhysicalResourceId, props);

    expect(response.Status).toBe('SUCCESS');
    const releases = h.fake.callsOf('ReleasePhoneNumber');
    expect(releases).toHaveLength(2);
    expect(releases[0].input).toEqual({ PhoneNumberId: created.response.Data!.PhoneNumberId, ClientToken: expect.stringMatching(UUID) });
    expect(releases[1].input.ClientToken).toBe(releases[0].input.ClientToken);
    expect(releases[0].input.ClientToken).not.toBe(h.fake.callsOf('ClaimPhoneNumber')[0].input.ClientToken);
    expect(phoneNumberState(h.fake).numbers.size).toBe(0);
  });

  test('says the number was released out of band when it claims it again', async () => {
    const created = await h.create(TYPE, props);
    releaseOutOfBand(h.fake, created.response.Data!.PhoneNumberId);
    const { response } = await h.update(TYPE, created.response.PhysicalResourceId, props, props);
    expect(response.Reason).toBe('re-created: phone number +12065550100 was released out of band, so it was claimed again');
    expect(response.PhysicalResourceId).not.toBe(created.response.PhysicalResourceId);
  });

  test('accepts only phone number ARNs as physical ids', () => {
    expect(phoneNumberClaimKind.isPhysicalId('arn:aws:connect:us-east-1:123456789012:phone-number/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee')).toBe(true);
    expect(phoneNumberClaimKind.isPhysicalId('arn:aws-us-gov:connect:us-gov-west-1:123456789012:phone-number/abc')).toBe(true);
    expect(phoneNumberClaimKind.isPhysicalId('cdk-connect:failed-create:request-1')).toBe(false);
    expect(phoneNumberClaimKind.isPhysicalId('arn:aws:connect:us-east-1:123456789012:instance/abc')).toBe(false);
    expect(phoneNumberClaimKind.isPhysicalId('2026/11/22/[$LATEST]0123456789abcdef')).toBe(false);
  });
});

describe('Custom::ConnectClaimedPhoneNumber against a mocked client', () => {
  const ARN = 'arn:aws:connect:us-east-1:123456789012:phone-number/pn-1';
  const INSTANCE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/inst-1';
  let connect: ReturnType<typeof mockClient>;
  // Created per test: the harness above stubs (and restores) the same client class.
  beforeEach(() => { connect = mockClient(ConnectClient); });
  afterEach(() => connect.restore());

  function event(requestType: 'Create' | 'Update' | 'Delete', physicalId?: string): CloudFormationEvent {
    return cfnEvent({
      RequestType: requestType,
      RequestId: 'request',
      LogicalResourceId: 'Number',
      ResourceType: TYPE,
      PhysicalResourceId: physicalId,
      ResourceProperties: { PhoneNumber: NUMBER, TargetArn: INSTANCE_ARN },
      OldResourceProperties: requestType === 'Update' ? { PhoneNumber: NUMBER, TargetArn: INSTANCE_ARN } : undefined,
    });
  }

  /** Runs a request on a virtual clock with a minute to go before the deadline. */
  function run(e: CloudFormationEvent) {
    return runEvent(e, KINDS, new VirtualRuntime(60_000).options);
  }

  test('a move that Connect reports FAILED fails with its message', async () => {
    connect.on(DescribePhoneNumberCommand)
      .resolvesOnce({ ClaimedPhoneNumberSummary: { PhoneNumberId: 'pn-1', PhoneNumberArn: ARN, PhoneNumber: NUMBER, TargetArn: 'arn:aws:connect:us-east-1:123456789012:instance/old', PhoneNumberStatus: { Status: 'CLAIMED' } } })
      .resolves({ ClaimedPhoneNumberSummary: { PhoneNumberId: 'pn-1', PhoneNumberArn: ARN, PhoneNumber: NUMBER, PhoneNumberStatus: { Status: 'FAILED', Message: 'Target instance is at its phone number limit' } } });
    connect.on(UpdatePhoneNumberCommand).resolves({ PhoneNumberId: 'pn-1', PhoneNumberArn: ARN });

    const { response } = await run(event('Update', ARN));
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `the move of phone number ${NUMBER} to ${INSTANCE_ARN} failed: Target instance is at its phone number limit`,
    });
  });

  test('a claim still in progress at the deadline times out and says what it waited for', async () => {
    connect.on(ClaimPhoneNumberCommand).resolves({ PhoneNumberId: 'pn-1', PhoneNumberArn: ARN });
    connect.on(DescribePhoneNumberCommand).resolves({ ClaimedPhoneNumberSummary: { PhoneNumberId: 'pn-1', PhoneNumberStatus: { Status: 'IN_PROGRESS' } } });
    const { response } = await run(event('Create'));
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `timed out waiting for the claim of phone number ${NUMBER}; could not remove ${ARN}, which this request had created: `
        + 'timed out waiting for the operation in progress on phone number pn-1',
      // What could not be released is reported, so CloudFormation's rollback releases it.
      PhysicalResourceId: ARN,
    });
  });

  test('delete succeeds when Connect says the number is gone at release time', async () => {
    connect.on(DescribePhoneNumberCommand).resolves({ ClaimedPhoneNumberSummary: { PhoneNumberId: 'pn-1', PhoneNumber: NUMBER, PhoneNumberStatus: { Status: 'CLAIMED' } } });
    connect.on(ReleasePhoneNumberCommand).rejects(serviceError('ResourceNotFoundException', 'Phone number not found', 404));
    const { response } = await run(event('Delete', ARN));
    expect(response.Status).toBe('SUCCESS');
  });

  test('a release that Connect refuses fails with its message', async () => {
    connect.on(DescribePhoneNumberCommand).resolves({ ClaimedPhoneNumberSummary: { PhoneNumberId: 'pn-1', PhoneNumber: NUMBER, PhoneNumberStatus: { Status: 'CLAIMED' } } });
    connect.on(ReleasePhoneNumberCommand).rejects(serviceError('ResourceInUseException', 'The phone number is used as the outbound caller ID of a queue', 409));
    const { response } = await run(event('Delete', ARN));
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'ReleasePhoneNumber failed: ResourceInUseException: The phone number is used as the outbound caller ID of a queue',
    });
  });
});
