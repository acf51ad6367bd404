import { ArnFormat, Fn, IResource, ITaggableV2, RemovalPolicy, Resource, Stack, TagManager, TagType, Token } from 'aws-cdk-lib';
import { CfnPhoneNumber } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IContactFlow } from './contact-flow';
import { IInstance } from './instance';
import { PhoneNumberFlowAssociation } from './phone-number-flow-association';
import { ITrafficDistributionGroup } from './traffic-distribution-group';
import { connectResource } from '../custom-resources/resource';
import { importEnvironmentArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { PHONE_NUMBER_COUNTRY_CODES } from '../private/phone-countries';
import { fail, validateDescription, validatePattern, validatePhoneNumber } from '../private/validation';

/**
 * An Amazon Connect phone number, claimed in this app or imported.
 */
export interface IPhoneNumber extends IResource, connectRefs.IPhoneNumberRef {
  /**
   * The ARN of the phone number (`arn:aws:connect:<region>:<account>:phone-number/<id>`).
   *
   * @attribute
   */
  readonly phoneNumberArn: string;

  /**
   * The id of the phone number.
   *
   * @attribute
   */
  readonly phoneNumberId: string;

  /**
   * The ARN of the instance the number is claimed to, when this app knows it.
   *
   * @default - unknown: the number was imported, or it is claimed to a traffic distribution group
   */
  readonly instanceArn?: string;

  /**
   * Makes calls to this (voice) number run an inbound flow (a flow of type `CONTACT_FLOW`).
   *
   * CloudFormation has no property for a number's flow; a custom resource sets it through the Amazon Connect API
   * and removes it when it leaves the stack. A number has one flow: associating a second one fails at synth time.
   *
   * @returns the association, for resources that must wait until the number answers with the flow
   */
  associateFlow(flow: IContactFlow): PhoneNumberFlowAssociation;
}

/** The construct id of a number's flow association. */
const FLOW_ASSOCIATION_ID = 'FlowAssociation';

abstract class PhoneNumberBase extends Resource implements IPhoneNumber {
  public abstract readonly phoneNumberArn: string;
  public abstract readonly phoneNumberId: string;
  public abstract readonly instanceArn?: string;

  public get phoneNumberRef(): connectRefs.PhoneNumberReference {
    return { phoneNumberArn: this.phoneNumberArn };
  }

  public associateFlow(flow: IContactFlow): PhoneNumberFlowAssociation {
    const existing = this.node.tryFindChild(FLOW_ASSOCIATION_ID) as PhoneNumberFlowAssociation | undefined;
    if (existing) {
      fail(this, `a phone number takes calls into one flow: it already has '${existing.contactFlow.node.path}', `
        + `so it cannot also take '${flow.node.path}'`);
    }
    return new PhoneNumberFlowAssociation(this, FLOW_ASSOCIATION_ID, { phoneNumber: this, contactFlow: flow });
  }
}

const PHONE_NUMBER_ARN = /^arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:\d{12}:phone-number\/([-a-zA-Z0-9]+)$/;
const TRAFFIC_DISTRIBUTION_GROUP_ARN =
  /^arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:\d{12}:traffic-distribution-group\/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const ANY_ARN = /^arn:aws[-a-z0-9]*:[-a-z0-9]+:[-a-z0-9]*:\d{12}:\S+$/;
/** E.164 prefix: `+`, then 1 to 11 digits (SearchAvailablePhoneNumbers' `PhoneNumberPrefix`). */
const PREFIX = /^\+[0-9]{1,11}$/;
const TYPE_VALUE = /^[A-Z][A-Z0-9_]*$/;
/** The custom resource that claims a specific number. */
const CLAIMED_PHONE_NUMBER_TYPE = 'Custom::ConnectClaimedPhoneNumber';

/**
 * The id of a phone number from its ARN (token-safe), checking the form of concrete ARNs.
 */
function parsePhoneNumberArn(scope: IConstruct, arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Fn.select(1, Fn.split('/', arn));
  }
  const match = PHONE_NUMBER_ARN.exec(arn);
  if (!match) {
    fail(scope, `phone number ARN must look like arn:aws:connect:<region>:<account>:phone-number/<id>, got '${arn}'`);
  }
  return match[1];
}

/**
 * The type of a phone number.
 *
 * Which types a country offers varies; see "Amazon Connect telecoms country coverage" in the Amazon Connect
 * Administrator Guide.
 */
