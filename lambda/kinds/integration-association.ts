import {
  CreateIntegrationAssociationCommand,
  CreateUseCaseCommand,
  DeleteIntegrationAssociationCommand,
  DeleteUseCaseCommand,
  IntegrationAssociationSummary,
  IntegrationType,
  ListIntegrationAssociationsCommand,
  ListTagsForResourceCommand,
  ListUseCasesCommand,
  SourceType,
  TagResourceCommand,
  UntagResourceCommand,
  UseCase,
  UseCaseType,
} from '@aws-sdk/client-connect';
import { KindContext } from '../engine/context';
import { errorName, HandlerError, isNotFound } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { OWNER_TAG } from '../engine/token';
import { Properties, ResourceResult } from '../engine/types';

/**
 * `Custom::ConnectIntegrationAssociation`: an association of an AWS resource with an instance
 * (`CreateIntegrationAssociation`), for the integration types `AWS::Connect::IntegrationAssociation` does not accept
 * (a Cognito user pool for chat customer authentication, events of external applications, Voice ID, ...), and the
 * association's use cases (`CreateUseCase`), which CloudFormation cannot create either.
 *
 * Properties: `InstanceId`, `IntegrationType`, `IntegrationArn`, for `EVENT` `SourceType`, `SourceApplicationName` and
 * `SourceApplicationUrl`, optional `UseCaseTypes` (a list) and `Tags` (a map).
 *
 * The physical id is the association's ARN. `CreateIntegrationAssociation` takes no ClientToken: the association is
 * created with this request's owner tag and a retried delivery adopts it; an association of the same type and ARN
 * without that tag belongs to someone else and fails the create. The type, the integrated resource and the source
 * cannot change in place: a change creates a new association (CloudFormation then deletes the old one). Tags and use
 * cases are brought to the desired state by difference. Use cases are deleted before the association (Connect refuses
 * to delete an association that has any).
 */

/**
 * Types are checked for their form only: Connect adds integration, source and use case types over time and says
 * itself which it accepts.
 */
const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** A TagMap holds at most 50 tags; one is the owner tag. */
const MAX_USER_TAGS = 49;

const ASSOCIATION_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([^/]+)\/integration-association\/([^/]+)$/;

/** The desired state a request's properties describe. */
interface Desired {
  readonly instanceId: string;
  readonly integrationType: IntegrationType;
  readonly integrationArn: string;
  readonly source?: { readonly type: SourceType; readonly name: string; readonly url: string };
  readonly useCaseTypes: readonly UseCaseType[];
  readonly tags: Record<string, string>;
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  const integrationType = typeName(r.string('IntegrationType'), 'IntegrationType') as IntegrationType;
  const sourceType = r.optionalString('SourceType');
  const sourceName = r.optionalString('SourceApplicationName');
  const sourceUrl = r.optionalString('SourceApplicationUrl');
  let source: Desired['source'];
  if (integrationType === 'EVENT') {
    source = {
      type: typeName(r.string('SourceType'), 'SourceType') as SourceType,
      name: r.string('SourceApplicationName'),
      url: r.string('SourceApplicationUrl'),
    };
  } else if (sourceType !== undefined || sourceName !== undefined || sourceUrl !== undefined) {
    throw new HandlerError(`properties SourceType, SourceApplicationName and SourceApplicationUrl are only for EVENT integrations, got integration type ${integrationType}`);
  }
  const useCaseTypes: UseCaseType[] = [];
  for (const [index, value] of (r.optionalList('UseCaseTypes') ?? []).entries()) {
    if (typeof value !== 'string' || !TYPE_NAME.test(value)) {
      throw new HandlerError(`property UseCaseTypes[${index}] must be a use case type such as RULES_EVALUATION, got ${JSON.stringify(value)}`);
    }
    if (useCaseTypes.includes(value as UseCaseType)) {
      throw new HandlerError(`property UseCaseTypes names ${value} twice; an integration association has at most one use case of each type`);
    }
    useCaseTypes.push(value as UseCaseType);
  }
  const tags = r.stringMap('Tags');
  if (OWNER_TAG in tags) {
    throw new HandlerError(`property Tags must not set ${OWNER_TAG}: cdk-connect uses it to recognize what it created`);
  }
  if (Object.keys(tags).length > MAX_USER_TAGS) {
    throw new HandlerError(`property Tags must have at most ${MAX_USER_TAGS} tags (Connect allows 50 and cdk-connect uses one), got ${Object.keys(tags).length}`);
  }
  return { instanceId: r.string('InstanceId'), integrationType, integrationArn: r.string('IntegrationArn'), source, useCaseTypes, tags };
}

