import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-connect';
import { KindContext } from '../engine/context';
import { HandlerError, isNotFound } from '../engine/errors';

/**
 * Who holds a setting (an attribute of an instance, the default vocabulary of a language, the flow of a phone number,
 * the distribution of a traffic distribution group, ...) and what the setting was before any cdk-connect resource
 * changed it.
 */
export interface Lease {
  /** The token of the create request of the resource that holds the setting (it is in that resource's physical id). */
  readonly token: string;
  /** The value before cdk-connect changed it, restored when the holder is deleted; undefined: none (or unknown). */
  readonly previous?: string;
}

/** Tag values Connect accepts as they are (the general AWS tag value characters). */
const PLAIN = /^[\p{L}\p{N}_.:/=+@-]+$/u;
const NONE = '-';
const BASE64 = 'b64:';
const MAX_TAG_VALUE = 256;

function encodeTagValue(lease: Lease): string {
  const previous = lease.previous;
  let encoded: string;
  if (previous === undefined) {
    encoded = NONE;
  } else if (PLAIN.test(previous) && previous !== NONE && !previous.startsWith(BASE64)) {
    encoded = previous;
  } else {
    encoded = BASE64 + Buffer.from(previous, 'utf8').toString('base64url');
  }
  const value = `${lease.token} ${encoded}`;
  if (value.length > MAX_TAG_VALUE) {
    throw new HandlerError(`the previous value (${previous!.slice(0, 40)}...) is too long to record in a tag `
      + `(a tag value holds at most ${MAX_TAG_VALUE} characters)`);
  }
  return value;
}

function decodeTagValue(value: string): Lease | undefined {
  const space = value.indexOf(' ');
  if (space <= 0) {
    return undefined;
  }
  const token = value.slice(0, space);
  const encoded = value.slice(space + 1);
  if (encoded === NONE) {
    return { token };
  }
  if (encoded.startsWith(BASE64)) {
    return { token, previous: Buffer.from(encoded.slice(BASE64.length), 'base64url').toString('utf8') };
  }
  return { token, previous: encoded };
}

/**
 * The record, kept as a tag on the taggable resource that carries a setting (the instance for its attributes, the
 * phone number for its flow, the traffic distribution group for its distribution, the user for its membership of a
 * group), of which cdk-connect resource holds the setting and of the value to restore when it is deleted.
 *
 * A setting has no identity of its own to tag or look up, so without this record a create delivered twice would read
 * its own change as the "previous" value, and a resource that moved (a new logical id: the new one is created before
 * the old one is deleted) would have its setting undone by the old one's delete. With it:
 * - a create reads the previous value once: a later delivery of the same request finds its own record;
 * - a resource that takes over a setting inherits the value from before cdk-connect, and the old holder's delete
 *   leaves the setting alone;
 * - an update tells "the setting was removed out of band" (no record) from "it was changed" (a record, another value).
 *
 * Connect's tag limits apply: a key of at most 128 characters, a value of at most 256, and at most 50 tags on a
 * resource (the resource's own tags included), so each record takes one of those 50.
 */
export class SettingLease {
  constructor(
    private readonly ctx: KindContext,
    /** The ARN of the resource that carries the tag (the tag APIs take ARNs), such as the instance's. */
    private readonly resourceArn: string,
    /** The tag key, such as `cdk-connect:attribute:MESSAGE_STREAMING` (at most 128 characters). */
    public readonly key: string,
  ) {}

  /** The current record, if any. Fails with Connect's error when the resource does not exist. */
  public async read(): Promise<Lease | undefined> {
    const out = await this.ctx.send(new ListTagsForResourceCommand({ resourceArn: this.resourceArn }));
    const value = out.tags?.[this.key];
    return value === undefined ? undefined : decodeTagValue(value);
  }

  /** Records `lease` as the holder. */
  public async write(lease: Lease): Promise<void> {
    await this.ctx.send(new TagResourceCommand({ resourceArn: this.resourceArn, tags: { [this.key]: encodeTagValue(lease) } }));
  }

  /** Removes the record. */
  public async remove(): Promise<void> {
    await this.ctx.send(new UntagResourceCommand({ resourceArn: this.resourceArn, tagKeys: [this.key] }));
  }

  /**
   * Puts the record back as it was before this request wrote it (after the change it guarded failed), logging rather
   * than throwing if that fails too: the original failure is what the response must report.
   */
  public async restore(before: Lease | undefined): Promise<void> {
    try {
      if (before === undefined) {
        await this.remove();
      } else {
        await this.write(before);
      }
    } catch (error) {
      this.ctx.log(`could not put the tag ${this.key} of ${this.resourceArn} back: ${String((error as Error)?.message ?? error)}`);
    }
  }
}

/**
 * A setting that a cdk-connect resource holds with a `SettingLease`: how a kind reads and changes it, and how its
 * messages name it. `createLeased`, `updateLeased` and `deleteLeased` implement the resource's life around it.
 */
export interface LeasedSetting {
  /** The record of the holder. */
  readonly lease: SettingLease;
  /** The setting, for messages, such as `MESSAGE_STREAMING of instance <id>`. */
  readonly what: string;
  /** What carries the setting, for messages, such as `instance <id>`: when it is gone, a delete has nothing to do. */
  readonly carrier: string;
  /** The setting's live value (undefined: none). */
  current(): Promise<string | undefined>;
  /** Changes the setting. */
  set(value: string): Promise<void>;
  /** The note of a create that takes the setting over from another cdk-connect resource, which recorded `previous`. */
  tookOverNote(previous: string | undefined): string;
  /** The note of an update that finds the record gone (the setting was reset out of band; `current` is live). */
  resetNote(current: string | undefined): string;
}

