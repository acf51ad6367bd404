/**
 * The live chat runner: runs chat test scripts against a deployed instance as a chat customer's client does.
 * `StartChatContact` (Connect API) starts each chat; the Participant Service connects the customer
 * (`CreateParticipantConnection` with `WEBSOCKET` and `CONNECTION_CREDENTIALS`), the flow's messages arrive over the
 * websocket (with `GetTranscript` polled while the websocket is down), the customer's go with `SendMessage` (a typing
 * event first, `SendEvent`), and `DisconnectParticipant` ends the chat.
 *
 * Faults: throttling is retried by the SDK clients (standard retry mode); a connection token that the Participant
 * Service refuses (`AccessDeniedException`: it expired) is replaced once by a new connection from the participant
 * token; a dropped websocket falls back to `GetTranscript`; a step that sees nothing within the step timeout fails.
 */
import {
  ConnectClient, DescribeContactCommand, DescribeQueueCommand, GetContactAttributesCommand, StartChatContactCommand,
} from '@aws-sdk/client-connect';
import {
  ConnectParticipantClient, CreateParticipantConnectionCommand, DisconnectParticipantCommand, GetTranscriptCommand,
  Item, SendEventCommand, SendMessageCommand,
} from '@aws-sdk/client-connectparticipant';
import WebSocket from 'ws';
import type { LiveItem, LiveRunOptions, LiveScript, LiveScriptReport, StepData } from '../../src/testing/live-types';

const ENDED_EVENTS = new Set([
  'application/vnd.amazonaws.connect.event.chat.ended',
  'application/vnd.amazonaws.connect.event.participant.left',
]);

/** A failure of the services (not of the flow): the run stops the script and reports it as infrastructure. */
class InfrastructureError extends Error {}

/** A step that saw nothing in time. */
class StepTimeout extends Error {}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function errorName(e: unknown): string {
  return (e as { name?: string }).name ?? 'Error';
}

function environmentCredentials(): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined;
}

/** Runs the scripts one after the other. */
export async function runLive(options: LiveRunOptions): Promise<LiveScriptReport[]> {
  const common = {
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    // Credentials from the environment are given as they are (the first source of the default chain anyway), so
    // that the chain's providers, which the SDK loads with import(), are loaded only when they are needed.
    credentials: options.credentials ?? environmentCredentials(),
    maxAttempts: options.maxAttempts ?? 5,
  };
  const connect = new ConnectClient({ ...common, endpoint: options.connectEndpoint });
  const participant = new ConnectParticipantClient({ ...common, endpoint: options.participantEndpoint });
  const reports: LiveScriptReport[] = [];
  try {
    for (const script of options.scripts) {
      reports.push(await new LiveChat(options, connect, participant, script).run());
    }
  } finally {
    connect.destroy();
    participant.destroy();
  }
  return reports;
}

/** One chat of a script. */
class LiveChat {
  private readonly items: LiveItem[] = [];
  private readonly seen = new Set<string>();
  private socket?: WebSocket;
  private socketOpen = false;
  private connectionToken?: string;
  private participantToken?: string;
  private contactId?: string;
  private ended = false;
  private cursor = 0;
  private sends = 0;

  constructor(
    private readonly options: LiveRunOptions,
    private readonly connect: ConnectClient,
    private readonly participant: ConnectParticipantClient,
    private readonly script: LiveScript) {}

