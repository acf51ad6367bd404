import { CfnElement, CfnParameter, RemovalPolicy, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnPhoneNumber } from 'aws-cdk-lib/aws-connect';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { ContactFlow, ContactFlowStatus, ContactFlowType } from '../../src/constructs/contact-flow';
import { FlowContent } from '../../src/constructs/flow-content';
import { IdentityManagementType, Instance } from '../../src/constructs/instance';
import { PhoneNumber, PhoneNumberProps, PhoneNumberTarget, PhoneNumberType } from '../../src/constructs/phone-number';
import { PhoneNumberFlowAssociation } from '../../src/constructs/phone-number-flow-association';
import { TrafficDistributionGroup } from '../../src/constructs/traffic-distribution-group';
import { flowOfType, INSTANCE_ARN, testStack } from '../helpers';

const TDG_ARN = 'arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/12345678-aaaa-bbbb-cccc-1234567890ab';
const SOURCE_ARN = 'arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef0123456789abcdef';
const PHONE_NUMBER_ARN = 'arn:aws:connect:us-east-1:111122223333:phone-number/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** A phone number claimed to the test instance, with the given props on top of a valid US DID claim. */
function claim(props: Partial<PhoneNumberProps> = {}) {
  const { stack, instance } = testStack();
  const phoneNumber = new PhoneNumber(stack, 'Main', {
    target: PhoneNumberTarget.instance(instance),
    countryCode: 'US',
    type: PhoneNumberType.DID,
    ...props,
  });
  return { stack, instance, phoneNumber };
}

