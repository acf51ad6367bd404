import {
  CfnResource, CustomResource, DefaultTokenResolver, Duration, IPostProcessor, IResolvable, IResolveContext, IResource, Lazy, Reference,
  RemovalPolicy, Resource, Stack, StringConcat, TagManager, TagType, Token, Tokenization,
} from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnContactFlow, CfnContactFlowVersion } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { FlowContent, FlowContentConfig } from './flow-content';
import { IInstance } from './instance';
import type { ConnectPermission } from '../custom-resources/resource';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { documentOfFlowJson } from '../private/flow-language';
import { cloudwatchModule } from '../private/lazy-modules';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateDescription, validateLength } from '../private/validation';
import { parseQualifiedArn, replaceOnChange } from '../private/versions';

// The custom resource provider (and its Lambda function), required on first use: only flows with deferContent or
// published versions use it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resourceModule = (): typeof import('../custom-resources/resource') => require('../custom-resources/resource');

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
 * Whether a flow's content is published (usable, and validated by Amazon Connect) or only saved.
 */
export enum ContactFlowStatus {
  /** The content is validated and published: the flow can be used. */
  PUBLISHED = 'PUBLISHED',
  /**
   * The content is saved as a draft, without validation, and the flow cannot be used until it is published (in
   * the flow designer, or by changing the status to `PUBLISHED`).
   */
  SAVED = 'SAVED',
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
   *
   * @default - none: give the content with `defineContent()` (for flows that reference each other, which cannot
   * all exist when the first one is defined)
   */
  readonly content?: FlowContent;

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

  /**
   * Whether the flow is published or only saved.
   *
   * CloudFormation (`AWS::Connect::ContactFlow`) can only publish flows. With a status, the flow is created and
   * kept by a cdk-connect custom resource instead (`Custom::ConnectContactFlow`), which can keep it `SAVED`, a draft
   * that someone reviews and publishes in the flow designer, and which publishes it in place when the status later
   * changes to `PUBLISHED`. Amazon Connect cannot unpublish a flow: a published flow set back to `SAVED` stays
   * published, and its content is saved as a draft.
   *
   * Adding or removing this property changes the type of the flow's CloudFormation resource, which CloudFormation
   * refuses for an existing resource: decide when the flow is first deployed (or give the flow a new construct id
   * and a new name).
   *
   * @default - published, by CloudFormation
   */
  readonly status?: ContactFlowStatus;

  /**
   * Create the flow with placeholder content and set its real content afterwards, once everything it references
   * exists.
   *
   * Flows that reference each other in a cycle (A transfers to B and B to A) cannot all be created with their
   * content: CloudFormation rejects such a template ("Circular dependency between resources"). Defer the content of
   * one flow in the cycle: it is created first with placeholder content that references nothing (valid for its
   * type), the other flows are created with references to it, and then its content is set by a cdk-connect custom
   * resource (`Custom::ConnectFlowContent`) that depends on everything the content references. Synthesis fails, naming
   * the cycle, when flows form a cycle and none of them defers its content.
   *
   * CloudFormation writes a flow's content whenever it updates the flow; for a deferred flow that is the placeholder,
   * so changing the flow's name, description, state or tags briefly puts the placeholder live until the content is
   * set again in the same deployment. A flow with a `status` has no such window.
   *
   * @default false
   */
  readonly deferContent?: boolean;

