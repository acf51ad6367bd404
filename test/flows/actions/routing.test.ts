import { Duration, Stack } from 'aws-cdk-lib';
import { ContactFlow, ContactFlowType } from '../../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../../src/constructs/contact-flow-module';
import { FlowContent } from '../../../src/constructs/flow-content';
import { HoursOfOperation } from '../../../src/constructs/hours-of-operation';
import { Queue } from '../../../src/constructs/queue';
import { TaskTemplate, TaskTemplateField } from '../../../src/constructs/task-template';
import { User } from '../../../src/constructs/user';
import { Chain, FlowCondition, FlowDefinition, RawAction } from '../../../src/flows';
import {
  CheckHoursOfOperation, CheckMetricData, CreateTask, CreateTaskReferenceType, EndFlowExecution, EndFlowModuleExecution,
  InvokeFlowModule, QueueMetric, TransferContactToAgent, TransferContactToQueue, TransferToFlow, UpdateContactTargetQueue,
} from '../../../src/flows/actions/routing';
import { INSTANCE_ARN, flowOfType, testStack } from '../../helpers';
import { actionOf, end, expectWarning, expectWarningWhen, raw, render, renderFlow, renderModule } from '../render';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const USER_ARN = `${INSTANCE_ARN}/agent/uuuuuuuu-0000-0000-0000-000000000000`;
const QUEUE_ARN = `${INSTANCE_ARN}/queue/qqqqqqqq-0000-0000-0000-000000000000`;
const FLOW_ARN = `${INSTANCE_ARN}/contact-flow/ffffffff-0000-0000-0000-000000000000`;

function getAtt(stack: Stack, construct: { node: { defaultChild?: any } }, attribute: string): any {
  return { 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild), attribute] };
}

const WHISPER = ContactFlowType.CUSTOMER_WHISPER;

describe('UpdateContactTargetQueue', () => {
  test('renders QueueId as the ARN of a queue defined in the app', () => {
    const { stack, instance } = testStack();
    const hours = HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', `${INSTANCE_ARN}/operating-hours/hoop-1`);
    const queue = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, queueName: 'Support' });
    const set = new UpdateContactTargetQueue('SetQueue', { queue });
    set.onError(end('Failed'));
    set.next(end('Next'));

    const action = actionOf(render(set, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'SetQueue');
    expect(action.Parameters).toEqual({ QueueId: getAtt(stack, queue, 'QueueArn') });
    expect(action.Transitions).toEqual({ NextAction: 'Next', Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }] });
  });

  test('renders AgentId as the ARN of a user, for the agent queue', () => {
    const st = testStack();
    const { stack } = st;
    const agent = User.fromUserArn(stack, 'Agent', USER_ARN);
    const set = new UpdateContactTargetQueue('SetAgent', { agent });
    set.onError(end('Failed')).next(end('Next'));

    const { document } = renderFlow(FlowDefinition.start(set), ContactFlowType.CONTACT_FLOW, st);
    expect(actionOf(document, 'SetAgent').Parameters).toEqual({ AgentId: USER_ARN });
  });

  test('renders JSONPaths for a queue or an agent known only when the flow runs', () => {
    const failed = end('Failed');
    const byQueue = new UpdateContactTargetQueue('ByQueue', { queuePath: '$.Attributes.queue' });
    const byAgent = new UpdateContactTargetQueue('ByAgent', { agentPath: '$.Attributes.agent' });
    byQueue.onError(failed).next(byAgent);
    byAgent.onError(failed).next(end('Next'));

    const document = render(byQueue);
    expect(actionOf(document, 'ByQueue').Parameters).toEqual({ QueueId: '$.Attributes.queue' });
    expect(actionOf(document, 'ByAgent').Parameters).toEqual({ AgentId: '$.Attributes.agent' });
  });

  test('fails without a queue or an agent, naming the action', () => {
    const set = new UpdateContactTargetQueue('SetQueue', {});
    set.onError(end('Failed')).next(end('Next'));
    expect(() => render(set)).toThrow(/flow action 'SetQueue' \(UpdateContactTargetQueue\) needs exactly one of the parameters QueueId, AgentId, got none/);
  });

  test('fails with both a queue and an agent', () => {
    const set = new UpdateContactTargetQueue('SetQueue', { queuePath: '$.Attributes.queue', agentPath: '$.Attributes.agent' });
    set.onError(end('Failed')).next(end('Next'));
    expect(() => render(set)).toThrow(/flow action 'SetQueue' \(UpdateContactTargetQueue\) needs exactly one of the parameters QueueId, AgentId, got QueueId, AgentId/);
  });

  test('fails for a queue and a queue path together', () => {
    const { stack } = testStack();
    const queue = Queue.fromQueueArn(stack, 'Queue', QUEUE_ARN);
    expect(() => new UpdateContactTargetQueue('SetQueue', { queue, queuePath: '$.Attributes.queue' }))
      .toThrow(/flow action 'SetQueue' \(UpdateContactTargetQueue\) takes either queue or queuePath, not both/);
  });

  test('fails for a queue path that is not a JSONPath', () => {
    expect(() => new UpdateContactTargetQueue('SetQueue', { queuePath: 'Attributes.queue' }))
      .toThrow(/flow action 'SetQueue' \(UpdateContactTargetQueue\) queuePath must be a JSONPath starting with '\$\.', such as \$\.Attributes\.name, got 'Attributes\.queue'/);
  });

  test('fails for a QueueId that mixes text and a JSONPath', () => {
    const set = raw('SetQueue', 'UpdateContactTargetQueue', { QueueId: 'queue-$.Attributes.suffix' }).onError(end('Failed'));
    set.next(end('Next'));
    expect(() => render(set)).toThrow(/flow action 'SetQueue' \(UpdateContactTargetQueue\) parameter QueueId must be either a static ID or ARN of the queue or a single JSONPath/);
  });

  test('fails for a queue of another instance', () => {
    const st = testStack();
    const { stack } = st;
    const queue = Queue.fromQueueArn(stack, 'Queue', `${OTHER_INSTANCE_ARN}/queue/q-1`);
    const set = new UpdateContactTargetQueue('SetQueue', { queue });
    set.onError(end('Failed')).next(end('Next'));
    expect(() => renderFlow(FlowDefinition.start(set), ContactFlowType.CONTACT_FLOW, st))
      .toThrow(/flow action 'SetQueue' \(UpdateContactTargetQueue\) references the queue 'Test\/Queue' of instance .*99999999/);
  });

  test('fails when its error is not handled', () => {
    const set = new UpdateContactTargetQueue('SetQueue', { queuePath: '$.Attributes.queue' });
    set.next(end('Next'));
    expectWarning(set, /flow action 'SetQueue' \(UpdateContactTargetQueue\) does not handle NoMatchingError/);
  });

  test('fails without a next action', () => {
    const set = new UpdateContactTargetQueue('SetQueue', { queuePath: '$.Attributes.queue' });
    set.onError(end('Failed'));
    expectWarning(set, /flow action 'SetQueue' \(UpdateContactTargetQueue\) is a dead end/);
  });

  test('fails in a whisper flow, listing the flow types that allow it', () => {
    const set = new UpdateContactTargetQueue('SetQueue', { queuePath: '$.Attributes.queue' });
    set.onError(end('Failed')).next(end('Next'));
    expect(() => render(set, WHISPER)).toThrow(
      /flow action 'SetQueue' \(UpdateContactTargetQueue\) cannot be used in a CUSTOMER_WHISPER flow; it is allowed in: CONTACT_FLOW flow, AGENT_TRANSFER flow, QUEUE_TRANSFER flow/);
  });

  test('is allowed in transfer flows', () => {
    const set = new UpdateContactTargetQueue('SetQueue', { queuePath: '$.Attributes.queue' });
    set.onError(end('Failed')).next(end('Next'));
    expect(actionOf(render(set, ContactFlowType.QUEUE_TRANSFER), 'SetQueue').Type).toBe('UpdateContactTargetQueue');
  });
});

