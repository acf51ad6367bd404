import { Duration, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnRoutingProfile } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { IQueue } from './queue';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { durationSeconds, fail, validateDescription, validateIntegerRange, validateLength } from '../private/validation';

/**
 * An Amazon Connect routing profile, defined in this app or imported.
 */
export interface IRoutingProfile extends IResource, connectRefs.IRoutingProfileRef {
  /**
   * The ARN of the routing profile.
   *
   * @attribute
   */
  readonly routingProfileArn: string;

  /**
   * The id of the routing profile.
   *
   * @attribute
   */
  readonly routingProfileId: string;

  /**
   * The ARN of the instance the routing profile belongs to.
   */
  readonly instanceArn: string;
}

/**
 * A channel through which contacts reach agents.
 */
export enum Channel {
  /** Voice calls (including callbacks). */
  VOICE = 'VOICE',
  /** Chats (including SMS and messaging). */
  CHAT = 'CHAT',
  /** Tasks. */
  TASK = 'TASK',
  /** Emails. */
  EMAIL = 'EMAIL',
}

/**
 * Whether an agent who handles a contact on one channel can be offered contacts on other channels.
 */
export enum CrossChannelBehavior {
  /** While the agent has a contact on this channel, offer only contacts on this channel. */
  ROUTE_CURRENT_CHANNEL_ONLY = 'ROUTE_CURRENT_CHANNEL_ONLY',
  /** While the agent has a contact on this channel, offer contacts on any channel of the routing profile. */
  ROUTE_ANY_CHANNEL = 'ROUTE_ANY_CHANNEL',
}

/**
 * How Amazon Connect orders available agents of a routing profile when it picks one for a contact.
 */
export enum AgentAvailabilityTimer {
  /** Longest idle time: the time since the agent's last activity of any kind. */
  TIME_SINCE_LAST_ACTIVITY = 'TIME_SINCE_LAST_ACTIVITY',
  /** The time since the agent's last inbound contact. */
  TIME_SINCE_LAST_INBOUND = 'TIME_SINCE_LAST_INBOUND',
}

/**
 * A channel that agents of a routing profile handle, and how many contacts of it at once.
 */
export interface MediaConcurrency {
  /**
   * The channel.
   */
  readonly channel: Channel;

  /**
   * How many contacts of this channel an agent can handle at the same time:
   * exactly 1 for voice, 1 to 10 for chat, task and email.
   *
   * @default 1
   */
  readonly concurrency?: number;

  /**
   * Whether an agent who handles a contact of this channel can be offered contacts of other channels.
   *
   * @default - not set: Amazon Connect applies its default
   */
  readonly crossChannelBehavior?: CrossChannelBehavior;
}

/**
 * Options for adding a queue to a routing profile.
 */
export interface RoutingProfileQueueOptions {
  /**
   * The channels for which agents of the routing profile take contacts from the queue; each becomes one queue
   * configuration (one queue and one channel). Every channel must be one that the routing profile handles
   * (see `mediaConcurrencies`): Amazon Connect does not route contacts of other channels to its agents.
   *
   * @default - every channel of the routing profile's `mediaConcurrencies`
   */
  readonly channels?: Channel[];

  /**
   * The priority of the queue: agents take contacts from queues of priority 1 first. From 1 to 99.
   *
   * @default 1
   */
  readonly priority?: number;

  /**
   * How long a contact must have waited in the queue before it is routed to agents of this routing profile,
   * in whole seconds from 0 to 9999.
   *
   * @default Duration.seconds(0)
   */
  readonly delay?: Duration;
}

/**
 * A queue whose contacts agents of a routing profile take, with its priority and delay.
 */
export interface RoutingProfileQueue extends RoutingProfileQueueOptions {
  /**
   * The queue. It must belong to the routing profile's instance.
   */
  readonly queue: IQueue;
}

/**
 * Options for adding a manual assignment queue to a routing profile.
 */
export interface RoutingProfileManualAssignmentQueueOptions {
  /**
   * The channels for which agents and supervisors can pick or assign contacts of the queue manually. For voice,
   * manual assignment supports only agent-first callbacks.
   *
   * @default - every channel of the routing profile's `mediaConcurrencies`
   */
  readonly channels?: Channel[];
}

/**
 * A queue from which agents and supervisors of a routing profile can pick or assign contacts manually.
 */
export interface RoutingProfileManualAssignmentQueue extends RoutingProfileManualAssignmentQueueOptions {
  /**
   * The queue. It must belong to the routing profile's instance.
   */
  readonly queue: IQueue;
}

