import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { connectResource } from '../custom-resources/resource';
import {
  claimInstanceSetting,
  cloudFormationAttributes,
  CLOUDFORMATION_ATTRIBUTE_PROPS,
  isCloudFormationInstance,
} from '../private/instance-settings';
import { fail, validatePattern } from '../private/validation';

/**
 * An attribute of an instance: a feature that is on or off (`InstanceAttributeType` of the Connect API).
 */
export class InstanceAttributeType {
  /** Inbound calls. */
  public static readonly INBOUND_CALLS = new InstanceAttributeType('INBOUND_CALLS');
  /** Outbound calls. */
  public static readonly OUTBOUND_CALLS = new InstanceAttributeType('OUTBOUND_CALLS');
  /** Flow logs in CloudWatch Logs. */
  public static readonly CONTACTFLOW_LOGS = new InstanceAttributeType('CONTACTFLOW_LOGS');
  /** Contact Lens conversational analytics. */
  public static readonly CONTACT_LENS = new InstanceAttributeType('CONTACT_LENS');
  /** The best available Amazon Polly voice for text to speech. */
  public static readonly AUTO_RESOLVE_BEST_VOICES = new InstanceAttributeType('AUTO_RESOLVE_BEST_VOICES');
  /** Custom Amazon Polly text-to-speech voices (for allowlisted accounts only). */
  public static readonly USE_CUSTOM_TTS_VOICES = new InstanceAttributeType('USE_CUSTOM_TTS_VOICES');
  /** Agents hear the audio of outbound calls before they are answered. */
  public static readonly EARLY_MEDIA = new InstanceAttributeType('EARLY_MEDIA');
  /** Up to six parties on a voice call. */
  public static readonly MULTI_PARTY_CONFERENCE = new InstanceAttributeType('MULTI_PARTY_CONFERENCE');
  /** High-volume outbound communications (outbound campaigns). */
  public static readonly HIGH_VOLUME_OUTBOUND = new InstanceAttributeType('HIGH_VOLUME_OUTBOUND');
  /** Supervisors can barge in on and take over calls they monitor. */
  public static readonly ENHANCED_CONTACT_MONITORING = new InstanceAttributeType('ENHANCED_CONTACT_MONITORING');
  /** Supervisors can barge in on and take over chats they monitor. */
  public static readonly ENHANCED_CHAT_MONITORING = new InstanceAttributeType('ENHANCED_CHAT_MONITORING');
  /** Up to six parties in a chat. */
  public static readonly MULTI_PARTY_CHAT_CONFERENCE = new InstanceAttributeType('MULTI_PARTY_CHAT_CONFERENCE');
  /**
   * Chat message streaming: chat messages reach Lex bots and other consumers as they are sent (needed, for example,
   * for Lex bots that answer chats asynchronously; the bot alias's resource policy must then allow
   * `lex:RecognizeMessageAsync` for the instance). The pinned CloudFormation schema of `AWS::Connect::Instance` has
   * no property for it.
   */
  public static readonly MESSAGE_STREAMING = new InstanceAttributeType('MESSAGE_STREAMING');

  /**
   * An attribute type that has no constant here, such as one the Connect API added later.
   *
   * @param value the `AttributeType` value, upper case with underscores
   */
  public static of(value: string): InstanceAttributeType {
    return new InstanceAttributeType(value);
  }

  /** The `AttributeType` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * Properties of an instance attribute.
 */
export interface InstanceAttributeProps {
  /**
   * The instance. For an instance defined in this app, only the attributes CloudFormation cannot set
   * (`MESSAGE_STREAMING`) are allowed here: the others are props of the `Instance`.
   */
  readonly instance: IInstance;

  /**
   * The attribute.
   */
  readonly attributeType: InstanceAttributeType;

  /**
   * Whether the feature is on.
   */
  readonly value: boolean;
}

/**
 * An attribute of an Amazon Connect instance, set through the Connect API (`UpdateInstanceAttribute`): one that
 * `AWS::Connect::Instance` has no property for, or any attribute of an instance that CloudFormation does not manage
 * (an imported one).
 *
 * When the construct is removed (or the stack deleted), the attribute gets back the value it had before the stack
 * set it, unless it was changed out of band since. While it exists, the instance carries a tag
 * `cdk-connect:attribute:<type>` that records the value to restore, so that a retried or moved resource keeps it.
 *
 * An attribute can be set once per instance in an app. `instance.setAttribute(type, value)` is the shorthand.
 *
 * ```ts
 * const instance = Instance.fromInstanceArn(this, 'Instance',
 *   'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555');
 * instance.setAttribute(InstanceAttributeType.CONTACT_LENS, true);
 * ```
 *
 * @resource Custom::ConnectInstanceAttribute
 */
export class InstanceAttribute extends Construct {
  /** The instance. */
  public readonly instance: IInstance;

  /** The attribute. */
  public readonly attributeType: InstanceAttributeType;

  /** Whether the feature is on. */
  public readonly value: boolean;

  constructor(scope: Construct, id: string, props: InstanceAttributeProps) {
    super(scope, id);
    const type = props.attributeType.value;
    if (Token.isUnresolved(type)) {
      fail(this, 'attributeType must be a concrete value, got a token');
    }
    validatePattern(this, 'attributeType', type, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
    const instance = props.instance;
    const prop = CLOUDFORMATION_ATTRIBUTE_PROPS[type];
    if (prop !== undefined && isCloudFormationInstance(instance)) {
      fail(this, `attribute ${type} of an instance defined in this app is its ${prop} prop (CloudFormation sets it); `
        + 'set attributes here only for imported instances or the ones CloudFormation lacks (MESSAGE_STREAMING)');
    }
    claimInstanceSetting(this, instance, `attribute:${type}`, `attribute ${type}`, this.node.path);

    connectResource(this, 'Resource', {
      resourceType: 'Custom::ConnectInstanceAttribute',
      properties: {
        InstanceId: instance.instanceId,
        InstanceArn: instance.instanceArn,
        AttributeType: type,
        Value: props.value ? 'true' : 'false',
        // An update of the instance's own attributes may reset this one (CloudFormation turns off toggles the template
        // leaves out): a change of them updates this resource too, which sets it again.
        InstanceAttributes: cloudFormationAttributes(instance),
      },
      permissions: [{
        actions: [
          'connect:DescribeInstanceAttribute',
          'connect:UpdateInstanceAttribute',
          // The record of the value to restore, a tag on the instance.
          'connect:ListTagsForResource',
          'connect:TagResource',
          'connect:UntagResource',
        ],
        resources: [instance.instanceArn],
      }],
    });

    this.instance = instance;
    this.attributeType = props.attributeType;
    this.value = props.value;
  }
}
