import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/**
 * The attribute types that `AWS::Connect::Instance` manages (the `Attributes` of the pinned CloudFormation schema,
 * plus `AUTO_MUTE_AGENT_ON_HOLD`, which aws-cdk-lib's L1 knows), with the `InstanceProps` member of each.
 *
 * The Connect API's `MESSAGE_STREAMING` is missing from the pinned schema: for an instance defined in the app it is
 * set through the Connect API like any attribute of an imported instance.
 */
export const CLOUDFORMATION_ATTRIBUTE_PROPS: { readonly [attributeType: string]: string } = {
  INBOUND_CALLS: 'inboundCalls',
  OUTBOUND_CALLS: 'outboundCalls',
  CONTACTFLOW_LOGS: 'contactFlowLogs',
  CONTACT_LENS: 'contactLens',
  AUTO_RESOLVE_BEST_VOICES: 'autoResolveBestVoices',
  USE_CUSTOM_TTS_VOICES: 'useCustomTtsVoices',
  EARLY_MEDIA: 'earlyMedia',
  MULTI_PARTY_CONFERENCE: 'multiPartyConference',
  MULTI_PARTY_CHAT_CONFERENCE: 'multiPartyChatConference',
  HIGH_VOLUME_OUTBOUND: 'highVolumeOutbound',
  ENHANCED_CONTACT_MONITORING: 'enhancedContactMonitoring',
  ENHANCED_CHAT_MONITORING: 'enhancedChatMonitoring',
  AUTO_MUTE_AGENT_ON_HOLD: 'autoMuteAgentOnHold',
};

/** The instances CloudFormation manages (defined in the app), with the `Attributes` of their template. */
const MANAGED = new WeakMap<IConstruct, unknown>();

/**
 * Marks an instance as defined in the app: CloudFormation sets its attributes, and updates of them (which may reset
 * attributes the template leaves out) are followed by updates of the attributes set through the API.
 */
export function markCloudFormationInstance(instance: IConstruct, attributes: unknown): void {
  MANAGED.set(instance, attributes);
}

/** Whether CloudFormation manages the instance (it is defined in this app). */
export function isCloudFormationInstance(instance: IConstruct): boolean {
  return MANAGED.has(instance);
}

/** The `Attributes` of an instance defined in the app, or undefined for an imported one. */
export function cloudFormationAttributes(instance: IConstruct): unknown {
  return MANAGED.get(instance);
}

/** Who set what, per app: a setting key (instance and setting) → a description of the setter. */
const CLAIMS = new WeakMap<IConstruct, Map<string, string>>();

/**
 * The key of an instance for the one-setter-per-setting checks: its ARN when it is concrete (so that two imports of
 * the same instance are the same instance), else its construct path.
 */
function instanceKey(instance: IConstruct & { readonly instanceArn: string }): string {
  return Token.isUnresolved(instance.instanceArn) ? `path:${instance.node.path}` : instance.instanceArn;
}

/**
 * Records that `by` sets `setting` of `instance`, failing (at `scope`) when something else in the app already does.
 *
 * @param what how the setting is named in the failure, such as `attribute MESSAGE_STREAMING`
 * @param by how the setter is named in a later failure, such as a construct path
 */
export function claimInstanceSetting(scope: IConstruct, instance: IConstruct & { readonly instanceArn: string },
  setting: string, what: string, by: string): void {
  const root = scope.node.root;
  let claims = CLAIMS.get(root);
  if (!claims) {
    claims = new Map();
    CLAIMS.set(root, claims);
  }
  const key = `${instanceKey(instance)}|${setting}`;
  const existing = claims.get(key);
  if (existing !== undefined) {
    failSetTwice(scope, instance, what, existing);
  }
  claims.set(key, by);
}

/** Fails because a setting of an instance is set a second time. */
export function failSetTwice(scope: IConstruct, instance: IConstruct, what: string, by: string): never {
  fail(scope, `${what} of instance ${instance.node.path} is already set by ${by}; an instance setting can be set once`);
}