/**
 * Properties of a routing profile.
 */
export interface RoutingProfileProps {
  /**
   * The instance the routing profile belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the routing profile, 1 to 127 characters.
   *
   * @default - a name generated from the construct path
   */
  readonly routingProfileName?: string;

  /**
   * The description of the routing profile, 1 to 250 characters (Amazon Connect requires one).
   *
   * @default - the name
   */
  readonly description?: string;

  /**
   * The queue for the outbound calls that agents of this routing profile make.
   * It must belong to the routing profile's instance.
   */
  readonly defaultOutboundQueue: IQueue;

  /**
   * The channels that agents of this routing profile handle, each at most once, with how many contacts of each
   * they handle at the same time.
   *
   * @default - voice only, one call at a time
   */
  readonly mediaConcurrencies?: MediaConcurrency[];

  /**
   * How Amazon Connect orders the available agents of this routing profile when it picks one for a contact.
   *
   * @default - not set: Amazon Connect applies its default
   */
  readonly agentAvailabilityTimer?: AgentAvailabilityTimer;

  /**
   * The queues from which agents of this routing profile take contacts. More can be added with `addQueue`.
   * Each queue and channel pair is one queue configuration and may appear only once. CloudFormation takes more
   * than the 10 configurations that one Connect API call accepts and associates them in batches.
   *
   * @default - no queues: agents can only make outbound calls
   */
  readonly queues?: RoutingProfileQueue[];

  /**
   * The most queue configurations (queue and channel pairs) this routing profile may have. Amazon Connect's
   * default quota "Queues per routing profile" is 50 and can be raised on request; once your account has a
   * higher quota, raise this to match.
   *
   * @default 50
   */
  readonly maxQueueConfigs?: number;

  /**
   * The queues from which agents and supervisors of this routing profile can pick or assign contacts manually,
   * at most 10 queue and channel pairs. More can be added with `addManualAssignmentQueue`.
   *
   * @default - none: contacts cannot be picked or assigned manually
   */
  readonly manualAssignmentQueues?: RoutingProfileManualAssignmentQueue[];
}

abstract class RoutingProfileBase extends Resource implements IRoutingProfile {
  public abstract readonly routingProfileArn: string;
  public abstract readonly routingProfileId: string;
  public abstract readonly instanceArn: string;

  public get routingProfileRef(): connectRefs.RoutingProfileReference {
    return { routingProfileArn: this.routingProfileArn };
  }
}

/** The default "Queues per routing profile" service quota. */
const DEFAULT_MAX_QUEUE_CONFIGS = 50;
/** CloudFormation's (and the API's) limit of manual assignment queue configurations per routing profile. */
const MAX_MANUAL_ASSIGNMENT_QUEUE_CONFIGS = 10;

/** Concurrency limits per channel (Amazon Connect API `MediaConcurrency`, admin guide "Create a routing profile"). */
const CONCURRENCY_RANGE: { [channel: string]: [number, number] } = {
  VOICE: [1, 1],
  CHAT: [1, 10],
  TASK: [1, 10],
  EMAIL: [1, 10],
};

/** One queue and channel pair, as it goes into the template. */
interface QueueConfig {
  readonly queue: IQueue;
  readonly channel: Channel;
  readonly priority: number;
  readonly delaySeconds: number;
}

/** One manual assignment queue and channel pair. */
interface ManualAssignmentQueueConfig {
  readonly queue: IQueue;
  readonly channel: Channel;
}

/**
 * An Amazon Connect routing profile: the channels its agents handle and the queues they take contacts from.
 *
 * @resource AWS::Connect::RoutingProfile
 */
export class RoutingProfile extends RoutingProfileBase {
  /**
   * Imports a routing profile by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/routing-profile/<id>`).
   */
  public static fromRoutingProfileArn(scope: Construct, id: string, routingProfileArn: string): IRoutingProfile {
    class Import extends RoutingProfileBase {
      public readonly routingProfileArn = routingProfileArn;
      public readonly routingProfileId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(routingProfileArn) });
        const parts = parseInstanceResourceArn(this, routingProfileArn, 'routing-profile', 'routing profile');
        this.routingProfileId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the routing profile.
   *
   * @attribute
   */
  public readonly routingProfileArn: string;

