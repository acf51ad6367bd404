import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect quick connect, defined in this app or imported.
 */
export interface IQuickConnect extends IResource, connectRefs.IQuickConnectRef {
  /**
   * The ARN of the quick connect.
   *
   * @attribute
   */
  readonly quickConnectArn: string;

  /**
   * The id of the quick connect.
   *
   * @attribute
   */
  readonly quickConnectId: string;

  /**
   * The ARN of the instance the quick connect belongs to.
   */
  readonly instanceArn: string;
}

abstract class QuickConnectBase extends Resource implements IQuickConnect {
  public abstract readonly quickConnectArn: string;
  public abstract readonly quickConnectId: string;
  public abstract readonly instanceArn: string;

  public get quickConnectRef(): connectRefs.QuickConnectReference {
    return { quickConnectArn: this.quickConnectArn };
  }
}

/**
 * A Amazon Connect quick connect.
 *
 * @resource AWS::Connect::QuickConnect
 */
export class QuickConnect extends QuickConnectBase {
  /**
   * Imports a quick connect by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/transfer-destination/<id>`).
   */
  public static fromQuickConnectArn(scope: Construct, id: string, quickConnectArn: string): IQuickConnect {
    class Import extends QuickConnectBase {
      public readonly quickConnectArn = quickConnectArn;
      public readonly quickConnectId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: quickConnectArn });
        const parts = parseInstanceResourceArn(this, quickConnectArn, 'transfer-destination', 'quick connect');
        this.quickConnectId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly quickConnectArn!: string;
  public readonly quickConnectId!: string;
  public readonly instanceArn!: string;
}