  public async run(): Promise<LiveScriptReport> {
    const started = Date.now();
    let failedStep: number | undefined;
    let error: string | undefined;
    let infrastructure = false;
    let attributes: Record<string, string> | undefined;
    let queueId: string | undefined;
    let step = 0;
    try {
      await this.start();
      for (; step < this.script.steps.length; step++) {
        await this.runStep(this.script.steps[step]);
      }
      step = -1;
      const wantsAttributes = this.script.steps.some(s => s.expectAttributes !== undefined);
      const wantsEnd = this.script.steps.find(s => s.expectEnd !== undefined)?.expectEnd;
      if (wantsEnd !== undefined) {
        const type = typeof wantsEnd === 'string' ? wantsEnd : wantsEnd.type;
        if (type === 'DISCONNECTED') {
          await this.waitFor(() => this.ended, 'the chat to end').catch(() => undefined);
        }
        queueId = await this.queueOfContact();
      }
      if (wantsAttributes) {
        attributes = await this.call(() => this.connect.send(new GetContactAttributesCommand({
          InstanceId: this.options.instanceId, InitialContactId: this.contactId,
        })), 'GetContactAttributes').then(out => out.Attributes ?? {});
      }
    } catch (e) {
      failedStep = step >= 0 ? step : this.script.steps.length - 1;
      infrastructure = e instanceof InfrastructureError;
      error = (e as Error).message;
    } finally {
      await this.disconnect();
    }
    return {
      name: this.script.name,
      contactId: this.contactId,
      transcript: this.items,
      attributes,
      ended: this.ended,
      queueId,
      failedStep,
      error,
      infrastructure,
      durationMs: Date.now() - started,
    };
  }

