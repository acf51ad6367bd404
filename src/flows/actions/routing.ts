import { Duration } from 'aws-cdk-lib';
import { ContactFlow, ContactFlowType, IContactFlow } from '../../constructs/contact-flow';
import { IContactFlowModule } from '../../constructs/contact-flow-module';
import { IHoursOfOperation } from '../../constructs/hours-of-operation';
import { IQueue } from '../../constructs/queue';
import { ITaskTemplate } from '../../constructs/task-template';
import { IUser } from '../../constructs/user';
import { atMostOneProp, checkJsonPathProp, failAction, numberText, wholeSeconds } from '../../private/flow-actions/rendering';
import { ConditionalFlowAction, FlowAction, FlowCondition, IFlowChainable } from '../action';
import { FlowRenderContext } from '../context';

/** The error type of `TransferContactToQueue` when the queue holds as many contacts as it may. */
const QUEUE_AT_CAPACITY = 'QueueAtCapacity';

/** The flow types a `TransferToFlow` can transfer to. */
const TRANSFER_TARGET_TYPES: readonly ContactFlowType[] = [
  ContactFlowType.CONTACT_FLOW, ContactFlowType.AGENT_TRANSFER, ContactFlowType.QUEUE_TRANSFER,
];

/** The queue or agent an action names, as the flow language's `QueueId` and `AgentId`. */
interface QueueOrAgent {
  /** @default - none */
  readonly queue?: IQueue;
  /** @default - none */
  readonly agent?: IUser;
  /** @default - none */
  readonly queuePath?: string;
  /** @default - none */
  readonly agentPath?: string;
}

function checkQueueOrAgent(action: FlowAction, props: QueueOrAgent): void {
  atMostOneProp(action, ['queue', props.queue], ['queuePath', props.queuePath]);
  atMostOneProp(action, ['agent', props.agent], ['agentPath', props.agentPath]);
  checkJsonPathProp(action, 'queuePath', props.queuePath);
  checkJsonPathProp(action, 'agentPath', props.agentPath);
}

function renderQueueOrAgent(action: FlowAction, context: FlowRenderContext, props: QueueOrAgent): { QueueId?: string; AgentId?: string } {
  return {
    QueueId: props.queue ? context.reference(action, 'queue', props.queue, props.queue.queueArn) : props.queuePath,
    AgentId: props.agent ? context.reference(action, 'user', props.agent, props.agent.userArn) : props.agentPath,
  };
}

/**
 * Properties of an `UpdateContactTargetQueue` action. Give exactly one of `queue`, `agent`, `queuePath` and
 * `agentPath`.
 */
export interface UpdateContactTargetQueueProps {
  /**
   * The queue to transfer the contact to.
   *
   * @default - none: give exactly one of `queue`, `agent`, `queuePath` and `agentPath`
   */
  readonly queue?: IQueue;

  /**
   * An agent, whose agent queue the contact is transferred to.
   *
   * @default - none: give exactly one of `queue`, `agent`, `queuePath` and `agentPath`
   */
  readonly agent?: IUser;

  /**
   * A JSONPath, such as `$.Attributes.queueArn`, to the ID or ARN of the queue, read when the flow runs.
   *
   * @default - none: give exactly one of `queue`, `agent`, `queuePath` and `agentPath`
   */
  readonly queuePath?: string;

  /**
   * A JSONPath, such as `$.Attributes.agentArn`, to the ID or ARN of the agent whose agent queue is used, read when
   * the flow runs.
   *
   * @default - none: give exactly one of `queue`, `agent`, `queuePath` and `agentPath`
   */
  readonly agentPath?: string;
}

/**
 * Sets the contact's working queue (the flow designer's "Set working queue" block): the queue that
 * `TransferContactToQueue` transfers to, and that `CheckHoursOfOperation` and `CheckMetricData` check when they
 * name no queue. An agent's queue sends the contact to that agent.
 *
 * Allowed in inbound flows and transfer flows. Raises `NoMatchingError` (route it with `onError()`).
 *
 * ```ts
 * declare const supportQueue: IQueue;
 * declare const sorry: FlowAction;
 * const setQueue = new UpdateContactTargetQueue('SetQueue', { queue: supportQueue });
 * setQueue.onError(sorry);
 * setQueue.next(new TransferContactToQueue('ToQueue').onQueueAtCapacity(sorry).onError(sorry));
 * ```
 */
