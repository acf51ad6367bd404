import { AssociateDefaultVocabularyCommand, ConnectClient, DescribeVocabularyCommand, ListDefaultVocabulariesCommand, ListTagsForResourceCommand, TagResourceCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { CloudFormationEvent } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { FakeConnect } from '../fake';
import { addVocabulary, defaultVocabulary, FakeVocabulary, removeVocabulary, setDefaultVocabulary } from '../fake/instance';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectDefaultVocabulary';
const LEASE = 'cdk-connect:default-vocabulary:en-US';

function instanceOf(fake: FakeConnect): { id: string; arn: string } {
  return [...fake.instances.values()][0];
}

/** The vocabularies each lifecycle test starts with: the default from before the stack, and two of the stack's. */
const seeded = new WeakMap<FakeConnect, { before: FakeVocabulary; first: FakeVocabulary; second: FakeVocabulary }>();

lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'AssociateDefaultVocabulary',
  createWrites: 2, // the record on the instance (TagResource) and the default
  setup: (fake, instance) => {
    const before = addVocabulary(fake, instance.id, { name: 'legacy-terms' });
    const first = addVocabulary(fake, instance.id, { name: 'product-names' });
    const second = addVocabulary(fake, instance.id, { name: 'product-names-v2' });
    setDefaultVocabulary(fake, instance.id, 'en-US', before.id);
    seeded.set(fake, { before, first, second });
    const base = { InstanceId: instance.id, InstanceArn: instance.arn, LanguageCode: 'en-US' };
    return { props: { ...base, VocabularyId: first.id }, updated: { ...base, VocabularyId: second.id } };
  },
  read: (fake) => defaultVocabulary(fake, instanceOf(fake).id, 'en-US'),
  expected: (props) => props.VocabularyId,
  afterDelete: (fake) => seeded.get(fake)!.before.id,
  count: (fake) => (fake.tags.get(instanceOf(fake).arn)?.[LEASE] === undefined ? 0 : 1),
  deleteOutOfBand: (fake) => {
    setDefaultVocabulary(fake, instanceOf(fake).id, 'en-US', seeded.get(fake)!.before.id);
    const tags = { ...fake.tags.get(instanceOf(fake).arn) };
    delete tags[LEASE];
    fake.tags.set(instanceOf(fake).arn, tags);
  },
  changeOutOfBand: (fake) => setDefaultVocabulary(fake, instanceOf(fake).id, 'en-US', seeded.get(fake)!.before.id),
});

describe('default vocabulary', () => {
  let h: Harness;
  let base: Record<string, string>;
  beforeEach(() => {
    h = new Harness();
    base = { InstanceId: h.instance.id, InstanceArn: h.instance.arn, LanguageCode: 'en-US' };
  });
  afterEach(() => h.dispose());

  test('waits until a new vocabulary is ACTIVE; on delete removes the default when there was none', async () => {
    const vocabulary = addVocabulary(h.fake, h.instance.id, { name: 'new-terms', describesUntilActive: 3 });
    const props = { ...base, VocabularyId: vocabulary.id };
    const { response } = await h.create(TYPE, props);
    expect(response).toMatchObject({ Status: 'SUCCESS' });
    expect(response.PhysicalResourceId).toMatch(/^cdk-connect:default-vocabulary:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee:en-US:cdkc-[0-9a-f]{31}:$/);
    // Three answers CREATION_IN_PROGRESS, five seconds apart, then ACTIVE.
    expect(h.fake.callsOf('DescribeVocabulary')).toHaveLength(4);
    expect(h.log.filter((line) => line.startsWith(`waiting for vocabulary ${vocabulary.id} to become ACTIVE`))).toHaveLength(3);
    expect(h.clock).toBe(15_000);
    expect(defaultVocabulary(h.fake, h.instance.id, 'en-US')).toBe(vocabulary.id);
    expect(h.fake.tags.get(h.instance.arn)?.[LEASE]).toMatch(/^cdkc-[0-9a-f]{31} -$/);

    await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(defaultVocabulary(h.fake, h.instance.id, 'en-US')).toBeUndefined();
    expect(h.fake.callsOf('AssociateDefaultVocabulary').map((call) => call.input)).toEqual([
      { InstanceId: h.instance.id, LanguageCode: 'en-US', VocabularyId: vocabulary.id },
      { InstanceId: h.instance.id, LanguageCode: 'en-US' },
    ]);
  });

  test('fails when the vocabulary failed to be created, with its reason', async () => {
    const vocabulary = addVocabulary(h.fake, h.instance.id, { name: 'broken', state: 'CREATION_FAILED', failureReason: 'the phrase Foo Bar has a space' });
    const { response } = await h.create(TYPE, { ...base, VocabularyId: vocabulary.id });
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: `vocabulary ${vocabulary.id} cannot be the default of en-US: its creation failed (the phrase Foo Bar has a space)`,
    });
    expect(h.fake.writeCalls()).toBe(0);
  });

  test('fails when the vocabulary is in another language', async () => {
    const vocabulary = addVocabulary(h.fake, h.instance.id, { name: 'british', languageCode: 'en-GB' });
    const { response } = await h.create(TYPE, { ...base, VocabularyId: vocabulary.id });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: `vocabulary ${vocabulary.id} (british) is in en-GB, so it cannot be the default of en-US` });
  });

  test('fails with the message of Connect when the vocabulary does not exist', async () => {
    const { response } = await h.create(TYPE, { ...base, VocabularyId: 'no-such-vocabulary' });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'DescribeVocabulary failed: ResourceNotFoundException: Vocabulary not found: no-such-vocabulary' });
  });

  test('times out when the vocabulary stays in creation', async () => {
    const vocabulary = addVocabulary(h.fake, h.instance.id, { name: 'slow', describesUntilActive: 1_000_000 });
    h.budgetMs = 60_000;
    const { response } = await h.create(TYPE, { ...base, VocabularyId: vocabulary.id });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: `timed out waiting for vocabulary ${vocabulary.id} to become ACTIVE` });
  });

  test('sets none when the previous default was deleted meanwhile', async () => {
    const before = addVocabulary(h.fake, h.instance.id, { name: 'old' });
    const mine = addVocabulary(h.fake, h.instance.id, { name: 'mine' });
    setDefaultVocabulary(h.fake, h.instance.id, 'en-US', before.id);
    const props = { ...base, VocabularyId: mine.id };
    const { response } = await h.create(TYPE, props);
    removeVocabulary(h.fake, before.id);
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(deleted.response).toMatchObject({ Status: 'SUCCESS' });
    expect(deleted.response.Reason).toMatch(/the previous default vocabulary of en-US \(.*\) no longer exists: set none/);
    expect(defaultVocabulary(h.fake, h.instance.id, 'en-US')).toBeUndefined();
  });

  test('a delete leaves a default that was changed out of band', async () => {
    const mine = addVocabulary(h.fake, h.instance.id, { name: 'mine' });
    const theirs = addVocabulary(h.fake, h.instance.id, { name: 'theirs' });
    const props = { ...base, VocabularyId: mine.id };
    const { response } = await h.create(TYPE, props);
    setDefaultVocabulary(h.fake, h.instance.id, 'en-US', theirs.id);
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(deleted.response.Reason).toMatch(/left the default vocabulary of en-US in instance .* as it is \(.*\): it was changed out of band/);
    expect(defaultVocabulary(h.fake, h.instance.id, 'en-US')).toBe(theirs.id);
    expect(h.fake.tags.get(h.instance.arn)).toEqual({});
  });

  test('another language is a new resource; the old one restores its language when deleted', async () => {
    const english = addVocabulary(h.fake, h.instance.id, { name: 'english' });
    const german = addVocabulary(h.fake, h.instance.id, { name: 'german', languageCode: 'de-DE' });
    const props = { ...base, VocabularyId: english.id };
    const { response } = await h.create(TYPE, props);
    const moved = await h.update(TYPE, response.PhysicalResourceId, { ...base, LanguageCode: 'de-DE', VocabularyId: german.id }, props);
    expect(moved.response.PhysicalResourceId).toContain(':de-DE:');
    await h.delete(TYPE, response.PhysicalResourceId, props);
    expect(defaultVocabulary(h.fake, h.instance.id, 'en-US')).toBeUndefined();
    expect(defaultVocabulary(h.fake, h.instance.id, 'de-DE')).toBe(german.id);
  });
});

