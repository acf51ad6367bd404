/* eslint-disable no-console */
import { App, Stack } from 'aws-cdk-lib';
import { benchImport } from './import';
import { median, time } from './timing';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { IInstance, Instance } from '../../src/constructs/instance';
import { FlowAction, FlowCondition, FlowDefinition, RawAction } from '../../src/flows';

/**
 * The flow builder at scale: builds flows of 1,000 and 4,000 actions, binds them to a flow (rendering, designer
 * layout, the flow language and graph checks, the size check) and draws them as Mermaid, several times each, and
 * prints the median times per flow and the ratio of the large flow to the small one. Target: growth near linear,
 * under 5x for 4x the actions; exits 1 when the total (build, bind and draw) grows 5x or more. The phases' own ratios
 * are printed beside it: toMermaid's, the shortest phase, moves between about 4.4x and 5.7x from run to run on a
 * shared 2-core machine (garbage collection of the larger flow's lines; each of its steps is one pass over the
 * actions), so a gate on it alone would fail by chance.
 *
 * The flows are built like real ones: a long chain of steps that set contact attributes, play a message and branch
 * on an attribute (a detour that rejoins the chain, a loop back to an earlier step, the rest of the chain), with
 * every error routed to one of a few shared handlers that end the contact.
 *
 * A 4,000-action flow is longer than the 256,000 characters Amazon Connect accepts, so binding it fails the size
 * check, which is the last step of `bind` (after it only a lazy token for the JSON is created). The bench counts
 * that failure as the expected end of the bind, checks that it is the size check and nothing else, and reports
 * the size. A smaller flow of the same shape, under the limit, must bind without any failure.
 *
 * Times are CPU time of the process (user and system), which the load of a shared machine disturbs far less than
 * wall-clock time; the wall-clock total is shown beside them. Each sample handles the same number of actions for
 * both sizes (the 1,000-action flow in four times as many copies), so that garbage collection weighs alike.
 *
 * Runs: BENCH_RUNS (default 5), after one warm-up of each size.
 */

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 5);
const SIZES = [1000, 4000];
const LIMIT = 5;

/** Actions each sample handles per size: the small flow is built, bound and drawn in as many copies as it takes. */
const SAMPLE_ACTIONS = Math.max(...SIZES) * 4;

/** How many more flows the build phase builds than the others bind and draw. */
const BUILD_REPEAT = 4;

const INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555';

/** Shared error handlers: each records the error and ends the contact. */
const HANDLERS = 4;

/** Actions outside the steps: the handlers (two actions each) and the final goodbye. */
const FIXED_ACTIONS = 2 * HANDLERS + 1;

/** Actions per step: set attributes, a message, a comparison and a detour. */
const STEP_ACTIONS = 4;

/** Every how many steps a comparison loops back, and how many steps back. */
const LOOP_EVERY = 5;
const LOOP_BACK = 3;

/** The size check's message, and the size it reports. */
const SIZE_FAILURE = /flow content must be at most (\d+) characters, got (\d+)/;

type Phase = 'build' | 'bind' | 'toMermaid';
const PHASES: Phase[] = ['build', 'bind', 'toMermaid'];

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

function setAttributes(id: string, attributes: Record<string, string>): RawAction {
  return new RawAction(id, {
    actionType: 'UpdateContactAttributes',
    parameters: { TargetContact: 'Current', Attributes: attributes },
  });
}

function disconnect(id: string): RawAction {
  return new RawAction(id, { actionType: 'DisconnectParticipant', parameters: {}, terminal: true });
}

