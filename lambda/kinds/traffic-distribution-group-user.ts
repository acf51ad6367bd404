import {
  AssociateTrafficDistributionGroupUserCommand,
  DisassociateTrafficDistributionGroupUserCommand,
  ListTrafficDistributionGroupUsersCommand,
} from '@aws-sdk/client-connect';
import { Lease, SettingLease } from './setting-lease';
import { waitUntilSettled } from './traffic-distribution';
import { TRAFFIC_DISTRIBUTION_GROUP_ARN } from '../engine/arns';
import { KindContext } from '../engine/context';
import { errorMessage, errorName, HandlerError, isNotFound, isTransient, sdkCause } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * A user (agent) of a traffic distribution group (Amazon Connect Global Resiliency): an agent associated with the
 * group can sign in to, and take contacts in, both Regions of the replicated instance.
 *
 * - Create: record the association on the user (below), wait until the group is ACTIVE (Connect answers
 *   ResourceNotFoundException for a group that is not), list its users and associate the user if it is not one of
 *   them. The association has no ClientToken: a user already associated outside the stack is taken over and the
 *   response says so.
 * - Update: another user of the same group is changed in place (associate the new one, then disassociate the old
 *   one); another group is a replacement (CloudFormation deletes the old association). An association that was
 *   removed out of band is made again, and the response says so.
 * - Delete: disassociate; a user no longer associated, or a group that is gone, is fine.
 *
 * The association itself cannot be tagged, so while the resource exists the user carries a tag
 * `cdk-connect:traffic-distribution-group:<group id>` = `<create token> -` (see `SettingLease`): the record of which
 * resource holds the user's membership of the group. A resource that moved (a new logical id: CloudFormation creates
 * the new one, then deletes the old one) thus keeps the membership: the new one takes the record over, and the old
 * one's delete, no longer the holder, leaves the user in the group. The record is on the user rather than on the
 * group because a resource carries at most 50 tags: a group would hold at most 50 users (fewer with its own tags),
 * while a user takes one tag per group it is in.
 *
 * Physical id: `<traffic distribution group ARN>/user-association/<create token>`.
 */
export const trafficDistributionGroupUserKind: ResourceKind = {
  resourceType: 'Custom::ConnectTrafficDistributionGroupUser',
  isPhysicalId: (physicalId) => PHYSICAL_ID.test(physicalId),
  create: async (ctx, properties) => create(ctx, parse(properties)),
  update: async (ctx, physicalId, properties, oldProperties) => {
    const association = parse(properties);
    if (groupArnOf(physicalId) !== association.groupArn) {
      return create(ctx, association);
    }
    const token = tokenOf(physicalId);
    const previous = tryParse(oldProperties);
    const samePlace = previous !== undefined && previous.groupArn === association.groupArn;
    const sameUser = samePlace && previous.userId === association.userId;
    const lease = leaseOf(ctx, association);
    const held = await readLease(lease, association);
    if (held?.token !== token) {
      await lease.write({ token });
      if (held !== undefined) {
        ctx.note(`re-created the association of user ${association.userId} with traffic distribution group `
          + `${association.groupArn}: another cdk-connect resource had taken it over; it is this resource's again`);
      } else if (sameUser) {
        ctx.log(`the record of user ${association.userId}'s association with ${association.groupArn} was removed out of band; recorded it again`);
      }
    }
    // The resource vanished if the user it associated is no longer associated (for the same user, `associate` finds
    // out; for another one, look first).
    const vanished = samePlace && (sameUser || !(await activeGroup(ctx, previous.groupArn, false) && await isAssociated(ctx, previous)));
    await associate(ctx, association, false, vanished
      ? `re-created the association with traffic distribution group ${association.groupArn}: user ${previous!.userId} `
        + 'was disassociated out of band'
      : undefined);
    if (samePlace && !sameUser) {
      await release(ctx, previous, token);
    }
    return { physicalResourceId: physicalId };
  },
  delete: async (ctx, physicalId, properties) => {
    const r = read(properties);
    await release(ctx, {
      groupArn: groupArnOf(physicalId),
      userId: r.string('UserId'),
      instanceId: r.string('InstanceId'),
    }, tokenOf(physicalId));
  },
};

