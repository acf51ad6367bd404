/* eslint-disable no-console */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { SCALE } from './scale';

/**
 * Synthesizes the reference contact center (see scale.ts, 453 resources) written with cdk-connect and with raw L1
 * constructs, flat (as people write them) and nested as L2 constructs nest their L1 (`<id>/Resource`, which shows
 * what the construct tree and its hashed logical ids cost before a library does any work of its own), at 1x, 2x and
 * 4x (one stack per copy, since 4 copies in one stack would pass CloudFormation's 500 resources), with aws-cdk-lib's
 * template validation on (its default) and off (`CDK_VALIDATION=false`).
 *
 * Every run is a fresh `node` process, as `cdk synth` runs an app: it prints the median wall time (process start
 * to exit), CPU time (`process.cpuUsage()` of the child) and the phases (load: node and the requires;
 * constructors; `app.synth()`), and the ratios of cdk-connect to flat raw L1 and to nested raw L1. It also measures
 * the load of `require('cdk-connect')` (the compiled lib/) against `require('aws-cdk-lib').aws_connect`.
 *
 * Runs: BENCH_RUNS (default 5) of each variant with validation off and BENCH_VALIDATION_RUNS (default 1, 0 skips
 * them) with it on, interleaved (the order of the variants alternates, so drift in machine load hits all alike),
 * after one warm-up of each. Targets (printed, not asserted): with validation off, cdk-connect at most 1.10x raw L1
 * at every scale, and its load at most 50 ms above raw L1's.
 *
 * The cdk-connect variant loads the compiled package (lib/, `npx projen compile`): the bench stops if lib/ is
 * older than src/. BENCH_LIB names another compiled lib/ (a build of an older commit, for before and after figures).
 *
 * BENCH_INSTRUCTIONS=1 adds a count of the instructions each variant executes at each scale (one run each, under
 * valgrind's callgrind, with V8 on one thread: `node --single-threaded`), which varies by about 1% from run to run
 * where wall and CPU times on a shared machine vary by 10%: for comparing two builds. It needs valgrind and takes
 * about a minute per run; off by default.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// With validation on, validation dominates and both variants take seconds per run: fewer runs keep the bench short
// (0: skip them).
const VALIDATION_RUNS = Number(process.env.BENCH_VALIDATION_RUNS ?? 1);
const SCALES = [1, 2, 4];
const ROOT = path.resolve(__dirname, '..', '..');
// BENCH_LIB: another compiled lib/ to measure (a build of an older commit, for before and after figures).
const LIB = path.resolve(process.env.BENCH_LIB ?? path.join(ROOT, 'lib'), 'index.js');
// Inside node_modules, so that the transpiled builders resolve aws-cdk-lib as the project does.
const BUILD_DIR = path.join(ROOT, 'node_modules', '.cache', `bench-synth-${process.pid}`);

type Variant = 'raw-l1' | 'nested-l1' | 'cdk-connect';
/** The variants of the app: flat raw L1s, raw L1s nested as L2 constructs nest theirs (`<id>/Resource`), cdk-connect. */
const APP_VARIANTS: Variant[] = ['raw-l1', 'nested-l1', 'cdk-connect'];
/** The variants of the load: `require('aws-cdk-lib').aws_connect` and `require('cdk-connect')`. */
const LOAD_VARIANTS: Variant[] = ['raw-l1', 'cdk-connect'];

interface AppRun {
  readonly wall: number;
  readonly cpu: number;
  readonly load: number;
  readonly constructors: number;
  readonly synth: number;
  readonly resources: number;
  readonly stacks: number;
}

