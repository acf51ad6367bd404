import { Duration, IResource, Lazy, Names, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnRule } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { ContactFlowType, IContactFlow } from './contact-flow';
import { IEvaluationForm } from './evaluation-form';
import { IInstance } from './instance';
import { IIntegrationAssociation } from './integration-association';
import { IQueue } from './queue';
import { Channel, IRoutingProfile } from './routing-profile';
import { IUser } from './user';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { durationSeconds, fail, validateCount, validateLength, validatePattern, validateUnique } from '../private/validation';

/**
 * An Amazon Connect rule, defined in this app or imported.
 */
export interface IRule extends IResource, connectRefs.IRuleRef {
  /**
   * The ARN of the rule.
   *
   * @attribute
   */
  readonly ruleArn: string;

  /**
   * The id of the rule.
   *
   * @attribute
   */
  readonly ruleId: string;

  /**
   * The ARN of the instance the rule belongs to.
   */
  readonly instanceArn: string;
}

abstract class RuleBase extends Resource implements IRule {
  public abstract readonly ruleArn: string;
  public abstract readonly ruleId: string;
  public abstract readonly instanceArn: string;

  public get ruleRef(): connectRefs.RuleReference {
    return { ruleArn: this.ruleArn };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Event sources
// ---------------------------------------------------------------------------------------------------------------

/** The event sources this library knows, by the name Amazon Connect gives them. */
const POST_CALL = 'OnPostCallAnalysisAvailable';
const REAL_TIME_CALL = 'OnRealTimeCallAnalysisAvailable';
const REAL_TIME_CHAT = 'OnRealTimeChatAnalysisAvailable';
const POST_CHAT = 'OnPostChatAnalysisAvailable';
const EMAIL_ANALYSIS = 'OnEmailAnalysisAvailable';
const EVALUATION = 'OnContactEvaluationSubmit';
const METRIC_DATA = 'OnMetricDataUpdate';
const ZENDESK_CREATE = 'OnZendeskTicketCreate';
const ZENDESK_STATUS = 'OnZendeskTicketStatusUpdate';
const SALESFORCE_CREATE = 'OnSalesforceCaseCreate';
const CASE_CREATE = 'OnCaseCreate';
const CASE_UPDATE = 'OnCaseUpdate';
const SLA_BREACH = 'OnSlaBreach';

const KNOWN_EVENT_SOURCES: readonly string[] = [
  POST_CALL, REAL_TIME_CALL, REAL_TIME_CHAT, POST_CHAT, EMAIL_ANALYSIS, EVALUATION, METRIC_DATA,
  ZENDESK_CREATE, ZENDESK_STATUS, SALESFORCE_CREATE, CASE_CREATE, CASE_UPDATE, SLA_BREACH,
];

/** Third-party event sources: they need an integration association and a create-task action. */
const THIRD_PARTY_EVENT_SOURCES: readonly string[] = [ZENDESK_CREATE, ZENDESK_STATUS, SALESFORCE_CREATE];

/** Conversational analytics event sources: Amazon Connect requires an assign-contact-category action for them. */
const CONVERSATIONAL_EVENT_SOURCES: readonly string[] = [POST_CALL, REAL_TIME_CALL, REAL_TIME_CHAT, POST_CHAT];

/**
 * The event sources that the API reference's per-action "supported only for" lists were written against.
 * Action compatibility is checked only for these; newer event sources are left to Amazon Connect.
 */
const ACTION_DOCUMENTED_EVENT_SOURCES: readonly string[] = [
  POST_CALL, REAL_TIME_CALL, REAL_TIME_CHAT, POST_CHAT, EVALUATION, METRIC_DATA,
  ZENDESK_CREATE, ZENDESK_STATUS, SALESFORCE_CREATE, CASE_CREATE, CASE_UPDATE,
];

/** The path segment of Contact Lens fields (`$.ContactLens.<segment>.…`) for each event source that has one. */
const CONTACT_LENS_SEGMENTS: { readonly [eventSource: string]: string } = {
  [POST_CALL]: 'PostCall',
  [REAL_TIME_CALL]: 'RealTimeCall',
  [POST_CHAT]: 'PostChat',
  [EVALUATION]: 'ContactEvaluation',
};

/**
 * The event that makes Amazon Connect evaluate a rule.
 *
 * Event sources that come from an integration (Zendesk, Salesforce) take the ARN of the integration
 * association; Amazon Connect Cases event sources take it optionally. Use `RuleTrigger.of` for an event source
 * this library does not list yet.
 *
 * The trigger of a rule cannot be changed in place: changing it replaces the rule.
 *
 * @see https://docs.aws.amazon.com/connect/latest/APIReference/API_RuleTriggerEventSource.html
 */
export class RuleTrigger {
  /** Contact Lens post-call analysis of a voice contact is available (conversational analytics rules). */
  public static readonly ON_POST_CALL_ANALYSIS_AVAILABLE = new RuleTrigger(POST_CALL);

  /** Contact Lens real-time analysis of an ongoing voice contact is available (conversational analytics rules). */
  public static readonly ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE = new RuleTrigger(REAL_TIME_CALL);

  /** Contact Lens real-time analysis of an ongoing chat is available (conversational analytics rules). */
  public static readonly ON_REAL_TIME_CHAT_ANALYSIS_AVAILABLE = new RuleTrigger(REAL_TIME_CHAT);

  /** Contact Lens post-chat analysis is available (conversational analytics rules). */
  public static readonly ON_POST_CHAT_ANALYSIS_AVAILABLE = new RuleTrigger(POST_CHAT);

  /**
   * Contact Lens analysis of an email contact is available.
   *
   * Newer than the CloudFormation resource schema that some linters (cfn-lint) ship with.
   */
  public static readonly ON_EMAIL_ANALYSIS_AVAILABLE = new RuleTrigger(EMAIL_ANALYSIS);

  /** A contact evaluation was submitted (evaluation form rules). */
  public static readonly ON_CONTACT_EVALUATION_SUBMIT = new RuleTrigger(EVALUATION);

  /** Real-time or historical metric data was updated (real-time metrics rules, alerts on metrics). */
  public static readonly ON_METRIC_DATA_UPDATE = new RuleTrigger(METRIC_DATA);

  /**
   * A service level agreement on an Amazon Connect Cases case was breached.
   *
   * Newer than the CloudFormation resource schema that some linters (cfn-lint) ship with.
   */
  public static readonly ON_SLA_BREACH = new RuleTrigger(SLA_BREACH);

  /**
   * A Zendesk ticket was created.
   *
   * @param integrationAssociation the instance's Zendesk integration association (an `EVENT` integration)
   */
  public static onZendeskTicketCreate(integrationAssociation: IIntegrationAssociation): RuleTrigger {
    return RuleTrigger.withAssociation(ZENDESK_CREATE, integrationAssociation);
  }

  /**
   * A Zendesk ticket was created, with the integration association given by its ARN.
   *
   * @param integrationAssociationArn the ARN of the instance's Zendesk integration association
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/integration-association/<id>`)
   */
  public static onZendeskTicketCreateArn(integrationAssociationArn: string): RuleTrigger {
    return new RuleTrigger(ZENDESK_CREATE, integrationAssociationArn);
  }

  /**
   * The status of a Zendesk ticket changed.
   *
   * @param integrationAssociation the instance's Zendesk integration association (an `EVENT` integration)
   */
  public static onZendeskTicketStatusUpdate(integrationAssociation: IIntegrationAssociation): RuleTrigger {
    return RuleTrigger.withAssociation(ZENDESK_STATUS, integrationAssociation);
  }

  /**
   * The status of a Zendesk ticket changed, with the integration association given by its ARN.
   *
   * @param integrationAssociationArn the ARN of the instance's Zendesk integration association
   */
  public static onZendeskTicketStatusUpdateArn(integrationAssociationArn: string): RuleTrigger {
    return new RuleTrigger(ZENDESK_STATUS, integrationAssociationArn);
  }

  /**
   * A Salesforce case was created.
   *
   * @param integrationAssociation the instance's Salesforce integration association (an `EVENT` integration)
   */
  public static onSalesforceCaseCreate(integrationAssociation: IIntegrationAssociation): RuleTrigger {
    return RuleTrigger.withAssociation(SALESFORCE_CREATE, integrationAssociation);
  }

  /**
   * A Salesforce case was created, with the integration association given by its ARN.
   *
   * @param integrationAssociationArn the ARN of the instance's Salesforce integration association
   */
  public static onSalesforceCaseCreateArn(integrationAssociationArn: string): RuleTrigger {
    return new RuleTrigger(SALESFORCE_CREATE, integrationAssociationArn);
  }

  /**
   * An Amazon Connect Cases case was created. The instance must send case events to rules (case event streams
   * with an integration association of the Cases domain).
   *
   * @param integrationAssociation the Cases integration association, if the trigger names one
   */
  public static onCaseCreate(integrationAssociation?: IIntegrationAssociation): RuleTrigger {
    return integrationAssociation === undefined
      ? new RuleTrigger(CASE_CREATE)
      : RuleTrigger.withAssociation(CASE_CREATE, integrationAssociation);
  }

  /**
   * An Amazon Connect Cases case was created, naming the Cases integration association by its ARN.
   *
   * @param integrationAssociationArn the ARN of the Cases integration association
   */
  public static onCaseCreateArn(integrationAssociationArn: string): RuleTrigger {
    return new RuleTrigger(CASE_CREATE, integrationAssociationArn);
  }

  /**
   * An Amazon Connect Cases case was updated. The instance must send case events to rules (case event streams
   * with an integration association of the Cases domain).
   *
   * @param integrationAssociation the Cases integration association, if the trigger names one
   */
  public static onCaseUpdate(integrationAssociation?: IIntegrationAssociation): RuleTrigger {
    return integrationAssociation === undefined
      ? new RuleTrigger(CASE_UPDATE)
      : RuleTrigger.withAssociation(CASE_UPDATE, integrationAssociation);
  }

  /**
   * An Amazon Connect Cases case was updated, naming the Cases integration association by its ARN.
   *
   * @param integrationAssociationArn the ARN of the Cases integration association
   */
  public static onCaseUpdateArn(integrationAssociationArn: string): RuleTrigger {
    return new RuleTrigger(CASE_UPDATE, integrationAssociationArn);
  }

  /**
   * An event source by name, such as one Amazon Connect added after this library was written
   * (`OnSchedulePublish`, ...).
   *
   * Condition helpers that depend on the event source (`RuleCondition.exactMatch`, `RuleFilter.contactPeriodFirst`,
   * ...) know only the event sources this library lists; with others use `RuleCondition.containsAny` and the other
   * field comparisons, or `RuleCondition.raw`.
   *
   * @param eventSourceName the name Amazon Connect gives the event source, such as `OnPostCallAnalysisAvailable`
   * @param integrationAssociationArn the ARN of the integration association the event source needs, if any
   */
  public static of(eventSourceName: string, integrationAssociationArn?: string): RuleTrigger {
    return new RuleTrigger(eventSourceName, integrationAssociationArn);
  }

  private static withAssociation(eventSourceName: string, integrationAssociation: IIntegrationAssociation): RuleTrigger {
    return new RuleTrigger(eventSourceName, integrationAssociation.integrationAssociationArn, integrationAssociation);
  }

  /** The name of the event source, such as `OnPostCallAnalysisAvailable`. */
  public readonly eventSourceName: string;

  /** The ARN of the integration association of the event source, if it has one. */
  public readonly integrationAssociationArn?: string;

  /**
   * The integration association of the event source, when the trigger was given one (rather than its ARN).
   *
   * @default - none: the trigger names no integration association, or names it by ARN
   */
  public readonly integrationAssociation?: IIntegrationAssociation;

  private constructor(eventSourceName: string, integrationAssociationArn?: string, integrationAssociation?: IIntegrationAssociation) {
    this.eventSourceName = eventSourceName;
    this.integrationAssociationArn = integrationAssociationArn;
    this.integrationAssociation = integrationAssociation;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions (the rules function language)
// ---------------------------------------------------------------------------------------------------------------

/** What conditions, filters and actions are rendered for. */
interface RuleContext {
  /** The rule, for error messages. */
  readonly scope: IConstruct;
  readonly eventSourceName: string;
  readonly instanceArn: string;
}

/** The version of the rules function language that Amazon Connect supports. */
const FUNCTION_VERSION = '2022-11-25';

/** Which event sources fields under a path prefix belong to (documented paths only). */
const FIELD_PREFIXES: ReadonlyArray<[string, readonly string[]]> = [
  ['$.ContactLens.PostCall.', [POST_CALL]],
  ['$.ContactLens.RealTimeCall.', [REAL_TIME_CALL]],
  ['$.ContactLens.PostChat.', [POST_CHAT]],
  ['$.ContactLens.ContactEvaluation.', [EVALUATION]],
  ['$.MetricData.', [METRIC_DATA]],
  ['$.ThirdParty.Zendesk.', [ZENDESK_CREATE, ZENDESK_STATUS]],
  ['$.ThirdParty.Salesforce.', [SALESFORCE_CREATE]],
  ['$.Case.', [CASE_CREATE, CASE_UPDATE, SLA_BREACH]],
];

function isKnownEventSource(name: string): boolean {
  return KNOWN_EVENT_SOURCES.includes(name);
}

function listOf(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Checks that a list has at least one item (skipped for tokens). */
function requireItems(scope: IConstruct, what: string, values: readonly unknown[]): void {
  if (!Token.isUnresolved(values) && values.length === 0) {
    fail(scope, `${what} must have at least one item`);
  }
}

/** Checks that a string is not empty (skipped for tokens). */
function requireText(scope: IConstruct, what: string, value: string): void {
  if (!Token.isUnresolved(value) && value.length === 0) {
    fail(scope, `${what} must not be empty`);
  }
}

/** Converts a duration to whole seconds, 1 or more. */
function positiveSeconds(scope: IConstruct, what: string, duration: Duration): number {
  if (duration.isUnresolved()) {
    return durationSeconds(scope, what, duration, 1, Number.MAX_SAFE_INTEGER)!;
  }
  const seconds = duration.toMilliseconds() / 1000;
  if (!Number.isInteger(seconds) || seconds < 1) {
    fail(scope, `${what} must be a whole number of seconds of 1 or more, got ${seconds} seconds`);
  }
  return seconds;
}

/** Checks that the rule's event source is one of `allowed` (known event sources only) and returns it. */
function requireEventSource(ctx: RuleContext, what: string, allowed: readonly string[]): string {
  if (!allowed.includes(ctx.eventSourceName)) {
    fail(ctx.scope, `${what} needs a rule triggered by ${listOf(allowed)}, this rule is triggered by ${ctx.eventSourceName}`);
  }
  return ctx.eventSourceName;
}

/** The `$.ContactLens.<segment>` prefix for the rule's event source, checking it is one of `allowed`. */
function contactLensPrefix(ctx: RuleContext, what: string, allowed: readonly string[]): string {
  return `$.ContactLens.${CONTACT_LENS_SEGMENTS[requireEventSource(ctx, what, allowed)]}`;
}

/**
 * A field of the event that a rule compares, written as the JSON path Amazon Connect documents for the event
 * source, such as `$.ContactLens.PostCall.Queue.QueueId`.
 *
 * @see https://docs.aws.amazon.com/connect/latest/APIReference/rule-function-conditions.html
 */
export class RuleField {
  /** The template of an Amazon Connect Cases case (`$.Case.TemplateId`), for case rules. */
  public static readonly CASE_TEMPLATE = new RuleField('$.Case.TemplateId');

  /** The name of the Amazon Connect Cases SLA that was breached (`$.RelatedItem.SlaConfiguration.Name`). */
  public static readonly SLA_NAME = new RuleField('$.RelatedItem.SlaConfiguration.Name');

  /**
   * A field by its JSON path, which must start with `$.`.
   *
   * Paths under a documented prefix (`$.ContactLens.PostCall.`, `$.MetricData.`, `$.Case.`, `$.ThirdParty.Zendesk.`,
   * ...) are checked against the rule's event source.
   */
  public static of(path: string): RuleField {
    return new RuleField(path);
  }

  /**
   * A metric of a real-time metrics rule (`$.MetricData.<METRIC>`), such as `CONTACTS_IN_QUEUE`,
   * `OLDEST_CONTACT_AGE`, `AGENTS_AVAILABLE` or `AVG_QUEUE_ANSWER_TIME`.
   *
   * @param metricName the metric, in upper case
   */
  public static metric(metricName: string): RuleField {
    return new RuleField(`$.MetricData.${metricName}`, metricName);
  }

  /**
   * A field of an Amazon Connect Cases case (`$.Case.Fields.<fieldId>`), such as `status`, `case_reason`,
   * `assigned_queue` or the id of a custom field.
   */
  public static caseField(fieldId: string): RuleField {
    return new RuleField(`$.Case.Fields.${fieldId}`, undefined, fieldId);
  }

  /** The JSON path of the field. */
  public readonly path: string;

  private readonly metricName?: string;
  private readonly caseFieldId?: string;

  private constructor(path: string, metricName?: string, caseFieldId?: string) {
    this.path = path;
    this.metricName = metricName;
    this.caseFieldId = caseFieldId;
  }

  /**
   * Validates the field for the rule and returns its path.
   *
   * @internal
   */
  public _bind(ctx: RuleContext): string {
    if (Token.isUnresolved(this.path)) {
      return this.path;
    }
    if (this.metricName !== undefined) {
      validatePattern(ctx.scope, 'condition metric', this.metricName, /^[A-Z][A-Z0-9_]*$/,
        'an upper-case metric name such as CONTACTS_IN_QUEUE');
    }
    if (this.caseFieldId !== undefined) {
      validateLength(ctx.scope, 'condition case field id', this.caseFieldId, 1, 500);
    }
    if (!/^\$\..+$/.test(this.path)) {
      fail(ctx.scope, `condition field must be a JSON path starting with '$.', got '${this.path}'`);
    }
    if (isKnownEventSource(ctx.eventSourceName)) {
      const prefix = FIELD_PREFIXES.find(([p]) => this.path.startsWith(p));
      if (prefix && !prefix[1].includes(ctx.eventSourceName)) {
        fail(ctx.scope, `condition field '${this.path}' belongs to rules triggered by ${listOf(prefix[1])}, `
          + `this rule is triggered by ${ctx.eventSourceName}`);
      }
    }
    return this.path;
  }
}

/**
 * Whose part of a conversation a condition looks at.
 */
export enum ParticipantRole {
  /** What the customer said or wrote. */
  CUSTOMER = 'CUSTOMER',
  /** What the agent said or wrote. */
  AGENT = 'AGENT',
  /** What either of them said or wrote. */
  ANY = 'ANY',
}

/**
 * A sentiment that Contact Lens detects.
 */
export enum SentimentState {
  /** Positive sentiment. */
  POSITIVE = 'POSITIVE',
  /** Negative sentiment. */
  NEGATIVE = 'NEGATIVE',
  /** Neutral sentiment. */
  NEUTRAL = 'NEUTRAL',
}

/** The most values Amazon Connect takes in a metric filter (agents, queues, routing profiles). */
const MAX_METRIC_FILTER_VALUES = 25;

/** Metric time windows must be shorter than a day. */
const MAX_METRIC_PERIOD_SECONDS = 86399;

/**
 * A filter that narrows what a condition compares (the condition's `FilterClause`): whose words, which part of the
 * contact, which queues of a metric, ...
 *
 * @see https://docs.aws.amazon.com/connect/latest/APIReference/rule-function-conditions.html
 */
export abstract class RuleFilter {
  /**
   * Looks only at what one participant said or wrote (`ParticipantRole`), for transcript and sentiment conditions.
   */
  public static participant(role: ParticipantRole): RuleFilter {
    return new FilterImpl('ParticipantRole', () => role);
  }

  /**
   * Looks only at the beginning of the contact (`PostCallContactPeriodSeconds` or `PostChatContactPeriodSeconds`
   * with `First`), for post-call and post-chat transcript conditions.
   *
   * @param duration the length of the beginning, in whole seconds
   */
  public static contactPeriodFirst(duration: Duration): RuleFilter {
    return RuleFilter.postContactPeriod('contactPeriodFirst', 'First', duration);
  }

  /**
   * Looks only at the end of the contact (`PostCallContactPeriodSeconds` or `PostChatContactPeriodSeconds` with
   * `Last`), for post-call and post-chat transcript conditions.
   *
   * @param duration the length of the end, in whole seconds
   */
  public static contactPeriodLast(duration: Duration): RuleFilter {
    return RuleFilter.postContactPeriod('contactPeriodLast', 'Last', duration);
  }

  /**
   * Looks only at the most recent part of an ongoing call (`RealTimeCallContactPeriodSeconds` with `Past`), for
   * real-time call sentiment conditions.
   *
   * @param duration how far back to look, in whole seconds
   */
  public static contactPeriodPast(duration: Duration): RuleFilter {
    return new FilterImpl('RealTimeCallContactPeriodSeconds', ctx => {
      requireEventSource(ctx, 'RuleFilter.contactPeriodPast', [REAL_TIME_CALL]);
      return { Past: positiveSeconds(ctx.scope, 'contactPeriodPast', duration) };
    });
  }

  /**
   * The trailing window over which a historical metric is calculated (`MetricDataPeriodSeconds`), for real-time
   * metrics rules on metrics such as `AVG_HANDLE_TIME`, `AVG_QUEUE_ANSWER_TIME` or `SERVICE_LEVEL_X`.
   *
   * @param duration the window, in whole seconds, shorter than a day
   */
  public static metricPeriod(duration: Duration): RuleFilter {
    return new FilterImpl('MetricDataPeriodSeconds', ctx => {
      requireEventSource(ctx, 'RuleFilter.metricPeriod', [METRIC_DATA]);
      return { Past: durationSeconds(ctx.scope, 'metricPeriod', duration, 1, MAX_METRIC_PERIOD_SECONDS) };
    });
  }

  /**
   * Calculates a metric for these queues (`MetricDataFilterByQueue`), at most 25.
   */
  public static metricQueues(queues: IQueue[]): RuleFilter {
    return RuleFilter.metricResources('metricQueues', 'MetricDataFilterByQueue', 'queue',
      queues.map(q => ({ construct: q, id: q.queueId, instanceArn: q.instanceArn })));
  }

  /**
   * Calculates a metric for these routing profiles (`MetricDataFilterByRoutingProfile`), at most 25.
   */
  public static metricRoutingProfiles(routingProfiles: IRoutingProfile[]): RuleFilter {
    return RuleFilter.metricResources('metricRoutingProfiles', 'MetricDataFilterByRoutingProfile', 'routing profile',
      routingProfiles.map(r => ({ construct: r, id: r.routingProfileId, instanceArn: r.instanceArn })));
  }

  /**
   * Calculates a metric for these agents (`MetricDataFilterByAgent`), at most 25.
   */
  public static metricAgents(users: IUser[]): RuleFilter {
    return RuleFilter.metricResources('metricAgents', 'MetricDataFilterByAgent', 'user',
      users.map(u => ({ construct: u, id: u.userId, instanceArn: u.instanceArn })));
  }

  /**
   * Calculates a metric for contacts of these channels only (`MetricDataFilterByChannel`).
   */
  public static metricChannels(channels: Channel[]): RuleFilter {
    return new FilterImpl('MetricDataFilterByChannel', ctx => {
      requireEventSource(ctx, 'RuleFilter.metricChannels', [METRIC_DATA]);
      requireItems(ctx.scope, 'metricChannels', channels);
      validateUnique(ctx.scope, 'metricChannels', channels);
      return channels;
    });
  }

  /**
   * Any filter, by the `Type` and `Data` that the rules function language documents for it, such as
   * `RuleFilter.of('MetricDataFilterByFlow', ['<flow-id>'])`.
   *
   * @param type the filter type
   * @param data the filter data, rendered as JSON
   */
  public static of(type: string, data: any): RuleFilter {
    return new FilterImpl(type, ctx => {
      requireText(ctx.scope, 'filter type', type);
      return data;
    });
  }

  private static postContactPeriod(what: string, key: string, duration: Duration): RuleFilter {
    return new FilterImpl(ctx => {
      const source = requireEventSource(ctx, `RuleFilter.${what}`, [POST_CALL, POST_CHAT]);
      return `${CONTACT_LENS_SEGMENTS[source]}ContactPeriodSeconds`;
    }, ctx => ({ [key]: positiveSeconds(ctx.scope, what, duration) }));
  }

  private static metricResources(what: string, type: string, kind: string,
    resources: Array<{ construct: IConstruct; id: string; instanceArn: string }>): RuleFilter {
    return new FilterImpl(type, ctx => {
      requireEventSource(ctx, `RuleFilter.${what}`, [METRIC_DATA]);
      validateCount(ctx.scope, what, resources, 1, MAX_METRIC_FILTER_VALUES);
      validateUnique(ctx.scope, what, resources.map(r => r.construct.node.path));
      for (const r of resources) {
        validateSameInstance(ctx.scope, `${what} ${kind} '${r.construct.node.path}'`, ctx.instanceArn, r.instanceArn);
      }
      return resources.map(r => r.id);
    });
  }

  protected constructor() {
  }

  /**
   * Renders the filter (`{ Type, Data }`) for the rule.
   *
   * @internal
   */
  public abstract _bind(ctx: RuleContext): { Type: string; Data: any };
}

class FilterImpl extends RuleFilter {
  private readonly type: string | ((ctx: RuleContext) => string);
  private readonly data: (ctx: RuleContext) => any;

  constructor(type: string | ((ctx: RuleContext) => string), data: (ctx: RuleContext) => any) {
    super();
    this.type = type;
    this.data = data;
  }

  public _bind(ctx: RuleContext): { Type: string; Data: any } {
    const type = typeof this.type === 'string' ? this.type : this.type(ctx);
    return { Type: type, Data: this.data(ctx) };
  }
}

/**
 * Options of a condition.
 */
export interface RuleConditionOptions {
  /**
   * Looks only at what this participant said or wrote (a `ParticipantRole` filter), for transcript and sentiment
   * conditions.
   *
   * @default - no participant filter (Amazon Connect's default for the condition)
   */
  readonly participant?: ParticipantRole;

  /**
   * Further filters of the condition (its `FilterClause`, combined with AND). Each filter type at most once.
   *
   * @default - no further filters
   */
  readonly filters?: RuleFilter[];
}

/** A comparison in the rules function language, before rendering. */
interface ComparisonSpec {
  /** How the condition was made, for error messages, such as `exactMatch`. */
  readonly what: string;
  readonly operator: string;
  readonly field: (ctx: RuleContext) => string;
  readonly operands: (ctx: RuleContext) => Array<string | number>;
  readonly options?: RuleConditionOptions;
}

/**
 * A condition of a rule, in the Amazon Connect rules function language: comparisons of the event's fields
 * (keywords in a transcript, sentiment, queues, contact attributes, metrics, case fields, ...) combined with
 * `allOf`, `anyOf` and `negate`.
 *
 * Conditions that depend on the event source (`exactMatch`, `sentiment`, `queues`, ...) render the field path for
 * the rule's trigger and fail at synth time when the trigger has no such field. `RuleCondition.raw` takes a whole
 * rule function as JSON for what the helpers do not cover (pattern match, compound evaluation form conditions,
 * ...).
 *
 * ```ts
 * RuleCondition.allOf(
 *   RuleCondition.exactMatch(['cancel', 'close my account'], { participant: ParticipantRole.CUSTOMER }),
 *   RuleCondition.sentiment(SentimentState.NEGATIVE, { participant: ParticipantRole.CUSTOMER }),
 * );
 * ```
 *
 * @see https://docs.aws.amazon.com/connect/latest/APIReference/connect-rules-language.html
 */
export abstract class RuleCondition {
  /**
   * The field contains any of the values (`CONTAINS_ANY`).
   *
   * @param field the field, such as `RuleField.caseField('assigned_queue')`
   * @param values one or more values, unique
   */
  public static containsAny(field: RuleField, values: string[], options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what: 'containsAny',
      operator: 'CONTAINS_ANY',
      field: ctx => field._bind(ctx),
      operands: ctx => checkedValues(ctx, 'containsAny', values),
      options,
    });
  }

  /**
   * The field contains the value (`CONTAINS`), for text fields of third-party and case rules.
   */
  public static contains(field: RuleField, value: string, options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what: 'contains',
      operator: 'CONTAINS',
      field: ctx => field._bind(ctx),
      operands: ctx => checkedValues(ctx, 'contains', [value]),
      options,
    });
  }

  /**
   * The field equals the value (`EQUALS`).
   */
  public static equalTo(field: RuleField, value: string, options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what: 'equalTo',
      operator: 'EQUALS',
      field: ctx => field._bind(ctx),
      operands: () => [value],
      options,
    });
  }

  /**
   * The field has no value (`EQUALS` with no operands), such as a contact that was never in a queue.
   */
  public static hasNoValue(field: RuleField, options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what: 'hasNoValue',
      operator: 'EQUALS',
      field: ctx => field._bind(ctx),
      operands: () => [],
      options,
    });
  }

  /**
   * The field is greater than or equal to the value (`NumberGreaterOrEqualTo`).
   */
  public static atLeast(field: RuleField, value: number, options?: RuleConditionOptions): RuleCondition {
    return RuleCondition.numberComparison('atLeast', 'NumberGreaterOrEqualTo', ctx => field._bind(ctx), value, options);
  }

  /**
   * The field is less than or equal to the value (`NumberLessOrEqualTo`).
   */
  public static atMost(field: RuleField, value: number, options?: RuleConditionOptions): RuleCondition {
    return RuleCondition.numberComparison('atMost', 'NumberLessOrEqualTo', ctx => field._bind(ctx), value, options);
  }

  /**
   * The transcript contains any of the words or phrases exactly, singular or plural (Contact Lens exact match), for
   * rules triggered by post-call, real-time call or post-chat analysis.
   *
   * @param words one or more words or phrases, unique
   */
  public static exactMatch(words: string[], options?: RuleConditionOptions): RuleCondition {
    return RuleCondition.transcript('exactMatch', 'ExactMatch', [POST_CALL, REAL_TIME_CALL, POST_CHAT], words, options);
  }

  /**
   * The transcript contains any of the phrases or phrases with a similar meaning (Contact Lens semantic match),
   * for rules triggered by post-call or post-chat analysis.
   *
   * @param phrases one or more phrases, unique
   */
  public static semanticMatch(phrases: string[], options?: RuleConditionOptions): RuleCondition {
    return RuleCondition.transcript('semanticMatch', 'SemanticMatch', [POST_CALL, POST_CHAT], phrases, options);
  }

  /**
   * The conversation matches a statement in natural language, such as "The customer asked to change their
   * address and the agent changed it" (Contact Lens natural language semantic match), for rules triggered by
   * post-call or post-chat analysis.
   */
  public static naturalLanguageMatch(statement: string): RuleCondition {
    return new ComparisonCondition({
      what: 'naturalLanguageMatch',
      operator: 'EQUALS',
      field: ctx => `${contactLensPrefix(ctx, 'RuleCondition.naturalLanguageMatch', [POST_CALL, POST_CHAT])}.SemanticMatch.Phrase`,
      operands: ctx => checkedValues(ctx, 'naturalLanguageMatch', [statement]),
    });
  }

  /**
   * The sentiment is the given one (`Sentiment.State`), for rules triggered by post-call, real-time call or
   * post-chat analysis. Narrow it with `participant`, and for real-time calls with `RuleFilter.contactPeriodPast`.
   */
  public static sentiment(state: SentimentState, options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what: 'sentiment',
      operator: 'EQUALS',
      field: ctx => `${contactLensPrefix(ctx, 'RuleCondition.sentiment', [POST_CALL, REAL_TIME_CALL, POST_CHAT])}.Sentiment.State`,
      operands: () => [state],
      options,
    });
  }

  /**
   * The overall sentiment score is at least the given score (an integer from -5 to 5), for rules triggered by
   * post-call or post-chat analysis.
   */
  public static sentimentScoreAtLeast(score: number, options?: RuleConditionOptions): RuleCondition {
    return RuleCondition.sentimentScore('sentimentScoreAtLeast', 'NumberGreaterOrEqualTo', score, options);
  }

  /**
   * The overall sentiment score is at most the given score (an integer from -5 to 5), for rules triggered by
   * post-call or post-chat analysis.
   */
  public static sentimentScoreAtMost(score: number, options?: RuleConditionOptions): RuleCondition {
    return RuleCondition.sentimentScore('sentimentScoreAtMost', 'NumberLessOrEqualTo', score, options);
  }

  /**
   * The contact was in any of these queues, for rules triggered by post-call, real-time call or post-chat
   * analysis. The queues must belong to the rule's instance.
   */
  public static queues(queues: IQueue[]): RuleCondition {
    return new ComparisonCondition({
      what: 'queues',
      operator: 'CONTAINS_ANY',
      field: ctx => `${contactLensPrefix(ctx, 'RuleCondition.queues', [POST_CALL, REAL_TIME_CALL, POST_CHAT])}.Queue.QueueId`,
      operands: ctx => checkedResources(ctx, 'queues', 'queue',
        queues.map(q => ({ construct: q, id: q.queueId, instanceArn: q.instanceArn }))),
    });
  }

  /**
   * The contact was handled by any of these agents, for rules triggered by post-call, real-time call or post-chat
   * analysis, or by a contact evaluation. The users must belong to the rule's instance.
   */
  public static agents(users: IUser[]): RuleCondition {
    return new ComparisonCondition({
      what: 'agents',
      operator: 'CONTAINS_ANY',
      field: ctx => `${contactLensPrefix(ctx, 'RuleCondition.agents', [POST_CALL, REAL_TIME_CALL, POST_CHAT, EVALUATION])}.Agent.AgentId`,
      operands: ctx => checkedResources(ctx, 'agents', 'user',
        users.map(u => ({ construct: u, id: u.userId, instanceArn: u.instanceArn }))),
    });
  }

  /**
   * A contact attribute equals the value, for rules triggered by post-call, real-time call or post-chat analysis,
   * or by a contact evaluation.
   *
   * @param key the attribute key (letters, digits, hyphens and underscores)
   * @param value the value to compare with
   */
  public static contactAttribute(key: string, value: string): RuleCondition {
    return new ComparisonCondition({
      what: 'contactAttribute',
      operator: 'EQUALS',
      field: ctx => {
        const prefix = contactLensPrefix(ctx, 'RuleCondition.contactAttribute', [POST_CALL, REAL_TIME_CALL, POST_CHAT, EVALUATION]);
        validatePattern(ctx.scope, 'contactAttribute key', key, /^[A-Za-z0-9_-]{1,32767}$/,
          'letters, digits, hyphens and underscores');
        return `${prefix}.ContactAttribute.${key}`;
      },
      operands: () => [value],
    });
  }

  /**
   * All of the conditions hold (`AND`).
   */
  public static allOf(...conditions: RuleCondition[]): RuleCondition {
    return new GroupCondition('AND', 'allOf', conditions);
  }

  /**
   * Any of the conditions holds (`OR`).
   */
  public static anyOf(...conditions: RuleCondition[]): RuleCondition {
    return new GroupCondition('OR', 'anyOf', conditions);
  }

  /**
   * The comparison does not hold (the comparison's `Negate` flag). Applies to single comparisons, not to `allOf`,
   * `anyOf` or `raw` conditions.
   */
  public static negate(condition: RuleCondition): RuleCondition {
    if (condition instanceof ComparisonCondition) {
      return condition.negated();
    }
    return new InvalidCondition('negate applies to a single comparison, not to allOf, anyOf or raw conditions');
  }

  /**
   * A whole rule function as Amazon Connect takes it: JSON with `Version` and `RuleFunction`, for what the helpers
   * do not cover. It cannot be combined with other conditions.
   *
   * @param expression the rule function, such as `{"Version":"2022-11-25","RuleFunction":{...}}`
   * @see https://docs.aws.amazon.com/connect/latest/APIReference/connect-rules-language.html
   */
  public static raw(expression: string): RuleCondition {
    return new RawCondition(expression);
  }

  private static numberComparison(what: string, operator: string, field: (ctx: RuleContext) => string, value: number,
    options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what,
      operator,
      field,
      operands: ctx => {
        if (!Token.isUnresolved(value) && !Number.isFinite(value)) {
          fail(ctx.scope, `${what} value must be a finite number, got ${value}`);
        }
        return [value];
      },
      options,
    });
  }

  private static sentimentScore(what: string, operator: string, score: number, options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what,
      operator,
      field: ctx => `${contactLensPrefix(ctx, `RuleCondition.${what}`, [POST_CALL, POST_CHAT])}.Sentiment.OverallScore`,
      operands: ctx => {
        if (!Token.isUnresolved(score) && (!Number.isInteger(score) || score < -5 || score > 5)) {
          fail(ctx.scope, `${what} score must be an integer from -5 to 5, got ${score}`);
        }
        return [score];
      },
      options,
    });
  }

  private static transcript(what: string, match: string, allowed: readonly string[], words: string[],
    options?: RuleConditionOptions): RuleCondition {
    return new ComparisonCondition({
      what,
      operator: 'CONTAINS_ANY',
      field: ctx => `${contactLensPrefix(ctx, `RuleCondition.${what}`, allowed)}.${match}.Transcript`,
      operands: ctx => checkedValues(ctx, what, words),
      options,
    });
  }

  protected constructor() {
  }

  /**
   * Renders the condition as a node of the rules function language.
   *
   * @internal
   */
  public abstract _bind(ctx: RuleContext): any;
}

