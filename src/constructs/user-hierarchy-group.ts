import { IResource, Resource } from 'aws-cdk-lib';
import { CfnUserHierarchyGroup } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { IUserHierarchyStructure, UserHierarchyStructure } from './user-hierarchy-structure';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { sameInstanceError } from '../private/references';
import { fail, validateLength } from '../private/validation';

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
 * Properties of a user hierarchy group.
 */
export interface UserHierarchyGroupProps {
  /**
   * The instance the group belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the group. 1 to 100 characters.
   */
  readonly userHierarchyGroupName: string;

  /**
   * The parent group. The group is one level below its parent; a group without a parent is at level one.
   *
   * A hierarchy has at most five levels, so a group whose parent is at level five is rejected when the
   * parent's level is known (the parent is a `UserHierarchyGroup` defined in this app).
   *
   * @default - the group is at level one
   */
  readonly parent?: IUserHierarchyGroup;

  /**
   * The hierarchy structure of the instance. The level the group is at must exist in the structure before
   * the group is created. When given, the group is created after the structure and, if the structure is
   * defined in this app, its level is checked against the structure's levels.
   *
   * @default - the parent's structure when the parent is a `UserHierarchyGroup` with one, otherwise none:
   * the structure must already define the group's level when the group is deployed
   */
  readonly structure?: IUserHierarchyStructure;
}

/** The number of levels a user hierarchy can have. */
const MAX_LEVELS = 5;

/**
 * An Amazon Connect user hierarchy group: a node of the agent hierarchy (a region, a site, a team, ...).
 *
 * Groups sit at the levels that the instance's hierarchy structure defines (`UserHierarchyStructure`); the
 * structure must define the group's level before the group is created. Tags are set with `Tags.of(...)`.
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
        super(scope, id, { environmentFromArn: importEnvironmentArn(userHierarchyGroupArn) });
        const parts = parseInstanceResourceArn(this, userHierarchyGroupArn, 'agent-group', 'user hierarchy group');
        this.userHierarchyGroupId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the user hierarchy group.
   *
   * @attribute
   */
  public readonly userHierarchyGroupArn: string;

  /**
   * The id of the user hierarchy group.
   *
   * @attribute
   */
  public get userHierarchyGroupId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._userHierarchyGroupId ?? (this._userHierarchyGroupId = resourceIdOfArn(this, this.userHierarchyGroupArn, 'agent-group', 'user hierarchy group'));
  }

  private _userHierarchyGroupId?: string;

  /**
   * The ARN of the instance the user hierarchy group belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the group.
   */
  public readonly userHierarchyGroupName: string;

  /**
   * The level of the group in the hierarchy (1 to 5), when it is known: it is known for groups without a
   * parent and for groups whose parent is a `UserHierarchyGroup` with a known level.
   */
  public readonly level?: number;

  /**
   * The hierarchy structure the group was given or inherited from its parent, if any.
   */
  public readonly structure?: IUserHierarchyStructure;

  constructor(scope: Construct, id: string, props: UserHierarchyGroupProps) {
    super(scope, id);

    validateLength(this, 'name', props.userHierarchyGroupName, 1, 100);

    const parent = props.parent;
    const parentGroup = parent instanceof UserHierarchyGroup ? parent : undefined;
    if (parent === undefined) {
      this.level = 1;
    } else if (parentGroup?.level !== undefined) {
      this.level = parentGroup.level + 1;
    }
    if (this.level !== undefined && this.level > MAX_LEVELS) {
      fail(this, `a user hierarchy has at most ${MAX_LEVELS} levels, this group would be at level ${this.level} below '${parentGroup?.userHierarchyGroupName}'`);
    }

    this.structure = props.structure ?? parentGroup?.structure;
    if (this.level !== undefined && this.structure instanceof UserHierarchyStructure && this.level > this.structure.levelCount) {
      fail(this, `the hierarchy structure defines ${this.structure.levelCount} level(s), this group would be at level ${this.level}`);
    }

    const instanceArn = props.instance.instanceArn;
    const mismatch = (parent && sameInstanceError('parent group', instanceArn, parent.instanceArn))
      ?? (props.structure && sameInstanceError('structure', instanceArn, props.structure.instanceArn));
    if (mismatch) {
      fail(this, mismatch);
    }

    const resource = new CfnUserHierarchyGroup(this, 'Resource', {
      instanceArn,
      name: props.userHierarchyGroupName,
      parentGroupArn: parent?.userHierarchyGroupArn,
    });
    fixLogicalIdAtSynthesis(resource);
    if (this.structure) {
      resource.node.addDependency(this.structure);
    }

    this.userHierarchyGroupName = props.userHierarchyGroupName;
    this.instanceArn = instanceArn;
    this.userHierarchyGroupArn = resource.attrUserHierarchyGroupArn;
  }
}
