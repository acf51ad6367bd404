/**
 * The redirect endpoint of chat customer authentication: Amazon Cognito sends the customer's browser here after the
 * sign-in page (`?code=...&state=...`, or `?error=...&error_description=...&state=...`), and the handler passes the
 * outcome to Amazon Connect with `UpdateParticipantAuthentication`, which resumes the flow's Authenticate Customer
 * block. Then it shows the customer a page (or redirects to a configured URL) that says what happened.
 *
 * esbuild bundles this file (and the SDK) into assets/chat-authentication.
 */
import { ConnectClient, UpdateParticipantAuthenticationCommand, UpdateParticipantAuthenticationCommandInput } from '@aws-sdk/client-connect';
import { connectAttempts, connectErrorName, connectRequestId, escapeHtml, HttpEvent, HttpHandler, HttpResponse, logLine, methodOf } from './http';

/** What the customer is told, one text per outcome (plain text: the page escapes it). */
export interface PageText {
  readonly lang: string;
  readonly title: string;
  readonly signedIn: string;
  readonly notSignedIn: string;
  readonly alreadyUsed: string;
  readonly expired: string;
  readonly invalidRequest: string;
  readonly tryAgain: string;
  readonly failed: string;
}

/** The texts a deployment does not replace (the construct documents the same defaults). */
export const DEFAULT_PAGE_TEXT: PageText = {
  lang: 'en',
  title: 'Chat sign-in',
  signedIn: 'You are signed in. Close this window and return to the chat.',
  notSignedIn: 'You are not signed in. Close this window and return to the chat to continue.',
  alreadyUsed: 'This sign-in link has already been used. Close this window and return to the chat.',
  expired: 'This sign-in link has expired. Return to the chat and sign in again.',
  invalidRequest: 'This sign-in link is not valid. Return to the chat and sign in again.',
  tryAgain: 'We could not finish signing you in just now. Reload this page in a moment to try again.',
  failed: 'Something went wrong and you are not signed in. Return to the chat and let us know.',
};

/**
 * What happened to a request. Each has its HTTP status and page text; with a return URL it is the value of the
 * `chatAuthentication` query parameter.
 */
export type Outcome = 'signed-in' | 'not-signed-in' | 'already-used' | 'expired' | 'invalid' | 'try-again' | 'failed';

const OUTCOMES: Record<Outcome, { readonly status: number; readonly text: keyof PageText }> = {
  'signed-in': { status: 200, text: 'signedIn' },
  'not-signed-in': { status: 200, text: 'notSignedIn' },
  'already-used': { status: 409, text: 'alreadyUsed' },
  'expired': { status: 410, text: 'expired' },
  'invalid': { status: 400, text: 'invalidRequest' },
  'try-again': { status: 503, text: 'tryAgain' },
  'failed': { status: 500, text: 'failed' },
};

/** The handler's settings. */
export interface AuthenticationConfig {
  readonly instanceId: string;
  readonly pageText: PageText;
  /** Where the customer is sent instead of seeing the page (with `chatAuthentication=<outcome>` added). */
  readonly returnUrl?: string;
}

/** The settings the construct passes in the function's environment. */
export function configFromEnvironment(env: Record<string, string | undefined>): AuthenticationConfig {
  const instanceId = env.INSTANCE_ID;
  if (!instanceId) {
    throw new Error('INSTANCE_ID is not set');
  }
  const overrides = env.PAGE_TEXT ? JSON.parse(env.PAGE_TEXT) as Partial<PageText> : {};
  return { instanceId, pageText: { ...DEFAULT_PAGE_TEXT, ...overrides }, returnUrl: env.RETURN_URL || undefined };
}

/** Lengths and characters of the request members, from the Connect API model. */
const STATE_MAX = 1000;
const CODE_MAX = 2048;
const ERROR_MAX = 2048;
/** `AuthenticationError` and `AuthenticationErrorDescription`: printable ASCII without `"` and `\`. */
const ERROR_CHARS = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/;
const NOT_ERROR_CHAR = /[^\x20-\x21\x23-\x5B\x5D-\x7E]/g;

/** The parameters Cognito sent, checked; or why they are not a redirect of Cognito's. */
type Parsed =
  | { readonly ok: true; readonly state: string; readonly code?: string; readonly error?: string; readonly errorDescription?: string }
  | { readonly ok: false; readonly reason: string };

