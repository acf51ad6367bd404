import { flowJson, menuApp, next } from './fixtures';
import {
  AuthenticationOutcome, ContactFlow, DisconnectParticipant, FlowDefinition, FlowSimulator, MessageParticipant, SimulatedChannel,
  SimulatedContactCenter, SimulationEndType, TransferToFlow,
} from '../../src';
import { testStack } from '../helpers';

const MONDAY_NOON_BERLIN = '2026-01-05T11:00:00Z';
const GOLD = { function: 'Lookup', attributes: { tier: 'gold', name: 'Ada' } };
const BASIC = { function: 'Lookup', attributes: { tier: 'basic', name: 'Ada' } };

/** The path as `action:branch`. */
function route(result: { path: Array<{ action: string; branch: string }> }): string[] {
  return result.path.map(step => `${step.action}:${step.branch}`);
}

function messages(result: { transcript: Array<{ type: string; participantRole: string; content?: string }> }): string[] {
  return result.transcript.filter(item => item.type === 'MESSAGE').map(item => `${item.participantRole}: ${item.content}`);
}

describe('flows of an app', () => {
  const { app } = menuApp();
  const center = SimulatedContactCenter.fromApp(app);
  const menu = center.flow('Menu');

  test('a module runs and returns, the Lambda result sets $.External, Compare branches on it, the queue is the end', () => {
    const result = menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [GOLD] });
    expect(route(result)).toEqual([
      'hours:= True', 'greeting:Next', 'module-greeting:Next', 'module-end:End', 'lookup:Next', 'save:Next', 'tier:= gold',
      'support-queue:Next', 'support-transfer:End',
    ]);
    expect(result.end).toEqual({ type: SimulationEndType.QUEUE, target: 'Support', flow: 'Menu', action: 'support-transfer' });
    expect(result.attributes).toMatchObject({ 'name': 'Ada', '$.Attributes.name': 'Ada', '$.External.tier': 'gold', '$.Queue.Name': 'Support' });
    expect(result.path[2].flow).toBe('Greeting');
  });

  test('the customer\'s input chooses the branch; a transfer continues in the other flow, which reads the attributes', () => {
    const result = menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [BASIC], customerInputs: ['1'] });
    expect(messages(result)).toEqual([
      'SYSTEM: Hello from the module.', 'SYSTEM: Type 1 for billing, 2 for support.', 'CUSTOMER: 1', 'SYSTEM: Billing here, Ada.',
    ]);
    expect(result.end).toMatchObject({ type: SimulationEndType.QUEUE, target: 'Billing', flow: 'Billing' });
  });

  test('an input that meets no condition takes NoMatchingCondition; no input left leaves the contact waiting; silence times out', () => {
    expect(route(menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [BASIC], customerInputs: ['7'] }))).toContain('menu:NoMatchingCondition');
    expect(menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [BASIC] }).end.type).toBe(SimulationEndType.WAITING);
    const silent = menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [BASIC], silenceAfterInputs: true });
    expect(route(silent)).toContain('menu:InputTimeLimitExceeded');
    expect(silent.end.type).toBe(SimulationEndType.DISCONNECTED);
  });

  test('a Lambda error or timeout takes the error branch; a full queue takes QueueAtCapacity', () => {
    expect(route(menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [{ function: 'Lookup', error: true }] }))).toContain('lookup:NoMatchingError');
    expect(route(menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [{ function: 'Lookup', timeout: true }] }))).toContain('lookup:NoMatchingError');
    const full = menu.run({ startTime: MONDAY_NOON_BERLIN, lambdaResults: [GOLD], queues: [{ queue: 'Support', atCapacity: true }] });
    expect(route(full)).toContain('support-transfer:QueueAtCapacity');
    expect(messages(full)).toContain('SYSTEM: Sorry, something went wrong.');
  });

  test('hours follow the time zone, summer time, the override and a range to midnight', () => {
    const at = (startTime: string) => menu.run({ startTime, lambdaResults: [GOLD] }).path[0].branch;
    expect(at('2026-01-05T07:59:00Z')).toBe('= False'); // 08:59 in Berlin
    expect(at('2026-01-05T08:00:00Z')).toBe('= True'); // 09:00
    expect(at('2026-07-06T15:30:00Z')).toBe('= False'); // 17:30 in summer time
    expect(at('2026-07-06T14:30:00Z')).toBe('= True');
    expect(at('2026-05-01T10:00:00Z')).toBe('= False'); // Friday, the holiday override
    expect(at('2026-01-10T22:30:00Z')).toBe('= True'); // Saturday 23:30
    expect(at('2026-01-11T00:30:00Z')).toBe('= True'); // Sunday 01:30; 00:00 ends a range at midnight
    expect(at('2026-01-11T01:30:00Z')).toBe('= False'); // Sunday 02:30
  });

  test('simulates a ContactFlow and a ContactFlowModule of the app directly', () => {
    const { app: other, stack } = menuApp();
    const flow = stack.node.findChild('MenuFlow') as any;
    expect(FlowSimulator.fromContactFlow(flow).flowName).toBe('Menu');
    const module = stack.node.findChild('GreetingModule') as any;
    expect(FlowSimulator.fromContactFlowModule(module).run().end.type).toBe(SimulationEndType.ENDED);
    expect(SimulatedContactCenter.fromApp(other).flowNames).toEqual(expect.arrayContaining(['Menu', 'Billing', 'Greeting']));
  });

  test('a transfer continues in a flow whose content is deferred (Custom::ConnectFlowContent), in memory and from a cloud assembly', () => {
    const { app: deferred, stack, instance } = testStack();
    const later = new ContactFlow(stack, 'Later', { instance, contactFlowName: 'Later', deferContent: true });
    const hello = new MessageParticipant('hello', { text: 'In the deferred flow.' });
    const bye = new DisconnectParticipant('bye');
    hello.onError(bye);
    hello.next(bye);
    later.defineContent(FlowDefinition.start(hello));
    const transfer = new TransferToFlow('to-later', { contactFlow: later });
    transfer.onError(new DisconnectParticipant('end'));
    new ContactFlow(stack, 'First', { instance, contactFlowName: 'First', content: FlowDefinition.start(transfer) });
    expect(messages(SimulatedContactCenter.fromApp(deferred).flow('First').run())).toEqual(['SYSTEM: In the deferred flow.']);
    const assembly = SimulatedContactCenter.fromAssemblyDirectory(deferred.synth().directory);
    expect(messages(assembly.flow('First').run())).toEqual(['SYSTEM: In the deferred flow.']);
  });

  test('fails for a flow the contact center does not have, naming the flows', () => {
    expect(() => center.flow('Nope')).toThrow(/the contact center has no flow 'Nope'; flows: .*'Menu'/);
  });

  test('fails for a Lambda function the environment gives no result for, naming it', () => {
    expect(() => menu.run({ startTime: MONDAY_NOON_BERLIN })).toThrow(/invokes the Lambda function '.*Lookup' but the environment gives no result for it \(lambdaResults: none\)/);
  });
});

