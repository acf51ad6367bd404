import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect queue, defined in this app or imported.
 */
export interface IQueue extends IResource, connectRefs.IQueueRef {
  /**
   * The ARN of the queue.
   *
   * @attribute
   */
  readonly queueArn: string;

  /**
   * The id of the queue.
   *
   * @attribute
   */
  readonly queueId: string;

  /**
   * The ARN of the instance the queue belongs to.
   */
  readonly instanceArn: string;
}

abstract class QueueBase extends Resource implements IQueue {
  public abstract readonly queueArn: string;
  public abstract readonly queueId: string;
  public abstract readonly instanceArn: string;

  public get queueRef(): connectRefs.QueueReference {
    return { queueArn: this.queueArn };
  }
}

/**
 * A Amazon Connect queue.
 *
 * @resource AWS::Connect::Queue
 */
export class Queue extends QueueBase {
  /**
   * Imports a queue by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/queue/<id>`).
   */
  public static fromQueueArn(scope: Construct, id: string, queueArn: string): IQueue {
    class Import extends QueueBase {
      public readonly queueArn = queueArn;
      public readonly queueId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: queueArn });
        const parts = parseInstanceResourceArn(this, queueArn, 'queue', 'queue');
        this.queueId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly queueArn!: string;
  public readonly queueId!: string;
  public readonly instanceArn!: string;
}
