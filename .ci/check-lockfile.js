#!/usr/bin/env node
// Offline check of package-lock.json, run by .ci/run before `npm ci`: the lockfile must be one that `npm ci`
// accepts on a fresh machine with an empty cache, on every platform. A warm npm cache hides each of these faults.
//
//   node .ci/check-lockfile.js [path/to/package-lock.json]
//
// Exit status 0 when the lockfile is sound; 1 with one line per fault and how to regenerate it otherwise.
'use strict';

const fs = require('fs');
const path = require('path');

const REGENERATE = [
  'regenerate the lockfile with the current npm:',
  '  delete the faulty entries (or package-lock.json and node_modules), then run `npm install --package-lock-only`,',
  '  and check it on a fresh clone with `npm ci --cache "$(mktemp -d)"` (npm 10 and the current npm 11)',
].join('\n');

/**
 * Where npm would find dependency `name` of the package installed at `location` (a key of `packages`): in the
 * package's own node_modules, then in each enclosing node_modules up to the top level.
 * @param {Record<string, unknown>} packages
 * @param {string} location
 * @param {string} name
 * @returns {string | undefined}
 */
function resolveDependency(packages, location, name) {
  let dir = location;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/**
 * The faults of a parsed package-lock.json (lockfileVersion 2 or 3), one sentence each.
 * @param {any} lock
 * @returns {string[]}
 */
function checkLockfile(lock) {
  const faults = [];
  if (!lock || typeof lock !== 'object' || !lock.packages || typeof lock.packages !== 'object') {
    return ['the lockfile has no "packages" map (lockfileVersion 2 or later is required)'];
  }
  const packages = lock.packages;
  for (const [location, entry] of Object.entries(packages)) {
    if (location === '' || entry.link) continue;
    const lacks = [];
    if (!entry.version) lacks.push('version (npm ci fails with "Invalid Version")');
    if (!entry.integrity && !entry.inBundle) lacks.push('integrity (it is neither bundled nor a link)');
    if (lacks.length > 0) faults.push(`${location} has no ${lacks.join(' and no ')}`);
  }
  for (const [location, entry] of Object.entries(packages)) {
    if (entry.link) continue;
    const groups = location === ''
      ? ['dependencies', 'devDependencies', 'optionalDependencies']
      : ['dependencies', 'optionalDependencies'];
    for (const group of groups) {
      for (const name of Object.keys(entry[group] || {})) {
        if (resolveDependency(packages, location, name) === undefined) {
          const owner = location === '' ? 'the project' : location;
          faults.push(group === 'optionalDependencies'
            ? `optional dependency ${name} of ${owner} is missing from the lockfile (npm ci on a platform that needs it would not install it)`
            : `dependency ${name} of ${owner} is missing from the lockfile (npm ci would not install it)`);
        }
      }
    }
  }
  return faults;
}

function main(argv) {
  const file = path.resolve(argv[0] || path.join(__dirname, '..', 'package-lock.json'));
  let lock;
  try {
    lock = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (e) {
    console.error(`${file}: cannot be read as JSON: ${e.message}`);
    return 1;
  }
  const faults = checkLockfile(lock);
  if (faults.length > 0) {
    console.error(`${file}: ${faults.length} fault(s) that npm ci on a fresh machine would meet:`);
    for (const fault of faults) console.error(`- ${fault}`);
    console.error(REGENERATE);
    return 1;
  }
  console.log(`${path.basename(file)}: ${Object.keys(lock.packages).length - 1} entries, each with a version and integrity; every dependency locked`);
  return 0;
}

module.exports = { checkLockfile, resolveDependency };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
