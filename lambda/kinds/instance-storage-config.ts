import {
  AssociateInstanceStorageConfigCommand,
  DescribeInstanceStorageConfigCommand,
  DisassociateInstanceStorageConfigCommand,
  EncryptionConfig,
  InstanceStorageConfig,
  InstanceStorageResourceType,
  UpdateInstanceStorageConfigCommand,
} from '@aws-sdk/client-connect';
import { KindContext } from '../engine/context';
import { HandlerError, isNotFound } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * Where an instance stores or streams one kind of data, for the resource types `AWS::Connect::InstanceStorageConfig`
 * rejects (attachments, contact evaluations, screen recordings, email messages, real-time contact analysis segments).
 *
 * Properties: `InstanceId`, `ResourceType`, `StorageConfig` (the API's `InstanceStorageConfig` without
 * `AssociationId`: `StorageType` and one of `S3Config`, `KinesisStreamConfig`, `KinesisFirehoseConfig`,
 * `KinesisVideoStreamConfig`).
 *
 * Physical id: `cdk-connect:instance-storage-config:<instance id>:<resource type>:<association id>`.
 */

const PREFIX = 'cdk-connect:instance-storage-config:';
const PHYSICAL_ID = /^cdk-connect:instance-storage-config:([^:]+):([A-Z][A-Z0-9_]*):([-a-zA-Z0-9]+)$/;
const STORAGE_TYPES = ['S3', 'KINESIS_VIDEO_STREAM', 'KINESIS_STREAM', 'KINESIS_FIREHOSE'] as const;

interface Desired {
  readonly instanceId: string;
  readonly resourceType: string;
  readonly storageConfig: InstanceStorageConfig;
}

interface StorageId {
  readonly instanceId: string;
  readonly resourceType: string;
  readonly associationId: string;
}

function formatId(id: StorageId): string {
  return `${PREFIX}${id.instanceId}:${id.resourceType}:${id.associationId}`;
}

function parseId(physicalId: string): StorageId {
  const match = PHYSICAL_ID.exec(physicalId)!;
  return { instanceId: match[1], resourceType: match[2], associationId: match[3] };
}

/** A nested structure of the properties (CloudFormation passes scalars as strings). */
function structure(value: unknown, where: string): ReturnType<typeof read> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HandlerError(`property ${where} must be an object`);
  }
  return read(value as Properties);
}

function encryption(value: unknown, where: string): EncryptionConfig | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const r = structure(value, where);
  r.oneOf('EncryptionType', ['KMS']);
  return { EncryptionType: 'KMS', KeyId: r.string('KeyId') };
}

/** The storage configuration the properties ask for, in the API's shape. */
function storageConfig(properties: Properties): InstanceStorageConfig {
  const config = read(properties).optionalObject('StorageConfig');
  if (config === undefined) {
    throw new HandlerError('property StorageConfig is required');
  }
  const r = read(config);
  const storageType = r.oneOf('StorageType', STORAGE_TYPES);
  switch (storageType) {
    case 'S3': {
      const s3 = structure(config.S3Config, 'StorageConfig.S3Config');
      return {
        StorageType: storageType,
        S3Config: {
          BucketName: s3.string('BucketName'),
          BucketPrefix: s3.string('BucketPrefix'),
          EncryptionConfig: encryption((config.S3Config as Properties).EncryptionConfig, 'StorageConfig.S3Config.EncryptionConfig'),
        },
      };
    }
    case 'KINESIS_STREAM':
      return {
        StorageType: storageType,
        KinesisStreamConfig: { StreamArn: structure(config.KinesisStreamConfig, 'StorageConfig.KinesisStreamConfig').string('StreamArn') },
      };
    case 'KINESIS_FIREHOSE':
      return {
        StorageType: storageType,
        KinesisFirehoseConfig: {
          FirehoseArn: structure(config.KinesisFirehoseConfig, 'StorageConfig.KinesisFirehoseConfig').string('FirehoseArn'),
        },
      };
    case 'KINESIS_VIDEO_STREAM': {
      const where = 'StorageConfig.KinesisVideoStreamConfig';
      const kvs = structure(config.KinesisVideoStreamConfig, where);
      const hours = kvs.optionalInteger('RetentionPeriodHours');
      if (hours === undefined) {
        throw new HandlerError(`property ${where}.RetentionPeriodHours is required`);
      }
      const key = encryption((config.KinesisVideoStreamConfig as Properties).EncryptionConfig, `${where}.EncryptionConfig`);
      if (key === undefined) {
        throw new HandlerError(`property ${where}.EncryptionConfig is required`);
      }
      return {
        StorageType: storageType,
        KinesisVideoStreamConfig: { Prefix: kvs.string('Prefix'), RetentionPeriodHours: hours, EncryptionConfig: key },
      };
    }
  }
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  return {
    instanceId: r.string('InstanceId'),
    resourceType: r.string('ResourceType'),
    storageConfig: storageConfig(properties),
  };
}

