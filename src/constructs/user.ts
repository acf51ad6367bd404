import { Duration, IResource, Resource, SecretValue, Stack, Token } from 'aws-cdk-lib';
import { CfnUser } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IdentityManagementType, IInstance, Instance } from './instance';
import { IPredefinedAttribute, PredefinedAttribute } from './predefined-attribute';
import { IRoutingProfile } from './routing-profile';
import { ISecurityProfile } from './security-profile';
import { IUserHierarchyGroup } from './user-hierarchy-group';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { sameInstanceError } from '../private/references';
import { durationSeconds, fail, validateLength, validatePattern, validatePhoneNumber } from '../private/validation';

/**
 * An Amazon Connect user, defined in this app or imported.
 */
export interface IUser extends IResource, connectRefs.IUserRef {
  /**
   * The ARN of the user.
   *
   * @attribute
   */
  readonly userArn: string;

  /**
   * The id of the user.
   *
   * @attribute
   */
  readonly userId: string;

  /**
   * The ARN of the instance the user belongs to.
   */
  readonly instanceArn: string;
}

abstract class UserBase extends Resource implements IUser {
  public abstract readonly userArn: string;
  public abstract readonly userId: string;
  public abstract readonly instanceArn: string;

  public get userRef(): connectRefs.UserReference {
    return { userArn: this.userArn };
  }
}

/**
 * The kind of phone an agent answers voice contacts with.
 */
export enum PhoneType {
  /** The softphone in the Contact Control Panel (browser). */
  SOFT_PHONE = 'SOFT_PHONE',
  /** A desk phone (or mobile phone) that Amazon Connect calls at `deskPhoneNumber`. */
  DESK_PHONE = 'DESK_PHONE',
}

/**
 * Identity information of a user.
 *
 * What is required depends on the instance's identity management: with Amazon Connect or SAML identity
 * management the first and last names are required; with SAML the email address must not be given.
 */
export interface UserIdentityInfo {
  /**
   * The first name. 1 to 255 characters.
   *
   * @default - none
   */
  readonly firstName?: string;

  /**
   * The last name. 1 to 300 characters (1 to 256 with Amazon Connect identity management).
   *
   * @default - none
   */
  readonly lastName?: string;

  /**
   * The email address, where notifications (such as password resets) are sent.
   *
   * @default - none
   */
  readonly email?: string;

  /**
   * A secondary email address, for notifications.
   *
   * @default - none
   */
  readonly secondaryEmail?: string;

  /**
   * The mobile phone number, in E.164 format (`+` followed by up to 15 digits, e.g. `+12065550100`).
   *
   * @default - none
   */
  readonly mobile?: string;
}

/**
 * Phone settings of a user.
 */
export interface UserPhoneConfig {
  /**
   * The phone the agent answers voice contacts with.
   *
   * @default PhoneType.SOFT_PHONE
   */
  readonly phoneType?: PhoneType;

  /**
   * Whether incoming contacts are connected to the agent automatically, without the agent accepting them.
   *
   * @default false
   */
  readonly autoAccept?: boolean;

  /**
   * How long the agent stays in after contact work (ACW) after a contact, 0 to 2,000,000 seconds
   * (about 23 days). `Duration.seconds(0)` means no limit: the agent ends ACW by closing the contact.
   *
   * @default Duration.seconds(0)
   */
  readonly afterContactWorkTimeLimit?: Duration;

  /**
   * The phone number Amazon Connect calls for the agent, in E.164 format (e.g. `+12065550100`).
   * Required for `PhoneType.DESK_PHONE`; not allowed with a softphone.
   *
   * @default - none
   */
  readonly deskPhoneNumber?: string;

  /**
   * Whether the softphone keeps the call connection open after a call ends, so that the next call connects
   * faster.
   *
   * @default false
   */
  readonly persistentConnection?: boolean;
}

/**
 * A proficiency of a user: a value of a predefined attribute (for example `Language` = `Spanish`) and the
 * user's level in it, used by routing criteria.
 *
 * Name the predefined attribute either with `attribute` (preferred: the value is checked against the
 * attribute's values when it is defined in the app, and the user depends on it) or with `attributeName`.
 */
export interface UserProficiency {
  /**
   * The predefined attribute, which must belong to the user's instance. When it is a `PredefinedAttribute`
   * defined in the app, `attributeValue` must be one of its values and the user is created after it.
   * Give either this or `attributeName`.
   *
   * @default - none; `attributeName` names the attribute
   */
  readonly attribute?: IPredefinedAttribute;

