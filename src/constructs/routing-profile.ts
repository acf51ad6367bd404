import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect routing profile, defined in this app or imported.
 */
export interface IRoutingProfile extends IResource, connectRefs.IRoutingProfileRef {
  /**
   * The ARN of the routing profile.
   *
   * @attribute
   */
  readonly routingProfileArn: string;

  /**
   * The id of the routing profile.
   *
   * @attribute
   */
  readonly routingProfileId: string;

  /**
   * The ARN of the instance the routing profile belongs to.
   */
  readonly instanceArn: string;
}

abstract class RoutingProfileBase extends Resource implements IRoutingProfile {
  public abstract readonly routingProfileArn: string;
  public abstract readonly routingProfileId: string;
  public abstract readonly instanceArn: string;

  public get routingProfileRef(): connectRefs.RoutingProfileReference {
    return { routingProfileArn: this.routingProfileArn };
  }
}

/**
 * A Amazon Connect routing profile.
 *
 * @resource AWS::Connect::RoutingProfile
 */
export class RoutingProfile extends RoutingProfileBase {
  /**
   * Imports a routing profile by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/routing-profile/<id>`).
   */
  public static fromRoutingProfileArn(scope: Construct, id: string, routingProfileArn: string): IRoutingProfile {
    class Import extends RoutingProfileBase {
      public readonly routingProfileArn = routingProfileArn;
      public readonly routingProfileId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: routingProfileArn });
        const parts = parseInstanceResourceArn(this, routingProfileArn, 'routing-profile', 'routing profile');
        this.routingProfileId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly routingProfileArn!: string;
  public readonly routingProfileId!: string;
  public readonly instanceArn!: string;
}
