import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundledHandlerCode } from '../private/bundle';

/** What differs between the chat endpoints' functions. */
export interface ChatHandlerOptions {
  /** The bundle under assets/ (built by `bundle:chat`). */
  readonly bundle: string;
  readonly description: string;
  readonly environment: { [name: string]: string };
  /** The one action the function calls, and what on. */
  readonly action: string;
  readonly resources: string[];
  readonly logRetention?: logs.RetentionDays;
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The function of a chat endpoint (construct ids `Logs` and `Handler` under `scope`): a bundled handler on Node.js 22
 * on ARM with its own log group, allowed to call its one Connect action.
 */
export function chatHandler(scope: Construct, options: ChatHandlerOptions): lambda.Function {
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    retention: options.logRetention ?? logs.RetentionDays.THREE_MONTHS,
  });
  const fn = new lambda.Function(scope, 'Handler', {
    description: options.description,
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    code: bundledHandlerCode(options.bundle, `${options.bundle} handler`, 'bundle:chat'),
    handler: 'index.handler',
    timeout: Duration.seconds(15),
    memorySize: 256,
    logGroup,
    reservedConcurrentExecutions: options.reservedConcurrentExecutions,
    environment: options.environment,
  });
  iam.Grant.addToPrincipal({ grantee: fn, actions: [options.action], resourceArns: options.resources });
  return fn;
}
