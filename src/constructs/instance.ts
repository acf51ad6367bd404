import { createHash } from 'crypto';
import { Annotations, ArnFormat, ContextProvider, Duration, IResource, Names, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  CfnApprovedOrigin,
  CfnInstance,
  CfnInstanceStorageConfig,
  CfnSecurityKey,
} from 'aws-cdk-lib/aws-connect';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import {
  aws_cognito as cognitoRefs,
  aws_connect as connectRefs,
  aws_lex as lexRefs,
  aws_pinpoint as pinpointRefs,
  aws_voiceid as voiceidRefs,
} from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct, IDependable } from 'constructs';
import type { AnalyticsDataSet, AnalyticsDataSetAssociationOptions, DataLakeAssociation } from './data-lake-association';
import type { InstanceAttribute, InstanceAttributeType } from './instance-attribute';
import type {
  EventIntegrationSource,
  IIntegrationAssociation,
  IntegrationAssociation,
  IntegrationType,
} from './integration-association';
import type { ConnectPermission } from '../custom-resources/resource';
import { importEnvironmentArn, instanceArnFromId, parseInstanceArn } from '../private/arn';
import { failSetTwice, markCloudFormationInstance } from '../private/instance-settings';
import { cloudwatchModule, iamModule, voiceIdModule } from '../private/lazy-modules';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength, validatePattern } from '../private/validation';

/* eslint-disable @typescript-eslint/no-require-imports */
// Modules that only some instances need (integrations, data sets, attributes set through the custom resource provider
// and its Lambda function), required on first use so that an app loads what it uses.
const dataLakeModule = (): typeof import('./data-lake-association') => require('./data-lake-association');
const attributeModule = (): typeof import('./instance-attribute') => require('./instance-attribute');
const integrationModule = (): typeof import('./integration-association') => require('./integration-association');
const resourceModule = (): typeof import('../custom-resources/resource') => require('../custom-resources/resource');
/* eslint-enable @typescript-eslint/no-require-imports */

// ---------------------------------------------------------------------------------------------------------------------
// Identity management
// ---------------------------------------------------------------------------------------------------------------------

/**
 * How an instance manages the identities of its users. It cannot be changed after the instance is created.
 */
export enum IdentityManagementType {
  /** Users are created and managed in Amazon Connect (requires an `instanceAlias`). */
  CONNECT_MANAGED = 'CONNECT_MANAGED',
  /** Users sign in through a SAML 2.0 identity provider (requires an `instanceAlias`). */
  SAML = 'SAML',
  /** Users come from an existing AWS Directory Service directory (requires a `directoryId`, takes no alias). */
  EXISTING_DIRECTORY = 'EXISTING_DIRECTORY',
}

// ---------------------------------------------------------------------------------------------------------------------
// Storage configuration
// ---------------------------------------------------------------------------------------------------------------------

/**
 * The kind of storage that a storage target is.
 */
export enum StorageType {
  /** An Amazon S3 bucket. */
  S3 = 'S3',
  /** Amazon Kinesis Video Streams (one video stream per contact). */
  KINESIS_VIDEO_STREAM = 'KINESIS_VIDEO_STREAM',
  /** An Amazon Kinesis data stream. */
  KINESIS_STREAM = 'KINESIS_STREAM',
  /** An Amazon Data Firehose delivery stream. */
  KINESIS_FIREHOSE = 'KINESIS_FIREHOSE',
}

/**
 * A kind of data that an instance stores or streams (`AWS::Connect::InstanceStorageConfig` `ResourceType`).
 *
 * Connect keeps one storage configuration per resource type and instance.
 */
export class StorageResourceType {
  /** Call recordings (S3). */
  public static readonly CALL_RECORDINGS = new StorageResourceType('CALL_RECORDINGS');
  /** Chat transcripts (S3). */
  public static readonly CHAT_TRANSCRIPTS = new StorageResourceType('CHAT_TRANSCRIPTS');
  /** Exported and scheduled reports (S3). */
  public static readonly SCHEDULED_REPORTS = new StorageResourceType('SCHEDULED_REPORTS');
  /** Live media streaming of calls (Kinesis Video Streams). */
  public static readonly MEDIA_STREAMS = new StorageResourceType('MEDIA_STREAMS');
  /** Contact records (a Kinesis data stream or a Firehose delivery stream). */
  public static readonly CONTACT_TRACE_RECORDS = new StorageResourceType('CONTACT_TRACE_RECORDS');
  /** Agent event streams (a Kinesis data stream). */
  public static readonly AGENT_EVENTS = new StorageResourceType('AGENT_EVENTS');
  /** Files attached to chats, emails, tasks and cases (S3). Set through the Connect API. */
  public static readonly ATTACHMENTS = new StorageResourceType('ATTACHMENTS');
  /** Completed contact evaluations (S3). Set through the Connect API. */
  public static readonly CONTACT_EVALUATIONS = new StorageResourceType('CONTACT_EVALUATIONS');
  /** Recordings of agents' screens (S3). Set through the Connect API. */
  public static readonly SCREEN_RECORDINGS = new StorageResourceType('SCREEN_RECORDINGS');
  /** Email messages of the email channel (S3). Set through the Connect API. */
  public static readonly EMAIL_MESSAGES = new StorageResourceType('EMAIL_MESSAGES');
  /**
   * Contact Lens real-time analysis segments of voice contacts (a Kinesis data stream). Set through the Connect API.
   */
  public static readonly REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS = new StorageResourceType('REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS');
  /**
   * Contact Lens real-time analysis segments of chat contacts (a Kinesis data stream). Set through the Connect API.
   */
  public static readonly REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS = new StorageResourceType('REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS');
  /**
   * Contact Lens real-time analysis segments of voice contacts (a Kinesis data stream), the deprecated name of
   * `REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS`. Set through the Connect API.
   *
   * @deprecated use REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS
   */
  public static readonly REAL_TIME_CONTACT_ANALYSIS_SEGMENTS = new StorageResourceType('REAL_TIME_CONTACT_ANALYSIS_SEGMENTS');

  /**
   * A resource type that has no constant here, such as one the Connect API added later.
   *
   * `AWS::Connect::InstanceStorageConfig` accepts only `CALL_RECORDINGS`, `CHAT_TRANSCRIPTS`, `SCHEDULED_REPORTS`,
   * `MEDIA_STREAMS`, `CONTACT_TRACE_RECORDS` and `AGENT_EVENTS`; the storage of any other type is configured through
   * the Connect API by a custom resource. Types the Connect API documents are checked for the storage they accept.
   *
   * @param value the `ResourceType` value, upper case with underscores
   */
  public static custom(value: string): StorageResourceType {
    return new StorageResourceType(value);
  }

  /** The `ResourceType` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * Options for storing data in an S3 bucket.
 */
export interface S3StorageOptions {
  /**
   * The prefix (folder) of the objects in the bucket, 1 to 128 characters.
   *
   * @default - `connect/<instance id>/<ResourceType in PascalCase>`, for example
   * `connect/<instance id>/CallRecordings` (`Reports` for scheduled reports), like the Connect console
   */
  readonly prefix?: string;

  /**
   * The KMS key Connect encrypts the objects with (a symmetric key; Connect takes its full ARN, not an alias).
   *
   * @default - the bucket's `encryptionKey` when it has one, else Connect sets no KMS encryption and the bucket's
   * default encryption applies
   */
  readonly encryptionKey?: kms.IKey;
}

/**
 * Options for streaming media to Amazon Kinesis Video Streams.
 */
export interface KinesisVideoStreamsStorageOptions {
  /**
   * The prefix of the video streams Connect creates (one per contact), 1 to 128 characters.
   */
  readonly prefix: string;

  /**
   * How long Kinesis Video Streams keeps the media: whole hours from 0 to 87600 (10 years).
   * `Duration.hours(0)` keeps no data, so consumers can only read the live stream.
   */
  readonly retention: Duration;

