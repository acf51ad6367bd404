/**
 * The chat-start endpoint: a chat client (a custom chat UI, or the communications widget's custom start-chat mode)
 * POSTs the customer's details, and the handler starts a chat with `StartChatContact` in the configured flow and
 * returns what the client needs to join it through the Participant Service.
 *
 * esbuild bundles this file (and the SDK) into assets/chat-start.
 */
import { createHash } from 'crypto';
import { ConnectClient, PersistentChat, RehydrationType, StartChatContactCommand, StartChatContactCommandInput } from '@aws-sdk/client-connect';
import { bodyText, connectErrorName, connectRequestId, header, HttpEvent, HttpHandler, HttpResponse, logLine, methodOf } from './http';

/** The handler's settings. */
export interface StartConfig {
  readonly instanceId: string;
  readonly contactFlowId: string;
  /** Origins a browser may call from (the `Origin` header); requests without one (not from a browser) are let through. */
  readonly allowedOrigins: string[];
  /** Contact attributes a request may set. */
  readonly allowedAttributes: string[];
  /** The content types a request may ask for; also what is sent when it asks for none. */
  readonly contentTypes: string[];
  /** The longest chat a request may ask for, and what is sent when it asks for nothing. */
  readonly chatDurationMinutes?: number;
  readonly persistentChat: boolean;
  readonly acceptCustomerId: boolean;
  readonly disconnectAgentOnCustomerExit: boolean;
  readonly requireIdempotencyKey: boolean;
  /** How long identical requests without an idempotency key count as retries of each other. */
  readonly idempotencyWindowSeconds: number;
}

/** The settings the construct passes in the function's environment. */
export function configFromEnvironment(env: Record<string, string | undefined>): StartConfig {
  const { INSTANCE_ID: instanceId, CONTACT_FLOW_ID: contactFlowId, CHAT_START_CONFIG: config } = env;
  if (!instanceId || !contactFlowId || !config) {
    throw new Error('INSTANCE_ID, CONTACT_FLOW_ID and CHAT_START_CONFIG must be set');
  }
  return { ...JSON.parse(config), instanceId, contactFlowId };
}

/** Limits of the StartChatContact request, from the Connect API model. */
const DISPLAY_NAME_MAX = 256;
const CONTENT_MAX_BYTES = 16_384;
const ATTRIBUTES_MAX_BYTES = 32_768;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_-]+$/;
const CONTACT_ID_MAX = 256;
const CUSTOMER_ID_MAX = 128;
const DURATION_MIN = 60;
const DURATION_MAX = 10_080;
const REHYDRATION_TYPES = ['ENTIRE_PAST_SESSION', 'FROM_SEGMENT'];
/** The content types an initial message can have (the interactive type is for messages the flow sends). */
const INITIAL_MESSAGE_TYPES = ['text/plain', 'text/markdown', 'application/json', 'application/vnd.amazonaws.connect.message.interactive.response'];
/** The largest body read; a valid request is far smaller (an initial message is at most 16 KiB). */
const BODY_MAX_BYTES = 65_536;
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/** Members the chat interface sends that the backend decides itself: accepted and ignored. */
const IGNORED_MEMBERS = ['InstanceId', 'ContactFlowId', 'Username'];
const MEMBERS = ['ParticipantDetails', 'Attributes', 'InitialMessage', 'SupportedMessagingContentTypes', 'ChatDurationInMinutes',
  'PersistentChat', 'CustomerId', ...IGNORED_MEMBERS];

