import { createHash } from 'crypto';
import { CloudFormationEvent } from './types';

/**
 * The idempotency token of a request: the same for every delivery of the same CloudFormation request (stack id,
 * request id and logical id), different for any other. Used as the ClientToken of operations that take one and as
 * the owner tag of what is created by operations that do not.
 *
 * 36 characters: within every ClientToken limit of the Connect API (500) and a tag value's (256).
 */
export function requestToken(event: CloudFormationEvent, step = ''): string {
  const hash = createHash('sha256')
    .update(`${event.StackId}\n${event.RequestId}\n${event.LogicalResourceId}\n${step}`)
    .digest('hex');
  return `cdkc-${hash.slice(0, 31)}`;
}

/** The tag that marks what this handler created with a request's token, so a retried delivery adopts it. */
export const OWNER_TAG = 'cdk-connect:request-token';

/**
 * A request token in UUID form, for operations whose ClientToken must be a UUID (the phone number operations
 * document the pattern): the same for every delivery of the same request and step.
 */
export function uuidToken(event: CloudFormationEvent, step = ''): string {
  const hex = createHash('sha256').update(requestToken(event, step)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
