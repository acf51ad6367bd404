import * as http from 'http';
import { ConnectClient } from '@aws-sdk/client-connect';
import { FLOW_ID, INSTANCE_ID, ORIGIN, START_CONFIG } from './events';
import { createAuthenticationHandler, DEFAULT_PAGE_TEXT } from '../../../lambda/chat/authentication';
import { escapeHtml, HttpEvent, HttpHandler } from '../../../lambda/chat/http';
import { createStartHandler } from '../../../lambda/chat/start';
import { listen, readBody } from '../../local-http';

/**
 * The whole exchange, in process: a browser starts a chat through the chat-start endpoint, Amazon Cognito sends the
 * customer back to the redirect endpoint, and both handlers call a local stand-in for the Connect API with the real
 * SDK client (endpoint override). The stand-in records every call, so the test checks the exact API calls made.
 */


/** One request the stand-in received. */
interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly signed: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * A stand-in for the two Connect API operations the handlers call, with the behaviour that matters to them:
 * StartChatContact is idempotent by ClientToken, and an authentication state (which the Participant Service hands
 * the chat client in the authentication URL) can be used once and expires.
 */
class ConnectStandIn {
  public readonly calls: ApiCall[] = [];
  private readonly contactsByToken = new Map<string, { ContactId: string; ParticipantId: string; ParticipantToken: string }>();
  private readonly states = new Map<string, 'open' | 'used' | 'expired'>();
  private readonly server = http.createServer((req, res) => void this.serve(req, res));

  public start(): Promise<string> {
    return listen(this.server);
  }

  public stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** What GetAuthenticationUrl gives the chat client: a state for the sign-in of a contact. */
  public authenticationState(contactId: string, status: 'open' | 'expired' = 'open'): string {
    const state = `state-${contactId}-${this.states.size + 1}`;
    this.states.set(state, status);
    return state;
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(req) || '{}');
    this.calls.push({ method: req.method!, path: req.url!, signed: /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/us-east-1\/connect\/aws4_request/.test(String(req.headers.authorization)), body });
    const answer = (status: number, payload: unknown, errorType?: string) => {
      res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
      res.end(JSON.stringify(payload));
    };
    if (body.InstanceId !== INSTANCE_ID) {
      return answer(404, { message: 'instance not found' }, 'ResourceNotFoundException');
    }
    if (req.method === 'PUT' && req.url === '/contact/chat') {
      let contact = this.contactsByToken.get(body.ClientToken);
      if (!contact) {
        const n = this.contactsByToken.size + 1;
        contact = { ContactId: `contact-${n}`, ParticipantId: `participant-${n}`, ParticipantToken: `participant-token-${n}` };
        this.contactsByToken.set(body.ClientToken, contact);
      }
      return answer(200, contact);
    }
    if (req.method === 'POST' && req.url === '/contact/update-participant-authentication') {
      const status = this.states.get(body.State);
      if (status === undefined) {
        return answer(400, { message: 'Invalid state' }, 'InvalidRequestException');
      }
      if (status === 'expired') {
        return answer(400, { message: 'The authentication session has expired' }, 'InvalidRequestException');
      }
      if (status === 'used') {
        return answer(409, { message: 'The authentication state was already used' }, 'ConflictException');
      }
      this.states.set(body.State, 'used');
      return answer(200, {});
    }
    return answer(404, { message: `no route ${req.method} ${req.url}` }, 'UnknownOperationException');
  }
}

/**
 * The two endpoints as a browser and Cognito reach them: real HTTP requests turned into the events a function URL and
 * an HTTP API deliver (payload format 2.0). POST /start is the chat-start endpoint, /redirect/ the redirect endpoint.
 */
class Endpoints {
  private readonly server: http.Server;

  constructor(startEndpoint: HttpHandler, redirectEndpoint: HttpHandler) {
    this.server = http.createServer((req, res) => void (async () => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      const event: HttpEvent = {
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)])),
        body: await readBody(req),
        isBase64Encoded: false,
        requestContext: { requestId: 'r', http: { method: req.method, sourceIp: '203.0.113.7', userAgent: req.headers['user-agent'] } },
      };
      const response = url.pathname === '/start' ? await startEndpoint(event) : await redirectEndpoint(event);
      res.writeHead(response.statusCode, response.headers);
      res.end(response.body);
    })());
  }

  public start(): Promise<string> {
    return listen(this.server);
  }

  public stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const connect = new ConnectStandIn();
let endpoints: Endpoints;
let base: string;
let log: jest.SpyInstance;