/** Checks a list of string operands: at least one, none empty, unique. */
function checkedValues(ctx: RuleContext, what: string, values: string[]): string[] {
  requireItems(ctx.scope, `${what} values`, values);
  for (const value of values) {
    requireText(ctx.scope, `${what} value`, value);
  }
  validateUnique(ctx.scope, `${what} values`, values);
  return values;
}

/** Checks resources given as operands: at least one, unique, in the rule's instance; returns their ids. */
function checkedResources(ctx: RuleContext, what: string, kind: string,
  resources: Array<{ construct: IConstruct; id: string; instanceArn: string }>): string[] {
  requireItems(ctx.scope, what, resources);
  validateUnique(ctx.scope, what, resources.map(r => r.construct.node.path));
  for (const r of resources) {
    validateSameInstance(ctx.scope, `${what} ${kind} '${r.construct.node.path}'`, ctx.instanceArn, r.instanceArn);
  }
  return resources.map(r => r.id);
}

class ComparisonCondition extends RuleCondition {
  private readonly spec: ComparisonSpec;
  private readonly negate: boolean;

  constructor(spec: ComparisonSpec, negate: boolean = false) {
    super();
    this.spec = spec;
    this.negate = negate;
  }

  public negated(): ComparisonCondition {
    return new ComparisonCondition(this.spec, !this.negate);
  }

