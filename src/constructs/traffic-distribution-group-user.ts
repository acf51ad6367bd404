import { Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ITrafficDistributionGroup } from './traffic-distribution-group';
import { IUser } from './user';
import { connectResource } from '../custom-resources/resource';
import { parseInstanceArn } from '../private/arn';
import { sameInstanceError } from '../private/references';
import { dependOn, groupAttachments } from '../private/traffic-distribution-attachments';
import { fail } from '../private/validation';

/**
 * Properties of a traffic distribution group user.
 */
export interface TrafficDistributionGroupUserProps {
  /**
   * The traffic distribution group. Users are associated in the Region the group was created in, so the stack
   * must be in that Region.
   */
  readonly trafficDistributionGroup: ITrafficDistributionGroup;

  /**
   * The user (agent), in the instance of the group. A user is added to a group once.
   */
  readonly user: IUser;
}

/**
 * A user (agent) of a traffic distribution group (Amazon Connect Global Resiliency): an agent of the group can
 * sign in to, and take contacts in, both Regions of the replicated instance, and moves with the group's agent
 * distribution. CloudFormation has no resource for it; a custom resource calls
 * `AssociateTrafficDistributionGroupUser` (after the group is ACTIVE) and `DisassociateTrafficDistributionGroupUser`
 * on delete. A user who was already associated is taken over (and disassociated when this is deleted).
 *
 * Usually made with `group.addUser(user)`.
 */
export class TrafficDistributionGroupUser extends Construct {
  /**
   * The traffic distribution group.
   */
  public readonly trafficDistributionGroup: ITrafficDistributionGroup;

  /**
   * The user.
   */
  public readonly user: IUser;

  constructor(scope: Construct, id: string, props: TrafficDistributionGroupUserProps) {
    super(scope, id);
    const { trafficDistributionGroup: group, user } = props;
    this.trafficDistributionGroup = group;
    this.user = user;

    const attachments = groupAttachments(this, group.trafficDistributionGroupArn);
    const existing = attachments.users.get(user.userArn);
    if (existing) {
      fail(this, `user ${describe(user.userArn, user.node.path)} is already a user of traffic distribution group `
        + `${describe(group.trafficDistributionGroupArn, group.node.path)} (${existing.node.path})`);
    }
    const mismatch = group.instanceArn === undefined ? undefined : sameInstanceError('user', group.instanceArn, user.instanceArn);
    if (mismatch) {
      fail(this, mismatch);
    }
    const groupRegion = group.env.region;
    const stackRegion = Stack.of(this).region;
    if (!Token.isUnresolved(groupRegion) && !Token.isUnresolved(stackRegion) && groupRegion !== stackRegion) {
      fail(this, `users are added to a traffic distribution group in the Region it was created in (${groupRegion}), `
        + `but this stack is in ${stackRegion}`);
    }

    const resource = connectResource(this, 'Resource', {
      resourceType: 'Custom::ConnectTrafficDistributionGroupUser',
      properties: {
        TrafficDistributionGroupArn: group.trafficDistributionGroupArn,
        InstanceId: parseInstanceArn(this, user.instanceArn),
        UserId: user.userId,
      },
      permissions: [{
        actions: [
          'connect:DescribeTrafficDistributionGroup',
          'connect:ListTrafficDistributionGroupUsers',
          'connect:AssociateTrafficDistributionGroupUser',
          'connect:DisassociateTrafficDistributionGroupUser',
        ],
        resources: [group.trafficDistributionGroupArn, user.instanceArn, user.userArn],
      }, {
        // The record of which resource holds the user's association with the group, a tag on the user.
        actions: ['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource'],
        resources: [user.userArn],
      }],
    });

    attachments.users.set(user.userArn, resource);
    if (attachments.distribution) {
      // The distribution shifts agents that must be users of the group first.
      dependOn(attachments.distribution.node.defaultChild ?? attachments.distribution, resource);
    }
  }
}

function describe(arn: string, path: string): string {
  return Token.isUnresolved(arn) ? path : arn;
}
