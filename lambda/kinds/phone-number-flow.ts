import {
  AssociatePhoneNumberContactFlowCommand,
  DisassociatePhoneNumberContactFlowCommand,
  ListFlowAssociationsCommand,
} from '@aws-sdk/client-connect';
import { Lease, SettingLease } from './setting-lease';
import { parseFlowArn } from '../engine/arns';
import { KindContext } from '../engine/context';
import { errorMessage, HandlerError, isNotFound, sdkCause } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * The inbound flow of a voice phone number (`AssociatePhoneNumberContactFlow`), which CloudFormation has no property
 * for.
 *
 * Properties: `InstanceId` (the flow's instance), `PhoneNumberArn`, `ContactFlowArn`. The physical id names the
 * instance and the number, so another number (or instance) is a new association: CloudFormation then deletes the
 * old one. Another flow for the same number is an update in place. The live association is read with
 * `ListFlowAssociations` (resource type `VOICE_PHONE_NUMBER`).
 *
 * Physical id: `cdk-connect:phone-number-flow:<instance id>:<phone number id>:<create token>`. While the resource
 * exists, the phone number carries a tag `cdk-connect:flow:<instance id>` = `<create token> -` (see `SettingLease`):
 * the record of which resource holds the number's flow. A resource that moved (a new logical id: CloudFormation
 * creates the new one, then deletes the old one) thus keeps the flow: the new one takes the record over, and the old
 * one's delete, no longer the holder, leaves the number as it is. A create that finds the number associated with
 * another flow and no record associates it anyway and says so in the response.
 */

const PREFIX = 'cdk-connect:phone-number-flow:';
const PHYSICAL_ID = /^cdk-connect:phone-number-flow:([-a-zA-Z0-9]+):([-a-zA-Z0-9]+):(cdkc-[0-9a-f]{31})$/;
const PHONE_NUMBER_ARN = /^arn:aws[-a-z]*:connect:([a-z0-9-]+):\d{12}:phone-number\/([-a-zA-Z0-9]+)$/;
const INSTANCE_ID = /^[-a-zA-Z0-9]{1,100}$/;

interface Association {
  readonly instanceId: string;
  readonly phoneNumberArn: string;
  readonly phoneNumberId: string;
  /** The region in the number's ARN (a number of a traffic distribution group can be used in another region). */
  readonly phoneNumberRegion: string;
  readonly flowArn: string;
  readonly flowId: string;
}

function association(properties: Properties): Association {
  const r = read(properties);
  const instanceId = r.string('InstanceId');
  if (!INSTANCE_ID.test(instanceId)) {
    throw new HandlerError(`property InstanceId must be the id of an instance, got ${instanceId}`);
  }
  const phoneNumberArn = r.string('PhoneNumberArn');
  const number = PHONE_NUMBER_ARN.exec(phoneNumberArn);
  if (!number) {
    throw new HandlerError(`property PhoneNumberArn must be the ARN of a phone number, got ${phoneNumberArn}`);
  }
  const flowArn = r.string('ContactFlowArn');
  const flow = parseFlowArn(flowArn);
  if (!flow) {
    throw new HandlerError(`property ContactFlowArn must be the ARN of a flow, got ${flowArn}`);
  }
  return { instanceId, phoneNumberArn, phoneNumberId: number[2], phoneNumberRegion: number[1], flowArn, flowId: flow.flowId };
}

/** What the physical id names: the instance and the number (without the token), as `<instance id>:<number id>`. */
function placeOf(a: Association): string {
  return `${a.instanceId}:${a.phoneNumberId}`;
}

function physicalIdOf(a: Association, token: string): string {
  return `${PREFIX}${placeOf(a)}:${token}`;
}

/** The record of the resource that holds the number's flow in the instance, a tag on the number. */
function leaseOf(ctx: KindContext, a: Association): SettingLease {
  return new SettingLease(ctx, a.phoneNumberArn, `cdk-connect:flow:${a.instanceId}`);
}

