import { createHash } from 'crypto';
import { CfnResource, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { parseInstanceResourceArn } from './arn';
import { fail } from './validation';

/** The parts of a qualified ARN such as `.../contact-flow/<id>:<version>` or `.../flow-module/<id>:<alias-id>`. */
export interface QualifiedArnParts {
  /** The ARN without the qualifier: the ARN of the flow or flow module. */
  readonly unqualifiedArn: string;
  /** The ARN of the instance. */
  readonly instanceArn: string;
  /** The qualifier after the last colon (a version number or an alias id). */
  readonly qualifier: string;
}

const QUALIFIED_ID = /^([-a-zA-Z0-9]+):([-a-zA-Z0-9]+)$/;

/**
 * Splits a qualified ARN of a flow or flow module version or alias
 * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/<segment>/<id>:<qualifier>`).
 *
 * Concrete ARNs are checked (the qualifier must match `qualifierPattern`); ARNs that are tokens are split
 * with CloudFormation functions (the qualifier is the seventh colon-separated component).
 *
 * @param what how the resource is named in messages, e.g. `flow version`
 * @param qualifierDescription how the qualifier is shown in messages, e.g. `<version>`
 */
export function parseQualifiedArn(scope: IConstruct, arn: string, segment: string, what: string,
  qualifierPattern: RegExp, qualifierDescription: string): QualifiedArnParts {
  const expected = `${what} ARN must look like arn:aws:connect:<region>:<account>:instance/<instance-id>/${segment}/<id>:${qualifierDescription}, got '${arn}'`;
  if (Token.isUnresolved(arn)) {
    const colons = Fn.split(':', arn);
    return {
      unqualifiedArn: Fn.join(':', [0, 1, 2, 3, 4, 5].map(i => Fn.select(i, colons))),
      instanceArn: parseInstanceResourceArn(scope, arn, segment, what).instanceArn,
      qualifier: Fn.select(6, colons),
    };
  }
  if (!arn.includes(`/${segment}/`)) {
    fail(scope, expected);
  }
  const parts = parseInstanceResourceArn(scope, arn, segment, what);
  const match = QUALIFIED_ID.exec(parts.resourceId);
  if (!match || !qualifierPattern.test(match[2])) {
    fail(scope, expected);
  }
  return {
    unqualifiedArn: arn.slice(0, arn.length - match[2].length - 1),
    instanceArn: parts.instanceArn,
    qualifier: match[2],
  };
}

/**
 * Makes the logical id of a resource end with a hash of the given values, as resolved at synthesis, so that
 * CloudFormation replaces the resource (creates a new one, then deletes the old one) whenever they change.
 *
 * Used by versions that publish a new version whenever the content of their flow or flow module changes,
 * the way `lambda.Function.currentVersion` does for functions.
 */
export function replaceOnChange(resource: CfnResource, values: () => unknown[]): void {
  const stack = Stack.of(resource);
  const logicalId = stack.resolve(resource.logicalId) as string;
  resource.overrideLogicalId(Lazy.uncachedString({
    produce: () => {
      const hash = createHash('md5').update(JSON.stringify(stack.resolve(values()))).digest('hex').slice(0, 8).toUpperCase();
      // Logical ids are at most 255 characters.
      return `${logicalId.slice(0, 255 - hash.length)}${hash}`;
    },
  }));
}
