import { jsonFlow, renderFlow } from './render';
import { ContactFlowType } from '../../src/constructs/contact-flow';
import { FlowContent } from '../../src/constructs/flow-content';

/** An action of a type the library does not know. */
function custom(id: string, transitions: any = {}): any {
  return { Identifier: id, Type: 'CustomThing', Parameters: {}, Transitions: transitions };
}

describe('flow checks on flow documents', () => {
  test('accept a flow whose actions are all reachable and continue', () => {
    const { document } = renderFlow(jsonFlow('a', [custom('a', { NextAction: 'b' }), custom('b', { Errors: [{ NextAction: 'a', ErrorType: 'NoMatchingError' }] })]));
    expect(document.Actions).toHaveLength(2);
  });

  test('fails for an action not reachable from the start, naming it', () => {
    const content = jsonFlow('a', [custom('a', { NextAction: 'b' }), custom('b', { NextAction: 'a' }), custom('orphan', { NextAction: 'a' })]);
    expect(() => renderFlow(content)).toThrow(/flow action 'orphan' \(CustomThing\) is not reachable from the start action 'a'; connect it or remove it/);
  });

  test('fails for several unreachable actions, listing them', () => {
    const content = jsonFlow('a', [custom('a', { NextAction: 'a' }), custom('x', { NextAction: 'y' }), custom('y', { NextAction: 'x' })]);
    expect(() => renderFlow(content)).toThrow(/flow action 'x' \(CustomThing\), 'y' \(CustomThing\) are not reachable from the start action 'a'/);
  });

  test('fails for a NextAction that names no action, naming the action', () => {
    const content = jsonFlow('a', [custom('a', { NextAction: 'nowhere' })]);
    expect(() => renderFlow(content)).toThrow(/action 'a' transitions to 'nowhere', which is not an action in the flow/);
  });

  test('fails for an error branch that names no action, naming the action', () => {
    const content = jsonFlow('a', [custom('a', { Errors: [{ NextAction: 'gone', ErrorType: 'NoMatchingError' }] })]);
    expect(() => renderFlow(content)).toThrow(/action 'a' Errors\[0\] transitions to 'gone'/);
  });

  test('fails for an action of an unknown type without transitions, naming it', () => {
    const content = jsonFlow('a', [custom('a', { NextAction: 'b' }), custom('b')]);
    expect(() => renderFlow(content)).toThrow(/flow action 'b' \(CustomThing\) has no transitions/);
  });

  test('are off for JSON content unless asked for', () => {
    const content = FlowContent.fromObject({ Version: '2019-10-30', StartAction: 'a', Actions: [custom('a'), custom('orphan')] });
    expect(renderFlow(content, ContactFlowType.CONTACT_FLOW).document.Actions).toHaveLength(2);
  });
});