describe('PhoneNumber', () => {
  test('claims a number of a country, type and prefix to an instance', () => {
    const { stack } = claim({ prefix: '+1206', description: 'Main line' });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', {
      TargetArn: INSTANCE_ARN,
      CountryCode: 'US',
      Type: 'DID',
      Prefix: '+1206',
      Description: 'Main line',
    });
  });

  test('claims a number to a traffic distribution group', () => {
    const { stack } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn(TDG_ARN),
      countryCode: 'GB',
      type: PhoneNumberType.TOLL_FREE,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', {
      TargetArn: TDG_ARN,
      CountryCode: 'GB',
      Type: 'TOLL_FREE',
    });
    expect(phoneNumber.targetArn).toBe(TDG_ARN);
  });

  test('claims a number to a traffic distribution group defined in the app', () => {
    const { stack, instance } = testStack();
    const group = new TrafficDistributionGroup(stack, 'Group', { instance, trafficDistributionGroupName: 'resilient' });
    const phoneNumber = new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroup(group),
      countryCode: 'US',
      type: PhoneNumberType.DID,
    });

    const groupArn = { 'Fn::GetAtt': [stack.getLogicalId(group.node.defaultChild as CfnElement), 'TrafficDistributionGroupArn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', { TargetArn: groupArn });
    expect(stack.resolve(phoneNumber.targetArn)).toEqual(groupArn);
  });

  test('claims a number to an imported traffic distribution group', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroup(group),
      countryCode: 'US',
      type: PhoneNumberType.DID,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', { TargetArn: TDG_ARN });
  });

  test('fails to import a number into a traffic distribution group given as a construct', () => {
    const { stack } = testStack();
    const group = TrafficDistributionGroup.fromTrafficDistributionGroupArn(stack, 'Group', TDG_ARN);
    expect(() => new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroup(group),
      sourcePhoneNumberArn: SOURCE_ARN,
    })).toThrow(/a number imported with sourcePhoneNumberArn must target an instance, not a traffic distribution group/);
  });

  test('imports a number from AWS End User Messaging into an instance', () => {
    const { stack, instance } = testStack();
    new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.instance(instance),
      sourcePhoneNumberArn: SOURCE_ARN,
    });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::PhoneNumber');
    expect(Object.values(resources)[0].Properties).toEqual({
      TargetArn: INSTANCE_ARN,
      SourcePhoneNumberArn: SOURCE_ARN,
    });
  });

  test('renders every listed type and a custom one', () => {
    const types = [
      PhoneNumberType.TOLL_FREE, PhoneNumberType.DID, PhoneNumberType.UIFN, PhoneNumberType.SHARED,
      PhoneNumberType.THIRD_PARTY_DID, PhoneNumberType.THIRD_PARTY_TF, PhoneNumberType.SHORT_CODE,
      PhoneNumberType.of('NEW_KIND'),
    ];
    expect(types.map((type) => type.value)).toEqual([
      'TOLL_FREE', 'DID', 'UIFN', 'SHARED', 'THIRD_PARTY_DID', 'THIRD_PARTY_TF', 'SHORT_CODE', 'NEW_KIND',
    ]);
    // checked on the L1: aws-cdk-lib's template validation warns about values its schema does not know yet
    const { phoneNumber } = claim({ type: PhoneNumberType.of('NEW_KIND') });
    expect((phoneNumber.node.defaultChild as CfnPhoneNumber).type).toBe('NEW_KIND');
  });

  test('keeps the number when it leaves the stack unless told otherwise', () => {
    const kept = claim();
    Template.fromStack(kept.stack).hasResource('AWS::Connect::PhoneNumber', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });

    const released = claim({ removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(released.stack).hasResource('AWS::Connect::PhoneNumber', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('exposes the ARN, the id parsed from it, the address and the target', () => {
    const { stack, phoneNumber } = claim();
    const logicalId = stack.getLogicalId(phoneNumber.node.defaultChild as CfnElement);

    expect(stack.resolve(phoneNumber.phoneNumberArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'PhoneNumberArn'] });
    expect(stack.resolve(phoneNumber.phoneNumberId)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'PhoneNumberArn'] }] }],
    });
    expect(stack.resolve(phoneNumber.address)).toEqual({ 'Fn::GetAtt': [logicalId, 'Address'] });
    expect(phoneNumber.targetArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(phoneNumber.phoneNumberRef.phoneNumberArn)).toEqual(stack.resolve(phoneNumber.phoneNumberArn));
  });

  test('takes tags from Tags.of', () => {
    const { stack, phoneNumber } = claim();
    Tags.of(phoneNumber).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn(new CfnParameter(stack, 'Tdg').valueAsString),
      countryCode: new CfnParameter(stack, 'Country').valueAsString,
      type: PhoneNumberType.of(new CfnParameter(stack, 'Type').valueAsString),
      prefix: new CfnParameter(stack, 'Prefix').valueAsString,
    });
    new PhoneNumber(stack, 'Imported', {
      target: PhoneNumberTarget.instance(instance),
      sourcePhoneNumberArn: new CfnParameter(stack, 'Source').valueAsString,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', {
      TargetArn: { Ref: 'Tdg' },
      CountryCode: { Ref: 'Country' },
      Type: { Ref: 'Type' },
      Prefix: { Ref: 'Prefix' },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', {
      SourcePhoneNumberArn: { Ref: 'Source' },
    });
  });

  test('fails without a country code', () => {
    const { stack, instance } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), type: PhoneNumberType.DID }))
      .toThrow(/Test\/Main: countryCode and type are required to claim a phone number \(or give phoneNumber to claim a specific one, or sourcePhoneNumberArn to import one\)/);
  });

  test('fails without a type', () => {
    const { stack, instance } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), countryCode: 'US' }))
      .toThrow(/countryCode and type are required to claim a phone number/);
  });

  test.each(['us', 'USA', 'U', '1'])('fails with the malformed country code %p', (countryCode) => {
    expect(() => claim({ countryCode }))
      .toThrow(new RegExp(`countryCode must be an ISO 3166-1 alpha-2 code of two upper-case letters, such as US, got '${countryCode}'`));
  });

  test.each(['XX', 'EU', 'UK'])('fails with the country code %p that Amazon Connect does not offer', (countryCode) => {
    expect(() => claim({ countryCode }))
      .toThrow(new RegExp(`countryCode must be a country Amazon Connect offers phone numbers in, got '${countryCode}'`));
  });

  test('fails with a custom type that is not upper-case', () => {
    expect(() => claim({ type: PhoneNumberType.of('did') }))
      .toThrow(/type must be upper-case letters, digits and underscores, such as DID or TOLL_FREE, got 'did'/);
  });

  test.each(['1206', '+', '+1206x', '+123456789012', ' +1206'])('fails with the malformed prefix %p', (prefix) => {
    expect(() => claim({ prefix }))
      .toThrow(/prefix must be '\+' followed by 1 to 11 digits, such as \+1206, got '/);
  });

  test('accepts a prefix of 11 digits', () => {
    const { stack } = claim({ prefix: '+12065550100' });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', { Prefix: '+12065550100' });
  });

  test.each([
    'arn:aws:connect:us-east-1:111122223333:instance/12345678-aaaa-bbbb-cccc-1234567890ab',
    'arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/not-a-uuid',
    'arn:aws:connect:us-east-1:1111:traffic-distribution-group/12345678-aaaa-bbbb-cccc-1234567890ab',
    '12345678-aaaa-bbbb-cccc-1234567890ab',
  ])('fails with the malformed traffic distribution group ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn(arn),
      countryCode: 'US',
      type: PhoneNumberType.DID,
    })).toThrow(/traffic distribution group ARN must be arn:aws:connect:<region>:<account>:traffic-distribution-group\/<uuid>, got '/);
  });

  test.each([
    [{ countryCode: 'US' }, 'countryCode'],
    [{ type: PhoneNumberType.DID }, 'type'],
    [{ prefix: '+1' }, 'prefix'],
    [{ countryCode: 'US', type: PhoneNumberType.DID, prefix: '+1' }, 'countryCode, type, prefix'],
  ])('fails with %p and sourcePhoneNumberArn', (props, names) => {
    const { stack, instance } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.instance(instance),
      sourcePhoneNumberArn: SOURCE_ARN,
      ...props,
    })).toThrow(new RegExp(`${names} cannot be used with sourcePhoneNumberArn \\(an imported number keeps its own country and type\\)`));
  });

  test('fails to import a number into a traffic distribution group', () => {
    const { stack } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn(TDG_ARN),
      sourcePhoneNumberArn: SOURCE_ARN,
    })).toThrow(/a number imported with sourcePhoneNumberArn must target an instance, not a traffic distribution group/);
  });

  test.each(['phone-0123', 'arn:aws:sms-voice:us-east-1:1111:phone-number/x', ''])('fails with the malformed source ARN %p', (arn) => {
    const { stack, instance } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.instance(instance),
      sourcePhoneNumberArn: arn,
    })).toThrow(/sourcePhoneNumberArn must be an ARN such as arn:aws:sms-voice:<region>:<account>:phone-number\/<id>, got '/);
  });

  test('fails with an empty description', () => {
    expect(() => claim({ description: '' })).toThrow(/description must be 1 to 500 characters, got 0/);
  });

  test('fails with a description longer than 500 characters', () => {
    expect(() => claim({ description: 'x'.repeat(501) })).toThrow(/description must be 1 to 500 characters, got 501/);
  });

  test('accepts a description of 500 characters', () => {
    const { stack } = claim({ description: 'x'.repeat(500) });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::PhoneNumber', { Description: 'x'.repeat(500) });
  });
});