export class UpdateContactTargetQueue extends FlowAction {
  private readonly props: UpdateContactTargetQueueProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateContactTargetQueueProps) {
    super(id, 'UpdateContactTargetQueue');
    checkQueueOrAgent(this, props);
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    return renderQueueOrAgent(this, context, this.props);
  }
}

/**
 * Puts the contact into its working queue (set with `UpdateContactTargetQueue`, or the queue of a quick connect in a
 * transfer flow) and ends the flow (the flow designer's "Transfer to queue" block).
 *
 * Allowed in inbound flows and transfer flows (customer queue flows use `DequeueContactAndTransferToQueue` instead).
 * Raises `QueueAtCapacity` when the queue is full, and `NoMatchingError`: route them with `onQueueAtCapacity()` and
 * `onError()`.
 *
 * ```ts
 * declare const full: FlowAction;
 * declare const failed: FlowAction;
 * const transfer = new TransferContactToQueue('ToQueue').onQueueAtCapacity(full).onError(failed);
 * ```
 */
export class TransferContactToQueue extends FlowAction {
  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string) {
    super(id, 'TransferContactToQueue');
  }

  /**
   * Continues with an action when the queue is at capacity (the `QueueAtCapacity` error).
   */
  public onQueueAtCapacity(next: IFlowChainable): TransferContactToQueue {
    this.addError(QUEUE_AT_CAPACITY, next);
    return this;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * The flow designer writes the default error branch as the `NextAction` as well (never taken: the transfer ends
   * the flow).
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._defaultErrorTarget();
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {};
  }
}

/**
 * Ends the flow and connects the contact with the agent of the transfer (the flow designer's "Transfer to agent
 * (beta)" block). Works for voice contacts only; the flow designer recommends `UpdateContactTargetQueue` with an
 * agent and `TransferContactToQueue` for other channels.
 *
 * Allowed in transfer flows (`AGENT_TRANSFER` and `QUEUE_TRANSFER`). Its reference page lists no errors, but the
 * block has an Error branch, taken for the channels it cannot transfer (chat, task, email): the flow designer writes
 * it as `NoMatchingError` (route it with `onError()`), and as the `NextAction` too.
 *
 * ```ts
 * declare const sorry: FlowAction;
 * const toAgent = new TransferContactToAgent('ToAgent').onError(sorry);
 * ```
 */
export class TransferContactToAgent extends FlowAction {
  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string) {
    super(id, 'TransferContactToAgent');
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * The flow designer writes the default error branch as the `NextAction` as well (never taken for voice: the
   * transfer ends the flow).
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._defaultErrorTarget();
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {};
  }
}

/**
 * Properties of a `TransferToFlow` action. Give exactly one of `contactFlow` and `contactFlowPath`.
 */
export interface TransferToFlowProps {
  /**
   * The flow to continue in: an inbound flow or a transfer flow (`CONTACT_FLOW`, `AGENT_TRANSFER` or
   * `QUEUE_TRANSFER`). A flow defined in this app of another type fails synthesis.
   *
   * @default - none: give `contactFlow` or `contactFlowPath`
   */
  readonly contactFlow?: IContactFlow;

  /**
   * A JSONPath, such as `$.Attributes.nextFlow`, to the ID or ARN of the flow, read when the flow runs.
   *
   * @default - none: give `contactFlow` or `contactFlowPath`
   */
  readonly contactFlowPath?: string;
}

/**
 * Ends this flow and continues the contact at the start of another flow (the flow designer's "Transfer to flow"
 * block).
 *
 * Allowed in inbound flows and transfer flows, and it can only transfer to flows of those types. Raises
 * `NoMatchingError` (route it with `onError()`), for example when the target flow is not published.
 *
 * ```ts
 * declare const billing: IContactFlow;
 * declare const failed: FlowAction;
 * const toBilling = new TransferToFlow('ToBilling', { contactFlow: billing }).onError(failed);
 * ```
 */
