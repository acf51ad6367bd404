/**
 * What the chat handlers share: the HTTP event they receive (payload format 2.0, which Lambda function URLs and HTTP
 * APIs both send), their responses, and how they read errors of the Connect API.
 */

/** The request as a Lambda function URL or an HTTP API (payload format 2.0) delivers it. */
export interface HttpEvent {
  readonly rawPath?: string;
  readonly rawQueryString?: string;
  /** Header names in lower case. */
  readonly headers?: Record<string, string | undefined>;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: {
    readonly requestId?: string;
    readonly http?: { readonly method?: string; readonly sourceIp?: string; readonly userAgent?: string };
  };
}

/** A handler of the chat endpoints. */
export type HttpHandler = (event: HttpEvent) => Promise<HttpResponse>;

/** The response a function URL or an HTTP API returns to the caller. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A header of the request (names are case-insensitive). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) {
      return value;
    }
  }
  return undefined;
}

/** The HTTP method of the request, in upper case. */
export function methodOf(event: HttpEvent): string {
  return (event.requestContext?.http?.method ?? '').toUpperCase();
}

/** The request body as text. */
export function bodyText(event: HttpEvent): string {
  if (event.body === undefined) {
    return '';
  }
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!);
}

/** The name of a Connect API exception without its `Exception` suffix (`Conflict`), or undefined for other errors. */
export function connectErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { name, $metadata } = error as { name?: unknown; $metadata?: unknown };
  if (typeof name !== 'string' || $metadata === undefined) {
    return undefined;
  }
  return name.replace(/Exception$/, '');
}

/** The request id of a failed Connect call, for the log. */
export function connectRequestId(error: unknown): string | undefined {
  return (error as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId;
}

/** How many attempts the SDK made for a failed call. */
export function connectAttempts(error: unknown): number {
  return (error as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1;
}

/**
 * Writes one line to the log. Callers pass only what is safe to keep: outcomes, error names and request ids, never
 * codes, states, participant tokens, display names or other input of the customer.
 */
export function logLine(fields: Record<string, string | number | boolean | undefined>): void {
  console.log(JSON.stringify(fields));
}