describe('TransferContactToQueue', () => {
  test('renders no parameters and its error branches, with the NextAction the flow designer writes (the default error)', () => {
    const transfer = new TransferContactToQueue('ToQueue').onQueueAtCapacity(end('Full'));
    transfer.onError(end('Failed'));
    const action = actionOf(render(transfer), 'ToQueue');
    expect(action.Parameters).toEqual({});
    expect(action.Transitions).toEqual({
      NextAction: 'Failed',
      Errors: [{ NextAction: 'Full', ErrorType: 'QueueAtCapacity' }, { NextAction: 'Failed', ErrorType: 'NoMatchingError' }],
    });
  });

  test('writes the next action given with next() instead of its default error, and is no open end of a chain', () => {
    const transfer = new TransferContactToQueue('ToQueue').onQueueAtCapacity(end('Full')).onError(end('Failed'));
    expect(transfer.next(end('Never')).endActions).toEqual([]);
    expect(actionOf(render(transfer), 'ToQueue').Transitions.NextAction).toBe('Never');
  });

  test('writes no designer next action with designerNextActions false', () => {
    const transfer = new TransferContactToQueue('ToQueue').onQueueAtCapacity(end('Full')).onError(end('Failed'));
    const { document } = renderFlow(FlowDefinition.start(transfer, { designerNextActions: false }));
    expect(actionOf(document, 'ToQueue').Transitions).toEqual({
      Errors: [{ NextAction: 'Full', ErrorType: 'QueueAtCapacity' }, { NextAction: 'Failed', ErrorType: 'NoMatchingError' }],
    });
  });

  test('fails without onQueueAtCapacity(): Amazon Connect requires the QueueAtCapacity branch', () => {
    const transfer = new TransferContactToQueue('ToQueue');
    transfer.onError(end('Failed'));
    expect(() => render(transfer)).toThrow(/flow action 'ToQueue' \(TransferContactToQueue\) has no branch for QueueAtCapacity: Amazon Connect requires it \(CreateContactFlow answers "Action is missing required error. Error: QueueAtCapacity"\); route it with onQueueAtCapacity\(\)/);
  });

  test('warns when its error is not handled', () => {
    expectWarning(new TransferContactToQueue('ToQueue').onQueueAtCapacity(end('Full')), /flow action 'ToQueue' \(TransferContactToQueue\) does not handle NoMatchingError/);
  });

  test('accepts a flow document with a NextAction, as the flow designer exports it', () => {
    const failed = end('Failed');
    const transfer = raw('ToQueue', 'TransferContactToQueue').onError(failed).onErrorType('QueueAtCapacity', failed);
    transfer.next(failed);
    expect(actionOf(render(transfer), 'ToQueue').Transitions.NextAction).toBe('Failed');
  });

  test('fails for a queue given as a parameter: the queue is the working queue', () => {
    const transfer = raw('ToQueue', 'TransferContactToQueue', { QueueId: QUEUE_ARN }).onError(end('Failed')).onErrorType('QueueAtCapacity', end('Full'));
    expect(() => render(transfer)).toThrow(
      /flow action 'ToQueue' \(TransferContactToQueue\) takes no parameters, got QueueId: it transfers to the working queue, set with UpdateContactTargetQueue/);
  });

  test('fails in a customer queue flow', () => {
    const transfer = new TransferContactToQueue('ToQueue');
    transfer.onError(end('Failed'));
    expect(() => render(transfer, ContactFlowType.CUSTOMER_QUEUE)).toThrow(/flow action 'ToQueue' \(TransferContactToQueue\) cannot be used in a CUSTOMER_QUEUE flow/);
  });
});

