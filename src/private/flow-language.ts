import { IResolvable, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail, failUnscoped } from './validation';

/** The only version of the Amazon Connect flow language. */
export const FLOW_LANGUAGE_VERSION = '2019-10-30';

/** The largest flow or flow module content CloudFormation and the Connect API accept, in characters. */
export const MAX_FLOW_CONTENT_LENGTH = 256000;

/** The longest action identifier the flow language allows. */
export const MAX_ACTION_IDENTIFIER_LENGTH = 50;

/** Characters the flow language forbids in action identifiers. */
const FORBIDDEN_IDENTIFIER_CHARACTERS = /[%:()\\/=$,;[\]{}]/;

/** Strings the flow language forbids as action identifiers. */
const RESERVED_IDENTIFIERS = new Set([
  '__proto__', 'constructor', '__defineGetter__', '__defineSetter__', 'toString', 'hasOwnProperty',
  'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'valueOf',
]);

/** How many action identifiers a message lists before it abbreviates. */
const LISTED_IDENTIFIERS = 10;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Token.isUnresolved(value);
}

/** Whether a value is only known at deploy time (a token), so that it cannot be checked. */
function isToken(value: unknown): boolean {
  return value !== undefined && value !== null && Token.isUnresolved(value);
}

/** Whether a value is an object, or a token that may resolve to one. */
function isObjectOrToken(value: unknown): boolean {
  return isPlainObject(value) || (typeof value === 'object' && isToken(value));
}

/** Describes a value in a message: `none`, `null`, `a list`, `an object`, or its type and JSON (`number 3`). */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'none';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function listIdentifiers(identifiers: Iterable<string>): string {
  const all = [...identifiers];
  const shown = all.slice(0, LISTED_IDENTIFIERS).map(id => `'${id}'`).join(', ');
  return all.length > LISTED_IDENTIFIERS ? `${shown} and ${all.length - LISTED_IDENTIFIERS} more` : shown;
}

/**
 * Checks a flow (or flow module) document in the Amazon Connect flow language, version 2019-10-30:
 * its shape, the action identifiers, and that every transition names an existing action.
 *
 * Strings that are tokens (identifiers, transitions) are skipped: they are only known at deploy time.
 * Messages start with `flow content` and name the action they are about.
 */
export function validateFlowLanguage(scope: IConstruct, doc: unknown): void {
  if (!isPlainObject(doc)) {
    fail(scope, `flow content must be a JSON object, got ${describe(doc)}`);
  }

  const version = doc.Version;
  if (!(typeof version === 'string' && Token.isUnresolved(version)) && version !== FLOW_LANGUAGE_VERSION) {
    fail(scope, `flow content Version must be '${FLOW_LANGUAGE_VERSION}', got ${describe(version)}`);
  }

  if (doc.Metadata !== undefined && !isObjectOrToken(doc.Metadata)) {
    fail(scope, `flow content Metadata must be an object, got ${describe(doc.Metadata)}`);
  }

  const actions = doc.Actions;
  if (isToken(actions)) {
    return;
  }
  if (!Array.isArray(actions) || actions.length === 0) {
    fail(scope, `flow content Actions must be a non-empty list of actions, got ${describe(actions)}`);
  }

  // First pass: identifiers and types.
  const identifiers = new Set<string>();
  if (actions.some(isToken)) {
    return;
  }
  actions.forEach((action, index) => {
    if (!isPlainObject(action)) {
      fail(scope, `flow content Actions[${index}] must be an object, got ${describe(action)}`);
    }
    const identifier = action.Identifier;
    if (typeof identifier !== 'string' || identifier.length === 0) {
      fail(scope, `flow content Actions[${index}] must have an Identifier string, got ${describe(identifier)}`);
    }
    if (!Token.isUnresolved(identifier)) {
      validateIdentifier(scope, identifier);
      if (identifiers.has(identifier)) {
        fail(scope, `flow content action identifiers must be unique, '${identifier}' is used by more than one action`);
      }
      identifiers.add(identifier);
    }
    const type = action.Type;
    if (typeof type !== 'string' || type.length === 0) {
      fail(scope, `flow content action '${identifier}' must have a Type string, got ${describe(type)}`);
    }
    if (action.Parameters !== undefined && !isObjectOrToken(action.Parameters)) {
      fail(scope, `flow content action '${identifier}' Parameters must be an object, got ${describe(action.Parameters)}`);
    }
  });

  const hasTokenIdentifiers = actions.some(action => Token.isUnresolved((action as Record<string, unknown>).Identifier));
  const checkTarget = (where: string, target: unknown, what: string) => {
    if (typeof target !== 'string' || target.length === 0) {
      fail(scope, `flow content ${where} must be an action identifier, got ${describe(target)}`);
    }
    if (Token.isUnresolved(target) || hasTokenIdentifiers) {
      return;
    }
    if (!identifiers.has(target)) {
      fail(scope, `flow content ${what} '${target}', which is not an action in the flow; actions: ${listIdentifiers(identifiers)}`);
    }
  };

  checkTarget('StartAction', doc.StartAction, 'StartAction is');

  // Second pass: transitions.
  for (const action of actions as Array<Record<string, unknown>>) {
    const identifier = action.Identifier as string;
    const transitions = action.Transitions;
    if (transitions === undefined || isToken(transitions)) {
      continue;
    }
    if (!isPlainObject(transitions)) {
      fail(scope, `flow content action '${identifier}' Transitions must be an object, got ${describe(transitions)}`);
    }
    if (transitions.NextAction !== undefined) {
      checkTarget(`action '${identifier}' NextAction`, transitions.NextAction, `action '${identifier}' transitions to`);
    }
    checkBranches(scope, identifier, transitions.Errors, 'Errors', 'ErrorType', checkTarget);
    checkBranches(scope, identifier, transitions.Conditions, 'Conditions', 'Condition', checkTarget);
  }
}

