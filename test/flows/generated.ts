import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as interfaces from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import * as ts from 'typescript';
import { renderFlow, renderModule } from './render';
import * as library from '../../src';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { HoursOfOperation } from '../../src/constructs/hours-of-operation';
import { IInstance, Instance } from '../../src/constructs/instance';
import { Prompt } from '../../src/constructs/prompt';
import { Queue } from '../../src/constructs/queue';
import { QuickConnect } from '../../src/constructs/quick-connect';
import { TaskTemplate } from '../../src/constructs/task-template';
import { User } from '../../src/constructs/user';
import { View } from '../../src/constructs/view';
import { FlowDefinition } from '../../src/flows';
import { ArnVariable, GeneratedFlowCode } from '../../src/flows/import/codegen';

/*
 * What the tests of generated builder code share (test/flows/codegen.test.ts and corpus.test.ts): type-checking the
 * code, running it with constructs for its ARN variables, and comparing what it renders with the flow file.
 */

/** The instance the flow files of the fixtures were exported from. */
export const SOURCE = 'arn:aws:connect:us-west-2:444455556666:instance/99999999-8888-7777-6666-555555555555';

/** The sources of the library, which generated code imports in the tests. */
export const SRC = path.join(__dirname, '..', '..', 'src');

/**
 * Type-checks TypeScript files against the library's sources with the test compiler options; returns the messages
 * of the errors in those files.
 */
export function typeCheck(files: string[]): string[] {
  const configPath = path.join(__dirname, '..', 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  return files.flatMap(file => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(diagnostic => {
      const { line } = diagnostic.start !== undefined ? source.getLineAndCharacterOfPosition(diagnostic.start) : { line: -1 };
      return `${path.basename(file)}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
  });
}

/** A construct for each ARN variable of generated code, imported by its ARN (so it renders as the ARN). */
export function constructsFor(stack: Stack, arns: readonly ArnVariable[], instance?: IInstance): Record<string, unknown> {
  const importers: Record<string, (id: string, arn: string) => unknown> = {
    queue: (id, arn) => Queue.fromQueueArn(stack, id, arn),
    prompt: (id, arn) => Prompt.fromPromptArn(stack, id, arn),
    contactFlow: (id, arn) => ContactFlow.fromContactFlowArn(stack, id, arn),
    flowModule: (id, arn) => ContactFlowModule.fromContactFlowModuleArn(stack, id, arn),
    hoursOfOperation: (id, arn) => HoursOfOperation.fromHoursOfOperationArn(stack, id, arn),
    user: (id, arn) => User.fromUserArn(stack, id, arn),
    quickConnect: (id, arn) => QuickConnect.fromQuickConnectArn(stack, id, arn),
    view: (id, arn) => /:aws:view\//.test(arn) ? View.fromManagedViewArn(stack, id, arn, instance!) : View.fromViewArn(stack, id, arn),
    taskTemplate: (id, arn) => TaskTemplate.fromTaskTemplateArn(stack, id, arn),
    lambdaFunction: (id, arn) => lambda.Function.fromFunctionArn(stack, id, arn),
    userPool: (id, arn) => cognito.UserPool.fromUserPoolArn(stack, id, arn),
    userPoolClient: (id, clientId) => cognito.UserPoolClient.fromUserPoolClientId(stack, id, clientId),
    lexBotAlias: (id, arn) => {
      const [, botId, botAliasId] = /bot-alias\/([^/]+)\/([^/]+)$/.exec(arn)!;
      return Object.assign(new Construct(stack, id), {
        env: { account: stack.account, region: stack.region },
        botAliasRef: { botAliasArn: arn, botId, botAliasId },
      });
    },
  };
  return Object.fromEntries(arns.map(arn => [arn.name, arn.kind ? importers[arn.kind.name](arn.name, arn.arn) : arn.arn]));
}

/**
 * Runs generated code (transpiled to CommonJS) with its `declare const`s bound to the given values; returns its
 * exports. The library module resolves to the sources.
 */
export function evaluate(code: string, moduleName: string, values: Record<string, unknown>): any {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: any = {};
  const modules: Record<string, unknown> = {
    [moduleName]: library,
    'aws-cdk-lib': cdk,
    'aws-cdk-lib/aws-lambda': lambda,
    'aws-cdk-lib/interfaces': interfaces,
    'aws-cdk-lib/aws-cognito': cognito,
  };
  const requireFor = (request: string) => {
    if (!(request in modules)) {
      throw new Error(`generated code imports ${request}`);
    }
    return modules[request];
  };
  new Function('require', 'exports', 'module', ...Object.keys(values), js)(requireFor, exports, { exports }, ...Object.values(values));
  return exports;
}

/** Actions sorted by identifier, for comparing documents whatever the order of their actions. */
export function sorted(actions: any[]): any[] {
  return [...actions].sort((a, b) => a.Identifier.localeCompare(b.Identifier));
}

/** A stack whose instance is the one the flow files were exported from, so that references to its resources check. */
export function sourceStack(): { app: App; stack: Stack; instance: IInstance } {
  const app = new App();
  const stack = new Stack(app, 'Test', { env: { account: '444455556666', region: 'us-west-2' } });
  const instance = Instance.fromInstanceArn(stack, 'Instance', SOURCE);
  return { app, stack, instance };
}

/**
 * The actions of a flow document as they must render again: in identifier order, with empty `Errors` and `Conditions`
 * lists left out, and absent `Parameters` and `Transitions` as empty objects (how a rendered flow writes them).
 */
export function roundTripActions(document: any): any[] {
  return sorted(document.Actions.map((action: any) => {
    const transitions: Record<string, unknown> = { ...action.Transitions };
    for (const list of ['Errors', 'Conditions']) {
      if (Array.isArray(transitions[list]) && (transitions[list] as unknown[]).length === 0) {
        delete transitions[list];
      }
    }
    return { Identifier: action.Identifier, Type: action.Type, Parameters: action.Parameters ?? {}, Transitions: transitions };
  }));
}

/** Renders generated code's definition into a flow (or flow module) of a stack of the source instance. */
export function renderGenerated(generated: GeneratedFlowCode, moduleName: string, flowType: ContactFlowType | 'MODULE' = ContactFlowType.CONTACT_FLOW): any {
  const stackAndInstance = sourceStack();
  const exports = evaluate(generated.code, moduleName, constructsFor(stackAndInstance.stack, generated.arns, stackAndInstance.instance));
  expect(exports.definition).toBeInstanceOf(FlowDefinition);
  return flowType === 'MODULE'
    ? renderModule(exports.definition, stackAndInstance).document
    : renderFlow(exports.definition, flowType, stackAndInstance).document;
}

