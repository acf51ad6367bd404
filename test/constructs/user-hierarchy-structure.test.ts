import { CfnElement, Fn } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { UserHierarchyStructure } from '../../src/constructs/user-hierarchy-structure';
import { INSTANCE_ARN, testStack } from '../helpers';

const STRUCTURE_ARN = `${INSTANCE_ARN}/user-hierarchy-structure`;

describe('UserHierarchyStructure', () => {
  test('renders the levels in order', () => {
    const { stack, instance } = testStack();
    const structure = new UserHierarchyStructure(stack, 'Structure', {
      instance,
      levelOne: 'Region',
      levelTwo: 'Site',
      levelThree: 'Department',
      levelFour: 'Team',
      levelFive: 'Squad',
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UserHierarchyStructure', {
      InstanceArn: INSTANCE_ARN,
      UserHierarchyStructure: {
        LevelOne: { Name: 'Region' },
        LevelTwo: { Name: 'Site' },
        LevelThree: { Name: 'Department' },
        LevelFour: { Name: 'Team' },
        LevelFive: { Name: 'Squad' },
      },
    });
    expect(structure.levelCount).toBe(5);
    expect(structure.levelNames).toEqual(['Region', 'Site', 'Department', 'Team', 'Squad']);
    expect(structure.instanceArn).toBe(INSTANCE_ARN);
    const logicalId = stack.getLogicalId(structure.node.defaultChild as CfnElement);
    expect(stack.resolve(structure.userHierarchyStructureArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'UserHierarchyStructureArn'] });
  });

  test('renders only the levels given', () => {
    const { stack, instance } = testStack();
    const structure = new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: 'Region', levelTwo: 'Site' });

    const template = Template.fromStack(stack);
    const resources = template.findResources('AWS::Connect::UserHierarchyStructure');
    const props = Object.values(resources)[0].Properties;
    expect(props.UserHierarchyStructure).toEqual({ LevelOne: { Name: 'Region' }, LevelTwo: { Name: 'Site' } });
    expect(structure.levelCount).toBe(2);
  });

  test('fails when a level is missing in between', () => {
    const { stack, instance } = testStack();
    expect(() => new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: 'Region', levelThree: 'Team' }))
      .toThrow(/Test\/Structure: levelThree requires levelTwo, levels must be contiguous from level one/);
  });

  test('fails when level five is given without level four', () => {
    const { stack, instance } = testStack();
    expect(() => new UserHierarchyStructure(stack, 'Structure', {
      instance, levelOne: 'A', levelTwo: 'B', levelThree: 'C', levelFive: 'E',
    })).toThrow(/levelFive requires levelFour/);
  });

  test('fails when a level name is empty', () => {
    const { stack, instance } = testStack();
    expect(() => new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: '' }))
      .toThrow(/levelOne name must be 1 to 50 characters, got 0/);
  });

  test('fails when a level name is too long', () => {
    const { stack, instance } = testStack();
    expect(() => new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: 'Region', levelTwo: 'x'.repeat(51) }))
      .toThrow(/levelTwo name must be 1 to 50 characters, got 51/);
  });

  test('accepts level names that are tokens', () => {
    const { stack, instance } = testStack();
    new UserHierarchyStructure(stack, 'Structure', { instance, levelOne: Fn.ref('AWS::StackName') });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UserHierarchyStructure', {
      UserHierarchyStructure: { LevelOne: { Name: { Ref: 'AWS::StackName' } } },
    });
  });

  describe('fromUserHierarchyStructureArn', () => {
    test('gives the instance ARN of a concrete ARN', () => {
      const { stack } = testStack();
      const structure = UserHierarchyStructure.fromUserHierarchyStructureArn(stack, 'Imported', STRUCTURE_ARN);
      expect(structure.userHierarchyStructureArn).toBe(STRUCTURE_ARN);
      expect(structure.instanceArn).toBe(INSTANCE_ARN);
      expect(stack.resolve(structure.userHierarchyStructureRef)).toEqual({ userHierarchyStructureArn: STRUCTURE_ARN });
      expect(structure.env.account).toBe('111122223333');
    });

    test('splits a token ARN with CloudFormation functions', () => {
      const { stack } = testStack();
      const arn = Fn.importValue('StructureArn');
      const structure = UserHierarchyStructure.fromUserHierarchyStructureArn(stack, 'Imported', arn);
      expect(stack.resolve(structure.instanceArn)).toEqual({
        'Fn::Join': ['/', [
          { 'Fn::Select': [0, { 'Fn::Split': ['/', { 'Fn::ImportValue': 'StructureArn' }] }] },
          { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::ImportValue': 'StructureArn' }] }] },
        ]],
      });
    });

    test('fails with a malformed ARN', () => {
      const { stack } = testStack();
      expect(() => UserHierarchyStructure.fromUserHierarchyStructureArn(stack, 'Imported', `${INSTANCE_ARN}/agent-group/abc`))
        .toThrow(/Test\/Imported: user hierarchy structure ARN must look like .*\/user-hierarchy-structure, got/);
    });
  });
});
