import { App, CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { TrafficDistributionGroup } from '../../src/constructs/traffic-distribution-group';
import { INSTANCE_ARN, testStack } from '../helpers';

const TYPE = 'AWS::Connect::TrafficDistributionGroup';
const TDG_ID = '12345678-aaaa-bbbb-cccc-1234567890ab';
const TDG_ARN = `arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/${TDG_ID}`;

describe('TrafficDistributionGroup', () => {
  test('creates a group with the given properties', () => {
    const { stack, instance } = testStack();
    new TrafficDistributionGroup(stack, 'Group', {
      instance,
      trafficDistributionGroupName: 'resilient-numbers',
      description: 'Numbers answered in both Regions',
    });

    Template.fromStack(stack).hasResourceProperties(TYPE, {
      InstanceArn: INSTANCE_ARN,
      Name: 'resilient-numbers',
      Description: 'Numbers answered in both Regions',
    });
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    expect(group.trafficDistributionGroupName).toMatch(/^TestGroup/);
    Template.fromStack(stack).hasResourceProperties(TYPE, { Name: group.trafficDistributionGroupName, Description: Match.absent() });
  });

  test('exposes its attributes', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance, trafficDistributionGroupName: 'resilient' });
    const logicalId = stack.getLogicalId(group.node.defaultChild as CfnElement);

    expect(stack.resolve(group.trafficDistributionGroupArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'TrafficDistributionGroupArn'] });
    expect(stack.resolve(group.trafficDistributionGroupId)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'TrafficDistributionGroupArn'] }] }],
    });
    expect(stack.resolve(group.status)).toEqual({ 'Fn::GetAtt': [logicalId, 'Status'] });
    expect(stack.resolve(group.isDefault)).toEqual({ 'Fn::GetAtt': [logicalId, 'IsDefault'] });
    expect(stack.resolve(group.trafficDistributionGroupRef.trafficDistributionGroupArn))
      .toEqual({ 'Fn::GetAtt': [logicalId, 'TrafficDistributionGroupArn'] });
    expect(group.instanceArn).toBe(INSTANCE_ARN);
    expect(group.trafficDistributionGroupName).toBe('resilient');
  });

  test('takes tags from Tags.of', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    Tags.of(group).add('team', 'telephony');
    Template.fromStack(stack).hasResourceProperties(TYPE, { Tags: [{ Key: 'team', Value: 'telephony' }] });
  });

  test('accepts a name of 128 characters and a description of 250', () => {
    const { stack, instance } = testStack();
    new TrafficDistributionGroup(stack, 'Group', { instance, trafficDistributionGroupName: 'n'.repeat(128), description: 'd'.repeat(250) });
    Template.fromStack(stack).resourceCountIs(TYPE, 1);
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new TrafficDistributionGroup(stack, 'Group', {
      instance,
      trafficDistributionGroupName: new CfnParameter(stack, 'Name').valueAsString,
      description: new CfnParameter(stack, 'Description').valueAsString,
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, { Name: { Ref: 'Name' }, Description: { Ref: 'Description' } });
  });

  test.each([['', 0], ['n'.repeat(129), 129]])('fails with a name of the wrong length (case %#)', (name, length) => {
    const { stack, instance } = testStack();
    expect(() => new TrafficDistributionGroup(stack, 'Group', { instance, trafficDistributionGroupName: name }))
      .toThrow(new RegExp(`Test/Group: traffic distribution group name must be 1 to 128 characters, got ${length}`));
  });

  test.each([' resilient', 'resilient ', 'resilient\nnumbers'])('fails with the name %p', (name) => {
    const { stack, instance } = testStack();
    expect(() => new TrafficDistributionGroup(stack, 'Group', { instance, trafficDistributionGroupName: name }))
      .toThrow(/traffic distribution group name must be text without leading or trailing whitespace or line breaks/);
  });

  test.each([['', 0], ['d'.repeat(251), 251]])('fails with a description of the wrong length (case %#)', (description, length) => {
    const { stack, instance } = testStack();
    expect(() => new TrafficDistributionGroup(stack, 'Group', { instance, description }))
      .toThrow(new RegExp(`description must be 1 to 250 characters, got ${length}`));
  });

  test('fails with a description with trailing whitespace', () => {
    const { stack, instance } = testStack();
    expect(() => new TrafficDistributionGroup(stack, 'Group', { instance, description: 'Numbers ' }))
      .toThrow(/description must be text without leading or trailing whitespace or line breaks, got 'Numbers '/);
  });
});

describe('TrafficDistributionGroup imports', () => {
  test('fromTrafficDistributionGroupArn takes the id from a concrete ARN and knows no instance', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Imported', TDG_ARN);

    expect(group.trafficDistributionGroupArn).toBe(TDG_ARN);
    expect(group.trafficDistributionGroupId).toBe(TDG_ID);
    expect(group.instanceArn).toBeUndefined();
    expect(group.env.account).toBe('111122223333');
    expect(group.env.region).toBe('us-east-1');
  });

  test('fromTrafficDistributionGroupAttributes takes the instance', () => {
    const { stack, instance } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupAttributes(stack, 'Imported', {
      trafficDistributionGroupArn: TDG_ARN,
      instance,
    });
    expect(group.trafficDistributionGroupId).toBe(TDG_ID);
    expect(group.instanceArn).toBe(INSTANCE_ARN);
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack(new App());
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(group.trafficDistributionGroupId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test.each([
    'not-an-arn',
    `${INSTANCE_ARN}/traffic-distribution-group/${TDG_ID}`,
    'arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/not-a-uuid',
    'arn:aws:connect:us-east-1:111122223333:phone-number/12345678-aaaa-bbbb-cccc-1234567890ab',
  ])('fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: traffic distribution group ARN must look like arn:aws:connect:<region>:<account>:traffic-distribution-group\/<uuid>/);
  });
});
