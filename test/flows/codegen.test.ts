import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as interfaces from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import * as ts from 'typescript';
import * as library from '../../src';
import { ContactFlow } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { HoursOfOperation } from '../../src/constructs/hours-of-operation';
import { Prompt } from '../../src/constructs/prompt';
import { Queue } from '../../src/constructs/queue';
import { QuickConnect } from '../../src/constructs/quick-connect';
import { TaskTemplate } from '../../src/constructs/task-template';
import { User } from '../../src/constructs/user';
import { View } from '../../src/constructs/view';
import { FlowDefinition, RawAction } from '../../src/flows';
import { ActionEmitter, actionVariableBase, ArnVariable, GeneratedFlowCode, generateFlowCode } from '../../src/flows/import/codegen';
import { testStack } from '../helpers';
import { renderFlow } from './render';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flows', 'import');
const SRC = path.join(__dirname, '..', '..', 'src');
const SOURCE = 'arn:aws:connect:us-west-2:444455556666:instance/99999999-8888-7777-6666-555555555555';
const SOURCE_QUEUE = `${SOURCE}/queue/aaaaaaaa-0000-0000-0000-000000000001`;

function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

function generate(document: any, options: Parameters<typeof generateFlowCode>[2] = {}): GeneratedFlowCode {
  return generateFlowCode(document, 'flow document', options);
}

/** A flow document of the given actions. */
function flow(start: string, actions: any[]): any {
  return { Version: '2019-10-30', StartAction: start, Actions: actions };
}

function custom(id: string, transitions: any = {}, parameters: any = {}, type: string = 'CustomStep'): any {
  return { Identifier: id, Type: type, Parameters: parameters, Transitions: transitions };
}

/**
 * Type-checks TypeScript files against the library's sources with the test compiler options; returns the messages
 * of the errors in those files.
 */