  public _bind(ctx: RuleContext): any {
    const field = this.spec.field(ctx);
    const operands = this.spec.operands(ctx);
    const filters: Array<{ Type: string; Data: any }> = [];
    if (this.spec.options?.participant !== undefined) {
      filters.push(RuleFilter.participant(this.spec.options.participant)._bind(ctx));
    }
    for (const filter of this.spec.options?.filters ?? []) {
      filters.push(filter._bind(ctx));
    }
    validateUnique(ctx.scope, `${this.spec.what} filter types`, filters.map(f => f.Type));
    return {
      Operator: this.spec.operator,
      Operands: operands,
      ComparisonValue: field,
      ...(filters.length > 0 ? { FilterClause: { LogicOperator: 'AND', Filters: filters } } : {}),
      Negate: this.negate,
    };
  }
}

class GroupCondition extends RuleCondition {
  public readonly operator: string;
  public readonly conditions: RuleCondition[];
  private readonly what: string;

  constructor(operator: string, what: string, conditions: RuleCondition[]) {
    super();
    this.operator = operator;
    this.what = what;
    this.conditions = conditions;
  }

  public _bind(ctx: RuleContext): any {
    if (this.conditions.length === 0) {
      fail(ctx.scope, `${this.what} needs at least one condition`);
    }
    return { Operator: this.operator, Operands: this.conditions.map(c => c._bind(ctx)) };
  }
}

