import { breadthFirst } from '../../private/flow-graph';
import { checkActionIdentifier, describe, FLOW_LANGUAGE_VERSION } from '../../private/flow-language';
import { failUnscoped } from '../../private/validation';

/** How many identifiers a message lists before it abbreviates. */
const LISTED = 10;

/** A condition branch of an action in a flow file. */
export interface DocumentCondition {
  /** The flow language operator, such as `Equals`. */
  readonly operator: string;

  /** The operands. */
  readonly operands: string[];

  /** The identifier of the action the branch leads to. */
  readonly target: string;
}

/** An error branch of an action in a flow file. */
export interface DocumentError {
  /** The error type, such as `NoMatchingError`. */
  readonly errorType: string;

  /** The identifier of the action the branch leads to. */
  readonly target: string;
}

/** An action of a flow file, read and checked. */
export interface DocumentAction {
  /** The action's identifier. */
  readonly identifier: string;

  /** The flow language type. */
  readonly type: string;

  /** The parameters, or undefined when the file has none. */
  readonly parameters?: Record<string, unknown>;

  /** The identifier of the next action, if any. */
  readonly next?: string;

  /** The condition branches, in the file's order. */
  readonly conditions: DocumentCondition[];

  /** The error branches, in the file's order. */
  readonly errors: DocumentError[];

  /** The keys of the action's `Transitions` (`NextAction`, `Conditions`, `Errors`), in the file's order. */
  readonly transitionKeys: string[];
}

/** The position of a block in the flow designer. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** The flow designer positions a file's `Metadata` gives. */
export interface DocumentPositions {
  /** The position of the entry point, if given. */
  readonly entryPoint?: Position;

  /** The position of each action that has one. */
  readonly actions: ReadonlyMap<string, Position>;
}

/** A flow file, read and checked as flow language. */
export interface FlowDocument {
  /** The identifier of the start action. */
  readonly startAction: string;

  /** The actions, in the file's order. */
  readonly actions: DocumentAction[];

  /** The actions by identifier. */
  readonly byId: ReadonlyMap<string, DocumentAction>;

  /** The designer positions of the file's `Metadata`, if it has any. */
  readonly positions?: DocumentPositions;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the JSON text of a flow file.
 *
 * @param source the file in messages: `flow file 'inbound.json'`
 */
export function parseFlowJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    return failUnscoped(`${source} is not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`);
  }
}

/**
 * Reads a flow language document: its version, start action and actions, each with an identifier, a type, an
 * object of parameters and transitions to actions of the document. Fails, naming the action, for anything that is
 * not flow language.
 *
 * @param source the document in messages: `flow file 'inbound.json'`
 */
export function readFlowDocument(document: unknown, source: string): FlowDocument {
  const notFlow = (message: string): never => failUnscoped(`${source} is not an Amazon Connect flow language document: ${message}`);
  if (!isObject(document)) {
    notFlow(`expected a JSON object, got ${describe(document)}`);
  }
  const doc = document as Record<string, unknown>;
  if (doc.Version !== FLOW_LANGUAGE_VERSION) {
    notFlow(`Version must be '${FLOW_LANGUAGE_VERSION}', got ${describe(doc.Version)}`);
  }
  if (!Array.isArray(doc.Actions) || doc.Actions.length === 0) {
    notFlow(`Actions must be a non-empty list of actions, got ${describe(doc.Actions)}`);
  }
  if (typeof doc.StartAction !== 'string' || doc.StartAction.length === 0) {
    notFlow(`StartAction must be an action identifier, got ${describe(doc.StartAction)}`);
  }

  const actions: DocumentAction[] = [];
  const byId = new Map<string, DocumentAction>();
  (doc.Actions as unknown[]).forEach((raw, index) => {
    const action = readAction(raw, index, source);
    if (byId.has(action.identifier)) {
      failUnscoped(`${source}: flow action identifiers must be unique, '${action.identifier}' is used by more than one action`);
    }
    byId.set(action.identifier, action);
    actions.push(action);
  });

  const startAction = doc.StartAction as string;
  if (!byId.has(startAction)) {
    failUnscoped(`${source}: StartAction is '${startAction}', which is not an action in the file; actions: ${list(actions.map(action => `'${action.identifier}'`))}`);
  }
  for (const action of actions) {
    const targets = [
      ...(action.next !== undefined ? [{ target: action.next, branch: 'NextAction' }] : []),
      ...action.conditions.map((branch, index) => ({ target: branch.target, branch: `Conditions[${index}]` })),
      ...action.errors.map((branch, index) => ({ target: branch.target, branch: `${branch.errorType} branch (Errors[${index}])` })),
    ];
    for (const { target, branch } of targets) {
      if (!byId.has(target)) {
        failUnscoped(`${source}: flow action '${action.identifier}' (${action.type}) ${branch} transitions to '${target}', which is not an action in the file; actions: ${list(actions.map(a => `'${a.identifier}'`))}`);
      }
    }
  }

  return { startAction, actions, byId, positions: readPositions(doc.Metadata) };
}

