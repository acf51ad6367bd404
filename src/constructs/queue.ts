import { Duration, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CfnQueue } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { ContactFlowType, IContactFlow } from './contact-flow';
import { IEmailAddress } from './email-address';
import { IHoursOfOperation } from './hours-of-operation';
import { IInstance } from './instance';
import { IPhoneNumber } from './phone-number';
import { IQuickConnect } from './quick-connect';
import { importEnvironmentArn, parseInstanceArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { cloudwatchModule } from '../private/lazy-modules';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { fail, validateDescription, validateLength } from '../private/validation';

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

  /**
   * Returns a metric that Amazon Connect publishes for this queue in the `AWS/Connect` namespace, with the
   * dimensions `InstanceId`, `MetricGroup` (`Queue`) and `QueueName`.
   *
   * Needs the queue's name: queues imported with `fromQueueArn` have none, import them with
   * `fromQueueAttributes` and a `queueName` instead.
   *
   * @param metricName the metric, such as `QueueSize`
   * @param props options for the metric
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * The number of contacts in the queue (`QueueSize`).
   *
   * @default - maximum over 1 minute
   */
  metricQueueSize(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * The longest time, in seconds, that a contact waited in the queue (`LongestQueueWaitTime`).
   *
   * @default - maximum over 1 minute
   */
  metricLongestQueueWaitTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * The number of calls rejected because the queue was full (`QueueCapacityExceededError`).
   *
   * @default - sum over 1 minute
   */
  metricQueueCapacityExceededError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/**
 * Whether a queue accepts contacts.
 */
export enum QueueStatus {
  /** The queue accepts contacts. */
  ENABLED = 'ENABLED',
  /** The queue is disabled. */
  DISABLED = 'DISABLED',
}

/**
 * The caller id and whisper flow for outbound calls made from a queue.
 */
export interface OutboundCallerConfig {
  /**
   * The caller id name shown to the people called (1 to 255 characters).
   *
   * @default - no caller id name
   */
  readonly callerIdName?: string;

  /**
   * The phone number shown as the caller id.
   *
   * @default - no caller id number
   */
  readonly phoneNumber?: IPhoneNumber;

  /**
   * The outbound whisper flow played to the person called before the agent is connected.
   *
   * @default - no outbound whisper flow
   */
  readonly whisperFlow?: IContactFlow;
}

/**
 * Attributes of a queue to import.
 */
export interface QueueAttributes {
  /**
   * The ARN of the queue (`arn:aws:connect:<region>:<account>:instance/<instance-id>/queue/<id>`).
   */
  readonly queueArn: string;

  /**
   * The name of the queue, for its metrics.
   *
   * @default - unknown: the queue's `metric*()` methods fail
   */
  readonly queueName?: string;
}

/**
 * Properties of a `Queue`.
 */
export interface QueueProps {
  /**
   * The instance the queue belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the queue (1 to 127 characters), unique within the instance.
   *
   * @default - a name generated from the construct path
   */
  readonly queueName?: string;

  /**
   * A description of the queue (1 to 250 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The hours during which the queue is open. They must belong to the same instance.
   */
  readonly hoursOfOperation: IHoursOfOperation;

  /**
   * The most contacts the queue holds before it is full and rejects further contacts (0 or more).
   *
   * @default - no limit other than the instance's quota
   */
  readonly maxContacts?: number;

  /**
   * The caller id and whisper flow for outbound calls made from the queue.
   *
   * @default - no outbound caller configuration
   */
  readonly outboundCallerConfig?: OutboundCallerConfig;

  /**
   * The quick connects that agents working the queue can transfer to (at most 50). More can be added with
   * `addQuickConnect()`.
   *
   * @default - no quick connects
   */
  readonly quickConnects?: IQuickConnect[];

  /**
   * Whether the queue accepts contacts.
   *
   * @default QueueStatus.ENABLED
   */
  readonly status?: QueueStatus;

  /**
   * The default "From" address of email that agents send from the queue (replies to inbound email contacts
   * and new outbound email contacts). It must belong to the same instance.
   *
   * @default - no outbound email address
   */
  readonly outboundEmailAddress?: IEmailAddress;

  /**
   * Further email addresses (other than `outboundEmailAddress`) that agents working the queue can choose as the
   * "From" address. They must belong to the same instance; a queue has at most 50 email addresses in all, the
   * outbound one included. More can be added with `addEmailAddress()`.
   *
   * @default - no additional email addresses
   */
  readonly additionalEmailAddresses?: IEmailAddress[];
}

/** The names of queues, where known, for their metrics (kept out of the public API). */
const QUEUE_NAMES = new WeakMap<IConstruct, string>();

abstract class QueueBase extends Resource implements IQueue {
  public abstract readonly queueArn: string;
  public abstract readonly queueId: string;
  public abstract readonly instanceArn: string;

  public get queueRef(): connectRefs.QueueReference {
    return { queueArn: this.queueArn };
  }

  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    const queueName = QUEUE_NAMES.get(this);
    if (queueName === undefined) {
      fail(this, 'metrics need the queue name, which is unknown for a queue imported by ARN; '
        + 'import it with Queue.fromQueueAttributes and a queueName');
    }
    return new (cloudwatchModule().Metric)({
      namespace: 'AWS/Connect',
      metricName,
      dimensionsMap: {
        InstanceId: parseInstanceArn(this, this.instanceArn),
        MetricGroup: 'Queue',
        QueueName: queueName,
      },
      ...props,
    }).attachTo(this);
  }

  public metricQueueSize(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('QueueSize', { statistic: cloudwatchModule().Stats.MAXIMUM, period: Duration.minutes(1), ...props });
  }

  public metricLongestQueueWaitTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('LongestQueueWaitTime', { statistic: cloudwatchModule().Stats.MAXIMUM, period: Duration.minutes(1), ...props });
  }

  public metricQueueCapacityExceededError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('QueueCapacityExceededError', { statistic: cloudwatchModule().Stats.SUM, period: Duration.minutes(1), ...props });
  }
}

