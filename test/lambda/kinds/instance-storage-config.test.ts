import { AssociateInstanceStorageConfigCommand, ConnectClient, UpdateInstanceStorageConfigCommand, DescribeInstanceStorageConfigCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { CloudFormationEvent } from '../../../lambda/engine/types';
import { KINDS } from '../../../lambda/kinds';
import { FakeConnect } from '../fake';
import { storageConfigs } from '../fake/instance';
import { Harness } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectInstanceStorageConfig';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function s3Config(prefix: string) {
  return { StorageType: 'S3', S3Config: { BucketName: 'acme-connect', BucketPrefix: prefix, EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN } } };
}

function associationOf(physicalId: string): string {
  return physicalId.split(':').pop()!;
}

lifecycleSuite({
  resourceType: TYPE,
  createOperation: 'AssociateInstanceStorageConfig',
  uniqueIdentity: /^AssociateInstanceStorageConfig failed: ResourceConflictException: A storage config for resource type ATTACHMENTS already exists on this instance/,
  setup: (_fake, instance) => ({
    props: { InstanceId: instance.id, ResourceType: 'ATTACHMENTS', StorageConfig: s3Config('attachments') },
    updated: { InstanceId: instance.id, ResourceType: 'ATTACHMENTS', StorageConfig: s3Config('attachments-v2') },
  }),
  read: (fake, physicalId) => storageConfigs(fake).get(associationOf(physicalId))?.config,
  expected: (props) => ({ ...(props.StorageConfig as object), AssociationId: undefined }),
  count: (fake: FakeConnect) => storageConfigs(fake).size,
  deleteOutOfBand: (fake, physicalId) => { storageConfigs(fake).delete(associationOf(physicalId)); },
  changeOutOfBand: (fake, physicalId) => {
    const stored = storageConfigs(fake).get(associationOf(physicalId))!;
    stored.config = { ...stored.config, S3Config: { ...stored.config.S3Config!, BucketPrefix: 'somewhere-else' } };
  },
});

