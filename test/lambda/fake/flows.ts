import type * as sdk from '@aws-sdk/client-connect';
import { FakeConnect, serviceError } from './connect';

/** A flow as the fake keeps it. */
export interface FakeFlow {
  readonly id: string;
  readonly arn: string;
  readonly instanceId: string;
  name: string;
  readonly type: string;
  description?: string;
  state: string;
  /** The latest content (the `$SAVED` view): what was last saved or published. */
  saved: string;
  /** The published content; undefined while the flow was never published. */
  published?: string;
}

/** The fake's table of flows. */
export const FLOWS_TABLE = 'contactFlows';

export const FLOW_TYPES = [
  'CONTACT_FLOW', 'CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'CUSTOMER_WHISPER', 'AGENT_HOLD', 'AGENT_WHISPER',
  'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CAMPAIGN',
] as const;

const INSTANCE_ID = { required: true, min: 1, max: 100 };
const FLOW_ID = { required: true, max: 500 };
// The model gives the name no maximum; Connect (and CloudFormation's schema) allow 127 characters.
const NAME = { min: 1, max: 127 };
const CONTENT = { min: 1, max: 256000 };
const DESCRIPTION = { max: 500 };
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The flows of the fake. */
export function flowsOf(fake: FakeConnect): Map<string, FakeFlow> {
  return fake.table<FakeFlow>(FLOWS_TABLE);
}

/** Puts a flow into the fake directly (as the console or CloudFormation would have created it). */
export function seedFlow(
  fake: FakeConnect,
  instanceId: string,
  flow: { name: string; type?: string; content: string; published?: boolean; tags?: Record<string, string> },
): FakeFlow {
  const id = fake.newId();
  const instance = fake.instance(instanceId);
  const record: FakeFlow = {
    id,
    arn: `${instance.arn}/contact-flow/${id}`,
    instanceId: instance.id,
    name: flow.name,
    type: flow.type ?? 'CONTACT_FLOW',
    state: 'ACTIVE',
    saved: flow.content,
    published: flow.published === false ? undefined : flow.content,
  };
  flowsOf(fake).set(id, record);
  fake.trackTags(record.arn, flow.tags);
  return record;
}

/** The flow a `ContactFlowId` names (an id or an ARN, with an optional `:qualifier`) in an instance. */
function resolve(fake: FakeConnect, instanceId: string | undefined, contactFlowId: string): { flow: FakeFlow; qualifier?: string } {
  const instance = fake.instance(instanceId);
  const match = /^(?:arn:aws:connect:[^:]*:\d{12}:instance\/([^/]+)\/contact-flow\/)?([^:/]+)(?::(.+))?$/.exec(contactFlowId);
  const flow = match ? flowsOf(fake).get(match[2]) : undefined;
  if (!match || !flow || flow.instanceId !== instance.id || (match[1] !== undefined && match[1] !== instance.id)) {
    throw serviceError('ResourceNotFoundException', `Contact flow not found: ${contactFlowId}`, 404);
  }
  if (match[3] !== undefined && match[3] !== '$SAVED') {
    // The fake keeps no versions.
    throw serviceError('ResourceNotFoundException', `Contact flow version not found: ${contactFlowId}`, 404);
  }
  return { flow, qualifier: match[3] };
}

/** What `PUBLISHED` content must be: the validation Connect runs on publishing, in the small. */
function validatePublishable(content: string): void {
  let doc: { Version?: unknown; StartAction?: unknown; Actions?: Array<{ Identifier?: unknown }> };
  try {
    doc = JSON.parse(content);
  } catch {
    throw serviceError('InvalidContactFlowException', 'The flow content is not valid JSON');
  }
  const problems: string[] = [];
  if (doc.Version !== '2019-10-30') {
    problems.push('Version must be 2019-10-30');
  }
  if (!Array.isArray(doc.Actions) || doc.Actions.length === 0) {
    problems.push('Actions must be a non-empty list');
  } else if (!doc.Actions.some((action) => action.Identifier === doc.StartAction)) {
    problems.push(`StartAction ${String(doc.StartAction)} is not an action`);
  }
  if (problems.length > 0) {
    throw serviceError('InvalidContactFlowException', `The flow is not valid: ${problems.join('; ')}`);
  }
}

function requireUniqueName(fake: FakeConnect, instanceId: string, name: string, except?: string): void {
  for (const flow of flowsOf(fake).values()) {
    if (flow.instanceId === instanceId && flow.name === name && flow.id !== except) {
      throw serviceError('DuplicateResourceException', `A flow with the name ${name} already exists in this instance`, 409);
    }
  }
}

function validateTags(tags: Record<string, string> | undefined): void {
  if (tags === undefined) {
    return;
  }
  const entries = Object.entries(tags);
  if (entries.length < 1 || entries.length > 50) {
    throw serviceError('InvalidParameterException', `Tags must have 1 to 50 entries, got ${entries.length}`);
  }
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128 || !TAG_KEY.test(key) || value.length > 256) {
      throw serviceError('InvalidParameterException', `Invalid tag ${key}`);
    }
  }
}

