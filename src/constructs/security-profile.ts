import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect security profile, defined in this app or imported.
 */
export interface ISecurityProfile extends IResource, connectRefs.ISecurityProfileRef {
  /**
   * The ARN of the security profile.
   *
   * @attribute
   */
  readonly securityProfileArn: string;

  /**
   * The id of the security profile.
   *
   * @attribute
   */
  readonly securityProfileId: string;

  /**
   * The ARN of the instance the security profile belongs to.
   */
  readonly instanceArn: string;
}

abstract class SecurityProfileBase extends Resource implements ISecurityProfile {
  public abstract readonly securityProfileArn: string;
  public abstract readonly securityProfileId: string;
  public abstract readonly instanceArn: string;

  public get securityProfileRef(): connectRefs.SecurityProfileReference {
    return { securityProfileArn: this.securityProfileArn };
  }
}

/**
 * A Amazon Connect security profile.
 *
 * @resource AWS::Connect::SecurityProfile
 */
export class SecurityProfile extends SecurityProfileBase {
  /**
   * Imports a security profile by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/security-profile/<id>`).
   */
  public static fromSecurityProfileArn(scope: Construct, id: string, securityProfileArn: string): ISecurityProfile {
    class Import extends SecurityProfileBase {
      public readonly securityProfileArn = securityProfileArn;
      public readonly securityProfileId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: securityProfileArn });
        const parts = parseInstanceResourceArn(this, securityProfileArn, 'security-profile', 'security profile');
        this.securityProfileId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly securityProfileArn!: string;
  public readonly securityProfileId!: string;
  public readonly instanceArn!: string;
}
