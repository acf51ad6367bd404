import {
  AssociatePhoneNumberContactFlowCommand,
  ConnectClient,
  DisassociatePhoneNumberContactFlowCommand,
  ListFlowAssociationsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { Properties } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { phoneNumberFlowKind } from '../../../lambda/kinds/phone-number-flow';
import { FakeConnect, serviceError } from '../fake';
import { seedFlow } from '../fake/flows';
import { associationOf, FakePhoneNumber, phoneNumberState, releaseOutOfBand, seedPhoneNumber } from '../fake/phone-numbers';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectPhoneNumberFlow';
const TOKEN = 'cdkc-0123456789abcdef0123456789abcde';
const CONTENT = '{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}';

function flow(fake: FakeConnect, instanceId: string, name: string, type = 'CONTACT_FLOW') {
  return seedFlow(fake, instanceId, { name, type, content: CONTENT });
}

/** The seeded number of a lifecycle test (one per fake). */
function onlyNumber(fake: FakeConnect): FakePhoneNumber {
  return [...phoneNumberState(fake).numbers.values()][0];
}

/** The physical id of the flow of a number. */
function idOf(instanceId: string, phoneNumberId: string): RegExp {
  return new RegExp(`^cdk-connect:phone-number-flow:${instanceId}:${phoneNumberId}:cdkc-[0-9a-f]{31}$`);
}

/** The create token in a physical id. */
function tokenOf(physicalId: string): string {
  return physicalId.slice(physicalId.lastIndexOf(':') + 1);
}

lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'AssociatePhoneNumberContactFlow',
  createWrites: 2, // the record on the number (TagResource) and the association
  setup: (fake, instance) => {
    const number = seedPhoneNumber(fake, '+12065550100', instance.arn);
    const first = flow(fake, instance.id, 'Inbound');
    const second = flow(fake, instance.id, 'After hours');
    flow(fake, instance.id, 'Someone else\'s');
    return {
      props: { InstanceId: instance.id, PhoneNumberArn: number.PhoneNumberArn, ContactFlowArn: first.arn },
      updated: { InstanceId: instance.id, PhoneNumberArn: number.PhoneNumberArn, ContactFlowArn: second.arn },
    };
  },
  read: (fake) => associationOf(fake, [...fake.instances.keys()][0], onlyNumber(fake).PhoneNumberId),
  expected: (props) => props.ContactFlowArn,
  count: (fake) => phoneNumberState(fake).associations.size,
  deleteOutOfBand: (fake) => {
    phoneNumberState(fake).associations.clear();
  },
  changeOutOfBand: (fake) => {
    const instanceId = [...fake.instances.keys()][0];
    const other = [...phoneNumberState(fake).associations.values()];
    const foreign = flow(fake, instanceId, `changed ${other.length}`);
    phoneNumberState(fake).associations.set(`${instanceId}|${onlyNumber(fake).PhoneNumberId}`, foreign.arn);
  },
});

