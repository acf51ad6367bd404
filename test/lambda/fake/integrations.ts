import * as sdk from '@aws-sdk/client-connect';
import { FakeConnect, MemberRule, serviceError } from './connect';

/** An integration association as the fake keeps it. */
export interface FakeIntegrationAssociation {
  readonly instanceId: string;
  readonly id: string;
  readonly arn: string;
  readonly integrationType: string;
  readonly integrationArn: string;
  readonly sourceType?: string;
  readonly sourceApplicationName?: string;
  readonly sourceApplicationUrl?: string;
}

/** A use case as the fake keeps it. */
export interface FakeUseCase {
  readonly associationId: string;
  readonly id: string;
  readonly arn: string;
  readonly useCaseType: string;
}

/** The fake's tables of this domain. */
export const INTEGRATION_ASSOCIATIONS = 'integrationAssociations';
export const USE_CASES = 'useCases';

const INTEGRATION_TYPES = [
  'EVENT', 'VOICE_ID', 'PINPOINT_APP', 'WISDOM_ASSISTANT', 'WISDOM_KNOWLEDGE_BASE', 'WISDOM_QUICK_RESPONSES',
  'Q_MESSAGE_TEMPLATES', 'CASES_DOMAIN', 'APPLICATION', 'FILE_SCANNER', 'SES_IDENTITY', 'ANALYTICS_CONNECTOR',
  'CALL_TRANSFER_CONNECTOR', 'COGNITO_USER_POOL', 'MESSAGE_PROCESSOR',
];
const SOURCE_TYPES = ['SALESFORCE', 'ZENDESK', 'CASES'];
const USE_CASE_TYPES = ['RULES_EVALUATION', 'CONNECT_CAMPAIGNS'];
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const INSTANCE_ID: MemberRule = { required: true, min: 1, max: 100 };
const ASSOCIATION_ID: MemberRule = { required: true, min: 1, max: 200 };
const USE_CASE_ID: MemberRule = { required: true, min: 1, max: 200 };

/** Checks a TagMap as the API does (1 to 50 tags, key and value lengths, key pattern). */
function validateTags(operation: string, tags: Record<string, string> | undefined): void {
  if (tags === undefined) {
    return;
  }
  const entries = Object.entries(tags);
  const errors: string[] = [];
  if (entries.length < 1 || entries.length > 50) {
    errors.push(`Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50 and greater than or equal to 1, got ${entries.length}`);
  }
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128 || !TAG_KEY.test(key)) {
      errors.push(`Value '${key}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length between 1 and 128, Member must satisfy regular expression pattern]`);
    }
    if (typeof value !== 'string' || value.length > 256) {
      errors.push(`Value at 'tags.${key}' failed to satisfy constraint: Member must have length less than or equal to 256`);
    }
  }
  if (errors.length > 0) {
    throw serviceError('InvalidParameterException', `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected in ${operation}: ${errors.join('; ')}`);
  }
}