/** A flow of exactly `size` actions. */
export function buildFlow(size: number): FlowDefinition {
  const steps = Math.floor((size - FIXED_ACTIONS) / STEP_ACTIONS);
  if (steps < 1) {
    throw new Error(`a bench flow needs at least ${FIXED_ACTIONS + STEP_ACTIONS} actions, got ${size}`);
  }
  // Actions that do not fill a whole step: a preamble of attribute updates before the first step.
  const preamble = size - FIXED_ACTIONS - steps * STEP_ACTIONS;

  const goodbye = disconnect('Goodbye');
  const handlers: FlowAction[] = [];
  for (let h = 0; h < HANDLERS; h++) {
    const bye = disconnect(`ErrorBye${h}`);
    const log = setAttributes(`ErrorLog${h}`, { LastError: `handler ${h}`, FailedStep: '$.Attributes.Step' });
    log.next(bye);
    log.onError(bye);
    handlers.push(log);
  }
  const handler = (n: number) => handlers[n % HANDLERS];

  const starts: RawAction[] = [];
  const checks: RawAction[] = [];
  const detours: RawAction[] = [];
  for (let s = 0; s < steps; s++) {
    const id = pad(s);
    const set = setAttributes(`Step${id}`, { Step: String(s), Channel: '$.Channel' });
    const greet = new RawAction(`Message${id}`, {
      actionType: 'MessageParticipant',
      parameters: { Text: `Step ${s}: thank you for waiting, we are still working on your request.` },
    });
    const check = new RawAction(`Check${id}`, { actionType: 'Compare', parameters: { ComparisonValue: '$.Attributes.Route' } });
    const detour = setAttributes(`Detour${id}`, { Priority: 'high', DetourStep: String(s) });
    set.next(greet);
    set.onError(handler(s));
    greet.next(check);
    greet.onError(handler(s + 1));
    check.when(FlowCondition.equalTo('priority'), detour);
    detour.onError(handler(s + 2));
    starts.push(set);
    checks.push(check);
    detours.push(detour);
  }
  for (let s = 0; s < steps; s++) {
    const following = s + 1 < steps ? starts[s + 1] : goodbye;
    if (s >= LOOP_BACK && s % LOOP_EVERY === 0) {
      checks[s].when(FlowCondition.equalTo('retry'), starts[s - LOOP_BACK]);
    }
    checks[s].otherwise(following);
    detours[s].next(following);
  }

  let first: FlowAction = starts[0];
  for (let p = preamble - 1; p >= 0; p--) {
    const action = setAttributes(`Preamble${pad(p)}`, { Preamble: String(p) });
    action.next(first);
    action.onError(handler(p));
    first = action;
  }
  return FlowDefinition.start(first);
}

/** A flow in a new stack with an imported instance, created without content: `bind` gives it content. */
function newFlow(): { flow: ContactFlow; instance: IInstance } {
  const app = new App();
  const stack = new Stack(app, 'Bench', { env: { account: '111122223333', region: 'us-east-1' } });
  const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
  const flow = new ContactFlow(stack, 'Flow', {
    instance,
    contactFlowName: 'Bench',
    type: ContactFlowType.CONTACT_FLOW,
    deferContent: true,
  });
  return { flow, instance };
}

interface Sample {
  /** CPU milliseconds per flow of each phase. */
  readonly cpu: Record<Phase, number>;
  /** Wall-clock milliseconds per flow, all phases. */
  readonly wall: number;
  /** The length of the flow's JSON, and whether it is over the limit (the bind then ends with the size check). */
  readonly contentLength: number;
  readonly overLimit: boolean;
}

/** Binds a definition to a flow; returns the content, or the size check's failure. */
function bindOnce(definition: FlowDefinition, flow: ContactFlow, instance: IInstance): { content?: string; failure?: RegExpExecArray } {
  try {
    return { content: definition.bind(flow, instance).content };
  } catch (e) {
    const failure = SIZE_FAILURE.exec((e as Error).message);
    if (!failure) {
      throw e; // anything but the size check means the bench flow is broken
    }
    return { failure };
  }
}

/**
 * One sample: builds `copies` flows of `size` actions, then binds each, then draws each, timing each phase; returns
 * the time per flow. Every sample handles the same number of actions (the small flow in more copies), so that both
 * sizes run phases of the same length, with as many garbage collections in them, and leave the same amount of
 * garbage to the next phase.
 */
