import { Annotations } from 'aws-cdk-lib';
import { expectJsonWarning, jsonFlow, renderFlow } from './render';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { FlowContent } from '../../src/constructs/flow-content';
import { FlowChecks } from '../../src/flows/checks';
import { FLOW_WARNINGS } from '../../src/private/flow-findings';
import { strictTestStack, testStack, warningsOf } from '../helpers';

/** An action of a type the library does not know. */
function custom(id: string, transitions: any = {}): any {
  return { Identifier: id, Type: 'CustomThing', Parameters: {}, Transitions: transitions };
}

describe('flow checks on flow documents', () => {
  test('accept a flow whose actions are all reachable and continue', () => {
    const { document } = renderFlow(jsonFlow('a', [custom('a', { NextAction: 'b' }), custom('b', { Errors: [{ NextAction: 'a', ErrorType: 'NoMatchingError' }] })]));
    expect(document.Actions).toHaveLength(2);
  });

  test('warn about an action not reachable from the start, naming it (an error with strict flow checks)', () => {
    expectJsonWarning([custom('a', { NextAction: 'b' }), custom('b', { NextAction: 'a' }), custom('orphan', { NextAction: 'a' })],
      /flow action 'orphan' \(CustomThing\) is not reachable from the start action 'a'; connect it or remove it/);
  });

  test('warn about several unreachable actions, listing them', () => {
    expectJsonWarning([custom('a', { NextAction: 'a' }), custom('x', { NextAction: 'y' }), custom('y', { NextAction: 'x' })],
      /flow action 'x' \(CustomThing\), 'y' \(CustomThing\) are not reachable from the start action 'a'/);
  });

  test('fails for a NextAction that names no action, naming the action', () => {
    const content = jsonFlow('a', [custom('a', { NextAction: 'nowhere' })]);
    expect(() => renderFlow(content)).toThrow(/action 'a' transitions to 'nowhere', which is not an action in the flow/);
  });

  test('fails for an error branch that names no action, naming the action', () => {
    const content = jsonFlow('a', [custom('a', { Errors: [{ NextAction: 'gone', ErrorType: 'NoMatchingError' }] })]);
    expect(() => renderFlow(content)).toThrow(/action 'a' Errors\[0\] transitions to 'gone'/);
  });

  test('warn about an action of an unknown type without transitions, naming it', () => {
    expectJsonWarning([custom('a', { NextAction: 'b' }), custom('b')], /flow action 'b' \(CustomThing\) has no transitions/);
  });

  test('are off for JSON content unless asked for', () => {
    const content = FlowContent.fromObject({ Version: '2019-10-30', StartAction: 'a', Actions: [custom('a'), custom('orphan')] });
    expect(renderFlow(content, ContactFlowType.CONTACT_FLOW).document.Actions).toHaveLength(2);
  });
});

