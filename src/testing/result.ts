/** Where a simulated contact ended. */
export enum SimulationEndType {
  /** Transferred to a queue (`TransferContactToQueue`): `target` is the queue's name. */
  QUEUE = 'QUEUE',
  /** Transferred to an agent (`TransferContactToAgent`). */
  AGENT = 'AGENT',
  /** Transferred to a flow that is not part of the simulated contact center: `target` names it. */
  FLOW = 'FLOW',
  /** Disconnected by the flow (`DisconnectParticipant`). */
  DISCONNECTED = 'DISCONNECTED',
  /** The flow ended (`EndFlowExecution`, or the end of the messages of a customer queue flow). */
  ENDED = 'ENDED',
  /** The flow waits for the customer, who sends nothing more. */
  WAITING = 'WAITING',
  /**
   * An action raised an error that it has no branch for, or a branch the action has none for was taken: Amazon
   * Connect disconnects the contact. `reason` says which.
   */
  ERROR = 'ERROR',
}

/** Where and how a simulated contact ended. */
export interface SimulationEnd {
  /** How it ended. */
  readonly type: SimulationEndType;

  /**
   * The queue, flow or other target, by name.
   *
   * @default - none (the end has no target)
   */
  readonly target?: string;

  /** The name of the flow the contact was in. */
  readonly flow: string;

  /** The identifier of the last action. */
  readonly action: string;

  /**
   * Why the contact ended with an error.
   *
   * @default - no reason (not an error)
   */
  readonly reason?: string;
}

/** One action a simulated contact ran, and the branch it took. */
export interface SimulatedStep {
  /** The name of the flow or flow module. */
  readonly flow: string;

  /** The action's identifier. */
  readonly action: string;

  /** The action's type. */
  readonly actionType: string;

  /**
   * The branch it took: `Next`, a condition (`= 1`, `> 5`), an error type (`NoMatchingError`), or `End` for actions
   * that end the flow.
   */
  readonly branch: string;
}

/**
 * An item of a transcript, shaped like the Participant Service's `GetTranscript` items (with camelCase names:
 * `Id` is `id`, and so on), so that assertions on a simulated chat fit a live one.
 */
export interface TranscriptItem {
  /** The item's identifier. */
  readonly id: string;

  /** `MESSAGE` or `EVENT`. */
  readonly type: string;

  /** `text/plain` for messages, `application/vnd.amazonaws.connect.event.*` for events. */
  readonly contentType: string;

  /**
   * The message text.
   *
   * @default - none (events)
   */
  readonly content?: string;

  /** `CUSTOMER`, `SYSTEM`, `AGENT` or `CUSTOM_BOT`. */
  readonly participantRole: string;

  /** The display name: `SYSTEM_MESSAGE` for the flow's messages, the customer's name for the customer's. */
  readonly displayName: string;

  /** When, as ISO 8601 with milliseconds (`2026-01-05T15:00:01.000Z`). */
  readonly absoluteTime: string;
}

/** The outcome of a simulated contact. */
export interface SimulationResult {
  /** The actions the contact ran, in order, and the branch each took. */
  readonly path: SimulatedStep[];

  /**
   * The contact's data at the end, by reference: `$.Attributes.<name>` (user-defined attributes, also under their
   * plain name), `$.External.<name>`, `$.Lex.IntentName`, `$.Lex.Slots.<name>`, `$.FlowAttributes.<name>`,
   * `$.StoredCustomerInput`, `$.Queue.Name`, `$.Channel`, ...
   */
  readonly attributes: { [key: string]: string };

  /** Where the contact ended. */
  readonly end: SimulationEnd;

  /** The chat as `GetTranscript` items: the flow's messages (`SYSTEM`), the customer's, and events. */
  readonly transcript: TranscriptItem[];
}