  /**
   * The name of the predefined attribute, which must exist in the instance. 1 to 64 characters.
   * Give either this or `attribute`.
   *
   * @default - none; `attribute` names the attribute
   */
  readonly attributeName?: string;

  /**
   * The value of the predefined attribute. 1 to 64 characters.
   */
  readonly attributeValue: string;

  /**
   * The level of the proficiency: 1, 2, 3, 4 or 5.
   */
  readonly level: number;
}

/** A proficiency as rendered: the attribute named. */
interface RenderedProficiency {
  readonly attributeName: string;
  readonly attributeValue: string;
  readonly level: number;
}

/**
 * Properties of a user.
 */
export interface UserProps {
  /**
   * The instance the user belongs to.
   */
  readonly instance: IInstance;

  /**
   * The user name, used to sign in. 1 to 64 characters: letters, digits, `_`, `-`, `.` and `@`, where `@`
   * is only allowed in an email address (`jane@example.com`, not `jane@example`). Instances without SAML
   * identity management may accept fewer characters (the Connect API documents 20).
   */
  readonly username: string;

  /**
   * The password, for instances that manage identities themselves (`CONNECT_MANAGED`), where it is
   * required; it must not be given with SAML or an existing directory. 8 to 64 characters without spaces,
   * with at least one lowercase letter, one uppercase letter and one digit.
   *
   * The password must not appear in plain text in the template: pass a reference that CloudFormation
   * resolves at deploy time, such as `SecretValue.secretsManager(...)` (or a `secretsmanager`
   * `SecretValue.cfnDynamicReference(...)`), or a NoEcho parameter (`SecretValue.cfnParameter(...)`).
   * SSM SecureString references (`SecretValue.ssmSecure(...)`) are rejected: CloudFormation resolves them only
   * in a few resource types, not in `AWS::Connect::User`. A plain-text value (`SecretValue.unsafePlainText(...)`)
   * is rejected unless `allowPlaintextPassword` is true. CloudFormation sets the password when the user is
   * created and again whenever the value changes.
   *
   * Whether a password is required or forbidden is checked when the instance is an `Instance` defined in the
   * app (it knows its identity management); for imported instances Amazon Connect checks at deploy time.
   *
   * @default - no password (SAML or existing directory identity management)
   */
  readonly password?: SecretValue;

  /**
   * Allows `password` to be a plain-text value, which is then visible to anyone who can read the template.
   * Only for throwaway test users.
   *
   * @default false
   */
  readonly allowPlaintextPassword?: boolean;

  /**
   * The id of the user in the directory, for instances that use an existing directory for identity
   * management when Amazon Connect cannot access the directory. Not allowed with a password.
   *
   * @default - none
   */
  readonly directoryUserId?: string;

  /**
   * The user's name, email addresses and mobile number.
   *
   * @default - none
   */
  readonly identityInfo?: UserIdentityInfo;

  /**
   * The user's phone settings.
   *
   * @default - a softphone, without auto-accept, with no after contact work limit
   */
  readonly phoneConfig?: UserPhoneConfig;

  /**
   * The routing profile of the user: which queues and channels the user takes contacts from.
   */
  readonly routingProfile: IRoutingProfile;

  /**
   * The security profiles of the user. A user has 1 to 10; more can be added with `addSecurityProfile()`.
   *
   * @default - none here; at least one must be added with `addSecurityProfile()`
   */
  readonly securityProfiles?: ISecurityProfile[];

  /**
   * The hierarchy group the user belongs to.
   *
   * @default - the user is not in a hierarchy group
   */
  readonly hierarchyGroup?: IUserHierarchyGroup;

  /**
   * The proficiencies of the user. More can be added with `addProficiency()`.
   *
   * @default - none
   */
  readonly proficiencies?: UserProficiency[];
}

const USERNAME_PATTERN = /^[a-zA-Z0-9_.@-]+$/;
const USERNAME_EMAIL_PATTERN = /^[a-zA-Z0-9_.-]+@[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)+$/;
const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)\S{8,64}$/;
const EMAIL_PATTERN = /^(?=.{0,265}$)[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}$/;
const MAX_SECURITY_PROFILES = 10;
const MAX_ACW_SECONDS = 2_000_000;

