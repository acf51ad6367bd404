import { IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnSecurityProfile } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { IUserHierarchyGroup } from './user-hierarchy-group';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { sameInstanceError } from '../private/references';
import { fail, validateCount, validateDescription, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect security profile, defined in this app or imported.
 */
export interface ISecurityProfile extends IResource, connectRefs.ISecurityProfileRef {
  /**
   * The ARN of the security profile.
   *
   * @attribute
   */
  readonly securityProfileArn: string;

  /**
   * The id of the security profile.
   *
   * @attribute
   */
  readonly securityProfileId: string;

  /**
   * The ARN of the instance the security profile belongs to.
   */
  readonly instanceArn: string;
}

abstract class SecurityProfileBase extends Resource implements ISecurityProfile {
  public abstract readonly securityProfileArn: string;
  public abstract readonly securityProfileId: string;
  public abstract readonly instanceArn: string;

  public get securityProfileRef(): connectRefs.SecurityProfileReference {
    return { securityProfileArn: this.securityProfileArn };
  }
}

/**
 * A security profile permission: what users with the profile may do in Amazon Connect.
 *
 * The static members are the permissions of the Amazon Connect Administrator Guide's
 * [list of security profile permissions](https://docs.aws.amazon.com/connect/latest/adminguide/security-profile-list.html),
 * by API name. Use `Permission.custom()` for a permission that is not listed here.
 */
export class Permission {
  // Amazon Q
  /** AI agents - View (`QConnectAIAgents.View`). */
  public static readonly Q_CONNECT_AI_AGENTS_VIEW = new Permission('QConnectAIAgents.View');
  /** AI agents - Edit (`QConnectAIAgents.Edit`). */
  public static readonly Q_CONNECT_AI_AGENTS_EDIT = new Permission('QConnectAIAgents.Edit');
  /** AI agents - Create (`QConnectAIAgents.Create`). */
  public static readonly Q_CONNECT_AI_AGENTS_CREATE = new Permission('QConnectAIAgents.Create');
  /** AI agents - Delete (`QConnectAIAgents.Delete`). */
  public static readonly Q_CONNECT_AI_AGENTS_DELETE = new Permission('QConnectAIAgents.Delete');
  /** AI prompts - View (`QConnectAIPrompts.View`). */
  public static readonly Q_CONNECT_AI_PROMPTS_VIEW = new Permission('QConnectAIPrompts.View');
  /** AI prompts - Edit (`QConnectAIPrompts.Edit`). */
  public static readonly Q_CONNECT_AI_PROMPTS_EDIT = new Permission('QConnectAIPrompts.Edit');
  /** AI prompts - Create (`QConnectAIPrompts.Create`). */
  public static readonly Q_CONNECT_AI_PROMPTS_CREATE = new Permission('QConnectAIPrompts.Create');
  /** AI prompts - Delete (`QConnectAIPrompts.Delete`). */
  public static readonly Q_CONNECT_AI_PROMPTS_DELETE = new Permission('QConnectAIPrompts.Delete');
  /** AI guardrails - View (`QConnectGuardrails.View`). */
  public static readonly Q_CONNECT_GUARDRAILS_VIEW = new Permission('QConnectGuardrails.View');
  /** AI guardrails - Edit (`QConnectGuardrails.Edit`). */
  public static readonly Q_CONNECT_GUARDRAILS_EDIT = new Permission('QConnectGuardrails.Edit');
  /** AI guardrails - Create (`QConnectGuardrails.Create`). */
  public static readonly Q_CONNECT_GUARDRAILS_CREATE = new Permission('QConnectGuardrails.Create');
  /** AI guardrails - Delete (`QConnectGuardrails.Delete`). */
  public static readonly Q_CONNECT_GUARDRAILS_DELETE = new Permission('QConnectGuardrails.Delete');

  // Routing
  /** Routing profiles - Create (`RoutingPolicies.Create`). */
  public static readonly ROUTING_POLICIES_CREATE = new Permission('RoutingPolicies.Create');
  /** Routing profiles - Edit (`RoutingPolicies.Edit`). */
  public static readonly ROUTING_POLICIES_EDIT = new Permission('RoutingPolicies.Edit');
  /** Routing profiles - View (`RoutingPolicies.View`). */
  public static readonly ROUTING_POLICIES_VIEW = new Permission('RoutingPolicies.View');
  /** Quick connects - Create (`TransferDestinations.Create`). */
  public static readonly TRANSFER_DESTINATIONS_CREATE = new Permission('TransferDestinations.Create');
  /** Quick connects - Delete (`TransferDestinations.Delete`). */
  public static readonly TRANSFER_DESTINATIONS_DELETE = new Permission('TransferDestinations.Delete');
  /** Quick connects - Edit (`TransferDestinations.Edit`). */
  public static readonly TRANSFER_DESTINATIONS_EDIT = new Permission('TransferDestinations.Edit');
  /** Quick connects - View (agents need it to transfer to quick connects) (`TransferDestinations.View`). */
  public static readonly TRANSFER_DESTINATIONS_VIEW = new Permission('TransferDestinations.View');
  /** Hours of operation - Create (`HoursOfOperation.Create`). */
  public static readonly HOURS_OF_OPERATION_CREATE = new Permission('HoursOfOperation.Create');
  /** Hours of operation - Delete (`HoursOfOperation.Delete`). */
  public static readonly HOURS_OF_OPERATION_DELETE = new Permission('HoursOfOperation.Delete');
  /** Hours of operation - Edit (`HoursOfOperation.Edit`). */
  public static readonly HOURS_OF_OPERATION_EDIT = new Permission('HoursOfOperation.Edit');
  /** Hours of operation - View (`HoursOfOperation.View`). */
  public static readonly HOURS_OF_OPERATION_VIEW = new Permission('HoursOfOperation.View');
  /** Queues - Create (`Queues.Create`). */
  public static readonly QUEUES_CREATE = new Permission('Queues.Create');
  /** Queues - Edit (`Queues.Edit`). */
  public static readonly QUEUES_EDIT = new Permission('Queues.Edit');
  /** Queues - Enable/Disable (`Queues.EnableAndDisable`). */
  public static readonly QUEUES_ENABLE_AND_DISABLE = new Permission('Queues.EnableAndDisable');
  /** Queues - View (`Queues.View`). */
  public static readonly QUEUES_VIEW = new Permission('Queues.View');
  /** Task templates - Create (`TaskTemplates.Create`). */
  public static readonly TASK_TEMPLATES_CREATE = new Permission('TaskTemplates.Create');
  /** Task templates - Delete (`TaskTemplates.Delete`). */
  public static readonly TASK_TEMPLATES_DELETE = new Permission('TaskTemplates.Delete');
  /** Task templates - Edit (`TaskTemplates.Edit`). */
  public static readonly TASK_TEMPLATES_EDIT = new Permission('TaskTemplates.Edit');
  /** Task templates - View (`TaskTemplates.View`). */
  public static readonly TASK_TEMPLATES_VIEW = new Permission('TaskTemplates.View');

  // Numbers and flows
  /** Prompts - Create (`Prompts.Create`). */
  public static readonly PROMPTS_CREATE = new Permission('Prompts.Create');
  /** Prompts - Delete (`Prompts.Delete`). */
  public static readonly PROMPTS_DELETE = new Permission('Prompts.Delete');
  /** Prompts - Edit (`Prompts.Edit`). */
  public static readonly PROMPTS_EDIT = new Permission('Prompts.Edit');
  /** Prompts - View (`Prompts.View`). */
  public static readonly PROMPTS_VIEW = new Permission('Prompts.View');
  /** Flows - Create (`ContactFlows.Create`). */
  public static readonly CONTACT_FLOWS_CREATE = new Permission('ContactFlows.Create');
  /** Flows - Delete (`ContactFlows.Delete`). */
  public static readonly CONTACT_FLOWS_DELETE = new Permission('ContactFlows.Delete');
  /** Flows - Edit (`ContactFlows.Edit`). */
  public static readonly CONTACT_FLOWS_EDIT = new Permission('ContactFlows.Edit');
  /** Flows - Publish (`ContactFlows.Publish`). */
  public static readonly CONTACT_FLOWS_PUBLISH = new Permission('ContactFlows.Publish');
  /** Flows - View (`ContactFlows.View`). */
  public static readonly CONTACT_FLOWS_VIEW = new Permission('ContactFlows.View');
  /** Flow modules - Create (`ContactFlowModules.Create`). */
  public static readonly CONTACT_FLOW_MODULES_CREATE = new Permission('ContactFlowModules.Create');
  /** Flow modules - Delete (`ContactFlowModules.Delete`). */
  public static readonly CONTACT_FLOW_MODULES_DELETE = new Permission('ContactFlowModules.Delete');
  /** Flow modules - Edit (`ContactFlowModules.Edit`). */
  public static readonly CONTACT_FLOW_MODULES_EDIT = new Permission('ContactFlowModules.Edit');
  /** Flow modules - Publish (`ContactFlowModules.Publish`). */
  public static readonly CONTACT_FLOW_MODULES_PUBLISH = new Permission('ContactFlowModules.Publish');
  /** Flow modules - View (`ContactFlowModules.View`). */
  public static readonly CONTACT_FLOW_MODULES_VIEW = new Permission('ContactFlowModules.View');
  /** Phone numbers - Claim (`PhoneNumbers.Claim`). */
  public static readonly PHONE_NUMBERS_CLAIM = new Permission('PhoneNumbers.Claim');
  /** Phone numbers - Edit (`PhoneNumbers.Edit`). */
  public static readonly PHONE_NUMBERS_EDIT = new Permission('PhoneNumbers.Edit');
  /** Phone numbers - Release (`PhoneNumbers.Release`). */
  public static readonly PHONE_NUMBERS_RELEASE = new Permission('PhoneNumbers.Release');
  /** Phone numbers - View (`PhoneNumbers.View`). */
  public static readonly PHONE_NUMBERS_VIEW = new Permission('PhoneNumbers.View');
  /** Chat test mode - Enable/Disable (`ChatTestMode`). */
  public static readonly CHAT_TEST_MODE = new Permission('ChatTestMode');
  /** Views - View (`Views.View`). */
  public static readonly VIEWS_VIEW = new Permission('Views.View');

  // Users and permissions
  /** Users - Create (`Users.Create`). */
  public static readonly USERS_CREATE = new Permission('Users.Create');
  /** Users - Delete (`Users.Delete`). */
  public static readonly USERS_DELETE = new Permission('Users.Delete');
  /** Users - Edit (`Users.Edit`). */
  public static readonly USERS_EDIT = new Permission('Users.Edit');
  /** Users - Edit permission (`Users.EditPermission`). */
  public static readonly USERS_EDIT_PERMISSION = new Permission('Users.EditPermission');
  /** Users - View (`Users.View`). */
  public static readonly USERS_VIEW = new Permission('Users.View');
  /** Agent hierarchy - Create (`AgentGrouping.Create`). */
  public static readonly AGENT_GROUPING_CREATE = new Permission('AgentGrouping.Create');
  /** Agent hierarchy - Edit (`AgentGrouping.Edit`). */
  public static readonly AGENT_GROUPING_EDIT = new Permission('AgentGrouping.Edit');
  /** Agent hierarchy - Enable/Disable (`AgentGrouping.EnableAndDisable`). */
  public static readonly AGENT_GROUPING_ENABLE_AND_DISABLE = new Permission('AgentGrouping.EnableAndDisable');
  /** Agent hierarchy - View (`AgentGrouping.View`). */
  public static readonly AGENT_GROUPING_VIEW = new Permission('AgentGrouping.View');
  /** Security profiles - Create (`SecurityProfiles.Create`). */
  public static readonly SECURITY_PROFILES_CREATE = new Permission('SecurityProfiles.Create');
  /** Security profiles - Delete (`SecurityProfiles.Delete`). */
  public static readonly SECURITY_PROFILES_DELETE = new Permission('SecurityProfiles.Delete');
  /** Security profiles - Edit (`SecurityProfiles.Edit`). */
  public static readonly SECURITY_PROFILES_EDIT = new Permission('SecurityProfiles.Edit');
  /** Security profiles - View (`SecurityProfiles.View`). */
  public static readonly SECURITY_PROFILES_VIEW = new Permission('SecurityProfiles.View');
  /** Agent status - Create (`AgentStates.Create`). */
  public static readonly AGENT_STATES_CREATE = new Permission('AgentStates.Create');
  /** Agent status - Edit (`AgentStates.Edit`). */
  public static readonly AGENT_STATES_EDIT = new Permission('AgentStates.Edit');
  /** Agent status - Enable/Disable (`AgentStates.EnableAndDisable`). */
  public static readonly AGENT_STATES_ENABLE_AND_DISABLE = new Permission('AgentStates.EnableAndDisable');
  /** Agent status - View (`AgentStates.View`). */
  public static readonly AGENT_STATES_VIEW = new Permission('AgentStates.View');
  /** View historical changes of user records (`HistoricalChanges.View`). */
  public static readonly HISTORICAL_CHANGES_VIEW = new Permission('HistoricalChanges.View');

  // Contact Control Panel
  /** Access Contact Control Panel (`BasicAgentAccess`). */
  public static readonly BASIC_AGENT_ACCESS = new Permission('BasicAgentAccess');
  /** Make outbound calls (`OutboundCallAccess`). */
  public static readonly OUTBOUND_CALL_ACCESS = new Permission('OutboundCallAccess');
  /** Contact Lens data (real-time analytics in the CCP) (`RealtimeContactLens.View`). */
  public static readonly REALTIME_CONTACT_LENS_VIEW = new Permission('RealtimeContactLens.View');
  /** Voice ID controls in the CCP (`VoiceId.Access`). */
  public static readonly VOICE_ID_ACCESS = new Permission('VoiceId.Access');
  /** Restrict task creation (blocks agents from creating tasks) (`RestrictTaskCreation.Access`). */
  public static readonly RESTRICT_TASK_CREATION_ACCESS = new Permission('RestrictTaskCreation.Access');

  // Analytics and optimization
  /** Access metrics (real-time and historical metrics reports) (`AccessMetrics`). */
  public static readonly ACCESS_METRICS = new Permission('AccessMetrics');
  /** Real-time metrics page (`RealTimeMetrics.Access`). */
  public static readonly REAL_TIME_METRICS_ACCESS = new Permission('RealTimeMetrics.Access');
  /** Historical metrics page (`HistoricalMetrics.Access`). */
  public static readonly HISTORICAL_METRICS_ACCESS = new Permission('HistoricalMetrics.Access');
  /** Agent activity audit (`AgentActivityAudit.Access`). */
  public static readonly AGENT_ACTIVITY_AUDIT_ACCESS = new Permission('AgentActivityAudit.Access');
  /** Contact search (`ContactSearch.View`). */
  public static readonly CONTACT_SEARCH_VIEW = new Permission('ContactSearch.View');
  /** Search contacts by conversation characteristics (`ContactSearchWithCharacteristics.Access`). */
  public static readonly CONTACT_SEARCH_WITH_CHARACTERISTICS_ACCESS = new Permission('ContactSearchWithCharacteristics.Access');
  /** Search contacts by conversation characteristics - View (`ContactSearchWithCharacteristics.View`). */
  public static readonly CONTACT_SEARCH_WITH_CHARACTERISTICS_VIEW = new Permission('ContactSearchWithCharacteristics.View');
  /** Search contacts by keywords (`ContactSearchWithKeywords.Access`). */
  public static readonly CONTACT_SEARCH_WITH_KEYWORDS_ACCESS = new Permission('ContactSearchWithKeywords.Access');
  /** Search contacts by keywords - View (`ContactSearchWithKeywords.View`). */
  public static readonly CONTACT_SEARCH_WITH_KEYWORDS_VIEW = new Permission('ContactSearchWithKeywords.View');
  /** Configure searchable contact attributes - View (`ConfigureContactAttributes.View`). */
  public static readonly CONFIGURE_CONTACT_ATTRIBUTES_VIEW = new Permission('ConfigureContactAttributes.View');
  /** Contact recording access (`ContactRecording.Access`). */
  public static readonly CONTACT_RECORDING_ACCESS = new Permission('ContactRecording.Access');
  /** Restrict contact access by agent hierarchy (`RestrictContactAccessByHierarchy.View`). */
  public static readonly RESTRICT_CONTACT_ACCESS_BY_HIERARCHY_VIEW = new Permission('RestrictContactAccessByHierarchy.View');
  /** Contact attributes - View (`ContactAttributes.View`). */
  public static readonly CONTACT_ATTRIBUTES_VIEW = new Permission('ContactAttributes.View');
  /** Contact Lens speech analytics - View (`GraphTrends.View`). */
  public static readonly GRAPH_TRENDS_VIEW = new Permission('GraphTrends.View');
  /** Contact Lens custom vocabularies - Edit (`ContactLensCustomVocabulary.Edit`). */
  public static readonly CONTACT_LENS_CUSTOM_VOCABULARY_EDIT = new Permission('ContactLensCustomVocabulary.Edit');
  /** Contact Lens custom vocabularies - View (`ContactLensCustomVocabulary.View`). */
  public static readonly CONTACT_LENS_CUSTOM_VOCABULARY_VIEW = new Permission('ContactLensCustomVocabulary.View');
  /** Rules - Create (`Rules.Create`). */
  public static readonly RULES_CREATE = new Permission('Rules.Create');
  /** Rules - Delete (`Rules.Delete`). */
  public static readonly RULES_DELETE = new Permission('Rules.Delete');
  /** Rules - Edit (`Rules.Edit`). */
  public static readonly RULES_EDIT = new Permission('Rules.Edit');
  /** Rules - View (`Rules.View`). */
  public static readonly RULES_VIEW = new Permission('Rules.View');
  /** Recorded conversations (redacted) (`RedactedData.View`). */
  public static readonly REDACTED_DATA_VIEW = new Permission('RedactedData.View');
  /** Recorded conversations (unredacted) - View and listen (`ListenCallRecordings`). */
  public static readonly LISTEN_CALL_RECORDINGS = new Permission('ListenCallRecordings');
  /** Recorded conversations (unredacted) - Enable download button (`DownloadCallRecordings`). */
  public static readonly DOWNLOAD_CALL_RECORDINGS = new Permission('DownloadCallRecordings');
  /** Recorded conversations (unredacted) - Delete (`DeleteCallRecordings`). */
  public static readonly DELETE_CALL_RECORDINGS = new Permission('DeleteCallRecordings');
  /** Screen recording - Access (includes the unredacted call audio) (`ScreenRecording.Access`). */
  public static readonly SCREEN_RECORDING_ACCESS = new Permission('ScreenRecording.Access');
  /** Login/Logout report - View (`AgentTimeCard.View`). */
  public static readonly AGENT_TIME_CARD_VIEW = new Permission('AgentTimeCard.View');
  /** Manager monitor - Enable/Disable (`ManagerListenIn`). */
  public static readonly MANAGER_LISTEN_IN = new Permission('ManagerListenIn');
  /** Saved reports - View (`MetricsReports.View`). */
  public static readonly METRICS_REPORTS_VIEW = new Permission('MetricsReports.View');
  /** Saved reports - Create (`MetricsReports.Create`). */
  public static readonly METRICS_REPORTS_CREATE = new Permission('MetricsReports.Create');
  /** Saved reports - Share (`MetricsReports.Share`). */
  public static readonly METRICS_REPORTS_SHARE = new Permission('MetricsReports.Share');
  /** Saved reports - Edit (`MetricsReports.Edit`). */
  public static readonly METRICS_REPORTS_EDIT = new Permission('MetricsReports.Edit');
  /** Saved reports - Delete (`MetricsReports.Delete`). */
  public static readonly METRICS_REPORTS_DELETE = new Permission('MetricsReports.Delete');
  /** Saved reports - Publish (`MetricsReports.Publish`). */
  public static readonly METRICS_REPORTS_PUBLISH = new Permission('MetricsReports.Publish');
  /** Saved reports - Schedule (`MetricsReports.Schedule`). */
  public static readonly METRICS_REPORTS_SCHEDULE = new Permission('MetricsReports.Schedule');
  /** Report schedules - Create (`ReportSchedules.Create`). */
  public static readonly REPORT_SCHEDULES_CREATE = new Permission('ReportSchedules.Create');
  /** Report schedules - Delete (`ReportSchedules.Delete`). */
  public static readonly REPORT_SCHEDULES_DELETE = new Permission('ReportSchedules.Delete');
  /** Report schedules - Edit (`ReportSchedules.Edit`). */
  public static readonly REPORT_SCHEDULES_EDIT = new Permission('ReportSchedules.Edit');
  /** Report schedules - View (`ReportSchedules.View`). */
  public static readonly REPORT_SCHEDULES_VIEW = new Permission('ReportSchedules.View');
  /** Evaluation forms - perform evaluations (create) (`Evaluation.Create`). */
  public static readonly EVALUATION_CREATE = new Permission('Evaluation.Create');
  /** Evaluation forms - perform evaluations (view) (`Evaluation.View`). */
  public static readonly EVALUATION_VIEW = new Permission('Evaluation.View');
  /** Evaluation forms - perform evaluations (edit) (`Evaluation.Edit`). */
  public static readonly EVALUATION_EDIT = new Permission('Evaluation.Edit');
  /** Evaluation forms - perform evaluations (delete) (`Evaluation.Delete`). */
  public static readonly EVALUATION_DELETE = new Permission('Evaluation.Delete');
  /** Evaluation forms - manage form definitions (create) (`EvaluationForms.Create`). */
  public static readonly EVALUATION_FORMS_CREATE = new Permission('EvaluationForms.Create');
  /** Evaluation forms - manage form definitions (view) (`EvaluationForms.View`). */
  public static readonly EVALUATION_FORMS_VIEW = new Permission('EvaluationForms.View');
  /** Evaluation forms - manage form definitions (edit) (`EvaluationForms.Edit`). */
  public static readonly EVALUATION_FORMS_EDIT = new Permission('EvaluationForms.Edit');
  /** Evaluation forms - manage form definitions (delete) (`EvaluationForms.Delete`). */
  public static readonly EVALUATION_FORMS_DELETE = new Permission('EvaluationForms.Delete');
  /** Voice ID - attributes and search (`VoiceIdAttributesAndSearch.View`). */
  public static readonly VOICE_ID_ATTRIBUTES_AND_SEARCH_VIEW = new Permission('VoiceIdAttributesAndSearch.View');
  /** Forecasting - View (`Forecasting.View`). */
  public static readonly FORECASTING_VIEW = new Permission('Forecasting.View');
  /** Forecasting - Edit (also the forecast and schedule interval) (`Forecasting.Edit`). */
  public static readonly FORECASTING_EDIT = new Permission('Forecasting.Edit');
  /** Forecasting - Publish (`Forecasting.Publish`). */
  public static readonly FORECASTING_PUBLISH = new Permission('Forecasting.Publish');
  /** Capacity planning - View (`Capacity.View`). */
  public static readonly CAPACITY_VIEW = new Permission('Capacity.View');
  /** Capacity planning - Edit (`Capacity.Edit`). */
  public static readonly CAPACITY_EDIT = new Permission('Capacity.Edit');
  /** Capacity planning - Publish (`Capacity.Publish`). */
  public static readonly CAPACITY_PUBLISH = new Permission('Capacity.Publish');

  // Customer Profiles
  /** Customer profiles - Create (`CustomerProfiles.Create`). */
  public static readonly CUSTOMER_PROFILES_CREATE = new Permission('CustomerProfiles.Create');
  /** Customer profiles - Edit (`CustomerProfiles.Edit`). */
  public static readonly CUSTOMER_PROFILES_EDIT = new Permission('CustomerProfiles.Edit');
  /** Customer profiles - View (`CustomerProfiles.View`). */
  public static readonly CUSTOMER_PROFILES_VIEW = new Permission('CustomerProfiles.View');

  // Scheduling
  /** Schedule manager - View, published schedule calendar (`Scheduling.View`). */
  public static readonly SCHEDULING_VIEW = new Permission('Scheduling.View');
  /** Schedule manager - Edit (`Scheduling.Edit`). */
  public static readonly SCHEDULING_EDIT = new Permission('Scheduling.Edit');
  /** Schedule manager - Publish (`Scheduling.Publish`). */
  public static readonly SCHEDULING_PUBLISH = new Permission('Scheduling.Publish');
  /** Team calendar - View (`TeamCalendar.View`). */
  public static readonly TEAM_CALENDAR_VIEW = new Permission('TeamCalendar.View');
  /** Team calendar - Edit (`TeamCalendar.Edit`). */
  public static readonly TEAM_CALENDAR_EDIT = new Permission('TeamCalendar.Edit');

  // Agent applications
  /** Agent application schedule calendar - View (`StaffCalendar.View`). */
  public static readonly STAFF_CALENDAR_VIEW = new Permission('StaffCalendar.View');
  /** Agent application schedule calendar - Edit (`StaffCalendar.Edit`). */
  public static readonly STAFF_CALENDAR_EDIT = new Permission('StaffCalendar.Edit');
  /** Custom views (step-by-step guides) in the agent workspace (`CustomViews.Access`). */
  public static readonly CUSTOM_VIEWS_ACCESS = new Permission('CustomViews.Access');
  /** Real-time recommendations (Amazon Q in Connect) in the agent workspace (`Wisdom.View`). */
  public static readonly WISDOM_VIEW = new Permission('Wisdom.View');

  // Cases
  /** Cases - Create (`Cases.Create`). */
  public static readonly CASES_CREATE = new Permission('Cases.Create');
  /** Cases - View (`Cases.View`). */
  public static readonly CASES_VIEW = new Permission('Cases.View');
  /** Cases - Edit (`Cases.Edit`). */
  public static readonly CASES_EDIT = new Permission('Cases.Edit');
  /** Case fields - Create (`CaseFields.Create`). */
  public static readonly CASE_FIELDS_CREATE = new Permission('CaseFields.Create');
  /** Case fields - View (`CaseFields.View`). */
  public static readonly CASE_FIELDS_VIEW = new Permission('CaseFields.View');
  /** Case fields - Edit (`CaseFields.Edit`). */
  public static readonly CASE_FIELDS_EDIT = new Permission('CaseFields.Edit');
  /** Case templates - Create (`CaseTemplates.Create`). */
  public static readonly CASE_TEMPLATES_CREATE = new Permission('CaseTemplates.Create');
  /** Case templates - View (`CaseTemplates.View`). */
  public static readonly CASE_TEMPLATES_VIEW = new Permission('CaseTemplates.View');
  /** Case templates - Edit (`CaseTemplates.Edit`). */
  public static readonly CASE_TEMPLATES_EDIT = new Permission('CaseTemplates.Edit');

  // Outbound campaigns
  /** Campaigns - Create (`Campaigns.Create`). */
  public static readonly CAMPAIGNS_CREATE = new Permission('Campaigns.Create');
  /** Campaigns - Delete (`Campaigns.Delete`). */
  public static readonly CAMPAIGNS_DELETE = new Permission('Campaigns.Delete');
  /** Campaigns - Edit (`Campaigns.Edit`). */
  public static readonly CAMPAIGNS_EDIT = new Permission('Campaigns.Edit');

  /**
   * A permission by its API name (as `ListSecurityProfilePermissions` returns it), for example `Users.View`.
   *
   * The name is checked when the permission is added to a security profile: 1 to 128 characters, letters,
   * digits, `_` and `-` in dot-separated parts.
   */
  public static custom(name: string): Permission {
    return new Permission(name);
  }

  /**
   * The API name of the permission, for example `Users.View`.
   */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /**
   * The API name of the permission.
   */
  public toString(): string {
    return this.name;
  }
}

/**
 * A kind of resource that a security profile's access control restrictions apply to.
 */
export class RestrictedResource {
  /** Users (agents). The only kind hierarchy-based access control applies to. */
  public static readonly USER = new RestrictedResource('User');

  /** Security profiles. */
  public static readonly SECURITY_PROFILE = new RestrictedResource('SecurityProfile');

  /** Queues. */
  public static readonly QUEUE = new RestrictedResource('Queue');

  /** Routing profiles. */
  public static readonly ROUTING_PROFILE = new RestrictedResource('RoutingProfile');

  /**
   * A kind of resource by its name, for kinds that Amazon Connect supports but this class does not list.
   * 1 to 128 characters.
   */
  public static custom(name: string): RestrictedResource {
    return new RestrictedResource(name);
  }

  /**
   * The name of the kind of resource, for example `User`.
   */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }
}

