import * as path from 'path';
import { CfnParameter, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import { CfnQueue } from 'aws-cdk-lib/aws-connect';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ContactFlow } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { FlowContent, FlowReference } from '../../src/constructs/flow-content';
import { HoursOfOperation } from '../../src/constructs/hours-of-operation';
import { IInstance } from '../../src/constructs/instance';
import { Prompt } from '../../src/constructs/prompt';
import { Queue } from '../../src/constructs/queue';
import { QuickConnect } from '../../src/constructs/quick-connect';
import { User } from '../../src/constructs/user';
import { INSTANCE_ARN, testStack } from '../helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flows');
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555';

/** A minimal valid flow whose greeting text is `text`. */
function flow(text: string = 'hello'): any {
  return {
    Version: '2019-10-30',
    StartAction: 'Greet',
    Actions: [
      {
        Identifier: 'Greet',
        Type: 'MessageParticipant',
        Parameters: { Text: text },
        Transitions: { NextAction: 'End', Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  };
}

/** Binds content in a fresh stack and returns the resolved content with the stack. */
function bind(content: FlowContent | ((stack: Stack, instance: IInstance) => FlowContent)) {
  const { stack, instance } = testStack();
  const scope = new Construct(stack, 'Flow');
  const resolvedContent = typeof content === 'function' ? content(stack, instance) : content;
  const config = resolvedContent.bind(scope, instance);
  return { stack, instance, config, resolved: stack.resolve(config.content) };
}

/** The parsed JSON of content that resolves to a plain string. */
function parsed(content: FlowContent): any {
  const { resolved } = bind(content);
  expect(typeof resolved).toBe('string');
  return JSON.parse(resolved);
}

/** A queue defined in the stack, so that its ARN is a GetAtt. */
function definedQueue(stack: Stack) {
  const cfnQueue = new CfnQueue(stack, 'CfnQueue', {
    instanceArn: INSTANCE_ARN,
    name: 'Support',
    hoursOfOperationArn: `${INSTANCE_ARN}/operating-hours/hours-1`,
  });
  return Queue.fromQueueArn(stack, 'SupportQueue', cfnQueue.attrQueueArn);
}

function expectFailure(content: FlowContent | ((stack: Stack, instance: IInstance) => FlowContent), message: RegExp) {
  expect(() => bind(content)).toThrow(message);
}

describe('FlowContent sources', () => {
  test('from an object renders compact JSON', () => {
    expect(parsed(FlowContent.fromObject(flow()))).toEqual(flow());
  });

  test('from a JSON string', () => {
    expect(parsed(FlowContent.fromJsonString(JSON.stringify(flow('from a string'))))).toEqual(flow('from a string'));
  });

  test('from a file', () => {
    const content = parsed(FlowContent.fromFile(path.join(FIXTURES, 'transfer-to-queue.json'), {
      references: [
        FlowReference.text('CompanyName', 'Example Corp'),
        FlowReference.text('SupportQueue', 'queue-arn'),
      ],
    }));
    expect(content.StartAction).toBe('Greeting');
    expect(content.Actions[0].Parameters.Text).toBe('Thank you for calling Example Corp.');
    expect(content.Actions[1].Parameters.QueueId).toBe('queue-arn');
    expect(content.Metadata).toEqual({ EntryPointPosition: { x: 40, y: 40 } });
  });

  test('fails when the file cannot be read', () => {
    expectFailure(FlowContent.fromFile(path.join(FIXTURES, 'missing.json')), /Flow: cannot read flow content file '.*missing\.json'/);
  });

  test('fails when the file is not JSON', () => {
    expectFailure(FlowContent.fromFile(path.join(FIXTURES, 'not-json.json')), /flow content file '.*not-json\.json' is not valid JSON/);
  });

  test('fails when the string is not JSON', () => {
    expectFailure(FlowContent.fromJsonString('{"Version": '), /flow content is not valid JSON/);
  });

  test('a token string is passed through unchecked', () => {
    const { config, stack } = bind((s) => FlowContent.fromJsonString(new CfnParameter(s, 'FlowJson').valueAsString));
    expect(stack.resolve(config.content)).toEqual({ Ref: 'FlowJson' });
    expect(config.dependencies).toBeUndefined();
  });

  test('a token object is passed through unchecked', () => {
    const { resolved } = bind(FlowContent.fromObject(Lazy.any({ produce: () => ({ anything: true }) })));
    expect(resolved).toBe('{"anything":true}');
  });

  test('fails when token content has references', () => {
    expectFailure(
      (s) => FlowContent.fromJsonString(new CfnParameter(s, 'FlowJson').valueAsString, { references: [FlowReference.text('A', 'a')] }),
      /flow content is only known at deploy time \(a token\), so its placeholders cannot be filled/,
    );
  });

  test('content whose only tokens are references renders as Stack.toJsonString renders it', () => {
    const { stack, resolved } = bind((s) => {
      const queue = definedQueue(s);
      const document = flow(`queue ${queue.queueArn} "quoted"`);
      document.Metadata = { [queue.queueArn]: { ids: [queue.queueArn, 1, true, null] } };
      return FlowContent.fromObject(document);
    });
    const queueArn = { 'Fn::GetAtt': ['CfnQueue', 'QueueArn'] };
    expect(resolved['Fn::Join'][1]).toContainEqual(queueArn);
    const expected = flow(`queue ${Token.asString(queueArn)} "quoted"`);
    expected.Metadata = { [Token.asString(queueArn)]: { ids: [Token.asString(queueArn), 1, true, null] } };
    expect(resolved).toEqual(stack.resolve(stack.toJsonString(expected)));
  });

  test('a value a token produces is escaped as JSON (content with tokens other than references)', () => {
    const content = parsed(FlowContent.fromObject(flow(Lazy.string({ produce: () => 'say "hi" \\ bye' }))));
    expect(content.Actions[0].Parameters.Text).toBe('say "hi" \\ bye');
  });

  test('tokens inside an object are kept', () => {
    const { resolved } = bind((s) => FlowContent.fromObject(flow(new CfnParameter(s, 'Greeting').valueAsString)));
    expect(resolved['Fn::Join'][1]).toContainEqual({ Ref: 'Greeting' });
  });
});

describe('placeholders', () => {
  test('a queue reference renders the queue ARN as a GetAtt in Fn::Join', () => {
    const { resolved } = bind((stack) => FlowContent.fromFile(path.join(FIXTURES, 'transfer-to-queue.json'), {
      references: [
        FlowReference.text('CompanyName', 'Example Corp'),
        FlowReference.queue('SupportQueue', definedQueue(stack)),
      ],
    }));
    expect(resolved['Fn::Join'][0]).toBe('');
    const parts: unknown[] = resolved['Fn::Join'][1];
    expect(parts).toContainEqual({ 'Fn::GetAtt': ['CfnQueue', 'QueueArn'] });
    const before = parts[parts.findIndex(part => typeof part === 'object') - 1] as string;
    expect(before.endsWith('"QueueId":"')).toBe(true);
  });

  test('placeholders inside longer strings, several per string', () => {
    const content = parsed(FlowContent.fromObject(flow('${A} and ${B}, again ${A}!'), {
      references: [FlowReference.text('A', 'one'), FlowReference.text('B', 'two')],
    }));
    expect(content.Actions[0].Parameters.Text).toBe('one and two, again one!');
  });

  test('$${ writes a literal ${', () => {
    const content = parsed(FlowContent.fromObject(flow('cost: $${Amount}')));
    expect(content.Actions[0].Parameters.Text).toBe('cost: ${Amount}');
  });

  test('every reference kind renders its ARN', () => {
    const arn = (kind: string, id: string) => `${INSTANCE_ARN}/${kind}/${id}`;
    const { stack, instance } = testStack();
    const refs = [
      FlowReference.hoursOfOperation('Hours', HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', arn('operating-hours', 'h1'))),
      FlowReference.prompt('Prompt', Prompt.fromPromptArn(stack, 'Prompt', arn('prompt', 'p1'))),
      FlowReference.contactFlow('Flow', ContactFlow.fromContactFlowArn(stack, 'Other', arn('contact-flow', 'f1'))),
      FlowReference.flowModule('Module', ContactFlowModule.fromContactFlowModuleArn(stack, 'Module', arn('flow-module', 'm1'))),
      FlowReference.quickConnect('QuickConnect', QuickConnect.fromQuickConnectArn(stack, 'QuickConnect', arn('transfer-destination', 'q1'))),
      FlowReference.user('Agent', User.fromUserArn(stack, 'User', arn('agent', 'u1'))),
      FlowReference.queue('Queue', Queue.fromQueueArn(stack, 'Queue', arn('queue', 'q1'))),
    ];
    const doc = flow(refs.map(ref => `\${${ref.name}}`).join(' '));
    const config = FlowContent.fromObject(doc, { references: refs }).bind(new Construct(stack, 'Flow'), instance);
    const text = JSON.parse(stack.resolve(config.content)).Actions[0].Parameters.Text;
    expect(text).toBe([
      arn('operating-hours', 'h1'), arn('prompt', 'p1'), arn('contact-flow', 'f1'), arn('flow-module', 'm1'),
      arn('transfer-destination', 'q1'), arn('agent', 'u1'), arn('queue', 'q1'),
    ].join(' '));
  });

  test('a reference value may be a token', () => {
    const { resolved } = bind(() => FlowContent.fromObject(flow('${Name}'), {
      references: [FlowReference.text('Name', Fn.ref('AWS::StackName'))],
    }));
    expect(resolved['Fn::Join'][1]).toContainEqual({ Ref: 'AWS::StackName' });
  });

  test('fails for a placeholder without a reference and lists the references', () => {
    expectFailure(
      FlowContent.fromObject(flow('${Missing}'), { references: [FlowReference.text('A', 'a'), FlowReference.text('B', 'b')] }),
      /flow content uses placeholder \$\{Missing\} but no reference named Missing was given; references: A, B; found in action 'Greet' at Parameters.Text/,
    );
  });

  test('fails for a placeholder when there are no references', () => {
    expectFailure(FlowContent.fromObject(flow('${Missing}')), /no reference named Missing was given; references: none/);
  });

  test('fails for an unused reference', () => {
    expectFailure(
      FlowContent.fromObject(flow('${A}'), { references: [FlowReference.text('A', 'a'), FlowReference.text('Unused', 'u')] }),
      /flow reference Unused is not used: the flow content has no placeholder \$\{Unused\}/,
    );
  });

  test('fails for duplicate reference names', () => {
    expectFailure(
      FlowContent.fromObject(flow('${A}'), { references: [FlowReference.text('A', 'a'), FlowReference.text('A', 'b')] }),
      /flow reference names must be unique, 'A' appears more than once/,
    );
  });

  test('fails for an illegal reference name', () => {
    expectFailure(
      FlowContent.fromObject(flow('x'), { references: [FlowReference.text('1st-queue', 'a')] }),
      /flow reference name must start with a letter and contain only letters, digits and underscores, got '1st-queue'/,
    );
  });

  test('fails for a malformed placeholder', () => {
    expectFailure(FlowContent.fromObject(flow('${not a name}')), /flow content has a malformed placeholder \$\{not a name\} in action 'Greet' at Parameters.Text/);
  });

  test('fails for a placeholder in an object key', () => {
    const doc = flow();
    doc.Metadata = { ActionMetadata: { '${A}': {} } };
    expectFailure(
      FlowContent.fromObject(doc, { references: [FlowReference.text('A', 'a')] }),
      /flow content has a placeholder in the object key '\$\{A\}' at Metadata.ActionMetadata; placeholders are only replaced in string values/,
    );
  });

  test('fails for a reference to a resource of another instance', () => {
    expectFailure(
      (stack) => FlowContent.fromObject(flow('${Q}'), {
        references: [FlowReference.queue('Q', Queue.fromQueueArn(stack, 'Q', `${OTHER_INSTANCE_ARN}/queue/q1`))],
      }),
      /flow reference Q is a queue of instance arn:aws:connect:us-east-1:111122223333:instance\/99999999-8888-7777-6666-555555555555, but the flow belongs to instance arn:aws:connect:us-east-1:111122223333:instance\/11111111-2222-3333-4444-555555555555/,
    );
  });
});

describe('Lambda function references', () => {
  function lambdaFlow(stack: Stack) {
    const fn = new lambda.Function(stack, 'Lookup', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ tier: "gold" });'),
    });
    return { fn, content: FlowContent.fromFile(path.join(FIXTURES, 'invoke-lambda.json'), { references: [FlowReference.lambdaFunction('CustomerLookup', fn)] }) };
  }

  test('associate the function with the instance and return the association as a dependency', () => {
    const { stack, instance } = testStack();
    const { content } = lambdaFlow(stack);
    const config = content.bind(new Construct(stack, 'Flow'), instance);
    expect(config.dependencies).toHaveLength(1);
    const resolved = stack.resolve(config.content);
    expect(resolved['Fn::Join'][1]).toContainEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Lookup/), 'Arn'] });
  });

  test('fails when the Lambda function is not used', () => {
    expectFailure((stack) => {
      const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
      return FlowContent.fromObject(flow(), { references: [FlowReference.lambdaFunction('Lookup', fn)] });
    }, /flow reference Lookup is not used/);
  });
});

