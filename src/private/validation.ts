import { Duration, Token, UnscopedValidationError, ValidationError } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Throws a synth-time validation error that names the construct.
 *
 * Messages say what is wrong and what is allowed, in lowercase, without a trailing period,
 * for example `name must be 1 to 127 characters, got 200`.
 */
export function fail(scope: IConstruct, message: string): never {
  throw new ValidationError(ERROR_NAME, `${scope.node.path}: ${message}`, scope);
}

/**
 * Throws a validation error for a value that is not (yet) part of the construct tree, such as a flow action:
 * the message names the value instead.
 */
export function failUnscoped(message: string): never {
  throw new UnscopedValidationError(ERROR_NAME, message);
}

/** aws-cdk-lib brands error names as literal strings; ours is one. */
const ERROR_NAME = 'CdkConnectValidationError' as unknown as ConstructorParameters<typeof ValidationError>[0];

/** Whether a value is a string, number or list that only resolves at deploy time. */
export function isUnresolved(value: unknown): boolean {
  return value !== undefined && Token.isUnresolved(value);
}

/** Checks a string's length (skipped for tokens and undefined). */
export function validateLength(scope: IConstruct, what: string, value: string | undefined, min: number, max: number): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (value.length < min || value.length > max) {
    fail(scope, `${what} must be ${min} to ${max} characters, got ${value.length}`);
  }
}

/** Checks a string against a pattern (skipped for tokens and undefined); `allowed` describes the pattern. */
export function validatePattern(scope: IConstruct, what: string, value: string | undefined, pattern: RegExp, allowed: string): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (!pattern.test(value)) {
    fail(scope, `${what} must be ${allowed}, got '${value}'`);
  }
}

/** Checks that a number is an integer within a range (skipped for tokens and undefined). */
export function validateIntegerRange(scope: IConstruct, what: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(scope, `${what} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Checks the number of items in a list (skipped for tokens and undefined). */
export function validateCount(scope: IConstruct, what: string, values: readonly unknown[] | undefined, min: number, max: number): void {
  if (values === undefined || Token.isUnresolved(values)) {
    return;
  }
  if (values.length < min || values.length > max) {
    fail(scope, `${what} must have ${min} to ${max} items, got ${values.length}`);
  }
}

/**
 * Converts a duration to whole seconds and checks its range (skipped for tokens and undefined).
 *
 * @returns the number of seconds, or undefined when no duration was given
 */
export function durationSeconds(scope: IConstruct, what: string, value: Duration | undefined, min: number, max: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value.isUnresolved()) {
    try {
      return value.toSeconds();
    } catch {
      fail(scope, `${what} must be given in seconds (Duration.seconds) when it is a token`);
    }
  }
  const seconds = value.toMilliseconds() / 1000;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    fail(scope, `${what} must be a whole number of seconds from ${min} to ${max}, got ${seconds} seconds`);
  }
  return seconds;
}

/** Checks that the values in a list are unique (tokens are compared as they are). */
export function validateUnique(scope: IConstruct, what: string, values: readonly string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (Token.isUnresolved(value)) {
      continue;
    }
    if (seen.has(value)) {
      fail(scope, `${what} must be unique, '${value}' appears more than once`);
    }
    seen.add(value);
  }
}

/** E.164: a plus, the country code and the subscriber number, 2 to 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** Checks that a phone number is in E.164 format (skipped for tokens and undefined). */
export function validatePhoneNumber(scope: IConstruct, what: string, value: string | undefined): void {
  validatePattern(scope, what, value, E164,
    'in E.164 format (+, the country code and the number, at most 15 digits, for example +15551234567)');
}

/** Checks a description's length (1 to `max` characters, 250 unless told). */
export function validateDescription(scope: IConstruct, value: string | undefined, max: number = 250): void {
  validateLength(scope, 'description', value, 1, max);
}