export class PhoneNumberType {
  /** A toll-free number: callers do not pay for the call. */
  public static readonly TOLL_FREE = new PhoneNumberType('TOLL_FREE');

  /** A direct inward dialing (DID) number: a local or national number. */
  public static readonly DID = new PhoneNumberType('DID');

  /** A Universal International Freephone Number. */
  public static readonly UIFN = new PhoneNumberType('UIFN');

  /** A shared number. */
  public static readonly SHARED = new PhoneNumberType('SHARED');

  /** A DID from a third-party carrier. */
  public static readonly THIRD_PARTY_DID = new PhoneNumberType('THIRD_PARTY_DID');

  /** A toll-free number from a third-party carrier. */
  public static readonly THIRD_PARTY_TF = new PhoneNumberType('THIRD_PARTY_TF');

  /** A short code. */
  public static readonly SHORT_CODE = new PhoneNumberType('SHORT_CODE');

  /**
   * A type this library does not list yet, such as one Amazon Connect added later (upper-case letters, digits
   * and underscores).
   */
  public static of(value: string): PhoneNumberType {
    return new PhoneNumberType(value);
  }

  /** The value CloudFormation takes, such as `DID`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * What a phone number is claimed to: an instance, or a traffic distribution group (which spreads calls over
 * instances in two Regions).
 */
export class PhoneNumberTarget {
  /**
   * Claims the number to an instance.
   */
  public static instance(instance: IInstance): PhoneNumberTarget {
    return new PhoneNumberTarget(instance.instanceArn, instance);
  }

  /**
   * Claims the number to a traffic distribution group, so that it takes calls in both Regions of a replicated
   * instance.
   */
  public static trafficDistributionGroup(group: ITrafficDistributionGroup): PhoneNumberTarget {
    return new PhoneNumberTarget(group.trafficDistributionGroupArn, undefined);
  }

  /**
   * Claims the number to a traffic distribution group, by its ARN
   * (`arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>`).
   * Prefer `trafficDistributionGroup(group)`.
   */
  public static trafficDistributionGroupArn(trafficDistributionGroupArn: string): PhoneNumberTarget {
    return new PhoneNumberTarget(trafficDistributionGroupArn, undefined);
  }

  /** The ARN of the instance or traffic distribution group. */
  public readonly targetArn: string;

  /**
   * The instance, when the target is an instance.
   *
   * @default - the target is a traffic distribution group
   */
  public readonly targetInstance?: IInstance;

  private constructor(targetArn: string, targetInstance: IInstance | undefined) {
    this.targetArn = targetArn;
    this.targetInstance = targetInstance;
  }
}

/**
 * Properties of a phone number.
 *
 * Either claim any available number of a country and type (give `countryCode` and `type`, optionally `prefix`),
 * claim a specific number (give `phoneNumber`), or import one from AWS End User Messaging (give
 * `sourcePhoneNumberArn` and an instance target, nothing else).
 */
export interface PhoneNumberProps {
  /**
   * What the number is claimed to: `PhoneNumberTarget.instance(instance)` or
   * `PhoneNumberTarget.trafficDistributionGroup(group)`.
   */
  readonly target: PhoneNumberTarget;

  /**
   * The ISO 3166-1 alpha-2 code of the country to claim a number in, such as `US` or `GB`.
   *
   * Required when claiming a number; not allowed with `sourcePhoneNumberArn`.
   *
   * @default - none (only with `sourcePhoneNumberArn`)
   */
  readonly countryCode?: string;

  /**
   * The type of number to claim.
   *
   * Required when claiming a number; not allowed with `sourcePhoneNumberArn`.
   *
   * @default - none (only with `sourcePhoneNumberArn`)
   */
  readonly type?: PhoneNumberType;

  /**
   * The beginning of the number to claim, in E.164 form: `+`, the country calling code, then optionally more
   * digits (such as an area code), for example `+1206`. Not allowed with `sourcePhoneNumberArn`.
   *
   * @default - any available number of the country and type
   */
  readonly prefix?: string;

  /**
   * A specific number to claim, in E.164 form, such as `+12065550100` (one that `SearchAvailablePhoneNumbers` or
   * the console lists as available). Not allowed with `countryCode`, `type`, `prefix` or `sourcePhoneNumberArn`.
   *
   * CloudFormation can only claim some number of a country and type, so a specific number is claimed through a
   * custom resource with the Amazon Connect API (`ClaimPhoneNumber`, idempotently). Changing the number claims
   * the new one (and, with `removalPolicy: RemovalPolicy.DESTROY`, releases the old one); the target, description
   * and tags are updated in place.
   *
   * @default - any available number of `countryCode` and `type` (CloudFormation's `AWS::Connect::PhoneNumber`)
   */
  readonly phoneNumber?: string;