export class TransferToFlow extends FlowAction {
  private readonly props: TransferToFlowProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: TransferToFlowProps) {
    super(id, 'TransferToFlow');
    atMostOneProp(this, ['contactFlow', props.contactFlow], ['contactFlowPath', props.contactFlowPath]);
    checkJsonPathProp(this, 'contactFlowPath', props.contactFlowPath);
    this.props = props;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * The flow designer writes the default error branch as the `NextAction` as well (never taken: the transfer ends
   * the flow).
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._defaultErrorTarget();
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const flow = this.props.contactFlow;
    if (flow instanceof ContactFlow && !TRANSFER_TARGET_TYPES.includes(flow.contactFlowType)) {
      context.fail(this, `cannot transfer to the flow '${flow.node.path}' of type ${flow.contactFlowType}; `
        + `it transfers only to flows of type ${TRANSFER_TARGET_TYPES.join(', ')}`);
    }
    return {
      ContactFlowId: flow ? context.reference(this, 'flow', flow, flow.contactFlowArn) : this.props.contactFlowPath,
    };
  }
}

/**
 * Properties of an `InvokeFlowModule` action. Give exactly one of `flowModule` and `flowModulePath`.
 */
export interface InvokeFlowModuleProps {
  /**
   * The flow module to run.
   *
   * @default - none: give `flowModule` or `flowModulePath`
   */
  readonly flowModule?: IContactFlowModule;

  /**
   * A JSONPath, such as `$.Attributes.module`, to the ID or ARN of the flow module, read when the flow runs.
   *
   * @default - none: give `flowModule` or `flowModulePath`
   */
  readonly flowModulePath?: string;
}

/**
 * Runs a flow module and continues with the next action when the module returns (the flow designer's "Invoke
 * module" block).
 *
 * Allowed in inbound flows only. Raises `NoMatchingError` (route it with `onError()`).
 *
 * ```ts
 * declare const authenticate: IContactFlowModule;
 * declare const menu: FlowAction;
 * declare const failed: FlowAction;
 * const invoke = new InvokeFlowModule('Authenticate', { flowModule: authenticate });
 * invoke.onError(failed);
 * invoke.next(menu);
 * ```
 */
export class InvokeFlowModule extends FlowAction {
  private readonly props: InvokeFlowModuleProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: InvokeFlowModuleProps) {
    super(id, 'InvokeFlowModule');
    atMostOneProp(this, ['flowModule', props.flowModule], ['flowModulePath', props.flowModulePath]);
    checkJsonPathProp(this, 'flowModulePath', props.flowModulePath);
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const module = this.props.flowModule;
    return {
      FlowModuleId: module ? context.reference(this, 'flow module', module, module.contactFlowModuleArn) : this.props.flowModulePath,
    };
  }
}

/**
 * Returns from a flow module to the flow that invoked it (the flow designer's "Return" block), without disconnecting
 * the contact.
 *
 * Allowed in flow modules only.
 *
 * ```ts
 * declare const lookup: FlowAction;
 * lookup.next(new EndFlowModuleExecution('Return'));
 * ```
 */
export class EndFlowModuleExecution extends FlowAction {
  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string) {
    super(id, 'EndFlowModuleExecution');
  }

  /** @internal */
  public get _endsFlow(): boolean {
    return true;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {};
  }
}

/**
 * Ends the flow without disconnecting the contact (the flow designer's "End flow / Resume" block): a whisper flow
 * hands the contact on, a customer queue flow ends its loop. In an inbound flow, ending the flow before the contact is
 * queued ends the contact.
 *
 * Allowed in every flow type (not in flow modules: they return with `EndFlowModuleExecution`).
 *
 * ```ts
 * declare const whisper: FlowAction;
 * whisper.next(new EndFlowExecution('End'));
 * ```
 */
export class EndFlowExecution extends FlowAction {
  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string) {
    super(id, 'EndFlowExecution');
  }

  /** @internal */
  public get _endsFlow(): boolean {
    return true;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {};
  }
}

/**
 * Properties of a `CheckHoursOfOperation` action.
 */
export interface CheckHoursOfOperationProps {
  /**
   * The hours of operation to check.
   *
   * @default - the hours of the contact's working queue
   */
  readonly hoursOfOperation?: IHoursOfOperation;

  /**
   * A JSONPath, such as `$.Attributes.hours`, to the ID or ARN of the hours of operation, read when the flow runs.
   *
   * @default - the hours of the contact's working queue
   */
  readonly hoursOfOperationPath?: string;
}

