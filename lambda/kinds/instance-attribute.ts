import { DescribeInstanceAttributeCommand, InstanceAttributeType, UpdateInstanceAttributeCommand } from '@aws-sdk/client-connect';
import { decodeIdPart, encodeIdPart, instanceArnWithId, Lease, SettingLease } from './setting-lease';
import { KindContext } from '../engine/context';
import { isNotFound } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * An attribute (a feature toggle) of an instance, set through `UpdateInstanceAttribute` and restored on delete to the
 * value it had before: for the attributes `AWS::Connect::Instance` lacks, and for any attribute of an instance that
 * CloudFormation does not manage (an imported one).
 *
 * Properties: `InstanceId`, `InstanceArn`, `AttributeType`, `Value`. Other properties are ignored (the construct
 * passes a copy of the instance's CloudFormation attributes so that an update of them, which may reset this
 * attribute, is followed by an update of this resource that sets it again).
 *
 * Physical id: `cdk-connect:instance-attribute:<instance id>:<type>:<create token>:<previous value, base64url>`.
 * The instance carries a tag `cdk-connect:attribute:<type>` = `<create token> <previous value>` while the resource
 * exists (see `SettingLease`).
 */

const PREFIX = 'cdk-connect:instance-attribute:';
const PHYSICAL_ID = /^cdk-connect:instance-attribute:([^:]+):([A-Z][A-Z0-9_]*):(cdkc-[0-9a-f]{31}):([A-Za-z0-9_-]*)$/;

interface Desired {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly attributeType: string;
  readonly value: string;
}

interface AttributeId {
  readonly instanceId: string;
  readonly attributeType: string;
  /** The token of the create request. */
  readonly token: string;
  readonly previous?: string;
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  return {
    instanceId: r.string('InstanceId'),
    instanceArn: r.string('InstanceArn'),
    attributeType: r.string('AttributeType'),
    value: r.string('Value'),
  };
}

function formatId(id: AttributeId): string {
  return `${PREFIX}${id.instanceId}:${id.attributeType}:${id.token}:${encodeIdPart(id.previous)}`;
}

function parseId(physicalId: string): AttributeId {
  const match = PHYSICAL_ID.exec(physicalId)!;
  return { instanceId: match[1], attributeType: match[2], token: match[3], previous: decodeIdPart(match[4]) };
}

function leaseOf(ctx: KindContext, instanceArn: string, attributeType: string): SettingLease {
  return new SettingLease(ctx, instanceArn, `cdk-connect:attribute:${attributeType}`);
}

function show(value: string | undefined): string {
  return value === undefined ? 'unknown' : `'${value}'`;
}

async function liveValue(ctx: KindContext, instanceId: string, attributeType: string): Promise<string | undefined> {
  const out = await ctx.send(new DescribeInstanceAttributeCommand({
    InstanceId: instanceId,
    AttributeType: attributeType as InstanceAttributeType,
  }));
  return out.Attribute?.Value;
}

async function setValue(ctx: KindContext, instanceId: string, attributeType: string, value: string): Promise<void> {
  await ctx.send(new UpdateInstanceAttributeCommand({
    InstanceId: instanceId,
    AttributeType: attributeType as InstanceAttributeType,
    Value: value,
    ClientToken: ctx.token,
  }));
}

async function create(ctx: KindContext, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const lease = leaseOf(ctx, d.instanceArn, d.attributeType);
  const held = await lease.read();
  const current = await liveValue(ctx, d.instanceId, d.attributeType);

  let previous: string | undefined;
  if (held?.token === ctx.token) {
    // An earlier delivery of this request recorded the value from before it (and may have changed it already).
    previous = held.previous;
  } else {
    if (held) {
      previous = held.previous;
      ctx.note(`took over ${d.attributeType} of instance ${d.instanceId} from another cdk-connect resource; `
        + `its value from before cdk-connect changed it (${show(previous)}) is restored on delete`);
    } else {
      previous = current;
    }
    await lease.write({ token: ctx.token, previous });
  }

  if (current !== d.value) {
    try {
      await setValue(ctx, d.instanceId, d.attributeType, d.value);
    } catch (error) {
      if (held?.token !== ctx.token) {
        await lease.restore(held);
      }
      throw error;
    }
  }
  return { physicalResourceId: formatId({ instanceId: d.instanceId, attributeType: d.attributeType, token: ctx.token, previous }) };
}

async function update(ctx: KindContext, physicalId: string, properties: Properties, oldProperties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const id = parseId(physicalId);
  if (d.instanceId !== id.instanceId || d.attributeType !== id.attributeType) {
    // Another attribute or instance: a new resource. CloudFormation then deletes the old one, which restores its value.
    return create(ctx, properties);
  }

  const lease = leaseOf(ctx, d.instanceArn, d.attributeType);
  const held = await lease.read();
  const current = await liveValue(ctx, d.instanceId, d.attributeType);

  if (held?.token !== id.token) {
    const mine: Lease = { token: id.token, previous: held ? held.previous : id.previous };
    await lease.write(mine);
    ctx.note(held
      ? `re-created: ${d.attributeType} of instance ${d.instanceId} was taken over by another cdk-connect resource; it is this resource's again`
      : `re-created: ${d.attributeType} of instance ${d.instanceId} was reset out of band (its record on the instance was removed)`);
  }

  if (current !== d.value) {
    const old = read(oldProperties).optionalString('Value');
    if (held?.token === id.token && current !== old) {
      ctx.log(`${d.attributeType} of instance ${d.instanceId} was changed out of band to ${show(current)}`);
    }
    await setValue(ctx, d.instanceId, d.attributeType, d.value);
  }
  return { physicalResourceId: physicalId };
}

async function remove(ctx: KindContext, physicalId: string, properties: Properties): Promise<void> {
  const id = parseId(physicalId);
  try {
    await restore(ctx, id, properties);
  } catch (error) {
    if (!isNotFound((error as { sdkError?: unknown }).sdkError)) {
      throw error;
    }
    ctx.log(`instance ${id.instanceId} no longer exists: nothing to restore`);
  }
}

/** Restores the value from before the resource, if it still holds the attribute and nobody changed it since. */
async function restore(ctx: KindContext, id: AttributeId, properties: Properties): Promise<void> {
  const r = read(properties);
  const lease = leaseOf(ctx, instanceArnWithId(r.string('InstanceArn'), id.instanceId), id.attributeType);
  const held = await lease.read();
  if (held === undefined) {
    ctx.log(`${id.attributeType} of instance ${id.instanceId} is not recorded as set by this resource: nothing to restore`);
    return;
  }
  if (held.token !== id.token) {
    ctx.note(`left ${id.attributeType} of instance ${id.instanceId} as it is: another cdk-connect resource has set it since`);
    return;
  }

  const current = await liveValue(ctx, id.instanceId, id.attributeType);
  const mine = r.optionalString('Value');
  if (held.previous === undefined) {
    ctx.note(`left ${id.attributeType} of instance ${id.instanceId} as it is: its previous value is unknown`);
  } else if (current !== mine && mine !== undefined) {
    ctx.note(`left ${id.attributeType} of instance ${id.instanceId} as it is (${show(current)}): it was changed out of band`);
  } else if (current !== held.previous) {
    await setValue(ctx, id.instanceId, id.attributeType, held.previous);
  }
  await lease.remove();
}

export const instanceAttributeKind: ResourceKind = {
  resourceType: 'Custom::ConnectInstanceAttribute',
  isPhysicalId: (physicalId) => PHYSICAL_ID.test(physicalId),
  create,
  update,
  delete: remove,
};
