import { App, CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EmailAddress } from '../../src/constructs/email-address';
import { INSTANCE_ARN, testStack } from '../helpers';

const TYPE = 'AWS::Connect::EmailAddress';
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const EMAIL_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const EMAIL_ARN = `${INSTANCE_ARN}/email-address/${EMAIL_ID}`;

function setup() {
  const { stack, instance } = testStack();
  const email = (id: string, emailAddress: string = `${id.toLowerCase()}@example.com`) =>
    new EmailAddress(stack, id, { instance, emailAddress });
  return { stack, instance, email };
}

describe('EmailAddress', () => {
  test('creates an email address with the given properties', () => {
    const { stack, instance } = setup();
    new EmailAddress(stack, 'Support', {
      instance,
      emailAddress: 'support@my-contact-center.email.connect.aws',
      displayName: 'ACME Support',
      description: 'Customer support',
    });

    Template.fromStack(stack).hasResourceProperties(TYPE, {
      InstanceArn: INSTANCE_ARN,
      EmailAddress: 'support@my-contact-center.email.connect.aws',
      DisplayName: 'ACME Support',
      Description: 'Customer support',
      AliasConfigurations: Match.absent(),
    });
  });

  test('renders aliases from props and addAlias', () => {
    const { stack, instance, email } = setup();
    const help = email('Help');
    const primary = new EmailAddress(stack, 'Support', { instance, emailAddress: 'support@example.com', aliases: [help] });

    Template.fromStack(stack).hasResourceProperties(TYPE, {
      EmailAddress: 'support@example.com',
      AliasConfigurations: [{ EmailAddressArn: { 'Fn::GetAtt': [stack.getLogicalId(help.node.defaultChild as CfnElement), 'EmailAddressArn'] } }],
    });
    expect(primary.address).toBe('support@example.com');
  });

  test('adds an imported alias after construction', () => {
    const { stack, email } = setup();
    const primary = email('Support');
    primary.addAlias(EmailAddress.fromEmailAddressArn(stack, 'Legacy', EMAIL_ARN));

    Template.fromStack(stack).hasResourceProperties(TYPE, {
      EmailAddress: 'support@example.com',
      AliasConfigurations: [{ EmailAddressArn: EMAIL_ARN }],
    });
  });

  test('exposes the ARN, the id parsed from it and the instance ARN', () => {
    const { stack, email } = setup();
    const address = email('Support');
    const logicalId = stack.getLogicalId(address.node.defaultChild as CfnElement);

    expect(stack.resolve(address.emailAddressArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'EmailAddressArn'] });
    expect(stack.resolve(address.emailAddressId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'EmailAddressArn'] }] }],
    });
    expect(address.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(address.emailAddressRef.emailAddressArn)).toEqual(stack.resolve(address.emailAddressArn));
  });

  test('takes tags from Tags.of', () => {
    const { stack, email } = setup();
    Tags.of(email('Support')).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties(TYPE, { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test.each([
    'a@b.co',
    'first.last+tag@sub.example.co.uk',
    'support@my-contact-center.email.connect.aws',
    `${'x'.repeat(64)}@${'d'.repeat(63)}.example.com`,
  ])('accepts the email address %p', (emailAddress) => {
    const { stack, instance } = setup();
    new EmailAddress(stack, 'Support', { instance, emailAddress });
    Template.fromStack(stack).hasResourceProperties(TYPE, { EmailAddress: emailAddress });
  });

  test('skips validation of token values', () => {
    const { stack, instance } = setup();
    new EmailAddress(stack, 'Support', {
      instance,
      emailAddress: new CfnParameter(stack, 'Address').valueAsString,
      displayName: new CfnParameter(stack, 'Display').valueAsString,
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, { EmailAddress: { Ref: 'Address' }, DisplayName: { Ref: 'Display' } });
  });

  test.each([
    'support',
    'support@example',
    'support@@example.com',
    'sup port@example.com',
    '@example.com',
    'support@example.com ',
  ])('fails with the malformed email address %p', (emailAddress) => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress }))
      .toThrow(/Test\/Support: emailAddress must be an email address such as support@example.com/);
  });

  test.each([
    'support@-example.com',
    'support@example-.com',
    'support@example..com',
    'support@.example.com',
    `support@${'d'.repeat(64)}.com`,
  ])('fails with the malformed domain in %p', (emailAddress) => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress }))
      .toThrow(/the domain of emailAddress must be dot-separated labels of 1 to 63 characters that do not start or end with a hyphen/);
  });

  test('fails with an email address longer than 255 characters', () => {
    const { stack, instance } = setup();
    const emailAddress = `${'x'.repeat(250)}@example.com`;
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress }))
      .toThrow(/emailAddress must be 1 to 255 characters, got 262/);
  });

  test('fails with a display name longer than 256 characters', () => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress: 'a@example.com', displayName: 'x'.repeat(257) }))
      .toThrow(/displayName must be 1 to 256 characters, got 257/);
  });

  test.each(['', ' ACME', 'ACME ', 'ACME\nSupport'])('fails with the display name %p', (displayName) => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress: 'a@example.com', displayName }))
      .toThrow(/displayName must be/);
  });

  test('fails with a display name with leading whitespace, saying what is allowed', () => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress: 'a@example.com', displayName: ' ACME' }))
      .toThrow(/displayName must be text without leading or trailing whitespace or line breaks, got ' ACME'/);
  });

  test('fails with an empty description', () => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress: 'a@example.com', description: '' }))
      .toThrow(/description must be 1 to 250 characters, got 0/);
  });

  test('fails with a description longer than 250 characters', () => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress: 'a@example.com', description: 'x'.repeat(251) }))
      .toThrow(/description must be 1 to 250 characters, got 251/);
  });

  test('fails with a description with trailing whitespace', () => {
    const { stack, instance } = setup();
    expect(() => new EmailAddress(stack, 'Support', { instance, emailAddress: 'a@example.com', description: 'Support ' }))
      .toThrow(/description must be text without leading or trailing whitespace or line breaks, got 'Support '/);
  });

  describe('aliases', () => {
    test('fails when an address is its own alias', () => {
      const { email } = setup();
      const support = email('Support');
      expect(() => support.addAlias(support)).toThrow(/Test\/Support: an email address cannot be its own alias/);
    });

    test('fails when the same alias is added twice', () => {
      const { email } = setup();
      const support = email('Support');
      const help = email('Help');
      support.addAlias(help);
      expect(() => support.addAlias(help)).toThrow(/aliases must be unique, 'Test\/Help' is added more than once/);
    });

    test('fails when an address has more than one alias', () => {
      const { stack, email } = setup();
      const support = email('Support');
      support.addAlias(email('Help'));
      support.addAlias(email('Care'));
      expect(() => Template.fromStack(stack)).toThrow(/Test\/Support.*an email address has at most 1 alias, got 2/s);
    });

    test('fails when an alias is already the alias of another address', () => {
      const { email } = setup();
      const help = email('Help');
      email('Support').addAlias(help);
      expect(() => email('Sales').addAlias(help))
        .toThrow(/email address 'Test\/Help' is already the alias of 'Test\/Support': an address can be the alias of only one address/);
    });

    test('fails when aliases are chained', () => {
      const { stack, email } = setup();
      const help = email('Help');
      email('Support').addAlias(help);
      help.addAlias(email('Care'));
      expect(() => Template.fromStack(stack))
        .toThrow(/Test\/Help.*an email address that is an alias \(of 'Test\/Support'\) cannot have aliases of its own/s);
    });

    test('fails when the alias belongs to another instance', () => {
      const { stack, email } = setup();
      const other = EmailAddress.fromEmailAddressArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/email-address/${EMAIL_ID}`);
      expect(() => email('Support').addAlias(other))
        .toThrow(/alias 'Test\/Other' must belong to instance .*, got one of instance .*99999999/);
    });
  });
});

describe('EmailAddress.fromEmailAddressArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const address = EmailAddress.fromEmailAddressArn(stack, 'Imported', EMAIL_ARN);

    expect(address.emailAddressArn).toBe(EMAIL_ARN);
    expect(address.emailAddressId).toBe(EMAIL_ID);
    expect(address.instanceArn).toBe(INSTANCE_ARN);
    expect(address.env.account).toBe('111122223333');
    expect(address.env.region).toBe('us-east-1');
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack(new App());
    const address = EmailAddress.fromEmailAddressArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(address.emailAddressId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test.each(['not-an-arn', `${INSTANCE_ARN}/queue/abc`, 'arn:aws:connect:us-east-1:111122223333:email-address/abc'])(
    'fails with the malformed ARN %p', (arn) => {
      const { stack } = testStack();
      expect(() => EmailAddress.fromEmailAddressArn(stack, 'Imported', arn))
        .toThrow(/Test\/Imported: email address ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/email-address\/<id>/);
    });
});