/**
 * Branches on whether the contact arrives within hours of operation (the flow designer's "Check hours of operation"
 * block): give both `whenInHours()` and `whenOutOfHours()`.
 *
 * Allowed in inbound, customer queue and transfer flows (not in whisper or hold flows). Raises `NoMatchingError`
 * (route it with `onError()`), for example when the working queue is an agent queue, which has no hours.
 *
 * ```ts
 * declare const businessHours: IHoursOfOperation;
 * declare const open: FlowAction;
 * declare const closed: FlowAction;
 * const check = new CheckHoursOfOperation('CheckHours', { hoursOfOperation: businessHours })
 *   .whenInHours(open)
 *   .whenOutOfHours(closed);
 * check.onError(closed);
 * ```
 */
export class CheckHoursOfOperation extends FlowAction {
  private readonly props: CheckHoursOfOperationProps;
  private inHours = false;
  private outOfHours = false;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: CheckHoursOfOperationProps = {}) {
    super(id, 'CheckHoursOfOperation');
    atMostOneProp(this, ['hoursOfOperation', props.hoursOfOperation], ['hoursOfOperationPath', props.hoursOfOperationPath]);
    checkJsonPathProp(this, 'hoursOfOperationPath', props.hoursOfOperationPath);
    this.props = props;
  }

  /**
   * Continues with an action when the contact arrives within the hours (the condition `Equals True`).
   */
  public whenInHours(next: IFlowChainable): CheckHoursOfOperation {
    if (this.inHours) {
      failAction(this, 'already has a branch for in hours');
    }
    this.inHours = true;
    this.addCondition(FlowCondition.equalTo('True'), next);
    return this;
  }

  /**
   * Continues with an action when the contact arrives outside the hours (the condition `Equals False`).
   */
  public whenOutOfHours(next: IFlowChainable): CheckHoursOfOperation {
    if (this.outOfHours) {
      failAction(this, 'already has a branch for out of hours');
    }
    this.outOfHours = true;
    this.addCondition(FlowCondition.equalTo('False'), next);
    return this;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * The flow designer writes the out-of-hours branch (`whenOutOfHours()`) as the `NextAction` as well.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._equalsTarget('False');
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const hours = this.props.hoursOfOperation;
    return {
      HoursOfOperationId: hours
        ? context.reference(this, 'hours of operation', hours, hours.hoursOfOperationArn)
        : this.props.hoursOfOperationPath,
    };
  }
}

/**
 * A queue metric that `CheckMetricData` loads and compares.
 */
export enum QueueMetric {
  /** The number of agents in the queue who are available for a contact ("Check staffing": Available). */
  AGENTS_AVAILABLE = 'NumberOfAgentsAvailable',
  /** The number of agents in the queue who are available, on a contact or in after contact work (Staffed). */
  AGENTS_STAFFED = 'NumberOfAgentsStaffed',
  /** The number of agents in the queue who are online, in any status (Online). */
  AGENTS_ONLINE = 'NumberOfAgentsOnline',
  /** How long, in seconds, the oldest contact in the queue has waited ("Check queue status": Time in queue). */
  OLDEST_CONTACT_AGE_SECONDS = 'OldestContactInQueueAgeSeconds',
  /** The number of contacts waiting in the queue ("Check queue status": Queue capacity). */
  CONTACTS_IN_QUEUE = 'NumberOfContactsInQueue',
}

/** The agent metrics, which take only the condition `NumberGreaterThan 0`. */
const AGENT_METRICS: readonly QueueMetric[] = [QueueMetric.AGENTS_AVAILABLE, QueueMetric.AGENTS_STAFFED, QueueMetric.AGENTS_ONLINE];

/**
 * Properties of a `CheckMetricData` action. Give at most one of `queue`, `agent`, `queuePath` and `agentPath`.
 */
export interface CheckMetricDataProps {
  /**
   * The metric to load.
   */
  readonly metric: QueueMetric;

  /**
   * The queue whose metric is loaded.
   *
   * @default - the contact's working queue
   */
  readonly queue?: IQueue;

  /**
   * An agent, whose agent queue's metric is loaded.
   *
   * @default - the contact's working queue
   */
  readonly agent?: IUser;

