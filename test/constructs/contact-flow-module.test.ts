import * as path from 'path';
import { CfnParameter, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ContactFlow } from '../../src/constructs/contact-flow';
import {
  ContactFlowModule, ContactFlowModuleAlias, ContactFlowModuleProps, ContactFlowModuleState, ContactFlowModuleVersion,
} from '../../src/constructs/contact-flow-module';
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

describe('ContactFlowModuleVersion', () => {
  test('addVersion publishes a version of the module', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    const version = module.addVersion('V1', { description: 'first release' });
    const moduleId = stack.getLogicalId(module.node.defaultChild as any);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModuleVersion', {
      ContactFlowModuleId: { 'Fn::GetAtt': [moduleId, 'ContactFlowModuleArn'] },
      Description: 'first release',
    });
    expect(version.node.scope).toBe(module);
    expect(version.node.defaultChild?.node.id).toBe('Resource');
    expect(version.contactFlowModule).toBe(module);
    expect(version.instanceArn).toBe(INSTANCE_ARN);
  });

  test('exposes the version ARN, number and checksum', () => {
    const { stack, instance } = testStack();
    const version = minimalModule(stack, instance).addVersion('V1');
    const logicalId = stack.getLogicalId(version.node.defaultChild as any);
    expect(stack.resolve(version.contactFlowModuleVersionArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ContactFlowModuleVersionARN'] });
    expect(stack.resolve(version.versionNumber)).toEqual({ 'Fn::GetAtt': [logicalId, 'Version'] });
    expect(stack.resolve(version.contentSha256)).toEqual({ 'Fn::GetAtt': [logicalId, 'FlowModuleContentSha256'] });
    expect(stack.resolve(version.contactFlowModuleVersionRef.contactFlowModuleVersionArn))
      .toEqual({ 'Fn::GetAtt': [logicalId, 'ContactFlowModuleVersionARN'] });
  });

  test('is destroyed with the stack by default and can be retained', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    module.addVersion('V1');
    module.addVersion('V2', { removalPolicy: RemovalPolicy.RETAIN });
    const versions = Object.values(Template.fromStack(stack).findResources('AWS::Connect::ContactFlowModuleVersion'));
    expect(versions.map(v => v.DeletionPolicy)).toEqual(['Delete', 'Retain']);
  });

  test('with publishOnContentChange a change of content or settings gives a new logical id', () => {
    const variants: Array<Partial<ContactFlowModuleProps>> = [
      {},
      {},
      { content: FlowContent.fromObject({ ...MINIMAL_MODULE, Metadata: { note: 'changed' } }) },
      { settings: JSON.stringify({ InputParameters: [] }) },
    ];
    const ids = variants.map(extra => {
      const { stack, instance } = testStack();
      minimalModule(stack, instance, extra).addVersion('V1', { publishOnContentChange: true });
      return Object.keys(Template.fromStack(stack).findResources('AWS::Connect::ContactFlowModuleVersion'))[0];
    });
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[2]);
  });

  test('without publishOnContentChange the logical id does not depend on the content', () => {
    const ids = [{}, { settings: '{}' }].map(extra => {
      const { stack, instance } = testStack();
      minimalModule(stack, instance, extra).addVersion('V1');
      return Object.keys(Template.fromStack(stack).findResources('AWS::Connect::ContactFlowModuleVersion'))[0];
    });
    expect(ids[1]).toBe(ids[0]);
  });

  test('fails for a description of only white space', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance).addVersion('V1', { description: '  ' }))
      .toThrow(/Test\/Module\/V1: description must be more than white space, got '  '/);
  });

  test('fails for a description longer than 500 characters', () => {
    const { stack, instance } = testStack();
    expect(() => minimalModule(stack, instance).addVersion('V1', { description: 'd'.repeat(501) }))
      .toThrow(/description must be 1 to 500 characters, got 501/);
  });

  test('fails for publishOnContentChange on an imported module', () => {
    const { stack } = testStack();
    const module = ContactFlowModule.fromContactFlowModuleArn(stack, 'Imported', MODULE_ARN);
    expect(() => module.addVersion('V1', { publishOnContentChange: true }))
      .toThrow(/publishOnContentChange needs a flow module defined in this app, whose content is known; 'Test\/Imported' is imported/);
  });
});

