import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect hours of operation, defined in this app or imported.
 */
export interface IHoursOfOperation extends IResource, connectRefs.IHoursOfOperationRef {
  /**
   * The ARN of the hours of operation.
   *
   * @attribute
   */
  readonly hoursOfOperationArn: string;

  /**
   * The id of the hours of operation.
   *
   * @attribute
   */
  readonly hoursOfOperationId: string;

  /**
   * The ARN of the instance the hours of operation belongs to.
   */
  readonly instanceArn: string;
}

abstract class HoursOfOperationBase extends Resource implements IHoursOfOperation {
  public abstract readonly hoursOfOperationArn: string;
  public abstract readonly hoursOfOperationId: string;
  public abstract readonly instanceArn: string;

  public get hoursOfOperationRef(): connectRefs.HoursOfOperationReference {
    return { hoursOfOperationArn: this.hoursOfOperationArn };
  }
}

/**
 * An Amazon Connect hours of operation.
 *
 * @resource AWS::Connect::HoursOfOperation
 */
export class HoursOfOperation extends HoursOfOperationBase {
  /**
   * Imports an hours of operation by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/operating-hours/<id>`).
   */
  public static fromHoursOfOperationArn(scope: Construct, id: string, hoursOfOperationArn: string): IHoursOfOperation {
    class Import extends HoursOfOperationBase {
      public readonly hoursOfOperationArn = hoursOfOperationArn;
      public readonly hoursOfOperationId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: hoursOfOperationArn });
        const parts = parseInstanceResourceArn(this, hoursOfOperationArn, 'operating-hours', 'hours of operation');
        this.hoursOfOperationId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly hoursOfOperationArn!: string;
  public readonly hoursOfOperationId!: string;
  public readonly instanceArn!: string;
}
