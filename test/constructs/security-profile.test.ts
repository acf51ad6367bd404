import { CfnElement, Fn, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Instance } from '../../src/constructs/instance';
import { Permission, RestrictedResource, SecurityProfile } from '../../src/constructs/security-profile';
import { UserHierarchyGroup } from '../../src/constructs/user-hierarchy-group';
import { INSTANCE_ARN, testStack } from '../helpers';

const PROFILE_ARN = `${INSTANCE_ARN}/security-profile/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;
const GROUP_ARN = `${INSTANCE_ARN}/agent-group/gggggggg-bbbb-cccc-dddd-eeeeeeeeeeee`;
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';

function permissionsOf(template: Template): unknown {
  return Object.values(template.findResources('AWS::Connect::SecurityProfile'))[0].Properties.Permissions;
}

describe('SecurityProfile', () => {
  test('creates a profile with name, description, permissions and tags', () => {
    const { stack, instance } = testStack();
    const profile = new SecurityProfile(stack, 'Agent', {
      instance,
      securityProfileName: 'Agent profile',
      description: 'Agents of the support team',
      permissions: [Permission.BASIC_AGENT_ACCESS, Permission.OUTBOUND_CALL_ACCESS, Permission.custom('Some.NewPermission')],
    });
    Tags.of(profile).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::SecurityProfile', {
      InstanceArn: INSTANCE_ARN,
      SecurityProfileName: 'Agent profile',
      Description: 'Agents of the support team',
      Permissions: ['BasicAgentAccess', 'OutboundCallAccess', 'Some.NewPermission'],
      Tags: [{ Key: 'team', Value: 'support' }],
    });
    expect(profile.securityProfileName).toBe('Agent profile');
    expect(profile.instanceArn).toBe(INSTANCE_ARN);
  });

  test('exposes the ARN and an id derived from it', () => {
    const { stack, instance } = testStack();
    const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'Profile' });
    const arn = { 'Fn::GetAtt': [stack.getLogicalId(profile.node.defaultChild as CfnElement), 'SecurityProfileArn'] };
    expect(stack.resolve(profile.securityProfileArn)).toEqual(arn);
    expect(stack.resolve(profile.securityProfileId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', arn] }] });
    expect(stack.resolve(profile.securityProfileRef)).toEqual({ securityProfileArn: arn });
  });

  test('omits permissions when there are none', () => {
    const { stack, instance } = testStack();
    new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'Empty' });
    expect(permissionsOf(Template.fromStack(stack))).toBeUndefined();
  });

  test('addPermissions adds after construction, without duplicates', () => {
    const { stack, instance } = testStack();
    const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'Supervisor', permissions: [Permission.USERS_VIEW] });
    profile.addPermissions(Permission.USERS_VIEW, Permission.USERS_EDIT_PERMISSION, Permission.custom('Users.View'));
    profile.addPermissions(Permission.ACCESS_METRICS);

    expect(permissionsOf(Template.fromStack(stack))).toEqual(['Users.View', 'Users.EditPermission', 'AccessMetrics']);
  });

  test('permissions added after construction to a profile created without any are rendered', () => {
    const { stack, instance } = testStack();
    const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'Supervisor' });
    profile.addPermissions();
    profile.addPermissions(Permission.USERS_VIEW);
    profile.addPermissions(Permission.ACCESS_METRICS);

    expect(permissionsOf(Template.fromStack(stack))).toEqual(['Users.View', 'AccessMetrics']);
  });

  test('documented permissions carry their API names', () => {
    expect(Permission.BASIC_AGENT_ACCESS.name).toBe('BasicAgentAccess');
    expect(Permission.LISTEN_CALL_RECORDINGS.name).toBe('ListenCallRecordings');
    expect(Permission.USERS_CREATE.name).toBe('Users.Create');
    expect(Permission.ROUTING_POLICIES_EDIT.name).toBe('RoutingPolicies.Edit');
    expect(Permission.TRANSFER_DESTINATIONS_VIEW.name).toBe('TransferDestinations.View');
    expect(Permission.Q_CONNECT_AI_AGENTS_VIEW.name).toBe('QConnectAIAgents.View');
    expect(Permission.AGENT_GROUPING_ENABLE_AND_DISABLE.name).toBe('AgentGrouping.EnableAndDisable');
    expect(`${Permission.REAL_TIME_METRICS_ACCESS}`).toBe('RealTimeMetrics.Access');
  });

  test('every documented permission has a distinct, well-formed name', () => {
    const names = Object.values(Permission)
      .filter((value): value is Permission => value instanceof Permission)
      .map(permission => permission.name);
    expect(names.length).toBeGreaterThan(100);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)?$/);
    }
  });

  test('renders tag-based access control', () => {
    const { stack, instance } = testStack();
    new SecurityProfile(stack, 'Profile', {
      instance,
      securityProfileName: 'Tagged',
      allowedAccessControlTags: [{ key: 'Department', value: 'Sales' }, { key: 'Region', value: '' }],
      tagRestrictedResources: [RestrictedResource.USER, RestrictedResource.QUEUE, RestrictedResource.custom('AgentStatus')],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::SecurityProfile', {
      AllowedAccessControlTags: [{ Key: 'Department', Value: 'Sales' }, { Key: 'Region', Value: '' }],
      TagRestrictedResources: ['User', 'Queue', 'AgentStatus'],
    });
  });

  test('renders hierarchy-based access control with the group id', () => {
    const { stack, instance } = testStack();
    const group = UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Group', GROUP_ARN);
    new SecurityProfile(stack, 'Profile', {
      instance,
      securityProfileName: 'Team lead',
      allowedAccessControlHierarchyGroup: group,
      hierarchyRestrictedResources: [RestrictedResource.USER],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::SecurityProfile', {
      AllowedAccessControlHierarchyGroupId: 'gggggggg-bbbb-cccc-dddd-eeeeeeeeeeee',
      HierarchyRestrictedResources: ['User'],
    });
  });

  test('renders applications', () => {
    const { stack, instance } = testStack();
    new SecurityProfile(stack, 'Profile', {
      instance,
      securityProfileName: 'Apps',
      applications: [{ applicationNamespace: 'com.example.crm', applicationPermissions: ['ACCESS'] }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::SecurityProfile', {
      Applications: [{ Namespace: 'com.example.crm', ApplicationPermissions: ['ACCESS'] }],
    });
  });

  test('accepts values that are tokens', () => {
    const { stack, instance } = testStack();
    const name = Fn.ref('AWS::StackName');
    new SecurityProfile(stack, 'Profile', {
      instance,
      securityProfileName: name,
      permissions: [Permission.custom(Fn.ref('AWS::Region'))],
      allowedAccessControlTags: [{ key: Fn.ref('AWS::AccountId'), value: 'x' }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::SecurityProfile', {
      SecurityProfileName: { Ref: 'AWS::StackName' },
      Permissions: [{ Ref: 'AWS::Region' }],
      AllowedAccessControlTags: [Match.objectLike({ Key: { Ref: 'AWS::AccountId' } })],
    });
  });

  describe('validation', () => {
    test('fails when the name is empty', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: '' }))
        .toThrow(/Test\/Profile: name must be 1 to 127 characters, got 0/);
    });

    test('fails when the name is too long', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'x'.repeat(128) }))
        .toThrow(/name must be 1 to 127 characters, got 128/);
    });

    test('fails when the name has other characters', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'Agents/Tier 1' }))
        .toThrow(/name must be letters, digits, spaces, _, @ and -, got 'Agents\/Tier 1'/);
    });

    test('fails when the description is too long', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', description: 'd'.repeat(251) }))
        .toThrow(/description must be 1 to 250 characters, got 251/);
    });

    test('fails when a custom permission is malformed', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', permissions: [Permission.custom('Users View')] }))
        .toThrow(/Test\/Profile: permission name must be dot-separated parts of letters, digits, _ and -, got 'Users View'/);
    });

    test('fails when a custom permission is empty', () => {
      const { stack, instance } = testStack();
      const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P' });
      expect(() => profile.addPermissions(Permission.custom(''))).toThrow(/permission name must be 1 to 128 characters, got 0/);
    });

    test('fails when a custom permission is too long', () => {
      const { stack, instance } = testStack();
      const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P' });
      expect(() => profile.addPermissions(Permission.custom('a'.repeat(129)))).toThrow(/permission name must be 1 to 128 characters, got 129/);
    });

    test('fails at synth with more than 500 permissions', () => {
      const { stack, instance } = testStack();
      const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P' });
      for (let i = 0; i < 501; i++) {
        profile.addPermissions(Permission.custom(`Custom.P${i}`));
      }
      expect(() => Template.fromStack(stack)).toThrow(/a security profile has at most 500 permissions, got 501/);
    });

    test('fails with more than 2 access control tags', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', {
        instance,
        securityProfileName: 'P',
        allowedAccessControlTags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c', value: '3' }],
      })).toThrow(/allowedAccessControlTags must have 0 to 2 items, got 3/);
    });

    test('fails when an access control tag key starts with aws:', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', allowedAccessControlTags: [{ key: 'aws:team', value: 'x' }] }))
        .toThrow(/access control tag key must be letters, digits and \+ - = \. _ : \/ and not start with aws:, got 'aws:team'/);
    });

    test('fails when an access control tag key is empty', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', allowedAccessControlTags: [{ key: '', value: 'x' }] }))
        .toThrow(/access control tag key must be 1 to 128 characters, got 0/);
    });

    test('fails when an access control tag value is too long', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', allowedAccessControlTags: [{ key: 'team', value: 'v'.repeat(257) }] }))
        .toThrow(/value of access control tag 'team' must be 0 to 256 characters, got 257/);
    });

    test('fails when access control tag keys repeat', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', {
        instance, securityProfileName: 'P', allowedAccessControlTags: [{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }],
      })).toThrow(/access control tag keys must be unique, 'team' appears more than once/);
    });

    test('fails with more than 10 tag restricted resources', () => {
      const { stack, instance } = testStack();
      const resources = Array.from({ length: 11 }, (_, i) => RestrictedResource.custom(`Kind${i}`));
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', tagRestrictedResources: resources }))
        .toThrow(/tagRestrictedResources must have 0 to 10 items, got 11/);
    });

    test('fails when restricted resources repeat', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', {
        instance, securityProfileName: 'P', hierarchyRestrictedResources: [RestrictedResource.USER, RestrictedResource.custom('User')],
      })).toThrow(/hierarchyRestrictedResources must be unique, 'User' appears more than once/);
    });

    test('fails when a restricted resource name is empty', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', tagRestrictedResources: [RestrictedResource.custom('')] }))
        .toThrow(/tagRestrictedResources entry must be 1 to 128 characters, got 0/);
    });

    test('fails with more than 10 applications', () => {
      const { stack, instance } = testStack();
      const applications = Array.from({ length: 11 }, (_, i) => ({ applicationNamespace: `app${i}`, applicationPermissions: ['ACCESS'] }));
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', applications }))
        .toThrow(/applications must have 0 to 10 items, got 11/);
    });

    test('fails when an application has no permissions', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', applications: [{ applicationNamespace: 'crm', applicationPermissions: [] }] }))
        .toThrow(/permissions of application 'crm' must have 1 to 10 items, got 0/);
    });

    test('fails when an application has more than 10 permissions', () => {
      const { stack, instance } = testStack();
      const applicationPermissions = Array.from({ length: 11 }, (_, i) => `tool${i}`);
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', applications: [{ applicationNamespace: 'crm', applicationPermissions }] }))
        .toThrow(/permissions of application 'crm' must have 1 to 10 items, got 11/);
    });

    test('fails when an application permission repeats', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', {
        instance, securityProfileName: 'P', applications: [{ applicationNamespace: 'crm', applicationPermissions: ['ACCESS', 'ACCESS'] }],
      })).toThrow(/permissions of application 'crm' must be unique, 'ACCESS' appears more than once/);
    });

    test('fails when an application permission is too long', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', {
        instance, securityProfileName: 'P', applications: [{ applicationNamespace: 'crm', applicationPermissions: ['p'.repeat(129)] }],
      })).toThrow(/permission of application 'crm' must be 1 to 128 characters, got 129/);
    });

    test('fails when an application namespace is empty', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', applications: [{ applicationNamespace: '', applicationPermissions: ['ACCESS'] }] }))
        .toThrow(/application namespace must be 1 to 128 characters, got 0/);
    });

    test('fails when application namespaces repeat', () => {
      const { stack, instance } = testStack();
      expect(() => new SecurityProfile(stack, 'Profile', {
        instance,
        securityProfileName: 'P',
        applications: [
          { applicationNamespace: 'crm', applicationPermissions: ['ACCESS'] },
          { applicationNamespace: 'crm', applicationPermissions: ['ACCESS'] },
        ],
      })).toThrow(/application namespaces must be unique, 'crm' appears more than once/);
    });

    test('fails when the hierarchy group belongs to another instance', () => {
      const { stack, instance } = testStack();
      const other = Instance.fromInstanceArn(stack, 'Other', OTHER_INSTANCE_ARN);
      const group = new UserHierarchyGroup(stack, 'Group', { instance: other, userHierarchyGroupName: 'Team' });
      expect(() => new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'P', allowedAccessControlHierarchyGroup: group }))
        .toThrow(/Test\/Profile: allowedAccessControlHierarchyGroup must belong to instance .*11111111.*, got one of instance .*99999999/);
    });
  });

  describe('fromSecurityProfileArn', () => {
    test('gives the id and instance of a concrete ARN', () => {
      const { stack } = testStack();
      const profile = SecurityProfile.fromSecurityProfileArn(stack, 'Imported', PROFILE_ARN);
      expect(profile.securityProfileId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(profile.instanceArn).toBe(INSTANCE_ARN);
      expect(profile.securityProfileArn).toBe(PROFILE_ARN);
    });

    test('splits a token ARN', () => {
      const { stack } = testStack();
      const profile = SecurityProfile.fromSecurityProfileArn(stack, 'Imported', Fn.importValue('ProfileArn'));
      expect(stack.resolve(profile.securityProfileId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::ImportValue': 'ProfileArn' }] }] });
    });

    test('fails with a malformed ARN', () => {
      const { stack } = testStack();
      expect(() => SecurityProfile.fromSecurityProfileArn(stack, 'Imported', `${INSTANCE_ARN}/queue/abc`))
        .toThrow(/security profile ARN must look like .*\/security-profile\/<id>, got/);
    });
  });
});
