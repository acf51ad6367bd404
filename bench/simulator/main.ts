/* eslint-disable no-console */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ContactCenterStack } from '../../examples/contact-center/contact-center-stack';
import { ChatScript, FlowCoverage, FlowSimulator, SimulatedContactCenter } from '../../src';
import { buildFlow } from '../flows/main';

/**
 * The flow simulator's speed: contacts through the 4,000-action flow of bench/flows (every step of its chain, so
 * about 3,000 actions a contact; the flow is longer than Amazon Connect accepts, so it is simulated from its document,
 * built from the definition's actions as a flow renders them), and 1,000 chat scripts on the example contact center
 * (its chat test scripts, over and over), with their coverage. Prints medians of BENCH_RUNS runs (default 5) after a
 * warm-up; exits 1 when a script fails or a contact takes a wrong turn, never on timing.
 */

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 5);
const CONTACTS = 20;
const SCRIPTS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The document of a flow definition, rendered action by action (no construct, so no size limit). */
function documentOf(definition: ReturnType<typeof buildFlow>): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: definition.startAction.id,
    Actions: definition.actions.map(action => ({
      Identifier: action.id,
      Type: action.actionType,
      Parameters: action._renderFinalParameters(undefined as any) ?? {},
      Transitions: action._renderTransitions() ?? {},
    })),
  });
}

function benchLargeFlow(): void {
  const definition = buildFlow(4000);
  const simulator = FlowSimulator.fromJsonString(documentOf(definition), 'bench-4000');
  let steps = 0;
  const run = () => {
    for (let c = 0; c < CONTACTS; c++) {
      const result = simulator.run({ attributes: { Route: c % 2 === 0 ? 'straight' : 'priority' } });
      if (result.end.action !== 'Goodbye') {
        console.error(`the contact ended at ${result.end.action}, not Goodbye`);
        process.exit(1);
      }
      steps = result.path.length;
    }
  };
  run();
  const times = Array.from({ length: RUNS }, () => time(run));
  const perContact = median(times) / CONTACTS;
  console.log(`4,000-action flow: ${steps} actions per contact, ${perContact.toFixed(2)} ms per contact, `
    + `${Math.round(steps / perContact * 1000).toLocaleString('en-US')} actions/s (median of ${RUNS} runs of ${CONTACTS} contacts)`);
}

function benchScripts(): void {
  const app = new App();
  new ContactCenterStack(app, 'BenchContactCenter', { env: { account: '111122223333', region: 'us-east-1' } });
  let center!: SimulatedContactCenter;
  const load = time(() => { center = SimulatedContactCenter.fromApp(app); });
  const scripts = ChatScript.fromDirectory(path.join(__dirname, '..', '..', 'examples', 'contact-center', 'chat-tests'));
  const batch = Array.from({ length: SCRIPTS }, (_, i) => scripts[i % scripts.length]);
  let coverage = '';
  const run = () => {
    const results = batch.map(script => script.run(center));
    const failed = results.find(result => !result.passed);
    if (failed) {
      console.error(failed.failure);
      process.exit(1);
    }
    coverage = FlowCoverage.of(center, results).flow('Chat').toString().split('\n')[0];
  };
  run();
  const times = Array.from({ length: RUNS }, () => time(run));
  const total = median(times);
  console.log(`${SCRIPTS.toLocaleString('en-US')} chat scripts (the example's ${scripts.length}, repeated) with coverage: ${total.toFixed(0)} ms, `
    + `${(total / SCRIPTS * 1000).toFixed(0)} µs per script; reading the example app: ${load.toFixed(0)} ms; ${coverage}`);
}

benchLargeFlow();
benchScripts();
