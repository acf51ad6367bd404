import { ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { configFromEnvironment, createStartHandler, handler, StartConfig } from '../../../lambda/chat/start';
import { serviceError } from '../fake';
import { FLOW_ID, httpEvent, INSTANCE_ID, ORIGIN, START_CONFIG } from './events';

const connect = mockClient(ConnectClient);
const CONFIG = START_CONFIG;
const STARTED = { ContactId: 'contact-1', ParticipantId: 'participant-1', ParticipantToken: 'secret-participant-token' };
const NOW = 1_750_000_000_000;

let log: jest.SpyInstance;
beforeEach(() => {
  connect.reset();
  connect.on(StartChatContactCommand).resolves(STARTED);
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => log.mockRestore());
afterAll(() => connect.restore());

interface Request {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  method?: string;
  base64?: boolean;
  config?: Partial<StartConfig>;
  now?: number;
  sourceIp?: string;
}

async function post(request: Request = {}) {
  const event = httpEvent(request.method ?? 'POST', {
    body: request.rawBody ?? JSON.stringify(request.body ?? { ParticipantDetails: { DisplayName: 'Jane' } }),
    headers: { 'origin': ORIGIN, 'content-type': 'application/json', ...request.headers },
    base64: request.base64,
    sourceIp: request.sourceIp,
  });
  const response = await createStartHandler({ ...CONFIG, ...request.config }, new ConnectClient({ region: 'us-east-1' }), () => request.now ?? NOW)(event);
  return { ...response, json: JSON.parse(response.body) };
}

/** The inputs of the StartChatContact calls made. */
function inputs() {
  return connect.commandCalls(StartChatContactCommand).map((call) => call.args[0].input);
}

function logged(): string {
  return log.mock.calls.map((call) => call.join(' ')).join('\n');
}

describe('the chat-start endpoint', () => {
  test('starts a chat in the flow and returns what the chat client needs', async () => {
    const response = await post({
      body: {
        ParticipantDetails: { DisplayName: 'Jane Doe' },
        Attributes: { page: '/pricing', language: 'en' },
        InitialMessage: { ContentType: 'text/plain', Content: 'Hello, I have a question.' },
        SupportedMessagingContentTypes: ['text/plain'],
        ChatDurationInMinutes: 90,
      },
      headers: { 'Idempotency-Key': 'chat-7d1b3f' },
    });
    expect(inputs()).toEqual([{
      InstanceId: INSTANCE_ID,
      ContactFlowId: FLOW_ID,
      ClientToken: expect.stringMatching(/^k[0-9a-f]{64}$/),
      ParticipantDetails: { DisplayName: 'Jane Doe' },
      Attributes: { page: '/pricing', language: 'en' },
      InitialMessage: { ContentType: 'text/plain', Content: 'Hello, I have a question.' },
      SupportedMessagingContentTypes: ['text/plain'],
      ChatDurationInMinutes: 90,
    }]);
    expect(response.statusCode).toBe(200);
    expect(response.headers['Content-Type']).toBe('application/json');
    expect(response.headers['Cache-Control']).toBe('no-store');
    expect(response.json).toEqual({
      ...STARTED,
      data: { startChatResult: STARTED, featurePermissions: { MESSAGING_MARKDOWN: false } },
    });
  });

  test('sends the configured content types, chat duration and disconnect setting when the request names none', async () => {
    const response = await post({ config: { chatDurationMinutes: 120, disconnectAgentOnCustomerExit: true } });
    expect(inputs()[0]).toEqual({
      InstanceId: INSTANCE_ID,
      ContactFlowId: FLOW_ID,
      ClientToken: expect.stringMatching(/^b[0-9a-f]{64}$/),
      ParticipantDetails: { DisplayName: 'Jane' },
      SupportedMessagingContentTypes: ['text/plain', 'text/markdown'],
      ChatDurationInMinutes: 120,
      DisconnectOnCustomerExit: ['AGENT'],
    });
    expect(response.json.data.featurePermissions).toEqual({ MESSAGING_MARKDOWN: true });
  });

  test('ignores the instance and flow that the chat interface sends, and an empty attribute map', async () => {
    await post({ body: { InstanceId: 'other', ContactFlowId: 'other', Username: 'jane', ParticipantDetails: { DisplayName: 'Jane' }, Attributes: {} } });
    expect(inputs()[0]).toMatchObject({ InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID });
    expect(inputs()[0].Attributes).toBeUndefined();
  });

  test('reads a base64 body', async () => {
    await post({ base64: true });
    expect(inputs()[0].ParticipantDetails).toEqual({ DisplayName: 'Jane' });
  });

  test('continues a past chat when allowed, and returns the contact it continues', async () => {
    connect.on(StartChatContactCommand).resolves({ ...STARTED, ContinuedFromContactId: 'contact-0' });
    const response = await post({
      body: { ParticipantDetails: { DisplayName: 'Jane' }, PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: 'contact-0' } },
      config: { persistentChat: true },
    });
    expect(inputs()[0].PersistentChat).toEqual({ RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: 'contact-0' });
    expect(response.json.ContinuedFromContactId).toBe('contact-0');
    expect(response.json.data.startChatResult.ContinuedFromContactId).toBe('contact-0');
  });

  test('passes a customer id when accepted', async () => {
    await post({ body: { ParticipantDetails: { DisplayName: 'Jane' }, CustomerId: 'crm-42' }, config: { acceptCustomerId: true } });
    expect(inputs()[0].CustomerId).toBe('crm-42');
  });

  test('lets requests without an Origin through (they do not come from a browser)', async () => {
    const event = httpEvent('POST', { body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Jane' } }) });
    const response = await createStartHandler(CONFIG, new ConnectClient({ region: 'us-east-1' }))(event);
    expect(response.statusCode).toBe(200);
  });

  test('never logs the participant token or what the customer sent', async () => {
    await post({ body: { ParticipantDetails: { DisplayName: 'Jane Secret' }, InitialMessage: { ContentType: 'text/plain', Content: 'my account 1234' } } });
    expect(logged()).toContain('"outcome":"started"');
    expect(logged()).toContain('contact-1');
    expect(logged()).not.toContain('secret-participant-token');
    expect(logged()).not.toContain('Jane Secret');
    expect(logged()).not.toContain('1234');
  });

  describe('refuses bad requests without calling Connect', () => {
    const long = (n: number) => 'x'.repeat(n);
    test.each([
      ['not JSON', { rawBody: '{"ParticipantDetails":' }, 'body', 'body must be JSON'],
      ['not an object', { rawBody: '[1]' }, 'body', 'body must be a JSON object'],
      ['an unknown member', { body: { ParticipantDetails: { DisplayName: 'J' }, RelatedContactId: 'c' } }, 'RelatedContactId', 'RelatedContactId is not a member this endpoint takes'],
      ['no participant details', { body: {} }, 'ParticipantDetails', 'ParticipantDetails must be an object with a DisplayName'],
      ['no display name', { body: { ParticipantDetails: {} } }, 'ParticipantDetails.DisplayName', 'ParticipantDetails.DisplayName must be a string'],
      ['an empty display name', { body: { ParticipantDetails: { DisplayName: '' } } }, 'ParticipantDetails.DisplayName', 'must be 1 to 256 characters, got 0'],
      ['a long display name', { body: { ParticipantDetails: { DisplayName: long(257) } } }, 'ParticipantDetails.DisplayName', 'must be 1 to 256 characters, got 257'],
      ['a blank display name', { body: { ParticipantDetails: { DisplayName: '   ' } } }, 'ParticipantDetails.DisplayName', 'must not be blank'],
      ['attributes not an object', { body: { ParticipantDetails: { DisplayName: 'J' }, Attributes: ['page'] } }, 'Attributes', 'must be an object of strings'],
      ['an attribute not allowed', { body: { ParticipantDetails: { DisplayName: 'J' }, Attributes: { tier: 'gold' } } }, 'Attributes.tier', 'is not allowed (allowed: page, language)'],
      ['an attribute name of other characters', { body: { ParticipantDetails: { DisplayName: 'J' }, Attributes: { 'pa ge': 'x' } } }, 'Attributes.pa ge', 'is not a valid attribute name'],
      ['an attribute that is not a string', { body: { ParticipantDetails: { DisplayName: 'J' }, Attributes: { page: 3 } } }, 'Attributes.page', 'must be a string'],
      ['attributes over 32 KiB', { body: { ParticipantDetails: { DisplayName: 'J' }, Attributes: { page: long(20000), language: long(13000) } } }, 'Attributes', 'must be at most 32768 bytes of UTF-8 in all, got 33012'],
      ['content types not a list', { body: { ParticipantDetails: { DisplayName: 'J' }, SupportedMessagingContentTypes: 'text/plain' } }, 'SupportedMessagingContentTypes', 'must be a non-empty list of strings'],
      ['no content types', { body: { ParticipantDetails: { DisplayName: 'J' }, SupportedMessagingContentTypes: [] } }, 'SupportedMessagingContentTypes', 'must be a non-empty list of strings'],
      ['a content type not allowed', { body: { ParticipantDetails: { DisplayName: 'J' }, SupportedMessagingContentTypes: ['text/plain', 'application/json'] } }, 'SupportedMessagingContentTypes', 'cannot name \'application/json\' (allowed: text/plain, text/markdown)'],
      ['a content type twice', { body: { ParticipantDetails: { DisplayName: 'J' }, SupportedMessagingContentTypes: ['text/plain', 'text/plain'] } }, 'SupportedMessagingContentTypes', 'must not name a type twice'],
      ['content types without text/plain', { body: { ParticipantDetails: { DisplayName: 'J' }, SupportedMessagingContentTypes: ['text/markdown'] } }, 'SupportedMessagingContentTypes', 'must include text/plain'],
      ['an initial message not an object', { body: { ParticipantDetails: { DisplayName: 'J' }, InitialMessage: 'hi' } }, 'InitialMessage', 'must be an object with a ContentType and a Content'],
      ['an initial message of a type messages cannot have', { body: { ParticipantDetails: { DisplayName: 'J' }, InitialMessage: { ContentType: 'image/png', Content: 'x' } } }, 'InitialMessage.ContentType', 'must be one of text/plain, text/markdown, application/json'],
      ['an initial message of a type the chat does not support', { body: { ParticipantDetails: { DisplayName: 'J' }, SupportedMessagingContentTypes: ['text/plain'], InitialMessage: { ContentType: 'text/markdown', Content: '*hi*' } } }, 'InitialMessage.ContentType', 'must be one of the chat\'s content types (text/plain)'],
      ['an empty initial message', { body: { ParticipantDetails: { DisplayName: 'J' }, InitialMessage: { ContentType: 'text/plain', Content: '' } } }, 'InitialMessage.Content', 'must be 1 to 16384 characters, got 0'],
      ['a long initial message', { body: { ParticipantDetails: { DisplayName: 'J' }, InitialMessage: { ContentType: 'text/plain', Content: long(16385) } } }, 'InitialMessage.Content', 'must be 1 to 16384 characters, got 16385'],
      ['an initial message over 16 KiB of UTF-8', { body: { ParticipantDetails: { DisplayName: 'J' }, InitialMessage: { ContentType: 'text/plain', Content: 'é'.repeat(8193) } } }, 'InitialMessage.Content', 'must be at most 16384 bytes of UTF-8, got 16386'],
      ['a chat duration below 60 minutes', { body: { ParticipantDetails: { DisplayName: 'J' }, ChatDurationInMinutes: 59 } }, 'ChatDurationInMinutes', 'must be an integer from 60 to 10080'],
      ['a chat duration over 7 days', { body: { ParticipantDetails: { DisplayName: 'J' }, ChatDurationInMinutes: 10081 } }, 'ChatDurationInMinutes', 'must be an integer from 60 to 10080'],
      ['a chat duration of a fraction', { body: { ParticipantDetails: { DisplayName: 'J' }, ChatDurationInMinutes: 90.5 } }, 'ChatDurationInMinutes', 'must be an integer from 60 to 10080'],
      ['a chat duration over the configured one', { body: { ParticipantDetails: { DisplayName: 'J' }, ChatDurationInMinutes: 180 }, config: { chatDurationMinutes: 120 } }, 'ChatDurationInMinutes', 'must be an integer from 60 to 120'],
      ['a persistent chat when not allowed', { body: { ParticipantDetails: { DisplayName: 'J' }, PersistentChat: { RehydrationType: 'FROM_SEGMENT', SourceContactId: 'c' } } }, 'PersistentChat', 'is not allowed: this endpoint does not continue past chats'],
      ['a persistent chat of an unknown type', { body: { ParticipantDetails: { DisplayName: 'J' }, PersistentChat: { RehydrationType: 'ALL', SourceContactId: 'c' } }, config: { persistentChat: true } }, 'PersistentChat.RehydrationType', 'must be one of ENTIRE_PAST_SESSION, FROM_SEGMENT'],
      ['a persistent chat without a source', { body: { ParticipantDetails: { DisplayName: 'J' }, PersistentChat: { RehydrationType: 'FROM_SEGMENT' } }, config: { persistentChat: true } }, 'PersistentChat.SourceContactId', 'must be a string'],
      ['a persistent chat with a long source', { body: { ParticipantDetails: { DisplayName: 'J' }, PersistentChat: { RehydrationType: 'FROM_SEGMENT', SourceContactId: long(257) } }, config: { persistentChat: true } }, 'PersistentChat.SourceContactId', 'must be 1 to 256 characters, got 257'],
      ['a customer id when not accepted', { body: { ParticipantDetails: { DisplayName: 'J' }, CustomerId: 'crm-1' } }, 'CustomerId', 'is not allowed: this endpoint does not take customer ids'],
      ['a long customer id', { body: { ParticipantDetails: { DisplayName: 'J' }, CustomerId: long(129) }, config: { acceptCustomerId: true } }, 'CustomerId', 'must be 1 to 128 characters, got 129'],
      ['an idempotency key with spaces', { headers: { 'Idempotency-Key': 'my key' } }, 'Idempotency-Key', 'must be 1 to 255 printable ASCII characters without spaces'],
      ['an idempotency key too long', { headers: { 'Idempotency-Key': long(256) } }, 'Idempotency-Key', 'must be 1 to 255 printable ASCII characters without spaces'],
      ['no idempotency key when one is required', { config: { requireIdempotencyKey: true } }, 'Idempotency-Key', 'Idempotency-Key header is required'],
    ] as Array<[string, Request, string, string]>)('%s', async (_, request, field, message) => {
      const response = await post(request);
      expect(response.statusCode).toBe(400);
      expect(response.json).toEqual({ error: 'BadRequest', field, message: expect.stringContaining(message) });
      expect(connect.calls()).toHaveLength(0);
    });

    test('an attribute when none is allowed says so', async () => {
      const response = await post({ body: { ParticipantDetails: { DisplayName: 'J' }, Attributes: { page: 'x' } }, config: { allowedAttributes: [] } });
      expect(response.json.message).toBe('Attributes.page is not allowed: this endpoint takes no attributes');
    });

    test('an origin that is not allowed gets 403', async () => {
      const response = await post({ headers: { origin: 'https://evil.example.net' } });
      expect(response.statusCode).toBe(403);
      expect(response.json.error).toBe('OriginNotAllowed');
      expect(connect.calls()).toHaveLength(0);
    });

    test('a method other than POST gets 405', async () => {
      const response = await post({ method: 'GET' });
      expect(response.statusCode).toBe(405);
      expect(response.headers.Allow).toBe('POST');
      expect(connect.calls()).toHaveLength(0);
    });

    test('a body over 64 KiB gets 413', async () => {
      const response = await post({ rawBody: JSON.stringify({ ParticipantDetails: { DisplayName: 'x'.repeat(70_000) } }) });
      expect(response.statusCode).toBe(413);
      expect(connect.calls()).toHaveLength(0);
    });
  });

  describe('the ClientToken: a retried request never starts two chats', () => {
    test('the same idempotency key gives the same token, whatever the time and the caller', async () => {
      await post({ headers: { 'Idempotency-Key': 'chat-1' } });
      await post({ headers: { 'Idempotency-Key': 'chat-1' }, now: NOW + 3_600_000, sourceIp: '198.51.100.9' });
      await post({ headers: { 'Idempotency-Key': 'chat-2' } });
      const [first, retry, other] = inputs().map((input) => input.ClientToken);
      expect(retry).toBe(first);
      expect(other).not.toBe(first);
    });

    test('the same key for another flow gives another token', async () => {
      await post({ headers: { 'Idempotency-Key': 'chat-1' } });
      await post({ headers: { 'Idempotency-Key': 'chat-1' }, config: { contactFlowId: 'other-flow' } });
      const [a, b] = inputs().map((input) => input.ClientToken);
      expect(b).not.toBe(a);
    });

    test('without a key, the same request within the window gives the same token', async () => {
      const windowStart = Math.floor(NOW / 10_000) * 10_000;
      await post({ now: windowStart });
      await post({ now: windowStart + 9_999 });
      await post({ now: windowStart + 10_000 });
      await post({ now: windowStart, sourceIp: '198.51.100.9' });
      await post({ now: windowStart, body: { ParticipantDetails: { DisplayName: 'John' } } });
      const [first, retry, nextWindow, otherCaller, otherBody] = inputs().map((input) => input.ClientToken);
      expect(retry).toBe(first);
      expect(new Set([first, nextWindow, otherCaller, otherBody]).size).toBe(4);
    });
  });

  describe('Connect\'s errors', () => {
    test.each([
      ['InvalidRequestException', 400, 400, 'InvalidRequest'],
      ['InvalidParameterException', 400, 400, 'InvalidRequest'],
      ['ResourceNotFoundException', 404, 500, 'InternalError'],
      ['LimitExceededException', 429, 429, 'TooManyChats'],
      ['ThrottlingException', 429, 429, 'Throttled'],
      ['TooManyRequestsException', 429, 429, 'Throttled'],
      ['InternalServiceException', 500, 503, 'ServiceUnavailable'],
      ['AccessDeniedException', 403, 500, 'InternalError'],
    ])('%s (%s) is answered with %s %s', async (name, status, expectedStatus, code) => {
      connect.on(StartChatContactCommand).rejects(serviceError(name, 'Connect says no', status));
      const response = await post();
      expect(response.statusCode).toBe(expectedStatus);
      expect(response.json.error).toBe(code);
      expect(logged()).toContain(`"error":"${name.replace(/Exception$/, '')}"`);
    });

    test('Connect\'s message is passed on for a rejected request', async () => {
      connect.on(StartChatContactCommand).rejects(serviceError('InvalidRequestException', 'ChatDurationInMinutes is not supported', 400));
      expect((await post()).json.message).toBe('Amazon Connect rejected the request: ChatDurationInMinutes is not supported');
    });

    test('throttling and capacity tell the client when to try again', async () => {
      connect.on(StartChatContactCommand).rejects(serviceError('LimitExceededException', 'too many chats', 429));
      expect((await post()).headers['Retry-After']).toBe('30');
      connect.on(StartChatContactCommand).rejects(serviceError('ThrottlingException', 'rate', 429));
      expect((await post()).headers['Retry-After']).toBe('1');
    });

    test('a failure of the network is answered with 500', async () => {
      connect.on(StartChatContactCommand).rejects(new Error('socket hang up'));
      const response = await post();
      expect(response.statusCode).toBe(500);
      expect(response.json).toEqual({ error: 'InternalError', message: 'the chat could not be started' });
    });
  });
});

describe('the configuration', () => {
  test('comes from the environment', () => {
    const { instanceId: _instanceId, contactFlowId: _contactFlowId, ...settings } = CONFIG;
    expect(configFromEnvironment({ INSTANCE_ID, CONTACT_FLOW_ID: FLOW_ID, CHAT_START_CONFIG: JSON.stringify(settings) })).toEqual(CONFIG);
  });

  test('fails when a variable is missing', () => {
    expect(() => configFromEnvironment({ INSTANCE_ID })).toThrow(/INSTANCE_ID, CONTACT_FLOW_ID and CHAT_START_CONFIG must be set/);
  });

  test('is read by the entry point', async () => {
    Object.assign(process.env, { INSTANCE_ID, CONTACT_FLOW_ID: FLOW_ID, CHAT_START_CONFIG: JSON.stringify(CONFIG) });
    try {
      const response = await handler(httpEvent('POST', { body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Jane' } }), headers: { origin: ORIGIN } }));
      expect(response.statusCode).toBe(200);
      expect(inputs()[0]).toMatchObject({ InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID });
    } finally {
      delete process.env.INSTANCE_ID;
      delete process.env.CONTACT_FLOW_ID;
      delete process.env.CHAT_START_CONFIG;
    }
  });
});