class RawCondition extends RuleCondition {
  public readonly expression: string;

  constructor(expression: string) {
    super();
    this.expression = expression;
  }

  public _bind(ctx: RuleContext): any {
    return fail(ctx.scope, 'a raw condition holds a whole rule function and cannot be combined with other conditions');
  }

  /** Validates the expression and returns it. */
  public render(ctx: RuleContext): string {
    if (Token.isUnresolved(this.expression)) {
      return this.expression;
    }
    let parsed: any;
    try {
      parsed = JSON.parse(this.expression);
    } catch {
      fail(ctx.scope, 'raw condition must be JSON with Version and RuleFunction, got text that is not JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)
      || typeof parsed.Version !== 'string' || parsed.RuleFunction === null || typeof parsed.RuleFunction !== 'object') {
      fail(ctx.scope, 'raw condition must be a JSON object with a Version string and a RuleFunction object');
    }
    return this.expression;
  }
}

class InvalidCondition extends RuleCondition {
  private readonly message: string;

  constructor(message: string) {
    super();
    this.message = message;
  }

  public _bind(ctx: RuleContext): any {
    return fail(ctx.scope, this.message);
  }
}

/** A metric rule groups at most 2 metric groups of at most 10 metric conditions. */
const MAX_METRIC_GROUPS = 2;
const MAX_METRIC_CONDITIONS = 10;

/**
 * Renders the `Function` of a rule: `{ Version, RuleFunction }`, whose top operator must be AND or OR. For metric
 * rules the top operator combines groups of metric conditions.
 */
function renderFunction(ctx: RuleContext, condition: RuleCondition): string {
  if (condition instanceof RawCondition) {
    return condition.render(ctx);
  }
  let top: any;
  if (ctx.eventSourceName === METRIC_DATA) {
    top = renderMetricFunction(ctx, condition);
  } else if (condition instanceof GroupCondition) {
    top = condition._bind(ctx);
  } else {
    top = { Operator: 'AND', Operands: [condition._bind(ctx)] };
  }
  return Stack.of(ctx.scope).toJsonString({ Version: FUNCTION_VERSION, RuleFunction: top });
}

function renderMetricFunction(ctx: RuleContext, condition: RuleCondition): any {
  const checkGroup = (group: GroupCondition) => {
    if (group.conditions.some(c => !(c instanceof ComparisonCondition))) {
      fail(ctx.scope, 'metric rule conditions must be comparisons, or at most 2 groups (allOf or anyOf) of comparisons');
    }
    if (group.conditions.length > MAX_METRIC_CONDITIONS) {
      fail(ctx.scope, `a group of metric conditions must have at most ${MAX_METRIC_CONDITIONS} conditions, got ${group.conditions.length}`);
    }
  };
  if (!(condition instanceof GroupCondition)) {
    return { Operator: 'AND', Operands: [{ Operator: 'AND', Operands: [condition._bind(ctx)] }] };
  }
  const children = condition.conditions;
  if (children.length > 0 && children.every(c => c instanceof GroupCondition)) {
    if (children.length > MAX_METRIC_GROUPS) {
      fail(ctx.scope, `metric rule conditions must have at most ${MAX_METRIC_GROUPS} groups, got ${children.length}`);
    }
    children.forEach(c => checkGroup(c as GroupCondition));
    return condition._bind(ctx);
  }
  checkGroup(condition);
  return { Operator: 'AND', Operands: [condition._bind(ctx)] };
}

// ---------------------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------------------

/**
 * The kind of a rule action.
 */
export enum RuleActionType {
  /** Creates a task. */
  CREATE_TASK = 'CREATE_TASK',
  /** Assigns the rule name as a contact category. */
  ASSIGN_CONTACT_CATEGORY = 'ASSIGN_CONTACT_CATEGORY',
  /** Sends an event to Amazon EventBridge. */
  GENERATE_EVENTBRIDGE_EVENT = 'GENERATE_EVENTBRIDGE_EVENT',
  /** Sends a notification to users. */
  SEND_NOTIFICATION = 'SEND_NOTIFICATION',
  /** Creates an Amazon Connect Cases case. */
  CREATE_CASE = 'CREATE_CASE',
  /** Updates the Amazon Connect Cases case of the event. */
  UPDATE_CASE = 'UPDATE_CASE',
  /** Ends the tasks associated with the case of the event. */
  END_ASSOCIATED_TASKS = 'END_ASSOCIATED_TASKS',
  /** Submits an automated contact evaluation. */
  SUBMIT_AUTO_EVALUATION = 'SUBMIT_AUTO_EVALUATION',
}

/** The property of `Actions` that holds each kind of action (each a list of at most one). */
const ACTION_PROPERTIES: { readonly [type: string]: keyof CfnRule.ActionsProperty } = {
  [RuleActionType.CREATE_TASK]: 'taskActions',
  [RuleActionType.ASSIGN_CONTACT_CATEGORY]: 'assignContactCategoryActions',
  [RuleActionType.GENERATE_EVENTBRIDGE_EVENT]: 'eventBridgeActions',
  [RuleActionType.SEND_NOTIFICATION]: 'sendNotificationActions',
  [RuleActionType.CREATE_CASE]: 'createCaseActions',
  [RuleActionType.UPDATE_CASE]: 'updateCaseActions',
  [RuleActionType.END_ASSOCIATED_TASKS]: 'endAssociatedTasksActions',
  [RuleActionType.SUBMIT_AUTO_EVALUATION]: 'submitAutoEvaluationActions',
};

/** The event sources each kind of action is documented to be limited to (kinds without limits are absent). */
const ACTION_EVENT_SOURCES: { readonly [type: string]: readonly string[] } = {
  [RuleActionType.ASSIGN_CONTACT_CATEGORY]: [...CONVERSATIONAL_EVENT_SOURCES, ...THIRD_PARTY_EVENT_SOURCES],
  [RuleActionType.CREATE_CASE]: [POST_CALL, POST_CHAT],
  [RuleActionType.UPDATE_CASE]: [CASE_CREATE, CASE_UPDATE],
  [RuleActionType.END_ASSOCIATED_TASKS]: [CASE_UPDATE],
};

/**
 * A link that a task created by a rule shows the agent (a task reference of type `URL`).
 */
export interface TaskReference {
  /**
   * The name of the reference, as the agent sees it (1 to 4096 characters), unique in the task.
   */
  readonly name: string;