/** A request that cannot be sent to Connect: the member that is wrong and why. */
class BadRequest extends Error {
  constructor(public readonly field: string, message: string) {
    super(`${field} ${message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(field: string, value: unknown, max: number, maxBytes?: number): string {
  if (typeof value !== 'string') {
    throw new BadRequest(field, 'must be a string');
  }
  if (value.length < 1 || value.length > max) {
    throw new BadRequest(field, `must be 1 to ${max} characters, got ${value.length}`);
  }
  if (maxBytes !== undefined && Buffer.byteLength(value, 'utf8') > maxBytes) {
    throw new BadRequest(field, `must be at most ${maxBytes} bytes of UTF-8, got ${Buffer.byteLength(value, 'utf8')}`);
  }
  return value;
}

/**
 * The StartChatContact members a request body asks for, checked as the Connect API checks them and against what this
 * endpoint allows.
 */
export function parseStartRequest(body: unknown, config: StartConfig): Omit<StartChatContactCommandInput, 'InstanceId' | 'ContactFlowId' | 'ClientToken'> {
  if (!isObject(body)) {
    throw new BadRequest('body', 'must be a JSON object');
  }
  const unknown = Object.keys(body).filter((name) => !MEMBERS.includes(name));
  if (unknown.length > 0) {
    throw new BadRequest(unknown[0], `is not a member this endpoint takes (it takes ${MEMBERS.join(', ')})`);
  }
  const details = body.ParticipantDetails;
  if (!isObject(details)) {
    throw new BadRequest('ParticipantDetails', 'must be an object with a DisplayName');
  }
  const displayName = text('ParticipantDetails.DisplayName', details.DisplayName, DISPLAY_NAME_MAX);
  if (displayName.trim() === '') {
    throw new BadRequest('ParticipantDetails.DisplayName', 'must not be blank');
  }

  const contentTypes = parseContentTypes(body.SupportedMessagingContentTypes, config);
  return {
    ParticipantDetails: { DisplayName: displayName },
    Attributes: parseAttributes(body.Attributes, config),
    InitialMessage: parseInitialMessage(body.InitialMessage, contentTypes),
    SupportedMessagingContentTypes: contentTypes,
    ChatDurationInMinutes: parseDuration(body.ChatDurationInMinutes, config),
    PersistentChat: parsePersistentChat(body.PersistentChat, config),
    CustomerId: parseCustomerId(body.CustomerId, config),
    DisconnectOnCustomerExit: config.disconnectAgentOnCustomerExit ? ['AGENT'] : undefined,
  };
}

function parseAttributes(value: unknown, config: StartConfig): Record<string, string> | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!isObject(value)) {
    throw new BadRequest('Attributes', 'must be an object of strings');
  }
  let bytes = 0;
  for (const [name, attribute] of Object.entries(value)) {
    if (!ATTRIBUTE_NAME.test(name)) {
      throw new BadRequest(`Attributes.${name}`, 'is not a valid attribute name (letters, digits, - and _)');
    }
    if (!config.allowedAttributes.includes(name)) {
      throw new BadRequest(`Attributes.${name}`, config.allowedAttributes.length === 0
        ? 'is not allowed: this endpoint takes no attributes'
        : `is not allowed (allowed: ${config.allowedAttributes.join(', ')})`);
    }
    if (typeof attribute !== 'string') {
      throw new BadRequest(`Attributes.${name}`, 'must be a string');
    }
    bytes += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(attribute, 'utf8');
  }
  if (bytes > ATTRIBUTES_MAX_BYTES) {
    throw new BadRequest('Attributes', `must be at most ${ATTRIBUTES_MAX_BYTES} bytes of UTF-8 in all, got ${bytes}`);
  }
  return Object.keys(value).length === 0 ? undefined : value as Record<string, string>;
}

function parseContentTypes(value: unknown, config: StartConfig): string[] {
  if (value === undefined) {
    return [...config.contentTypes];
  }
  if (!Array.isArray(value) || value.length === 0 || value.some((type) => typeof type !== 'string')) {
    throw new BadRequest('SupportedMessagingContentTypes', 'must be a non-empty list of strings');
  }
  for (const type of value as string[]) {
    if (!config.contentTypes.includes(type)) {
      throw new BadRequest('SupportedMessagingContentTypes', `cannot name '${type.slice(0, 100)}' (allowed: ${config.contentTypes.join(', ')})`);
    }
  }
  if (new Set(value).size !== value.length) {
    throw new BadRequest('SupportedMessagingContentTypes', 'must not name a type twice');
  }
  if (!value.includes('text/plain')) {
    throw new BadRequest('SupportedMessagingContentTypes', 'must include text/plain');
  }
  return value as string[];
}

function parseInitialMessage(value: unknown, contentTypes: string[]): { ContentType: string; Content: string } | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!isObject(value)) {
    throw new BadRequest('InitialMessage', 'must be an object with a ContentType and a Content');
  }
  const type = text('InitialMessage.ContentType', value.ContentType, 100);
  if (!INITIAL_MESSAGE_TYPES.includes(type)) {
    throw new BadRequest('InitialMessage.ContentType', `must be one of ${INITIAL_MESSAGE_TYPES.join(', ')}`);
  }
  if (!contentTypes.includes(type)) {
    throw new BadRequest('InitialMessage.ContentType', `must be one of the chat's content types (${contentTypes.join(', ')})`);
  }
  return { ContentType: type, Content: text('InitialMessage.Content', value.Content, CONTENT_MAX_BYTES, CONTENT_MAX_BYTES) };
}

function parseDuration(value: unknown, config: StartConfig): number | undefined {
  if (value === undefined) {
    return config.chatDurationMinutes;
  }
  const max = config.chatDurationMinutes ?? DURATION_MAX;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < DURATION_MIN || value > max) {
    throw new BadRequest('ChatDurationInMinutes', `must be an integer from ${DURATION_MIN} to ${max}`);
  }
  return value;
}

