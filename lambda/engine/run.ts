import { KindContext, RuntimeOptions } from './context';
import { errorMessage, HandlerError } from './errors';
import { ResourceKind } from './kind';
import { fitResponse } from './response';
import { requestToken } from './token';
import { CloudFormationEvent, CloudFormationResponse, ResourceResult } from './types';

/** The physical id reported for a create that failed: no resource stands behind it, so its delete does nothing. */
export const FAILED_CREATE_PREFIX = 'cdk-connect:failed-create:';

/** What `runEvent` returns: the response for CloudFormation and the count of write calls made. */
export interface RunResult {
  readonly response: CloudFormationResponse;
  readonly writeCalls: number;
}

/**
 * Handles one CloudFormation request for the kinds given: dispatches on the resource type, runs the kind's
 * operation, and returns the response to send (never throws).
 */
export async function runEvent(
  event: CloudFormationEvent,
  kinds: ReadonlyMap<string, ResourceKind>,
  runtime: RuntimeOptions,
  logHint = 'the handler\'s log',
): Promise<RunResult> {
  const ctx = new KindContext(event, requestToken(event), runtime);
  const base = {
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  const previousId = event.PhysicalResourceId;
  const kind = kinds.get(event.ResourceType);
  try {
    // The delete of a failed create needs no kind: an unknown type fails every create, and failing its rollback too
    // would leave the stack stuck.
    if (!kind && !(event.RequestType === 'Delete' && (previousId === undefined || previousId.startsWith(FAILED_CREATE_PREFIX)))) {
      throw new HandlerError(`unknown resource type ${event.ResourceType}; this handler serves ${[...kinds.keys()].sort().join(', ')}`);
    }
    const result = await dispatch(ctx, kind, event);
    ctx.log(`${event.RequestType} ${event.ResourceType} ${event.LogicalResourceId}: SUCCESS ${result.physicalResourceId}`
      + ` (${ctx.writeCalls} write calls)`);
    return {
      writeCalls: ctx.writeCalls,
      response: fitResponse({
        ...base,
        Status: 'SUCCESS',
        PhysicalResourceId: result.physicalResourceId,
        Reason: ctx.notes.length > 0 ? ctx.notes.join('; ') : undefined,
        Data: result.data,
      }, logHint),
    };
  } catch (error) {
    let reason = errorMessage(error);
    ctx.log(`${event.RequestType} ${event.ResourceType} ${event.LogicalResourceId}: FAILED ${reason}`);
    if (!(error instanceof HandlerError)) {
      ctx.log(String((error as Error)?.stack ?? error));
    }
    let physicalId = previousId ?? `${FAILED_CREATE_PREFIX}${event.RequestId}`;
    const halfMade = ctx.createdId;
    if (kind && halfMade !== undefined && halfMade !== previousId) {
      // The request created a resource and then failed: remove it, so a failure leaves nothing half-made.
      try {
        await kind.delete(ctx, halfMade, event.ResourceProperties ?? {});
        reason += `; removed ${halfMade}, which this request had created`;
      } catch (cleanupError) {
        reason += `; could not remove ${halfMade}, which this request had created: ${errorMessage(cleanupError)}`;
        // A failed create reports what it made, so CloudFormation's rollback deletes it again.
        if (event.RequestType === 'Create') {
          physicalId = halfMade;
        }
      }
      ctx.log(reason);
    }
    return {
      writeCalls: ctx.writeCalls,
      response: fitResponse({
        ...base,
        Status: 'FAILED',
        PhysicalResourceId: physicalId,
        Reason: reason,
      }, logHint),
    };
  }
}

async function dispatch(ctx: KindContext, kind: ResourceKind | undefined, event: CloudFormationEvent): Promise<ResourceResult> {
  if (!kind) {
    ctx.note(`nothing to delete: the physical id ${event.PhysicalResourceId ?? '(none)'} names nothing this handler created`);
    return { physicalResourceId: event.PhysicalResourceId ?? `${FAILED_CREATE_PREFIX}${event.RequestId}` };
  }
  const properties = event.ResourceProperties ?? {};
  const physicalId = event.PhysicalResourceId;
  switch (event.RequestType) {
    case 'Create':
      return kind.create(ctx, properties);
    case 'Update':
      if (physicalId === undefined || !kind.isPhysicalId(physicalId)) {
        // Nothing this handler made stands behind the id (it reported a failed create): create now.
        ctx.note(`created: the physical id ${physicalId ?? '(none)'} names nothing this handler created`);
        return kind.create(ctx, properties);
      }
      return kind.update(ctx, physicalId, properties, event.OldResourceProperties ?? {});
    case 'Delete':
      if (physicalId === undefined || !kind.isPhysicalId(physicalId)) {
        ctx.note(`nothing to delete: the physical id ${physicalId ?? '(none)'} names nothing this handler created`);
        return { physicalResourceId: physicalId ?? `${FAILED_CREATE_PREFIX}${event.RequestId}` };
      }
      await kind.delete(ctx, physicalId, properties);
      return { physicalResourceId: physicalId };
    default:
      throw new HandlerError(`unknown request type ${(event as { RequestType: string }).RequestType}`);
  }
}