describe('ContactFlowModuleVersion.fromContactFlowModuleVersionArn', () => {
  test('with a concrete ARN gives the version number, the module and the instance', () => {
    const { stack } = testStack();
    const version = ContactFlowModuleVersion.fromContactFlowModuleVersionArn(stack, 'Imported', `${MODULE_ARN}:3`);
    expect(version.versionNumber).toBe(3);
    expect(version.contactFlowModuleArn).toBe(MODULE_ARN);
    expect(version.instanceArn).toBe(INSTANCE_ARN);
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const arn = new CfnParameter(stack, 'VersionArn').valueAsString;
    const version = ContactFlowModuleVersion.fromContactFlowModuleVersionArn(stack, 'Imported', arn);
    expect(stack.resolve(version.versionNumber)).toEqual({ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'VersionArn' }] }] });
  });

  test('fails for an ARN whose version is not a number', () => {
    const { stack } = testStack();
    expect(() => ContactFlowModuleVersion.fromContactFlowModuleVersionArn(stack, 'Imported', `${MODULE_ARN}:live`))
      .toThrow(/flow module version ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/flow-module\/<id>:<version>/);
  });
});

describe('ContactFlowModuleAlias', () => {
  test('addAlias points a named alias to a version', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    const version = module.addVersion('V1');
    const alias = module.addAlias('Live', { aliasName: 'live', version, description: 'what callers get' });
    const moduleId = stack.getLogicalId(module.node.defaultChild as any);
    const versionId = stack.getLogicalId(version.node.defaultChild as any);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModuleAlias', {
      ContactFlowModuleId: { 'Fn::GetAtt': [moduleId, 'ContactFlowModuleArn'] },
      ContactFlowModuleVersion: { 'Fn::GetAtt': [versionId, 'Version'] },
      Name: 'live',
      Description: 'what callers get',
    });
    const aliasId = stack.getLogicalId(alias.node.defaultChild as any);
    expect(alias.node.defaultChild?.node.id).toBe('Resource');
    expect(stack.resolve(alias.contactFlowModuleAliasArn)).toEqual({ 'Fn::GetAtt': [aliasId, 'ContactFlowModuleAliasARN'] });
    expect(stack.resolve(alias.aliasId)).toEqual({ 'Fn::GetAtt': [aliasId, 'AliasId'] });
    expect(alias.aliasName).toBe('live');
    expect(alias.instanceArn).toBe(INSTANCE_ARN);
  });

  test('an alias can point to an imported version of an imported module', () => {
    const { stack } = testStack();
    const module = ContactFlowModule.fromContactFlowModuleArn(stack, 'Imported', MODULE_ARN);
    const version = ContactFlowModuleVersion.fromContactFlowModuleVersionArn(stack, 'Version', `${MODULE_ARN}:4`);
    module.addAlias('Prod', { aliasName: 'prod_v2', version });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ContactFlowModuleAlias', {
      ContactFlowModuleId: MODULE_ARN,
      ContactFlowModuleVersion: 4,
      Name: 'prod_v2',
      Description: Match.absent(),
    });
  });

  test('two modules may use the same alias name', () => {
    const { stack, instance } = testStack();
    for (const id of ['A', 'B']) {
      const module = new ContactFlowModule(stack, id, { instance, contactFlowModuleName: id, content: FlowContent.fromObject(MINIMAL_MODULE) });
      module.addAlias('Live', { aliasName: 'live', version: module.addVersion('V1') });
    }
    Template.fromStack(stack).resourceCountIs('AWS::Connect::ContactFlowModuleAlias', 2);
  });

  test('fails for an alias name used twice in the same module', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    const version = module.addVersion('V1');
    module.addAlias('Live', { aliasName: 'live', version });
    expect(() => module.addAlias('Live2', { aliasName: 'live', version }))
      .toThrow(/Test\/Module\/Live2: alias name 'live' is already used by alias 'Test\/Module\/Live' of the same flow module/);
  });

  test('fails for an alias name with characters Amazon Connect rejects', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    expect(() => module.addAlias('Live', { aliasName: 'my alias', version: module.addVersion('V1') }))
      .toThrow(/alias name must be letters, digits and \$, each optionally followed by one _ or -.*got 'my alias'/);
  });

  test('fails for an alias name with two separators in a row', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    expect(() => module.addAlias('Live', { aliasName: 'a--b', version: module.addVersion('V1') }))
      .toThrow(/alias name must be letters, digits and \$/);
  });

  test('fails for an alias name longer than 100 characters', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    expect(() => module.addAlias('Live', { aliasName: 'a'.repeat(101), version: module.addVersion('V1') }))
      .toThrow(/alias name must be 1 to 100 characters, got 101/);
  });

  test('fails for an empty alias name', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    expect(() => module.addAlias('Live', { aliasName: '', version: module.addVersion('V1') }))
      .toThrow(/alias name must be 1 to 100 characters, got 0/);
  });

  test('fails for a description of only white space', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    expect(() => module.addAlias('Live', { aliasName: 'live', version: module.addVersion('V1'), description: ' ' }))
      .toThrow(/description must be more than white space/);
  });

  test('fails for a version of another module defined in this app', () => {
    const { stack, instance } = testStack();
    const module = minimalModule(stack, instance);
    const other = new ContactFlowModule(stack, 'Other', { instance, contactFlowModuleName: 'Other', content: FlowContent.fromObject(MINIMAL_MODULE) });
    expect(() => module.addAlias('Live', { aliasName: 'live', version: other.addVersion('V1') }))
      .toThrow(/version must be a version of flow module 'Test\/Module', got a version of 'Test\/Other'/);
  });

  test('fails for an imported version of another module', () => {
    const { stack } = testStack();
    const module = ContactFlowModule.fromContactFlowModuleArn(stack, 'Imported', MODULE_ARN);
    const version = ContactFlowModuleVersion.fromContactFlowModuleVersionArn(stack, 'Version', `${INSTANCE_ARN}/flow-module/other:4`);
    expect(() => module.addAlias('Live', { aliasName: 'live', version }))
      .toThrow(/version must be a version of flow module .*flow-module\/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee, got a version of .*flow-module\/other/);
  });
});

