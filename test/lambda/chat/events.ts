import { HttpEvent } from '../../../lambda/chat/http';

/** A function URL / HTTP API (payload format 2.0) event for a request. */
export function httpEvent(method: string, options: { query?: string; body?: string; headers?: Record<string, string>; base64?: boolean; sourceIp?: string } = {}): HttpEvent {
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