/** A configuration in a form that compares equal when Connect would store the same thing (no association id). */
function canonical(config: InstanceStorageConfig): string {
  const encryptionOf = (e: { EncryptionType?: string; KeyId?: string } | undefined) =>
    e === undefined ? null : { type: e.EncryptionType ?? null, key: e.KeyId ?? null };
  return JSON.stringify({
    type: config.StorageType ?? null,
    s3: config.S3Config === undefined ? null : {
      bucket: config.S3Config.BucketName ?? null,
      prefix: config.S3Config.BucketPrefix ?? null,
      encryption: encryptionOf(config.S3Config.EncryptionConfig),
    },
    stream: config.KinesisStreamConfig?.StreamArn ?? null,
    firehose: config.KinesisFirehoseConfig?.FirehoseArn ?? null,
    video: config.KinesisVideoStreamConfig === undefined ? null : {
      prefix: config.KinesisVideoStreamConfig.Prefix ?? null,
      hours: config.KinesisVideoStreamConfig.RetentionPeriodHours === undefined ? null : Number(config.KinesisVideoStreamConfig.RetentionPeriodHours),
      encryption: encryptionOf(config.KinesisVideoStreamConfig.EncryptionConfig),
    },
  });
}

async function associate(ctx: KindContext, d: Desired): Promise<ResourceResult> {
  const out = await ctx.send(new AssociateInstanceStorageConfigCommand({
    InstanceId: d.instanceId,
    ResourceType: d.resourceType as InstanceStorageResourceType,
    StorageConfig: d.storageConfig,
    ClientToken: ctx.token,
  }));
  if (!out.AssociationId) {
    throw new HandlerError(`AssociateInstanceStorageConfig returned no association id for ${d.resourceType} of instance ${d.instanceId}`);
  }
  return { physicalResourceId: formatId({ instanceId: d.instanceId, resourceType: d.resourceType, associationId: out.AssociationId }) };
}

async function describe(ctx: KindContext, id: StorageId): Promise<InstanceStorageConfig | undefined> {
  try {
    const out = await ctx.send(new DescribeInstanceStorageConfigCommand({
      InstanceId: id.instanceId,
      AssociationId: id.associationId,
      ResourceType: id.resourceType as InstanceStorageResourceType,
    }));
    return out.StorageConfig;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

async function update(ctx: KindContext, physicalId: string, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const id = parseId(physicalId);
  if (d.instanceId !== id.instanceId || d.resourceType !== id.resourceType) {
    // Another instance or resource type: a new association; CloudFormation then deletes the old one.
    return associate(ctx, d);
  }
  const live = await describe(ctx, id);
  if (live === undefined) {
    const result = await associate(ctx, d);
    ctx.note(`re-created the ${d.resourceType} storage configuration of instance ${d.instanceId}: it was removed out of band`);
    return result;
  }
  if (canonical(live) !== canonical(d.storageConfig)) {
    await ctx.send(new UpdateInstanceStorageConfigCommand({
      InstanceId: id.instanceId,
      AssociationId: id.associationId,
      ResourceType: id.resourceType as InstanceStorageResourceType,
      StorageConfig: d.storageConfig,
      ClientToken: ctx.token,
    }));
  }
  return { physicalResourceId: physicalId };
}

async function remove(ctx: KindContext, physicalId: string): Promise<void> {
  const id = parseId(physicalId);
  try {
    await ctx.send(new DisassociateInstanceStorageConfigCommand({
      InstanceId: id.instanceId,
      AssociationId: id.associationId,
      ResourceType: id.resourceType as InstanceStorageResourceType,
      ClientToken: ctx.token,
    }));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
    ctx.log(`the ${id.resourceType} storage configuration ${id.associationId} of instance ${id.instanceId} is already gone`);
  }
}

export const instanceStorageConfigKind: ResourceKind = {
  resourceType: 'Custom::ConnectInstanceStorageConfig',
  isPhysicalId: (physicalId) => PHYSICAL_ID.test(physicalId),
  create: (ctx, properties) => associate(ctx, desired(properties)),
  update,
  delete: remove,
};