function parsePersistentChat(value: unknown, config: StartConfig): PersistentChat | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!config.persistentChat) {
    throw new BadRequest('PersistentChat', 'is not allowed: this endpoint does not continue past chats');
  }
  if (!isObject(value)) {
    throw new BadRequest('PersistentChat', 'must be an object with a RehydrationType and a SourceContactId');
  }
  if (typeof value.RehydrationType !== 'string' || !REHYDRATION_TYPES.includes(value.RehydrationType)) {
    throw new BadRequest('PersistentChat.RehydrationType', `must be one of ${REHYDRATION_TYPES.join(', ')}`);
  }
  return { RehydrationType: value.RehydrationType as RehydrationType, SourceContactId: text('PersistentChat.SourceContactId', value.SourceContactId, CONTACT_ID_MAX) };
}

function parseCustomerId(value: unknown, config: StartConfig): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!config.acceptCustomerId) {
    throw new BadRequest('CustomerId', 'is not allowed: this endpoint does not take customer ids');
  }
  return text('CustomerId', value, CUSTOMER_ID_MAX);
}

/**
 * The ClientToken of a request, so that a retried request never starts a second chat.
 *
 * With an `Idempotency-Key` header (the client makes one key per chat it starts and sends it again on a retry), the
 * token derives from the key and the flow. Without one, it derives from the request (the caller's address and user
 * agent, and the body) and the current time window: identical requests within the window start one chat.
 */
export function clientToken(event: HttpEvent, request: unknown, config: StartConfig, now: number): string {
  const key = header(event, 'idempotency-key');
  if (key !== undefined) {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new BadRequest('Idempotency-Key', 'must be 1 to 255 printable ASCII characters without spaces');
    }
    return `k${sha256([config.instanceId, config.contactFlowId, key])}`;
  }
  if (config.requireIdempotencyKey) {
    throw new BadRequest('Idempotency-Key', 'header is required');
  }
  const http = event.requestContext?.http;
  const window = Math.floor(now / (config.idempotencyWindowSeconds * 1000));
  return `b${sha256([config.instanceId, config.contactFlowId, http?.sourceIp ?? '', http?.userAgent ?? '', JSON.stringify(request), String(window)])}`;
}

