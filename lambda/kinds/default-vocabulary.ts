import {
  AssociateDefaultVocabularyCommand,
  DescribeVocabularyCommand,
  ListDefaultVocabulariesCommand,
  VocabularyLanguageCode,
} from '@aws-sdk/client-connect';
import { decodeIdPart, encodeIdPart, instanceArnWithId, SettingLease } from './setting-lease';
import { KindContext } from '../engine/context';
import { HandlerError, isNotFound } from '../engine/errors';
import { ResourceKind } from '../engine/kind';
import { read } from '../engine/properties';
import { Properties, ResourceResult } from '../engine/types';

/**
 * The default custom vocabulary of a language in an instance (`AssociateDefaultVocabulary`), which Contact Lens uses
 * for that language. On delete the default from before is restored (or none set when there was none).
 *
 * Properties: `InstanceId`, `InstanceArn`, `LanguageCode`, `VocabularyId`.
 *
 * Physical id: `cdk-connect:default-vocabulary:<instance id>:<language>:<create token>:<previous default, base64url>`.
 * While the resource exists, the instance carries a tag `cdk-connect:default-vocabulary:<language>` =
 * `<create token> <previous default id or ->` (see `SettingLease`).
 */

const PREFIX = 'cdk-connect:default-vocabulary:';
const PHYSICAL_ID = /^cdk-connect:default-vocabulary:([^:]+):([a-z]{2,3}-[A-Z]{2}):(cdkc-[0-9a-f]{31}):([A-Za-z0-9_-]*)$/;

interface Desired {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly languageCode: string;
  readonly vocabularyId: string;
}

interface DefaultId {
  readonly instanceId: string;
  readonly languageCode: string;
  readonly token: string;
  /** The default vocabulary before; undefined: there was none. */
  readonly previous?: string;
}

function desired(properties: Properties): Desired {
  const r = read(properties);
  return {
    instanceId: r.string('InstanceId'),
    instanceArn: r.string('InstanceArn'),
    languageCode: r.string('LanguageCode'),
    vocabularyId: r.string('VocabularyId'),
  };
}

function formatId(id: DefaultId): string {
  return `${PREFIX}${id.instanceId}:${id.languageCode}:${id.token}:${encodeIdPart(id.previous)}`;
}

function parseId(physicalId: string): DefaultId {
  const match = PHYSICAL_ID.exec(physicalId)!;
  return { instanceId: match[1], languageCode: match[2], token: match[3], previous: decodeIdPart(match[4]) };
}

function leaseOf(ctx: KindContext, instanceArn: string, languageCode: string): SettingLease {
  return new SettingLease(ctx, instanceArn, `cdk-connect:default-vocabulary:${languageCode}`);
}

function show(vocabularyId: string | undefined): string {
  return vocabularyId === undefined ? 'none' : vocabularyId;
}

/** The default vocabulary of a language, or undefined when the language has none. */
async function currentDefault(ctx: KindContext, instanceId: string, languageCode: string): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const out = await ctx.send(new ListDefaultVocabulariesCommand({
      InstanceId: instanceId,
      LanguageCode: languageCode as VocabularyLanguageCode,
      MaxResults: 100,
      NextToken: nextToken,
    }));
    const found = (out.DefaultVocabularyList ?? []).find((entry) => entry.LanguageCode === languageCode);
    if (found) {
      return found.VocabularyId;
    }
    nextToken = out.NextToken;
  } while (nextToken);
  return undefined;
}

/** Sets the default of a language (none when `vocabularyId` is undefined). Setting is idempotent: retries are safe. */
async function setDefault(ctx: KindContext, instanceId: string, languageCode: string, vocabularyId: string | undefined): Promise<void> {
  await ctx.send(new AssociateDefaultVocabularyCommand({
    InstanceId: instanceId,
    LanguageCode: languageCode as VocabularyLanguageCode,
    VocabularyId: vocabularyId,
  }));
}

/** Waits until the vocabulary is ACTIVE (Connect processes a new one for a while), checking its language. */
async function awaitActive(ctx: KindContext, d: Desired): Promise<void> {
  await ctx.waitFor(`vocabulary ${d.vocabularyId} to become ACTIVE`, async () => {
    const out = await ctx.send(new DescribeVocabularyCommand({ InstanceId: d.instanceId, VocabularyId: d.vocabularyId }));
    const vocabulary = out.Vocabulary;
    if (vocabulary?.LanguageCode !== undefined && vocabulary.LanguageCode !== d.languageCode) {
      throw new HandlerError(`vocabulary ${d.vocabularyId} (${vocabulary.Name ?? 'unnamed'}) is in ${vocabulary.LanguageCode}, `
        + `so it cannot be the default of ${d.languageCode}`);
    }
    switch (vocabulary?.State) {
      case 'ACTIVE':
        return true;
      case 'CREATION_FAILED':
        throw new HandlerError(`vocabulary ${d.vocabularyId} cannot be the default of ${d.languageCode}: its creation failed`
          + `${vocabulary.FailureReason ? ` (${vocabulary.FailureReason})` : ''}`);
      case 'DELETE_IN_PROGRESS':
        throw new HandlerError(`vocabulary ${d.vocabularyId} cannot be the default of ${d.languageCode}: it is being deleted`);
      default:
        return undefined;
    }
  }, 5_000);
}