  /**
   * A JSONPath, such as `$.Attributes.queueArn`, to the ID or ARN of the queue, read when the flow runs.
   *
   * @default - the contact's working queue
   */
  readonly queuePath?: string;

  /**
   * A JSONPath, such as `$.Attributes.agentArn`, to the ID or ARN of the agent whose agent queue is used, read when
   * the flow runs.
   *
   * @default - the contact's working queue
   */
  readonly agentPath?: string;
}

/**
 * Loads a real-time metric of a queue and branches on its value (the flow designer's "Check staffing" and "Check
 * queue status" blocks).
 *
 * For the agent metrics (`AGENTS_AVAILABLE`, `AGENTS_STAFFED`, `AGENTS_ONLINE`) the only condition is "at least one
 * agent": use `whenAgents()` for it and `otherwise()` for none. For the contact metrics compare the value with
 * `when()` (`FlowCondition.equalTo` or the `number*` conditions) and route the rest with `otherwise()`.
 *
 * Allowed in inbound, customer queue and transfer flows (not in whisper or hold flows). Raises `NoMatchingError`
 * (route it with `onError()`).
 *
 * ```ts
 * declare const transfer: FlowAction;
 * declare const callback: FlowAction;
 * const staffed = new CheckMetricData('Staffed', { metric: QueueMetric.AGENTS_STAFFED })
 *   .whenAgents(transfer)
 *   .otherwise(callback)
 *   .onError(callback);
 *
 * const waiting = new CheckMetricData('Waiting', { metric: QueueMetric.OLDEST_CONTACT_AGE_SECONDS })
 *   .when(FlowCondition.numberGreaterThan(300), callback)
 *   .otherwise(transfer)
 *   .onError(transfer);
 * ```
 */
export class CheckMetricData extends ConditionalFlowAction {
  /** The metric the action loads. */
  public readonly metric: QueueMetric;

  private readonly props: CheckMetricDataProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: CheckMetricDataProps) {
    super(id, 'CheckMetricData');
    checkQueueOrAgent(this, props);
    this.metric = props.metric;
    this.props = props;
  }

  /**
   * For an agent metric: continues with an action when at least one agent counts (the condition
   * `NumberGreaterThan 0`).
   */
  public whenAgents(next: IFlowChainable): CheckMetricData {
    if (!this.isAgentMetric) {
      failAction(this, `whenAgents() needs an agent metric (${AGENT_METRICS.join(', ')}), got ${this.metric}; compare ${this.metric} with when()`);
    }
    this.when(FlowCondition.numberGreaterThan(0), next);
    return this;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    return { MetricType: this.metric, ...renderQueueOrAgent(this, context, this.props) };
  }

  /**
   * The flow designer writes the error branch (`onError()`) as the `NextAction` as well (as its default queue transfer
   * flow has it), or the `otherwise()` branch when there is no error branch.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._defaultErrorTarget() ?? this._otherwiseTarget();
  }

  private get isAgentMetric(): boolean {
    return AGENT_METRICS.includes(this.metric);
  }
}

/**
 * The type of a reference that a task created by a flow shows the agent.
 */
export enum CreateTaskReferenceType {
  /** A link. */
  URL = 'URL',
  /** A number. */
  NUMBER = 'NUMBER',
  /** A text. */
  STRING = 'STRING',
  /** A date, as an epoch timestamp. */
  DATE = 'DATE',
  /** An email address. */
  EMAIL = 'EMAIL',
}

/**
 * A reference (a link, number, text, date or email address) that a task created by a flow shows the agent.
 */
export interface CreateTaskReference {
  /**
   * The name of the reference, as the agent sees it, unique in the task.
   */
  readonly name: string;

  /**
   * The type of the reference.
   */
  readonly type: CreateTaskReferenceType;

  /**
   * The value: static text, or a JSONPath such as `$.Attributes.orderUrl`.
   */
  readonly value: string;
}

/**
 * Properties of a `CreateTask` action.
 */
export interface CreateTaskProps {
  /**
   * The name of the task, shown to the agent (1 to 1024 characters), or a JSONPath.
   */
  readonly name: string;

