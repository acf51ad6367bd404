import { Duration } from 'aws-cdk-lib';
import { checkSteps } from './check';
import { LiveScriptReport } from './live-types';
import { TranscriptItem } from './result';
import { flowTestingRuntime } from './runtime';
import { ChatScript, ChatScriptResult, ChatScriptStep } from './script';

/** Properties of a `LiveChatRunner`. */
export interface LiveChatRunnerProps {
  /** The Amazon Connect instance: its id (or ARN). */
  readonly instanceId: string;

  /** The flow chats start in: its id (or ARN). */
  readonly contactFlowId: string;

  /**
   * The AWS Region of the instance.
   *
   * @default - the AWS_REGION environment variable, else us-east-1
   */
  readonly region?: string;

  /**
   * How long a step waits for the flow (its next message, the end of the chat).
   *
   * @default Duration.seconds(30)
   */
  readonly stepTimeout?: Duration;

  /**
   * How often the transcript is read with `GetTranscript` while the websocket is down.
   *
   * @default Duration.millis(500)
   */
  readonly pollInterval?: Duration;

  /**
   * The Connect API endpoint (for tests against a stand-in).
   *
   * @default - the Region's endpoint
   */
  readonly connectEndpoint?: string;

  /**
   * The Participant Service endpoint (for tests against a stand-in).
   *
   * @default - the Region's endpoint
   */
  readonly participantEndpoint?: string;

  /**
   * How many times the SDK clients try a call (throttling and other retryable errors are retried with backoff).
   *
   * @default 5
   */
  readonly maxAttempts?: number;
}

/** The live transcript item in the simulator's shape. */
function itemOf(item: LiveScriptReport['transcript'][number]): TranscriptItem {
  return {
    id: item.Id,
    type: item.Type,
    contentType: item.ContentType,
    content: item.Content,
    participantRole: item.ParticipantRole ?? 'SYSTEM',
    displayName: item.DisplayName ?? '',
    absoluteTime: item.AbsoluteTime ?? '',
  };
}

/**
 * Runs chat test scripts against a deployed instance, as a chat customer's client does: `StartChatContact`, then the
 * Participant Service (`CreateParticipantConnection` with `WEBSOCKET` and `CONNECTION_CREDENTIALS`, the flow's
 * messages over the websocket with `GetTranscript` as fallback, `SendMessage`, `SendEvent`, `DisconnectParticipant`),
 * with a timeout per step and a result per script.
 *
 * What a live chat shows: the messages (checked like the simulator's), the user-defined attributes
 * (`GetContactAttributes`), whether the chat ended and the contact's queue (`DescribeContact`, `DescribeQueue`).
 * Other data (`$.External`, `$.Lex`) is not visible: such expectations are noted as not checked. The script's
 * environment (time, Lambda results, ...) is the real world's; only its `attributes` are passed to
 * `StartChatContact`.
 *
 * The runner needs credentials allowed `connect:StartChatContact`, `connect:GetContactAttributes`,
 * `connect:DescribeContact` and `connect:DescribeQueue` on the instance. It loads the bundled flow testing runtime
 * (the SDK clients and ws) when it runs.
 */
export class LiveChatRunner {
  private readonly props: LiveChatRunnerProps;

  constructor(props: LiveChatRunnerProps) {
    this.props = props;
  }

  /** Runs the scripts one after the other; a result per script. */
  public async run(scripts: ChatScript[]): Promise<ChatScriptResult[]> {
    const stepTimeoutMs = (this.props.stepTimeout ?? Duration.seconds(30)).toMilliseconds();
    const reports = await flowTestingRuntime().runLive({
      instanceId: this.props.instanceId.replace(/^arn:[^:]+:connect:[^:]*:\d+:instance\//, ''),
      contactFlowId: this.props.contactFlowId.replace(/^arn:.*\/contact-flow\//, ''),
      region: this.props.region,
      connectEndpoint: this.props.connectEndpoint,
      participantEndpoint: this.props.participantEndpoint,
      stepTimeoutMs,
      pollIntervalMs: this.props.pollInterval?.toMilliseconds(),
      maxAttempts: this.props.maxAttempts,
      scripts: scripts.map(script => ({
        name: script.name,
        steps: script._stepData(),
        attributes: script.environment.attributes,
        displayName: script.environment.customerDisplayName,
      })),
    });
    return reports.map((report, index) => resultOf(scripts[index], report));
  }
}

/** What can be observed live of a step, or why not. */
function unobservable(step: ChatScriptStep): string | undefined {
  const expected = step._data.expectAttributes;
  if (expected !== undefined && Object.keys(expected).some(key => key.startsWith('$.') && !key.startsWith('$.Attributes.'))) {
    return 'only user-defined attributes can be read live (GetContactAttributes)';
  }
  const end = step._data.expectEnd;
  const type = typeof end === 'string' ? end : end?.type;
  if (type !== undefined && !['QUEUE', 'DISCONNECTED'].includes(type)) {
    return `a live chat shows whether it ended and its queue, not an end ${type}`;
  }
  return undefined;
}

function resultOf(script: ChatScript, report: LiveScriptReport): ChatScriptResult {
  const transcript = report.transcript.map(itemOf);
  const attributes: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(report.attributes ?? {})) {
    attributes[key] = value;
    attributes[`$.Attributes.${key}`] = value;
  }
  const end = report.ended ? { type: 'DISCONNECTED' } : report.queueId !== undefined ? { type: 'QUEUE', target: report.queueId } : undefined;
  const outcome = checkSteps(script.steps, {
    transcript,
    attributes,
    end,
    unobservable,
    failedStep: report.failedStep,
    error: report.error,
  });
  return ChatScriptResult._create(script, outcome, transcript, report.durationMs, undefined, report.infrastructure ?? false);
}
