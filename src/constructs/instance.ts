import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceArn } from '../private/arn';

/**
 * An Amazon Connect instance, defined in this app or imported.
 */
export interface IInstance extends IResource, connectRefs.IInstanceRef {
  /**
   * The ARN of the instance (`arn:aws:connect:<region>:<account>:instance/<instance-id>`).
   *
   * @attribute
   */
  readonly instanceArn: string;

  /**
   * The id of the instance.
   *
   * @attribute
   */
  readonly instanceId: string;
}

abstract class InstanceBase extends Resource implements IInstance {
  public abstract readonly instanceArn: string;
  public abstract readonly instanceId: string;

  public get instanceRef(): connectRefs.InstanceReference {
    return { instanceArn: this.instanceArn };
  }
}

/**
 * An Amazon Connect instance.
 *
 * @resource AWS::Connect::Instance
 */
export class Instance extends InstanceBase {
  /**
   * Imports an instance by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>`).
   */
  public static fromInstanceArn(scope: Construct, id: string, instanceArn: string): IInstance {
    class Import extends InstanceBase {
      public readonly instanceArn = instanceArn;
      public readonly instanceId: string;

      constructor() {
        super(scope, id, { environmentFromArn: instanceArn });
        this.instanceId = parseInstanceArn(this, instanceArn);
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation, storage configs, associations, grants, metrics to be written
  public readonly instanceArn!: string;
  public readonly instanceId!: string;
}
