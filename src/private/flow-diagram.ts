import { ACTION_SPECS } from './flow-actions';
import { breadthFirst } from './flow-graph';

/** The skeleton of an action that diagrams and layouts read: identifier, type and where it leads. */
export interface ActionSkeleton {
  readonly Identifier: string;
  readonly Type: string;
  readonly Transitions?: {
    readonly NextAction?: string;
    readonly Conditions?: ReadonlyArray<{ readonly NextAction: string; readonly Condition?: any }>;
    readonly Errors?: ReadonlyArray<{ readonly NextAction: string; readonly ErrorType: string }>;
  };
}

/** One edge of the flow graph. */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly error: boolean;
}

function edgesOf(action: ActionSkeleton): Edge[] {
  const transitions = action.Transitions;
  if (transitions === undefined || typeof transitions !== 'object') {
    return [];
  }
  const edges: Edge[] = [];
  if (typeof transitions.NextAction === 'string') {
    edges.push({ from: action.Identifier, to: transitions.NextAction, label: '', error: false });
  }
  for (const branch of Array.isArray(transitions.Conditions) ? transitions.Conditions : []) {
    edges.push({ from: action.Identifier, to: branch.NextAction, label: conditionLabel(branch.Condition), error: false });
  }
  for (const branch of Array.isArray(transitions.Errors) ? transitions.Errors : []) {
    edges.push({ from: action.Identifier, to: branch.NextAction, label: branch.ErrorType, error: true });
  }
  return edges;
}

/** The identifiers an action leads to: its next action, then its conditions' and errors' targets, in order. */
export function targetsOf(action: ActionSkeleton): string[] {
  return edgesOf(action).map(edge => edge.to);
}

function conditionLabel(condition: any): string {
  if (condition === undefined || typeof condition !== 'object' || condition === null) {
    return 'condition';
  }
  const operands = Array.isArray(condition.Operands) ? condition.Operands.map(String).join(', ') : '';
  const symbols: Record<string, string> = {
    Equals: '=', NumberGreaterThan: '>', NumberGreaterOrEqualTo: '>=', NumberLessThan: '<', NumberLessOrEqualTo: '<=',
  };
  const operator = typeof condition.Operator === 'string' ? condition.Operator : '?';
  return `${symbols[operator] ?? operator} ${operands}`.trim();
}

/**
 * The edges a diagram draws: all but the `NextAction` that the flow designer writes beside the branches of an action
 * whose outcome its branches give (or that ends the flow), where a branch leads to the same action: Amazon Connect
 * routes such an action by its branches, so that edge would only double one.
 */
function drawnEdgesOf(action: ActionSkeleton): Edge[] {
  const edges = edgesOf(action);
  const next = action.Transitions?.NextAction;
  const outcome = ACTION_SPECS.get(action.Type)?.next;
  if (next === undefined || (outcome !== 'branches' && outcome !== 'ends')) {
    return edges;
  }
  const branches = edges.slice(1);
  return branches.some(edge => edge.to === next) ? branches : edges;
}

/**
 * Renders a flow as a Mermaid flowchart: one node per action (identifier and type), solid edges for the next
 * action and conditions, dotted edges for errors. Node ids are positional, so any identifier renders.
 */
export function renderMermaid(start: string, actions: readonly ActionSkeleton[]): string {
  const nodeIds = new Map<string, string>();
  actions.forEach((action, index) => nodeIds.set(action.Identifier, `a${index}`));
  const lines = ['flowchart TD', '  start((Start))'];
  for (const action of actions) {
    lines.push(`  ${nodeIds.get(action.Identifier)}["${escapeLabel(action.Identifier)}<br/><small>${escapeLabel(action.Type)}</small>"]`);
  }
  lines.push(`  start --> ${nodeIds.get(start) ?? 'missing'}`);
  for (const action of actions) {
    for (const edge of drawnEdgesOf(action)) {
      const to = nodeIds.get(edge.to);
      if (to === undefined) {
        continue;
      }
      const arrow = edge.error ? '-.->' : '-->';
      const label = edge.label ? `|${escapeLabel(edge.label)}|` : '';
      lines.push(`  ${nodeIds.get(edge.from)} ${arrow}${label} ${to}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The characters Mermaid labels cannot hold as they are, and their entities. */
const LABEL_ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };

function escapeLabel(text: string): string {
  return text.replace(/[&"<>|]/g, character => LABEL_ENTITIES[character]);
}

/** Horizontal distance between columns of blocks in the flow designer, in pixels. */
const COLUMN_WIDTH = 300;

/** Height of a block with no branches, and the height each branch adds. */
const BLOCK_HEIGHT = 120;
const BRANCH_HEIGHT = 28;

/** Margin of the canvas. */
const MARGIN = 40;

/**
 * Computes the flow designer's `Metadata`: the entry point at the top left, and each action in the column of its
 * distance (in transitions) from the start, stacked in the order the actions are first reached along the edges a
 * diagram draws (so the designer's `NextAction` beside branches moves nothing). Linear in the number of actions and
 * transitions.
 */
export function layoutMetadata(start: string, actions: readonly ActionSkeleton[]): Record<string, unknown> {
  const byId = new Map(actions.map(action => [action.Identifier, action]));
  const depth = new Map<string, number>([[start, 0]]);
  // Breadth first, so an action's column is its distance from the start: the depth of the action that reaches it first, plus one.
  const order = breadthFirst(start, id => {
    const action = byId.get(id);
    const targets = action === undefined ? [] : drawnEdgesOf(action).map(edge => edge.to).filter(target => byId.has(target));
    for (const target of targets) {
      if (!depth.has(target)) {
        depth.set(target, depth.get(id)! + 1);
      }
    }
    return targets;
  });
  // Actions not reached from the start (kept from a flow file; the flow check warns about them) go in a last column.
  const lastColumn = Math.max(0, ...depth.values()) + 1;
  for (const action of actions) {
    if (!depth.has(action.Identifier)) {
      depth.set(action.Identifier, lastColumn);
      order.push(action.Identifier);
    }
  }

  const columnHeights = new Map<number, number>();
  const actionMetadata: Record<string, unknown> = {};
  for (const id of order) {
    const column = depth.get(id)!;
    const y = columnHeights.get(column) ?? MARGIN;
    const branches = drawnEdgesOf(byId.get(id)!).length;
    columnHeights.set(column, y + BLOCK_HEIGHT + BRANCH_HEIGHT * branches);
    Object.defineProperty(actionMetadata, id, {
      value: { position: { x: MARGIN + COLUMN_WIDTH * (column + 1) - 100, y } },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    entryPointPosition: { x: MARGIN, y: MARGIN },
    ActionMetadata: actionMetadata,
  };
}
