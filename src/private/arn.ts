import { ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/** The parts of an ARN of a resource that lives inside a Connect instance. */
export interface InstanceResourceArnParts {
  /** `arn:<partition>:connect:<region>:<account>:instance/<instanceId>` */
  readonly instanceArn: string;
  readonly instanceId: string;
  /** The resource's own id (the last path segment, with a qualifier such as `:$LATEST` or `:3` if the ARN has one). */
  readonly resourceId: string;
}

const INSTANCE_RESOURCE_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([-a-zA-Z0-9]+)\/([-a-z]+)\/([-a-zA-Z0-9:$]+)$/;
const INSTANCE_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([-a-zA-Z0-9]+)$/;

/**
 * Splits the ARN of a resource inside an instance, such as
 * `arn:aws:connect:us-east-1:111122223333:instance/<instanceId>/queue/<queueId>`.
 *
 * Concrete ARNs are checked against the expected resource segment (`queue`, `agent`, `contact-flow`, ...);
 * ARNs that are tokens are split with CloudFormation functions.
 */
export function parseInstanceResourceArn(scope: IConstruct, arn: string, segment: string, what: string): InstanceResourceArnParts {
  if (Token.isUnresolved(arn)) {
    return {
      instanceArn: instanceArnOfToken(arn),
      instanceId: Fn.select(1, Fn.split('/', arn)),
      resourceId: Fn.select(3, Fn.split('/', arn)),
    };
  }
  const match = INSTANCE_RESOURCE_ARN.exec(arn);
  if (!match || match[2] !== segment) {
    fail(scope, `${what} ARN must look like arn:aws:connect:<region>:<account>:instance/<instance-id>/${segment}/<id>, got '${arn}'`);
  }
  return {
    instanceArn: arn.slice(0, arn.indexOf('/', arn.indexOf(':instance/') + ':instance/'.length)),
    instanceId: match[1],
    resourceId: match[3],
  };
}

/**
 * The resource's own id from the ARN of a resource inside an instance: what `parseInstanceResourceArn` returns as
 * `resourceId`, with the same check of concrete ARNs, but for a token only the one `Fn::Select` of `Fn::Split` that
 * the id needs (constructs call this for their own ARN, which is always a token).
 */
export function resourceIdOfArn(scope: IConstruct, arn: string, segment: string, what: string): string {
  if (Token.isUnresolved(arn)) {
    return Fn.select(3, Fn.split('/', arn));
  }
  return parseInstanceResourceArn(scope, arn, segment, what).resourceId;
}

/**
 * The instance ARN (`arn:...:instance/<id>`) at the start of the ARN of a resource inside it, for ARNs that are
 * tokens: the first two `/`-separated parts.
 */
export function instanceArnOfToken(arn: string): string {
  const parts = Fn.split('/', arn);
  return Fn.join('/', [Fn.select(0, parts), Fn.select(1, parts)]);
}

/** The id of an instance from its ARN (token-safe), checking the form of concrete ARNs. */
export function parseInstanceArn(scope: IConstruct, arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Fn.select(1, Fn.split('/', arn));
  }
  const match = INSTANCE_ARN.exec(arn);
  if (!match) {
    fail(scope, `instance ARN must look like arn:aws:connect:<region>:<account>:instance/<instance-id>, got '${arn}'`);
  }
  return match[1];
}

/** The ARN of the resource with the given id inside an instance, built from the instance ARN (token-safe). */
export function instanceResourceArn(instanceArn: string, segment: string, resourceId: string): string {
  return Fn.join('/', [instanceArn, segment, resourceId]);
}

/** The ARN of an instance in the stack's partition, region and account. */
export function instanceArnFromId(scope: IConstruct, instanceId: string): string {
  return Stack.of(scope).formatArn({
    service: 'connect',
    resource: 'instance',
    resourceName: instanceId,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** At least the six colon-separated components `Arn.split` requires. */
const ARN_COMPONENTS = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/;

/**
 * The `environmentFromArn` to give `Resource` for an import: the ARN when it can be split, undefined otherwise,
 * so that a malformed ARN reaches the import's own, clearer validation instead of failing inside `Resource`.
 */
export function importEnvironmentArn(arn: string): string | undefined {
  return Token.isUnresolved(arn) || ARN_COMPONENTS.test(arn) ? arn : undefined;
}
