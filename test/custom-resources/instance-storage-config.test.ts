import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Instance, StorageResourceType, StorageTarget } from '../../src/constructs/instance';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const TYPE = 'Custom::ConnectInstanceStorageConfig';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CONNECT_ACTIONS = [
  'connect:AssociateInstanceStorageConfig',
  'connect:DescribeInstanceStorageConfig',
  'connect:UpdateInstanceStorageConfig',
  'connect:DisassociateInstanceStorageConfig',
];
const SERVICE_ROLE = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*']],
};

function hasStatement(template: Template, statement: object): void {
  template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([statement]) } });
}

function statements(template: Template): unknown[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

describe('storage configurations CloudFormation rejects', () => {
  test('stores attachments in a bucket through the Connect API, with the permissions Connect needs for it', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'acme-attachments');
    const key = kms.Key.fromKeyArn(stack, 'Key', KEY_ARN);
    instance.addStorageConfig(StorageResourceType.ATTACHMENTS, StorageTarget.s3(bucket, { encryptionKey: key }));

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::InstanceStorageConfig', 0);
    template.hasResourceProperties(TYPE, {
      InstanceId: INSTANCE_ID,
      ResourceType: 'ATTACHMENTS',
      StorageConfig: {
        StorageType: 'S3',
        S3Config: {
          BucketName: 'acme-attachments',
          BucketPrefix: `connect/${INSTANCE_ID}/Attachments`,
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN },
        },
      },
    });
    const all = statements(template);
    expect(all).toContainEqual({ Effect: 'Allow', Action: CONNECT_ACTIONS, Resource: INSTANCE_ARN });
    expect(all).toContainEqual({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: SERVICE_ROLE });
    expect(all).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:GetBucketAcl'],
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::acme-attachments']] },
    });
    expect(all).toContainEqual({ Effect: 'Allow', Action: ['kms:DescribeKey', 'kms:CreateGrant'], Resource: KEY_ARN });
    expect(JSON.stringify(all)).not.toMatch(/"Resource":"\*"/);
  });

  test('uses the bucket\'s key and gives the provider the key of the bucket', () => {
    const { stack, instance } = testStack();
    const key = new kms.Key(stack, 'BucketKey');
    const bucket = new s3.Bucket(stack, 'Bucket', { encryptionKey: key });
    instance.addStorageConfig(StorageResourceType.EMAIL_MESSAGES, StorageTarget.s3(bucket, { prefix: 'email' }));

    const template = Template.fromStack(stack);
    template.hasResourceProperties(TYPE, {
      ResourceType: 'EMAIL_MESSAGES',
      StorageConfig: {
        S3Config: {
          BucketName: { Ref: Match.stringLikeRegexp('^Bucket') },
          BucketPrefix: 'email',
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BucketKey'), 'Arn'] } },
        },
      },
    });
    hasStatement(template, {
      Effect: 'Allow',
      Action: ['kms:DescribeKey', 'kms:CreateGrant'],
      Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BucketKey'), 'Arn'] },
    });
  });

  test('streams real-time contact analysis segments to a Kinesis data stream', () => {
    const { stack, instance } = testStack();
    const voice = new kinesis.Stream(stack, 'Voice');
    const chat = kinesis.Stream.fromStreamArn(stack, 'Chat', 'arn:aws:kinesis:us-east-1:111122223333:stream/rtca-chat');
    instance.addStorageConfig(StorageResourceType.REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS, StorageTarget.kinesisStream(voice));
    instance.addStorageConfig(StorageResourceType.REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS, StorageTarget.kinesisStream(chat));

    const template = Template.fromStack(stack);
    template.hasResourceProperties(TYPE, {
      ResourceType: 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS',
      StorageConfig: { StorageType: 'KINESIS_STREAM', KinesisStreamConfig: { StreamArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Voice'), 'Arn'] } } },
    });
    template.hasResourceProperties(TYPE, {
      ResourceType: 'REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS',
      StorageConfig: { StorageType: 'KINESIS_STREAM', KinesisStreamConfig: { StreamArn: 'arn:aws:kinesis:us-east-1:111122223333:stream/rtca-chat' } },
    });
    const all = statements(template);
    hasStatement(template, { Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Voice'), 'Arn'] } });
    expect(all).toContainEqual({ Effect: 'Allow', Action: 'kinesis:DescribeStream', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/rtca-chat' });
    // One statement for the Connect actions on the instance, however many storage configurations there are.
    expect(all.filter((s) => JSON.stringify(s).includes('AssociateInstanceStorageConfig'))).toHaveLength(1);
  });

  test('gives a Firehose target and Kinesis Video Streams their permissions, for types the library does not know', () => {
    const { stack, instance } = testStack();
    const arn = 'arn:aws:firehose:us-east-1:111122223333:deliverystream/future';
    instance.addStorageConfig(StorageResourceType.custom('FUTURE_RECORDS'),
      StorageTarget.firehose(firehose.DeliveryStream.fromDeliveryStreamArn(stack, 'Firehose', arn)));
    instance.addStorageConfig(StorageResourceType.custom('FUTURE_MEDIA'), StorageTarget.kinesisVideoStreams({
      prefix: 'media', retention: Duration.hours(6), encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
    }));

    const template = Template.fromStack(stack);
    template.hasResourceProperties(TYPE, {
      ResourceType: 'FUTURE_RECORDS',
      StorageConfig: { StorageType: 'KINESIS_FIREHOSE', KinesisFirehoseConfig: { FirehoseArn: arn } },
    });
    template.hasResourceProperties(TYPE, {
      ResourceType: 'FUTURE_MEDIA',
      StorageConfig: {
        StorageType: 'KINESIS_VIDEO_STREAM',
        KinesisVideoStreamConfig: { Prefix: 'media', RetentionPeriodHours: 6, EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN } },
      },
    });
    const all = statements(template);
    expect(all).toContainEqual({ Effect: 'Allow', Action: 'firehose:DescribeDeliveryStream', Resource: arn });
    expect(all).toContainEqual({ Effect: 'Allow', Action: ['kms:DescribeKey', 'kms:CreateGrant'], Resource: KEY_ARN });
  });

  test('names the service-linked role of an instance defined in the app', () => {
    const { stack } = testStack();
    const instance = new Instance(stack, 'Own', { instanceAlias: 'own-center' });
    instance.addStorageConfig(StorageResourceType.CONTACT_EVALUATIONS, StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'evaluations')));

    const template = Template.fromStack(stack);
    template.hasResourceProperties(TYPE, {
      InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Own'), 'Id'] },
      ResourceType: 'CONTACT_EVALUATIONS',
    });
    hasStatement(template, {
      Effect: 'Allow',
      Action: 'iam:PutRolePolicy',
      Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Own'), 'ServiceRole'] },
    });
  });

  test('fails to configure a resource type CloudFormation rejects twice', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'bucket-name');
    instance.addStorageConfig(StorageResourceType.SCREEN_RECORDINGS, StorageTarget.s3(bucket));
    expect(() => instance.addStorageConfig(StorageResourceType.SCREEN_RECORDINGS, StorageTarget.s3(bucket)))
      .toThrow(/storage for SCREEN_RECORDINGS is already configured; Connect allows one storage configuration per resource type/);
  });

  test('fails to store attachments in a Kinesis data stream', () => {
    const { stack, instance } = testStack();
    expect(() => instance.addStorageConfig(StorageResourceType.ATTACHMENTS, StorageTarget.kinesisStream(new kinesis.Stream(stack, 'S'))))
      .toThrow(/storage for ATTACHMENTS must be an S3 bucket, got a Kinesis data stream/);
  });
});
