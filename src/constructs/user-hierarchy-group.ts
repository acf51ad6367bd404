import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect user hierarchy group, defined in this app or imported.
 */
export interface IUserHierarchyGroup extends IResource, connectRefs.IUserHierarchyGroupRef {
  /**
   * The ARN of the user hierarchy group.
   *
   * @attribute
   */
  readonly userHierarchyGroupArn: string;

  /**
   * The id of the user hierarchy group.
   *
   * @attribute
   */
  readonly userHierarchyGroupId: string;

  /**
   * The ARN of the instance the user hierarchy group belongs to.
   */
  readonly instanceArn: string;
}

abstract class UserHierarchyGroupBase extends Resource implements IUserHierarchyGroup {
  public abstract readonly userHierarchyGroupArn: string;
  public abstract readonly userHierarchyGroupId: string;
  public abstract readonly instanceArn: string;

  public get userHierarchyGroupRef(): connectRefs.UserHierarchyGroupReference {
    return { userHierarchyGroupArn: this.userHierarchyGroupArn };
  }
}

/**
 * An Amazon Connect user hierarchy group.
 *
 * @resource AWS::Connect::UserHierarchyGroup
 */
export class UserHierarchyGroup extends UserHierarchyGroupBase {
  /**
   * Imports an user hierarchy group by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/agent-group/<id>`).
   */
  public static fromUserHierarchyGroupArn(scope: Construct, id: string, userHierarchyGroupArn: string): IUserHierarchyGroup {
    class Import extends UserHierarchyGroupBase {
      public readonly userHierarchyGroupArn = userHierarchyGroupArn;
      public readonly userHierarchyGroupId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: userHierarchyGroupArn });
        const parts = parseInstanceResourceArn(this, userHierarchyGroupArn, 'agent-group', 'user hierarchy group');
        this.userHierarchyGroupId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly userHierarchyGroupArn!: string;
  public readonly userHierarchyGroupId!: string;
  public readonly instanceArn!: string;
}
