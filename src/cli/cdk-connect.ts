#!/usr/bin/env node
/**
 * The `cdk-connect` command: tools around the library that run outside a CDK app.
 *
 *   cdk-connect import-flow <file.json> [--out <file.ts>] [--module <name>]
 *
 * Uses only Node.js's own modules and the library.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateFlowCode, LIBRARY_MODULE } from '../flows/import/codegen';

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

Options of import-flow:
  --out <file.ts>           Write the code to a file instead of standard output.
  --module <name>           The module the code imports cdk-connect from (default: ${LIBRARY_MODULE}).
  -h, --help                Show this help.

The code declares a variable for every ARN of a queue, prompt, flow, Lambda function or other resource in the
file, listed at its top: replace each with a construct of your app.
`;

/** A problem the user can fix: printed without a stack trace, exit code 1. */
class UsageError extends Error {}

/**
 * Runs the command with its arguments (without `node` and the script).
 *
 * @returns the exit code: 0 on success, 1 on errors
 */
export function main(args: readonly string[], output: CliOutput = processOutput()): number {
  try {
    return run(args, output);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.stderr(`cdk-connect: ${message}\n`);
    if (e instanceof UsageError) {
      output.stderr('Run cdk-connect --help for the usage.\n');
    }
    return 1;
  }
}

function run(args: readonly string[], output: CliOutput): number {
  if (args.length === 0) {
    output.stderr(USAGE);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    output.stdout(USAGE);
    return 0;
  }
  const [command, ...rest] = args;
  if (command !== 'import-flow') {
    throw new UsageError(`unknown command '${command}'; the command is import-flow`);
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

function processOutput(): CliOutput {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  };
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
