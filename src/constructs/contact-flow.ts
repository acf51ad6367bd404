import { Duration, IResource, Resource } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnContactFlow } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { FlowContent } from './flow-content';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { validateDescription, validateLength } from '../private/validation';

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

/**
 * The type of a flow, which decides where Amazon Connect can use it and which actions it may contain.
 *
 * @see https://docs.aws.amazon.com/connect/latest/adminguide/create-contact-flow.html#contact-flow-types
 */
export enum ContactFlowType {
  /** An inbound flow: the flow that runs when a contact arrives (on a phone number, chat or task). */
  CONTACT_FLOW = 'CONTACT_FLOW',
  /** What a customer experiences while waiting in a queue. */
  CUSTOMER_QUEUE = 'CUSTOMER_QUEUE',
  /** What a customer experiences while on hold. */
  CUSTOMER_HOLD = 'CUSTOMER_HOLD',
  /** What a customer hears just before being joined with an agent. */
  CUSTOMER_WHISPER = 'CUSTOMER_WHISPER',
  /** What an agent hears while a customer is on hold. */
  AGENT_HOLD = 'AGENT_HOLD',
  /** What an agent hears just before being joined with a customer. */
  AGENT_WHISPER = 'AGENT_WHISPER',
  /** What a customer hears in an outbound call before being joined with the agent. */
  OUTBOUND_WHISPER = 'OUTBOUND_WHISPER',
  /** A transfer to an agent (used by quick connects of type user). */
  AGENT_TRANSFER = 'AGENT_TRANSFER',
  /** A transfer to a queue (used by quick connects of type queue). */
  QUEUE_TRANSFER = 'QUEUE_TRANSFER',
  /** A flow for outbound campaigns. */
  CAMPAIGN = 'CAMPAIGN',
}

/**
 * Whether a flow can be used.
 */
export enum ContactFlowState {
  /** The flow can be used. */
  ACTIVE = 'ACTIVE',
  /** The flow is archived: it stays in the instance but cannot be used. */
  ARCHIVED = 'ARCHIVED',
}

/**
 * Properties of a flow.
 */
export interface ContactFlowProps {
  /**
   * The instance the flow belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the flow (1 to 127 characters).
   *
   * CloudWatch reports the flow's metrics under this name.
   */
  readonly contactFlowName: string;

  /**
   * The content of the flow, in the Amazon Connect flow language, with `${Name}` placeholders filled
   * from references.
   */
  readonly content: FlowContent;

  /**
   * The type of the flow. It cannot be changed after creation (a change replaces the flow).
   *
   * @default ContactFlowType.CONTACT_FLOW
   */
  readonly type?: ContactFlowType;

  /**
   * A description of the flow (1 to 500 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether the flow can be used.
   *
   * @default ContactFlowState.ACTIVE
   */
  readonly state?: ContactFlowState;
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
 * An Amazon Connect flow.
 *
 * ```ts
 * declare const instance: IInstance;
 * declare const queue: IQueue;
 * new ContactFlow(this, 'Inbound', {
 *   instance,
 *   contactFlowName: 'Inbound',
 *   content: FlowContent.fromFile('flows/inbound.json', {
 *     references: [FlowReference.queue('SupportQueue', queue)],
 *   }),
 * });
 * ```
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
        super(scope, id, { environmentFromArn: importEnvironmentArn(contactFlowArn) });
        const parts = parseInstanceResourceArn(this, contactFlowArn, 'contact-flow', 'flow');
        this.contactFlowId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the flow.
   *
   * @attribute
   */
  public readonly contactFlowArn: string;

  /**
   * The id of the flow.
   *
   * @attribute
   */
  public readonly contactFlowId: string;

  /**
   * The ARN of the instance the flow belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the flow.
   */
  public readonly contactFlowName: string;

  /**
   * The type of the flow.
   */
  public readonly contactFlowType: ContactFlowType;

  private readonly instance: IInstance;

  constructor(scope: Construct, id: string, props: ContactFlowProps) {
    super(scope, id);

    validateLength(this, 'name', props.contactFlowName, 1, 127);
    validateDescription(this, props.description, 500);

    const content = props.content.bind(this, props.instance);

    const resource = new CfnContactFlow(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name: props.contactFlowName,
      description: props.description,
      type: props.type ?? ContactFlowType.CONTACT_FLOW,
      state: props.state ?? ContactFlowState.ACTIVE,
      content: content.content,
    });
    for (const dependency of content.dependencies ?? []) {
      resource.node.addDependency(dependency);
    }

    this.instance = props.instance;
    this.contactFlowArn = resource.attrContactFlowArn;
    this.contactFlowId = parseInstanceResourceArn(this, this.contactFlowArn, 'contact-flow', 'flow').resourceId;
    this.instanceArn = props.instance.instanceArn;
    this.contactFlowName = props.contactFlowName;
    this.contactFlowType = props.type ?? ContactFlowType.CONTACT_FLOW;
  }

  /**
   * A metric of this flow in the `AWS/Connect` namespace (dimensions `InstanceId`, `MetricGroup` `ContactFlow`
   * and `ContactFlowName`), as a sum over 5 minutes unless `props` says otherwise.
   *
   * @param metricName the name of the metric, such as `ContactFlowErrors`
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/Connect',
      metricName,
      dimensionsMap: {
        InstanceId: this.instance.instanceId,
        MetricGroup: 'ContactFlow',
        ContactFlowName: this.contactFlowName,
      },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.minutes(5),
      ...props,
    }).attachTo(this);
  }

  /**
   * The number of times the error branch of an action in this flow ran (a sum over 5 minutes unless
   * `props` says otherwise).
   */
  public metricContactFlowErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ContactFlowErrors', props);
  }

  /**
   * The number of times this flow failed to run because of a system error (a sum over 5 minutes unless
   * `props` says otherwise).
   */
  public metricContactFlowFatalErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ContactFlowFatalErrors', props);
  }
}
