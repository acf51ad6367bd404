import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect flow, defined in this app or imported.
 */
export interface IContactFlow extends IResource, connectRefs.IContactFlowRef {
  /**
   * The ARN of the flow.
   *
   * @attribute
   */
  readonly contactFlowArn: string;

  /**
   * The id of the flow.
   *
   * @attribute
   */
  readonly contactFlowId: string;

  /**
   * The ARN of the instance the flow belongs to.
   */
  readonly instanceArn: string;
}

abstract class ContactFlowBase extends Resource implements IContactFlow {
  public abstract readonly contactFlowArn: string;
  public abstract readonly contactFlowId: string;
  public abstract readonly instanceArn: string;

  public get contactFlowRef(): connectRefs.ContactFlowReference {
    return { contactFlowArn: this.contactFlowArn };
  }
}

/**
 * A Amazon Connect flow.
 *
 * @resource AWS::Connect::ContactFlow
 */
export class ContactFlow extends ContactFlowBase {
  /**
   * Imports a flow by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/contact-flow/<id>`).
   */
  public static fromContactFlowArn(scope: Construct, id: string, contactFlowArn: string): IContactFlow {
    class Import extends ContactFlowBase {
      public readonly contactFlowArn = contactFlowArn;
      public readonly contactFlowId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: contactFlowArn });
        const parts = parseInstanceResourceArn(this, contactFlowArn, 'contact-flow', 'flow');
        this.contactFlowId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly contactFlowArn!: string;
  public readonly contactFlowId!: string;
  public readonly instanceArn!: string;
}