/** The record of who holds the association; fails saying so when the user does not exist. */
async function readLease(lease: SettingLease, association: Association): Promise<Lease | undefined> {
  try {
    return await lease.read();
  } catch (error) {
    if (isNotFound(error)) {
      const cause = sdkCause(error);
      throw new HandlerError(`user ${association.userId} does not exist in instance ${association.instanceId} `
        + `(${errorMessage(cause)})`, cause);
    }
    throw error;
  }
}

async function create(ctx: KindContext, association: Association): Promise<ResourceResult> {
  const lease = leaseOf(ctx, association);
  const held = await readLease(lease, association);
  if (held?.token !== ctx.token) {
    // Recorded before the association is made: a later delivery of this request finds its own record.
    if (held !== undefined) {
      ctx.note(`took over the association of user ${association.userId} with traffic distribution group `
        + `${association.groupArn} from another cdk-connect resource (a moved construct, or another declaration of it); `
        + 'that resource\'s delete now leaves the user in the group');
    }
    await lease.write({ token: ctx.token });
  }
  try {
    // A user already associated is taken over silently when a lease says by whom (this request, or a resource of
    // cdk-connect it takes over from); without one it was associated outside the stack, and the response says so.
    await associate(ctx, association, held === undefined);
  } catch (error) {
    if (held?.token !== ctx.token) {
      await lease.restore(held);
    }
    throw error;
  }
  return { physicalResourceId: `${association.groupArn}${SEPARATOR}${ctx.token}` };
}

/**
 * Ends the association of the resource with create token `token`: disassociates the user, and removes the record,
 * unless another resource holds the association now (then nothing changes).
 */
async function release(ctx: KindContext, association: Association, token: string): Promise<void> {
  const { groupArn, userId } = association;
  const lease = leaseOf(ctx, association);
  let held: Lease | undefined;
  try {
    held = await lease.read();
  } catch (error) {
    if (isNotFound(error)) {
      ctx.log(`user ${userId} is gone: nothing to disassociate`);
      return;
    }
    throw error;
  }
  if (held !== undefined && held.token !== token) {
    // A resource created since (this one moved, or another declaration of the association) holds it now.
    ctx.note(`left user ${userId} associated with traffic distribution group ${groupArn}: another cdk-connect resource `
      + 'has taken the association over');
    return;
  }
  await disassociate(ctx, association);
  if (held !== undefined) {
    try {
      await lease.remove();
    } catch (error) {
      if (!isNotFound(error)) {
        throw error;
      }
    }
  }
}

const SEPARATOR = '/user-association/';
const GROUP_ARN = TRAFFIC_DISTRIBUTION_GROUP_ARN;
const PHYSICAL_ID = new RegExp(`${GROUP_ARN.source.slice(0, -1)}${SEPARATOR}cdkc-[0-9a-f]{31}$`);
const USER_ARN = /^arn:aws[-a-z]*:connect:[^:]+:[0-9]+:instance\/[^/]+\/agent\/[^/]+$/;

function groupArnOf(physicalId: string): string {
  return physicalId.slice(0, physicalId.indexOf(SEPARATOR));
}

function tokenOf(physicalId: string): string {
  return physicalId.slice(physicalId.indexOf(SEPARATOR) + SEPARATOR.length);
}

/**
 * The ARN of the user: `UserId` when it is one, else built from the group's ARN (users are associated in the group's
 * Region and account) and the instance id.
 */
function userArnOf(association: Association): string {
  if (USER_ARN.test(association.userId)) {
    return association.userId;
  }
  const [arn, partition, service, region, account] = association.groupArn.split(':');
  return `${arn}:${partition}:${service}:${region}:${account}:instance/${association.instanceId}/agent/${association.userId}`;
}

/** The record of the resource that holds the user's association with the group, a tag on the user. */
function leaseOf(ctx: KindContext, association: Association): SettingLease {
  const groupId = association.groupArn.slice(association.groupArn.lastIndexOf('/') + 1);
  return new SettingLease(ctx, userArnOf(association), `cdk-connect:traffic-distribution-group:${groupId}`);
}

interface Association {
  readonly groupArn: string;
  readonly userId: string;
  readonly instanceId: string;
}

function parse(properties: Properties): Association {
  const r = read(properties);
  const groupArn = r.string('TrafficDistributionGroupArn');
  if (!GROUP_ARN.test(groupArn)) {
    throw new HandlerError('property TrafficDistributionGroupArn must be the ARN of a traffic distribution group '
      + `(arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>), got ${groupArn}`);
  }
  return { groupArn, userId: r.string('UserId'), instanceId: r.string('InstanceId') };
}

