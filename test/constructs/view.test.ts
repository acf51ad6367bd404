import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { View, ViewProps, ViewTemplate, ViewVersion } from '../../src/constructs/view';
import { INSTANCE_ARN, testStack } from '../helpers';

const VIEW_ARN = `${INSTANCE_ARN}/view/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;
const MANAGED_VIEW_ARN = 'arn:aws:connect:us-east-1:aws:view/detail';

const FORM = {
  Head: { Title: 'Callback', Configuration: { Layout: { Columns: ['12'] } } },
  Body: [{ _id: 'Form', Type: 'Form', Props: {}, Content: [] }],
};

function view(extra: Partial<ViewProps> = {}): { stack: Stack; view: View } {
  const { stack, instance } = testStack();
  const v = new View(stack, 'View', {
    instance,
    viewName: 'Callback form',
    template: ViewTemplate.fromObject(FORM),
    ...extra,
  });
  return { stack, view: v };
}

describe('View', () => {
  test('creates a view with a template object and actions', () => {
    const { stack } = view({ description: 'Form for callbacks', actions: ['Submit', 'Cancel'] });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::View', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Callback form',
      Description: 'Form for callbacks',
      Template: FORM,
      Actions: ['Submit', 'Cancel'],
    });
  });

  test('renders no actions as an empty list (CloudFormation requires the property)', () => {
    const { stack } = view();
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::View', { Actions: [], Description: Match.absent() });
  });

  test('takes the template from a JSON string or a file, as an object', () => {
    const a = view({ template: ViewTemplate.fromJsonString(JSON.stringify(FORM)) });
    Template.fromStack(a.stack).hasResourceProperties('AWS::Connect::View', { Template: FORM });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'view-'));
    const file = path.join(dir, 'form.json');
    fs.writeFileSync(file, JSON.stringify(FORM, undefined, 2));
    const b = view({ template: ViewTemplate.fromFile(file) });
    Template.fromStack(b.stack).hasResourceProperties('AWS::Connect::View', { Template: FORM });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('passes a token JSON string on as it is', () => {
    const { stack, instance } = testStack();
    new View(stack, 'View', { instance, template: ViewTemplate.fromJsonString(new CfnParameter(stack, 'Template').valueAsString) });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::View', { Template: { Ref: 'Template' } });
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    const v = new View(stack, 'View', { instance, template: ViewTemplate.fromObject(FORM) });
    expect(v.viewName).toMatch(/View/);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::View', { Name: v.viewName });
  });

  test('accepts names, descriptions and actions with letters of any script and the allowed symbols', () => {
    expect(() => view({
      viewName: 'Rückruf: Formular_1 v2.0/=+-@',
      description: 'Für Rückrufe, mit Notizen',
      actions: ['Bestätigen', 'ui:submit/ok'],
    })).not.toThrow();
  });

  test('exposes the ARN, the id, the content checksum and the instance ARN', () => {
    const { stack, view: v } = view();
    const logicalId = stack.getLogicalId(v.node.defaultChild as CfnElement);

    expect(stack.resolve(v.viewArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ViewArn'] });
    expect(stack.resolve(v.viewId)).toEqual({ 'Fn::GetAtt': [logicalId, 'ViewId'] });
    expect(stack.resolve(v.viewContentSha256)).toEqual({ 'Fn::GetAtt': [logicalId, 'ViewContentSha256'] });
    expect(v.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(v.viewRef.viewArn)).toEqual(stack.resolve(v.viewArn));
  });

  test('takes tags from Tags.of', () => {
    const { stack, view: v } = view();
    Tags.of(v).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::View', { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new View(stack, 'View', {
      instance,
      viewName: new CfnParameter(stack, 'Name').valueAsString,
      description: new CfnParameter(stack, 'Description').valueAsString,
      template: ViewTemplate.fromObject(FORM),
      actions: [new CfnParameter(stack, 'Action').valueAsString],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::View', { Name: { Ref: 'Name' }, Actions: [{ Ref: 'Action' }] });
  });

  test('fails with an empty or too long name', () => {
    expect(() => view({ viewName: '' })).toThrow(/Test\/View: view name must be 1 to 255 characters, got 0/);
    expect(() => view({ viewName: 'x'.repeat(256) })).toThrow(/view name must be 1 to 255 characters, got 256/);
  });

  test.each([' Leading space', 'Question?', "O'Brien", 'Form (v2)'])('fails with the name %p', (viewName) => {
    expect(() => view({ viewName })).toThrow(/view name must be letters, digits, spaces and _ . : \/ = \+ - @ \(not starting with a space\), got/);
  });

  test('fails with a bad description', () => {
    expect(() => view({ description: '' })).toThrow(/description must be 1 to 4096 characters, got 0/);
    expect(() => view({ description: 'x'.repeat(4097) })).toThrow(/description must be 1 to 4096 characters, got 4097/);
    expect(() => view({ description: 'Call back!' })).toThrow(/description must be letters, digits, spaces and _ . : \/ = \+ - @ , \(not starting with a space\), got 'Call back!'/);
  });

  test('fails with bad actions', () => {
    expect(() => view({ actions: [''] })).toThrow(/action must be 1 to 255 characters, got 0/);
    expect(() => view({ actions: ['x'.repeat(256)] })).toThrow(/action must be 1 to 255 characters, got 256/);
    expect(() => view({ actions: ['Submit!'] })).toThrow(/action must be letters, digits, spaces .*got 'Submit!'/);
    expect(() => view({ actions: ['Submit', 'Submit'] })).toThrow(/actions must be unique, 'Submit' appears more than once/);
    expect(() => view({ actions: Array.from({ length: 1001 }, (_, i) => `a${i}`) })).toThrow(/actions must have 0 to 1000 items, got 1001/);
  });

  test('fails with a template that is not JSON or not an object', () => {
    expect(() => view({ template: ViewTemplate.fromJsonString('{ "Head": ') }))
      .toThrow(/Test\/View: template must be valid JSON, got a parse error: /);
    expect(() => view({ template: ViewTemplate.fromJsonString('[1, 2]') })).toThrow(/template must be a JSON object, got an array/);
    expect(() => view({ template: ViewTemplate.fromJsonString('null') })).toThrow(/template must be a JSON object, got null/);
    expect(() => view({ template: ViewTemplate.fromObject('text') })).toThrow(/template must be a JSON object, got string/);
  });

  test('fails with a template file that is not JSON, naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'view-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ nope');
    try {
      expect(() => view({ template: ViewTemplate.fromFile(file) })).toThrow(/template file .*broken.json must be valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fails with content larger than 400 KB', () => {
    const big = { Head: { Title: 'Big' }, Body: [{ Type: 'Text', Props: { Text: 'x'.repeat(410 * 1024) } }] };
    expect(() => view({ template: ViewTemplate.fromObject(big) })).toThrow(/template and actions must be at most 400 KB in all, got 411 KB/);
  });
});

describe('ViewVersion', () => {
  test('addVersion publishes a version of the current content', () => {
    const { stack, view: v } = view();
    const version = v.addVersion('V1', { description: 'First release' });
    const viewId = stack.getLogicalId(v.node.defaultChild as CfnElement);

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ViewVersion', {
      ViewArn: { 'Fn::GetAtt': [viewId, 'ViewArn'] },
      VersionDescription: 'First release',
      ViewContentSha256: { 'Fn::GetAtt': [viewId, 'ViewContentSha256'] },
    });
    const versionId = stack.getLogicalId(version.node.defaultChild as CfnElement);
    expect(stack.resolve(version.viewVersionArn)).toEqual({ 'Fn::GetAtt': [versionId, 'ViewVersionArn'] });
    expect(stack.resolve(version.version)).toEqual({ 'Fn::GetAtt': [versionId, 'Version'] });
    expect(stack.resolve(version.viewArn)).toEqual({ 'Fn::GetAtt': [viewId, 'ViewArn'] });
    expect(version.instanceArn).toBe(INSTANCE_ARN);
    expect(version.node.path).toBe('Test/View/V1');
    expect(stack.resolve(version.viewVersionRef.viewVersionArn)).toEqual(stack.resolve(version.viewVersionArn));
  });

  test('a version of an imported view has no content checksum', () => {
    const { stack } = testStack();
    const imported = View.fromViewArn(stack, 'Imported', VIEW_ARN);
    new ViewVersion(stack, 'Version', { view: imported });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::ViewVersion', {
      ViewArn: VIEW_ARN,
      ViewContentSha256: Match.absent(),
      VersionDescription: Match.absent(),
    });
  });

  test('fails with a bad description', () => {
    const { view: v } = view();
    expect(() => v.addVersion('V1', { description: '' })).toThrow(/Test\/View\/V1: description must be 1 to 4096 characters, got 0/);
    expect(() => v.addVersion('V2', { description: 'Release #2' })).toThrow(/description must be letters, digits, spaces .*got 'Release #2'/);
  });

  test('fromViewVersionArn takes the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const version = ViewVersion.fromViewVersionArn(stack, 'Imported', `${VIEW_ARN}:3`);
    expect(version.viewVersionArn).toBe(`${VIEW_ARN}:3`);
    expect(version.instanceArn).toBe(INSTANCE_ARN);
    expect(version.viewVersionRef.viewVersionArn).toBe(`${VIEW_ARN}:3`);
  });

  test('fromViewVersionArn accepts a token ARN', () => {
    const stack = new Stack();
    const version = ViewVersion.fromViewVersionArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(version.instanceArn)).toEqual({
      'Fn::Join': ['/', [
        { 'Fn::Select': [0, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] },
      ]],
    });
  });

  test('fromViewVersionArn fails without a version number or with another resource kind', () => {
    const { stack } = testStack();
    expect(() => ViewVersion.fromViewVersionArn(stack, 'A', VIEW_ARN))
      .toThrow(/Test\/A: view version ARN must end with the version number \(...\/view\/<id>:<version>\)/);
    expect(() => ViewVersion.fromViewVersionArn(stack, 'B', `${INSTANCE_ARN}/queue/abc:1`))
      .toThrow(/view version ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/view\/<id>/);
  });
});

describe('View.fromViewArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const v = View.fromViewArn(stack, 'Imported', VIEW_ARN);
    expect(v.viewArn).toBe(VIEW_ARN);
    expect(v.viewId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(v.instanceArn).toBe(INSTANCE_ARN);
    expect(v.env.region).toBe('us-east-1');
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const v = View.fromViewArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(v.viewId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test('imported views take versions', () => {
    const { stack } = testStack();
    const version = View.fromViewArn(stack, 'Imported', VIEW_ARN).addVersion('V1');
    expect(version.node.path).toBe('Test/Imported/V1');
    Template.fromStack(stack).resourceCountIs('AWS::Connect::ViewVersion', 1);
  });

  test.each(['not-an-arn', `${INSTANCE_ARN}/queue/abc`])('fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => View.fromViewArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: view ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/view\/<id>/);
  });

  test.each([`${VIEW_ARN}:$LATEST`, `${VIEW_ARN}:3`])('fails with the qualified ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => View.fromViewArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: view ARN must be unqualified \(.*without :<version> or :\$LATEST\), got/);
  });

  test('fails with the ARN of an AWS managed view, pointing to fromManagedViewArn', () => {
    const { stack } = testStack();
    expect(() => View.fromViewArn(stack, 'Imported', MANAGED_VIEW_ARN))
      .toThrow(/view ARN '.*' is the ARN of an AWS managed view, which belongs to no instance; import it with View.fromManagedViewArn/);
  });
});

describe('View.fromManagedViewArn', () => {
  test('takes the id from the ARN and the instance from the instance', () => {
    const { stack, instance } = testStack();
    const v = View.fromManagedViewArn(stack, 'Managed', MANAGED_VIEW_ARN, instance);
    expect(v.viewArn).toBe(MANAGED_VIEW_ARN);
    expect(v.viewId).toBe('detail');
    expect(v.instanceArn).toBe(INSTANCE_ARN);
    expect(v.env.account).toBe('111122223333');
    expect(v.env.region).toBe('us-east-1');
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const { stack, instance } = testStack();
    const v = View.fromManagedViewArn(stack, 'Managed', Token.asString({ Ref: 'Arn' }), instance);
    expect(stack.resolve(v.viewId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': [':view/', { Ref: 'Arn' }] }] });
  });

  test.each(['not-an-arn', VIEW_ARN, 'arn:aws:connect:us-east-1:111122223333:view/detail'])(
    'fails with the ARN %p, which is not an AWS managed view ARN', (arn) => {
      const { stack, instance } = testStack();
      expect(() => View.fromManagedViewArn(stack, 'Managed', arn, instance))
        .toThrow(/Test\/Managed: AWS managed view ARN must look like arn:aws:connect:<region>:aws:view\/<id>, got/);
    });

  test('fails with a qualified ARN', () => {
    const { stack, instance } = testStack();
    expect(() => View.fromManagedViewArn(stack, 'Managed', `${MANAGED_VIEW_ARN}:$LATEST`, instance))
      .toThrow(/AWS managed view ARN must be unqualified/);
  });

  test('fails to add a version to an AWS managed view', () => {
    const { stack, instance } = testStack();
    const v = View.fromManagedViewArn(stack, 'Managed', MANAGED_VIEW_ARN, instance);
    expect(() => v.addVersion('V1')).toThrow(/cannot add a version to the AWS managed view '.*'; only customer-managed views have versions/);
  });
});
