import { SimFlow } from './model';
import { SimulationResult } from './result';
import { ChatScriptResult } from './script';
import { SimulatedContactCenter } from './simulator';
import { ACTION_SPECS } from '../private/flow-actions';
import { conditionLabel, renderMermaid } from '../private/flow-diagram';

/** A branch of an action: its label (`Next`, a condition such as `= True`, an error type). */
interface Branch {
  readonly label: string;
}

/**
 * Whether an action's NextAction is a branch the contact can take. Not when it is the designer's copy of another
 * branch: on actions that end the flow on success, beside a `NoMatchingCondition` branch, and on CheckHoursOfOperation
 * with both results.
 */
function nextIsBranch(type: string, transitions: SimFlow['order'][number]['Transitions']): boolean {
  // Actions that end the flow on success (transfers, MessageParticipantIteratively): a NextAction is never taken.
  if (ACTION_SPECS.get(type)?.next === 'ends') {
    return false;
  }
  if ((transitions.Conditions ?? []).length > 0 && (transitions.Errors ?? []).some(error => error.ErrorType === 'NoMatchingCondition')) {
    return false;
  }
  if (type === 'CheckHoursOfOperation') {
    const results = new Set((transitions.Conditions ?? []).map(condition => condition.Condition.Operands?.[0]));
    return !(results.has('True') && results.has('False'));
  }
  return true;
}

function branchesOf(flow: SimFlow, action: string): Branch[] {
  const found = flow.actions.get(action);
  const transitions = found?.Transitions ?? {};
  const branches: Branch[] = [];
  if (transitions.NextAction !== undefined && nextIsBranch(found!.Type, transitions)) {
    branches.push({ label: 'Next' });
  }
  for (const condition of transitions.Conditions ?? []) {
    branches.push({ label: conditionLabel(condition.Condition) });
  }
  for (const error of transitions.Errors ?? []) {
    branches.push({ label: error.ErrorType });
  }
  return branches;
}

/** The coverage of one flow (or flow module): which actions and branches the runs took. */
export class FlowCoverageReport {
  /** @internal */
  public static _create(flow: SimFlow, taken: ReadonlyMap<string, ReadonlySet<string>>): FlowCoverageReport {
    return new FlowCoverageReport(flow, taken);
  }

  /** The flow's name. */
  public readonly flowName: string;

  /** How many actions the flow has. */
  public readonly actionCount: number;

  /** The identifiers of the actions no run reached, in the flow's order. */
  public readonly uncoveredActions: string[];

  /**
   * How many branches the flow has: next actions, every condition, every error branch. A next action that the flow
   * designer writes beside the branches that route the contact (the `NextAction` of a transfer, or beside a
   * `NoMatchingCondition` branch) is not a branch of its own.
   */
  public readonly branchCount: number;

  /** The branches no run took, as `<action> (<type>): <branch>`, in the flow's order. */
  public readonly uncoveredBranches: string[];

  private readonly flow: SimFlow;
  private readonly taken: ReadonlyMap<string, ReadonlySet<string>>;

  private constructor(flow: SimFlow, taken: ReadonlyMap<string, ReadonlySet<string>>) {
    this.flow = flow;
    this.taken = taken;
    this.flowName = flow.name;
    this.actionCount = flow.order.length;
    this.uncoveredActions = flow.order.filter(action => !taken.has(action.Identifier)).map(action => action.Identifier);
    let branches = 0;
    this.uncoveredBranches = [];
    for (const action of flow.order) {
      for (const branch of branchesOf(flow, action.Identifier)) {
        branches++;
        if (!taken.get(action.Identifier)?.has(branch.label)) {
          this.uncoveredBranches.push(`${action.Identifier} (${action.Type}): ${branch.label}`);
        }
      }
    }
    this.branchCount = branches;
  }

  /** The share of actions reached, from 0 to 100. */
  public get actionPercent(): number {
    return this.actionCount === 0 ? 100 : 100 * (this.actionCount - this.uncoveredActions.length) / this.actionCount;
  }

  /** The share of branches taken, from 0 to 100. */
  public get branchPercent(): number {
    return this.branchCount === 0 ? 100 : 100 * (this.branchCount - this.uncoveredBranches.length) / this.branchCount;
  }

  /** The flow's Mermaid diagram with the covered actions in green, the uncovered actions and branches in red. */
  public toMermaid(): string {
    return renderMermaid(this.flow.startAction, this.flow.order, {
      coveredAction: id => this.taken.has(id),
      coveredBranch: (id, label) => this.taken.get(id)?.has(label) ?? false,
    });
  }

  /** The coverage in words: the figures and the uncovered branches. */
  public toString(): string {
    const lines = [`${this.flowName}: actions ${this.actionCount - this.uncoveredActions.length}/${this.actionCount} (${this.actionPercent.toFixed(0)}%), `
      + `branches ${this.branchCount - this.uncoveredBranches.length}/${this.branchCount} (${this.branchPercent.toFixed(0)}%)`];
    for (const branch of this.uncoveredBranches) {
      lines.push(`  not covered: ${branch}`);
    }
    return lines.join('\n');
  }
}

/**
 * Which actions and branches (every next action, condition and error branch) of each flow a set of simulated runs
 * took: chat scripts run on the simulator, or simulations.
 *
 * ```ts
 * declare const center: SimulatedContactCenter;
 * declare const results: ChatScriptResult[];
 * const chat = FlowCoverage.of(center, results).flow('Chat');
 * console.log(chat.toString()); // figures and the branches no script took
 * ```
 */
export class FlowCoverage {
  /** The coverage of chat scripts run on the simulator (results of live runs carry no path and count for nothing). */
  public static of(center: SimulatedContactCenter, results: ChatScriptResult[]): FlowCoverage {
    return FlowCoverage.ofSimulations(center, results.flatMap(result => result.simulation === undefined ? [] : [result.simulation]));
  }

  /** The coverage of simulations. */
  public static ofSimulations(center: SimulatedContactCenter, simulations: SimulationResult[]): FlowCoverage {
    const taken = new Map<string, Map<string, Set<string>>>();
    for (const simulation of simulations) {
      for (const step of simulation.path) {
        const flow = taken.get(step.flow) ?? new Map<string, Set<string>>();
        taken.set(step.flow, flow);
        const action = flow.get(step.action) ?? new Set<string>();
        flow.set(step.action, action);
        action.add(step.branch);
      }
    }
    return new FlowCoverage(center, taken);
  }

  private readonly center: SimulatedContactCenter;
  private readonly taken: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

  private constructor(center: SimulatedContactCenter, taken: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>) {
    this.center = center;
    this.taken = taken;
  }

  /** The coverage of every flow and module of the contact center, in its order. */
  public get flows(): FlowCoverageReport[] {
    return [...this.center._model.flows.values()].map(flow => FlowCoverageReport._create(flow, this.taken.get(flow.name) ?? new Map()));
  }

  /**
   * The coverage of one flow.
   *
   * @param name the flow's name, construct path or id
   */
  public flow(name: string): FlowCoverageReport {
    const flow = this.center.flow(name)._flow;
    return FlowCoverageReport._create(flow, this.taken.get(flow.name) ?? new Map());
  }

  /** The coverage of the flows that any run reached, in words. */
  public toString(): string {
    return this.flows.filter(report => this.taken.has(report.flowName)).map(report => report.toString()).join('\n');
  }
}
