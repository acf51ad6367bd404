import type * as sdk from '@aws-sdk/client-connect';
import { FakeConnect, MemberRule, serviceError } from './connect';

/** A traffic distribution group as the fake keeps it. */
export interface FakeTrafficDistributionGroup {
  readonly id: string;
  readonly arn: string;
  readonly instanceId: string;
  /** The Region the group was created in (first) and its replica Region. */
  readonly regions: readonly string[];
  readonly isDefault: boolean;
  status: string;
  telephony: Record<string, number>;
  agents: Record<string, number>;
  signIn: Record<string, boolean>;
  /** The distribution an update in progress applies when it completes. */
  pending?: { telephony: Record<string, number>; agents: Record<string, number>; signIn: Record<string, boolean> };
  /** DescribeTrafficDistributionGroup calls until the update in progress completes. */
  pollsLeft: number;
  /** Ids of the associated users, in order of association. */
  users: string[];
}

/** A user as the fake keeps it (only for traffic distribution group associations). */
export interface FakeUser {
  readonly id: string;
  readonly arn: string;
  readonly instanceId: string;
}

/** How many DescribeTrafficDistributionGroup calls an UpdateTrafficDistribution stays UPDATE_IN_PROGRESS for. */
export const UPDATE_POLLS = 2;

const GROUPS = 'traffic-distribution-groups';
const USERS = 'users';
const GROUP_ID_OR_ARN = /^(arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z-]+-[0-9]{1}:[0-9]{1,20}:traffic-distribution-group\/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const AWS_REGION: MemberRule = { required: true, min: 8, max: 31, pattern: /^[a-z]{2}(-[a-z]+){1,2}(-[0-9])?$/ };

/** The traffic distribution groups of the fake, by id. */
export function trafficDistributionGroups(fake: FakeConnect): Map<string, FakeTrafficDistributionGroup> {
  return fake.table<FakeTrafficDistributionGroup>(GROUPS);
}

/** The distribution of a new group: everything in the Region it was created in, sign-in enabled everywhere. */
export function initialDistribution(regions: readonly string[]): Pick<FakeTrafficDistributionGroup, 'telephony' | 'agents' | 'signIn'> {
  const home = Object.fromEntries(regions.map((region, i) => [region, i === 0 ? 100 : 0]));
  return { telephony: { ...home }, agents: { ...home }, signIn: Object.fromEntries(regions.map((region) => [region, true])) };
}

/**
 * Adds a traffic distribution group of a replicated instance (Connect creates the default one when it replicates an
 * instance; CloudFormation creates others).
 */
export function addTrafficDistributionGroup(fake: FakeConnect, instance: { id: string }, options: {
  readonly home?: string;
  readonly replica?: string;
  readonly isDefault?: boolean;
  readonly status?: string;
} = {}): FakeTrafficDistributionGroup {
  const id = fake.newId();
  const home = options.home ?? fake.region;
  const regions = [home, options.replica ?? (home === 'us-west-2' ? 'us-east-1' : 'us-west-2')];
  const group: FakeTrafficDistributionGroup = {
    id,
    arn: `arn:aws:connect:${home}:${fake.account}:traffic-distribution-group/${id}`,
    instanceId: instance.id,
    regions,
    isDefault: options.isDefault ?? false,
    status: options.status ?? 'ACTIVE',
    ...initialDistribution(regions),
    pollsLeft: 0,
    users: [],
  };
  trafficDistributionGroups(fake).set(id, group);
  fake.trackTags(group.arn, {});
  return group;
}

/** Adds a user (agent) to an instance. */
export function addUser(fake: FakeConnect, instance: { id: string; arn: string }): FakeUser {
  const id = fake.newId();
  const user = { id, arn: `${instance.arn}/agent/${id}`, instanceId: instance.id };
  fake.table<FakeUser>(USERS).set(id, user);
  // Users are taggable in Connect.
  fake.trackTags(user.arn, {});
  return user;
}

/** Sets a group's distribution at once (out of band: no update in progress). */
export function setDistribution(group: FakeTrafficDistributionGroup, distribution: Partial<Pick<FakeTrafficDistributionGroup, 'telephony' | 'agents' | 'signIn'>>): void {
  Object.assign(group, distribution);
}

function invalid(message: string): Error {
  return serviceError('InvalidRequestException', message);
}

