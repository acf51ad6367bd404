import {
  DescribeTrafficDistributionGroupCommand,
  Distribution,
  GetTrafficDistributionCommand,
  GetTrafficDistributionResponse,
  SignInDistribution,
  UpdateTrafficDistributionCommand,
  UpdateTrafficDistributionRequest,
} from '@aws-sdk/client-connect';
import { Lease, SettingLease } from './setting-lease';
import { TRAFFIC_DISTRIBUTION_GROUP_ARN } from '../engine/arns';
import { KindContext } from '../engine/context';
import { errorMessage, HandlerError, isNotFound, isTransient, sdkCause } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * The traffic distribution of a traffic distribution group (Amazon Connect Global Resiliency): how inbound calls to
 * the group's numbers, agents and agent sign-in are spread over the Regions of a replicated instance.
 *
 * A distribution always exists while its group does; UpdateTrafficDistribution sets it to a state (it takes no
 * ClientToken and needs none). This resource manages the parts its properties name: telephony always, agents and
 * sign-in when given.
 *
 * - Create and update: wait until the group is ACTIVE, read the distribution (GetTrafficDistribution), and send
 *   UpdateTrafficDistribution only when a managed part differs; then wait until the group is ACTIVE again (the
 *   update completes asynchronously) and check that the distribution took effect.
 * - Delete hands the traffic back to the group's own Region (the Region in its ARN, where it was created):
 *   telephony and agents 100% there and 0% elsewhere, and sign-in enabled in every Region. The distribution in place
 *   before the create is not restored: it cannot be recorded so that a second delivery of the create still knows it,
 *   and it may have been a failover.
 * - A part that an update no longer names (agents, sign-in) is handed back the same way.
 * - A different group is a replacement (a new physical id); CloudFormation then deletes the old one, which hands the
 *   old group's traffic back to its Region.
 * - While the resource exists, the group carries a tag `cdk-connect:traffic-distribution` = `<create token> -` (see
 *   `SettingLease`): the record of which resource holds the distribution. A resource that moved (a new logical id:
 *   CloudFormation creates the new one, then deletes the old one) keeps the distribution: the new one takes the record
 *   over, and the old one's delete, no longer the holder, leaves the distribution as it is.
 *
 * Physical id: `<traffic distribution group ARN>/distribution/<create token>`.
 */
export const trafficDistributionKind: ResourceKind = {
  resourceType: 'Custom::ConnectTrafficDistribution',
  isPhysicalId: (physicalId) => PHYSICAL_ID.test(physicalId),
  create: async (ctx, properties) => create(ctx, parse(properties)),
  update: async (ctx, physicalId, properties, oldProperties) => {
    const desired = parse(properties);
    const id = parseId(physicalId);
    if (id.groupArn !== desired.groupArn) {
      // Another group: a new resource. CloudFormation deletes the old one, which resets the old group.
      return create(ctx, desired);
    }
    const previous = previousOf(oldProperties);
    const live = (await settledDistribution(ctx, desired.groupArn, false))!;
    const lease = leaseOf(ctx, desired.groupArn);
    const held = await lease.read();
    if (held?.token !== id.token) {
      await lease.write({ token: id.token });
      if (held !== undefined) {
        ctx.note(`re-created the traffic distribution of ${desired.groupArn}: another cdk-connect resource had taken it `
          + 'over; it is this resource\'s again');
      } else {
        ctx.log(`the record of the traffic distribution of ${desired.groupArn} was removed out of band; recorded it again`);
      }
    }
    // A part the old properties managed and the new ones do not is handed back, as a delete would.
    const reset = resetState(desired.groupArn, live, previous?.agents !== undefined, previous?.signIn !== undefined);
    await apply(ctx, { ...desired, agents: desired.agents ?? reset.agents, signIn: desired.signIn ?? reset.signIn }, previous, live);
    return { physicalResourceId: physicalId };
  },
  delete: async (ctx, physicalId, properties) => {
    const { groupArn, token } = parseId(physicalId);
    const r = read(properties);
    const live = await settledDistribution(ctx, groupArn, true);
    if (live === undefined) {
      ctx.log(`traffic distribution group ${groupArn} is gone: nothing to reset`);
      return;
    }
    const lease = leaseOf(ctx, groupArn);
    let held: Lease | undefined;
    try {
      held = await lease.read();
    } catch (error) {
      if (isNotFound(error)) {
        ctx.log(`traffic distribution group ${groupArn} is gone: nothing to reset`);
        return;
      }
      throw error;
    }
    if (held !== undefined && held.token !== token) {
      // A resource created since (this one moved, or another declaration for the group) holds the distribution now.
      ctx.note(`left the traffic distribution of ${groupArn} as it is: another cdk-connect resource has taken it over`);
      return;
    }
    const reset = resetState(groupArn, live, r.optionalObject('AgentConfig') !== undefined, r.optionalObject('SignInConfig') !== undefined);
    await apply(ctx, reset, undefined, live);
    if (held !== undefined) {
      await lease.remove();
    }
  },
};

