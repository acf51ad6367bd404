import * as fs from 'fs';
import * as path from 'path';
import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import { FlowArnReplacement, FlowDefinition, FlowImportOptions, RawAction } from '../../src';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { HoursOfOperation } from '../../src/constructs/hours-of-operation';
import { IInstance } from '../../src/constructs/instance';
import { Prompt } from '../../src/constructs/prompt';
import { Queue } from '../../src/constructs/queue';
import { QuickConnect } from '../../src/constructs/quick-connect';
import { TaskTemplate } from '../../src/constructs/task-template';
import { User } from '../../src/constructs/user';
import { View } from '../../src/constructs/view';
import { flowOfType, INSTANCE_ARN, strictTestStack, testStack } from '../helpers';
import { actionOf, expectWarningWhen, renderFlow, renderModule, warningMessages } from './render';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flows', 'import');
const INBOUND = path.join(FIXTURES, 'exported-inbound.json');

/** The ARNs of the source instance in the fixture. */
const SOURCE = 'arn:aws:connect:us-west-2:444455556666:instance/99999999-8888-7777-6666-555555555555';
const SOURCE_PROMPT = `${SOURCE}/prompt/bbbbbbbb-0000-0000-0000-000000000001`;
const SOURCE_QUEUE = `${SOURCE}/queue/aaaaaaaa-0000-0000-0000-000000000001`;
const SOURCE_FLOW = `${SOURCE}/contact-flow/cccccccc-0000-0000-0000-000000000001`;
const SOURCE_FUNCTION = 'arn:aws:lambda:us-west-2:444455556666:function:customer-lookup';
const SOURCE_ALIAS = 'arn:aws:lex:us-west-2:444455556666:bot-alias/ABCDEFGHIJ/TSTALIASID';

const PROMPT_ARN = `${INSTANCE_ARN}/prompt/pppppppp-0000-0000-0000-000000000000`;

function readFixture(): any {
  return JSON.parse(fs.readFileSync(INBOUND, 'utf8'));
}

/** Parses a flow's resolved Content: a string, or an `Fn::Join` of strings and CloudFormation expressions. */
function parseContent(content: any): any {
  if (typeof content === 'string') {
    return JSON.parse(content);
  }
  const expressions: any[] = [];
  const text = (content['Fn::Join'][1] as any[])
    .map(part => (typeof part === 'string' ? part : `@@${expressions.push(part) - 1}@@`))
    .join('');
  return JSON.parse(text, (_key, value) => {
    if (typeof value !== 'string' || !value.includes('@@')) {
      return value;
    }
    const whole = /^@@(\d+)@@$/.exec(value);
    if (whole) {
      return expressions[Number(whole[1])];
    }
    // An expression inside a text: written as the Fn::Join CloudFormation resolves it to.
    const parts = value.split(/@@(\d+)@@/).map((part, index) => (index % 2 === 1 ? expressions[Number(part)] : part)).filter(part => part !== '');
    return { 'Fn::Join': ['', parts] };
  });
}

/** Renders a definition into a flow named `Flow` of the stack; returns the document with CloudFormation expressions. */
function renderWithTokens(stack: Stack, instance: IInstance, definition: FlowDefinition, type: ContactFlowType = ContactFlowType.CONTACT_FLOW): any {
  new ContactFlow(stack, 'Flow', { instance, contactFlowName: 'Flow', type, content: definition });
  const flows = Template.fromStack(stack).findResources('AWS::Connect::ContactFlow');
  return parseContent(Object.entries(flows).find(([id]) => id.startsWith('Flow'))![1].Properties.Content);
}

/** The logical ID of a construct's CloudFormation resource (its default child, or itself for an L1). */
function logicalId(stack: Stack, construct: { node: { defaultChild?: any } }): string {
  return stack.getLogicalId(construct.node.defaultChild ?? construct);
}