/** Pages a list the way Connect does: `NextToken` is the index of the next item. */
function page<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined): { items: T[]; nextToken?: string } {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100)) {
    throw serviceError('InvalidParameterException', `Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const start = nextToken === undefined ? 0 : Number(nextToken);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw serviceError('InvalidParameterException', `Invalid NextToken: ${nextToken}`);
  }
  const size = maxResults ?? 100;
  const end = start + size;
  return { items: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
}

/**
 * Integration associations and their use cases: CreateIntegrationAssociation, ListIntegrationAssociations,
 * DeleteIntegrationAssociation, CreateUseCase, ListUseCases and DeleteUseCase, with the member rules of the API
 * model, one association per instance, type and integrated resource (DuplicateResourceException), one use case of each
 * type per association, the source members only for (and required by) EVENT, and no delete of an association that
 * still has use cases. The lists return at most `MaxResults` items a page.
 */
export function integrationsDomain(fake: FakeConnect): void {
  const associations = fake.table<FakeIntegrationAssociation>(INTEGRATION_ASSOCIATIONS);
  const useCases = fake.table<FakeUseCase>(USE_CASES);

  function association(instanceId: string, associationId: string): FakeIntegrationAssociation {
    const found = associations.get(associationId);
    if (!found || found.instanceId !== instanceId) {
      throw serviceError('ResourceNotFoundException', `IntegrationAssociation not found: ${associationId}`, 404);
    }
    return found;
  }

  fake.register('CreateIntegrationAssociation', {
    members: {
      InstanceId: INSTANCE_ID,
      IntegrationType: { required: true, enum: INTEGRATION_TYPES },
      IntegrationArn: { required: true },
      SourceApplicationUrl: { min: 1, max: 2000 },
      SourceApplicationName: { min: 1, max: 100, pattern: /^[a-zA-Z0-9_ -]+$/ },
      SourceType: { enum: SOURCE_TYPES },
    },
    run: (input: sdk.CreateIntegrationAssociationRequest) => {
      const instance = fake.instance(input.InstanceId);
      validateTags('CreateIntegrationAssociation', input.Tags);
      const source = [input.SourceType, input.SourceApplicationName, input.SourceApplicationUrl];
      if (input.IntegrationType === 'EVENT' && source.some((member) => member === undefined)) {
        throw serviceError('InvalidRequestException', 'SourceType, SourceApplicationName and SourceApplicationUrl are required for the EVENT integration type');
      }
      if (input.IntegrationType !== 'EVENT' && source.some((member) => member !== undefined)) {
        throw serviceError('InvalidRequestException', `SourceType, SourceApplicationName and SourceApplicationUrl are not supported for the ${input.IntegrationType} integration type`);
      }
      const duplicate = [...associations.values()].find((a) => a.instanceId === instance.id
        && a.integrationType === input.IntegrationType && a.integrationArn === input.IntegrationArn);
      if (duplicate) {
        throw serviceError('DuplicateResourceException', `An integration association already exists for ${input.IntegrationArn}`, 409);
      }
      const id = fake.newId();
      const created: FakeIntegrationAssociation = {
        instanceId: instance.id,
        id,
        arn: `${instance.arn}/integration-association/${id}`,
        integrationType: input.IntegrationType!,
        integrationArn: input.IntegrationArn!,
        sourceType: input.SourceType,
        sourceApplicationName: input.SourceApplicationName,
        sourceApplicationUrl: input.SourceApplicationUrl,
      };
      associations.set(id, created);
      fake.trackTags(created.arn, input.Tags);
      return { IntegrationAssociationId: id, IntegrationAssociationArn: created.arn };
    },
  });

  fake.register('ListIntegrationAssociations', {
    members: { InstanceId: INSTANCE_ID, IntegrationType: { enum: INTEGRATION_TYPES } },
    run: (input: sdk.ListIntegrationAssociationsRequest) => {
      const instance = fake.instance(input.InstanceId);
      const matching = [...associations.values()].filter((a) => a.instanceId === instance.id
        && (input.IntegrationType === undefined || a.integrationType === input.IntegrationType)
        && (input.IntegrationArn === undefined || a.integrationArn === input.IntegrationArn));
      const result = page(matching, input.MaxResults, input.NextToken);
      return {
        IntegrationAssociationSummaryList: result.items.map((a): sdk.IntegrationAssociationSummary => ({
          IntegrationAssociationId: a.id,
          IntegrationAssociationArn: a.arn,
          InstanceId: a.instanceId,
          IntegrationType: a.integrationType as sdk.IntegrationType,
          IntegrationArn: a.integrationArn,
          SourceType: a.sourceType as sdk.SourceType | undefined,
          SourceApplicationName: a.sourceApplicationName,
          SourceApplicationUrl: a.sourceApplicationUrl,
        })),
        NextToken: result.nextToken,
      };
    },
  });

  fake.register('DeleteIntegrationAssociation', {
    members: { InstanceId: INSTANCE_ID, IntegrationAssociationId: ASSOCIATION_ID },
    run: (input: sdk.DeleteIntegrationAssociationRequest) => {
      const instance = fake.instance(input.InstanceId);
      const found = association(instance.id, input.IntegrationAssociationId!);
      if ([...useCases.values()].some((u) => u.associationId === found.id)) {
        throw serviceError('InvalidRequestException', 'The integration association has use cases; delete them first');
      }
      associations.delete(found.id);
      fake.forgetTags(found.arn);
      return {};
    },
  });

  fake.register('CreateUseCase', {
    members: {
      InstanceId: INSTANCE_ID,
      IntegrationAssociationId: ASSOCIATION_ID,
      UseCaseType: { required: true, enum: USE_CASE_TYPES },
    },
    run: (input: sdk.CreateUseCaseRequest) => {
      const instance = fake.instance(input.InstanceId);
      const found = association(instance.id, input.IntegrationAssociationId!);
      validateTags('CreateUseCase', input.Tags);
      if ([...useCases.values()].some((u) => u.associationId === found.id && u.useCaseType === input.UseCaseType)) {
        throw serviceError('DuplicateResourceException', `Use case ${input.UseCaseType} already exists for the integration association`, 409);
      }
      const id = fake.newId();
      const created: FakeUseCase = { associationId: found.id, id, arn: `${instance.arn}/use-case/${id}`, useCaseType: input.UseCaseType! };
      useCases.set(id, created);
      fake.trackTags(created.arn, input.Tags);
      return { UseCaseId: id, UseCaseArn: created.arn };
    },
  });

  fake.register('ListUseCases', {
    members: { InstanceId: INSTANCE_ID, IntegrationAssociationId: ASSOCIATION_ID },
    run: (input: sdk.ListUseCasesRequest) => {
      const instance = fake.instance(input.InstanceId);
      const found = association(instance.id, input.IntegrationAssociationId!);
      const result = page([...useCases.values()].filter((u) => u.associationId === found.id), input.MaxResults, input.NextToken);
      return {
        UseCaseSummaryList: result.items.map((u): sdk.UseCase => ({
          UseCaseId: u.id, UseCaseArn: u.arn, UseCaseType: u.useCaseType as sdk.UseCaseType,
        })),
        NextToken: result.nextToken,
      };
    },
  });

  fake.register('DeleteUseCase', {
    members: { InstanceId: INSTANCE_ID, IntegrationAssociationId: ASSOCIATION_ID, UseCaseId: USE_CASE_ID },
    run: (input: sdk.DeleteUseCaseRequest) => {
      const instance = fake.instance(input.InstanceId);
      const found = association(instance.id, input.IntegrationAssociationId!);
      const useCase = useCases.get(input.UseCaseId!);
      if (!useCase || useCase.associationId !== found.id) {
        throw serviceError('ResourceNotFoundException', `UseCase not found: ${input.UseCaseId}`, 404);
      }
      useCases.delete(useCase.id);
      fake.forgetTags(useCase.arn);
      return {};
    },
  });
}
