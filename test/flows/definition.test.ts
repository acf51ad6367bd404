import { expectWarning, renderFlow } from './render';
import { ContactFlowType } from '../../src/constructs/contact-flow';
import { Chain, Compare, FlowCondition, FlowDefinition, MessageParticipant, RawAction } from '../../src/flows';

/** An action of a type the library does not know, that ends the flow. */
function end(id: string): RawAction {
  return new RawAction(id, { actionType: 'CustomEnd', terminal: true });
}

function step(id: string, parameters?: any): RawAction {
  return new RawAction(id, { actionType: 'CustomStep', parameters });
}

function renderDocument(definition: FlowDefinition, type: ContactFlowType = ContactFlowType.CONTACT_FLOW): any {
  return renderFlow(definition, type).document;
}

describe('FlowDefinition', () => {
  test('renders a chain as flow language with identifiers from the action ids', () => {
    const chain = Chain.start(step('One', { A: 'a' })).next(step('Two')).next(end('Bye'));
    const document = renderDocument(FlowDefinition.start(chain));
    expect(document.Version).toBe('2019-10-30');
    expect(document.StartAction).toBe('One');
    expect(document.Actions).toEqual([
      { Identifier: 'One', Type: 'CustomStep', Parameters: { A: 'a' }, Transitions: { NextAction: 'Two' } },
      { Identifier: 'Two', Type: 'CustomStep', Parameters: {}, Transitions: { NextAction: 'Bye' } },
      { Identifier: 'Bye', Type: 'CustomEnd', Parameters: {}, Transitions: {} },
    ]);
  });

  test('renders conditions, otherwise and error branches', () => {
    const yes = end('Yes');
    const no = end('No');
    const choice = new RawAction('Choice', { actionType: 'CustomChoice' })
      .when(FlowCondition.equalTo('1'), yes)
      .otherwise(no)
      .onError(no);
    const document = renderDocument(FlowDefinition.start(choice));
    expect(document.Actions[0].Transitions).toEqual({
      Conditions: [{ NextAction: 'Yes', Condition: { Operator: 'Equals', Operands: ['1'] } }],
      Errors: [{ NextAction: 'No', ErrorType: 'NoMatchingCondition' }, { NextAction: 'No', ErrorType: 'NoMatchingError' }],
    });
    expect(document.Actions.map((action: any) => action.Identifier)).toEqual(['Choice', 'Yes', 'No']);
  });

  test('lays the actions out for the flow designer, column by distance from the start', () => {
    const document = renderDocument(FlowDefinition.start(Chain.sequence(step('One'), step('Two'), end('Three'))));
    expect(document.Metadata.entryPointPosition).toEqual({ x: 40, y: 40 });
    const positions = document.Metadata.ActionMetadata;
    expect(Object.keys(positions)).toEqual(['One', 'Two', 'Three']);
    expect(positions.One.position.x).toBeLessThan(positions.Two.position.x);
    expect(positions.Two.position.x).toBeLessThan(positions.Three.position.x);
  });

  test('leaves the layout out when asked', () => {
    const document = renderDocument(FlowDefinition.start(end('Bye'), { layout: false }));
    expect(document.Metadata).toBeUndefined();
  });

  test('draws the flow as a Mermaid flowchart', () => {
    const no = end('No');
    const choice = new RawAction('Choice', { actionType: 'CustomChoice' }).when(FlowCondition.equalTo('1'), end('Yes')).otherwise(no);
    expect(FlowDefinition.start(step('Start').next(choice)).toMermaid()).toBe([
      'flowchart TD',
      '  start((Start))',
      '  a0["Start<br/><small>CustomStep</small>"]',
      '  a1["Choice<br/><small>CustomChoice</small>"]',
      '  a2["Yes<br/><small>CustomEnd</small>"]',
      '  a3["No<br/><small>CustomEnd</small>"]',
      '  start --> a0',
      '  a0 --> a1',
      '  a1 -->|= 1| a2',
      '  a1 -.->|NoMatchingCondition| a3',
      '',
    ].join('\n'));
  });

  test('draws no edge for the NextAction the designer writes beside the branches of a branching action, but draws a plain next action', () => {
    const no = end('No');
    const compare = new Compare('Compare', { value: '$.Attributes.x' }).when(FlowCondition.equalTo('1'), end('Yes')).otherwise(no);
    const message = new MessageParticipant('Hello', { text: 'Hi' }).onError(compare).next(compare);
    const lines = FlowDefinition.start(message).toMermaid().split('\n');
    expect(lines).toEqual(expect.arrayContaining(['  a0 --> a1', '  a0 -.->|NoMatchingError| a1', '  a1 -->|= 1| a2', '  a1 -.->|NoMatchingCondition| a3']));
    expect(lines.filter(line => line.startsWith('  a1 '))).toHaveLength(2);
  });

  test('fails when two different actions share an identifier, naming it', () => {
    const definition = FlowDefinition.start(Chain.sequence(step('Same'), step('Other'), end('Same')));
    expect(() => renderDocument(definition)).toThrow(/two different actions are named 'Same'/);
  });

  test('warns about an action of an unknown type that is a dead end, naming it', () => {
    expectWarning(step('One').next(step('Open')), /flow action 'Open' \(CustomStep\) has no transitions, and the type is not one this library knows to end the flow/);
  });

  test.each([
    ['a'.repeat(51), /must be 1 to 50 characters, got 51/],
    ['a:b', /must not contain any of .*got ':'/],
    ['', /must be 1 to 50 characters, got none/],
  ])('fails for the identifier %j', (id, message) => {
    expect(() => step(id)).toThrow(message);
  });

  test('a chain does not continue past an action that ends the flow', () => {
    expect(() => Chain.start(end('Bye')).next(step('After'))).toThrow(/flow chain starting at 'Bye' has no open end/);
    expect(() => Chain.start(step('One')).next(end('Bye')).next(step('After'))).toThrow(/flow chain starting at 'One' has no open end to continue with 'After'/);
  });

  test('fails to give an action a second next action', () => {
    const one = step('One');
    one.next(end('Bye'));
    expect(() => one.next(end('Other'))).toThrow(/flow action 'One' already continues with 'Bye'; an action has one next action/);
  });
});