  /** Calls a service; errors other than the flow's become infrastructure errors naming the operation. */
  private async call<T>(fn: () => Promise<T>, operation: string): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw new InfrastructureError(`${operation} failed: ${errorName(e)}: ${(e as Error).message}`);
    }
  }

  /** Calls the Participant Service with the connection token, replacing a token it refuses once. */
  private async withConnection<T>(fn: (token: string) => Promise<T>, operation: string): Promise<T> {
    try {
      return await fn(this.connectionToken!);
    } catch (e) {
      if (errorName(e) !== 'AccessDeniedException') {
        throw new InfrastructureError(`${operation} failed: ${errorName(e)}: ${(e as Error).message}`);
      }
    }
    await this.createConnection();
    return this.call(() => fn(this.connectionToken!), operation);
  }

  private async start(): Promise<void> {
    const out = await this.call(() => this.connect.send(new StartChatContactCommand({
      InstanceId: this.options.instanceId,
      ContactFlowId: this.options.contactFlowId,
      ParticipantDetails: { DisplayName: this.script.displayName ?? 'Customer' },
      Attributes: this.script.attributes,
    })), 'StartChatContact');
    this.contactId = out.ContactId;
    this.participantToken = out.ParticipantToken;
    await this.createConnection();
  }

  private async createConnection(): Promise<void> {
    const out = await this.call(() => this.participant.send(new CreateParticipantConnectionCommand({
      ParticipantToken: this.participantToken,
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
      ConnectParticipant: true,
    })), 'CreateParticipantConnection');
    this.connectionToken = out.ConnectionCredentials?.ConnectionToken;
    if (this.connectionToken === undefined) {
      throw new InfrastructureError('CreateParticipantConnection returned no connection token');
    }
    const url = out.Websocket?.Url;
    this.socket?.removeAllListeners();
    this.socket?.terminate();
    this.socket = undefined;
    this.socketOpen = false;
    if (url !== undefined) {
      this.openSocket(url);
    }
  }

  private openSocket(url: string): void {
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.on('open', () => {
      this.socketOpen = true;
      socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    });
    socket.on('message', data => {
      try {
        const message = JSON.parse(data.toString());
        if (message.topic === 'aws/chat' && typeof message.content === 'string') {
          this.add(JSON.parse(message.content));
        }
      } catch {
        // Not a chat message: ignore.
      }
    });
    const down = () => { this.socketOpen = false; };
    socket.on('close', down);
    socket.on('error', down);
  }

  private add(item: Item | LiveItem): void {
    if (item.Id === undefined || this.seen.has(item.Id)) {
      return;
    }
    this.seen.add(item.Id);
    this.items.push({
      Id: item.Id,
      Type: String(item.Type),
      ContentType: String(item.ContentType),
      Content: item.Content,
      ParticipantRole: item.ParticipantRole,
      DisplayName: item.DisplayName,
      AbsoluteTime: item.AbsoluteTime,
    });
    if (item.Type === 'EVENT' && ENDED_EVENTS.has(String(item.ContentType)) && item.ParticipantRole !== 'CUSTOMER') {
      this.ended = true;
    }
    if (item.Type === 'EVENT' && item.ContentType === 'application/vnd.amazonaws.connect.event.chat.ended') {
      this.ended = true;
    }
  }

  /** Reads the transcript with GetTranscript (while the websocket is down). */
  private async poll(): Promise<void> {
    let nextToken: string | undefined;
    do {
      const out = await this.withConnection(token => this.participant.send(new GetTranscriptCommand({
        ConnectionToken: token, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', MaxResults: 100, NextToken: nextToken,
      })), 'GetTranscript');
      for (const item of out.Transcript ?? []) {
        this.add(item);
      }
      nextToken = out.NextToken;
    } while (nextToken !== undefined);
  }

  /** Waits until a condition holds, polling the transcript while the websocket is down. */
  private async waitFor(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + this.options.stepTimeoutMs;
    const interval = this.options.pollIntervalMs ?? 500;
    while (!condition()) {
      if (Date.now() >= deadline) {
        throw new StepTimeout(`waited ${this.options.stepTimeoutMs} ms for ${what}, and nothing came`);
      }
      // Read the transcript while the websocket is down (not while it is still opening).
      if (!this.socketOpen && this.socket?.readyState !== WebSocket.CONNECTING) {
        await this.poll();
        if (condition()) {
          return;
        }
      }
      await sleep(interval);
    }
  }

  private messages(): LiveItem[] {
    return this.items.filter(item => item.Type === 'MESSAGE');
  }

  private async runStep(step: StepData): Promise<void> {
    if (step.send !== undefined) {
      const text = step.send;
      await this.withConnection(token => this.participant.send(new SendEventCommand({
        ConnectionToken: token, ContentType: 'application/vnd.amazonaws.connect.event.typing',
      })), 'SendEvent');
      this.sends++;
      const out = await this.withConnection(token => this.participant.send(new SendMessageCommand({
        ConnectionToken: token, ContentType: 'text/plain', Content: text, ClientToken: `${this.contactId}-${this.sends}`,
      })), 'SendMessage');
      // The service echoes the message over the websocket; until it does, the transcript holds it as sent.
      this.add({
        Id: out.Id,
        Type: 'MESSAGE',
        ContentType: 'text/plain',
        Content: text,
        ParticipantRole: 'CUSTOMER',
        DisplayName: this.script.displayName ?? 'Customer',
        AbsoluteTime: out.AbsoluteTime,
      });
      // The flow's answer may already be in (the websocket is faster than SendMessage's response): the next step
      // reads from the message after the customer's.
      this.cursor = this.messages().findIndex(item => item.Id === out.Id) + 1;
      return;
    }
    if (step.expect !== undefined || step.expectMatching !== undefined) {
      const index = this.cursor;
      await this.waitFor(() => this.messages().length > index, 'the flow\'s next message');
      this.cursor = index + 1;
    }
    // Silence: the flow's input action times out by itself. Attributes and the end are read after the last step.
  }

  /** The queue the contact is in (DescribeContact), by name when DescribeQueue answers. */
  private async queueOfContact(): Promise<string | undefined> {
    const out = await this.call(() => this.connect.send(new DescribeContactCommand({
      InstanceId: this.options.instanceId, ContactId: this.contactId,
    })), 'DescribeContact');
    const queueId = out.Contact?.QueueInfo?.Id;
    if (queueId === undefined) {
      return undefined;
    }
    try {
      const queue = await this.connect.send(new DescribeQueueCommand({ InstanceId: this.options.instanceId, QueueId: queueId }));
      return queue.Queue?.Name ?? queueId;
    } catch {
      return queueId;
    }
  }

  private async disconnect(): Promise<void> {
    if (this.connectionToken !== undefined && !this.ended) {
      await this.participant.send(new DisconnectParticipantCommand({ ConnectionToken: this.connectionToken })).catch(() => undefined);
    }
    this.socket?.removeAllListeners();
    this.socket?.on('error', () => undefined);
    this.socket?.terminate();
  }
}
