import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ContactFlowType } from '../../../src/constructs/contact-flow';
import { FlowCondition, FlowDefinition, RawAction } from '../../../src/flows';
import {
  Compare, DistributeByPercentage, InvokeLambdaFunction, LambdaInvocationType, LambdaResponseType, Loop, Wait, WaitEvent,
} from '../../../src/flows/actions/logic';
import { ACTION_SPECS } from '../../../src/private/flow-actions';
import { ParameterChecker } from '../../../src/private/flow-actions/rules';
import { INSTANCE_ARN, testStack } from '../../helpers';
import { actionOf, end, expectWarning, expectWarningWhen, jsonFlow, raw, render, renderFlow, renderModule, StackAndInstance } from '../render';

/** Renders a definition into a flow of the given type in the stack; returns the stack and the document. */
function renderWithTokens(definition: FlowDefinition, stackAndInstance: StackAndInstance, type?: ContactFlowType):
{ stack: Stack; document: any } {
  return { stack: stackAndInstance.stack, document: renderFlow(definition, type, stackAndInstance).document };
}

/** A one-action flow of a type this library knows, with raw parameters and the given transitions. */
function renderRaw(actionType: string, parameters: any, branches: (action: RawAction) => void): any {
  const action = raw('Raw', actionType, parameters);
  branches(action);
  return render(action);
}

function testFunction(stack: Stack, id: string = 'Lookup'): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
}

