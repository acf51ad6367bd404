import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-connect';
import { KindContext } from '../engine/context';
import { HandlerError } from '../engine/errors';

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

/** The ARN of the instance with the given id, from the ARN of an instance (or the same instance) of that account. */
export function instanceArnWithId(instanceArn: string, instanceId: string): string {
  return instanceArn.replace(/:instance\/.*$/, `:instance/${instanceId}`);
}

/** A value (or none) for a physical id: base64url, so that it holds no separator. */
export function encodeIdPart(value: string | undefined): string {
  return value === undefined ? '' : Buffer.from(value, 'utf8').toString('base64url');
}

/** The inverse of `encodeIdPart`. */
export function decodeIdPart(part: string): string | undefined {
  return part === '' ? undefined : Buffer.from(part, 'base64url').toString('utf8');
}
