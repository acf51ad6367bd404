import * as sdk from '@aws-sdk/client-connect';

/** The rules the real API applies to one request member (from the service model, written out by hand). */
export interface MemberRule {
  readonly required?: boolean;
  /** Minimum length of a string (or items of a list). */
  readonly min?: number;
  /** Maximum length of a string (or items of a list). */
  readonly max?: number;
  readonly pattern?: RegExp;
  readonly enum?: readonly string[];
}

/** An operation of the fake: its request rules and what it does to the state. */
export interface FakeOperation {
  /** Request members and their rules; members not listed are not checked. */
  readonly members?: Record<string, MemberRule>;
  /** Whether the operation changes state (counted as a write call). @default - inferred from the name */
  readonly write?: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly run: (input: any, fake: FakeConnect) => unknown;
}

type FaultKind = 'throttle' | 'server' | 'lose-response' | 'error';

interface Fault {
  readonly kind: FaultKind;
  remaining: number;
  readonly error?: () => Error;
}

/** One request the fake received. */
export interface FakeCall {
  readonly operation: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly input: any;
}

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/** Builds an SDK service exception the way the SDK deserializes one. */
export function serviceError(name: keyof typeof sdk | string, message: string, status = 400): Error {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ctor = (sdk as any)[name];
  const metadata = { httpStatusCode: status, requestId: 'fake-request' };
  if (typeof ctor === 'function') {
    return new ctor({ message, $metadata: metadata });
  }
  const error = new Error(message) as Error & { $metadata: unknown; $fault: string };
  error.name = name;
  error.$metadata = metadata;
  error.$fault = status >= 500 ? 'server' : 'client';
  return error;
}

/**
 * An in-memory Amazon Connect that keeps state, rejects requests the real API would reject for the operations it
 * implements (required members, lengths, patterns, enums, name uniqueness, unknown ids), and injects faults:
 * throttling, 5xx errors, and responses lost after the operation took effect.
 *
 * Domains register their operations (see `fake/index.ts`); `install()` routes every `ConnectClient.send` to the fake.
 */
export class FakeConnect {
  public readonly region = REGION;
  public readonly account = ACCOUNT;
  /** Every request received, in order (including the ones a fault answered). */
  public readonly calls: FakeCall[] = [];
  /** Tags by resource ARN. */
  public readonly tags = new Map<string, Record<string, string>>();
  /** Instances by id. */
  public readonly instances = new Map<string, { id: string; arn: string }>();

  private readonly operations = new Map<string, FakeOperation>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly tables = new Map<string, Map<string, unknown>>();
  private sequence = 0;

  constructor() {
    this.register('TagResource', {
      members: { resourceArn: { required: true }, tags: { required: true } },
      run: (input: sdk.TagResourceRequest) => {
        this.requireTaggable(input.resourceArn!);
        this.tags.set(input.resourceArn!, { ...this.tags.get(input.resourceArn!), ...input.tags });
        return {};
      },
    });
    this.register('UntagResource', {
      members: { resourceArn: { required: true }, tagKeys: { required: true, min: 1 } },
      run: (input: sdk.UntagResourceRequest) => {
        this.requireTaggable(input.resourceArn!);
        const tags = { ...this.tags.get(input.resourceArn!) };
        for (const key of input.tagKeys ?? []) {
          delete tags[key];
        }
        this.tags.set(input.resourceArn!, tags);
        return {};
      },
    });
    this.register('ListTagsForResource', {
      members: { resourceArn: { required: true } },
      run: (input: sdk.ListTagsForResourceRequest) => {
        this.requireTaggable(input.resourceArn!);
        return { tags: { ...this.tags.get(input.resourceArn!) } };
      },
    });
  }

  /** Adds an instance (the fake creates none of its own) and returns it. */
  public addInstance(id = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'): { id: string; arn: string } {
    const instance = { id, arn: `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${id}` };
    this.instances.set(id, instance);
    // Instances are taggable in Connect.
    this.trackTags(instance.arn, {});
    return instance;
  }

  /** The instance an `InstanceId` member names (an id or an ARN), or a ResourceNotFoundException. */
  public instance(idOrArn: string | undefined): { id: string; arn: string } {
    const id = (idOrArn ?? '').replace(/^arn:[^:]+:connect:[^:]*:[0-9]{12}:instance\//, '');
    const instance = this.instances.get(id);
    if (!instance) {
      throw serviceError('ResourceNotFoundException', `Instance not found: ${idOrArn}`, 404);
    }
    return instance;
  }

  /** Makes a resource taggable (with its initial tags): call it when a domain creates a resource with an ARN. */
  public trackTags(arn: string, tags: Record<string, string> | undefined): void {
    this.tags.set(arn, { ...tags });
  }

  /** Forgets the tags of a deleted resource. */
  public forgetTags(arn: string): void {
    this.tags.delete(arn);
  }

  /** A table of the fake's state (one per resource kind), created on first use. */
  public table<T>(name: string): Map<string, T> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table as Map<string, T>;
  }

  /** A new id, unique within the fake: a UUID-shaped string. */
  public newId(): string {
    this.sequence++;
    const n = this.sequence.toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }

