import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';

/**
 * An Amazon Connect phone number, claimed in this app or imported.
 */
export interface IPhoneNumber extends IResource, connectRefs.IPhoneNumberRef {
  /**
   * The ARN of the phone number (`arn:aws:connect:<region>:<account>:phone-number/<id>`).
   *
   * @attribute
   */
  readonly phoneNumberArn: string;

  /**
   * The id of the phone number.
   *
   * @attribute
   */
  readonly phoneNumberId: string;
}

abstract class PhoneNumberBase extends Resource implements IPhoneNumber {
  public abstract readonly phoneNumberArn: string;
  public abstract readonly phoneNumberId: string;

  public get phoneNumberRef(): connectRefs.PhoneNumberReference {
    return { phoneNumberArn: this.phoneNumberArn };
  }
}

/**
 * A phone number claimed for an Amazon Connect instance or traffic distribution group.
 *
 * @resource AWS::Connect::PhoneNumber
 */
export class PhoneNumber extends PhoneNumberBase {
  // SKELETON: fromPhoneNumberArn, props, constructor, validation to be written
  public readonly phoneNumberArn!: string;
  public readonly phoneNumberId!: string;
}
