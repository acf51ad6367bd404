import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../src/constructs/contact-flow-module';
import { FlowContent } from '../../src/constructs/flow-content';
import { IInstance } from '../../src/constructs/instance';
import { FlowDefinition } from '../../src/flows';
import { testStack } from '../helpers';

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

/** Renders content into a flow of the given type in a new test stack; returns the stack, instance, flow and document. */
export function renderFlow(content: FlowContent, type: ContactFlowType = ContactFlowType.CONTACT_FLOW, stackAndInstance = testStack()): {
  stack: Stack; instance: IInstance; flow: ContactFlow; document: any;
} {
  const { stack, instance } = stackAndInstance;
  const flow = new ContactFlow(stack, 'Flow', { instance, contactFlowName: 'Flow', type, content });
  return { stack, instance, flow, document: documentOf(stack) };
}

/** Renders content into a flow module in a new test stack. */
export function renderModule(content: FlowContent, stackAndInstance = testStack()): {
  stack: Stack; instance: IInstance; module: ContactFlowModule; document: any;
} {
  const { stack, instance } = stackAndInstance;
  const module = new ContactFlowModule(stack, 'Module', { instance, contactFlowModuleName: 'Module', content });
  return { stack, instance, module, document: documentOf(stack, 'AWS::Connect::ContactFlowModule') };
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
