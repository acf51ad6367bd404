/**
 * An error whose message is meant for the person reading the CloudFormation event: it says what is wrong with the
 * request or the account, not where in the handler it happened.
 */
export class HandlerError extends Error {
  /**
   * @param sdkError the SDK error behind this one, if any (kept so a caller can tell whether it was transient)
   */
  constructor(message: string, public readonly sdkError?: unknown) {
    super(message);
    this.name = 'HandlerError';
  }
}

/** The shape of an error thrown by the AWS SDK (service exceptions and network errors). */
export interface SdkErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $fault?: string;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * The SDK error behind an error: a HandlerError's `sdkError` when it has one (`ctx.send` wraps what Connect threw),
 * else the error itself.
 */
export function sdkCause(error: unknown): unknown {
  return error instanceof HandlerError && error.sdkError !== undefined ? error.sdkError : error;
}

/** The error as the SDK shapes it, looking through a HandlerError to the SDK error behind it. */
function asSdkError(error: unknown): SdkErrorLike {
  const cause = sdkCause(error);
  return (typeof cause === 'object' && cause !== null ? cause : { message: String(cause) }) as SdkErrorLike;
}

/**
 * The error's name (the service's exception type for service errors); for a HandlerError with an SDK error behind
 * it, that error's name. The classifications below (not found, quota, throttling, transient) look through a
 * HandlerError the same way.
 */
export function errorName(error: unknown): string {
  const e = asSdkError(error);
  return e.name ?? e.code ?? 'Error';
}

/** Whether the error says the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return errorName(error) === 'ResourceNotFoundException';
}

const THROTTLING = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'ThrottledException', 'RequestLimitExceeded']);
const QUOTA = new Set(['LimitExceededException', 'ServiceQuotaExceededException']);
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN']);

/** Whether the error is Connect refusing a request because a quota of the account is reached (never retried). */
export function isQuotaError(error: unknown): boolean {
  return QUOTA.has(errorName(error));
}

/** Whether the error is throttling. */
export function isThrottling(error: unknown): boolean {
  return THROTTLING.has(errorName(error));
}

/**
 * Whether the request may succeed if sent again: throttling, a server-side (5xx) error, or a network failure in which
 * the response was lost. Quota errors are never transient.
 */
export function isTransient(error: unknown): boolean {
  if (isQuotaError(error)) {
    return false;
  }
  const e = asSdkError(error);
  const status = e.$metadata?.httpStatusCode;
  return isThrottling(error)
    || (status !== undefined && status >= 500)
    || e.$fault === 'server'
    || NETWORK.has(errorName(error))
    || (e.code !== undefined && NETWORK.has(e.code))
    || e.$retryable !== undefined;
}

/** The message of an error, for a failure reason. */
export function errorMessage(error: unknown): string {
  if (error instanceof HandlerError) {
    return error.message;
  }
  const e = asSdkError(error);
  const message = e.message && e.message !== 'UnknownError' ? e.message : 'no message';
  return `${errorName(error)}: ${message}`;
}