/** The group an `Id`/`TrafficDistributionGroupId` names (an id, or an ARN), as Connect finds it in `fake.region`. */
function findGroup(fake: FakeConnect, idOrArn: string): FakeTrafficDistributionGroup {
  const id = idOrArn.replace(/^.*\//, '');
  const group = trafficDistributionGroups(fake).get(id);
  if (!group || (idOrArn.startsWith('arn:') && idOrArn !== group.arn)) {
    throw serviceError('ResourceNotFoundException', `Traffic distribution group not found: ${idOrArn}`, 404);
  }
  // A bare id only works in the Region the group was created in; its replica Region needs the ARN.
  if (!idOrArn.startsWith('arn:') && group.regions[0] !== fake.region) {
    throw serviceError('ResourceNotFoundException', `Traffic distribution group not found: ${idOrArn}`, 404);
  }
  return group;
}

/** Checks a list of percentage distributions the way UpdateTrafficDistribution does. */
function percentages(what: string, group: FakeTrafficDistributionGroup, config: sdk.TelephonyConfig | sdk.AgentConfig): Record<string, number> {
  const list = config.Distributions;
  if (!Array.isArray(list)) {
    throw invalid(`${what}.Distributions must not be null`);
  }
  const result: Record<string, number> = {};
  for (const d of list) {
    checkRegion(what, d.Region);
    if (!Number.isInteger(d.Percentage) || d.Percentage! < 0 || d.Percentage! > 100) {
      throw invalid(`${what}: percentage must be an integer from 0 to 100, got ${d.Percentage}`);
    }
    if (d.Percentage! % 10 !== 0) {
      throw invalid(`${what}: traffic distribution must be specified in 10% increments, got ${d.Percentage}`);
    }
    if (d.Region! in result) {
      throw invalid(`${what}: Region ${d.Region} appears more than once`);
    }
    result[d.Region!] = d.Percentage!;
  }
  checkRegions(what, group, Object.keys(result));
  const sum = Object.values(result).reduce((a, b) => a + b, 0);
  if (sum !== 100) {
    throw invalid(`${what}: the total distribution must add up to 100%, got ${sum}%`);
  }
  return result;
}

function checkRegion(what: string, region: string | undefined): void {
  if (region === undefined || region.length < 8 || region.length > 31 || !AWS_REGION.pattern!.test(region)) {
    throw invalid(`${what}: Value '${region}' at 'Region' failed to satisfy constraint`);
  }
}

/** The distribution must name exactly the Regions of the linked instances. */
function checkRegions(what: string, group: FakeTrafficDistributionGroup, regions: string[]): void {
  if (regions.length !== group.regions.length || !group.regions.every((region) => regions.includes(region))) {
    throw invalid(`${what}: you must specify the distribution for the linked instances in ${group.regions.join(' and ')}, `
      + `got ${regions.join(', ') || 'none'}`);
  }
}

function findUser(fake: FakeConnect, idOrArn: string): FakeUser {
  const id = idOrArn.replace(/^.*\//, '');
  const found = fake.table<FakeUser>(USERS).get(id);
  if (!found || (idOrArn.startsWith('arn:') && idOrArn !== found.arn)) {
    throw serviceError('ResourceNotFoundException', `User not found: ${idOrArn}`, 404);
  }
  return found;
}

/** Registers the traffic distribution operations: distributions and users of traffic distribution groups. */
export function trafficDomain(fake: FakeConnect): void {
  fake.register('DescribeTrafficDistributionGroup', {
    members: { TrafficDistributionGroupId: { required: true, pattern: GROUP_ID_OR_ARN } },
    run: (input: sdk.DescribeTrafficDistributionGroupRequest) => {
      const group = findGroup(fake, input.TrafficDistributionGroupId!);
      if (group.status === 'UPDATE_IN_PROGRESS' && --group.pollsLeft <= 0) {
        Object.assign(group, group.pending);
        group.pending = undefined;
        group.status = 'ACTIVE';
      }
      return {
        TrafficDistributionGroup: {
          Id: group.id,
          Arn: group.arn,
          Name: `group-${group.id}`,
          InstanceArn: fake.instance(group.instanceId).arn,
          Status: group.status,
          IsDefault: group.isDefault,
        },
      };
    },
  });

  fake.register('GetTrafficDistribution', {
    members: { Id: { required: true, pattern: GROUP_ID_OR_ARN } },
    run: (input: sdk.GetTrafficDistributionRequest) => {
      const group = findGroup(fake, input.Id!);
      const list = (map: Record<string, number>) => Object.entries(map).map(([Region, Percentage]) => ({ Region, Percentage }));
      return {
        Id: group.id,
        Arn: group.arn,
        TelephonyConfig: { Distributions: list(group.telephony) },
        AgentConfig: { Distributions: list(group.agents) },
        SignInConfig: { Distributions: Object.entries(group.signIn).map(([Region, Enabled]) => ({ Region, Enabled })) },
      };
    },
  });

  fake.register('UpdateTrafficDistribution', {
    members: { Id: { required: true, pattern: GROUP_ID_OR_ARN } },
    run: (input: sdk.UpdateTrafficDistributionRequest) => {
      const group = findGroup(fake, input.Id!);
      if (group.status !== 'ACTIVE') {
        throw invalid(`The status of traffic distribution group ${group.id} must be ACTIVE, it is ${group.status}`);
      }
      if (!input.TelephonyConfig) {
        throw invalid('You must provide distribution for telephony traffic configuration');
      }
      const telephony = percentages('TelephonyConfig', group, input.TelephonyConfig);
      const agents = input.AgentConfig ? percentages('AgentConfig', group, input.AgentConfig) : group.agents;
      let signIn = group.signIn;
      if (input.SignInConfig) {
        if (!Array.isArray(input.SignInConfig.Distributions)) {
          throw invalid('SignInConfig.Distributions must not be null');
        }
        signIn = {};
        for (const d of input.SignInConfig.Distributions) {
          checkRegion('SignInConfig', d.Region);
          if (typeof d.Enabled !== 'boolean') {
            throw invalid(`SignInConfig: Enabled must be a boolean, got ${d.Enabled}`);
          }
          signIn[d.Region!] = d.Enabled;
        }
        checkRegions('SignInConfig', group, Object.keys(signIn));
        const modified = group.regions.some((region) => signIn[region] !== group.signIn[region]);
        if (modified && !group.isDefault) {
          throw invalid('The SignInConfig distribution is available only on a default TrafficDistributionGroup');
        }
      }
      group.pending = { telephony, agents: { ...agents }, signIn: { ...signIn } };
      group.status = 'UPDATE_IN_PROGRESS';
      group.pollsLeft = UPDATE_POLLS;
      return {};
    },
  });

  const userMembers: Record<string, MemberRule> = {
    TrafficDistributionGroupId: { required: true, pattern: GROUP_ID_OR_ARN },
    UserId: { required: true },
    InstanceId: { required: true, min: 1, max: 100 },
  };

  /** The group for a user operation: ACTIVE (Connect reports others as not found), in its own Region. */
  function groupForUsers(idOrArn: string): FakeTrafficDistributionGroup {
    const group = findGroup(fake, idOrArn);
    if (group.status !== 'ACTIVE') {
      throw serviceError('ResourceNotFoundException', `Traffic distribution group ${group.id} is not ACTIVE`, 404);
    }
    if (group.regions[0] !== fake.region) {
      throw invalid(`Users can be associated only in the Region where the traffic distribution group was created (${group.regions[0]})`);
    }
    return group;
  }

  fake.register('AssociateTrafficDistributionGroupUser', {
    members: userMembers,
    run: (input: sdk.AssociateTrafficDistributionGroupUserRequest) => {
      const group = groupForUsers(input.TrafficDistributionGroupId!);
      const instance = fake.instance(input.InstanceId);
      if (instance.id !== group.instanceId) {
        throw invalid(`Traffic distribution group ${group.id} belongs to instance ${group.instanceId}, not ${instance.id}`);
      }
      const found = findUser(fake, input.UserId!);
      if (found.instanceId !== instance.id) {
        throw serviceError('ResourceNotFoundException', `User ${found.id} not found in instance ${instance.id}`, 404);
      }
      if (group.users.includes(found.id)) {
        throw serviceError('ResourceConflictException', `User ${found.id} is already associated with traffic distribution group ${group.id}`, 409);
      }
      group.users.push(found.id);
      return {};
    },
  });

  fake.register('DisassociateTrafficDistributionGroupUser', {
    members: userMembers,
    run: (input: sdk.DisassociateTrafficDistributionGroupUserRequest) => {
      const group = groupForUsers(input.TrafficDistributionGroupId!);
      fake.instance(input.InstanceId);
      const found = findUser(fake, input.UserId!);
      if (!group.users.includes(found.id)) {
        throw serviceError('ResourceNotFoundException', `User ${found.id} is not associated with traffic distribution group ${group.id}`, 404);
      }
      group.users = group.users.filter((id) => id !== found.id);
      return {};
    },
  });

  fake.register('ListTrafficDistributionGroupUsers', {
    members: { TrafficDistributionGroupId: { required: true, pattern: GROUP_ID_OR_ARN } },
    run: (input: sdk.ListTrafficDistributionGroupUsersRequest) => {
      const group = findGroup(fake, input.TrafficDistributionGroupId!);
      const max = input.MaxResults ?? 10;
      if (!Number.isInteger(max) || max < 1 || max > 10) {
        throw invalid(`Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 10`);
      }
      const start = input.NextToken === undefined ? 0 : Number(input.NextToken.replace(/^page-/, ''));
      if (!Number.isInteger(start) || start < 0) {
        throw invalid(`Invalid NextToken: ${input.NextToken}`);
      }
      const page = group.users.slice(start, start + max);
      return {
        TrafficDistributionGroupUserSummaryList: page.map((UserId) => ({ UserId })),
        NextToken: start + max < group.users.length ? `page-${start + max}` : undefined,
      };
    },
  });
}