describe('strict flow checks', () => {
  const orphaned = () => jsonFlow('a', [custom('a', { NextAction: 'a' }), custom('orphan', { NextAction: 'a' })]);
  const UNREACHABLE = /flow action 'orphan' \(CustomThing\) is not reachable from the start action 'a'/;

  test('a warning names the flow, the action and the fix, and has an id to acknowledge it by', () => {
    const { stack } = renderFlow(orphaned());
    expect(warningsOf(stack)).toEqual([{
      path: '/Test/Flow',
      message: "flow action 'orphan' (CustomThing) is not reachable from the start action 'a'; connect it or remove it "
        + '(Amazon Connect accepts such blocks, as the flow designer keeps them, and never runs them) [ack: cdk-connect:flow.unreachableAction]',
    }]);
  });

  test('an acknowledged warning is not shown', () => {
    const stackAndInstance = testStack();
    const { stack, flow } = renderFlow(orphaned(), ContactFlowType.CONTACT_FLOW, stackAndInstance);
    Annotations.of(flow).acknowledgeWarning('cdk-connect:flow.unreachableAction', 'kept on purpose');
    expect(warningsOf(stack)).toEqual([]);
  });

  test('FlowChecks names the context key and every warning id the checks use', () => {
    const { stack, instance } = testStack({ context: { [FlowChecks.STRICT_CONTEXT_KEY]: true } });
    expect(() => new ContactFlow(stack, 'Flow', { instance, contactFlowName: 'Flow', content: orphaned() })).toThrow(UNREACHABLE);
    expect(FlowChecks.STRICT_CONTEXT_KEY).toBe('cdk-connect:strictFlowChecks');
    expect([FlowChecks.UNREACHABLE_ACTION, FlowChecks.DEAD_END, FlowChecks.UNHANDLED_ERROR, FlowChecks.UNHANDLED_RESULT,
      FlowChecks.UNKNOWN_ERROR_TYPE, FlowChecks.UNEXPECTED_CONDITIONS, FlowChecks.MODULE_FLOW_TYPE].sort())
      .toEqual(Object.values(FLOW_WARNINGS).sort());
    const lenient = testStack();
    const { flow } = renderFlow(orphaned(), ContactFlowType.CONTACT_FLOW, lenient);
    Annotations.of(flow).acknowledgeWarning(FlowChecks.UNREACHABLE_ACTION);
    expect(warningsOf(lenient.stack)).toEqual([]);
  });

  test('fails for a flow with strictFlowChecks, naming the flow', () => {
    const { stack, instance } = testStack();
    expect(() => new ContactFlow(stack, 'Strict', { instance, contactFlowName: 'Strict', content: orphaned(), strictFlowChecks: true }))
      .toThrow(/^Test\/Strict: flow action 'orphan' \(CustomThing\) is not reachable .* \(strict flow checks turn this warning into an error\)$/);
  });

  test('fails for a flow module with strictFlowChecks', () => {
    const { stack, instance } = testStack();
    const content = jsonFlow('a', [
      { Identifier: 'a', Type: 'MessageParticipant', Parameters: { Text: 'Hi' }, Transitions: { NextAction: 'end' } },
      { Identifier: 'end', Type: 'EndFlowModuleExecution', Parameters: {}, Transitions: {} },
    ]);
    expect(() => new ContactFlowModule(stack, 'Module', { instance, contactFlowModuleName: 'Module', content, strictFlowChecks: true }))
      .toThrow(/^Test\/Module: flow action 'a' \(MessageParticipant\) does not handle NoMatchingError: .*\(strict flow checks turn this warning into an error\)$/);
  });

  test.each([[true], ['true']])('fails for every flow of an app with the context key cdk-connect:strictFlowChecks = %j', value => {
    const { stack, instance } = testStack({ context: { 'cdk-connect:strictFlowChecks': value } });
    expect(() => new ContactFlow(stack, 'Flow', { instance, contactFlowName: 'Flow', content: orphaned() })).toThrow(UNREACHABLE);
  });

  test('a flow with strictFlowChecks false only warns in a strict app, and the context key false only warns', () => {
    const strictApp = strictTestStack();
    new ContactFlow(strictApp.stack, 'Lenient', { instance: strictApp.instance, contactFlowName: 'Lenient', content: orphaned(), strictFlowChecks: false });
    expect(warningsOf(strictApp.stack)).toEqual([{ path: '/Test/Lenient', message: expect.stringMatching(UNREACHABLE) }]);
    const lenientApp = testStack({ context: { 'cdk-connect:strictFlowChecks': 'false' } });
    new ContactFlow(lenientApp.stack, 'Flow', { instance: lenientApp.instance, contactFlowName: 'Flow', content: orphaned() });
    expect(warningsOf(lenientApp.stack)).toHaveLength(1);
  });

  test('errors fail whatever the setting: an action in a flow type that does not offer it', () => {
    const { stack, instance } = testStack({ context: { 'cdk-connect:strictFlowChecks': false } });
    const transfer = jsonFlow('t', [{ Identifier: 't', Type: 'TransferContactToAgent', Parameters: {}, Transitions: {} }]);
    expect(() => new ContactFlow(stack, 'Inbound', { instance, contactFlowName: 'Inbound', content: transfer, strictFlowChecks: false }))
      .toThrow(/flow action 't' \(TransferContactToAgent\) cannot be used in a CONTACT_FLOW flow/);
  });
});
