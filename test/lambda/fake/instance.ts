import type * as sdk from '@aws-sdk/client-connect';
import { FakeConnect, MemberRule, serviceError } from './connect';

// Member rules from the Connect API model (connect-2017-08-08), written out by hand.

const INSTANCE_ID: MemberRule = { required: true, min: 1, max: 100 };
const CLIENT_TOKEN: MemberRule = { max: 500 };

/** InstanceAttributeType. */
export const INSTANCE_ATTRIBUTE_TYPES = [
  'INBOUND_CALLS', 'OUTBOUND_CALLS', 'CONTACTFLOW_LOGS', 'CONTACT_LENS', 'AUTO_RESOLVE_BEST_VOICES', 'USE_CUSTOM_TTS_VOICES',
  'EARLY_MEDIA', 'MULTI_PARTY_CONFERENCE', 'HIGH_VOLUME_OUTBOUND', 'ENHANCED_CONTACT_MONITORING', 'ENHANCED_CHAT_MONITORING',
  'MULTI_PARTY_CHAT_CONFERENCE', 'MESSAGE_STREAMING',
] as const;

/** The attribute values of a new instance (what the Connect console and `CreateInstance` give one). */
const ATTRIBUTE_DEFAULTS: Record<string, string> = {
  INBOUND_CALLS: 'true',
  OUTBOUND_CALLS: 'true',
  CONTACTFLOW_LOGS: 'false',
  CONTACT_LENS: 'true',
  AUTO_RESOLVE_BEST_VOICES: 'true',
  USE_CUSTOM_TTS_VOICES: 'false',
  EARLY_MEDIA: 'true',
  MULTI_PARTY_CONFERENCE: 'false',
  HIGH_VOLUME_OUTBOUND: 'false',
  ENHANCED_CONTACT_MONITORING: 'false',
  ENHANCED_CHAT_MONITORING: 'false',
  MULTI_PARTY_CHAT_CONFERENCE: 'false',
  MESSAGE_STREAMING: 'false',
};

/** InstanceStorageResourceType. */
export const STORAGE_RESOURCE_TYPES = [
  'CHAT_TRANSCRIPTS', 'CALL_RECORDINGS', 'SCHEDULED_REPORTS', 'MEDIA_STREAMS', 'CONTACT_TRACE_RECORDS', 'AGENT_EVENTS',
  'REAL_TIME_CONTACT_ANALYSIS_SEGMENTS', 'ATTACHMENTS', 'CONTACT_EVALUATIONS', 'SCREEN_RECORDINGS',
  'REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS', 'REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS', 'EMAIL_MESSAGES',
] as const;

const STORAGE_TYPES = ['S3', 'KINESIS_VIDEO_STREAM', 'KINESIS_STREAM', 'KINESIS_FIREHOSE'];

/** The storage each resource type accepts (Connect administrator guide). */
const ALLOWED_STORAGE: Record<string, readonly string[]> = {
  CALL_RECORDINGS: ['S3'],
  CHAT_TRANSCRIPTS: ['S3'],
  SCHEDULED_REPORTS: ['S3'],
  ATTACHMENTS: ['S3'],
  CONTACT_EVALUATIONS: ['S3'],
  SCREEN_RECORDINGS: ['S3'],
  EMAIL_MESSAGES: ['S3'],
  MEDIA_STREAMS: ['KINESIS_VIDEO_STREAM'],
  CONTACT_TRACE_RECORDS: ['KINESIS_STREAM', 'KINESIS_FIREHOSE'],
  AGENT_EVENTS: ['KINESIS_STREAM'],
  REAL_TIME_CONTACT_ANALYSIS_SEGMENTS: ['KINESIS_STREAM'],
  REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS: ['KINESIS_STREAM'],
  REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS: ['KINESIS_STREAM'],
};