function sha256(parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** How Connect's errors are answered. */
function errorResponse(error: unknown): { status: number; code: string; message: string; headers?: Record<string, string> } {
  switch (connectErrorName(error)) {
    case 'InvalidRequest':
    case 'InvalidParameter':
      return { status: 400, code: 'InvalidRequest', message: `Amazon Connect rejected the request: ${(error as Error).message}` };
    case 'LimitExceeded':
      return { status: 429, code: 'TooManyChats', message: 'the contact center has as many active chats as it can take; try again later', headers: { 'Retry-After': '30' } };
    case 'Throttling':
    case 'TooManyRequests':
      return { status: 429, code: 'Throttled', message: 'too many chats are starting right now; try again in a moment', headers: { 'Retry-After': '1' } };
    case 'InternalService':
      return { status: 503, code: 'ServiceUnavailable', message: 'Amazon Connect could not start the chat; try again in a moment', headers: { 'Retry-After': '1' } };
    default:
      // ResourceNotFound (the flow or instance is gone), AccessDenied (the function's role) and failures that are not
      // Connect's answers: nothing the client can change.
      return { status: 500, code: 'InternalError', message: 'the chat could not be started' };
  }
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers },
    body: JSON.stringify(body),
  };
}

function failure(statusCode: number, code: string, message: string, field?: string, headers?: Record<string, string>): HttpResponse {
  return json(statusCode, { error: code, message, ...(field === undefined ? {} : { field }) }, headers);
}

/** The handler for a configuration, a Connect client and a clock. */
export function createStartHandler(config: StartConfig, client: ConnectClient, clock: () => number = Date.now): HttpHandler {
  return async (event) => {
    const requestId = event.requestContext?.requestId;
    if (methodOf(event) !== 'POST') {
      logLine({ outcome: 'method-not-allowed', requestId });
      return failure(405, 'MethodNotAllowed', 'only POST is allowed', undefined, { Allow: 'POST' });
    }
    const origin = header(event, 'origin');
    if (origin !== undefined && !config.allowedOrigins.includes(origin)) {
      logLine({ outcome: 'origin-not-allowed', requestId });
      return failure(403, 'OriginNotAllowed', 'chats cannot be started from this origin');
    }
    const raw = bodyText(event);
    if (Buffer.byteLength(raw, 'utf8') > BODY_MAX_BYTES) {
      logLine({ outcome: 'body-too-large', requestId });
      return failure(413, 'PayloadTooLarge', `the body must be at most ${BODY_MAX_BYTES} bytes`);
    }
    let input: StartChatContactCommandInput;
    try {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new BadRequest('body', 'must be JSON');
      }
      const request = parseStartRequest(body, config);
      input = {
        InstanceId: config.instanceId,
        ContactFlowId: config.contactFlowId,
        ClientToken: clientToken(event, request, config, clock()),
        ...request,
      };
    } catch (error) {
      if (error instanceof BadRequest) {
        logLine({ outcome: 'bad-request', field: error.field, requestId });
        return failure(400, 'BadRequest', error.message, error.field);
      }
      throw error;
    }
    try {
      const started = await client.send(new StartChatContactCommand(input));
      const result = {
        ContactId: started.ContactId,
        ParticipantId: started.ParticipantId,
        ParticipantToken: started.ParticipantToken,
        ...(started.ContinuedFromContactId === undefined ? {} : { ContinuedFromContactId: started.ContinuedFromContactId }),
      };
      logLine({ outcome: 'started', contactId: started.ContactId, continuedFromContactId: started.ContinuedFromContactId, requestId });
      // The members at the top, and the same under data.startChatResult: the shape the Amazon Connect chat interface
      // reads from a start-chat backend.
      return json(200, {
        ...result,
        data: {
          startChatResult: result,
          featurePermissions: { MESSAGING_MARKDOWN: input.SupportedMessagingContentTypes!.includes('text/markdown') },
        },
      });
    } catch (error) {
      const answer = errorResponse(error);
      logLine({
        outcome: 'failed',
        status: answer.status,
        error: connectErrorName(error) ?? (error as Error)?.name ?? 'Error',
        connectRequestId: connectRequestId(error),
        requestId,
      });
      return failure(answer.status, answer.code, answer.message, undefined, answer.headers);
    }
  };
}

let deployed: HttpHandler | undefined;

/** The Lambda entry point: the configuration from the environment, one client for the life of the function. */
export async function handler(event: HttpEvent): Promise<HttpResponse> {
  deployed ??= createStartHandler(configFromEnvironment(process.env), new ConnectClient({
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
  }));
  return deployed(event);
}