  /**
   * The URL: an `https:` URL or a path starting with `/` (at most 4096 characters).
   */
  readonly url: string;
}

/**
 * Options of an action that creates a task.
 */
export interface CreateTaskActionOptions {
  /**
   * The name of the task (1 to 512 characters), shown to the agent. It can contain variables that Amazon Connect
   * fills in when the rule runs.
   *
   * @see https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-variable-injection.html
   */
  readonly name: string;

  /**
   * The description of the task (at most 4096 characters), shown to the agent. It can contain variables.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The flow that routes the task: an inbound flow (`ContactFlowType.CONTACT_FLOW`) of the rule's instance.
   */
  readonly contactFlow: IContactFlow;

  /**
   * Links shown to the agent with the task, at most 25.
   *
   * @default - no references
   */
  readonly references?: TaskReference[];
}

/**
 * How a rule delivers notifications.
 */
export enum NotificationDeliveryMethod {
  /** By email, sent from `no-reply@amazonconnect.com`. */
  EMAIL = 'EMAIL',
}

/**
 * The format of a notification's content.
 */
export enum NotificationContentType {
  /** Plain text. */
  PLAIN_TEXT = 'PLAIN_TEXT',
}

/**
 * A user tag that selects the recipients of a notification: users with this tag are notified.
 */
export interface NotificationUserTag {
  /**
   * The tag key (1 to 128 characters).
   */
  readonly key: string;

