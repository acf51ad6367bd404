import * as fs from 'fs';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** Where the build puts the bundled handlers (relative to both src/private and lib/private). */
const ASSETS_DIR = path.join(__dirname, '..', '..', 'assets');

/**
 * The code of a handler that the build bundles into `assets/<name>/index.js` (the published package contains it).
 *
 * @param name the bundle's directory under assets/
 * @param what the handler, for the error message
 * @param task the projen task that builds the bundle
 */
export function bundledHandlerCode(name: string, what: string, task: string): lambda.Code {
  const dir = path.join(ASSETS_DIR, name);
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    throw new Error(`the cdk-connect ${what} is missing from ${dir}; build it with \`npx projen ${task}\` (the published package contains it)`);
  }
  return lambda.Code.fromAsset(dir);
}
