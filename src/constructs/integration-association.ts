import { Annotations, IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { IUseCase, UseCase, UseCaseType } from './use-case';
import { importEnvironmentArn, instanceResourceArn, parseInstanceResourceArn } from '../private/arn';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * The kind of AWS resource an integration association connects to an instance
 * (`AWS::Connect::IntegrationAssociation` `IntegrationType`).
 *
 * The constants are the types CloudFormation accepts. The Connect API knows a few more (`VOICE_ID`, `PINPOINT_APP`,
 * `ANALYTICS_CONNECTOR`, `CALL_TRANSFER_CONNECTOR`, `COGNITO_USER_POOL`) that CloudFormation rejects, so
 * a new `IntegrationAssociation` refuses them; `fromIntegrationAssociationAttributes` accepts them.
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
   * An integration type that has no constant here, for one CloudFormation accepts after this library was released.
   * The types of the Connect API that CloudFormation rejects fail at synth time; other unknown types add a warning.
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
   * The ARN of the resource (1 to 140 characters), of the service and resource type the integration type takes.
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

/** The ARN form of each type CloudFormation accepts. */
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
};

/** Types of the Connect API that `AWS::Connect::IntegrationAssociation` does not accept. */
const API_ONLY_TYPES = new Set(['VOICE_ID', 'PINPOINT_APP', 'ANALYTICS_CONNECTOR', 'CALL_TRANSFER_CONNECTOR', 'COGNITO_USER_POOL']);

const SOURCE_APPLICATION_NAME = /^[a-zA-Z0-9_ -]+$/;
const ANY_ARN = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/;

/**
 * An association of an AWS resource with an Amazon Connect instance (`AWS::Connect::IntegrationAssociation`):
 * a Lambda function flows invoke, a Lex bot, an AppIntegrations application, a Cases domain, an Amazon Q in
 * Connect assistant or knowledge base, an SES identity for email, an attachment scanner, a message processor,
 * or the events of an external application.
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
export class IntegrationAssociation extends IntegrationAssociationBase {
  /**
   * Imports an integration association. Its ARN gives the instance and the id; the type and the integrated
   * resource's ARN complete the reference other constructs take.
   *
   * An import creates nothing, so it also accepts the types only the Connect API can associate (`VOICE_ID`,
   * `PINPOINT_APP`, ...), which the constructor rejects.
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
   * The ARN of the integration association, built from the instance's ARN and the association's id.
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

  constructor(scope: Construct, id: string, props: IntegrationAssociationProps) {
    super(scope, id);

    validateIntegration(this, props.integrationType, props.integrationArn);
    const source = props.eventSource;
    if (props.integrationType.value === IntegrationType.EVENT.value && source === undefined) {
      fail(this, 'eventSource is required for EVENT integrations (the source type, application name and URL)');
    }
    if (source !== undefined && !Token.isUnresolved(props.integrationType.value) && props.integrationType.value !== IntegrationType.EVENT.value) {
      fail(this, `eventSource is only supported for EVENT integrations, got integration type ${props.integrationType.value}`);
    }
    if (source !== undefined) {
      validateLength(this, 'source application name', source.sourceApplicationName, 1, 100);
      validatePattern(this, 'source application name', source.sourceApplicationName, SOURCE_APPLICATION_NAME,
        'letters, digits, spaces, _ and -');
      validateLength(this, 'source application URL', source.sourceApplicationUrl, 1, 2000);
      validatePattern(this, 'source type', source.sourceType.value, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
    }

    const resource = new CfnIntegrationAssociation(this, 'Resource', {
      instanceId: props.instance.instanceArn,
      integrationType: props.integrationType.value,
      integrationArn: props.integrationArn,
      sourceType: source?.sourceType.value,
      sourceApplicationName: source?.sourceApplicationName,
      sourceApplicationUrl: source?.sourceApplicationUrl,
    });

    this.integrationAssociationId = resource.attrIntegrationAssociationId;
    this.instanceArn = props.instance.instanceArn;
    this.integrationAssociationArn = instanceResourceArn(this.instanceArn, 'integration-association', this.integrationAssociationId);
    this.integrationType = props.integrationType;
    this.integrationArn = props.integrationArn;
  }
}

/**
 * Checks the integration type and the form of the integrated resource's ARN (skipped for tokens).
 *
 * An import creates nothing, so it accepts the types only the Connect API can associate (`VOICE_ID`, ...) and
 * types this library does not know, without a warning.
 */
function validateIntegration(scope: IConstruct, type: IntegrationType, integrationArn: string, imported: boolean = false): void {
  const value = type.value;
  if (Token.isUnresolved(value)) {
    fail(scope, 'integration type must be a concrete value, got a token');
  }
  validatePattern(scope, 'integration type', value, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
  if (!imported && API_ONLY_TYPES.has(value)) {
    fail(scope, `integration type ${value} is not one AWS::Connect::IntegrationAssociation accepts `
      + `(${Object.keys(ARN_FORMS).join(', ')}); CloudFormation cannot associate it`);
  }
  validateLength(scope, 'integration ARN', integrationArn, 1, 140);
  const form = ARN_FORMS[value];
  if (form === undefined) {
    if (!imported) {
      Annotations.of(scope).addWarningV2('cdk-connect:IntegrationAssociation.integrationType',
        `integration type ${value} is not one AWS::Connect::IntegrationAssociation documents `
        + `(${Object.keys(ARN_FORMS).join(', ')}); the deployment fails unless CloudFormation accepts it`);
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
