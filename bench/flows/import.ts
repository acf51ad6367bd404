/* eslint-disable no-console */
import { isDeepStrictEqual } from 'util';
import { App, Stack } from 'aws-cdk-lib';
import { median, time } from './timing';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { Instance } from '../../src/constructs/instance';
import { FlowDefinition } from '../../src/flows';
import { generateFlowCode } from '../../src/flows/import/codegen';

/**
 * Import and code generation at scale: writes flows of 1,000 and 4,000 actions in the shape the flow designer
 * exports (designer identifiers and positions, `NextAction`s beside the branches of branching actions, `"Errors": []`
 * on messages, literal ARNs of the source instance, a block not connected to the start), then times
 * `FlowDefinition.importJsonString()` and `generateFlowCode()` (what `npx cdk-connect import-flow` runs) on each, and
 * prints the CPU time per flow, the ratio of the large flow to the small one and the share of typed actions in the
 * generated code. Before timing, a smaller flow of the same shape is imported into a flow and checked to render every
 * action as the file has it.
 *
 * Runs: BENCH_RUNS (default 5), after one warm-up of each size.
 */

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 5);
const SIZES = [1000, 4000];

/** Actions each sample handles per size: the small flow is handled in as many copies as it takes. */
const SAMPLE_ACTIONS = Math.max(...SIZES) * 2;

const SOURCE_INSTANCE = 'arn:aws:connect:us-west-2:444455556666:instance/99999999-8888-7777-6666-555555555555';
const QUEUES = [1, 2, 3, 4, 5].map(n => `${SOURCE_INSTANCE}/queue/aaaaaaaa-0000-4000-8000-00000000000${n}`);
const HOURS = [1, 2, 3].map(n => `${SOURCE_INSTANCE}/operating-hours/bbbbbbbb-0000-4000-8000-00000000000${n}`);
const FUNCTIONS = ['lookup', 'score', 'notify'].map(name => `arn:aws:lambda:us-west-2:444455556666:function:customer-${name}`);

/** Actions per step of the flow, and the shared actions outside the steps. */
const STEP_ACTIONS = 10;
const FIXED_ACTIONS = 6;

/** Every how many steps a comparison loops back, and how many steps back. */
const LOOP_EVERY = 5;
const LOOP_BACK = 3;

