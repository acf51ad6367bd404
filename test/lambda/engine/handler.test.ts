import * as http from 'http';
import { AddressInfo } from 'net';
import { ConnectClient, UpdateInstanceAttributeCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { handler, LambdaContext, sendResponse } from '../../../lambda/index';
import { serviceError } from '../fake';
import { event } from './runtime';

// The handler serves the registry's kinds; a toy kind stands in for them here (the kinds have their own tests).
jest.mock('../../../lambda/kinds', () => {
  const sdk = jest.requireActual('@aws-sdk/client-connect');
  const toy = {
    resourceType: 'Custom::ConnectToy',
    isPhysicalId: (id: string) => id.startsWith('toy/'),
    create: async (ctx: { send: (c: unknown) => Promise<unknown>; token: string }, p: Record<string, string>) => {
      await ctx.send(new sdk.UpdateInstanceAttributeCommand({ InstanceId: p.InstanceId, AttributeType: 'EARLY_MEDIA', Value: p.Value }));
      if (p.Fail) {
        throw new Error(p.Fail);
      }
      return { physicalResourceId: `toy/${p.InstanceId}`, data: { Token: ctx.token } };
    },
    update: async () => ({ physicalResourceId: 'toy/x' }),
    delete: async () => undefined,
  };
  return { KIND_LIST: [toy], KINDS: new Map([[toy.resourceType, toy]]) };
});

/** What the response server received. */
interface Received {
  readonly method?: string;
  readonly url?: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A local stand-in for CloudFormation's pre-signed S3 URL: records every request and answers the statuses given. */
class ResponseServer {
  public readonly received: Received[] = [];
  private readonly server: http.Server;
  private statuses: number[] = [];

  constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.statuses.shift() ?? 200;
        res.end();
      });
    });
  }

  public async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  /** The next requests are answered with these statuses (then 200). */
  public answer(...statuses: number[]): void {
    this.statuses = statuses;
  }

  public url(path = '/cloudformation-response?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=7200'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  public get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  public reset(): void {
    this.received.length = 0;
    this.statuses = [];
  }

  public stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The one response received, parsed. */
  public response(): Record<string, unknown> {
    expect(this.received).toHaveLength(1);
    return JSON.parse(this.received[0].body);
  }
}

function lambdaContext(remainingMs = 15 * 60_000, names: Partial<LambdaContext> = {}): LambdaContext {
  return { getRemainingTimeInMillis: () => remainingMs, ...names };
}

// Real sockets and the response's retry delays (0.5 s and more).
jest.setTimeout(20_000);

const connect = mockClient(ConnectClient);
const server = new ResponseServer();
let log: jest.SpyInstance;

