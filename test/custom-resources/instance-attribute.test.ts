import { Lazy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Instance } from '../../src/constructs/instance';
import { InstanceAttribute, InstanceAttributeType } from '../../src/constructs/instance-attribute';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const TYPE = 'Custom::ConnectInstanceAttribute';
const ACTIONS = [
  'connect:DescribeInstanceAttribute',
  'connect:UpdateInstanceAttribute',
  'connect:ListTagsForResource',
  'connect:TagResource',
  'connect:UntagResource',
];

describe('InstanceAttribute', () => {
  test('sets any attribute of an imported instance through the Connect API', () => {
    const { stack, instance } = testStack();
    const attribute = instance.setAttribute(InstanceAttributeType.CONTACT_LENS, false);
    instance.setAttribute(InstanceAttributeType.MESSAGE_STREAMING, true);

    expect(attribute.node.path).toBe('Test/Instance/AttributeContactLens');
    expect(attribute.value).toBe(false);
    const template = Template.fromStack(stack);
    template.resourceCountIs(TYPE, 2);
    template.hasResourceProperties(TYPE, {
      InstanceId: INSTANCE_ID,
      InstanceArn: INSTANCE_ARN,
      AttributeType: 'CONTACT_LENS',
      Value: 'false',
      InstanceAttributes: Match.absent(),
    });
    template.hasResourceProperties(TYPE, { AttributeType: 'MESSAGE_STREAMING', Value: 'true' });
  });

  test('grants the provider exactly what it calls, on the instance', () => {
    const { stack, instance } = testStack();
    instance.setAttribute(InstanceAttributeType.MESSAGE_STREAMING, true);

    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ACTIONS, Resource: INSTANCE_ARN });
    expect(JSON.stringify(statements)).not.toMatch(/"Resource":"\*"/);
  });

  test('sets message streaming of an instance defined in the app, following updates of its CloudFormation attributes', () => {
    const { stack } = testStack();
    const instance = new Instance(stack, 'Own', { instanceAlias: 'own-center', contactLens: false });
    instance.setAttribute(InstanceAttributeType.MESSAGE_STREAMING, true);

    const template = Template.fromStack(stack);
    template.hasResourceProperties(TYPE, {
      InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Own'), 'Id'] },
      InstanceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Own'), 'Arn'] },
      AttributeType: 'MESSAGE_STREAMING',
      Value: 'true',
      InstanceAttributes: Match.objectLike({ InboundCalls: true, ContactLens: false }),
    });
  });

  test('takes an attribute type the library has no constant for', () => {
    const { stack, instance } = testStack();
    new InstanceAttribute(stack, 'Future', { instance, attributeType: InstanceAttributeType.of('SOME_NEW_FEATURE'), value: true });

    Template.fromStack(stack).hasResourceProperties(TYPE, { AttributeType: 'SOME_NEW_FEATURE', Value: 'true' });
  });

  test('fails to set an attribute CloudFormation manages on an instance defined in the app, naming the prop', () => {
    const { stack } = testStack();
    const instance = new Instance(stack, 'Own', { instanceAlias: 'own-center' });
    expect(() => instance.setAttribute(InstanceAttributeType.CONTACT_LENS, false))
      .toThrow(/Test\/Own\/AttributeContactLens: attribute CONTACT_LENS of an instance defined in this app is its contactLens prop \(CloudFormation sets it\)/);
    expect(() => instance.setAttribute(InstanceAttributeType.of('AUTO_MUTE_AGENT_ON_HOLD'), true))
      .toThrow(/attribute AUTO_MUTE_AGENT_ON_HOLD of an instance defined in this app is its autoMuteAgentOnHold prop/);
  });

  test('fails to set an attribute twice', () => {
    const { instance } = testStack();
    instance.setAttribute(InstanceAttributeType.EARLY_MEDIA, true);
    expect(() => instance.setAttribute(InstanceAttributeType.EARLY_MEDIA, false))
      .toThrow(/attribute EARLY_MEDIA of instance Test\/Instance is already set by Test\/Instance\/AttributeEarlyMedia; an instance setting can be set once/);
  });

  test('fails to set an attribute twice through two imports of the same instance', () => {
    const { stack, instance } = testStack();
    const again = Instance.fromInstanceArn(stack, 'Again', INSTANCE_ARN);
    instance.setAttribute(InstanceAttributeType.EARLY_MEDIA, true);
    expect(() => again.setAttribute(InstanceAttributeType.EARLY_MEDIA, true)).toThrow(/attribute EARLY_MEDIA of instance Test\/Again is already set by Test\/Instance\/AttributeEarlyMedia/);
  });

  test('fails to set message streaming that the instance props already set', () => {
    const { stack } = testStack();
    const instance = new Instance(stack, 'Own', { instanceAlias: 'own-center', messageStreaming: true });
    expect(() => new InstanceAttribute(stack, 'Streaming', { instance, attributeType: InstanceAttributeType.MESSAGE_STREAMING, value: false }))
      .toThrow(/attribute MESSAGE_STREAMING of instance Test\/Own is already set by Test\/Own\/AttributeMessageStreaming/);
  });

  test('fails with a malformed attribute type', () => {
    const { instance } = testStack();
    expect(() => instance.setAttribute(InstanceAttributeType.of('message streaming'), true))
      .toThrow(/attributeType must be upper case letters, digits and underscores, got 'message streaming'/);
  });

  test('fails with an attribute type that is a token', () => {
    const { stack, instance } = testStack();
    const attributeType = InstanceAttributeType.of(Lazy.string({ produce: () => 'EARLY_MEDIA' }));
    expect(() => new InstanceAttribute(stack, 'Attr', { instance, attributeType, value: true }))
      .toThrow(/attributeType must be a concrete value, got a token/);
  });
});
