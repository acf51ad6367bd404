import type { $Command, ConnectClient } from '@aws-sdk/client-connect';
import { errorMessage, errorName, HandlerError, isQuotaError, isThrottling, isTransient, sdkCause } from './errors';
import { CloudFormationEvent } from './types';

/** The output type of an SDK command. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutputOf<C> = C extends $Command<any, infer O, any, any, any> ? O : never;

/** A command of the Connect client. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConnectCommand = $Command<any, any, any, any, any>;

/**
 * How the handler runs: the client, the time it has, and (for tests) the clock.
 */
export interface RuntimeOptions {
  /** The Connect client (created with `maxAttempts: 1`: this engine does the retrying). */
  readonly client: ConnectClient;
  /** The epoch milliseconds by which the work must be over, leaving time to send the response. */
  readonly deadline: number;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Math.random */
  readonly random?: () => number;
  /** @default console.log */
  readonly log?: (message: string) => void;
}

/** Options of one call. */
export interface CallOptions {
  /**
   * The Service Quotas name of the quota the operation counts against, named in the failure when Connect answers
   * `LimitExceededException` or `ServiceQuotaExceededException`.
   */
  readonly quota?: string;
  /**
   * Whether to send the request again after a transient failure. False for creates that take no ClientToken: a lost
   * response may mean the resource exists, so the caller must look for it before creating again (`adoptOrCreate`).
   *
   * @default true
   */
  readonly retry?: boolean;
}

/** What `adoptOrCreate`'s lookup found. */
export interface Found<T> {
  /** The resource, when it carries this request's owner tag: a previous delivery created it. */
  readonly owned?: T;
  /** Says what is there when a resource with the same identity exists that this request did not create. */
  readonly foreign?: string;
}

/**
 * The name of a command's operation, such as `UpdateInstanceAttribute`. The class name is not enough: esbuild's
 * minifier renames classes in the bundle (`UpdateInstanceAttributeCommand` becomes `c_`), so the operation schema the
 * SDK attaches to each command (`[kind, namespace, name, ...]`) is read first.
 */
export function operationName(command: ConnectCommand): string {
  const schema = (command as { schema?: unknown }).schema;
  if (Array.isArray(schema) && typeof schema[2] === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(schema[2])) {
    return schema[2];
  }
  const named = (schema as { name?: unknown } | undefined)?.name;
  if (typeof named === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(named)) {
    return named;
  }
  return command.constructor.name.replace(/Command$/, '');
}

/** Whether an operation changes state (anything but Describe, Get, List, Search and BatchGet). */
export function isWriteOperation(operation: string): boolean {
  return !/^(Describe|Get|List|Search|BatchGet)/.test(operation);
}

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 20_000;

/**
 * What a kind works with while it handles one request: the Connect API with retries, polling, idempotent creates,
 * and notes for the response.
 */
export class KindContext {
  /** Sentences added to the response's reason and the log, such as "re-created: ... was deleted out of band". */
  public readonly notes: string[] = [];
  /**
   * The physical id of the resource this request created, once it exists: if a later step of the request fails, the
   * engine deletes it again (see `created`).
   */
  public createdId?: string;
  /** How many write (non-read) requests reached Connect, for the benchmarks and tests. */
  public writeCalls = 0;

  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly logger: (message: string) => void;

  constructor(
    public readonly event: CloudFormationEvent,
    /** The idempotency token of this request (see `requestToken`). */
    public readonly token: string,
    private readonly runtime: RuntimeOptions,
  ) {
    this.now = runtime.now ?? Date.now;
    this.sleep = runtime.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = runtime.random ?? Math.random;
    this.logger = runtime.log ?? ((message) => console.log(message));
  }

  /**
   * Records that this request created the resource with this physical id. Kinds call it as soon as the resource
   * exists, before the steps that may still fail (tags, use cases, waiting for a claim), so that a failure removes it
   * instead of leaving it behind.
   */
  public created(physicalId: string): void {
    this.createdId = physicalId;
  }

  /** Logs a line. */
  public log(message: string): void {
    this.logger(message);
  }

  /** Adds a note to the response's reason (and logs it). */
  public note(message: string): void {
    this.notes.push(message);
    this.log(message);
  }

  /**
   * Sends a command to Connect. Transient failures (throttling, 5xx, lost responses) are retried with exponential
   * backoff and full jitter until the deadline; quota errors fail at once and name the quota.
   */
  public async send<C extends ConnectCommand>(command: C, options: CallOptions = {}): Promise<OutputOf<C>> {
    const operation = operationName(command);
    const write = isWriteOperation(operation);
    for (let attempt = 0; ; attempt++) {
      try {
        if (write) {
          this.writeCalls++;
        }
        return await this.runtime.client.send(command) as OutputOf<C>;
      } catch (error) {
        if (isQuotaError(error)) {
          const quota = options.quota ? `the "${options.quota}" quota` : 'a service quota';
          throw new HandlerError(`${operation} failed: ${quota} of this account is reached (${errorMessage(error)}); `
            + 'request an increase in Service Quotas (Amazon Connect) and deploy again');
        }
        if (!isTransient(error) || options.retry === false) {
          throw this.failure(operation, error);
        }
        await this.backoff(operation, attempt, error);
      }
    }
  }

  /**
   * Waits before trying again after a transient failure, or fails when the deadline does not leave time for it.
   */
  public async backoff(operation: string, attempt: number, error: unknown): Promise<void> {
    const delay = Math.floor(this.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 16)));
    if (this.now() + delay >= this.runtime.deadline) {
      const what = isThrottling(error) ? 'throttled' : 'failed';
      throw new HandlerError(`${operation} ${what} ${attempt + 1} times until the handler ran out of time: ${errorMessage(error)}`);
    }
    this.log(`${operation}: ${errorName(error)}, retrying in ${delay} ms (attempt ${attempt + 1})`);
    await this.sleep(delay);
  }

  /**
   * Polls `check` until it returns a value (an asynchronous operation completed), or fails at the deadline.
   *
   * @param what what is awaited, for the log and the failure
   */
  public async waitFor<T>(what: string, check: () => Promise<T | undefined>, intervalMs = 2_000): Promise<T> {
    for (;;) {
      const result = await check();
      if (result !== undefined) {
        return result;
      }
      if (this.now() + intervalMs >= this.runtime.deadline) {
        throw new HandlerError(`timed out waiting for ${what}`);
      }
      this.log(`waiting for ${what}`);
      await this.sleep(intervalMs);
    }
  }

  /**
   * Creates a resource whose create operation takes no ClientToken, exactly once across retried deliveries and lost
   * responses: `find` looks for a resource with the same identity first; one tagged with this request's token is
   * adopted, one that is not fails the create (it belongs to someone else), and only when there is none is `create`
   * called (once per attempt, never blindly retried).
   *
   * @param what a description of the resource, for failures
   */
  public async adoptOrCreate<T>(what: string, find: () => Promise<Found<T> | undefined>, create: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const found = await find();
      if (found?.owned !== undefined) {
        this.note(`adopted ${what}, created by an earlier delivery of this request`);
        return found.owned;
      }
      if (found?.foreign !== undefined) {
        throw new HandlerError(`${what} already exists and this stack does not own it (${found.foreign}); `
          + 'delete it, or import it instead of creating it');
      }
      try {
        return await create();
      } catch (error) {
        if (!isTransient(error)) {
          throw error;
        }
        await this.backoff(`create ${what}`, attempt, sdkCause(error));
      }
    }
  }

  private failure(operation: string, error: unknown): HandlerError {
    return new HandlerError(`${operation} failed: ${errorMessage(error)}`, error);
  }
}
