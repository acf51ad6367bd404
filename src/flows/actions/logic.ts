import { Duration, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LOOP_CONTINUE, LOOP_DONE, WAIT_COMPLETED } from '../../private/flow-actions/logic';
import { atMostOneProp, compact, failAction, numberText, wholeSeconds } from '../../private/flow-actions/rendering';
import { ConditionalFlowAction, FlowAction, FlowCondition, IFlowChainable, NO_MATCHING_CONDITION } from '../action';
import { FlowRenderContext } from '../context';

/**
 * Properties of a Compare action.
 */
export interface CompareProps {
  /**
   * The value to compare: one JSONPath of the flow's data, such as `$.Attributes.tier` (a contact attribute),
   * `$.External.status` (the response of a Lambda function) or `$.Channel`.
   */
  readonly value: string;
}

/**
 * Branches on a value of the flow (the "Check contact attributes" block): each `when()` compares the value with
 * its operands; `otherwise()` is taken when no condition holds.
 *
 * ```ts
 * const tier = new Compare('CheckTier', { value: '$.Attributes.tier' })
 *   .when(FlowCondition.equalTo('gold'), goldQueue)
 *   .when(FlowCondition.equalTo('silver'), silverQueue)
 *   .otherwise(standardQueue);
 * ```
 *
 * Usable in every flow type.
 */
export class Compare extends ConditionalFlowAction {
  private readonly props: CompareProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: CompareProps) {
    super(id, 'Compare');
    this.props = props;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * The flow designer writes the `otherwise()` branch (no condition holds) as the `NextAction` as well.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._otherwiseTarget();
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return { ComparisonValue: this.props.value };
  }
}

/**
 * Routes contacts at random by percentage (the "Distribute by percentage" block), for A/B tests and gradual
 * rollouts: each `withPercentage()` branch receives that share of the contacts, `otherwise()` the rest.
 *
 * ```ts
 * const split = new DistributeByPercentage('Split')
 *   .withPercentage(10, newMenu)
 *   .withPercentage(20, survey)
 *   .otherwise(classicMenu); // the remaining 70 percent
 * ```
 *
 * Amazon Connect draws a number from 1 to 100 and the branches compare it with 1 plus the running total of their
 * percentages (rendered as `NumberLessThan` conditions, as the flow designer writes them: 10% and 20% are "11" and
 * "31"), so the percentages must be whole numbers from 1 and add up to at most 100. Usable in inbound, customer queue,
 * outbound whisper and transfer flows, and in flow modules.
 */
export class DistributeByPercentage extends FlowAction {
  private total = 0;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string) {
    super(id, 'DistributeByPercentage');
  }

  /**
   * Sends a share of the contacts to an action.
   *
   * @param percentage the share of the contacts, a whole number from 1 to 100
   */
  public withPercentage(percentage: number, next: IFlowChainable): DistributeByPercentage {
    this.total += percentage;
    this.addCondition(FlowCondition.numberLessThan(this.total + 1), next);
    return this;
  }

  /**
   * Sends the contacts that no percentage branch takes (100 minus the percentages) to an action: the
   * `NoMatchingCondition` branch, which the flow language requires.
   */
  public otherwise(next: IFlowChainable): DistributeByPercentage {
    this.addError(NO_MATCHING_CONDITION, next);
    return this;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * The flow designer writes the `otherwise()` branch (the rest of the contacts) as the `NextAction` as well.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._otherwiseTarget();
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {};
  }
}

/**
 * Properties of a Loop action.
 */
export interface LoopProps {
  /**
   * How many times to take the looping branch before the done branch, from 0 to 100 (0 takes the done branch at
   * once).
   *
   * @default - none; give `count` or `countPath`
   */
  readonly count?: number;

  /**
   * A JSONPath whose value at run time is the number of times to loop, such as `$.Attributes.retries`.
   *
   * @default - none; give `count` or `countPath`
   */
  readonly countPath?: string;
}

/**
 * Runs part of a flow a number of times (the "Loop" block): the looping branch (`whenLooping()`) is taken each time
 * the action runs until it has run `count` times, then the done branch (`whenDone()`) once, and the count starts
 * again.
 *
 * ```ts
 * const retry = new Loop('Retry', { count: 3 });
 * retry.whenLooping(askAccountNumber).whenDone(transferToAgent);
 * askAccountNumber.onErrorType('InputTimeLimitExceeded', retry);
 * ```
 *
 * Both branches are required. Usable in every flow type.
 */