async function create(ctx: KindContext, desired: DistributionState): Promise<ResourceResult> {
  const groupArn = desired.groupArn;
  const live = (await settledDistribution(ctx, groupArn, false))!;
  const lease = leaseOf(ctx, groupArn);
  const held = await lease.read();
  if (held?.token !== ctx.token) {
    // Recorded before the distribution changes: a later delivery of this request finds its own record.
    if (held !== undefined) {
      ctx.note(`took over the traffic distribution of ${groupArn} from another cdk-connect resource (a moved construct, `
        + 'or another declaration for the group); that resource\'s delete now leaves the distribution as it is');
    }
    await lease.write({ token: ctx.token });
  }
  try {
    await apply(ctx, desired, undefined, live);
  } catch (error) {
    if (held?.token !== ctx.token) {
      await lease.restore(held);
    }
    throw error;
  }
  return { physicalResourceId: physicalIdOf(groupArn, ctx.token) };
}

/** The record of the resource that holds the group's distribution, a tag on the group. */
function leaseOf(ctx: KindContext, groupArn: string): SettingLease {
  return new SettingLease(ctx, groupArn, 'cdk-connect:traffic-distribution');
}

const GROUP_ARN = TRAFFIC_DISTRIBUTION_GROUP_ARN;
const PHYSICAL_ID = new RegExp(`${GROUP_ARN.source.slice(0, -1)}/distribution/(cdkc-[0-9a-f]{31})$`);
const REGION = /^[a-z]{2}(-[a-z]+){1,2}(-[0-9])?$/;

function physicalIdOf(groupArn: string, token: string): string {
  return `${groupArn}/distribution/${token}`;
}

function parseId(physicalId: string): { groupArn: string; token: string } {
  const at = physicalId.lastIndexOf('/distribution/');
  return { groupArn: physicalId.slice(0, at), token: physicalId.slice(at + '/distribution/'.length) };
}

/** The state of the parts a resource manages: region → percentage (or enabled). */
interface DistributionState {
  readonly groupArn: string;
  readonly telephony: ReadonlyMap<string, number>;
  /** Undefined: not managed. */
  readonly agents?: ReadonlyMap<string, number>;
  /** Undefined: not managed. */
  readonly signIn?: ReadonlyMap<string, boolean>;
}

function parse(properties: Properties): DistributionState {
  const r = read(properties);
  const groupArn = r.string('TrafficDistributionGroupArn');
  if (!GROUP_ARN.test(groupArn)) {
    throw new HandlerError('property TrafficDistributionGroupArn must be the ARN of a traffic distribution group '
      + `(arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>), got ${groupArn}`);
  }
  const telephony = parsePercentages('TelephonyConfig', r.optionalObject('TelephonyConfig'));
  if (telephony === undefined) {
    throw new HandlerError('property TelephonyConfig is required');
  }
  const agents = parsePercentages('AgentConfig', r.optionalObject('AgentConfig'));
  const signIn = parseSignIn(r.optionalObject('SignInConfig'));
  return { groupArn, telephony, agents, signIn };
}

/** The state the old properties asked for, or undefined when they cannot be read (the drift note is then left out). */
function previousOf(oldProperties: Properties): DistributionState | undefined {
  try {
    return parse(oldProperties);
  } catch {
    return undefined;
  }
}

function distributionsOf(what: string, config: Record<string, unknown>): Record<string, unknown>[] {
  const list = config.Distributions;
  if (!Array.isArray(list) || list.length === 0) {
    throw new HandlerError(`property ${what}.Distributions must be a non-empty list`);
  }
  return list.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new HandlerError(`property ${what}.Distributions[${i}] must be an object`);
    }
    const region = (entry as Record<string, unknown>).Region;
    if (typeof region !== 'string' || !REGION.test(region)) {
      throw new HandlerError(`property ${what}.Distributions[${i}].Region must be a Region code such as us-east-1, got ${String(region)}`);
    }
    return entry as Record<string, unknown>;
  });
}

function parsePercentages(what: string, config: Record<string, unknown> | undefined): Map<string, number> | undefined {
  if (config === undefined) {
    return undefined;
  }
  const result = new Map<string, number>();
  distributionsOf(what, config).forEach((entry, i) => {
    const value = String(entry.Percentage);
    if (!/^[0-9]+$/.test(value) || Number(value) > 100) {
      throw new HandlerError(`property ${what}.Distributions[${i}].Percentage must be an integer from 0 to 100, got ${value}`);
    }
    addOnce(what, result, entry.Region as string, Number(value));
  });
  return result;
}

