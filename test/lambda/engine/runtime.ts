import { ConnectClient } from '@aws-sdk/client-connect';
import { KindContext, RuntimeOptions } from '../../../lambda/engine/context';
import { CloudFormationEvent } from '../../../lambda/engine/types';

export const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/engine-test/11111111-2222-4333-8444-555555555555';

/** A CloudFormation request for the engine tests. */
export function event(overrides: Partial<CloudFormationEvent> = {}): CloudFormationEvent {
  return {
    RequestType: 'Create',
    ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cdk-connect-provider',
    ResponseURL: 'https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/response',
    StackId: STACK_ID,
    RequestId: 'request-1',
    LogicalResourceId: 'Resource',
    ResourceType: 'Custom::Toy',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cdk-connect-provider' },
    ...overrides,
  };
}

/**
 * A virtual runtime: `sleep` advances the clock and records each delay, `random` returns the values given in turn
 * (the last one forever), `log` keeps the lines.
 */
export class VirtualRuntime {
  public clock = 1_000_000;
  public readonly sleeps: number[] = [];
  public readonly lines: string[] = [];
  public readonly client = new ConnectClient({ region: 'us-east-1', maxAttempts: 1 });
  private randomIndex = 0;

  /**
   * @param budgetMs how long the request may run before its deadline
   * @param randoms what `random` returns, in turn
   */
  constructor(public budgetMs = 14 * 60_000, private readonly randoms: number[] = [0.5]) {}

  public get options(): RuntimeOptions {
    const deadline = this.clock + this.budgetMs;
    return {
      client: this.client,
      deadline,
      now: () => this.clock,
      sleep: async (ms) => {
        this.sleeps.push(ms);
        this.clock += ms;
      },
      random: () => this.randoms[Math.min(this.randomIndex++, this.randoms.length - 1)],
      log: (line) => {
        this.lines.push(line);
      },
    };
  }

  /** A context for one request. */
  public context(request: CloudFormationEvent = event(), token = 'cdkc-test-token'): KindContext {
    return new KindContext(request, token, this.options);
  }

  /** The absolute deadline of a context made now. */
  public get deadline(): number {
    return this.clock + this.budgetMs;
  }
}

/** An error as the SDK raises it for a network failure in which the response was lost. */
export function networkError(name: string, code?: string): Error {
  const error = new Error(`${name}: the connection broke`) as Error & { code?: string; $metadata: unknown };
  error.name = name;
  if (code) {
    error.code = code;
  }
  error.$metadata = {};
  return error;
}