  /** Registers (or replaces) an operation. */
  public register(name: string, operation: FakeOperation): void {
    this.operations.set(name, operation);
  }

  /** The next `times` requests of `operation` (`*`: of any operation) are throttled. */
  public throttle(operation: string, times: number): void {
    this.addFault(operation, { kind: 'throttle', remaining: times });
  }

  /** The next `times` requests of `operation` (`*`: any) fail with a 500 InternalServiceException. */
  public serverErrors(operation: string, times: number): void {
    this.addFault(operation, { kind: 'server', remaining: times });
  }

  /** The next `times` requests of `operation` take effect but their response is lost (a network timeout). */
  public loseResponses(operation: string, times: number): void {
    this.addFault(operation, { kind: 'lose-response', remaining: times });
  }

  /** The next `times` requests of `operation` fail with `error()` and take no effect. */
  public failWith(operation: string, error: () => Error, times = 1): void {
    this.addFault(operation, { kind: 'error', remaining: times, error });
  }

  /** The requests received of one operation. */
  public callsOf(operation: string): FakeCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  /** How many write requests (anything but Describe/List/Get/Search) reached the fake. */
  public writeCalls(): number {
    return this.calls.filter((call) => this.isWrite(call.operation)).length;
  }

  /**
   * Routes every `ConnectClient.send` of the SDK to this fake (by the command's class name). Call `restore()` on the
   * returned handle afterwards.
   *
   * One replacement of `send` rather than a stub per command: the SDK has about 400 commands, and stubbing each one
   * for every test made each test seconds slower.
   */
  public install(): { restore(): void } {
    const prototype = sdk.ConnectClient.prototype as unknown as { send: unknown };
    const original = prototype.send;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    prototype.send = function send(command: { constructor: { name: string }; input: unknown }) {
      return fake.invoke(command.constructor.name.replace(/Command$/, ''), command.input);
    };
    return {
      restore() {
        prototype.send = original;
      },
    };
  }

  /** Handles one request as Connect would. */
  public async invoke(operation: string, input: unknown): Promise<unknown> {
    this.calls.push({ operation, input });
    const spec = this.operations.get(operation);
    if (!spec) {
      throw new Error(`the fake Connect does not implement ${operation}`);
    }
    const fault = this.takeFault(operation);
    if (fault?.kind === 'throttle') {
      throw serviceError('ThrottlingException', 'Rate exceeded', 429);
    }
    if (fault?.kind === 'server') {
      throw serviceError('InternalServiceException', 'Request processing failed because of an error or failure with the service.', 500);
    }
    if (fault?.kind === 'error') {
      throw fault.error!();
    }
    this.validate(operation, spec, input as Record<string, unknown>);
    // A copy, so the handler cannot change the fake's state through what it passed or got back.
    const output = structuredClone(await spec.run(structuredClone(input), this));
    if (fault?.kind === 'lose-response') {
      const lost = new Error('socket hang up: the response was lost') as Error & { $metadata: unknown };
      lost.name = 'TimeoutError';
      lost.$metadata = {};
      throw lost;
    }
    return { $metadata: { httpStatusCode: 200 }, ...(output as object) };
  }

  private isWrite(operation: string): boolean {
    return this.operations.get(operation)?.write ?? !/^(Describe|Get|List|Search|BatchGet)/.test(operation);
  }

  private addFault(operation: string, fault: Fault): void {
    const list = this.faults.get(operation) ?? [];
    list.push(fault);
    this.faults.set(operation, list);
  }

  private takeFault(operation: string): Fault | undefined {
    for (const key of [operation, '*']) {
      const fault = (this.faults.get(key) ?? []).find((f) => f.remaining > 0);
      if (fault) {
        fault.remaining--;
        return fault;
      }
    }
    return undefined;
  }

  private validate(operation: string, spec: FakeOperation, input: Record<string, unknown>): void {
    const errors: string[] = [];
    for (const [member, rule] of Object.entries(spec.members ?? {})) {
      const value = input?.[member];
      if (value === undefined || value === null) {
        if (rule.required) {
          errors.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
        }
        continue;
      }
      const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
      if (length !== undefined && rule.min !== undefined && length < rule.min) {
        errors.push(`Value at '${member}' failed to satisfy constraint: Member must have length greater than or equal to ${rule.min}`);
      }
      if (length !== undefined && rule.max !== undefined && length > rule.max) {
        errors.push(`Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`);
      }
      if (rule.pattern && typeof value === 'string' && !rule.pattern.test(value)) {
        errors.push(`Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.pattern.source}`);
      }
      if (rule.enum && !rule.enum.includes(String(value))) {
        errors.push(`Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
      }
    }
    if (errors.length > 0) {
      throw serviceError('InvalidParameterException', `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected in ${operation}: ${errors.join('; ')}`);
    }
  }

  private requireTaggable(arn: string): void {
    if (!/^arn:aws:connect:/.test(arn)) {
      throw serviceError('InvalidParameterException', `not a taggable resource: ${arn}`);
    }
    if (!this.tags.has(arn)) {
      throw serviceError('ResourceNotFoundException', `Resource not found: ${arn}`, 404);
    }
  }
}