/** VocabularyLanguageCode. */
export const VOCABULARY_LANGUAGE_CODES = [
  'ar-AE', 'de-CH', 'de-DE', 'en-AB', 'en-AU', 'en-GB', 'en-IE', 'en-IN', 'en-US', 'en-WL', 'es-ES', 'es-US', 'fr-CA',
  'fr-FR', 'hi-IN', 'it-IT', 'ja-JP', 'ko-KR', 'pt-BR', 'pt-PT', 'zh-CN', 'en-NZ', 'en-ZA', 'ca-ES', 'da-DK', 'fi-FI',
  'id-ID', 'ms-MY', 'nl-NL', 'no-NO', 'pl-PL', 'sv-SE', 'tl-PH',
] as const;

/** A storage configuration as the fake keeps it. */
export interface FakeStorageConfig {
  readonly instanceId: string;
  readonly resourceType: string;
  config: sdk.InstanceStorageConfig;
}

/** A vocabulary as the fake keeps it. */
export interface FakeVocabulary {
  readonly instanceId: string;
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly languageCode: string;
  state: string;
  failureReason?: string;
  /** How many more DescribeVocabulary requests see it CREATION_IN_PROGRESS before it becomes ACTIVE. */
  describesUntilActive: number;
}

const ATTRIBUTES = 'instance-attributes';
const STORAGE = 'instance-storage-configs';
const STORAGE_TOKENS = 'instance-storage-config-tokens';
const VOCABULARIES = 'vocabularies';
const DEFAULT_VOCABULARIES = 'default-vocabularies';

/** The value of an instance attribute (the instance's default until something sets it). */
export function instanceAttribute(fake: FakeConnect, instanceId: string, attributeType: string): string {
  return fake.table<string>(ATTRIBUTES).get(`${instanceId}|${attributeType}`) ?? ATTRIBUTE_DEFAULTS[attributeType];
}

/** Sets an instance attribute behind the handler's back. */
export function setInstanceAttribute(fake: FakeConnect, instanceId: string, attributeType: string, value: string): void {
  fake.table<string>(ATTRIBUTES).set(`${instanceId}|${attributeType}`, value);
}

/** The storage configurations the fake holds, by association id. */
export function storageConfigs(fake: FakeConnect): Map<string, FakeStorageConfig> {
  return fake.table<FakeStorageConfig>(STORAGE);
}

/** Adds a vocabulary (CloudFormation creates them; no kind does), ACTIVE unless told otherwise. */
export function addVocabulary(fake: FakeConnect, instanceId: string, options: {
  readonly name: string;
  readonly languageCode?: string;
  readonly state?: string;
  readonly failureReason?: string;
  readonly describesUntilActive?: number;
}): FakeVocabulary {
  const instance = fake.instance(instanceId);
  const id = fake.newId();
  const vocabulary: FakeVocabulary = {
    instanceId: instance.id,
    id,
    arn: `${instance.arn}/vocabulary/${id}`,
    name: options.name,
    languageCode: options.languageCode ?? 'en-US',
    state: options.state ?? (options.describesUntilActive ? 'CREATION_IN_PROGRESS' : 'ACTIVE'),
    failureReason: options.failureReason,
    describesUntilActive: options.describesUntilActive ?? 0,
  };
  fake.table<FakeVocabulary>(VOCABULARIES).set(id, vocabulary);
  fake.trackTags(vocabulary.arn, {});
  return vocabulary;
}

/** Removes a vocabulary (as its deletion would). */
export function removeVocabulary(fake: FakeConnect, vocabularyId: string): void {
  const vocabulary = fake.table<FakeVocabulary>(VOCABULARIES).get(vocabularyId);
  fake.table<FakeVocabulary>(VOCABULARIES).delete(vocabularyId);
  if (vocabulary) {
    fake.forgetTags(vocabulary.arn);
    const defaults = fake.table<string>(DEFAULT_VOCABULARIES);
    const key = `${vocabulary.instanceId}|${vocabulary.languageCode}`;
    if (defaults.get(key) === vocabularyId) {
      defaults.delete(key);
    }
  }
}

/** The default vocabulary of a language, or undefined. */
export function defaultVocabulary(fake: FakeConnect, instanceId: string, languageCode: string): string | undefined {
  return fake.table<string>(DEFAULT_VOCABULARIES).get(`${instanceId}|${languageCode}`);
}

