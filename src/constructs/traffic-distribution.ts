import { Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ITrafficDistributionGroup, TrafficDistributionGroup } from './traffic-distribution-group';
import { connectResource } from '../custom-resources/resource';
import { dependOn, groupAttachments } from '../private/traffic-distribution-attachments';
import { fail, validateUnique } from '../private/validation';

/**
 * The share of calls (or of agents) that one Region of a replicated instance takes.
 */
export interface RegionPercentage {
  /**
   * The Region, such as `us-east-1`: the Region of the traffic distribution group or its replica Region.
   */
  readonly region: string;

  /**
   * The percentage the Region takes: 0 to 100, in steps of 10.
   */
  readonly percentage: number;
}

/**
 * How a traffic distribution group spreads calls, agents and agent sign-in over the Regions of its replicated
 * instance.
 *
 * Every list names the Region of the group and its replica Region (Amazon Connect Global Resiliency pairs
 * us-east-1 with us-west-2, eu-west-2 with eu-central-1, and ap-northeast-1 with ap-northeast-3); percentages are
 * steps of 10 that add up to 100.
 */
export interface TrafficDistributionOptions {
  /**
   * How inbound calls to the phone numbers claimed to the group are split over the Regions.
   */
  readonly telephony: RegionPercentage[];

  /**
   * How the agents of the group (see `addUser`) are split over the Regions. Shift agents along with calls, or calls
   * reach a Region where no agent takes them.
   *
   * @default - the agent distribution is left as it is
   */
  readonly agents?: RegionPercentage[];

  /**
   * The Regions agents can sign in to; sign-in is disabled in the other Regions of the distribution. Only the default
   * traffic distribution group (the one Amazon Connect created when it replicated the instance, imported with
   * `TrafficDistributionGroup.fromTrafficDistributionGroupArn`) has a sign-in distribution.
   *
   * @default - the sign-in distribution is left as it is
   */
  readonly signInRegions?: string[];
}

/**
 * Properties of a traffic distribution.
 */
export interface TrafficDistributionProps extends TrafficDistributionOptions {
  /**
   * The traffic distribution group whose traffic is distributed. It takes one distribution.
   */
  readonly trafficDistributionGroup: ITrafficDistributionGroup;
}

/**
 * The Regions that Amazon Connect Global Resiliency pairs: an instance in one is replicated to the other.
 */
const GLOBAL_RESILIENCY_PAIRS: Record<string, string> = {
  'us-east-1': 'us-west-2',
  'us-west-2': 'us-east-1',
  'eu-west-2': 'eu-central-1',
  'eu-central-1': 'eu-west-2',
  'ap-northeast-1': 'ap-northeast-3',
  'ap-northeast-3': 'ap-northeast-1',
};

/** A Region code as the Connect API takes it (AwsRegion: 8 to 31 characters). */
const REGION = /^[a-z]{2}(-[a-z]+){1,2}(-[0-9])?$/;

/**
 * The traffic distribution of a traffic distribution group (Amazon Connect Global Resiliency): how calls to the
 * group's phone numbers, its agents and agent sign-in are spread over the two Regions of a replicated instance.
 * CloudFormation has no resource for it; a custom resource calls `UpdateTrafficDistribution`, waits until the update
 * is done, and changes only what differs from the live distribution.
 *
 * Deleting it hands the traffic back to the group's own Region (the Region in its ARN): calls and agents 100%
 * there, and sign-in (when this distribution set it) enabled in every Region. The distribution that was in place
 * before is not restored.
 *
 * Usually made with `group.distributeTraffic(...)`. A group takes one distribution; it is deployed after the users
 * added to the group in the same stack.
 *
 * ```ts
 * new TrafficDistribution(this, 'Failover', {
 *   trafficDistributionGroup: group,
 *   telephony: [{ region: 'us-east-1', percentage: 0 }, { region: 'us-west-2', percentage: 100 }],
 *   agents: [{ region: 'us-east-1', percentage: 0 }, { region: 'us-west-2', percentage: 100 }],
 * });
 * ```
 */
export class TrafficDistribution extends Construct {
  /**
   * The traffic distribution group.
   */
  public readonly trafficDistributionGroup: ITrafficDistributionGroup;

