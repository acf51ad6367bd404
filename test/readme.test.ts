import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';

/**
 * The README's tour is one program split into snippets. This test puts the snippets together into a stack,
 * type-checks it against the library's source and synthesizes it, so the tour cannot drift from the API.
 */

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

function tourSnippets(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const start = readme.indexOf('\n## A tour');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  const tour = readme.slice(start, end);
  return [...tour.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]);
}

function writeTourProgram(dir: string): string {
  const [imports, ...body] = tourSnippets();
  const program = [
    imports.replace(/from 'cdk-connect';/g, `from ${JSON.stringify(SRC)};`),
    "import { App as TourApp, Stack as TourStack } from 'aws-cdk-lib';",
    'export class Tour extends TourStack {',
    '  constructor(scope: TourApp, id: string) {',
    "    super(scope, id, { env: { account: '111122223333', region: 'us-east-1' } });",
    ...body.map(snippet => snippet.replace(/^/gm, '    ')),
    '  }',
    '}',
  ].join('\n');
  const file = path.join(dir, 'tour.ts');
  fs.writeFileSync(file, program);
  // The tour's prompt reads assets/welcome.wav beside the app.
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'contact-center', 'assets', 'welcome.wav'), path.join(dir, 'assets', 'welcome.wav'));
  return file;
}

describe('README tour', () => {
  // Inside the repository, so that the program resolves aws-cdk-lib from node_modules like a user's app would.
  const dir = fs.mkdtempSync(path.join(__dirname, '.readme-tour-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = writeTourProgram(dir);

  test('has snippets', () => {
    expect(tourSnippets().length).toBeGreaterThan(10);
  });

  test('type-checks against the library', () => {
    const program = ts.createProgram([file], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program)
      .filter(d => d.file?.fileName === file)
      .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  test('synthesizes a contact center', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Tour } = require(file) as { Tour: new (scope: App, id: string) => Stack };
    const template = Template.fromStack(new Tour(new App(), 'Tour'));
    template.resourceCountIs('AWS::Connect::Instance', 1);
    template.resourceCountIs('AWS::Connect::User', 1);
    template.resourceCountIs('AWS::Connect::QuickConnect', 2);
    template.resourceCountIs('AWS::Connect::PhoneNumber', 2);
    template.hasResourceProperties('AWS::Connect::RoutingProfile', { Name: 'Support agents' });
    // The tour shows at least one of every kind of resource the library makes.
    const types = new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map(r => r.Type));
    const connectTypes = [...types].filter(t => t.startsWith('AWS::Connect::')).sort();
    expect(connectTypes).toEqual(expect.arrayContaining([
      'AWS::Connect::ContactFlow', 'AWS::Connect::ContactFlowModule', 'AWS::Connect::ContactFlowModuleAlias',
      'AWS::Connect::ContactFlowModuleVersion', 'AWS::Connect::DataTable', 'AWS::Connect::DataTableRecord',
      'AWS::Connect::EmailAddress', 'AWS::Connect::EvaluationForm', 'AWS::Connect::Rule', 'AWS::Connect::TaskTemplate',
      'AWS::Connect::View', 'AWS::Connect::Vocabulary', 'AWS::Connect::Workspace',
    ]));
  });
});

describe('README testing flows', () => {
  /** The TypeScript snippets of the section: each a module of its own. */
  function testingSnippets(): string[] {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const start = readme.indexOf('\n## Testing flows');
    const end = readme.indexOf('\n## ', start + 1);
    expect(start).toBeGreaterThan(0);
    return [...readme.slice(start, end).matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]);
  }

  test('its snippets type-check against the library', () => {
    const dir = fs.mkdtempSync(path.join(__dirname, '.readme-tour-'));
    try {
      const files = testingSnippets().map((snippet, index) => {
        const file = path.join(dir, `testing-${index}.ts`);
        const stack = path.join(ROOT, 'examples', 'contact-center', 'contact-center-stack');
        fs.writeFileSync(file, [
          'declare const test: { each(cases: unknown[]): (name: string, fn: (...args: any[]) => void) => void };',
          snippet.replace(/from 'cdk-connect';/g, `from ${JSON.stringify(SRC)};`).replace(/from '\.\/contact-center-stack';/g, `from ${JSON.stringify(stack)};`),
          'export {};',
        ].join('\n'));
        return file;
      });
      expect(files.length).toBeGreaterThanOrEqual(3);
      const program = ts.createProgram(files, {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program)
        .filter(d => files.includes(d.file?.fileName ?? ''))
        .map(d => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