describe('TransferContactToAgent', () => {
  test('renders an action without parameters in an agent transfer flow', () => {
    const action = actionOf(render(new TransferContactToAgent('ToAgent'), ContactFlowType.AGENT_TRANSFER), 'ToAgent');
    expect(action).toEqual({ Identifier: 'ToAgent', Type: 'TransferContactToAgent', Parameters: {}, Transitions: {} });
  });

  test('fails in an inbound flow', () => {
    expect(() => render(new TransferContactToAgent('ToAgent'))).toThrow(
      /flow action 'ToAgent' \(TransferContactToAgent\) cannot be used in a CONTACT_FLOW flow; it is allowed in: AGENT_TRANSFER flow, QUEUE_TRANSFER flow/);
  });

  test('routes its Error branch with onError(), written as the designer writes it (NoMatchingError, and the NextAction)', () => {
    const action = actionOf(render(new TransferContactToAgent('ToAgent').onError(end('Sorry')), ContactFlowType.AGENT_TRANSFER), 'ToAgent');
    expect(action.Transitions).toEqual({ NextAction: 'Sorry', Errors: [{ NextAction: 'Sorry', ErrorType: 'NoMatchingError' }] });
  });

  test('warns without onError(): the block takes its Error branch for chats, tasks and emails', () => {
    expectWarning(new TransferContactToAgent('ToAgent'), /flow action 'ToAgent' \(TransferContactToAgent\) does not handle NoMatchingError/,
      ContactFlowType.AGENT_TRANSFER);
  });

  test('warns about an error type it cannot raise', () => {
    const toAgent = raw('ToAgent', 'TransferContactToAgent').onErrorType('QueueAtCapacity', end('Full'));
    expectWarning(toAgent, /flow action 'ToAgent' \(TransferContactToAgent\) cannot raise QueueAtCapacity/, ContactFlowType.QUEUE_TRANSFER);
  });
});

describe('TransferToFlow', () => {
  test('renders ContactFlowId as the ARN of a flow defined in the app', () => {
    const { stack, instance } = testStack();
    const target = flowOfType(stack, instance, 'Target', ContactFlowType.QUEUE_TRANSFER);
    const transfer = new TransferToFlow('ToTarget', { contactFlow: target });
    transfer.onError(end('Failed'));

    const action = actionOf(render(transfer, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'ToTarget');
    expect(action.Parameters).toEqual({ ContactFlowId: getAtt(stack, target, 'ContactFlowArn') });
    expect(action.Transitions).toEqual({ NextAction: 'Failed', Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }] });
  });

  test('renders a JSONPath for a flow known only when the flow runs', () => {
    const transfer = new TransferToFlow('ToNext', { contactFlowPath: '$.Attributes.nextFlow' });
    transfer.onError(end('Failed'));
    expect(actionOf(render(transfer), 'ToNext').Parameters).toEqual({ ContactFlowId: '$.Attributes.nextFlow' });
  });

  test('fails for a target flow of a type a transfer cannot continue in, naming it', () => {
    const { stack, instance } = testStack();
    const target = flowOfType(stack, instance, 'Queue', ContactFlowType.CUSTOMER_QUEUE);
    const transfer = new TransferToFlow('ToTarget', { contactFlow: target });
    transfer.onError(end('Failed'));
    expect(() => render(transfer, ContactFlowType.CONTACT_FLOW, { stack, instance })).toThrow(
      /flow action 'ToTarget' \(TransferToFlow\) cannot transfer to the flow 'Test\/Queue' of type CUSTOMER_QUEUE; it transfers only to flows of type CONTACT_FLOW, AGENT_TRANSFER, QUEUE_TRANSFER/);
  });

  test('accepts an imported flow, whose type is not known', () => {
    const { stack, instance } = testStack();
    const transfer = new TransferToFlow('ToTarget', { contactFlow: ContactFlow.fromContactFlowArn(stack, 'Imported', FLOW_ARN) });
    transfer.onError(end('Failed'));
    expect(actionOf(render(transfer, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'ToTarget').Parameters).toEqual({ ContactFlowId: FLOW_ARN });
  });

  test.each([ContactFlowType.AGENT_WHISPER, ContactFlowType.CUSTOMER_QUEUE, ContactFlowType.CUSTOMER_HOLD, ContactFlowType.OUTBOUND_WHISPER])(
    'fails in a %s flow: it is allowed in inbound and transfer flows only', (type) => {
      const transfer = new TransferToFlow('ToNext', { contactFlowPath: '$.Attributes.nextFlow' });
      transfer.onError(end('Failed'));
      expect(() => render(transfer, type)).toThrow(new RegExp(`flow action 'ToNext' \\(TransferToFlow\\) cannot be used in a ${type} flow; `
        + 'it is allowed in: CONTACT_FLOW flow, AGENT_TRANSFER flow, QUEUE_TRANSFER flow'));
    });

  test('warns in a flow module: it works only when the module runs in an inbound or transfer flow', () => {
    const transfer = new TransferToFlow('ToNext', { contactFlowPath: '$.Attributes.nextFlow' });
    transfer.onError(end('Failed'));
    expectWarningWhen(stackAndInstance => renderModule(FlowDefinition.start(transfer), stackAndInstance),
      /flow action 'ToNext' \(TransferToFlow\) is not offered in flow modules \(it is allowed in: CONTACT_FLOW flow, AGENT_TRANSFER flow, QUEUE_TRANSFER flow\): in a module it works only when the module runs in a flow of those types, and takes its error branch otherwise/);
  });

  test.each([ContactFlowType.AGENT_TRANSFER, ContactFlowType.QUEUE_TRANSFER])('is allowed in a %s flow', (type) => {
    const transfer = new TransferToFlow('ToNext', { contactFlowPath: '$.Attributes.nextFlow' });
    transfer.onError(end('Failed'));
    expect(actionOf(render(transfer, type), 'ToNext').Type).toBe('TransferToFlow');
  });

  test('fails without a flow', () => {
    const transfer = raw('ToNext', 'TransferToFlow').onError(end('Failed'));
    expect(() => render(transfer)).toThrow(/flow action 'ToNext' \(TransferToFlow\) parameter ContactFlowId is required: the flow to transfer to/);
  });

  test('fails for a flow and a flow path together', () => {
    const { stack } = testStack();
    expect(() => new TransferToFlow('ToNext', { contactFlow: ContactFlow.fromContactFlowArn(stack, 'Imported', FLOW_ARN), contactFlowPath: '$.Attributes.x' }))
      .toThrow(/flow action 'ToNext' \(TransferToFlow\) takes either contactFlow or contactFlowPath, not both/);
  });

  test('fails when its error is not handled', () => {
    expectWarning(new TransferToFlow('ToNext', { contactFlowPath: '$.Attributes.nextFlow' }), /flow action 'ToNext' \(TransferToFlow\) does not handle NoMatchingError/);
  });
});

