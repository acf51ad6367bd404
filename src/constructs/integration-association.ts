import {
  Annotations, Arn, ArnFormat, CustomResource, IResource, ITaggableV2, Lazy, Resource, Stack, TagManager, TagType, Token,
} from 'aws-cdk-lib';
import { CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { IUseCase, UseCase, UseCaseType } from './use-case';
import { ConnectProvider } from '../custom-resources/provider';
import { ConnectPermission, connectResource } from '../custom-resources/resource';
import { importEnvironmentArn, instanceResourceArn, parseInstanceResourceArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * The kind of AWS resource an integration association connects to an instance (`IntegrationType` of the Connect
 * API's `CreateIntegrationAssociation`).
 *
 * `AWS::Connect::IntegrationAssociation` accepts only `LAMBDA_FUNCTION`, `LEX_BOT` and `APPLICATION`; an
 * `IntegrationAssociation` of any other type is made through the Connect API by the stack's cdk-connect custom
 * resource provider.
 */
export class IntegrationType {
  /** An AWS Lambda function that flows invoke (`arn:aws:lambda:<region>:<account>:function:<name>`). */
  public static readonly LAMBDA_FUNCTION = new IntegrationType('LAMBDA_FUNCTION');
  /** An Amazon Lex bot: a V2 bot alias (`arn:aws:lex:<region>:<account>:bot-alias/<bot-id>/<alias-id>`) or a V1 bot. */
  public static readonly LEX_BOT = new IntegrationType('LEX_BOT');
  /** A third-party application of Amazon AppIntegrations (`arn:aws:app-integrations:<region>:<account>:application/<id>`). */
  public static readonly APPLICATION = new IntegrationType('APPLICATION');
  /** An Amazon Connect Cases domain (`arn:aws:cases:<region>:<account>:domain/<id>`). */
  public static readonly CASES_DOMAIN = new IntegrationType('CASES_DOMAIN');
  /** An Amazon Q in Connect (Wisdom) assistant (`arn:aws:wisdom:<region>:<account>:assistant/<id>`). */
  public static readonly WISDOM_ASSISTANT = new IntegrationType('WISDOM_ASSISTANT');
  /** An Amazon Q in Connect (Wisdom) knowledge base (`arn:aws:wisdom:<region>:<account>:knowledge-base/<id>`). */
  public static readonly WISDOM_KNOWLEDGE_BASE = new IntegrationType('WISDOM_KNOWLEDGE_BASE');
  /** An Amazon Q in Connect knowledge base of quick responses (`arn:aws:wisdom:<region>:<account>:knowledge-base/<id>`). */
  public static readonly WISDOM_QUICK_RESPONSES = new IntegrationType('WISDOM_QUICK_RESPONSES');
  /** An Amazon Q in Connect knowledge base of message templates (`arn:aws:wisdom:<region>:<account>:knowledge-base/<id>`). */
  public static readonly Q_MESSAGE_TEMPLATES = new IntegrationType('Q_MESSAGE_TEMPLATES');
  /** An Amazon SES identity, for the email channel (`arn:aws:ses:<region>:<account>:identity/<domain or address>`). */
  public static readonly SES_IDENTITY = new IntegrationType('SES_IDENTITY');
  /** A Lambda function that scans attachments (`arn:aws:lambda:<region>:<account>:function:<name>`). */
  public static readonly FILE_SCANNER = new IntegrationType('FILE_SCANNER');
  /** A Lambda function that processes chat messages in flight (`arn:aws:lambda:<region>:<account>:function:<name>`). */
  public static readonly MESSAGE_PROCESSOR = new IntegrationType('MESSAGE_PROCESSOR');
  /**
   * An Amazon AppIntegrations event integration that brings events of an external application, such as
   * Salesforce or Zendesk (`arn:aws:app-integrations:<region>:<account>:event-integration/<name>`).
   * Needs an `eventSource`.
   */
  public static readonly EVENT = new IntegrationType('EVENT');
  /**
   * An Amazon Cognito user pool that authenticates customers in chats (the Authenticate Customer flow block)
   * (`arn:aws:cognito-idp:<region>:<account>:userpool/<pool-id>`).
   */
  public static readonly COGNITO_USER_POOL = new IntegrationType('COGNITO_USER_POOL');
  /** An Amazon Connect Voice ID domain (`arn:aws:voiceid:<region>:<account>:domain/<domain-id>`). */
  public static readonly VOICE_ID = new IntegrationType('VOICE_ID');
  /**
   * An AWS End User Messaging (Amazon Pinpoint) application, for outbound campaigns and SMS
   * (`arn:aws:mobiletargeting:<region>:<account>:apps/<app-id>`), in the instance's account.
   */
  public static readonly PINPOINT_APP = new IntegrationType('PINPOINT_APP');
  /**
   * An Amazon Chime SDK Voice Connector that streams calls of another telephony system to Contact Lens
   * conversational analytics (`arn:aws:chime:<region>:<account>:vc/<voice-connector-id>`).
   */
  public static readonly ANALYTICS_CONNECTOR = new IntegrationType('ANALYTICS_CONNECTOR');
  /**
   * An Amazon Chime SDK Voice Connector that transfers calls to another telephony system over SIP (an external voice
   * transfer connector) (`arn:aws:chime:<region>:<account>:vc/<voice-connector-id>`).
   */
  public static readonly CALL_TRANSFER_CONNECTOR = new IntegrationType('CALL_TRANSFER_CONNECTOR');

  /**
   * An integration type that has no constant here, for one Connect accepts after this library was released.
   * Unknown types add a warning and are made through the Connect API.
   *
   * @param value the `IntegrationType` value, upper case with underscores
   */
  public static of(value: string): IntegrationType {
    return new IntegrationType(value);
  }

  /** The `IntegrationType` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * The kind of external application an `EVENT` integration brings events from.
 */
export class EventIntegrationSourceType {
  /** Salesforce. */
  public static readonly SALESFORCE = new EventIntegrationSourceType('SALESFORCE');
  /** Zendesk. */
  public static readonly ZENDESK = new EventIntegrationSourceType('ZENDESK');
  /** Amazon Connect Cases. */
  public static readonly CASES = new EventIntegrationSourceType('CASES');

  /**
   * A source type that has no constant here.
   *
   * @param value the `SourceType` value, upper case with underscores
   */
  public static of(value: string): EventIntegrationSourceType {
    return new EventIntegrationSourceType(value);
  }

  /** The `SourceType` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * The external application of an `EVENT` integration association.
 */
export interface EventIntegrationSource {
  /**
   * The kind of application.
   */
  readonly sourceType: EventIntegrationSourceType;

  /**
   * The name of the application: 1 to 100 letters, digits, spaces, `_` and `-`.
   */
  readonly sourceApplicationName: string;

  /**
   * The URL of the application (1 to 2000 characters), such as `https://example.my.salesforce.com`.
   */
  readonly sourceApplicationUrl: string;
}

/**
 * An association of an AWS resource (a Lambda function, a Lex bot, a Cases domain, an Amazon Q in Connect assistant,
 * ...) with an Amazon Connect instance, defined in this app or imported.
 */
export interface IIntegrationAssociation extends IResource, connectRefs.IIntegrationAssociationRef {
  /**
   * The id of the integration association.
   *
   * @attribute
   */
  readonly integrationAssociationId: string;

  /**
   * The ARN of the integration association
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/integration-association/<id>`), as rules for
   * third-party events take it.
   *
   * @attribute
   */
  readonly integrationAssociationArn: string;

  /**
   * The ARN of the instance the integration belongs to.
   */
  readonly instanceArn: string;

  /**
   * The kind of integrated resource.
   */
  readonly integrationType: IntegrationType;

  /**
   * The ARN of the integrated resource.
   */
  readonly integrationArn: string;

  /**
   * Adds a use case to the integration, such as `UseCaseType.RULES_EVALUATION` so that rules can act on the
   * integration's events. An integration has at most one use case of each type.
   *
   * The use cases of an `IntegrationAssociation` made through the Connect API are created and deleted with it by the
   * custom resource; others are `AWS::Connect::UseCase` resources.
   *
   * @returns the use case
   */
  addUseCase(useCaseType: UseCaseType): IUseCase;
}

abstract class IntegrationAssociationBase extends Resource implements IIntegrationAssociation {
  public abstract readonly integrationAssociationId: string;
  public abstract readonly integrationAssociationArn: string;
  public abstract readonly instanceArn: string;
  public abstract readonly integrationType: IntegrationType;
  public abstract readonly integrationArn: string;

  public addUseCase(useCaseType: UseCaseType): IUseCase {
    const id = Token.isUnresolved(useCaseType.value) ? 'UseCase' : `UseCase${pascalCase(useCaseType.value)}`;
    if (this.node.tryFindChild(id) !== undefined) {
      fail(this, `use case ${useCaseType.value} is already added to this integration association; `
        + 'an integration association has at most one use case of each type');
    }
    return new UseCase(this, id, { integrationAssociation: this, useCaseType });
  }

  public get integrationAssociationRef(): connectRefs.IntegrationAssociationReference {
    return {
      instanceId: this.instanceArn,
      integrationType: this.integrationType.value,
      integrationArn: this.integrationArn,
    };
  }

  /**
   * Makes a use case part of this association, when the association manages its use cases itself (one made through
   * the Connect API); `undefined` when the use case must be a resource of its own.
   *
   * @internal
   */
  public _bindUseCase(_useCaseType: string): { readonly useCaseId: string; readonly useCaseArn: string } | undefined {
    return undefined;
  }
}

/**
 * Attributes of an integration association to import.
 */
export interface IntegrationAssociationAttributes {
  /**
   * The ARN of the integration association
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/integration-association/<id>`).
   */
  readonly integrationAssociationArn: string;

  /**
   * The kind of integrated resource.
   */
  readonly integrationType: IntegrationType;

  /**
   * The ARN of the integrated resource.
   */
  readonly integrationArn: string;
}

/**
 * Properties of an `IntegrationAssociation`.
 */
export interface IntegrationAssociationProps {
  /**
   * The instance to associate the resource with.
   */
  readonly instance: IInstance;

  /**
   * The kind of resource.
   */
  readonly integrationType: IntegrationType;

  /**
   * The ARN of the resource, of the service and resource type the integration type takes: at most 140 characters for
   * the types `AWS::Connect::IntegrationAssociation` makes (Lambda functions, Lex bots, applications), 2048 otherwise.
   */
  readonly integrationArn: string;

  /**
   * The external application, for (and only for) `IntegrationType.EVENT`.
   *
   * @default - none; required for `IntegrationType.EVENT`
   */
  readonly eventSource?: EventIntegrationSource;
}

/** What the ARN of each integration type's resource looks like. */
interface IntegrationArnForm {
  readonly pattern: RegExp;
  readonly description: string;
}

const ARN_PREFIX = 'arn:aws[a-z-]*';
const REGION_ACCOUNT = '[a-z0-9-]+:\\d{12}';

function arnForm(service: string, resource: string, description: string): IntegrationArnForm {
  return { pattern: new RegExp(`^${ARN_PREFIX}:${service}:${REGION_ACCOUNT}:${resource}$`), description };
}

const LAMBDA_FUNCTION_ARN = arnForm('lambda', 'function:[a-zA-Z0-9_-]{1,64}(:(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?',
  'the ARN of a Lambda function (arn:aws:lambda:<region>:<account>:function:<name>)');
const KNOWLEDGE_BASE_ARN = arnForm('wisdom', 'knowledge-base/[-a-zA-Z0-9]+',
  'the ARN of an Amazon Q in Connect knowledge base (arn:aws:wisdom:<region>:<account>:knowledge-base/<id>)');
const VOICE_CONNECTOR_ARN = arnForm('chime', 'vc/[a-zA-Z0-9]+',
  'the ARN of an Amazon Chime SDK Voice Connector (arn:aws:chime:<region>:<account>:vc/<voice-connector-id>)');

/** The ARN form of each type this library knows. */
const ARN_FORMS: { readonly [type: string]: IntegrationArnForm } = {
  LAMBDA_FUNCTION: LAMBDA_FUNCTION_ARN,
  LEX_BOT: arnForm('lex', '(bot-alias/[0-9a-zA-Z]{10}/[0-9a-zA-Z]{10}|bot:[a-zA-Z_]+(:[a-zA-Z_]+)?)',
    'the ARN of a Lex V2 bot alias (arn:aws:lex:<region>:<account>:bot-alias/<bot-id>/<alias-id>) or of a Lex V1 bot'),
  APPLICATION: arnForm('app-integrations', 'application/[-a-zA-Z0-9]+',
    'the ARN of an AppIntegrations application (arn:aws:app-integrations:<region>:<account>:application/<id>)'),
  CASES_DOMAIN: arnForm('cases', 'domain/[-a-zA-Z0-9]+',
    'the ARN of a Cases domain (arn:aws:cases:<region>:<account>:domain/<id>)'),
  WISDOM_ASSISTANT: arnForm('wisdom', 'assistant/[-a-zA-Z0-9]+',
    'the ARN of an Amazon Q in Connect assistant (arn:aws:wisdom:<region>:<account>:assistant/<id>)'),
  WISDOM_KNOWLEDGE_BASE: KNOWLEDGE_BASE_ARN,
  WISDOM_QUICK_RESPONSES: KNOWLEDGE_BASE_ARN,
  Q_MESSAGE_TEMPLATES: KNOWLEDGE_BASE_ARN,
  SES_IDENTITY: arnForm('ses', 'identity/[^\\s/]+',
    'the ARN of an SES identity (arn:aws:ses:<region>:<account>:identity/<domain or email address>)'),
  FILE_SCANNER: LAMBDA_FUNCTION_ARN,
  MESSAGE_PROCESSOR: LAMBDA_FUNCTION_ARN,
  EVENT: arnForm('app-integrations', 'event-integration/[^\\s/]+',
    'the ARN of an AppIntegrations event integration (arn:aws:app-integrations:<region>:<account>:event-integration/<name>)'),
  COGNITO_USER_POOL: arnForm('cognito-idp', 'userpool/[\\w-]+_[0-9a-zA-Z]+',
    'the ARN of a Cognito user pool (arn:aws:cognito-idp:<region>:<account>:userpool/<pool-id>)'),
  VOICE_ID: arnForm('voiceid', 'domain/[-a-zA-Z0-9]+',
    'the ARN of a Voice ID domain (arn:aws:voiceid:<region>:<account>:domain/<domain-id>)'),
  PINPOINT_APP: arnForm('mobiletargeting', 'apps/[-a-zA-Z0-9]+',
    'the ARN of an AWS End User Messaging (Pinpoint) application (arn:aws:mobiletargeting:<region>:<account>:apps/<app-id>)'),
  ANALYTICS_CONNECTOR: VOICE_CONNECTOR_ARN,
  CALL_TRANSFER_CONNECTOR: VOICE_CONNECTOR_ARN,
};

/**
 * The types `AWS::Connect::IntegrationAssociation` accepts: those of the pinned CloudFormation schema, which cfn-lint's
 * schema accepts too. Every other type is made through the Connect API.
 */
const CLOUDFORMATION_TYPES = new Set(['LAMBDA_FUNCTION', 'LEX_BOT', 'APPLICATION']);

/** The longest integrated ARN `AWS::Connect::IntegrationAssociation` takes; the Connect API takes any ARN. */
const CLOUDFORMATION_MAX_ARN_LENGTH = 140;
const MAX_ARN_LENGTH = 2048;

const SOURCE_APPLICATION_NAME = /^[a-zA-Z0-9_ -]+$/;
const ANY_ARN = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/;

/** The custom resource type of associations made through the Connect API. */
const RESOURCE_TYPE = 'Custom::ConnectIntegrationAssociation';

/**
 * An association of an AWS resource with an Amazon Connect instance: a Lambda function flows invoke, a Lex bot, an
 * AppIntegrations application, a Cases domain, an Amazon Q in Connect assistant or knowledge base, an SES identity for
 * email, an attachment scanner, a message processor, the events of an external application, a Cognito user pool that
 * authenticates chat customers, a Voice ID domain, an End User Messaging application, or a Chime SDK Voice Connector
 * for analytics or call transfers.
 *
 * `AWS::Connect::IntegrationAssociation` accepts only Lambda functions, Lex bots and applications; the other types are
 * made through the Connect API by the stack's cdk-connect custom resource provider (`Custom::ConnectIntegrationAssociation`),
 * which also creates the association's use cases and, on delete, deletes them before the association. Changing the
 * integrated resource, its type or the event source replaces the association. Tags (`Tags.of`) apply to associations
 * made through the Connect API; CloudFormation's resource takes none.
 *
 * The instance's `associate...` methods create these for you, check the resource's ARN and associate each
 * resource once (and, for Lambda functions, let Connect invoke them); use this construct directly for a type that
 * has no method. Associating a Lambda function with this construct adds no permission to invoke it.
 *
 * ```ts
 * const cases = new IntegrationAssociation(this, 'Cases', {
 *   instance,
 *   integrationType: IntegrationType.CASES_DOMAIN,
 *   integrationArn: 'arn:aws:cases:us-east-1:111122223333:domain/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
 * });
 * ```
 *
 * @resource AWS::Connect::IntegrationAssociation
 */
export class IntegrationAssociation extends IntegrationAssociationBase implements ITaggableV2 {
  /**
   * Imports an integration association. Its ARN gives the instance and the id; the type and the integrated
   * resource's ARN complete the reference other constructs take.
   */
  public static fromIntegrationAssociationAttributes(scope: Construct, id: string,
    attrs: IntegrationAssociationAttributes): IIntegrationAssociation {
    const arn = attrs.integrationAssociationArn;
    class Import extends IntegrationAssociationBase {
      public readonly integrationAssociationArn = arn;
      public readonly integrationAssociationId: string;
      public readonly instanceArn: string;
      public readonly integrationType = attrs.integrationType;
      public readonly integrationArn = attrs.integrationArn;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(arn) });
        const parts = parseInstanceResourceArn(this, arn, 'integration-association', 'integration association');
        this.integrationAssociationId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
        validateIntegration(this, attrs.integrationType, attrs.integrationArn, true);
      }
    }
    return new Import();
  }

  /**
   * The id of the integration association.
   *
   * @attribute
   */
  public readonly integrationAssociationId: string;

  /**
   * The ARN of the integration association.
   *
   * @attribute
   */
  public readonly integrationAssociationArn: string;

  /**
   * The ARN of the instance the integration belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The kind of integrated resource.
   */
  public readonly integrationType: IntegrationType;

  /**
   * The ARN of the integrated resource.
   */
  public readonly integrationArn: string;

  /**
   * Tags of the association (`Tags.of(association).add(...)`), for associations made through the Connect API.
   */
  public readonly cdkTagManager: TagManager;

  /** The custom resource, for associations made through the Connect API. */
  private readonly apiResource?: CustomResource;
  private readonly useCaseTypes: string[] = [];

  constructor(scope: Construct, id: string, props: IntegrationAssociationProps) {
    super(scope, id);

    validateIntegration(this, props.integrationType, props.integrationArn);
    const type = props.integrationType.value;
    const source = props.eventSource;
    if (type === IntegrationType.EVENT.value && source === undefined) {
      fail(this, 'eventSource is required for EVENT integrations (the source type, application name and URL)');
    }
    if (source !== undefined && type !== IntegrationType.EVENT.value) {
      fail(this, `eventSource is only supported for EVENT integrations, got integration type ${type}`);
    }
    if (source !== undefined) {
      validateLength(this, 'source application name', source.sourceApplicationName, 1, 100);
      validatePattern(this, 'source application name', source.sourceApplicationName, SOURCE_APPLICATION_NAME,
        'letters, digits, spaces, _ and -');
      validateLength(this, 'source application URL', source.sourceApplicationUrl, 1, 2000);
      validatePattern(this, 'source type', source.sourceType.value, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
    }

    this.instanceArn = props.instance.instanceArn;
    this.integrationType = props.integrationType;
    this.integrationArn = props.integrationArn;
    this.cdkTagManager = new TagManager(TagType.MAP, RESOURCE_TYPE);

    if (CLOUDFORMATION_TYPES.has(type)) {
      const resource = new CfnIntegrationAssociation(this, 'Resource', {
        instanceId: props.instance.instanceArn,
        integrationType: type,
        integrationArn: props.integrationArn,
      });
      fixLogicalIdAtSynthesis(resource);
      // The resource's schema has no Tags (cfn-lint rejects them): keep tags of an enclosing scope off it.
      resource.addPropertyDeletionOverride('Tags');
      this.integrationAssociationId = resource.attrIntegrationAssociationId;
      this.integrationAssociationArn = instanceResourceArn(this.instanceArn, 'integration-association', this.integrationAssociationId);
      return;
    }

    const resource = connectResource(this, 'Resource', {
      resourceType: RESOURCE_TYPE,
      properties: {
        InstanceId: props.instance.instanceId,
        IntegrationType: type,
        IntegrationArn: props.integrationArn,
        SourceType: source?.sourceType.value,
        SourceApplicationName: source?.sourceApplicationName,
        SourceApplicationUrl: source?.sourceApplicationUrl,
        UseCaseTypes: Lazy.list({ produce: () => [...this.useCaseTypes] }, { omitEmpty: true }),
        Tags: Lazy.any({ produce: () => this.cdkTagManager.renderTags() }),
      },
      permissions: integrationPermissions(this, type, this.instanceArn, props.integrationArn),
    });
    this.apiResource = resource;
    this.integrationAssociationId = resource.getAttString('IntegrationAssociationId');
    this.integrationAssociationArn = resource.getAttString('IntegrationAssociationArn');
  }

  /**
   * Use cases of an association made through the Connect API are created with it by the custom resource.
   *
   * @internal
   */
  public _bindUseCase(useCaseType: string): { readonly useCaseId: string; readonly useCaseArn: string } | undefined {
    if (this.apiResource === undefined) {
      return undefined;
    }
    if (this.useCaseTypes.length === 0) {
      ConnectProvider.getOrCreate(this).addPermissions(['connect:CreateUseCase'], associationResources(this.instanceArn));
    }
    this.useCaseTypes.push(useCaseType);
    return {
      useCaseId: this.apiResource.getAttString(`UseCaseId_${useCaseType}`),
      useCaseArn: this.apiResource.getAttString(`UseCaseArn_${useCaseType}`),
    };
  }
}

/** The instance, its integration associations and their use cases: what the custom resource's `connect:` calls touch. */
function associationResources(instanceArn: string): string[] {
  return [instanceArn, `${instanceArn}/integration-association/*`, `${instanceArn}/use-case/*`];
}

/**
 * What the custom resource calls for an association of the given type: the `connect:` actions on the instance, and
 * the actions Connect needs of the caller on the integrated resource (the dependent actions of
 * `connect:CreateIntegrationAssociation` and `connect:DeleteIntegrationAssociation` in the Service Authorization
 * Reference and the Connect Administrator Guide's permissions for each integration page).
 */
function integrationPermissions(scope: IConstruct, type: string, instanceArn: string, integrationArn: string): ConnectPermission[] {
  const stack = Stack.of(scope);
  const permissions: ConnectPermission[] = [
    {
      actions: [
        'connect:CreateIntegrationAssociation',
        'connect:DeleteIntegrationAssociation',
        'connect:ListIntegrationAssociations',
        'connect:ListTagsForResource',
        'connect:TagResource',
        'connect:UntagResource',
        'connect:ListUseCases',
        'connect:DeleteUseCase',
        'connect:DescribeInstance',
      ],
      resources: associationResources(instanceArn),
    },
    // A dependent action of the integration association and use case operations that supports no resource-level
    // permission (Connect looks up the instance's directory): it takes "*".
    { actions: ['ds:DescribeDirectories'], resources: ['*'] },
  ];
  // The rules Connect and AppIntegrations put on the default event bus for Voice ID and external events.
  const managedRules: ConnectPermission = {
    actions: ['events:PutRule', 'events:PutTargets', 'events:DeleteRule', 'events:RemoveTargets', 'events:ListTargetsByRule'],
    resources: [stack.formatArn({ service: 'events', resource: 'rule', resourceName: '*' })],
  };
  // Connect gives its service-linked role access to some integrated resources.
  const serviceLinkedRole = (actions: string[]): ConnectPermission => ({
    actions,
    resources: [stack.formatArn({
      service: 'iam', region: '', resource: 'role', resourceName: 'aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*',
    })],
  });
  switch (type) {
    case 'COGNITO_USER_POOL':
      permissions.push({ actions: ['cognito-idp:DescribeUserPool', 'cognito-idp:ListUserPoolClients'], resources: [integrationArn] });
      break;
    case 'VOICE_ID':
      permissions.push({ actions: ['voiceid:DescribeDomain'], resources: [integrationArn] }, managedRules,
        serviceLinkedRole(['iam:PutRolePolicy']));
      break;
    case 'PINPOINT_APP':
      permissions.push({ actions: ['mobiletargeting:GetApp'], resources: [integrationArn] });
      break;
    case 'EVENT':
      permissions.push({
        actions: ['app-integrations:CreateEventIntegrationAssociation', 'app-integrations:DeleteEventIntegrationAssociation'],
        resources: [integrationArn, eventIntegrationAssociationsArn(integrationArn)],
      }, managedRules);
      break;
    case 'ANALYTICS_CONNECTOR':
    case 'CALL_TRANSFER_CONNECTOR':
      permissions.push(
        // Permission-only actions of Amazon Chime SDK Voice that support no resource-level permission: they take "*".
        { actions: ['chime:AssociateVoiceConnectorConnect', 'chime:DisassociateVoiceConnectorConnect'], resources: ['*'] },
        { actions: ['chime:TagResource', 'chime:UntagResource'], resources: [integrationArn] },
      );
      break;
    case 'CASES_DOMAIN':
      permissions.push({ actions: ['cases:GetDomain'], resources: [integrationArn] }, serviceLinkedRole(['iam:PutRolePolicy']));
      break;
    case 'WISDOM_ASSISTANT':
      permissions.push({ actions: ['wisdom:GetAssistant', 'wisdom:TagResource'], resources: [integrationArn] },
        serviceLinkedRole(['iam:PutRolePolicy', 'iam:DeleteRolePolicy']));
      break;
    case 'WISDOM_KNOWLEDGE_BASE':
    case 'WISDOM_QUICK_RESPONSES':
    case 'Q_MESSAGE_TEMPLATES':
      permissions.push({ actions: ['wisdom:GetKnowledgeBase', 'wisdom:TagResource'], resources: [integrationArn] },
        serviceLinkedRole(['iam:PutRolePolicy', 'iam:DeleteRolePolicy']));
      break;
    default:
      // SES identities, attachment scanners and message processors: Connect documents no further permission.
      break;
  }
  return permissions;
}

/** The ARNs of the associations of an AppIntegrations event integration (token-safe). */
function eventIntegrationAssociationsArn(eventIntegrationArn: string): string {
  const parts = Arn.split(eventIntegrationArn, ArnFormat.SLASH_RESOURCE_NAME);
  return Arn.format({
    partition: parts.partition,
    service: 'app-integrations',
    region: parts.region,
    account: parts.account,
    resource: 'event-integration-association',
    resourceName: `${parts.resourceName}/*`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * Checks the integration type and the form of the integrated resource's ARN (skipped for tokens).
 *
 * An import creates nothing, so it accepts types this library does not know without a warning.
 */
function validateIntegration(scope: IConstruct, type: IntegrationType, integrationArn: string, imported: boolean = false): void {
  const value = type.value;
  if (Token.isUnresolved(value)) {
    fail(scope, 'integration type must be a concrete value, got a token');
  }
  validatePattern(scope, 'integration type', value, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
  validateLength(scope, 'integration ARN', integrationArn, 1, CLOUDFORMATION_TYPES.has(value) ? CLOUDFORMATION_MAX_ARN_LENGTH : MAX_ARN_LENGTH);
  const form = ARN_FORMS[value];
  if (form === undefined) {
    if (!imported) {
      Annotations.of(scope).addWarningV2('cdk-connect:IntegrationAssociation.integrationType',
        `integration type ${value} is not one this library knows (${Object.keys(ARN_FORMS).join(', ')}); it is made `
        + 'through the Connect API, and the deployment fails unless Connect accepts it');
    }
    validatePattern(scope, 'integration ARN', integrationArn, ANY_ARN, 'an ARN (arn:<partition>:<service>:<region>:<account>:<resource>)');
    return;
  }
  validatePattern(scope, `integration ARN of a ${value} integration`, integrationArn, form.pattern, form.description);
}

function pascalCase(value: string): string {
  return value.toLowerCase().split('_').filter(part => part.length > 0)
    .map(part => part[0].toUpperCase() + part.slice(1)).join('');
}