/** A designer-like identifier (the designer writes UUIDs). */
function uuid(n: number): string {
  return `0c0ffee0-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const equals = (operand: string, next: string) => ({ NextAction: next, Condition: { Operator: 'Equals', Operands: [operand] } });
const error = (errorType: string, next: string) => ({ NextAction: next, ErrorType: errorType });

/** A flow language document of exactly `size` actions, as the flow designer exports one. */
export function designerFlow(size: number): string {
  const steps = Math.floor((size - FIXED_ACTIONS) / STEP_ACTIONS);
  if (steps < 1) {
    throw new Error(`a designer-shaped bench flow needs at least ${FIXED_ACTIONS + STEP_ACTIONS} actions, got ${size}`);
  }
  const preamble = size - FIXED_ACTIONS - steps * STEP_ACTIONS;
  let next = 0;
  const ids = (count: number) => Array.from({ length: count }, () => uuid(next++));
  const [goodbye, closed, busy, failed, disconnect, unused] = ids(FIXED_ACTIONS);
  const stepIds = Array.from({ length: steps }, () => ids(STEP_ACTIONS));
  const preambleIds = ids(preamble);

  const message = (id: string, text: string, errors: unknown[]) =>
    ({ Parameters: { Text: text }, Identifier: id, Type: 'MessageParticipant', Transitions: { NextAction: disconnect, Errors: errors, Conditions: [] } });
  const actions: unknown[] = [];
  preambleIds.forEach((id, p) => actions.push({
    Parameters: { Attributes: { Preamble: String(p) } },
    Identifier: id,
    Type: 'UpdateContactAttributes',
    Transitions: { NextAction: preambleIds[p + 1] ?? stepIds[0][0], Errors: [error('NoMatchingError', failed)], Conditions: [] },
  }));
  stepIds.forEach((step, s) => {
    const [setStep, greet, lookup, store, route, menu, hours, setQueue, staffing, transfer] = step;
    const following = s + 1 < steps ? stepIds[s + 1][0] : goodbye;
    const routes = [equals('ok', following)];
    if (s >= LOOP_BACK && s % LOOP_EVERY === 0) {
      routes.push(equals('retry', stepIds[s - LOOP_BACK][0]));
    }
    actions.push(
      {
        Parameters: { Attributes: { Step: String(s), Channel: '$.Channel' } },
        Identifier: setStep,
        Type: 'UpdateContactAttributes',
        Transitions: { NextAction: greet, Errors: [error('NoMatchingError', failed)], Conditions: [] },
      },
      {
        Parameters: { Text: `Step ${s}: thank you for waiting, we are still working on your request.` },
        Identifier: greet,
        Type: 'MessageParticipant',
        Transitions: { NextAction: lookup, Errors: [], Conditions: [] },
      },
      {
        Parameters: {
          LambdaFunctionARN: FUNCTIONS[s % FUNCTIONS.length],
          InvocationTimeLimitSeconds: '3',
          LambdaInvocationAttributes: { step: String(s) },
          ResponseValidation: { ResponseType: 'STRING_MAP' },
        },
        Identifier: lookup,
        Type: 'InvokeLambdaFunction',
        Transitions: { NextAction: store, Errors: [error('NoMatchingError', menu)] },
      },
      {
        Parameters: { Attributes: { status: '$.External.status' } },
        Identifier: store,
        Type: 'UpdateContactAttributes',
        Transitions: { NextAction: route, Errors: [error('NoMatchingError', failed)] },
      },
      {
        Parameters: { ComparisonValue: '$.Attributes.status' },
        Identifier: route,
        Type: 'Compare',
        Transitions: { NextAction: menu, Conditions: routes, Errors: [error('NoMatchingCondition', menu)] },
      },
      {
        Parameters: { StoreInput: 'False', InputTimeLimitSeconds: '5', Text: 'To go on, press 1. To speak to an agent, press 2.' },
        Identifier: menu,
        Type: 'GetParticipantInput',
        Transitions: {
          NextAction: following,
          Conditions: [equals('1', following), equals('2', hours)],
          Errors: [error('InputTimeLimitExceeded', following), error('NoMatchingCondition', following), error('NoMatchingError', following)],
        },
      },
      {
        Parameters: { HoursOfOperationId: HOURS[s % HOURS.length] },
        Identifier: hours,
        Type: 'CheckHoursOfOperation',
        Transitions: { NextAction: closed, Conditions: [equals('True', setQueue), equals('False', closed)], Errors: [error('NoMatchingError', closed)] },
      },
      {
        Parameters: { QueueId: QUEUES[s % QUEUES.length] },
        Identifier: setQueue,
        Type: 'UpdateContactTargetQueue',
        Transitions: { NextAction: staffing, Errors: [error('NoMatchingError', failed)] },
      },
      {
        Parameters: { MetricType: 'NumberOfAgentsStaffed' },
        Identifier: staffing,
        Type: 'CheckMetricData',
        Transitions: {
          NextAction: transfer,
          Conditions: [{ NextAction: transfer, Condition: { Operator: 'NumberGreaterThan', Operands: ['0'] } }],
          Errors: [error('NoMatchingError', transfer), error('NoMatchingCondition', busy)],
        },
      },
      {
        Parameters: {},
        Identifier: transfer,
        Type: 'TransferContactToQueue',
        Transitions: { NextAction: failed, Errors: [error('QueueAtCapacity', busy), error('NoMatchingError', failed)] },
      },
    );
  });
  actions.push(
    message(goodbye, 'Thank you for calling. Goodbye.', [error('NoMatchingError', disconnect)]),
    message(closed, 'We are closed. Our hours are 8 AM to 6 PM, Monday to Friday.', [error('NoMatchingError', disconnect)]),
    message(busy, 'All our agents are busy. Please call again later.', []),
    message(failed, 'Sorry, something went wrong.', [error('NoMatchingError', disconnect)]),
    { Parameters: {}, Identifier: disconnect, Type: 'DisconnectParticipant', Transitions: {} },
    message(unused, 'Unused holiday message, kept for next year.', []),
  );
  const start = preambleIds[0] ?? stepIds[0][0];
  const ActionMetadata = Object.fromEntries(actions.map((action: any, i) =>
    [action.Identifier, { position: { x: 240 + 260 * (i % 12), y: 40 + 200 * Math.floor(i / 12) } }]));
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: start,
    Metadata: { entryPointPosition: { x: 40, y: 40 }, ActionMetadata, Annotations: [], name: `Bench ${size}`, description: '', type: 'contactFlow', status: 'published', hash: {} },
    Actions: actions,
  });
}

/** What the flow language compares: the parameters and transitions, without empty `Errors` and `Conditions`. */
function comparable(action: any): unknown {
  const transitions = { ...action.Transitions };
  for (const key of ['Errors', 'Conditions']) {
    if (Array.isArray(transitions[key]) && transitions[key].length === 0) {
      delete transitions[key];
    }
  }
  return { Type: action.Type, Parameters: action.Parameters ?? {}, Transitions: transitions };
}

/** Outside the timings: a flow of the same shape imports into a flow and renders every action as the file has it. */
function checkRoundTrip(): void {
  const json = designerFlow(200);
  const app = new App();
  const stack = new Stack(app, 'Bench', { env: { account: '111122223333', region: 'us-west-2' } });
  const instance = Instance.fromInstanceArn(stack, 'Instance', 'arn:aws:connect:us-west-2:111122223333:instance/11111111-2222-3333-4444-555555555555');
  const flow = new ContactFlow(stack, 'Flow', {
    instance,
    contactFlowName: 'Bench',
    type: ContactFlowType.CONTACT_FLOW,
    content: FlowDefinition.importJsonString(json, { allowLiteralArns: true }),
  });
  const rendered = JSON.parse(stack.resolve((flow.node.defaultChild as any).content));
  const byId = new Map<string, any>(rendered.Actions.map((action: any) => [action.Identifier, action]));
  for (const action of JSON.parse(json).Actions) {
    if (!isDeepStrictEqual(comparable(byId.get(action.Identifier) ?? {}), comparable(action))) {
      throw new Error(`the imported bench flow renders action '${action.Identifier}' (${action.Type}) otherwise than the file`);
    }
  }
}

interface ImportSample {
  /** CPU milliseconds per flow. */
  readonly importMs: number;
  readonly codegenMs: number;
  /** Of the last flow: actions, RawActions, ARN variables and lines of code. */
  readonly actions: number;
  readonly raw: number;
  readonly arns: number;
  readonly lines: number;
}

function measure(json: string, copies: number): ImportSample {
  const imported = time(() => Array.from({ length: copies }, () => FlowDefinition.importJsonString(json, { allowLiteralArns: true })));
  const generated = time(() => Array.from({ length: copies }, () => generateFlowCode(JSON.parse(json), 'bench.json')));
  const code = generated.result[0];
  return {
    importMs: imported.cpu / copies,
    codegenMs: generated.cpu / copies,
    actions: imported.result[0].actions.length,
    raw: code.rawActions.length,
    arns: code.arns.length,
    lines: code.code.split('\n').length,
  };
}

/** Runs the import and codegen bench and prints its figures. */
export function benchImport(): void {
  console.log(`\nbench/flows import: FlowDefinition.importJsonString() and generateFlowCode() (npx cdk-connect import-flow) on designer-shaped flows of ${SIZES.join(' and ')} actions`);
  checkRoundTrip();
  const files = new Map(SIZES.map(size => [size, designerFlow(size)]));
  const copies = (size: number) => Math.max(1, Math.round(SAMPLE_ACTIONS / size));
  const samples = new Map<number, ImportSample[]>(SIZES.map(size => [size, []]));
  for (const size of SIZES) {
    measure(files.get(size)!, copies(size)); // warm-up
  }
  for (let run = 0; run < RUNS; run++) {
    for (const size of run % 2 ? [...SIZES].reverse() : SIZES) {
      samples.get(size)!.push(measure(files.get(size)!, copies(size)));
    }
  }
  const rows = SIZES.map(size => {
    const all = samples.get(size)!;
    const last = all[all.length - 1];
    if (last.actions !== size) {
      throw new Error(`the designer-shaped bench flow of ${size} actions imported as ${last.actions} actions`);
    }
    return { size, importMs: median(all.map(s => s.importMs)), codegenMs: median(all.map(s => s.codegenMs)), last, chars: files.get(size)!.length };
  });
  console.log(`CPU milliseconds per flow (median of ${RUNS} runs after a warm-up; each run handles ${SAMPLE_ACTIONS} actions per size):`);
  for (const row of rows) {
    const typed = (row.last.actions - row.last.raw) / row.last.actions;
    console.log(`  ${String(row.size).padEnd(5)} actions (${row.chars} characters): import ${row.importMs.toFixed(1)} ms, codegen ${row.codegenMs.toFixed(1)} ms; `
      + `${(100 * typed).toFixed(1)}% typed, ${row.last.arns} ARNs to map, ${row.last.lines} lines of code`);
  }
  const [small, large] = [rows[0], rows[rows.length - 1]];
  console.log(`  ratio (${large.size / small.size}x actions): import ${(large.importMs / small.importMs).toFixed(2)}x, codegen ${(large.codegenMs / small.codegenMs).toFixed(2)}x`);
}

if (require.main === module) {
  benchImport();
}