/** Registers the flow operations (CreateContactFlow, DescribeContactFlow, ...) with the fake. */
export function flowsDomain(fake: FakeConnect): void {
  fake.register('CreateContactFlow', {
    members: {
      InstanceId: INSTANCE_ID,
      Name: { ...NAME, required: true },
      Type: { required: true, enum: FLOW_TYPES },
      Description: DESCRIPTION,
      Content: { ...CONTENT, required: true },
      Status: { enum: ['PUBLISHED', 'SAVED'] },
    },
    run: (input: sdk.CreateContactFlowRequest) => {
      const instance = fake.instance(input.InstanceId);
      validateTags(input.Tags);
      requireUniqueName(fake, instance.id, input.Name!);
      // PUBLISHED (the default) validates the content; SAVED does not.
      const publish = input.Status !== 'SAVED';
      if (publish) {
        validatePublishable(input.Content!);
      }
      const id = fake.newId();
      const flow: FakeFlow = {
        id,
        arn: `${instance.arn}/contact-flow/${id}`,
        instanceId: instance.id,
        name: input.Name!,
        type: input.Type!,
        description: input.Description,
        state: 'ACTIVE',
        saved: input.Content!,
        published: publish ? input.Content! : undefined,
      };
      flowsOf(fake).set(id, flow);
      fake.trackTags(flow.arn, input.Tags);
      return { ContactFlowId: id, ContactFlowArn: flow.arn };
    },
  });

  fake.register('DescribeContactFlow', {
    members: { InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID },
    run: (input: sdk.DescribeContactFlowRequest) => {
      const { flow, qualifier } = resolve(fake, input.InstanceId, input.ContactFlowId!);
      if (qualifier === undefined && flow.published === undefined) {
        throw serviceError('ContactFlowNotPublishedException', 'The flow has not been published.', 404);
      }
      const contactFlow: sdk.ContactFlow = {
        Arn: flow.arn,
        Id: flow.id,
        Name: flow.name,
        Type: flow.type as sdk.ContactFlowType,
        State: flow.state as sdk.ContactFlowState,
        Status: qualifier === '$SAVED' ? 'SAVED' : 'PUBLISHED',
        Description: flow.description,
        Content: qualifier === '$SAVED' ? flow.saved : flow.published,
        Tags: { ...fake.tags.get(flow.arn) },
      };
      return { ContactFlow: contactFlow };
    },
  });

  fake.register('UpdateContactFlowContent', {
    members: { InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID, Content: { ...CONTENT, required: true } },
    run: (input: sdk.UpdateContactFlowContentRequest) => {
      const { flow, qualifier } = resolve(fake, input.InstanceId, input.ContactFlowId!);
      if (qualifier === '$SAVED') {
        flow.saved = input.Content!;
      } else {
        validatePublishable(input.Content!);
        flow.saved = input.Content!;
        flow.published = input.Content!;
      }
      return {};
    },
  });

  fake.register('UpdateContactFlowMetadata', {
    members: {
      InstanceId: INSTANCE_ID,
      ContactFlowId: FLOW_ID,
      Name: NAME,
      Description: DESCRIPTION,
      ContactFlowState: { enum: ['ACTIVE', 'ARCHIVED'] },
    },
    run: (input: sdk.UpdateContactFlowMetadataRequest) => {
      const { flow } = resolve(fake, input.InstanceId, input.ContactFlowId!);
      if (input.Name !== undefined) {
        requireUniqueName(fake, flow.instanceId, input.Name, flow.id);
        flow.name = input.Name;
      }
      if (input.Description !== undefined) {
        flow.description = input.Description === '' ? undefined : input.Description;
      }
      if (input.ContactFlowState !== undefined) {
        flow.state = input.ContactFlowState;
      }
      return {};
    },
  });

  fake.register('DeleteContactFlow', {
    members: { InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID },
    run: (input: sdk.DeleteContactFlowRequest) => {
      const { flow } = resolve(fake, input.InstanceId, input.ContactFlowId!);
      flowsOf(fake).delete(flow.id);
      fake.forgetTags(flow.arn);
      return {};
    },
  });

  fake.register('ListContactFlows', {
    members: { InstanceId: INSTANCE_ID, ContactFlowTypes: { max: 10 } },
    run: (input: sdk.ListContactFlowsRequest) => {
      const instance = fake.instance(input.InstanceId);
      const pageSize = input.MaxResults ?? 100;
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
        throw serviceError('InvalidParameterException', `MaxResults must be 1 to 1000, got ${pageSize}`);
      }
      const all = [...flowsOf(fake).values()]
        .filter((flow) => flow.instanceId === instance.id)
        .filter((flow) => !input.ContactFlowTypes?.length || input.ContactFlowTypes.includes(flow.type as sdk.ContactFlowType));
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const page = all.slice(start, start + pageSize);
      const summaries: sdk.ContactFlowSummary[] = page.map((flow) => ({
        Id: flow.id,
        Arn: flow.arn,
        Name: flow.name,
        ContactFlowType: flow.type as sdk.ContactFlowType,
        ContactFlowState: flow.state as sdk.ContactFlowState,
        ContactFlowStatus: flow.published === undefined ? 'SAVED' : 'PUBLISHED',
      }));
      return { ContactFlowSummaryList: summaries, NextToken: start + pageSize < all.length ? String(start + pageSize) : undefined };
    },
  });
}

/** A valid flow that says `text` and hangs up. */
export function sampleFlowContent(text: string): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'say',
    Actions: [
      { Identifier: 'say', Type: 'MessageParticipant', Parameters: { Text: text }, Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] } },
      { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });
}