describe('instance storage config', () => {
  let h: Harness;
  beforeEach(() => { h = new Harness(); });
  afterEach(() => h.dispose());

  test('streams real-time contact analysis segments to a Kinesis data stream and changes the stream', async () => {
    const props = {
      InstanceId: h.instance.id,
      ResourceType: 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS',
      StorageConfig: { StorageType: 'KINESIS_STREAM', KinesisStreamConfig: { StreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/rtca' } },
    };
    const { response } = await h.create(TYPE, props);
    expect(response.PhysicalResourceId).toMatch(/^cdk-connect:instance-storage-config:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee:REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS:[-0-9a-f]+$/);
    const moved = { ...props, StorageConfig: { StorageType: 'KINESIS_STREAM', KinesisStreamConfig: { StreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/rtca-2' } } };
    const updated = await h.update(TYPE, response.PhysicalResourceId, moved, props);
    expect(updated.writeCalls).toBe(1);
    expect(storageConfigs(h.fake).get(associationOf(response.PhysicalResourceId))?.config.KinesisStreamConfig?.StreamArn).toMatch(/rtca-2$/);
  });

  test('another resource type is a new association; the old one is disassociated by its delete', async () => {
    const props = { InstanceId: h.instance.id, ResourceType: 'ATTACHMENTS', StorageConfig: s3Config('attachments') };
    const { response } = await h.create(TYPE, props);
    const other = { ...props, ResourceType: 'EMAIL_MESSAGES' };
    const replaced = await h.update(TYPE, response.PhysicalResourceId, other, props);
    expect(replaced.response.PhysicalResourceId).toContain(':EMAIL_MESSAGES:');
    expect(storageConfigs(h.fake).size).toBe(2);
    await h.delete(TYPE, response.PhysicalResourceId, props);
    expect([...storageConfigs(h.fake).values()].map((stored) => stored.resourceType)).toEqual(['EMAIL_MESSAGES']);
  });

  test('fails with the message of Connect when the resource type already has storage', async () => {
    const props = { InstanceId: h.instance.id, ResourceType: 'ATTACHMENTS', StorageConfig: s3Config('attachments') };
    await h.create(TYPE, props, { logicalId: 'Console' });
    const { response } = await h.create(TYPE, props, { logicalId: 'Stack' });
    expect(response).toMatchObject({ Status: 'FAILED' });
    expect(response.Reason).toMatch(/^AssociateInstanceStorageConfig failed: ResourceConflictException: A storage config for resource type ATTACHMENTS already exists/);
  });

  test('fails with the message of Connect for storage the resource type does not take', async () => {
    const { response } = await h.create(TYPE, {
      InstanceId: h.instance.id,
      ResourceType: 'REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS',
      StorageConfig: s3Config('rtca'),
    });
    expect(response.Reason).toBe('AssociateInstanceStorageConfig failed: InvalidRequestException: Storage type S3 is not supported for resource type REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS');
  });

  test.each([
    [{}, 'property StorageConfig is required'],
    [{ StorageConfig: { StorageType: 'FTP' } }, 'property StorageType must be one of S3, KINESIS_VIDEO_STREAM, KINESIS_STREAM, KINESIS_FIREHOSE, got FTP'],
    [{ StorageConfig: { StorageType: 'S3' } }, 'property StorageConfig.S3Config must be an object'],
    [{ StorageConfig: { StorageType: 'S3', S3Config: { BucketName: 'b' } } }, 'property BucketPrefix is required'],
    [{ StorageConfig: { StorageType: 'KINESIS_VIDEO_STREAM', KinesisVideoStreamConfig: { Prefix: 'p', EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN } } } },
      'property StorageConfig.KinesisVideoStreamConfig.RetentionPeriodHours is required'],
  ])('fails with malformed properties %#', async (extra, reason) => {
    const { response } = await h.create(TYPE, { InstanceId: h.instance.id, ResourceType: 'ATTACHMENTS', ...extra });
    expect(response).toMatchObject({ Status: 'FAILED', Reason: reason });
  });
});

describe('instance storage config requests', () => {
  let connect: ReturnType<typeof mockClient>;
  beforeEach(() => { connect = mockClient(ConnectClient); });
  afterEach(() => connect.restore());

  function event(requestType: 'Create' | 'Update', storageConfig: object, physicalId?: string): CloudFormationEvent {
    const properties = { ServiceToken: 'token', InstanceId: 'inst-1', ResourceType: 'CONTACT_EVALUATIONS', StorageConfig: storageConfig };
    return {
      RequestType: requestType,
      ServiceToken: 'token',
      ResponseURL: 'https://example.com',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
      RequestId: 'req-1',
      LogicalResourceId: 'Storage',
      ResourceType: TYPE,
      PhysicalResourceId: physicalId,
      ResourceProperties: properties,
      OldResourceProperties: requestType === 'Update' ? properties : undefined,
    };
  }
  const runtime = () => ({ client: new ConnectClient({ region: 'us-east-1' }), deadline: Date.now() + 60_000, log: () => undefined });

  test('associates with a ClientToken and the configuration in the API shape', async () => {
    connect.on(AssociateInstanceStorageConfigCommand).resolves({ AssociationId: 'assoc-1' });
    const { response } = await runEvent(event('Create', s3Config('evaluations')), KINDS, runtime());
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'cdk-connect:instance-storage-config:inst-1:CONTACT_EVALUATIONS:assoc-1' });
    const input = connect.commandCalls(AssociateInstanceStorageConfigCommand)[0].args[0].input;
    expect(input).toEqual({ InstanceId: 'inst-1', ResourceType: 'CONTACT_EVALUATIONS', StorageConfig: s3Config('evaluations'), ClientToken: expect.stringMatching(/^cdkc-[0-9a-f]{31}$/) });
  });

  test('updates only what differs, with the association id', async () => {
    connect.on(DescribeInstanceStorageConfigCommand).resolves({ StorageConfig: { AssociationId: 'assoc-1', ...s3Config('old') } as never });
    connect.on(UpdateInstanceStorageConfigCommand).resolves({});
    const id = 'cdk-connect:instance-storage-config:inst-1:CONTACT_EVALUATIONS:assoc-1';
    const { response } = await runEvent(event('Update', s3Config('new'), id), KINDS, runtime());
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    expect(connect.commandCalls(UpdateInstanceStorageConfigCommand)[0].args[0].input).toEqual({
      InstanceId: 'inst-1', AssociationId: 'assoc-1', ResourceType: 'CONTACT_EVALUATIONS', StorageConfig: s3Config('new'), ClientToken: expect.stringMatching(/^cdkc-/),
    });
  });

  test('compares a Kinesis Video Streams retention given as a string with the number Connect returns', async () => {
    const kvs = { StorageType: 'KINESIS_VIDEO_STREAM', KinesisVideoStreamConfig: { Prefix: 'p', RetentionPeriodHours: '24', EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN } } };
    connect.on(DescribeInstanceStorageConfigCommand).resolves({
      StorageConfig: { AssociationId: 'assoc-1', StorageType: 'KINESIS_VIDEO_STREAM', KinesisVideoStreamConfig: { Prefix: 'p', RetentionPeriodHours: 24, EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN } } },
    });
    const { response, writeCalls } = await runEvent(event('Update', kvs, 'cdk-connect:instance-storage-config:inst-1:CONTACT_EVALUATIONS:assoc-1'), KINDS, runtime());
    expect(response.Status).toBe('SUCCESS');
    expect(writeCalls).toBe(0);
  });
});