  /**
   * The description of the task, shown to the agent (at most 4096 characters), or a JSONPath.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The flow that starts the task: an inbound flow (`CONTACT_FLOW`). A flow defined in this app of another type
   * fails synthesis.
   *
   * @default - the flow of `taskTemplate` (give `contactFlow`, `contactFlowPath` or a template that names a flow)
   */
  readonly contactFlow?: IContactFlow;

  /**
   * A JSONPath, such as `$.Attributes.taskFlow`, to the ID or ARN of the flow that starts the task, read when the
   * flow runs.
   *
   * @default - the flow of `taskTemplate` (give `contactFlow`, `contactFlowPath` or a template that names a flow)
   */
  readonly contactFlowPath?: string;

  /**
   * The task template the task is created from.
   *
   * @default - no template
   */
  readonly taskTemplate?: ITaskTemplate;

  /**
   * Contact attributes of the task: static values or JSONPaths such as `$.CustomerEndpoint.Address`.
   *
   * @default - no attributes
   */
  readonly attributes?: { [key: string]: string };

  /**
   * References shown to the agent with the task.
   *
   * @default - no references
   */
  readonly references?: CreateTaskReference[];

  /**
   * How long after the action the task is created: 1 second to 6 days, in whole seconds.
   *
   * @default - the task is created at once (or at `scheduledTime`)
   */
  readonly delay?: Duration;

  /**
   * When the task is created, as Amazon Connect's "Create task" block writes the scheduled date and time, or a
   * JSONPath such as `$.Attributes.followUpAt`. Not with `delay`.
   *
   * @default - the task is created at once (or after `delay`)
   */
  readonly scheduledTime?: string;
}

/**
 * Creates a task that starts an inbound flow, now or later (the flow designer's "Create task" block), and continues
 * with the next action.
 *
 * Allowed in every flow type. Raises `NoMatchingError` (route it with `onError()`).
 *
 * ```ts
 * declare const followUp: IContactFlow;
 * declare const template: ITaskTemplate;
 * declare const goodbye: FlowAction;
 * const task = new CreateTask('FollowUp', {
 *   name: 'Call the customer back',
 *   contactFlow: followUp,
 *   taskTemplate: template,
 *   attributes: { phone: '$.CustomerEndpoint.Address' },
 *   references: [{ name: 'Order', type: CreateTaskReferenceType.URL, value: 'https://example.com/orders' }],
 *   delay: Duration.hours(2),
 * });
 * task.onError(goodbye);
 * task.next(goodbye);
 * ```
 */
export class CreateTask extends FlowAction {
  private readonly props: CreateTaskProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: CreateTaskProps) {
    super(id, 'CreateTask');
    atMostOneProp(this, ['contactFlow', props.contactFlow], ['contactFlowPath', props.contactFlowPath]);
    checkJsonPathProp(this, 'contactFlowPath', props.contactFlowPath);
    if (props.delay !== undefined) {
      wholeSeconds(this, 'delay', props.delay);
    }
    const names = new Set<string>();
    for (const reference of props.references ?? []) {
      if (names.has(reference.name)) {
        failAction(this, `has two references named '${reference.name}'; reference names must be unique in a task`);
      }
      names.add(reference.name);
    }
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const { contactFlow: flow, taskTemplate: template, references, attributes, delay } = this.props;
    if (flow instanceof ContactFlow && flow.contactFlowType !== ContactFlowType.CONTACT_FLOW) {
      context.fail(this, `starts the task with the flow '${flow.node.path}' of type ${flow.contactFlowType}; a task starts with an inbound flow (CONTACT_FLOW)`);
    }
    return {
      Name: this.props.name,
      Description: this.props.description,
      ContactFlowId: flow ? context.reference(this, 'flow', flow, flow.contactFlowArn) : this.props.contactFlowPath,
      TaskTemplateId: template ? context.reference(this, 'task template', template, template.taskTemplateId) : undefined,
      Attributes: attributes && Object.keys(attributes).length > 0 ? { ...attributes } : undefined,
      References: references && references.length > 0
        ? Object.fromEntries(references.map(reference => [reference.name, { Type: reference.type, Value: reference.value }]))
        : undefined,
      DelaySeconds: delay === undefined ? undefined : numberText(wholeSeconds(this, 'delay', delay)),
      ScheduledTime: this.props.scheduledTime,
    };
  }
}