beforeAll(() => server.start());
afterAll(async () => {
  connect.restore();
  await server.stop();
});
beforeEach(() => {
  connect.reset();
  server.reset();
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => log.mockRestore());

describe('handler', () => {
  test('runs the request and PUTs the response to the URL, with an empty content type', async () => {
    connect.on(UpdateInstanceAttributeCommand).resolves({});
    const request = event({
      ResponseURL: server.url(),
      ResourceType: 'Custom::ConnectToy',
      ResourceProperties: { InstanceId: 'i-1', Value: 'true' },
    });

    await handler(request, lambdaContext());

    expect(server.received).toHaveLength(1);
    const [put] = server.received;
    expect(put.method).toBe('PUT');
    expect(put.url).toBe('/cloudformation-response?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=7200');
    // S3 checks the pre-signed signature, which covers no content type: one must not be sent (empty is accepted).
    expect(put.headers['content-type']).toBe('');
    expect(Number(put.headers['content-length'])).toBe(Buffer.byteLength(put.body));
    expect(JSON.parse(put.body)).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: 'toy/i-1',
      StackId: request.StackId,
      RequestId: request.RequestId,
      LogicalResourceId: request.LogicalResourceId,
      Data: { Token: expect.stringMatching(/^cdkc-[0-9a-f]{31}$/) },
    });
    expect(connect.commandCalls(UpdateInstanceAttributeCommand)[0].args[0].input).toEqual({ InstanceId: 'i-1', AttributeType: 'EARLY_MEDIA', Value: 'true' });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Create Custom::ConnectToy Resource: SUCCESS toy\/i-1 \(1 write calls\)$/));
  });

  test('a failure is PUT as FAILED with Connect\'s message and the failed-create id', async () => {
    connect.on(UpdateInstanceAttributeCommand).rejects(serviceError('InvalidParameterException', 'Value is not valid for EARLY_MEDIA'));

    await handler(event({
      ResponseURL: server.url(),
      ResourceType: 'Custom::ConnectToy',
      RequestId: 'r-9',
      ResourceProperties: { InstanceId: 'i-1', Value: 'maybe' },
    }), lambdaContext());

    expect(server.response()).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: 'cdk-connect:failed-create:r-9',
      Reason: 'UpdateInstanceAttribute failed: InvalidParameterException: Value is not valid for EARLY_MEDIA',
    });
  });

  test('an unknown resource type is answered FAILED, naming the types served', async () => {
    await handler(event({ ResponseURL: server.url(), ResourceType: 'Custom::ConnectNope' }), lambdaContext());
    expect(server.response()).toMatchObject({ Status: 'FAILED', Reason: 'unknown resource type Custom::ConnectNope; this handler serves Custom::ConnectToy' });
    expect(connect.calls()).toHaveLength(0);
  });

  test('a truncated reason points at the Lambda\'s log stream', async () => {
    connect.on(UpdateInstanceAttributeCommand).resolves({});
    await handler(event({
      ResponseURL: server.url(),
      ResourceType: 'Custom::ConnectToy',
      ResourceProperties: { InstanceId: 'i-1', Value: 'true', Fail: 'x'.repeat(10_000) },
    }), lambdaContext(60_000, { logGroupName: '/aws/lambda/provider', logStreamName: '2026/11/22/[$LATEST]abc' }));

    const response = server.response();
    expect(server.received[0].body.length).toBeLessThanOrEqual(4096);
    expect(response.Reason).toMatch(/\(truncated; the whole message is in log stream \/aws\/lambda\/provider 2026\/11\/22\/\[\$LATEST\]abc\)$/);
  });

  test('the time left in the Lambda, less the margin for the response, bounds the retries', async () => {
    connect.on(UpdateInstanceAttributeCommand).rejects(serviceError('ThrottlingException', 'Rate exceeded', 429));
    const started = Date.now();

    // 20 s are kept back to send the response: 20.05 s left leave 50 ms of work.
    await handler(event({
      ResponseURL: server.url(),
      ResourceType: 'Custom::ConnectToy',
      ResourceProperties: { InstanceId: 'i-1', Value: 'true' },
    }), lambdaContext(20_050));

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.response()).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/^UpdateInstanceAttribute throttled \d+ times until the handler ran out of time: ThrottlingException: Rate exceeded$/),
    });
  });

  test('retries the PUT after a 5xx from the server, with the same body', async () => {
    server.answer(503);
    await handler(event({ ResponseURL: server.url(), ResourceType: 'Custom::ConnectNope' }), lambdaContext());

    expect(server.received).toHaveLength(2);
    expect(server.received.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(server.received[1].body).toBe(server.received[0].body);
    expect(log).toHaveBeenCalledWith('sending the response failed (Error: HTTP 503), trying again');
  });
});

describe('sendResponse', () => {
  const response = { Status: 'SUCCESS' as const, PhysicalResourceId: 'p', StackId: 's', RequestId: 'r', LogicalResourceId: 'l' };

  test('gives up after the attempts it is allowed, with the last error', async () => {
    server.answer(500, 500, 500);
    await expect(sendResponse(server.url(), response, 2)).rejects.toThrow('HTTP 500');
    expect(server.received).toHaveLength(2);
  });

  test('a 4xx is a failure too (an expired URL), retried like the rest', async () => {
    server.answer(403);
    await sendResponse(server.url(), response, 2);
    expect(server.received).toHaveLength(2);
    expect(JSON.parse(server.received[1].body)).toEqual(response);
  });

  test('uses TLS for an https URL (CloudFormation\'s), plain HTTP for an http one', async () => {
    // The local server speaks plain HTTP: an https PUT to it fails in the TLS handshake and never arrives as a PUT.
    await expect(sendResponse(`https://127.0.0.1:${server.port}/response`, response, 1)).rejects.toThrow(/EPROTO|SSL|TLS/);
    expect(server.received.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await sendResponse(`http://127.0.0.1:${server.port}/response`, response, 1);
    expect(server.received.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});
