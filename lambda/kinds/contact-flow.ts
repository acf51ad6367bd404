import {
  ContactFlow,
  ContactFlowState,
  ContactFlowStatus,
  ContactFlowSummary,
  ContactFlowType,
  CreateContactFlowCommand,
  DeleteContactFlowCommand,
  DescribeContactFlowCommand,
  ListContactFlowsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContactFlowContentCommand,
  UpdateContactFlowMetadataCommand,
} from '@aws-sdk/client-connect';
import { FlowArn, parseFlowArn } from '../engine/arns';
import { KindContext } from '../engine/context';
import { errorName, HandlerError, isNotFound } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { OWNER_TAG } from '../engine/token';
import { Properties, ResourceResult } from '../engine/types';

/**
 * `Custom::ConnectContactFlow`: a flow created through the Connect API rather than `AWS::Connect::ContactFlow`, for
 * what CloudFormation cannot do: keep a flow SAVED (not published, its content not validated), publish a saved flow
 * later in place, and create a flow whose content another resource sets (`DeferContent`, for flows that reference
 * each other in a cycle).
 *
 * Properties: `InstanceId`, `Name`, `Type`, `Content`, optional `Status` (`PUBLISHED` or `SAVED`, default
 * `PUBLISHED`), `Description`, `State` (`ACTIVE` or `ARCHIVED`, default `ACTIVE`), `Tags` (a map) and `DeferContent`
 * (`true`: `Content` is a placeholder written only when the flow is created; a `Custom::ConnectFlowContent` sets and
 * keeps the real content).
 *
 * The physical id is the flow's ARN; `Fn::GetAtt` gives `ContactFlowArn` and `ContactFlowId`. `CreateContactFlow`
 * takes no ClientToken: the flow is created with this request's owner tag and a retried delivery adopts it; a flow of
 * the same name without that tag belongs to someone else and fails the create (flow names are unique in an instance).
 *
 * Updates read the flow and write only what differs: the content (a saved flow's content goes to its `$SAVED`
 * draft, a published flow's is published), name, description and state (`UpdateContactFlowMetadata`) and tags. A
 * SAVED flow becomes PUBLISHED in place. Amazon Connect cannot unpublish a flow: asking a published flow to be SAVED
 * saves the content as a draft and leaves the published content live (the response says so). The type and the
 * instance cannot change: a change creates a new flow (CloudFormation then deletes the old one); when the name stays
 * the same the old flow is deleted first, since names are unique.
 */

export const FLOW_TYPES: readonly ContactFlowType[] = [
  'CONTACT_FLOW', 'CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'CUSTOMER_WHISPER', 'AGENT_HOLD', 'AGENT_WHISPER',
  'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CAMPAIGN',
];
export const FLOW_STATUSES: readonly ContactFlowStatus[] = ['PUBLISHED', 'SAVED'];
const FLOW_STATES: readonly ContactFlowState[] = ['ACTIVE', 'ARCHIVED'];

/** The Service Quotas name of the quota `CreateContactFlow` counts against. */
const FLOWS_QUOTA = 'Flows per instance';

/** A TagMap holds at most 50 tags; one is the owner tag. */
const MAX_USER_TAGS = 49;

/** The `ContactFlowId` that reads or writes a flow's saved draft rather than its published content. */
export function savedId(arn: string): string {
  return `${arn}:$SAVED`;
}

/**
 * Whether two flow contents are the same flow: equal JSON documents (Connect may return the content it stored with
 * other spacing or key order), or equal strings when either is not JSON.
 */
