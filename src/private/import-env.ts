import { Token } from 'aws-cdk-lib';

/** At least the six colon-separated components `Arn.split` requires. */
const ARN_COMPONENTS = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/;

/**
 * The `environmentFromArn` to give `Resource` for an import: the ARN when it can be split, undefined otherwise,
 * so that a malformed ARN reaches the import's own, clearer validation instead of failing inside `Resource`.
 */
export function importEnvironmentArn(arn: string): string | undefined {
  return Token.isUnresolved(arn) || ARN_COMPONENTS.test(arn) ? arn : undefined;
}