function typeName(value: string, property: string): string {
  if (!TYPE_NAME.test(value)) {
    throw new HandlerError(`property ${property} must be upper case letters, digits and underscores, got ${value}`);
  }
  return value;
}

function label(d: Desired): string {
  return `integration association of ${d.integrationType} ${d.integrationArn}`;
}

/** The instance id and association id in an association ARN (the physical id). */
function parseArn(arn: string): { instanceId: string; associationId: string } {
  const match = ASSOCIATION_ARN.exec(arn);
  if (!match) {
    throw new HandlerError(`${arn} is not the ARN of an integration association`);
  }
  return { instanceId: match[1], associationId: match[2] };
}

/** The instance's associations of one type and integrated resource. */
async function findAssociations(ctx: KindContext, d: Desired): Promise<IntegrationAssociationSummary[]> {
  const found: IntegrationAssociationSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.send(new ListIntegrationAssociationsCommand({
      InstanceId: d.instanceId,
      IntegrationType: d.integrationType,
      IntegrationArn: d.integrationArn,
      MaxResults: 100,
      NextToken: nextToken,
    }));
    found.push(...(page.IntegrationAssociationSummaryList ?? [])
      .filter((s) => s.IntegrationType === d.integrationType && s.IntegrationArn === d.integrationArn));
    nextToken = page.NextToken;
  } while (nextToken);
  return found;
}