/**
 * A tag that a security profile's users must find on a resource to access it (tag-based access control).
 */
export interface AccessControlTag {
  /**
   * The tag key. 1 to 128 characters; letters, digits and `+ - = . _ : /`; must not start with `aws:`.
   */
  readonly key: string;

  /**
   * The tag value. Up to 256 characters.
   */
  readonly value: string;
}

/**
 * An application (a third-party application in the agent workspace) that a security profile gives access to.
 */
export interface SecurityProfileApplication {
  /**
   * The namespace of the application. 1 to 128 characters.
   */
  readonly applicationNamespace: string;

  /**
   * The permissions granted on the application, 1 to 10, each 1 to 128 characters (for third-party
   * applications, `ACCESS`).
   */
  readonly applicationPermissions: string[];
}

/**
 * Properties of a security profile.
 */
export interface SecurityProfileProps {
  /**
   * The instance the security profile belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the security profile. 1 to 127 characters: letters, digits, spaces, `_`, `@` and `-`.
   * The name cannot be changed after creation (changing it replaces the profile).
   */
  readonly securityProfileName: string;

  /**
   * The description of the security profile. 1 to 250 characters.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The permissions the profile grants, at most 500. More can be added with `addPermissions()`.
   *
   * @default - no permissions
   */
  readonly permissions?: Permission[];

