import { ConnectClient } from '@aws-sdk/client-connect';
import { createFake, FakeConnect } from './fake';
import { ResourceKind } from '../../lambda/engine/kind';
import { runEvent, RunResult } from '../../lambda/engine/run';
import { CloudFormationEvent, Properties } from '../../lambda/engine/types';
import { KINDS } from '../../lambda/kinds';

export const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/contact-center/11111111-2222-4333-8444-555555555555';

/** Options of one request. */
export interface RequestOptions {
  /** @default - a new request id */
  readonly requestId?: string;
  /** @default 'Resource' */
  readonly logicalId?: string;
}

/**
 * Drives the handler through CloudFormation-shaped requests against the fake Connect, on a virtual clock: backoff
 * and polling advance the clock instead of sleeping.
 */
export class Harness {
  public readonly fake: FakeConnect;
  /** Virtual milliseconds since the request started. */
  public clock = 0;
  /** The log lines of the last request. */
  public log: string[] = [];
  /** How long a request may run (a Lambda's 15 minutes less the response margin). */
  public budgetMs = 14 * 60_000;

  private requests = 0;
  private readonly client = new ConnectClient({ region: 'us-east-1', maxAttempts: 1 });
  private readonly stub: ReturnType<FakeConnect['install']>;

  constructor(private readonly kinds: ReadonlyMap<string, ResourceKind> = KINDS, fake?: FakeConnect) {
    this.fake = fake ?? createFake();
    this.stub = this.fake.install();
  }

  /** Stops routing the SDK to the fake (call in afterEach). */
  public dispose(): void {
    this.stub.restore();
  }

  /** The instance the fake starts with. */
  public get instance(): { id: string; arn: string } {
    return [...this.fake.instances.values()][0];
  }

  public create(resourceType: string, properties: Properties, options: RequestOptions = {}): Promise<RunResult> {
    return this.send(this.event('Create', resourceType, properties, undefined, undefined, options));
  }

  public update(
    resourceType: string, physicalId: string, properties: Properties, oldProperties: Properties, options: RequestOptions = {},
  ): Promise<RunResult> {
    return this.send(this.event('Update', resourceType, properties, oldProperties, physicalId, options));
  }

  public delete(resourceType: string, physicalId: string, properties: Properties, options: RequestOptions = {}): Promise<RunResult> {
    return this.send(this.event('Delete', resourceType, properties, undefined, physicalId, options));
  }

  /** A CloudFormation request. */
  public event(
    requestType: CloudFormationEvent['RequestType'],
    resourceType: string,
    properties: Properties,
    oldProperties: Properties | undefined,
    physicalId: string | undefined,
    options: RequestOptions = {},
  ): CloudFormationEvent {
    this.requests++;
    return {
      RequestType: requestType,
      ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cdk-connect-provider',
      ResponseURL: 'https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/response',
      StackId: STACK_ID,
      RequestId: options.requestId ?? `request-${this.requests}`,
      LogicalResourceId: options.logicalId ?? 'Resource',
      ResourceType: resourceType,
      PhysicalResourceId: physicalId,
      ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cdk-connect-provider', ...properties },
      OldResourceProperties: oldProperties === undefined
        ? undefined
        : { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cdk-connect-provider', ...oldProperties },
    };
  }

  /** Runs one request to its response. */
  public async send(event: CloudFormationEvent): Promise<RunResult> {
    this.log = [];
    const start = this.clock;
    return runEvent(event, this.kinds, {
      client: this.client,
      deadline: start + this.budgetMs,
      now: () => this.clock,
      sleep: async (ms) => { this.clock += ms; },
      random: () => 0.5,
      log: (line) => { this.log.push(line); },
    });
  }
}
