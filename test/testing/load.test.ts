import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The modules of node_modules a fresh node process has loaded after running a script (the library from source). */
function loadedPackages(script: string): string[] {
  const program = `${script}; const names = new Set(Object.keys(require.cache).map(f => (/node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f) || [])[1]).filter(Boolean)); console.log(JSON.stringify([...names]));`;
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', program], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json') },
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

describe('loading the library', () => {
  test('require(\'cdk-connect\') loads neither the SDK, ws nor yaml; a YAML script loads the bundled runtime only', () => {
    const loaded = loadedPackages('const lib = require(\'./src\'); lib.ChatScript.fromYamlString(\'name: n\\nflow: f\\nsteps:\\n  - expect: hi\\n\')');
    expect(loaded).toContain('aws-cdk-lib');
    expect(loaded.filter(name => /^(@aws-sdk\/|ws$|yaml$)/.test(name))).toEqual([]);
  }, 60000);
});
