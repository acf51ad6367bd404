/**
 * What a test gives the flow simulator: the contact's channel and inputs, and how the world around the flow answers
 * (clock, queues, Lambda functions, Lex bots, authentication, views, chance).
 */

/** The channel of a simulated contact. */
export enum SimulatedChannel {
  /** A chat: customer inputs are chat messages. */
  CHAT = 'CHAT',
  /** A voice call: customer inputs are DTMF digits, written as text (`1`, `123#`). */
  VOICE = 'VOICE',
}

/** How a customer's sign-in in an `AuthenticateParticipant` action ends. */
export enum AuthenticationOutcome {
  /** The customer signs in: the action continues with its next action. */
  SUCCESS = 'SUCCESS',
  /** The customer chooses not to sign in: the `OptedOut` branch. */
  OPTED_OUT = 'OPTED_OUT',
  /** The customer does not sign in within the time limit: the `TimeLimitExceeded` error branch. */
  TIMEOUT = 'TIMEOUT',
  /** The sign-in fails (cancelled, or refused by the identity provider): the error branch (`NoMatchingError`). */
  ERROR = 'ERROR',
}

/** The state of a queue during a simulated contact. */
export interface SimulatedQueueState {
  /**
   * The queue: its name (as created), its construct path or id, or its ARN.
   */
  readonly queue: string;

  /**
   * Whether the queue is at capacity (its `maxContacts` reached): `TransferContactToQueue` takes `QueueAtCapacity`.
   *
   * @default false
   */
  readonly atCapacity?: boolean;

  /**
   * Agents staffed (for `CheckMetricData` `NumberOfAgentsStaffed`).
   *
   * @default 1
   */
  readonly agentsStaffed?: number;

  /**
   * Agents available (`NumberOfAgentsAvailable`).
   *
   * @default 1
   */
  readonly agentsAvailable?: number;

  /**
   * Agents online (`NumberOfAgentsOnline`).
   *
   * @default 1
   */
  readonly agentsOnline?: number;

  /**
   * Contacts waiting in the queue (`NumberOfContactsInQueue`).
   *
   * @default 0
   */
  readonly contactsInQueue?: number;

  /**
   * Age of the oldest contact in the queue, in seconds (`OldestContactInQueueAgeSeconds`).
   *
   * @default 0
   */
  readonly oldestContactAgeSeconds?: number;
}

/** What a Lambda function answers to `InvokeLambdaFunction`. */
export interface SimulatedLambdaResult {
  /** The function: its construct path or id, its function name, or its ARN. */
  readonly function: string;

  /**
   * The attributes the function returns (`$.External`).
   *
   * @default - none
   */
  readonly attributes?: { [key: string]: string };

  /**
   * The function fails: the action takes its error branch.
   *
   * @default false
   */
  readonly error?: boolean;

  /**
   * The function does not answer within the action's time limit: the action takes its error branch (Amazon Connect
   * routes a timeout like any other failure of the function).
   *
   * @default false
   */
  readonly timeout?: boolean;
}

/** What a Lex bot recognizes in a customer input of `ConnectParticipantWithLexBot`. */
export interface SimulatedLexResult {
  /**
   * The customer input this result is for; results without an utterance are taken in order by the inputs that no
   * result names.
   *
   * @default - the next customer input that no other result names
   */
  readonly utterance?: string;

  /** The intent the bot recognizes (`$.Lex.IntentName`); the action branches on it. */
  readonly intent: string;

  /**
   * The slots the bot fills (`$.Lex.Slots`).
   *
   * @default - none
   */
  readonly slots?: { [key: string]: string };

  /**
   * Session attributes the bot returns (`$.Lex.SessionAttributes`).
   *
   * @default - none
   */
  readonly sessionAttributes?: { [key: string]: string };
}

/** What a customer does with a view (`ShowView`). */
export interface SimulatedViewResult {
  /**
   * The action of the view the customer takes (`Submit`, `Back`, ...): the action branches on it.
   */
  readonly action: string;

  /**
   * The data the view returns (`$.Views.ViewResultData`).
   *
   * @default - none
   */
  readonly data?: { [key: string]: string };
}

/** The world a simulated contact runs in. */
export interface SimulationEnvironment {
  /**
   * The channel.
   *
   * @default SimulatedChannel.CHAT
   */
  readonly channel?: SimulatedChannel;

  /**
   * What the customer sends, in order: chat messages, or DTMF digits as text for VOICE. An input action that finds
   * no input left leaves the contact waiting for the customer (end `WAITING`), unless `silenceAfterInputs` is set.
   *
   * @default - none
   */
  readonly customerInputs?: string[];

  /**
   * When the inputs run out, the customer stays silent: input actions take their timeout branch
   * (`InputTimeLimitExceeded`).
   *
   * @default false
   */
  readonly silenceAfterInputs?: boolean;

  /**
   * The time the contact starts, as an ISO 8601 date and time (`2026-12-07T15:00:00Z`); hours of operation are
   * checked at it, in their own time zones.
   *
   * @default '2026-01-05T15:00:00Z' (a Monday, 10:00 in New York)
   */
  readonly startTime?: string;

  /**
   * Contact attributes the contact starts with (`$.Attributes`), such as those `StartChatContact` passes.
   *
   * @default - none
   */
  readonly attributes?: { [key: string]: string };

  /**
   * Queue states; queues not listed have capacity and one agent staffed, available and online.
   *
   * @default - every queue has capacity
   */
  readonly queues?: SimulatedQueueState[];

  /**
   * What Lambda functions answer. A function the flow invokes that is not listed is an error of the simulation.
   *
   * @default - none
   */
  readonly lambdaResults?: SimulatedLambdaResult[];

  /**
   * What Lex bots recognize.
   *
   * @default - none
   */
  readonly lexResults?: SimulatedLexResult[];

  /**
   * How `AuthenticateParticipant` ends.
   *
   * @default - an AuthenticateParticipant action is an error of the simulation
   */
  readonly authentication?: AuthenticationOutcome;

  /**
   * What the customer does with views (`ShowView`), in order.
   *
   * @default - none
   */
  readonly viewResults?: SimulatedViewResult[];

  /**
   * The seed of `DistributeByPercentage`'s random numbers: the same seed takes the same branches.
   *
   * @default 1
   */
  readonly seed?: number;

  /**
   * The most actions a contact runs before the simulation stops with an error (a runaway loop).
   *
   * @default 10000
   */
  readonly maxSteps?: number;

  /**
   * The customer's display name in the transcript.
   *
   * @default 'Customer'
   */
  readonly customerDisplayName?: string;
}