describe('flow language documents', () => {
  test('a lone flow definition renders and runs', () => {
    const hangUp = new DisconnectParticipant('hang-up');
    const hello = new MessageParticipant('hello', { text: 'Hello.' });
    hello.onError(hangUp);
    hello.next(hangUp);
    const result = FlowSimulator.fromDefinition(FlowDefinition.start(hello)).run();
    expect(messages(result)).toEqual(['SYSTEM: Hello.']);
    expect(result.end.type).toBe(SimulationEndType.DISCONNECTED);
    expect(result.transcript.map(item => item.contentType)).toEqual([
      'application/vnd.amazonaws.connect.event.participant.joined', 'text/plain', 'application/vnd.amazonaws.connect.event.chat.ended',
    ]);
    expect(result.transcript[1]).toEqual({
      id: 'simulated-2',
      type: 'MESSAGE',
      contentType: 'text/plain',
      content: 'Hello.',
      participantRole: 'SYSTEM',
      displayName: 'SYSTEM_MESSAGE',
      absoluteTime: '2026-01-05T15:00:01.000Z',
    });
  });

  test('a loop runs its count, then is done; attributes and flow attributes are set', () => {
    const json = flowJson('count', [
      ['count', 'Loop', { LoopCount: '3' }, {
        Conditions: [
          { NextAction: 'say', Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
          { NextAction: 'end', Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
        ],
      }],
      ['say', 'MessageParticipant', { Text: 'Round $.LoopCounter' }, next('mark')],
      ['mark', 'UpdateFlowAttributes', { FlowAttributes: { last: { Value: '$.LoopCounter', Type: 'String' } } }, next('count')],
      ['end', 'UpdateContactAttributes', { Attributes: { rounds: '$.FlowAttributes.last' } }, next('bye')],
      ['bye', 'DisconnectParticipant'],
      ['fail', 'DisconnectParticipant'],
    ]);
    const result = FlowSimulator.fromJsonString(json).run();
    expect(messages(result)).toEqual(['SYSTEM: Round 1', 'SYSTEM: Round 2', 'SYSTEM: Round 3']);
    expect(result.attributes).toMatchObject({ 'rounds': '3', '$.FlowAttributes.last': '3' });
  });

  test('DistributeByPercentage draws from the seed: the same seed takes the same branch, the split follows the thresholds', () => {
    const json = flowJson('split', [
      ['split', 'DistributeByPercentage', {}, {
        NextAction: 'b',
        Conditions: [
          { NextAction: 'a', Condition: { Operator: 'NumberLessThan', Operands: ['31'] } },
        ],
        Errors: [{ NextAction: 'b', ErrorType: 'NoMatchingCondition' }],
      }],
      ['a', 'EndFlowExecution'],
      ['b', 'DisconnectParticipant'],
    ]);
    const simulator = FlowSimulator.fromJsonString(json);
    expect(simulator.run({ seed: 7 }).end).toEqual(simulator.run({ seed: 7 }).end);
    const toA = Array.from({ length: 1000 }, (_, seed) => simulator.run({ seed }).end.type).filter(type => type === SimulationEndType.ENDED).length;
    expect(toA).toBeGreaterThan(250);
    expect(toA).toBeLessThan(350);
  });

  test('VOICE takes DTMF digits as text, stores input, and checks numbers; prompts play on voice only', () => {
    const json = flowJson('account', [
      ['account', 'GetParticipantInput', { Text: 'Your account number?', StoreInput: 'True', InputTimeLimitSeconds: '5' }, next('check')],
      ['check', 'Compare', { ComparisonValue: '$.StoredCustomerInput' }, {
        NextAction: 'bye',
        Conditions: [
          { NextAction: 'prompt', Condition: { Operator: 'NumberGreaterThan', Operands: ['1000'] } },
        ],
      }],
      ['prompt', 'MessageParticipant', { PromptId: 'arn:aws:connect:us-east-1:111122223333:instance/x/prompt/y' }, next('bye')],
      ['bye', 'DisconnectParticipant'],
      ['fail', 'EndFlowExecution'],
    ]);
    const simulator = FlowSimulator.fromJsonString(json);
    const voice = simulator.run({ channel: SimulatedChannel.VOICE, customerInputs: ['12345#'.replace('#', '')] });
    expect(route(voice)).toEqual(['account:Next', 'check:> 1000', 'prompt:Next', 'bye:End']);
    expect(voice.transcript.some(item => item.participantRole === 'CUSTOMER')).toBe(false); // DTMF is no chat message
    // On chat the prompt cannot play: the error branch. A value that meets no condition and has no NoMatchingCondition takes NextAction.
    expect(route(simulator.run({ customerInputs: ['2000'] }))).toContain('prompt:NoMatchingError');
    expect(route(simulator.run({ customerInputs: ['12'] }))).toContain('check:Next');
  });

  test('Lex intents, views and every authentication outcome branch as Connect does', () => {
    const json = flowJson('auth', [
      ['auth', 'AuthenticateParticipant', { TimeLimitMinutes: '3' }, {
        NextAction: 'bot',
        Conditions: [
          { NextAction: 'opted', Condition: { Operator: 'Equals', Operands: ['OptedOut'] } },
        ],
        Errors: [{ NextAction: 'late', ErrorType: 'TimeLimitExceeded' }, { NextAction: 'failed', ErrorType: 'NoMatchingError' }],
      }],
      ['bot', 'ConnectParticipantWithLexBot', { Text: 'What can I do?', LexV2Bot: { AliasArn: 'arn:bot' } }, {
        Conditions: [
          { NextAction: 'view', Condition: { Operator: 'Equals', Operands: ['Billing'] } },
        ],
        Errors: [{ NextAction: 'failed', ErrorType: 'NoMatchingCondition' }, { NextAction: 'failed', ErrorType: 'NoMatchingError' }],
      }],
      ['view', 'ShowView', { ViewResource: { Id: 'arn:view' } }, {
        Conditions: [
          { NextAction: 'thanks', Condition: { Operator: 'Equals', Operands: ['Submit'] } },
        ],
        Errors: [{ NextAction: 'failed', ErrorType: 'NoMatchingCondition' }],
      }],
      ['thanks', 'MessageParticipant', { Text: 'Order $.Views.ViewResultData.order, $.Lex.Slots.account.' }, next('bye')],
      ['opted', 'EndFlowExecution'],
      ['late', 'EndFlowExecution'],
      ['failed', 'DisconnectParticipant'],
      ['fail', 'DisconnectParticipant'],
      ['bye', 'DisconnectParticipant'],
    ]);
    const simulator = FlowSimulator.fromJsonString(json);
    const done = simulator.run({
      authentication: AuthenticationOutcome.SUCCESS,
      customerInputs: ['my bill'],
      lexResults: [{ utterance: 'my bill', intent: 'Billing', slots: { account: '42' } }],
      viewResults: [{ action: 'Submit', data: { order: 'A-1' } }],
    });
    expect(messages(done)).toEqual(['SYSTEM: What can I do?', 'CUSTOMER: my bill', 'SYSTEM: Order A-1, 42.']);
    expect(done.attributes['$.Lex.IntentName']).toBe('Billing');
    expect(route(simulator.run({ authentication: AuthenticationOutcome.OPTED_OUT }))[0]).toBe('auth:= OptedOut');
    expect(route(simulator.run({ authentication: AuthenticationOutcome.TIMEOUT }))[0]).toBe('auth:TimeLimitExceeded');
    expect(route(simulator.run({ authentication: AuthenticationOutcome.ERROR }))[0]).toBe('auth:NoMatchingError');
    expect(route(simulator.run({ authentication: AuthenticationOutcome.SUCCESS, channel: SimulatedChannel.VOICE }))[0]).toBe('auth:NoMatchingError');
  });

  test('an error without a branch ends the contact with an error that says which', () => {
    const json = flowJson('transfer', [['transfer', 'TransferContactToQueue', {}, {}]]);
    const result = FlowSimulator.fromJsonString(json).run();
    expect(result.end).toMatchObject({ type: SimulationEndType.ERROR, reason: "action 'transfer' (TransferContactToQueue) raised NoMatchingError and has no branch for it" });
  });

  test('fails for an action it cannot simulate, naming it', () => {
    const json = flowJson('tag', [['tag', 'TagContact', { Tags: { a: 'b' } }, { NextAction: 'tag' }]]);
    expect(() => FlowSimulator.fromJsonString(json, 'Tagging').run()).toThrow(/action 'tag' \(TagContact\) of flow 'Tagging' cannot be simulated: the simulator knows AuthenticateParticipant, /);
  });

  test('fails for a runaway loop after maxSteps', () => {
    const json = flowJson('again', [['again', 'UpdateContactAttributes', { Attributes: { a: '1' } }, { NextAction: 'again' }]]);
    expect(() => FlowSimulator.fromJsonString(json).run({ maxSteps: 50 })).toThrow(/the contact ran 50 actions without ending \(a loop that never ends\?\); last action 'again'/);
  });

  test('fails for an authentication without an outcome, a view without a result, a Lex input without a result', () => {
    const auth = flowJson('auth', [['auth', 'AuthenticateParticipant', {}, { NextAction: 'auth' }]]);
    expect(() => FlowSimulator.fromJsonString(auth).run()).toThrow(/gives no authentication outcome \(SUCCESS, OPTED_OUT, TIMEOUT or ERROR\)/);
    const view = flowJson('view', [['view', 'ShowView', {}, { NextAction: 'view' }]]);
    expect(() => FlowSimulator.fromJsonString(view).run()).toThrow(/action 'view' \(ShowView\) shows a view, but the environment gives no view result/);
    const lex = flowJson('bot', [['bot', 'ConnectParticipantWithLexBot', {}, { NextAction: 'bot' }]]);
    expect(() => FlowSimulator.fromJsonString(lex).run({ customerInputs: ['hi'] })).toThrow(/gives the bot 'hi', but the environment gives no Lex result/);
  });

  test('fails for an invalid start time, invalid JSON and an unknown operator', () => {
    const json = flowJson('end', [['end', 'DisconnectParticipant']]);
    expect(() => FlowSimulator.fromJsonString(json).run({ startTime: 'tomorrow' })).toThrow(/startTime must be an ISO 8601 date and time/);
    expect(() => FlowSimulator.fromJsonString('{', 'Broken')).toThrow(/the flow 'Broken' is not valid JSON/);
    const odd = flowJson('c', [['c', 'Compare', { ComparisonValue: 'x' }, { Conditions: [{ NextAction: 'c', Condition: { Operator: 'Regex', Operands: ['x'] } }] }]]);
    expect(() => FlowSimulator.fromJsonString(odd).run()).toThrow(/the condition operator 'Regex' cannot be simulated/);
  });

  test('fails for a cloud assembly directory without templates', () => {
    expect(() => SimulatedContactCenter.fromAssemblyDirectory(__dirname)).toThrow(/has no stack templates \(\*\.template\.json\); synthesize the app first/);
  });
});