interface LoadRun {
  readonly require: number;
  readonly load: number;
  readonly cpu: number;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** Transpiles the child and the builders into BUILD_DIR, the cdk-connect builder loading lib/ instead of src/. */
function prepare(): void {
  if (!fs.existsSync(LIB) || (process.env.BENCH_LIB === undefined && fs.statSync(LIB).mtimeMs < newestMtime(path.join(ROOT, 'src')))) {
    console.error('bench/synth measures the compiled package: lib/ is missing or older than src/, run `npx projen compile` first');
    process.exit(1);
  }
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  for (const name of ['child', 'scale', 'raw-l1', 'cdk-connect']) {
    const source = fs.readFileSync(path.join(__dirname, `${name}.ts`), 'utf-8');
    let js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false },
    }).outputText;
    js = js.split('require("../../src")').join(`require(${JSON.stringify(LIB)})`);
    fs.writeFileSync(path.join(BUILD_DIR, `${name}.js`), js);
  }
}

function childEnv(validation: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_CDK_CONNECT: LIB };
  delete env.CDK_VALIDATION;
  if (!validation) env.CDK_VALIDATION = 'false';
  return env;
}

function runChild(args: string[], validation: boolean): { wall: number; out: any } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(BUILD_DIR, 'child.js'), ...args], { env: childEnv(validation), encoding: 'utf-8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`bench child ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  }
  return { wall, out: JSON.parse(child.stdout.trim().split('\n').pop()!) };
}

/** The instructions one run of the app executes (validation off), counted by callgrind. */
function countInstructions(variant: Variant, stacks: number): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-bench-'));
  try {
    const child = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded',
      path.join(BUILD_DIR, 'child.js'), 'app', variant, String(stacks), outdir], { env: childEnv(false), encoding: 'utf-8' });
    const collected = /Collected\s*:\s*(\d+)/.exec(child.stderr ?? '');
    if (child.status !== 0 || !collected) {
      throw new Error(`callgrind run of ${variant} at ${stacks}x failed (${child.status ?? child.error}):\n${child.stderr}`);
    }
    return Number(collected[1]);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function measureInstructions(): void {
  console.log('\ninstructions executed (callgrind, node --single-threaded, validation off), one run each');
  console.log(`  ${'scale'.padEnd(8)} ${'raw L1'.padStart(8)} ${'nested L1'.padStart(10)} ${'cdk-connect'.padStart(12)}   ratio   ratio to nested L1`);
  const giga = (n: number) => `${(n / 1e9).toFixed(2)} G`;
  for (const scale of SCALES) {
    const [l1, nested, l2] = APP_VARIANTS.map(variant => countInstructions(variant, scale));
    console.log(`  ${`${scale}x`.padEnd(8)} ${giga(l1).padStart(8)} ${giga(nested).padStart(10)} ${giga(l2).padStart(12)} ${ratio(l2, l1)} ${ratio(l2, nested).padStart(20)}`);
  }
}