  /**
   * The tag value.
   */
  readonly value: string;
}

/**
 * Options of an action that sends a notification.
 *
 * Give the recipients as users, user tags, user paths or a mix; at most 5 users and user paths in all.
 */
export interface SendNotificationActionOptions {
  /**
   * The subject of the email (1 to 200 characters). It can contain variables.
   *
   * @default - no subject
   */
  readonly subject?: string;

  /**
   * The content of the notification (1 to 1024 characters). It can contain variables.
   *
   * @see https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-variable-injection.html
   */
  readonly content: string;

  /**
   * The format of the content.
   *
   * @default NotificationContentType.PLAIN_TEXT
   */
  readonly contentType?: NotificationContentType;

  /**
   * How the notification is delivered.
   *
   * @default NotificationDeliveryMethod.EMAIL
   */
  readonly deliveryMethod?: NotificationDeliveryMethod;

  /**
   * Users to notify, of the rule's instance.
   *
   * @default - no users by name
   */
  readonly users?: IUser[];

  /**
   * Users to notify, selected by their tags.
   *
   * @default - no users by tag
   */
  readonly userTags?: NotificationUserTag[];

  /**
   * Users to notify, given as JSON paths that Amazon Connect resolves when the rule runs, such as
   * `$.ContactLens.ContactEvaluation.Agent.AgentId` (the agent whose contact was evaluated).
   *
   * @default - no users by path
   */
  readonly userPaths?: string[];
}

/**
 * The value of an Amazon Connect Cases field, for actions that create or update a case.
 */
export class CaseField {
  /**
   * A text value (at most 500 characters).
   *
   * @param fieldId the id of the case field (1 to 500 characters), such as `title` or a custom field's id
   */
  public static stringValue(fieldId: string, value: string): CaseField {
    return new CaseField(fieldId, ctx => {
      validateLength(ctx.scope, `case field '${fieldId}' value`, value, 0, 500);
      return { stringValue: value };
    });
  }

  /**
   * A number value.
   */
  public static numberValue(fieldId: string, value: number): CaseField {
    return new CaseField(fieldId, ctx => {
      if (!Token.isUnresolved(value) && !Number.isFinite(value)) {
        fail(ctx.scope, `case field '${fieldId}' value must be a finite number, got ${value}`);
      }
      return { doubleValue: value };
    });
  }

  /**
   * A true or false value.
   */
  public static booleanValue(fieldId: string, value: boolean): CaseField {
    return new CaseField(fieldId, () => ({ booleanValue: value }));
  }

  /**
   * An empty value, which clears the field.
   */
  public static emptyValue(fieldId: string): CaseField {
    return new CaseField(fieldId, () => ({ emptyValue: {} }));
  }

  /** The id of the case field. */
  public readonly fieldId: string;

  private readonly value: (ctx: RuleContext) => CfnRule.FieldValueProperty;

  private constructor(fieldId: string, value: (ctx: RuleContext) => CfnRule.FieldValueProperty) {
    this.fieldId = fieldId;
    this.value = value;
  }

