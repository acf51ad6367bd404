import { App, CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Instance } from '../../src/constructs/instance';
import { TrafficDistribution } from '../../src/constructs/traffic-distribution';
import { TrafficDistributionGroup } from '../../src/constructs/traffic-distribution-group';
import { TrafficDistributionGroupUser } from '../../src/constructs/traffic-distribution-group-user';
import { User } from '../../src/constructs/user';
import { ConnectProvider } from '../../src/custom-resources/provider';
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

const DISTRIBUTION = 'Custom::ConnectTrafficDistribution';
const GROUP_USER = 'Custom::ConnectTrafficDistributionGroupUser';
const USER_ID = 'aaaaaaaa-1111-2222-3333-444444444444';
const USER_ARN = `${INSTANCE_ARN}/agent/${USER_ID}`;

/** Every statement of the provider's policy. */
function providerStatements(stack: Stack): Array<{ Action: string | string[]; Resource: unknown }> {
  const policyId = stack.getLogicalId(ConnectProvider.getOrCreate(stack).policy.node.defaultChild as CfnElement);
  return Template.fromStack(stack).toJSON().Resources[policyId].Properties.PolicyDocument.Statement;
}

const east = (percentage: number) => ({ region: 'us-east-1', percentage });
const west = (percentage: number) => ({ region: 'us-west-2', percentage });

