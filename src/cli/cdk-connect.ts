#!/usr/bin/env node
/**
 * The `cdk-connect` command: tools around the library that run outside a CDK app.
 *
 *   cdk-connect import-flow <file.json> [--out <file.ts>] [--module <name>]
 *   cdk-connect test-chat <folder> [--app <cdk.out>] [--junit <file.xml>] [--coverage]
 *   cdk-connect test-chat <folder> --instance <id> --flow <id> [--region <region>] [--timeout <seconds>] [--junit <file.xml>]
 *
 * Uses only Node.js's own modules and the library (the live runner loads the library's bundled runtime).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { generateFlowCode, LIBRARY_MODULE } from '../flows/import/codegen';
import { FlowCoverage } from '../testing/coverage';
import { junitXml } from '../testing/junit';
import { LiveChatRunner } from '../testing/live';
import { ChatScript, ChatScriptResult } from '../testing/script';
import { SimulatedContactCenter } from '../testing/simulator';

/** Where the command writes. */
export interface CliOutput {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;

  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
}

const USAGE = `Usage: cdk-connect <command> [options]

Commands:
  import-flow <file.json>   Turn an Amazon Connect flow language file (for example a flow exported from the
                            Amazon Connect console) into TypeScript code that builds the flow with cdk-connect.
  test-chat <folder>        Run the chat test scripts (*.json, *.yaml) of a folder on the flow simulator, against
                            the flows of a synthesized app (cdk.out), or live against a deployed instance.

Options of import-flow:
  --out <file.ts>           Write the code to a file instead of standard output.
  --module <name>           The module the code imports cdk-connect from (default: ${LIBRARY_MODULE}).
  -h, --help                Show this help.

Options of test-chat:
  --app <dir>               The synthesized app (cloud assembly) whose flows the scripts run on (default: cdk.out).
  --junit <file.xml>        Also write the results as JUnit XML.
  --coverage                Print which actions and branches of each flow the scripts took, and which not.
  --instance <id>           Run live against this Amazon Connect instance (id or ARN), with --flow.
  --flow <id>               The flow (id or ARN) live chats start in.
  --region <region>         The instance's Region (default: AWS_REGION).
  --timeout <seconds>       How long a live step waits for the flow (default: 30).
  Exit codes of test-chat: 0 every script passed, 1 a script failed, 2 usage or infrastructure errors.

The code declares a variable for every ARN of a queue, prompt, flow, Lambda function or other resource in the
file, listed at its top: replace each with a construct of your app.
`;

/** A problem the user can fix: printed without a stack trace, exit code 1 (2 for test-chat). */
class UsageError extends Error {}

/** Exit codes of test-chat. */
const PASSED = 0;
const FAILED = 1;
const BROKEN = 2;

/**
 * Runs the command with its arguments (without `node` and the script).
 *
 * @returns the exit code: 0 on success, 1 on errors
 */
export async function main(args: readonly string[], output: CliOutput = processOutput()): Promise<number> {
  try {
    return await run(args, output);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.stderr(`cdk-connect: ${message}\n`);
    if (e instanceof UsageError) {
      output.stderr('Run cdk-connect --help for the usage.\n');
    }
    return args[0] === 'test-chat' ? BROKEN : 1;
  }
}

async function run(args: readonly string[], output: CliOutput): Promise<number> {
  if (args.length === 0) {
    output.stderr(USAGE);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    output.stdout(USAGE);
    return 0;
  }
  const [command, ...rest] = args;
  if (command === 'test-chat') {
    return testChat(parseTestChatArgs(rest), output);
  }
  if (command !== 'import-flow') {
    throw new UsageError(`unknown command '${command}'; the commands are import-flow and test-chat`);
  }
  return importFlow(parseImportFlowArgs(rest), output);
}

interface ImportFlowArgs {
  readonly file: string;
  readonly out?: string;
  readonly moduleName?: string;
}

function parseImportFlowArgs(args: readonly string[]): ImportFlowArgs {
  const files: string[] = [];
  let out: string | undefined;
  let moduleName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (option === '--out' || option === '--module') {
      const value = inline ?? args[++i];
      if (value === undefined || value.length === 0) {
        throw new UsageError(`${option} needs a value`);
      }
      if (option === '--out') {
        out = value;
      } else {
        moduleName = value;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}' of import-flow; options: --out <file.ts>, --module <name>`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    throw new UsageError(files.length === 0
      ? 'import-flow needs the flow file: cdk-connect import-flow <file.json>'
      : `import-flow takes one flow file, got ${files.length}: ${files.join(', ')}`);
  }
  return { file: files[0], out, moduleName };
}