  /**
   * Renders the field for the rule.
   *
   * @internal
   */
  public _bind(ctx: RuleContext): CfnRule.FieldProperty {
    validateLength(ctx.scope, 'case field id', this.fieldId, 1, 500);
    return { id: this.fieldId, value: this.value(ctx) };
  }
}

/**
 * Options of an action that creates an Amazon Connect Cases case.
 */
export interface CreateCaseActionOptions {
  /**
   * The id of the case template (1 to 500 characters).
   */
  readonly templateId: string;

  /**
   * The fields of the new case (1 to 100, each field once), including those the template requires.
   */
  readonly fields: CaseField[];
}

/** The most case fields an action sets. */
const MAX_CASE_FIELDS = 100;

/** The most references a task created by a rule has. */
const MAX_TASK_REFERENCES = 25;

/** The most users (by ARN or path) a notification goes to. */
const MAX_NOTIFICATION_USERS = 5;

/**
 * What a rule does when its condition holds.
 *
 * A rule has at most one action of each kind. Some kinds suit only some triggers (checked at synth time where
 * Amazon Connect documents it): case actions need case triggers, creating a case needs post-call or post-chat
 * analysis, and conversational analytics and third-party rules need their own actions (see `Rule`).
 *
 * @see https://docs.aws.amazon.com/connect/latest/APIReference/API_RuleAction.html
 */
export abstract class RuleAction {
  /**
   * Creates a task, routed by an inbound flow.
   */
  public static createTask(options: CreateTaskActionOptions): RuleAction {
    return new ActionImpl(RuleActionType.CREATE_TASK, ctx => {
      const s = ctx.scope;
      validateLength(s, 'createTask name', options.name, 1, 512);
      validateLength(s, 'createTask description', options.description, 0, 4096);
      validateSameInstance(s, 'createTask contactFlow', ctx.instanceArn, options.contactFlow.instanceArn);
      validateFlowType(s, 'createTask contactFlow', options.contactFlow, ContactFlowType.CONTACT_FLOW);
      const references = options.references ?? [];
      validateCount(s, 'createTask references', references, 0, MAX_TASK_REFERENCES);
      validateUnique(s, 'createTask reference names', references.map(r => r.name));
      const rendered: { [name: string]: CfnRule.ReferenceProperty } = {};
      for (const reference of references) {
        validateLength(s, 'createTask reference name', reference.name, 1, 4096);
        validateLength(s, `createTask reference '${reference.name}' url`, reference.url, 0, 4096);
        validatePattern(s, `createTask reference '${reference.name}' url`, reference.url, /^(\/|https:)/,
          "an https: URL or a path starting with '/'");
        rendered[reference.name] = { type: 'URL', value: reference.url };
      }
      return {
        name: options.name,
        description: options.description,
        contactFlowArn: options.contactFlow.contactFlowArn,
        references: references.length > 0 ? rendered : undefined,
      };
    });
  }

  /**
   * Sends a notification (an email) to users.
   */
  public static sendNotification(options: SendNotificationActionOptions): RuleAction {
    return new ActionImpl(RuleActionType.SEND_NOTIFICATION, ctx => {
      const s = ctx.scope;
      validateLength(s, 'sendNotification subject', options.subject, 1, 200);
      validateLength(s, 'sendNotification content', options.content, 1, 1024);
      const users = options.users ?? [];
      const userPaths = options.userPaths ?? [];
      const userTags = options.userTags ?? [];
      if (users.length + userPaths.length + userTags.length === 0) {
        fail(s, 'sendNotification needs at least one recipient: users, userTags or userPaths');
      }
      for (const user of users) {
        validateSameInstance(s, `sendNotification user '${user.node.path}'`, ctx.instanceArn, user.instanceArn);
      }
      validateUnique(s, 'sendNotification users', users.map(u => u.node.path));
      for (const path of userPaths) {
        validatePattern(s, 'sendNotification userPaths', path, /^\$\..+$/, "a JSON path starting with '$.'");
      }
      validateUnique(s, 'sendNotification userPaths', userPaths);
      const userArns = [...users.map(u => u.userArn), ...userPaths];
      if (userArns.length > MAX_NOTIFICATION_USERS) {
        fail(s, `sendNotification must have at most ${MAX_NOTIFICATION_USERS} users and userPaths in all, got ${userArns.length}`);
      }
      const tags: { [key: string]: string } = {};
      for (const tag of userTags) {
        validateLength(s, 'sendNotification user tag key', tag.key, 1, 128);
      }
      validateUnique(s, 'sendNotification user tag keys', userTags.map(t => t.key));
      for (const tag of userTags) {
        tags[tag.key] = tag.value;
      }
      return {
        deliveryMethod: options.deliveryMethod ?? NotificationDeliveryMethod.EMAIL,
        subject: options.subject,
        content: options.content,
        contentType: options.contentType ?? NotificationContentType.PLAIN_TEXT,
        recipient: {
          userArns: userArns.length > 0 ? userArns : undefined,
          userTags: userTags.length > 0 ? tags : undefined,
        },
      };
    });
  }

  /**
   * Sends an event to the default Amazon EventBridge event bus (source `aws.connect`), with the given name in its
   * details.
   *
   * @param eventName the name of the action (1 to 100 letters, digits, periods, underscores and hyphens)
   */
  public static generateEventBridgeEvent(eventName: string): RuleAction {
    return new ActionImpl(RuleActionType.GENERATE_EVENTBRIDGE_EVENT, ctx => {
      validatePattern(ctx.scope, 'generateEventBridgeEvent name', eventName, /^[a-zA-Z0-9._-]{1,100}$/,
        '1 to 100 letters, digits, periods, underscores and hyphens');
      return { name: eventName };
    });
  }

  /**
   * Categorizes the contact with the rule's name (the contact category appears in the contact record and in
   * Contact Lens search). Conversational analytics rules must have it.
   */
  public static assignContactCategory(): RuleAction {
    return new ActionImpl(RuleActionType.ASSIGN_CONTACT_CATEGORY, () => ({}));
  }

  /**
   * Creates an Amazon Connect Cases case from the analyzed contact (post-call and post-chat analysis rules).
   */
  public static createCase(options: CreateCaseActionOptions): RuleAction {
    return new ActionImpl(RuleActionType.CREATE_CASE, ctx => {
      validateLength(ctx.scope, 'createCase templateId', options.templateId, 1, 500);
      return { templateId: options.templateId, fields: renderCaseFields(ctx, 'createCase', options.fields) };
    });
  }

  /**
   * Updates fields of the case that triggered the rule (case rules).
   *
   * @param fields the fields to set (1 to 100, each field once)
   */
  public static updateCase(fields: CaseField[]): RuleAction {
    return new ActionImpl(RuleActionType.UPDATE_CASE, ctx => ({ fields: renderCaseFields(ctx, 'updateCase', fields) }));
  }

  /**
   * Ends the tasks associated with the case that triggered the rule (rules triggered by case updates).
   */
  public static endAssociatedTasks(): RuleAction {
    return new ActionImpl(RuleActionType.END_ASSOCIATED_TASKS, () => ({}));
  }

  /**
   * Submits an automated evaluation of the contact with an evaluation form that has automation enabled.
   *
   * @param evaluationForm the evaluation form, of the rule's instance
   */
  public static submitAutoEvaluation(evaluationForm: IEvaluationForm): RuleAction {
    return new ActionImpl(RuleActionType.SUBMIT_AUTO_EVALUATION, ctx => {
      validateSameInstance(ctx.scope, 'submitAutoEvaluation evaluation form', ctx.instanceArn, evaluationForm.instanceArn);
      return { evaluationFormArn: evaluationForm.evaluationFormArn };
    });
  }

  /**
   * Submits an automated evaluation of the contact with an evaluation form, given by its ARN, that has automation
   * enabled.
   *
   * @param evaluationFormArn the ARN of the evaluation form, of the rule's instance
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/evaluation-form/<id>`)
   */
  public static submitAutoEvaluationArn(evaluationFormArn: string): RuleAction {
    return new ActionImpl(RuleActionType.SUBMIT_AUTO_EVALUATION, ctx => {
      const parts = parseInstanceResourceArn(ctx.scope, evaluationFormArn, 'evaluation-form', 'submitAutoEvaluation evaluation form');
      validateSameInstance(ctx.scope, 'submitAutoEvaluation evaluation form', ctx.instanceArn, parts.instanceArn);
      return { evaluationFormArn };
    });
  }

  /** The kind of action. */
  public readonly actionType: RuleActionType;

  protected constructor(actionType: RuleActionType) {
    this.actionType = actionType;
  }

  /**
   * Validates the action for the rule and renders its CloudFormation value.
   *
   * @internal
   */
  public abstract _bind(ctx: RuleContext): any;
}

class ActionImpl extends RuleAction {
  private readonly render: (ctx: RuleContext) => any;