/** The most quick connects that Amazon Connect associates with a queue in one request. */
const MAX_QUICK_CONNECTS = 50;
/** The most email addresses of a queue: the outbound one and 49 more. */
const MAX_EMAIL_ADDRESSES = 50;

/**
 * An Amazon Connect queue: where contacts wait for an agent, open during its hours of operation.
 *
 * @example
 * const queue = new Queue(this, 'Support', {
 *   instance,
 *   queueName: 'Support',
 *   hoursOfOperation: hours,
 *   maxContacts: 100,
 * });
 * new cloudwatch.Alarm(this, 'Waiting', {
 *   metric: queue.metricLongestQueueWaitTime(),
 *   threshold: 300,
 *   evaluationPeriods: 1,
 * });
 *
 * @resource AWS::Connect::Queue
 */
export class Queue extends QueueBase {
  /**
   * Imports a queue by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/queue/<id>`).
   *
   * The imported queue has no name, so its `metric*()` methods fail; use `fromQueueAttributes` for metrics.
   */
  public static fromQueueArn(scope: Construct, id: string, queueArn: string): IQueue {
    return Queue.fromQueueAttributes(scope, id, { queueArn });
  }

  /**
   * Imports a queue by its ARN and, for its metrics, its name.
   */
  public static fromQueueAttributes(scope: Construct, id: string, attrs: QueueAttributes): IQueue {
    class Import extends QueueBase {
      public readonly queueArn = attrs.queueArn;
      public readonly queueId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(attrs.queueArn) });
        const parts = parseInstanceResourceArn(this, attrs.queueArn, 'queue', 'queue');
        this.queueId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
        if (attrs.queueName !== undefined) {
          QUEUE_NAMES.set(this, attrs.queueName);
        }
      }
    }
    return new Import();
  }

  /**
   * The ARN of the queue.
   *
   * @attribute
   */
  public readonly queueArn: string;

  /**
   * The id of the queue.
   *
   * @attribute
   */
  public get queueId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._queueId ?? (this._queueId = resourceIdOfArn(this, this.queueArn, 'queue', 'queue'));
  }

  private _queueId?: string;

  /**
   * The ARN of the instance the queue belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the queue.
   */
  public readonly queueName: string;

  private readonly quickConnects: IQuickConnect[] = [];
  /** The ARNs of the quick connects: the array the CfnQueue holds once there is one. */
  private readonly quickConnectArns: string[] = [];
  private readonly emailAddresses: IEmailAddress[] = [];
  /** The email addresses as rendered: the array the CfnQueue holds once there is one. */
  private readonly emailAddressConfigs: CfnQueue.EmailAddressProperty[] = [];
  private readonly outboundEmailAddress?: IEmailAddress;
  private resource?: CfnQueue;

  constructor(scope: Construct, id: string, props: QueueProps) {
    super(scope, id);

    const name = props.queueName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateLength(this, 'name', name, 1, 127);
    validateDescription(this, props.description);
    validateSameInstance(this, 'hoursOfOperation', props.instance.instanceArn, props.hoursOfOperation.instanceArn);
    if (props.maxContacts !== undefined && !Token.isUnresolved(props.maxContacts)
      && (!Number.isInteger(props.maxContacts) || props.maxContacts < 0)) {
      fail(this, `maxContacts must be a whole number of 0 or more, got ${props.maxContacts}`);
    }
    const caller = props.outboundCallerConfig;
    validateLength(this, 'outboundCallerConfig.callerIdName', caller?.callerIdName, 1, 255);
    if (caller?.whisperFlow) {
      validateSameInstance(this, 'outboundCallerConfig.whisperFlow', props.instance.instanceArn, caller.whisperFlow.instanceArn);
      validateFlowType(this, 'outboundCallerConfig.whisperFlow', caller.whisperFlow, ContactFlowType.OUTBOUND_WHISPER);
    }
    this.instanceArn = props.instance.instanceArn;

    for (const quickConnect of props.quickConnects ?? []) {
      this.addQuickConnect(quickConnect);
    }
    if (props.outboundEmailAddress) {
      validateSameInstance(this, 'outboundEmailAddress', props.instance.instanceArn, props.outboundEmailAddress.instanceArn);
      this.outboundEmailAddress = props.outboundEmailAddress;
    }
    for (const emailAddress of props.additionalEmailAddresses ?? []) {
      this.addEmailAddress(emailAddress);
    }

    this.node.addValidation({
      validate: () => this.quickConnects.length > MAX_QUICK_CONNECTS
        ? [`quickConnects must have at most ${MAX_QUICK_CONNECTS} items, got ${this.quickConnects.length}`]
        : [],
    });
    this.node.addValidation({ validate: () => this.validateEmailAddressCount() });

    const hasCallerConfig = caller !== undefined
      && (caller.callerIdName !== undefined || caller.phoneNumber !== undefined || caller.whisperFlow !== undefined);

    const resource = new CfnQueue(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
      hoursOfOperationArn: props.hoursOfOperation.hoursOfOperationArn,
      maxContacts: props.maxContacts,
      outboundCallerConfig: hasCallerConfig ? {
        outboundCallerIdName: caller.callerIdName,
        outboundCallerIdNumberArn: caller.phoneNumber?.phoneNumberArn,
        outboundFlowArn: caller.whisperFlow?.contactFlowArn,
      } : undefined,
      quickConnectArns: this.quickConnectArns.length > 0 ? this.quickConnectArns : undefined,
      status: props.status,
      outboundEmailConfig: props.outboundEmailAddress
        ? { outboundEmailAddressId: props.outboundEmailAddress.emailAddressArn }
        : undefined,
      additionalEmailAddresses: this.emailAddressConfigs.length > 0 ? this.emailAddressConfigs : undefined,
    });
    fixLogicalIdAtSynthesis(resource);
    this.resource = resource;

    this.queueArn = resource.attrQueueArn;
    this.queueName = name;
    QUEUE_NAMES.set(this, name);
  }

  /**
   * Makes a quick connect available to agents working the queue.
   *
   * @param quickConnect a quick connect of the same instance
   */
  public addQuickConnect(quickConnect: IQuickConnect): void {
    if (this.quickConnects.includes(quickConnect)) {
      fail(this, `quickConnects must be unique, '${quickConnect.node.path}' is added more than once`);
    }
    validateSameInstance(this, `quick connect '${quickConnect.node.path}'`, this.instanceArn, quickConnect.instanceArn);
    this.quickConnects.push(quickConnect);
    this.quickConnectArns.push(quickConnect.quickConnectArn);
    if (this.resource !== undefined && this.resource.quickConnectArns === undefined) {
      this.resource.quickConnectArns = this.quickConnectArns;
    }
  }

  /**
   * Lets agents working the queue choose an email address as the "From" address, besides the outbound email
   * address. A queue has at most 50 email addresses in all.
   *
   * @param emailAddress an email address of the same instance
   */
  public addEmailAddress(emailAddress: IEmailAddress): void {
    if (this.emailAddresses.includes(emailAddress)) {
      fail(this, `additionalEmailAddresses must be unique, '${emailAddress.node.path}' is added more than once`);
    }
    if (emailAddress === this.outboundEmailAddress) {
      fail(this, `additionalEmailAddresses must not repeat the outbound email address '${emailAddress.node.path}'`);
    }
    validateSameInstance(this, `email address '${emailAddress.node.path}'`, this.instanceArn, emailAddress.instanceArn);
    this.emailAddresses.push(emailAddress);
    this.emailAddressConfigs.push({ emailAddressArn: emailAddress.emailAddressArn });
    if (this.resource !== undefined && this.resource.additionalEmailAddresses === undefined) {
      this.resource.additionalEmailAddresses = this.emailAddressConfigs;
    }
  }

  private validateEmailAddressCount(): string[] {
    const count = this.emailAddresses.length + (this.outboundEmailAddress ? 1 : 0);
    return count > MAX_EMAIL_ADDRESSES
      ? [`a queue has at most ${MAX_EMAIL_ADDRESSES} email addresses (the outbound one included), got ${count}`]
      : [];
  }
}