export function sameContent(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  if (a === b) {
    return true;
  }
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The flow's saved content (its latest content, published or not) with its metadata, or undefined when the flow does
 * not exist.
 */
export async function describeSaved(ctx: KindContext, flow: FlowArn): Promise<ContactFlow | undefined> {
  try {
    return (await ctx.send(new DescribeContactFlowCommand({ InstanceId: flow.instanceId, ContactFlowId: savedId(flow.arn) }))).ContactFlow;
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
  // A published flow without a draft: should `$SAVED` name nothing then, the published content is the latest.
  try {
    return (await ctx.send(new DescribeContactFlowCommand({ InstanceId: flow.instanceId, ContactFlowId: flow.arn }))).ContactFlow;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/** What `describePublished` found. */
export interface Published {
  /** Whether the flow exists. */
  readonly exists: boolean;
  /** The published content; undefined when the flow was never published. */
  readonly content?: string;
}

/** The flow's published content. */
export async function describePublished(ctx: KindContext, flow: FlowArn): Promise<Published> {
  try {
    const out = await ctx.send(new DescribeContactFlowCommand({ InstanceId: flow.instanceId, ContactFlowId: flow.arn }));
    return { exists: true, content: out.ContactFlow?.Content };
  } catch (error) {
    if (errorName(error) === 'ContactFlowNotPublishedException') {
      return { exists: true };
    }
    if (isNotFound(error)) {
      return { exists: false };
    }
    throw error;
  }
}

/** The desired state a request's properties describe. */
interface Desired {
  readonly instanceId: string;
  readonly name: string;
  readonly type: ContactFlowType;
  readonly status: ContactFlowStatus;
  readonly content: string;
  readonly description?: string;
  readonly state: ContactFlowState;
  readonly tags: Record<string, string>;
  readonly deferContent: boolean;
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  const tags = r.stringMap('Tags');
  if (OWNER_TAG in tags) {
    throw new HandlerError(`property Tags must not set ${OWNER_TAG}: cdk-connect uses it to recognize what it created`);
  }
  if (Object.keys(tags).length > MAX_USER_TAGS) {
    throw new HandlerError(`property Tags must have at most ${MAX_USER_TAGS} tags (Connect allows 50 and cdk-connect uses one), got ${Object.keys(tags).length}`);
  }
  return {
    instanceId: r.string('InstanceId'),
    name: r.string('Name'),
    type: r.oneOf('Type', FLOW_TYPES),
    status: r.optionalString('Status') === undefined ? 'PUBLISHED' : r.oneOf('Status', FLOW_STATUSES),
    content: r.string('Content'),
    description: r.optionalString('Description') || undefined,
    state: r.optionalString('State') === undefined ? 'ACTIVE' : r.oneOf('State', FLOW_STATES),
    tags,
    deferContent: r.boolean('DeferContent', false),
  };
}

function result(flow: FlowArn): ResourceResult {
  return { physicalResourceId: flow.arn, data: { ContactFlowArn: flow.arn, ContactFlowId: flow.flowId } };
}

/** The flow of the instance with the given name (names are unique in an instance, across types). */
async function findByName(ctx: KindContext, instanceId: string, name: string): Promise<ContactFlowSummary | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await ctx.send(new ListContactFlowsCommand({ InstanceId: instanceId, MaxResults: 1000, NextToken: nextToken }));
    const found = (page.ContactFlowSummaryList ?? []).find((summary) => summary.Name === name);
    if (found) {
      return found;
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

async function listTags(ctx: KindContext, arn: string): Promise<Record<string, string>> {
  return (await ctx.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {};
}

/** Creates the flow once (adopting what an earlier delivery of this request created) and sets its state. */
async function createFlow(ctx: KindContext, d: Desired): Promise<ResourceResult> {
  let adoptedState: string | undefined;
  const flow = await ctx.adoptOrCreate(`flow "${d.name}" in instance ${d.instanceId}`, async () => {
    const summary = await findByName(ctx, d.instanceId, d.name);
    if (!summary?.Arn) {
      return undefined;
    }
    const parsed = parseFlowArn(summary.Arn);
    const tags = await listTags(ctx, summary.Arn);
    if (parsed && tags[OWNER_TAG] === ctx.token) {
      adoptedState = summary.ContactFlowState;
      return { owned: parsed };
    }
    return { foreign: `${summary.Arn}, a ${summary.ContactFlowType ?? 'flow'} without this request's ${OWNER_TAG} tag` };
  }, async () => {
    const out = await ctx.send(new CreateContactFlowCommand({
      InstanceId: d.instanceId,
      Name: d.name,
      Type: d.type,
      Description: d.description,
      Content: d.content,
      Status: d.status,
      Tags: { ...d.tags, [OWNER_TAG]: ctx.token },
    }), { quota: FLOWS_QUOTA, retry: false });
    const parsed = out.ContactFlowArn ? parseFlowArn(out.ContactFlowArn) : undefined;
    if (!parsed) {
      throw new HandlerError(`CreateContactFlow returned no flow ARN for flow "${d.name}" (got ${out.ContactFlowArn ?? 'none'})`);
    }
    adoptedState = 'ACTIVE';
    return parsed;
  });
  ctx.created(flow.arn);
  // CreateContactFlow has no state: an archived flow is archived after it is created.
  if (adoptedState !== d.state) {
    await ctx.send(new UpdateContactFlowMetadataCommand({ InstanceId: flow.instanceId, ContactFlowId: flow.arn, ContactFlowState: d.state }));
  }
  return result(flow);
}

async function deleteFlow(ctx: KindContext, flow: FlowArn): Promise<void> {
  try {
    await ctx.send(new DeleteContactFlowCommand({ InstanceId: flow.instanceId, ContactFlowId: flow.flowId }));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

/** Brings the content of an existing flow to the desired state. */
async function updateContent(ctx: KindContext, flow: FlowArn, d: Desired, live: ContactFlow, oldStatus: string | undefined): Promise<void> {
  if (d.status === 'SAVED') {
    if (!sameContent(live.Content, d.content)) {
      await ctx.send(new UpdateContactFlowContentCommand({ InstanceId: flow.instanceId, ContactFlowId: savedId(flow.arn), Content: d.content }));
    }
    if (oldStatus === 'PUBLISHED' && (await describePublished(ctx, flow)).content !== undefined) {
      ctx.note(`flow "${d.name}" stays published: Amazon Connect cannot unpublish a flow, so its content was saved as a draft`);
    }
    return;
  }
  const published = await describePublished(ctx, flow);
  if (published.content === undefined || !sameContent(published.content, d.content)) {
    await ctx.send(new UpdateContactFlowContentCommand({ InstanceId: flow.instanceId, ContactFlowId: flow.arn, Content: d.content }));
  }
}

async function updateTags(ctx: KindContext, flow: FlowArn, wanted: Record<string, string>): Promise<void> {
  const live = await listTags(ctx, flow.arn);
  const ours = Object.keys(live).filter((key) => key !== OWNER_TAG && !key.startsWith('aws:'));
  const removed = ours.filter((key) => !(key in wanted));
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => live[key] !== value));
  if (removed.length > 0) {
    await ctx.send(new UntagResourceCommand({ resourceArn: flow.arn, tagKeys: removed }));
  }
  if (Object.keys(changed).length > 0) {
    await ctx.send(new TagResourceCommand({ resourceArn: flow.arn, tags: changed }));
  }
}

export const contactFlowKind: ResourceKind = {
  resourceType: 'Custom::ConnectContactFlow',

  isPhysicalId: (physicalId) => parseFlowArn(physicalId) !== undefined,

  create: async (ctx, properties) => createFlow(ctx, desired(properties)),

  update: async (ctx, physicalId, properties, oldProperties) => {
    const d = desired(properties);
    const flow = parseFlowArn(physicalId)!;
    if (flow.instanceId !== d.instanceId) {
      ctx.note(`replaced flow "${d.name}": it moves from instance ${flow.instanceId} to ${d.instanceId}`);
      return createFlow(ctx, d);
    }
    const live = await describeSaved(ctx, flow);
    if (live === undefined) {
      ctx.note(`re-created flow "${d.name}": it was deleted out of band`);
      return createFlow(ctx, d);
    }
    if (live.Type !== undefined && live.Type !== d.type) {
      if (live.Name === d.name) {
        await deleteFlow(ctx, flow);
        ctx.note(`replaced flow "${d.name}": its type cannot change from ${live.Type} to ${d.type}; the old flow was deleted `
          + 'first because flow names are unique in an instance');
      } else {
        ctx.note(`replaced flow "${d.name}": its type cannot change from ${live.Type} to ${d.type}`);
      }
      return createFlow(ctx, d);
    }

    const metadata: { Name?: string; Description?: string; ContactFlowState?: ContactFlowState } = {};
    if (live.Name !== d.name) {
      metadata.Name = d.name;
    }
    if ((live.Description || undefined) !== d.description) {
      metadata.Description = d.description ?? '';
    }
    if ((live.State ?? 'ACTIVE') !== d.state) {
      metadata.ContactFlowState = d.state;
    }
    if (Object.keys(metadata).length > 0) {
      await ctx.send(new UpdateContactFlowMetadataCommand({ InstanceId: flow.instanceId, ContactFlowId: flow.arn, ...metadata }));
    }
    // A deferred flow's content belongs to its Custom::ConnectFlowContent: writing the placeholder would undo it.
    if (!d.deferContent) {
      await updateContent(ctx, flow, d, live, read(oldProperties).optionalString('Status') ?? 'PUBLISHED');
    }
    await updateTags(ctx, flow, d.tags);
    return result(flow);
  },

  delete: async (ctx, physicalId) => {
    await deleteFlow(ctx, parseFlowArn(physicalId)!);
  },
};
