/** What src/testing and the bundled runtime (lambda/testing) exchange for a live run. Not part of the public API. */

/** A step of a chat script as plain data (the script format). */
export interface StepData {
  readonly send?: string;
  readonly silence?: boolean;
  readonly expect?: string;
  readonly expectMatching?: string;
  readonly expectAttributes?: Record<string, string>;
  readonly expectEnd?: string | { readonly type: string; readonly target?: string };
}

/** A script for the live runner. */
export interface LiveScript {
  readonly name: string;
  readonly steps: readonly StepData[];
  readonly attributes?: Record<string, string>;
  readonly displayName?: string;
}

/** Options of a live run. */
export interface LiveRunOptions {
  readonly instanceId: string;
  readonly contactFlowId: string;
  readonly scripts: readonly LiveScript[];
  readonly region?: string;
  /** Endpoint overrides (tests: the stand-ins on 127.0.0.1). */
  readonly connectEndpoint?: string;
  readonly participantEndpoint?: string;
  readonly stepTimeoutMs: number;
  /** How often GetTranscript is polled when the websocket is down. */
  readonly pollIntervalMs?: number;
  /** Credentials for tests; the default provider chain otherwise. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  readonly maxAttempts?: number;
}

/** A transcript item as the live runner saw it (GetTranscript's shape). */
export interface LiveItem {
  readonly Id: string;
  readonly Type: string;
  readonly ContentType: string;
  readonly Content?: string;
  readonly ParticipantRole?: string;
  readonly DisplayName?: string;
  readonly AbsoluteTime?: string;
}

/** What the live runner reports for one script: the transcript, what it observed, or where it gave up. */
export interface LiveScriptReport {
  readonly name: string;
  readonly contactId?: string;
  readonly transcript: LiveItem[];
  /** The contact's user-defined attributes at the end (GetContactAttributes), when the script expects some. */
  readonly attributes?: Record<string, string>;
  /** Whether the chat ended (chat.ended event or participant left). */
  readonly ended: boolean;
  /** The queue the contact is in at the end (DescribeContact's QueueInfo), when the script expects an end. */
  readonly queueId?: string;
  /** A step the runner could not complete: its index, and why (a timeout, an error of the services). */
  readonly failedStep?: number;
  readonly error?: string;
  /** Whether the failure is of the infrastructure (services, credentials) rather than of the flow. */
  readonly infrastructure?: boolean;
  readonly durationMs: number;
}
