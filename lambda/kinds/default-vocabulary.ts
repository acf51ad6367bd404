import {
  AssociateDefaultVocabularyCommand,
  DescribeVocabularyCommand,
  ListDefaultVocabulariesCommand,
  VocabularyLanguageCode,
} from '@aws-sdk/client-connect';
import { createLeased, deleteLeased, instanceArnWithId, InstanceSettingIds, LeasedSetting, SettingLease, updateLeased } from './setting-lease';
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

const IDS = new InstanceSettingIds('cdk-connect:default-vocabulary:', '[a-z]{2,3}-[A-Z]{2}');

interface Desired {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly languageCode: string;
  readonly vocabularyId: string;
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

/** The default of a language as a setting held with a lease on the instance (`instanceArn`: of the instance with that id). */
function settingOf(ctx: KindContext, instanceArn: string, instanceId: string, languageCode: string): LeasedSetting {
  const what = `the default vocabulary of ${languageCode} in instance ${instanceId}`;
  return {
    lease: leaseOf(ctx, instanceArn, languageCode),
    what,
    carrier: `instance ${instanceId}`,
    current: () => currentDefault(ctx, instanceId, languageCode),
    set: (vocabularyId) => setDefault(ctx, instanceId, languageCode, vocabularyId),
    tookOverNote: (previous) => `took over ${what} from another cdk-connect `
      + `resource; the default from before cdk-connect changed it (${show(previous)}) is restored on delete`,
    resetNote: (current) => `re-created: ${what} was reset out of band `
      + `(now ${show(current)}; its record on the instance was removed)`,
  };
}

async function create(ctx: KindContext, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  await awaitActive(ctx, d);
  const previous = await createLeased(ctx, settingOf(ctx, d.instanceArn, d.instanceId, d.languageCode), d.vocabularyId);
  return { physicalResourceId: IDS.format({ instanceId: d.instanceId, key: d.languageCode, token: ctx.token, previous }) };
}

async function update(ctx: KindContext, physicalId: string, properties: Properties): Promise<ResourceResult> {
  const d = desired(properties);
  const id = IDS.parse(physicalId);
  if (d.instanceId !== id.instanceId || d.languageCode !== id.key) {
    // Another language or instance: a new resource; CloudFormation then deletes the old one, which restores its default.
    return create(ctx, properties);
  }
  await awaitActive(ctx, d);
  await updateLeased(ctx, settingOf(ctx, d.instanceArn, d.instanceId, d.languageCode), id, d.vocabularyId);
  return { physicalResourceId: physicalId };
}

/** Restores the default from before the resource, if it still holds the default and nobody changed it since. */
async function remove(ctx: KindContext, physicalId: string, properties: Properties): Promise<void> {
  const id = IDS.parse(physicalId);
  const r = read(properties);
  const setting = settingOf(ctx, instanceArnWithId(r.string('InstanceArn'), id.instanceId), id.instanceId, id.key);
  const mine = r.optionalString('VocabularyId');
  await deleteLeased(ctx, setting, id.token, async (previous, current) => {
    if (current !== mine) {
      ctx.note(`left ${setting.what} as it is (${show(current)}): it was changed out of band`);
    } else if (current !== previous) {
      try {
        await setDefault(ctx, id.instanceId, id.key, previous);
      } catch (error) {
        if (previous === undefined || !isNotFound(error)) {
          throw error;
        }
        ctx.note(`the previous default vocabulary of ${id.key} (${previous}) no longer exists: set none`);
        await setDefault(ctx, id.instanceId, id.key, undefined);
      }
    }
  });
}

export const defaultVocabularyKind: ResourceKind = {
  resourceType: 'Custom::ConnectDefaultVocabulary',
  isPhysicalId: (physicalId) => IDS.test(physicalId),
  create,
  update,
  delete: remove,
};