describe('literal ARNs', () => {
  test('fails for a literal ARN of another instance and points to placeholders', () => {
    expectFailure(
      FlowContent.fromFile(path.join(FIXTURES, 'exported-with-arns.json')),
      /flow content contains the literal ARN 'arn:aws:connect:us-west-2:444455556666:instance\/99999999-8888-7777-6666-555555555555\/queue\/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' in action 'SetQueue' at Parameters.QueueId; .*write a \$\{Name\} placeholder and pass a FlowReference/,
    );
  });

  test('fails for a literal Lambda ARN', () => {
    expectFailure(
      FlowContent.fromObject(flow('arn:aws:lambda:us-east-1:111122223333:function:lookup')),
      /flow content contains the literal ARN 'arn:aws:lambda:us-east-1:111122223333:function:lookup'/,
    );
  });

  test('are accepted with allowLiteralArns', () => {
    const content = parsed(FlowContent.fromFile(path.join(FIXTURES, 'exported-with-arns.json'), { allowLiteralArns: true }));
    expect(content.Actions[0].Parameters.QueueId).toMatch(/^arn:aws:connect:us-west-2:444455556666:instance\//);
  });

  test('in text reference values are not flagged', () => {
    const content = parsed(FlowContent.fromObject(flow('${Target}'), {
      references: [FlowReference.text('Target', 'arn:aws:lambda:us-east-1:111122223333:function:shared')],
    }));
    expect(content.Actions[0].Parameters.Text).toBe('arn:aws:lambda:us-east-1:111122223333:function:shared');
  });
});

describe('flow language validation', () => {
  function withChange(change: (doc: any) => void): FlowContent {
    const doc = flow();
    change(doc);
    return FlowContent.fromObject(doc);
  }

  test('fails when the content is not an object', () => {
    expectFailure(FlowContent.fromJsonString('[1, 2]'), /flow content must be a JSON object, got a list/);
  });

  test('fails for a wrong Version', () => {
    expectFailure(withChange(doc => { doc.Version = '2020-01-01'; }), /flow content Version must be '2019-10-30', got string "2020-01-01"/);
  });

  test('fails without a Version', () => {
    expectFailure(withChange(doc => { delete doc.Version; }), /flow content Version must be '2019-10-30', got none/);
  });

  test('fails for Metadata that is not an object', () => {
    expectFailure(withChange(doc => { doc.Metadata = 'x'; }), /flow content Metadata must be an object, got string "x"/);
  });

  test('fails for empty Actions', () => {
    expectFailure(withChange(doc => { doc.Actions = []; }), /flow content Actions must be a non-empty list of actions, got a list/);
  });

  test('fails without Actions', () => {
    expectFailure(withChange(doc => { delete doc.Actions; }), /flow content Actions must be a non-empty list of actions, got none/);
  });

  test('fails for an action that is not an object', () => {
    expectFailure(withChange(doc => { doc.Actions.push('x'); }), /flow content Actions\[2\] must be an object, got string "x"/);
  });

  test('fails for an action without an Identifier', () => {
    expectFailure(withChange(doc => { delete doc.Actions[1].Identifier; }), /flow content Actions\[1\] must have an Identifier string, got none/);
  });

  test('fails for an identifier longer than 50 characters', () => {
    const long = 'a'.repeat(51);
    expectFailure(withChange(doc => { doc.Actions[1].Identifier = long; doc.Actions[0].Transitions.NextAction = long; }),
      new RegExp(`flow content action identifier '${long}' must be 1 to 50 characters, got 51`));
  });

  test('accepts an identifier of 50 characters with spaces and unicode', () => {
    const id = 'Fin de l’appel ' + 'x'.repeat(35);
    const content = parsed(withChange(doc => {
      doc.Actions[1].Identifier = id;
      doc.Actions[0].Transitions.NextAction = id;
      doc.Actions[0].Transitions.Errors[0].NextAction = id;
    }));
    expect(content.Actions[1].Identifier).toBe(id);
  });

  test('fails for an identifier with a forbidden character', () => {
    expectFailure(withChange(doc => { doc.Actions[1].Identifier = 'end:now'; }),
      /flow content action identifier 'end:now' must not contain any of % : \( \\ \/ \) = \$ , ; \[ \] \{ \}, got ':'/);
  });

  test('fails for a reserved identifier', () => {
    expectFailure(withChange(doc => { doc.Actions[1].Identifier = 'constructor'; }), /flow content action identifier 'constructor' is reserved/);
  });

  test('fails for duplicate identifiers', () => {
    expectFailure(withChange(doc => { doc.Actions[1].Identifier = 'Greet'; }),
      /flow content action identifiers must be unique, 'Greet' is used by more than one action/);
  });

  test('fails for an action without a Type', () => {
    expectFailure(withChange(doc => { delete doc.Actions[1].Type; }), /flow content action 'End' must have a Type string, got none/);
  });

  test('fails for a Type that is not a string', () => {
    expectFailure(withChange(doc => { doc.Actions[1].Type = 3; }), /flow content action 'End' must have a Type string, got number 3/);
  });

  test('fails for Parameters that are not an object', () => {
    expectFailure(withChange(doc => { doc.Actions[1].Parameters = []; }), /flow content action 'End' Parameters must be an object, got a list/);
  });

  test('fails for a StartAction that is not an action', () => {
    expectFailure(withChange(doc => { doc.StartAction = 'Nowhere'; }),
      /flow content StartAction is 'Nowhere', which is not an action in the flow; actions: 'Greet', 'End'/);
  });

  test('fails without a StartAction', () => {
    expectFailure(withChange(doc => { delete doc.StartAction; }), /flow content StartAction must be an action identifier, got none/);
  });

  test('fails for Transitions that are not an object', () => {
    expectFailure(withChange(doc => { doc.Actions[1].Transitions = 'End'; }), /flow content action 'End' Transitions must be an object, got string "End"/);
  });

  test('fails for a NextAction that is not an action', () => {
    expectFailure(withChange(doc => { doc.Actions[0].Transitions.NextAction = 'Nowhere'; }),
      /flow content action 'Greet' transitions to 'Nowhere', which is not an action in the flow/);
  });

  test('fails for a NextAction that is not a string', () => {
    expectFailure(withChange(doc => { doc.Actions[0].Transitions.NextAction = 1; }),
      /flow content action 'Greet' NextAction must be an action identifier, got number 1/);
  });

  test('fails for Errors that are not a list', () => {
    expectFailure(withChange(doc => { doc.Actions[0].Transitions.Errors = {}; }), /flow content action 'Greet' Errors must be a list, got an object/);
  });

  test('fails for an error branch that is not an object', () => {
    expectFailure(withChange(doc => { doc.Actions[0].Transitions.Errors = ['End']; }),
      /flow content action 'Greet' Errors\[0\] must be an object, got string "End"/);
  });

  test('fails for an error branch to a missing action', () => {
    expectFailure(withChange(doc => { doc.Actions[0].Transitions.Errors[0].NextAction = 'Nowhere'; }),
      /flow content action 'Greet' Errors\[0\] transitions to 'Nowhere', which is not an action in the flow/);
  });

  test('fails for an error branch without an ErrorType', () => {
    expectFailure(withChange(doc => { delete doc.Actions[0].Transitions.Errors[0].ErrorType; }),
      /flow content action 'Greet' Errors\[0\] must have an ErrorType string, got none/);
  });

  test('fails for a condition to a missing action', () => {
    expectFailure(withChange(doc => {
      doc.Actions[0].Transitions.Conditions = [{ NextAction: 'Nowhere', Condition: { Operator: 'Equals', Operands: ['1'] } }];
    }), /flow content action 'Greet' Conditions\[0\] transitions to 'Nowhere', which is not an action in the flow/);
  });

  test('fails for a condition without a Condition', () => {
    expectFailure(withChange(doc => { doc.Actions[0].Transitions.Conditions = [{ NextAction: 'End' }]; }),
      /flow content action 'Greet' Conditions\[0\] must have a Condition object, got none/);
  });

  test('checks transitions after placeholders are filled', () => {
    const content = parsed(FlowContent.fromObject(
      { ...flow(), StartAction: '${Start}' },
      { references: [FlowReference.text('Start', 'Greet')] },
    ));
    expect(content.StartAction).toBe('Greet');
    expectFailure(
      FlowContent.fromObject({ ...flow(), StartAction: '${Start}' }, { references: [FlowReference.text('Start', 'Nowhere')] }),
      /flow content StartAction is 'Nowhere', which is not an action in the flow/,
    );
  });

  test('skips transitions that are tokens', () => {
    const { resolved } = bind((s) => FlowContent.fromObject({ ...flow(), StartAction: new CfnParameter(s, 'Start').valueAsString }));
    expect(resolved['Fn::Join'][1]).toContainEqual({ Ref: 'Start' });
  });

  test('the file fixtures are valid', () => {
    const { stack, instance } = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
    expect(() => FlowContent.fromFile(path.join(FIXTURES, 'invoke-lambda.json'), {
      references: [FlowReference.lambdaFunction('CustomerLookup', fn)],
    }).bind(new Construct(stack, 'Flow'), instance)).not.toThrow();
  });

  test('fails for content longer than 256000 characters', () => {
    // The rest of the minimal flow is 316 characters.
    expect(parsed(FlowContent.fromObject(flow('x'.repeat(256000 - 316))))).toBeDefined();
    expectFailure(FlowContent.fromObject(flow('x'.repeat(256000 - 315))), /flow content must be at most 256000 characters, got 256001/);
  });

  test('counts only the known part of content with tokens', () => {
    const ok = bind((s) => FlowContent.fromObject(flow('x'.repeat(256000 - 316) + new CfnParameter(s, 'Tail').valueAsString)));
    expect(ok.resolved['Fn::Join']).toBeDefined();
    expectFailure(
      (s) => FlowContent.fromObject(flow('x'.repeat(256000 - 315) + new CfnParameter(s, 'Tail').valueAsString)),
      /flow content must be at most 256000 characters, got at least 256001/,
    );
  });
});
