/* eslint-disable no-console */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { buildWithCdkConnect } from './cdk-connect';
import { buildWithL1 } from './raw-l1';

/**
 * Synthesizes the reference contact center (see scale.ts) with cdk-connect and with raw L1 constructs,
 * several times each, with aws-cdk-lib's built-in template validation on (its default) and off, and prints
 * the median times and their ratio. Target: cdk-connect within 1.3x of raw L1.
 *
 * Runs: BENCH_RUNS (default 5), after one warm-up synth of each variant.
 */

type Builder = (stack: Stack) => void;

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function synthOnce(build: Builder, validation: boolean): { ms: number; resources: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-bench-'));
  try {
    const start = process.hrtime.bigint();
    const app = new App({ outdir, builtinCloudFormationValidation: validation });
    const stack = new Stack(app, 'Bench', { env: { account: '111122223333', region: 'us-east-1' } });
    build(stack);
    const assembly = app.synth();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const template = assembly.getStackByName(stack.stackName).template;
    return { ms, resources: Object.keys(template.Resources ?? {}).length };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(validation: boolean) {
  const variants: Array<[string, Builder]> = [['cdk-connect', buildWithCdkConnect], ['raw L1', buildWithL1]];
  const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  const resources = new Map<string, number>();
  for (const [name, build] of variants) {
    resources.set(name, synthOnce(build, validation).resources); // warm-up
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternate the variants so that drift in machine load hits both alike.
    for (const [name, build] of run % 2 ? [...variants].reverse() : variants) {
      times.get(name)!.push(synthOnce(build, validation).ms);
    }
  }
  const l2 = median(times.get('cdk-connect')!);
  const l1 = median(times.get('raw L1')!);
  console.log(`\naws-cdk-lib template validation ${validation ? 'on (default)' : 'off (CDK_VALIDATION=false)'}, ${RUNS} runs each`);
  console.log(`  cdk-connect: median ${l2.toFixed(0)} ms, ${resources.get('cdk-connect')} resources`);
  console.log(`  raw L1:      median ${l1.toFixed(0)} ms, ${resources.get('raw L1')} resources`);
  console.log(`  ratio cdk-connect / raw L1: ${(l2 / l1).toFixed(2)}x (target: at most 1.30x)`);
}

console.log('bench/synth: one instance, 10 hours of operation, 50 queues, 20 routing profiles, 30 flows, 300 users, 10 security profiles, 30 quick connects');
measure(true);
measure(false);