  /**
   * The KMS key the video streams are encrypted with (a symmetric key; Connect takes its full ARN).
   */
  readonly encryptionKey: kms.IKey;
}

/** What a storage target renders into an `AWS::Connect::InstanceStorageConfig`. */
interface StorageTargetConfig {
  readonly s3Config?: CfnInstanceStorageConfig.S3ConfigProperty;
  readonly kinesisStreamConfig?: CfnInstanceStorageConfig.KinesisStreamConfigProperty;
  readonly kinesisFirehoseConfig?: CfnInstanceStorageConfig.KinesisFirehoseConfigProperty;
  readonly kinesisVideoStreamConfig?: CfnInstanceStorageConfig.KinesisVideoStreamConfigProperty;
}

/**
 * Where an instance stores or streams one kind of data.
 *
 * Amazon Connect reaches the target through the instance's service-linked role: when a storage configuration is
 * associated, Connect adds the permissions it needs for the bucket, stream or delivery stream to that role, and
 * creates KMS grants for the keys given here. No resource policy is added by this library. Whoever associates the
 * storage needs `iam:PutRolePolicy` on the service-linked role, `kms:CreateGrant`/`kms:DescribeKey` on the keys and
 * read access to the bucket (`s3:GetBucketLocation`, `s3:GetBucketAcl`) or stream (`kinesis:DescribeStream`,
 * `firehose:DescribeDeliveryStream`): the role that deploys the stack for the resource types CloudFormation
 * configures (the default CDK deployment role has them), the stack's custom resource provider for the others (it is
 * granted exactly these, on these resources).
 */
export abstract class StorageTarget {
  /**
   * An S3 bucket, for call recordings, chat transcripts, scheduled reports (and attachments, contact evaluations,
   * screen recordings, email messages).
   */
  public static s3(bucket: s3.IBucket, options: S3StorageOptions = {}): StorageTarget {
    return new S3StorageTarget(bucket, options);
  }

  /**
   * A Kinesis data stream, for contact trace records, agent events (and real-time contact analysis segments).
   *
   * If the stream is encrypted with a customer managed KMS key, Connect can only write to it when it was
   * granted that key, that is when the same key also encrypts a storage configuration of the instance
   * (for example call recordings).
   */
  public static kinesisStream(stream: kinesis.IStream): StorageTarget {
    return new KinesisStreamStorageTarget(stream);
  }

  /**
   * An Amazon Data Firehose delivery stream, for contact trace records.
   */
  public static firehose(deliveryStream: firehose.IDeliveryStream): StorageTarget {
    return new FirehoseStorageTarget(deliveryStream);
  }

  /**
   * Amazon Kinesis Video Streams, for live media streaming of calls.
   */
  public static kinesisVideoStreams(options: KinesisVideoStreamsStorageOptions): StorageTarget {
    return new KinesisVideoStreamsStorageTarget(options);
  }

  /** The kind of storage. */
  public abstract readonly storageType: StorageType;

  /**
   * Renders the storage configuration, validating it.
   *
   * @internal
   */
  public abstract _bind(scope: IConstruct, resourceType: StorageResourceType, instanceId: string): StorageTargetConfig;

  /**
   * What associating the storage requires of the caller, besides the `connect:` actions: reading the bucket or
   * stream, and granting Connect the KMS key.
   *
   * @internal
   */
  public abstract _permissions(): ConnectPermission[];
}

/** Describing a key and granting it to Connect, which the association of a storage configuration with a key does. */
function keyPermissions(key: kms.IKey | undefined): ConnectPermission[] {
  return key ? [{ actions: ['kms:DescribeKey', 'kms:CreateGrant'], resources: [key.keyArn] }] : [];
}

class S3StorageTarget extends StorageTarget {
  public readonly storageType = StorageType.S3;

  private readonly bucket: s3.IBucket;
  private readonly options: S3StorageOptions;

  constructor(bucket: s3.IBucket, options: S3StorageOptions) {
    super();
    this.bucket = bucket;
    this.options = options;
  }

  public _bind(scope: IConstruct, resourceType: StorageResourceType, instanceId: string): StorageTargetConfig {
    const prefix = this.options.prefix ?? `connect/${instanceId}/${defaultFolder(resourceType.value)}`;
    validateLength(scope, 'prefix of the S3 storage', this.options.prefix, 1, 128);
    const key = this.options.encryptionKey ?? this.bucket.encryptionKey;
    return {
      s3Config: {
        bucketName: this.bucket.bucketName,
        bucketPrefix: prefix,
        encryptionConfig: key ? encryptionConfig(scope, key) : undefined,
      },
    };
  }

  public _permissions(): ConnectPermission[] {
    return [
      { actions: ['s3:GetBucketLocation', 's3:GetBucketAcl'], resources: [this.bucket.bucketArn] },
      ...keyPermissions(this.options.encryptionKey ?? this.bucket.encryptionKey),
    ];
  }
}

class KinesisStreamStorageTarget extends StorageTarget {
  public readonly storageType = StorageType.KINESIS_STREAM;

  private readonly stream: kinesis.IStream;

  constructor(stream: kinesis.IStream) {
    super();
    this.stream = stream;
  }

  public _bind(): StorageTargetConfig {
    return { kinesisStreamConfig: { streamArn: this.stream.streamArn } };
  }

  public _permissions(): ConnectPermission[] {
    return [{ actions: ['kinesis:DescribeStream'], resources: [this.stream.streamArn] }];
  }
}

class FirehoseStorageTarget extends StorageTarget {
  public readonly storageType = StorageType.KINESIS_FIREHOSE;

  private readonly deliveryStream: firehose.IDeliveryStream;

  constructor(deliveryStream: firehose.IDeliveryStream) {
    super();
    this.deliveryStream = deliveryStream;
  }

  public _bind(): StorageTargetConfig {
    return { kinesisFirehoseConfig: { firehoseArn: this.deliveryStream.deliveryStreamArn } };
  }

  public _permissions(): ConnectPermission[] {
    return [{ actions: ['firehose:DescribeDeliveryStream'], resources: [this.deliveryStream.deliveryStreamArn] }];
  }
}

class KinesisVideoStreamsStorageTarget extends StorageTarget {
  public readonly storageType = StorageType.KINESIS_VIDEO_STREAM;

  private readonly options: KinesisVideoStreamsStorageOptions;

  constructor(options: KinesisVideoStreamsStorageOptions) {
    super();
    this.options = options;
  }

  public _bind(scope: IConstruct): StorageTargetConfig {
    validateLength(scope, 'prefix of the Kinesis Video Streams storage', this.options.prefix, 1, 128);
    return {
      kinesisVideoStreamConfig: {
        prefix: this.options.prefix,
        retentionPeriodHours: retentionHours(scope, this.options.retention),
        encryptionConfig: encryptionConfig(scope, this.options.encryptionKey),
      },
    };
  }