describe('Custom::ConnectPhoneNumberFlow', () => {
  let h: Harness;
  let number: FakePhoneNumber;
  let props: Properties;
  let inbound: { arn: string; id: string };
  beforeEach(() => {
    h = new Harness();
    number = seedPhoneNumber(h.fake, '+12065550100', h.instance.arn);
    inbound = flow(h.fake, h.instance.id, 'Inbound');
    props = { InstanceId: h.instance.id, PhoneNumberArn: number.PhoneNumberArn, ContactFlowArn: inbound.arn };
  });
  afterEach(() => h.dispose());

  test('associates the number by id with the flow by id, after recording the holder and reading the live associations', async () => {
    const { response } = await h.create(TYPE, props);

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: expect.stringMatching(idOf(h.instance.id, number.PhoneNumberId)) });
    expect(response.Reason).toBeUndefined();
    expect(h.fake.calls.map((call) => call.operation)).toEqual(['ListTagsForResource', 'ListFlowAssociations', 'TagResource', 'AssociatePhoneNumberContactFlow']);
    expect(h.fake.callsOf('TagResource')[0].input).toEqual({
      resourceArn: number.PhoneNumberArn,
      tags: { [`cdk-connect:flow:${h.instance.id}`]: `${tokenOf(response.PhysicalResourceId)} -` },
    });
    expect(h.fake.callsOf('ListFlowAssociations')[0].input).toEqual({ InstanceId: h.instance.id, ResourceType: 'VOICE_PHONE_NUMBER', MaxResults: 1000 });
    expect(h.fake.callsOf('AssociatePhoneNumberContactFlow')[0].input).toEqual({
      InstanceId: h.instance.id,
      PhoneNumberId: number.PhoneNumberId,
      ContactFlowId: inbound.id,
    });
  });

  test('writes only its record when the number already has the flow', async () => {
    h.fake.calls.length = 0;
    phoneNumberState(h.fake).associations.set(`${h.instance.id}|${number.PhoneNumberId}`, inbound.arn);
    const { response, writeCalls } = await h.create(TYPE, props);
    expect(response.Status).toBe('SUCCESS');
    expect(writeCalls).toBe(1);
    expect(h.fake.callsOf('AssociatePhoneNumberContactFlow')).toHaveLength(0);
  });

  test('says so when it replaces a flow the number had (with no record of a cdk-connect resource)', async () => {
    const previous = flow(h.fake, h.instance.id, 'Previous');
    phoneNumberState(h.fake).associations.set(`${h.instance.id}|${number.PhoneNumberId}`, previous.arn);
    const { response } = await h.create(TYPE, props);
    expect(response).toMatchObject({
      Status: 'SUCCESS',
      Reason: `replaced flow ${previous.id} of phone number ${number.PhoneNumberId} with flow ${inbound.id}; `
        + 'deleting this resource leaves the number with no flow',
    });
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBe(inbound.arn);
  });

  test('a move keeps the flow: the new resource takes the number over, the old one\'s delete leaves it', async () => {
    const old = await h.create(TYPE, props, { logicalId: 'Old' });
    const moved = await h.create(TYPE, props, { logicalId: 'New' });
    expect(moved).toMatchObject({ response: { Status: 'SUCCESS' }, writeCalls: 1 });
    expect(moved.response.Reason).toMatch(new RegExp(`^took over the flow of phone number ${number.PhoneNumberId} from another cdk-connect resource`));
    expect(moved.response.PhysicalResourceId).not.toBe(old.response.PhysicalResourceId);

    const deleted = await h.delete(TYPE, old.response.PhysicalResourceId, props, { logicalId: 'Old' });
    expect(deleted).toMatchObject({
      response: {
        Status: 'SUCCESS',
        Reason: `left the flow of phone number ${number.PhoneNumberId} as it is: another cdk-connect resource has taken the number over`,
      },
      writeCalls: 0,
    });
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBe(inbound.arn);

    // The new resource's own delete still disassociates, and removes the record.
    await h.delete(TYPE, moved.response.PhysicalResourceId, props, { logicalId: 'New' });
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBeUndefined();
    expect(h.fake.tags.get(number.PhoneNumberArn)).toEqual({});
  });

  test('an update takes the number back from a resource that took it over, and says so', async () => {
    const mine = await h.create(TYPE, props, { logicalId: 'Mine' });
    await h.create(TYPE, props, { logicalId: 'Other' });
    const { response } = await h.update(TYPE, mine.response.PhysicalResourceId, props, props, { logicalId: 'Mine' });
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: mine.response.PhysicalResourceId });
    expect(response.Reason).toMatch(/^re-created the association of phone number .*: another cdk-connect resource had taken the number over/);
    expect(h.fake.tags.get(number.PhoneNumberArn)).toEqual({ [`cdk-connect:flow:${h.instance.id}`]: `${tokenOf(mine.response.PhysicalResourceId)} -` });
  });

  test('a create that fails removes its record', async () => {
    const hold = flow(h.fake, h.instance.id, 'Hold', 'CUSTOMER_HOLD');
    const { response } = await h.create(TYPE, { ...props, ContactFlowArn: hold.arn });
    expect(response.Status).toBe('FAILED');
    expect(h.fake.tags.get(number.PhoneNumberArn)).toEqual({});
  });

  test('a delete without a record (removed out of band) still disassociates its own flow', async () => {
    const created = await h.create(TYPE, props);
    h.fake.tags.set(number.PhoneNumberArn, {});
    const { response } = await h.delete(TYPE, created.response.PhysicalResourceId, props);
    expect(response.Status).toBe('SUCCESS');
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBeUndefined();
  });

  test('reads every page of the live associations', async () => {
    phoneNumberState(h.fake).settings.listPageSize = 2;
    const others = [1, 2, 3, 4, 5].map((i) => seedPhoneNumber(h.fake, `+1206555020${i}`, h.instance.arn));
    for (const other of others) {
      phoneNumberState(h.fake).associations.set(`${h.instance.id}|${other.PhoneNumberId}`, inbound.arn);
    }
    const created = await h.create(TYPE, props);
    expect(h.fake.callsOf('ListFlowAssociations')).toHaveLength(3);

    // Now six associations, three pages; this number's is on the last.
    const noop = await h.update(TYPE, created.response.PhysicalResourceId, props, props);
    expect(noop.writeCalls).toBe(0);
    expect(h.fake.callsOf('ListFlowAssociations').map((call) => call.input.NextToken)).toEqual([undefined, '2', '4', undefined, '2', '4']);
  });

  test('a new flow for the same number is an update in place', async () => {
    const created = await h.create(TYPE, props);
    const afterHours = flow(h.fake, h.instance.id, 'After hours');
    const { response } = await h.update(TYPE, created.response.PhysicalResourceId, { ...props, ContactFlowArn: afterHours.arn }, props);

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.response.PhysicalResourceId });
    expect(response.Reason).toBeUndefined();
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBe(afterHours.arn);
  });

  test('another number is a new association; deleting the old one then frees the old number only', async () => {
    const created = await h.create(TYPE, props);
    const second = seedPhoneNumber(h.fake, '+12065550199', h.instance.arn);
    const newProps = { ...props, PhoneNumberArn: second.PhoneNumberArn };
    const updated = await h.update(TYPE, created.response.PhysicalResourceId, newProps, props);

    expect(updated.response.Status).toBe('SUCCESS');
    expect(updated.response.PhysicalResourceId).toMatch(idOf(h.instance.id, second.PhoneNumberId));
    const cleanup = await h.delete(TYPE, created.response.PhysicalResourceId, props);
    expect(cleanup.response.Status).toBe('SUCCESS');
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBeUndefined();
    expect(associationOf(h.fake, h.instance.id, second.PhoneNumberId)).toBe(inbound.arn);
  });

  test('says so when it restores a flow that was changed out of band', async () => {
    const created = await h.create(TYPE, props);
    const foreign = flow(h.fake, h.instance.id, 'Console');
    phoneNumberState(h.fake).associations.set(`${h.instance.id}|${number.PhoneNumberId}`, foreign.arn);
    const { response } = await h.update(TYPE, created.response.PhysicalResourceId, props, props);
    expect(response.Reason).toBe(`restored the association of phone number ${number.PhoneNumberId} with flow ${inbound.id}: `
      + `it had been associated with flow ${foreign.id} out of band`);
  });

  test('on delete, leaves a flow that someone else set later, and says so', async () => {
    const created = await h.create(TYPE, props);
    const foreign = flow(h.fake, h.instance.id, 'Console');
    phoneNumberState(h.fake).associations.set(`${h.instance.id}|${number.PhoneNumberId}`, foreign.arn);
    const before = h.fake.writeCalls();
    const { response } = await h.delete(TYPE, created.response.PhysicalResourceId, props);

    expect(response.Status).toBe('SUCCESS');
    expect(response.Reason).toBe(`left phone number ${number.PhoneNumberId} associated with flow ${foreign.id}: `
      + `it was associated with that flow after this stack associated it with flow ${inbound.id}`);
    // Only its own record goes.
    expect(h.fake.writeCalls()).toBe(before + 1);
    expect(h.fake.callsOf('DisassociatePhoneNumberContactFlow')).toHaveLength(0);
    expect(h.fake.tags.get(number.PhoneNumberArn)).toEqual({});
    expect(associationOf(h.fake, h.instance.id, number.PhoneNumberId)).toBe(foreign.arn);
  });

  test('delete succeeds when the number was released', async () => {
    const created = await h.create(TYPE, props);
    releaseOutOfBand(h.fake, number.PhoneNumberId);
    const { response } = await h.delete(TYPE, created.response.PhysicalResourceId, props);
    expect(response.Status).toBe('SUCCESS');
  });

  test('delete succeeds when the instance is gone', async () => {
    const created = await h.create(TYPE, props);
    h.fake.instances.clear();
    const { response } = await h.delete(TYPE, created.response.PhysicalResourceId, props);
    expect(response.Status).toBe('SUCCESS');
  });

  test('fails with Connect\'s message for a flow that is not inbound', async () => {
    const hold = flow(h.fake, h.instance.id, 'Hold', 'CUSTOMER_HOLD');
    const { response } = await h.create(TYPE, { ...props, ContactFlowArn: hold.arn });
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'AssociatePhoneNumberContactFlow failed: InvalidParameterException: Only flows of type CONTACT_FLOW can be associated with a phone number, got CUSTOMER_HOLD',
    });
  });

  test('fails with Connect\'s message for a number that does not exist', async () => {
    releaseOutOfBand(h.fake, number.PhoneNumberId);
    const { response } = await h.create(TYPE, props);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `phone number ${number.PhoneNumberArn} does not exist (ResourceNotFoundException: Resource not found: ${number.PhoneNumberArn})`,
    });
  });

  test.each([
    [{ PhoneNumberArn: 'pn-1' }, /^property PhoneNumberArn must be the ARN of a phone number, got pn-1$/],
    [{ ContactFlowArn: 'arn:aws:connect:us-east-1:123456789012:instance/i/queue/q' }, /^property ContactFlowArn must be the ARN of a flow/],
    [{ InstanceId: undefined }, /^property InstanceId is required$/],
  ])('fails before calling Connect with the malformed properties %p', async (change, reason) => {
    const { response } = await h.create(TYPE, { ...props, ...change });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(reason) });
    expect(h.fake.calls).toHaveLength(0);
  });

  test('accepts only the physical ids it returns', () => {
    expect(phoneNumberFlowKind.isPhysicalId(`cdk-connect:phone-number-flow:inst-1:pn-1:${TOKEN}`)).toBe(true);
    expect(phoneNumberFlowKind.isPhysicalId('cdk-connect:phone-number-flow:inst-1:pn-1')).toBe(false);
    expect(phoneNumberFlowKind.isPhysicalId('cdk-connect:phone-number-flow:inst-1:pn-1:cdkc-12')).toBe(false);
    expect(phoneNumberFlowKind.isPhysicalId('cdk-connect:failed-create:request-1')).toBe(false);
    expect(phoneNumberFlowKind.isPhysicalId('arn:aws:connect:us-east-1:123456789012:phone-number/pn-1')).toBe(false);
    expect(phoneNumberFlowKind.isPhysicalId('2026/11/22/[$LATEST]0123456789abcdef')).toBe(false);
  });
});

