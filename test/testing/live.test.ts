import { Duration } from 'aws-cdk-lib';
import { menuApp } from './fixtures';
import { ChatStandIn, INSTANCE_ID } from './standin';
import { ChatScript, ChatScriptStep, LiveChatRunner, SimulatedContactCenter, SimulationEndType } from '../../src';

const FLOW_ID = 'menu-flow-id';

/**
 * The live runner against a local stand-in of the Connect API and the Participant Service (REST and websocket, on
 * 127.0.0.1) that answers with the simulator: the real SDK clients with endpoint overrides.
 */
describe('LiveChatRunner', () => {
  const { app } = menuApp();
  const center = SimulatedContactCenter.fromApp(app);
  const environment = { startTime: '2026-01-05T11:00:00Z', lambdaResults: [{ function: 'Lookup', attributes: { tier: 'basic', name: 'Ada' } }] };
  let standIn: ChatStandIn;
  let url: string;
  const saved = { ...process.env };

  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
  });
  afterAll(() => {
    process.env = saved;
  });
  beforeEach(async () => {
    standIn = new ChatStandIn(center, { [FLOW_ID]: 'Menu' }, environment);
    url = await standIn.start();
  });
  afterEach(() => standIn.stop());

  const runner = (stepTimeout = Duration.seconds(2)) => new LiveChatRunner({
    instanceId: `arn:aws:connect:us-east-1:111122223333:instance/${INSTANCE_ID}`,
    contactFlowId: FLOW_ID,
    region: 'us-east-1',
    connectEndpoint: url,
    participantEndpoint: url,
    stepTimeout,
    pollInterval: Duration.millis(20),
    maxAttempts: 4,
  });

  const billing = new ChatScript({
    name: 'billing',
    flow: 'Menu',
    environment: { attributes: { page: '/help' } },
    steps: [
      ChatScriptStep.expectMessage('Hello from the module.'),
      ChatScriptStep.expectMessageMatching('^Type 1'),
      ChatScriptStep.customerSends('1'),
      ChatScriptStep.expectMessage('Billing here, Ada.'),
      ChatScriptStep.expectAttributes({ 'name': 'Ada', 'page': '/help', '$.External.tier': 'basic' }),
      ChatScriptStep.expectEnd(SimulationEndType.QUEUE, 'Billing'),
    ],
  });

  test('runs a script over the websocket: StartChatContact, the connection, a typing event and the message, the end', async () => {
    const [result] = await runner().run([billing]);
    expect(result.failure).toBeUndefined();
    expect(result.notes).toEqual(['step 5 (expect attributes {"name":"Ada","page":"/help","$.External.tier":"basic"}) not checked: only user-defined attributes can be read live (GetContactAttributes)']);
    expect(result.transcript.filter(item => item.type === 'MESSAGE').map(item => `${item.participantRole}: ${item.content}`)).toEqual([
      'SYSTEM: Hello from the module.', 'SYSTEM: Type 1 for billing, 2 for support.', 'CUSTOMER: 1', 'SYSTEM: Billing here, Ada.',
    ]);
    expect(standIn.calls).toEqual([
      'PUT /contact/chat', 'POST /participant/connection', 'POST /participant/event', 'POST /participant/message',
      'GET /contacts/11111111-2222-3333-4444-555555555555/contact-1', 'GET /queues/11111111-2222-3333-4444-555555555555/queue-Billing',
      'GET /contact/attributes/11111111-2222-3333-4444-555555555555/contact-1', 'POST /participant/disconnect',
    ]);
  });

  test('checks user-defined attributes live, and a flow that disconnects', async () => {
    const script = new ChatScript({
      name: 'wrong key',
      flow: 'Menu',
      environment: {},
      steps: [ChatScriptStep.expectMessageMatching('module'), ChatScriptStep.expectMessageMatching('^Type'), ChatScriptStep.customerSends('9'),
        ChatScriptStep.expectMessage('Sorry, something went wrong.'), ChatScriptStep.expectAttributes({ name: 'Ada' }), ChatScriptStep.expectEnd(SimulationEndType.DISCONNECTED)],
    });
    const [result] = await runner().run([script]);
    expect(result.failure).toBeUndefined();
    expect(standIn.calls).not.toContain('POST /participant/disconnect'); // the flow ended the chat
  });

  test('a wrong answer fails the step with the transcript so far', async () => {
    const script = new ChatScript({ name: 'wrong', flow: 'Menu', steps: [ChatScriptStep.expectMessage('Good morning.')] });
    const [result] = await runner().run([script]);
    expect(result.failure).toBe([
      "chat script 'wrong': step 1 of 1 failed: expect message \"Good morning.\"",
      '  got "Hello from the module."',
      '  transcript so far:',
      '    (nothing)',
    ].join('\n'));
    expect(result.infrastructureError).toBe(false);
  });

  test('throttled StartChatContact calls are retried', async () => {
    standIn.faults = { throttleStarts: 2 };
    const [result] = await runner().run([billing]);
    expect(result.failure).toBeUndefined();
    expect(standIn.calls.filter(call => call === 'PUT /contact/chat')).toHaveLength(3);
  });

  test('a connection token that expires (AccessDeniedException) is replaced by a new connection', async () => {
    standIn.faults = { expireTokenAfter: 1 };
    const [result] = await runner().run([billing]);
    expect(result.failure).toBeUndefined();
    expect(standIn.calls.filter(call => call === 'POST /participant/connection')).toHaveLength(2);
  });

  test('a dropped websocket falls back to GetTranscript', async () => {
    standIn.faults = { dropSocketAfter: 1 };
    const [result] = await runner().run([billing]);
    expect(result.failure).toBeUndefined();
    expect(standIn.calls).toContain('POST /participant/transcript');
  });

  test('a flow that never answers fails the step after the step timeout', async () => {
    standIn.faults = { silentFlow: true };
    const [result] = await runner(Duration.millis(300)).run([billing]);
    expect(result.failedStep).toBe(0);
    expect(result.failure).toMatch(/step 1 of 6 failed: expect message "Hello from the module."\n {2}waited 300 ms for the flow's next message, and nothing came/);
    expect(result.infrastructureError).toBe(false);
  });

  test('an unknown instance is an infrastructure error', async () => {
    const other = new LiveChatRunner({ instanceId: 'other', contactFlowId: FLOW_ID, connectEndpoint: url, participantEndpoint: url, region: 'us-east-1', maxAttempts: 1 });
    const [result] = await other.run([billing]);
    expect(result.infrastructureError).toBe(true);
    expect(result.failure).toMatch(/StartChatContact failed: ResourceNotFoundException: instance not found/);
  });
});