describe('ContactFlowModuleAlias.fromContactFlowModuleAliasArn', () => {
  test('with a concrete ARN gives the alias id, the module and the instance', () => {
    const { stack } = testStack();
    const alias = ContactFlowModuleAlias.fromContactFlowModuleAliasArn(stack, 'Imported', `${MODULE_ARN}:alias-1`);
    expect(alias.aliasId).toBe('alias-1');
    expect(alias.contactFlowModuleArn).toBe(MODULE_ARN);
    expect(alias.instanceArn).toBe(INSTANCE_ARN);
    expect(alias.contactFlowModuleAliasRef.contactFlowModuleAliasArn).toBe(`${MODULE_ARN}:alias-1`);
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const arn = new CfnParameter(stack, 'AliasArn').valueAsString;
    const alias = ContactFlowModuleAlias.fromContactFlowModuleAliasArn(stack, 'Imported', arn);
    expect(stack.resolve(alias.aliasId)).toEqual({ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'AliasArn' }] }] });
  });

  test('fails for an ARN without an alias id', () => {
    const { stack } = testStack();
    expect(() => ContactFlowModuleAlias.fromContactFlowModuleAliasArn(stack, 'Imported', MODULE_ARN))
      .toThrow(/flow module alias ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/flow-module\/<id>:<alias-id>/);
  });
});
