import * as http from 'http';
import { WebSocket, WebSocketServer } from 'ws';
import { SimulatedContactCenter, SimulationEnvironment, SimulationEndType, TranscriptItem } from '../../src';
import { answer, listen, readBody } from '../local-http';

/** The instance and flow the stand-in answers for. */
export const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';

/** Faults the stand-in plays. */
export interface StandInFaults {
  /** Answer this many StartChatContact calls with ThrottlingException first. */
  readonly throttleStarts?: number;
  /** The first connection token of a chat is refused (AccessDeniedException: expired) after this many calls with it. */
  readonly expireTokenAfter?: number;
  /** The flow never answers: no message of the flow reaches the customer. */
  readonly silentFlow?: boolean;
  /** The websocket is closed after this many items were pushed over it (the rest only by GetTranscript). */
  readonly dropSocketAfter?: number;
}

/** One chat the stand-in holds. */
interface Chat {
  readonly contactId: string;
  readonly flow: string;
  readonly attributes: Record<string, string>;
  readonly inputs: string[];
  /** Every item of the chat so far, customer messages included, in order. */
  readonly items: TranscriptItem[];
  /** How many of the simulation's non-customer items are in `items`. */
  flowItems: number;
  end?: { type: string; target?: string };
  simulatedAttributes: Record<string, string>;
  sockets: WebSocket[];
  pushed: number;
  disconnected: boolean;
}

/**
 * A local stand-in of the Connect API (StartChatContact, GetContactAttributes, DescribeContact, DescribeQueue) and of
 * the Participant Service (CreateParticipantConnection, SendMessage, SendEvent, GetTranscript, DisconnectParticipant,
 * and the websocket) on 127.0.0.1, answering with the flow simulator: each chat is a simulated contact of a flow,
 * simulated again with the customer's messages so far whenever one arrives. The real SDK clients reach it with
 * endpoint overrides.
 */
export class ChatStandIn {
  /** Every request: operation path and token. */
  public readonly calls: string[] = [];
  private readonly server = http.createServer((req, res) => void this.serve(req, res));
  private readonly sockets = new WebSocketServer({ server: this.server });
  private readonly chats = new Map<string, Chat>();
  /** Connection token → contact, and how many calls it made. */
  private readonly tokens = new Map<string, { contactId: string; calls: number; first: boolean }>();
  private starts = 0;
  private url = '';

  constructor(
    private readonly center: SimulatedContactCenter,
    private readonly flows: Record<string, string>,
    private readonly environment: SimulationEnvironment = {},
    public faults: StandInFaults = {}) {
    this.sockets.on('connection', (socket, req) => this.onSocket(socket, req));
  }

  public async start(): Promise<string> {
    this.url = await listen(this.server);
    return this.url;
  }

  public stop(): Promise<void> {
    for (const client of this.sockets.clients) {
      client.terminate();
    }
    return new Promise(resolve => this.sockets.close(() => this.server.close(() => resolve())));
  }

  /** The chat of a contact (for assertions). */
  public chat(contactId: string): Chat | undefined {
    return this.chats.get(contactId);
  }

  private simulate(chat: Chat): void {
    const result = this.center.flow(chat.flow).run({ ...this.environment, attributes: chat.attributes, customerInputs: chat.inputs });
    const flowItems = result.transcript.filter(item => item.participantRole !== 'CUSTOMER');
    if (!this.faults.silentFlow) {
      for (const item of flowItems.slice(chat.flowItems)) {
        chat.items.push(item);
        this.push(chat, item);
      }
      chat.flowItems = flowItems.length;
    }
    chat.end = result.end.type === SimulationEndType.WAITING ? undefined : { type: result.end.type, target: result.end.target };
    chat.simulatedAttributes = Object.fromEntries(Object.entries(result.attributes).filter(([key]) => !key.startsWith('$.')));
  }

