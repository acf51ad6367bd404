// Runs after the jsii compile (post-compile task): rewrites the barrels of lib/ (lib/index.js and the index.js of the
// folders it re-exports whole, such as lib/flows and lib/chat) so that each export is a getter that requires its
// module on first use, as aws-cdk-lib's own index does. `require('cdk-connect')` then loads only the barrels; an app
// loads the modules of the constructs it uses (and what they import), not the chat endpoints, the flow importer,
// rules or evaluation forms it never touches. jsii reads the .ts sources and the .jsii assembly, not these files:
// the assembly, the .d.ts files and the public API do not change. The rewrite checks that every barrel exports the
// same names, in the same order, before and after.
'use strict';
const fs = require('fs');
const path = require('path');

const lib = path.resolve(__dirname, '..', 'lib');
const EXPORT_STAR = /^__exportStar\(require\("([^"]+)"\), exports\);$/;
// What tsc emits for `export { A, B } from './x'` (a barrel's named re-exports) and for its header.
const NAMED_EXPORT = /^Object\.defineProperty\(exports, "([^"]+)", \{ enumerable: true, get: function \(\) \{ return ([A-Za-z0-9_$]+)\.\1; \} \}\);$/;
const REQUIRE = /^(?:const|var) ([A-Za-z0-9_$]+) = require\("([^"]+)"\);$/;

/** The barrel's re-exports (module specifier and, for named ones, the name) in order, or undefined if not a barrel. */
function parseBarrel(source) {
  const requires = new Map();
  const entries = [];
  let inHelper = false;
  for (const line of source.split('\n')) {
    if (inHelper) {
      if (/^(\}\)\);|\};)$/.test(line)) inHelper = false;
      continue;
    }
    if (/^var __(createBinding|exportStar) = /.test(line)) {
      inHelper = true;
      continue;
    }
    let match;
    if (line === '' || line === '"use strict";' || line.startsWith('//')
      || line === 'Object.defineProperty(exports, "__esModule", { value: true });' || /^exports\.[A-Za-z0-9_$. =]+void 0;$/.test(line)) {
      continue;
    } else if ((match = EXPORT_STAR.exec(line))) {
      entries.push({ spec: match[1] });
    } else if ((match = REQUIRE.exec(line))) {
      requires.set(match[1], match[2]);
    } else if ((match = NAMED_EXPORT.exec(line)) && requires.has(match[2])) {
      entries.push({ spec: requires.get(match[2]), name: match[1] });
    } else {
      return undefined; // anything else: not a pure barrel, leave it as tsc wrote it
    }
  }
  return entries.some((e) => e.name === undefined) ? entries : undefined;
}

/** The lazy form of a barrel (and of the barrels it re-exports whole), as [file, source] pairs, or [] if none. */
function lazify(file) {
  const entries = parseBarrel(fs.readFileSync(file, 'utf-8'));
  if (entries === undefined) return [];
  const eager = Object.keys(require(file)).filter((n) => n !== '__esModule');
  const specOf = new Map();
  const nested = [];
  for (const { spec, name } of entries) {
    const target = require.resolve(path.resolve(path.dirname(file), spec));
    const exported = name === undefined ? Object.keys(require(target)).filter((n) => n !== 'default' && n !== '__esModule') : [name];
    for (const n of exported) {
      if (!specOf.has(n)) specOf.set(n, spec);
    }
    if (path.basename(target) === 'index.js') nested.push(target);
  }
  if (eager.length !== specOf.size || eager.some((n) => !specOf.has(n))) {
    throw new Error(`lazy-barrels: ${path.relative(lib, file)} would export other names than tsc's barrel`);
  }
  const specs = [...new Set(specOf.values())];
  // In tsc's order, so that Object.keys(require('cdk-connect')) does not change.
  const source = [
    '"use strict";',
    '// Rewritten by projenrc/lazy-barrels.js after the compile: each export requires its module on first use.',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    // One loader per module, which keeps what it required: a getter costs a property read after the first use.
    ...specs.map((spec, i) => `let m${i}; const load${i} = () => m${i} ?? (m${i} = require(${JSON.stringify(spec)}));`),
    'Object.defineProperties(exports, {',
    ...eager.map((n) => `  ${n}: { enumerable: true, configurable: true, get: () => load${specs.indexOf(specOf.get(n))}().${n} },`),
    '});',
    '',
  ].join('\n');
  return [[file, source], ...nested.flatMap(lazify)];
}

const done = lazify(path.join(lib, 'index.js'));
for (const [file, source] of done) {
  fs.writeFileSync(file, source);
}
// Check in a fresh process that the lazy barrel exports the same values as the modules (no cycles broken).
const check = require('child_process').spawnSync(process.execPath, ['-e', `
  const index = require(${JSON.stringify(path.join(lib, 'index.js'))});
  for (const name of Object.keys(index)) { if (index[name] === undefined) { console.error('undefined export ' + name); process.exit(1); } }
`], { encoding: 'utf-8' });
if (check.status !== 0) {
  throw new Error(`lazy-barrels: the rewritten barrel does not load: ${check.stderr}`);
}
console.log(`lazy-barrels: ${done.map(([f]) => path.relative(path.dirname(lib), f)).join(', ')}`);