beforeAll(async () => {
  const connectUrl = await connect.start();
  const client = new ConnectClient({
    endpoint: connectUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  endpoints = new Endpoints(
    createStartHandler({ ...START_CONFIG, allowedAttributes: ['page'] }, client),
    createAuthenticationHandler({ instanceId: INSTANCE_ID, pageText: DEFAULT_PAGE_TEXT }, client),
  );
  base = await endpoints.start();
});
beforeEach(() => {
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => log.mockRestore());
afterAll(async () => {
  await endpoints.stop();
  await connect.stop();
});

/** What the customer's browser sends to start a chat. */
function startChat(key: string, origin = ORIGIN) {
  return fetch(`${base}/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': origin, 'idempotency-key': key },
    body: JSON.stringify({
      ParticipantDetails: { DisplayName: 'Jane Doe' },
      Attributes: { page: '/pricing' },
      InitialMessage: { ContentType: 'text/plain', Content: 'I would like to change my plan.' },
    }),
  });
}

/** Where Cognito sends the customer's browser after the sign-in page. */
function redirect(query: string) {
  return fetch(`${base}/redirect/?${query}`, { redirect: 'manual' });
}

test('a chat starts, the customer signs in, and each step makes exactly the API call it should', async () => {
  // The browser starts a chat; its request is retried (the same idempotency key): one chat.
  const started = await startChat('chat-attempt-1');
  expect(started.status).toBe(200);
  const chat = await started.json() as { ContactId: string };
  expect(chat).toMatchObject({ ContactId: 'contact-1', ParticipantId: 'participant-1', ParticipantToken: 'participant-token-1' });
  const retried = await (await startChat('chat-attempt-1')).json() as { ContactId: string };
  expect(retried.ContactId).toBe('contact-1');

  // A page of another origin cannot start chats.
  expect((await startChat('chat-attempt-2', 'https://evil.example.net')).status).toBe(403);

  // The flow's Authenticate Customer block runs; the chat client gets the sign-in URL with a state, and Cognito sends
  // the customer back with a code.
  const state = connect.authenticationState(chat.ContactId);
  const signedIn = await redirect(`code=a1b2c3d4-code&state=${encodeURIComponent(state)}`);
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await signedIn.text()).toContain(escapeHtml(DEFAULT_PAGE_TEXT.signedIn));

  // The same link opened again: the state is used.
  const reused = await redirect(`code=a1b2c3d4-code&state=${encodeURIComponent(state)}`);
  expect(reused.status).toBe(409);
  expect(await reused.text()).toContain(escapeHtml(DEFAULT_PAGE_TEXT.alreadyUsed));

  // A second sign-in that the customer cancels on the sign-in page.
  const cancelled = connect.authenticationState(chat.ContactId);
  const notSignedIn = await redirect(`error=access_denied&error_description=User+cancelled+the+sign-in&state=${encodeURIComponent(cancelled)}`);
  expect(notSignedIn.status).toBe(200);
  expect(await notSignedIn.text()).toContain(escapeHtml(DEFAULT_PAGE_TEXT.notSignedIn));

  // A sign-in that took too long.
  const late = connect.authenticationState(chat.ContactId, 'expired');
  const expired = await redirect(`code=late-code&state=${encodeURIComponent(late)}`);
  expect(expired.status).toBe(410);
  expect(await expired.text()).toContain(escapeHtml(DEFAULT_PAGE_TEXT.expired));

  // Requests that are not Cognito's redirect make no call.
  expect((await redirect('code=no-state')).status).toBe(400);
  expect((await redirect(`state=${encodeURIComponent(state)}`)).status).toBe(400);

  const clientToken = connect.calls[0].body.ClientToken;
  expect(clientToken).toMatch(/^k[0-9a-f]{64}$/);
  expect(connect.calls).toEqual([
    {
      method: 'PUT',
      path: '/contact/chat',
      signed: true,
      body: {
        InstanceId: INSTANCE_ID,
        ContactFlowId: FLOW_ID,
        ClientToken: clientToken,
        ParticipantDetails: { DisplayName: 'Jane Doe' },
        Attributes: { page: '/pricing' },
        InitialMessage: { ContentType: 'text/plain', Content: 'I would like to change my plan.' },
        SupportedMessagingContentTypes: ['text/plain', 'text/markdown'],
      },
    },
    { method: 'PUT', path: '/contact/chat', signed: true, body: expect.objectContaining({ ClientToken: clientToken }) },
    { method: 'POST', path: '/contact/update-participant-authentication', signed: true, body: { InstanceId: INSTANCE_ID, State: state, Code: 'a1b2c3d4-code' } },
    { method: 'POST', path: '/contact/update-participant-authentication', signed: true, body: { InstanceId: INSTANCE_ID, State: state, Code: 'a1b2c3d4-code' } },
    {
      method: 'POST',
      path: '/contact/update-participant-authentication',
      signed: true,
      body: { InstanceId: INSTANCE_ID, State: cancelled, Error: 'access_denied', ErrorDescription: 'User cancelled the sign-in' },
    },
    { method: 'POST', path: '/contact/update-participant-authentication', signed: true, body: { InstanceId: INSTANCE_ID, State: late, Code: 'late-code' } },
  ]);
});
