import { DescribeInstanceAttributeCommand, InstanceAttributeType, UpdateInstanceAttributeCommand } from '@aws-sdk/client-connect';
import { createLeased, deleteLeased, instanceArnWithId, InstanceSettingIds, LeasedSetting, SettingLease, updateLeased } from './setting-lease';
import { KindContext } from '../engine/context';
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

const IDS = new InstanceSettingIds('cdk-connect:instance-attribute:', '[A-Z][A-Z0-9_]*');

interface Desired {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly attributeType: string;
  readonly value: string;
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

/** The attribute as a setting held with a lease on the instance (`instanceArn`: of the instance with that id). */
function settingOf(ctx: KindContext, instanceArn: string, instanceId: string, attributeType: string): LeasedSetting {
  const what = `${attributeType} of instance ${instanceId}`;
  return {
    lease: leaseOf(ctx, instanceArn, attributeType),
    what,
    carrier: `instance ${instanceId}`,
    current: () => liveValue(ctx, instanceId, attributeType),
    set: (value) => setValue(ctx, instanceId, attributeType, value),
    tookOverNote: (previous) => `took over ${what} from another cdk-connect resource; `
      + `its value from before cdk-connect changed it (${show(previous)}) is restored on delete`,
    resetNote: () => `re-created: ${what} was reset out of band (its record on the instance was removed)`,
  };
}

async function create(ctx: KindContext, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const previous = await createLeased(ctx, settingOf(ctx, d.instanceArn, d.instanceId, d.attributeType), d.value);
  return { physicalResourceId: IDS.format({ instanceId: d.instanceId, key: d.attributeType, token: ctx.token, previous }) };
}

async function update(ctx: KindContext, physicalId: string, properties: Properties, oldProperties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const id = IDS.parse(physicalId);
  if (d.instanceId !== id.instanceId || d.attributeType !== id.key) {
    // Another attribute or instance: a new resource. CloudFormation then deletes the old one, which restores its value.
    return create(ctx, properties);
  }
  await updateLeased(ctx, settingOf(ctx, d.instanceArn, d.instanceId, d.attributeType), id, d.value, (current) => {
    if (current !== read(oldProperties).optionalString('Value')) {
      ctx.log(`${d.attributeType} of instance ${d.instanceId} was changed out of band to ${show(current)}`);
    }
  });
  return { physicalResourceId: physicalId };
}

/** Restores the value from before the resource, if it still holds the attribute and nobody changed it since. */
async function remove(ctx: KindContext, physicalId: string, properties: Properties): Promise<void> {
  const id = IDS.parse(physicalId);
  const r = read(properties);
  const setting = settingOf(ctx, instanceArnWithId(r.string('InstanceArn'), id.instanceId), id.instanceId, id.key);
  const mine = r.optionalString('Value');
  await deleteLeased(ctx, setting, id.token, async (previous, current) => {
    if (previous === undefined) {
      ctx.note(`left ${setting.what} as it is: its previous value is unknown`);
    } else if (current !== mine && mine !== undefined) {
      ctx.note(`left ${setting.what} as it is (${show(current)}): it was changed out of band`);
    } else if (current !== previous) {
      await setting.set(previous);
    }
  });
}

export const instanceAttributeKind: ResourceKind = {
  resourceType: 'Custom::ConnectInstanceAttribute',
  isPhysicalId: (physicalId) => IDS.test(physicalId),
  create,
  update,
  delete: remove,
};
