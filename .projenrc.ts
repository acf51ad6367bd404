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

  tsconfigDev: {
    include: ['../examples/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {},
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench'],
  },

  gitignore: ['cdk.out/', '/examples/*/cdk.out/', '.readme-tour-*/'],
});

for (const dir of ['/examples/', '/bench/', '/.ci/', '/docs/']) {
  project.npmignore?.exclude(dir);
}

// ts-jest transpiles tests without type-checking them: type-check tests, examples and benchmarks as part of `npm test`.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check the tests, examples and benchmarks',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.testTask.prependSpawn(typecheck);

// Runs the example contact center: synthesizes it into examples/contact-center/cdk.out and prints a summary.
project.addTask('example', {
  description: 'Synthesize examples/contact-center into its cdk.out and print a summary (no AWS account needed)',
  exec: 'ts-node --project test/tsconfig.json examples/contact-center/main.ts',
});

project.addTask('bench', {
  description: 'Run the benchmarks and print their figures',
  exec: 'ts-node --project test/tsconfig.json bench/synth/main.ts',
});

project.synth();