/** The constructs of the app that replace the fixture's ARNs. */
function appResources(stack: Stack, instance: IInstance) {
  const hours = HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', `${INSTANCE_ARN}/operating-hours/hoop-1`);
  const queue = new Queue(stack, 'Support', { instance, hoursOfOperation: hours, queueName: 'Support' });
  const prompt = Prompt.fromPromptArn(stack, 'Welcome', PROMPT_ARN);
  const fallback = flowOfType(stack, instance, 'Fallback', ContactFlowType.CONTACT_FLOW);
  const fn = new lambda.Function(stack, 'Lookup', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
  const alias = new lex.CfnBotAlias(stack, 'Alias', { botId: 'ABCDEFGHIJ', botAliasName: 'live' });
  return { queue, prompt, fallback, fn, alias };
}

function allReplacements(resources: ReturnType<typeof appResources>): FlowArnReplacement[] {
  return [
    FlowArnReplacement.prompt(SOURCE_PROMPT, resources.prompt),
    FlowArnReplacement.lambdaFunction(SOURCE_FUNCTION, resources.fn),
    FlowArnReplacement.lexBotAlias(SOURCE_ALIAS, resources.alias),
    FlowArnReplacement.queue(SOURCE_QUEUE, resources.queue),
    FlowArnReplacement.contactFlow(SOURCE_FLOW, resources.fallback),
  ];
}

/** Loads the fixture with every ARN replaced and renders it; returns the stack, resources and document. */
function importInbound(options: FlowImportOptions = {}) {
  const { stack, instance } = testStack();
  const resources = appResources(stack, instance);
  const definition = FlowDefinition.importFile(INBOUND, { replacements: allReplacements(resources), ...options });
  const document = renderWithTokens(stack, instance, definition);
  return { stack, instance, resources, definition, document };
}

/** A small flow document of custom actions, for the loader's own rules. */
function flowJson(start: string, actions: any[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2019-10-30', StartAction: start, Actions: actions, ...extra });
}

function custom(id: string, transitions: any = {}, parameters: any = {}): any {
  return { Identifier: id, Type: 'CustomStep', Parameters: parameters, Transitions: transitions };
}

describe('FlowDefinition.importFile', () => {
  test('turns every action of the file into a RawAction of its type, linked by the file\'s transitions', () => {
    const definition = FlowDefinition.importFile(INBOUND, { allowLiteralArns: true });
    const actions = definition.actions;
    expect(actions.every(action => action instanceof RawAction)).toBe(true);
    expect(actions.map(action => `${action.id}:${action.actionType}`)).toEqual([
      'Greeting:MessageParticipant',
      'Lookup customer:InvokeLambdaFunction',
      'Check tier:Compare',
      'Set queue:UpdateContactTargetQueue',
      'Ask bot:ConnectParticipantWithLexBot',
      'Transfer:TransferContactToQueue',
      'To fallback flow:TransferToFlow',
      '0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d7c:DisconnectParticipant',
    ]);
    expect(definition.startAction.id).toBe('Greeting');
  });

  test('renders the file\'s actions with each ARN replaced by a reference to the construct', () => {
    const { stack, resources, document } = importInbound();
    const fixture = readFixture();
    const expected = fixture.Actions.map((action: any) => {
      const copy = JSON.parse(JSON.stringify(action));
      switch (copy.Identifier) {
        case 'Greeting': copy.Parameters.PromptId = PROMPT_ARN; break;
        case 'Lookup customer': copy.Parameters.LambdaFunctionARN = { 'Fn::GetAtt': [logicalId(stack, resources.fn), 'Arn'] }; break;
        case 'Ask bot': copy.Parameters.LexV2Bot.AliasArn = { 'Fn::GetAtt': [logicalId(stack, resources.alias), 'Arn'] }; break;
        case 'Set queue': copy.Parameters.QueueId = { 'Fn::GetAtt': [logicalId(stack, resources.queue), 'QueueArn'] }; break;
        case 'To fallback flow': copy.Parameters.ContactFlowId = { 'Fn::GetAtt': [logicalId(stack, resources.fallback), 'ContactFlowArn'] }; break;
      }
      return copy;
    });
    const byId = (actions: any[]) => [...actions].sort((a, b) => a.Identifier.localeCompare(b.Identifier));
    expect(byId(document.Actions)).toEqual(byId(expected));
    expect(document.StartAction).toBe('Greeting');
  });

  test('associates the Lambda function and the Lex bot alias with the instance, and the flow depends on the associations', () => {
    const { stack, resources } = importInbound();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE_ARN,
      IntegrationType: 'LAMBDA_FUNCTION',
      IntegrationArn: { 'Fn::GetAtt': [logicalId(stack, resources.fn), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE_ARN,
      IntegrationType: 'LEX_BOT',
      IntegrationArn: { 'Fn::GetAtt': [logicalId(stack, resources.alias), 'Arn'] },
    });
    const associations = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'));
    expect(associations).toHaveLength(2);
    const flow = Object.entries(template.findResources('AWS::Connect::ContactFlow')).find(([id]) => id.startsWith('Flow'))![1] as any;
    expect(flow.DependsOn).toEqual(expect.arrayContaining(associations));
  });

  test('keeps the designer positions of the file, and nothing else of its Metadata', () => {
    const { document } = importInbound();
    expect(document.Metadata.entryPointPosition).toEqual({ x: 20, y: 25 });
    expect(document.Metadata.ActionMetadata['Set queue']).toEqual({ position: { x: 900, y: 320 } });
    expect(document.Metadata.ActionMetadata['0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d7c']).toEqual({ position: { x: 1620, y: 320 } });
    expect(Object.keys(document.Metadata.ActionMetadata)).toHaveLength(8);
    expect(JSON.stringify(document.Metadata)).not.toContain('arn:');
    expect(document.Metadata.name).toBeUndefined();
  });

  test('computes positions for actions the file gives none', () => {
    const json = flowJson('a', [custom('a', { NextAction: 'b' }), { ...custom('b'), Type: 'CustomEnd' }], {
      Metadata: { ActionMetadata: { a: { position: { x: 500, y: 600 } } } },
    });
    const { document } = renderFlow(FlowDefinition.importJsonString(json));
    expect(document.Metadata.ActionMetadata.a.position).toEqual({ x: 500, y: 600 });
    expect(document.Metadata.ActionMetadata.b.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    expect(document.Metadata.entryPointPosition).toEqual({ x: 40, y: 40 });
  });

  test('lays the flow out from the graph when asked not to keep the positions, and leaves Metadata out without layout', () => {
    const positions = importInbound({ keepPositions: false }).document.Metadata;
    expect(positions.entryPointPosition).toEqual({ x: 40, y: 40 });
    expect(positions.ActionMetadata['Set queue'].position).not.toEqual({ x: 900, y: 320 });
    expect(importInbound({ layout: false }).document.Metadata).toBeUndefined();
  });

  test('keeps literal ARNs when they are allowed', () => {
    const { document } = renderFlow(FlowDefinition.importFile(INBOUND, { allowLiteralArns: true }));
    expect(actionOf(document, 'Set queue').Parameters.QueueId).toBe(SOURCE_QUEUE);
    expect(actionOf(document, 'Lookup customer').Parameters.LambdaFunctionARN).toBe(SOURCE_FUNCTION);
  });

  test('applies the builder checks to the loaded actions', () => {
    const definition = FlowDefinition.importFile(INBOUND, { allowLiteralArns: true });
    expect(() => renderFlow(definition, ContactFlowType.CUSTOMER_WHISPER))
      .toThrow(/flow action '.*' \(.*\) cannot be used in a CUSTOMER_WHISPER flow/);
    const deadEnd = flowJson('a', [custom('a', { NextAction: 'b' }), { ...custom('b'), Type: 'MessageParticipant', Parameters: { Text: 'Hi' } }]);
    expectWarningWhen(stackAndInstance => renderFlow(FlowDefinition.importJsonString(deadEnd), ContactFlowType.CONTACT_FLOW, stackAndInstance),
      /flow action 'b' \(MessageParticipant\) is a dead end/);
  });

  test('loads a flow module', () => {
    const json = flowJson('Say', [
      { Identifier: 'Say', Type: 'MessageParticipant', Parameters: { Text: 'Bye' }, Transitions: { NextAction: 'Done', Errors: [{ NextAction: 'Done', ErrorType: 'NoMatchingError' }] } },
      { Identifier: 'Done', Type: 'EndFlowModuleExecution', Parameters: {}, Transitions: {} },
    ]);
    const { document } = renderModule(FlowDefinition.importJsonString(json));
    expect(document.Actions).toEqual(JSON.parse(json).Actions);
  });

  test('draws the loaded flow as a Mermaid flowchart', () => {
    const mermaid = FlowDefinition.importFile(INBOUND, { allowLiteralArns: true }).toMermaid();
    expect(mermaid).toContain('["Set queue<br/><small>UpdateContactTargetQueue</small>"]');
    expect(mermaid).toContain('-->|= gold|');
  });
});

describe('FlowArnReplacement', () => {
  function renderParameters(parameters: any, replacements: (stack: Stack) => FlowArnReplacement[], conditions: any[] = []) {
    const { stack, instance } = testStack();
    const json = flowJson('a', [
      custom('a', { NextAction: 'end', ...(conditions.length > 0 ? { Conditions: conditions } : {}) }, parameters),
      { ...custom('end'), Type: 'CustomEnd' },
    ]);
    const document = renderWithTokens(stack, instance, FlowDefinition.importJsonString(json, { replacements: replacements(stack) }));
    return { stack, action: actionOf(document, 'a') };
  }

  function importedQueue(stack: Stack, arn: string = `${INSTANCE_ARN}/queue/qqqq`) {
    return Queue.fromQueueArn(stack, 'Queue', arn);
  }

  test('replaces an ARN followed by a qualifier, keeping the qualifier', () => {
    let fn!: lambda.Function;
    const { stack, action } = renderParameters({ Arn: `${SOURCE_FUNCTION}:prod` }, s => {
      fn = new lambda.Function(s, 'Lookup', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
      return [FlowArnReplacement.lambdaFunction(SOURCE_FUNCTION, fn)];
    });
    expect(action.Parameters.Arn).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, fn), 'Arn'] }, ':prod']] });
  });

  test('does not replace an ARN that only starts like the replaced one', () => {
    const json = flowJson('a', [custom('a', {}, { Arn: `${SOURCE_FUNCTION}-v2` })]);
    expect(() => FlowDefinition.importJsonString(json, { replacements: [FlowArnReplacement.lambdaFunction(SOURCE_FUNCTION, lambda.Function.fromFunctionArn(new Stack(), 'F', 'arn:aws:lambda:us-east-1:111122223333:function:x'))] }))
      .toThrow(/contains the literal ARN 'arn:aws:lambda:us-west-2:444455556666:function:customer-lookup-v2'/);
  });

  test('replaces an ID with the ARN of the construct', () => {
    const { action } = renderParameters({ QueueId: 'aaaaaaaa-0000-0000-0000-000000000001' },
      stack => [FlowArnReplacement.queue('aaaaaaaa-0000-0000-0000-000000000001', importedQueue(stack))]);
    expect(action.Parameters.QueueId).toBe(`${INSTANCE_ARN}/queue/qqqq`);
  });

  test('replaces an ARN inside a longer text and in condition operands', () => {
    const { action } = renderParameters(
      { Note: `queue ${SOURCE_QUEUE}.`, Target: SOURCE_QUEUE },
      stack => [FlowArnReplacement.queue(SOURCE_QUEUE, importedQueue(stack))],
      [{ NextAction: 'end', Condition: { Operator: 'Equals', Operands: [SOURCE_QUEUE] } }],
    );
    expect(action.Parameters).toEqual({ Note: `queue ${INSTANCE_ARN}/queue/qqqq.`, Target: `${INSTANCE_ARN}/queue/qqqq` });
    expect(action.Transitions.Conditions).toEqual([{ NextAction: 'end', Condition: { Operator: 'Equals', Operands: [`${INSTANCE_ARN}/queue/qqqq`] } }]);
  });

  test('replaces any text with text()', () => {
    const { action } = renderParameters({ Number: '+15550100', Nested: { List: ['call +15550100'] } },
      () => [FlowArnReplacement.text('+15550100', '+15550199')]);
    expect(action.Parameters).toEqual({ Number: '+15550199', Nested: { List: ['call +15550199'] } });
  });

  test('replaces the other kinds of resources with their constructs\' ARNs', () => {
    const { stack, instance } = testStack();
    const arn = (kind: string) => `${SOURCE}/${kind}/id-1`;
    const mine = (kind: string) => `${INSTANCE_ARN}/${kind}/id-2`;
    const replacements = [
      FlowArnReplacement.hoursOfOperation(arn('operating-hours'), HoursOfOperation.fromHoursOfOperationArn(stack, 'H', mine('operating-hours'))),
      FlowArnReplacement.flowModule(arn('flow-module'), ContactFlowModule.fromContactFlowModuleArn(stack, 'M', mine('flow-module'))),
      FlowArnReplacement.user(arn('agent'), User.fromUserArn(stack, 'U', mine('agent'))),
      FlowArnReplacement.quickConnect(arn('transfer-destination'), QuickConnect.fromQuickConnectArn(stack, 'Q', mine('transfer-destination'))),
      FlowArnReplacement.view(arn('view'), View.fromViewArn(stack, 'V', mine('view'))),
      FlowArnReplacement.taskTemplate(arn('task-template'), TaskTemplate.fromTaskTemplateArn(stack, 'T', mine('task-template'))),
    ];
    const kinds = ['operating-hours', 'flow-module', 'agent', 'transfer-destination', 'view', 'task-template'];
    const parameters = Object.fromEntries(kinds.map(kind => [kind, arn(kind)]));
    const json = flowJson('a', [custom('a', { NextAction: 'end' }, parameters), { ...custom('end'), Type: 'CustomEnd' }]);
    const document = renderWithTokens(stack, instance, FlowDefinition.importJsonString(json, { replacements }));
    expect(actionOf(document, 'a').Parameters).toEqual(Object.fromEntries(kinds.map(kind => [kind, mine(kind)])));
  });

  test('fails for a literal ARN no replacement covers, naming the action and the ARN, and suggesting the replacement', () => {
    expect(() => FlowDefinition.importFile(INBOUND)).toThrow(
      `flow file '${INBOUND}': flow action 'Greeting' (MessageParticipant) contains the literal ARN '${SOURCE_PROMPT}' of a prompt at Parameters.PromptId; `
      + `ARNs differ between instances and accounts, so replace it with a construct: FlowArnReplacement.prompt('${SOURCE_PROMPT}', prompt) in the replacements, `
      + 'or set allowLiteralArns if the ARN is deliberate (the file has 4 more literal ARNs to replace)');
  });

  test.each([
    ['Lambda function', SOURCE_FUNCTION, /of a Lambda function at Parameters.Arn; .*FlowArnReplacement.lambdaFunction\('arn:aws:lambda:[^']*', lambdaFunction\)/],
    ['Lex bot alias', SOURCE_ALIAS, /of a Lex bot alias at Parameters.Arn; .*FlowArnReplacement.lexBotAlias\(/],
    ['routing profile', `${SOURCE}/routing-profile/r-1`, /of a routing profile at Parameters.Arn; .*FlowArnReplacement.text\('arn:aws:connect:[^']*routing-profile\/r-1', value\)/],
  ])('fails for a literal ARN of a %s', (_kind, arn, message) => {
    expect(() => FlowDefinition.importJsonString(flowJson('a', [custom('a', {}, { Arn: arn })]))).toThrow(message);
  });

  test('fails for a literal ARN in a condition, naming where it is', () => {
    const json = flowJson('a', [custom('a', { Conditions: [{ NextAction: 'a', Condition: { Operator: 'Equals', Operands: [SOURCE_QUEUE] } }] })]);
    expect(() => FlowDefinition.importJsonString(json))
      .toThrow(/flow action 'a' \(CustomStep\) contains the literal ARN .* at Transitions.Conditions\[0\].Condition.Operands\[0\]/);
  });

  test('accepts ARNs of AWS managed resources and of other services', () => {
    const json = flowJson('a', [custom('a', {}, {
      View: 'arn:aws:connect:us-west-2:aws:view/wizard',
      Bucket: 'arn:aws:s3:::recordings',
    })]);
    expect(() => FlowDefinition.importJsonString(json)).not.toThrow();
  });

  test('fails for a replacement that matches nothing in the file', () => {
    const stack = new Stack();
    expect(() => FlowDefinition.importFile(INBOUND, {
      allowLiteralArns: true,
      replacements: [FlowArnReplacement.queue(`${SOURCE}/queue/not-in-the-file`, importedQueue(stack))],
    })).toThrow(`flow file '${INBOUND}': the replacement of '${SOURCE}/queue/not-in-the-file' (queue) matches nothing in the file; remove it or correct its text`);
  });

  test('fails for two replacements of the same text', () => {
    expect(() => FlowDefinition.importFile(INBOUND, {
      replacements: [FlowArnReplacement.text('x', 'y'), FlowArnReplacement.text('x', 'z')],
    })).toThrow('flow ARN replacements must replace different texts, \'x\' has two (text and text)');
  });

  test('fails for a replacement whose ARN names another kind of resource', () => {
    const stack = new Stack();
    expect(() => FlowArnReplacement.queue(SOURCE_PROMPT, importedQueue(stack)))
      .toThrow(`FlowArnReplacement.queue(): '${SOURCE_PROMPT}' is the ARN of a prompt, not a queue; use FlowArnReplacement.prompt()`);
    expect(() => FlowArnReplacement.queue(`${SOURCE}/routing-profile/r-1`, importedQueue(new Stack())))
      .toThrow(/is the ARN of a routing profile, not a queue; use FlowArnReplacement.text\(\)/);
  });

  test('fails for a replacement without text, or with a token', () => {
    const stack = new Stack();
    expect(() => FlowArnReplacement.text('', 'x')).toThrow('FlowArnReplacement.text() needs the text of the flow file to replace, got none');
    expect(() => FlowArnReplacement.queue(Lazy.string({ produce: () => 'x' }), importedQueue(stack)))
      .toThrow('FlowArnReplacement.queue() needs the text of the flow file to replace as it is written, got a token');
  });

  test('fails for a resource of another instance, naming the action', () => {
    const { stack, instance } = testStack();
    const other = Queue.fromQueueArn(stack, 'OtherQueue', 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555/queue/q-1');
    const definition = FlowDefinition.importFile(INBOUND, {
      allowLiteralArns: true,
      replacements: [FlowArnReplacement.queue(SOURCE_QUEUE, other)],
    });
    expect(() => renderWithTokens(stack, instance, definition))
      .toThrow(/flow action 'Set queue' \(UpdateContactTargetQueue\) references the queue 'Test\/OtherQueue' of instance arn:aws:connect:us-east-1:111122223333:instance\/99999999-2222-3333-4444-555555555555/);
  });
});

describe('RawAction replacements', () => {
  test('fails for a replacement its parameters do not contain, naming the action', () => {
    const action = new RawAction('Step', {
      actionType: 'CustomEnd',
      terminal: true,
      parameters: { Text: 'hello' },
      replacements: [FlowArnReplacement.text('bye', 'ciao')],
    });
    expect(() => renderFlow(FlowDefinition.start(action)))
      .toThrow(/flow action 'Step' \(CustomEnd\) has a replacement of 'bye' \(text\) that its parameters do not contain/);
  });

  test('associates the Lambda functions and Lex bot aliases it names', () => {
    const { stack, instance } = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
    const alias = new lex.CfnBotAlias(stack, 'Alias', { botId: 'ABCDEFGHIJ', botAliasName: 'live' });
    const action = new RawAction('Step', {
      actionType: 'CustomEnd',
      terminal: true,
      parameters: { Fn: fn.functionArn },
      lambdaFunctions: [fn],
      lexBotAliases: [alias],
    });
    renderWithTokens(stack, instance, FlowDefinition.start(action));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', { IntegrationType: 'LAMBDA_FUNCTION', IntegrationArn: fn.functionArn });
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', { IntegrationType: 'LEX_BOT' });
  });
});

describe('loading flow files', () => {
  test('keeps actions not reachable from the start, rendered as the file has them, and warns about them', () => {
    const json = flowJson('a', [
      custom('a', { NextAction: 'a' }),
      custom('orphan', { NextAction: 'a', Errors: [{ NextAction: 'lost', ErrorType: 'NoMatchingError' }] }, { Keep: ['me'] }),
      custom('lost'),
      custom('island', { NextAction: 'isle' }),
      custom('isle', { NextAction: 'island' }),
    ]);
    const { stack, document } = renderFlow(FlowDefinition.importJsonString(json));
    expect(document.Actions.map((action: any) => action.Identifier)).toEqual(['a', 'orphan', 'lost', 'island', 'isle']);
    expect(actionOf(document, 'orphan')).toEqual({
      Identifier: 'orphan',
      Type: 'CustomStep',
      Parameters: { Keep: ['me'] },
      Transitions: { NextAction: 'a', Errors: [{ NextAction: 'lost', ErrorType: 'NoMatchingError' }] },
    });
    expect(warningMessages(stack)).toEqual([expect.stringMatching(
      /^flow action 'orphan' \(CustomStep\), 'lost' \(CustomStep\), 'island' \(CustomStep\), 'isle' \(CustomStep\) are not reachable from the start action 'a'; connect them or remove them \(Amazon Connect accepts such blocks, as the flow designer keeps them, and never runs them\)/)]);
    expect(() => renderFlow(FlowDefinition.importJsonString(json), ContactFlowType.CONTACT_FLOW, strictTestStack()))
      .toThrow(/'orphan' \(CustomStep\), 'lost' \(CustomStep\), 'island' \(CustomStep\), 'isle' \(CustomStep\) are not reachable .* \(strict flow checks turn this warning into an error\)/);
  });

  test.each([
    ['NextAction', { NextAction: 'nowhere' }, /flow action 'a' \(CustomStep\) NextAction transitions to 'nowhere', which is not an action in the file; actions: 'a'/],
    ['a condition', { Conditions: [{ NextAction: 'gone', Condition: { Operator: 'Equals', Operands: ['1'] } }] }, /flow action 'a' \(CustomStep\) Conditions\[0\] transitions to 'gone'/],
    ['an error branch', { Errors: [{ NextAction: 'gone', ErrorType: 'NoMatchingError' }] }, /flow action 'a' \(CustomStep\) NoMatchingError branch \(Errors\[0\]\) transitions to 'gone'/],
  ])('fails for a transition of %s to a missing action, naming the action', (_what, transitions, message) => {
    expect(() => FlowDefinition.importJsonString(flowJson('a', [custom('a', transitions)]))).toThrow(message);
  });

  test.each([
    ['not JSON', '{ "Version": ', /^flow document is not valid JSON: /],
    ['not an object', '[]', 'flow document is not an Amazon Connect flow language document: expected a JSON object, got a list'],
    ['another version', JSON.stringify({ Version: '2020-01-01', StartAction: 'a', Actions: [custom('a')] }), 'flow document is not an Amazon Connect flow language document: Version must be \'2019-10-30\', got string "2020-01-01"'],
    ['no actions', JSON.stringify({ Version: '2019-10-30', StartAction: 'a', Actions: [] }), /Actions must be a non-empty list of actions, got a list/],
    ['no start action', JSON.stringify({ Version: '2019-10-30', Actions: [custom('a')] }), /StartAction must be an action identifier, got none/],
    ['a missing start action', flowJson('b', [custom('a')]), 'flow document: StartAction is \'b\', which is not an action in the file; actions: \'a\''],
    ['an action without an identifier', flowJson('a', [{ Type: 'X' }]), 'flow document: Actions[0] must have an Identifier string, got none'],
    ['an action without a type', flowJson('a', [{ Identifier: 'a' }]), 'flow document: flow action \'a\' must have a Type string, got none'],
    ['two actions with one identifier', flowJson('a', [custom('a'), custom('a')]), 'flow document: flow action identifiers must be unique, \'a\' is used by more than one action'],
    ['an illegal identifier', flowJson('a:b', [custom('a:b')]), /flow action identifier 'a:b' must not contain any of/],
    ['parameters that are not an object', flowJson('a', [{ ...custom('a'), Parameters: [] }]), 'flow document: flow action \'a\' (CustomStep) Parameters must be an object, got a list'],
    ['a malformed condition', flowJson('a', [custom('a', { Conditions: [{ NextAction: 'a', Condition: { Operator: 'Equals', Operands: [1] } }] })]),
      /flow action 'a' \(CustomStep\) Conditions\[0\] must have a Condition with an Operator string and a list of Operands strings/],
    ['an error type routed twice', flowJson('a', [custom('a', { Errors: [{ NextAction: 'a', ErrorType: 'X' }, { NextAction: 'a', ErrorType: 'X' }] })]),
      /flow action 'a' \(CustomStep\) routes X more than once/],
  ])('fails for a document with %s', (_what, json, message) => {
    expect(() => FlowDefinition.importJsonString(json)).toThrow(message);
  });

  test('fails for a file that does not exist, naming it', () => {
    expect(() => FlowDefinition.importFile(path.join(FIXTURES, 'missing.json'))).toThrow(/^cannot read flow file '.*missing.json': ENOENT/);
  });

  test('fails for a file that is not JSON, naming it', () => {
    expect(() => FlowDefinition.importFile(path.join(FIXTURES, 'not-json.json'))).toThrow(/^flow file '.*not-json.json' is not valid JSON/);
  });
});
