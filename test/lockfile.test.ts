import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The offline lockfile check that .ci/run runs before `npm ci` (.ci/check-lockfile.js). */

const SCRIPT = path.join(__dirname, '..', '.ci', 'check-lockfile.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkLockfile } = require(SCRIPT) as { checkLockfile: (lock: unknown) => string[] };

const INTEGRITY = 'sha512-AAAA';

function lockOf(packages: Record<string, object>): object {
  return { name: 'p', lockfileVersion: 3, requires: true, packages };
}

function sound(): Record<string, object> {
  return {
    '': { name: 'p', devDependencies: { resolver: '^1' } },
    'node_modules/resolver': {
      version: '1.0.0',
      integrity: INTEGRITY,
      dependencies: { helper: '^2' },
      optionalDependencies: { 'binding-linux-x64': '1.0.0', 'binding-darwin-arm64': '1.0.0' },
    },
    'node_modules/resolver/node_modules/helper': { version: '2.0.0', integrity: INTEGRITY },
    'node_modules/binding-linux-x64': { version: '1.0.0', integrity: INTEGRITY, optional: true, os: ['linux'] },
    'node_modules/binding-darwin-arm64': { version: '1.0.0', integrity: INTEGRITY, optional: true, os: ['darwin'] },
    'node_modules/bundler': { version: '1.0.0', integrity: INTEGRITY, dependencies: { inner: '^1' } },
    'node_modules/bundler/node_modules/inner': { version: '1.0.0', inBundle: true },
    'node_modules/local': { resolved: 'packages/local', link: true },
  };
}

function runScript(lock: object): { status: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-'));
  const file = path.join(dir, 'package-lock.json');
  fs.writeFileSync(file, JSON.stringify(lock));
  const result = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf-8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lockfile check', () => {
  test('the project lockfile passes', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf-8'));
    expect(checkLockfile(lock)).toEqual([]);
  });

  test('a sound lockfile passes: bundled entries need no integrity, links need neither, nested and hoisted dependencies resolve', () => {
    expect(checkLockfile(lockOf(sound()))).toEqual([]);
    const result = runScript(lockOf(sound()));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/7 entries, each with a version and integrity; every dependency locked/);
  });

  test('fails on an entry without a version, and the script exits 1 saying how to regenerate', () => {
    const packages = sound();
    packages['node_modules/resolver/node_modules/binding-win32-x64'] = { dev: true, optional: true };
    expect(checkLockfile(lockOf(packages))).toEqual([
      'node_modules/resolver/node_modules/binding-win32-x64 has no version (npm ci fails with "Invalid Version") and no integrity (it is neither bundled nor a link)',
    ]);
    const result = runScript(lockOf(packages));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/1 fault\(s\) that npm ci on a fresh machine would meet/);
    expect(result.stderr).toMatch(/binding-win32-x64 has no version/);
    expect(result.stderr).toMatch(/npm install --package-lock-only/);
    expect(result.stderr).toMatch(/npm ci --cache "\$\(mktemp -d\)"/);
  });

  test('fails on an entry without integrity that is neither bundled nor a link', () => {
    const packages = sound();
    packages['node_modules/binding-linux-x64'] = { version: '1.0.0', optional: true };
    expect(checkLockfile(lockOf(packages))).toEqual([
      'node_modules/binding-linux-x64 has no integrity (it is neither bundled nor a link)',
    ]);
  });

  test('fails when an optional dependency of a locked package is missing (another platform\'s binding)', () => {
    const packages = sound();
    delete packages['node_modules/binding-darwin-arm64'];
    expect(checkLockfile(lockOf(packages))).toEqual([
      'optional dependency binding-darwin-arm64 of node_modules/resolver is missing from the lockfile (npm ci on a platform that needs it would not install it)',
    ]);
  });

  test('fails when a dependency of the project or of a package is missing', () => {
    const packages = sound();
    delete packages['node_modules/resolver/node_modules/helper'];
    (packages[''] as any).devDependencies.absent = '^1';
    expect(checkLockfile(lockOf(packages))).toEqual([
      'dependency absent of the project is missing from the lockfile (npm ci would not install it)',
      'dependency helper of node_modules/resolver is missing from the lockfile (npm ci would not install it)',
    ]);
  });

  test('fails on a lockfile without a packages map, and on one that is not JSON', () => {
    expect(checkLockfile({ lockfileVersion: 1, dependencies: {} })).toEqual([
      'the lockfile has no "packages" map (lockfileVersion 2 or later is required)',
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-'));
    const file = path.join(dir, 'package-lock.json');
    fs.writeFileSync(file, '{ not json');
    const result = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf-8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot be read as JSON/);
  });
});