/** Sets (or, with undefined, removes) the default vocabulary of a language behind the handler's back. */
export function setDefaultVocabulary(fake: FakeConnect, instanceId: string, languageCode: string, vocabularyId: string | undefined): void {
  const key = `${instanceId}|${languageCode}`;
  if (vocabularyId === undefined) {
    fake.table<string>(DEFAULT_VOCABULARIES).delete(key);
  } else {
    fake.table<string>(DEFAULT_VOCABULARIES).set(key, vocabularyId);
  }
}

function requireBoolean(attributeType: string, value: string): void {
  // Every attribute type of the API is an on/off feature toggle.
  if (value !== 'true' && value !== 'false') {
    throw serviceError('InvalidParameterException', `Invalid value '${value}' for attribute ${attributeType}: the value must be true or false`);
  }
}

function requireStorageConfig(resourceType: string, config: sdk.InstanceStorageConfig | undefined): sdk.InstanceStorageConfig {
  if (!config?.StorageType || !STORAGE_TYPES.includes(config.StorageType)) {
    throw serviceError('InvalidParameterException', `Value '${config?.StorageType}' at 'storageConfig.storageType' failed to satisfy constraint: `
      + `Member must satisfy enum value set: [${STORAGE_TYPES.join(', ')}]`);
  }
  const member = {
    S3: 'S3Config',
    KINESIS_VIDEO_STREAM: 'KinesisVideoStreamConfig',
    KINESIS_STREAM: 'KinesisStreamConfig',
    KINESIS_FIREHOSE: 'KinesisFirehoseConfig',
  }[config.StorageType] as keyof sdk.InstanceStorageConfig;
  if (config[member] === undefined) {
    throw serviceError('InvalidParameterException', `${member} is required for storage type ${config.StorageType}`);
  }
  const s3 = config.S3Config;
  if (s3 && (!s3.BucketName || s3.BucketName.length > 128 || !s3.BucketPrefix || s3.BucketPrefix.length > 128)) {
    throw serviceError('InvalidParameterException', 'S3Config needs a BucketName and a BucketPrefix of 1 to 128 characters');
  }
  const kvs = config.KinesisVideoStreamConfig;
  if (kvs && (kvs.RetentionPeriodHours === undefined || kvs.RetentionPeriodHours < 0 || kvs.RetentionPeriodHours > 87600)) {
    throw serviceError('InvalidParameterException', 'RetentionPeriodHours must be from 0 to 87600');
  }
  const allowed = ALLOWED_STORAGE[resourceType];
  if (allowed && !allowed.includes(config.StorageType)) {
    throw serviceError('InvalidRequestException', `Storage type ${config.StorageType} is not supported for resource type ${resourceType}`);
  }
  return { ...config, AssociationId: undefined };
}

function storageConfigOf(fake: FakeConnect, input: { InstanceId?: string; AssociationId?: string; ResourceType?: string }): FakeStorageConfig {
  const instance = fake.instance(input.InstanceId);
  const stored = storageConfigs(fake).get(input.AssociationId!);
  if (!stored || stored.instanceId !== instance.id || stored.resourceType !== input.ResourceType) {
    throw serviceError('ResourceNotFoundException', `Storage config ${input.AssociationId} of type ${input.ResourceType} not found`, 404);
  }
  return stored;
}

function vocabularyOf(fake: FakeConnect, instanceId: string, vocabularyId: string | undefined): FakeVocabulary {
  const vocabulary = fake.table<FakeVocabulary>(VOCABULARIES).get(vocabularyId ?? '');
  if (!vocabulary || vocabulary.instanceId !== instanceId) {
    throw serviceError('ResourceNotFoundException', `Vocabulary not found: ${vocabularyId}`, 404);
  }
  return vocabulary;
}