/** Reads and checks the query: `state` and exactly one of `code` or `error` (with an optional `error_description`). */
export function parseQuery(rawQuery: string): Parsed {
  const params = new URLSearchParams(rawQuery);
  const single: Record<string, string | undefined> = {};
  for (const name of ['state', 'code', 'error', 'error_description']) {
    const values = params.getAll(name);
    if (values.length > 1) {
      return { ok: false, reason: `${name} is given ${values.length} times` };
    }
    single[name] = values[0];
  }
  const { state, code, error } = single;
  if (state === undefined || state === '') {
    return { ok: false, reason: 'state is missing' };
  }
  if (state.length > STATE_MAX) {
    return { ok: false, reason: `state must be 1 to ${STATE_MAX} characters, got ${state.length}` };
  }
  if ((code === undefined) === (error === undefined)) {
    return { ok: false, reason: code === undefined ? 'one of code or error is required' : 'code and error cannot both be given' };
  }
  if (code !== undefined) {
    if (code.length < 1 || code.length > CODE_MAX) {
      return { ok: false, reason: `code must be 1 to ${CODE_MAX} characters, got ${code.length}` };
    }
    if (single.error_description !== undefined) {
      return { ok: false, reason: 'error_description is given without error' };
    }
    return { ok: true, state, code };
  }
  if (error!.length < 1 || error!.length > ERROR_MAX) {
    return { ok: false, reason: `error must be 1 to ${ERROR_MAX} characters, got ${error!.length}` };
  }
  if (!ERROR_CHARS.test(error!)) {
    return { ok: false, reason: 'error must be printable ASCII characters other than " and \\' };
  }
  // The description is prose for people: characters the API does not take are replaced and a long one is cut, so that
  // the flow still takes its error branch.
  const description = single.error_description?.replace(NOT_ERROR_CHAR, '?').slice(0, ERROR_MAX);
  return { ok: true, state, error, errorDescription: description || undefined };
}

/** A Connect error's outcome. */
function outcomeOfError(error: unknown, signingIn: boolean): Outcome {
  switch (connectErrorName(error)) {
    case 'Conflict':
      // The state was used already. After a retry of ours that is most likely our own first attempt, which went
      // through although its response was lost.
      if (connectAttempts(error) > 1) {
        return signingIn ? 'signed-in' : 'not-signed-in';
      }
      return 'already-used';
    case 'InvalidRequest':
    case 'InvalidParameter':
      return /expire/i.test(String((error as Error).message)) ? 'expired' : 'invalid';
    case 'Throttling':
    case 'InternalService':
      return 'try-again';
    default:
      // AccessDenied (the function's role), and failures that are not Connect's answers (the network).
      return 'failed';
  }
}

/** The handler for a configuration and a Connect client. */
export function createAuthenticationHandler(config: AuthenticationConfig, client: ConnectClient): HttpHandler {
  return async (event) => {
    const requestId = event.requestContext?.requestId;
    if (methodOf(event) !== 'GET') {
      logLine({ outcome: 'method-not-allowed', requestId });
      return page(config.pageText, 405, config.pageText.invalidRequest, 'only GET is allowed', { Allow: 'GET' });
    }
    const parsed = parseQuery(event.rawQueryString ?? '');
    if (!parsed.ok) {
      logLine({ outcome: 'bad-request', reason: parsed.reason, requestId });
      return page(config.pageText, 400, config.pageText.invalidRequest, parsed.reason);
    }
    const input: UpdateParticipantAuthenticationCommandInput = parsed.code !== undefined
      ? { InstanceId: config.instanceId, State: parsed.state, Code: parsed.code }
      : { InstanceId: config.instanceId, State: parsed.state, Error: parsed.error, ErrorDescription: parsed.errorDescription };
    const signingIn = parsed.code !== undefined;
    let outcome: Outcome;
    try {
      await client.send(new UpdateParticipantAuthenticationCommand(input));
      outcome = signingIn ? 'signed-in' : 'not-signed-in';
      logLine({ outcome, requestId });
    } catch (error) {
      outcome = outcomeOfError(error, signingIn);
      logLine({
        outcome,
        error: connectErrorName(error) ?? (error as Error)?.name ?? 'Error',
        connectRequestId: connectRequestId(error),
        requestId,
      });
    }
    if (config.returnUrl !== undefined) {
      const separator = config.returnUrl.includes('?') ? '&' : '?';
      return {
        statusCode: 303,
        headers: { ...SECURITY_HEADERS, Location: `${config.returnUrl}${separator}chatAuthentication=${outcome}` },
        body: '',
      };
    }
    const { status, text } = OUTCOMES[outcome];
    // The description of a refused sign-in comes from the identity provider: it is shown to the customer, escaped.
    const detail = outcome === 'not-signed-in' ? parsed.errorDescription : undefined;
    return page(config.pageText, status, config.pageText[text], detail);
  };
}

/**
 * Headers of every response: nothing is cached, the page cannot be framed or run scripts, and no Referer carries the
 * code in the URL to another site.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': 'default-src \'none\'; style-src \'unsafe-inline\'; frame-ancestors \'none\'',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** An HTML page with the title, a message and an optional detail line, everything escaped. */
function page(text: PageText, statusCode: number, message: string, detail?: string, extraHeaders: Record<string, string> = {}): HttpResponse {
  const body = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(text.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(text.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}'
      + '.detail{color:#555;font-size:.875rem}</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(text.title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    ...(detail ? [`<p class="detail">${escapeHtml(detail)}</p>`] : []),
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
  return {
    statusCode,
    headers: { ...SECURITY_HEADERS, ...extraHeaders, 'Content-Type': 'text/html; charset=utf-8' },
    body,
  };
}

let deployed: HttpHandler | undefined;

/** The Lambda entry point: the configuration from the environment, one client for the life of the function. */
export async function handler(event: HttpEvent): Promise<HttpResponse> {
  deployed ??= createAuthenticationHandler(configFromEnvironment(process.env), new ConnectClient({
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 4_000 },
  }));
  return deployed(event);
}