describe('PhoneNumber.fromPhoneNumberArn', () => {
  test('takes the id and the environment from a concrete ARN', () => {
    const stack = new Stack();
    const phoneNumber = PhoneNumber.fromPhoneNumberArn(stack, 'Imported', PHONE_NUMBER_ARN);

    expect(phoneNumber.phoneNumberArn).toBe(PHONE_NUMBER_ARN);
    expect(phoneNumber.phoneNumberId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(phoneNumber.env.account).toBe('111122223333');
    expect(phoneNumber.env.region).toBe('us-east-1');
    expect(phoneNumber.phoneNumberRef.phoneNumberArn).toBe(PHONE_NUMBER_ARN);
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const phoneNumber = PhoneNumber.fromPhoneNumberArn(stack, 'Imported', Token.asString({ Ref: 'NumberArn' }));

    expect(stack.resolve(phoneNumber.phoneNumberId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'NumberArn' }] }] });
  });

  test.each([
    'not-an-arn',
    'arn:aws:connect:us-east-1:111122223333:phone-number/',
    `${INSTANCE_ARN}/queue/abc`,
    'arn:aws:sms-voice:us-east-1:111122223333:phone-number/abc',
  ])('fails with the malformed ARN %p', (arn) => {
    const stack = new Stack();
    expect(() => PhoneNumber.fromPhoneNumberArn(stack, 'Imported', arn))
      .toThrow(/Imported: phone number ARN must look like arn:aws:connect:<region>:<account>:phone-number\/<id>, got '/);
  });
});