  /**
   * The ARN of a number claimed in another service, such as AWS End User Messaging SMS and voice
   * (`arn:aws:sms-voice:<region>:<account>:phone-number/<id>`), to import into the target instance instead of
   * claiming a new one. The target must be an instance.
   *
   * @default - a new number is claimed
   */
  readonly sourcePhoneNumberArn?: string;

  /**
   * A description of the number (1 to 500 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * What happens to the number when it is removed from the stack or replaced (changing `countryCode`, `type`,
   * `prefix`, `phoneNumber` or `sourcePhoneNumberArn` replaces it). A released number goes back to the carrier's
   * pool and can rarely be claimed again, and Amazon Connect limits how many numbers an account may claim and release in
   * 180 days, so numbers are kept by default; a kept number stays claimed (and billed) until you release it.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A phone number claimed for an Amazon Connect instance or traffic distribution group.
 *
 * CloudFormation searches the available numbers of the country, type and prefix, and claims one of them; the
 * number it got is `address`. Given `phoneNumber`, that specific number is claimed instead (through a custom
 * resource: CloudFormation cannot).
 *
 * ```ts
 * declare const instance: IInstance;
 * const number = new PhoneNumber(this, 'Main', {
 *   target: PhoneNumberTarget.instance(instance),
 *   countryCode: 'US',
 *   type: PhoneNumberType.DID,
 *   prefix: '+1206',
 * });
 * const support = new PhoneNumber(this, 'Support', {
 *   target: PhoneNumberTarget.instance(instance),
 *   phoneNumber: '+12065550100',
 * });
 * ```
 *
 * @resource AWS::Connect::PhoneNumber
 */
export class PhoneNumber extends PhoneNumberBase implements ITaggableV2 {
  /**
   * Imports a phone number by its ARN (`arn:aws:connect:<region>:<account>:phone-number/<id>`).
   */
  public static fromPhoneNumberArn(scope: Construct, id: string, phoneNumberArn: string): IPhoneNumber {
    class Import extends PhoneNumberBase {
      public readonly phoneNumberArn = phoneNumberArn;
      public readonly phoneNumberId: string;
      public readonly instanceArn = undefined;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(phoneNumberArn) });
        this.phoneNumberId = parsePhoneNumberArn(this, phoneNumberArn);
      }
    }
    return new Import();
  }

  /**
   * The ARN of the phone number.
   *
   * @attribute
   */
  public readonly phoneNumberArn: string;

  /**
   * The id of the phone number.
   *
   * @attribute
   */
  public readonly phoneNumberId: string;

  /**
   * The phone number in E.164 form, such as `+12065550100`.
   *
   * @attribute
   */
  public readonly address: string;

  /**
   * The ARN of the instance or traffic distribution group the number is claimed to.
   */
  public readonly targetArn: string;

  /**
   * The ARN of the instance the number is claimed to.
   *
   * @default - the number is claimed to a traffic distribution group
   */
  public readonly instanceArn?: string;

  /**
   * The tags of a number claimed with `phoneNumber` (set them with `Tags.of`); a number claimed by country and
   * type takes its tags on its `AWS::Connect::PhoneNumber`.
   */
  public readonly cdkTagManager: TagManager;

  constructor(scope: Construct, id: string, props: PhoneNumberProps) {
    super(scope, id);

    this.validateProps(props);
    this.cdkTagManager = new TagManager(TagType.MAP, CLAIMED_PHONE_NUMBER_TYPE);
    this.targetArn = props.target.targetArn;
    this.instanceArn = props.target.targetInstance?.instanceArn;

    if (props.phoneNumber !== undefined) {
      const resource = this.claimByAddress(props, props.phoneNumber);
      this.phoneNumberArn = resource.getAttString('PhoneNumberArn');
      this.phoneNumberId = resource.getAttString('PhoneNumberId');
      this.address = resource.getAttString('Address');
      return;
    }

    const resource = new CfnPhoneNumber(this, 'Resource', {
      targetArn: props.target.targetArn,
      countryCode: props.countryCode,
      type: props.type?.value,
      prefix: props.prefix,
      sourcePhoneNumberArn: props.sourcePhoneNumberArn,
      description: props.description,
    });
    fixLogicalIdAtSynthesis(resource);
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);

    this.phoneNumberArn = resource.attrPhoneNumberArn;
    this.phoneNumberId = parsePhoneNumberArn(this, this.phoneNumberArn);
    this.address = resource.attrAddress;
  }

  /** Claims a specific number through the custom resource (CloudFormation's resource cannot). */
  private claimByAddress(props: PhoneNumberProps, phoneNumber: string) {
    // Claimed numbers get their id only from the claim, so the permissions cover the account's phone numbers.
    const phoneNumbers = Stack.of(this).formatArn({
      service: 'connect',
      resource: 'phone-number',
      resourceName: '*',
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    const resource = connectResource(this, 'Resource', {
      resourceType: CLAIMED_PHONE_NUMBER_TYPE,
      properties: {
        PhoneNumber: phoneNumber,
        TargetArn: props.target.targetArn,
        PhoneNumberDescription: props.description,
        Tags: this.cdkTagManager.renderedTags,
      },
      permissions: [
        // Claiming to a target and moving to another are allowed on the number and on the target.
        { actions: ['connect:ClaimPhoneNumber', 'connect:UpdatePhoneNumber'], resources: [phoneNumbers, props.target.targetArn] },
        {
          actions: [
            'connect:DescribePhoneNumber',
            'connect:ReleasePhoneNumber',
            'connect:UpdatePhoneNumberMetadata',
            'connect:TagResource',
            'connect:UntagResource',
          ],
          resources: [phoneNumbers],
        },
      ],
    });
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);
    return resource;
  }

  private validateProps(props: PhoneNumberProps): void {
    if (props.target.targetInstance === undefined) {
      validatePattern(this, 'traffic distribution group ARN', props.target.targetArn, TRAFFIC_DISTRIBUTION_GROUP_ARN,
        'arn:aws:connect:<region>:<account>:traffic-distribution-group/<uuid>');
    }

    // The props that choose a number to search for, which neither a specific number nor an imported one takes.
    const searchProps = [
      props.countryCode !== undefined ? 'countryCode' : undefined,
      props.type !== undefined ? 'type' : undefined,
      props.prefix !== undefined ? 'prefix' : undefined,
    ].filter((name): name is string => name !== undefined);
    if (props.phoneNumber !== undefined) {
      if (props.sourcePhoneNumberArn !== undefined) {
        fail(this, 'phoneNumber cannot be used with sourcePhoneNumberArn: claim a specific number, or import one');
      }
      if (searchProps.length > 0) {
        fail(this, `${searchProps.join(', ')} cannot be used with phoneNumber (a specific number has its own country and type)`);
      }
      validatePhoneNumber(this, 'phoneNumber', props.phoneNumber);
    } else if (props.sourcePhoneNumberArn !== undefined) {
      if (searchProps.length > 0) {
        fail(this, `${searchProps.join(', ')} cannot be used with sourcePhoneNumberArn (an imported number keeps its own country and type)`);
      }
      if (props.target.targetInstance === undefined) {
        fail(this, 'a number imported with sourcePhoneNumberArn must target an instance, not a traffic distribution group');
      }
      validatePattern(this, 'sourcePhoneNumberArn', props.sourcePhoneNumberArn, ANY_ARN,
        'an ARN such as arn:aws:sms-voice:<region>:<account>:phone-number/<id>');
    } else {
      if (props.countryCode === undefined || props.type === undefined) {
        fail(this, 'countryCode and type are required to claim a phone number (or give phoneNumber to claim a specific '
          + 'one, or sourcePhoneNumberArn to import one)');
      }
      this.validateCountryCode(props.countryCode);
      validatePattern(this, 'type', props.type.value, TYPE_VALUE, 'upper-case letters, digits and underscores, such as DID or TOLL_FREE');
      validatePattern(this, 'prefix', props.prefix, PREFIX, "'+' followed by 1 to 11 digits, such as +1206");
    }

    validateDescription(this, props.description, 500);
  }

  private validateCountryCode(countryCode: string): void {
    if (Token.isUnresolved(countryCode)) {
      return;
    }
    if (!/^[A-Z]{2}$/.test(countryCode)) {
      fail(this, `countryCode must be an ISO 3166-1 alpha-2 code of two upper-case letters, such as US, got '${countryCode}'`);
    }
    if (!PHONE_NUMBER_COUNTRY_CODES.has(countryCode)) {
      fail(this, `countryCode must be a country Amazon Connect offers phone numbers in, got '${countryCode}'`);
    }
  }
}