function checkBranches(
  scope: IConstruct,
  identifier: string,
  branches: unknown,
  list: 'Errors' | 'Conditions',
  key: 'ErrorType' | 'Condition',
  checkTarget: (where: string, target: unknown, what: string) => void,
): void {
  if (branches === undefined || isToken(branches)) {
    return;
  }
  if (!Array.isArray(branches)) {
    fail(scope, `flow content action '${identifier}' ${list} must be a list, got ${describe(branches)}`);
  }
  branches.forEach((branch, index) => {
    const where = `action '${identifier}' ${list}[${index}]`;
    if (isToken(branch)) {
      return;
    }
    if (!isPlainObject(branch)) {
      fail(scope, `flow content ${where} must be an object, got ${describe(branch)}`);
    }
    checkTarget(`${where} NextAction`, branch.NextAction, `${where} transitions to`);
    const value = branch[key];
    const valid = key === 'ErrorType'
      ? typeof value === 'string' && value.length > 0 || isToken(value)
      : isObjectOrToken(value);
    if (!valid) {
      fail(scope, `flow content ${where} must have ${key === 'ErrorType' ? 'an ErrorType string' : 'a Condition object'}, got ${describe(value)}`);
    }
  });
}

function validateIdentifier(scope: IConstruct, identifier: string): void {
  const problem = identifierProblem(identifier);
  if (problem !== undefined) {
    fail(scope, `flow content action identifier ${problem}`);
  }
}

/**
 * Checks an action identifier given to a flow builder action, before the action is part of a flow.
 *
 * @param what names the action in the message
 */
export function checkActionIdentifier(identifier: string, what: string): void {
  if (typeof identifier !== 'string' || identifier.length === 0) {
    failUnscoped(`${what}: the identifier must be 1 to ${MAX_ACTION_IDENTIFIER_LENGTH} characters, got none`);
  }
  if (Token.isUnresolved(identifier)) {
    failUnscoped(`${what}: the identifier must be known at synth time, got a token`);
  }
  const problem = identifierProblem(identifier);
  if (problem !== undefined) {
    failUnscoped(`flow action identifier ${problem}`);
  }
}

