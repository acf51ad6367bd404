import { CfnParameter, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Instance } from '../../src/constructs/instance';
import { PredefinedAttribute } from '../../src/constructs/predefined-attribute';
import { INSTANCE_ARN, testStack } from '../helpers';

const TYPE = 'AWS::Connect::PredefinedAttribute';
const ATTRIBUTE_ARN = `${INSTANCE_ARN}/predefined-attribute/Language`;

describe('PredefinedAttribute', () => {
  test('creates an attribute with its values', () => {
    const { stack, instance } = testStack();
    new PredefinedAttribute(stack, 'Language', {
      instance,
      predefinedAttributeName: 'Language',
      values: ['English', 'Spanish'],
    });

    Template.fromStack(stack).hasResourceProperties(TYPE, {
      InstanceArn: INSTANCE_ARN,
      Name: 'Language',
      Values: { StringList: ['English', 'Spanish'] },
      Purposes: Match.absent(),
      AttributeConfiguration: Match.absent(),
    });
  });

  test('renders purposes and value validation', () => {
    const { stack, instance } = testStack();
    new PredefinedAttribute(stack, 'Unit', {
      instance,
      predefinedAttributeName: 'BusinessUnit',
      values: ['Retail'],
      purposes: ['Segment'],
      enableValueValidationOnAssociation: true,
    });

    Template.fromStack(stack).hasResourceProperties(TYPE, {
      Name: 'BusinessUnit',
      Purposes: ['Segment'],
      AttributeConfiguration: { EnableValueValidationOnAssociation: true },
    });
  });

  test('omits values when none are given and generates a name', () => {
    const { stack, instance } = testStack();
    const attribute = new PredefinedAttribute(stack, 'Segment', { instance });

    const props = Object.values(Template.fromStack(stack).findResources(TYPE))[0].Properties;
    expect(props.Values).toBeUndefined();
    expect(props.Name).toMatch(/^TestSegment/);
    expect(attribute.predefinedAttributeName).toBe(props.Name);
  });

  test('exposes the ARN built from the instance ARN and the name', () => {
    const { stack, instance } = testStack();
    const attribute = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English'] });

    expect(stack.resolve(attribute.predefinedAttributeArn)).toEqual({
      'Fn::Select': [0, [ATTRIBUTE_ARN, { Ref: 'Language1724188D' }]],
    });
    expect(attribute.predefinedAttributeName).toBe('Language');
    expect(attribute.instanceArn).toBe(INSTANCE_ARN);
    expect(attribute.predefinedAttributeRef).toEqual({ instanceArn: INSTANCE_ARN, predefinedAttributeName: 'Language' });
    expect(attribute.values).toEqual(['English']);
  });

  test('builds the ARN with CloudFormation functions for an instance defined in the app', () => {
    const stack = new Stack();
    const instance = new Instance(stack, 'Instance', { instanceAlias: 'my-contact-center' });
    const attribute = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English'] });

    expect(Token.isUnresolved(attribute.predefinedAttributeArn)).toBe(true);
    expect(JSON.stringify(stack.resolve(attribute.predefinedAttributeArn))).toContain('/predefined-attribute/Language');
  });

  test('a resource that uses the ARN depends on the attribute', () => {
    const { stack, instance } = testStack();
    const attribute = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English'] });
    new CfnResource(stack, 'Consumer', { type: 'Custom::Consumer', properties: { AttributeArn: attribute.predefinedAttributeArn } });

    const template = Template.fromStack(stack);
    const [logicalId] = Object.keys(template.findResources(TYPE));
    const consumer = template.findResources('Custom::Consumer').Consumer;
    expect(JSON.stringify(consumer.Properties.AttributeArn)).toContain(`{"Ref":"${logicalId}"}`);
  });

  test('hasValue tells whether the attribute takes a value', () => {
    const { stack, instance } = testStack();
    const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English'] });
    const empty = new PredefinedAttribute(stack, 'Empty', { instance, predefinedAttributeName: 'Empty' });

    expect(language.hasValue('English')).toBe(true);
    expect(language.hasValue('French')).toBe(false);
    expect(language.hasValue(new CfnParameter(stack, 'Value').valueAsString)).toBe(true);
    expect(empty.hasValue('English')).toBe(false);
  });

  test('accepts 500 values of 100 characters', () => {
    const { stack, instance } = testStack();
    const values = Array.from({ length: 500 }, (_, i) => `${i}`.padStart(100, 'v'));
    new PredefinedAttribute(stack, 'Many', { instance, predefinedAttributeName: 'x'.repeat(100), values });
    Template.fromStack(stack).resourceCountIs(TYPE, 1);
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new PredefinedAttribute(stack, 'Language', {
      instance,
      predefinedAttributeName: new CfnParameter(stack, 'Name').valueAsString,
      values: new CfnParameter(stack, 'Values', { type: 'CommaDelimitedList' }).valueAsList,
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, { Name: { Ref: 'Name' }, Values: { StringList: { Ref: 'Values' } } });
  });

  test('fails with an empty name', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: '' }))
      .toThrow(/Test\/Language: predefined attribute name must be 1 to 100 characters, got 0/);
  });

  test('fails with a name longer than 100 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'x'.repeat(101) }))
      .toThrow(/predefined attribute name must be 1 to 100 characters, got 101/);
  });

  test('fails with an empty list of values', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: [] }))
      .toThrow(/values must have 1 to 500 items, got 0/);
  });

  test('fails with more than 500 values', () => {
    const { stack, instance } = testStack();
    const values = Array.from({ length: 501 }, (_, i) => `v${i}`);
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values }))
      .toThrow(/values must have 1 to 500 items, got 501/);
  });

  test.each([['', 0], ['x'.repeat(101), 101]])('fails with a value of the wrong length (case %#)', (value, length) => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English', value] }))
      .toThrow(new RegExp(`values\\[1\\] must be 1 to 100 characters, got ${length}`));
  });

  test('fails with a repeated value', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English', 'English'] }))
      .toThrow(/values must be unique, 'English' appears more than once/);
  });

  test('fails with more than 10 purposes', () => {
    const { stack, instance } = testStack();
    const purposes = Array.from({ length: 11 }, (_, i) => `p${i}`);
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', purposes }))
      .toThrow(/purposes must have 1 to 10 items, got 11/);
  });

  test('fails with an empty list of purposes', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', purposes: [] }))
      .toThrow(/purposes must have 1 to 10 items, got 0/);
  });

  test('fails with a purpose longer than 100 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', purposes: ['x'.repeat(101)] }))
      .toThrow(/purposes\[0\] must be 1 to 100 characters, got 101/);
  });

  test('fails with a repeated purpose', () => {
    const { stack, instance } = testStack();
    expect(() => new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', purposes: ['A', 'A'] }))
      .toThrow(/purposes must be unique, 'A' appears more than once/);
  });
});