export class Loop extends FlowAction {
  private readonly props: LoopProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: LoopProps) {
    super(id, 'Loop');
    atMostOneProp(this, ['count', props.count], ['countPath', props.countPath]);
    this.props = props;
  }

  /** Continues with an action each time the loop runs again (the `ContinueLooping` result). */
  public whenLooping(next: IFlowChainable): Loop {
    this.addCondition(FlowCondition.equalTo(LOOP_CONTINUE), next);
    return this;
  }

  /** Continues with an action once the loop has run its count (the `DoneLooping` result). */
  public whenDone(next: IFlowChainable): Loop {
    this.addCondition(FlowCondition.equalTo(LOOP_DONE), next);
    return this;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return compact({ LoopCount: this.props.count === undefined ? this.props.countPath : numberText(this.props.count) });
  }
}

/**
 * Events that end a Wait before its time runs out.
 */
export enum WaitEvent {
  /** The customer returned: sent a message to a chat that was waiting. */
  CUSTOMER_RETURNED = 'CustomerReturned',
  /** A bot participant (a custom participant such as a third-party bot) left the chat. */
  BOT_PARTICIPANT_DISCONNECTED = 'BotParticipantDisconnected',
}

/**
 * Properties of a Wait action.
 */
export interface WaitProps {
  /**
   * How long to wait before the time-expired branch: whole seconds, 1 second to 7 days.
   *
   * @default - none; give `timeout` or `timeoutPath`
   */
  readonly timeout?: Duration;

  /**
   * A JSONPath whose value at run time is the number of seconds to wait, such as `$.Attributes.waitSeconds`.
   *
   * @default - none; give `timeout` or `timeoutPath`
   */
  readonly timeoutPath?: string;
}

/**
 * Pauses the flow (the "Wait" block) until its time runs out or, for chats, until an event happens: the customer
 * returns, or a bot participant disconnects. Each event it waits for is a branch.
 *
 * ```ts
 * const idle = new Wait('WaitForCustomer', { timeout: Duration.hours(2) })
 *   .whenTimeExpired(disconnect)
 *   .whenCustomerReturned(backToQueue);
 * idle.onError(disconnect);
 * ```
 *
 * The time-expired branch is required, and every error must be handled (`onError()`; `onParticipantNotFound()` for
 * the one documented error). Usable in inbound and customer queue flows, and in flow modules.
 */
export class Wait extends FlowAction {
  private readonly props: WaitProps;
  private readonly events: WaitEvent[] = [];

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: WaitProps) {
    super(id, 'Wait');
    atMostOneProp(this, ['timeout', props.timeout], ['timeoutPath', props.timeoutPath]);
    this.props = props;
  }

  /** Continues with an action when the time runs out (the `WaitCompleted` result). */
  public whenTimeExpired(next: IFlowChainable): Wait {
    this.addCondition(FlowCondition.equalTo(WAIT_COMPLETED), next);
    return this;
  }

  /** Waits for the customer to return to the chat, and continues with an action when they do. */
  public whenCustomerReturned(next: IFlowChainable): Wait {
    return this.whenEvent(WaitEvent.CUSTOMER_RETURNED, next);
  }

  /** Waits for a bot participant to leave the chat, and continues with an action when it does. */
  public whenBotParticipantDisconnected(next: IFlowChainable): Wait {
    return this.whenEvent(WaitEvent.BOT_PARTICIPANT_DISCONNECTED, next);
  }

  /**
   * Waits for an event, and continues with an action when it happens.
   *
   * @param waitEvent the event to wait for
   */
  public whenEvent(waitEvent: WaitEvent, next: IFlowChainable): Wait {
    if (this.events.includes(waitEvent)) {
      failAction(this, `already has a branch for the event ${waitEvent}`);
    }
    this.events.push(waitEvent);
    this.addCondition(FlowCondition.equalTo(waitEvent), next);
    return this;
  }

  /** Continues with an action when the participant the wait is for is not found (the `ParticipantNotFound` error). */
  public onParticipantNotFound(next: IFlowChainable): Wait {
    this.addError('ParticipantNotFound', next);
    return this;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    const timeout = this.props.timeout;
    return compact({
      // The flow designer writes TimeLimitSeconds; the flow language reference names it TimeoutSeconds. Connect takes either.
      TimeLimitSeconds: timeout === undefined ? this.props.timeoutPath : numberText(wholeSeconds(this, 'timeout', timeout)),
      Events: this.events.length > 0 ? [...this.events] : undefined,
    });
  }
}

/**
 * How a flow invokes a Lambda function.
 */
