import * as fs from 'fs';
import { suggestReplacement, describeArn } from './arns';
import { DocumentPositions, FlowDocument, hasNoTransitions, parseFlowJson, readFlowDocument, unreachableRoots } from './document';
import { FlowArnReplacement, LiteralArn, Replacements } from './replacement';
import { ActionSkeleton, layoutMetadata } from '../../private/flow-diagram';
import { failUnscoped } from '../../private/validation';
import { FlowCondition } from '../action';
import { RawAction } from '../actions/raw';

/** Options of loading a flow file; the members of `FlowImportOptions` the loader reads. */
export interface FlowLoadOptions {
  readonly replacements?: FlowArnReplacement[];
  readonly allowLiteralArns?: boolean;
  readonly keepPositions?: boolean;
}

/** Computes the flow designer's `Metadata` of a rendered flow. */
export type FlowLayout = (start: string, actions: readonly ActionSkeleton[]) => Record<string, unknown>;

/** A flow file loaded as builder actions. */
export interface LoadedFlow {
  /** The start action. */
  readonly startAction: RawAction;

  /**
   * Where the actions of the file that the start does not reach begin: every action of the file is reachable from
   * the start or from one of these.
   */
  readonly unreachable: RawAction[];

  /** The layout that keeps the file's positions, when it has some and they are kept. */
  readonly layout?: FlowLayout;
}

/** Loads a flow language file as builder actions. */
export function loadFlowFile(path: string, options: FlowLoadOptions): LoadedFlow {
  const source = `flow file '${path}'`;
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    return failUnscoped(`cannot read ${source}: ${(e as Error).message}`);
  }
  return loadFlowDocument(parseFlowJson(text, source), source, options);
}

/** Loads a flow language document given as JSON text as builder actions. */
export function loadFlowJson(json: string, options: FlowLoadOptions): LoadedFlow {
  const source = 'flow document';
  if (typeof json !== 'string') {
    return failUnscoped(`${source} must be JSON text, got ${typeof json}`);
  }
  return loadFlowDocument(parseFlowJson(json, source), source, options);
}

/**
 * Loads a flow language document as builder actions: one `RawAction` per action of the document, linked by its
 * transitions, with the replacements applied.
 *
 * Fails for what a flow definition cannot hold: transitions to missing actions; and for literal ARNs of Amazon Connect, Lambda and Lex resources that no replacement covers (unless
 * they are allowed), and replacements that match nothing.
 *
 * @param source the document in messages: `flow file 'inbound.json'`
 */
export function loadFlowDocument(json: unknown, source: string, options: FlowLoadOptions): LoadedFlow {
  const document = readFlowDocument(json, source);

  const replacements = new Replacements(options.replacements ?? []);
  const used = new Set<FlowArnReplacement>();
  const literals: Array<LiteralArn & { action: string }> = [];
  const actions = new Map<string, RawAction>();

  for (const action of document.actions) {
    const parameters = replacements.apply(action.parameters, replacement => replacement._value);
    parameters.used.forEach(replacement => used.add(replacement));
    literals.push(...parameters.literalArns.map(literal => ({ ...literal, path: `Parameters.${literal.path}`, action: `'${action.identifier}' (${action.type})` })));
    actions.set(action.identifier, new RawAction(action.identifier, {
      actionType: action.type,
      parameters: action.parameters,
      terminal: hasNoTransitions(action),
      replacements: replacements.all.filter(replacement => parameters.used.has(replacement)),
    }));
  }

  for (const action of document.actions) {
    const raw = actions.get(action.identifier)!;
    if (action.next !== undefined) {
      raw.next(actions.get(action.next)!);
    }
    action.conditions.forEach((branch, index) => {
      // Conditions render without a context: their operands take the constructs' ARNs as they are.
      const operands = replacements.apply(branch.operands, replacement => replacement._value);
      operands.used.forEach(replacement => used.add(replacement));
      literals.push(...operands.literalArns.map(literal => ({
        ...literal,
        path: `Transitions.Conditions[${index}].Condition.Operands${literal.path}`,
        action: `'${action.identifier}' (${action.type})`,
      })));
      raw.when(FlowCondition.of(branch.operator, operands.value as string[]), actions.get(branch.target)!);
    });
    for (const branch of action.errors) {
      raw.onErrorType(branch.errorType, actions.get(branch.target)!);
    }
    raw._keepTransitionKeyOrder(action.transitionKeys);
  }

  if (literals.length > 0 && !options.allowLiteralArns) {
    const first = literals[0];
    const more = literals.length > 1 ? ` (the file has ${literals.length - 1} more literal ARN${literals.length > 2 ? 's' : ''} to replace)` : '';
    failUnscoped(`${source}: flow action ${first.action} contains the literal ARN '${first.arn}' of a ${describeArn(first.arn)} at ${first.path}; `
      + `ARNs differ between instances and accounts, so replace it with a construct: ${suggestReplacement(first.arn)} in the replacements, `
      + `or set allowLiteralArns if the ARN is deliberate${more}`);
  }
  for (const replacement of replacements.all) {
    if (!used.has(replacement)) {
      failUnscoped(`${source}: the replacement of '${replacement.original}' (${replacement._description}) matches nothing in the file; remove it or correct its text`);
    }
  }

  return {
    startAction: actions.get(document.startAction)!,
    unreachable: unreachableRoots(document).map(action => actions.get(action.identifier)!),
    layout: (options.keepPositions ?? true) ? positionsLayout(document) : undefined,
  };
}

/** A layout that takes the file's positions where it has them, and computes the others. */
function positionsLayout(document: FlowDocument): FlowLayout | undefined {
  const positions: DocumentPositions | undefined = document.positions;
  if (positions === undefined) {
    return undefined;
  }
  return (start, rendered) => {
    const computed = layoutMetadata(start, rendered) as { entryPointPosition: unknown; ActionMetadata: Record<string, { position: unknown }> };
    const actionMetadata: Record<string, unknown> = {};
    for (const [identifier, entry] of Object.entries(computed.ActionMetadata)) {
      Object.defineProperty(actionMetadata, identifier, {
        value: { position: positions.actions.get(identifier) ?? entry.position },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      entryPointPosition: positions.entryPoint ?? computed.entryPointPosition,
      ActionMetadata: actionMetadata,
    };
  };
}