describe('InvokeFlowModule', () => {
  test('renders FlowModuleId as the ARN of a module defined in the app, and continues', () => {
    const { stack, instance } = testStack();
    const module = new ContactFlowModule(stack, 'Module', {
      instance,
      contactFlowModuleName: 'Lookup',
      content: FlowDefinition.start(new EndFlowModuleExecution('Return')),
    });
    const invoke = new InvokeFlowModule('Lookup', { flowModule: module });
    invoke.onError(end('Failed'));
    invoke.next(end('Next'));

    const action = actionOf(render(invoke, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'Lookup');
    expect(action.Parameters).toEqual({ FlowModuleId: getAtt(stack, module, 'ContactFlowModuleArn') });
    expect(action.Transitions.NextAction).toBe('Next');
  });

  test('renders a JSONPath for a module known only when the flow runs', () => {
    const invoke = new InvokeFlowModule('Lookup', { flowModulePath: '$.Attributes.module' });
    invoke.onError(end('Failed')).next(end('Next'));
    expect(actionOf(render(invoke), 'Lookup').Parameters).toEqual({ FlowModuleId: '$.Attributes.module' });
  });

  test('fails in a transfer flow: modules run in inbound flows only', () => {
    const invoke = new InvokeFlowModule('Lookup', { flowModulePath: '$.Attributes.module' });
    invoke.onError(end('Failed')).next(end('Next'));
    expect(() => render(invoke, ContactFlowType.QUEUE_TRANSFER)).toThrow(
      /flow action 'Lookup' \(InvokeFlowModule\) cannot be used in a QUEUE_TRANSFER flow; it is allowed in: CONTACT_FLOW flow/);
  });

  test('fails without a module', () => {
    const invoke = raw('Lookup', 'InvokeFlowModule').onError(end('Failed'));
    invoke.next(end('Next'));
    expect(() => render(invoke)).toThrow(/flow action 'Lookup' \(InvokeFlowModule\) parameter FlowModuleId is required/);
  });

  test('fails for a module path that is not a JSONPath', () => {
    expect(() => new InvokeFlowModule('Lookup', { flowModulePath: 'module' })).toThrow(/flow action 'Lookup' \(InvokeFlowModule\) flowModulePath must be a JSONPath/);
  });
});

describe('EndFlowModuleExecution', () => {
  test('returns from a flow module', () => {
    const { document } = renderModule(FlowDefinition.start(new EndFlowModuleExecution('Return')));
    expect(actionOf(document, 'Return')).toEqual({ Identifier: 'Return', Type: 'EndFlowModuleExecution', Parameters: {}, Transitions: {} });
  });

  test.each([ContactFlowType.CONTACT_FLOW, ContactFlowType.CUSTOMER_QUEUE, ContactFlowType.QUEUE_TRANSFER])('fails in a %s flow: modules only', (type) => {
    expect(() => render(new EndFlowModuleExecution('Return'), type)).toThrow(
      new RegExp(`flow action 'Return' \\(EndFlowModuleExecution\\) cannot be used in a ${type} flow; it is allowed in: flow module$`));
  });

  test('fails to continue with a next action', () => {
    expect(() => new EndFlowModuleExecution('Return').next(end('After'))).toThrow(/flow action 'Return' \(EndFlowModuleExecution\) ends the flow, so it has no next action/);
  });
});

describe('EndFlowExecution', () => {
  test('ends a whisper flow, and an inbound flow', () => {
    expect(actionOf(render(new EndFlowExecution('End'), WHISPER), 'End')).toEqual({ Identifier: 'End', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} });
    expect(actionOf(render(new EndFlowExecution('End')), 'End').Type).toBe('EndFlowExecution');
  });

  test('warns in a flow module, where EndFlowModuleExecution returns to the flow', () => {
    expectWarningWhen(stackAndInstance => renderModule(FlowDefinition.start(new EndFlowExecution('End')), stackAndInstance),
      /flow action 'End' \(EndFlowExecution\) is not offered in flow modules/);
  });

  test('fails for parameters', () => {
    expect(() => render(raw('End', 'EndFlowExecution', { Reason: 'done' }))).toThrow(/flow action 'End' \(EndFlowExecution\) takes no parameters, got Reason/);
  });

  test('fails for a flow document that continues after it', () => {
    const endFlow = raw('End', 'EndFlowExecution');
    endFlow.next(end('After'));
    expect(() => render(endFlow)).toThrow(/flow action 'End' \(EndFlowExecution\) ends the flow, so it takes no transitions, got next action 'After': Amazon Connect rejects them/);
  });
});