describe('TrafficDistributionGroup.distributeTraffic', () => {
  test('distributes telephony and agents of a group the app creates', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    const distribution = group.distributeTraffic({ telephony: [east(70), west(30)], agents: [east(60), west(40)] });
    const groupArn = { 'Fn::GetAtt': [stack.getLogicalId(group.node.defaultChild as CfnElement), 'TrafficDistributionGroupArn'] };

    expect(distribution.node.path).toBe('Test/Group/TrafficDistribution');
    expect(distribution.trafficDistributionGroup).toBe(group);
    Template.fromStack(stack).hasResourceProperties(DISTRIBUTION, {
      TrafficDistributionGroupArn: groupArn,
      TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 70 }, { Region: 'us-west-2', Percentage: 30 }] },
      AgentConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 60 }, { Region: 'us-west-2', Percentage: 40 }] },
      SignInConfig: Match.absent(),
    });
    expect(providerStatements(stack)).toEqual([{
      Effect: 'Allow',
      Action: [
        'connect:DescribeTrafficDistributionGroup',
        'connect:GetTrafficDistribution',
        'connect:UpdateTrafficDistribution',
        'connect:ListTagsForResource',
        'connect:TagResource',
        'connect:UntagResource',
      ],
      Resource: groupArn,
    }]);
  });

  test('distributes sign-in of an imported default group, enabled in the Regions named', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Default', TDG_ARN);
    group.distributeTraffic({ telephony: [east(0), west(100)], agents: [east(0), west(100)], signInRegions: ['us-west-2'] });

    Template.fromStack(stack).hasResourceProperties(DISTRIBUTION, {
      TrafficDistributionGroupArn: TDG_ARN,
      TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: 0 }, { Region: 'us-west-2', Percentage: 100 }] },
      SignInConfig: { Distributions: [{ Region: 'us-east-1', Enabled: false }, { Region: 'us-west-2', Enabled: true }] },
    });
    expect(providerStatements(stack)).toEqual([expect.objectContaining({ Resource: TDG_ARN })]);
  });

  test('a TrafficDistribution construct works like the method', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    new TrafficDistribution(stack, 'Failover', { trafficDistributionGroup: group, telephony: [west(100), east(0)] });
    Template.fromStack(stack).hasResourceProperties(DISTRIBUTION, {
      TrafficDistributionGroupArn: TDG_ARN,
      TelephonyConfig: { Distributions: [{ Region: 'us-west-2', Percentage: 100 }, { Region: 'us-east-1', Percentage: 0 }] },
    });
  });

  test('may be deployed from a stack in the replica Region', () => {
    const stack = new Stack(new App(), 'West', { env: { account: '111122223333', region: 'us-west-2' } });
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    group.distributeTraffic({ telephony: [east(0), west(100)] });
    Template.fromStack(stack).resourceCountIs(DISTRIBUTION, 1);
  });

  test('in a stack without a Region, checks the Regions against the pair they name', () => {
    const stack = new Stack(new App(), 'Agnostic');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    group.distributeTraffic({ telephony: [{ region: 'eu-west-2', percentage: 50 }, { region: 'eu-central-1', percentage: 50 }] });
    Template.fromStack(stack).resourceCountIs(DISTRIBUTION, 1);
    expect(() => new TrafficDistributionGroup(stack, 'Other', { instance }).distributeTraffic({
      telephony: [{ region: 'eu-west-2', percentage: 50 }, { region: 'eu-west-1', percentage: 50 }],
    })).toThrow(/Agnostic\/Other\/TrafficDistribution: telephony Regions must be eu-west-2 and eu-central-1 \(Amazon Connect Global Resiliency replicates an instance in eu-west-2 to eu-central-1\), got 'eu-west-1'/);
  });

  test('skips validation of token values', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    const share = new CfnParameter(stack, 'EastShare', { type: 'Number' }).valueAsNumber;
    const replica = new CfnParameter(stack, 'Replica').valueAsString;
    group.distributeTraffic({ telephony: [east(share), { region: replica, percentage: 30 }] });
    Template.fromStack(stack).hasResourceProperties(DISTRIBUTION, {
      TelephonyConfig: { Distributions: [{ Region: 'us-east-1', Percentage: { Ref: 'EastShare' } }, { Region: { Ref: 'Replica' }, Percentage: 30 }] },
    });
  });

  test('is deployed after the users of the group, added before or after it', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    const jane = group.addUser(User.fromUserArn(stack, 'Jane', USER_ARN));
    group.distributeTraffic({ telephony: [east(50), west(50)], agents: [east(50), west(50)] });
    const john = group.addUser(User.fromUserArn(stack, 'John', `${INSTANCE_ARN}/agent/bbbbbbbb-1111-2222-3333-444444444444`));

    const [distribution] = Object.values(Template.fromStack(stack).findResources(DISTRIBUTION));
    const ids = [jane, john].map((user) => stack.getLogicalId(user.node.defaultChild as CfnElement));
    expect(distribution.DependsOn).toEqual(expect.arrayContaining(ids));
  });

  test('fails when the group is distributed twice', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    group.distributeTraffic({ telephony: [east(50), west(50)] });
    expect(() => group.distributeTraffic({ telephony: [east(0), west(100)] }))
      .toThrow(/Test\/Group: a traffic distribution group takes one traffic distribution, and distributeTraffic was called twice/);
  });

  test('fails when two imports of the same group are distributed', () => {
    const { app, stack } = testStack();
    TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN).distributeTraffic({ telephony: [east(50), west(50)] });
    const other = new Stack(app, 'Other', { env: { account: '111122223333', region: 'us-west-2' } });
    const again = TrafficDistributionGroup.fromTrafficDistributionGroupArn(other, 'Group', TDG_ARN);
    expect(() => new TrafficDistribution(other, 'Failover', { trafficDistributionGroup: again, telephony: [east(0), west(100)] }))
      .toThrow(new RegExp(`Other/Failover: a traffic distribution group takes one traffic distribution, and Test/Group/TrafficDistribution already distributes the traffic of ${TDG_ARN}`));
  });

  test.each([
    [[east(100)], /telephony must give a percentage to the Region of the traffic distribution group and to its replica Region, got 1 Region$/],
    [[east(55), west(45)], /telephony percentage of us-east-1 must be 0 to 100 in steps of 10, got 55/],
    [[east(110), west(-10)], /telephony percentage of us-east-1 must be 0 to 100 in steps of 10, got 110/],
    [[east(60), west(60)], /telephony percentages must add up to 100, got 120/],
    [[east(50), east(50)], /telephony Regions must be unique, 'us-east-1' appears more than once/],
    [[east(50), { region: 'Oregon', percentage: 50 }], /telephony Region must be a Region code such as us-east-1, got 'Oregon'/],
    [[west(50), { region: 'eu-central-1', percentage: 50 }], /telephony must include us-east-1, the Region of the traffic distribution group, got us-west-2, eu-central-1/],
    [[east(50), { region: 'us-east-2', percentage: 50 }], /telephony Regions must be us-east-1 and us-west-2 \(Amazon Connect Global Resiliency replicates an instance in us-east-1 to us-west-2\), got 'us-east-2'/],
  ])('fails with the telephony distribution %j', (telephony, message) => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    expect(() => group.distributeTraffic({ telephony })).toThrow(message);
  });

  test('fails when agents name other Regions than telephony', () => {
    // Regions outside the documented Global Resiliency pairs are only checked against each other.
    const stack = new Stack(new App(), 'Agnostic');
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', Token.asString({ Ref: 'GroupArn' }));
    const share = (region: string, percentage: number) => ({ region, percentage });
    expect(() => group.distributeTraffic({
      telephony: [share('ca-central-1', 50), share('sa-east-1', 50)],
      agents: [share('ca-central-1', 50), share('af-south-1', 50)],
    })).toThrow(/Agnostic\/Group\/TrafficDistribution: agents must name the same Regions as telephony \(ca-central-1, sa-east-1\), got ca-central-1, af-south-1/);
  });

  test('fails with agents Connect would reject', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    expect(() => group.distributeTraffic({ telephony: [east(50), west(50)], agents: [east(100)] }))
      .toThrow(/agents must give a percentage to the Region of the traffic distribution group and to its replica Region, got 1 Region/);
    expect(() => new TrafficDistribution(stack, 'X', {
      trafficDistributionGroup: group, telephony: [east(50), west(50)], agents: [east(70), west(20)],
    })).toThrow(/Test\/X: agents percentages must add up to 100, got 90/);
  });

  test('fails with a sign-in distribution for a group the app creates', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    expect(() => group.distributeTraffic({ telephony: [east(50), west(50)], signInRegions: ['us-east-1'] }))
      .toThrow(/Test\/Group\/TrafficDistribution: sign-in distribution is available only on the default traffic distribution group .* import the default group with TrafficDistributionGroup.fromTrafficDistributionGroupArn/);
  });

  test.each([
    [[], /signInRegions must name at least one Region, or agents could sign in nowhere/],
    [['us-east-1', 'us-east-1'], /signInRegions must be unique, 'us-east-1' appears more than once/],
    [['eu-west-2'], /signInRegions must be Regions of the distribution \(us-east-1, us-west-2\), got 'eu-west-2'/],
    [['east'], /signInRegions Region must be a Region code such as us-east-1, got 'east'/],
  ])('fails with the sign-in Regions %j', (signInRegions, message) => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    expect(() => group.distributeTraffic({ telephony: [east(50), west(50)], signInRegions })).toThrow(message);
  });

  test('fails in a stack outside the Regions of the distribution', () => {
    const stack = new Stack(new App(), 'Ireland', { env: { account: '111122223333', region: 'eu-west-1' } });
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    expect(() => group.distributeTraffic({ telephony: [east(50), west(50)] }))
      .toThrow(/Ireland\/Group\/TrafficDistribution: the stack must be in one of the Regions of the distribution \(us-east-1, us-west-2\) to change it, got a stack in eu-west-1/);
  });
});

