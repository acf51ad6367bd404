import { App, CfnElement, CfnParameter, Duration, Lazy, Names, RemovalPolicy, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as pinpoint from 'aws-cdk-lib/aws-pinpoint';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as voiceid from 'aws-cdk-lib/aws-voiceid';
import { AnalyticsDataSet } from '../../src/constructs/data-lake-association';
import {
  IdentityManagementType,
  IInstance,
  Instance,
  InstanceMetricGroup,
  StorageResourceType,
  StorageTarget,
  StorageType,
} from '../../src/constructs/instance';
import { EventIntegrationSourceType, IIntegrationAssociation, IntegrationType } from '../../src/constructs/integration-association';
import { UseCaseType } from '../../src/constructs/use-case';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const PUBLIC_KEY = [
  '-----BEGIN PUBLIC KEY-----',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo',
  '4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u',
  '-----END PUBLIC KEY-----',
].join('\n');
const OTHER_PUBLIC_KEY = PUBLIC_KEY.replace('u1SU1', 'x9ZZ9');

function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
}

function newInstance(stack: Stack = newStack()): Instance {
  return new Instance(stack, 'Instance', { instanceAlias: 'my-contact-center' });
}

function newFunction(stack: Stack, id = 'Fn'): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
}

describe('Instance', () => {
  describe('creation', () => {
    test('renders a Connect-managed instance with Connect\'s defaults, retained by default', () => {
      const stack = newStack();
      newInstance(stack);

      const template = Template.fromStack(stack);
      template.hasResource('AWS::Connect::Instance', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          IdentityManagementType: 'CONNECT_MANAGED',
          InstanceAlias: 'my-contact-center',
          DirectoryId: Match.absent(),
          Attributes: {
            InboundCalls: true,
            OutboundCalls: true,
            ContactflowLogs: false,
            ContactLens: true,
            AutoResolveBestVoices: true,
            UseCustomTTSVoices: false,
            EarlyMedia: true,
          },
        },
      });
    });

    test('leaves opt-in attributes out of the template unless they are set', () => {
      const stack = newStack();
      newInstance(stack);

      const attributes = Object.values(Template.fromStack(stack).findResources('AWS::Connect::Instance'))[0].Properties.Attributes;
      expect(Object.keys(attributes).sort()).toEqual([
        'AutoResolveBestVoices', 'ContactLens', 'ContactflowLogs', 'EarlyMedia', 'InboundCalls', 'OutboundCalls', 'UseCustomTTSVoices',
      ]);
    });

    test('renders every attribute that is set', () => {
      const stack = newStack();
      new Instance(stack, 'Instance', {
        instanceAlias: 'cc',
        inboundCalls: false,
        outboundCalls: false,
        contactFlowLogs: true,
        contactLens: false,
        autoResolveBestVoices: false,
        useCustomTtsVoices: true,
        earlyMedia: false,
        multiPartyConference: true,
        multiPartyChatConference: true,
        highVolumeOutbound: true,
        enhancedContactMonitoring: true,
        enhancedChatMonitoring: false,
        messageStreaming: true,
        autoMuteAgentOnHold: true,
      });

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Instance', {
        Attributes: {
          InboundCalls: false,
          OutboundCalls: false,
          ContactflowLogs: true,
          ContactLens: false,
          AutoResolveBestVoices: false,
          UseCustomTTSVoices: true,
          EarlyMedia: false,
          MultiPartyConference: true,
          MultiPartyChatConference: true,
          HighVolumeOutBound: true,
          EnhancedContactMonitoring: true,
          EnhancedChatMonitoring: false,
          MessageStreaming: Match.absent(),
          AutoMuteAgentOnHold: true,
        },
      });
    });

    test('sets message streaming, which the pinned CloudFormation schema lacks, through the Connect API', () => {
      const stack = newStack();
      new Instance(stack, 'Instance', { instanceAlias: 'cc', messageStreaming: true });

      const template = Template.fromStack(stack);
      expect(Object.keys(Object.values(template.findResources('AWS::Connect::Instance'))[0].Properties.Attributes)).not.toContain('MessageStreaming');
      template.hasResourceProperties('Custom::ConnectInstanceAttribute', {
        InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] },
        AttributeType: 'MESSAGE_STREAMING',
        Value: 'true',
      });
    });

    test('renders a SAML instance', () => {
      const stack = newStack();
      new Instance(stack, 'Instance', { identityManagement: IdentityManagementType.SAML, instanceAlias: 'sso-center' });

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Instance', {
        IdentityManagementType: 'SAML',
        InstanceAlias: 'sso-center',
      });
    });

    test('renders an instance on an existing directory, without alias', () => {
      const stack = newStack();
      const instance = new Instance(stack, 'Instance', {
        identityManagement: IdentityManagementType.EXISTING_DIRECTORY,
        directoryId: 'd-0123456789',
      });

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Instance', {
        IdentityManagementType: 'EXISTING_DIRECTORY',
        DirectoryId: 'd-0123456789',
        InstanceAlias: Match.absent(),
      });
      expect(instance.instanceAlias).toBeUndefined();
      expect(instance.identityManagement).toBe(IdentityManagementType.EXISTING_DIRECTORY);
    });

    test('applies the removal policy', () => {
      const stack = newStack();
      new Instance(stack, 'Instance', { instanceAlias: 'cc', removalPolicy: RemovalPolicy.DESTROY });

      Template.fromStack(stack).hasResource('AWS::Connect::Instance', { DeletionPolicy: 'Delete' });
    });

    test('is taggable', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      Tags.of(instance).add('team', 'contact-center');

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Instance', {
        Tags: [{ Key: 'team', Value: 'contact-center' }],
      });
    });

    test('exposes the CloudFormation attributes', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      const logicalId = stack.getLogicalId(instance.node.defaultChild as any);

      expect(stack.resolve(instance.instanceArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
      expect(stack.resolve(instance.instanceId)).toEqual({ 'Fn::GetAtt': [logicalId, 'Id'] });
      expect(stack.resolve(instance.instanceServiceRoleArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ServiceRole'] });
      expect(stack.resolve(instance.instanceCreatedTime)).toEqual({ 'Fn::GetAtt': [logicalId, 'CreatedTime'] });
      expect(stack.resolve(instance.instanceStatus)).toEqual({ 'Fn::GetAtt': [logicalId, 'InstanceStatus'] });
      expect(stack.resolve(instance.instanceRef.instanceArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
      expect(instance.instanceAlias).toBe('my-contact-center');
    });

    test('accepts an alias of 45 characters, single-character aliases, repeated hyphens and tokens', () => {
      const stack = newStack();
      expect(() => new Instance(stack, 'A', { instanceAlias: 'a'.repeat(45) })).not.toThrow();
      expect(() => new Instance(stack, 'B', { instanceAlias: 'x' })).not.toThrow();
      expect(() => new Instance(stack, 'C', { instanceAlias: 'My--Center1' })).not.toThrow();
      expect(() => new Instance(stack, 'D', { instanceAlias: Lazy.string({ produce: () => 'd-bad' }) })).not.toThrow();
    });

    test('fails without an alias for a Connect-managed instance', () => {
      expect(() => new Instance(newStack(), 'Instance', {})).toThrow(/instanceAlias is required when identityManagement is CONNECT_MANAGED/);
    });

    test('fails without an alias for a SAML instance', () => {
      expect(() => new Instance(newStack(), 'Instance', { identityManagement: IdentityManagementType.SAML }))
        .toThrow(/instanceAlias is required when identityManagement is SAML/);
    });

    test('fails without a directory id for an existing directory', () => {
      expect(() => new Instance(newStack(), 'Instance', { identityManagement: IdentityManagementType.EXISTING_DIRECTORY }))
        .toThrow(/directoryId is required when identityManagement is EXISTING_DIRECTORY/);
    });

    test('fails with an alias for an existing directory', () => {
      expect(() => new Instance(newStack(), 'Instance', {
        identityManagement: IdentityManagementType.EXISTING_DIRECTORY,
        directoryId: 'd-0123456789',
        instanceAlias: 'cc',
      })).toThrow(/instanceAlias is not allowed when identityManagement is EXISTING_DIRECTORY/);
    });

    test('fails with a directory id for a Connect-managed instance', () => {
      expect(() => new Instance(newStack(), 'Instance', { instanceAlias: 'cc', directoryId: 'd-0123456789' }))
        .toThrow(/directoryId is only allowed when identityManagement is EXISTING_DIRECTORY, got CONNECT_MANAGED/);
    });

    test('fails with an alias longer than 45 characters, naming the construct', () => {
      expect(() => new Instance(newStack(), 'Instance', { instanceAlias: 'a'.repeat(46) }))
        .toThrow(/^Test\/Instance: instance alias must be 1 to 45 characters, got 46$/);
    });

    test('fails with an empty alias', () => {
      expect(() => new Instance(newStack(), 'Instance', { instanceAlias: '' })).toThrow(/instance alias must be 1 to 45 characters, got 0/);
    });

    test('fails with an alias that starts with d-', () => {
      expect(() => new Instance(newStack(), 'Instance', { instanceAlias: 'd-center' })).toThrow(/instance alias must not start with 'd-'/);
    });

    test.each(['my_center', '-center', 'center-', 'my center', 'centre.example'])('fails with the alias %p', (alias) => {
      expect(() => new Instance(newStack(), 'Instance', { instanceAlias: alias }))
        .toThrow(/instance alias must be letters, digits and hyphens, starting and ending with a letter or digit/);
    });

    test.each(['d-012345678', 'd-0123456789a', 'd-ABCDEF0123', 'x-0123456789'])('fails with the directory id %p', (directoryId) => {
      expect(() => new Instance(newStack(), 'Instance', { identityManagement: IdentityManagementType.EXISTING_DIRECTORY, directoryId }))
        .toThrow(/directory id must be 'd-' followed by 10 lowercase hexadecimal digits/);
    });
  });

  describe('imports', () => {
    test('fromInstanceArn with a concrete ARN gives the id and the environment', () => {
      const stack = newStack();
      const instance = Instance.fromInstanceArn(stack, 'Imported', 'arn:aws:connect:eu-west-2:444455556666:instance/abcd-1234');

      expect(instance.instanceArn).toBe('arn:aws:connect:eu-west-2:444455556666:instance/abcd-1234');
      expect(instance.instanceId).toBe('abcd-1234');
      expect(instance.env.region).toBe('eu-west-2');
      expect(instance.env.account).toBe('444455556666');
      expect(instance.instanceRef.instanceArn).toBe('arn:aws:connect:eu-west-2:444455556666:instance/abcd-1234');
    });

    test('fromInstanceArn with a token ARN splits it with CloudFormation functions', () => {
      const stack = newStack();
      const arn = Lazy.string({ produce: () => INSTANCE_ARN });
      const instance = Instance.fromInstanceArn(stack, 'Imported', arn);

      expect(stack.resolve(instance.instanceId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', INSTANCE_ARN] }] });
    });

    test('fromInstanceId builds the ARN in the stack\'s partition, region and account', () => {
      const stack = newStack();
      const instance = Instance.fromInstanceId(stack, 'Imported', INSTANCE_ID);

      expect(stack.resolve(instance.instanceArn)).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:connect:us-east-1:111122223333:instance/${INSTANCE_ID}`]],
      });
      expect(instance.instanceId).toBe(INSTANCE_ID);
    });

    test('fails to import a malformed instance id', () => {
      expect(() => Instance.fromInstanceId(newStack(), 'Imported', 'abc/def'))
        .toThrow(/instance id must be letters, digits and hyphens \(1 to 100\), got 'abc\/def'/);
    });

    test.each([
      'arn:aws:connect:us-east-1:111122223333:queue/abc',
      'arn:aws:connect:us-east-1:111122223333:instance/abc/queue/def',
      'not-an-arn',
    ])('fails to import the malformed ARN %p', (arn) => {
      expect(() => Instance.fromInstanceArn(newStack(), 'Imported', arn))
        .toThrow(/instance ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>/);
    });
  });

  describe('Lambda functions', () => {
    test('associates a function and lets Connect invoke it from this instance', () => {
      const { stack, instance } = testStack();
      const fn = newFunction(stack);
      instance.associateLambdaFunction(fn);

      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
        InstanceId: INSTANCE_ARN,
        IntegrationType: 'LAMBDA_FUNCTION',
        IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fn'), 'Arn'] },
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'connect.amazonaws.com',
        SourceArn: INSTANCE_ARN,
        SourceAccount: '111122223333',
      });
    });

    test('associating the same function twice gives one association and one permission', () => {
      const { stack, instance } = testStack();
      const fn = newFunction(stack);
      const first = instance.associateLambdaFunction(fn);
      const second = instance.associateLambdaFunction(fn);

      expect(second).toBe(first);
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
      template.resourceCountIs('AWS::Lambda::Permission', 1);
    });

    test('associates two functions separately, on a new instance', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      instance.associateLambdaFunction(newFunction(stack, 'A'));
      instance.associateLambdaFunction(newFunction(stack, 'B'));

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::IntegrationAssociation', 2);
      template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
        InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] },
      });
    });
  });

  describe('Lex bots', () => {
    test('associates a Lex V2 bot alias construct', () => {
      const { stack, instance } = testStack();
      const alias = new lex.CfnBotAlias(stack, 'Alias', { botId: 'ABCDEFGHIJ', botAliasName: 'live' });
      instance.associateLexBot(alias);

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::IntegrationAssociation', {
        InstanceId: INSTANCE_ARN,
        IntegrationType: 'LEX_BOT',
        IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Alias'), 'Arn'] },
      });
    });

    test('associating the same alias twice gives one association', () => {
      const { stack, instance } = testStack();
      const alias = new lex.CfnBotAlias(stack, 'Alias', { botId: 'ABCDEFGHIJ', botAliasName: 'live' });
      const first = instance.associateLexBot(alias);

      expect(instance.associateLexBot(alias)).toBe(first);
      Template.fromStack(stack).resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
    });

    test('associates a bot alias by ARN, once', () => {
      const { stack, instance } = testStack();
      const arn = 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/TSTALIASID';
      const first = instance.associateLexBotAliasArn(arn);

      expect(instance.associateLexBotAliasArn(arn)).toBe(first);
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
      template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
        IntegrationType: 'LEX_BOT',
        IntegrationArn: arn,
      });
    });

    test.each([
      'arn:aws:lex:us-east-1:111122223333:bot/ABCDEFGHIJ',
      'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ',
      'arn:aws:lex:us-east-1:111122223333:bot-alias/ABC/TSTALIASID',
      'arn:aws:lambda:us-east-1:111122223333:function:f',
    ])('fails with the bot alias ARN %p', (arn) => {
      const { instance } = testStack();
      expect(() => instance.associateLexBotAliasArn(arn)).toThrow(/bot alias ARN of the Lex bot must be the ARN of a Lex V2 bot alias/);
    });
  });

  describe('storage', () => {
    test('stores call recordings in a bucket, with the default prefix and the bucket\'s key', () => {
      const { stack, instance } = testStack();
      const key = new kms.Key(stack, 'Key');
      const bucket = new s3.Bucket(stack, 'Bucket', { encryptionKey: key });
      instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS, StorageTarget.s3(bucket));

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        InstanceArn: INSTANCE_ARN,
        ResourceType: 'CALL_RECORDINGS',
        StorageType: 'S3',
        S3Config: {
          BucketName: { Ref: Match.stringLikeRegexp('^Bucket') },
          BucketPrefix: `connect/${INSTANCE_ID}/CallRecordings`,
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } },
        },
      });
    });

    test('uses the given prefix and key, and Reports for scheduled reports', () => {
      const { stack, instance } = testStack();
      const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'my-connect-bucket');
      instance.addStorageConfig(StorageResourceType.CHAT_TRANSCRIPTS, StorageTarget.s3(bucket, {
        prefix: 'transcripts',
        encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      }));
      instance.addStorageConfig(StorageResourceType.SCHEDULED_REPORTS, StorageTarget.s3(bucket));

      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: 'CHAT_TRANSCRIPTS',
        S3Config: {
          BucketName: 'my-connect-bucket',
          BucketPrefix: 'transcripts',
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN },
        },
      });
      template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: 'SCHEDULED_REPORTS',
        S3Config: { BucketName: 'my-connect-bucket', BucketPrefix: `connect/${INSTANCE_ID}/Reports`, EncryptionConfig: Match.absent() },
      });
    });

    test('uses the id of a new instance in the default prefix', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS, StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name')));

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        InstanceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] },
        S3Config: {
          BucketPrefix: { 'Fn::Join': ['', ['connect/', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] }, '/CallRecordings']] },
        },
      });
    });

    test('streams contact trace records to a Kinesis data stream and agent events to another', () => {
      const { stack, instance } = testStack();
      const ctr = new kinesis.Stream(stack, 'Ctr');
      const events = kinesis.Stream.fromStreamArn(stack, 'Events', 'arn:aws:kinesis:us-east-1:111122223333:stream/agent-events');
      instance.addStorageConfig(StorageResourceType.CONTACT_TRACE_RECORDS, StorageTarget.kinesisStream(ctr));
      instance.addStorageConfig(StorageResourceType.AGENT_EVENTS, StorageTarget.kinesisStream(events));

      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: 'CONTACT_TRACE_RECORDS',
        StorageType: 'KINESIS_STREAM',
        KinesisStreamConfig: { StreamArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ctr'), 'Arn'] } },
      });
      template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: 'AGENT_EVENTS',
        StorageType: 'KINESIS_STREAM',
        KinesisStreamConfig: { StreamArn: 'arn:aws:kinesis:us-east-1:111122223333:stream/agent-events' },
      });
    });

    test('streams contact trace records to a Firehose delivery stream', () => {
      const { stack, instance } = testStack();
      const arn = 'arn:aws:firehose:us-east-1:111122223333:deliverystream/ctr';
      const target = StorageTarget.firehose(firehose.DeliveryStream.fromDeliveryStreamArn(stack, 'Firehose', arn));
      instance.addStorageConfig(StorageResourceType.CONTACT_TRACE_RECORDS, target);

      expect(target.storageType).toBe(StorageType.KINESIS_FIREHOSE);
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: 'CONTACT_TRACE_RECORDS',
        StorageType: 'KINESIS_FIREHOSE',
        KinesisFirehoseConfig: { FirehoseArn: arn },
      });
    });

    test('streams media to Kinesis Video Streams with retention in hours', () => {
      const { stack, instance } = testStack();
      instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.kinesisVideoStreams({
        prefix: 'live-media',
        retention: Duration.days(2),
        encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      }));

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: 'MEDIA_STREAMS',
        StorageType: 'KINESIS_VIDEO_STREAM',
        KinesisVideoStreamConfig: {
          Prefix: 'live-media',
          RetentionPeriodHours: 48,
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: KEY_ARN },
        },
      });
    });

    test('accepts a retention of zero hours', () => {
      const { stack, instance } = testStack();
      instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.kinesisVideoStreams({
        prefix: 'live', retention: Duration.hours(0), encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      }));

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        KinesisVideoStreamConfig: { RetentionPeriodHours: 0 },
      });
    });

    test('a resource type CloudFormation rejects is configured through the Connect API, without a warning', () => {
      const { stack, instance } = testStack();
      instance.addStorageConfig(StorageResourceType.custom('ATTACHMENTS'), StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name')));

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::InstanceStorageConfig', 0);
      template.hasResourceProperties('Custom::ConnectInstanceStorageConfig', {
        ResourceType: 'ATTACHMENTS',
        StorageConfig: { StorageType: 'S3', S3Config: { BucketName: 'bucket-name', BucketPrefix: `connect/${INSTANCE_ID}/Attachments` } },
      });
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('a resource type neither CloudFormation nor the Connect API documents is warned about', () => {
      const { stack, instance } = testStack();
      instance.addStorageConfig(StorageResourceType.custom('HOLOGRAMS'), StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name')));

      Template.fromStack(stack).hasResourceProperties('Custom::ConnectInstanceStorageConfig', { ResourceType: 'HOLOGRAMS' });
      Annotations.fromStack(stack).hasWarning('/Test/Instance', Match.stringLikeRegexp('storage resource type HOLOGRAMS is not one the Connect API documents'));
    });

    test('the documented resource types carry no warning', () => {
      const { stack, instance } = testStack();
      instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS, StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name')));

      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('fails to configure a resource type twice', () => {
      const { stack, instance } = testStack();
      const bucket = s3.Bucket.fromBucketName(stack, 'B', 'bucket-name');
      instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS, StorageTarget.s3(bucket));

      expect(() => instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS, StorageTarget.s3(bucket, { prefix: 'other' })))
        .toThrow(/storage for CALL_RECORDINGS is already configured; Connect allows one storage configuration per resource type/);
    });

    test('fails to send contact trace records to S3', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.CONTACT_TRACE_RECORDS, StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'))))
        .toThrow(/storage for CONTACT_TRACE_RECORDS must be a Kinesis data stream or a Firehose delivery stream, got an S3 bucket/);
    });

    test('fails to send agent events to Firehose', () => {
      const { stack, instance } = testStack();
      const target = StorageTarget.firehose(firehose.DeliveryStream.fromDeliveryStreamArn(stack, 'F', 'arn:aws:firehose:us-east-1:111122223333:deliverystream/x'));
      expect(() => instance.addStorageConfig(StorageResourceType.AGENT_EVENTS, target))
        .toThrow(/storage for AGENT_EVENTS must be a Kinesis data stream, got a Firehose delivery stream/);
    });

    test('fails to store media streams in S3', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'))))
        .toThrow(/storage for MEDIA_STREAMS must be Kinesis Video Streams, got an S3 bucket/);
    });

    test('fails to store call recordings in a Kinesis data stream', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS, StorageTarget.kinesisStream(new kinesis.Stream(stack, 'S'))))
        .toThrow(/storage for CALL_RECORDINGS must be an S3 bucket, got a Kinesis data stream/);
    });

    test('fails to stream real-time contact analysis segments (custom type) to S3', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.custom('REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS'),
        StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'))))
        .toThrow(/storage for REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS must be a Kinesis data stream, got an S3 bucket/);
    });

    test('fails with a malformed custom resource type', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.custom('call recordings'), StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'))))
        .toThrow(/storage resource type must be upper case letters, digits and underscores, got 'call recordings'/);
    });

    test('fails with a custom resource type that is a token', () => {
      const { stack, instance } = testStack();
      const type = StorageResourceType.custom(Lazy.string({ produce: () => 'CALL_RECORDINGS' }));
      expect(() => instance.addStorageConfig(type, StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'))))
        .toThrow(/storage resource type must be a concrete value, got a token/);
    });

    test('fails with an S3 prefix longer than 128 characters', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS,
        StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'), { prefix: 'p'.repeat(129) })))
        .toThrow(/prefix of the S3 storage must be 1 to 128 characters, got 129/);
    });

    test('fails with an empty Kinesis Video Streams prefix', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.kinesisVideoStreams({
        prefix: '', retention: Duration.hours(1), encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      }))).toThrow(/prefix of the Kinesis Video Streams storage must be 1 to 128 characters, got 0/);
    });

    test.each([
      [Duration.minutes(90), '1 hour 30 minutes'],
      [Duration.hours(87601), '3650 days 1 hour'],
      [Duration.millis(1500), '1 second 500 millis'],
    ])('fails with a media retention of %p', (retention, shown) => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.kinesisVideoStreams({
        prefix: 'live', retention, encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      }))).toThrow(new RegExp(`media retention must be a whole number of hours from 0 to 87600, got ${shown}`));
    });

    test('fails with a token media retention in a unit other than hours', () => {
      const { stack, instance } = testStack();
      expect(() => instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.kinesisVideoStreams({
        prefix: 'live', retention: Duration.days(Token.asNumber({ Ref: 'Days' })), encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      }))).toThrow(/media retention must be given in hours \(Duration.hours\) when it is a token/);
    });

    test('fails with a KMS alias instead of a key', () => {
      const { stack, instance } = testStack();
      const alias = kms.Alias.fromAliasName(stack, 'Alias', 'alias/connect');
      expect(() => instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS,
        StorageTarget.s3(s3.Bucket.fromBucketName(stack, 'B', 'bucket-name'), { encryptionKey: alias })))
        .toThrow(/encryption key must be a KMS key, not an alias, got alias alias\/connect/);
    });

    test('fails with a key ARN that names an alias', () => {
      const { stack, instance } = testStack();
      const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111122223333:alias/connect');
      expect(() => instance.addStorageConfig(StorageResourceType.MEDIA_STREAMS, StorageTarget.kinesisVideoStreams({
        prefix: 'live', retention: Duration.hours(1), encryptionKey: key,
      }))).toThrow(/encryption key must be the full ARN of a KMS key/);
    });
  });

  describe('approved origins', () => {
    test('adds origins', () => {
      const { stack, instance } = testStack();
      instance.addApprovedOrigin('https://example.com');
      instance.addApprovedOrigin('https://agents.example.com:8443');

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::ApprovedOrigin', 2);
      template.hasResourceProperties('AWS::Connect::ApprovedOrigin', { InstanceId: INSTANCE_ARN, Origin: 'https://example.com' });
      template.hasResourceProperties('AWS::Connect::ApprovedOrigin', { Origin: 'https://agents.example.com:8443' });
    });

    test('the construct id depends on the origin, not on the order', () => {
      const ids = (origins: string[]) => {
        const { instance } = testStack();
        origins.forEach(origin => instance.addApprovedOrigin(origin));
        return instance.node.children.map(c => c.node.id).sort();
      };
      expect(ids(['https://a.example.com', 'https://b.example.com'])).toEqual(ids(['https://b.example.com', 'https://a.example.com']));
    });

    test('accepts an http origin for local development', () => {
      const { stack, instance } = testStack();
      instance.addApprovedOrigin('http://localhost:3000');
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::ApprovedOrigin', { Origin: 'http://localhost:3000' });
    });

    test.each([
      'ftp://example.com',
      'example.com',
      'https://example.com/path',
      'https://example.com?x=1',
      'https://exa mple.com',
      'https://',
    ])('fails with the origin %p', (origin) => {
      const { instance } = testStack();
      expect(() => instance.addApprovedOrigin(origin)).toThrow(/approved origin must be an origin such as https:\/\/example.com, https:\/\/example.com:8443 or http:\/\/localhost:3000, got/);
    });

    test('fails with an origin longer than 267 characters', () => {
      const { instance } = testStack();
      expect(() => instance.addApprovedOrigin(`https://${'a'.repeat(260)}.com`)).toThrow(/approved origin must be 1 to 267 characters, got 272/);
    });

    test('fails to add an origin twice', () => {
      const { instance } = testStack();
      instance.addApprovedOrigin('https://example.com');
      expect(() => instance.addApprovedOrigin('https://example.com')).toThrow(/approved origin 'https:\/\/example.com' is already added/);
    });
  });

  describe('security keys', () => {
    test('adds up to two public keys', () => {
      const { stack, instance } = testStack();
      instance.addSecurityKey(PUBLIC_KEY);
      instance.addSecurityKey(OTHER_PUBLIC_KEY);

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::SecurityKey', 2);
      template.hasResourceProperties('AWS::Connect::SecurityKey', { InstanceId: INSTANCE_ARN, Key: PUBLIC_KEY });
    });

    test('accepts a token', () => {
      const { stack, instance } = testStack();
      instance.addSecurityKey(Lazy.string({ produce: () => PUBLIC_KEY }));
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::SecurityKey', { Key: PUBLIC_KEY });
    });

    test('fails with a third key', () => {
      const { instance } = testStack();
      instance.addSecurityKey(PUBLIC_KEY);
      instance.addSecurityKey(OTHER_PUBLIC_KEY);
      expect(() => instance.addSecurityKey(PUBLIC_KEY.replace('u1SU1', 'y8YY8'))).toThrow(/an instance can have at most 2 security keys, got 3/);
    });

    test('fails to add the same key twice', () => {
      const { instance } = testStack();
      instance.addSecurityKey(PUBLIC_KEY);
      expect(() => instance.addSecurityKey(`${PUBLIC_KEY}\n`)).toThrow(/security key is already added/);
    });

    test.each(['not a key', '-----BEGIN PUBLIC KEY-----\nabc\n-----END CERTIFICATE-----'])('fails with the non-PEM %p', (pem) => {
      const { instance } = testStack();
      expect(() => instance.addSecurityKey(pem)).toThrow(/security key must be a PEM-encoded public key \(-----BEGIN PUBLIC KEY-----/);
    });

    test('fails with a private key', () => {
      const { instance } = testStack();
      const pem = PUBLIC_KEY.replace(/PUBLIC KEY/g, 'RSA PRIVATE KEY');
      expect(() => instance.addSecurityKey(pem)).toThrow(/security key must be a public key, got a rsa private key/);
    });

    test('fails with a certificate', () => {
      const { instance } = testStack();
      const pem = PUBLIC_KEY.replace(/PUBLIC KEY/g, 'CERTIFICATE');
      expect(() => instance.addSecurityKey(pem)).toThrow(/security key must be a PEM-encoded public key, got a PEM block of type 'CERTIFICATE'/);
    });

    test('fails with a key longer than 1024 characters', () => {
      const { instance } = testStack();
      const pem = `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(1000)}\n-----END PUBLIC KEY-----`;
      expect(() => instance.addSecurityKey(pem)).toThrow(/security key must be 1 to 1024 characters, got 1052/);
    });
  });

  describe('grants', () => {
    test.each([
      ['grantStartOutboundVoiceContact', 'connect:StartOutboundVoiceContact'],
      ['grantStartOutboundChatContact', 'connect:StartOutboundChatContact'],
      ['grantStartOutboundEmailContact', 'connect:StartOutboundEmailContact'],
      ['grantStartChatContact', 'connect:StartChatContact'],
      ['grantStartTaskContact', 'connect:StartTaskContact'],
      ['grantStartWebRtcContact', 'connect:StartWebRTCContact'],
      ['grantStartEmailContact', 'connect:StartEmailContact'],
    ])('%s grants %s on the instance and its resources only', (method, action) => {
      const { stack, instance } = testStack();
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      (instance as any)[method](role);

      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [{ Effect: 'Allow', Action: action, Resource: [INSTANCE_ARN, `${INSTANCE_ARN}/*`] }],
        },
        Roles: [{ Ref: Match.stringLikeRegexp('^Role') }],
      });
    });

    test('grant gives any actions, scoped to a new instance', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      instance.grant(role, 'connect:DescribeInstance', 'connect:ListQueues');

      const arn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] };
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [{
            Action: ['connect:DescribeInstance', 'connect:ListQueues'],
            Resource: [arn, { 'Fn::Join': ['', [arn, '/*']] }],
          }],
        },
      });
    });

    test('never grants on every resource', () => {
      const { stack, instance } = testStack();
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      instance.grantStartChatContact(role);
      instance.grantStartTaskContact(role);

      const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
      const resources = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => s.Resource));
      expect(resources).not.toContain('*');
    });
  });

  describe('metrics', () => {
    test.each([
      ['metricCallsBreachingConcurrencyQuota', 'CallsBreachingConcurrencyQuota', 'VoiceCalls', 'Sum'],
      ['metricCallsPerInterval', 'CallsPerInterval', 'VoiceCalls', 'Maximum'],
      ['metricConcurrentCalls', 'ConcurrentCalls', 'VoiceCalls', 'Maximum'],
      ['metricConcurrentCallsPercentage', 'ConcurrentCallsPercentage', 'VoiceCalls', 'Maximum'],
      ['metricMisconfiguredPhoneNumbers', 'MisconfiguredPhoneNumbers', 'VoiceCalls', 'Sum'],
      ['metricMissedCalls', 'MissedCalls', 'VoiceCalls', 'Sum'],
      ['metricThrottledCalls', 'ThrottledCalls', 'VoiceCalls', 'Sum'],
      ['metricCallRecordingUploadError', 'CallRecordingUploadError', 'CallRecordings', 'Sum'],
      ['metricChatsBreachingActiveChatQuota', 'ChatsBreachingActiveChatQuota', 'Chats', 'Sum'],
      ['metricConcurrentActiveChats', 'ConcurrentActiveChats', 'Chats', 'Maximum'],
      ['metricConcurrentActiveChatsPercentage', 'ConcurrentActiveChatsPercentage', 'Chats', 'Maximum'],
      ['metricSuccessfulChatsPerInterval', 'SuccessfulChatsPerInterval', 'Chats', 'Sum'],
      ['metricConcurrentTasks', 'ConcurrentTasks', 'Tasks', 'Maximum'],
      ['metricConcurrentTasksPercentage', 'ConcurrentTasksPercentage', 'Tasks', 'Maximum'],
      ['metricTasksBreachingConcurrencyQuota', 'TasksBreachingConcurrencyQuota', 'Tasks', 'Sum'],
      ['metricConcurrentEmails', 'ConcurrentEmails', 'Email', 'Maximum'],
      ['metricConcurrentEmailsPercentage', 'ConcurrentEmailsPercentage', 'Email', 'Maximum'],
    ])('%s is %s in metric group %s (%s)', (method, metricName, group, statistic) => {
      const { instance } = testStack();
      const metric: cloudwatch.Metric = (instance as any)[method]();

      expect(metric.namespace).toBe('AWS/Connect');
      expect(metric.metricName).toBe(metricName);
      expect(metric.dimensions).toEqual({ InstanceId: INSTANCE_ID, MetricGroup: group });
      expect(metric.statistic).toBe(statistic);
    });

    test('options override the defaults', () => {
      const { instance } = testStack();
      const metric = instance.metricConcurrentCalls({ statistic: 'Average', period: Duration.minutes(1) });

      expect(metric.statistic).toBe('Average');
      expect(metric.period.toMinutes()).toBe(1);
      expect(metric.dimensions).toEqual({ InstanceId: INSTANCE_ID, MetricGroup: 'VoiceCalls' });
    });

    test('metric takes any metric name with a metric group', () => {
      const { instance } = testStack();
      const metric = instance.metric('NewMetric', { metricGroup: InstanceMetricGroup.of('Cases'), statistic: 'Sum' });

      expect(metric.metricName).toBe('NewMetric');
      expect(metric.dimensions).toEqual({ InstanceId: INSTANCE_ID, MetricGroup: 'Cases' });
      expect(metric.statistic).toBe('Sum');
    });

    test('fails to build an unknown metric without a metric group', () => {
      const { instance } = testStack();
      expect(() => instance.metric('NewMetric')).toThrow(/metricGroup is required for metric 'NewMetric'/);
    });

    test('an alarm on a new instance uses its id', () => {
      const stack = newStack();
      const instance: IInstance = newInstance(stack);
      instance.metricConcurrentCallsPercentage().createAlarm(stack, 'Alarm', { threshold: 0.8, evaluationPeriods: 1 });

      Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Connect',
        MetricName: 'ConcurrentCallsPercentage',
        Statistic: 'Maximum',
        Dimensions: Match.arrayWith([
          { Name: 'InstanceId', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] } },
          { Name: 'MetricGroup', Value: 'VoiceCalls' },
        ]),
      });
    });
  });

  describe('integrations', () => {
    const CASES_DOMAIN_ARN = 'arn:aws:cases:us-east-1:111122223333:domain/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const ASSISTANT_ARN = 'arn:aws:wisdom:us-east-1:111122223333:assistant/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const KNOWLEDGE_BASE_ARN = 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const SES_IDENTITY_ARN = 'arn:aws:ses:us-east-1:111122223333:identity/example.com';
    const APPLICATION_ARN = 'arn:aws:app-integrations:us-east-1:111122223333:application/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const EVENT_INTEGRATION_ARN = 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/salesforce-events';
    const SOURCE = {
      sourceType: EventIntegrationSourceType.SALESFORCE,
      sourceApplicationName: 'Salesforce',
      sourceApplicationUrl: 'https://example.my.salesforce.com',
    };

    const VOICE_CONNECTOR_ARN = 'arn:aws:chime:us-east-1:111122223333:vc/abcdef1ghij2klmno3pqr4';
    const API = 'Custom::ConnectIntegrationAssociation';
    const CFN = 'AWS::Connect::IntegrationAssociation';

    // [method, integration type, ARN, the resource type that makes it]
    const byArn: Array<[string, string, string, string]> = [
      ['associateCasesDomain', 'CASES_DOMAIN', CASES_DOMAIN_ARN, API],
      ['associateWisdomAssistant', 'WISDOM_ASSISTANT', ASSISTANT_ARN, API],
      ['associateWisdomKnowledgeBase', 'WISDOM_KNOWLEDGE_BASE', KNOWLEDGE_BASE_ARN, API],
      ['associateQuickResponses', 'WISDOM_QUICK_RESPONSES', KNOWLEDGE_BASE_ARN, API],
      ['associateMessageTemplates', 'Q_MESSAGE_TEMPLATES', KNOWLEDGE_BASE_ARN, API],
      ['associateSesIdentity', 'SES_IDENTITY', SES_IDENTITY_ARN, API],
      ['associateAnalyticsConnector', 'ANALYTICS_CONNECTOR', VOICE_CONNECTOR_ARN, API],
      ['associateCallTransferConnector', 'CALL_TRANSFER_CONNECTOR', VOICE_CONNECTOR_ARN, API],
      ['associateApplication', 'APPLICATION', APPLICATION_ARN, CFN],
    ];

    test.each(byArn)('%s associates a %s', (method, type, arn, resourceType) => {
      const { stack, instance } = testStack();
      const association: IIntegrationAssociation = (instance as any)[method](arn);

      Template.fromStack(stack).hasResourceProperties(resourceType, {
        InstanceId: resourceType === API ? INSTANCE_ID : INSTANCE_ARN,
        IntegrationType: type,
        IntegrationArn: arn,
      });
      expect(association.integrationType.value).toBe(type);
      expect(association.integrationArn).toBe(arn);
      expect(association.instanceArn).toBe(INSTANCE_ARN);
    });

    test.each(byArn)('%s associates the same ARN once', (method, _type, arn, resourceType) => {
      const { stack, instance } = testStack();
      const first = (instance as any)[method](arn);

      expect((instance as any)[method](arn)).toBe(first);
      Template.fromStack(stack).resourceCountIs(resourceType, 1);
    });

    test.each(byArn)('%s skips the check of a token ARN', (method, type, _arn, resourceType) => {
      const { stack, instance } = testStack();
      (instance as any)[method](new CfnParameter(stack, 'IntegrationArn').valueAsString);

      Template.fromStack(stack).hasResourceProperties(resourceType, {
        IntegrationType: type,
        IntegrationArn: { Ref: 'IntegrationArn' },
      });
    });

    test('associateCognitoUserPool associates a new user pool through the Connect API', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      const pool = new cognito.UserPool(stack, 'Customers');
      const association = instance.associateCognitoUserPool(pool);

      expect(instance.associateCognitoUserPool(pool)).toBe(association);
      const template = Template.fromStack(stack);
      template.resourceCountIs(API, 1);
      template.hasResourceProperties(API, {
        InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] },
        IntegrationType: 'COGNITO_USER_POOL',
        IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Customers'), 'Arn'] },
      });
      expect(association.integrationType).toBe(IntegrationType.COGNITO_USER_POOL);
      expect(association.node.id).toBe(`CognitoUserPool${Names.nodeUniqueId(pool.node)}`);
    });

    test('associateCognitoUserPool takes an imported pool', () => {
      const { stack, instance } = testStack();
      const pool = cognito.UserPool.fromUserPoolArn(stack, 'Pool', 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_AbCdEf123');
      instance.associateCognitoUserPool(pool);

      Template.fromStack(stack).hasResourceProperties(API, {
        IntegrationType: 'COGNITO_USER_POOL',
        IntegrationArn: 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_AbCdEf123',
      });
    });

    test('associateVoiceIdDomain associates a Voice ID domain by its ARN', () => {
      const { stack, instance } = testStack();
      const domain = voiceid.CfnDomain.fromDomainId(stack, 'Domain', 'abcdefghijklmnopqrstuv');
      const association = instance.associateVoiceIdDomain(domain);

      expect(instance.associateVoiceIdDomain(domain)).toBe(association);
      Template.fromStack(stack).hasResourceProperties(API, {
        InstanceId: INSTANCE_ID,
        IntegrationType: 'VOICE_ID',
        IntegrationArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':voiceid:us-east-1:111122223333:domain/abcdefghijklmnopqrstuv']] },
      });
    });

    test('fails with a second Voice ID domain', () => {
      const { stack, instance } = testStack();
      instance.associateVoiceIdDomain(voiceid.CfnDomain.fromDomainId(stack, 'First', 'abcdefghijklmnopqrstuv'));
      expect(() => instance.associateVoiceIdDomain(voiceid.CfnDomain.fromDomainId(stack, 'Second', 'vutsrqponmlkjihgfedcba')))
        .toThrow(/an instance can be associated with one Voice ID domain, got a second one: Test\/Second after Test\/First/);
    });

    test('associatePinpointApp associates an End User Messaging application', () => {
      const { stack, instance } = testStack();
      const app = pinpoint.CfnApp.fromAppArn(stack, 'Messaging', 'arn:aws:mobiletargeting:us-east-1:111122223333:apps/0123456789abcdef0123456789abcdef');
      const association = instance.associatePinpointApp(app);

      expect(instance.associatePinpointApp(app)).toBe(association);
      Template.fromStack(stack).hasResourceProperties(API, {
        IntegrationType: 'PINPOINT_APP',
        IntegrationArn: 'arn:aws:mobiletargeting:us-east-1:111122223333:apps/0123456789abcdef0123456789abcdef',
      });
    });

    test.each([
      ['associateAnalyticsConnector', 'arn:aws:chime:us-east-1:111122223333:sma/abc', /integration ARN of a ANALYTICS_CONNECTOR integration must be the ARN of an Amazon Chime SDK Voice Connector/],
      ['associateCallTransferConnector', CASES_DOMAIN_ARN, /integration ARN of a CALL_TRANSFER_CONNECTOR integration must be the ARN of an Amazon Chime SDK Voice Connector/],
    ])('fails when %s gets %p', (method, arn, message) => {
      const { instance } = testStack();
      expect(() => (instance as any)[method](arn)).toThrow(message);
    });

    test.each([
      ['associateCasesDomain', ASSISTANT_ARN, /integration ARN of a CASES_DOMAIN integration must be the ARN of a Cases domain \(arn:aws:cases:<region>:<account>:domain\/<id>\), got/],
      ['associateWisdomAssistant', KNOWLEDGE_BASE_ARN, /integration ARN of a WISDOM_ASSISTANT integration must be the ARN of an Amazon Q in Connect assistant/],
      ['associateWisdomKnowledgeBase', ASSISTANT_ARN, /integration ARN of a WISDOM_KNOWLEDGE_BASE integration must be the ARN of an Amazon Q in Connect knowledge base/],
      ['associateQuickResponses', CASES_DOMAIN_ARN, /integration ARN of a WISDOM_QUICK_RESPONSES integration must be the ARN of an Amazon Q in Connect knowledge base/],
      ['associateMessageTemplates', 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base', /integration ARN of a Q_MESSAGE_TEMPLATES integration must be the ARN of an Amazon Q in Connect knowledge base/],
      ['associateSesIdentity', 'arn:aws:ses:us-east-1:111122223333:configuration-set/emails', /integration ARN of a SES_IDENTITY integration must be the ARN of an SES identity/],
      ['associateApplication', EVENT_INTEGRATION_ARN, /integration ARN of a APPLICATION integration must be the ARN of an AppIntegrations application/],
      ['associateApplication', 'application/aaaa', /integration ARN of a APPLICATION integration must be the ARN of an AppIntegrations application/],
    ])('fails when %s gets %p', (method, arn, message) => {
      const { instance } = testStack();
      expect(() => (instance as any)[method](arn)).toThrow(message);
    });

    test('fails with an integration ARN longer than the 140 characters CloudFormation takes', () => {
      const { instance } = testStack();
      expect(() => instance.associateApplication(`arn:aws:app-integrations:us-east-1:111122223333:application/${'a'.repeat(100)}`))
        .toThrow(/integration ARN must be 1 to 140 characters, got 160/);
    });

    test('takes integration ARNs longer than 140 characters through the Connect API', () => {
      const { stack, instance } = testStack();
      instance.associateSesIdentity(`arn:aws:ses:us-east-1:111122223333:identity/${'a'.repeat(100)}.com`);

      Template.fromStack(stack).resourceCountIs(API, 1);
    });

    test('an association exposes its id, its ARN and a reference', () => {
      const { stack, instance } = testStack();
      const association = instance.associateCasesDomain(CASES_DOMAIN_ARN);
      const logicalId = stack.getLogicalId(association.node.findChild('Resource').node.defaultChild as CfnElement);

      expect(stack.resolve(association.integrationAssociationId)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] });
      expect(stack.resolve(association.integrationAssociationArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationArn'] });
      expect(association.integrationAssociationRef).toEqual({
        instanceId: INSTANCE_ARN,
        integrationType: 'CASES_DOMAIN',
        integrationArn: CASES_DOMAIN_ARN,
      });
    });

    test('associateLambdaFunction returns an integration association with its id', () => {
      const { stack, instance } = testStack();
      const association = instance.associateLambdaFunction(newFunction(stack));

      expect(association.integrationType).toBe(IntegrationType.LAMBDA_FUNCTION);
      expect(stack.resolve(association.integrationAssociationId)).toEqual({
        'Fn::GetAtt': [stack.getLogicalId(association.node.defaultChild as CfnElement), 'IntegrationAssociationId'],
      });
    });

    test('the Lambda and Lex associations keep their construct ids', () => {
      const { stack, instance } = testStack();
      const fn = newFunction(stack);
      const lambdaAssociation = instance.associateLambdaFunction(fn);
      const lexAssociation = instance.associateLexBotAliasArn('arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/TSTALIASID');

      expect(lambdaAssociation.node.id).toBe(`Lambda${Names.nodeUniqueId(fn.node)}`);
      expect(lexAssociation.node.id).toMatch(/^LexBot[0-9A-F]{8}$/);
    });

    test.each([
      ['associateFileScanner', 'FILE_SCANNER'],
      ['associateMessageProcessor', 'MESSAGE_PROCESSOR'],
    ])('%s associates a %s function and lets Connect invoke it', (method, type) => {
      const { stack, instance } = testStack();
      const fn = newFunction(stack);
      const association: IIntegrationAssociation = (instance as any)[method](fn);

      expect((instance as any)[method](fn)).toBe(association);
      const template = Template.fromStack(stack);
      template.resourceCountIs(API, 1);
      template.hasResourceProperties(API, {
        InstanceId: INSTANCE_ID,
        IntegrationType: type,
        IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fn'), 'Arn'] },
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'connect.amazonaws.com',
        SourceArn: INSTANCE_ARN,
      });
    });

    test('one function in several roles gets one association per role and one permission', () => {
      const { stack, instance } = testStack();
      const fn = newFunction(stack);
      instance.associateLambdaFunction(fn);
      instance.associateFileScanner(fn);
      instance.associateMessageProcessor(fn);

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
      template.resourceCountIs(API, 2);
      template.resourceCountIs('AWS::Lambda::Permission', 1);
    });

    test('fails with a file scanner whose ARN is not a Lambda function', () => {
      const { stack, instance } = testStack();
      const fn = lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:states:us-east-1:111122223333:stateMachine:scan');
      expect(() => instance.associateFileScanner(fn)).toThrow(/integration ARN of a FILE_SCANNER integration must be the ARN of a Lambda function/);
    });

    test('fails with a second Cases domain', () => {
      const { instance } = testStack();
      instance.associateCasesDomain(CASES_DOMAIN_ARN);
      expect(instance.associateCasesDomain(CASES_DOMAIN_ARN)).toBeDefined();
      expect(() => instance.associateCasesDomain(CASES_DOMAIN_ARN.replace('aaaaaaaa-', 'ffffffff-')))
        .toThrow(/an instance can be associated with one Cases domain, got a second one/);
    });

    test('associates an event integration with its source', () => {
      const { stack, instance } = testStack();
      const association = instance.associateEventIntegration(EVENT_INTEGRATION_ARN, SOURCE);

      expect(instance.associateEventIntegration(EVENT_INTEGRATION_ARN, { ...SOURCE })).toBe(association);
      Template.fromStack(stack).hasResourceProperties(API, {
        InstanceId: INSTANCE_ID,
        IntegrationType: 'EVENT',
        IntegrationArn: EVENT_INTEGRATION_ARN,
        SourceType: 'SALESFORCE',
        SourceApplicationName: 'Salesforce',
        SourceApplicationUrl: 'https://example.my.salesforce.com',
      });
    });

    test('fails to associate an event integration again with another source', () => {
      const { instance } = testStack();
      instance.associateEventIntegration(EVENT_INTEGRATION_ARN, SOURCE);
      expect(() => instance.associateEventIntegration(EVENT_INTEGRATION_ARN, { ...SOURCE, sourceType: EventIntegrationSourceType.ZENDESK }))
        .toThrow(/event integration 'arn:aws:app-integrations:us-east-1:111122223333:event-integration\/salesforce-events' is already associated with another source/);
    });

    test('fails with an event source application name Connect rejects', () => {
      const { instance } = testStack();
      expect(() => instance.associateEventIntegration(EVENT_INTEGRATION_ARN, { ...SOURCE, sourceApplicationName: 'Sales/force' }))
        .toThrow(/source application name must be letters, digits, spaces, _ and -, got 'Sales\/force'/);
    });

    test('adds a use case to an association, made with it through the Connect API', () => {
      const { stack, instance } = testStack();
      const association = instance.associateEventIntegration(EVENT_INTEGRATION_ARN, SOURCE);
      const useCase = association.addUseCase(UseCaseType.RULES_EVALUATION);

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::UseCase', 0);
      template.hasResourceProperties(API, { IntegrationType: 'EVENT', UseCaseTypes: ['RULES_EVALUATION'] });
      expect(stack.resolve(useCase.useCaseId)).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^InstanceEventIntegration/), 'UseCaseId_RULES_EVALUATION'],
      });
    });
  });

  describe('analytics data sets', () => {
    test('shares a data set with the instance\'s account by default', () => {
      const { stack, instance } = testStack();
      const association = instance.associateAnalyticsDataSet(AnalyticsDataSet.CONTACT_RECORD);

      const resources = Template.fromStack(stack).findResources('AWS::Connect::DataLakeAssociation');
      expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{ InstanceId: INSTANCE_ID, DataSetId: 'contact_record' }]);
      expect(association.dataSetId).toBe('contact_record');
      expect(association.targetAccountId).toBeUndefined();
    });

    test('shares a data set with another account, on a new instance', () => {
      const stack = newStack();
      const instance = newInstance(stack);
      instance.associateAnalyticsDataSet(AnalyticsDataSet.of('agent_queue_statistic_record'), { targetAccountId: '444455556666' });

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataLakeAssociation', {
        InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] },
        DataSetId: 'agent_queue_statistic_record',
        TargetAccountId: '444455556666',
      });
    });

    test('shares the same data set with the same account once, with another account again', () => {
      const { stack, instance } = testStack();
      const first = instance.associateAnalyticsDataSet(AnalyticsDataSet.CONTACT_RECORD);
      expect(instance.associateAnalyticsDataSet(AnalyticsDataSet.CONTACT_RECORD)).toBe(first);
      instance.associateAnalyticsDataSet(AnalyticsDataSet.CONTACT_RECORD, { targetAccountId: '444455556666' });
      instance.associateAnalyticsDataSet(AnalyticsDataSet.AGENT_STATISTIC_RECORD);

      Template.fromStack(stack).resourceCountIs('AWS::Connect::DataLakeAssociation', 3);
    });

    test.each(['44445555666', '4444555566667', 'abcdabcdabcd'])('fails with the target account %p', (account) => {
      const { instance } = testStack();
      expect(() => instance.associateAnalyticsDataSet(AnalyticsDataSet.CONTACT_RECORD, { targetAccountId: account }))
        .toThrow(new RegExp(`target account id must be an AWS account id of 12 digits, got '${account}'`));
    });

    test.each([['', 0], ['x'.repeat(256), 256]])('fails with a data set id of %p', (id, length) => {
      const { instance } = testStack();
      expect(() => instance.associateAnalyticsDataSet(AnalyticsDataSet.of(id as string)))
        .toThrow(new RegExp(`analytics data set id must be 1 to 255 characters, got ${length}`));
    });
  });

  describe('lookup', () => {
    const REAL_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555';
    const DOMAIN_ARN = 'arn:aws:cases:us-east-1:111122223333:domain/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

    test('records a Cloud Control query for the alias and returns a dummy instance until it is answered', () => {
      const app = new App();
      const stack = new Stack(app, 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
      const instance = Instance.fromLookup(stack, 'Existing', { instanceAlias: 'my-contact-center' });
      instance.associateCasesDomain(DOMAIN_ARN);

      expect(stack.resolve(instance.instanceArn)).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':connect:us-east-1:111122223333:instance/00000000-0000-0000-0000-000000000000']],
      });
      expect(instance.instanceId).toBe('00000000-0000-0000-0000-000000000000');
      expect(instance.env.account).toBe('111122223333');
      expect(instance.env.region).toBe('us-east-1');
      const missing = app.synth().manifest.missing ?? [];
      expect(missing).toHaveLength(1);
      expect(missing[0].provider).toBe('cc-api-provider');
      expect(missing[0].props).toEqual(expect.objectContaining({
        account: '111122223333',
        region: 'us-east-1',
        typeName: 'AWS::Connect::Instance',
        propertyMatch: { InstanceAlias: 'my-contact-center' },
        propertiesToReturn: ['Arn'],
        expectedMatchCount: 'exactly-one',
      }));
    });

    test('returns the instance the context holds', () => {
      const probe = new App();
      Instance.fromLookup(new Stack(probe, 'Test', { env: { account: '111122223333', region: 'us-east-1' } }), 'Existing', { instanceAlias: 'my-contact-center' })
        .associateCasesDomain(DOMAIN_ARN);
      const key = probe.synth().manifest.missing![0].key;

      const app = new App({ context: { [key]: [{ Identifier: REAL_ARN, Arn: REAL_ARN }] } });
      const stack = new Stack(app, 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
      const instance = Instance.fromLookup(stack, 'Existing', { instanceAlias: 'my-contact-center' });
      instance.associateCasesDomain(DOMAIN_ARN);

      expect(instance.instanceArn).toBe(REAL_ARN);
      expect(instance.instanceId).toBe('99999999-8888-7777-6666-555555555555');
      expect(app.synth().manifest.missing).toBeUndefined();
      Template.fromStack(stack).hasResourceProperties('Custom::ConnectIntegrationAssociation', { InstanceId: '99999999-8888-7777-6666-555555555555' });
    });

    test('fails to look up without a concrete account and region', () => {
      const stack = new Stack(new App(), 'Test');
      expect(() => Instance.fromLookup(stack, 'Existing', { instanceAlias: 'my-contact-center' }))
        .toThrow(/Cannot retrieve value from context provider cc-api-provider since account\/region are not specified/);
    });

    test('fails to look up a token alias', () => {
      expect(() => Instance.fromLookup(newStack(), 'Existing', { instanceAlias: Lazy.string({ produce: () => 'my-contact-center' }) }))
        .toThrow(/instanceAlias to look up must be a concrete value, got a token/);
    });

    test('fails to look up an alias that starts with d-, which marks directory ids', () => {
      expect(() => Instance.fromLookup(newStack(), 'Existing', { instanceAlias: 'd-contact-center' }))
        .toThrow(/instance alias to look up must not start with 'd-', which marks directory ids, got 'd-contact-center'/);
    });

    test.each(['-leading', 'has space', 'a'.repeat(46)])('fails to look up the alias %p', (alias) => {
      expect(() => Instance.fromLookup(newStack(), 'Existing', { instanceAlias: alias }))
        .toThrow(/instance alias to look up must be/);
    });
  });
});