describe('CheckHoursOfOperation', () => {
  test('renders the hours as a reference and the in-hours and out-of-hours conditions', () => {
    const { stack, instance } = testStack();
    const hours = new HoursOfOperation(stack, 'Hours', { instance, timeZone: 'UTC' });
    const check = new CheckHoursOfOperation('CheckHours', { hoursOfOperation: hours })
      .whenInHours(end('Open'))
      .whenOutOfHours(end('Closed'));
    check.onError(end('Failed'));

    const action = actionOf(render(check, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'CheckHours');
    expect(action.Parameters).toEqual({ HoursOfOperationId: getAtt(stack, hours, 'HoursOfOperationArn') });
    expect(action.Transitions).toEqual({
      // The flow designer writes the out-of-hours branch as the next action as well.
      NextAction: 'Closed',
      Conditions: [
        { NextAction: 'Open', Condition: { Operator: 'Equals', Operands: ['True'] } },
        { NextAction: 'Closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
      ],
      Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }],
    });
  });

  test('checks the hours of the working queue when no hours are given', () => {
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open')).whenOutOfHours(end('Closed'));
    check.onError(end('Failed'));
    expect(actionOf(render(check), 'CheckHours').Parameters).toEqual({});
  });

  test('renders a JSONPath for hours known only when the flow runs', () => {
    const check = new CheckHoursOfOperation('CheckHours', { hoursOfOperationPath: '$.Attributes.hours' })
      .whenInHours(end('Open')).whenOutOfHours(end('Closed'));
    check.onError(end('Failed'));
    expect(actionOf(render(check), 'CheckHours').Parameters).toEqual({ HoursOfOperationId: '$.Attributes.hours' });
  });

  test('fails without the out-of-hours branch, naming what is missing', () => {
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open'));
    check.onError(end('Failed'));
    expect(() => render(check)).toThrow(
      /flow action 'CheckHours' \(CheckHoursOfOperation\) needs a branch for each of its results \(True, False\): add Equals False \(whenOutOfHours\(\)\); Amazon Connect rejects it without \(CreateContactFlow answers "Invalid Action property value" for its Conditions\)/);
  });

  test('fails for a raw action without both branches, or with another condition', () => {
    const onlyTrue = raw('CheckHours', 'CheckHoursOfOperation').when(FlowCondition.equalTo('True'), end('Open'));
    onlyTrue.onError(end('Failed'));
    expect(() => render(onlyTrue)).toThrow(
      /flow action 'CheckHours' \(CheckHoursOfOperation\) needs a branch for each of its results \(True, False\): add Equals False \(whenOutOfHours\(\)\)/);
    const other = raw('CheckHours', 'CheckHoursOfOperation')
      .when(FlowCondition.equalTo('True'), end('Open'))
      .when(FlowCondition.equalTo('False'), end('Closed'))
      .when(FlowCondition.equalTo('Holiday'), end('Holiday'));
    other.onError(end('Failed'));
    expect(() => render(other)).toThrow(/flow action 'CheckHours' \(CheckHoursOfOperation\) takes only the conditions Equals True, Equals False, got Equals "Holiday"/);
  });

  test('fails for a second in-hours branch', () => {
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open'));
    expect(() => check.whenInHours(end('Other'))).toThrow(/flow action 'CheckHours' \(CheckHoursOfOperation\) already has a branch for in hours/);
  });

  test('takes a next action as the flow designer writes one beside its branches, and is no open end of a chain', () => {
    const closed = end('Closed');
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open')).whenOutOfHours(closed);
    check.onError(closed);
    const chain = check.next(closed);
    expect(chain.endActions).toEqual([]);
    expect(actionOf(render(check), 'CheckHours').Transitions.NextAction).toBe('Closed');
    expect(() => Chain.start(new CheckHoursOfOperation('Other')).next(end('After'))).toThrow(/flow chain starting at 'Other' has no open end/);
  });

  test('fails when its error is not handled: Amazon Connect requires the NoMatchingError branch', () => {
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open')).whenOutOfHours(end('Closed'));
    expect(() => render(check)).toThrow(/flow action 'CheckHours' \(CheckHoursOfOperation\) has no branch for NoMatchingError: Amazon Connect requires it \(CreateContactFlow answers "Action is missing required error. Error: NoMatchingError"\); route it with onError\(\)/);
  });

  test('fails for a NoMatchingCondition branch, which it never takes', () => {
    const closed = end('Closed');
    const check = raw('CheckHours', 'CheckHoursOfOperation')
      .when(FlowCondition.equalTo('True'), end('Open'))
      .when(FlowCondition.equalTo('False'), closed)
      .otherwise(closed)
      .onError(end('Failed'));
    expectWarning(check, /flow action 'CheckHours' \(CheckHoursOfOperation\) cannot raise NoMatchingCondition/);
  });

  test.each([ContactFlowType.CUSTOMER_WHISPER, ContactFlowType.AGENT_WHISPER, ContactFlowType.OUTBOUND_WHISPER, ContactFlowType.AGENT_HOLD])('fails in a %s flow', (type) => {
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open')).whenOutOfHours(end('Closed'));
    check.onError(end('Failed'));
    expect(() => render(check, type)).toThrow(new RegExp(`flow action 'CheckHours' \\(CheckHoursOfOperation\\) cannot be used in a ${type} flow; `
      + 'it is allowed in: CONTACT_FLOW flow, AGENT_TRANSFER flow, QUEUE_TRANSFER flow, CUSTOMER_QUEUE flow'));
  });

  test('is allowed in a customer queue flow', () => {
    const check = new CheckHoursOfOperation('CheckHours').whenInHours(end('Open')).whenOutOfHours(end('Closed'));
    check.onError(end('Failed'));
    expect(actionOf(render(check, ContactFlowType.CUSTOMER_QUEUE), 'CheckHours').Type).toBe('CheckHoursOfOperation');
  });

  test('fails for hours of operation text around a JSONPath', () => {
    const check = raw('CheckHours', 'CheckHoursOfOperation', { HoursOfOperationId: 'hours/$.Attributes.id' })
      .when(FlowCondition.equalTo('True'), end('Open'))
      .when(FlowCondition.equalTo('False'), end('Closed'))
      .onError(end('Failed'));
    expect(() => render(check)).toThrow(/flow action 'CheckHours' \(CheckHoursOfOperation\) parameter HoursOfOperationId must be either a static ID or ARN/);
  });
});