describe('TrafficDistributionGroup.addUser', () => {
  test('associates a user of the group\'s instance', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    const jane = User.fromUserArn(stack, 'Jane', USER_ARN);
    const association = group.addUser(jane);
    const groupArn = { 'Fn::GetAtt': [stack.getLogicalId(group.node.defaultChild as CfnElement), 'TrafficDistributionGroupArn'] };

    expect(association.user).toBe(jane);
    expect(association.trafficDistributionGroup).toBe(group);
    Template.fromStack(stack).hasResourceProperties(GROUP_USER, {
      TrafficDistributionGroupArn: groupArn,
      InstanceId: '11111111-2222-3333-4444-555555555555',
      UserId: USER_ID,
    });
    expect(providerStatements(stack)).toEqual([{
      Effect: 'Allow',
      Action: [
        'connect:DescribeTrafficDistributionGroup',
        'connect:ListTrafficDistributionGroupUsers',
        'connect:AssociateTrafficDistributionGroupUser',
        'connect:DisassociateTrafficDistributionGroupUser',
      ],
      Resource: [groupArn, INSTANCE_ARN, USER_ARN],
    }, {
      Effect: 'Allow',
      Action: ['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource'],
      Resource: USER_ARN,
    }]);
  });

  test('works with an imported group and a TrafficDistributionGroupUser construct', () => {
    const { stack, instance } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupAttributes(stack, 'Group', { trafficDistributionGroupArn: TDG_ARN, instance });
    new TrafficDistributionGroupUser(stack, 'Jane', { trafficDistributionGroup: group, user: User.fromUserArn(stack, 'User', USER_ARN) });
    Template.fromStack(stack).hasResourceProperties(GROUP_USER, { TrafficDistributionGroupArn: TDG_ARN, UserId: USER_ID });
  });

  test('fails when the same user is added twice', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    const jane = User.fromUserArn(stack, 'Jane', USER_ARN);
    group.addUser(jane);
    expect(() => group.addUser(jane)).toThrow(/Test\/Group: user Test\/Jane is already a user of this traffic distribution group/);
    expect(() => group.addUser(User.fromUserArn(stack, 'JaneAgain', USER_ARN)))
      .toThrow(new RegExp(`user ${USER_ARN} is already a user of traffic distribution group ${TDG_ARN} \\(Test/Group/UserTestJane[A-F0-9]+/Resource\\)`));
  });

  test('fails with a user of another instance', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance });
    const otherInstance = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
    expect(() => group.addUser(User.fromUserArn(stack, 'Stranger', `${otherInstance}/agent/${USER_ID}`)))
      .toThrow(new RegExp(`user must belong to instance ${INSTANCE_ARN}, got one of instance ${otherInstance}`));
  });

  test('fails in a stack outside the group\'s Region', () => {
    const stack = new Stack(new App(), 'West', { env: { account: '111122223333', region: 'us-west-2' } });
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    expect(() => group.addUser(User.fromUserArn(stack, 'Jane', USER_ARN)))
      .toThrow(/users are added to a traffic distribution group in the Region it was created in \(us-east-1\), but this stack is in us-west-2/);
  });
});
