/* eslint-disable no-console */
import { performance } from 'perf_hooks';

/**
 * One measured run of bench/synth, in a fresh `node` process (main.ts starts it): requires a variant's builder,
 * builds `stacks` copies of the reference contact center (one per stack) and synthesizes them, then prints one
 * line of JSON with the phases (ms since the process started) and the CPU time of the whole process.
 *
 * Arguments: `app <raw-l1|nested-l1|cdk-connect> <stacks> <outdir>`, or `load <raw-l1|cdk-connect>` (only the `require`
 * of the library: `require('aws-cdk-lib').aws_connect` or `require('cdk-connect')`).
 * main.ts transpiles this file and the builders to JavaScript first, so no TypeScript compiler runs here, and
 * points the cdk-connect builder at the compiled package (lib/) as a user's app would load it.
 */

type Build = (stack: import('aws-cdk-lib').Stack) => void;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const [mode, variant, stacksArg, outdir] = process.argv.slice(2);

if (mode === 'load') {
  const start = performance.now();
  if (variant === 'raw-l1') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    void require('aws-cdk-lib').aws_connect;
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(process.env.BENCH_CDK_CONNECT!);
  }
  const end = performance.now();
  console.log(JSON.stringify({ require: end - start, load: end, cpu: cpuMs() }));
} else {
  // What the app requires: aws-cdk-lib's App and Stack, and the builder with the library it uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk: typeof import('aws-cdk-lib') = require('aws-cdk-lib');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const build: Build = variant === 'raw-l1' ? require('./raw-l1').buildWithL1
    : variant === 'nested-l1' ? require('./raw-l1').buildWithNestedL1
      : require('./cdk-connect').buildWithCdkConnect;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const loaded = performance.now();

  const app = new cdk.App({ outdir });
  const stacks = Number(stacksArg);
  for (let i = 0; i < stacks; i++) {
    build(new cdk.Stack(app, `Bench${i}`, { env: { account: '111122223333', region: 'us-east-1' } }));
  }
  const constructed = performance.now();

  const assembly = app.synth();
  const synthesized = performance.now();

  let resources = 0;
  for (const stack of assembly.stacks) {
    resources += Object.keys(stack.template.Resources ?? {}).length;
  }
  console.log(JSON.stringify({
    load: loaded,
    constructors: constructed - loaded,
    synth: synthesized - constructed,
    total: synthesized,
    cpu: cpuMs(),
    resources,
    stacks: assembly.stacks.length,
  }));
}
