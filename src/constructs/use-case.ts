import { IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnUseCase } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IIntegrationAssociation } from './integration-association';
import { importEnvironmentArn, parseInstanceArn, parseInstanceResourceArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * What an integration is used for (`AWS::Connect::UseCase` `UseCaseType`).
 */
export class UseCaseType {
  /** Rules evaluate the integration's events (for example Salesforce or Zendesk events, or Cases). */
  public static readonly RULES_EVALUATION = new UseCaseType('RULES_EVALUATION');
  /** Amazon Connect outbound campaigns use the integration. */
  public static readonly CONNECT_CAMPAIGNS = new UseCaseType('CONNECT_CAMPAIGNS');

  /**
   * A use case type that has no constant here.
   *
   * @param value the `UseCaseType` value, upper case with underscores
   */
  public static of(value: string): UseCaseType {
    return new UseCaseType(value);
  }

  /** The `UseCaseType` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * A use case of an integration association, defined in this app or imported.
 */
export interface IUseCase extends IResource, connectRefs.IUseCaseRef {
  /**
   * The ARN of the use case (`arn:aws:connect:<region>:<account>:instance/<instance-id>/use-case/<id>`).
   *
   * @attribute
   */
  readonly useCaseArn: string;

  /**
   * The id of the use case.
   *
   * @attribute
   */
  readonly useCaseId: string;

  /**
   * The id of the integration association the use case belongs to.
   */
  readonly integrationAssociationId: string;

  /**
   * The ARN of the instance the use case belongs to.
   */
  readonly instanceArn: string;
}

abstract class UseCaseBase extends Resource implements IUseCase {
  public abstract readonly useCaseArn: string;
  public abstract readonly useCaseId: string;
  public abstract readonly integrationAssociationId: string;
  public abstract readonly instanceArn: string;

  public get useCaseRef(): connectRefs.UseCaseReference {
    return {
      instanceId: parseInstanceArn(this, this.instanceArn),
      integrationAssociationId: this.integrationAssociationId,
      useCaseId: this.useCaseId,
      useCaseArn: this.useCaseArn,
    };
  }
}

/**
 * Attributes of a use case to import.
 */
export interface UseCaseAttributes {
  /**
   * The ARN of the use case (`arn:aws:connect:<region>:<account>:instance/<instance-id>/use-case/<id>`).
   */
  readonly useCaseArn: string;

  /**
   * The id of the integration association the use case belongs to (1 to 200 characters); the use case's ARN
   * does not contain it.
   */
  readonly integrationAssociationId: string;
}

/**
 * Properties of a `UseCase`.
 */
export interface UseCaseProps {
  /**
   * The integration association the use case is for.
   */
  readonly integrationAssociation: IIntegrationAssociation;

  /**
   * What the integration is used for. An integration has at most one use case of each type.
   */
  readonly useCaseType: UseCaseType;
}

/** The use case types added to each integration association in this app. */
const USE_CASE_TYPES = new WeakMap<IIntegrationAssociation, Set<string>>();

/**
 * A use case of an integration association: what Amazon Connect uses the integrated resource for, such as evaluating
 * rules on the events of an external application (`UseCaseType.RULES_EVALUATION` on an `EVENT` association) or
 * outbound campaigns (`UseCaseType.CONNECT_CAMPAIGNS`).
 *
 * The use cases of an `IntegrationAssociation` made through the Connect API (every type but Lambda functions, Lex bots
 * and applications) are created, and deleted before the association, by the association's custom resource: this
 * construct then adds no resource of its own. Use cases of other associations (imported ones, for example) are
 * `AWS::Connect::UseCase` resources, a type the pinned CloudFormation schemas and cfn-lint do not know yet.
 *
 * `integration.addUseCase(UseCaseType.RULES_EVALUATION)` creates one inside the integration association.
 *
 * @resource AWS::Connect::UseCase
 */
export class UseCase extends UseCaseBase {
  /**
   * Imports a use case by its ARN and the id of its integration association.
   */
  public static fromUseCaseAttributes(scope: Construct, id: string, attrs: UseCaseAttributes): IUseCase {
    class Import extends UseCaseBase {
      public readonly useCaseArn = attrs.useCaseArn;
      public readonly useCaseId: string;
      public readonly integrationAssociationId = attrs.integrationAssociationId;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(attrs.useCaseArn) });
        const parts = parseInstanceResourceArn(this, attrs.useCaseArn, 'use-case', 'use case');
        this.useCaseId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
        validateLength(this, 'integration association id', attrs.integrationAssociationId, 1, 200);
      }
    }
    return new Import();
  }

  /**
   * The ARN of the use case.
   *
   * @attribute
   */
  public readonly useCaseArn: string;

  /**
   * The id of the use case.
   *
   * @attribute
   */
  public readonly useCaseId: string;

  /**
   * The id of the integration association the use case belongs to.
   */
  public readonly integrationAssociationId: string;

  /**
   * The ARN of the instance the use case belongs to.
   */
  public readonly instanceArn: string;

  /**
   * What the integration is used for.
   */
  public readonly useCaseType: UseCaseType;

  constructor(scope: Construct, id: string, props: UseCaseProps) {
    super(scope, id);

    const type = props.useCaseType.value;
    if (Token.isUnresolved(type)) {
      fail(this, 'use case type must be a concrete value, got a token');
    }
    validatePattern(this, 'use case type', type, /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and underscores');
    const association = props.integrationAssociation;
    const types = USE_CASE_TYPES.get(association) ?? new Set<string>();
    if (types.has(type)) {
      fail(this, `use case ${type} is already added to integration association ${association.node.path}; `
        + 'an integration association has at most one use case of each type');
    }
    types.add(type);
    USE_CASE_TYPES.set(association, types);

    this.integrationAssociationId = association.integrationAssociationId;
    // An association made through the Connect API creates its use cases itself (see IntegrationAssociation).
    const binder = association as { _bindUseCase?: (useCaseType: string) => { useCaseId: string; useCaseArn: string } | undefined };
    const managed = binder._bindUseCase?.(type);
    if (managed !== undefined) {
      this.useCaseArn = managed.useCaseArn;
      this.useCaseId = managed.useCaseId;
    } else {
      const resource = new CfnUseCase(this, 'Resource', {
        instanceId: parseInstanceArn(this, association.instanceArn),
        integrationAssociationId: association.integrationAssociationId,
        useCaseType: type,
      });
      fixLogicalIdAtSynthesis(resource);
      this.useCaseArn = resource.attrUseCaseArn;
      this.useCaseId = resource.attrUseCaseId;
    }
    this.instanceArn = association.instanceArn;
    this.useCaseType = props.useCaseType;
  }
}