describe('parameter overrides', () => {
  function rendered(action: MessageParticipant): any {
    const bye = end('Bye');
    action.onError(bye);
    action.next(bye);
    return renderDocument(FlowDefinition.start(action)).Actions.find((a: any) => a.Identifier === action.id).Parameters;
  }

  test('set a parameter the props do not render, and a value written another way, creating objects on the way', () => {
    const greeting = new MessageParticipant('Greeting', { text: 'Welcome.' });
    greeting.addParameterOverride('SkipWhenDTMFBufferEnabled', 'false');
    greeting.addParameterOverride('Text', 'Welcome back.');
    greeting.addParameterOverride('Extra.Nested.Count', 5);
    greeting.addParameterOverride('Dotted\\.key', ['a']);
    expect(rendered(greeting)).toEqual({
      'Text': 'Welcome back.',
      'SkipWhenDTMFBufferEnabled': 'false',
      'Extra': { Nested: { Count: 5 } },
      'Dotted.key': ['a'],
    });
  });

  test('remove a parameter the props render; removing what is not there changes nothing', () => {
    const greeting = new MessageParticipant('Greeting', { ssml: '<speak>Hi</speak>' });
    greeting.addParameterOverride('Text', 'Hi');
    greeting.addParameterDeletion('SSML');
    greeting.addParameterDeletion('Media.Uri');
    expect(rendered(greeting)).toEqual({ Text: 'Hi' });
  });

  test('the flow checks apply to the overridden parameters', () => {
    const greeting = new MessageParticipant('Greeting', { text: 'Hi' });
    greeting.addParameterOverride('SSML', '<speak>Hi</speak>');
    expect(() => rendered(greeting)).toThrow(/flow action 'Greeting' \(MessageParticipant\) needs exactly one of the parameters PromptId, Text, SSML, Media, got Text, SSML/);
  });

  test('overrides apply in order, the last one of a path winning, every time the action renders', () => {
    const shared = new MessageParticipant('Shared', { text: 'Hi' });
    shared.addParameterOverride('Text', 'Changed');
    expect(rendered(shared)).toEqual({ Text: 'Changed' });
    expect(renderDocument(FlowDefinition.start(shared)).Actions[0].Parameters).toEqual({ Text: 'Changed' });
    shared.addParameterOverride('Text', 'Again');
    expect(renderDocument(FlowDefinition.start(shared)).Actions[0].Parameters).toEqual({ Text: 'Again' });
  });

  test.each([[''], ['a..b'], ['.a'], ['a.']])('fails for the override path %j', path => {
    expect(() => new MessageParticipant('Greeting', { text: 'Hi' }).addParameterOverride(path, 1))
      .toThrow(/flow action 'Greeting' \(MessageParticipant\) parameter override path must be keys with a dot between them, such as DTMFConfiguration.InputTerminationSequence, got/);
  });
});