/** Registers instance attributes, instance storage configurations and default vocabularies with the fake. */
export function instanceDomain(fake: FakeConnect): void {
  // ---- Instance attributes ----------------------------------------------------------------------------------------
  fake.register('DescribeInstanceAttribute', {
    members: { InstanceId: INSTANCE_ID, AttributeType: { required: true, enum: INSTANCE_ATTRIBUTE_TYPES } },
    run: (input: sdk.DescribeInstanceAttributeRequest, f) => {
      const instance = f.instance(input.InstanceId);
      return { Attribute: { AttributeType: input.AttributeType, Value: instanceAttribute(f, instance.id, input.AttributeType!) } };
    },
  });
  fake.register('UpdateInstanceAttribute', {
    members: {
      InstanceId: INSTANCE_ID,
      AttributeType: { required: true, enum: INSTANCE_ATTRIBUTE_TYPES },
      Value: { required: true, min: 1, max: 100 },
      ClientToken: CLIENT_TOKEN,
    },
    run: (input: sdk.UpdateInstanceAttributeRequest, f) => {
      const instance = f.instance(input.InstanceId);
      requireBoolean(input.AttributeType!, input.Value!);
      setInstanceAttribute(f, instance.id, input.AttributeType!, input.Value!);
      return {};
    },
  });

  // ---- Storage configurations -------------------------------------------------------------------------------------
  const resourceType: MemberRule = { required: true, enum: STORAGE_RESOURCE_TYPES };
  const associationId: MemberRule = { required: true, min: 1, max: 100 };
  fake.register('AssociateInstanceStorageConfig', {
    members: { InstanceId: INSTANCE_ID, ResourceType: resourceType, StorageConfig: { required: true }, ClientToken: CLIENT_TOKEN },
    run: (input: sdk.AssociateInstanceStorageConfigRequest, f) => {
      const instance = f.instance(input.InstanceId);
      const tokens = f.table<string>(STORAGE_TOKENS);
      const tokenKey = input.ClientToken === undefined ? undefined : `${instance.id}|${input.ClientToken}`;
      const repeated = tokenKey === undefined ? undefined : tokens.get(tokenKey);
      if (repeated !== undefined && storageConfigs(f).has(repeated)) {
        // The same request again (idempotency token): the same association.
        return { AssociationId: repeated };
      }
      const config = requireStorageConfig(input.ResourceType!, input.StorageConfig);
      for (const [id, stored] of storageConfigs(f)) {
        if (stored.instanceId === instance.id && stored.resourceType === input.ResourceType) {
          throw serviceError('ResourceConflictException',
            `A storage config for resource type ${input.ResourceType} already exists on this instance (association ${id})`, 409);
        }
      }
      const id = f.newId().replace(/^00000000/, 'a5500000');
      storageConfigs(f).set(id, { instanceId: instance.id, resourceType: input.ResourceType!, config });
      if (tokenKey !== undefined) {
        tokens.set(tokenKey, id);
      }
      return { AssociationId: id };
    },
  });
  fake.register('DescribeInstanceStorageConfig', {
    members: { InstanceId: INSTANCE_ID, AssociationId: associationId, ResourceType: resourceType },
    run: (input: sdk.DescribeInstanceStorageConfigRequest, f) => {
      const stored = storageConfigOf(f, input);
      return { StorageConfig: { ...stored.config, AssociationId: input.AssociationId } };
    },
  });
  fake.register('ListInstanceStorageConfigs', {
    members: { InstanceId: INSTANCE_ID, ResourceType: resourceType, MaxResults: {} },
    run: (input: sdk.ListInstanceStorageConfigsRequest, f) => {
      const instance = f.instance(input.InstanceId);
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 10)) {
        throw serviceError('InvalidParameterException', 'MaxResults must be from 1 to 10');
      }
      const all = [...storageConfigs(f)]
        .filter(([, stored]) => stored.instanceId === instance.id && stored.resourceType === input.ResourceType)
        .map(([id, stored]) => ({ ...stored.config, AssociationId: id }));
      const start = Number(input.NextToken ?? 0);
      const size = input.MaxResults ?? 10;
      const page = all.slice(start, start + size);
      return { StorageConfigs: page, NextToken: start + size < all.length ? String(start + size) : undefined };
    },
  });
  fake.register('UpdateInstanceStorageConfig', {
    members: {
      InstanceId: INSTANCE_ID, AssociationId: associationId, ResourceType: resourceType, StorageConfig: { required: true }, ClientToken: CLIENT_TOKEN,
    },
    run: (input: sdk.UpdateInstanceStorageConfigRequest, f) => {
      const stored = storageConfigOf(f, input);
      stored.config = requireStorageConfig(input.ResourceType!, input.StorageConfig);
      return {};
    },
  });
  fake.register('DisassociateInstanceStorageConfig', {
    members: { InstanceId: INSTANCE_ID, AssociationId: associationId, ResourceType: resourceType, ClientToken: CLIENT_TOKEN },
    run: (input: sdk.DisassociateInstanceStorageConfigRequest, f) => {
      storageConfigOf(f, input);
      storageConfigs(f).delete(input.AssociationId!);
      return {};
    },
  });

  // ---- Default vocabularies ---------------------------------------------------------------------------------------
  const languageCode: MemberRule = { enum: VOCABULARY_LANGUAGE_CODES };
  fake.register('DescribeVocabulary', {
    members: { InstanceId: INSTANCE_ID, VocabularyId: { required: true, min: 1, max: 500 } },
    run: (input: sdk.DescribeVocabularyRequest, f) => {
      const instance = f.instance(input.InstanceId);
      const vocabulary = vocabularyOf(f, instance.id, input.VocabularyId);
      if (vocabulary.state === 'CREATION_IN_PROGRESS') {
        if (vocabulary.describesUntilActive <= 0) {
          vocabulary.state = 'ACTIVE';
        } else {
          vocabulary.describesUntilActive--;
        }
      }
      return {
        Vocabulary: {
          Id: vocabulary.id,
          Arn: vocabulary.arn,
          Name: vocabulary.name,
          LanguageCode: vocabulary.languageCode,
          State: vocabulary.state,
          FailureReason: vocabulary.failureReason,
          LastModifiedTime: new Date(0),
          Content: 'Phrase\tIPA\tSoundsLike\tDisplayAs\nAcme\t\t\t',
        },
      };
    },
  });
  fake.register('AssociateDefaultVocabulary', {
    members: { InstanceId: INSTANCE_ID, LanguageCode: { ...languageCode, required: true }, VocabularyId: { min: 1, max: 500 } },
    run: (input: sdk.AssociateDefaultVocabularyRequest, f) => {
      const instance = f.instance(input.InstanceId);
      if (input.VocabularyId === undefined) {
        setDefaultVocabulary(f, instance.id, input.LanguageCode!, undefined);
        return {};
      }
      const vocabulary = vocabularyOf(f, instance.id, input.VocabularyId);
      if (vocabulary.languageCode !== input.LanguageCode) {
        throw serviceError('InvalidRequestException',
          `Vocabulary ${vocabulary.id} has language ${vocabulary.languageCode}, not ${input.LanguageCode}`);
      }
      if (vocabulary.state !== 'ACTIVE') {
        throw serviceError('InvalidRequestException', `Vocabulary ${vocabulary.id} is ${vocabulary.state}; only an ACTIVE vocabulary can be the default`);
      }
      setDefaultVocabulary(f, instance.id, input.LanguageCode!, vocabulary.id);
      return {};
    },
  });
  fake.register('ListDefaultVocabularies', {
    members: {
      InstanceId: INSTANCE_ID,
      LanguageCode: languageCode,
      NextToken: { min: 1, max: 131070, pattern: /.*\S.*/ },
    },
    run: (input: sdk.ListDefaultVocabulariesRequest, f) => {
      const instance = f.instance(input.InstanceId);
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 100)) {
        throw serviceError('InvalidRequestException', 'MaxResults must be from 1 to 100');
      }
      const all = [...f.table<string>(DEFAULT_VOCABULARIES)]
        .map(([key, vocabularyId]) => ({ key: key.split('|'), vocabularyId }))
        .filter(({ key }) => key[0] === instance.id && (input.LanguageCode === undefined || key[1] === input.LanguageCode))
        .map(({ key, vocabularyId }) => ({
          InstanceId: instance.id,
          LanguageCode: key[1],
          VocabularyId: vocabularyId,
          VocabularyName: f.table<FakeVocabulary>(VOCABULARIES).get(vocabularyId)?.name ?? 'unknown',
        }));
      const start = Number(input.NextToken ?? 0);
      const size = input.MaxResults ?? 100;
      return {
        DefaultVocabularyList: all.slice(start, start + size),
        NextToken: start + size < all.length ? String(start + size) : undefined,
      };
    },
  });
}