  /**
   * Tags that resources must have for users with this profile to access them, at most 2. The restriction
   * applies to the kinds of resources in `tagRestrictedResources`.
   *
   * @default - no tag-based access control
   */
  readonly allowedAccessControlTags?: AccessControlTag[];

  /**
   * The kinds of resources that `allowedAccessControlTags` restrict access to, at most 10.
   *
   * @default - none
   */
  readonly tagRestrictedResources?: RestrictedResource[];

  /**
   * The hierarchy group whose members (and the members of its child groups) users with this profile may
   * access. The restriction applies to the kinds of resources in `hierarchyRestrictedResources`.
   *
   * @default - no hierarchy-based access control
   */
  readonly allowedAccessControlHierarchyGroup?: IUserHierarchyGroup;

  /**
   * The kinds of resources that `allowedAccessControlHierarchyGroup` restricts access to, at most 10.
   * Amazon Connect supports `RestrictedResource.USER`.
   *
   * @default - none
   */
  readonly hierarchyRestrictedResources?: RestrictedResource[];

  /**
   * Applications in the agent workspace that the profile gives access to, at most 10.
   *
   * @default - no applications
   */
  readonly applications?: SecurityProfileApplication[];
}

const NAME_PATTERN = /^[ a-zA-Z0-9_@-]+$/;
const PERMISSION_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const TAG_KEY_PATTERN = /^(?!aws:)[a-zA-Z+-=._:/]+$/;
const MAX_PERMISSIONS = 500;

