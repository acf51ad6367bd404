import { App, CfnDynamicReference, CfnDynamicReferenceService, CfnElement, CfnParameter, Duration, Fn, SecretValue, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { IdentityManagementType, IInstance, Instance } from '../../src/constructs/instance';
import { PredefinedAttribute } from '../../src/constructs/predefined-attribute';
import { IRoutingProfile, RoutingProfile } from '../../src/constructs/routing-profile';
import { ISecurityProfile, SecurityProfile } from '../../src/constructs/security-profile';
import { PhoneType, User, UserProps } from '../../src/constructs/user';
import { UserHierarchyGroup } from '../../src/constructs/user-hierarchy-group';
import { INSTANCE_ARN, testStack } from '../helpers';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const ROUTING_PROFILE_ARN = `${INSTANCE_ARN}/routing-profile/rrrrrrrr-0000-0000-0000-000000000000`;
const AGENT_PROFILE_ARN = `${INSTANCE_ARN}/security-profile/ssssssss-0000-0000-0000-000000000001`;
const ADMIN_PROFILE_ARN = `${INSTANCE_ARN}/security-profile/ssssssss-0000-0000-0000-000000000002`;
const GROUP_ARN = `${INSTANCE_ARN}/agent-group/gggggggg-0000-0000-0000-000000000000`;
const USER_ARN = `${INSTANCE_ARN}/agent/uuuuuuuu-0000-0000-0000-000000000000`;

/** A stack with an imported instance, routing profile and security profile, and a function to add users. */
function setup() {
  const { stack, instance } = testStack();
  const routingProfile = RoutingProfile.fromRoutingProfileArn(stack, 'RoutingProfile', ROUTING_PROFILE_ARN);
  const agentProfile = SecurityProfile.fromSecurityProfileArn(stack, 'AgentProfile', AGENT_PROFILE_ARN);
  const user = (props: Partial<UserProps> = {}, id = 'User') => new User(stack, id, {
    instance,
    username: 'jdoe',
    routingProfile,
    securityProfiles: [agentProfile],
    ...props,
  });
  return { stack, instance, routingProfile, agentProfile, user };
}

function userProps(stack: Template): Record<string, any> {
  return Object.values(stack.findResources('AWS::Connect::User'))[0].Properties;
}

/** An instance defined in the app, which tells how it manages identities. */
function instanceWithIdentity(scope: Construct, identityManagement: IdentityManagementType): IInstance {
  return new Instance(scope, `Instance${identityManagement}`, {
    identityManagement,
    instanceAlias: identityManagement === IdentityManagementType.EXISTING_DIRECTORY ? undefined : 'my-contact-center',
    directoryId: identityManagement === IdentityManagementType.EXISTING_DIRECTORY ? 'd-1234567890' : undefined,
  });
}

describe('User', () => {
  test('creates a user with the required properties and a softphone by default', () => {
    const { stack, user } = setup();
    const u = user();

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      InstanceArn: INSTANCE_ARN,
      Username: 'jdoe',
      RoutingProfileArn: ROUTING_PROFILE_ARN,
      SecurityProfileArns: [AGENT_PROFILE_ARN],
      PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    });
    const props = userProps(Template.fromStack(stack));
    expect(props.Password).toBeUndefined();
    expect(props.HierarchyGroupArn).toBeUndefined();
    expect(props.UserProficiencies).toBeUndefined();
    expect(u.username).toBe('jdoe');
    expect(u.instanceArn).toBe(INSTANCE_ARN);
  });

  test('exposes the ARN and an id derived from it', () => {
    const { stack, user } = setup();
    const u = user();
    const arn = { 'Fn::GetAtt': [stack.getLogicalId(u.node.defaultChild as CfnElement), 'UserArn'] };
    expect(stack.resolve(u.userArn)).toEqual(arn);
    expect(stack.resolve(u.userId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', arn] }] });
    expect(stack.resolve(u.userRef)).toEqual({ userArn: arn });
  });

  test('renders identity info, phone config, hierarchy group and tags', () => {
    const { stack, user } = setup();
    const hierarchyGroup = UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Group', GROUP_ARN);
    const u = user({
      identityInfo: {
        firstName: 'Jane',
        lastName: 'Doe',
        email: 'jane.doe@example.com',
        secondaryEmail: 'jane+alt@example.org',
        mobile: '+12065550100',
      },
      phoneConfig: {
        phoneType: PhoneType.DESK_PHONE,
        deskPhoneNumber: '+12065550199',
        autoAccept: true,
        afterContactWorkTimeLimit: Duration.minutes(2),
        persistentConnection: false,
      },
      hierarchyGroup,
    });
    Tags.of(u).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      IdentityInfo: {
        FirstName: 'Jane',
        LastName: 'Doe',
        Email: 'jane.doe@example.com',
        SecondaryEmail: 'jane+alt@example.org',
        Mobile: '+12065550100',
      },
      PhoneConfig: {
        PhoneType: 'DESK_PHONE',
        DeskPhoneNumber: '+12065550199',
        AutoAccept: true,
        AfterContactWorkTimeLimit: 120,
        PersistentConnection: false,
      },
      HierarchyGroupArn: GROUP_ARN,
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('an after contact work limit of zero means no limit', () => {
    const { stack, user } = setup();
    user({ phoneConfig: { afterContactWorkTimeLimit: Duration.seconds(0) } });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 0 },
    });
  });

  test('addSecurityProfile adds after construction', () => {
    const { stack, user } = setup();
    const u = user();
    const admin = SecurityProfile.fromSecurityProfileArn(stack, 'Admin', ADMIN_PROFILE_ARN);
    u.addSecurityProfile(admin);

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      SecurityProfileArns: [AGENT_PROFILE_ARN, ADMIN_PROFILE_ARN],
    });
  });

  test('fails when the same security profile is added twice', () => {
    const { user, agentProfile } = setup();
    const u = user();
    expect(() => u.addSecurityProfile(agentProfile)).toThrow(/Test\/User: security profile 'Test\/.*' was added twice/);
  });

  test('security profiles can all be added after construction', () => {
    const { stack, user, agentProfile } = setup();
    const u = user({ securityProfiles: undefined });
    u.addSecurityProfile(agentProfile);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { SecurityProfileArns: [AGENT_PROFILE_ARN] });
  });

  test('references security profiles defined in the app', () => {
    const { stack, instance, user } = setup();
    const profile = new SecurityProfile(stack, 'Profile', { instance, securityProfileName: 'Agents' });
    user({ securityProfiles: [profile] });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      SecurityProfileArns: [{ 'Fn::GetAtt': [stack.getLogicalId(profile.node.defaultChild as CfnElement), 'SecurityProfileArn'] }],
    });
  });

  test('renders proficiencies, from props and addProficiency', () => {
    const { stack, user } = setup();
    const u = user({ proficiencies: [{ attributeName: 'Language', attributeValue: 'Spanish', level: 4 }] });
    u.addProficiency({ attributeName: 'Language', attributeValue: 'French', level: 1 });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      UserProficiencies: [
        { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 4 },
        { AttributeName: 'Language', AttributeValue: 'French', Level: 1 },
      ],
    });
  });

  test('renders a proficiency added after construction to a user created without any', () => {
    const { stack, user } = setup();
    const u = user();
    u.addProficiency({ attributeName: 'Language', attributeValue: 'French', level: 2 });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'French', Level: 2 }],
    });
  });

  test('accepts a directory user id', () => {
    const { stack, user } = setup();
    user({ directoryUserId: 'jdoe-directory-id' });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { DirectoryUserId: 'jdoe-directory-id' });
  });

  test('accepts user names in email form', () => {
    const { stack, user } = setup();
    user({ username: 'jane.doe@example.com' });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { Username: 'jane.doe@example.com' });
  });

  test('accepts values that are tokens', () => {
    const { stack, user } = setup();
    user({
      username: Fn.ref('AWS::StackName'),
      identityInfo: { email: Fn.ref('AWS::AccountId') },
      phoneConfig: { phoneType: PhoneType.DESK_PHONE, deskPhoneNumber: Fn.ref('AWS::Region') },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
      Username: { Ref: 'AWS::StackName' },
      PhoneConfig: Match.objectLike({ DeskPhoneNumber: { Ref: 'AWS::Region' } }),
    });
  });

  describe('password', () => {
    test('accepts a Secrets Manager reference', () => {
      const { stack, user } = setup();
      user({ password: SecretValue.secretsManager('connect/jdoe', { jsonField: 'password' }) });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
        Password: '{{resolve:secretsmanager:connect/jdoe:SecretString:password::}}',
      });
    });

    test('accepts a Secrets Manager reference by a token ARN', () => {
      const { stack, user } = setup();
      user({ password: SecretValue.secretsManager(Fn.importValue('SecretArn')) });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
        Password: { 'Fn::Join': ['', Match.arrayWith(['{{resolve:secretsmanager:', { 'Fn::ImportValue': 'SecretArn' }])] },
      });
    });

    test('fails with an SSM SecureString reference, which CloudFormation does not resolve for users', () => {
      const { user } = setup();
      expect(() => user({ password: SecretValue.ssmSecure('/connect/jdoe/password', '3') }))
        .toThrow(/Test\/User: password cannot be an SSM SecureString reference \(SecretValue.ssmSecure\(\)\): CloudFormation does not resolve ssm-secure in AWS::Connect::User, use SecretValue.secretsManager\(\) instead/);
    });

    test('fails with an SSM SecureString reference by a token name', () => {
      const { user } = setup();
      expect(() => user({ password: SecretValue.ssmSecure(Fn.importValue('ParameterName')) }))
        .toThrow(/password cannot be an SSM SecureString reference/);
    });

    test('accepts a dynamic reference', () => {
      const { stack, user } = setup();
      user({ password: SecretValue.cfnDynamicReference(new CfnDynamicReference(CfnDynamicReferenceService.SECRETS_MANAGER, 'pw:SecretString:::')) });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { Password: '{{resolve:secretsmanager:pw:SecretString:::}}' });
    });

    test('accepts a NoEcho parameter', () => {
      const { stack, user } = setup();
      const param = new CfnParameter(stack, 'Password', { noEcho: true });
      user({ password: SecretValue.cfnParameter(param) });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { Password: { Ref: 'Password' } });
    });

    test('works with the secret usage check enabled', () => {
      const app = new App({ context: { '@aws-cdk/core:checkSecretUsage': true } });
      const stack = new Stack(app, 'Checked', { env: { account: '111122223333', region: 'us-east-1' } });
      new User(stack, 'User', {
        instance: Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN),
        username: 'jdoe',
        password: SecretValue.secretsManager('connect/jdoe'),
        routingProfile: RoutingProfile.fromRoutingProfileArn(stack, 'RoutingProfile', ROUTING_PROFILE_ARN),
        securityProfiles: [SecurityProfile.fromSecurityProfileArn(stack, 'AgentProfile', AGENT_PROFILE_ARN)],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { Password: '{{resolve:secretsmanager:connect/jdoe:SecretString:::}}' });
    });

    test('fails when the password is plain text', () => {
      const { user } = setup();
      expect(() => user({ password: SecretValue.unsafePlainText('Secret123!') }))
        .toThrow(/Test\/User: password is plain text that would be written into the template: use SecretValue.secretsManager\(\) \(or a NoEcho parameter with SecretValue.cfnParameter\(\)\), or set allowPlaintextPassword to true/);
    });

    test('accepts a plain-text password when explicitly allowed', () => {
      const { stack, user } = setup();
      user({ password: SecretValue.unsafePlainText('Secret123!'), allowPlaintextPassword: true });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { Password: 'Secret123!' });
    });

    test.each([
      ['too short', 'Ab1defg'],
      ['too long', `Ab1${'x'.repeat(62)}`],
      ['without a digit', 'Abcdefgh'],
      ['without an uppercase letter', 'abcdefg1'],
      ['without a lowercase letter', 'ABCDEFG1'],
      ['with a space', 'Abcd efg1'],
    ])('fails when an allowed plain-text password is %s', (_, password) => {
      const { user } = setup();
      expect(() => user({ password: SecretValue.unsafePlainText(password), allowPlaintextPassword: true }))
        .toThrow(new RegExp(`password must be 8 to 64 characters without spaces, with at least one lowercase letter, one uppercase letter and one digit, got ${password.length} characters`));
    });

    test('fails with both a password and a directory user id', () => {
      const { user } = setup();
      expect(() => user({ password: SecretValue.secretsManager('pw'), directoryUserId: 'abc' }))
        .toThrow(/password and directoryUserId cannot both be given/);
    });
  });

  describe('identity management of the instance, when it is known', () => {
    test('fails without a password on a CONNECT_MANAGED instance', () => {
      const { stack, user } = setup();
      expect(() => user({ instance: instanceWithIdentity(stack, IdentityManagementType.CONNECT_MANAGED) }))
        .toThrow(/password is required when the instance manages identities itself \(CONNECT_MANAGED\)/);
    });

    test('accepts a password on a CONNECT_MANAGED instance', () => {
      const { stack, user } = setup();
      user({
        instance: instanceWithIdentity(stack, IdentityManagementType.CONNECT_MANAGED),
        password: SecretValue.secretsManager('pw'),
        identityInfo: { firstName: 'Jane', lastName: 'Doe' },
      });
      Template.fromStack(stack).resourceCountIs('AWS::Connect::User', 1);
    });

    test('fails without first and last name on a CONNECT_MANAGED or SAML instance', () => {
      const { stack, user } = setup();
      expect(() => user({
        instance: instanceWithIdentity(stack, IdentityManagementType.CONNECT_MANAGED),
        password: SecretValue.secretsManager('pw'),
        identityInfo: { firstName: 'Jane' },
      })).toThrow(/identityInfo.firstName and identityInfo.lastName are required when the instance uses CONNECT_MANAGED identity management/);
      expect(() => user({ instance: instanceWithIdentity(stack, IdentityManagementType.SAML) }, 'Saml'))
        .toThrow(/identityInfo.firstName and identityInfo.lastName are required when the instance uses SAML identity management/);
    });

    test('fails with an email on a SAML instance', () => {
      const { stack, user } = setup();
      expect(() => user({
        instance: instanceWithIdentity(stack, IdentityManagementType.SAML),
        identityInfo: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' },
      })).toThrow(/identityInfo.email is not allowed when the instance uses SAML identity management/);
    });

    test('fails with a password on a SAML instance', () => {
      const { stack, user } = setup();
      expect(() => user({ instance: instanceWithIdentity(stack, IdentityManagementType.SAML), password: SecretValue.secretsManager('pw') }))
        .toThrow(/password is only allowed when the instance manages identities itself \(CONNECT_MANAGED\), this instance uses SAML/);
    });

    test('fails with a password on an EXISTING_DIRECTORY instance', () => {
      const { stack, user } = setup();
      expect(() => user({ instance: instanceWithIdentity(stack, IdentityManagementType.EXISTING_DIRECTORY), password: SecretValue.secretsManager('pw') }))
        .toThrow(/this instance uses EXISTING_DIRECTORY/);
    });

    test('fails with a directory user id on a SAML instance', () => {
      const { stack, user } = setup();
      expect(() => user({ instance: instanceWithIdentity(stack, IdentityManagementType.SAML), directoryUserId: 'abc' }))
        .toThrow(/directoryUserId is not allowed when the instance uses SAML identity management/);
    });

    test('accepts a directory user id on an EXISTING_DIRECTORY instance', () => {
      const { stack, user } = setup();
      user({ instance: instanceWithIdentity(stack, IdentityManagementType.EXISTING_DIRECTORY), directoryUserId: 'abc' });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', { DirectoryUserId: 'abc' });
    });
  });

  describe('validation', () => {
    test('fails when the username is empty', () => {
      const { user } = setup();
      expect(() => user({ username: '' })).toThrow(/Test\/User: username must be 1 to 64 characters, got 0/);
    });

    test('fails when the username is too long', () => {
      const { user } = setup();
      expect(() => user({ username: 'u'.repeat(65) })).toThrow(/username must be 1 to 64 characters, got 65/);
    });

    test('fails when the username has other characters', () => {
      const { user } = setup();
      expect(() => user({ username: 'jane doe' })).toThrow(/username must be letters, digits, _, -, \. and @, got 'jane doe'/);
    });

    test('fails when the username has @ outside an email address', () => {
      const { user } = setup();
      expect(() => user({ username: 'testuser@example' }))
        .toThrow(/username may only contain @ in an email address such as user@example.com, got 'testuser@example'/);
    });

    test('fails when the first name is too long', () => {
      const { user } = setup();
      expect(() => user({ identityInfo: { firstName: 'f'.repeat(256) } })).toThrow(/first name must be 1 to 255 characters, got 256/);
    });

    test('fails when the last name is too long', () => {
      const { user } = setup();
      expect(() => user({ identityInfo: { lastName: 'l'.repeat(301) } })).toThrow(/last name must be 1 to 300 characters, got 301/);
    });

    test('fails when the last name is longer than 300 characters', () => {
      const { user } = setup();
      expect(() => user({ password: SecretValue.secretsManager('pw'), identityInfo: { lastName: 'l'.repeat(301) } }))
        .toThrow(/last name must be 1 to 300 characters, got 301/);
    });

    test('fails when a name is not in Unicode Normalization Form C', () => {
      const { user } = setup();
      const decomposed = 'Jose\u0301'; // e followed by a combining acute accent
      expect(() => user({ identityInfo: { firstName: decomposed } }))
        .toThrow(/first name must be in Unicode Normalization Form C \(NFC\)/);
      expect(() => user({ identityInfo: { firstName: decomposed.normalize('NFC') } }, 'Composed')).not.toThrow();
    });

    test('fails when the secondary email is malformed', () => {
      const { user } = setup();
      expect(() => user({ identityInfo: { secondaryEmail: 'jane@example' } }))
        .toThrow(/secondary email must be an email address such as user@example.com, got 'jane@example'/);
    });

    test('fails when the mobile number is not E.164', () => {
      const { user } = setup();
      expect(() => user({ identityInfo: { mobile: '206-555-0100' } }))
        .toThrow(/mobile must be in E.164 format \(\+, the country code and the number, at most 15 digits, for example \+15551234567\), got '206-555-0100'/);
    });

    test('fails when a desk phone has no number', () => {
      const { user } = setup();
      expect(() => user({ phoneConfig: { phoneType: PhoneType.DESK_PHONE } }))
        .toThrow(/deskPhoneNumber is required when the phone type is DESK_PHONE/);
    });

    test('fails when a softphone has a desk phone number', () => {
      const { user } = setup();
      expect(() => user({ phoneConfig: { deskPhoneNumber: '+12065550100' } }))
        .toThrow(/deskPhoneNumber is only allowed when the phone type is DESK_PHONE/);
    });

    test('fails when the desk phone number is not E.164', () => {
      const { user } = setup();
      expect(() => user({ phoneConfig: { phoneType: PhoneType.DESK_PHONE, deskPhoneNumber: '+0123' } }))
        .toThrow(/deskPhoneNumber must be in E.164 format .*, got '\+0123'/);
    });

    test('fails when the after contact work limit is too long', () => {
      const { user } = setup();
      expect(() => user({ phoneConfig: { afterContactWorkTimeLimit: Duration.days(24) } }))
        .toThrow(/afterContactWorkTimeLimit must be a whole number of seconds from 0 to 2000000, got 2073600 seconds/);
    });

    test('fails when the after contact work limit is not whole seconds', () => {
      const { user } = setup();
      expect(() => user({ phoneConfig: { afterContactWorkTimeLimit: Duration.millis(1500) } }))
        .toThrow(/afterContactWorkTimeLimit must be a whole number of seconds/);
    });

    test('fails at synth without security profiles', () => {
      const { stack, user } = setup();
      user({ securityProfiles: [] });
      expect(() => Template.fromStack(stack)).toThrow(/a user must have 1 to 10 security profiles, got 0/);
    });

    test('fails at synth with more than 10 security profiles', () => {
      const { stack, user } = setup();
      const profiles: ISecurityProfile[] = Array.from({ length: 11 }, (_, i) =>
        SecurityProfile.fromSecurityProfileArn(stack, `P${i}`, `${INSTANCE_ARN}/security-profile/p${i}`));
      user({ securityProfiles: profiles });
      expect(() => Template.fromStack(stack)).toThrow(/a user must have 1 to 10 security profiles, got 11/);
    });

    test('fails at synth when two security profiles have the same ARN', () => {
      const { stack, user } = setup();
      const again = SecurityProfile.fromSecurityProfileArn(stack, 'Again', AGENT_PROFILE_ARN);
      user().addSecurityProfile(again);
      expect(() => Template.fromStack(stack)).toThrow(/security profiles must be unique, '.*ssssssss-0000-0000-0000-000000000001' appears more than once/);
    });

    test('fails at synth when a security profile belongs to another instance', () => {
      const { stack, user } = setup();
      const other = SecurityProfile.fromSecurityProfileArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/security-profile/x`);
      user().addSecurityProfile(other);
      expect(() => Template.fromStack(stack)).toThrow(/security profile must belong to instance .*11111111.*, got one of instance .*99999999/);
    });

    test('fails when the routing profile belongs to another instance', () => {
      const { stack, user } = setup();
      const routingProfile: IRoutingProfile = RoutingProfile.fromRoutingProfileArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/routing-profile/x`);
      expect(() => user({ routingProfile })).toThrow(/Test\/User: routing profile must belong to instance .*, got one of instance .*99999999/);
    });

    test('fails when the hierarchy group belongs to another instance', () => {
      const { stack, user } = setup();
      const hierarchyGroup = UserHierarchyGroup.fromUserHierarchyGroupArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/agent-group/x`);
      expect(() => user({ hierarchyGroup })).toThrow(/hierarchy group must belong to instance/);
    });

    test('fails when a proficiency level is out of range', () => {
      const { user } = setup();
      expect(() => user({ proficiencies: [{ attributeName: 'Language', attributeValue: 'Spanish', level: 6 }] }))
        .toThrow(/level of proficiency 'Language=Spanish' must be 1, 2, 3, 4 or 5, got 6/);
    });

    test('fails when a proficiency level is not whole', () => {
      const { user } = setup();
      expect(() => user().addProficiency({ attributeName: 'Language', attributeValue: 'Spanish', level: 2.5 }))
        .toThrow(/must be 1, 2, 3, 4 or 5, got 2.5/);
    });

    test('fails when a proficiency attribute name is too long', () => {
      const { user } = setup();
      expect(() => user({ proficiencies: [{ attributeName: 'a'.repeat(65), attributeValue: 'v', level: 1 }] }))
        .toThrow(/proficiency attribute name must be 1 to 64 characters, got 65/);
    });

    test('fails when a proficiency attribute value is empty', () => {
      const { user } = setup();
      expect(() => user({ proficiencies: [{ attributeName: 'Language', attributeValue: '', level: 1 }] }))
        .toThrow(/value of proficiency attribute 'Language' must be 1 to 64 characters, got 0/);
    });

    test('fails when a proficiency repeats', () => {
      const { user } = setup();
      const u = user({ proficiencies: [{ attributeName: 'Language', attributeValue: 'Spanish', level: 1 }] });
      expect(() => u.addProficiency({ attributeName: 'Language', attributeValue: 'Spanish', level: 3 }))
        .toThrow(/proficiencies must be unique, 'Language=Spanish' appears more than once/);
    });
  });

  describe('proficiencies naming a predefined attribute', () => {
    test('renders the name of an attribute defined in the app and depends on it', () => {
      const { stack, instance, user } = setup();
      const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English', 'Spanish'] });
      const u = user({ proficiencies: [{ attribute: language, attributeValue: 'Spanish', level: 4 }] });
      u.addProficiency({ attributeName: 'Skill', attributeValue: 'Billing', level: 2 });

      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Connect::User', {
        UserProficiencies: [
          { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 4 },
          { AttributeName: 'Skill', AttributeValue: 'Billing', Level: 2 },
        ],
      });
      const users = template.findResources('AWS::Connect::User');
      expect(Object.values(users)[0].DependsOn).toContain(stack.getLogicalId(language.node.defaultChild as CfnElement));
    });

    test('renders the name of an imported attribute without checking the value', () => {
      const { stack, user } = setup();
      const skill = PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Skill', `${INSTANCE_ARN}/predefined-attribute/Skill`);
      user({ proficiencies: [{ attribute: skill, attributeValue: 'Anything', level: 1 }] });

      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Connect::User', {
        UserProficiencies: [{ AttributeName: 'Skill', AttributeValue: 'Anything', Level: 1 }],
      });
      expect(Object.values(template.findResources('AWS::Connect::User'))[0].DependsOn).toBeUndefined();
    });

    test('accepts a token value for an attribute defined in the app', () => {
      const { stack, instance, user } = setup();
      const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English'] });
      user({ proficiencies: [{ attribute: language, attributeValue: new CfnParameter(stack, 'Value').valueAsString, level: 1 }] });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::User', {
        UserProficiencies: [{ AttributeName: 'Language', AttributeValue: { Ref: 'Value' }, Level: 1 }],
      });
    });

    test('fails when the value is not one of the attribute values', () => {
      const { stack, instance, user } = setup();
      const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English', 'Spanish'] });
      expect(() => user({ proficiencies: [{ attribute: language, attributeValue: 'French', level: 1 }] }))
        .toThrow(/Test\/User: value of proficiency attribute 'Language' must be one of the attribute's values, got 'French' \(allowed: English, Spanish\)/);
    });

    test('fails when the attribute has no values', () => {
      const { stack, instance, user } = setup();
      const segment = new PredefinedAttribute(stack, 'Segment', { instance, predefinedAttributeName: 'Segment' });
      expect(() => user({ proficiencies: [{ attribute: segment, attributeValue: 'Retail', level: 1 }] }))
        .toThrow(/must be one of the attribute's values, got 'Retail' \(it has no values\)/);
    });

    test('fails when the attribute belongs to another instance', () => {
      const { stack, user } = setup();
      const skill = PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Skill', `${OTHER_INSTANCE_ARN}/predefined-attribute/Skill`);
      expect(() => user({ proficiencies: [{ attribute: skill, attributeValue: 'Billing', level: 1 }] }))
        .toThrow(/predefined attribute 'Skill' must belong to instance .*, got one of instance .*99999999/);
    });

    test('fails when both attribute and attributeName are given', () => {
      const { stack, user } = setup();
      const skill = PredefinedAttribute.fromPredefinedAttributeArn(stack, 'Skill', `${INSTANCE_ARN}/predefined-attribute/Skill`);
      expect(() => user({ proficiencies: [{ attribute: skill, attributeName: 'Skill', attributeValue: 'Billing', level: 1 }] }))
        .toThrow(/a proficiency must name its predefined attribute with exactly one of attribute and attributeName/);
    });

    test('fails when neither attribute nor attributeName is given', () => {
      const { user } = setup();
      expect(() => user().addProficiency({ attributeValue: 'Billing', level: 1 }))
        .toThrow(/a proficiency must name its predefined attribute with exactly one of attribute and attributeName/);
    });

    test('fails when a proficiency repeats through the attribute and its name', () => {
      const { stack, instance, user } = setup();
      const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English'] });
      const u = user({ proficiencies: [{ attributeName: 'Language', attributeValue: 'English', level: 1 }] });
      expect(() => u.addProficiency({ attribute: language, attributeValue: 'English', level: 2 }))
        .toThrow(/proficiencies must be unique, 'Language=English' appears more than once/);
    });

    test('fails when the attribute name is longer than a proficiency allows', () => {
      const { stack, instance, user } = setup();
      const long = new PredefinedAttribute(stack, 'Long', { instance, predefinedAttributeName: 'a'.repeat(65), values: ['v'] });
      expect(() => user({ proficiencies: [{ attribute: long, attributeValue: 'v', level: 1 }] }))
        .toThrow(/proficiency attribute name must be 1 to 64 characters, got 65/);
    });
  });

  describe('fromUserArn', () => {
    test('gives the id and instance of a concrete ARN', () => {
      const { stack } = setup();
      const u = User.fromUserArn(stack, 'Imported', USER_ARN);
      expect(u.userId).toBe('uuuuuuuu-0000-0000-0000-000000000000');
      expect(u.instanceArn).toBe(INSTANCE_ARN);
      expect(u.userArn).toBe(USER_ARN);
    });

    test('splits a token ARN', () => {
      const { stack } = setup();
      const u = User.fromUserArn(stack, 'Imported', Fn.importValue('UserArn'));
      expect(stack.resolve(u.userId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::ImportValue': 'UserArn' }] }] });
    });

    test('fails with a malformed ARN', () => {
      const { stack } = setup();
      expect(() => User.fromUserArn(stack, 'Imported', `${INSTANCE_ARN}/user/abc`))
        .toThrow(/user ARN must look like .*\/agent\/<id>, got/);
    });
  });
});