function typeCheck(files: string[]): string[] {
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
function constructsFor(stack: Stack, arns: readonly ArnVariable[]): Record<string, unknown> {
  const importers: Record<string, (id: string, arn: string) => unknown> = {
    queue: (id, arn) => Queue.fromQueueArn(stack, id, arn),
    prompt: (id, arn) => Prompt.fromPromptArn(stack, id, arn),
    contactFlow: (id, arn) => ContactFlow.fromContactFlowArn(stack, id, arn),
    flowModule: (id, arn) => ContactFlowModule.fromContactFlowModuleArn(stack, id, arn),
    hoursOfOperation: (id, arn) => HoursOfOperation.fromHoursOfOperationArn(stack, id, arn),
    user: (id, arn) => User.fromUserArn(stack, id, arn),
    quickConnect: (id, arn) => QuickConnect.fromQuickConnectArn(stack, id, arn),
    view: (id, arn) => View.fromViewArn(stack, id, arn),
    taskTemplate: (id, arn) => TaskTemplate.fromTaskTemplateArn(stack, id, arn),
    lambdaFunction: (id, arn) => lambda.Function.fromFunctionArn(stack, id, arn),
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
function evaluate(code: string, moduleName: string, values: Record<string, unknown>): any {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: any = {};
  const modules: Record<string, unknown> = { [moduleName]: library, 'aws-cdk-lib/aws-lambda': lambda, 'aws-cdk-lib/interfaces': interfaces };
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
function sorted(actions: any[]): any[] {
  return [...actions].sort((a, b) => a.Identifier.localeCompare(b.Identifier));
}

describe('generated code for flow files', () => {
  let dir: string;
  let moduleName: string;
  const cases: Record<string, { generated: GeneratedFlowCode; file: string }> = {};
  let diagnostics: string[];

  beforeAll(() => {
    // Inside test/, so that the generated code resolves aws-cdk-lib and the sources as the tests do.
    dir = fs.mkdtempSync(path.join(__dirname, '..', '.codegen-'));
    moduleName = path.relative(dir, SRC).split(path.sep).join('/');
    for (const name of ['exported-inbound.json', 'edge-cases.json']) {
      const generated = generateFlowCode(fixture(name), `flow file '${name}'`, { sourceName: name, moduleName });
      const file = path.join(dir, name.replace(/\.json$/, '.ts'));
      fs.writeFileSync(file, generated.code);
      cases[name] = { generated, file };
    }
    // A file with a type error, to show that the check finds errors.
    const broken = path.join(dir, 'broken.ts');
    fs.writeFileSync(broken, `import { RawAction } from '${moduleName}';\nexport const action = new RawAction('a', { actionType: 1 });\n`);
    diagnostics = typeCheck([...Object.values(cases).map(c => c.file), broken]);
  }, 120_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('type-checks against the library', () => {
    expect(diagnostics.filter(message => !message.startsWith('broken.ts'))).toEqual([]);
    expect(diagnostics.filter(message => message.startsWith('broken.ts'))).toEqual([
      expect.stringMatching(/^broken.ts:2: Type 'number' is not assignable to type 'string'/),
    ]);
  });

  test.each(['exported-inbound.json', 'edge-cases.json'])('renders the actions of %s when evaluated', name => {
    const { generated } = cases[name];
    const stackAndInstance = testStack();
    const exports = evaluate(generated.code, moduleName, constructsFor(stackAndInstance.stack, generated.arns));
    expect(exports.definition).toBeInstanceOf(FlowDefinition);
    const { document } = renderFlow(exports.definition, undefined, stackAndInstance);
    const input = fixture(name);
    const reachable = input.Actions.filter((action: any) => action.Identifier !== 'Orphan');
    expect(sorted(document.Actions)).toEqual(sorted(reachable));
    expect(document.StartAction).toBe(input.StartAction);
  });

  test('declares one variable of the construct interface for each ARN, named from its kind', () => {
    const { generated } = cases['exported-inbound.json'];
    expect(generated.arns.map(arn => `${arn.name}: ${arn.typeName}`)).toEqual([
      'prompt1: IPrompt',
      'lambdaFunction1: lambda.IFunction',
      'lexBotAlias1: lexRefs.IBotAliasRef',
      'queue1: IQueue',
      'contactFlow1: IContactFlow',
    ]);
    const code = generated.code;
    expect(code).toContain('declare const queue1: IQueue;');
    expect(code).toContain('    QueueId: queue1.queueArn,');
    expect(code).toContain('    LambdaFunctionARN: lambdaFunction1.functionArn,');
    expect(code).toContain('      AliasArn: lexBotAlias1.botAliasRef.botAliasArn,');
    expect(code).toContain('  lambdaFunctions: [lambdaFunction1],');
    expect(code).toContain('  lexBotAliases: [lexBotAlias1],');
    expect(code).toContain('import * as lambda from \'aws-cdk-lib/aws-lambda\';');
    expect(code).toContain('import { aws_lex as lexRefs } from \'aws-cdk-lib/interfaces\';');
    expect(code).not.toContain('arn:aws:connect:us-west-2:444455556666:instance/99999999-8888-7777-6666-555555555555/queue/aaaaaaaa-0000-0000-0000-000000000001\'');
  });

  test('lists the ARNs to map in the header', () => {
    const header = cases['exported-inbound.json'].generated.code.split('\n\n')[0];
    expect(header).toContain('Generated by `cdk-connect import-flow` from exported-inbound.json');
    expect(header).toMatch(/^\/\/ {3}queue1 +IQueue +arn:aws:connect:us-west-2:444455556666:instance\/9{8}-8888-7777-6666-5{12}\/queue\/a{8}-0000-0000-0000-000000000001$/m);
    expect(header).toMatch(/^\/\/ {3}lambdaFunction1 +lambda.IFunction +arn:aws:lambda:us-west-2:444455556666:function:customer-lookup$/m);
  });

  test('keeps the identifiers, and names variables after them', () => {
    const code = cases['exported-inbound.json'].generated.code;
    expect(code).toContain('const Greeting = new RawAction(\'Greeting\', {');
    expect(code).toContain('const lookupCustomer = new RawAction(\'Lookup customer\', {');
    expect(code).toContain('const disconnectParticipant1 = new RawAction(\'0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d7c\', {');
    expect(code).toContain('export const definition = FlowDefinition.start(Greeting);');
  });

  test('declares every action before linking them', () => {
    const code = cases['exported-inbound.json'].generated.code;
    const lastDeclaration = code.lastIndexOf('= new RawAction(');
    expect(code.indexOf('Greeting.next(lookupCustomer);')).toBeGreaterThan(lastDeclaration);
    expect(code).toContain([
      'askBot',
      '  .when(FlowCondition.equalTo(\'Billing\'), setQueue)',
      '  .otherwise(setQueue)',
      '  .onErrorType(\'InputTimeLimitExceeded\', setQueue)',
      '  .onError(setQueue);',
    ].join('\n'));
  });

  test('makes names unique and legal, and avoids the imported names', () => {
    const { code, arns } = cases['edge-cases.json'].generated;
    expect(code).toContain('const playGreeting = new RawAction(\'Play greeting\'');
    expect(code).toContain('const playGreeting2 = new RawAction(\'Play-greeting\'');
    expect(code).toContain('const RawAction2 = new RawAction(\'RawAction\'');
    expect(code).toContain('const queue1 = new RawAction(\'queue1\'');
    expect(code).toContain('const action1stStep = new RawAction(\'1st step\'');
    expect(code).toContain('const deleteAction = new RawAction(\'delete\'');
    expect(arns.map(arn => arn.name)).toEqual(['queue2', 'routingProfileArn1']);
  });

  test('writes ARNs inside a text as a template, and ARNs no construct stands for as strings', () => {
    const code = cases['edge-cases.json'].generated.code;
    expect(code).toContain('\'Queue note\': `see \\${x} \\`q\\` ${queue2.queueArn} now\\\\`,');
    expect(code).toContain('declare const routingProfileArn1: string;');
    expect(code).toContain('    Profile: routingProfileArn1,');
  });

  test('writes conditions with the factory that renders them exactly', () => {
    const code = cases['edge-cases.json'].generated.code;
    expect(code).toContain('.when(FlowCondition.numberGreaterThan(5), deleteAction)');
    expect(code).toContain('.when(FlowCondition.of(\'NumberLessThan\', [\'1.50\']), deleteAction)');
    expect(code).toContain('.when(FlowCondition.textContains(\'x\'), deleteAction)');
    expect(code).toContain('.when(FlowCondition.of(\'CustomOperator\', [\'a\', \'b\']), action1stStep)');
    expect(code).toContain('  .onError(deleteAction)\n  .onErrorType(\'NoMatchingCondition\', deleteAction);');
  });

  test('leaves out actions not reachable from the start, and says so', () => {
    const { code, unreachable, actionCount } = cases['edge-cases.json'].generated;
    expect(unreachable).toEqual(['\'Orphan\' (CustomStep)']);
    expect(actionCount).toBe(6);
    expect(code).toContain('// Left out, not reachable from the start action \'Play greeting\':\n//   \'Orphan\' (CustomStep)');
    expect(code).not.toContain('new RawAction(\'Orphan\'');
  });
});

describe('code generator', () => {
  test.each([
    ['Greeting', 'Greeting'],
    ['play_greeting$', 'play_greeting$'],
    ['Play greeting', 'playGreeting'],
    ['Set VIP queue', 'setVIPQueue'],
    ['check-hours (main)', 'checkHoursMain'],
    ['1st step', 'action1stStep'],
    ['Grüße sagen', 'grüßeSagen'],
    ['delete', 'deleteAction'],
    ['new', 'newAction'],
    ['definition', 'definitionAction'],
    ['require', 'requireAction'],
    ['0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d7c', undefined],
    ['12 34', undefined],
  ])('names the variable of the identifier %j %j', (identifier, name) => {
    expect(actionVariableBase(identifier)).toBe(name);
  });

  test('names actions with generated identifiers after their type, counting', () => {
    const { code } = generate(flow('0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d70', [
      custom('0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d70', { NextAction: '0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d71' }, {}, 'MessageParticipant'),
      custom('0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d71', {}, {}, 'MessageParticipant'),
    ]));
    expect(code).toContain('const messageParticipant1 = new RawAction(\'0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d70\'');
    expect(code).toContain('const messageParticipant2 = new RawAction(\'0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d71\'');
  });

  test('writes the same ARN as one variable, and ARNs of managed resources and other services as they are', () => {
    const { code, arns } = generate(flow('a', [custom('a', {}, {
      One: SOURCE_QUEUE,
      Two: SOURCE_QUEUE,
      View: 'arn:aws:connect:us-west-2:aws:view/wizard',
      Bucket: 'arn:aws:s3:::recordings',
    })]));
    expect(arns.map(arn => arn.name)).toEqual(['queue1']);
    expect(code).toContain('    View: \'arn:aws:connect:us-west-2:aws:view/wizard\',');
    expect(code).toContain('    Bucket: \'arn:aws:s3:::recordings\',');
  });

  test('says so when the file names no resource by ARN', () => {
    expect(generate(flow('a', [custom('a')])).code).toContain('// The flow file names no Amazon Connect, Lambda or Lex resource by ARN.');
  });

  test('quotes keys that are not names, and __proto__ as a computed key', () => {
    const document = JSON.parse('{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{"a b":1,"__proto__":{"x":1}}}]}');
    const { code } = generate(document);
    expect(code).toContain('    \'a b\': 1,');
    expect(code).toContain('    [\'__proto__\']: {');
  });

  test('imports from the module it is told', () => {
    expect(generate(flow('a', [custom('a')]), { moduleName: '@acme/connect' }).code)
      .toContain('import { FlowDefinition, RawAction } from \'@acme/connect\';');
  });

  test('writes actions with the emitter registered for their type, and the RawAction fallback when it declines', () => {
    const emitter: ActionEmitter = (action, context) => {
      if (action.parameters?.Text === undefined) {
        return undefined;
      }
      context.importFromLibrary('MessageParticipant');
      return {
        expression: `new MessageParticipant(${context.literal(action.identifier)}, { text: ${context.literal(action.parameters.Text)} })`,
        linkBranch: branch => (branch.kind === 'error' ? `.onError(${branch.target})` : undefined),
      };
    };
    const { code } = generate(flow('Hello', [
      custom('Hello', { NextAction: 'Silent', Errors: [{ NextAction: 'Silent', ErrorType: 'NoMatchingError' }] }, { Text: 'Hi' }, 'MessageParticipant'),
      custom('Silent', {}, {}, 'MessageParticipant'),
    ]), { emitters: new Map([['MessageParticipant', emitter]]) });
    expect(code).toContain('import { FlowDefinition, MessageParticipant, RawAction } from \'cdk-connect\';');
    expect(code).toContain('const Hello = new MessageParticipant(\'Hello\', { text: \'Hi\' });');
    expect(code).toContain('Hello.next(Silent);\nHello.onError(Silent);');
    expect(code).toContain('const Silent = new RawAction(\'Silent\', {');
  });

  test('fails for a transition to a missing action, naming the action', () => {
    expect(() => generate(flow('a', [custom('a', { NextAction: 'gone' })])))
      .toThrow('flow document: flow action \'a\' (CustomStep) NextAction transitions to \'gone\', which is not an action in the file; actions: \'a\'');
  });

  test('fails for a document that is not flow language', () => {
    expect(() => generate({ Version: '2019-10-30', StartAction: 'a' }))
      .toThrow('flow document is not an Amazon Connect flow language document: Actions must be a non-empty list of actions, got none');
  });

  test('builds the same actions as loading the file', () => {
    // The loader and the generator read files alike: the generated actions are the loader's, in the same order.
    const loaded = FlowDefinition.importFile(path.join(FIXTURES, 'exported-inbound.json'), { allowLiteralArns: true });
    expect(loaded.actions.every(action => action instanceof RawAction)).toBe(true);
    const { code } = generate(fixture('exported-inbound.json'));
    const declared = [...code.matchAll(/= new RawAction\('([^']*)'/g)].map(match => match[1]);
    expect(new Set(declared)).toEqual(new Set(loaded.actions.map(action => action.id)));
  });
});
