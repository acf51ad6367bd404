import {
  ClaimedPhoneNumberSummary,
  ClaimPhoneNumberCommand,
  DescribePhoneNumberCommand,
  ReleasePhoneNumberCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePhoneNumberCommand,
  UpdatePhoneNumberMetadataCommand,
} from '@aws-sdk/client-connect';
import { KindContext } from '../engine/context';
import { HandlerError, isNotFound } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { uuidToken } from '../engine/token';
import { Properties, ResourceResult } from '../engine/types';

/**
 * A specific phone number (E.164) claimed to an instance or a traffic distribution group: `ClaimPhoneNumber`, then
 * `DescribePhoneNumber` until Connect reports it CLAIMED; released with `ReleasePhoneNumber` on delete.
 *
 * Properties: `PhoneNumber` (E.164), `TargetArn` (instance or traffic distribution group), optional
 * `PhoneNumberDescription` and `Tags`. The physical id is the phone number's ARN; a different `PhoneNumber` is a
 * new claim (a new physical id: CloudFormation then releases the old number).
 */

/** The physical id: the ARN of the claimed number. */
const PHONE_NUMBER_ARN = /^arn:aws[-a-z]*:connect:[a-z0-9-]+:\d{12}:phone-number\/([-a-zA-Z0-9]+)$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const TARGET_ARN = /^arn:aws[-a-z]*:connect:[a-z0-9-]+:\d{12}:(instance|traffic-distribution-group)\/[-a-zA-Z0-9]+$/;

/** The Service Quotas name of the quota a claim counts against. */
const QUOTA = 'Phone numbers per instance';

/** How often to ask whether an asynchronous phone number operation is over. */
const POLL_MS = 2_000;

interface Desired {
  readonly phoneNumber: string;
  readonly targetArn: string;
  readonly description?: string;
  readonly tags: Record<string, string>;
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  const phoneNumber = r.string('PhoneNumber');
  if (!E164.test(phoneNumber)) {
    throw new HandlerError(`property PhoneNumber must be in E.164 format (+, the country code and the number), got ${phoneNumber}`);
  }
  const targetArn = r.string('TargetArn');
  if (!TARGET_ARN.test(targetArn)) {
    throw new HandlerError(`property TargetArn must be the ARN of an instance or a traffic distribution group, got ${targetArn}`);
  }
  const description = r.optionalString('PhoneNumberDescription');
  return { phoneNumber, targetArn, description: description === '' ? undefined : description, tags: r.stringMap('Tags') };
}

function idOf(physicalId: string): string {
  const match = PHONE_NUMBER_ARN.exec(physicalId);
  if (!match) {
    throw new HandlerError(`the physical id ${physicalId} is not the ARN of a phone number`);
  }
  return match[1];
}

/** The number as Connect describes it, or undefined when it is not claimed (released, or never claimed). */
async function describe(ctx: KindContext, id: string): Promise<ClaimedPhoneNumberSummary | undefined> {
  try {
    const { ClaimedPhoneNumberSummary: summary } = await ctx.send(new DescribePhoneNumberCommand({ PhoneNumberId: id }));
    if (!summary) {
      throw new HandlerError(`DescribePhoneNumber returned nothing for phone number ${id}`);
    }
    return summary;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Waits until the operation in progress on the number (a claim, a move to another target, a metadata update) is
 * over, and fails with Connect's message when it FAILED.
 */
async function waitClaimed(ctx: KindContext, id: string, what: string): Promise<ClaimedPhoneNumberSummary> {
  return ctx.waitFor(what, async () => {
    const summary = await describe(ctx, id);
    if (!summary) {
      throw new HandlerError(`${what} failed: phone number ${id} no longer exists`);
    }
    const status = summary.PhoneNumberStatus?.Status;
    if (status === 'FAILED') {
      const message = summary.PhoneNumberStatus?.Message || 'Amazon Connect gave no reason';
      throw new HandlerError(`${what} failed: ${message}`);
    }
    return status === 'IN_PROGRESS' ? undefined : summary;
  }, POLL_MS);
}

/** Waits until no operation is in progress on the number; `gone` when it was released meanwhile. */
async function waitSettled(ctx: KindContext, id: string, what: string): Promise<{ summary?: ClaimedPhoneNumberSummary }> {
  return ctx.waitFor(what, async () => {
    const summary = await describe(ctx, id);
    return summary?.PhoneNumberStatus?.Status === 'IN_PROGRESS' ? undefined : { summary };
  }, POLL_MS);
}

function result(arn: string, id: string, phoneNumber: string): ResourceResult {
  return { physicalResourceId: arn, data: { PhoneNumberArn: arn, PhoneNumberId: id, Address: phoneNumber } };
}

async function claim(ctx: KindContext, d: Desired): Promise<ResourceResult> {
  const claimed = await ctx.send(new ClaimPhoneNumberCommand({
    PhoneNumber: d.phoneNumber,
    TargetArn: d.targetArn,
    PhoneNumberDescription: d.description,
    Tags: Object.keys(d.tags).length > 0 ? d.tags : undefined,
    ClientToken: uuidToken(ctx.event),
  }), { quota: QUOTA });
  if (!claimed.PhoneNumberId || !claimed.PhoneNumberArn) {
    throw new HandlerError(`ClaimPhoneNumber returned no id for phone number ${d.phoneNumber}`);
  }
  ctx.created(claimed.PhoneNumberArn);
  await waitClaimed(ctx, claimed.PhoneNumberId, `the claim of phone number ${d.phoneNumber}`);
  return result(claimed.PhoneNumberArn, claimed.PhoneNumberId, d.phoneNumber);
}

/** Tags that the user can set (Connect's own `aws:` tags are neither compared nor touched). */
function userTags(tags: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(tags ?? {}).filter(([key]) => !key.startsWith('aws:')));
}

async function updateTags(ctx: KindContext, arn: string, live: Record<string, string> | undefined, wanted: Record<string, string>): Promise<void> {
  const current = userTags(live);
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => current[key] !== value));
  if (removed.length > 0) {
    await ctx.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: removed }));
  }
  if (Object.keys(changed).length > 0) {
    await ctx.send(new TagResourceCommand({ resourceArn: arn, tags: changed }));
  }
}

