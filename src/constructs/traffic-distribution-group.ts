import { Fn, IResolvable, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnTrafficDistributionGroup } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { TrafficDistribution, TrafficDistributionOptions } from './traffic-distribution';
import { TrafficDistributionGroupUser } from './traffic-distribution-group-user';
import { IUser } from './user';
import { importEnvironmentArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect traffic distribution group, defined in this app or imported.
 */
export interface ITrafficDistributionGroup extends IResource, connectRefs.ITrafficDistributionGroupRef {
  /**
   * The ARN of the traffic distribution group
   * (`arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>`).
   *
   * @attribute
   */
  readonly trafficDistributionGroupArn: string;

  /**
   * The id of the traffic distribution group.
   *
   * @attribute
   */
  readonly trafficDistributionGroupId: string;

  /**
   * The ARN of the instance the traffic distribution group belongs to.
   *
   * A traffic distribution group's ARN does not name its instance, so this is unknown for a group imported by
   * its ARN alone.
   *
   * @default - unknown (imported with `fromTrafficDistributionGroupArn`)
   */
  readonly instanceArn?: string;

  /**
   * Sets how the group spreads calls, agents and agent sign-in over the two Regions of its replicated instance
   * (`UpdateTrafficDistribution`). A group takes one distribution. Deleting it hands the traffic back to the group's
   * own Region.
   *
   * @returns the distribution
   */
  distributeTraffic(options: TrafficDistributionOptions): TrafficDistribution;

  /**
   * Adds a user (agent) to the group, so that the agent can sign in to both Regions and moves with the group's
   * agent distribution. The user must be in the group's instance, and is added once.
   *
   * @returns the association of the user with the group
   */
  addUser(user: IUser): TrafficDistributionGroupUser;
}

abstract class TrafficDistributionGroupBase extends Resource implements ITrafficDistributionGroup {
  public abstract readonly trafficDistributionGroupArn: string;
  public abstract readonly trafficDistributionGroupId: string;
  public abstract readonly instanceArn?: string;

  public get trafficDistributionGroupRef(): connectRefs.TrafficDistributionGroupReference {
    return { trafficDistributionGroupArn: this.trafficDistributionGroupArn };
  }

  public distributeTraffic(options: TrafficDistributionOptions): TrafficDistribution {
    if (this.node.tryFindChild('TrafficDistribution')) {
      fail(this, 'a traffic distribution group takes one traffic distribution, and distributeTraffic was called twice');
    }
    return new TrafficDistribution(this, 'TrafficDistribution', { ...options, trafficDistributionGroup: this });
  }

  public addUser(user: IUser): TrafficDistributionGroupUser {
    const id = `User${Names.nodeUniqueId(user.node)}`;
    if (this.node.tryFindChild(id)) {
      fail(this, `user ${user.node.path} is already a user of this traffic distribution group`);
    }
    return new TrafficDistributionGroupUser(this, id, { trafficDistributionGroup: this, user });
  }
}

/**
 * Attributes of a traffic distribution group to import.
 */
export interface TrafficDistributionGroupAttributes {
  /**
   * The ARN of the traffic distribution group
   * (`arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>`).
   */
  readonly trafficDistributionGroupArn: string;

  /**
   * The instance the traffic distribution group belongs to.
   *
   * @default - unknown
   */
  readonly instance?: IInstance;
}

/**
 * Properties of a traffic distribution group.
 */
export interface TrafficDistributionGroupProps {
  /**
   * The instance the traffic distribution group belongs to. The instance must be replicated to another Region
   * (Amazon Connect Global Resiliency); Amazon Connect checks that at deploy time.
   */
  readonly instance: IInstance;

  /**
   * The name of the traffic distribution group (1 to 128 characters, no leading or trailing whitespace).
   * Changing it replaces the group.
   *
   * @default - a name generated from the construct path
   */
  readonly trafficDistributionGroupName?: string;

  /**
   * A description of the traffic distribution group (1 to 250 characters, no leading or trailing whitespace).
   * Changing it replaces the group.
   *
   * @default - no description
   */
  readonly description?: string;
}

const TRAFFIC_DISTRIBUTION_GROUP_ARN =
  /^arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:\d{12}:traffic-distribution-group\/([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})$/;
/** Text that does not start or end with whitespace and has no line breaks. */
const TRIMMED = /^\S(.*\S)?$/;

/**
 * A traffic distribution group of an Amazon Connect instance replicated to a second Region (Amazon Connect
 * Global Resiliency): phone numbers claimed to it (`PhoneNumberTarget.trafficDistributionGroup(group)`) take
 * calls in both Regions, and the group decides how traffic is split between them (`distributeTraffic`). Agents
 * added to the group (`addUser`) can sign in to both Regions and move with its agent distribution.
 *
 * ```ts
 * const group = new TrafficDistributionGroup(this, 'Resilient', {
 *   instance,
 *   trafficDistributionGroupName: 'resilient-numbers',
 * });
 * new PhoneNumber(this, 'ResilientNumber', {
 *   target: PhoneNumberTarget.trafficDistributionGroup(group),
 *   countryCode: 'US',
 *   type: PhoneNumberType.DID,
 * });
 * group.addUser(agent);
 * group.distributeTraffic({
 *   telephony: [{ region: 'us-east-1', percentage: 80 }, { region: 'us-west-2', percentage: 20 }],
 * });
 * ```
 *
 * @resource AWS::Connect::TrafficDistributionGroup
 */
export class TrafficDistributionGroup extends TrafficDistributionGroupBase {
  /**
   * Imports a traffic distribution group by its ARN
   * (`arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>`). Its instance is unknown; use
   * `fromTrafficDistributionGroupAttributes` to give it.
   */
  public static fromTrafficDistributionGroupArn(scope: Construct, id: string, trafficDistributionGroupArn: string): ITrafficDistributionGroup {
    return TrafficDistributionGroup.fromTrafficDistributionGroupAttributes(scope, id, { trafficDistributionGroupArn });
  }

  /**
   * Imports a traffic distribution group by its ARN and, optionally, its instance.
   */
  public static fromTrafficDistributionGroupAttributes(scope: Construct, id: string,
    attrs: TrafficDistributionGroupAttributes): ITrafficDistributionGroup {
    class Import extends TrafficDistributionGroupBase {
      public readonly trafficDistributionGroupArn = attrs.trafficDistributionGroupArn;
      public readonly trafficDistributionGroupId: string;
      public readonly instanceArn = attrs.instance?.instanceArn;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(attrs.trafficDistributionGroupArn) });
        this.trafficDistributionGroupId = parseTrafficDistributionGroupArn(this, attrs.trafficDistributionGroupArn);
      }
    }
    return new Import();
  }

  /**
   * The ARN of the traffic distribution group.
   *
   * @attribute
   */
  public readonly trafficDistributionGroupArn: string;

  /**
   * The id of the traffic distribution group.
   *
   * @attribute
   */
  public readonly trafficDistributionGroupId: string;

  /**
   * The ARN of the instance the traffic distribution group belongs to (always known for a group defined in the
   * app).
   */
  public readonly instanceArn?: string;

  /**
   * The name of the traffic distribution group.
   */
  public readonly trafficDistributionGroupName: string;

  /**
   * The status of the traffic distribution group, such as `ACTIVE` or `CREATION_IN_PROGRESS`.
   *
   * @attribute
   */
  public readonly status: string;

  /**
   * Whether this is the default traffic distribution group that Amazon Connect created when the instance was
   * replicated (a boolean known at deploy time).
   *
   * @attribute
   */
  public readonly isDefault: IResolvable;

  constructor(scope: Construct, id: string, props: TrafficDistributionGroupProps) {
    super(scope, id);

    const name = props.trafficDistributionGroupName ?? Names.uniqueResourceName(this, { maxLength: 128 });
    validateLength(this, 'traffic distribution group name', name, 1, 128);
    validatePattern(this, 'traffic distribution group name', name, TRIMMED, 'text without leading or trailing whitespace or line breaks');
    validateLength(this, 'description', props.description, 1, 250);
    validatePattern(this, 'description', props.description, TRIMMED, 'text without leading or trailing whitespace or line breaks');

    const resource = new CfnTrafficDistributionGroup(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
    });
    fixLogicalIdAtSynthesis(resource);

    this.trafficDistributionGroupArn = resource.attrTrafficDistributionGroupArn;
    this.trafficDistributionGroupId = parseTrafficDistributionGroupArn(this, this.trafficDistributionGroupArn);
    this.instanceArn = props.instance.instanceArn;
    this.trafficDistributionGroupName = name;
    this.status = resource.attrStatus;
    this.isDefault = resource.attrIsDefault;
  }
}

/** The id of a traffic distribution group from its ARN (token-safe), checking the form of concrete ARNs. */
function parseTrafficDistributionGroupArn(scope: IConstruct, arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Fn.select(1, Fn.split('/', arn));
  }
  const match = TRAFFIC_DISTRIBUTION_GROUP_ARN.exec(arn);
  if (!match) {
    fail(scope, 'traffic distribution group ARN must look like '
      + `arn:aws:connect:<region>:<account>:traffic-distribution-group/<uuid>, got '${arn}'`);
  }
  return match[1];
}