async function create(ctx: KindContext, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  await awaitActive(ctx, d);
  const lease = leaseOf(ctx, d.instanceArn, d.languageCode);
  const held = await lease.read();
  const current = await currentDefault(ctx, d.instanceId, d.languageCode);

  let previous: string | undefined;
  if (held?.token === ctx.token) {
    previous = held.previous;
  } else {
    if (held) {
      previous = held.previous;
      ctx.note(`took over the default vocabulary of ${d.languageCode} in instance ${d.instanceId} from another cdk-connect `
        + `resource; the default from before cdk-connect changed it (${show(previous)}) is restored on delete`);
    } else {
      previous = current;
    }
    await lease.write({ token: ctx.token, previous });
  }

  if (current !== d.vocabularyId) {
    try {
      await setDefault(ctx, d.instanceId, d.languageCode, d.vocabularyId);
    } catch (error) {
      if (held?.token !== ctx.token) {
        await lease.restore(held);
      }
      throw error;
    }
  }
  return { physicalResourceId: formatId({ instanceId: d.instanceId, languageCode: d.languageCode, token: ctx.token, previous }) };
}

async function update(ctx: KindContext, physicalId: string, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const id = parseId(physicalId);
  if (d.instanceId !== id.instanceId || d.languageCode !== id.languageCode) {
    // Another language or instance: a new resource; CloudFormation then deletes the old one, which restores its default.
    return create(ctx, properties);
  }
  await awaitActive(ctx, d);
  const lease = leaseOf(ctx, d.instanceArn, d.languageCode);
  const held = await lease.read();
  const current = await currentDefault(ctx, d.instanceId, d.languageCode);

  if (held?.token !== id.token) {
    await lease.write({ token: id.token, previous: held ? held.previous : id.previous });
    ctx.note(held
      ? `re-created: the default vocabulary of ${d.languageCode} in instance ${d.instanceId} was taken over by another `
        + 'cdk-connect resource; it is this resource\'s again'
      : `re-created: the default vocabulary of ${d.languageCode} in instance ${d.instanceId} was reset out of band `
        + `(now ${show(current)}; its record on the instance was removed)`);
  }
  if (current !== d.vocabularyId) {
    await setDefault(ctx, d.instanceId, d.languageCode, d.vocabularyId);
  }
  return { physicalResourceId: physicalId };
}

async function remove(ctx: KindContext, physicalId: string, properties: Properties): Promise<void> {
  const id = parseId(physicalId);
  try {
    await restore(ctx, id, properties);
  } catch (error) {
    if (!isNotFound((error as { sdkError?: unknown }).sdkError)) {
      throw error;
    }
    ctx.log(`instance ${id.instanceId} no longer exists: nothing to restore`);
  }
}

/** Restores the default from before the resource, if it still holds the default and nobody changed it since. */
async function restore(ctx: KindContext, id: DefaultId, properties: Properties): Promise<void> {
  const r = read(properties);
  const lease = leaseOf(ctx, instanceArnWithId(r.string('InstanceArn'), id.instanceId), id.languageCode);
  const held = await lease.read();
  if (held === undefined) {
    ctx.log(`the default vocabulary of ${id.languageCode} in instance ${id.instanceId} is not recorded as set by this resource: nothing to restore`);
    return;
  }
  if (held.token !== id.token) {
    ctx.note(`left the default vocabulary of ${id.languageCode} in instance ${id.instanceId} as it is: another cdk-connect resource has set it since`);
    return;
  }

  const current = await currentDefault(ctx, id.instanceId, id.languageCode);
  const mine = r.optionalString('VocabularyId');
  if (current !== mine) {
    ctx.note(`left the default vocabulary of ${id.languageCode} in instance ${id.instanceId} as it is (${show(current)}): it was changed out of band`);
  } else if (current !== held.previous) {
    try {
      await setDefault(ctx, id.instanceId, id.languageCode, held.previous);
    } catch (error) {
      if (held.previous === undefined || !isNotFound((error as { sdkError?: unknown }).sdkError)) {
        throw error;
      }
      ctx.note(`the previous default vocabulary of ${id.languageCode} (${held.previous}) no longer exists: set none`);
      await setDefault(ctx, id.instanceId, id.languageCode, undefined);
    }
  }
  await lease.remove();
}

export const defaultVocabularyKind: ResourceKind = {
  resourceType: 'Custom::ConnectDefaultVocabulary',
  isPhysicalId: (physicalId) => PHYSICAL_ID.test(physicalId),
  create,
  update,
  delete: remove,
};
