import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { menuApp } from './fixtures';
import { ContactFlow, ContactFlowType, FlowContent, ChatScript, ChatScriptStep, FlowCoverage, SimulatedContactCenter, SimulationEndType } from '../../src';
import { testStack } from '../helpers';

const MONDAY_NOON_BERLIN = '2026-01-05T11:00:00Z';
const BASIC = [{ function: 'Lookup', attributes: { tier: 'basic', name: 'Ada' } }];

describe('chat scripts', () => {
  const { app } = menuApp();
  const center = SimulatedContactCenter.fromApp(app);

  const billing = new ChatScript({
    name: 'billing',
    flow: 'Menu',
    environment: { startTime: MONDAY_NOON_BERLIN, lambdaResults: BASIC },
    steps: [
      ChatScriptStep.expectMessage('Hello from the module.'),
      ChatScriptStep.expectMessageMatching('^Type 1'),
      ChatScriptStep.customerSends('1'),
      ChatScriptStep.expectMessage('Billing here, Ada.'),
      ChatScriptStep.expectAttributes({ 'name': 'Ada', '$.External.tier': 'basic' }),
      ChatScriptStep.expectEnd(SimulationEndType.QUEUE, 'Billing'),
    ],
  });

  test('a typed script passes', () => {
    const result = billing.run(center);
    expect(result.failure).toBeUndefined();
    expect(result.passed).toBe(true);
    expect(() => result.assertPassed()).not.toThrow();
    expect(billing.steps.map(step => step.toString())).toEqual([
      'expect message "Hello from the module."', 'expect message matching /^Type 1/', 'customer sends "1"',
      'expect message "Billing here, Ada."', 'expect attributes {"name":"Ada","$.External.tier":"basic"}', 'expect end QUEUE (Billing)',
    ]);
  });

  test('a failed step says which, what came instead, the transcript so far and where the flow went another way', () => {
    const script = new ChatScript({
      name: 'support',
      flow: 'Menu',
      environment: { startTime: MONDAY_NOON_BERLIN, lambdaResults: BASIC },
      steps: [
        ChatScriptStep.expectMessage('Hello from the module.'),
        ChatScriptStep.expectMessageMatching('^Type 1'),
        ChatScriptStep.customerSends('3'),
        ChatScriptStep.expectMessage('Connecting you with support.'),
      ],
    });
    const result = script.run(center);
    expect(result.passed).toBe(false);
    expect(result.failedStep).toBe(3);
    expect(result.failure).toBe([
      "chat script 'support': step 4 of 4 failed: expect message \"Connecting you with support.\"",
      '  got "Sorry, something went wrong."',
      '  transcript so far:',
      '    SYSTEM   Hello from the module.',
      '    SYSTEM   Type 1 for billing, 2 for support.',
      '    CUSTOMER 3',
      "  the flow went another way at action 'menu' (GetParticipantInput) of flow 'Menu', which took the branch 'NoMatchingCondition'",
    ].join('\n'));
    expect(() => result.assertPassed()).toThrow(/step 4 of 4 failed/);
  });

  test('fails a send the flow never waits for, a wrong end and wrong attributes', () => {
    const run = (...steps: ChatScriptStep[]) => new ChatScript({ name: 's', flow: 'Menu', steps, environment: { startTime: '2026-01-05T18:00:00Z' } }).run(center);
    expect(run(ChatScriptStep.expectMessage('We are closed.'), ChatScriptStep.customerSends('hi')).failure)
      .toMatch(/step 2 of 2 failed: customer sends "hi"\n {2}the flow did not wait for the customer's message: the contact ended before it/);
    expect(run(ChatScriptStep.expectEnd(SimulationEndType.QUEUE)).failure)
      .toMatch(/step 1 of 1 failed: expect end QUEUE\n {2}the contact ended DISCONNECTED\n {2}transcript so far:\n {4}SYSTEM {3}We are closed.\n {2}the flow went another way at action 'hours' \(CheckHoursOfOperation\) of flow 'Menu', which took the branch '= False'/);
    expect(run(ChatScriptStep.expectAttributes({ name: 'Ada' })).failure).toMatch(/name is not set, expected "Ada"/);
    expect(run(ChatScriptStep.customerSends('hi')).failure).toMatch(/the flow said "We are closed." before it took the customer's message/);
  });

  test('a silent customer times the input out', () => {
    const script = new ChatScript({
      name: 'silent',
      flow: 'Menu',
      environment: { startTime: MONDAY_NOON_BERLIN, lambdaResults: BASIC },
      steps: [ChatScriptStep.expectMessageMatching('module'), ChatScriptStep.expectMessageMatching('^Type'), ChatScriptStep.customerSilent(), ChatScriptStep.expectEnd(SimulationEndType.DISCONNECTED)],
    });
    script.run(center).assertPassed();
  });

  test('reads JSON and YAML scripts of a directory, in file name order, with the environment', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-scripts-'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), [
      'name: yaml support for gold customers',
      'flow: Menu',
      'startTime: 2026-01-05T11:00:00Z',
      'lambdaResults:',
      '  - { function: Lookup, attributes: { tier: gold, name: Bo } }',
      'steps:',
      '  - expect: Hello from the module.',
      '  - expectAttributes: { name: Bo }',
      '  - expectEnd: { type: QUEUE, target: Support }',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ name: 'json closed', flow: 'Menu', startTime: '2026-01-05T20:00:00Z', steps: [{ expect: 'We are closed.' }, { expectEnd: 'DISCONNECTED' }] }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a script');
    const scripts = ChatScript.fromDirectory(dir);
    expect(scripts.map(script => script.name)).toEqual(['json closed', 'yaml support for gold customers']);
    const results = scripts.map(script => script.run(center));
    expect(results.map(result => result.failure)).toEqual([undefined, undefined]);
    // Coverage of the two scripts: the menu is never reached.
    const coverage = FlowCoverage.of(center, results).flow('Menu');
    expect(coverage.uncoveredActions).toContain('menu');
    expect(coverage.uncoveredBranches).toContain('hours (CheckHoursOfOperation): NoMatchingError');
    expect(coverage.uncoveredBranches).not.toContain('hours (CheckHoursOfOperation): = True');
    expect(coverage.toString()).toMatch(/^Menu: actions \d+\/\d+ \(\d+%\), branches \d+\/\d+ \(\d+%\)\n {2}not covered: /);
    const diagram = coverage.toMermaid();
    expect(diagram).toMatch(/classDef uncovered/);
    expect(diagram).toMatch(/class .*a\d+.* uncovered/);
    expect(diagram).toMatch(/linkStyle [\d,]+ stroke:#c00/);
  });

  test.each([
    ['{', /is not valid JSON/],
    ['[]', /must be an object with name, flow and steps/],
    ['{"flow":"Menu","steps":[{"expect":"x"}]}', /must have a name string, got undefined/],
    ['{"name":"n","flow":"Menu","steps":[]}', /must have a non-empty list of steps/],
    ['{"name":"n","flow":"Menu","steps":[{"expect":"x"}],"colour":"red"}', /has unknown keys colour; keys: name, flow, steps, channel/],
    ['{"name":"n","flow":"Menu","steps":[{"expect":"x"}],"channel":"FAX"}', /channel must be one of CHAT, VOICE, got "FAX"/],
    ['{"name":"n","flow":"Menu","steps":[{"expect":"x"}],"authentication":"MAYBE"}', /authentication must be one of SUCCESS, OPTED_OUT, TIMEOUT, ERROR/],
    ['{"name":"n","flow":"Menu","steps":[{"expect":"x"}],"startTime":"soon"}', /startTime must be an ISO 8601 date and time/],
    ['{"name":"n","flow":"Menu","steps":[{"say":"x"}]}', /step 1 must be an object with one of send, silence, expect, expectMatching, expectAttributes, expectEnd/],
    ['{"name":"n","flow":"Menu","steps":[{"send":3}]}', /step 1 send must be a string, got 3/],
    ['{"name":"n","flow":"Menu","steps":[{"expectMatching":"("}]}', /step 1 expectMatching must be a valid regular expression/],
    ['{"name":"n","flow":"Menu","steps":[{"silence":false}]}', /step 1 silence must be true/],
    ['{"name":"n","flow":"Menu","steps":[{"expectAttributes":{"a":1}}]}', /step 1 expectAttributes must be an object of strings/],
    ['{"name":"n","flow":"Menu","steps":[{"expectEnd":"HOME"}]}', /step 1 expectEnd must be one of QUEUE, AGENT, FLOW, DISCONNECTED/],
  ])('fails for the script %s', (json, message) => {
    expect(() => ChatScript.fromJsonString(json, 'x.json')).toThrow(message);
  });

  test('fails for invalid YAML, a missing file, an empty directory and a script without steps', () => {
    expect(() => ChatScript.fromYamlString('a: [', 'x.yaml')).toThrow(/x.yaml is not valid YAML/);
    expect(() => ChatScript.fromFile('/nonexistent/x.json')).toThrow(/cannot read chat script '\/nonexistent\/x.json'/);
    expect(() => ChatScript.fromDirectory(fs.mkdtempSync(path.join(os.tmpdir(), 'empty-')))).toThrow(/has no scripts \(\*\.json, \*\.yaml, \*\.yml\)/);
    expect(() => new ChatScript({ name: 'n', flow: 'Menu', steps: [] })).toThrow(/chat script 'n' must have at least one step/);
    expect(() => ChatScriptStep.expectMessageMatching('[')).toThrow(/expectMatching must be a valid regular expression/);
  });
});

describe('coverage of actions that end the flow on success', () => {
  test('counts no Next branch for the NextAction a designer export gives MessageParticipantIteratively', () => {
    const { app, stack, instance } = testStack();
    new ContactFlow(stack, 'Waiting', {
      instance,
      contactFlowName: 'Waiting',
      type: ContactFlowType.CUSTOMER_QUEUE,
      content: FlowContent.fromObject({
        Version: '2019-10-30',
        StartAction: 'loop',
        Actions: [
          {
            Identifier: 'loop',
            Type: 'MessageParticipantIteratively',
            Parameters: { Messages: [{ Text: 'Please hold.' }] },
            Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
          },
          { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
        ],
      }),
    });
    const center = SimulatedContactCenter.fromApp(app);
    const coverage = FlowCoverage.ofSimulations(center, [center.flow('Waiting').run()]).flow('Waiting');
    expect(coverage.uncoveredBranches).toEqual(['loop (MessageParticipantIteratively): NoMatchingError']);
  });
});