describe('CheckMetricData', () => {
  test('renders an agent metric: at least one agent, and none as NoMatchingCondition; the error branch is also the next action', () => {
    const check = new CheckMetricData('Staffed', { metric: QueueMetric.AGENTS_STAFFED })
      .whenAgents(end('Transfer'))
      .otherwise(end('Callback'))
      .onError(end('Failed'));

    const action = actionOf(render(check), 'Staffed');
    expect(action.Parameters).toEqual({ MetricType: 'NumberOfAgentsStaffed' });
    expect(action.Transitions).toEqual({
      // As the flow designer writes it (the default queue transfer flow).
      NextAction: 'Failed',
      Conditions: [{ NextAction: 'Transfer', Condition: { Operator: 'NumberGreaterThan', Operands: ['0'] } }],
      Errors: [{ NextAction: 'Callback', ErrorType: 'NoMatchingCondition' }, { NextAction: 'Failed', ErrorType: 'NoMatchingError' }],
    });
  });

  test('renders a contact metric of a queue with comparisons and NoMatchingCondition', () => {
    const { stack, instance } = testStack();
    const hours = HoursOfOperation.fromHoursOfOperationArn(stack, 'Hours', `${INSTANCE_ARN}/operating-hours/hoop-1`);
    const queue = new Queue(stack, 'Queue', { instance, hoursOfOperation: hours, queueName: 'Support' });
    const check = new CheckMetricData('Waiting', { metric: QueueMetric.OLDEST_CONTACT_AGE_SECONDS, queue })
      .when(FlowCondition.numberGreaterThan(300), end('Long'))
      .otherwise(end('Short'))
      .onError(end('Failed'));

    const action = actionOf(render(check, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'Waiting');
    expect(action.Parameters).toEqual({ MetricType: 'OldestContactInQueueAgeSeconds', QueueId: getAtt(stack, queue, 'QueueArn') });
    expect(action.Transitions).toEqual({
      NextAction: 'Failed',
      Conditions: [{ NextAction: 'Long', Condition: { Operator: 'NumberGreaterThan', Operands: ['300'] } }],
      Errors: [{ NextAction: 'Short', ErrorType: 'NoMatchingCondition' }, { NextAction: 'Failed', ErrorType: 'NoMatchingError' }],
    });
  });

  test('renders the agent queue of a user', () => {
    const st = testStack();
    const { stack } = st;
    const check = new CheckMetricData('Agent', { metric: QueueMetric.CONTACTS_IN_QUEUE, agent: User.fromUserArn(stack, 'Agent', USER_ARN) })
      .when(FlowCondition.equalTo('0'), end('Empty'))
      .otherwise(end('Busy'))
      .onError(end('Failed'));
    const { document } = renderFlow(FlowDefinition.start(check), ContactFlowType.CONTACT_FLOW, st);
    expect(actionOf(document, 'Agent').Parameters).toEqual({ MetricType: 'NumberOfContactsInQueue', AgentId: USER_ARN });
  });

  test('fails for whenAgents() on a contact metric', () => {
    const check = new CheckMetricData('Waiting', { metric: QueueMetric.CONTACTS_IN_QUEUE });
    expect(() => check.whenAgents(end('Transfer'))).toThrow(
      /flow action 'Waiting' \(CheckMetricData\) whenAgents\(\) needs an agent metric \(NumberOfAgentsAvailable, NumberOfAgentsStaffed, NumberOfAgentsOnline\), got NumberOfContactsInQueue/);
  });

  test('fails for an agent metric compared with anything but NumberGreaterThan 0', () => {
    const check = new CheckMetricData('Available', { metric: QueueMetric.AGENTS_AVAILABLE })
      .when(FlowCondition.numberGreaterThan(2), end('Many'))
      .otherwise(end('Few'))
      .onError(end('Failed'));
    expect(() => render(check)).toThrow(
      /flow action 'Available' \(CheckMetricData\) compares the agent metric NumberOfAgentsAvailable only with NumberGreaterThan 0 \(use whenAgents\(\)\), got NumberGreaterThan "2"/);
  });

  test('fails for a contact metric compared as text', () => {
    const check = new CheckMetricData('Waiting', { metric: QueueMetric.CONTACTS_IN_QUEUE })
      .when(FlowCondition.textContains('1'), end('Some'))
      .otherwise(end('None'))
      .onError(end('Failed'));
    expect(() => render(check)).toThrow(
      /flow action 'Waiting' \(CheckMetricData\) compares NumberOfContactsInQueue with TextContains; the allowed operators are Equals, NumberGreaterThan/);
  });

  test('fails without otherwise(): Amazon Connect requires the NoMatchingCondition branch', () => {
    const check = new CheckMetricData('Waiting', { metric: QueueMetric.CONTACTS_IN_QUEUE })
      .when(FlowCondition.numberLessThan(5), end('Few'))
      .onError(end('Failed'));
    expect(() => render(check)).toThrow(/flow action 'Waiting' \(CheckMetricData\) has no branch for NoMatchingCondition: Amazon Connect requires it .*; route it with otherwise\(\)/);
  });

  test('warns without any condition or next action', () => {
    const check = new CheckMetricData('Waiting', { metric: QueueMetric.CONTACTS_IN_QUEUE }).otherwise(end('Other')).onError(end('Failed'));
    const definition = FlowDefinition.start(check, { designerNextActions: false });
    expectWarningWhen(stackAndInstance => renderFlow(definition, ContactFlowType.CONTACT_FLOW, stackAndInstance),
      /flow action 'Waiting' \(CheckMetricData\) is a dead end: it has neither a next action nor conditions/);
  });

  test('fails in an agent whisper flow', () => {
    const check = new CheckMetricData('Staffed', { metric: QueueMetric.AGENTS_STAFFED }).whenAgents(end('Yes')).otherwise(end('No')).onError(end('Failed'));
    expect(() => render(check, ContactFlowType.AGENT_WHISPER)).toThrow(/flow action 'Staffed' \(CheckMetricData\) cannot be used in a AGENT_WHISPER flow/);
  });

  function rawMetric(parameters: any): RawAction {
    return raw('Metric', 'CheckMetricData', parameters)
      .when(FlowCondition.numberGreaterThan(0), end('Yes'))
      .otherwise(end('No'))
      .onError(end('Failed')) as RawAction;
  }

  test('fails without a metric type', () => {
    expect(() => render(rawMetric({}))).toThrow(/flow action 'Metric' \(CheckMetricData\) parameter MetricType is required: one of NumberOfAgentsAvailable/);
  });

  test('fails for a metric type given as a JSONPath', () => {
    expect(() => render(rawMetric({ MetricType: '$.Attributes.metric' })))
      .toThrow(/flow action 'Metric' \(CheckMetricData\) parameter MetricType must be set statically, not from a JSONPath, got "\$\.Attributes\.metric"/);
  });

  test('fails for an unknown metric type', () => {
    expect(() => render(rawMetric({ MetricType: 'AgentsAvailable' })))
      .toThrow(/flow action 'Metric' \(CheckMetricData\) parameter MetricType must be one of NumberOfAgentsAvailable, .*, got "AgentsAvailable"/);
  });

  test('fails for both a queue and an agent', () => {
    expect(() => render(rawMetric({ MetricType: 'NumberOfContactsInQueue', QueueId: QUEUE_ARN, AgentId: USER_ARN })))
      .toThrow(/flow action 'Metric' \(CheckMetricData\) takes at most one of the parameters QueueId, AgentId, got QueueId, AgentId/);
  });
});

describe('CreateTask', () => {
  test('renders the task with its flow, template, attributes, references and delay', () => {
    const { stack, instance } = testStack();
    const flow = flowOfType(stack, instance, 'TaskFlow', ContactFlowType.CONTACT_FLOW);
    const template = new TaskTemplate(stack, 'Template', {
      instance,
      taskTemplateName: 'Callback',
      contactFlow: ContactFlow.fromContactFlowArn(stack, 'TemplateFlow', FLOW_ARN),
      fields: [TaskTemplateField.taskName('Name')],
    });
    const task = new CreateTask('FollowUp', {
      name: 'Call back',
      description: 'The customer asked for a call back',
      contactFlow: flow,
      taskTemplate: template,
      attributes: { phone: '$.CustomerEndpoint.Address' },
      references: [{ name: 'Order', type: CreateTaskReferenceType.URL, value: 'https://example.com/orders/1' }],
      delay: Duration.hours(2),
    });
    task.onError(end('Failed'));
    task.next(end('Next'));

    const action = actionOf(render(task, ContactFlowType.CONTACT_FLOW, { stack, instance }), 'FollowUp');
    expect(action.Parameters).toEqual({
      Name: 'Call back',
      Description: 'The customer asked for a call back',
      ContactFlowId: getAtt(stack, flow, 'ContactFlowArn'),
      TaskTemplateId: expect.anything(),
      Attributes: { phone: '$.CustomerEndpoint.Address' },
      References: { Order: { Type: 'URL', Value: 'https://example.com/orders/1' } },
      DelaySeconds: '7200',
    });
    // The template's ID is cut from its ARN when the stack deploys.
    expect(JSON.stringify(action.Parameters.TaskTemplateId)).toContain(JSON.stringify(getAtt(stack, template, 'Arn')));
    expect(action.Transitions).toEqual({ NextAction: 'Next', Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }] });
  });

  test('renders a flow path and a scheduled time, and leaves out what is not given', () => {
    const task = new CreateTask('Later', { name: 'Later', contactFlowPath: '$.Attributes.flow', scheduledTime: '$.Attributes.when' });
    task.onError(end('Failed')).next(end('Next'));
    expect(actionOf(render(task), 'Later').Parameters).toEqual({ Name: 'Later', ContactFlowId: '$.Attributes.flow', ScheduledTime: '$.Attributes.when' });
  });

  test.each([ContactFlowType.AGENT_WHISPER, ContactFlowType.CUSTOMER_HOLD])('is allowed in a %s flow', (type) => {
    const task = new CreateTask('Task', { name: 'Task', contactFlowPath: '$.Attributes.flow' });
    task.onError(end('Failed')).next(end('Next'));
    expect(actionOf(render(task, type), 'Task').Type).toBe('CreateTask');
  });

  test('is allowed in a flow module', () => {
    const task = new CreateTask('Task', { name: 'Task', contactFlowPath: '$.Attributes.flow' });
    task.onError(end('Failed')).next(new EndFlowModuleExecution('Return'));
    expect(actionOf(renderModule(FlowDefinition.start(task)).document, 'Task').Type).toBe('CreateTask');
  });

  test('fails for a flow that is not an inbound flow, naming it', () => {
    const { stack, instance } = testStack();
    const flow = flowOfType(stack, instance, 'Whisper', ContactFlowType.AGENT_WHISPER);
    const task = new CreateTask('FollowUp', { name: 'Call back', contactFlow: flow });
    task.onError(end('Failed')).next(end('Next'));
    expect(() => render(task, ContactFlowType.CONTACT_FLOW, { stack, instance })).toThrow(
      /flow action 'FollowUp' \(CreateTask\) starts the task with the flow 'Test\/Whisper' of type AGENT_WHISPER; a task starts with an inbound flow \(CONTACT_FLOW\)/);
  });

  test('fails without a flow or a template', () => {
    const task = new CreateTask('FollowUp', { name: 'Call back' });
    task.onError(end('Failed')).next(end('Next'));
    expect(() => render(task)).toThrow(
      /flow action 'FollowUp' \(CreateTask\) needs the parameter ContactFlowId \(the flow that starts the task\), or a TaskTemplateId whose template names the flow/);
  });

  test('fails for a delay longer than 6 days', () => {
    const task = new CreateTask('FollowUp', { name: 'Call back', contactFlowPath: '$.Attributes.flow', delay: Duration.days(7) });
    task.onError(end('Failed')).next(end('Next'));
    expect(() => render(task)).toThrow(/flow action 'FollowUp' \(CreateTask\) parameter DelaySeconds must be an integer from 1 to 518400 seconds, got "604800"/);
  });

  test('fails for a delay that is not whole seconds', () => {
    expect(() => new CreateTask('FollowUp', { name: 'Call back', contactFlowPath: '$.Attributes.flow', delay: Duration.millis(1500) }))
      .toThrow(/flow action 'FollowUp' \(CreateTask\) delay must be a whole number of seconds, got 1 second 500 millis/);
  });

  test('fails for both a delay and a scheduled time', () => {
    const task = new CreateTask('FollowUp', { name: 'Call back', contactFlowPath: '$.Attributes.flow', delay: Duration.minutes(5), scheduledTime: '$.Attributes.when' });
    task.onError(end('Failed')).next(end('Next'));
    expect(() => render(task)).toThrow(/flow action 'FollowUp' \(CreateTask\) takes at most one of the parameters DelaySeconds, ScheduledTime, got DelaySeconds, ScheduledTime/);
  });

  test('fails for a name longer than 1024 characters', () => {
    const task = new CreateTask('FollowUp', { name: 'x'.repeat(1025), contactFlowPath: '$.Attributes.flow' });
    task.onError(end('Failed')).next(end('Next'));
    expect(() => render(task)).toThrow(/flow action 'FollowUp' \(CreateTask\) parameter Name must be a string of 1 to 1024 characters, got 1025 characters/);
  });

  test('fails for two references of the same name', () => {
    const reference = { name: 'Order', type: CreateTaskReferenceType.STRING, value: '1' };
    expect(() => new CreateTask('FollowUp', { name: 'Call back', contactFlowPath: '$.Attributes.flow', references: [reference, reference] }))
      .toThrow(/flow action 'FollowUp' \(CreateTask\) has two references named 'Order'; reference names must be unique in a task/);
  });

  test('fails without a name', () => {
    const task = raw('FollowUp', 'CreateTask', { ContactFlowId: FLOW_ARN }).onError(end('Failed'));
    task.next(end('Next'));
    expect(() => render(task)).toThrow(/flow action 'FollowUp' \(CreateTask\) parameter Name is required: the name of the task/);
  });

  test('fails for a task template given as a JSONPath', () => {
    const task = raw('FollowUp', 'CreateTask', { Name: 'Call back', TaskTemplateId: '$.Attributes.template' }).onError(end('Failed'));
    task.next(end('Next'));
    expect(() => render(task)).toThrow(/flow action 'FollowUp' \(CreateTask\) parameter TaskTemplateId must be set statically, not from a JSONPath, got "\$\.Attributes\.template"/);
  });

  test('fails when its error is not handled', () => {
    const task = new CreateTask('FollowUp', { name: 'Call back', contactFlowPath: '$.Attributes.flow' });
    task.next(end('Next'));
    expectWarning(task, /flow action 'FollowUp' \(CreateTask\) does not handle NoMatchingError/);
  });
});

describe('routing actions checked in flow documents', () => {
  test('apply to JSON content with checkActions', () => {
    const content = () => FlowContent.fromObject({
      Version: '2019-10-30',
      StartAction: 'ToQueue',
      Actions: [{ Identifier: 'ToQueue', Type: 'TransferContactToQueue', Parameters: {}, Transitions: { Errors: [{ NextAction: 'ToQueue', ErrorType: 'QueueAtCapacity' }] } }],
    }, { checkActions: true });
    expectWarningWhen(stackAndInstance => renderFlow(content(), ContactFlowType.CONTACT_FLOW, stackAndInstance),
      /flow action 'ToQueue' \(TransferContactToQueue\) does not handle NoMatchingError/);
    expect(() => renderFlow(FlowContent.fromObject({
      Version: '2019-10-30',
      StartAction: 'ToQueue',
      Actions: [{ Identifier: 'ToQueue', Type: 'TransferContactToQueue', Parameters: { QueueId: 'q' }, Transitions: { Errors: [{ NextAction: 'ToQueue', ErrorType: 'QueueAtCapacity' }] } }],
    }, { checkActions: true }))).toThrow(/flow action 'ToQueue' \(TransferContactToQueue\) takes no parameters, got QueueId/);
  });
});