function readAction(raw: unknown, index: number, source: string): DocumentAction {
  if (!isObject(raw)) {
    return failUnscoped(`${source}: Actions[${index}] must be an object, got ${describe(raw)}`);
  }
  const identifier = raw.Identifier;
  if (typeof identifier !== 'string' || identifier.length === 0) {
    return failUnscoped(`${source}: Actions[${index}] must have an Identifier string, got ${describe(identifier)}`);
  }
  checkActionIdentifier(identifier, `${source}: flow action '${identifier}'`);
  const type = raw.Type;
  if (typeof type !== 'string' || type.length === 0) {
    return failUnscoped(`${source}: flow action '${identifier}' must have a Type string, got ${describe(type)}`);
  }
  const fail = (message: string): never => failUnscoped(`${source}: flow action '${identifier}' (${type}) ${message}`);
  if (raw.Parameters !== undefined && !isObject(raw.Parameters)) {
    fail(`Parameters must be an object, got ${describe(raw.Parameters)}`);
  }
  const transitions = raw.Transitions ?? {};
  if (!isObject(transitions)) {
    return fail(`Transitions must be an object, got ${describe(transitions)}`);
  }
  const next = transitions.NextAction;
  if (next !== undefined && (typeof next !== 'string' || next.length === 0)) {
    fail(`NextAction must be an action identifier, got ${describe(next)}`);
  }

  const conditions = branchList(transitions.Conditions, 'Conditions', fail).map((branch, i): DocumentCondition => {
    const target = branchTarget(branch, `Conditions[${i}]`, fail);
    const condition = branch.Condition;
    if (!isObject(condition) || typeof condition.Operator !== 'string' || condition.Operator.length === 0
      || !Array.isArray(condition.Operands) || !condition.Operands.every(operand => typeof operand === 'string')) {
      return fail(`Conditions[${i}] must have a Condition with an Operator string and a list of Operands strings, got ${JSON.stringify(condition) ?? 'none'}`);
    }
    return { operator: condition.Operator, operands: condition.Operands as string[], target };
  });

  const seenErrors = new Set<string>();
  const errors = branchList(transitions.Errors, 'Errors', fail).map((branch, i): DocumentError => {
    const target = branchTarget(branch, `Errors[${i}]`, fail);
    const errorType = branch.ErrorType;
    if (typeof errorType !== 'string' || errorType.length === 0) {
      return fail(`Errors[${i}] must have an ErrorType string, got ${describe(errorType)}`);
    }
    if (seenErrors.has(errorType)) {
      fail(`routes ${errorType} more than once; give each error type one branch`);
    }
    seenErrors.add(errorType);
    return { errorType, target };
  });

  return {
    identifier,
    type,
    parameters: raw.Parameters as Record<string, unknown> | undefined,
    next: next as string | undefined,
    conditions,
    errors,
    transitionKeys: Object.keys(transitions),
  };
}