  /**
   * The id of the routing profile.
   *
   * @attribute
   */
  public get routingProfileId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._routingProfileId ?? (this._routingProfileId = resourceIdOfArn(this, this.routingProfileArn, 'routing-profile', 'routing profile'));
  }

  private _routingProfileId?: string;

  /**
   * The ARN of the instance the routing profile belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the routing profile.
   */
  public readonly routingProfileName: string;

  /**
   * The channels that agents of this routing profile handle.
   */
  public readonly channels: Channel[];

  private readonly instance: IInstance;
  private readonly maxQueueConfigs: number;
  private readonly queueConfigs: QueueConfig[] = [];
  /** The queue configurations as rendered: the array the CfnRoutingProfile holds once there is one. */
  private readonly renderedQueueConfigs: CfnRoutingProfile.RoutingProfileQueueConfigProperty[] = [];
  private readonly manualAssignmentQueueConfigs: ManualAssignmentQueueConfig[] = [];
  /** The manual assignment queue configurations as rendered: the array the CfnRoutingProfile holds once there is one. */
  private readonly renderedManualAssignmentQueueConfigs: CfnRoutingProfile.RoutingProfileManualAssignmentQueueConfigProperty[] = [];
  private readonly resource: CfnRoutingProfile;

  constructor(scope: Construct, id: string, props: RoutingProfileProps) {
    super(scope, id);
    this.instance = props.instance;

    this.routingProfileName = props.routingProfileName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateLength(this, 'name', this.routingProfileName, 1, 127);
    validateDescription(this, props.description);
    this.checkSameInstance(props.defaultOutboundQueue, 'default outbound queue');

    const mediaConcurrencies = props.mediaConcurrencies ?? [{ channel: Channel.VOICE }];
    this.channels = this.validateMediaConcurrencies(mediaConcurrencies);

    this.maxQueueConfigs = props.maxQueueConfigs ?? DEFAULT_MAX_QUEUE_CONFIGS;
    if (Token.isUnresolved(this.maxQueueConfigs)) {
      fail(this, 'maxQueueConfigs must be a number known at synth time (your \'Queues per routing profile\' quota), got a token');
    }
    if (!Number.isInteger(this.maxQueueConfigs) || this.maxQueueConfigs < 1) {
      fail(this, `maxQueueConfigs must be a positive integer, got ${this.maxQueueConfigs}`);
    }

    const resource = new CfnRoutingProfile(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name: this.routingProfileName,
      description: props.description ?? this.routingProfileName,
      defaultOutboundQueueArn: props.defaultOutboundQueue.queueArn,
      agentAvailabilityTimer: props.agentAvailabilityTimer,
      mediaConcurrencies: mediaConcurrencies.map((m) => ({
        channel: m.channel,
        concurrency: m.concurrency ?? 1,
        crossChannelBehavior: m.crossChannelBehavior === undefined ? undefined : { behaviorType: m.crossChannelBehavior },
      })),
    });
    fixLogicalIdAtSynthesis(resource);
    this.resource = resource;

    this.routingProfileArn = resource.attrRoutingProfileArn;
    this.instanceArn = props.instance.instanceArn;

    for (const queue of props.queues ?? []) {
      this.addQueue(queue.queue, queue);
    }
    for (const queue of props.manualAssignmentQueues ?? []) {
      this.addManualAssignmentQueue(queue.queue, queue);
    }

    this.node.addValidation({ validate: () => this.validateQueueConfigs() });
  }

  /**
   * Adds a queue from which agents of this routing profile take contacts, for the given channels (by default
   * every channel of the routing profile) with the given priority and delay.
   */
  public addQueue(queue: IQueue, options: RoutingProfileQueueOptions = {}): void {
    this.checkSameInstance(queue, 'queue');
    const channels = this.queueChannels(options.channels, 'queue');
    const priority = options.priority ?? 1;
    validateIntegerRange(this, 'queue priority', priority, 1, 99);
    const delaySeconds = durationSeconds(this, 'queue delay', options.delay, 0, 9999) ?? 0;
    for (const channel of channels) {
      this.queueConfigs.push({ queue, channel, priority, delaySeconds });
      this.renderedQueueConfigs.push({ queueReference: { queueArn: queue.queueArn, channel }, priority, delay: delaySeconds });
    }
    if (this.resource.queueConfigs === undefined) {
      this.resource.queueConfigs = this.renderedQueueConfigs;
    }
  }

  /**
   * Adds a queue from which agents and supervisors of this routing profile can pick or assign contacts manually,
   * for the given channels (by default every channel of the routing profile).
   */
  public addManualAssignmentQueue(queue: IQueue, options: RoutingProfileManualAssignmentQueueOptions = {}): void {
    this.checkSameInstance(queue, 'manual assignment queue');
    for (const channel of this.queueChannels(options.channels, 'manual assignment queue')) {
      this.manualAssignmentQueueConfigs.push({ queue, channel });
      this.renderedManualAssignmentQueueConfigs.push({ queueReference: { queueArn: queue.queueArn, channel } });
    }
    if (this.resource.manualAssignmentQueueConfigs === undefined) {
      this.resource.manualAssignmentQueueConfigs = this.renderedManualAssignmentQueueConfigs;
    }
  }

  private validateMediaConcurrencies(mediaConcurrencies: MediaConcurrency[]): Channel[] {
    const channels: Channel[] = [];
    for (const m of mediaConcurrencies) {
      if (channels.includes(m.channel)) {
        fail(this, `mediaConcurrencies must name each channel at most once, ${m.channel} appears more than once`);
      }
      channels.push(m.channel);
      const [min, max] = CONCURRENCY_RANGE[m.channel];
      const concurrency = m.concurrency ?? 1;
      if (!Token.isUnresolved(concurrency) && (!Number.isInteger(concurrency) || concurrency < min || concurrency > max)) {
        const allowed = min === max ? `exactly ${min}` : `an integer from ${min} to ${max}`;
        fail(this, `concurrency of ${m.channel} must be ${allowed}, got ${concurrency}`);
      }
    }
    return channels;
  }

  private queueChannels(channels: Channel[] | undefined, what: string): Channel[] {
    if (channels === undefined) {
      return this.channels;
    }
    if (channels.length === 0) {
      fail(this, `${what} channels must name at least one channel, got none`);
    }
    const seen = new Set<Channel>();
    for (const channel of channels) {
      if (seen.has(channel)) {
        fail(this, `${what} channels must be unique, ${channel} appears more than once`);
      }
      seen.add(channel);
      if (!this.channels.includes(channel)) {
        fail(this, `${what} channel ${channel} must be one of the channels of the routing profile's mediaConcurrencies `
          + `(${this.channels.join(', ')}): amazon connect routes no ${channel} contacts to its agents`);
      }
    }
    return channels;
  }

  private checkSameInstance(queue: IQueue, what: string): void {
    validateSameInstance(this, what, this.instance.instanceArn, queue.instanceArn);
  }

  private validateQueueConfigs(): string[] {
    const errors: string[] = [];
    const count = this.queueConfigs.length;
    if (count > this.maxQueueConfigs) {
      errors.push(this.maxQueueConfigs === DEFAULT_MAX_QUEUE_CONFIGS
        ? `a routing profile can have at most ${DEFAULT_MAX_QUEUE_CONFIGS} queue configurations (the default 'Queues per routing profile' quota); `
          + `got ${count}: request a quota increase and raise maxQueueConfigs`
        : `a routing profile can have at most ${this.maxQueueConfigs} queue configurations (maxQueueConfigs); got ${count}: `
          + 'raise maxQueueConfigs up to your \'Queues per routing profile\' quota');
    }
    errors.push(...duplicates(this.queueConfigs, 'queue'));

    const manual = this.manualAssignmentQueueConfigs.length;
    if (manual > MAX_MANUAL_ASSIGNMENT_QUEUE_CONFIGS) {
      errors.push(`a routing profile can have at most ${MAX_MANUAL_ASSIGNMENT_QUEUE_CONFIGS} manual assignment queue configurations, got ${manual}`);
    }
    errors.push(...duplicates(this.manualAssignmentQueueConfigs, 'manual assignment queue'));
    return errors;
  }
}

/**
 * Messages for queue and channel pairs that appear more than once. Queues with concrete ARNs are compared by ARN
 * (two imports of one queue are the same queue), others by construct.
 */
function duplicates(configs: ReadonlyArray<{ readonly queue: IQueue; readonly channel: Channel }>, what: string): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const errors: string[] = [];
  for (const c of configs) {
    const queueKey = Token.isUnresolved(c.queue.queueArn) ? c.queue.node.path : c.queue.queueArn;
    const key = `${queueKey} ${c.channel}`;
    if (seen.has(key) && !reported.has(key)) {
      reported.add(key);
      errors.push(`each ${what} and channel may appear only once, ${queueKey} appears more than once for ${c.channel}`);
    }
    seen.add(key);
  }
  return errors;
}