/** Runs the condition rules of a type on conditions as a document writes them; returns the message it fails with. */
function conditionProblem(actionType: string, conditions: any[], parameters: any = {}): string | undefined {
  try {
    ACTION_SPECS.get(actionType)!.checkConditions!(conditions, new ParameterChecker(parameters, message => {
      throw new Error(message);
    }));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('Compare', () => {
  test('renders the value, a condition per when() and NoMatchingCondition, which is also the next action (as the designer writes it)', () => {
    const compare = new Compare('CheckTier', { value: '$.Attributes.tier' })
      .when(FlowCondition.equalTo('gold'), end('Gold'))
      .when(FlowCondition.numberGreaterThan(5), end('Many'))
      .otherwise(end('Standard'));
    expect(actionOf(render(compare), 'CheckTier')).toEqual({
      Identifier: 'CheckTier',
      Type: 'Compare',
      Parameters: { ComparisonValue: '$.Attributes.tier' },
      Transitions: {
        NextAction: 'Standard',
        Conditions: [
          { NextAction: 'Gold', Condition: { Operator: 'Equals', Operands: ['gold'] } },
          { NextAction: 'Many', Condition: { Operator: 'NumberGreaterThan', Operands: ['5'] } },
        ],
        Errors: [{ NextAction: 'Standard', ErrorType: 'NoMatchingCondition' }],
      },
    });
  });

  test('is allowed in every flow type', () => {
    const compare = new Compare('CheckTier', { value: '$.Channel' }).when(FlowCondition.equalTo('CHAT'), end('Chat')).otherwise(end('Other'));
    expect(actionOf(render(compare, ContactFlowType.AGENT_WHISPER), 'CheckTier').Type).toBe('Compare');
  });

  test('takes a next action as the flow designer writes one beside its conditions, and is no open end of a chain', () => {
    const other = end('Other');
    const compare = new Compare('CheckTier', { value: '$.Channel' }).when(FlowCondition.equalTo('CHAT'), end('Chat')).otherwise(other);
    expect(compare.next(other).endActions).toEqual([]);
    expect(actionOf(render(compare), 'CheckTier').Transitions).toEqual({
      NextAction: 'Other',
      Conditions: [{ NextAction: 'Chat', Condition: { Operator: 'Equals', Operands: ['CHAT'] } }],
      Errors: [{ NextAction: 'Other', ErrorType: 'NoMatchingCondition' }],
    });
  });

  test('fails when the value is not a JSONPath, naming the action', () => {
    const compare = new Compare('CheckTier', { value: 'gold' }).when(FlowCondition.equalTo('gold'), end('Gold')).otherwise(end('Other'));
    expect(() => render(compare)).toThrow(/flow action 'CheckTier' \(Compare\) parameter ComparisonValue must be one JSONPath such as \$\.Attributes\.tier, got "gold"/);
  });

  test('fails without the ComparisonValue parameter', () => {
    expect(() => renderRaw('Compare', {}, action => action.when(FlowCondition.equalTo('a'), end('A')).otherwise(end('B'))))
      .toThrow(/flow action 'Raw' \(Compare\) parameter ComparisonValue is required/);
  });

  test('fails without otherwise(), naming NoMatchingCondition', () => {
    const compare = new Compare('CheckTier', { value: '$.Channel' }).when(FlowCondition.equalTo('CHAT'), end('Chat'));
    expectWarning(compare, /flow action 'CheckTier' \(Compare\) does not handle NoMatchingCondition: route NoMatchingCondition with otherwise\(\)/);
  });

  test('fails without conditions as a dead end', () => {
    expectWarning(new Compare('CheckTier', { value: '$.Channel' }), /flow action 'CheckTier' \(Compare\) is a dead end: it has neither a next action nor conditions/);
  });
});

describe('DistributeByPercentage', () => {
  test('renders the percentages as 1 plus their running totals in NumberLessThan conditions (as the designer writes them), and the rest as NoMatchingCondition', () => {
    const split = new DistributeByPercentage('Split')
      .withPercentage(10, end('NewMenu'))
      .withPercentage(20, end('Survey'))
      .otherwise(end('Classic'));
    expect(actionOf(render(split), 'Split')).toEqual({
      Identifier: 'Split',
      Type: 'DistributeByPercentage',
      Parameters: {},
      Transitions: {
        NextAction: 'Classic',
        Conditions: [
          { NextAction: 'NewMenu', Condition: { Operator: 'NumberLessThan', Operands: ['11'] } },
          { NextAction: 'Survey', Condition: { Operator: 'NumberLessThan', Operands: ['31'] } },
        ],
        Errors: [{ NextAction: 'Classic', ErrorType: 'NoMatchingCondition' }],
      },
    });
  });

  test('accepts percentages that add up to exactly 100', () => {
    const b = end('B');
    const split = new DistributeByPercentage('Split').withPercentage(40, end('A')).withPercentage(60, b).otherwise(b);
    const conditions = actionOf(render(split), 'Split').Transitions.Conditions;
    expect(conditions.map((branch: any) => branch.Condition.Operands[0])).toEqual(['41', '101']);
  });

  test('is allowed in transfer, customer queue and outbound whisper flows, and in modules', () => {
    const types = [ContactFlowType.QUEUE_TRANSFER, ContactFlowType.AGENT_TRANSFER, ContactFlowType.CUSTOMER_QUEUE, ContactFlowType.OUTBOUND_WHISPER];
    for (const type of types) {
      const split = new DistributeByPercentage('Split').withPercentage(50, end('A')).otherwise(end('B'));
      expect(actionOf(render(split, type), 'Split').Type).toBe('DistributeByPercentage');
    }
    const split = new DistributeByPercentage('Split').withPercentage(50, end('A')).otherwise(end('B'));
    expect(actionOf(renderModule(FlowDefinition.start(split)).document, 'Split').Type).toBe('DistributeByPercentage');
  });

  test('fails when the percentages add up to more than 100, naming the action', () => {
    const split = new DistributeByPercentage('Split').withPercentage(70, end('A')).withPercentage(40, end('B')).otherwise(end('C'));
    expect(() => render(split)).toThrow(/Flow: flow action 'Split' \(DistributeByPercentage\) distributes 110 percent across its branches; the percentages must add up to 100 at most/);
  });

  test('fails for a branch of 0 percent', () => {
    const split = new DistributeByPercentage('Split').withPercentage(30, end('A')).withPercentage(0, end('B')).otherwise(end('C'));
    expect(() => render(split)).toThrow(/flow action 'Split' \(DistributeByPercentage\) gives branch 2 0 percent; every branch needs a whole percentage of at least 1/);
  });

  test('fails for a fraction of a percent', () => {
    const split = new DistributeByPercentage('Split').withPercentage(12.5, end('A')).otherwise(end('C'));
    expect(() => render(split)).toThrow(/flow action 'Split' \(DistributeByPercentage\) condition 1 must compare with a whole number \(1 plus the running total of the percentages\), got "13.5"/);
  });

  test('fails without otherwise(), naming NoMatchingCondition', () => {
    const split = new DistributeByPercentage('Split').withPercentage(50, end('A'));
    expectWarning(split, /flow action 'Split' \(DistributeByPercentage\) does not handle NoMatchingCondition/);
  });

  test('fails in a whisper or hold flow', () => {
    const split = new DistributeByPercentage('Split').withPercentage(50, end('A')).otherwise(end('B'));
    expect(() => render(split, ContactFlowType.AGENT_WHISPER))
      .toThrow(/flow action 'Split' \(DistributeByPercentage\) cannot be used in a AGENT_WHISPER flow; it is allowed in: CONTACT_FLOW flow, CUSTOMER_QUEUE flow/);
    const again = new DistributeByPercentage('Split').withPercentage(50, end('A')).otherwise(end('B'));
    expect(() => render(again, ContactFlowType.CUSTOMER_HOLD)).toThrow(/cannot be used in a CUSTOMER_HOLD flow/);
  });

  test('fails in a flow document whose action takes a next action instead of conditions', () => {
    const content = () => jsonFlow('Split', [
      { Identifier: 'Split', Type: 'DistributeByPercentage', Parameters: {}, Transitions: {} },
    ]);
    expectWarningWhen(stackAndInstance => renderFlow(content(), ContactFlowType.CONTACT_FLOW, stackAndInstance),
      /flow action 'Split' \(DistributeByPercentage\) is a dead end/);
  });

  test('the condition rules accept 1 plus running totals up to 100 and reject other operators, falling totals and totals over 100', () => {
    const lessThan = (operand: string) => ({ Operator: 'NumberLessThan', Operands: [operand] });
    expect(conditionProblem('DistributeByPercentage', [lessThan('4'), lessThan('10'), lessThan('18')])).toBeUndefined();
    expect(conditionProblem('DistributeByPercentage', [lessThan('21'), lessThan('61'), lessThan('101')])).toBeUndefined();
    expect(conditionProblem('DistributeByPercentage', [{ Operator: 'Equals', Operands: ['20'] }]))
      .toBe('takes only conditions NumberLessThan with one operand (1 plus the running total of the percentages), got Equals "20"');
    expect(conditionProblem('DistributeByPercentage', [lessThan('61'), lessThan('21')])).toMatch(/^gives branch 2 -40 percent/);
    expect(conditionProblem('DistributeByPercentage', [lessThan('1')])).toMatch(/^gives branch 1 0 percent/);
    expect(conditionProblem('DistributeByPercentage', [lessThan('51'), lessThan('102')])).toMatch(/^distributes 101 percent/);
    expect(conditionProblem('DistributeByPercentage', [lessThan('$.Attributes.x')])).toMatch(/^condition 1 must compare with a whole number/);
  });
});

describe('Loop', () => {
  test('renders the count and both branches as ContinueLooping and DoneLooping conditions', () => {
    const ask = new RawAction('Ask', { actionType: 'CustomStep' });
    const loop = new Loop('Retry', { count: 3 }).whenLooping(ask).whenDone(end('GiveUp'));
    ask.next(loop);
    const document = render(loop);
    expect(actionOf(document, 'Retry')).toEqual({
      Identifier: 'Retry',
      Type: 'Loop',
      Parameters: { LoopCount: '3' },
      Transitions: {
        Conditions: [
          { NextAction: 'Ask', Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
          { NextAction: 'GiveUp', Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
        ],
      },
    });
    expect(actionOf(document, 'Ask').Transitions.NextAction).toBe('Retry');
  });

  test('takes the count from a JSONPath, and a count of 0', () => {
    const dynamic = new Loop('Retry', { countPath: '$.Attributes.retries' }).whenLooping(end('Again')).whenDone(end('Done'));
    expect(actionOf(render(dynamic), 'Retry').Parameters).toEqual({ LoopCount: '$.Attributes.retries' });
    const none = new Loop('Retry', { count: 0 }).whenLooping(end('Again')).whenDone(end('Done'));
    expect(actionOf(render(none), 'Retry').Parameters).toEqual({ LoopCount: '0' });
  });

  test('is allowed in every flow type, and may route errors to a default', () => {
    const loop = new Loop('Retry', { count: 2 }).whenLooping(end('Again')).whenDone(end('Done'));
    loop.onError(end('Oops'));
    const action = actionOf(render(loop, ContactFlowType.AGENT_HOLD), 'Retry');
    expect(action.Transitions.Errors).toEqual([{ NextAction: 'Oops', ErrorType: 'NoMatchingError' }]);
  });

  test('fails for a count over 100, naming the action', () => {
    const loop = new Loop('Retry', { count: 101 }).whenLooping(end('Again')).whenDone(end('Done'));
    expect(() => render(loop)).toThrow(/flow action 'Retry' \(Loop\) parameter LoopCount must be an integer from 0 to 100 times, got "101"/);
  });

  test('fails for a negative or fractional count', () => {
    const negative = new Loop('Retry', { count: -1 }).whenLooping(end('Again')).whenDone(end('Done'));
    expect(() => render(negative)).toThrow(/parameter LoopCount must be an integer from 0 to 100 times, got "-1"/);
    const fraction = new Loop('Retry', { count: 1.5 }).whenLooping(end('Again')).whenDone(end('Done'));
    expect(() => render(fraction)).toThrow(/parameter LoopCount must be an integer from 0 to 100 times, got "1.5"/);
  });

  test('fails without a count', () => {
    const loop = new Loop('Retry', {}).whenLooping(end('Again')).whenDone(end('Done'));
    expect(() => render(loop)).toThrow(/flow action 'Retry' \(Loop\) parameter LoopCount is required/);
  });

  test('fails with both a count and a count path', () => {
    expect(() => new Loop('Retry', { count: 2, countPath: '$.Attributes.n' })).toThrow(/flow action 'Retry' \(Loop\) takes either count or countPath, not both/);
  });

  test('fails without the done branch, or without the looping branch', () => {
    const noDone = new Loop('Retry', { count: 2 }).whenLooping(end('Again'));
    expectWarning(noDone, /flow action 'Retry' \(Loop\) needs a branch for each of its results \(ContinueLooping, DoneLooping\): add Equals DoneLooping \(whenDone\(\)\)/);
    const noLoop = new Loop('Retry', { count: 2 }).whenDone(end('Done'));
    expectWarning(noLoop, /flow action 'Retry' \(Loop\) needs a branch for each of its results \(ContinueLooping, DoneLooping\): add Equals ContinueLooping \(whenLooping\(\)\)/);
  });

  test('fails without branches as a dead end', () => {
    expectWarning(new Loop('Retry', { count: 2 }), /flow action 'Retry' \(Loop\) is a dead end/);
  });

  test('the condition rules reject other results and other operators', () => {
    const equals = (operand: string) => ({ Operator: 'Equals', Operands: [operand] });
    expect(conditionProblem('Loop', [equals('ContinueLooping'), equals('DoneLooping')])).toBeUndefined();
    expect(conditionProblem('Loop', [equals('ContinueLooping'), equals('DoneLooping'), equals('Done')]))
      .toBe('takes only the conditions Equals ContinueLooping, Equals DoneLooping, got Equals "Done"');
    expect(conditionProblem('Loop', [equals('ContinueLooping'), equals('ContinueLooping'), equals('DoneLooping')]))
      .toBe('has two conditions Equals ContinueLooping; each result takes one branch');
    expect(conditionProblem('Loop', [{ Operator: 'TextContains', Operands: ['Done'] }]))
      .toBe('conditions must be Equals with ContinueLooping or DoneLooping, got TextContains "Done"');
  });

  test('fails in a flow document with a count out of range', () => {
    const content = jsonFlow('Retry', [
      {
        Identifier: 'Retry',
        Type: 'Loop',
        Parameters: { LoopCount: '500' },
        Transitions: {
          Conditions: [
            { NextAction: 'Retry', Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
            { NextAction: 'Bye', Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
          ],
        },
      },
      { Identifier: 'Bye', Type: 'CustomStep', Parameters: {}, Transitions: { NextAction: 'Retry' } },
    ]);
    expect(() => renderFlow(content)).toThrow(/flow action 'Retry' \(Loop\) parameter LoopCount must be an integer from 0 to 100 times, got "500"/);
  });
});

describe('Wait', () => {
  function waitFor(props: ConstructorParameters<typeof Wait>[1] = { timeout: Duration.hours(2) }): Wait {
    return new Wait('Idle', props);
  }

  test('renders the timeout in seconds, the events of its branches, and its conditions', () => {
    const wait = waitFor().whenTimeExpired(end('Expired')).whenCustomerReturned(end('Back'));
    wait.onError(end('Oops'));
    expect(actionOf(render(wait), 'Idle')).toEqual({
      Identifier: 'Idle',
      Type: 'Wait',
      Parameters: { TimeLimitSeconds: '7200', Events: ['CustomerReturned'] },
      Transitions: {
        Conditions: [
          { NextAction: 'Expired', Condition: { Operator: 'Equals', Operands: ['WaitCompleted'] } },
          { NextAction: 'Back', Condition: { Operator: 'Equals', Operands: ['CustomerReturned'] } },
        ],
        Errors: [{ NextAction: 'Oops', ErrorType: 'NoMatchingError' }],
      },
    });
  });

  test('renders no events when it only waits for the time, a JSONPath timeout, and ParticipantNotFound', () => {
    const wait = waitFor({ timeoutPath: '$.Attributes.waitSeconds' })
      .whenTimeExpired(end('Expired'))
      .whenBotParticipantDisconnected(end('BotLeft'))
      .onParticipantNotFound(end('NoBot'));
    wait.onError(end('Oops'));
    const action = actionOf(render(wait), 'Idle');
    expect(action.Parameters).toEqual({ TimeLimitSeconds: '$.Attributes.waitSeconds', Events: ['BotParticipantDisconnected'] });
    expect(action.Transitions.Errors).toEqual([
      { NextAction: 'NoBot', ErrorType: 'ParticipantNotFound' },
      { NextAction: 'Oops', ErrorType: 'NoMatchingError' },
    ]);
    const plain = waitFor({ timeout: Duration.minutes(5) }).whenTimeExpired(end('Expired'));
    plain.onError(end('Oops'));
    expect(actionOf(render(plain), 'Idle').Parameters).toEqual({ TimeLimitSeconds: '300' });
  });

  test('accepts seven days and is allowed in customer queue flows and modules', () => {
    const wait = waitFor({ timeout: Duration.days(7) }).whenTimeExpired(end('Expired'));
    wait.onError(end('Oops'));
    expect(actionOf(render(wait, ContactFlowType.CUSTOMER_QUEUE), 'Idle').Parameters.TimeLimitSeconds).toBe('604800');
    const inModule = waitFor().whenTimeExpired(end('Expired'));
    inModule.onError(end('Oops'));
    expect(actionOf(renderModule(FlowDefinition.start(inModule)).document, 'Idle').Type).toBe('Wait');
  });

  test('fails for a timeout over seven days, naming the action', () => {
    const wait = waitFor({ timeout: Duration.days(8) }).whenTimeExpired(end('Expired'));
    wait.onError(end('Oops'));
    expect(() => render(wait)).toThrow(/flow action 'Idle' \(Wait\) parameter TimeLimitSeconds must be an integer from 1 to 604800 seconds, got "691200"/);
  });

  test('fails for a timeout of 0 seconds', () => {
    const wait = waitFor({ timeout: Duration.seconds(0) }).whenTimeExpired(end('Expired'));
    wait.onError(end('Oops'));
    expect(() => render(wait)).toThrow(/parameter TimeLimitSeconds must be an integer from 1 to 604800 seconds, got "0"/);
  });

  test('fails for a timeout that is not whole seconds', () => {
    const wait = waitFor({ timeout: Duration.millis(1500) }).whenTimeExpired(end('Expired'));
    wait.onError(end('Oops'));
    expect(() => render(wait)).toThrow(/flow action 'Idle' \(Wait\) timeout must be a whole number of seconds, got 1 second 500 millis/);
  });

  test('renders a timeout token given in seconds, and fails for one given in another unit', () => {
    const seconds = waitFor({ timeout: Duration.seconds(Lazy.number({ produce: () => 90 })) }).whenTimeExpired(end('Expired'));
    seconds.onError(end('Oops'));
    expect(actionOf(render(seconds), 'Idle').Parameters.TimeLimitSeconds).toBe('90');
    const minutes = waitFor({ timeout: Duration.minutes(Lazy.number({ produce: () => 2 })) }).whenTimeExpired(end('Expired'));
    minutes.onError(end('Oops'));
    expect(() => render(minutes)).toThrow(/flow action 'Idle' \(Wait\) timeout must be given with Duration.seconds\(\) when it is a token, got <token> minutes/);
  });

  test('fails without a timeout, and with two', () => {
    const wait = waitFor({}).whenTimeExpired(end('Expired'));
    wait.onError(end('Oops'));
    expect(() => render(wait)).toThrow(/flow action 'Idle' \(Wait\) needs exactly one of the parameters TimeLimitSeconds, TimeoutSeconds, got none/);
    expect(() => waitFor({ timeout: Duration.minutes(1), timeoutPath: '$.Attributes.t' })).toThrow(/takes either timeout or timeoutPath, not both/);
  });

  test('accepts the time as the flow language reference names it (TimeoutSeconds), and fails for both names', () => {
    const expired = (action: RawAction) => action.when(FlowCondition.equalTo('WaitCompleted'), end('Expired')).onError(end('Oops'));
    expect(() => renderRaw('Wait', { TimeoutSeconds: '60' }, expired)).not.toThrow();
    expect(() => renderRaw('Wait', { TimeoutSeconds: '0' }, expired)).toThrow(/parameter TimeoutSeconds must be an integer from 1 to 604800 seconds, got "0"/);
    expect(() => renderRaw('Wait', { TimeoutSeconds: '60', TimeLimitSeconds: '60' }, expired))
      .toThrow(/needs exactly one of the parameters TimeLimitSeconds, TimeoutSeconds, got TimeLimitSeconds, TimeoutSeconds/);
  });

  test('fails without the time-expired branch', () => {
    const wait = waitFor().whenCustomerReturned(end('Back'));
    wait.onError(end('Oops'));
    expectWarning(wait, /flow action 'Idle' \(Wait\) needs a branch for each of its results \(WaitCompleted, CustomerReturned\): add Equals WaitCompleted \(whenTimeExpired\(\)\)/);
  });

  test('fails when its errors are not handled', () => {
    const wait = waitFor().whenTimeExpired(end('Expired'));
    expectWarning(wait, /flow action 'Idle' \(Wait\) does not handle NoMatchingError, ParticipantNotFound/);
    const partly = waitFor().whenTimeExpired(end('Expired')).onParticipantNotFound(end('NoBot'));
    expectWarning(partly, /flow action 'Idle' \(Wait\) does not handle NoMatchingError:/);
  });

  test('fails for two branches of the same event', () => {
    const wait = waitFor().whenCustomerReturned(end('Back'));
    expect(() => wait.whenEvent(WaitEvent.CUSTOMER_RETURNED, end('Again'))).toThrow(/flow action 'Idle' \(Wait\) already has a branch for the event CustomerReturned/);
  });

  test('fails in flow types other than inbound and customer queue', () => {
    const wait = waitFor().whenTimeExpired(end('Expired'));
    wait.onError(end('Oops'));
    expect(() => render(wait, ContactFlowType.CUSTOMER_HOLD))
      .toThrow(/flow action 'Idle' \(Wait\) cannot be used in a CUSTOMER_HOLD flow; it is allowed in: CONTACT_FLOW flow, CUSTOMER_QUEUE flow, flow module/);
  });

  test('fails for an event the flow language does not know', () => {
    expect(() => renderRaw('Wait', { TimeoutSeconds: '60', Events: ['CustomerHungUp'] }, action => action
      .when(FlowCondition.equalTo('WaitCompleted'), end('Expired')).onError(end('Oops'))))
      .toThrow(/flow action 'Raw' \(Wait\) parameter Events may only contain CustomerReturned, BotParticipantDisconnected, got "CustomerHungUp"/);
  });

  test('the condition rules require WaitCompleted and a branch per event, and only Equals', () => {
    const equals = (operand: string) => ({ Operator: 'Equals', Operands: [operand] });
    const events = { Events: ['CustomerReturned'] };
    expect(conditionProblem('Wait', [equals('WaitCompleted'), equals('CustomerReturned')], events)).toBeUndefined();
    expect(conditionProblem('Wait', [equals('WaitCompleted')], events))
      .toBe('needs a branch for each of its results (WaitCompleted, CustomerReturned): add Equals CustomerReturned (whenCustomerReturned()); '
        + 'Amazon Connect accepts the flow, but it does not say where a contact goes then');
    expect(conditionProblem('Wait', [equals('WaitCompleted'), equals('BotParticipantDisconnected')], events))
      .toBe('takes only the conditions Equals WaitCompleted, Equals CustomerReturned, got Equals "BotParticipantDisconnected" (a condition on an event needs the event in parameter Events)');
    expect(conditionProblem('Wait', [{ Operator: 'TextContains', Operands: ['Wait'] }]))
      .toBe('conditions must be Equals with WaitCompleted, got TextContains "Wait"');
  });
});

describe('InvokeLambdaFunction', () => {
  function invoke(stack: Stack, props: Partial<ConstructorParameters<typeof InvokeLambdaFunction>[1]> = {}): InvokeLambdaFunction {
    const action = new InvokeLambdaFunction('FindCustomer', { lambdaFunction: testFunction(stack), ...props });
    action.next(end('Greeting'));
    action.onError(end('Fallback'));
    return action;
  }

  function lambdaRender(props: Partial<ConstructorParameters<typeof InvokeLambdaFunction>[1]> = {}, type?: ContactFlowType) {
    const stackAndInstance = testStack();
    const action = invoke(stackAndInstance.stack, props);
    return renderWithTokens(FlowDefinition.start(action), stackAndInstance, type);
  }

  test('renders the function ARN of the construct and the default time limit of 3 seconds', () => {
    const { stack, document } = lambdaRender();
    const fnId = stack.getLogicalId(stack.node.findChild('Lookup').node.defaultChild as lambda.CfnFunction);
    expect(actionOf(document, 'FindCustomer')).toEqual({
      Identifier: 'FindCustomer',
      Type: 'InvokeLambdaFunction',
      Parameters: { LambdaFunctionARN: { 'Fn::GetAtt': [fnId, 'Arn'] }, InvocationTimeLimitSeconds: '3' },
      Transitions: { NextAction: 'Greeting', Errors: [{ NextAction: 'Fallback', ErrorType: 'NoMatchingError' }] },
    });
  });

  test('renders the time limit, invocation type, response validation and input parameters', () => {
    const { document } = lambdaRender({
      timeout: Duration.seconds(8),
      invocationType: LambdaInvocationType.ASYNCHRONOUS,
      responseValidation: LambdaResponseType.JSON,
      inputParameters: [{ name: 'phone', value: '$.CustomerEndpoint.Address' }, { name: 'source', value: 'ivr' }],
    });
    const parameters = actionOf(document, 'FindCustomer').Parameters;
    expect(parameters.InvocationTimeLimitSeconds).toBe('8');
    expect(parameters.InvocationType).toBe('ASYNCHRONOUS');
    expect(parameters.ResponseValidation).toEqual({ ResponseType: 'JSON' });
    expect(parameters.LambdaInvocationAttributes).toEqual({ phone: '$.CustomerEndpoint.Address', source: 'ivr' });
  });

  test('associates the function with the instance and the flow depends on the association', () => {
    const { stack } = lambdaRender();
    const template = Template.fromStack(stack);
    const fnId = stack.getLogicalId(stack.node.findChild('Lookup').node.defaultChild as lambda.CfnFunction);
    template.resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE_ARN,
      IntegrationType: 'LAMBDA_FUNCTION',
      IntegrationArn: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
    const associationId = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'))[0];
    const flow = Object.values(template.findResources('AWS::Connect::ContactFlow'))[0] as any;
    expect(flow.DependsOn).toContain(associationId);
  });

  test('lets Amazon Connect invoke the function, from the flow\'s instance only', () => {
    const { stack } = lambdaRender();
    const template = Template.fromStack(stack);
    const fnId = stack.getLogicalId(stack.node.findChild('Lookup').node.defaultChild as lambda.CfnFunction);
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'connect.amazonaws.com',
      SourceArn: INSTANCE_ARN,
    });
  });

  test('associates a function invoked twice once', () => {
    const stackAndInstance = testStack();
    const fn = testFunction(stackAndInstance.stack);
    const first = new InvokeLambdaFunction('First', { lambdaFunction: fn });
    const second = new InvokeLambdaFunction('Second', { lambdaFunction: fn });
    const fallback = end('Fallback');
    first.onError(fallback);
    second.onError(fallback);
    first.next(second).next(end('Bye'));
    const { stack, document } = renderWithTokens(FlowDefinition.start(first), stackAndInstance);
    expect(actionOf(document, 'First').Parameters.LambdaFunctionARN).toEqual(actionOf(document, 'Second').Parameters.LambdaFunctionARN);
    Template.fromStack(stack).resourceCountIs('AWS::Connect::IntegrationAssociation', 1);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('takes the function ARN from a JSONPath, without associating anything', () => {
    const action = new InvokeLambdaFunction('Dynamic', { functionArnPath: '$.Attributes.handler' });
    action.next(end('Bye'));
    action.onError(end('Fallback'));
    const { stack, document } = renderFlow(FlowDefinition.start(action));
    expect(actionOf(document, 'Dynamic').Parameters).toEqual({ LambdaFunctionARN: '$.Attributes.handler', InvocationTimeLimitSeconds: '3' });
    Template.fromStack(stack).resourceCountIs('AWS::Connect::IntegrationAssociation', 0);
  });

  test('is allowed in hold, whisper and transfer flows', () => {
    for (const type of [ContactFlowType.CUSTOMER_HOLD, ContactFlowType.AGENT_WHISPER, ContactFlowType.QUEUE_TRANSFER]) {
      expect(actionOf(lambdaRender({}, type).document, 'FindCustomer').Type).toBe('InvokeLambdaFunction');
    }
  });

  test('fails for a time limit over 8 seconds, naming the action', () => {
    expect(() => lambdaRender({ timeout: Duration.seconds(9) }))
      .toThrow(/flow action 'FindCustomer' \(InvokeLambdaFunction\) parameter InvocationTimeLimitSeconds must be an integer from 1 to 8 seconds, got "9"/);
  });

  test('fails for a time limit of 0 seconds', () => {
    expect(() => lambdaRender({ timeout: Duration.seconds(0) })).toThrow(/parameter InvocationTimeLimitSeconds must be an integer from 1 to 8 seconds, got "0"/);
  });

  test('fails for a time limit that is not whole seconds', () => {
    expect(() => lambdaRender({ timeout: Duration.millis(2500) }))
      .toThrow(/flow action 'FindCustomer' \(InvokeLambdaFunction\) timeout must be a whole number of seconds, got 2 seconds 500 millis/);
  });

  test('fails when errors are not handled', () => {
    expectWarningWhen(stackAndInstance => {
      const action = new InvokeLambdaFunction('FindCustomer', { lambdaFunction: testFunction(stackAndInstance.stack) });
      action.next(end('Bye'));
      renderWithTokens(FlowDefinition.start(action), stackAndInstance);
    }, /flow action 'FindCustomer' \(InvokeLambdaFunction\) does not handle NoMatchingError/);
  });

  test('fails without a next action', () => {
    expectWarningWhen(stackAndInstance => {
      const action = new InvokeLambdaFunction('FindCustomer', { lambdaFunction: testFunction(stackAndInstance.stack) });
      action.onError(end('Fallback'));
      renderWithTokens(FlowDefinition.start(action), stackAndInstance);
    }, /flow action 'FindCustomer' \(InvokeLambdaFunction\) is a dead end: it has no next action/);
  });

  test('fails in outbound whisper and campaign flows', () => {
    expect(() => lambdaRender({}, ContactFlowType.OUTBOUND_WHISPER))
      .toThrow(/flow action 'FindCustomer' \(InvokeLambdaFunction\) cannot be used in a OUTBOUND_WHISPER flow/);
    expect(() => lambdaRender({}, ContactFlowType.CAMPAIGN)).toThrow(/cannot be used in a CAMPAIGN flow/);
  });

  test('fails with both a function and a function ARN path, and with two input parameters of one name', () => {
    const { stack } = testStack();
    const fn = testFunction(stack);
    expect(() => new InvokeLambdaFunction('FindCustomer', { lambdaFunction: fn, functionArnPath: '$.Attributes.fn' }))
      .toThrow(/flow action 'FindCustomer' \(InvokeLambdaFunction\) takes either lambdaFunction or functionArnPath, not both/);
    expect(() => new InvokeLambdaFunction('FindCustomer', { lambdaFunction: fn, inputParameters: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] }))
      .toThrow(/flow action 'FindCustomer' \(InvokeLambdaFunction\) has two input parameters named 'a'; names must be unique/);
  });

  test('fails without a function', () => {
    const action = new InvokeLambdaFunction('FindCustomer', {});
    action.next(end('Bye'));
    action.onError(end('Fallback'));
    expect(() => render(action)).toThrow(/flow action 'FindCustomer' \(InvokeLambdaFunction\) parameter LambdaFunctionARN is required/);
  });

  test('fails in a flow document for a dynamic time limit, an unknown response type or a function ARN that is not one', () => {
    const arn = 'arn:aws:lambda:us-east-1:111122223333:function:lookup';
    const branches = (action: RawAction) => {
      action.next(end('Bye'));
      action.onError(end('Fallback'));
    };
    expect(() => renderRaw('InvokeLambdaFunction', { LambdaFunctionARN: arn, InvocationTimeLimitSeconds: '$.Attributes.t' }, branches))
      .toThrow(/flow action 'Raw' \(InvokeLambdaFunction\) parameter InvocationTimeLimitSeconds must be set statically, not from a JSONPath, got "\$\.Attributes\.t"/);
    expect(() => renderRaw('InvokeLambdaFunction', { LambdaFunctionARN: arn, ResponseValidation: { ResponseType: 'XML' } }, branches))
      .toThrow(/parameter ResponseValidation\.ResponseType must be one of STRING_MAP, JSON, got "XML"/);
    expect(() => renderRaw('InvokeLambdaFunction', { LambdaFunctionARN: arn, InvocationType: 'LATER' }, branches))
      .toThrow(/parameter InvocationType must be one of SYNCHRONOUS, ASYNCHRONOUS, got "LATER"/);
    expect(() => renderRaw('InvokeLambdaFunction', { LambdaFunctionARN: 'lookup' }, branches))
      .toThrow(/parameter LambdaFunctionARN must be the ARN of a Lambda function \(arn:aws:lambda:<region>:<account>:function:<name>\) or a JSONPath, got "lookup"/);
    expect(() => renderRaw('InvokeLambdaFunction', { LambdaFunctionARN: arn, LambdaInvocationAttributes: ['a'] }, branches))
      .toThrow(/parameter LambdaInvocationAttributes must be an object, got \["a"\]/);
    expect(renderRaw('InvokeLambdaFunction', { LambdaFunctionARN: `${arn}:live`, InvocationTimeLimitSeconds: 8 }, branches).Actions[0].Type)
      .toBe('InvokeLambdaFunction');
  });

  test('fails in a flow document with a time limit out of range', () => {
    const content = jsonFlow('Invoke', [
      {
        Identifier: 'Invoke',
        Type: 'InvokeLambdaFunction',
        Parameters: { LambdaFunctionARN: '$.Attributes.handler', InvocationTimeLimitSeconds: '30' },
        Transitions: { NextAction: 'Bye', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'Bye', Type: 'CustomStep', Parameters: {}, Transitions: { NextAction: 'Invoke' } },
    ]);
    expect(() => renderFlow(content)).toThrow(/flow action 'Invoke' \(InvokeLambdaFunction\) parameter InvocationTimeLimitSeconds must be an integer from 1 to 8 seconds, got "30"/);
  });
});
