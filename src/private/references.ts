import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/**
 * Checks that a referenced resource lives in the same instance as the resource that references it.
 *
 * Only concrete ARNs are compared; when either is a token the check is skipped.
 *
 * @param what how the referenced resource is named in the message, e.g. `routing profile`
 * @returns the error message, or undefined when the instances match or cannot be compared
 */
export function sameInstanceError(what: string, expectedInstanceArn: string, actualInstanceArn: string): string | undefined {
  if (Token.isUnresolved(expectedInstanceArn) || Token.isUnresolved(actualInstanceArn)) {
    return undefined;
  }
  if (expectedInstanceArn === actualInstanceArn) {
    return undefined;
  }
  return `${what} must belong to instance ${expectedInstanceArn}, got one of instance ${actualInstanceArn}`;
}

/** Fails at synth time when a referenced resource lives in another instance (skipped for tokens). */
export function validateSameInstance(scope: IConstruct, what: string, expectedInstanceArn: string, actualInstanceArn: string): void {
  const error = sameInstanceError(what, expectedInstanceArn, actualInstanceArn);
  if (error) {
    fail(scope, error);
  }
}