/**
 * An Amazon Connect security profile: a set of permissions assigned to users, optionally restricted to
 * resources with given tags or to users in a given hierarchy group.
 *
 * Permissions can be added after construction with `addPermissions()`. Tags are set with `Tags.of(...)`.
 *
 * @resource AWS::Connect::SecurityProfile
 */
export class SecurityProfile extends SecurityProfileBase {
  /**
   * Imports a security profile by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/security-profile/<id>`).
   */
  public static fromSecurityProfileArn(scope: Construct, id: string, securityProfileArn: string): ISecurityProfile {
    class Import extends SecurityProfileBase {
      public readonly securityProfileArn = securityProfileArn;
      public readonly securityProfileId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(securityProfileArn) });
        const parts = parseInstanceResourceArn(this, securityProfileArn, 'security-profile', 'security profile');
        this.securityProfileId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the security profile.
   *
   * @attribute
   */
  public readonly securityProfileArn: string;

  /**
   * The id of the security profile.
   *
   * @attribute
   */
  public get securityProfileId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._securityProfileId ?? (this._securityProfileId = resourceIdOfArn(this, this.securityProfileArn, 'security-profile', 'security profile'));
  }

  private _securityProfileId?: string;

  /**
   * The ARN of the instance the security profile belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the security profile.
   */
  public readonly securityProfileName: string;

  /** The permission names: the array the CfnSecurityProfile holds once there is one. */
  private readonly permissionNames: string[] = [];
  private resource?: CfnSecurityProfile;

  constructor(scope: Construct, id: string, props: SecurityProfileProps) {
    super(scope, id);

    validateLength(this, 'name', props.securityProfileName, 1, 127);
    validatePattern(this, 'name', props.securityProfileName, NAME_PATTERN, 'letters, digits, spaces, _, @ and -');
    validateDescription(this, props.description);

    const instanceArn = props.instance.instanceArn;
    const tags = this.renderAccessControlTags(props.allowedAccessControlTags);
    const tagRestricted = this.renderRestrictedResources('tagRestrictedResources', props.tagRestrictedResources);
    const hierarchyRestricted = this.renderRestrictedResources('hierarchyRestrictedResources', props.hierarchyRestrictedResources);
    const applications = this.renderApplications(props.applications);

    const group = props.allowedAccessControlHierarchyGroup;
    const mismatch = group && sameInstanceError('allowedAccessControlHierarchyGroup', instanceArn, group.instanceArn);
    if (mismatch) {
      fail(this, mismatch);
    }

    this.addPermissions(...props.permissions ?? []);

    const resource = new CfnSecurityProfile(this, 'Resource', {
      instanceArn,
      securityProfileName: props.securityProfileName,
      description: props.description,
      permissions: this.permissionNames.length > 0 ? this.permissionNames : undefined,
      allowedAccessControlTags: tags,
      tagRestrictedResources: tagRestricted,
      allowedAccessControlHierarchyGroupId: group?.userHierarchyGroupId,
      hierarchyRestrictedResources: hierarchyRestricted,
      applications,
    });
    fixLogicalIdAtSynthesis(resource);
    this.resource = resource;

    this.node.addValidation({
      validate: () => this.permissionNames.length > MAX_PERMISSIONS
        ? [`a security profile has at most ${MAX_PERMISSIONS} permissions, got ${this.permissionNames.length}`]
        : [],
    });

    this.securityProfileName = props.securityProfileName;
    this.instanceArn = instanceArn;
    this.securityProfileArn = resource.attrSecurityProfileArn;
  }

  /**
   * Adds permissions to the profile. A permission that the profile already has is not added again.
   */
  public addPermissions(...permissions: Permission[]): void {
    for (const permission of permissions) {
      const name = permission.name;
      if (!Token.isUnresolved(name)) {
        validateLength(this, 'permission name', name, 1, 128);
        validatePattern(this, 'permission name', name, PERMISSION_PATTERN, 'dot-separated parts of letters, digits, _ and -');
      }
      if (!this.permissionNames.includes(name)) {
        this.permissionNames.push(name);
      }
    }
    if (this.resource !== undefined && this.resource.permissions === undefined && this.permissionNames.length > 0) {
      this.resource.permissions = this.permissionNames;
    }
  }

  private renderAccessControlTags(tags: AccessControlTag[] | undefined): CfnSecurityProfile['allowedAccessControlTags'] {
    if (tags === undefined) {
      return undefined;
    }
    validateCount(this, 'allowedAccessControlTags', tags, 0, 2);
    const keys = new Set<string>();
    for (const tag of tags) {
      validateLength(this, 'access control tag key', tag.key, 1, 128);
      validatePattern(this, 'access control tag key', tag.key, TAG_KEY_PATTERN, 'letters, digits and + - = . _ : / and not start with aws:');
      validateLength(this, `value of access control tag '${tag.key}'`, tag.value, 0, 256);
      if (!Token.isUnresolved(tag.key)) {
        if (keys.has(tag.key)) {
          fail(this, `access control tag keys must be unique, '${tag.key}' appears more than once`);
        }
        keys.add(tag.key);
      }
    }
    return tags.map(tag => ({ key: tag.key, value: tag.value }));
  }

  private renderRestrictedResources(what: string, resources: RestrictedResource[] | undefined): string[] | undefined {
    if (resources === undefined) {
      return undefined;
    }
    validateCount(this, what, resources, 0, 10);
    const names: string[] = [];
    for (const resource of resources) {
      validateLength(this, `${what} entry`, resource.name, 1, 128);
      if (!Token.isUnresolved(resource.name) && names.includes(resource.name)) {
        fail(this, `${what} must be unique, '${resource.name}' appears more than once`);
      }
      names.push(resource.name);
    }
    return names;
  }

  private renderApplications(applications: SecurityProfileApplication[] | undefined): CfnSecurityProfile.ApplicationProperty[] | undefined {
    if (applications === undefined) {
      return undefined;
    }
    validateCount(this, 'applications', applications, 0, 10);
    const namespaces = new Set<string>();
    for (const application of applications) {
      const ns = application.applicationNamespace;
      validateLength(this, 'application namespace', ns, 1, 128);
      if (!Token.isUnresolved(ns)) {
        if (namespaces.has(ns)) {
          fail(this, `application namespaces must be unique, '${ns}' appears more than once`);
        }
        namespaces.add(ns);
      }
      validateCount(this, `permissions of application '${ns}'`, application.applicationPermissions, 1, 10);
      const seen = new Set<string>();
      for (const permission of application.applicationPermissions) {
        validateLength(this, `permission of application '${ns}'`, permission, 1, 128);
        if (!Token.isUnresolved(permission)) {
          if (seen.has(permission)) {
            fail(this, `permissions of application '${ns}' must be unique, '${permission}' appears more than once`);
          }
          seen.add(permission);
        }
      }
    }
    return applications.map(application => ({
      namespace: application.applicationNamespace,
      applicationPermissions: [...application.applicationPermissions],
    }));
  }
}