function parseSignIn(config: Record<string, unknown> | undefined): Map<string, boolean> | undefined {
  if (config === undefined) {
    return undefined;
  }
  const result = new Map<string, boolean>();
  distributionsOf('SignInConfig', config).forEach((entry, i) => {
    const value = String(entry.Enabled);
    if (value !== 'true' && value !== 'false') {
      throw new HandlerError(`property SignInConfig.Distributions[${i}].Enabled must be true or false, got ${value}`);
    }
    addOnce('SignInConfig', result, entry.Region as string, value === 'true');
  });
  return result;
}

function addOnce<T>(what: string, map: Map<string, T>, region: string, value: T): void {
  if (map.has(region)) {
    throw new HandlerError(`property ${what} names Region ${region} more than once`);
  }
  map.set(region, value);
}

/** The distribution as Connect reports it. */
interface LiveState {
  readonly telephony: ReadonlyMap<string, number>;
  readonly agents: ReadonlyMap<string, number>;
  readonly signIn: ReadonlyMap<string, boolean>;
}

function liveOf(response: GetTrafficDistributionResponse): LiveState {
  const percentages = (list: Distribution[] | undefined) => new Map((list ?? []).map((d) => [d.Region!, d.Percentage!]));
  return {
    telephony: percentages(response.TelephonyConfig?.Distributions),
    agents: percentages(response.AgentConfig?.Distributions),
    signIn: new Map((response.SignInConfig?.Distributions ?? []).map((d) => [d.Region!, d.Enabled!])),
  };
}

function sameMap<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.has(key) && b.get(key) === value);
}

function describe<T>(map: ReadonlyMap<string, T>): string {
  return [...map].sort(([a], [b]) => a.localeCompare(b))
    .map(([region, value]) => `${region} ${typeof value === 'number' ? `${value}%` : value ? 'enabled' : 'disabled'}`).join(', ') || 'none';
}

/** The parts of `desired` that `live` does not match. */
function differences(desired: DistributionState, live: LiveState): string[] {
  const parts: string[] = [];
  if (!sameMap(desired.telephony, live.telephony)) {
    parts.push('telephony');
  }
  if (desired.agents && !sameMap(desired.agents, live.agents)) {
    parts.push('agents');
  }
  if (desired.signIn && !sameMap(desired.signIn, live.signIn)) {
    parts.push('sign-in');
  }
  return parts;
}

/**
 * The state a delete leaves: telephony and (if managed) agents 100% in the group's own Region, sign-in (if managed)
 * enabled everywhere, over the Regions Connect reports for the group.
 */
function resetState(groupArn: string, live: LiveState, agents: boolean, signIn: boolean): DistributionState {
  const home = GROUP_ARN.exec(groupArn)![1];
  const regions = [...new Set([home, ...live.telephony.keys(), ...live.agents.keys(), ...live.signIn.keys()])];
  const allHome = new Map(regions.map((region) => [region, region === home ? 100 : 0]));
  return {
    groupArn,
    telephony: allHome,
    agents: agents ? allHome : undefined,
    signIn: signIn ? new Map(regions.map((region) => [region, true])) : undefined,
  };
}

function isReset(state: DistributionState): boolean {
  const home = GROUP_ARN.exec(state.groupArn)![1];
  const allHome = (map: ReadonlyMap<string, number>) => [...map].every(([region, value]) => value === (region === home ? 100 : 0));
  return allHome(state.telephony) && (!state.agents || allHome(state.agents)) && (!state.signIn || [...state.signIn.values()].every(Boolean));
}

/**
 * Waits until the group is ACTIVE (no creation or earlier update in progress) and reads its distribution.
 *
 * @param goneIsFine return undefined when the group does not exist (delete), instead of failing
 */
async function settledDistribution(ctx: KindContext, groupArn: string, goneIsFine: boolean): Promise<LiveState | undefined> {
  try {
    const status = await waitUntilSettled(ctx, groupArn);
    if (status !== 'ACTIVE') {
      if (goneIsFine && status === 'PENDING_DELETION') {
        return undefined;
      }
      throw new HandlerError(`traffic distribution group ${groupArn} is ${status}: its traffic distribution cannot be changed`);
    }
    return liveOf(await ctx.send(new GetTrafficDistributionCommand({ Id: groupArn })));
  } catch (error) {
    if (isNotFound(error)) {
      if (goneIsFine) {
        return undefined;
      }
      const cause = sdkCause(error);
      throw new HandlerError(`traffic distribution group ${groupArn} does not exist (${errorMessage(cause)})`, cause);
    }
    throw error;
  }
}

