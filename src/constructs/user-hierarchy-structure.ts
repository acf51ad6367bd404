import { IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnUserHierarchyStructure } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, instanceArnOfToken } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength } from '../private/validation';

/**
 * The user hierarchy structure of an Amazon Connect instance, defined in this app or imported.
 */
export interface IUserHierarchyStructure extends IResource, connectRefs.IUserHierarchyStructureRef {
  /**
   * The ARN of the user hierarchy structure
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/user-hierarchy-structure`).
   *
   * @attribute
   */
  readonly userHierarchyStructureArn: string;

  /**
   * The ARN of the instance the user hierarchy structure belongs to.
   */
  readonly instanceArn: string;
}

abstract class UserHierarchyStructureBase extends Resource implements IUserHierarchyStructure {
  public abstract readonly userHierarchyStructureArn: string;
  public abstract readonly instanceArn: string;

  public get userHierarchyStructureRef(): connectRefs.UserHierarchyStructureReference {
    return { userHierarchyStructureArn: this.userHierarchyStructureArn };
  }
}

/**
 * Properties of a user hierarchy structure.
 *
 * The levels must be contiguous: level two needs level one, level three needs level two, and so on.
 */
export interface UserHierarchyStructureProps {
  /**
   * The instance whose hierarchy structure this is. An instance has exactly one structure.
   */
  readonly instance: IInstance;

  /**
   * The name of level one, the top of the hierarchy (for example `Region`). 1 to 50 characters.
   */
  readonly levelOne: string;

  /**
   * The name of level two (for example `Site`). 1 to 50 characters.
   *
   * @default - the hierarchy has one level
   */
  readonly levelTwo?: string;

  /**
   * The name of level three (for example `Department`). 1 to 50 characters. Requires `levelTwo`.
   *
   * @default - the hierarchy has at most two levels
   */
  readonly levelThree?: string;

  /**
   * The name of level four (for example `Team`). 1 to 50 characters. Requires `levelThree`.
   *
   * @default - the hierarchy has at most three levels
   */
  readonly levelFour?: string;

  /**
   * The name of level five, the bottom of the hierarchy. 1 to 50 characters. Requires `levelFour`.
   *
   * @default - the hierarchy has at most four levels
   */
  readonly levelFive?: string;
}

/** The ARN of a structure: `<instance ARN>/user-hierarchy-structure`. */
const STRUCTURE_ARN = /^(arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[-a-zA-Z0-9]+)\/user-hierarchy-structure$/;

const LEVEL_PROPS: ReadonlyArray<keyof UserHierarchyStructureProps> = ['levelOne', 'levelTwo', 'levelThree', 'levelFour', 'levelFive'];

/**
 * The user hierarchy structure of an Amazon Connect instance: the names of up to five levels (for example
 * Region, Site, Department, Team) that user hierarchy groups are organized in.
 *
 * An instance has exactly one hierarchy structure, so define at most one per instance. Create the structure
 * before the groups that use it: pass it as `structure` to `UserHierarchyGroup` and the groups depend on it.
 * Levels can only be removed from the bottom and only when no group uses them.
 *
 * @resource AWS::Connect::UserHierarchyStructure
 */
export class UserHierarchyStructure extends UserHierarchyStructureBase {
  /**
   * Imports a user hierarchy structure by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/user-hierarchy-structure`).
   */
  public static fromUserHierarchyStructureArn(scope: Construct, id: string, userHierarchyStructureArn: string): IUserHierarchyStructure {
    class Import extends UserHierarchyStructureBase {
      public readonly userHierarchyStructureArn = userHierarchyStructureArn;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(userHierarchyStructureArn) });
        if (Token.isUnresolved(userHierarchyStructureArn)) {
          this.instanceArn = instanceArnOfToken(userHierarchyStructureArn);
        } else {
          const match = STRUCTURE_ARN.exec(userHierarchyStructureArn);
          if (!match) {
            fail(this, 'user hierarchy structure ARN must look like arn:aws:connect:<region>:<account>:instance/<instance-id>/user-hierarchy-structure, '
              + `got '${userHierarchyStructureArn}'`);
          }
          this.instanceArn = match[1];
        }
      }
    }
    return new Import();
  }

  /**
   * The ARN of the user hierarchy structure.
   *
   * @attribute
   */
  public readonly userHierarchyStructureArn: string;

  /**
   * The ARN of the instance the user hierarchy structure belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The number of levels the structure defines (1 to 5).
   */
  public readonly levelCount: number;

  /**
   * The level names, from level one down.
   */
  public readonly levelNames: string[];

  constructor(scope: Construct, id: string, props: UserHierarchyStructureProps) {
    super(scope, id);

    const names: string[] = [];
    let missing: string | undefined;
    for (const prop of LEVEL_PROPS) {
      const name = props[prop] as string | undefined;
      if (name === undefined) {
        missing = missing ?? prop;
        continue;
      }
      if (missing !== undefined) {
        fail(this, `${prop} requires ${missing}, levels must be contiguous from level one`);
      }
      validateLength(this, `${prop} name`, name, 1, 50);
      names.push(name);
    }
    this.levelNames = names;
    this.levelCount = names.length;

    const level = (index: number): CfnUserHierarchyStructure.LevelOneProperty | undefined =>
      index < names.length ? { name: names[index] } : undefined;

    const resource = new CfnUserHierarchyStructure(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      userHierarchyStructure: {
        levelOne: level(0),
        levelTwo: level(1),
        levelThree: level(2),
        levelFour: level(3),
        levelFive: level(4),
      },
    });
    fixLogicalIdAtSynthesis(resource);

    this.userHierarchyStructureArn = resource.attrUserHierarchyStructureArn;
    this.instanceArn = props.instance.instanceArn;
  }
}
