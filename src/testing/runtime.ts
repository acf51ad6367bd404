import * as fs from 'fs';
import * as path from 'path';
import type { LiveRunOptions, LiveScriptReport } from './live-types';

/** What the bundled flow testing runtime (assets/flow-testing, built from lambda/testing) exports. */
export interface FlowTestingRuntime {
  parseYaml(text: string): unknown;
  runLive(options: LiveRunOptions): Promise<LiveScriptReport[]>;
}

let runtime: FlowTestingRuntime | undefined;

/** The bundled runtime, loaded at first use (it holds yaml, ws and the SDK clients). */
export function flowTestingRuntime(): FlowTestingRuntime {
  if (runtime === undefined) {
    const file = path.join(__dirname, '..', '..', 'assets', 'flow-testing', 'index.js');
    if (!fs.existsSync(file)) {
      throw new Error(`the cdk-connect flow testing runtime is missing from ${path.dirname(file)}; build it with \`npx projen bundle:chat\` (the published package contains it)`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    runtime = require(file) as FlowTestingRuntime;
  }
  return runtime;
}