const CLAIMED = 'Custom::ConnectClaimedPhoneNumber';
const FLOW = 'Custom::ConnectPhoneNumberFlow';
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const FLOW_ARN = `${INSTANCE_ARN}/contact-flow/ffffffff-1111-2222-3333-444444444444`;

/** The statements of the provider's policy, as the template has them. */
function providerStatements(stack: Stack): unknown[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const provider = Object.entries(policies).filter(([id]) => id.startsWith('CdkConnectProviderPolicy'));
  expect(provider).toHaveLength(1);
  return provider[0][1].Properties.PolicyDocument.Statement;
}

describe('PhoneNumber with a specific number', () => {
  function claimNumber(props: Partial<PhoneNumberProps> = {}) {
    const { stack, instance } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.instance(instance),
      phoneNumber: '+12065550100',
      ...props,
    });
    return { stack, instance, phoneNumber };
  }

  test('claims it through the custom resource, with the description and the tags', () => {
    const { stack, phoneNumber } = claimNumber({ description: 'Main line' });
    Tags.of(phoneNumber).add('team', 'support');

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::PhoneNumber', 0);
    template.hasResourceProperties(CLAIMED, {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdkConnectProviderHandler'), 'Arn'] },
      PhoneNumber: '+12065550100',
      TargetArn: INSTANCE_ARN,
      PhoneNumberDescription: 'Main line',
      Tags: { team: 'support' },
    });
  });

  test('sends no description or tags when there are none', () => {
    const { stack } = claimNumber();
    const resources = Template.fromStack(stack).findResources(CLAIMED);
    expect(Object.keys(Object.values(resources)[0].Properties).sort()).toEqual(['PhoneNumber', 'ServiceTimeout', 'ServiceToken', 'TargetArn']);
  });

  test('exposes the ARN, id and address from the custom resource\'s attributes', () => {
    const { stack, phoneNumber } = claimNumber();
    const logicalId = stack.getLogicalId(phoneNumber.node.findChild('Resource').node.defaultChild as CfnElement);

    expect(stack.resolve(phoneNumber.phoneNumberArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'PhoneNumberArn'] });
    expect(stack.resolve(phoneNumber.phoneNumberId)).toEqual({ 'Fn::GetAtt': [logicalId, 'PhoneNumberId'] });
    expect(stack.resolve(phoneNumber.address)).toEqual({ 'Fn::GetAtt': [logicalId, 'Address'] });
    expect(phoneNumber.targetArn).toBe(INSTANCE_ARN);
    expect(phoneNumber.instanceArn).toBe(INSTANCE_ARN);
  });

  test('keeps the number when it leaves the stack unless told otherwise', () => {
    Template.fromStack(claimNumber().stack).hasResource(CLAIMED, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    Template.fromStack(claimNumber({ removalPolicy: RemovalPolicy.DESTROY }).stack)
      .hasResource(CLAIMED, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  test('grants the provider exactly the phone number actions, on the account\'s phone numbers and the target', () => {
    const { stack } = claimNumber();
    const phoneNumbers = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':connect:us-east-1:111122223333:phone-number/*']] };

    expect(providerStatements(stack)).toEqual([
      { Effect: 'Allow', Action: ['connect:ClaimPhoneNumber', 'connect:UpdatePhoneNumber'], Resource: [phoneNumbers, INSTANCE_ARN] },
      {
        Effect: 'Allow',
        Action: [
          'connect:DescribePhoneNumber',
          'connect:ReleasePhoneNumber',
          'connect:UpdatePhoneNumberMetadata',
          'connect:TagResource',
          'connect:UntagResource',
        ],
        Resource: phoneNumbers,
      },
    ]);
  });

  test('claims it to a traffic distribution group, and may do so there', () => {
    const { stack } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn(TDG_ARN),
      phoneNumber: '+442079460000',
    });

    Template.fromStack(stack).hasResourceProperties(CLAIMED, { PhoneNumber: '+442079460000', TargetArn: TDG_ARN });
    expect(providerStatements(stack)).toContainEqual(expect.objectContaining({
      Action: ['connect:ClaimPhoneNumber', 'connect:UpdatePhoneNumber'],
      Resource: [expect.anything(), TDG_ARN],
    }));
    expect(phoneNumber.instanceArn).toBeUndefined();
  });

  test('skips validation of a token number', () => {
    const { stack, instance } = testStack();
    new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.instance(instance),
      phoneNumber: new CfnParameter(stack, 'Number').valueAsString,
    });
    Template.fromStack(stack).hasResourceProperties(CLAIMED, { PhoneNumber: { Ref: 'Number' } });
  });

  test.each(['12065550100', '+1 206 555 0100', '+02065550100', '+1234567890123456', ''])('fails with the malformed number %p', (phoneNumber) => {
    expect(() => claimNumber({ phoneNumber }))
      .toThrow(/Test\/Main: phoneNumber must be in E.164 format \(\+, the country code and the number, at most 15 digits, for example \+15551234567\), got '/);
  });

  test.each([
    [{ countryCode: 'US' }, 'countryCode'],
    [{ type: PhoneNumberType.DID }, 'type'],
    [{ prefix: '+1206' }, 'prefix'],
    [{ countryCode: 'US', type: PhoneNumberType.DID, prefix: '+1206' }, 'countryCode, type, prefix'],
  ])('fails with %p and phoneNumber', (props, names) => {
    expect(() => claimNumber(props))
      .toThrow(new RegExp(`Test/Main: ${names} cannot be used with phoneNumber \\(a specific number has its own country and type\\)`));
  });

  test('fails with phoneNumber and sourcePhoneNumberArn', () => {
    expect(() => claimNumber({ sourcePhoneNumberArn: SOURCE_ARN }))
      .toThrow(/Test\/Main: phoneNumber cannot be used with sourcePhoneNumberArn: claim a specific number, or import one/);
  });

  test('fails with an empty description', () => {
    expect(() => claimNumber({ description: '' })).toThrow(/description must be 1 to 500 characters, got 0/);
  });

  test('fails with a malformed traffic distribution group ARN', () => {
    const { stack } = testStack();
    expect(() => new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn('arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/x'),
      phoneNumber: '+12065550100',
    })).toThrow(/traffic distribution group ARN must be arn:aws:connect:<region>:<account>:traffic-distribution-group\/<uuid>/);
  });
});

