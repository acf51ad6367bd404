/* eslint-disable no-console */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SAMPLES } from './samples';
import { RunResult } from '../../lambda/engine/run';
import { KIND_LIST } from '../../lambda/kinds';
import { Harness } from '../../test/lambda/harness';

/**
 * The custom resource handler: the size of its bundle, how long a cold Lambda takes to load it (beside loading
 * `@aws-sdk/client-connect` unbundled, and the two chat handlers' bundles), and how many Connect write calls each kind makes per lifecycle step against
 * the fake Connect (create, no-op update, update, delete; a no-op update must make none).
 *
 * Runs: BENCH_RUNS (default 5) fresh `node` processes per load measurement, after one warm-up of each.
 */

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 5);
const ROOT = path.join(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'assets', 'connect-handler', 'index.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds a fresh `node` spends in `require(target)`, measured inside that process. */
function loadMs(target: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); `
    + 'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', AWS_REGION: 'us-east-1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return Number(out.toString());
}

/** The chat endpoints' handlers, bundled like the custom resource handler (assets/chat-*). */
const CHAT_BUNDLES: Array<[string, string]> = ['chat-authentication', 'chat-start']
  .map((name) => [`chat bundle (assets/${name}/index.js)`, path.join(ROOT, 'assets', name, 'index.js')]);

function measureLoad(): void {
  const size = fs.statSync(BUNDLE).size;
  const targets: Array<[string, string]> = [
    ['handler bundle (assets/connect-handler/index.js)', BUNDLE],
    ['@aws-sdk/client-connect, unbundled', '@aws-sdk/client-connect'],
    ...CHAT_BUNDLES,
  ];
  const times = new Map<string, number[]>(targets.map(([name]) => [name, []]));
  for (const [, target] of targets) {
    loadMs(target); // warm-up: the file cache
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so that drift in machine load hits both alike.
    for (const [name, target] of run % 2 ? [...targets].reverse() : targets) {
      times.get(name)!.push(loadMs(target));
    }
  }
  const bundle = median(times.get(targets[0][0])!);
  const sdk = median(times.get(targets[1][0])!);
  console.log(`\nhandler bundle: ${size} bytes (${(size / 1024).toFixed(1)} KiB)`);
  console.log(`module load in a fresh node (require only, median of ${RUNS} runs):`);
  console.log(`  handler bundle:                      ${bundle.toFixed(1)} ms`);
  console.log(`  @aws-sdk/client-connect, unbundled:  ${sdk.toFixed(1)} ms`);
  console.log(`  ratio bundle / unbundled SDK:        ${(bundle / sdk).toFixed(2)}x`);
  for (const [name, file] of CHAT_BUNDLES) {
    const bytes = fs.statSync(file).size;
    console.log(`  ${name}: ${(bytes / 1024).toFixed(1)} KiB, ${median(times.get(name)!).toFixed(1)} ms`);
  }
}

const STEPS = ['create', 'no-op update', 'update', 'delete'] as const;
type Step = typeof STEPS[number];

/** The Connect write calls of each lifecycle step of one kind (one cell per step), or why there are none. */
async function measureKind(resourceType: string): Promise<string[]> {
  const sample = SAMPLES[resourceType];
  if (!sample) {
    return ['no sample'];
  }
  const h = new Harness();
  const cells: string[] = [];
  try {
    const { props, updated } = sample.setup(h.fake, h.instance);
    let physicalId = '';
    const steps: Record<Step, () => Promise<RunResult>> = {
      'create': () => h.create(resourceType, props),
      'no-op update': () => h.update(resourceType, physicalId, props, props),
      'update': () => h.update(resourceType, physicalId, updated, props),
      'delete': () => h.delete(resourceType, physicalId, updated),
    };
    for (const step of STEPS) {
      const before = h.fake.writeCalls();
      const { response, writeCalls } = await steps[step]();
      if (response.Status !== 'SUCCESS') {
        const reason = response.Reason ?? '';
        cells.push(`${step} FAILED: ${reason.length > 200 ? `${reason.slice(0, 200)}...` : reason}`);
        break;
      }
      const reached = h.fake.writeCalls() - before;
      // The engine's count and the fake's agree unless something is off: then both are shown.
      let cell = reached === writeCalls ? String(reached) : `${reached} (engine: ${writeCalls})`;
      if (step === 'no-op update' && reached > 0) {
        cell += ' (must be 0)';
      }
      cells.push(cell);
      physicalId = response.PhysicalResourceId;
    }
  } catch (error) {
    cells.push(`sample failed: ${(error as Error).message}`);
  } finally {
    h.dispose();
  }
  return cells;
}

async function measureWriteCalls(): Promise<void> {
  const rows: string[][] = [];
  for (const kind of KIND_LIST) {
    rows.push([kind.resourceType, ...await measureKind(kind.resourceType)]);
  }
  const header = ['kind', ...STEPS];
  const complete = rows.filter((row) => row.length === header.length);
  const widths = header.map((title, column) => Math.max(title.length, ...(column === 0 ? rows : complete).map((row) => row[column].length)));
  const line = (cells: string[]) => cells.length === header.length
    ? cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')
    : `${cells[0].padEnd(widths[0])}  ${cells.slice(1).join('  ')}`;
  console.log('\nConnect write calls per lifecycle step, against the fake Connect (a no-op update must make none):');
  console.log(`  ${line(header)}`);
  for (const row of rows) {
    console.log(`  ${line(row)}`);
  }
  const missing = KIND_LIST.filter((kind) => !SAMPLES[kind.resourceType]).map((kind) => kind.resourceType);
  if (missing.length > 0) {
    console.log(`  no sample in bench/handler/samples.ts yet: ${missing.join(', ')}`);
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run \`npx projen bundle:handler\` first (npm run bench does)`);
  }
  console.log('bench/handler: the custom resource handler\'s bundle, its load time, and Connect write calls per lifecycle step');
  measureLoad();
  await measureWriteCalls();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