export enum LambdaInvocationType {
  /** The flow waits for the function's response (up to the time limit) before it continues. */
  SYNCHRONOUS = 'SYNCHRONOUS',
  /** The flow continues at once, without waiting for the function to complete. */
  ASYNCHRONOUS = 'ASYNCHRONOUS',
}

/**
 * What a Lambda function may return to a flow.
 */
export enum LambdaResponseType {
  /** A flat object whose values are strings. */
  STRING_MAP = 'STRING_MAP',
  /** Any JSON, including nested objects. */
  JSON = 'JSON',
}

/**
 * A value a flow sends to a Lambda function.
 */
export interface LambdaInputParameter {
  /** The name of the value (in the function's event: `Details.Parameters.<name>`). */
  readonly name: string;

  /** The value: text, or a JSONPath of the flow's data such as `$.Attributes.accountId`. */
  readonly value: string;
}

/**
 * Properties of an InvokeLambdaFunction action.
 */
export interface InvokeLambdaFunctionProps {
  /**
   * The function to invoke. The flow associates it with its instance (an `AWS::Connect::IntegrationAssociation`),
   * lets Amazon Connect invoke it (an `AWS::Lambda::Permission`), and is created after the association.
   *
   * @default - none; give `lambdaFunction` or `functionArnPath`
   */
  readonly lambdaFunction?: lambda.IFunction;

  /**
   * A JSONPath whose value at run time is the ARN of the function to invoke, such as `$.Attributes.handler`.
   * Every function it can name must be associated with the instance (`instance.associateLambdaFunction()`).
   *
   * @default - none; give `lambdaFunction` or `functionArnPath`
   */
  readonly functionArnPath?: string;

  /**
   * How long to wait for the function's response: whole seconds, 1 to 8.
   *
   * @default Duration.seconds(3)
   */
  readonly timeout?: Duration;

  /**
   * Whether the flow waits for the function.
   *
   * @default - synchronous (not written into the flow)
   */
  readonly invocationType?: LambdaInvocationType;

  /**
   * What the function may return: a flat map of strings, or any JSON. The response is available under
   * `$.External`.
   *
   * @default - not written into the flow; Amazon Connect expects a flat map of strings
   */
  readonly responseValidation?: LambdaResponseType;

  /**
   * Values to send to the function, besides the contact data it always receives.
   *
   * @default - none
   */
  readonly inputParameters?: LambdaInputParameter[];
}

/**
 * Invokes a Lambda function (the "AWS Lambda function" block); its response is available to the next actions under
 * `$.External`.
 *
 * ```ts
 * declare const lookup: lambda.IFunction;
 *
 * const findCustomer = new InvokeLambdaFunction('FindCustomer', {
 *   lambdaFunction: lookup,
 *   timeout: Duration.seconds(5),
 *   inputParameters: [{ name: 'phone', value: '$.CustomerEndpoint.Address' }],
 * });
 * findCustomer.next(greeting);
 * findCustomer.onError(fallback);
 * ```
 *
 * The flow associates the function with its instance and grants Amazon Connect permission to invoke it. Errors
 * (the function fails or runs out of time) must be handled with `onError()`. Usable in every flow type but outbound
 * whisper and campaign flows.
 */
export class InvokeLambdaFunction extends FlowAction {
  private readonly props: InvokeLambdaFunctionProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: InvokeLambdaFunctionProps) {
    super(id, 'InvokeLambdaFunction');
    atMostOneProp(this, ['lambdaFunction', props.lambdaFunction], ['functionArnPath', props.functionArnPath]);
    const names = new Set<string>();
    for (const parameter of props.inputParameters ?? []) {
      if (!Token.isUnresolved(parameter.name) && names.has(parameter.name)) {
        failAction(this, `has two input parameters named '${parameter.name}'; names must be unique`);
      }
      names.add(parameter.name);
    }
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const props = this.props;
    let attributes: { [key: string]: string } | undefined;
    if (props.inputParameters !== undefined && props.inputParameters.length > 0) {
      attributes = {};
      for (const parameter of props.inputParameters) {
        attributes[parameter.name] = parameter.value;
      }
    }
    return compact({
      LambdaFunctionARN: props.lambdaFunction !== undefined ? context.lambdaFunction(props.lambdaFunction) : props.functionArnPath,
      InvocationTimeLimitSeconds: numberText(wholeSeconds(this, 'timeout', props.timeout ?? Duration.seconds(3))),
      InvocationType: props.invocationType,
      LambdaInvocationAttributes: attributes,
      ResponseValidation: props.responseValidation !== undefined ? { ResponseType: props.responseValidation } : undefined,
    });
  }
}
