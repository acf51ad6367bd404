import { HttpEvent } from '../../../lambda/chat/http';
import { StartConfig } from '../../../lambda/chat/start';

export const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
export const FLOW_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const ORIGIN = 'https://www.example.com';

/** The settings of the chat-start endpoint in the tests. */
export const START_CONFIG: StartConfig = {
  instanceId: INSTANCE_ID,
  contactFlowId: FLOW_ID,
  allowedOrigins: [ORIGIN],
  allowedAttributes: ['page', 'language'],
  contentTypes: ['text/plain', 'text/markdown'],
  persistentChat: false,
  acceptCustomerId: false,
  disconnectAgentOnCustomerExit: false,
  requireIdempotencyKey: false,
  idempotencyWindowSeconds: 10,
};

/** What a request carries besides its method. */
export interface RequestOptions {
  readonly query?: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly base64?: boolean;
  readonly sourceIp?: string;
}

/** A function URL / HTTP API (payload format 2.0) event for a request. */
export function httpEvent(method: string, options: RequestOptions = {}): HttpEvent {
  return {
    rawPath: '/',
    rawQueryString: options.query ?? '',
    headers: options.headers ?? {},
    body: options.body === undefined ? undefined : options.base64 ? Buffer.from(options.body).toString('base64') : options.body,
    isBase64Encoded: options.base64 ?? false,
    requestContext: {
      requestId: 'request-1',
      http: { method, sourceIp: options.sourceIp ?? '203.0.113.7', userAgent: 'Mozilla/5.0 (test)' },
    },
  };
}