/** What is wrong with an action identifier, or undefined. */
function identifierProblem(identifier: string): string | undefined {
  if (identifier.length > MAX_ACTION_IDENTIFIER_LENGTH) {
    return `'${identifier}' must be 1 to ${MAX_ACTION_IDENTIFIER_LENGTH} characters, got ${identifier.length}`;
  }
  const forbidden = FORBIDDEN_IDENTIFIER_CHARACTERS.exec(identifier);
  if (forbidden) {
    return `'${identifier}' must not contain any of % : ( \\ / ) = $ , ; [ ] { }, got '${forbidden[0]}'`;
  }
  if (RESERVED_IDENTIFIERS.has(identifier)) {
    return `'${identifier}' is reserved; use another identifier`;
  }
  return undefined;
}

/** Fails when the JSON of a flow document is longer than Amazon Connect accepts (tokens count as empty). */
export function validateContentSize(scope: IConstruct, document: unknown): void {
  const size = contentLength(document);
  if (size.length > MAX_FLOW_CONTENT_LENGTH) {
    fail(scope, `flow content must be at most ${MAX_FLOW_CONTENT_LENGTH} characters, got ${size.exact ? '' : 'at least '}${size.length}`);
  }
}

/**
 * The length of the JSON of a document, counting tokens as empty: a lower bound of the deployed length,
 * exact when the document has no tokens.
 */
function contentLength(document: unknown): { length: number; exact: boolean } {
  let exact = true;
  const json = JSON.stringify(document, (_key, value) => {
    // Every string token's encoding holds `Token[` (`${Token[...]}`, `#{Token[...]}`): other strings need no check.
    if (value === undefined || value === null || (typeof value === 'string' && !value.includes('Token[')) || !Token.isUnresolved(value)) {
      return value;
    }
    exact = false;
    if (typeof value === 'string') {
      return value.replace(/\$\{Token\[[^\]]*\]\}/g, '');
    }
    return typeof value === 'number' ? 0 : null;
  });
  return { length: json === undefined ? 0 : json.length, exact };
}

/** The documents behind the JSON tokens flowDocumentJson() made. */
const DOCUMENTS = new WeakMap<IResolvable, unknown>();

/**
 * The JSON of a flow language document for the template, its tokens rendered at synthesis: the JSON with the tokens in
 * it when they are all references to resources, otherwise Stack.toJsonString, remembering the document so that the
 * flow cycle check can read its references without rendering the JSON.
 */
export function flowDocumentJson(scope: IConstruct, document: unknown): string {
  if (isJsonWithReferences(document)) {
    // The JSON itself, with the references' tokens inside its strings: aws-cdk-lib renders such a string as the same
    // Fn::Join that Stack.toJsonString writes, which instead resolves the whole document in each synthesis pass.
    return JSON.stringify(document);
  }
  const json = Stack.of(scope).toJsonString(document);
  const token = Tokenization.reverseString(json).firstToken;
  if (token !== undefined) {
    DOCUMENTS.set(token, document);
  }
  return json;
}

/**
 * Whether JSON.stringify writes a document as Stack.toJsonString does: plain JSON (objects, arrays, strings, numbers,
 * booleans and null, nothing undefined) whose only tokens are references to resources (`Ref`, `Fn::GetAtt`, or an
 * import from another stack) inside strings, which render as the same intrinsics either way. Any other token (a
 * Lazy, an `Fn::Select`, a number or list token) needs toJsonString: it resolves them and escapes what they produce.
 */
function isJsonWithReferences(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return !value.includes('Token[')
        || (!value.includes('#{Token[') && Tokenization.reverseString(value).tokens.every((token) => Reference.isReference(token)));
    case 'number':
      return !Token.isUnresolved(value);
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) {
        return true;
      }
      if (Array.isArray(value)) {
        return value.every((item) => isJsonWithReferences(item));
      }
      const prototype = Object.getPrototypeOf(value);
      return (prototype === Object.prototype || prototype === null)
        && Object.entries(value).every(([key, item]) => isJsonWithReferences(key) && isJsonWithReferences(item));
    }
    default:
      return false;
  }
}

/** The document a token of flowDocumentJson() renders, or undefined for any other token. */
export function documentOfFlowJson(token: IResolvable): unknown {
  return DOCUMENTS.get(token);
}