function runApp(variant: Variant, stacks: number, validation: boolean): AppRun {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-bench-'));
  try {
    const { wall, out } = runChild(['app', variant, String(stacks), outdir], validation);
    return { wall, ...out };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The variants in the order of run `run`: alternating, so that neither always goes first. */
function ordered(variants: Variant[], run: number): Variant[] {
  return run % 2 ? [...variants].reverse() : variants;
}

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(9);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(7);

function measureApps(validation: boolean): boolean {
  let met = true;
  const runCount = validation ? VALIDATION_RUNS : RUNS;
  console.log(`\naws-cdk-lib template validation ${validation ? 'on (its default)' : 'off (CDK_VALIDATION=false)'}, median of ${runCount} run${runCount > 1 ? 's' : ''}, each a fresh node process`);
  console.log(`  ${'scale'.padEnd(20)} ${'phase'.padEnd(13)} ${'raw L1'.padStart(9)} ${'nested L1'.padStart(10)} ${'cdk-connect'.padStart(11)}   ratio   difference   ratio to nested L1`);
  for (const scale of SCALES) {
    const runs = new Map<Variant, AppRun[]>(APP_VARIANTS.map(v => [v, []]));
    for (let run = 0; run < runCount; run++) {
      for (const variant of ordered(APP_VARIANTS, run)) runs.get(variant)!.push(runApp(variant, scale, validation));
    }
    const l1 = runs.get('raw-l1')!;
    const nested = runs.get('nested-l1')!;
    const l2 = runs.get('cdk-connect')!;
    const label = `${scale}x: ${l2[0].resources} res, ${l2[0].stacks} st${l2[0].stacks > 1 ? 's' : ''}`;
    if (l1[0].resources !== l2[0].resources || nested[0].resources !== l2[0].resources) {
      throw new Error(`the variants differ: raw L1 has ${l1[0].resources} resources, nested L1 ${nested[0].resources}, cdk-connect ${l2[0].resources}`);
    }
    for (const phase of ['wall', 'cpu', 'load', 'constructors', 'synth'] as const) {
      const a = median(l1.map(r => r[phase]));
      const n = median(nested.map(r => r[phase]));
      const b = median(l2.map(r => r[phase]));
      const name = phase === 'cpu' ? 'CPU' : phase === 'synth' ? 'app.synth()' : phase;
      console.log(`  ${(phase === 'wall' ? label : '').padEnd(20)} ${name.padEnd(13)} ${ms(a)} ${ms(n).padStart(10)} ${ms(b).padStart(11)} ${ratio(b, a)} ${`${b - a >= 0 ? '+' : ''}${(b - a).toFixed(0)} ms`.padStart(12)} ${ratio(b, n).padStart(20)}`);
      if (!validation && phase === 'wall' && b / a > 1.1) met = false;
    }
  }
  return met;
}

function measureLoad(): boolean {
  const runs = new Map<Variant, LoadRun[]>(LOAD_VARIANTS.map(v => [v, []]));
  for (const variant of LOAD_VARIANTS) runChild(['load', variant], true); // warm-up
  for (let run = 0; run < RUNS; run++) {
    for (const variant of ordered(LOAD_VARIANTS, run)) runs.get(variant)!.push(runChild(['load', variant], true).out);
  }
  const rq = (v: Variant) => median(runs.get(v)!.map(r => r.require));
  const load = (v: Variant) => median(runs.get(v)!.map(r => r.load));
  console.log(`\nload, median of ${RUNS} fresh node processes`);
  console.log(`  require('aws-cdk-lib').aws_connect: ${ms(rq('raw-l1'))} (node start to loaded: ${ms(load('raw-l1')).trim()})`);
  console.log(`  require('cdk-connect'):             ${ms(rq('cdk-connect'))} (node start to loaded: ${ms(load('cdk-connect')).trim()})`);
  const extra = rq('cdk-connect') - rq('raw-l1');
  console.log(`  cdk-connect loads in ${extra.toFixed(0)} ms more (target: at most 50 ms more)`);
  return extra <= 50;
}

prepare();
process.on('exit', () => fs.rmSync(BUILD_DIR, { recursive: true, force: true }));
for (const variant of APP_VARIANTS) runApp(variant, 1, false); // warm-up: the file cache, for all alike
console.log(`bench/synth: the reference contact center (1 instance, ${SCALE.hoursOfOperation} hours of operation, ${SCALE.queues} queues, `
  + `${SCALE.routingProfiles} routing profiles, ${SCALE.flows + 2} flows, ${SCALE.users} users, ${SCALE.securityProfiles} security profiles, `
  + `${SCALE.quickConnects} quick connects) per stack, at ${SCALES.map(s => `${s}x`).join(', ')}; cdk-connect from ${path.relative(ROOT, path.dirname(LIB)) || '.'}/`);
const loadMet = measureLoad();
const offMet = measureApps(false);
if (VALIDATION_RUNS > 0) {
  measureApps(true);
}
if (process.env.BENCH_INSTRUCTIONS === '1') {
  measureInstructions();
}
console.log(`\ntargets: cdk-connect at most 1.10x raw L1 wall with validation off at every scale: ${offMet ? 'met' : 'NOT met'}; `
  + `load at most 50 ms above raw L1: ${loadMet ? 'met' : 'NOT met'} (figures only: the bench asserts neither)`);
