import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect user, defined in this app or imported.
 */
export interface IUser extends IResource, connectRefs.IUserRef {
  /**
   * The ARN of the user.
   *
   * @attribute
   */
  readonly userArn: string;

  /**
   * The id of the user.
   *
   * @attribute
   */
  readonly userId: string;

  /**
   * The ARN of the instance the user belongs to.
   */
  readonly instanceArn: string;
}

abstract class UserBase extends Resource implements IUser {
  public abstract readonly userArn: string;
  public abstract readonly userId: string;
  public abstract readonly instanceArn: string;

  public get userRef(): connectRefs.UserReference {
    return { userArn: this.userArn };
  }
}

/**
 * An Amazon Connect user.
 *
 * @resource AWS::Connect::User
 */
export class User extends UserBase {
  /**
   * Imports an user by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/agent/<id>`).
   */
  public static fromUserArn(scope: Construct, id: string, userArn: string): IUser {
    class Import extends UserBase {
      public readonly userArn = userArn;
      public readonly userId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: userArn });
        const parts = parseInstanceResourceArn(this, userArn, 'agent', 'user');
        this.userId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly userArn!: string;
  public readonly userId!: string;
  public readonly instanceArn!: string;
}