function tryParse(properties: Properties): Association | undefined {
  try {
    return parse(properties);
  } catch {
    return undefined;
  }
}

/** Whether a listed user id (an id or an ARN) names the user. */
function namesUser(listed: string | undefined, userId: string): boolean {
  return listed !== undefined && (listed === userId || listed.endsWith(`/agent/${userId}`)
    || (userId.includes('/agent/') && userId.endsWith(`/agent/${listed}`)));
}

/** Whether the user is associated with the group (after waiting for the group to be ACTIVE). */
async function isAssociated(ctx: KindContext, association: Association): Promise<boolean> {
  let nextToken: string | undefined;
  do {
    const page = await ctx.send(new ListTrafficDistributionGroupUsersCommand({
      TrafficDistributionGroupId: association.groupArn,
      MaxResults: 10,
      NextToken: nextToken,
    }));
    if ((page.TrafficDistributionGroupUserSummaryList ?? []).some((user) => namesUser(user.UserId, association.userId))) {
      return true;
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return false;
}

/** Waits until the group is ACTIVE; false when it is gone or being deleted and `goneIsFine`. */
async function activeGroup(ctx: KindContext, groupArn: string, goneIsFine: boolean): Promise<boolean> {
  let status: string;
  try {
    status = await waitUntilSettled(ctx, groupArn);
  } catch (error) {
    if (isNotFound(error)) {
      if (goneIsFine) {
        return false;
      }
      const cause = sdkCause(error);
      throw new HandlerError(`traffic distribution group ${groupArn} does not exist (${errorMessage(cause)})`, cause);
    }
    throw error;
  }
  if (status === 'ACTIVE') {
    return true;
  }
  if (goneIsFine && status === 'PENDING_DELETION') {
    return false;
  }
  throw new HandlerError(`traffic distribution group ${groupArn} is ${status}: users cannot be associated with it`);
}

/**
 * Associates the user with the group unless it is already. AssociateTrafficDistributionGroupUser takes no
 * ClientToken, so a transient failure (or a conflict) is followed by a new look at the group's users rather than
 * a blind second request.
 *
 * @param takingOver say so when the user is already associated (a create that found no record of who associated it)
 * @param recreated the note to add when the user was not associated (an update that found it gone)
 */
async function associate(ctx: KindContext, association: Association, takingOver: boolean, recreated?: string): Promise<void> {
  const { groupArn, userId, instanceId } = association;
  for (let attempt = 0; ; attempt++) {
    await activeGroup(ctx, groupArn, false);
    if (await isAssociated(ctx, association)) {
      if (attempt === 0 && takingOver) {
        ctx.note(`user ${userId} was already associated with traffic distribution group ${groupArn} outside this `
          + 'stack; this stack now manages the association');
      }
      return;
    }
    if (attempt === 0 && recreated) {
      ctx.note(recreated);
    }
    try {
      await ctx.send(new AssociateTrafficDistributionGroupUserCommand({
        TrafficDistributionGroupId: groupArn,
        UserId: userId,
        InstanceId: instanceId,
      }), { retry: false });
      return;
    } catch (error) {
      if (errorName(error) === 'ResourceConflictException' && await isAssociated(ctx, association)) {
        return;
      }
      if (!isTransient(error)) {
        throw error;
      }
      await ctx.backoff('AssociateTrafficDistributionGroupUser', attempt, sdkCause(error));
    }
  }
}

/** Disassociates the user from the group; a user not associated, or a group that is gone, is fine. */
async function disassociate(ctx: KindContext, association: Association): Promise<void> {
  const { groupArn, userId, instanceId } = association;
  if (!await activeGroup(ctx, groupArn, true)) {
    ctx.log(`traffic distribution group ${groupArn} is gone: nothing to disassociate`);
    return;
  }
  try {
    if (!await isAssociated(ctx, association)) {
      ctx.log(`user ${userId} is not associated with traffic distribution group ${groupArn}: nothing to disassociate`);
      return;
    }
    await ctx.send(new DisassociateTrafficDistributionGroupUserCommand({
      TrafficDistributionGroupId: groupArn,
      UserId: userId,
      InstanceId: instanceId,
    }));
  } catch (error) {
    if (isNotFound(error)) {
      ctx.log(`user ${userId} or traffic distribution group ${groupArn} is already gone`);
      return;
    }
    throw error;
  }
}
