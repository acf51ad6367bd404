import * as fs from 'fs';
import * as path from 'path';
import { renderGenerated, roundTripActions, sourceStack, SRC, typeCheck } from './generated';
import { documentOfFlow } from './render';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { FlowContent } from '../../src/constructs/flow-content';
import { FlowDefinition } from '../../src/flows';
import { ACTION_EMITTERS, GeneratedFlowCode, generateFlowCode } from '../../src/flows/import/codegen';
import { strictTestStack, warningsOf } from '../helpers';

/*
 * The corpus: flows written in the shape the Amazon Connect flow designer exports (test/fixtures/flows/corpus), one
 * of every flow type, with the blocks and the quirks of real exports (empty Errors lists, NextActions beside
 * branches, unconnected blocks, blocks the library has no class for, Lex V1 and V2, views, sign-in, tasks, callbacks).
 * Each must load and synthesize in a flow of its type (warnings allowed), render again exactly as the file has it,
 * and give builder code that type-checks and renders the same flow, with typed actions for every type that has a
 * class.
 */

const CORPUS = path.join(__dirname, '..', 'fixtures', 'flows', 'corpus');
const FILES = fs.readdirSync(CORPUS).filter(name => name.endsWith('.json')).sort();

/** The flow types of the designer's `Metadata.type`, and `MODULE` for flow modules. */
const DESIGNER_TYPES: Record<string, ContactFlowType | 'MODULE'> = {
  contactFlow: ContactFlowType.CONTACT_FLOW,
  customerQueue: ContactFlowType.CUSTOMER_QUEUE,
  customerHold: ContactFlowType.CUSTOMER_HOLD,
  customerWhisper: ContactFlowType.CUSTOMER_WHISPER,
  agentHold: ContactFlowType.AGENT_HOLD,
  agentWhisper: ContactFlowType.AGENT_WHISPER,
  outboundWhisper: ContactFlowType.OUTBOUND_WHISPER,
  agentTransfer: ContactFlowType.AGENT_TRANSFER,
  queueTransfer: ContactFlowType.QUEUE_TRANSFER,
  contactFlowModule: 'MODULE',
};

function readCorpus(name: string): { text: string; document: any; type: ContactFlowType | 'MODULE' } {
  const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
  const document = JSON.parse(text);
  const type = DESIGNER_TYPES[document.Metadata.type];
  if (type === undefined) {
    throw new Error(`${name}: unknown designer type ${document.Metadata.type}`);
  }
  return { text, document, type };
}

/** Puts content into a flow or flow module of the type in a stack of the source instance; returns the stack and document. */
function synthesize(content: FlowContent, type: ContactFlowType | 'MODULE', stackAndInstance = sourceStack()): { stack: any; document: any } {
  const { stack, instance } = stackAndInstance;
  const flow = type === 'MODULE'
    ? new ContactFlowModule(stack, 'Flow', { instance, contactFlowModuleName: 'Flow', content })
    : new ContactFlow(stack, 'Flow', { instance, contactFlowName: 'Flow', type, content });
  return { stack, document: documentOfFlow(stack, flow) };
}

describe('the corpus of designer-shaped flows', () => {
  test('has a flow of every flow type', () => {
    const types = new Set(FILES.map(name => readCorpus(name).type));
    expect([...types].sort()).toEqual([...new Set(Object.values(DESIGNER_TYPES))].sort());
  });

  test.each(FILES)('%s loads, synthesizes in a flow of its type and renders every action byte for byte as the file has it', name => {
    const { text, document, type } = readCorpus(name);
    const { document: rendered } = synthesize(FlowDefinition.importJsonString(text, { allowLiteralArns: true }), type);
    expect(rendered.StartAction).toBe(document.StartAction);
    expect(roundTripActions(rendered)).toEqual(roundTripActions(document));
    // Byte for byte: the same keys in the same order, in Parameters and in Transitions.
    const bytes = (actions: any[]) => actions.map(action => JSON.stringify(action));
    expect(bytes(roundTripActions(rendered))).toEqual(bytes(roundTripActions(document)));
  });

  test.each(FILES)('%s loads as JSON content with the action checks on', name => {
    const { text, document, type } = readCorpus(name);
    const { document: rendered } = synthesize(FlowContent.fromJsonString(text, { allowLiteralArns: true, checkActions: true }), type);
    expect(rendered.Actions).toEqual(document.Actions);
  });

  test('what Connect accepts but is probably a mistake are warnings, which strict flow checks make errors', () => {
    const { text } = readCorpus('inbound-main-line.json');
    const { stack } = synthesize(FlowDefinition.importJsonString(text, { allowLiteralArns: true }), ContactFlowType.CONTACT_FLOW);
    const messages = warningsOf(stack).map(warning => warning.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/flow action '[0-9a-f-]{36}' \(MessageParticipant\) is not reachable from the start action/),
      expect.stringMatching(/flow action '[0-9a-f-]{36}' \(MessageParticipant\) does not handle NoMatchingError/),
      expect.stringMatching(/flow action '[0-9a-f-]{36}' \(UpdateContactTextToSpeechVoice\) does not handle NoMatchingError/),
    ]));
    const strict = strictTestStack();
    expect(() => synthesize(FlowDefinition.importJsonString(text, { allowLiteralArns: true }), ContactFlowType.CONTACT_FLOW, {
      app: strict.app, stack: strict.stack, instance: sourceStack().instance,
    })).toThrow(/\(strict flow checks turn this warning into an error\)/);
  });

  describe('import-flow', () => {
    let dir: string;
    let moduleName: string;
    const generated: Record<string, GeneratedFlowCode> = {};
    let diagnostics: string[];

    beforeAll(() => {
      // Inside test/, so that the generated code resolves aws-cdk-lib and the sources as the tests do.
      dir = fs.mkdtempSync(path.join(__dirname, '..', '.codegen-'));
      moduleName = path.relative(dir, SRC).split(path.sep).join('/');
      const files = FILES.map((name, index) => {
        generated[name] = generateFlowCode(readCorpus(name).document, `flow file '${name}'`, { sourceName: name, moduleName });
        const file = path.join(dir, `corpus${index}.ts`);
        fs.writeFileSync(file, generated[name].code);
        return file;
      });
      diagnostics = typeCheck(files);
    }, 180_000);

    afterAll(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('writes code that type-checks against the library', () => {
      expect(diagnostics).toEqual([]);
    });

    test.each(FILES)('writes code for %s that renders the same flow', name => {
      const { document, type } = readCorpus(name);
      const rendered = renderGenerated(generated[name], moduleName, type);
      expect(rendered.StartAction).toBe(document.StartAction);
      expect(roundTripActions(rendered)).toEqual(roundTripActions(document));
    });

    test('writes a typed action for every action of a type the builder has a class for, and 90% or more typed in all', () => {
      let actions = 0;
      const raw: string[] = [];
      for (const name of FILES) {
        actions += generated[name].actionCount;
        raw.push(...generated[name].rawActions);
      }
      const rawTypes = [...new Set(raw.map(action => /\((\w+)\)$/.exec(action)![1]))].sort();
      for (const type of rawTypes) {
        expect(ACTION_EMITTERS.has(type)).toBe(false);
      }
      expect(rawTypes).toEqual(['CreateCallbackContact', 'GetCustomerProfile', 'TagContact', 'UpdateContactCallbackNumber', 'UpdateContactData']);
      expect((actions - raw.length) / actions).toBeGreaterThanOrEqual(0.9);
    });
  });
});
