import { awscdk, javascript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-connect',
  description: 'AWS CDK L2 constructs for Amazon Connect: declare a whole contact center in code and ship it with cdk deploy',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'amazon-connect', 'connect', 'contact-center'],
  author: 'cdk-connect developers',
  authorAddress: 'cdk-connect@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk-connect/cdk-connect.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  // Tested with Node.js 20 and npm 10 and 11 (README: Supported versions).
  minNodeVersion: '20.0.0',
  projenrcTs: true,

  // aws-cdk-lib 2.276 has every AWS::Connect L1 this library wraps.
  cdkVersion: '2.276.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',

  // We are not hosted on GitHub Actions; CI is `.ci/run`.
  github: false,
  release: false,

  publishToPypi: {
    distName: 'cdk-connect',
    module: 'cdk_connect',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkconnect',
    mavenGroupId: 'io.github.cdkconnect',
    mavenArtifactId: 'cdk-connect',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkConnect',
    packageId: 'CdkConnect',
  },

  jestOptions: {
    // Snapshots are reviewed in pull requests: a test run never rewrites them.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      collectCoverage: false,
    },
  },

  // The Lambda handlers (lambda/) are bundled by esbuild, not compiled by jsii; their SDK is bundled in.
  // The flow testing runtime (lambda/testing/: the live chat runner and YAML scripts) is bundled the same way, with
  // the Participant Service client, ws and yaml, so that `require('cdk-connect')` never loads them.
  devDeps: ['@aws-sdk/client-connect@^3', 'aws-sdk-client-mock@^4', 'esbuild@^0.28',
    '@aws-sdk/client-connectparticipant@^3', 'ws@^8', '@types/ws@^8', 'yaml@^2'],

  // Source maps go next to the JavaScript (lib/**/*.js.map, with the sources in them) instead of inside it: an inline
  // map is three quarters of each file, and node reads and scans all of it whenever an app loads the module, a
  // debugger or `node --enable-source-maps` needs it only then (bench/synth measures the load).
  tsconfig: {
    compilerOptions: { inlineSourceMap: false, sourceMap: true, inlineSources: true },
  },

  tsconfigDev: {
    include: ['../examples/**/*.ts', '../bench/**/*.ts', '../lambda/**/*.ts'],
    compilerOptions: {},
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'lambda'],
  },

  gitignore: ['cdk.out/', '/examples/*/cdk.out/', '.readme-tour-*/', '.codegen-*/', '/assets/connect-handler/',
    '/assets/chat-authentication/', '/assets/chat-start/', '/assets/flow-testing/'],

  // `npx cdk-connect import-flow <file.json>` turns a flow-language file into builder code.
  bin: { 'cdk-connect': 'lib/cli/cdk-connect.js' },
});

project.package.addEngine('npm', '>=10');

for (const dir of ['/examples/', '/bench/', '/.ci/', '/docs/', '/lambda/']) {
  project.npmignore?.exclude(dir);
}

// The Lambda handlers: esbuild bundles (each handler and the AWS SDK it calls) that the package ships in assets/, so
// users need no bundler. Built before compiling, testing, the example and benchmarks.
const esbuild = (entry: string, asset: string) => 'esbuild ' + entry + ' --bundle --platform=node --target=node22 --format=cjs '
  + '--minify --legal-comments=none --log-level=warning --main-fields=module,main --outfile=assets/' + asset + '/index.js';
// The custom resource handler (lambda/): one function per stack serves every kind.
const bundle = project.addTask('bundle:handler', {
  description: 'Bundle the custom resource handler (lambda/) into assets/connect-handler/index.js',
  exec: esbuild('lambda/index.ts', 'connect-handler'),
});
// The chat handlers (lambda/chat/): the redirect endpoint of customer authentication and the chat-start endpoint.
const bundleChat = project.addTask('bundle:chat', {
  description: 'Bundle the chat handlers (lambda/chat/) into assets/chat-authentication and assets/chat-start',
});
bundleChat.exec(esbuild('lambda/chat/authentication.ts', 'chat-authentication'));
bundleChat.exec(esbuild('lambda/chat/start.ts', 'chat-start'));
// The runtime of flow testing (lambda/testing/): the live chat runner (Connect API, Participant Service, websocket) and
// the YAML reader of chat test scripts, loaded by src/testing only when a live run starts or a YAML script is read.
// import() becomes require(): the SDK imports node:http that way, which jest (where tests run the live runner) refuses.
bundleChat.exec(esbuild('lambda/testing/index.ts', 'flow-testing') + ' --supported:dynamic-import=false');
project.preCompileTask.spawn(bundle);
project.preCompileTask.spawn(bundleChat);

// ts-jest transpiles tests without type-checking them: type-check tests, examples and benchmarks as part of `npm test`.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check the tests, examples and benchmarks',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.testTask.prependSpawn(typecheck);
project.testTask.prependSpawn(bundleChat);
project.testTask.prependSpawn(bundle);

// Runs the example contact center: synthesizes it into examples/contact-center/cdk.out and prints a summary.
const example = project.addTask('example', {
  description: 'Synthesize examples/contact-center into its cdk.out and print a summary (no AWS account needed)',
});
example.spawn(bundle);
example.spawn(bundleChat);
example.exec('ts-node --project test/tsconfig.json examples/contact-center/main.ts');

const bench = project.addTask('bench', {
  description: 'Run the benchmarks and print their figures',
});
bench.spawn(bundle);
bench.spawn(bundleChat);
bench.exec('ts-node --project test/tsconfig.json bench/synth/main.ts');
bench.exec('ts-node --transpile-only --project test/tsconfig.json bench/handler/main.ts');
bench.exec('ts-node --project test/tsconfig.json bench/flows/main.ts');
bench.exec('ts-node --project test/tsconfig.json bench/simulator/main.ts');

// `require('cdk-connect')` loads only what an app uses: after the jsii compile, the barrels of lib/ (index.js, flows,
// chat) become getters that require each module on first use (bench/synth measures the load). Part of the compile
// task itself, so that every lib/ (CI's `npx projen compile`, the package) has them.
project.compileTask.exec('node projenrc/lazy-barrels.js');

// The example contact center's flows as Mermaid diagrams in docs/flows, rendered by every build so that a pull
// request shows the picture beside the snapshot; .ci/run fails when the committed diagrams are out of date.
const diagrams = project.addTask('diagrams', {
  description: 'Render the example contact center\'s flows as Mermaid diagrams into docs/flows',
  exec: 'ts-node --project test/tsconfig.json examples/contact-center/diagrams.ts docs/flows',
});
project.postCompileTask.spawn(diagrams);

project.synth();
