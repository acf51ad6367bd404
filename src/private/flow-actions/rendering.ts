import { Duration, Token, Tokenization } from 'aws-cdk-lib';
import { failUnscoped } from '../validation';

/*
 * Helpers of the typed flow actions (src/flows/actions/*) for rendering their props into flow language parameters.
 * The rules of the parameters live in the specs; these only fail for props that cannot be rendered at all, naming the
 * action.
 */

/** What the messages need of an action: its identifier and type. */
export interface NamedAction {
  readonly id: string;
  readonly actionType: string;
}

/** Fails for props of an action that cannot be rendered, naming the action. */
export function failAction(action: NamedAction, message: string): never {
  return failUnscoped(`flow action '${action.id}' (${action.actionType}) ${message}`);
}

/** Fails when both of two alternative props are given. */
export function atMostOneProp(action: NamedAction, first: [string, unknown], second: [string, unknown]): void {
  if (first[1] !== undefined && second[1] !== undefined) {
    failAction(action, `takes either ${first[0]} or ${second[0]}, not both`);
  }
}

/** Fails unless a prop that holds a JSONPath (when given, and not a token) starts with `$.`. */
export function checkJsonPathProp(action: NamedAction, prop: string, path: string | undefined): void {
  if (path !== undefined && !Token.isUnresolved(path) && !path.startsWith('$.')) {
    failAction(action, `${prop} must be a JSONPath starting with '$.', such as $.Attributes.name, got '${path}'`);
  }
}

/**
 * A duration in whole seconds; fails, naming the action, for fractions of a second (and for a token given in another
 * unit, which cannot be converted).
 */
export function wholeSeconds(action: NamedAction, what: string, duration: Duration): number {
  return whole(action, what, duration, 'seconds', () => duration.toSeconds());
}

/** A duration in whole minutes; fails, naming the action, for fractions of a minute. */
export function wholeMinutes(action: NamedAction, what: string, duration: Duration): number {
  return whole(action, what, duration, 'minutes', () => duration.toMinutes());
}

function whole(action: NamedAction, what: string, duration: Duration, unit: 'seconds' | 'minutes', convert: () => number): number {
  try {
    return convert();
  } catch {
    return duration.isUnresolved()
      ? failAction(action, `${what} must be given with Duration.${unit}() when it is a token, got ${duration.toHumanString()}`)
      : failAction(action, `${what} must be a whole number of ${unit}, got ${duration.toHumanString()}`);
  }
}

/** A number as the flow language writes most numbers: a string of digits. Tokens stay tokens. */
export function numberText(value: number): string {
  return Tokenization.stringifyNumber(value);
}

/** `True`/`False`, as the flow language writes booleans. */
export function trueFalse(value: boolean): string;
export function trueFalse(value: boolean | undefined): string | undefined;
export function trueFalse(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'True' : 'False';
}

/** `Enabled`/`Disabled`, as the flow language writes switches. */
export function enabledDisabled(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'Enabled' : 'Disabled';
}

/** The object without its undefined members. */
export function compact(object: { [key: string]: any }): { [key: string]: any } {
  const result: { [key: string]: any } = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result;
}

/** The object without its undefined members, or undefined when none is left. */
export function compactOrUndefined(object: { [key: string]: any }): { [key: string]: any } | undefined {
  const result = compact(object);
  return Object.keys(result).length > 0 ? result : undefined;
}