function branchList(value: unknown, name: string, fail: (message: string) => never): Array<Record<string, unknown>> {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    return fail(`${name} must be a list, got ${describe(value)}`);
  }
  value.forEach((branch, index) => {
    if (!isObject(branch)) {
      fail(`${name}[${index}] must be an object, got ${describe(branch)}`);
    }
  });
  return value as Array<Record<string, unknown>>;
}

function branchTarget(branch: Record<string, unknown>, where: string, fail: (message: string) => never): string {
  const target = branch.NextAction;
  if (typeof target !== 'string' || target.length === 0) {
    return fail(`${where} must have a NextAction naming an action, got ${describe(target)}`);
  }
  return target;
}

function readPosition(value: unknown): Position | undefined {
  if (!isObject(value) || typeof value.x !== 'number' || typeof value.y !== 'number'
    || !Number.isFinite(value.x) || !Number.isFinite(value.y)) {
    return undefined;
  }
  return { x: value.x, y: value.y };
}

/**
 * The positions of the flow designer's `Metadata` (`entryPointPosition` and `ActionMetadata.<id>.position`), and
 * nothing else of it: exported metadata also holds names and ARNs of the source instance's resources.
 */
function readPositions(metadata: unknown): DocumentPositions | undefined {
  if (!isObject(metadata)) {
    return undefined;
  }
  const entryPoint = readPosition(metadata.entryPointPosition ?? metadata.EntryPointPosition);
  const actions = new Map<string, Position>();
  if (isObject(metadata.ActionMetadata)) {
    for (const [identifier, entry] of Object.entries(metadata.ActionMetadata)) {
      const position = isObject(entry) ? readPosition(entry.position) : undefined;
      if (position !== undefined) {
        actions.set(identifier, position);
      }
    }
  }
  return entryPoint === undefined && actions.size === 0 ? undefined : { entryPoint, actions };
}

/**
 * The identifiers of the actions reachable from the start, in the order a `FlowDefinition` lists them: the start,
 * then breadth first along next, conditions and errors.
 */
export function reachableActions(document: FlowDocument): string[] {
  return breadthFirst(document.startAction, id => targetsOf(document.byId.get(id)!));
}

/** The actions a flow file has that cannot be reached from its start, in the file's order. */
export function unreachableActions(document: FlowDocument): DocumentAction[] {
  const reached = new Set(reachableActions(document));
  return document.actions.filter(action => !reached.has(action.identifier));
}

/**
 * The fewest actions, in the file's order, from which (with the start) every action of a flow file is reachable:
 * the unreachable actions that no other unreachable action leads to, then one action of each unreachable cycle
 * that none of those reaches.
 */
export function unreachableRoots(document: FlowDocument): DocumentAction[] {
  const unreachable = unreachableActions(document);
  const targeted = new Set(unreachable.flatMap(action => targetsOf(action).filter(target => target !== action.identifier)));
  const roots = unreachable.filter(action => !targeted.has(action.identifier));
  const covered = new Set(breadthFirst(document.startAction, id => targetsOf(document.byId.get(id)!), roots.map(root => root.identifier)));
  for (const action of unreachable) {
    if (!covered.has(action.identifier)) {
      roots.push(action);
      breadthFirst(action.identifier, id => targetsOf(document.byId.get(id)!)).forEach(id => covered.add(id));
    }
  }
  return roots;
}

function list(items: string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}

/** The identifiers an action leads to, in the order of its branches: next, conditions, errors. */
export function targetsOf(action: DocumentAction): string[] {
  return [
    ...(action.next !== undefined ? [action.next] : []),
    ...action.conditions.map(branch => branch.target),
    ...action.errors.map(branch => branch.target),
  ];
}

/** Whether an action has no transitions at all (it ends the flow). */
export function hasNoTransitions(action: DocumentAction): boolean {
  return action.next === undefined && action.conditions.length === 0 && action.errors.length === 0;
}