/** Waits while the group is being created or updated; returns the status it settles in (ACTIVE unless broken). */
export async function waitUntilSettled(ctx: KindContext, groupArn: string): Promise<string> {
  return ctx.waitFor(`traffic distribution group ${groupArn} to be ACTIVE`, async () => {
    const { TrafficDistributionGroup: group } = await ctx.send(new DescribeTrafficDistributionGroupCommand({ TrafficDistributionGroupId: groupArn }));
    const status = group?.Status ?? 'UNKNOWN';
    return status === 'CREATION_IN_PROGRESS' || status === 'UPDATE_IN_PROGRESS' ? undefined : status;
  });
}

/**
 * Brings the managed parts of the group's distribution to `desired`, writing only when a part differs.
 *
 * UpdateTrafficDistribution is not sent with the engine's blind retry: after a lost response the update may be under
 * way, and Connect refuses another while the group is not ACTIVE. A transient failure instead waits for the group,
 * reads again, and sends again only if the distribution still differs.
 *
 * @param previous what the old properties asked for (update): a live state that differs from it drifted
 * @param live the distribution just read, if the caller has it
 */
async function apply(ctx: KindContext, desired: DistributionState, previous?: DistributionState, live?: LiveState): Promise<void> {
  const groupArn = desired.groupArn;
  let current = live ?? (await settledDistribution(ctx, groupArn, false))!;
  if (previous && differences(previous, current).length > 0) {
    ctx.note(isReset(stateOf(groupArn, current, previous)) && !isReset(previous)
      ? `re-created the traffic distribution of ${groupArn}: it was reset out of band`
      : `restored the traffic distribution of ${groupArn}: it was changed out of band`);
  }
  if (differences(desired, current).length === 0) {
    ctx.log(`the traffic distribution of ${groupArn} is already as asked`);
    return;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      // TelephonyConfig is always sent (Connect requires it); agents and sign-in only when they differ, so that an
      // unchanged sign-in distribution is never sent to a group that is not the default one.
      await ctx.send(new UpdateTrafficDistributionCommand(requestOf(desired, differences(desired, current))), { retry: false });
      break;
    } catch (error) {
      if (!isTransient(error)) {
        throw error;
      }
      await ctx.backoff('UpdateTrafficDistribution', attempt, sdkCause(error));
      current = (await settledDistribution(ctx, groupArn, false))!;
      if (differences(desired, current).length === 0) {
        break; // the request whose response was lost took effect
      }
    }
  }
  // The update completes asynchronously: the group is UPDATE_IN_PROGRESS until it is done.
  current = (await settledDistribution(ctx, groupArn, false))!;
  const left = differences(desired, current);
  if (left.length > 0) {
    throw new HandlerError(`the traffic distribution of ${groupArn} did not take effect: `
      + left.map((part) => `${part} is ${describePart(current, part)}`).join('; '));
  }
  ctx.log(`traffic distribution of ${groupArn}: telephony ${describe(desired.telephony)}`
    + (desired.agents ? `; agents ${describe(desired.agents)}` : '')
    + (desired.signIn ? `; sign-in ${describe(desired.signIn)}` : ''));
}

function describePart(live: LiveState, part: string): string {
  switch (part) {
    case 'telephony':
      return describe(live.telephony);
    case 'agents':
      return describe(live.agents);
    default:
      return describe(live.signIn);
  }
}

/** The live parts that `like` manages, as a state. */
function stateOf(groupArn: string, live: LiveState, like: DistributionState): DistributionState {
  return {
    groupArn,
    telephony: live.telephony,
    agents: like.agents ? live.agents : undefined,
    signIn: like.signIn ? live.signIn : undefined,
  };
}

function requestOf(desired: DistributionState, parts: string[]): UpdateTrafficDistributionRequest {
  const percentages = (map: ReadonlyMap<string, number>): Distribution[] =>
    [...map].map(([Region, Percentage]) => ({ Region, Percentage }));
  const signIn = (map: ReadonlyMap<string, boolean>): SignInDistribution[] =>
    [...map].map(([Region, Enabled]) => ({ Region, Enabled }));
  return {
    Id: desired.groupArn,
    TelephonyConfig: { Distributions: percentages(desired.telephony) },
    AgentConfig: desired.agents && parts.includes('agents') ? { Distributions: percentages(desired.agents) } : undefined,
    SignInConfig: desired.signIn && parts.includes('sign-in') ? { Distributions: signIn(desired.signIn) } : undefined,
  };
}
