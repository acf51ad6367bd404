import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  CheckHoursOfOperation, Compare, ContactFlow, ContactFlowModule, DayOfWeek, DisconnectParticipant, EndFlowModuleExecution,
  FlowCondition, FlowDefinition, GetParticipantInput, HoursOfOperation, InvokeFlowModule, InvokeLambdaFunction,
  MessageParticipant, Queue, TimeRange, TransferContactToQueue, TransferToFlow, UpdateContactAttributes,
  UpdateContactTargetQueue, WeeklySchedule, ContactAttribute,
} from '../../src';
import { testStack } from '../helpers';

/** A flow language document from actions written briefly: [id, type, parameters, transitions]. */
export function flowJson(start: string, actions: Array<[string, string, Record<string, unknown>?, Record<string, unknown>?]>): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: start,
    Actions: actions.map(([id, type, parameters, transitions]) => ({
      Identifier: id, Type: type, Parameters: parameters ?? {}, Transitions: transitions ?? {},
    })),
  });
}

/** Next action and a default error branch to the same action. */
export function next(target: string, error: string = 'fail'): Record<string, unknown> {
  return { NextAction: target, Errors: [{ NextAction: error, ErrorType: 'NoMatchingError' }] };
}

/**
 * A small contact center app: hours in Berlin with a holiday override, two queues, a Lambda function, a menu chat
 * flow that greets through a module, looks the customer up, and routes to billing (another flow) or support.
 */
export function menuApp() {
  const { app, stack, instance } = testStack();
  const hours = new HoursOfOperation(stack, 'OfficeHours', {
    instance,
    hoursOfOperationName: 'Office hours',
    timeZone: 'Europe/Berlin',
    schedule: WeeklySchedule.weekdays(TimeRange.of('09:00', '17:00')),
    overrides: [{ name: 'Holiday', effectiveFrom: '2026-05-01', effectiveTill: '2026-05-01' }],
  });
  hours.addDay(DayOfWeek.SATURDAY, TimeRange.of('22:00', '00:00'));
  hours.addDay(DayOfWeek.SUNDAY, TimeRange.of('00:00', '02:00'));
  const support = new Queue(stack, 'SupportQueue', { instance, queueName: 'Support', hoursOfOperation: hours });
  const billingQueue = new Queue(stack, 'BillingQueue', { instance, queueName: 'Billing', hoursOfOperation: hours });
  const lookup = new lambda.Function(stack, 'Lookup', {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });

  const bye = new DisconnectParticipant('bye');
  const billingSay = new MessageParticipant('billing-hello', { text: 'Billing here, $.Attributes.name.' });
  const billingSet = new UpdateContactTargetQueue('billing-queue', { queue: billingQueue });
  const billingTransfer = new TransferContactToQueue('billing-transfer').onQueueAtCapacity(bye).onError(bye);
  billingSay.onError(bye);
  billingSay.next(billingSet);
  billingSet.onError(bye);
  billingSet.next(billingTransfer);
  const billing = new ContactFlow(stack, 'BillingFlow', { instance, contactFlowName: 'Billing', content: FlowDefinition.start(billingSay) });

  const greet = new MessageParticipant('module-greeting', { text: 'Hello from the module.' });
  greet.onError(new EndFlowModuleExecution('module-error'));
  greet.next(new EndFlowModuleExecution('module-end'));
  const greeting = new ContactFlowModule(stack, 'GreetingModule', { instance, contactFlowModuleName: 'Greeting', content: FlowDefinition.start(greet) });

  const sorry = new MessageParticipant('sorry', { text: 'Sorry, something went wrong.' });
  sorry.onError(bye);
  sorry.next(bye);
  const closed = new MessageParticipant('closed', { text: 'We are closed.' });
  closed.onError(bye);
  closed.next(bye);
  const setSupport = new UpdateContactTargetQueue('support-queue', { queue: support });
  const toSupport = new TransferContactToQueue('support-transfer').onQueueAtCapacity(sorry).onError(sorry);
  setSupport.onError(sorry);
  setSupport.next(toSupport);
  const toBilling = new TransferToFlow('to-billing', { contactFlow: billing }).onError(sorry);
  const menu = new GetParticipantInput('menu', { text: 'Type 1 for billing, 2 for support.', timeout: Duration.seconds(10) });
  menu.when(FlowCondition.equalTo('1'), toBilling).when(FlowCondition.equalTo('2'), setSupport).otherwise(sorry);
  menu.onTimeout(bye).onError(sorry);
  const tier = new Compare('tier', { value: '$.External.tier' })
    .when(FlowCondition.equalTo('gold'), setSupport)
    .otherwise(menu);
  const save = new UpdateContactAttributes('save', { attributes: [ContactAttribute.of('name', '$.External.name')] });
  save.onError(sorry);
  save.next(tier);
  const invoke = new InvokeLambdaFunction('lookup', { lambdaFunction: lookup });
  invoke.onError(sorry);
  invoke.next(save);
  const module = new InvokeFlowModule('greeting', { flowModule: greeting });
  module.onError(sorry);
  module.next(invoke);
  const hoursCheck = new CheckHoursOfOperation('hours', { hoursOfOperation: hours }).whenInHours(module).whenOutOfHours(closed);
  hoursCheck.onError(sorry);
  new ContactFlow(stack, 'MenuFlow', { instance, contactFlowName: 'Menu', content: FlowDefinition.start(hoursCheck) });
  return { app, stack };
}