  constructor(actionType: RuleActionType, render: (ctx: RuleContext) => any) {
    super(actionType);
    this.render = render;
  }

  public _bind(ctx: RuleContext): any {
    return this.render(ctx);
  }
}

function renderCaseFields(ctx: RuleContext, what: string, fields: CaseField[]): CfnRule.FieldProperty[] {
  validateCount(ctx.scope, `${what} fields`, fields, 1, MAX_CASE_FIELDS);
  validateUnique(ctx.scope, `${what} field ids`, fields.map(f => f.fieldId));
  return fields.map(f => f._bind(ctx));
}

// ---------------------------------------------------------------------------------------------------------------
// Rule
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whether a rule is active.
 */
export enum RulePublishStatus {
  /** The rule is saved but not applied. */
  DRAFT = 'DRAFT',
  /** The rule is applied to new events. */
  PUBLISHED = 'PUBLISHED',
}

/**
 * Properties of a `Rule`.
 */
export interface RuleProps {
  /**
   * The instance the rule belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the rule (1 to 200 letters, digits, periods, underscores and hyphens), unique in the instance.
   * Conversational analytics rules use it as the contact category.
   *
   * Amazon Connect renames in place only rules with third-party triggers (Zendesk, Salesforce); renaming other
   * rules fails on update.
   *
   * @default - a name generated from the construct path
   */
  readonly ruleName?: string;

  /**
   * The event that makes Amazon Connect evaluate the rule. Changing it replaces the rule.
   */
  readonly trigger: RuleTrigger;

  /**
   * When the rule acts: its conditions, in the rules function language.
   */
  readonly condition: RuleCondition;

  /**
   * What the rule does when its condition holds, at most one action of each kind. More can be added with
   * `addAction()`; a rule needs at least one.
   *
   * @default - none here; add them with `addAction()`
   */
  readonly actions?: RuleAction[];

  /**
   * Whether the rule is active.
   *
   * @default RulePublishStatus.PUBLISHED
   */
  readonly publishStatus?: RulePublishStatus;
}

/**
 * An Amazon Connect rule: when an event happens (Contact Lens analysis, a submitted evaluation, metric updates,
 * a case or third-party ticket is created, ...) and its condition holds, it runs actions (create a task, send a
 * notification or an EventBridge event, categorize the contact, create or update a case, ...).
 *
 * ```ts
 * const rule = new Rule(this, 'Cancellations', {
 *   instance,
 *   ruleName: 'cancellations',
 *   trigger: RuleTrigger.ON_POST_CALL_ANALYSIS_AVAILABLE,
 *   condition: RuleCondition.exactMatch(['cancel my account'], { participant: ParticipantRole.CUSTOMER }),
 *   actions: [
 *     RuleAction.assignContactCategory(),
 *     RuleAction.createTask({ name: 'Call the customer back', contactFlow: inbound }),
 *   ],
 * });
 * ```
 *
 * Validated at synth time: the name; the trigger's integration association (required for Zendesk and Salesforce,
 * same instance); the condition's fields and values for the trigger; each action's limits; at most one action of
 * each kind; actions that Amazon Connect documents for some triggers only; an assign-contact-category action for
 * conversational analytics rules and a create-task action for third-party rules.
 *
 * @resource AWS::Connect::Rule
 */
export class Rule extends RuleBase {
  /**
   * Imports a rule by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>/rule/<id>`).
   */
  public static fromRuleArn(scope: Construct, id: string, ruleArn: string): IRule {
    class Import extends RuleBase {
      public readonly ruleArn = ruleArn;
      public readonly ruleId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(ruleArn) });
        const parts = parseInstanceResourceArn(this, ruleArn, 'rule', 'rule');
        this.ruleId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the rule.
   *
   * @attribute
   */
  public readonly ruleArn: string;

  /**
   * The id of the rule.
   *
   * @attribute
   */
  public get ruleId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._ruleId ?? (this._ruleId = resourceIdOfArn(this, this.ruleArn, 'rule', 'rule'));
  }

  private _ruleId?: string;

  /**
   * The ARN of the instance the rule belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the rule.
   */
  public readonly ruleName: string;

  /**
   * The event that makes Amazon Connect evaluate the rule.
   */
  public readonly trigger: RuleTrigger;

  private readonly actions: Array<{ type: RuleActionType; value: any }> = [];
  private readonly context: RuleContext;

  constructor(scope: Construct, id: string, props: RuleProps) {
    super(scope, id);

    const name = props.ruleName ?? Names.uniqueResourceName(this, { maxLength: 200 });
    validatePattern(this, 'rule name', name, /^[a-zA-Z0-9._-]{1,200}$/,
      '1 to 200 letters, digits, periods, underscores and hyphens');
    this.validateTrigger(props.instance.instanceArn, props.trigger);

    this.instanceArn = props.instance.instanceArn;
    this.ruleName = name;
    this.trigger = props.trigger;
    this.context = { scope: this, eventSourceName: props.trigger.eventSourceName, instanceArn: this.instanceArn };

    const ruleFunction = renderFunction(this.context, props.condition);

    for (const action of props.actions ?? []) {
      this.addAction(action);
    }
    this.node.addValidation({ validate: () => this.validateActions() });

    const resource = new CfnRule(this, 'Resource', {
      instanceArn: this.instanceArn,
      name,
      triggerEventSource: {
        eventSourceName: props.trigger.eventSourceName,
        integrationAssociationArn: props.trigger.integrationAssociationArn,
      },
      function: ruleFunction,
      actions: Lazy.any({ produce: () => this.renderActions() }),
      publishStatus: props.publishStatus ?? RulePublishStatus.PUBLISHED,
    });
    fixLogicalIdAtSynthesis(resource);

    this.ruleArn = resource.attrRuleArn;
  }

  /**
   * Adds an action that the rule runs when its condition holds. A rule has at most one action of each kind.
   */
  public addAction(action: RuleAction): void {
    const source = this.context.eventSourceName;
    if (this.actions.some(a => a.type === action.actionType)) {
      fail(this, `actions must have at most one ${action.actionType} action, got a second one`);
    }
    const allowed = ACTION_EVENT_SOURCES[action.actionType];
    if (allowed && ACTION_DOCUMENTED_EVENT_SOURCES.includes(source) && !allowed.includes(source)) {
      fail(this, `${action.actionType} actions are supported only in rules triggered by ${listOf(allowed)}, `
        + `this rule is triggered by ${source}`);
    }
    this.actions.push({ type: action.actionType, value: action._bind(this.context) });
  }

  private validateTrigger(instanceArn: string, trigger: RuleTrigger): void {
    const name = trigger.eventSourceName;
    validatePattern(this, 'trigger event source name', name, /^On[A-Za-z]+$/,
      "an event source name such as 'OnPostCallAnalysisAvailable'");
    const arn = trigger.integrationAssociationArn;
    if (arn === undefined) {
      if (THIRD_PARTY_EVENT_SOURCES.includes(name)) {
        fail(this, `trigger ${name} needs an integration association`);
      }
      return;
    }
    if (trigger.integrationAssociation !== undefined) {
      validateSameInstance(this, 'trigger integration association', instanceArn, trigger.integrationAssociation.instanceArn);
      return;
    }
    const parts = parseInstanceResourceArn(this, arn, 'integration-association', 'trigger integration association');
    validateSameInstance(this, 'trigger integration association', instanceArn, parts.instanceArn);
  }

  private validateActions(): string[] {
    const source = this.context.eventSourceName;
    const types = this.actions.map(a => a.type);
    if (types.length === 0) {
      return ['a rule needs at least one action: pass actions or call addAction()'];
    }
    const errors: string[] = [];
    if (THIRD_PARTY_EVENT_SOURCES.includes(source) && !types.includes(RuleActionType.CREATE_TASK)) {
      errors.push(`rules triggered by ${source} need a CREATE_TASK action (RuleAction.createTask)`);
    }
    if (CONVERSATIONAL_EVENT_SOURCES.includes(source) && !types.includes(RuleActionType.ASSIGN_CONTACT_CATEGORY)) {
      errors.push(`rules triggered by ${source} need an ASSIGN_CONTACT_CATEGORY action (RuleAction.assignContactCategory)`);
    }
    return errors;
  }

  private renderActions(): CfnRule.ActionsProperty {
    const actions: { [property: string]: any[] } = {};
    for (const type of Object.values(RuleActionType)) {
      const action = this.actions.find(a => a.type === type);
      if (action) {
        actions[ACTION_PROPERTIES[type]] = [action.value];
      }
    }
    return actions;
  }
}