/**
 * Creates a resource that holds the setting with the value `value`: records the holder (this request) and the value
 * from before, then sets the value (putting the record back if that fails).
 *
 * @returns the value from before cdk-connect changed it (for the physical id)
 */
export async function createLeased(ctx: KindContext, setting: LeasedSetting, value: string): Promise<string | undefined> {
  const lease = setting.lease;
  const held = await lease.read();
  const current = await setting.current();

  let previous: string | undefined;
  if (held?.token === ctx.token) {
    // An earlier delivery of this request recorded the value from before it (and may have changed it already).
    previous = held.previous;
  } else {
    if (held) {
      previous = held.previous;
      ctx.note(setting.tookOverNote(previous));
    } else {
      previous = current;
    }
    await lease.write({ token: ctx.token, previous });
  }

  if (current !== value) {
    try {
      await setting.set(value);
    } catch (error) {
      if (held?.token !== ctx.token) {
        await lease.restore(held);
      }
      throw error;
    }
  }
  return previous;
}

/**
 * Updates the resource that holds the setting (created by the request with token `holder.token`, which recorded
 * `holder.previous` in its physical id) to the value `value`: takes the record back if it was lost or taken over, and
 * sets the value when it differs. `changedOutOfBand` is told the live value when the resource still held the setting
 * and the value differs from `value`.
 */
export async function updateLeased(ctx: KindContext, setting: LeasedSetting, holder: Lease, value: string,
  changedOutOfBand?: (current: string | undefined) => void): Promise<void> {
  const lease = setting.lease;
  const held = await lease.read();
  const current = await setting.current();

  if (held?.token !== holder.token) {
    await lease.write({ token: holder.token, previous: held ? held.previous : holder.previous });
    ctx.note(held
      ? `re-created: ${setting.what} was taken over by another cdk-connect resource; it is this resource's again`
      : setting.resetNote(current));
  }
  if (current !== value) {
    if (held?.token === holder.token) {
      changedOutOfBand?.(current);
    }
    await setting.set(value);
  }
}

/**
 * Deletes the resource that holds the setting (created by the request with token `token`): when it still holds the
 * setting, `restore` is given the value from before and the live value to put the setting back, and the record is
 * removed. A carrier that is gone, no record, or another holder: the setting is left as it is.
 */
export async function deleteLeased(ctx: KindContext, setting: LeasedSetting, token: string,
  restore: (previous: string | undefined, current: string | undefined) => Promise<void>): Promise<void> {
  try {
    const held = await setting.lease.read();
    if (held === undefined) {
      ctx.log(`${setting.what} is not recorded as set by this resource: nothing to restore`);
      return;
    }
    if (held.token !== token) {
      ctx.note(`left ${setting.what} as it is: another cdk-connect resource has set it since`);
      return;
    }
    await restore(held.previous, await setting.current());
    await setting.lease.remove();
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
    ctx.log(`${setting.carrier} no longer exists: nothing to restore`);
  }
}

/** The ARN of the instance with the given id, from the ARN of an instance (or the same instance) of that account. */
export function instanceArnWithId(instanceArn: string, instanceId: string): string {
  return instanceArn.replace(/:instance\/.*$/, `:instance/${instanceId}`);
}

/** What the physical id of a resource that holds a setting of an instance says. */
export interface InstanceSettingId {
  readonly instanceId: string;
  /** Which setting of the instance (an attribute type, a language). */
  readonly key: string;
  /** The token of the create request. */
  readonly token: string;
  /** The value before cdk-connect changed it; undefined: none (or unknown). */
  readonly previous?: string;
}

/** Physical ids `<prefix><instance id>:<key>:<create token>:<previous value, base64url>`. */
export class InstanceSettingIds {
  private readonly pattern: RegExp;

  /**
   * @param prefix such as `cdk-connect:instance-attribute:`
   * @param keyPattern the regular expression (without groups) that the key matches
   */
  constructor(private readonly prefix: string, keyPattern: string) {
    this.pattern = new RegExp(`^${prefix}([^:]+):(${keyPattern}):(cdkc-[0-9a-f]{31}):([A-Za-z0-9_-]*)$`);
  }

  /** Whether `physicalId` is one of these ids. */
  public test(physicalId: string): boolean {
    return this.pattern.test(physicalId);
  }

  public format(id: InstanceSettingId): string {
    return `${this.prefix}${id.instanceId}:${id.key}:${id.token}:${encodeIdPart(id.previous)}`;
  }

  /** The parts of an id that `test` accepts. */
  public parse(physicalId: string): InstanceSettingId {
    const match = this.pattern.exec(physicalId)!;
    return { instanceId: match[1], key: match[2], token: match[3], previous: decodeIdPart(match[4]) };
  }
}

/** A value (or none) for a physical id: base64url, so that it holds no separator. */
export function encodeIdPart(value: string | undefined): string {
  return value === undefined ? '' : Buffer.from(value, 'utf8').toString('base64url');
}

/** The inverse of `encodeIdPart`. */
export function decodeIdPart(part: string): string | undefined {
  return part === '' ? undefined : Buffer.from(part, 'base64url').toString('utf8');
}