function measure(size: number, copies: number): Sample {
  // Building is quick: it is timed over more copies, so that its window is as long as the others'.
  const builds = copies * BUILD_REPEAT;
  const built = time(() => Array.from({ length: builds }, () => buildFlow(size)));
  const definitions = built.result.slice(0, copies);

  const flows = definitions.map(() => newFlow());
  const bound = time(() => definitions.map((definition, i) => bindOnce(definition, flows[i].flow, flows[i].instance)));

  const drawn = time(() => definitions.map(definition => definition.toMermaid()));

  // Outside the timings: the flow has the intended number of actions, and the diagram one node per action.
  const actions = definitions[0].actions.length;
  const nodes = drawn.result[0].split('\n').filter(line => /^ {2}a\d+\[/.test(line)).length;
  if (actions !== size || nodes !== size) {
    throw new Error(`the bench flow of ${size} actions has ${actions} actions and a diagram of ${nodes} nodes`);
  }
  const outcome = bound.result[0];
  let contentLength: number;
  if (outcome.content !== undefined) {
    const content = Stack.of(flows[0].flow).resolve(outcome.content);
    if (typeof content !== 'string') {
      throw new Error(`the bench flow of ${size} actions rendered content with tokens`);
    }
    contentLength = content.length;
  } else {
    contentLength = Number(outcome.failure![2]);
  }
  return {
    cpu: { build: built.cpu / builds, bind: bound.cpu / copies, toMermaid: drawn.cpu / copies },
    wall: built.wall / builds + (bound.wall + drawn.wall) / copies,
    contentLength,
    overLimit: outcome.content === undefined,
  };
}

/** The bench flows pass every check: a flow of the same shape that is under the size limit binds without failure. */
function checkShape(): void {
  const { flow, instance } = newFlow();
  const content = Stack.of(flow).resolve(buildFlow(200).bind(flow, instance).content);
  if (typeof content !== 'string' || JSON.parse(content).Actions.length !== 200) {
    throw new Error('the bench flow of 200 actions did not render as 200 actions');
  }
}

type Column = Phase | 'total' | 'wall';
const COLUMNS: Column[] = [...PHASES, 'total', 'wall'];
const TITLES: Record<Column, string> = { build: 'build', bind: 'bind', toMermaid: 'toMermaid', total: 'total', wall: 'wall total' };

function main(): void {
  console.log(`bench/flows: build, bind (render, layout, checks) and toMermaid of flows of ${SIZES.join(' and ')} actions`);
  checkShape();
  const copies = (size: number) => Math.max(1, Math.round(SAMPLE_ACTIONS / size));
  const samples = new Map<number, Array<Record<Column, number>>>(SIZES.map(size => [size, []]));
  const last = new Map<number, Sample>();
  for (const size of SIZES) {
    last.set(size, measure(size, copies(size))); // warm-up
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so that drift in machine load hits both sizes alike.
    for (const size of run % 2 ? [...SIZES].reverse() : SIZES) {
      const result = measure(size, copies(size));
      const total = PHASES.reduce((sum, phase) => sum + result.cpu[phase], 0);
      samples.get(size)!.push({ ...result.cpu, total, wall: result.wall });
      last.set(size, result);
    }
  }

  const medians = new Map(SIZES.map(size => [size, Object.fromEntries(COLUMNS.map(column =>
    [column, median(samples.get(size)!.map(values => values[column]))])) as Record<Column, number>]));
  const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
  const ratios = COLUMNS.map(column => medians.get(large)![column] / medians.get(small)![column]);

  const header = ['actions', ...COLUMNS.map(column => `${TITLES[column]} ms`), 'content chars'];
  const rows = SIZES.map(size => {
    const result = last.get(size)!;
    return [
      String(size),
      ...COLUMNS.map(column => medians.get(size)![column].toFixed(1)),
      `${result.contentLength}${result.overLimit ? ' (over the limit)' : ''}`,
    ];
  });
  rows.push([`ratio (${large / small}x actions)`, ...ratios.map(ratio => `${ratio.toFixed(2)}x`), '']);

  const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])).join('  ');
  console.log(`\nCPU milliseconds per flow (median of ${RUNS} runs after a warm-up; each run handles ${SAMPLE_ACTIONS} actions per size), and wall-clock total:`);
  console.log(`  ${line(header)}`);
  for (const row of rows) {
    console.log(`  ${line(row)}`);
  }
  if (SIZES.some(size => last.get(size)!.overLimit)) {
    console.log('  over the limit: Amazon Connect accepts at most 256000 characters; the bind ran to its size check, which failed as expected');
  }

  // The target is on CPU time, which the load of a shared machine disturbs far less than wall-clock time.
  const totalRatio = ratios[COLUMNS.indexOf('total')];
  if (totalRatio >= LIMIT) {
    console.log(`\nFAIL: build, bind and toMermaid together grew ${totalRatio.toFixed(2)}x for ${large / small}x the actions (target: under ${LIMIT}x)`);
    process.exitCode = 1;
  } else {
    console.log(`\nOK: build, bind and toMermaid together grew ${totalRatio.toFixed(2)}x for ${large / small}x the actions (target: under ${LIMIT}x)`);
  }
  benchImport();
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