describe('phoneNumber.associateFlow', () => {
  test('associates a number claimed in the app with a flow of the app, in the flow\'s instance', () => {
    const { stack, instance } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), countryCode: 'US', type: PhoneNumberType.DID });
    const inbound = flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW);
    const association = phoneNumber.associateFlow(inbound);

    const numberId = stack.getLogicalId(phoneNumber.node.defaultChild as CfnElement);
    const flowId = stack.getLogicalId(inbound.node.defaultChild as CfnElement);
    Template.fromStack(stack).hasResourceProperties(FLOW, {
      InstanceId: '11111111-2222-3333-4444-555555555555',
      PhoneNumberArn: { 'Fn::GetAtt': [numberId, 'PhoneNumberArn'] },
      ContactFlowArn: { 'Fn::GetAtt': [flowId, 'ContactFlowArn'] },
    });
    expect(association.node.path).toBe('Test/Main/FlowAssociation');
    expect(association.phoneNumber).toBe(phoneNumber);
    expect(association.contactFlow).toBe(inbound);
  });

  test('grants the provider the association actions on the number and the flow, and the listing on the instance', () => {
    const { stack } = testStack();
    const phoneNumber = PhoneNumber.fromPhoneNumberArn(stack, 'Number', PHONE_NUMBER_ARN);
    phoneNumber.associateFlow(ContactFlow.fromContactFlowArn(stack, 'Inbound', FLOW_ARN));

    expect(providerStatements(stack)).toEqual([
      {
        Effect: 'Allow',
        Action: ['connect:AssociatePhoneNumberContactFlow', 'connect:DisassociatePhoneNumberContactFlow'],
        Resource: [PHONE_NUMBER_ARN, FLOW_ARN],
      },
      { Effect: 'Allow', Action: 'connect:ListFlowAssociations', Resource: INSTANCE_ARN },
      {
        Effect: 'Allow',
        Action: ['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource'],
        Resource: PHONE_NUMBER_ARN,
      },
    ]);
    Template.fromStack(stack).hasResourceProperties(FLOW, {
      InstanceId: '11111111-2222-3333-4444-555555555555',
      PhoneNumberArn: PHONE_NUMBER_ARN,
      ContactFlowArn: FLOW_ARN,
    });
  });

  test('scopes the permissions for a number and a flow made in the stack to the account\'s numbers and the instance\'s flows', () => {
    // The policy comes before every custom resource: naming the claimed number's ARN would be a dependency cycle.
    const { stack, instance } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), phoneNumber: '+12065550100' });
    phoneNumber.associateFlow(flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW));

    expect(providerStatements(stack)).toContainEqual({
      Effect: 'Allow',
      Action: ['connect:AssociatePhoneNumberContactFlow', 'connect:DisassociatePhoneNumberContactFlow'],
      Resource: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':connect:us-east-1:111122223333:phone-number/*']] },
        `${INSTANCE_ARN}/contact-flow/*`,
      ],
    });
    // The record of the flow's holder, a tag on the number (merged with the claim's statement on the same resource).
    expect(providerStatements(stack)).toContainEqual({
      Effect: 'Allow',
      Action: expect.arrayContaining(['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource']),
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':connect:us-east-1:111122223333:phone-number/*']] },
    });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('takes the instance id from a flow whose instance is defined in the app', () => {
    const { stack } = testStack();
    const instance = new Instance(stack, 'Connect', { instanceAlias: 'acme', identityManagement: IdentityManagementType.CONNECT_MANAGED });
    const phoneNumber = new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), phoneNumber: '+12065550100' });
    phoneNumber.associateFlow(flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW));

    const instanceId = stack.getLogicalId(instance.node.defaultChild as CfnElement);
    Template.fromStack(stack).hasResourceProperties(FLOW, {
      InstanceId: { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': [instanceId, 'Arn'] }] }] },
    });
  });

  test('works on an imported number and can be depended on', () => {
    const { stack, instance } = testStack();
    const phoneNumber = PhoneNumber.fromPhoneNumberArn(stack, 'Number', PHONE_NUMBER_ARN);
    const association = phoneNumber.associateFlow(flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW));
    const dependent = new Topic(stack, 'AfterTheNumberAnswers');
    dependent.node.addDependency(association);

    const associationId = stack.getLogicalId(association.node.findChild('Resource').node.defaultChild as CfnElement);
    Template.fromStack(stack).hasResource('AWS::SNS::Topic', { DependsOn: Match.arrayWith([associationId]) });
  });

  test('a number claimed to a traffic distribution group takes a flow of any instance', () => {
    const { stack } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', {
      target: PhoneNumberTarget.trafficDistributionGroupArn(TDG_ARN),
      phoneNumber: '+12065550100',
    });
    phoneNumber.associateFlow(ContactFlow.fromContactFlowArn(stack, 'Inbound', `${OTHER_INSTANCE_ARN}/contact-flow/flow-1`));
    Template.fromStack(stack).hasResourceProperties(FLOW, { InstanceId: '99999999-2222-3333-4444-555555555555' });
  });

  test('PhoneNumberFlowAssociation can be created directly', () => {
    const { stack } = testStack();
    new PhoneNumberFlowAssociation(stack, 'MainFlow', {
      phoneNumber: PhoneNumber.fromPhoneNumberArn(stack, 'Number', PHONE_NUMBER_ARN),
      contactFlow: ContactFlow.fromContactFlowArn(stack, 'Inbound', FLOW_ARN),
    });
    Template.fromStack(stack).resourceCountIs(FLOW, 1);
  });

  test.each([ContactFlowType.CUSTOMER_QUEUE, ContactFlowType.AGENT_WHISPER, ContactFlowType.CAMPAIGN])('fails with a flow of type %s', (type) => {
    const { stack, instance } = testStack();
    const phoneNumber = PhoneNumber.fromPhoneNumberArn(stack, 'Number', PHONE_NUMBER_ARN);
    const flow = flowOfType(stack, instance, 'NotInbound', type);
    expect(() => phoneNumber.associateFlow(flow))
      .toThrow(new RegExp(`Test/Number/FlowAssociation: the flow of a phone number must be a flow of type CONTACT_FLOW, got 'Test/NotInbound' of type ${type}`));
  });

  test('fails with a saved (never published) flow', () => {
    const { stack, instance } = testStack();
    const phoneNumber = PhoneNumber.fromPhoneNumberArn(stack, 'Number', PHONE_NUMBER_ARN);
    const draft = new ContactFlow(stack, 'Draft', {
      instance,
      contactFlowName: 'Draft',
      status: ContactFlowStatus.SAVED,
      content: FlowContent.fromObject({ Version: '2019-10-30', StartAction: 'end', Actions: [{ Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }] }),
    });
    expect(() => phoneNumber.associateFlow(draft))
      .toThrow("Test/Number/FlowAssociation: the flow of a phone number must be published, got 'Test/Draft' with status SAVED");
  });

  test('fails with a flow of another instance than the number\'s', () => {
    const { stack, instance } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), phoneNumber: '+12065550100' });
    const flow = ContactFlow.fromContactFlowArn(stack, 'Elsewhere', `${OTHER_INSTANCE_ARN}/contact-flow/flow-1`);
    expect(() => phoneNumber.associateFlow(flow))
      .toThrow(`Test/Main/FlowAssociation: the flow of a phone number must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`);
  });

  test('fails to associate a second flow with a number', () => {
    const { stack, instance } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), phoneNumber: '+12065550100' });
    phoneNumber.associateFlow(flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW));
    const second = flowOfType(stack, instance, 'AfterHours', ContactFlowType.CONTACT_FLOW);
    expect(() => phoneNumber.associateFlow(second))
      .toThrow(/Test\/Main: a phone number takes calls into one flow: it already has 'Test\/Inbound', so it cannot also take 'Test\/AfterHours'/);
  });

  test('fails to associate a second flow with the same number imported twice', () => {
    const { stack, instance } = testStack();
    PhoneNumber.fromPhoneNumberArn(stack, 'Number', PHONE_NUMBER_ARN).associateFlow(flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW));
    const again = PhoneNumber.fromPhoneNumberArn(stack, 'SameNumber', PHONE_NUMBER_ARN);
    expect(() => again.associateFlow(flowOfType(stack, instance, 'AfterHours', ContactFlowType.CONTACT_FLOW)))
      .toThrow(/Test\/SameNumber\/FlowAssociation: a phone number takes calls into one flow: 'Test\/SameNumber' already has 'Test\/Inbound' \(associated by 'Test\/Number\/FlowAssociation'\)/);
  });

  test('fails to associate a second flow through the construct', () => {
    const { stack, instance } = testStack();
    const phoneNumber = new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), phoneNumber: '+12065550100' });
    phoneNumber.associateFlow(flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW));
    expect(() => new PhoneNumberFlowAssociation(stack, 'Second', {
      phoneNumber,
      contactFlow: flowOfType(stack, instance, 'AfterHours', ContactFlowType.CONTACT_FLOW),
    })).toThrow(/Test\/Second: a phone number takes calls into one flow: 'Test\/Main' already has 'Test\/Inbound' \(associated by 'Test\/Main\/FlowAssociation'\)/);
  });

  test('different numbers take the same flow', () => {
    const { stack, instance } = testStack();
    const inbound = flowOfType(stack, instance, 'Inbound', ContactFlowType.CONTACT_FLOW);
    new PhoneNumber(stack, 'Main', { target: PhoneNumberTarget.instance(instance), phoneNumber: '+12065550100' }).associateFlow(inbound);
    new PhoneNumber(stack, 'Other', { target: PhoneNumberTarget.instance(instance), countryCode: 'US', type: PhoneNumberType.DID }).associateFlow(inbound);
    PhoneNumber.fromPhoneNumberArn(stack, 'Imported', PHONE_NUMBER_ARN).associateFlow(inbound);
    Template.fromStack(stack).resourceCountIs(FLOW, 3);
  });
});