  private push(chat: Chat, item: TranscriptItem): void {
    for (const socket of chat.sockets) {
      if (socket.readyState !== WebSocket.OPEN) {
        continue;
      }
      if (this.faults.dropSocketAfter !== undefined && chat.pushed >= this.faults.dropSocketAfter) {
        socket.terminate();
        continue;
      }
      chat.pushed++;
      socket.send(JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(wire(item, chat.contactId)) }));
    }
  }

  private onSocket(socket: WebSocket, req: http.IncomingMessage): void {
    const token = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
    const chat = this.chats.get(this.tokens.get(token)?.contactId ?? '');
    if (chat === undefined) {
      socket.close(4001, 'unknown token');
      return;
    }
    socket.on('message', data => {
      const message = JSON.parse(data.toString());
      if (message.topic === 'aws/subscribe') {
        chat.sockets.push(socket);
        // What the flow said before the customer subscribed.
        for (const item of chat.items.filter(i => i.participantRole !== 'CUSTOMER')) {
          this.push(chat, item);
        }
      }
    });
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const text = await readBody(req);
    const body = text ? JSON.parse(text) : {};
    const url = new URL(req.url!, 'http://127.0.0.1');
    const bearer = String(req.headers['x-amz-bearer'] ?? '');
    this.calls.push(`${req.method} ${url.pathname}`);

    // ---- Connect API
    if (req.method === 'PUT' && url.pathname === '/contact/chat') {
      if (this.starts++ < (this.faults.throttleStarts ?? 0)) {
        return answer(res, 429, { message: 'Rate exceeded' }, 'ThrottlingException');
      }
      if (body.InstanceId !== INSTANCE_ID) {
        return answer(res, 404, { message: 'instance not found' }, 'ResourceNotFoundException');
      }
      const flow = this.flows[body.ContactFlowId];
      if (flow === undefined) {
        return answer(res, 400, { message: 'flow not found' }, 'InvalidRequestException');
      }
      const contactId = `contact-${this.chats.size + 1}`;
      const chat: Chat = {
        contactId,
        flow,
        attributes: body.Attributes ?? {},
        inputs: [],
        items: [],
        flowItems: 0,
        simulatedAttributes: {},
        sockets: [],
        pushed: 0,
        disconnected: false,
      };
      this.chats.set(contactId, chat);
      this.simulate(chat);
      return answer(res, 200, { ContactId: contactId, ParticipantId: `participant-${contactId}`, ParticipantToken: `participant-token-${contactId}` });
    }
    const attributes = /^\/contact\/attributes\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && attributes) {
      const chat = this.chats.get(attributes[2]);
      return chat ? answer(res, 200, { Attributes: { ...chat.attributes, ...chat.simulatedAttributes } })
        : answer(res, 404, { message: 'contact not found' }, 'ResourceNotFoundException');
    }
    const contact = /^\/contacts\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && contact) {
      const chat = this.chats.get(contact[2]);
      if (chat === undefined) {
        return answer(res, 404, { message: 'contact not found' }, 'ResourceNotFoundException');
      }
      const queue = chat.end?.type === 'QUEUE' ? { QueueInfo: { Id: `queue-${encodeURIComponent(chat.end.target ?? '')}` } } : {};
      return answer(res, 200, { Contact: { Id: chat.contactId, Channel: 'CHAT', ...queue } });
    }
    const queue = /^\/queues\/([^/]+)\/queue-(.*)$/.exec(url.pathname);
    if (req.method === 'GET' && queue) {
      return answer(res, 200, { Queue: { QueueId: `queue-${queue[2]}`, Name: decodeURIComponent(queue[2]) } });
    }

    // ---- Participant Service
    if (req.method === 'POST' && url.pathname === '/participant/connection') {
      const contactId = /^participant-token-(.*)$/.exec(bearer)?.[1];
      if (contactId === undefined || !this.chats.has(contactId)) {
        return answer(res, 403, { message: 'Access denied' }, 'AccessDeniedException');
      }
      const token = `connection-${contactId}-${this.tokens.size + 1}`;
      const first = ![...this.tokens.values()].some(known => known.contactId === contactId);
      this.tokens.set(token, { contactId, calls: 0, first });
      return answer(res, 200, {
        Websocket: { Url: `${this.url.replace(/^http/, 'ws')}/connect?token=${token}`, ConnectionExpiry: '2099-01-01T00:00:00Z' },
        ConnectionCredentials: { ConnectionToken: token, Expiry: '2099-01-01T00:00:00Z' },
      });
    }
    const connection = this.tokens.get(bearer);
    const chat = connection === undefined ? undefined : this.chats.get(connection.contactId);
    if (connection === undefined || chat === undefined || chat.disconnected) {
      return answer(res, 403, { message: 'Access denied' }, 'AccessDeniedException');
    }
    connection.calls++;
    if (this.faults.expireTokenAfter !== undefined && connection.first && connection.calls > this.faults.expireTokenAfter) {
      return answer(res, 403, { message: 'The connection token has expired' }, 'AccessDeniedException');
    }
    if (req.method === 'POST' && url.pathname === '/participant/message') {
      const item: TranscriptItem = {
        id: `customer-${chat.items.length + 1}`,
        type: 'MESSAGE',
        contentType: body.ContentType,
        content: body.Content,
        participantRole: 'CUSTOMER',
        displayName: 'Customer',
        absoluteTime: new Date().toISOString(),
      };
      chat.items.push(item);
      this.push(chat, item);
      chat.inputs.push(body.Content);
      this.simulate(chat);
      return answer(res, 200, { Id: item.id, AbsoluteTime: item.absoluteTime });
    }
    if (req.method === 'POST' && url.pathname === '/participant/event') {
      return answer(res, 200, { Id: `event-${chat.items.length + 1}`, AbsoluteTime: new Date().toISOString() });
    }
    if (req.method === 'POST' && url.pathname === '/participant/transcript') {
      return answer(res, 200, { InitialContactId: chat.contactId, Transcript: chat.items.map(item => wire(item, chat.contactId)) });
    }
    if (req.method === 'POST' && url.pathname === '/participant/disconnect') {
      chat.disconnected = true;
      return answer(res, 200, {});
    }
    return answer(res, 404, { message: `no route ${req.method} ${url.pathname}` }, 'UnknownOperationException');
  }
}

/** A transcript item as the Participant Service sends it. */
function wire(item: TranscriptItem, contactId: string): Record<string, unknown> {
  return {
    Id: item.id,
    Type: item.type,
    ContentType: item.contentType,
    Content: item.content,
    ParticipantRole: item.participantRole,
    DisplayName: item.displayName,
    AbsoluteTime: item.absoluteTime,
    ContactId: contactId,
    InitialContactId: contactId,
  };
}