describe('PredefinedAttribute imports', () => {
  test('fromPredefinedAttributeArn takes the instance and the name from a concrete ARN', () => {
    const { stack } = testStack();
    const attribute = PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Imported', ATTRIBUTE_ARN);

    expect(attribute.predefinedAttributeArn).toBe(ATTRIBUTE_ARN);
    expect(attribute.predefinedAttributeName).toBe('Language');
    expect(attribute.instanceArn).toBe(INSTANCE_ARN);
    expect(attribute.env.account).toBe('111122223333');
    expect(attribute.env.region).toBe('us-east-1');
  });

  test('fromPredefinedAttributeArn keeps names with spaces', () => {
    const { stack } = testStack();
    const attribute = PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Imported', `${INSTANCE_ARN}/predefined-attribute/Business unit`);
    expect(attribute.predefinedAttributeName).toBe('Business unit');
  });

  test('fromPredefinedAttributeArn splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const attribute = PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));

    expect(stack.resolve(attribute.predefinedAttributeName)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
    expect(stack.resolve(attribute.instanceArn)).toEqual({
      'Fn::Join': ['/', [
        { 'Fn::Select': [0, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] },
      ]],
    });
  });

  test.each([
    'not-an-arn',
    `${INSTANCE_ARN}/queue/abc`,
    `${INSTANCE_ARN}/predefined-attribute/`,
    'arn:aws:connect:us-east-1:111122223333:predefined-attribute/Language',
  ])('fromPredefinedAttributeArn fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: predefined attribute ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/predefined-attribute\/<name>/);
  });

  test('fromPredefinedAttributeName builds the ARN from the instance and the name', () => {
    const { stack, instance } = testStack();
    const attribute = PredefinedAttribute.fromPredefinedAttributeName(stack, 'Imported', instance, 'Language');

    expect(attribute.predefinedAttributeArn).toBe(ATTRIBUTE_ARN);
    expect(attribute.predefinedAttributeName).toBe('Language');
    expect(attribute.instanceArn).toBe(INSTANCE_ARN);
  });

  test('fromPredefinedAttributeName fails with a name longer than 100 characters', () => {
    const { stack, instance } = testStack();
    expect(() => PredefinedAttribute.fromPredefinedAttributeName(stack, 'Imported', instance, 'x'.repeat(101)))
      .toThrow(/Test\/Imported: predefined attribute name must be 1 to 100 characters, got 101/);
  });
});
