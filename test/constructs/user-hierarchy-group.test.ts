import { CfnElement, Fn, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Instance } from '../../src/constructs/instance';
import { UserHierarchyGroup } from '../../src/constructs/user-hierarchy-group';
import { UserHierarchyStructure } from '../../src/constructs/user-hierarchy-structure';
import { INSTANCE_ARN, testStack } from '../helpers';

const GROUP_ARN = `${INSTANCE_ARN}/agent-group/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';

describe('UserHierarchyGroup', () => {
  test('creates a top-level group with tags', () => {
    const { stack, instance } = testStack();
    const group = new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'North America' });
    Tags.of(group).add('team', 'ops');

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::UserHierarchyGroup', {
      InstanceArn: INSTANCE_ARN,
      Name: 'North America',
      Tags: [{ Key: 'team', Value: 'ops' }],
    });
    const props = Object.values(template.findResources('AWS::Connect::UserHierarchyGroup'))[0].Properties;
    expect(props.ParentGroupArn).toBeUndefined();
    expect(group.level).toBe(1);
    expect(group.userHierarchyGroupName).toBe('North America');
    expect(group.instanceArn).toBe(INSTANCE_ARN);
  });

  test('exposes the ARN and an id derived from it', () => {
    const { stack, instance } = testStack();
    const group = new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'Team' });
    const logicalId = stack.getLogicalId(group.node.defaultChild as CfnElement);
    const arn = { 'Fn::GetAtt': [logicalId, 'UserHierarchyGroupArn'] };
    expect(stack.resolve(group.userHierarchyGroupArn)).toEqual(arn);
    expect(stack.resolve(group.userHierarchyGroupId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', arn] }] });
    expect(stack.resolve(group.userHierarchyGroupRef)).toEqual({ userHierarchyGroupArn: arn });
  });

  test('references its parent and is one level below it', () => {
    const { stack, instance } = testStack();
    const region = new UserHierarchyGroup(stack, 'Region', { instance, userHierarchyGroupName: 'Region' });
    const site = new UserHierarchyGroup(stack, 'Site', { instance, userHierarchyGroupName: 'Site', parent: region });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UserHierarchyGroup', {
      Name: 'Site',
      ParentGroupArn: { 'Fn::GetAtt': [stack.getLogicalId(region.node.defaultChild as CfnElement), 'UserHierarchyGroupArn'] },
    });
    expect(site.level).toBe(2);
  });

  test('takes an imported parent, whose level is unknown', () => {
    const { stack, instance } = testStack();
    const parent = UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Parent', GROUP_ARN);
    const group = new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'Team', parent });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UserHierarchyGroup', { ParentGroupArn: GROUP_ARN });
    expect(group.level).toBeUndefined();
  });

  test('allows five levels', () => {
    const { stack, instance } = testStack();
    let parent: UserHierarchyGroup | undefined;
    for (let level = 1; level <= 5; level++) {
      parent = new UserHierarchyGroup(stack, `Level${level}`, { instance, userHierarchyGroupName: `Level ${level}`, parent });
    }
    expect(parent!.level).toBe(5);
  });

  test('fails at level six', () => {
    const { stack, instance } = testStack();
    let parent: UserHierarchyGroup | undefined;
    for (let level = 1; level <= 5; level++) {
      parent = new UserHierarchyGroup(stack, `Level${level}`, { instance, userHierarchyGroupName: `Level ${level}`, parent });
    }
    expect(() => new UserHierarchyGroup(stack, 'Level6', { instance, userHierarchyGroupName: 'Level 6', parent }))
      .toThrow(/Test\/Level6: a user hierarchy has at most 5 levels, this group would be at level 6 below 'Level 5'/);
  });

  test('depends on the structure it is given, and its children inherit the structure', () => {
    const { stack, instance } = testStack();
    const structure = new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: 'Region', levelTwo: 'Site' });
    const region = new UserHierarchyGroup(stack, 'Region', { instance, userHierarchyGroupName: 'Region', structure });
    const site = new UserHierarchyGroup(stack, 'Site', { instance, userHierarchyGroupName: 'Site', parent: region });

    const structureId = stack.getLogicalId(structure.node.defaultChild as CfnElement);
    const template = Template.fromStack(stack);
    template.hasResource('AWS::Connect::UserHierarchyGroup', { Properties: { Name: 'Region' }, DependsOn: [structureId] });
    template.hasResource('AWS::Connect::UserHierarchyGroup', { Properties: { Name: 'Site' }, DependsOn: [structureId] });
    expect(site.structure).toBe(structure);
  });

  test('accepts an imported structure', () => {
    const { stack, instance } = testStack();
    const structure = UserHierarchyStructure.fromUserHierarchyStructureArn(stack, 'Structure', `${INSTANCE_ARN}/user-hierarchy-structure`);
    const group = new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'Region', structure });
    Template.fromStack(stack).resourceCountIs('AWS::Connect::UserHierarchyGroup', 1);
    expect(group.structure).toBe(structure);
  });

  test('fails when the structure has fewer levels than the group needs', () => {
    const { stack, instance } = testStack();
    const structure = new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: 'Region' });
    const region = new UserHierarchyGroup(stack, 'Region', { instance, userHierarchyGroupName: 'Region', structure });
    expect(() => new UserHierarchyGroup(stack, 'Site', { instance, userHierarchyGroupName: 'Site', parent: region }))
      .toThrow(/Test\/Site: the hierarchy structure defines 1 level\(s\), this group would be at level 2/);
  });

  test('fails when the name is empty', () => {
    const { stack, instance } = testStack();
    expect(() => new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: '' }))
      .toThrow(/Test\/Group: name must be 1 to 100 characters, got 0/);
  });

  test('fails when the name is too long', () => {
    const { stack, instance } = testStack();
    expect(() => new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'x'.repeat(101) }))
      .toThrow(/name must be 1 to 100 characters, got 101/);
  });

  test('accepts a name that is a token', () => {
    const { stack, instance } = testStack();
    new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: Fn.ref('AWS::StackName') });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UserHierarchyGroup', { Name: { Ref: 'AWS::StackName' } });
  });

  test('fails when the parent belongs to another instance', () => {
    const { stack, instance } = testStack();
    const other = Instance.fromInstanceArn(stack, 'Other', OTHER_INSTANCE_ARN);
    const parent = new UserHierarchyGroup(stack, 'Parent', { instance: other, userHierarchyGroupName: 'Parent' });
    expect(() => new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'Team', parent }))
      .toThrow(/Test\/Group: parent group must belong to instance .*11111111-2222-3333-4444-555555555555, got one of instance .*99999999/);
  });

  test('fails when the structure belongs to another instance', () => {
    const { stack, instance } = testStack();
    const other = Instance.fromInstanceArn(stack, 'Other', OTHER_INSTANCE_ARN);
    const structure = new UserHierarchyStructure(stack, 'Structure', { instance: other, levelOne: 'Region' });
    expect(() => new UserHierarchyGroup(stack, 'Group', { instance, userHierarchyGroupName: 'Team', structure }))
      .toThrow(/structure must belong to instance/);
  });

  describe('fromUserHierarchyGroupArn', () => {
    test('gives the id and instance of a concrete ARN', () => {
      const { stack } = testStack();
      const group = UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Imported', GROUP_ARN);
      expect(group.userHierarchyGroupId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(group.instanceArn).toBe(INSTANCE_ARN);
    });

    test('splits a token ARN', () => {
      const { stack } = testStack();
      const group = UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Imported', Fn.importValue('GroupArn'));
      expect(stack.resolve(group.userHierarchyGroupId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::ImportValue': 'GroupArn' }] }] });
    });

    test('fails with a malformed ARN', () => {
      const { stack } = testStack();
      expect(() => UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Imported', `${INSTANCE_ARN}/queue/abc`))
        .toThrow(/user hierarchy group ARN must look like .*\/agent-group\/<id>, got/);
    });
  });
});
