import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { FlowContent } from '../../src/constructs/flow-content';
import { IInstance } from '../../src/constructs/instance';
import { FlowDefinition, IFlowChainable, RawAction } from '../../src/flows';
import { strictTestStack, testStack, warningsOf } from '../helpers';

/** A stack with the instance its flows belong to. */
export interface StackAndInstance {
  readonly stack: Stack;
  readonly instance: IInstance;
}

/** The flow language document the (only) flow or flow module of a stack was rendered with, tokens resolved. */
export function documentOf(stack: Stack, resourceType: string = 'AWS::Connect::ContactFlow'): any {
  const resources = Object.values(Template.fromStack(stack).findResources(resourceType)) as any[];
  if (resources.length !== 1) {
    throw new Error(`expected one ${resourceType}, got ${resources.length}`);
  }
  return parseContent(stack.resolve(resources[0].Properties.Content));
}

/**
 * Parses resolved flow content: a string, or (when the content references constructs) an `Fn::Join` of JSON text
 * and CloudFormation expressions, which come back as the expressions where the document has them.
 */
export function parseContent(content: any): any {
  if (typeof content === 'string') {
    return JSON.parse(content);
  }
  const [separator, parts] = content['Fn::Join'] as [string, any[]];
  const expressions: any[] = [];
  const text = parts.map(part => {
    if (typeof part === 'string') {
      return part;
    }
    expressions.push(part);
    return `@@expression${expressions.length - 1}@@`;
  }).join(separator);
  return JSON.parse(text, (_key, value) => {
    const match = typeof value === 'string' ? /^@@expression(\d+)@@$/.exec(value) : null;
    return match ? expressions[Number(match[1])] : value;
  });
}

/** The CloudFormation resource of a construct (its default child) in the synthesized template of its stack. */
function resourceOf(stack: Stack, construct: IConstruct): any {
  return Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(construct.node.defaultChild as CfnElement)];
}

/** The flow language document of a flow or flow module, tokens resolved; the stack may hold other flows. */
export function documentOfFlow(stack: Stack, flow: IConstruct): any {
  return parseContent(stack.resolve(resourceOf(stack, flow).Properties.Content));
}

/** The logical ids of what a flow or flow module is created after (its `DependsOn`). */
export function dependenciesOf(stack: Stack, flow: IConstruct): string[] {
  return resourceOf(stack, flow).DependsOn ?? [];
}

/**
 * Renders content into a flow of the given type named `Flow` in a new test stack (or the given one, which may hold
 * other flows); returns the stack, instance, flow and document.
 */
export function renderFlow(content: FlowContent, type: ContactFlowType = ContactFlowType.CONTACT_FLOW,
  stackAndInstance: StackAndInstance = testStack()): {
    stack: Stack; instance: IInstance; flow: ContactFlow; document: any;
  } {
  const { stack, instance } = stackAndInstance;
  const flow = new ContactFlow(stack, 'Flow', { instance, contactFlowName: 'Flow', type, content });
  return { stack, instance, flow, document: documentOfFlow(stack, flow) };
}

/** Renders content into a flow module in a new test stack. */
export function renderModule(content: FlowContent, stackAndInstance: StackAndInstance = testStack()): {
  stack: Stack; instance: IInstance; module: ContactFlowModule; document: any;
} {
  const { stack, instance } = stackAndInstance;
  const module = new ContactFlowModule(stack, 'Module', { instance, contactFlowModuleName: 'Module', content });
  return { stack, instance, module, document: documentOfFlow(stack, module) };
}

/**
 * Renders the definition that starts with an action (or chain) into a flow of the given type; returns the document,
 * with the CloudFormation expressions (`{ 'Fn::GetAtt': [...] }`) where actions reference constructs.
 */
export function render(start: IFlowChainable, type: ContactFlowType = ContactFlowType.CONTACT_FLOW,
  stackAndInstance: StackAndInstance = testStack()): any {
  return renderFlow(FlowDefinition.start(start), type, stackAndInstance).document;
}

/** Renders flow language actions as JSON content with the action checks on; the first action is the start. */
export function renderJson(actions: any[], type: ContactFlowType = ContactFlowType.CONTACT_FLOW): any {
  return renderFlow(jsonFlow(actions[0].Identifier, actions), type).document;
}

/** An action of a type the library does not know, declared to end the flow: a branch target free of rules. */
export function end(id: string = 'End'): RawAction {
  return new RawAction(id, { actionType: 'CustomEnd', terminal: true });
}

/** An action of a known type with raw parameters, to reach the rules that the typed classes cannot break. */
export function raw(id: string, actionType: string, parameters?: any): RawAction {
  return new RawAction(id, { actionType, parameters });
}

/** The rendered action with the given identifier. */
export function actionOf(document: any, identifier: string): any {
  const action = document.Actions.find((candidate: any) => candidate.Identifier === identifier);
  if (action === undefined) {
    throw new Error(`no action '${identifier}' in ${document.Actions.map((a: any) => a.Identifier).join(', ')}`);
  }
  return action;
}

/** A flow document of the given actions, for checks through JSON content (`checkActions: true`). */
export function jsonFlow(start: string, actions: any[]): FlowContent {
  return FlowContent.fromObject({ Version: '2019-10-30', StartAction: start, Actions: actions }, { checkActions: true });
}

export { FlowDefinition };

/**
 * Expects rendering (into the stack and instance it is given) to warn with the message, on the flow, and to fail
 * with it when strict flow checks are on.
 */
export function expectWarningWhen(renderIn: (stackAndInstance: StackAndInstance) => unknown, message: RegExp): void {
  const lax = testStack();
  renderIn(lax);
  const messages = warningsOf(lax.stack).map(warning => warning.message);
  expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  expect(() => renderIn(strictTestStack())).toThrow(message);
}

/** Expects rendering the definition that starts with an action (or chain) to warn with the message (see above). */
export function expectWarning(start: IFlowChainable, message: RegExp, type: ContactFlowType = ContactFlowType.CONTACT_FLOW): void {
  expectWarningWhen(stackAndInstance => render(start, type, stackAndInstance), message);
}

/** Expects rendering flow language actions as JSON content with the checks on to warn with the message (see above). */
export function expectJsonWarning(actions: any[], message: RegExp, type: ContactFlowType = ContactFlowType.CONTACT_FLOW): void {
  expectWarningWhen(stackAndInstance => renderFlow(jsonFlow(actions[0].Identifier, actions), type, stackAndInstance), message);
}

/** The warning messages of a stack. */
export function warningMessages(stack: Stack): string[] {
  return warningsOf(stack).map(warning => warning.message);
}