/**
 * An Amazon Connect user (an agent, supervisor or administrator).
 *
 * A user has a routing profile, 1 to 10 security profiles and optionally a hierarchy group and
 * proficiencies. Security profiles and proficiencies can be added after construction. Tags are set with
 * `Tags.of(...)`.
 *
 * @resource AWS::Connect::User
 */
export class User extends UserBase {
  /**
   * Imports an user by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/agent/<id>`).
   */
  public static fromUserArn(scope: Construct, id: string, userArn: string): IUser {
    class Import extends UserBase {
      public readonly userArn = userArn;
      public readonly userId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(userArn) });
        const parts = parseInstanceResourceArn(this, userArn, 'agent', 'user');
        this.userId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the user.
   *
   * @attribute
   */
  public get userArn(): string {
    // The attribute's token is made on first use: most users are never referenced by their ARN.
    return this.resource!.attrUserArn;
  }

  /**
   * The id of the user.
   *
   * @attribute
   */
  public get userId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._userId ?? (this._userId = resourceIdOfArn(this, this.userArn, 'agent', 'user'));
  }

  private _userId?: string;

  /**
   * The ARN of the instance the user belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The user name.
   */
  public readonly username: string;

  private readonly securityProfiles: ISecurityProfile[] = [];
  /** The ARNs of the security profiles: the array the CfnUser holds, so that profiles added later are in it. */
  private readonly securityProfileArns: string[] = [];
  /** The proficiencies as rendered: the array the CfnUser holds once there is one. */
  private readonly proficiencies: RenderedProficiency[] = [];
  private resource?: CfnUser;

  constructor(scope: Construct, id: string, props: UserProps) {
    super(scope, id);

    this.instanceArn = props.instance.instanceArn;
    this.validateUsername(props.username);
    this.validatePassword(props);
    this.validateIdentityManagement(props);
    const identityInfo = this.renderIdentityInfo(props.identityInfo);
    const phoneConfig = this.renderPhoneConfig(props.phoneConfig ?? {});

    const mismatch = sameInstanceError('routing profile', this.instanceArn, props.routingProfile.instanceArn)
      ?? (props.hierarchyGroup && sameInstanceError('hierarchy group', this.instanceArn, props.hierarchyGroup.instanceArn));
    if (mismatch) {
      fail(this, mismatch);
    }

    for (const profile of props.securityProfiles ?? []) {
      this.addSecurityProfile(profile);
    }
    for (const proficiency of props.proficiencies ?? []) {
      this.addProficiency(proficiency);
    }

    const resource = new CfnUser(this, 'Resource', {
      instanceArn: this.instanceArn,
      username: props.username,
      password: props.password?.unsafeUnwrap(),
      directoryUserId: props.directoryUserId,
      identityInfo,
      phoneConfig,
      routingProfileArn: props.routingProfile.routingProfileArn,
      securityProfileArns: this.securityProfileArns,
      hierarchyGroupArn: props.hierarchyGroup?.userHierarchyGroupArn,
      userProficiencies: this.proficiencies.length > 0 ? this.proficiencies : undefined,
    });
    fixLogicalIdAtSynthesis(resource);
    this.resource = resource;

    this.node.addValidation({ validate: () => this.validateSecurityProfiles() });

    this.username = props.username;
  }

  /**
   * Adds a security profile to the user (a user has 1 to 10). Adding the same profile twice fails.
   */
  public addSecurityProfile(securityProfile: ISecurityProfile): void {
    if (this.securityProfiles.includes(securityProfile)) {
      fail(this, `security profile '${securityProfile.node.path}' was added twice`);
    }
    this.securityProfiles.push(securityProfile);
    this.securityProfileArns.push(securityProfile.securityProfileArn);
  }

  /**
   * Adds a proficiency to the user. A user has at most one level per attribute value.
   *
   * Name the attribute with either `attribute` or `attributeName`. With a `PredefinedAttribute` defined in the
   * app, the value must be one of its values and the user depends on the attribute.
   */
  public addProficiency(proficiency: UserProficiency): void {
    const { attribute, attributeValue, level } = proficiency;
    if ((attribute === undefined) === (proficiency.attributeName === undefined)) {
      fail(this, 'a proficiency must name its predefined attribute with exactly one of attribute and attributeName');
    }
    const attributeName = attribute?.predefinedAttributeName ?? proficiency.attributeName!;
    validateLength(this, 'proficiency attribute name', attributeName, 1, 64);
    validateLength(this, `value of proficiency attribute '${attributeName}'`, attributeValue, 1, 64);
    if (!Token.isUnresolved(level) && (!Number.isInteger(level) || level < 1 || level > 5)) {
      fail(this, `level of proficiency '${attributeName}=${attributeValue}' must be 1, 2, 3, 4 or 5, got ${level}`);
    }
    if (attribute !== undefined) {
      this.validateProficiencyAttribute(attribute, attributeValue);
    }
    if (!Token.isUnresolved(attributeName) && !Token.isUnresolved(attributeValue)
      && this.proficiencies.some(p => p.attributeName === attributeName && p.attributeValue === attributeValue)) {
      fail(this, `proficiencies must be unique, '${attributeName}=${attributeValue}' appears more than once`);
    }
    this.proficiencies.push({ attributeName, attributeValue, level });
    if (this.resource !== undefined) {
      this.resource.userProficiencies = this.proficiencies;
    }
  }

  private validateProficiencyAttribute(attribute: IPredefinedAttribute, attributeValue: string): void {
    const name = attribute.predefinedAttributeName;
    const mismatch = sameInstanceError(`predefined attribute '${name}'`, this.instanceArn, attribute.instanceArn);
    if (mismatch) {
      fail(this, mismatch);
    }
    if (attribute instanceof PredefinedAttribute) {
      if (!attribute.hasValue(attributeValue)) {
        const values = attribute.values === undefined ? 'it has no values' : `allowed: ${attribute.values.join(', ')}`;
        fail(this, `value of proficiency attribute '${name}' must be one of the attribute's values, got '${attributeValue}' (${values})`);
      }
      this.node.addDependency(attribute);
    }
  }

  private validateUsername(username: string): void {
    validateLength(this, 'username', username, 1, 64);
    validatePattern(this, 'username', username, USERNAME_PATTERN, 'letters, digits, _, -, . and @');
    if (!Token.isUnresolved(username) && username.includes('@') && !USERNAME_EMAIL_PATTERN.test(username)) {
      fail(this, `username may only contain @ in an email address such as user@example.com, got '${username}'`);
    }
  }

  private validatePassword(props: UserProps): void {
    if (props.password === undefined) {
      return;
    }
    const resolved = resolvedPassword(Stack.of(this), props.password);
    if (JSON.stringify(resolved).includes('{{resolve:ssm-secure:')) {
      // CloudFormation resolves ssm-secure references only in a fixed list of resource properties
      fail(this, 'password cannot be an SSM SecureString reference (SecretValue.ssmSecure()): CloudFormation does not '
        + 'resolve ssm-secure in AWS::Connect::User, use SecretValue.secretsManager() instead');
    }
    if (typeof resolved !== 'string' || resolved.includes('{{resolve:')) {
      // a Secrets Manager reference, a parameter or another deploy-time value: nothing in the template to check
      return;
    }
    if (!props.allowPlaintextPassword) {
      fail(this, 'password is plain text that would be written into the template: use SecretValue.secretsManager() '
        + '(or a NoEcho parameter with SecretValue.cfnParameter()), or set allowPlaintextPassword to true');
    }
    if (!PASSWORD_PATTERN.test(resolved)) {
      fail(this, 'password must be 8 to 64 characters without spaces, with at least one lowercase letter, '
        + `one uppercase letter and one digit, got ${resolved.length} characters`);
    }
  }

  private validateIdentityManagement(props: UserProps): void {
    if (props.password !== undefined && props.directoryUserId !== undefined) {
      fail(this, 'password and directoryUserId cannot both be given: a password is for Amazon Connect identity management, '
        + 'a directory user id for an existing directory');
    }
    // An Instance defined in this app tells how it manages identities; for imported instances Amazon Connect
    // checks at deploy time.
    if (!(props.instance instanceof Instance)) {
      return;
    }
    const type = props.instance.identityManagement;
    if (type === IdentityManagementType.CONNECT_MANAGED) {
      if (props.password === undefined) {
        fail(this, 'password is required when the instance manages identities itself (CONNECT_MANAGED)');
      }
    } else if (props.password !== undefined) {
      fail(this, `password is only allowed when the instance manages identities itself (CONNECT_MANAGED), this instance uses ${type}`);
    }
    if (type === IdentityManagementType.SAML && props.directoryUserId !== undefined) {
      fail(this, 'directoryUserId is not allowed when the instance uses SAML identity management');
    }
    if (type === IdentityManagementType.CONNECT_MANAGED || type === IdentityManagementType.SAML) {
      if (props.identityInfo?.firstName === undefined || props.identityInfo?.lastName === undefined) {
        fail(this, `identityInfo.firstName and identityInfo.lastName are required when the instance uses ${type} identity management`);
      }
    }
    if (type === IdentityManagementType.SAML && props.identityInfo?.email !== undefined) {
      fail(this, 'identityInfo.email is not allowed when the instance uses SAML identity management (the identity provider owns it)');
    }
  }

  private renderIdentityInfo(info: UserIdentityInfo | undefined): CfnUser.UserIdentityInfoProperty | undefined {
    if (info === undefined) {
      return undefined;
    }
    validateLength(this, 'first name', info.firstName, 1, 255);
    validateLength(this, 'last name', info.lastName, 1, 300);
    for (const [what, value] of [['first name', info.firstName], ['last name', info.lastName]]) {
      if (value !== undefined && !Token.isUnresolved(value) && value.normalize('NFC') !== value) {
        fail(this, `${what} must be in Unicode Normalization Form C (NFC), got '${value}': use value.normalize('NFC')`);
      }
    }
    validatePattern(this, 'secondary email', info.secondaryEmail, EMAIL_PATTERN, 'an email address such as user@example.com');
    validatePhoneNumber(this, 'mobile', info.mobile);
    return {
      firstName: info.firstName,
      lastName: info.lastName,
      email: info.email,
      secondaryEmail: info.secondaryEmail,
      mobile: info.mobile,
    };
  }

  private renderPhoneConfig(config: UserPhoneConfig): CfnUser.UserPhoneConfigProperty {
    const phoneType = config.phoneType ?? PhoneType.SOFT_PHONE;
    if (phoneType === PhoneType.DESK_PHONE && config.deskPhoneNumber === undefined) {
      fail(this, 'deskPhoneNumber is required when the phone type is DESK_PHONE');
    }
    if (phoneType === PhoneType.SOFT_PHONE && config.deskPhoneNumber !== undefined) {
      fail(this, 'deskPhoneNumber is only allowed when the phone type is DESK_PHONE');
    }
    validatePhoneNumber(this, 'deskPhoneNumber', config.deskPhoneNumber);
    return {
      phoneType,
      autoAccept: config.autoAccept,
      afterContactWorkTimeLimit: durationSeconds(this, 'afterContactWorkTimeLimit', config.afterContactWorkTimeLimit, 0, MAX_ACW_SECONDS),
      deskPhoneNumber: config.deskPhoneNumber,
      persistentConnection: config.persistentConnection,
    };
  }

  private validateSecurityProfiles(): string[] {
    const errors: string[] = [];
    const count = this.securityProfiles.length;
    if (count < 1 || count > MAX_SECURITY_PROFILES) {
      errors.push(`a user must have 1 to ${MAX_SECURITY_PROFILES} security profiles, got ${count}`);
    }
    const arns = new Set<string>();
    for (const profile of this.securityProfiles) {
      const arn = profile.securityProfileArn;
      if (!Token.isUnresolved(arn)) {
        if (arns.has(arn)) {
          errors.push(`security profiles must be unique, '${arn}' appears more than once`);
        }
        arns.add(arn);
      }
      const mismatch = sameInstanceError('security profile', this.instanceArn, profile.instanceArn);
      if (mismatch) {
        errors.push(mismatch);
      }
    }
    return errors;
  }
}

/**
 * What a password resolves to in a stack, resolved once per secret value and stack: apps give all their users the
 * same `SecretValue` (a Secrets Manager reference), and the checks only need to know what kind of value it is.
 */
const RESOLVED_PASSWORDS = new WeakMap<SecretValue, WeakMap<Stack, unknown>>();

function resolvedPassword(stack: Stack, password: SecretValue): unknown {
  let byStack = RESOLVED_PASSWORDS.get(password);
  if (byStack === undefined) {
    byStack = new WeakMap();
    RESOLVED_PASSWORDS.set(password, byStack);
  }
  if (!byStack.has(stack)) {
    byStack.set(stack, stack.resolve(password.unsafeUnwrap()));
  }
  return byStack.get(stack);
}