  constructor(scope: Construct, id: string, props: TrafficDistributionProps) {
    super(scope, id);
    const group = props.trafficDistributionGroup;
    this.trafficDistributionGroup = group;

    const attachments = groupAttachments(this, group.trafficDistributionGroupArn);
    if (attachments.distribution) {
      fail(this, `a traffic distribution group takes one traffic distribution, and ${attachments.distribution.node.path} `
        + `already distributes the traffic of ${describeGroup(group)}`);
    }

    const home = Token.isUnresolved(group.env.region) ? undefined : group.env.region;
    const regions = this.validatePercentages('telephony', props.telephony, home);
    if (props.agents !== undefined) {
      const agentRegions = this.validatePercentages('agents', props.agents, home);
      if (!sameRegions(regions, agentRegions)) {
        fail(this, `agents must name the same Regions as telephony (${regions.join(', ')}), got ${agentRegions.join(', ')}`);
      }
    }
    if (props.signInRegions !== undefined) {
      this.validateSignIn(group, props.signInRegions, regions);
    }
    const stackRegion = Stack.of(this).region;
    if (!Token.isUnresolved(stackRegion) && regions.every((region) => !Token.isUnresolved(region)) && !regions.includes(stackRegion)) {
      fail(this, `the stack must be in one of the Regions of the distribution (${regions.join(', ')}) to change it, `
        + `got a stack in ${stackRegion}`);
    }

    const percentages = (shares: RegionPercentage[]) => ({
      Distributions: shares.map((share) => ({ Region: share.region, Percentage: share.percentage })),
    });
    const signInRegions = props.signInRegions;
    const resource = connectResource(this, 'Resource', {
      resourceType: 'Custom::ConnectTrafficDistribution',
      properties: {
        TrafficDistributionGroupArn: group.trafficDistributionGroupArn,
        TelephonyConfig: percentages(props.telephony),
        AgentConfig: props.agents && percentages(props.agents),
        SignInConfig: signInRegions && {
          Distributions: regions.map((region) => ({ Region: region, Enabled: signInRegions.includes(region) })),
        },
      },
      permissions: [{
        actions: [
          'connect:DescribeTrafficDistributionGroup',
          'connect:GetTrafficDistribution',
          'connect:UpdateTrafficDistribution',
          // The record of which resource holds the distribution, a tag on the group.
          'connect:ListTagsForResource',
          'connect:TagResource',
          'connect:UntagResource',
        ],
        resources: [group.trafficDistributionGroupArn],
      }],
    });

    attachments.distribution = this;
    // Agents shifted by the distribution must be users of the group first.
    for (const user of attachments.users.values()) {
      dependOn(resource, user);
    }
  }

  /** Checks a list of percentages and returns its Regions. */
  private validatePercentages(what: string, shares: RegionPercentage[], home: string | undefined): string[] {
    const regions = shares.map((share) => share.region);
    if (shares.length < 2) {
      fail(this, `${what} must give a percentage to the Region of the traffic distribution group and to its replica Region, `
        + `got ${shares.length} Region${shares.length === 1 ? '' : 's'}`);
    }
    for (const share of shares) {
      validateRegion(this, what, share.region);
      if (!Token.isUnresolved(share.percentage)
        && (!Number.isInteger(share.percentage) || share.percentage < 0 || share.percentage > 100 || share.percentage % 10 !== 0)) {
        fail(this, `${what} percentage of ${share.region} must be 0 to 100 in steps of 10, got ${share.percentage}`);
      }
    }
    validateUnique(this, `${what} Regions`, regions);
    if (shares.every((share) => !Token.isUnresolved(share.percentage))) {
      const sum = shares.reduce((total, share) => total + share.percentage, 0);
      if (sum !== 100) {
        fail(this, `${what} percentages must add up to 100, got ${sum}`);
      }
    }
    validatePair(this, what, regions, home);
    return regions;
  }

  private validateSignIn(group: ITrafficDistributionGroup, signInRegions: string[], regions: string[]): void {
    if (group instanceof TrafficDistributionGroup) {
      fail(this, 'sign-in distribution is available only on the default traffic distribution group (the one Amazon Connect '
        + 'created when it replicated the instance), not on one this app creates; import the default group with '
        + 'TrafficDistributionGroup.fromTrafficDistributionGroupArn');
    }
    if (signInRegions.length === 0) {
      fail(this, 'signInRegions must name at least one Region, or agents could sign in nowhere');
    }
    validateUnique(this, 'signInRegions', signInRegions);
    for (const region of signInRegions) {
      validateRegion(this, 'signInRegions', region);
      if (!Token.isUnresolved(region) && regions.every((r) => !Token.isUnresolved(r)) && !regions.includes(region)) {
        fail(this, `signInRegions must be Regions of the distribution (${regions.join(', ')}), got '${region}'`);
      }
    }
  }
}

function describeGroup(group: ITrafficDistributionGroup): string {
  return Token.isUnresolved(group.trafficDistributionGroupArn) ? group.node.path : group.trafficDistributionGroupArn;
}

function validateRegion(scope: IConstruct, what: string, region: string): void {
  if (Token.isUnresolved(region)) {
    return;
  }
  if (region.length < 8 || region.length > 31 || !REGION.test(region)) {
    fail(scope, `${what} Region must be a Region code such as us-east-1, got '${region}'`);
  }
}

/**
 * Checks that the Regions are those of a replicated instance: the group's own Region (when known) and, for the
 * Regions Global Resiliency is documented for, its pair.
 */
function validatePair(scope: IConstruct, what: string, regions: string[], home: string | undefined): void {
  const concrete = regions.filter((region) => !Token.isUnresolved(region));
  if (home !== undefined && concrete.length === regions.length && !concrete.includes(home)) {
    fail(scope, `${what} must include ${home}, the Region of the traffic distribution group, got ${concrete.join(', ')}`);
  }
  const anchor = home !== undefined && home in GLOBAL_RESILIENCY_PAIRS ? home : concrete.find((region) => region in GLOBAL_RESILIENCY_PAIRS);
  if (anchor === undefined) {
    return;
  }
  const pair = [anchor, GLOBAL_RESILIENCY_PAIRS[anchor]];
  const stranger = concrete.find((region) => !pair.includes(region));
  if (stranger !== undefined) {
    fail(scope, `${what} Regions must be ${pair[0]} and ${pair[1]} (Amazon Connect Global Resiliency replicates an instance `
      + `in ${pair[0]} to ${pair[1]}), got '${stranger}'`);
  }
}

function sameRegions(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((region) => b.includes(region));
}