describe('default vocabulary requests', () => {
  const INSTANCE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/inst-1';
  let connect: ReturnType<typeof mockClient>;
  beforeEach(() => { connect = mockClient(ConnectClient); });
  afterEach(() => connect.restore());

  test('reads the default of the language across pages, then sets the vocabulary', async () => {
    connect.on(DescribeVocabularyCommand).resolves({
      Vocabulary: { Id: 'v-new', Name: 'n', Arn: 'arn', LanguageCode: 'en-US', State: 'ACTIVE', LastModifiedTime: new Date(0) },
    });
    connect.on(ListTagsForResourceCommand).resolves({ tags: {} });
    connect.on(ListDefaultVocabulariesCommand)
      .resolvesOnce({ DefaultVocabularyList: [], NextToken: 'page-2' })
      .resolvesOnce({ DefaultVocabularyList: [{ InstanceId: 'inst-1', LanguageCode: 'en-US', VocabularyId: 'v-old', VocabularyName: 'old' }] });
    connect.on(TagResourceCommand).resolves({});
    connect.on(AssociateDefaultVocabularyCommand).resolves({});
    const event: CloudFormationEvent = {
      RequestType: 'Create',
      ServiceToken: 'token',
      ResponseURL: 'https://example.com',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
      RequestId: 'req-1',
      LogicalResourceId: 'Default',
      ResourceType: TYPE,
      ResourceProperties: { ServiceToken: 'token', InstanceId: 'inst-1', InstanceArn: INSTANCE_ARN, LanguageCode: 'en-US', VocabularyId: 'v-new' },
    };

    const { response } = await runEvent(event, KINDS, { client: new ConnectClient({ region: 'us-east-1' }), deadline: Date.now() + 60_000, log: () => undefined });

    expect(response).toMatchObject({ Status: 'SUCCESS' });
    const token = response.PhysicalResourceId.split(':')[4];
    expect(connect.commandCalls(ListDefaultVocabulariesCommand).map((call) => call.args[0].input)).toEqual([
      { InstanceId: 'inst-1', LanguageCode: 'en-US', MaxResults: 100, NextToken: undefined },
      { InstanceId: 'inst-1', LanguageCode: 'en-US', MaxResults: 100, NextToken: 'page-2' },
    ]);
    expect(connect.commandCalls(TagResourceCommand)[0].args[0].input).toEqual({ resourceArn: INSTANCE_ARN, tags: { [LEASE]: `${token} v-old` } });
    expect(connect.commandCalls(AssociateDefaultVocabularyCommand)[0].args[0].input).toEqual({ InstanceId: 'inst-1', LanguageCode: 'en-US', VocabularyId: 'v-new' });
    expect(response.PhysicalResourceId).toBe(`cdk-connect:default-vocabulary:inst-1:en-US:${token}:di1vbGQ`);
  });
});
