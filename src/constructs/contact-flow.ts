import { Duration, IResource, RemovalPolicy, Resource, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnContactFlow, CfnContactFlowVersion } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { FlowContent } from './flow-content';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { fail, validateDescription, validateLength } from '../private/validation';
import { parseQualifiedArn, replaceOnChange } from '../private/versions';

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

  /**
   * Publishes a version of the flow: an immutable snapshot of its content.
   *
   * Amazon Connect publishes versions only of flows of type `CAMPAIGN`. A version is published when it is
   * created; see `ContactFlowVersion` for how versions behave when the flow changes.
   *
   * @param id the construct id of the version, unique among the flow's children
   */
  addVersion(id: string, options?: ContactFlowVersionOptions): ContactFlowVersion;
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

  public addVersion(id: string, options: ContactFlowVersionOptions = {}): ContactFlowVersion {
    return new ContactFlowVersion(this, id, { ...options, contactFlow: this });
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

/**
 * A published version of a flow, defined in this app or imported.
 */
export interface IContactFlowVersion extends IResource, connectRefs.IContactFlowVersionRef {
  /**
   * The ARN of the version (the flow's ARN followed by `:<version>`).
   *
   * @attribute
   */
  readonly contactFlowVersionArn: string;

  /**
   * The version number (1, 2, ...), which Amazon Connect assigns when it publishes the version.
   *
   * @attribute Version
   */
  readonly versionNumber: number;

  /**
   * The ARN of the flow the version belongs to.
   */
  readonly contactFlowArn: string;

  /**
   * The ARN of the instance the flow belongs to.
   */
  readonly instanceArn: string;
}

/**
 * Options for publishing a version of a flow with `addVersion`.
 */
export interface ContactFlowVersionOptions {
  /**
   * A description of the version (1 to 500 characters). It cannot change: a new description publishes a new
   * version (CloudFormation replaces the version).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether to publish a new version whenever the flow's content changes.
   *
   * A version is a snapshot taken when it is created, and CloudFormation creates it only once: by default a
   * later change of the flow's content updates the flow but publishes no new version. With this option the
   * version's logical id includes a hash of the content, so a content change makes CloudFormation publish a
   * new version and then delete the old one (keep old versions with `removalPolicy: RemovalPolicy.RETAIN`).
   * Only for flows defined in this app (the content of an imported flow is unknown).
   *
   * @default false
   */
  readonly publishOnContentChange?: boolean;

  /**
   * What happens to the version when it is removed from the stack or replaced by a new version.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Properties of a flow version.
 */
export interface ContactFlowVersionProps extends ContactFlowVersionOptions {
  /**
   * The flow to publish a version of. Amazon Connect publishes versions only of flows of type `CAMPAIGN`.
   */
  readonly contactFlow: IContactFlow;
}

abstract class ContactFlowVersionBase extends Resource implements IContactFlowVersion {
  public abstract readonly contactFlowVersionArn: string;
  public abstract readonly versionNumber: number;
  public abstract readonly contactFlowArn: string;
  public abstract readonly instanceArn: string;

  public get contactFlowVersionRef(): connectRefs.ContactFlowVersionReference {
    return { contactFlowVersionArn: this.contactFlowVersionArn };
  }
}

/** A version number in a version ARN. */
const VERSION_NUMBER = /^[1-9][0-9]*$/;

/**
 * A published version of a flow: an immutable snapshot of the flow's content, with a version number.
 *
 * Amazon Connect publishes the version when CloudFormation creates it. Its properties cannot change, so a
 * version stays the snapshot it was: when the flow's content changes later, the flow is updated but no new
 * version is published, unless the version is replaced (a new description or construct id) or
 * `publishOnContentChange` is set. Amazon Connect publishes versions only of flows of type `CAMPAIGN`
 * (`CreateContactFlowVersion`).
 *
 * ```ts
 * declare const campaignFlow: ContactFlow;
 * const version = campaignFlow.addVersion('Current', { publishOnContentChange: true });
 * ```
 *
 * @resource AWS::Connect::ContactFlowVersion
 */
export class ContactFlowVersion extends ContactFlowVersionBase {
  /**
   * Imports a flow version by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/contact-flow/<flow-id>:<version>`).
   */
  public static fromContactFlowVersionArn(scope: Construct, id: string, contactFlowVersionArn: string): IContactFlowVersion {
    class Import extends ContactFlowVersionBase {
      public readonly contactFlowVersionArn = contactFlowVersionArn;
      public readonly versionNumber: number;
      public readonly contactFlowArn: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(contactFlowVersionArn) });
        const parts = parseQualifiedArn(this, contactFlowVersionArn, 'contact-flow', 'flow version', VERSION_NUMBER, '<version>');
        this.versionNumber = Token.isUnresolved(parts.qualifier) ? Token.asNumber(parts.qualifier) : Number(parts.qualifier);
        this.contactFlowArn = parts.unqualifiedArn;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the version.
   *
   * @attribute
   */
  public readonly contactFlowVersionArn: string;

  /**
   * The version number, assigned by Amazon Connect.
   *
   * @attribute Version
   */
  public readonly versionNumber: number;

  /**
   * The SHA-256 checksum of the flow content the version holds.
   *
   * @attribute FlowContentSha256
   */
  public readonly contentSha256: string;

  /**
   * The ARN of the flow the version belongs to.
   */
  public readonly contactFlowArn: string;

  /**
   * The ARN of the instance the flow belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The flow the version belongs to.
   */
  public readonly contactFlow: IContactFlow;

  constructor(scope: Construct, id: string, props: ContactFlowVersionProps) {
    super(scope, id);

    validateDescription(this, props.description, 500);
    const flow = props.contactFlow;
    if (flow instanceof ContactFlow && flow.contactFlowType !== ContactFlowType.CAMPAIGN) {
      fail(this, `versions can only be published of flows of type ${ContactFlowType.CAMPAIGN}, got '${flow.node.path}' of type ${flow.contactFlowType}`);
    }

    const resource = new CfnContactFlowVersion(this, 'Resource', {
      contactFlowId: flow.contactFlowArn,
      description: props.description,
    });
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);

    if (props.publishOnContentChange) {
      const source = flow.node.defaultChild;
      if (!(source instanceof CfnContactFlow)) {
        fail(this, `publishOnContentChange needs a flow defined in this app, whose content is known; '${flow.node.path}' is imported`);
      }
      replaceOnChange(resource, () => [source.content]);
    }

    this.contactFlowVersionArn = resource.attrContactFlowVersionArn;
    this.versionNumber = resource.attrVersion;
    this.contentSha256 = resource.attrFlowContentSha256;
    this.contactFlowArn = flow.contactFlowArn;
    this.instanceArn = flow.instanceArn;
    this.contactFlow = flow;
  }
}
