import { IResource, Lazy, Resource, Token } from 'aws-cdk-lib';
import { CfnEmailAddress } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { sameInstanceError } from '../private/references';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect email address, defined in this app or imported.
 */
export interface IEmailAddress extends IResource, connectRefs.IEmailAddressRef {
  /**
   * The ARN of the email address.
   *
   * @attribute
   */
  readonly emailAddressArn: string;

  /**
   * The id of the email address.
   *
   * @attribute
   */
  readonly emailAddressId: string;

  /**
   * The ARN of the instance the email address belongs to.
   */
  readonly instanceArn: string;
}

abstract class EmailAddressBase extends Resource implements IEmailAddress {
  public abstract readonly emailAddressArn: string;
  public abstract readonly emailAddressId: string;
  public abstract readonly instanceArn: string;

  public get emailAddressRef(): connectRefs.EmailAddressReference {
    return { emailAddressArn: this.emailAddressArn };
  }
}

/**
 * Properties of an email address.
 */
export interface EmailAddressProps {
  /**
   * The instance the email address belongs to.
   */
  readonly instance: IInstance;

  /**
   * The email address, such as `support@example.com` (at most 255 characters). Its domain must be the
   * instance's Amazon Connect email domain (`<instance-alias>.email.connect.aws`) or a custom domain verified in
   * Amazon SES and added to the instance; Amazon Connect checks that at deploy time. Changing it replaces the
   * email address.
   */
  readonly emailAddress: string;

  /**
   * The name shown to recipients with the address, such as `ACME Support` (1 to 256 characters, no leading or
   * trailing whitespace).
   *
   * @default - no display name
   */
  readonly displayName?: string;

  /**
   * A description of the email address (1 to 250 characters, no leading or trailing whitespace).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Email addresses that forward to this one (aliases): email sent to an alias arrives at this address.
   * An address has at most one alias; the alias must belong to the same instance, must not have an alias of its
   * own and must not be the alias of another address. More can be added with `addAlias()`.
   *
   * @default - no alias
   */
  readonly aliases?: IEmailAddress[];
}

/** An email address: local part, `@`, a domain of at least two labels (`[^\s@]+@[^\s@]+\.[^\s@]+` anchored). */
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Text that does not start or end with whitespace and has no line breaks. */
const TRIMMED = /^\S(.*\S)?$/;
/** A domain label: letters, digits and hyphens (or non-ASCII characters), not starting or ending with a hyphen. */
const DOMAIN_LABEL = /^(?!-)[^\s@.]{1,63}(?<!-)$/;
/** The most aliases an email address has. */
const MAX_ALIASES = 1;

/** The primary address that each email address defined in the app is an alias of. */
const ALIAS_OF = new WeakMap<IEmailAddress, EmailAddress>();

/**
 * An email address of an Amazon Connect instance, for inbound email contacts and as the "From" address of
 * outbound email (see `QueueProps.outboundEmailAddress`).
 *
 * ```ts
 * const supportEmail = new EmailAddress(this, 'SupportEmail', {
 *   instance,
 *   emailAddress: 'support@my-contact-center.email.connect.aws',
 *   displayName: 'ACME Support',
 * });
 * ```
 *
 * @resource AWS::Connect::EmailAddress
 */
export class EmailAddress extends EmailAddressBase {
  /**
   * Imports an email address by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/email-address/<id>`).
   */
  public static fromEmailAddressArn(scope: Construct, id: string, emailAddressArn: string): IEmailAddress {
    class Import extends EmailAddressBase {
      public readonly emailAddressArn = emailAddressArn;
      public readonly emailAddressId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(emailAddressArn) });
        const parts = parseInstanceResourceArn(this, emailAddressArn, 'email-address', 'email address');
        this.emailAddressId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the email address.
   *
   * @attribute
   */
  public readonly emailAddressArn: string;

  /**
   * The id of the email address.
   *
   * @attribute
   */
  public get emailAddressId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._emailAddressId ?? (this._emailAddressId = resourceIdOfArn(this, this.emailAddressArn, 'email-address', 'email address'));
  }

  private _emailAddressId?: string;

  /**
   * The ARN of the instance the email address belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The email address, such as `support@example.com`.
   */
  public readonly address: string;

  private readonly aliases: IEmailAddress[] = [];

  constructor(scope: Construct, id: string, props: EmailAddressProps) {
    super(scope, id);

    this.validateEmailAddress(props.emailAddress);
    validateLength(this, 'displayName', props.displayName, 1, 256);
    validatePattern(this, 'displayName', props.displayName, TRIMMED, 'text without leading or trailing whitespace or line breaks');
    validateLength(this, 'description', props.description, 1, 250);
    validatePattern(this, 'description', props.description, TRIMMED, 'text without leading or trailing whitespace or line breaks');

    this.instanceArn = props.instance.instanceArn;
    for (const alias of props.aliases ?? []) {
      this.addAlias(alias);
    }
    this.node.addValidation({ validate: () => this.validateAliases() });

    const resource = new CfnEmailAddress(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      emailAddress: props.emailAddress,
      displayName: props.displayName,
      description: props.description,
      aliasConfigurations: Lazy.any({
        produce: () => this.aliases.map(alias => ({ emailAddressArn: alias.emailAddressArn })),
      }, { omitEmptyArray: true }),
    });
    fixLogicalIdAtSynthesis(resource);

    this.emailAddressArn = resource.attrEmailAddressArn;
    this.address = props.emailAddress;
  }

  /**
   * Adds an alias: an email address of the same instance that forwards to this one. An address has at most one
   * alias, and an alias cannot be the alias of two addresses.
   */
  public addAlias(alias: IEmailAddress): void {
    if (alias === this) {
      fail(this, 'an email address cannot be its own alias');
    }
    if (this.aliases.includes(alias)) {
      fail(this, `aliases must be unique, '${alias.node.path}' is added more than once`);
    }
    const primary = ALIAS_OF.get(alias);
    if (primary !== undefined) {
      fail(this, `email address '${alias.node.path}' is already the alias of '${primary.node.path}': an address can be the alias of only one address`);
    }
    const mismatch = sameInstanceError(`alias '${alias.node.path}'`, this.instanceArn, alias.instanceArn);
    if (mismatch) {
      fail(this, mismatch);
    }
    ALIAS_OF.set(alias, this);
    this.aliases.push(alias);
  }

  private validateEmailAddress(address: string): void {
    if (Token.isUnresolved(address)) {
      return;
    }
    validateLength(this, 'emailAddress', address, 1, 255);
    validatePattern(this, 'emailAddress', address, EMAIL_ADDRESS, 'an email address such as support@example.com');
    const domain = address.slice(address.lastIndexOf('@') + 1);
    if (!domain.split('.').every(label => DOMAIN_LABEL.test(label))) {
      fail(this, 'the domain of emailAddress must be dot-separated labels of 1 to 63 characters that do not start or end '
        + `with a hyphen, got '${domain}'`);
    }
  }

  private validateAliases(): string[] {
    const errors: string[] = [];
    if (this.aliases.length > MAX_ALIASES) {
      errors.push(`an email address has at most ${MAX_ALIASES} alias, got ${this.aliases.length}`);
    }
    if (this.aliases.length > 0 && ALIAS_OF.has(this)) {
      errors.push(`an email address that is an alias (of '${ALIAS_OF.get(this)!.node.path}') cannot have aliases of its own: aliases cannot be chained`);
    }
    return errors;
  }
}