  public _permissions(): ConnectPermission[] {
    return keyPermissions(this.options.encryptionKey);
  }
}

/** The storage types each resource type accepts (from the Connect administrator guide). */
const ALLOWED_STORAGE: { readonly [resourceType: string]: readonly StorageType[] } = {
  CALL_RECORDINGS: [StorageType.S3],
  CHAT_TRANSCRIPTS: [StorageType.S3],
  SCHEDULED_REPORTS: [StorageType.S3],
  ATTACHMENTS: [StorageType.S3],
  CONTACT_EVALUATIONS: [StorageType.S3],
  SCREEN_RECORDINGS: [StorageType.S3],
  EMAIL_MESSAGES: [StorageType.S3],
  MEDIA_STREAMS: [StorageType.KINESIS_VIDEO_STREAM],
  CONTACT_TRACE_RECORDS: [StorageType.KINESIS_STREAM, StorageType.KINESIS_FIREHOSE],
  AGENT_EVENTS: [StorageType.KINESIS_STREAM],
  REAL_TIME_CONTACT_ANALYSIS_SEGMENTS: [StorageType.KINESIS_STREAM],
  REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS: [StorageType.KINESIS_STREAM],
  REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS: [StorageType.KINESIS_STREAM],
};

/** The resource types `AWS::Connect::InstanceStorageConfig` accepts. */
const CLOUDFORMATION_RESOURCE_TYPES = new Set([
  'CHAT_TRANSCRIPTS', 'CALL_RECORDINGS', 'SCHEDULED_REPORTS', 'MEDIA_STREAMS', 'CONTACT_TRACE_RECORDS', 'AGENT_EVENTS',
]);

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[-a-zA-Z0-9]+$/;

function encryptionConfig(scope: IConstruct, key: kms.IKey): CfnInstanceStorageConfig.EncryptionConfigProperty {
  if ('aliasName' in key) {
    fail(scope, `encryption key must be a KMS key, not an alias, got alias ${(key as kms.IAlias).aliasName}`);
  }
  const keyArn = key.keyArn;
  validatePattern(scope, 'encryption key', keyArn, KMS_KEY_ARN, 'the full ARN of a KMS key (arn:aws:kms:<region>:<account>:key/<key-id>), not an alias');
  return { encryptionType: 'KMS', keyId: keyArn };
}

function retentionHours(scope: IConstruct, retention: Duration): number {
  if (retention.isUnresolved()) {
    try {
      return retention.toHours();
    } catch {
      fail(scope, 'media retention must be given in hours (Duration.hours) when it is a token');
    }
  }
  const seconds = retention.toMilliseconds() / 1000;
  if (seconds % 3600 !== 0 || seconds < 0 || seconds > 87600 * 3600) {
    fail(scope, `media retention must be a whole number of hours from 0 to 87600, got ${retention.toHumanString()}`);
  }
  return seconds / 3600;
}

function defaultFolder(resourceType: string): string {
  if (resourceType === 'SCHEDULED_REPORTS') {
    return 'Reports';
  }
  return pascalCase(resourceType);
}

function pascalCase(value: string): string {
  return value.toLowerCase().split('_').filter(part => part.length > 0)
    .map(part => part[0].toUpperCase() + part.slice(1)).join('');
}

/**
 * A storage configuration in the Connect API's shape (`InstanceStorageConfig`: `StorageType`, `S3Config`,
 * `KinesisStreamConfig`, ...), from the L1's: the same structure with upper camel case member names.
 */
function apiStorageConfig(storageType: StorageType, config: StorageTargetConfig): { [member: string]: unknown } {
  const upper = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Token.isUnresolved(value)) {
      return value;
    }
    return Object.fromEntries(Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([name, member]) => [name[0].toUpperCase() + name.slice(1), upper(member)]));
  };
  return { StorageType: storageType, ...(upper(config) as object) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------------------------------

/**
 * The `MetricGroup` dimension of an instance-level Amazon Connect metric.
 */
export class InstanceMetricGroup {
  /** Voice call metrics (`ConcurrentCalls`, `ThrottledCalls`, `MissedCalls`, ...). */
  public static readonly VOICE_CALLS = new InstanceMetricGroup('VoiceCalls');
  /** Chat metrics (`ConcurrentActiveChats`, `SuccessfulChatsPerInterval`, ...). */
  public static readonly CHATS = new InstanceMetricGroup('Chats');
  /** Task metrics (`ConcurrentTasks`, `TasksBreachingConcurrencyQuota`, ...). */
  public static readonly TASKS = new InstanceMetricGroup('Tasks');
  /** Email metrics (`ConcurrentEmails`, `ConcurrentEmailsPercentage`). */
  public static readonly EMAIL = new InstanceMetricGroup('Email');
  /** Call recording metrics (`CallRecordingUploadError`). */
  public static readonly CALL_RECORDINGS = new InstanceMetricGroup('CallRecordings');

  /** A metric group that has no constant here. */
  public static of(value: string): InstanceMetricGroup {
    return new InstanceMetricGroup(value);
  }

  /** The dimension value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * Options for an instance-level metric.
 */
export interface InstanceMetricOptions extends cloudwatch.MetricOptions {
  /**
   * The `MetricGroup` dimension.
   *
   * @default - the group Connect publishes the metric in, for the instance metrics this library knows;
   * required for other metric names
   */
  readonly metricGroup?: InstanceMetricGroup;
}

/**
 * The metric group and most useful statistic of each instance-level metric Connect publishes. Statistics are the values
 * of `cloudwatch.Stats` (`Sum`, `Maximum`), written out so that the table needs no module at load.
 */
const INSTANCE_METRICS: { readonly [name: string]: { readonly group: InstanceMetricGroup; readonly statistic: string } } = {
  CallsBreachingConcurrencyQuota: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Sum' },
  CallsPerInterval: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Maximum' },
  ConcurrentCalls: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Maximum' },
  ConcurrentCallsPercentage: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Maximum' },
  MisconfiguredPhoneNumbers: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Sum' },
  MissedCalls: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Sum' },
  ThrottledCalls: { group: InstanceMetricGroup.VOICE_CALLS, statistic: 'Sum' },
  CallRecordingUploadError: { group: InstanceMetricGroup.CALL_RECORDINGS, statistic: 'Sum' },
  ChatsBreachingActiveChatQuota: { group: InstanceMetricGroup.CHATS, statistic: 'Sum' },
  ConcurrentActiveChats: { group: InstanceMetricGroup.CHATS, statistic: 'Maximum' },
  ConcurrentActiveChatsPercentage: { group: InstanceMetricGroup.CHATS, statistic: 'Maximum' },
  SuccessfulChatsPerInterval: { group: InstanceMetricGroup.CHATS, statistic: 'Sum' },
  ConcurrentTasks: { group: InstanceMetricGroup.TASKS, statistic: 'Maximum' },
  ConcurrentTasksPercentage: { group: InstanceMetricGroup.TASKS, statistic: 'Maximum' },
  TasksBreachingConcurrencyQuota: { group: InstanceMetricGroup.TASKS, statistic: 'Sum' },
  ConcurrentEmails: { group: InstanceMetricGroup.EMAIL, statistic: 'Maximum' },
  ConcurrentEmailsPercentage: { group: InstanceMetricGroup.EMAIL, statistic: 'Maximum' },
};

// ---------------------------------------------------------------------------------------------------------------------
// The instance interface and its base
// ---------------------------------------------------------------------------------------------------------------------

/**
 * An Amazon Connect instance, defined in this app or imported.
 */
export interface IInstance extends IResource, connectRefs.IInstanceRef {
  /**
   * The ARN of the instance (`arn:aws:connect:<region>:<account>:instance/<instance-id>`).
   *
   * @attribute
   */
  readonly instanceArn: string;

  /**
   * The id of the instance.
   *
   * @attribute
   */
  readonly instanceId: string;

  /**
   * Associates a Lambda function with the instance, so that flows can invoke it, and grants Amazon Connect
   * permission to invoke it. Associating the same function again returns the existing association.
   *
   * @returns the association, for resources (such as flows that invoke the function) that must be
   * created after it
   */
  associateLambdaFunction(fn: lambda.IFunction): IIntegrationAssociation;

  /**
   * Associates an Amazon Lex V2 bot alias with the instance, so that flows can use the bot.
   * Connect adds a resource policy to the bot alias that lets the instance call it.
   * Associating the same alias again returns the existing association.
   *
   * @returns the association, for resources (such as flows that use the bot) that must be created after it
   */
  associateLexBot(botAlias: lexRefs.IBotAliasRef): IIntegrationAssociation;

  /**
   * Associates an Amazon Lex V2 bot alias, given by its ARN
   * (`arn:aws:lex:<region>:<account>:bot-alias/<bot-id>/<alias-id>`), with the instance.
   * Associating the same ARN again returns the existing association.
   *
   * @returns the association, for resources that must be created after it
   */
  associateLexBotAliasArn(botAliasArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon Connect Cases domain (`arn:aws:cases:<region>:<account>:domain/<domain-id>`) with the
   * instance, so that agents and flows can create and update cases. An instance has at most one Cases domain.
   * Associating the same ARN again returns the existing association.
   */
  associateCasesDomain(domainArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon Q in Connect (Wisdom) assistant (`arn:aws:wisdom:<region>:<account>:assistant/<id>`)
   * with the instance, for agent assistance in the agent workspace.
   * Associating the same ARN again returns the existing association.
   */
  associateWisdomAssistant(assistantArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon Q in Connect (Wisdom) knowledge base
   * (`arn:aws:wisdom:<region>:<account>:knowledge-base/<id>`) with the instance.
   * Associating the same ARN again returns the existing association.
   */
  associateWisdomKnowledgeBase(knowledgeBaseArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon Q in Connect knowledge base of quick responses
   * (`arn:aws:wisdom:<region>:<account>:knowledge-base/<id>`) with the instance, so that agents can insert
   * them in chats and emails. Associating the same ARN again returns the existing association.
   */
  associateQuickResponses(knowledgeBaseArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon Q in Connect knowledge base of message templates
   * (`arn:aws:wisdom:<region>:<account>:knowledge-base/<id>`) with the instance, for email and SMS templates.
   * Associating the same ARN again returns the existing association.
   */
  associateMessageTemplates(knowledgeBaseArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon SES identity (`arn:aws:ses:<region>:<account>:identity/<domain or address>`) with the
   * instance, for the email channel. Associating the same ARN again returns the existing association.
   */
  associateSesIdentity(identityArn: string): IIntegrationAssociation;

  /**
   * Makes a Lambda function the instance's attachment scanner: Connect calls it for every file uploaded in chats,
   * emails and cases, and keeps only the files it approves. Grants Amazon Connect permission to invoke it.
   * Associating the same function again returns the existing association.
   */
  associateFileScanner(fn: lambda.IFunction): IIntegrationAssociation;

  /**
   * Makes a Lambda function a message processor of the instance: Connect passes chat messages through it
   * before participants see them (redaction, translation, ...). Grants Amazon Connect permission to invoke it.
   * Associating the same function again returns the existing association.
   */
  associateMessageProcessor(fn: lambda.IFunction): IIntegrationAssociation;

  /**
   * Associates a third-party application of Amazon AppIntegrations
   * (`arn:aws:app-integrations:<region>:<account>:application/<id>`) with the instance, so that it can be added
   * to the agent workspace. Associating the same ARN again returns the existing association.
   */
  associateApplication(applicationArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon AppIntegrations event integration
   * (`arn:aws:app-integrations:<region>:<account>:event-integration/<name>`) that brings the events of an
   * external application (Salesforce, Zendesk, ...) to the instance. Add `UseCaseType.RULES_EVALUATION` to the
   * returned association so that rules can act on the events.
   * Associating the same ARN again with the same source returns the existing association.
   */
  associateEventIntegration(eventIntegrationArn: string, source: EventIntegrationSource): IIntegrationAssociation;

  /**
   * Associates an Amazon Cognito user pool with the instance for customer authentication in chats: the
   * Authenticate Customer flow block signs customers in with the pool (which needs an app client without a client
   * secret). CloudFormation cannot make this association; the stack's cdk-connect provider makes it through the
   * Connect API. Associating the same pool again returns the existing association.
   */
  associateCognitoUserPool(userPool: cognitoRefs.IUserPoolRef): IIntegrationAssociation;

  /**
   * Associates an Amazon Connect Voice ID domain with the instance, for caller authentication and fraud detection
   * by voice. An instance has at most one Voice ID domain. Made through the Connect API by the stack's cdk-connect
   * provider. Associating the same domain again returns the existing association.
   */
  associateVoiceIdDomain(domain: voiceidRefs.IDomainRef): IIntegrationAssociation;

  /**
   * Associates an AWS End User Messaging (Amazon Pinpoint) application of the instance's account with the instance,
   * for outbound campaigns and SMS; add `UseCaseType.CONNECT_CAMPAIGNS` to the returned association for campaigns.
   * Made through the Connect API by the stack's cdk-connect provider. Associating the same application again returns
   * the existing association.
   */
  associatePinpointApp(app: pinpointRefs.IAppRef): IIntegrationAssociation;

  /**
   * Associates an Amazon Chime SDK Voice Connector (`arn:aws:chime:<region>:<account>:vc/<voice-connector-id>`)
   * that streams the calls of another telephony system to Contact Lens conversational analytics.
   * Made through the Connect API by the stack's cdk-connect provider. Associating the same ARN again returns the
   * existing association.
   */
  associateAnalyticsConnector(voiceConnectorArn: string): IIntegrationAssociation;

  /**
   * Associates an Amazon Chime SDK Voice Connector (`arn:aws:chime:<region>:<account>:vc/<voice-connector-id>`)
   * as an external voice transfer connector: flows transfer calls over SIP to another telephony system through it.
   * Made through the Connect API by the stack's cdk-connect provider. Associating the same ARN again returns the
   * existing association.
   */
  associateCallTransferConnector(voiceConnectorArn: string): IIntegrationAssociation;

  /**
   * Shares a data set of the instance's analytics data lake with this account or another one.
   * Sharing the same data set with the same account again returns the existing association.
   */
  associateAnalyticsDataSet(dataSet: AnalyticsDataSet, options?: AnalyticsDataSetAssociationOptions): DataLakeAssociation;

  /**
   * Configures where the instance stores or streams one kind of data.
   * Connect allows one storage configuration per resource type, and each resource type accepts only some
   * kinds of storage (recordings, transcripts, reports, attachments, evaluations, screen recordings and email
   * messages go to S3, contact trace records to a Kinesis data stream or Firehose, agent events and real-time
   * contact analysis segments to a Kinesis data stream, media streams to Kinesis Video Streams).
   *
   * The types `AWS::Connect::InstanceStorageConfig` accepts are configured by CloudFormation, the others
   * (`ATTACHMENTS`, `CONTACT_EVALUATIONS`, `SCREEN_RECORDINGS`, `EMAIL_MESSAGES`, real-time contact analysis
   * segments, ...) through the Connect API by a custom resource.
   *
   * @returns the storage configuration, for resources that must be created after it
   */
  addStorageConfig(resourceType: StorageResourceType, target: StorageTarget): IDependable;

  /**
   * Turns a feature of the instance on or off (an instance attribute), through the Connect API. When the
   * attribute is removed from the app it gets back the value it had before.
   *
   * For an instance defined in this app only the attributes CloudFormation cannot set (`MESSAGE_STREAMING`)
   * are allowed: the others are props of the `Instance`. An imported instance takes any attribute.
   * An attribute can be set once per instance.
   *
   * @returns the attribute, for resources that must be created after it
   */
  setAttribute(attributeType: InstanceAttributeType, value: boolean): InstanceAttribute;

  /**
   * Adds an origin (`https://<domain>[:port]`, or `http://` for local development) to the instance's approved origins, the web sites allowed to
   * embed the Contact Control Panel or the chat widget.
   *
   * @returns the approved origin, for resources that must be created after it
   */
  addApprovedOrigin(origin: string): IDependable;

  /**
   * Associates a PEM-encoded public key (`-----BEGIN PUBLIC KEY-----`...) with the instance.
   * Connect allows at most two security keys per instance, so that a key can be rotated.
   *
   * @returns the security key association, for resources that must be created after it
   */
  addSecurityKey(pem: string): IDependable;

  /**
   * Grants an IAM principal the given `connect:` actions on the instance and on every resource in it
   * (`<instanceArn>` and `<instanceArn>/*`).
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /** Grants `connect:StartOutboundVoiceContact` (place outbound calls) in this instance. */
  grantStartOutboundVoiceContact(grantee: iam.IGrantable): iam.Grant;

  /** Grants `connect:StartOutboundChatContact` (start outbound chats, such as SMS) in this instance. */
  grantStartOutboundChatContact(grantee: iam.IGrantable): iam.Grant;

  /** Grants `connect:StartOutboundEmailContact` (send outbound emails) in this instance. */
  grantStartOutboundEmailContact(grantee: iam.IGrantable): iam.Grant;

  /** Grants `connect:StartChatContact` (start chats, for example from a chat widget backend) in this instance. */
  grantStartChatContact(grantee: iam.IGrantable): iam.Grant;

  /** Grants `connect:StartTaskContact` (create tasks) in this instance. */
  grantStartTaskContact(grantee: iam.IGrantable): iam.Grant;

  /** Grants `connect:StartWebRTCContact` (start in-app, web and video calls) in this instance. */
  grantStartWebRtcContact(grantee: iam.IGrantable): iam.Grant;

  /** Grants `connect:StartEmailContact` (create inbound email contacts) in this instance. */
  grantStartEmailContact(grantee: iam.IGrantable): iam.Grant;

  /**
   * An instance-level metric in the `AWS/Connect` namespace, with the `InstanceId` and `MetricGroup` dimensions.
   *
   * @param metricName the metric name, for example `ConcurrentCalls`
   * @param props options; `metricGroup` is required for metric names this library does not know
   */
  metric(metricName: string, props?: InstanceMetricOptions): cloudwatch.Metric;

  /** Voice calls that exceeded the concurrent calls quota (`CallsBreachingConcurrencyQuota`, default: sum). */
  metricCallsBreachingConcurrencyQuota(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Voice calls, inbound and outbound, per second (`CallsPerInterval`, default: maximum). */
  metricCallsPerInterval(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Concurrent active voice calls (`ConcurrentCalls`, default: maximum). */
  metricConcurrentCalls(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Share of the concurrent calls quota in use (`ConcurrentCallsPercentage`, default: maximum).
   * Connect publishes it as a fraction: 0.8 is 80%.
   */
  metricConcurrentCallsPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Calls that failed because their phone number has no flow (`MisconfiguredPhoneNumbers`, default: sum). */
  metricMisconfiguredPhoneNumbers(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Voice calls not answered by an agent within 20 seconds (`MissedCalls`, default: sum). */
  metricMissedCalls(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Voice calls rejected because the calls-per-second quota was exceeded (`ThrottledCalls`, default: sum). */
  metricThrottledCalls(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Call recordings that failed to upload to the S3 bucket (`CallRecordingUploadError`, default: sum). */
  metricCallRecordingUploadError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Chat requests that exceeded the concurrent active chats quota (`ChatsBreachingActiveChatQuota`, default: sum). */
  metricChatsBreachingActiveChatQuota(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Concurrent active chats (`ConcurrentActiveChats`, default: maximum). */
  metricConcurrentActiveChats(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Share of the concurrent active chats quota in use (`ConcurrentActiveChatsPercentage`, default: maximum).
   * Connect publishes it as a percentage: 80 is 80%.
   */
  metricConcurrentActiveChatsPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Chats successfully started (`SuccessfulChatsPerInterval`, default: sum). */
  metricSuccessfulChatsPerInterval(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Concurrent active tasks, published every 5 minutes (`ConcurrentTasks`, default: maximum). */
  metricConcurrentTasks(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Share of the concurrent tasks quota in use, published every 5 minutes (`ConcurrentTasksPercentage`,
   * default: maximum). Connect publishes it as a percentage: 80 is 80%.
   */
  metricConcurrentTasksPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Tasks that exceeded the concurrent tasks quota (`TasksBreachingConcurrencyQuota`, default: sum). */
  metricTasksBreachingConcurrencyQuota(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Concurrent active email contacts, published every 5 minutes (`ConcurrentEmails`, default: maximum). */
  metricConcurrentEmails(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Share of the concurrent active emails quota in use, published every 5 minutes (`ConcurrentEmailsPercentage`,
   * default: maximum). Connect publishes it as a percentage: 80 is 80%.
   */
  metricConcurrentEmailsPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

const LEX_BOT_ALIAS_ARN = /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9a-zA-Z]{10}\/[0-9a-zA-Z]{10}$/;
const ORIGIN = /^https?:\/\/[^\s/?#:@]+(:\d{1,5})?\/?$/;
const PEM = /^-----BEGIN ([A-Z0-9 ]+)-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END ([A-Z0-9 ]+)-----$/;
const MAX_SECURITY_KEYS = 2;

abstract class InstanceBase extends Resource implements IInstance {
  public abstract readonly instanceArn: string;
  public abstract readonly instanceId: string;

  private readonly integrations = new Map<string, IntegrationAssociation>();
  private readonly eventSources = new Map<string, string>();
  private readonly connectInvokePermissions = new Set<string>();
  private casesDomainKey?: string;
  private voiceIdDomain?: voiceidRefs.IDomainRef;
  private readonly storageConfigs = new Map<string, IDependable>();
  private readonly approvedOrigins = new Map<string, CfnApprovedOrigin>();
  private readonly securityKeys = new Map<string, CfnSecurityKey>();
  private readonly dataLakeAssociations = new Map<string, DataLakeAssociation>();

  public associateLambdaFunction(fn: lambda.IFunction): IIntegrationAssociation {
    return this.associateFunction('Lambda', integrationModule().IntegrationType.LAMBDA_FUNCTION, fn);
  }

  public associateLexBot(botAlias: lexRefs.IBotAliasRef): IIntegrationAssociation {
    return this.associateLex(`LexBot${Names.nodeUniqueId(botAlias.node)}`, botAlias.botAliasRef.botAliasArn);
  }

  public associateLexBotAliasArn(botAliasArn: string): IIntegrationAssociation {
    validatePattern(this, 'bot alias ARN of the Lex bot', botAliasArn, LEX_BOT_ALIAS_ARN,
      'the ARN of a Lex V2 bot alias (arn:aws:lex:<region>:<account>:bot-alias/<bot-id>/<alias-id>)');
    return this.associateLex(`LexBot${shortHash(botAliasArn)}`, botAliasArn);
  }

  public associateCasesDomain(domainArn: string): IIntegrationAssociation {
    const key = integrationKey(integrationModule().IntegrationType.CASES_DOMAIN, domainArn);
    if (this.casesDomainKey !== undefined && this.casesDomainKey !== key && !Token.isUnresolved(domainArn)
      && !Token.isUnresolved(this.integrations.get(this.casesDomainKey)!.integrationArn)) {
      fail(this, `an instance can be associated with one Cases domain, got a second one: '${domainArn}' after `
        + `'${this.integrations.get(this.casesDomainKey)!.integrationArn}'`);
    }
    const association = this.associateArn('CasesDomain', integrationModule().IntegrationType.CASES_DOMAIN, domainArn);
    this.casesDomainKey = this.casesDomainKey ?? key;
    return association;
  }

  public associateWisdomAssistant(assistantArn: string): IIntegrationAssociation {
    return this.associateArn('WisdomAssistant', integrationModule().IntegrationType.WISDOM_ASSISTANT, assistantArn);
  }

  public associateWisdomKnowledgeBase(knowledgeBaseArn: string): IIntegrationAssociation {
    return this.associateArn('WisdomKnowledgeBase', integrationModule().IntegrationType.WISDOM_KNOWLEDGE_BASE, knowledgeBaseArn);
  }

  public associateQuickResponses(knowledgeBaseArn: string): IIntegrationAssociation {
    return this.associateArn('QuickResponses', integrationModule().IntegrationType.WISDOM_QUICK_RESPONSES, knowledgeBaseArn);
  }

  public associateMessageTemplates(knowledgeBaseArn: string): IIntegrationAssociation {
    return this.associateArn('MessageTemplates', integrationModule().IntegrationType.Q_MESSAGE_TEMPLATES, knowledgeBaseArn);
  }

  public associateSesIdentity(identityArn: string): IIntegrationAssociation {
    return this.associateArn('SesIdentity', integrationModule().IntegrationType.SES_IDENTITY, identityArn);
  }

  public associateFileScanner(fn: lambda.IFunction): IIntegrationAssociation {
    return this.associateFunction('FileScanner', integrationModule().IntegrationType.FILE_SCANNER, fn);
  }

  public associateMessageProcessor(fn: lambda.IFunction): IIntegrationAssociation {
    return this.associateFunction('MessageProcessor', integrationModule().IntegrationType.MESSAGE_PROCESSOR, fn);
  }

  public associateApplication(applicationArn: string): IIntegrationAssociation {
    return this.associateArn('Application', integrationModule().IntegrationType.APPLICATION, applicationArn);
  }

  public associateEventIntegration(eventIntegrationArn: string, source: EventIntegrationSource): IIntegrationAssociation {
    const key = integrationKey(integrationModule().IntegrationType.EVENT, eventIntegrationArn);
    const signature = [source.sourceType.value, source.sourceApplicationName, source.sourceApplicationUrl].join('|');
    const existing = this.eventSources.get(key);
    if (existing !== undefined && existing !== signature) {
      fail(this, `event integration '${eventIntegrationArn}' is already associated with another source; `
        + 'an event integration is associated once per instance');
    }
    this.eventSources.set(key, signature);
    return this.associateArn('EventIntegration', integrationModule().IntegrationType.EVENT, eventIntegrationArn, source);
  }

  public associateCognitoUserPool(userPool: cognitoRefs.IUserPoolRef): IIntegrationAssociation {
    const nodeId = Names.nodeUniqueId(userPool.node);
    return this.associate(`COGNITO_USER_POOL|${nodeId}`, `CognitoUserPool${nodeId}`, integrationModule().IntegrationType.COGNITO_USER_POOL,
      userPool.userPoolRef.userPoolArn);
  }

  public associateVoiceIdDomain(domain: voiceidRefs.IDomainRef): IIntegrationAssociation {
    if (this.voiceIdDomain !== undefined && this.voiceIdDomain !== domain) {
      fail(this, `an instance can be associated with one Voice ID domain, got a second one: ${domain.node.path} after `
        + `${this.voiceIdDomain.node.path}`);
    }
    this.voiceIdDomain = domain;
    const nodeId = Names.nodeUniqueId(domain.node);
    return this.associate(`VOICE_ID|${nodeId}`, `VoiceIdDomain${nodeId}`, integrationModule().IntegrationType.VOICE_ID, voiceIdModule().CfnDomain.arnForDomain(domain));
  }

  public associatePinpointApp(app: pinpointRefs.IAppRef): IIntegrationAssociation {
    const nodeId = Names.nodeUniqueId(app.node);
    return this.associate(`PINPOINT_APP|${nodeId}`, `PinpointApp${nodeId}`, integrationModule().IntegrationType.PINPOINT_APP, app.appRef.appArn);
  }

  public associateAnalyticsConnector(voiceConnectorArn: string): IIntegrationAssociation {
    return this.associateArn('AnalyticsConnector', integrationModule().IntegrationType.ANALYTICS_CONNECTOR, voiceConnectorArn);
  }

  public associateCallTransferConnector(voiceConnectorArn: string): IIntegrationAssociation {
    return this.associateArn('CallTransferConnector', integrationModule().IntegrationType.CALL_TRANSFER_CONNECTOR, voiceConnectorArn);
  }

  public associateAnalyticsDataSet(dataSet: AnalyticsDataSet, options: AnalyticsDataSetAssociationOptions = {}): DataLakeAssociation {
    const key = `${dataSet.dataSetId}|${options.targetAccountId ?? ''}`;
    const existing = this.dataLakeAssociations.get(key);
    if (existing) {
      return existing;
    }
    const association = new (dataLakeModule().DataLakeAssociation)(this, `AnalyticsDataSet${shortHash(key)}`, {
      instance: this,
      dataSet,
      targetAccountId: options.targetAccountId,
    });
    this.dataLakeAssociations.set(key, association);
    return association;
  }

  public addStorageConfig(resourceType: StorageResourceType, target: StorageTarget): IDependable {
    const type = resourceType.value;
    if (Token.isUnresolved(type)) {
      fail(this, 'storage resource type must be a concrete value, got a token');
    }
    validatePattern(this, 'storage resource type', type, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
    if (this.storageConfigs.has(type)) {
      fail(this, `storage for ${type} is already configured; Connect allows one storage configuration per resource type`);
    }
    const allowed = ALLOWED_STORAGE[type];
    if (allowed && !allowed.includes(target.storageType)) {
      fail(this, `storage for ${type} must be ${allowed.map(describeStorage).join(' or ')}, got ${describeStorage(target.storageType)}`);
    }
    const config = target._bind(this, resourceType, this.instanceId);
    const id = `StorageConfig${pascalCase(type)}`;
    let storage: IDependable;
    if (CLOUDFORMATION_RESOURCE_TYPES.has(type)) {
      const resource = new CfnInstanceStorageConfig(this, id, {
        instanceArn: this.instanceArn,
        resourceType: type,
        storageType: target.storageType,
        ...config,
      });
      fixLogicalIdAtSynthesis(resource);
      storage = resource;
    } else {
      // AWS::Connect::InstanceStorageConfig rejects the type: the Connect API configures it.
      if (!allowed) {
        Annotations.of(this).addWarningV2('cdk-connect:Instance.storageResourceType',
          `storage resource type ${type} is not one the Connect API documents (${Object.keys(ALLOWED_STORAGE).join(', ')}); `
          + 'the deployment fails unless Connect accepts it');
      }
      storage = resourceModule().connectResource(this, id, {
        resourceType: 'Custom::ConnectInstanceStorageConfig',
        properties: {
          InstanceId: this.instanceId,
          ResourceType: type,
          StorageConfig: apiStorageConfig(target.storageType, config),
        },
        permissions: [
          {
            actions: [
              'connect:AssociateInstanceStorageConfig',
              'connect:DescribeInstanceStorageConfig',
              'connect:UpdateInstanceStorageConfig',
              'connect:DisassociateInstanceStorageConfig',
            ],
            resources: [this.instanceArn],
          },
          // Connect adds what it needs to reach the storage to the instance's service-linked role.
          { actions: ['iam:PutRolePolicy'], resources: [this._connectServiceRoleArn()] },
          ...target._permissions(),
        ],
      });
    }
    this.storageConfigs.set(type, storage);
    return storage;
  }

  public setAttribute(attributeType: InstanceAttributeType, value: boolean): InstanceAttribute {
    const id = `Attribute${pascalCase(attributeType.value)}`;
    const existing = this.node.tryFindChild(id);
    if (existing) {
      failSetTwice(this, this, `attribute ${attributeType.value}`, existing.node.path);
    }
    return new (attributeModule().InstanceAttribute)(this, id, { instance: this, attributeType, value });
  }

  /**
   * The ARN of the instance's service-linked role, for the permissions of calls that make Connect change its policy
   * (`iam:PutRolePolicy`): every Connect service-linked role of the instance's account, as an imported instance
   * does not tell which is its own.
   *
   * @internal
   */
  public _connectServiceRoleArn(): string {
    return Stack.of(this).formatArn({
      service: 'iam',
      region: '',
      account: this.env.account,
      resource: 'role',
      resourceName: 'aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*',
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }

  public addApprovedOrigin(origin: string): IDependable {
    validateLength(this, 'approved origin', origin, 1, 267);
    validatePattern(this, 'approved origin', origin, ORIGIN, 'an origin such as https://example.com, https://example.com:8443 or http://localhost:3000');
    const key = Token.isUnresolved(origin) ? `${this.approvedOrigins.size + 1}` : origin;
    if (this.approvedOrigins.has(key)) {
      fail(this, `approved origin '${origin}' is already added`);
    }
    const approved = new CfnApprovedOrigin(this, `ApprovedOrigin${shortHash(key)}`, {
      instanceId: this.instanceArn,
      origin,
    });
    fixLogicalIdAtSynthesis(approved);
    this.approvedOrigins.set(key, approved);
    return approved;
  }

  public addSecurityKey(pem: string): IDependable {
    validateSecurityKey(this, pem);
    const key = Token.isUnresolved(pem) ? `${this.securityKeys.size + 1}` : pem.trim();
    if (this.securityKeys.has(key)) {
      fail(this, 'security key is already added');
    }
    if (this.securityKeys.size >= MAX_SECURITY_KEYS) {
      fail(this, `an instance can have at most ${MAX_SECURITY_KEYS} security keys, got ${this.securityKeys.size + 1}`);
    }
    const securityKey = new CfnSecurityKey(this, `SecurityKey${shortHash(key)}`, {
      instanceId: this.instanceArn,
      key: pem,
    });
    fixLogicalIdAtSynthesis(securityKey);
    this.securityKeys.set(key, securityKey);
    return securityKey;
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iamModule().Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: [this.instanceArn, `${this.instanceArn}/*`],
    });
  }

  public grantStartOutboundVoiceContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartOutboundVoiceContact');
  }

  public grantStartOutboundChatContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartOutboundChatContact');
  }

  public grantStartOutboundEmailContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartOutboundEmailContact');
  }

  public grantStartChatContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartChatContact');
  }

  public grantStartTaskContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartTaskContact');
  }

  public grantStartWebRtcContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartWebRTCContact');
  }

  public grantStartEmailContact(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'connect:StartEmailContact');
  }

  public metric(metricName: string, props: InstanceMetricOptions = {}): cloudwatch.Metric {
    const { metricGroup, ...options } = props;
    const known = INSTANCE_METRICS[metricName];
    const group = metricGroup ?? known?.group;
    if (!group) {
      fail(this, `metricGroup is required for metric '${metricName}', which is not an instance metric this library knows`);
    }
    return new (cloudwatchModule().Metric)({
      namespace: 'AWS/Connect',
      metricName,
      statistic: known?.statistic,
      ...options,
      dimensionsMap: {
        InstanceId: this.instanceId,
        MetricGroup: group.value,
        ...options.dimensionsMap,
      },
    }).attachTo(this);
  }

  public metricCallsBreachingConcurrencyQuota(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CallsBreachingConcurrencyQuota', props);
  }

  public metricCallsPerInterval(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CallsPerInterval', props);
  }

  public metricConcurrentCalls(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentCalls', props);
  }

  public metricConcurrentCallsPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentCallsPercentage', props);
  }

  public metricMisconfiguredPhoneNumbers(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('MisconfiguredPhoneNumbers', props);
  }

  public metricMissedCalls(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('MissedCalls', props);
  }

  public metricThrottledCalls(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ThrottledCalls', props);
  }

  public metricCallRecordingUploadError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CallRecordingUploadError', props);
  }

  public metricChatsBreachingActiveChatQuota(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ChatsBreachingActiveChatQuota', props);
  }

  public metricConcurrentActiveChats(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentActiveChats', props);
  }

  public metricConcurrentActiveChatsPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentActiveChatsPercentage', props);
  }

  public metricSuccessfulChatsPerInterval(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('SuccessfulChatsPerInterval', props);
  }

  public metricConcurrentTasks(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentTasks', props);
  }

  public metricConcurrentTasksPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentTasksPercentage', props);
  }

  public metricTasksBreachingConcurrencyQuota(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('TasksBreachingConcurrencyQuota', props);
  }

  public metricConcurrentEmails(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentEmails', props);
  }

  public metricConcurrentEmailsPercentage(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentEmailsPercentage', props);
  }

  public get instanceRef(): connectRefs.InstanceReference {
    return { instanceArn: this.instanceArn };
  }

  private associateLex(id: string, botAliasArn: string): IIntegrationAssociation {
    const key = Token.isUnresolved(botAliasArn) ? `LEX_BOT|${id}` : integrationKey(integrationModule().IntegrationType.LEX_BOT, botAliasArn);
    return this.associate(key, id, integrationModule().IntegrationType.LEX_BOT, botAliasArn);
  }

  /** Associates an integration given by its ARN, once per type and ARN; the construct id comes from the ARN. */
  private associateArn(prefix: string, type: IntegrationType, integrationArn: string,
    eventSource?: EventIntegrationSource): IIntegrationAssociation {
    return this.associate(integrationKey(type, integrationArn), `${prefix}${shortHash(integrationArn)}`, type, integrationArn, eventSource);
  }

  /** Associates a Lambda function, once per type and function, and lets Connect invoke it from this instance. */
  private associateFunction(prefix: string, type: IntegrationType, fn: lambda.IFunction): IIntegrationAssociation {
    const fnId = Names.nodeUniqueId(fn.node);
    const association = this.associate(`${type.value}|${fnId}`, `${prefix}${fnId}`, type, fn.functionArn);
    if (!this.connectInvokePermissions.has(fnId)) {
      fn.addPermission(`InvokedByConnect${Names.nodeUniqueId(this.node)}`, {
        principal: new (iamModule().ServicePrincipal)('connect.amazonaws.com'),
        sourceArn: this.instanceArn,
        sourceAccount: this.env.account,
      });
      this.connectInvokePermissions.add(fnId);
    }
    return association;
  }

  private associate(key: string, id: string, type: IntegrationType, integrationArn: string,
    eventSource?: EventIntegrationSource): IIntegrationAssociation {
    const existing = this.integrations.get(key);
    if (existing) {
      return existing;
    }
    const association = new (integrationModule().IntegrationAssociation)(this, id, {
      instance: this,
      integrationType: type,
      integrationArn,
      eventSource,
    });
    this.integrations.set(key, association);
    return association;
  }
}

function describeStorage(type: StorageType): string {
  switch (type) {
    case StorageType.S3: return 'an S3 bucket';
    case StorageType.KINESIS_STREAM: return 'a Kinesis data stream';
    case StorageType.KINESIS_FIREHOSE: return 'a Firehose delivery stream';
    case StorageType.KINESIS_VIDEO_STREAM: return 'Kinesis Video Streams';
  }
}

function validateSecurityKey(scope: IConstruct, pem: string): void {
  if (Token.isUnresolved(pem)) {
    return;
  }
  validateLength(scope, 'security key', pem, 1, 1024);
  const match = PEM.exec(pem.trim());
  if (!match || match[1] !== match[3]) {
    fail(scope, 'security key must be a PEM-encoded public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)');
  }
  if (match[1].includes('PRIVATE')) {
    fail(scope, `security key must be a public key, got a ${match[1].toLowerCase()}; never put a private key in a template`);
  }
  if (!match[1].endsWith('PUBLIC KEY')) {
    fail(scope, `security key must be a PEM-encoded public key, got a PEM block of type '${match[1]}'`);
  }
}

/** The key an integration is associated once by: its type and its resource's ARN (a token's string is stable). */
function integrationKey(type: IntegrationType, integrationArn: string): string {
  return `${type.value}|${integrationArn}`;
}

/** A short, stable hash of a value, for construct ids derived from values that cannot be ids themselves. */
function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8).toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------------
// The instance
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Properties of an Amazon Connect instance.
 *
 * The feature toggles default to what Connect gives a new instance. The ones Connect enables or disables on every
 * instance (calls, flow logs, Contact Lens, voices, early media) are always written to the template, because
 * CloudFormation turns off a toggle that is left out of the template on the next update.
 */
export interface InstanceProps {
  /**
   * How users are managed. It cannot be changed after the instance is created (changing it replaces the instance).
   *
   * @default IdentityManagementType.CONNECT_MANAGED
   */
  readonly identityManagement?: IdentityManagementType;

  /**
   * The alias of the instance: 1 to 45 letters, digits and hyphens, starting and ending with a letter or digit,
   * not starting with `d-`. It names the instance's access URL (`https://<alias>.my.connect.aws`) and must be
   * unique across AWS. Required for `CONNECT_MANAGED` and `SAML`; not allowed for `EXISTING_DIRECTORY`.
   * Changing it replaces the instance.
   *
   * @default - none (only valid with `IdentityManagementType.EXISTING_DIRECTORY`)
   */
  readonly instanceAlias?: string;

  /**
   * The id of the AWS Directory Service directory (`d-` and 10 hexadecimal digits).
   * Required for, and only allowed with, `EXISTING_DIRECTORY`.
   *
   * @default - none
   */
  readonly directoryId?: string;

  /**
   * Whether the contact center handles inbound calls.
   *
   * @default true
   */
  readonly inboundCalls?: boolean;

  /**
   * Whether the contact center can place outbound calls.
   *
   * @default true
   */
  readonly outboundCalls?: boolean;

  /**
   * Whether flows write logs to CloudWatch Logs (`CONTACTFLOW_LOGS`).
   *
   * @default false
   */
  readonly contactFlowLogs?: boolean;

  /**
   * Whether Contact Lens conversational analytics is enabled (`CONTACT_LENS`).
   *
   * @default true
   */
  readonly contactLens?: boolean;

  /**
   * Whether Connect picks the best available Amazon Polly voice for text to speech (`AUTO_RESOLVE_BEST_VOICES`).
   *
   * @default true
   */
  readonly autoResolveBestVoices?: boolean;

  /**
   * Whether custom Amazon Polly text-to-speech voices can be used (`USE_CUSTOM_TTS_VOICES`).
   *
   * @default false
   */
  readonly useCustomTtsVoices?: boolean;

  /**
   * Whether agents hear the audio (such as ringing or announcements) of outbound calls before they are
   * answered (`EARLY_MEDIA`).
   *
   * @default true
   */
  readonly earlyMedia?: boolean;

  /**
   * Whether up to six parties can join a voice call (`MULTI_PARTY_CONFERENCE`).
   *
   * @default false
   */
  readonly multiPartyConference?: boolean;

  /**
   * Whether up to six parties can join a chat (`MULTI_PARTY_CHAT_CONFERENCE`).
   *
   * @default false
   */
  readonly multiPartyChatConference?: boolean;

  /**
   * Whether high-volume outbound communications (outbound campaigns) are enabled (`HIGH_VOLUME_OUTBOUND`).
   *
   * @default false
   */
  readonly highVolumeOutbound?: boolean;

  /**
   * Whether supervisors can barge in on and take over calls they monitor (`ENHANCED_CONTACT_MONITORING`).
   *
   * @default false
   */
  readonly enhancedContactMonitoring?: boolean;

  /**
   * Whether supervisors can barge in on and take over chats they monitor (`ENHANCED_CHAT_MONITORING`).
   *
   * @default false
   */
  readonly enhancedChatMonitoring?: boolean;

  /**
   * Whether chat messages are streamed (`MESSAGE_STREAMING`), for example to Lex bots that take chat messages
   * asynchronously (the bot alias's resource policy must then allow `lex:RecognizeMessageAsync` for the instance).
   *
   * The pinned CloudFormation schema of `AWS::Connect::Instance` has no such attribute, so it is set through the
   * Connect API, like `setAttribute(InstanceAttributeType.MESSAGE_STREAMING, value)`: when the prop is removed, the
   * instance gets back the value it had before.
   *
   * @default - Connect's default (off), left as it is
   */
  readonly messageStreaming?: boolean;

  /**
   * Whether an agent's microphone is muted automatically when they put a call on hold (`AUTO_MUTE_AGENT_ON_HOLD`).
   * A recent CloudFormation attribute: aws-cdk-lib 2.276 knows it, but cfn-lint 1.51 (and so the CloudFormation
   * registry schema it ships) reports it as unknown (E3002); check that your Region's CloudFormation accepts it.
   *
   * @default false
   */
  readonly autoMuteAgentOnHold?: boolean;

  /**
   * What happens to the instance when it is removed from the stack or the stack is deleted.
   *
   * An instance holds the whole contact center configuration, its users and its history, and is counted against a
   * quota of instances created and deleted per 30 days, so it is retained by default. A retained instance keeps its
   * alias: deploying the stack again with the same alias fails until the old instance is deleted.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const DIRECTORY_ID = /^d-[0-9a-f]{10}$/;
const INSTANCE_ALIAS = /^[\da-zA-Z]+(-*[\da-zA-Z])*$/;

/**
 * Options for looking up an existing instance.
 */
export interface InstanceLookupOptions {
  /**
   * The alias of the instance (the `<alias>` of `https://<alias>.my.connect.aws`).
   */
  readonly instanceAlias: string;
}

/** The id of the instance that a lookup returns before the CDK CLI has done it. */
const DUMMY_INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * An Amazon Connect instance.
 *
 * Tags set with `Tags.of(...)` apply to the instance. Storage, approved origins, security keys, integrations
 * (Lambda functions, Lex bots, Cases, Amazon Q in Connect, SES identities, applications, event integrations, ...)
 * and analytics data sets are added with the `add...` and `associate...` methods; attributes CloudFormation cannot
 * set (`MESSAGE_STREAMING`) with `setAttribute`.
 *
 * @resource AWS::Connect::Instance
 */
export class Instance extends InstanceBase {
  /**
   * Imports an instance by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>`).
   */
  public static fromInstanceArn(scope: Construct, id: string, instanceArn: string): IInstance {
    return Instance.importInstance(scope, id, instanceArn);
  }

  /**
   * Imports an instance of the stack's account and region by its id.
   */
  public static fromInstanceId(scope: Construct, id: string, instanceId: string): IInstance {
    return Instance.importInstance(scope, id, instanceArnFromId(scope, instanceId), instanceId);
  }

  /**
   * Looks up an instance of the stack's account and region by its alias, with the CDK CLI's Cloud Control API
   * context provider (`cc-api-provider`, `AWS::Connect::Instance`), and imports it.
   *
   * The stack must have a concrete account and region. Until the CLI has done the lookup (and when synthesizing
   * without it, as in unit tests), the instance is a dummy one, `arn:<partition>:connect:<region>:<account>:instance/`
   * `00000000-0000-0000-0000-000000000000` in the stack's partition, region and account; the CLI then stores the instance's ARN in `cdk.context.json` and
   * synthesizes again. The lookup fails unless exactly one instance has the alias. The role that looks up needs
   * `cloudformation:ListResources` (Cloud Control) and `connect:ListInstances`.
   */
  public static fromLookup(scope: Construct, id: string, options: InstanceLookupOptions): IInstance {
    const alias = options.instanceAlias;
    if (Token.isUnresolved(alias)) {
      fail(scope, 'instanceAlias to look up must be a concrete value, got a token');
    }
    validateLength(scope, 'instance alias to look up', alias, 1, 45);
    validatePattern(scope, 'instance alias to look up', alias, INSTANCE_ALIAS,
      'letters, digits and hyphens, starting and ending with a letter or digit');
    if (alias.startsWith('d-')) {
      fail(scope, `instance alias to look up must not start with 'd-', which marks directory ids, got '${alias}'`);
    }
    // In the stack's partition, region and account (tokens where the stack has none).
    const dummyArn = instanceArnFromId(scope, DUMMY_INSTANCE_ID);
    const found: Array<{ readonly Arn: string }> = ContextProvider.getValue(scope, {
      provider: cxschema.ContextProvider.CC_API_PROVIDER,
      props: {
        typeName: 'AWS::Connect::Instance',
        propertyMatch: { InstanceAlias: alias },
        propertiesToReturn: ['Arn'],
        expectedMatchCount: 'exactly-one',
      },
      dummyValue: [{ Arn: dummyArn }],
    }).value;
    const arn = found[0].Arn;
    // The dummy ARN holds tokens (the partition at least): give its id and environment (the stack's) directly
    // rather than splitting it.
    return arn === dummyArn
      ? Instance.importInstance(scope, id, arn, DUMMY_INSTANCE_ID, true)
      : Instance.fromInstanceArn(scope, id, arn);
  }

  private static importInstance(scope: Construct, id: string, instanceArn: string, knownInstanceId?: string,
    stackEnvironment: boolean = false): IInstance {
    // A string that is not an ARN at all is reported by parseInstanceArn, with the construct path.
    const isArn = Token.isUnresolved(instanceArn) || (instanceArn.startsWith('arn:') && instanceArn.split(':').length >= 6);
    class Import extends InstanceBase {
      public readonly instanceArn = instanceArn;
      public readonly instanceId: string;

      constructor() {
        super(scope, id, isArn && !stackEnvironment ? { environmentFromArn: importEnvironmentArn(instanceArn) } : {});
        if (knownInstanceId !== undefined) {
          validatePattern(this, 'instance id', knownInstanceId, /^[-a-zA-Z0-9]{1,100}$/, 'letters, digits and hyphens (1 to 100)');
        }
        this.instanceId = knownInstanceId ?? parseInstanceArn(this, instanceArn);
      }
    }
    return new Import();
  }

  /**
   * The ARN of the instance.
   *
   * @attribute
   */
  public readonly instanceArn: string;

  /**
   * The id of the instance.
   *
   * @attribute
   */
  public readonly instanceId: string;

  /**
   * The ARN of the instance's service-linked role (`AWSServiceRoleForAmazonConnect_...`), which Connect uses to
   * reach storage, Lex bots and other AWS resources.
   *
   * @attribute
   */
  public readonly instanceServiceRoleArn: string;

  /**
   * When the instance was created (ISO 8601).
   *
   * @attribute
   */
  public readonly instanceCreatedTime: string;

  /**
   * The status of the instance (`ACTIVE` once CloudFormation has created it).
   *
   * @attribute
   */
  public readonly instanceStatus: string;

  /**
   * The alias of the instance, undefined for an instance that uses an existing directory.
   */
  public readonly instanceAlias?: string;

  /**
   * How the instance manages users.
   */
  public readonly identityManagement: IdentityManagementType;

  constructor(scope: Construct, id: string, props: InstanceProps) {
    super(scope, id);

    const identityManagement = props.identityManagement ?? IdentityManagementType.CONNECT_MANAGED;
    this.validateIdentity(identityManagement, props);

    const attributes: CfnInstance.AttributesProperty = {
      inboundCalls: props.inboundCalls ?? true,
      outboundCalls: props.outboundCalls ?? true,
      contactflowLogs: props.contactFlowLogs ?? false,
      contactLens: props.contactLens ?? true,
      autoResolveBestVoices: props.autoResolveBestVoices ?? true,
      useCustomTtsVoices: props.useCustomTtsVoices ?? false,
      earlyMedia: props.earlyMedia ?? true,
      multiPartyConference: props.multiPartyConference,
      multiPartyChatConference: props.multiPartyChatConference,
      highVolumeOutBound: props.highVolumeOutbound,
      enhancedContactMonitoring: props.enhancedContactMonitoring,
      enhancedChatMonitoring: props.enhancedChatMonitoring,
      autoMuteAgentOnHold: props.autoMuteAgentOnHold,
    };

    const resource = new CfnInstance(this, 'Resource', {
      identityManagementType: identityManagement,
      instanceAlias: props.instanceAlias,
      directoryId: props.directoryId,
      attributes,
    });
    fixLogicalIdAtSynthesis(resource);
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);

    this.instanceArn = resource.attrArn;
    this.instanceId = resource.attrId;
    this.instanceServiceRoleArn = resource.attrServiceRole;
    this.instanceCreatedTime = resource.attrCreatedTime;
    this.instanceStatus = resource.attrInstanceStatus;
    this.instanceAlias = props.instanceAlias;
    this.identityManagement = identityManagement;

    // CloudFormation sets the attributes above; the others are set through the Connect API (setAttribute), and
    // follow updates of these (see InstanceAttribute).
    markCloudFormationInstance(this, Object.fromEntries(Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name[0].toUpperCase() + name.slice(1), value])));
    if (props.messageStreaming !== undefined) {
      this.setAttribute(attributeModule().InstanceAttributeType.MESSAGE_STREAMING, props.messageStreaming);
    }
  }

  /**
   * The ARN of the instance's own service-linked role.
   *
   * @internal
   */
  public _connectServiceRoleArn(): string {
    return this.instanceServiceRoleArn;
  }

  private validateIdentity(type: IdentityManagementType, props: InstanceProps): void {
    const alias = props.instanceAlias;
    const directoryId = props.directoryId;
    if (type === IdentityManagementType.EXISTING_DIRECTORY) {
      if (directoryId === undefined) {
        fail(this, 'directoryId is required when identityManagement is EXISTING_DIRECTORY');
      }
      if (alias !== undefined) {
        fail(this, 'instanceAlias is not allowed when identityManagement is EXISTING_DIRECTORY; the directory names the instance');
      }
    } else {
      if (alias === undefined) {
        fail(this, `instanceAlias is required when identityManagement is ${type}`);
      }
      if (directoryId !== undefined) {
        fail(this, `directoryId is only allowed when identityManagement is EXISTING_DIRECTORY, got ${type}`);
      }
    }
    validateLength(this, 'instance alias', alias, 1, 45);
    if (alias !== undefined && !Token.isUnresolved(alias) && alias.startsWith('d-')) {
      fail(this, `instance alias must not start with 'd-', which marks directory ids, got '${alias}'`);
    }
    validatePattern(this, 'instance alias', alias, INSTANCE_ALIAS,
      'letters, digits and hyphens, starting and ending with a letter or digit');
    validatePattern(this, 'directory id', directoryId, DIRECTORY_ID, "'d-' followed by 10 lowercase hexadecimal digits");
  }
}