/** The last `/`-separated part of an id or ARN. */
function lastPart(idOrArn: string): string {
  return idOrArn.slice(idOrArn.lastIndexOf('/') + 1);
}

/**
 * How to name the number in requests: by id, except from another region than the number's (a number of a traffic
 * distribution group used from the replica region), where Connect wants the full ARN.
 */
function phoneNumberRef(a: Association): string {
  const region = process.env.AWS_REGION;
  return region !== undefined && region !== a.phoneNumberRegion ? a.phoneNumberArn : a.phoneNumberId;
}

/** The flow (its ARN, or id) the number is associated with in the instance now, or undefined. */
async function liveFlow(ctx: KindContext, a: Association): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await ctx.send(new ListFlowAssociationsCommand({
      InstanceId: a.instanceId,
      ResourceType: 'VOICE_PHONE_NUMBER',
      MaxResults: 1000,
      NextToken: nextToken,
    }));
    for (const summary of page.FlowAssociationSummaryList ?? []) {
      if (summary.ResourceId !== undefined && lastPart(summary.ResourceId) === a.phoneNumberId && summary.FlowId) {
        return summary.FlowId;
      }
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

function isFlow(live: string, a: Association): boolean {
  return lastPart(live) === a.flowId;
}

async function associate(ctx: KindContext, a: Association): Promise<void> {
  await ctx.send(new AssociatePhoneNumberContactFlowCommand({
    InstanceId: a.instanceId,
    PhoneNumberId: phoneNumberRef(a),
    ContactFlowId: a.flowId,
  }));
}

/** The record of who holds the number's flow; fails saying so when the number does not exist. */
async function readLease(lease: SettingLease, a: Association): Promise<Lease | undefined> {
  try {
    return await lease.read();
  } catch (error) {
    if (isNotFound(error)) {
      const cause = sdkCause(error);
      throw new HandlerError(`phone number ${a.phoneNumberArn} does not exist (${errorMessage(cause)})`, cause);
    }
    throw error;
  }
}

async function create(ctx: KindContext, a: Association): Promise<ResourceResult> {
  const lease = leaseOf(ctx, a);
  const held = await readLease(lease, a);
  const live = await liveFlow(ctx, a);
  if (held?.token !== ctx.token) {
    // Recorded before the association changes: a later delivery of this request finds its own record.
    if (held !== undefined) {
      ctx.note(`took over the flow of phone number ${a.phoneNumberId} from another cdk-connect resource (a moved `
        + 'construct, or another declaration of the same number); that resource\'s delete now leaves the number as it is');
    } else if (live !== undefined && !isFlow(live, a)) {
      ctx.note(`replaced flow ${lastPart(live)} of phone number ${a.phoneNumberId} with flow ${a.flowId}; `
        + 'deleting this resource leaves the number with no flow');
    }
    await lease.write({ token: ctx.token });
  }
  if (live !== undefined && isFlow(live, a)) {
    ctx.log(`phone number ${a.phoneNumberId} is already associated with flow ${a.flowId}`);
  } else {
    try {
      await associate(ctx, a);
    } catch (error) {
      if (held?.token !== ctx.token) {
        await lease.restore(held);
      }
      throw error;
    }
  }
  return { physicalResourceId: physicalIdOf(a, ctx.token) };
}

interface FlowId {
  readonly instanceId: string;
  readonly phoneNumberId: string;
  readonly token: string;
}

function parseId(physicalId: string): FlowId {
  const [, instanceId, phoneNumberId, token] = PHYSICAL_ID.exec(physicalId)!;
  return { instanceId, phoneNumberId, token };
}

export const phoneNumberFlowKind: ResourceKind = {
  resourceType: 'Custom::ConnectPhoneNumberFlow',

  isPhysicalId: (physicalId) => PHYSICAL_ID.test(physicalId),

  create: async (ctx, properties) => create(ctx, association(properties)),

  update: async (ctx, physicalId, properties, oldProperties) => {
    const a = association(properties);
    const id = parseId(physicalId);
    if (placeOf(a) !== `${id.instanceId}:${id.phoneNumberId}`) {
      // Another number or instance: a new association; CloudFormation then deletes the old one.
      return create(ctx, a);
    }
    const lease = leaseOf(ctx, a);
    const held = await readLease(lease, a);
    const live = await liveFlow(ctx, a);
    if (held?.token !== id.token) {
      await lease.write({ token: id.token });
      if (held !== undefined) {
        ctx.note(`re-created the association of phone number ${a.phoneNumberId} with flow ${a.flowId}: another `
          + 'cdk-connect resource had taken the number over; it is this resource\'s again');
      } else if (live !== undefined && isFlow(live, a)) {
        ctx.log(`the record of phone number ${a.phoneNumberId}'s flow was removed out of band; recorded it again`);
      }
    }
    if (live !== undefined && isFlow(live, a)) {
      return { physicalResourceId: physicalId };
    }
    if (live === undefined) {
      ctx.note(`re-created the association of phone number ${a.phoneNumberId} with flow ${a.flowId}: it was removed out of band`);
    } else {
      const old = oldProperties.ContactFlowArn;
      if (typeof old !== 'string' || !isFlow(live, { ...a, flowId: lastPart(old) })) {
        ctx.note(`restored the association of phone number ${a.phoneNumberId} with flow ${a.flowId}: `
          + `it had been associated with flow ${lastPart(live)} out of band`);
      }
    }
    await associate(ctx, a);
    return { physicalResourceId: physicalId };
  },

  delete: async (ctx, physicalId, properties) => {
    const { instanceId, phoneNumberId, token } = parseId(physicalId);
    let a = association(properties);
    if (a.instanceId !== instanceId || a.phoneNumberId !== phoneNumberId) {
      // The physical id says what this resource associated; the properties only which flow it set.
      ctx.log(`the properties name phone number ${a.phoneNumberId} of instance ${a.instanceId}; `
        + `deleting the association of the physical id, phone number ${phoneNumberId} of instance ${instanceId}`);
      const phoneNumberArn = `${a.phoneNumberArn.slice(0, a.phoneNumberArn.lastIndexOf('/') + 1)}${phoneNumberId}`;
      a = { ...a, instanceId, phoneNumberId, phoneNumberArn };
    }
    const lease = leaseOf(ctx, a);
    let live: string | undefined;
    let held: Lease | undefined;
    try {
      held = await lease.read();
      if (held !== undefined && held.token !== token) {
        // A resource created since (this one moved, or another declaration of the number) holds the flow now.
        ctx.note(`left the flow of phone number ${a.phoneNumberId} as it is: another cdk-connect resource has taken the number over`);
        return;
      }
      live = await liveFlow(ctx, a);
    } catch (error) {
      if (isNotFound(error)) {
        ctx.log(`phone number ${a.phoneNumberId} or instance ${a.instanceId} no longer exists: nothing to disassociate`);
        return;
      }
      throw error;
    }
    if (live === undefined) {
      ctx.log(`phone number ${a.phoneNumberId} has no flow: nothing to disassociate`);
    } else if (!isFlow(live, a)) {
      // Someone associated another flow after this stack did: that choice is theirs to undo, not ours.
      ctx.note(`left phone number ${a.phoneNumberId} associated with flow ${lastPart(live)}: it was associated with that flow `
        + `after this stack associated it with flow ${a.flowId}`);
    } else {
      try {
        await ctx.send(new DisassociatePhoneNumberContactFlowCommand({ InstanceId: a.instanceId, PhoneNumberId: phoneNumberRef(a) }));
      } catch (error) {
        if (!isNotFound(error)) {
          throw error;
        }
        ctx.log(`phone number ${a.phoneNumberId} no longer exists: nothing to disassociate`);
        return;
      }
    }
    if (held !== undefined) {
      try {
        await lease.remove();
      } catch (error) {
        if (!isNotFound(error)) {
          throw error;
        }
      }
    }
  },
};