async function listTags(ctx: KindContext, arn: string): Promise<Record<string, string>> {
  return (await ctx.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {};
}

async function listUseCases(ctx: KindContext, instanceId: string, associationId: string): Promise<UseCase[]> {
  const found: UseCase[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.send(new ListUseCasesCommand({
      InstanceId: instanceId, IntegrationAssociationId: associationId, MaxResults: 100, NextToken: nextToken,
    }));
    found.push(...(page.UseCaseSummaryList ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return found;
}

/** Creates the association once (adopting what an earlier delivery of this request created), then its use cases. */
async function createAssociation(ctx: KindContext, d: Desired): Promise<ResourceResult> {
  const what = label(d);
  const arn = await ctx.adoptOrCreate(what, async () => {
    const foreign: string[] = [];
    for (const summary of await findAssociations(ctx, d)) {
      const tags = await listTags(ctx, summary.IntegrationAssociationArn!);
      if (tags[OWNER_TAG] === ctx.token) {
        return { owned: summary.IntegrationAssociationArn! };
      }
      foreign.push(`association ${summary.IntegrationAssociationId} in instance ${d.instanceId}`);
    }
    return foreign.length > 0 ? { foreign: foreign.join(', ') } : undefined;
  }, async () => {
    const created = await ctx.send(new CreateIntegrationAssociationCommand({
      InstanceId: d.instanceId,
      IntegrationType: d.integrationType,
      IntegrationArn: d.integrationArn,
      SourceType: d.source?.type,
      SourceApplicationName: d.source?.name,
      SourceApplicationUrl: d.source?.url,
      Tags: { ...d.tags, [OWNER_TAG]: ctx.token },
    }), { retry: false });
    if (!created.IntegrationAssociationArn) {
      throw new HandlerError(`CreateIntegrationAssociation returned no ARN for the ${what}`);
    }
    return created.IntegrationAssociationArn;
  });
  ctx.created(arn);
  return converge(ctx, arn, d, { tags: false });
}

/**
 * Brings the use cases (and, unless the association was just created with them, the tags) of an existing association
 * to the desired state, writing only the difference, and returns its attributes.
 */
async function converge(ctx: KindContext, arn: string, d: Desired, options: { tags: boolean }): Promise<ResourceResult> {
  const { associationId } = parseArn(arn);
  if (options.tags) {
    const live = await listTags(ctx, arn);
    const removed = Object.keys(live).filter((key) => key !== OWNER_TAG && !key.startsWith('aws:') && !(key in d.tags));
    const changed = Object.fromEntries(Object.entries(d.tags).filter(([key, value]) => live[key] !== value));
    if (removed.length > 0) {
      await ctx.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: removed }));
    }
    if (Object.keys(changed).length > 0) {
      await ctx.send(new TagResourceCommand({ resourceArn: arn, tags: changed }));
    }
  }

  const data: Record<string, string> = { IntegrationAssociationId: associationId, IntegrationAssociationArn: arn };
  const live = await listUseCases(ctx, d.instanceId, associationId);
  const kept = new Set<string>();
  for (const useCase of live) {
    if (d.useCaseTypes.includes(useCase.UseCaseType!) && !kept.has(useCase.UseCaseType!)) {
      kept.add(useCase.UseCaseType!);
      data[`UseCaseId_${useCase.UseCaseType}`] = useCase.UseCaseId!;
      data[`UseCaseArn_${useCase.UseCaseType}`] = useCase.UseCaseArn!;
    } else {
      await deleteUseCase(ctx, d.instanceId, associationId, useCase.UseCaseId!);
    }
  }
  for (const type of d.useCaseTypes.filter((t) => !kept.has(t))) {
    // One use case of each type per association: a lost response shows up as DuplicateResourceException on the retry,
    // so the create is not retried blindly; the list finds it instead.
    let created: { UseCaseId?: string; UseCaseArn?: string };
    try {
      created = await ctx.send(new CreateUseCaseCommand({ InstanceId: d.instanceId, IntegrationAssociationId: associationId, UseCaseType: type }));
    } catch (error) {
      if (errorName(error) !== 'DuplicateResourceException') {
        throw error;
      }
      const existing = (await listUseCases(ctx, d.instanceId, associationId)).find((u) => u.UseCaseType === type);
      if (!existing) {
        throw error;
      }
      created = existing;
    }
    data[`UseCaseId_${type}`] = created.UseCaseId!;
    data[`UseCaseArn_${type}`] = created.UseCaseArn!;
  }
  return { physicalResourceId: arn, data };
}

async function deleteUseCase(ctx: KindContext, instanceId: string, associationId: string, useCaseId: string): Promise<void> {
  try {
    await ctx.send(new DeleteUseCaseCommand({ InstanceId: instanceId, IntegrationAssociationId: associationId, UseCaseId: useCaseId }));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

/** Deletes an association and, first, its use cases; an association that is already gone is fine. */
async function deleteAssociation(ctx: KindContext, arn: string): Promise<void> {
  const { instanceId, associationId } = parseArn(arn);
  let useCases: UseCase[];
  try {
    useCases = await listUseCases(ctx, instanceId, associationId);
  } catch (error) {
    if (isNotFound(error)) {
      return;
    }
    throw error;
  }
  for (const useCase of useCases) {
    await deleteUseCase(ctx, instanceId, associationId, useCase.UseCaseId!);
  }
  try {
    await ctx.send(new DeleteIntegrationAssociationCommand({ InstanceId: instanceId, IntegrationAssociationId: associationId }));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

function sameSource(a: Desired, b: Desired): boolean {
  return a.source?.type === b.source?.type && a.source?.name === b.source?.name && a.source?.url === b.source?.url;
}

export const integrationAssociationKind: ResourceKind = {
  resourceType: 'Custom::ConnectIntegrationAssociation',

  isPhysicalId: (physicalId) => ASSOCIATION_ARN.test(physicalId),

  create: async (ctx, properties) => createAssociation(ctx, desired(properties)),

  update: async (ctx, physicalId, properties, oldProperties) => {
    const d = desired(properties);
    const old = parseArn(physicalId);
    const sameIdentity = old.instanceId === d.instanceId
      && read(oldProperties).optionalString('IntegrationType') === d.integrationType
      && read(oldProperties).optionalString('IntegrationArn') === d.integrationArn;
    if (!sameIdentity) {
      // A new association; CloudFormation deletes the old one once the update succeeds.
      return createAssociation(ctx, d);
    }
    const live = (await findAssociations(ctx, d)).find((s) => s.IntegrationAssociationArn === physicalId);
    if (!live) {
      const result = await createAssociation(ctx, d);
      ctx.note(`re-created the ${label(d)}: ${physicalId} was deleted out of band`);
      return result;
    }
    const liveSource: Desired = {
      ...d,
      source: live.SourceType || live.SourceApplicationName || live.SourceApplicationUrl
        ? { type: live.SourceType as SourceType, name: live.SourceApplicationName ?? '', url: live.SourceApplicationUrl ?? '' }
        : undefined,
    };
    if (!sameSource(liveSource, d)) {
      // Connect cannot change the source of an association, and one event integration is associated once per
      // instance: replace it, deleting the old association first.
      await deleteAssociation(ctx, physicalId);
      const result = await createAssociation(ctx, d);
      ctx.note(`replaced the ${label(d)} to change its source application`);
      return result;
    }
    return converge(ctx, physicalId, d, { tags: true });
  },

  delete: async (ctx, physicalId) => deleteAssociation(ctx, physicalId),
};