  /**
   * Turn the flow checks' warnings into errors for this flow: synthesis fails for what Amazon Connect accepts but
   * is probably a mistake (actions not reachable from the start, unhandled errors, dead ends, ...), as it does for
   * what Amazon Connect rejects. See the README's "Flow checks" table.
   *
   * @default - the context key `cdk-connect:strictFlowChecks` (`true` turns it on for the whole app), else warnings
   */
  readonly strictFlowChecks?: boolean;
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
 * Flows that transfer to each other in a cycle: defer the content of one of them and give it its content once the
 * other exists.
 *
 * ```ts
 * declare const instance: IInstance;
 * declare const menuContent: FlowContent; // transfers to ${Billing}
 * declare const billingContent: FlowContent; // transfers back to ${Menu}
 * const menu = new ContactFlow(this, 'Menu', { instance, contactFlowName: 'Menu', deferContent: true });
 * const billing = new ContactFlow(this, 'Billing', { instance, contactFlowName: 'Billing', content: billingContent });
 * menu.defineContent(menuContent);
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
  public get contactFlowId(): string {
    // Built on first use for an AWS::Connect::ContactFlow (which has no id attribute): a Fn::Select of a Fn::Split.
    return this._contactFlowId ?? (this._contactFlowId = resourceIdOfArn(this, this.contactFlowArn, 'contact-flow', 'flow'));
  }

  private _contactFlowId?: string;

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

  /**
   * Whether the flow is published or only saved.
   */
  public readonly contactFlowStatus: ContactFlowStatus;

  /**
   * Whether the flow is created with placeholder content and gets its content afterwards (`deferContent`).
   */
  public readonly contentDeferred: boolean;

  /**
   * The flow's own strict flow checks setting (`strictFlowChecks`).
   *
   * @internal
   */
  public readonly _strictFlowChecks?: boolean;

  private readonly instance: IInstance;
  /** The resource that creates the flow: `AWS::Connect::ContactFlow` or `Custom::ConnectContactFlow`. */
  private readonly flowResource: CfnContactFlow | CustomResource;
  /** The flow's own tags when a custom resource creates it (`Tags.of` finds them through this member). */
  private readonly cdkTagManager?: TagManager;
  private readonly placeholder?: string;
  private contentConfig?: FlowContentConfig;
  private content?: FlowContent;
  private contentResource?: CustomResource;
  /** Resources that need the final content (versions): they wait for the content resource. */
  private readonly contentDependents: IConstruct[] = [];

  constructor(scope: Construct, id: string, props: ContactFlowProps) {
    super(scope, id);

    validateLength(this, 'name', props.contactFlowName, 1, 127);
    validateDescription(this, props.description, 500);

    const type = props.type ?? ContactFlowType.CONTACT_FLOW;
    const state = props.state ?? ContactFlowState.ACTIVE;
    this.instance = props.instance;
    this.instanceArn = props.instance.instanceArn;
    this.contactFlowName = props.contactFlowName;
    this.contactFlowType = type;
    this.contactFlowStatus = props.status ?? ContactFlowStatus.PUBLISHED;
    this.contentDeferred = props.deferContent ?? false;
    this._strictFlowChecks = props.strictFlowChecks;
    this.placeholder = this.contentDeferred ? placeholderContent(type) : undefined;

    // The content the flow is created with: the placeholder, or the content. Content given in the props is bound
    // now, so that the resource holds its JSON itself; content given later with defineContent() through a token.
    const given = props.content !== undefined && !this.contentDeferred ? props.content.bind(this, props.instance) : undefined;
    const initialContent = this.placeholder ?? given?.content ?? Lazy.string({ produce: () => this.contentConfig?.content });

    if (props.status === undefined) {
      const resource = new CfnContactFlow(this, 'Resource', {
        instanceArn: props.instance.instanceArn,
        name: props.contactFlowName,
        description: props.description,
        type,
        state,
        content: initialContent,
      });
      fixLogicalIdAtSynthesis(resource);
      this.flowResource = resource;
      this.contactFlowArn = resource.attrContactFlowArn;
    } else {
      this.cdkTagManager = new TagManager(TagType.MAP, 'Custom::ConnectContactFlow');
      const resource = resourceModule().connectResource(this, 'Resource', {
        resourceType: 'Custom::ConnectContactFlow',
        properties: {
          InstanceId: props.instance.instanceId,
          Name: props.contactFlowName,
          Type: type,
          Status: props.status,
          Description: props.description,
          State: state,
          Content: initialContent,
          DeferContent: this.contentDeferred ? true : undefined,
          Tags: Lazy.any({ produce: () => this.cdkTagManager?.renderTags() }),
        },
        permissions: [flowPermission(props.instance, [
          'connect:CreateContactFlow', 'connect:ListContactFlows', 'connect:DescribeContactFlow',
          'connect:UpdateContactFlowContent', 'connect:UpdateContactFlowMetadata', 'connect:DeleteContactFlow',
          'connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource',
        ])],
      });
      this.flowResource = resource;
      this.contactFlowArn = resource.getAttString('ContactFlowArn');
      this._contactFlowId = resource.getAttString('ContactFlowId');
    }

    if (given !== undefined) {
      this.useContent(props.content!, given);
    } else if (props.content !== undefined) {
      this.defineContent(props.content);
    }
    this.node.addValidation({
      validate: () => this.contentConfig === undefined
        ? ['the flow has no content: pass content in its props or call defineContent()']
        : [],
    });
    watchForCycles(this);
  }

  /**
   * The flow as a Mermaid flowchart, for review (see `FlowContent.toMermaid()`).
   */
  public toMermaid(): string {
    if (this.content === undefined) {
      fail(this, 'the flow has no content to draw: pass content in its props or call defineContent()');
    }
    return this.content.toMermaid();
  }

  /**
   * Gives the flow its content, when it was not given in the props.
   *
   * For flows that reference each other: define the flows first, then give each its content, which can reference
   * the others. A flow in a cycle of references needs `deferContent` (synthesis fails otherwise, naming the cycle).
   */
  public defineContent(content: FlowContent): void {
    if (this.contentConfig !== undefined) {
      fail(this, 'the flow already has content: give it either in the props or with one call of defineContent()');
    }
    this.useContent(content, content.bind(this, this.instance));
  }

  /**
   * Makes bound content the flow's content: the flow resource waits for what the content depends on, or, for a
   * deferred flow, a content resource sets the content once the flow exists.
   */
  private useContent(content: FlowContent, config: FlowContentConfig): void {
    this.contentConfig = config;
    this.content = content;
    if (!this.contentDeferred) {
      for (const dependency of config.dependencies ?? []) {
        this.flowResource.node.addDependency(dependency);
      }
      return;
    }

    const flow = this.flowResource;
    const resource = resourceModule().connectResource(this, 'Content', {
      resourceType: 'Custom::ConnectFlowContent',
      properties: {
        InstanceId: this.instance.instanceId,
        ContactFlowId: this.contactFlowArn,
        Status: this.contactFlowStatus,
        Content: config.content,
        PlaceholderContent: this.placeholder,
        // AWS::Connect::ContactFlow writes its content (the placeholder) on every update: this resource must then be
        // updated too, to set the content again.
        FlowProperties: flow instanceof CfnContactFlow ? Lazy.any({
          produce: () => ({ Name: flow.name, Description: flow.description, State: flow.state, Tags: tagMap(flow.tags.renderTags()) }),
        }) : undefined,
      },
      permissions: [flowPermission(this.instance, ['connect:DescribeContactFlow', 'connect:UpdateContactFlowContent'])],
    });
    for (const dependency of config.dependencies ?? []) {
      resource.node.addDependency(dependency);
    }
    for (const dependent of this.contentDependents) {
      dependent.node.addDependency(resource);
    }
    this.contentResource = resource;
  }

  /**
   * Makes `dependent` wait until the flow has its final content (for versions, which snapshot the content).
   *
   * @internal
   */
  public _dependOnContent(dependent: IConstruct): void {
    if (this.contentResource) {
      dependent.node.addDependency(this.contentResource);
    } else if (this.contentDeferred) {
      this.contentDependents.push(dependent);
    }
  }

  /**
   * The flow's content (not the placeholder), for versions that follow it.
   *
   * @internal
   */
  public get _content(): string | undefined {
    return this.contentConfig?.content;
  }

  /**
   * The CloudFormation resource that creates the flow.
   *
   * @internal
   */
  public get _flowResource(): CfnResource {
    // CfnContactFlow first: the test needs no module that the flow does not use (CustomResource for deferred content).
    return this.flowResource instanceof CfnContactFlow
      ? this.flowResource
      : this.flowResource.node.defaultChild as CfnResource;
  }

  /**
   * A metric of this flow in the `AWS/Connect` namespace (dimensions `InstanceId`, `MetricGroup` `ContactFlow`
   * and `ContactFlowName`), as a sum over 5 minutes unless `props` says otherwise.
   *
   * @param metricName the name of the metric, such as `ContactFlowErrors`
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new (cloudwatchModule().Metric)({
      namespace: 'AWS/Connect',
      metricName,
      dimensionsMap: {
        InstanceId: this.instance.instanceId,
        MetricGroup: 'ContactFlow',
        ContactFlowName: this.contactFlowName,
      },
      statistic: cloudwatchModule().Stats.SUM,
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
    if (flow instanceof ContactFlow && flow.contactFlowStatus !== ContactFlowStatus.PUBLISHED) {
      fail(this, `versions can only be published of published flows, got '${flow.node.path}' with status ${flow.contactFlowStatus}`);
    }

    const resource = new CfnContactFlowVersion(this, 'Resource', {
      contactFlowId: flow.contactFlowArn,
      description: props.description,
    });
    fixLogicalIdAtSynthesis(resource);
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);

    if (flow instanceof ContactFlow) {
      // A version snapshots the content: of a deferred flow, the content its content resource sets.
      flow._dependOnContent(resource);
    }
    if (props.publishOnContentChange) {
      if (!(flow instanceof ContactFlow)) {
        fail(this, `publishOnContentChange needs a flow defined in this app, whose content is known; '${flow.node.path}' is imported`);
      }
      replaceOnChange(resource, () => [flow._content]);
    }

    this.contactFlowVersionArn = resource.attrContactFlowVersionArn;
    this.versionNumber = resource.attrVersion;
    this.contentSha256 = resource.attrFlowContentSha256;
    this.contactFlowArn = flow.contactFlowArn;
    this.instanceArn = flow.instanceArn;
    this.contactFlow = flow;
  }
}

/** The identifier of the one action of placeholder content. */
const PLACEHOLDER_ACTION = 'cdk-connect-placeholder';

/**
 * Content for a flow whose real content is set later: one action that references nothing and that Amazon Connect
 * accepts in a flow of the type. Hold flows take no terminal action (a loop of prompts ends them); whisper, queue and
 * campaign flows end with `EndFlowExecution` (in a queue flow the caller is not disconnected); the others disconnect.
 */
function placeholderContent(type: ContactFlowType): string {
  let action: { Type: string; Parameters: object };
  switch (type) {
    case ContactFlowType.CUSTOMER_HOLD:
    case ContactFlowType.AGENT_HOLD:
      action = { Type: 'MessageParticipantIteratively', Parameters: { Messages: [{ Text: 'Please hold.' }] } };
      break;
    case ContactFlowType.CUSTOMER_QUEUE:
    case ContactFlowType.CUSTOMER_WHISPER:
    case ContactFlowType.AGENT_WHISPER:
    case ContactFlowType.OUTBOUND_WHISPER:
    case ContactFlowType.CAMPAIGN:
      action = { Type: 'EndFlowExecution', Parameters: {} };
      break;
    default:
      action = { Type: 'DisconnectParticipant', Parameters: {} };
  }
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: PLACEHOLDER_ACTION,
    Actions: [{ Identifier: PLACEHOLDER_ACTION, ...action, Transitions: {} }],
  });
}

/** Tags as CloudFormation's standard list renders them, as a map (undefined when there are none). */
function tagMap(tags: Array<{ key: string; value: string }> | undefined): Record<string, string> | undefined {
  return tags && tags.length > 0 ? Object.fromEntries(tags.map((tag) => [tag.key, tag.value])) : undefined;
}

/** What the handler may call for flows of an instance: the instance and the flows in it. */
function flowPermission(instance: IInstance, actions: string[]): ConnectPermission {
  return { actions, resources: [instance.instanceArn, `${instance.instanceArn}/contact-flow/*`] };
}

/** Stacks whose flows are checked for cycles (one check per stack). */
const CHECKED_STACKS = new WeakSet<Stack>();

/** Checks, when the stack is validated, that its flows do not reference each other in a cycle. */
function watchForCycles(flow: ContactFlow): void {
  const stack = Stack.of(flow);
  if (CHECKED_STACKS.has(stack)) {
    return;
  }
  CHECKED_STACKS.add(stack);
  stack.node.addValidation({ validate: () => flowCycles(stack) });
}

/**
 * The cycles of references that pass through flows of the stack: what CloudFormation would reject as "Circular
 * dependency between resources", described with construct paths. References are what the synthesized template holds:
 * `Ref`, `Fn::GetAtt`, `Fn::Sub` and `DependsOn`, through any resource (a flow that references a quick connect that
 * references the first flow is a cycle too).
 */
function flowCycles(stack: Stack): string[] {
  const all = stack.node.findAll().filter((c) => Stack.of(c) === stack);
  const flows = all.filter((c): c is ContactFlow => c instanceof ContactFlow);
  if (flows.length === 0) {
    return [];
  }
  const resources = all.filter((c): c is CfnResource => CfnResource.isCfnResource(c));
  const flowOf = new Map<CfnResource, ContactFlow>(flows.map((flow) => [flow._flowResource, flow]));
  const recorder = new ReferenceRecorder(stack, resources);

  const edges = new Map<CfnResource, CfnResource[]>();
  const targets = (resource: CfnResource): CfnResource[] => {
    let found = edges.get(resource);
    if (found === undefined) {
      found = recorder.targetsOf(resource);
      edges.set(resource, found);
    }
    return found;
  };

  // Tarjan's strongly connected components, over what the flows reach.
  const index = new Map<CfnResource, number>();
  const low = new Map<CfnResource, number>();
  const onStack = new Set<CfnResource>();
  const path: CfnResource[] = [];
  const components: CfnResource[][] = [];
  const visit = (node: CfnResource): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    path.push(node);
    onStack.add(node);
    for (const next of targets(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: CfnResource[] = [];
      let member: CfnResource;
      do {
        member = path.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const flow of flows) {
    if (!index.has(flow._flowResource)) {
      visit(flow._flowResource);
    }
  }

  const errors: string[] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = flows.find((flow) => members.has(flow._flowResource));
    const selfLoop = component.length === 1 && targets(component[0]).includes(component[0]);
    if (start === undefined || (component.length === 1 && !selfLoop)) {
      continue;
    }
    const cycle = shortestCycle(start._flowResource, members, targets);
    const names = cycle.map((resource) => flowOf.get(resource)?.node.path ?? ownerPath(resource));
    const inCycle = [...new Set(cycle.map((resource) => flowOf.get(resource)).filter((f): f is ContactFlow => f !== undefined))];
    errors.push(`flows reference each other in a cycle: ${[...names, names[0]].join(' → ')}; CloudFormation rejects such a `
      + 'template ("Circular dependency between resources"): set deferContent: true on one of '
      + `${inCycle.length > 1 ? 'these flows' : 'this flow'} (${inCycle.map((f) => f.node.path).join(', ')}), so that it is `
      + 'created with placeholder content and gets its content once the others exist');
  }
  return errors;
}

/** The shortest cycle from `start` back to itself within `members`, as the list of resources on it. */
function shortestCycle(start: CfnResource, members: Set<CfnResource>, targets: (r: CfnResource) => CfnResource[]): CfnResource[] {
  const previous = new Map<CfnResource, CfnResource>();
  const queue: CfnResource[] = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of targets(node)) {
      if (!members.has(next)) {
        continue;
      }
      if (next === start) {
        const cycle = [node];
        while (cycle[0] !== start) {
          cycle.unshift(previous.get(cycle[0])!);
        }
        return cycle;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

/** The path of the construct a CloudFormation resource belongs to (without `/Resource` and `/Default`). */
function ownerPath(resource: CfnResource): string {
  return resource.node.path.replace(/(\/(Resource|Default))+$/, '');
}

/**
 * Reads the resources a resource of the stack references, from the resource as it will be synthesized (properties,
 * overrides and DependsOn). It resolves as `Stack.resolve` would, but records the resources it meets instead of
 * rendering their logical ids: a `Ref` or `Fn::GetAtt` (any `Reference`) to a resource of the stack and a logical id
 * (`DependsOn`) become a placeholder, and flow content is read as its document, not written as JSON. Logical ids written
 * as plain strings (a raw `Ref` or `Fn::Sub` in an override) are read from what is left.
 */
class ReferenceRecorder extends DefaultTokenResolver {
  private readonly stack: Stack;
  private readonly resources: CfnResource[];
  /** The resources of the stack: a reference to another stack's resource is rendered as usual (an import). */
  private readonly inStack: Set<IConstruct>;
  private readonly byLogicalIdToken = new Map<IResolvable, CfnResource>();
  /** By logical id, for logical ids written as plain strings: built only when one is met. */
  private byLogicalId?: Map<string, CfnResource>;
  private current?: CfnResource;
  private referenced = new Set<CfnResource>();

  constructor(stack: Stack, resources: CfnResource[]) {
    super(new StringConcat());
    this.stack = stack;
    this.resources = resources;
    this.inStack = new Set(resources);
    for (const resource of resources) {
      const token = Tokenization.reverseString(resource.logicalId).firstToken;
      if (token !== undefined) {
        this.byLogicalIdToken.set(token, resource);
      }
    }
  }

  /** The resources of the stack that a resource references or depends on. */
  public targetsOf(resource: CfnResource): CfnResource[] {
    this.current = resource;
    this.referenced = new Set();
    const rendered = Tokenization.resolve((resource as unknown as { _toCloudFormation(): object })._toCloudFormation(), {
      scope: this.stack,
      resolver: this,
    });
    const ids = new Set<string>();
    collectReferences(rendered, ids);
    ids.delete(REFERENCE_PLACEHOLDER);
    for (const id of ids) {
      this.byLogicalId ??= new Map(this.resources.map((r) => [this.stack.resolve(r.logicalId), r]));
      const target = this.byLogicalId.get(id);
      if (target !== undefined) {
        this.referenced.add(target);
      }
    }
    return [...this.referenced];
  }

  public resolveToken(token: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): any {
    if (Reference.isReference(token) && this.inStack.has(token.target)) {
      this.referenced.add(token.target as CfnResource);
      return REFERENCE_PLACEHOLDER;
    }
    const document = documentOfFlowJson(token);
    if (document !== undefined) {
      // Flow content: its references are those of the document; its JSON need not be written to find them.
      context.resolve(document, { allowIntrinsicKeys: true });
      return REFERENCE_PLACEHOLDER;
    }
    const named = this.byLogicalIdToken.get(token);
    if (named !== undefined) {
      // The resource's own logical id is the key of its template fragment, not a reference.
      if (named !== this.current) {
        this.referenced.add(named);
      }
      return REFERENCE_PLACEHOLDER;
    }
    return super.resolveToken(token, context, postProcessor);
  }
}

/** What a reference renders as while ReferenceRecorder reads a resource. */
const REFERENCE_PLACEHOLDER = 'ReferenceRecordedByCdkConnect';

/** Adds the logical ids a rendered template fragment references (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `DependsOn`). */
function collectReferences(value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectReferences(item, ids));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'Ref' && typeof item === 'string') {
      ids.add(item);
    } else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(item) ? item[0] : typeof item === 'string' ? item.split('.')[0] : undefined;
      if (typeof target === 'string') {
        ids.add(target);
      }
    } else if (key === 'Fn::Sub') {
      const [template, variables] = Array.isArray(item) ? item : [item, {}];
      if (typeof template === 'string') {
        for (const match of template.matchAll(/\$\{([^!}][^}.]*)(\.[^}]*)?\}/g)) {
          if (!(match[1] in (variables ?? {}))) {
            ids.add(match[1]);
          }
        }
      }
      collectReferences(variables, ids);
    } else if (key === 'DependsOn') {
      for (const id of Array.isArray(item) ? item : [item]) {
        if (typeof id === 'string') {
          ids.add(id);
        }
      }
    } else {
      collectReferences(item, ids);
    }
  }
}
