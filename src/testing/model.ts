/**
 * The simulator's model of a contact center: the resources of CloudFormation templates (in memory, from the
 * constructs of an app, or read from a synthesized cloud assembly) that flows reference, and the flows' documents
 * with their references to other resources written as markers (`@@ref:<stack>/<logicalId>@@`) that map back to
 * those resources. Not part of the public API.
 */

/** An action of a flow document as the simulator reads it. */
export interface SimAction {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters: Record<string, any>;
  readonly Transitions: {
    readonly NextAction?: string;
    readonly Conditions?: ReadonlyArray<{
      readonly NextAction: string;
      readonly Condition: { readonly Operator: string; readonly Operands: readonly string[] };
    }>;
    readonly Errors?: ReadonlyArray<{ readonly NextAction: string; readonly ErrorType: string }>;
  };
}

/** A flow or flow module: its document and where it comes from. */
export interface SimFlow {
  /** The key of its resource (`<stack>/<logicalId>`), or a name for flows given as documents. */
  readonly key: string;
  /** The flow's name (the `Name` of the resource), or the key. */
  readonly name: string;
  /** The construct path, when known. */
  readonly path?: string;
  readonly module: boolean;
  /** The flow type (`CONTACT_FLOW`, ...), or undefined for modules. */
  readonly flowType?: string;
  readonly startAction: string;
  readonly actions: ReadonlyMap<string, SimAction>;
  /** The actions in the document's order. */
  readonly order: readonly SimAction[];
}

/** A resource of a template. */
export interface SimResource {
  /** `<stack>/<logicalId>`. */
  readonly key: string;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Record<string, any>;
  /** The construct path of the resource (its `aws:cdk:path`), when known. */
  readonly path?: string;
}

const MARKER = /@@ref:([^@]+)@@/;

/** The marker a resource reference is written as in a flow document. */
export function markerOf(key: string): string {
  return `@@ref:${key}@@`;
}

/** The key of the resource a value of a flow document references (a marker in it), if any. */
export function referencedKey(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  return MARKER.exec(value)?.[1];
}

/** The logical id a CloudFormation expression refers to (the first `Ref` or `Fn::GetAtt` in it), if any. */
export function logicalIdIn(expression: unknown): string | undefined {
  if (Array.isArray(expression)) {
    for (const item of expression) {
      const found = logicalIdIn(item);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }
  if (typeof expression !== 'object' || expression === null) {
    return undefined;
  }
  const record = expression as Record<string, unknown>;
  if (typeof record.Ref === 'string' && !record.Ref.startsWith('AWS::')) {
    return record.Ref;
  }
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
    return getAtt[0];
  }
  if (typeof getAtt === 'string') {
    return getAtt.split('.')[0];
  }
  for (const item of Object.values(record)) {
    const found = logicalIdIn(item);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/**
 * A resolved CloudFormation value as text: a string as it is, an `Fn::Join` of strings and expressions with each
 * expression that references a resource written as its marker, other expressions as `@@expr@@`.
 */
export function textOf(value: unknown, stack: string): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value !== 'object' || value === null) {
    return value === undefined ? undefined : String(value);
  }
  const join = (value as Record<string, unknown>)['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return (join[1] as unknown[]).map(part => typeof part === 'string' ? part : expressionText(part, stack)).join(join[0]);
  }
  return expressionText(value, stack);
}

function expressionText(expression: unknown, stack: string): string {
  const logicalId = logicalIdIn(expression);
  return logicalId === undefined ? '@@expr@@' : markerOf(`${stack}/${logicalId}`);
}

/** Reads a flow document (the text of a resource's `Content`) into the simulator's model. */
export function flowOf(document: any, where: { key: string; name: string; path?: string; module: boolean; flowType?: string }): SimFlow {
  if (typeof document !== 'object' || document === null || !Array.isArray(document.Actions) || typeof document.StartAction !== 'string') {
    throw new Error(`flow '${where.name}' has no flow language document to simulate (Actions and StartAction)`);
  }
  const order: SimAction[] = document.Actions.map((action: any) => ({
    Identifier: action.Identifier,
    Type: action.Type,
    Parameters: action.Parameters ?? {},
    Transitions: action.Transitions ?? {},
  }));
  return { ...where, startAction: document.StartAction, actions: new Map(order.map(action => [action.Identifier, action])), order };
}
