import { UpdateContactFlowContentCommand } from '@aws-sdk/client-connect';
import { describePublished, describeSaved, FLOW_STATUSES, sameContent, savedId } from './contact-flow';
import { FlowArn, parseFlowArn } from '../engine/arns';
import { KindContext } from '../engine/context';
import { HandlerError } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * `Custom::ConnectFlowContent`: the content of a flow that was created with placeholder content, set once the
 * resources the content references exist. Flows that reference each other in a cycle (A transfers to B, B to A)
 * cannot all be created with their content: CloudFormation would reject the template for a circular dependency. One of
 * them is created with a placeholder that references nothing, and this resource, which depends on everything the
 * content references, sets its real content.
 *
 * Properties: `InstanceId`, `ContactFlowId` (the flow's ARN), `Content`, optional `Status` (`PUBLISHED`, the default:
 * the content is published; `SAVED`: it is saved as the flow's draft, unvalidated) and `PlaceholderContent` (the
 * content the flow was created with). Other properties (`FlowProperties`) are not read: they change when the flow's
 * own resource changes, so that this resource is updated after it (`AWS::Connect::ContactFlow` writes its content, the
 * placeholder, on every update).
 *
 * The physical id is the flow's ARN followed by `/content`. Create and update read the content and write it only when
 * it differs (`UpdateContactFlowContent` is idempotent, so a lost response is simply sent again). Delete changes
 * nothing: the flow belongs to its own resource, which deletes it or, when the flow stops deferring its content,
 * sets the content itself.
 */

const CONTENT_SUFFIX = '/content';

interface Desired {
  readonly instanceId: string;
  readonly flow: FlowArn;
  readonly content: string;
  readonly saved: boolean;
  readonly placeholder?: string;
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  const flowArn = r.string('ContactFlowId');
  const flow = parseFlowArn(flowArn);
  if (!flow) {
    throw new HandlerError(`property ContactFlowId must be a flow ARN (arn:aws:connect:<region>:<account>:instance/<instance-id>/contact-flow/<id>), got ${flowArn}`);
  }
  const instanceId = r.string('InstanceId');
  if (flow.instanceId !== instanceId.replace(/^arn:.*:instance\//, '')) {
    throw new HandlerError(`flow ${flowArn} does not belong to instance ${instanceId}`);
  }
  const status = r.optionalString('Status') === undefined ? 'PUBLISHED' : r.oneOf('Status', FLOW_STATUSES);
  return { instanceId, flow, content: r.string('Content'), saved: status === 'SAVED', placeholder: r.optionalString('PlaceholderContent') };
}

/** Sets the flow's content unless it already has it. */
async function apply(ctx: KindContext, d: Desired, update: boolean): Promise<ResourceResult> {
  const { flow } = d;
  let live: string | undefined;
  if (d.saved) {
    const described = await describeSaved(ctx, flow);
    if (described === undefined) {
      throw gone(flow);
    }
    live = described.Content;
  } else {
    const published = await describePublished(ctx, flow);
    if (!published.exists) {
      throw gone(flow);
    }
    live = published.content;
  }
  if (live === undefined || !sameContent(live, d.content)) {
    if (update && d.placeholder !== undefined && sameContent(live, d.placeholder)) {
      ctx.note(`re-created the content of flow ${flow.arn}: the flow held its placeholder content again (CloudFormation `
        + 'writes it whenever it updates the flow itself, or someone reset it)');
    }
    await ctx.send(new UpdateContactFlowContentCommand({
      InstanceId: flow.instanceId,
      ContactFlowId: d.saved ? savedId(flow.arn) : flow.arn,
      Content: d.content,
    }));
  }
  return { physicalResourceId: `${flow.arn}${CONTENT_SUFFIX}` };
}

function gone(flow: FlowArn): HandlerError {
  return new HandlerError(`cannot set the content of flow ${flow.arn}: the flow does not exist (it was deleted out of band); `
    + 'its own resource must create it again');
}

export const flowContentKind: ResourceKind = {
  resourceType: 'Custom::ConnectFlowContent',

  isPhysicalId: (physicalId) => physicalId.endsWith(CONTENT_SUFFIX)
    && parseFlowArn(physicalId.slice(0, -CONTENT_SUFFIX.length)) !== undefined,

  create: async (ctx, properties) => apply(ctx, desired(properties), false),

  // A new ContactFlowId (the flow was replaced) gives a new physical id; the old one's delete changes nothing.
  update: async (ctx, _physicalId, properties) => apply(ctx, desired(properties), true),

  delete: async () => undefined,
};