export const phoneNumberClaimKind: ResourceKind = {
  resourceType: 'Custom::ConnectClaimedPhoneNumber',

  isPhysicalId: (physicalId) => PHONE_NUMBER_ARN.test(physicalId),

  create: async (ctx, properties) => claim(ctx, desired(properties)),

  update: async (ctx, physicalId, properties) => {
    const d = desired(properties);
    const id = idOf(physicalId);
    let live = await describe(ctx, id);
    if (!live) {
      ctx.note(`re-created: phone number ${d.phoneNumber} was released out of band, so it was claimed again`);
      return claim(ctx, d);
    }
    if (live.PhoneNumber !== d.phoneNumber) {
      // Another number: a new claim and a new physical id; CloudFormation then deletes (releases) the old one.
      ctx.log(`claiming ${d.phoneNumber} in place of ${live.PhoneNumber ?? id}`);
      return claim(ctx, d);
    }
    const arn = live.PhoneNumberArn ?? physicalId;
    if (live.PhoneNumberStatus?.Status === 'IN_PROGRESS') {
      const settled = await waitSettled(ctx, id, `the operation in progress on phone number ${d.phoneNumber}`);
      if (!settled.summary) {
        ctx.note(`re-created: phone number ${d.phoneNumber} was released out of band, so it was claimed again`);
        return claim(ctx, d);
      }
      live = settled.summary;
    }
    if (live.TargetArn !== d.targetArn || live.PhoneNumberStatus?.Status === 'FAILED') {
      await ctx.send(new UpdatePhoneNumberCommand({ PhoneNumberId: id, TargetArn: d.targetArn, ClientToken: uuidToken(ctx.event, 'target') }));
      live = await waitClaimed(ctx, id, `the move of phone number ${d.phoneNumber} to ${d.targetArn}`);
    }
    if ((live.PhoneNumberDescription ?? '') !== (d.description ?? '')) {
      await ctx.send(new UpdatePhoneNumberMetadataCommand({
        PhoneNumberId: id,
        PhoneNumberDescription: d.description ?? '',
        ClientToken: uuidToken(ctx.event, 'description'),
      }));
      await waitClaimed(ctx, id, `the description update of phone number ${d.phoneNumber}`);
    }
    await updateTags(ctx, arn, live.Tags, d.tags);
    return result(arn, id, d.phoneNumber);
  },

  delete: async (ctx, physicalId) => {
    const id = idOf(physicalId);
    let live = await describe(ctx, id);
    if (live?.PhoneNumberStatus?.Status === 'IN_PROGRESS') {
      live = (await waitSettled(ctx, id, `the operation in progress on phone number ${live.PhoneNumber ?? id}`)).summary;
    }
    if (!live) {
      ctx.log(`phone number ${id} is already released`);
      return;
    }
    try {
      await ctx.send(new ReleasePhoneNumberCommand({ PhoneNumberId: id, ClientToken: uuidToken(ctx.event, 'release') }));
    } catch (error) {
      if (!isNotFound(error)) {
        throw error;
      }
      ctx.log(`phone number ${id} is already released`);
    }
  },
};
