import { IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnContactFlowModule } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { FlowContent } from './flow-content';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { fail, validateLength, validatePattern } from '../private/validation';

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

/**
 * Whether a flow module can be used.
 */
export enum ContactFlowModuleState {
  /** The module can be used. */
  ACTIVE = 'ACTIVE',
  /** The module is archived: it stays in the instance but cannot be used. */
  ARCHIVED = 'ARCHIVED',
}

/**
 * Properties of a flow module.
 */
export interface ContactFlowModuleProps {
  /**
   * The instance the flow module belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the flow module (1 to 127 characters, not only white space).
   */
  readonly contactFlowModuleName: string;

  /**
   * The content of the flow module, in the Amazon Connect flow language, with `${Name}` placeholders filled
   * from references.
   */
  readonly content: FlowContent;

  /**
   * A description of the flow module (1 to 500 characters, not only white space).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether the flow module can be used.
   *
   * @default ContactFlowModuleState.ACTIVE
   */
  readonly state?: ContactFlowModuleState;

  /**
   * The settings of the module, as a JSON string: the input and output parameters and the branches
   * (results) that flows see when they invoke it. Checked to be valid JSON unless it is a token.
   *
   * @default - no settings: the module takes no input and has no custom branches
   */
  readonly settings?: string;

  /**
   * Whether the module can be invoked from outside flows (for example by AI agents) as well as by flows.
   *
   * @default - not configured (external invocation disabled)
   */
  readonly externalInvocationEnabled?: boolean;
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
 * An Amazon Connect flow module: a reusable section of a flow that inbound flows invoke with the
 * `InvokeFlowModule` action (use `FlowReference.flowModule(...)` in their content).
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
        super(scope, id, { environmentFromArn: importEnvironmentArn(contactFlowModuleArn) });
        const parts = parseInstanceResourceArn(this, contactFlowModuleArn, 'flow-module', 'flow module');
        this.contactFlowModuleId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the flow module.
   *
   * @attribute
   */
  public readonly contactFlowModuleArn: string;

  /**
   * The id of the flow module.
   *
   * @attribute
   */
  public readonly contactFlowModuleId: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the flow module.
   */
  public readonly contactFlowModuleName: string;

  /**
   * The status of the flow module (`PUBLISHED` or `SAVED`), known at deploy time.
   *
   * @attribute Status
   */
  public readonly contactFlowModuleStatus: string;

  constructor(scope: Construct, id: string, props: ContactFlowModuleProps) {
    super(scope, id);

    validateLength(this, 'name', props.contactFlowModuleName, 1, 127);
    validatePattern(this, 'name', props.contactFlowModuleName, /\S/, 'more than white space');
    validateLength(this, 'description', props.description, 1, 500);
    validatePattern(this, 'description', props.description, /\S/, 'more than white space');
    if (props.settings !== undefined && !Token.isUnresolved(props.settings)) {
      try {
        JSON.parse(props.settings);
      } catch (e) {
        fail(this, `settings must be a JSON string, got invalid JSON: ${(e as Error).message}`);
      }
    }

    const content = props.content.bind(this, props.instance);

    const resource = new CfnContactFlowModule(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name: props.contactFlowModuleName,
      description: props.description,
      state: props.state ?? ContactFlowModuleState.ACTIVE,
      content: content.content,
      settings: props.settings,
      externalInvocationConfiguration: props.externalInvocationEnabled === undefined
        ? undefined
        : { enabled: props.externalInvocationEnabled },
    });
    for (const dependency of content.dependencies ?? []) {
      resource.node.addDependency(dependency);
    }

    this.contactFlowModuleArn = resource.attrContactFlowModuleArn;
    this.contactFlowModuleId = parseInstanceResourceArn(this, this.contactFlowModuleArn, 'flow-module', 'flow module').resourceId;
    this.instanceArn = props.instance.instanceArn;
    this.contactFlowModuleName = props.contactFlowModuleName;
    this.contactFlowModuleStatus = resource.attrStatus;
  }
}
