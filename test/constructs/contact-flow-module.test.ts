import * as path from 'path';
import { CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ContactFlow } from '../../src/constructs/contact-flow';
import { ContactFlowModule, ContactFlowModuleProps, ContactFlowModuleState } from '../../src/constructs/contact-flow-module';
import { FlowContent, FlowReference } from '../../src/constructs/flow-content';
import { IInstance } from '../../src/constructs/instance';
import { Prompt } from '../../src/constructs/prompt';
import { INSTANCE_ARN, testStack } from '../helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flows');
const MODULE_ARN = `${INSTANCE_ARN}/flow-module/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;

const MINIMAL_MODULE = {
  Version: '2019-10-30',
  StartAction: 'Done',
  Actions: [{ Identifier: 'Done', Type: 'EndFlowModuleExecution', Parameters: {}, Transitions: {} }],
};

function minimalModule(stack: Stack, instance: IInstance, extra: Partial<ContactFlowModuleProps> = {}): ContactFlowModule {
  return new ContactFlowModule(stack, 'Module', {
    instance,
    contactFlowModuleName: 'Greeting',
    content: FlowContent.fromObject(MINIMAL_MODULE),
    ...extra,
  });
}

describe('ContactFlowModule', () => {
  test('creates a module with defaults', () => {
    const { stack, instance } = testStack();
    minimalModule(stack, instance);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModule', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Greeting',
      State: 'ACTIVE',
      Content: JSON.stringify(MINIMAL_MODULE),
      Description: Match.absent(),
      Settings: Match.absent(),
      ExternalInvocationConfiguration: Match.absent(),
    });
  });

  test('takes description, state, settings and external invocation', () => {
    const { stack, instance } = testStack();
    const settings = JSON.stringify({ InputParameters: [], OutputParameters: [], Transitions: [] });
    minimalModule(stack, instance, {
      description: 'Says hello',
      state: ContactFlowModuleState.ARCHIVED,
      settings,
      externalInvocationEnabled: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModule', {
      Description: 'Says hello',
      State: 'ARCHIVED',
      Settings: settings,
      ExternalInvocationConfiguration: { Enabled: true },
    });
  });

  test('external invocation can be disabled explicitly', () => {
    const { stack, instance } = testStack();
    minimalModule(stack, instance, { externalInvocationEnabled: false });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModule', {
      ExternalInvocationConfiguration: { Enabled: false },
    });
  });

  test('exposes attributes', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    const logicalId = stack.getLogicalId(module.node.defaultChild as any);
    expect(module.node.defaultChild?.node.id).toBe('Resource');
    expect(stack.resolve(module.contactFlowModuleArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ContactFlowModuleArn'] });
    expect(stack.resolve(module.contactFlowModuleId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'ContactFlowModuleArn'] }] }],
    });
    expect(stack.resolve(module.contactFlowModuleStatus)).toEqual({ 'Fn::GetAtt': [logicalId, 'Status'] });
    expect(module.instanceArn).toBe(INSTANCE_ARN);
    expect(module.contactFlowModuleName).toBe('Greeting');
    expect(stack.resolve(module.contactFlowModuleRef.contactFlowModuleArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ContactFlowModuleArn'] });
  });

  test('content from a file with a prompt reference', () => {
    const { stack, instance } = testStack();
    const prompt = Prompt.fromPromptArn(stack, 'Prompt', `${INSTANCE_ARN}/prompt/p1`);
    minimalModule(stack, instance, {
      content: FlowContent.fromFile(path.join(FIXTURES, 'module.json'), { references: [FlowReference.prompt('Welcome', prompt)] }),
    });
    const content = Template.fromStack(stack).findResources('AWS::Connect::ContactFlowModule');
    const parsed = JSON.parse(Object.values(content)[0].Properties.Content);
    expect(parsed.Actions[0].Parameters.PromptId).toBe(`${INSTANCE_ARN}/prompt/p1`);
  });

  test('a Lambda reference associates the function before the module', () => {
    const { stack, instance } = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:lookup');
    minimalModule(stack, instance, {
      content: FlowContent.fromObject({
        ...MINIMAL_MODULE,
        StartAction: 'Call',
        Actions: [
          {
            Identifier: 'Call',
            Type: 'InvokeLambdaFunction',
            Parameters: { LambdaFunctionARN: '${Fn}' },
            Transitions: { NextAction: 'Done', Errors: [{ NextAction: 'Done', ErrorType: 'NoMatchingError' }] },
          },
          ...MINIMAL_MODULE.Actions,
        ],
      }, { references: [FlowReference.lambdaFunction('Fn', fn)] }),
    });
    const template = Template.fromStack(stack);
    const associations = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation', {
      Properties: { IntegrationArn: 'arn:aws:lambda:us-east-1:111122223333:function:lookup' },
    }));
    expect(associations).toHaveLength(1);
    template.hasResource('AWS::Connect::ContactFlowModule', { DependsOn: associations });
  });

  test('a flow invokes the module through a reference', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    new ContactFlow(stack, 'Flow', {
      instance,
      contactFlowName: 'Inbound',
      content: FlowContent.fromObject({
        Version: '2019-10-30',
        StartAction: 'Invoke',
        Actions: [
          {
            Identifier: 'Invoke',
            Type: 'InvokeFlowModule',
            Parameters: { FlowModuleId: '${Greeting}' },
            Transitions: { NextAction: 'End', Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }] },
          },
          { Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
        ],
      }, { references: [FlowReference.flowModule('Greeting', module)] }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlow', {
      Content: {
        'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [stack.getLogicalId(module.node.defaultChild as any), 'ContactFlowModuleArn'] }])],
      },
    });
  });

  test('settings that are a token are not checked', () => {
    const { stack, instance } = testStack();
    minimalModule(stack, instance, { settings: new CfnParameter(stack, 'Settings').valueAsString });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModule', { Settings: { Ref: 'Settings' } });
  });

  test('tags apply to the module', () => {
    const { stack, instance } = testStack();
    Tags.of(minimalModule(stack, instance)).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModule', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('fails for invalid content and names the module', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, {
      content: FlowContent.fromObject({ ...MINIMAL_MODULE, Version: '1' }),
    })).toThrow(/^Test\/Module: flow content Version must be '2019-10-30', got string "1"/);
  });

  test('fails for an empty name', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, { contactFlowModuleName: '' })).toThrow(/Test\/Module: name must be 1 to 127 characters, got 0/);
  });

  test('fails for a name longer than 127 characters', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, { contactFlowModuleName: 'n'.repeat(128) })).toThrow(/name must be 1 to 127 characters, got 128/);
  });

  test('fails for a name of only white space', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, { contactFlowModuleName: '   ' })).toThrow(/name must be more than white space, got '   '/);
  });

  test('fails for a description longer than 500 characters', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, { description: 'd'.repeat(501) })).toThrow(/description must be 1 to 500 characters, got 501/);
  });

  test('fails for a description of only white space', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, { description: ' ' })).toThrow(/description must be more than white space, got ' '/);
  });

  test('fails for settings that are not JSON', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance, { settings: '{InputParameters' })).toThrow(/settings must be a JSON string, got invalid JSON/);
  });
});

describe('ContactFlowModule.fromContactFlowModuleArn', () => {
  test('with a concrete ARN gives the id and the instance', () => {
    const { stack } = testStack();
    const module = ContactFlowModule.fromContactFlowModuleArn(stack, 'Imported', MODULE_ARN);
    expect(module.contactFlowModuleArn).toBe(MODULE_ARN);
    expect(module.contactFlowModuleId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(module.instanceArn).toBe(INSTANCE_ARN);
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const arn = new CfnParameter(stack, 'ModuleArn').valueAsString;
    const module = ContactFlowModule.fromContactFlowModuleArn(stack, 'Imported', arn);
    expect(stack.resolve(module.contactFlowModuleId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'ModuleArn' }] }] });
    expect(stack.resolve(module.instanceArn)).toEqual({
      'Fn::Join': ['/', [
        { 'Fn::Select': [0, { 'Fn::Split': ['/', { Ref: 'ModuleArn' }] }] },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'ModuleArn' }] }] },
      ]],
    });
  });

  test('fails for a malformed ARN', () => {
    const { stack } = testStack();
    expect(() => ContactFlowModule.fromContactFlowModuleArn(stack, 'Imported', `${INSTANCE_ARN}/contact-flow/f1`))
      .toThrow(/flow module ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/flow-module\/<id>/);
  });
});