describe('Custom::ConnectPhoneNumberFlow against a mocked client', () => {
  const client = new ConnectClient({ region: 'us-east-1', maxAttempts: 1 });
  const PHONE_ARN = 'arn:aws:connect:us-east-1:123456789012:phone-number/pn-1';
  const FLOW_ARN = 'arn:aws:connect:us-west-2:123456789012:instance/inst-1/contact-flow/flow-1';
  let connect: ReturnType<typeof mockClient>;
  const region = process.env.AWS_REGION;
  // Created per test: the harness above stubs (and restores) the same client class.
  beforeEach(() => {
    connect = mockClient(ConnectClient);
    connect.on(ListTagsForResourceCommand).resolves({ tags: {} });
    connect.on(TagResourceCommand).resolves({});
    connect.on(UntagResourceCommand).resolves({});
  });
  afterEach(() => {
    connect.restore();
    if (region === undefined) {
      delete process.env.AWS_REGION;
    } else {
      process.env.AWS_REGION = region;
    }
  });

  function run(requestType: 'Create' | 'Delete', physicalId?: string) {
    return runEvent({
      RequestType: requestType,
      ServiceToken: 'token',
      ResponseURL: 'https://example.com',
      StackId: 'arn:aws:cloudformation:us-west-2:123456789012:stack/s/1',
      RequestId: 'request',
      LogicalResourceId: 'Flow',
      ResourceType: TYPE,
      PhysicalResourceId: physicalId,
      ResourceProperties: { InstanceId: 'inst-1', PhoneNumberArn: PHONE_ARN, ContactFlowArn: FLOW_ARN },
    }, KINDS, { client, deadline: Date.now() + 60_000, sleep: async () => undefined, log: () => undefined });
  }

  test('names a number of another region (a traffic distribution group\'s) by its ARN', async () => {
    process.env.AWS_REGION = 'us-west-2';
    connect.on(ListFlowAssociationsCommand).resolves({ FlowAssociationSummaryList: [] });
    connect.on(AssociatePhoneNumberContactFlowCommand).resolves({});
    expect((await run('Create')).response.Status).toBe('SUCCESS');
    expect(connect.commandCalls(AssociatePhoneNumberContactFlowCommand)[0].args[0].input)
      .toEqual({ InstanceId: 'inst-1', PhoneNumberId: PHONE_ARN, ContactFlowId: 'flow-1' });

    connect.on(ListFlowAssociationsCommand).resolves({ FlowAssociationSummaryList: [{ ResourceId: PHONE_ARN, FlowId: FLOW_ARN, ResourceType: 'VOICE_PHONE_NUMBER' }] });
    connect.on(DisassociatePhoneNumberContactFlowCommand).resolves({});
    expect((await run('Delete', `cdk-connect:phone-number-flow:inst-1:pn-1:${TOKEN}`)).response.Status).toBe('SUCCESS');
    expect(connect.commandCalls(DisassociatePhoneNumberContactFlowCommand)[0].args[0].input).toEqual({ InstanceId: 'inst-1', PhoneNumberId: PHONE_ARN });
  });

  test('names a number of its own region by its id', async () => {
    process.env.AWS_REGION = 'us-east-1';
    connect.on(ListFlowAssociationsCommand).resolves({});
    connect.on(AssociatePhoneNumberContactFlowCommand).resolves({});
    expect((await run('Create')).response.Status).toBe('SUCCESS');
    expect(connect.commandCalls(AssociatePhoneNumberContactFlowCommand)[0].args[0].input.PhoneNumberId).toBe('pn-1');
  });

  test('a disassociation that Connect refuses fails with its message', async () => {
    connect.on(ListFlowAssociationsCommand).resolves({ FlowAssociationSummaryList: [{ ResourceId: 'pn-1', FlowId: 'flow-1', ResourceType: 'VOICE_PHONE_NUMBER' }] });
    connect.on(DisassociatePhoneNumberContactFlowCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform connect:DisassociatePhoneNumberContactFlow', 403));
    const { response } = await run('Delete', `cdk-connect:phone-number-flow:inst-1:pn-1:${TOKEN}`);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'DisassociatePhoneNumberContactFlow failed: AccessDeniedException: not authorized to perform connect:DisassociatePhoneNumberContactFlow',
    });
  });
});
