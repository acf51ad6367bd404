/* eslint-disable no-console */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ContactCenterStack } from './contact-center-stack';

/**
 * The example contact center as a CDK app.
 *
 * `npm run example` synthesizes it into examples/contact-center/cdk.out and prints a summary; no AWS account
 * or credentials are needed. `npx aws-cdk deploy` from this folder (see cdk.json) deploys it into the account
 * and region of your credentials.
 */
const app = new App({
  // The CDK CLI tells the app where to write; run directly, the app writes beside this file.
  outdir: process.env.CDK_OUTDIR ?? path.join(__dirname, 'cdk.out'),
});

new ContactCenterStack(app, 'ExampleContactCenter', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'cdk-connect example: a small Amazon Connect contact center',
});

const assembly = app.synth();

if (!process.env.CDK_OUTDIR) {
  console.log(`Synthesized ${assembly.stacks.length} stack(s) into ${path.relative(process.cwd(), assembly.directory) || '.'}`);
  for (const stack of assembly.stacks) {
    const resources: Record<string, { Type: string }> = stack.template.Resources ?? {};
    const byType = new Map<string, number>();
    for (const resource of Object.values(resources)) {
      byType.set(resource.Type, (byType.get(resource.Type) ?? 0) + 1);
    }
    console.log(`\n${stack.stackName} (${stack.templateFile}): ${Object.keys(resources).length} resources`);
    for (const [type, count] of [...byType.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${String(count).padStart(4)}  ${type}`);
    }
  }
}
