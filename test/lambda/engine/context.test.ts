import {
  ClaimPhoneNumberCommand,
  ConnectClient,
  CreateIntegrationAssociationCommand,
  DescribeInstanceAttributeCommand,
  ListIntegrationAssociationsCommand,
  UpdateInstanceAttributeCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { isWriteOperation, KindContext, operationName } from '../../../lambda/engine/context';
import { HandlerError } from '../../../lambda/engine/errors';
import { serviceError } from '../fake';
import { networkError, VirtualRuntime } from './runtime';

const connect = mockClient(ConnectClient);
beforeEach(() => connect.reset());
afterAll(() => connect.restore());

const UPDATE = () => new UpdateInstanceAttributeCommand({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA', Value: 'true' });
const DESCRIBE = () => new DescribeInstanceAttributeCommand({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA' });
const THROTTLED = () => serviceError('ThrottlingException', 'Rate exceeded', 429);

/** The cap of the backoff delay of attempt n (0-based): 250 ms doubled each attempt, at most 20 s. */
const cap = (attempt: number) => Math.min(20_000, 250 * 2 ** attempt);

/** Makes the next `times` calls fail with `error()`, then succeed with `output`. */
function failThenSucceed(times: number, error: () => Error, output: object = {}): void {
  let calls = 0;
  connect.callsFake(async () => {
    calls++;
    if (calls <= times) {
      throw error();
    }
    return output;
  });
}

describe('KindContext.send', () => {
  test('returns the output of the command and counts write calls only', async () => {
    connect.on(DescribeInstanceAttributeCommand).resolves({ Attribute: { AttributeType: 'EARLY_MEDIA', Value: 'true' } });
    connect.on(UpdateInstanceAttributeCommand).resolves({});
    const ctx = new VirtualRuntime().context();

    const live = await ctx.send(DESCRIBE());
    expect(live.Attribute?.Value).toBe('true');
    expect(ctx.writeCalls).toBe(0);
    await ctx.send(UPDATE());
    expect(ctx.writeCalls).toBe(1);
    expect(connect.commandCalls(UpdateInstanceAttributeCommand)[0].args[0].input).toEqual({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA', Value: 'true' });
  });

  test.each([
    ['throttling', THROTTLED],
    ['TooManyRequestsException', () => serviceError('TooManyRequestsException', 'slow down', 429)],
    ['a 500 InternalServiceException', () => serviceError('InternalServiceException', 'Request processing failed', 500)],
    ['a 503 without a modeled type', () => serviceError('ServiceUnavailable', 'Service Unavailable', 503)],
    ['a lost response (TimeoutError)', () => networkError('TimeoutError')],
    ['a reset connection (ECONNRESET)', () => networkError('Error', 'ECONNRESET')],
    ['a DNS failure (EAI_AGAIN)', () => networkError('Error', 'EAI_AGAIN')],
  ])('retries %s until it succeeds', async (_, error) => {
    failThenSucceed(3, error, { Attribute: { Value: 'x' } });
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();

    const output = await ctx.send(DESCRIBE());

    expect(output.Attribute?.Value).toBe('x');
    expect(connect.calls()).toHaveLength(4);
    expect(runtime.sleeps).toHaveLength(3);
    expect(runtime.lines[0]).toMatch(/^DescribeInstanceAttribute: \w+, retrying in \d+ ms \(attempt 1\)$/);
  });

  test('counts every attempt of a write that reached Connect', async () => {
    failThenSucceed(2, THROTTLED);
    const ctx = new VirtualRuntime().context();
    await ctx.send(UPDATE());
    expect(ctx.writeCalls).toBe(3);
  });

  test('backs off exponentially with full jitter: each delay is random * min(20 s, 250 ms * 2^attempt)', async () => {
    failThenSucceed(12, THROTTLED);
    // Just under 1: each delay is (almost) its cap, which shows the growth and the cap.
    const runtime = new VirtualRuntime(14 * 60_000, [0.999999]);
    await runtime.context().send(UPDATE());

    expect(runtime.sleeps).toEqual([249, 499, 999, 1999, 3999, 7999, 15999, 19999, 19999, 19999, 19999, 19999]);
    for (let i = 1; i < runtime.sleeps.length; i++) {
      expect(runtime.sleeps[i]).toBeGreaterThanOrEqual(runtime.sleeps[i - 1]);
      expect(runtime.sleeps[i]).toBeLessThanOrEqual(20_000);
    }
  });

  test('the jitter spans the whole range from zero to the cap', async () => {
    const randoms = [0, 0.25, 0.5, 0.75, 0.1, 0.9, 0.3, 0.6];
    failThenSucceed(randoms.length, THROTTLED);
    const runtime = new VirtualRuntime(14 * 60_000, randoms);
    await runtime.context().send(UPDATE());

    expect(runtime.sleeps).toEqual(randoms.map((r, attempt) => Math.floor(r * cap(attempt))));
    expect(runtime.sleeps[0]).toBe(0);
  });

  test('stays capped however many attempts it takes', async () => {
    failThenSucceed(40, THROTTLED);
    const runtime = new VirtualRuntime(60 * 60_000, [0.999999]);
    await runtime.context().send(UPDATE());
    expect(runtime.sleeps).toHaveLength(40);
    expect(Math.max(...runtime.sleeps)).toBe(19999);
    expect(runtime.sleeps.slice(7).every((ms) => ms === 19999)).toBe(true);
  });

  test('fails when the deadline leaves no time for another attempt, and says why', async () => {
    connect.rejects(THROTTLED());
    const runtime = new VirtualRuntime(40_000, [0.999999]);
    const deadline = runtime.deadline;
    const ctx = runtime.context();

    await expect(ctx.send(UPDATE())).rejects.toThrow(
      /^UpdateInstanceAttribute throttled 8 times until the handler ran out of time: ThrottlingException: Rate exceeded$/);
    // 249 + 499 + ... + 15999 = 31743 ms slept; the next delay (19999 ms) would have crossed the deadline at 40 s.
    expect(runtime.sleeps).toEqual([249, 499, 999, 1999, 3999, 7999, 15999]);
    expect(runtime.clock).toBeLessThan(deadline);
    expect(connect.calls()).toHaveLength(8);
  });

  test('a server error that outlasts the deadline says "failed", with its message', async () => {
    connect.rejects(serviceError('InternalServiceException', 'Request processing failed', 500));
    const runtime = new VirtualRuntime(1_000, [0.999999]);
    await expect(runtime.context().send(UPDATE())).rejects.toThrow(
      'UpdateInstanceAttribute failed 3 times until the handler ran out of time: InternalServiceException: Request processing failed');
  });

  test.each(['LimitExceededException', 'ServiceQuotaExceededException'])('never retries %s and names the quota', async (name) => {
    connect.rejects(serviceError(name, 'The quota is reached', 429));
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();

    const error = await ctx.send(new ClaimPhoneNumberCommand({ PhoneNumber: '+15555550100' }), { quota: 'Phone numbers per instance' })
      .catch((e) => e);

    expect(error).toBeInstanceOf(HandlerError);
    expect(error.message).toBe(`ClaimPhoneNumber failed: the "Phone numbers per instance" quota of this account is reached (${name}: `
      + 'The quota is reached); request an increase in Service Quotas (Amazon Connect) and deploy again');
    expect(connect.calls()).toHaveLength(1);
    expect(runtime.sleeps).toEqual([]);
  });

  test('a quota error without a named quota says "a service quota"', async () => {
    connect.rejects(serviceError('LimitExceededException', 'Too many', 400));
    await expect(new VirtualRuntime().context().send(UPDATE())).rejects.toThrow(
      /^UpdateInstanceAttribute failed: a service quota of this account is reached \(LimitExceededException: Too many\)/);
    expect(connect.calls()).toHaveLength(1);
  });

  test('a quota error is not retried even with a 5xx status', async () => {
    connect.rejects(serviceError('ServiceQuotaExceededException', 'quota', 503));
    await expect(new VirtualRuntime().context().send(UPDATE(), { quota: 'Q' })).rejects.toThrow(/the "Q" quota/);
    expect(connect.calls()).toHaveLength(1);
  });

  test.each([
    ['InvalidParameterException', 400],
    ['InvalidRequestException', 400],
    ['ResourceNotFoundException', 404],
    ['AccessDeniedException', 403],
    ['DuplicateResourceException', 409],
  ])('fails at once on %s, with Connect\'s message', async (name, status) => {
    connect.rejects(serviceError(name, 'Connect says no', status));
    const ctx = new VirtualRuntime().context();

    const error = await ctx.send(UPDATE()).catch((e) => e);

    expect(error).toBeInstanceOf(HandlerError);
    expect(error.message).toBe(`UpdateInstanceAttribute failed: ${name}: Connect says no`);
    expect(error.sdkError.name).toBe(name);
    expect(connect.calls()).toHaveLength(1);
  });

  test.each([
    ['throttling', THROTTLED],
    ['a 5xx', () => serviceError('InternalServiceException', 'boom', 500)],
    ['a lost response', () => networkError('TimeoutError')],
  ])('`retry: false` does not send again after %s, and keeps the SDK error', async (_, error) => {
    connect.rejects(error());
    const runtime = new VirtualRuntime();

    const failure = await runtime.context().send(new CreateIntegrationAssociationCommand({
      InstanceId: 'i', IntegrationType: 'EVENT', IntegrationArn: 'arn',
    }), { retry: false }).catch((e) => e);

    expect(failure).toBeInstanceOf(HandlerError);
    expect(failure.message).toMatch(/^CreateIntegrationAssociation failed: /);
    expect(failure.sdkError).toBeDefined();
    expect(connect.calls()).toHaveLength(1);
    expect(runtime.sleeps).toEqual([]);
  });

  test('an error without a message says so', async () => {
    const error = serviceError('InvalidParameterException', 'UnknownError');
    connect.rejects(error);
    await expect(new VirtualRuntime().context().send(UPDATE())).rejects.toThrow('UpdateInstanceAttribute failed: InvalidParameterException: no message');
  });
});

describe('operation names', () => {
  test('come from the command, even when a minifier renamed its class', () => {
    const command = UPDATE();
    expect(operationName(command)).toBe('UpdateInstanceAttribute');
    // What esbuild --minify does to the SDK's classes in the bundle.
    const Renamed = class extends UpdateInstanceAttributeCommand {};
    Object.defineProperty(Renamed, 'name', { value: 'c_' });
    const renamed = new Renamed({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA', Value: 'true' });
    expect(renamed.constructor.name).toBe('c_');
    expect(operationName(renamed)).toBe('UpdateInstanceAttribute');
    expect(operationName(new ListIntegrationAssociationsCommand({ InstanceId: 'i' }))).toBe('ListIntegrationAssociations');
  });

  test('reads are Describe, Get, List, Search and BatchGet; everything else writes', () => {
    for (const read of ['DescribeInstance', 'GetContactAttributes', 'ListPhoneNumbersV2', 'SearchAvailablePhoneNumbers', 'BatchGetFlowAssociation']) {
      expect(isWriteOperation(read)).toBe(false);
    }
    for (const write of ['CreateIntegrationAssociation', 'UpdateInstanceAttribute', 'AssociateFlow', 'ClaimPhoneNumber', 'TagResource', 'BatchPutContact']) {
      expect(isWriteOperation(write)).toBe(true);
    }
  });

  test('a renamed write command still counts as a write, and a renamed read does not', async () => {
    connect.resolves({});
    const Read = class extends DescribeInstanceAttributeCommand {};
    Object.defineProperty(Read, 'name', { value: 'x' });
    const Write = class extends UpdateInstanceAttributeCommand {};
    Object.defineProperty(Write, 'name', { value: 'y' });
    const ctx = new VirtualRuntime().context();
    await ctx.send(new Read({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA' }));
    expect(ctx.writeCalls).toBe(0);
    await ctx.send(new Write({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA', Value: 'v' }));
    expect(ctx.writeCalls).toBe(1);
  });
});

describe('KindContext.waitFor', () => {
  test('polls until the check returns a value', async () => {
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();
    const states = ['PENDING', 'PENDING', 'PENDING', 'ACTIVE'];
    const check = jest.fn(async () => {
      const state = states.shift();
      return state === 'ACTIVE' ? 'done' : undefined;
    });

    await expect(ctx.waitFor('the instance to become ACTIVE', check, 5_000)).resolves.toBe('done');

    expect(check).toHaveBeenCalledTimes(4);
    expect(runtime.sleeps).toEqual([5_000, 5_000, 5_000]);
    expect(runtime.lines).toEqual(Array(3).fill('waiting for the instance to become ACTIVE'));
  });

  test('polls every 2 s by default and returns at once when the first check succeeds', async () => {
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();
    let n = 0;
    await ctx.waitFor('x', async () => (++n === 2 ? n : undefined));
    expect(runtime.sleeps).toEqual([2_000]);

    const immediate = new VirtualRuntime();
    await expect(immediate.context().waitFor('y', async () => 'ready')).resolves.toBe('ready');
    expect(immediate.sleeps).toEqual([]);
  });

  test('falsy values other than undefined are results', async () => {
    const ctx = new VirtualRuntime().context();
    await expect(ctx.waitFor('a count', async () => 0)).resolves.toBe(0);
    await expect(ctx.waitFor('a flag', async () => false)).resolves.toBe(false);
    await expect(ctx.waitFor('a name', async () => '')).resolves.toBe('');
  });

  test('times out before the deadline, naming what it waited for', async () => {
    const runtime = new VirtualRuntime(60_000);
    const deadline = runtime.deadline;
    const ctx = runtime.context();
    const check = jest.fn(async () => undefined);

    await expect(ctx.waitFor('the vocabulary to become ACTIVE', check, 10_000)).rejects.toThrow(
      new HandlerError('timed out waiting for the vocabulary to become ACTIVE'));

    // Checks at 0, 10, 20, 30, 40 and 50 s; a seventh at 60 s would be at the deadline.
    expect(check).toHaveBeenCalledTimes(6);
    expect(runtime.clock).toBeLessThan(deadline);
  });

  test('a failing check fails the wait', async () => {
    const ctx = new VirtualRuntime().context();
    await expect(ctx.waitFor('x', async () => {
      throw new HandlerError('the vocabulary creation failed: bad content');
    })).rejects.toThrow('the vocabulary creation failed: bad content');
  });
});

describe('KindContext.adoptOrCreate', () => {
  /** A resource store behind the mock: CreateIntegrationAssociation adds to it, ListIntegrationAssociations lists it. */
  function store(options: { loseFirstResponse?: boolean; failFirstCreate?: () => Error } = {}) {
    const items: Array<{ IntegrationAssociationId: string; IntegrationArn: string; Tags?: Record<string, string> }> = [];
    let creates = 0;
    connect.on(ListIntegrationAssociationsCommand).callsFake(async () => ({ IntegrationAssociationSummaryList: [...items] }));
    connect.on(CreateIntegrationAssociationCommand).callsFake(async (input) => {
      creates++;
      if (creates === 1 && options.failFirstCreate) {
        throw options.failFirstCreate();
      }
      const id = `assoc-${creates}`;
      items.push({ IntegrationAssociationId: id, IntegrationArn: input.IntegrationArn, Tags: input.Tags });
      if (creates === 1 && options.loseFirstResponse) {
        throw networkError('TimeoutError');
      }
      return { IntegrationAssociationId: id };
    });
    return items;
  }

  /** The lookup and create a kind would write: owned when the tag carries this request's token. */
  function createAssociation(ctx: KindContext, arn: string) {
    return ctx.adoptOrCreate(
      `the association with ${arn}`,
      async () => {
        const list = await ctx.send(new ListIntegrationAssociationsCommand({ InstanceId: 'i' }));
        const same = (list.IntegrationAssociationSummaryList ?? []).find((a) => a.IntegrationArn === arn) as
          { IntegrationAssociationId: string; Tags?: Record<string, string> } | undefined;
        if (!same) {
          return undefined;
        }
        return same.Tags?.['cdk-connect:request-token'] === ctx.token
          ? { owned: same.IntegrationAssociationId }
          : { foreign: `association ${same.IntegrationAssociationId}` };
      },
      async () => {
        const created = await ctx.send(new CreateIntegrationAssociationCommand({
          InstanceId: 'i', IntegrationType: 'EVENT', IntegrationArn: arn, Tags: { 'cdk-connect:request-token': ctx.token },
        }), { retry: false });
        return created.IntegrationAssociationId!;
      },
    );
  }

  test('creates when nothing is there, without a note', async () => {
    const items = store();
    const ctx = new VirtualRuntime().context();
    await expect(createAssociation(ctx, 'arn:a')).resolves.toBe('assoc-1');
    expect(items).toHaveLength(1);
    expect(ctx.notes).toEqual([]);
  });

  test('adopts what an earlier delivery of the request created, with a note', async () => {
    const items = store();
    items.push({ IntegrationAssociationId: 'earlier', IntegrationArn: 'arn:a', Tags: { 'cdk-connect:request-token': 'cdkc-test-token' } });
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();

    await expect(createAssociation(ctx, 'arn:a')).resolves.toBe('earlier');

    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(0);
    expect(ctx.notes).toEqual(['adopted the association with arn:a, created by an earlier delivery of this request']);
    expect(runtime.lines).toContain(ctx.notes[0]);
    expect(ctx.writeCalls).toBe(0);
  });

  test('fails on a same-identity resource it does not own, saying what is there', async () => {
    const items = store();
    items.push({ IntegrationAssociationId: 'theirs', IntegrationArn: 'arn:a', Tags: { team: 'other' } });
    const ctx = new VirtualRuntime().context();

    await expect(createAssociation(ctx, 'arn:a')).rejects.toThrow(new HandlerError(
      'the association with arn:a already exists and this stack does not own it (association theirs); '
      + 'delete it, or import it instead of creating it'));
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(0);
  });

  test('a create whose response was lost looks again before creating, and adopts what it made', async () => {
    const items = store({ loseFirstResponse: true });
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();

    await expect(createAssociation(ctx, 'arn:a')).resolves.toBe('assoc-1');

    expect(items).toHaveLength(1);
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(1);
    expect(connect.commandCalls(ListIntegrationAssociationsCommand)).toHaveLength(2);
    expect(runtime.sleeps).toHaveLength(1);
    expect(runtime.lines[0]).toMatch(/^create the association with arn:a: TimeoutError, retrying in \d+ ms \(attempt 1\)$/);
    expect(ctx.notes).toEqual(['adopted the association with arn:a, created by an earlier delivery of this request']);
  });

  test('a throttled create looks again, finds nothing and creates once', async () => {
    const items = store({ failFirstCreate: THROTTLED });
    const ctx = new VirtualRuntime().context();

    await expect(createAssociation(ctx, 'arn:a')).resolves.toBe('assoc-2');

    expect(items).toHaveLength(1);
    expect(connect.commandCalls(ListIntegrationAssociationsCommand)).toHaveLength(2);
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(2);
    expect(ctx.notes).toEqual([]);
  });

  test('a create rejected for a reason that is not transient fails without looking again', async () => {
    store({ failFirstCreate: () => serviceError('InvalidParameterException', 'IntegrationArn is not valid') });
    const ctx = new VirtualRuntime().context();

    await expect(createAssociation(ctx, 'arn:a')).rejects.toThrow(
      'CreateIntegrationAssociation failed: InvalidParameterException: IntegrationArn is not valid');
    expect(connect.commandCalls(ListIntegrationAssociationsCommand)).toHaveLength(1);
  });

  test('a quota error of the create fails at once', async () => {
    store({ failFirstCreate: () => serviceError('ServiceQuotaExceededException', 'too many associations') });
    const ctx = new VirtualRuntime().context();
    await expect(createAssociation(ctx, 'arn:a')).rejects.toThrow(/quota of this account is reached/);
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(1);
  });

  test('a create that keeps failing stops at the deadline', async () => {
    connect.on(ListIntegrationAssociationsCommand).resolves({ IntegrationAssociationSummaryList: [] });
    connect.on(CreateIntegrationAssociationCommand).rejects(serviceError('InternalServiceException', 'down', 500));
    const runtime = new VirtualRuntime(10_000, [0.999999]);
    const ctx = runtime.context();

    await expect(createAssociation(ctx, 'arn:a')).rejects.toThrow(
      /^create the association with arn:a failed \d+ times until the handler ran out of time: InternalServiceException: down$/);
    // Each attempt looked before creating.
    expect(connect.commandCalls(ListIntegrationAssociationsCommand)).toHaveLength(connect.commandCalls(CreateIntegrationAssociationCommand).length);
  });

  test('a raw SDK error thrown by the create is retried when transient', async () => {
    const ctx = new VirtualRuntime().context();
    let attempts = 0;
    const created = await ctx.adoptOrCreate('thing', async () => undefined, async () => {
      attempts++;
      if (attempts < 3) {
        throw networkError('Error', 'ECONNRESET');
      }
      return 'made';
    });
    expect(created).toBe('made');
    expect(attempts).toBe(3);
  });
});

describe('KindContext notes and log', () => {
  test('notes go to the log too; log lines do not become notes', () => {
    const runtime = new VirtualRuntime();
    const ctx = runtime.context();
    ctx.log('just a line');
    ctx.note('re-created the association: it was deleted out of band');
    expect(ctx.notes).toEqual(['re-created the association: it was deleted out of band']);
    expect(runtime.lines).toEqual(['just a line', 're-created the association: it was deleted out of band']);
  });

  test('uses the real clock, timer, random and console when the runtime gives none', async () => {
    connect.rejectsOnce(THROTTLED()).resolves({});
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const ctx = new KindContext(new VirtualRuntime().context().event, 't', {
        client: new ConnectClient({ region: 'us-east-1', maxAttempts: 1 }),
        deadline: Date.now() + 10_000,
      });
      await ctx.send(UPDATE());
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^UpdateInstanceAttribute: ThrottlingException, retrying in \d+ ms/));
    } finally {
      log.mockRestore();
    }
  });
});