function importFlow(args: ImportFlowArgs, output: CliOutput): number {
  let text: string;
  try {
    text = fs.readFileSync(args.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT'
      ? `flow file '${args.file}' does not exist`
      : `cannot read flow file '${args.file}': ${(e as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw new Error(`flow file '${args.file}' is not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`);
  }

  const generated = generateFlowCode(document, `flow file '${args.file}'`, {
    sourceName: path.basename(args.file),
    moduleName: args.moduleName,
  });

  if (generated.unreachable.length > 0) {
    output.stderr(`cdk-connect: warning: ${generated.unreachable.length} action${generated.unreachable.length === 1 ? ' is' : 's are'} `
      + `not reachable from the start action (kept as unreachableActions; they never run): ${generated.unreachable.join(', ')}\n`);
  }
  if (args.out === undefined) {
    output.stdout(generated.code);
    return 0;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, generated.code);
  } catch (e) {
    throw new Error(`cannot write '${args.out}': ${(e as Error).message}`);
  }
  const arns = generated.arns.length;
  const raw = generated.rawActions.length;
  output.stderr(`cdk-connect: wrote ${args.out}: ${generated.actionCount} action${generated.actionCount === 1 ? '' : 's'} `
    + `(${generated.actionCount - raw} typed, ${raw} RawAction${raw === 1 ? '' : 's'}), ${arns} ARN${arns === 1 ? '' : 's'} to map\n`);
  return 0;
}

interface TestChatArgs {
  readonly folder: string;
  readonly app: string;
  readonly junit?: string;
  readonly coverage: boolean;
  readonly instance?: string;
  readonly flow?: string;
  readonly region?: string;
  readonly timeoutSeconds: number;
}

const TEST_CHAT_OPTIONS = ['--app', '--junit', '--instance', '--flow', '--region', '--timeout'];

function parseTestChatArgs(args: readonly string[]): TestChatArgs {
  const folders: string[] = [];
  const values = new Map<string, string>();
  let coverage = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (TEST_CHAT_OPTIONS.includes(option)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.length === 0) {
        throw new UsageError(`${option} needs a value`);
      }
      values.set(option, value);
    } else if (option === '--coverage') {
      coverage = true;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option '${arg}' of test-chat; options: ${[...TEST_CHAT_OPTIONS, '--coverage'].join(', ')}`);
    } else {
      folders.push(arg);
    }
  }
  if (folders.length !== 1) {
    throw new UsageError(folders.length === 0
      ? 'test-chat needs the folder of chat scripts: cdk-connect test-chat <folder>'
      : `test-chat takes one folder, got ${folders.length}: ${folders.join(', ')}`);
  }
  const instance = values.get('--instance');
  const flow = values.get('--flow');
  if ((instance === undefined) !== (flow === undefined)) {
    throw new UsageError('a live run needs both --instance <id> and --flow <id>');
  }
  if (instance !== undefined && (values.has('--app') || coverage)) {
    throw new UsageError('--app and --coverage are for runs on the simulator; a live run (--instance) takes neither');
  }
  const timeout = values.get('--timeout');
  const timeoutSeconds = timeout === undefined ? 30 : Number(timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, got '${timeout}'`);
  }
  return {
    folder: folders[0],
    app: values.get('--app') ?? 'cdk.out',
    junit: values.get('--junit'),
    coverage,
    instance,
    flow,
    region: values.get('--region'),
    timeoutSeconds,
  };
}

async function testChat(args: TestChatArgs, output: CliOutput): Promise<number> {
  const scripts = ChatScript.fromDirectory(args.folder);
  let results: ChatScriptResult[];
  let center: SimulatedContactCenter | undefined;
  if (args.instance !== undefined) {
    const runner = new LiveChatRunner({
      instanceId: args.instance,
      contactFlowId: args.flow!,
      region: args.region,
      stepTimeout: Duration.millis(Math.round(args.timeoutSeconds * 1000)),
      connectEndpoint: process.env.CDK_CONNECT_CONNECT_ENDPOINT,
      participantEndpoint: process.env.CDK_CONNECT_PARTICIPANT_ENDPOINT,
    });
    results = await runner.run(scripts);
  } else {
    center = SimulatedContactCenter.fromAssemblyDirectory(args.app);
    results = scripts.map(script => {
      try {
        return script.run(center!);
      } catch (e) {
        // An error of the simulation (an action it cannot simulate, an answer the script does not give): the script fails.
        return ChatScriptResult._create(script, { failedStep: 0, message: (e as Error).message, notes: [] }, [], 0);
      }
    });
  }

  for (const result of results) {
    const time = `(${result.durationMs} ms)`;
    if (result.passed) {
      output.stdout(`PASS  ${result.scriptName} ${time}\n`);
    } else {
      output.stdout(`${result.infrastructureError ? 'ERROR' : 'FAIL '} ${result.scriptName} ${time}\n${indent(result.failure ?? '')}\n`);
    }
    for (const note of result.notes) {
      output.stdout(`      note: ${note}\n`);
    }
  }
  const failed = results.filter(result => !result.passed && !result.infrastructureError).length;
  const broken = results.filter(result => result.infrastructureError).length;
  output.stdout(`\n${results.length} script${results.length === 1 ? '' : 's'}: ${results.length - failed - broken} passed, ${failed} failed`
    + `${broken > 0 ? `, ${broken} with infrastructure errors` : ''}\n`);
  if (args.coverage && center !== undefined) {
    output.stdout(`\nCoverage:\n${indent(FlowCoverage.of(center, results).toString())}\n`);
  }
  if (args.junit !== undefined) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(args.junit)), { recursive: true });
      fs.writeFileSync(args.junit, junitXml(args.folder, results));
    } catch (e) {
      throw new Error(`cannot write '${args.junit}': ${(e as Error).message}`);
    }
  }
  return broken > 0 ? BROKEN : failed > 0 ? FAILED : PASSED;
}

function indent(text: string): string {
  return text.split('\n').map(line => `      ${line}`).join('\n');
}

function processOutput(): CliOutput {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  };
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(code => { process.exitCode = code; });
}
