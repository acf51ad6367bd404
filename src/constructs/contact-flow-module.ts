import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect flow module, defined in this app or imported.
 */
export interface IContactFlowModule extends IResource, connectRefs.IContactFlowModuleRef {
  /**
   * The ARN of the flow module.
   *
   * @attribute
   */
  readonly contactFlowModuleArn: string;

  /**
   * The id of the flow module.
   *
   * @attribute
   */
  readonly contactFlowModuleId: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  readonly instanceArn: string;
}

abstract class ContactFlowModuleBase extends Resource implements IContactFlowModule {
  public abstract readonly contactFlowModuleArn: string;
  public abstract readonly contactFlowModuleId: string;
  public abstract readonly instanceArn: string;

  public get contactFlowModuleRef(): connectRefs.ContactFlowModuleReference {
    return { contactFlowModuleArn: this.contactFlowModuleArn };
  }
}

/**
 * A Amazon Connect flow module.
 *
 * @resource AWS::Connect::ContactFlowModule
 */
export class ContactFlowModule extends ContactFlowModuleBase {
  /**
   * Imports a flow module by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/flow-module/<id>`).
   */
  public static fromContactFlowModuleArn(scope: Construct, id: string, contactFlowModuleArn: string): IContactFlowModule {
    class Import extends ContactFlowModuleBase {
      public readonly contactFlowModuleArn = contactFlowModuleArn;
      public readonly contactFlowModuleId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: contactFlowModuleArn });
        const parts = parseInstanceResourceArn(this, contactFlowModuleArn, 'flow-module', 'flow module');
        this.contactFlowModuleId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly contactFlowModuleArn!: string;
  public readonly contactFlowModuleId!: string;
  public readonly instanceArn!: string;
}
