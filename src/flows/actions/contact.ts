import { Duration, Token } from 'aws-cdk-lib';
import { ContactFlow, ContactFlowType, IContactFlow } from '../../constructs/contact-flow';
import { IPredefinedAttribute, PredefinedAttribute } from '../../constructs/predefined-attribute';
import { atMostOneProp, checkJsonPathProp, compact, compactOrUndefined, enabledDisabled, failAction, numberText, trueFalse, wholeSeconds } from '../../private/flow-actions/rendering';
import { failUnscoped } from '../../private/validation';
import { FlowAction } from '../action';
import { FlowRenderContext } from '../context';

/** Renders key/value pairs into an object; fails, naming the action, when a key is given twice. */
function keyedObject<T>(action: FlowAction, what: string, entries: Array<[string, T]>): { [key: string]: T } {
  const result: { [key: string]: T } = {};
  for (const [key, value] of entries) {
    if (Object.prototype.hasOwnProperty.call(result, key)) {
      failAction(action, `sets the ${what} '${key}' twice; give each key once`);
    }
    result[key] = value;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateContactAttributes
// ---------------------------------------------------------------------------------------------------------------------

/**
 * A user-defined contact attribute: a key and the value to store under it.
 *
 * ```ts
 * ContactAttribute.of('greetingPlayed', 'true');
 * ContactAttribute.of('accountId', '$.External.accountId'); // copied from the Lambda function's result
 * ```
 */
export class ContactAttribute {
  /**
   * An attribute with a value: text, or a JSONPath (such as `$.External.accountId` or `$.StoredCustomerInput`) that
   * Amazon Connect resolves when the flow runs.
   *
   * @param key the attribute's key: letters, digits, `-` and `_` (or a JSONPath that names the key at run time)
   * @param value the value to store
   */
  public static of(key: string, value: string): ContactAttribute {
    return new ContactAttribute(key, value);
  }

  /**
   * An attribute whose value is read when the flow runs, from a JSONPath such as `$.External.accountId`.
   *
   * @param key the attribute's key: letters, digits, `-` and `_`
   * @param jsonPath where the value comes from; starts with `$.`
   */
  public static fromJsonPath(key: string, jsonPath: string): ContactAttribute {
    if (!Token.isUnresolved(jsonPath) && !jsonPath.startsWith('$.')) {
      failUnscoped(`contact attribute '${key}' must come from a JSONPath that starts with '$.', got '${jsonPath}'`);
    }
    return new ContactAttribute(key, jsonPath);
  }

  /** The attribute's key. */
  public readonly key: string;

  /** The value, or the JSONPath it is read from. */
  public readonly value: string;

  private constructor(key: string, value: string) {
    this.key = key;
    this.value = value;
  }
}

/**
 * The contact whose attributes an `UpdateContactAttributes` action sets.
 */
export enum TargetContact {
  /** The contact the flow runs for. */
  CURRENT = 'Current',
  /** The contact related to the current one (for example the original contact of a transferred or linked one). */
  RELATED = 'Related',
}

/**
 * Properties of an `UpdateContactAttributes` action.
 */
export interface UpdateContactAttributesProps {
  /**
   * The attributes to set: at least one, each key once. Amazon Connect sets all of them or none.
   *
   * Keys contain letters, digits, `-` and `_`; a contact holds at most 32,768 bytes (UTF-8) of attributes in all.
   */
  readonly attributes: ContactAttribute[];

  /**
   * The contact to set the attributes on (the `TargetContact` parameter).
   *
   * @default - no `TargetContact` is written: Amazon Connect sets them on the current contact
   */
  readonly targetContact?: TargetContact;
}

/**
 * Sets user-defined attributes on the contact (the flow designer's **Set contact attributes** block, user-defined
 * namespace). The attributes stay with the contact: later flows, Lambda functions and the contact record see them.
 *
 * ```ts
 * const remember = new UpdateContactAttributes('Remember', {
 *   attributes: [
 *     ContactAttribute.of('greetingPlayed', 'true'),
 *     ContactAttribute.fromJsonPath('accountId', '$.External.accountId'),
 *   ],
 * });
 * remember.onError(disconnect);
 * ```
 *
 * The action raises `NoMatchingError` (for example when the contact's attributes would exceed 32 KB): route it with
 * `onError()`.
 */
export class UpdateContactAttributes extends FlowAction {
  private readonly props: UpdateContactAttributesProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateContactAttributesProps) {
    super(id, 'UpdateContactAttributes');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return compact({
      Attributes: keyedObject(this, 'contact attribute', this.props.attributes.map(attribute => [attribute.key, attribute.value])),
      TargetContact: this.props.targetContact,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateFlowAttributes
// ---------------------------------------------------------------------------------------------------------------------

/**
 * A flow attribute: a key and the value to store under it, for the rest of the current flow only.
 *
 * ```ts
 * FlowAttribute.of('attempts', '1');
 * ```
 */
export class FlowAttribute {
  /**
   * A flow attribute with a value: text, or a JSONPath that Amazon Connect resolves when the flow runs.
   *
   * @param key the attribute's key, read back as `$.FlowAttributes.<key>`
   * @param value the value to store
   */
  public static of(key: string, value: string): FlowAttribute {
    return new FlowAttribute(key, value);
  }

  /** The attribute's key. */
  public readonly key: string;

  /** The value, or the JSONPath it is read from. */
  public readonly value: string;

  private constructor(key: string, value: string) {
    this.key = key;
    this.value = value;
  }
}

/**
 * Properties of an `UpdateFlowAttributes` action.
 */
export interface UpdateFlowAttributesProps {
  /**
   * The flow attributes to set: at least one, each key once. Amazon Connect sets all of them or none.
   */
  readonly attributes: FlowAttribute[];
}

/**
 * Sets flow attributes: values that live only while the current flow runs (the flow designer's **Set contact
 * attributes** block, flow namespace). Unlike contact attributes they are not passed on to the next flow and not kept
 * in the contact record; read them as `$.FlowAttributes.<key>`.
 *
 * ```ts
 * const count = new UpdateFlowAttributes('CountAttempt', {
 *   attributes: [FlowAttribute.of('attempts', '1')],
 * });
 * count.next(greeting);
 * ```
 *
 * The flow language documents no error for this action; an error branch (`onError()`) may be given.
 */
export class UpdateFlowAttributes extends FlowAction {
  private readonly props: UpdateFlowAttributesProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateFlowAttributesProps) {
    super(id, 'UpdateFlowAttributes');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {
      FlowAttributes: keyedObject(this, 'flow attribute', this.props.attributes.map(attribute => [
        attribute.key, { Value: attribute.value, Type: 'String' },
      ])),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateContactRecordingBehavior
// ---------------------------------------------------------------------------------------------------------------------

/**
 * A participant of a contact whose side of the conversation is recorded.
 */
export enum RecordedParticipant {
  /** The agent. */
  AGENT = 'Agent',
  /** The customer. */
  CUSTOMER = 'Customer',
}

/**
 * Which transcripts and recordings Contact Lens produces when it redacts sensitive data.
 */
export enum RedactionResults {
  /** Both the redacted and the original transcript and audio. */
  REDACTED_AND_ORIGINAL = 'RedactedAndOriginal',
  /** Only the redacted transcript and audio. */
  REDACTED_ONLY = 'RedactedOnly',
}

/**
 * How Contact Lens replaces the sensitive data it redacts.
 */
export enum RedactionMaskMode {
  /** Every redacted entity becomes `[PII]` (the default). */
  PII = 'PII',
  /** Every redacted entity becomes its type, such as `[NAME]`. */
  ENTITY_TYPE = 'EntityType',
}

/**
 * When Contact Lens analyzes a voice contact.
 */
export enum VoiceAnalyticsMode {
  /** While the contact is in progress. */
  REAL_TIME = 'RealTime',
  /** After the contact has ended. */
  POST_CONTACT = 'PostContact',
}

/**
 * A type of sensitive data that Contact Lens redacts.
 *
 * ```ts
 * const entities = [RedactionEntity.CREDIT_DEBIT_NUMBER, RedactionEntity.SSN, RedactionEntity.of('NEW_ENTITY')];
 * ```
 */
export class RedactionEntity {
  /** Bank account numbers. */
  public static readonly BANK_ACCOUNT_NUMBER = new RedactionEntity('BANK_ACCOUNT_NUMBER');
  /** Bank routing numbers. */
  public static readonly BANK_ROUTING = new RedactionEntity('BANK_ROUTING');
  /** Credit and debit card numbers. */
  public static readonly CREDIT_DEBIT_NUMBER = new RedactionEntity('CREDIT_DEBIT_NUMBER');
  /** Card verification codes. */
  public static readonly CREDIT_DEBIT_CVV = new RedactionEntity('CREDIT_DEBIT_CVV');
  /** Card expiry dates. */
  public static readonly CREDIT_DEBIT_EXPIRY = new RedactionEntity('CREDIT_DEBIT_EXPIRY');
  /** International bank account numbers (IBAN). */
  public static readonly INTERNATIONAL_BANK_ACCOUNT_NUMBER = new RedactionEntity('INTERNATIONAL_BANK_ACCOUNT_NUMBER');
  /** PINs. */
  public static readonly PIN = new RedactionEntity('PIN');
  /** SWIFT codes. */
  public static readonly SWIFT_CODE = new RedactionEntity('SWIFT_CODE');
  /** Canadian health numbers. */
  public static readonly CA_HEALTH_NUMBER = new RedactionEntity('CA_HEALTH_NUMBER');
  /** UK National Health Service numbers. */
  public static readonly UK_NATIONAL_HEALTH_SERVICE_NUMBER = new RedactionEntity('UK_NATIONAL_HEALTH_SERVICE_NUMBER');
  /** Canadian social insurance numbers. */
  public static readonly CA_SOCIAL_INSURANCE_NUMBER = new RedactionEntity('CA_SOCIAL_INSURANCE_NUMBER');
  /** US social security numbers. */
  public static readonly SSN = new RedactionEntity('SSN');
  /** UK National Insurance numbers. */
  public static readonly UK_NATIONAL_INSURANCE_NUMBER = new RedactionEntity('UK_NATIONAL_INSURANCE_NUMBER');
  /** Passport numbers. */
  public static readonly PASSPORT_NUMBER = new RedactionEntity('PASSPORT_NUMBER');
  /** Driver's license numbers. */
  public static readonly DRIVER_ID = new RedactionEntity('DRIVER_ID');
  /** Indian Aadhaar numbers. */
  public static readonly IN_AADHAAR = new RedactionEntity('IN_AADHAAR');
  /** Names. */
  public static readonly NAME = new RedactionEntity('NAME');
  /** Ages. */
  public static readonly AGE = new RedactionEntity('AGE');
  /** Email addresses. */
  public static readonly EMAIL = new RedactionEntity('EMAIL');
  /** Phone numbers. */
  public static readonly PHONE = new RedactionEntity('PHONE');
  /** Postal addresses. */
  public static readonly ADDRESS = new RedactionEntity('ADDRESS');
  /** US individual taxpayer identification numbers. */
  public static readonly US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER = new RedactionEntity('US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER');
  /** UK unique taxpayer reference numbers. */
  public static readonly UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER = new RedactionEntity('UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER');
  /** Indian permanent account numbers. */
  public static readonly IN_PERMANENT_ACCOUNT_NUMBER = new RedactionEntity('IN_PERMANENT_ACCOUNT_NUMBER');
  /** Indian NREGA job card numbers. */
  public static readonly IN_NREGA = new RedactionEntity('IN_NREGA');
  /** AWS access key ids. */
  public static readonly AWS_ACCESS_KEY = new RedactionEntity('AWS_ACCESS_KEY');
  /** AWS secret access keys. */
  public static readonly AWS_SECRET_KEY = new RedactionEntity('AWS_SECRET_KEY');
  /** IP addresses. */
  public static readonly IP_ADDRESS = new RedactionEntity('IP_ADDRESS');
  /** MAC addresses. */
  public static readonly MAC_ADDRESS = new RedactionEntity('MAC_ADDRESS');
  /** Passwords. */
  public static readonly PASSWORD = new RedactionEntity('PASSWORD');
  /** URLs. */
  public static readonly URL = new RedactionEntity('URL');
  /** User names. */
  public static readonly USERNAME = new RedactionEntity('USERNAME');
  /** Vehicle license plates. */
  public static readonly LICENSE_PLATE = new RedactionEntity('LICENSE_PLATE');
  /** Vehicle identification numbers. */
  public static readonly VEHICLE_IDENTIFICATION_NUMBER = new RedactionEntity('VEHICLE_IDENTIFICATION_NUMBER');
  /** Indian voter numbers. */
  public static readonly IN_VOTER_NUMBER = new RedactionEntity('IN_VOTER_NUMBER');
  /** Dates and times. */
  public static readonly DATE_TIME = new RedactionEntity('DATE_TIME');
  /** The agent's display name. */
  public static readonly AGENT_DISPLAY_NAME = new RedactionEntity('AGENT_DISPLAY_NAME');
  /** The customer's display name. */
  public static readonly CUSTOMER_DISPLAY_NAME = new RedactionEntity('CUSTOMER_DISPLAY_NAME');
  /** Names of attachments. */
  public static readonly ATTACHMENT_NAME = new RedactionEntity('ATTACHMENT_NAME');

  /**
   * An entity type by its Contact Lens name, for types this library does not name yet.
   *
   * @param entityType the entity type, such as `BANK_ACCOUNT_NUMBER`
   */
  public static of(entityType: string): RedactionEntity {
    return new RedactionEntity(entityType);
  }

  /** The entity type as the flow language writes it, such as `BANK_ACCOUNT_NUMBER`. */
  public readonly entityType: string;

  private constructor(entityType: string) {
    this.entityType = entityType;
  }
}

/**
 * What Contact Lens analyzes in a contact that an `UpdateContactRecordingBehavior` action records.
 */
export interface ContactLensAnalyticsOptions {
  /**
   * Whether Contact Lens analyzes the contact.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The language the customer and the agent speak, as `xx-XX` (for example `en-US`); one of the languages Contact
   * Lens supports.
   *
   * @default - not set
   */
  readonly language?: string;

  /**
   * Whether Contact Lens redacts sensitive data, such as personal information, in its output and in the recording.
   *
   * @default - not set: Amazon Connect does not redact
   */
  readonly redaction?: boolean;

  /**
   * Which transcripts and recordings to keep when redacting.
   *
   * @default - not set
   */
  readonly redactionResults?: RedactionResults;

  /**
   * How to replace the redacted data.
   *
   * @default - not set: `RedactionMaskMode.PII`
   */
  readonly redactionMaskMode?: RedactionMaskMode;

  /**
   * The types of sensitive data to redact (at least one when given).
   *
   * @default - every type of personal information
   */
  readonly redactionEntities?: RedactionEntity[];

  /**
   * When to analyze voice contacts.
   *
   * @default - not set
   */
  readonly voiceAnalyticsModes?: VoiceAnalyticsMode[];

  /**
   * Whether Contact Lens analyzes chat contacts (conversational analytics for chat).
   *
   * @default false
   */
  readonly chatAnalytics?: boolean;

  /**
   * Whether Contact Lens writes a summary of the contact after it ends.
   *
   * @default false
   */
  readonly postContactSummary?: boolean;

  /**
   * Whether Contact Lens analyzes the sentiment of the conversation.
   *
   * @default - not set
   */
  readonly sentimentAnalysis?: boolean;
}

/**
 * Properties of an `UpdateContactRecordingBehavior` action.
 */
export interface UpdateContactRecordingBehaviorProps {
  /**
   * The participants whose voice is recorded once the contact is joined with an agent; an empty list stops recording.
   */
  readonly recordedParticipants: RecordedParticipant[];

  /**
   * Whether the agent's screen is recorded (agent screen recording must be set up for the instance).
   *
   * @default - not set: unchanged
   */
  readonly screenRecording?: boolean;

  /**
   * Whether the automated part of the contact (the customer with the flow, prompts or a bot) is recorded too.
   *
   * @default - not set: unchanged
   */
  readonly ivrRecording?: boolean;

  /**
   * Contact Lens analytics of the recorded contact. Needs both the agent and the customer recorded; voice only.
   *
   * @default - no analytics settings
   */
  readonly analytics?: ContactLensAnalyticsOptions;
}

/**
 * Sets how the contact is recorded and analyzed (the flow designer's **Set recording and analytics behavior** block):
 * which participants are recorded, screen and IVR recording, and Contact Lens analytics.
 *
 * ```ts
 * const record = new UpdateContactRecordingBehavior('Record', {
 *   recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],
 *   analytics: {
 *     language: 'en-US',
 *     voiceAnalyticsModes: [VoiceAnalyticsMode.REAL_TIME],
 *     redaction: true,
 *     redactionEntities: [RedactionEntity.CREDIT_DEBIT_NUMBER],
 *   },
 * });
 * ```
 *
 * Usable in inbound, customer queue, outbound whisper and transfer flows (and flow modules); not in other whisper or
 * hold flows.
 */
export class UpdateContactRecordingBehavior extends FlowAction {
  private readonly props: UpdateContactRecordingBehaviorProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateContactRecordingBehaviorProps) {
    super(id, 'UpdateContactRecordingBehavior');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    const props = this.props;
    const analytics = props.analytics;
    return compactOrUndefined({
      RecordingBehavior: compactOrUndefined({
        RecordedParticipants: [...props.recordedParticipants],
        ScreenRecordedParticipants: props.screenRecording === undefined ? undefined : props.screenRecording ? [RecordedParticipant.AGENT] : [],
        IVRRecordingBehavior: enabledDisabled(props.ivrRecording),
      }),
      AnalyticsBehavior: analytics && compactOrUndefined({
        Enabled: trueFalse(analytics.enabled ?? true),
        AnalyticsLanguage: analytics.language,
        AnalyticsRedactionBehavior: enabledDisabled(analytics.redaction),
        AnalyticsRedactionResults: analytics.redactionResults,
        AnalyticsRedactionMaskMode: analytics.redactionMaskMode,
        AnalyticsRedactionEntities: analytics.redactionEntities?.map(entity => entity.entityType),
        ChannelConfiguration: compactOrUndefined({
          Chat: analytics.chatAnalytics ? { AnalyticsModes: ['ContactLens'] } : undefined,
          Voice: analytics.voiceAnalyticsModes && { AnalyticsModes: [...analytics.voiceAnalyticsModes] },
        }),
        SummaryConfiguration: analytics.postContactSummary ? { SummaryModes: ['PostContact'] } : undefined,
        SentimentConfiguration: analytics.sentimentAnalysis === undefined ? undefined : { Enabled: trueFalse(analytics.sentimentAnalysis) },
      }),
    }) ?? {};
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateContactEventHooks
// ---------------------------------------------------------------------------------------------------------------------

/**
 * An event of a contact that runs a flow (an event hook).
 */
export enum ContactEventHook {
  /** The customer waits in a queue: needs a flow of type `CUSTOMER_QUEUE` (the **Set customer queue flow** block). */
  CUSTOMER_QUEUE = 'CustomerQueue',
  /** The customer is put on hold: needs a `CUSTOMER_HOLD` flow (the **Set hold flow** block). */
  CUSTOMER_HOLD = 'CustomerHold',
  /** The agent is put on hold: needs an `AGENT_HOLD` flow (the **Set hold flow** block). */
  AGENT_HOLD = 'AgentHold',
  /** The customer is joined with the agent: needs a `CUSTOMER_WHISPER` flow (the **Set whisper flow** block). */
  CUSTOMER_WHISPER = 'CustomerWhisper',
  /** The agent is joined with the customer: needs an `AGENT_WHISPER` flow (the **Set whisper flow** block). */
  AGENT_WHISPER = 'AgentWhisper',
  /** The agent disconnects while the customer remains: the disconnect flow (the **Set disconnect flow** block). */
  CUSTOMER_REMAINING = 'CustomerRemaining',
  /** The contact arrives in the agent workspace: for example a step-by-step guide (the **Set event flow** block). */
  DEFAULT_AGENT_UI = 'DefaultAgentUI',
  /** The contact open in the agent workspace ends (the **Set event flow** block). */
  DISCONNECT_AGENT_UI = 'DisconnectAgentUI',
  /** The contact is paused (the **Set event flow** block). */
  PAUSE_CONTACT = 'PauseContact',
  /** The contact resumes from a pause (the **Set event flow** block). */
  RESUME_CONTACT = 'ResumeContact',
}

/** The flow type each hook runs, where the documentation is clear about it. */
const HOOK_FLOW_TYPES: Partial<Record<ContactEventHook, ContactFlowType>> = {
  [ContactEventHook.CUSTOMER_QUEUE]: ContactFlowType.CUSTOMER_QUEUE,
  [ContactEventHook.CUSTOMER_HOLD]: ContactFlowType.CUSTOMER_HOLD,
  [ContactEventHook.AGENT_HOLD]: ContactFlowType.AGENT_HOLD,
  [ContactEventHook.CUSTOMER_WHISPER]: ContactFlowType.CUSTOMER_WHISPER,
  [ContactEventHook.AGENT_WHISPER]: ContactFlowType.AGENT_WHISPER,
};

/**
 * Properties of an `UpdateContactEventHooks` action.
 */
export interface UpdateContactEventHooksProps {
  /**
   * The event whose flow to set. One action sets one hook.
   */
  readonly eventHook: ContactEventHook;

  /**
   * The flow to run on the event. A flow defined in the app must be of the type the hook runs (a `CUSTOMER_QUEUE`
   * flow for `ContactEventHook.CUSTOMER_QUEUE`, and so on).
   *
   * Give either `flow` or `flowJsonPath`.
   *
   * @default - none: give `flowJsonPath`
   */
  readonly flow?: IContactFlow;

  /**
   * A JSONPath (such as `$.Attributes.queueFlowArn`) to the ID or ARN of the flow to run, read when the flow runs.
   *
   * @default - none: give `flow`
   */
  readonly flowJsonPath?: string;
}

/**
 * Sets the flow that runs on an event of the contact (the flow designer's **Set customer queue flow**, **Set hold
 * flow**, **Set whisper flow**, **Set disconnect flow** and **Set event flow** blocks).
 *
 * ```ts
 * declare const queueMusic: ContactFlow; // a CUSTOMER_QUEUE flow
 * const setQueueFlow = new UpdateContactEventHooks('SetQueueFlow', {
 *   eventHook: ContactEventHook.CUSTOMER_QUEUE,
 *   flow: queueMusic,
 * });
 * setQueueFlow.onError(disconnect);
 * ```
 *
 * Synthesis fails when a flow defined in the app is not of the type the hook runs, and when the hook's block cannot
 * be used in the type of the flow the action is in (a customer queue flow is set in inbound and transfer flows, a
 * hold flow in inbound, customer queue, outbound whisper and transfer flows, a whisper flow in inbound, customer
 * queue and transfer flows; the latter rule applies to flow language documents too). Its error (`NoMatchingError`)
 * must be routed with `onError()`.
 */
export class UpdateContactEventHooks extends FlowAction {
  private readonly props: UpdateContactEventHooksProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateContactEventHooksProps) {
    super(id, 'UpdateContactEventHooks');
    atMostOneProp(this, ['flow', props.flow], ['flowJsonPath', props.flowJsonPath]);
    checkJsonPathProp(this, 'flowJsonPath', props.flowJsonPath);
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const { eventHook, flow, flowJsonPath } = this.props;
    const expected = HOOK_FLOW_TYPES[eventHook];
    if (flow instanceof ContactFlow && expected !== undefined && flow.contactFlowType !== expected) {
      context.fail(this, `sets the ${eventHook} event hook to the flow '${flow.node.path}' of type ${flow.contactFlowType}; the ${eventHook} hook runs a ${expected} flow`);
    }
    const target = flow !== undefined ? context.reference(this, 'flow', flow, flow.contactFlowArn) : flowJsonPath;
    return { EventHooks: { [eventHook]: target } };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateContactTextToSpeechVoice
// ---------------------------------------------------------------------------------------------------------------------

/**
 * An Amazon Polly voice for text-to-speech, with the language it speaks.
 *
 * Amazon Polly keeps adding voices: use `TextToSpeechVoice.of('Name', 'xx-XX')` for one this library does not name.
 *
 * ```ts
 * TextToSpeechVoice.JOANNA;
 * TextToSpeechVoice.of('Danielle', 'en-US');
 * TextToSpeechVoice.fromJsonPath('$.Attributes.voice');
 * ```
 */
export class TextToSpeechVoice {
  /** Joanna, US English (the voice Amazon Connect uses when no voice is set). */
  public static readonly JOANNA = new TextToSpeechVoice('Joanna', 'en-US');
  /** Matthew, US English. */
  public static readonly MATTHEW = new TextToSpeechVoice('Matthew', 'en-US');
  /** Ivy, US English. */
  public static readonly IVY = new TextToSpeechVoice('Ivy', 'en-US');
  /** Kendra, US English. */
  public static readonly KENDRA = new TextToSpeechVoice('Kendra', 'en-US');
  /** Kimberly, US English. */
  public static readonly KIMBERLY = new TextToSpeechVoice('Kimberly', 'en-US');
  /** Salli, US English. */
  public static readonly SALLI = new TextToSpeechVoice('Salli', 'en-US');
  /** Joey, US English. */
  public static readonly JOEY = new TextToSpeechVoice('Joey', 'en-US');
  /** Justin, US English. */
  public static readonly JUSTIN = new TextToSpeechVoice('Justin', 'en-US');
  /** Kevin, US English. */
  public static readonly KEVIN = new TextToSpeechVoice('Kevin', 'en-US');
  /** Ruth, US English. */
  public static readonly RUTH = new TextToSpeechVoice('Ruth', 'en-US');
  /** Stephen, US English. */
  public static readonly STEPHEN = new TextToSpeechVoice('Stephen', 'en-US');
  /** Danielle, US English. */
  public static readonly DANIELLE = new TextToSpeechVoice('Danielle', 'en-US');
  /** Gregory, US English. */
  public static readonly GREGORY = new TextToSpeechVoice('Gregory', 'en-US');
  /** Amy, British English. */
  public static readonly AMY = new TextToSpeechVoice('Amy', 'en-GB');
  /** Emma, British English. */
  public static readonly EMMA = new TextToSpeechVoice('Emma', 'en-GB');
  /** Brian, British English. */
  public static readonly BRIAN = new TextToSpeechVoice('Brian', 'en-GB');
  /** Arthur, British English. */
  public static readonly ARTHUR = new TextToSpeechVoice('Arthur', 'en-GB');
  /** Nicole, Australian English. */
  public static readonly NICOLE = new TextToSpeechVoice('Nicole', 'en-AU');
  /** Olivia, Australian English. */
  public static readonly OLIVIA = new TextToSpeechVoice('Olivia', 'en-AU');
  /** Russell, Australian English. */
  public static readonly RUSSELL = new TextToSpeechVoice('Russell', 'en-AU');
  /** Raveena, Indian English. */
  public static readonly RAVEENA = new TextToSpeechVoice('Raveena', 'en-IN');
  /** Aditi, Hindi (and Indian English). */
  public static readonly ADITI = new TextToSpeechVoice('Aditi', 'hi-IN');
  /** Kajal, Hindi (and Indian English). */
  public static readonly KAJAL = new TextToSpeechVoice('Kajal', 'hi-IN');
  /** Lupe, US Spanish. */
  public static readonly LUPE = new TextToSpeechVoice('Lupe', 'es-US');
  /** Penelope, US Spanish. */
  public static readonly PENELOPE = new TextToSpeechVoice('Penelope', 'es-US');
  /** Miguel, US Spanish. */
  public static readonly MIGUEL = new TextToSpeechVoice('Miguel', 'es-US');
  /** Pedro, US Spanish. */
  public static readonly PEDRO = new TextToSpeechVoice('Pedro', 'es-US');
  /** Conchita, Castilian Spanish. */
  public static readonly CONCHITA = new TextToSpeechVoice('Conchita', 'es-ES');
  /** Lucia, Castilian Spanish. */
  public static readonly LUCIA = new TextToSpeechVoice('Lucia', 'es-ES');
  /** Enrique, Castilian Spanish. */
  public static readonly ENRIQUE = new TextToSpeechVoice('Enrique', 'es-ES');
  /** Sergio, Castilian Spanish. */
  public static readonly SERGIO = new TextToSpeechVoice('Sergio', 'es-ES');
  /** Mia, Mexican Spanish. */
  public static readonly MIA = new TextToSpeechVoice('Mia', 'es-MX');
  /** Andres, Mexican Spanish. */
  public static readonly ANDRES = new TextToSpeechVoice('Andres', 'es-MX');
  /** Celine, French. */
  public static readonly CELINE = new TextToSpeechVoice('Celine', 'fr-FR');
  /** Lea, French. */
  public static readonly LEA = new TextToSpeechVoice('Lea', 'fr-FR');
  /** Mathieu, French. */
  public static readonly MATHIEU = new TextToSpeechVoice('Mathieu', 'fr-FR');
  /** Remi, French. */
  public static readonly REMI = new TextToSpeechVoice('Remi', 'fr-FR');
  /** Chantal, Canadian French. */
  public static readonly CHANTAL = new TextToSpeechVoice('Chantal', 'fr-CA');
  /** Gabrielle, Canadian French. */
  public static readonly GABRIELLE = new TextToSpeechVoice('Gabrielle', 'fr-CA');
  /** Liam, Canadian French. */
  public static readonly LIAM = new TextToSpeechVoice('Liam', 'fr-CA');
  /** Marlene, German. */
  public static readonly MARLENE = new TextToSpeechVoice('Marlene', 'de-DE');
  /** Vicki, German. */
  public static readonly VICKI = new TextToSpeechVoice('Vicki', 'de-DE');
  /** Hans, German. */
  public static readonly HANS = new TextToSpeechVoice('Hans', 'de-DE');
  /** Daniel, German. */
  public static readonly DANIEL = new TextToSpeechVoice('Daniel', 'de-DE');
  /** Carla, Italian. */
  public static readonly CARLA = new TextToSpeechVoice('Carla', 'it-IT');
  /** Bianca, Italian. */
  public static readonly BIANCA = new TextToSpeechVoice('Bianca', 'it-IT');
  /** Giorgio, Italian. */
  public static readonly GIORGIO = new TextToSpeechVoice('Giorgio', 'it-IT');
  /** Adriano, Italian. */
  public static readonly ADRIANO = new TextToSpeechVoice('Adriano', 'it-IT');
  /** Camila, Brazilian Portuguese. */
  public static readonly CAMILA = new TextToSpeechVoice('Camila', 'pt-BR');
  /** Vitoria, Brazilian Portuguese. */
  public static readonly VITORIA = new TextToSpeechVoice('Vitoria', 'pt-BR');
  /** Ricardo, Brazilian Portuguese. */
  public static readonly RICARDO = new TextToSpeechVoice('Ricardo', 'pt-BR');
  /** Thiago, Brazilian Portuguese. */
  public static readonly THIAGO = new TextToSpeechVoice('Thiago', 'pt-BR');
  /** Ines, European Portuguese. */
  public static readonly INES = new TextToSpeechVoice('Ines', 'pt-PT');
  /** Cristiano, European Portuguese. */
  public static readonly CRISTIANO = new TextToSpeechVoice('Cristiano', 'pt-PT');
  /** Mizuki, Japanese. */
  public static readonly MIZUKI = new TextToSpeechVoice('Mizuki', 'ja-JP');
  /** Takumi, Japanese. */
  public static readonly TAKUMI = new TextToSpeechVoice('Takumi', 'ja-JP');
  /** Kazuha, Japanese. */
  public static readonly KAZUHA = new TextToSpeechVoice('Kazuha', 'ja-JP');
  /** Tomoko, Japanese. */
  public static readonly TOMOKO = new TextToSpeechVoice('Tomoko', 'ja-JP');
  /** Seoyeon, Korean. */
  public static readonly SEOYEON = new TextToSpeechVoice('Seoyeon', 'ko-KR');
  /** Zhiyu, Mandarin Chinese. */
  public static readonly ZHIYU = new TextToSpeechVoice('Zhiyu', 'cmn-CN');
  /** Zeina, Arabic. */
  public static readonly ZEINA = new TextToSpeechVoice('Zeina', 'arb');
  /** Hala, Gulf Arabic. */
  public static readonly HALA = new TextToSpeechVoice('Hala', 'ar-AE');
  /** Zayd, Gulf Arabic. */
  public static readonly ZAYD = new TextToSpeechVoice('Zayd', 'ar-AE');
  /** Lotte, Dutch. */
  public static readonly LOTTE = new TextToSpeechVoice('Lotte', 'nl-NL');
  /** Laura, Dutch. */
  public static readonly LAURA = new TextToSpeechVoice('Laura', 'nl-NL');
  /** Ruben, Dutch. */
  public static readonly RUBEN = new TextToSpeechVoice('Ruben', 'nl-NL');

  /**
   * A voice by its Amazon Polly voice ID, for voices this library does not name.
   *
   * @param voiceId the Amazon Polly voice ID, such as `Danielle`
   * @param languageCode the language the voice speaks, such as `en-US` (for documentation only: the flow language
   * takes the voice alone)
   */
  public static of(voiceId: string, languageCode?: string): TextToSpeechVoice {
    return new TextToSpeechVoice(voiceId, languageCode);
  }

  /**
   * A voice read when the flow runs, from a JSONPath such as `$.Attributes.voice`.
   *
   * @param jsonPath where the voice ID comes from; starts with `$.`
   */
  public static fromJsonPath(jsonPath: string): TextToSpeechVoice {
    if (!Token.isUnresolved(jsonPath) && !jsonPath.startsWith('$.')) {
      failUnscoped(`text-to-speech voice must come from a JSONPath that starts with '$.', got '${jsonPath}'`);
    }
    return new TextToSpeechVoice(jsonPath);
  }

  /** The Amazon Polly voice ID (or the JSONPath it is read from). */
  public readonly voiceId: string;

  /**
   * The language the voice speaks, such as `en-US`.
   *
   * @default - unknown
   */
  public readonly languageCode?: string;

  private constructor(voiceId: string, languageCode?: string) {
    this.voiceId = voiceId;
    this.languageCode = languageCode;
  }
}

/**
 * The Amazon Polly engine that speaks the text.
 */
export enum TextToSpeechEngine {
  /** The standard engine. */
  STANDARD = 'Standard',
  /** The neural engine: more natural speech, for the voices that support it. */
  NEURAL = 'Neural',
  /** The generative engine: the most human-like speech, for the voices that support it. */
  GENERATIVE = 'Generative',
}

/**
 * The speaking style of the voice.
 */
export enum TextToSpeechStyle {
  /** No particular style. */
  NONE = 'None',
  /** A conversational style. */
  CONVERSATIONAL = 'Conversational',
  /** A newscaster style. */
  NEWSCASTER = 'Newscaster',
}

/**
 * Properties of an `UpdateContactTextToSpeechVoice` action.
 */
export interface UpdateContactTextToSpeechVoiceProps {
  /**
   * The voice that speaks text to the customer from now on.
   */
  readonly voice: TextToSpeechVoice;

  /**
   * The engine. The voice must support it, or the action takes its error branch.
   *
   * @default - not set: the voice's standard engine
   */
  readonly engine?: TextToSpeechEngine;

  /**
   * The speaking style.
   *
   * @default - not set
   */
  readonly style?: TextToSpeechStyle;
}

/**
 * Sets the Amazon Polly voice, engine and speaking style of text-to-speech for the rest of the contact (the flow
 * designer's **Set voice** block). Without it, Amazon Connect speaks with Joanna.
 *
 * ```ts
 * const voice = new UpdateContactTextToSpeechVoice('Voice', {
 *   voice: TextToSpeechVoice.MATTHEW,
 *   engine: TextToSpeechEngine.GENERATIVE,
 * });
 * voice.onError(greeting);
 * ```
 *
 * The action takes its error branch when the voice or engine is unknown or the voice does not support the engine:
 * route it with `onError()`.
 */
export class UpdateContactTextToSpeechVoice extends FlowAction {
  private readonly props: UpdateContactTextToSpeechVoiceProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateContactTextToSpeechVoiceProps) {
    super(id, 'UpdateContactTextToSpeechVoice');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {
      TextToSpeechVoice: this.props.voice.voiceId,
      TextToSpeechEngine: this.props.engine,
      TextToSpeechStyle: this.props.style,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateFlowLoggingBehavior
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Properties of an `UpdateFlowLoggingBehavior` action.
 */
export interface UpdateFlowLoggingBehaviorProps {
  /**
   * Whether flow logs are written to CloudWatch Logs from now on, for the rest of the contact (until another
   * `UpdateFlowLoggingBehavior` changes it).
   */
  readonly enabled: boolean;
}

/**
 * Turns flow logs on or off (the flow designer's **Set logging behavior** block). Flow logs go to the instance's
 * CloudWatch Logs log group.
 *
 * ```ts
 * const logging = new UpdateFlowLoggingBehavior('Logging', { enabled: true });
 * logging.next(greeting);
 * ```
 */
export class UpdateFlowLoggingBehavior extends FlowAction {
  private readonly props: UpdateFlowLoggingBehaviorProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateFlowLoggingBehaviorProps) {
    super(id, 'UpdateFlowLoggingBehavior');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return { FlowLoggingBehavior: enabledDisabled(this.props.enabled) };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateContactRoutingBehavior
// ---------------------------------------------------------------------------------------------------------------------

/**
 * A change of the contact's routing age: the time Amazon Connect counts it as having waited in the queue. Contacts are
 * routed oldest first, so adding time moves the contact forward and subtracting time moves it back.
 *
 * ```ts
 * QueueTimeAdjustment.add(Duration.minutes(5));
 * QueueTimeAdjustment.subtract(Duration.seconds(30));
 * ```
 */
export class QueueTimeAdjustment {
  /**
   * Adds time to the contact's routing age, moving it forward in the queue.
   *
   * @param duration whole seconds
   */
  public static add(duration: Duration): QueueTimeAdjustment {
    return new QueueTimeAdjustment(duration, 1);
  }

  /**
   * Subtracts time from the contact's routing age, moving it back in the queue.
   *
   * @param duration whole seconds
   */
  public static subtract(duration: Duration): QueueTimeAdjustment {
    return new QueueTimeAdjustment(duration, -1);
  }

  /** How much time is added or subtracted. */
  public readonly duration: Duration;

  /** `1` to add, `-1` to subtract. */
  public readonly sign: number;

  private constructor(duration: Duration, sign: number) {
    this.duration = duration;
    this.sign = sign;
  }
}

/**
 * Properties of an `UpdateContactRoutingBehavior` action. Give exactly one of `queuePriority` and
 * `queueTimeAdjustment`.
 */
export interface UpdateContactRoutingBehaviorProps {
  /**
   * The contact's priority in the queue: 1 is the highest; new contacts have 5.
   *
   * @default - not set: give `queueTimeAdjustment`
   */
  readonly queuePriority?: number;

  /**
   * A change of the contact's routing age, which moves it forward or back among contacts of the same priority.
   *
   * @default - not set: give `queuePriority`
   */
  readonly queueTimeAdjustment?: QueueTimeAdjustment;
}

/**
 * Changes the contact's position in the queue, by priority or by routing age (the flow designer's **Change routing
 * priority / age** block).
 *
 * ```ts
 * const vip = new UpdateContactRoutingBehavior('Vip', { queuePriority: 1 });
 * const later = new UpdateContactRoutingBehavior('Later', {
 *   queueTimeAdjustment: QueueTimeAdjustment.subtract(Duration.minutes(2)),
 * });
 * ```
 *
 * Usable in inbound, customer queue and transfer flows (and flow modules).
 */
export class UpdateContactRoutingBehavior extends FlowAction {
  private readonly props: UpdateContactRoutingBehaviorProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateContactRoutingBehaviorProps) {
    super(id, 'UpdateContactRoutingBehavior');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    const adjustment = this.props.queueTimeAdjustment;
    return {
      QueuePriority: this.props.queuePriority === undefined ? undefined : numberText(this.props.queuePriority),
      QueueTimeAdjustmentSeconds: adjustment === undefined
        ? undefined
        : numberText(adjustment.sign * wholeSeconds(this, 'queueTimeAdjustment', adjustment.duration)),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// UpdateRoutingCriteria
// ---------------------------------------------------------------------------------------------------------------------

/**
 * A requirement of a routing step: the agent's proficiency in a predefined attribute value, at or above a level.
 *
 * ```ts
 * declare const language: IPredefinedAttribute;
 * RoutingProficiency.atLeast(language, 'Spanish', 4);
 * RoutingProficiency.fromName('Technology', 'AWS', 2);
 * ```
 */
export class RoutingProficiency {
  /**
   * The agent's proficiency in a value of a predefined attribute defined in (or imported into) the app.
   *
   * @param attribute the predefined attribute, such as `Language`
   * @param value the attribute's value, such as `Spanish` (1 to 64 characters)
   * @param level the lowest proficiency level the agent may have: 1 to 5
   */
  public static atLeast(attribute: IPredefinedAttribute, value: string, level: number): RoutingProficiency {
    return new RoutingProficiency(attribute.predefinedAttributeName, value, level, attribute);
  }

  /**
   * The agent's proficiency in a value of a predefined attribute given by name.
   *
   * @param attributeName the predefined attribute's name (1 to 64 characters)
   * @param value the attribute's value (1 to 64 characters)
   * @param level the lowest proficiency level the agent may have: 1 to 5
   */
  public static fromName(attributeName: string, value: string, level: number): RoutingProficiency {
    return new RoutingProficiency(attributeName, value, level);
  }

  /** The predefined attribute's name. */
  public readonly attributeName: string;

  /** The attribute's value. */
  public readonly value: string;

  /** The lowest proficiency level the agent may have. */
  public readonly level: number;

  /**
   * The predefined attribute construct, when given.
   *
   * @default - given by name
   */
  public readonly attribute?: IPredefinedAttribute;

  private constructor(attributeName: string, value: string, level: number, attribute?: IPredefinedAttribute) {
    this.attributeName = attributeName;
    this.value = value;
    this.level = level;
    this.attribute = attribute;
  }
}

/**
 * A step of routing criteria: the agents the contact may be routed to while the step lasts.
 */
export interface RoutingCriteriaStep {
  /**
   * What the agent must be proficient in: all of them (at least one).
   */
  readonly proficiencies: RoutingProficiency[];

  /**
   * How long the step lasts before routing moves on to the next step.
   *
   * @default - the step does not expire
   */
  readonly expiry?: Duration;
}

/**
 * Properties of an `UpdateRoutingCriteria` action.
 */
export interface UpdateRoutingCriteriaProps {
  /**
   * The steps, in order (at least one). When no agent meets a step before it expires, routing moves on to the next
   * step; when all steps are exhausted, any agent of the queue may take the contact.
   */
  readonly steps: RoutingCriteriaStep[];
}

/**
 * Sets the contact's routing criteria: steps of agent proficiencies that decide which agents of the queue are offered
 * the contact (the flow designer's **Set routing criteria** block).
 *
 * ```ts
 * declare const language: IPredefinedAttribute;
 * const criteria = new UpdateRoutingCriteria('SpanishFirst', {
 *   steps: [
 *     { proficiencies: [RoutingProficiency.atLeast(language, 'Spanish', 4)], expiry: Duration.seconds(30) },
 *     { proficiencies: [RoutingProficiency.atLeast(language, 'Spanish', 1)] },
 *   ],
 * });
 * criteria.onError(transfer);
 * ```
 *
 * Usable in inbound, customer queue and transfer flows (and flow modules); the error branch must be routed.
 */
export class UpdateRoutingCriteria extends FlowAction {
  private readonly props: UpdateRoutingCriteriaProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: UpdateRoutingCriteriaProps) {
    super(id, 'UpdateRoutingCriteria');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const condition = (proficiency: RoutingProficiency) => {
      const attribute = proficiency.attribute;
      if (attribute !== undefined) {
        context.reference(this, 'predefined attribute', attribute, attribute.predefinedAttributeArn);
        const values = attribute instanceof PredefinedAttribute ? attribute.values : undefined;
        if (values !== undefined && !Token.isUnresolved(proficiency.value) && !values.includes(proficiency.value)) {
          context.fail(this, `requires proficiency in '${proficiency.value}', which is not a value of the predefined attribute '${attribute.node.path}' (values: ${values.join(', ')})`);
        }
        // The name is plain text, not a CloudFormation reference: depend on the attribute explicitly.
        context.dependOn(attribute);
      }
      return {
        AttributeCondition: {
          Name: proficiency.attributeName,
          Value: proficiency.value,
          ProficiencyLevel: proficiency.level,
          ComparisonOperator: 'NumberGreaterOrEqualTo',
        },
      };
    };
    return {
      RoutingCriteria: {
        Steps: this.props.steps.map(step => compactOrUndefined({
          Expression: step.proficiencies.length === 1
            ? condition(step.proficiencies[0])
            : { AndExpression: step.proficiencies.map(condition) },
          Expiry: step.expiry && { DurationInSeconds: wholeSeconds(this, 'the expiry of a routing step', step.expiry) },
        })),
      },
    };
  }
}
