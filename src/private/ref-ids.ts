import { Token } from 'aws-cdk-lib';

/** A reference id as Amazon Connect evaluation forms take it: 1 to 40 letters, digits, `.`, `_` and `-`. */
export const REF_ID = /^[a-zA-Z0-9._-]{1,40}$/;

/** The longest reference id. */
export const MAX_REF_ID_LENGTH = 40;

/**
 * A readable reference id made from a title: lowercase ASCII letters and digits joined by `-`, accents removed,
 * at most `maxLength` characters. Returns `fallback` when nothing usable is left (or the title is a token).
 */
export function slugOf(title: string, maxLength: number, fallback: string): string {
  if (Token.isUnresolved(title)) {
    return fallback;
  }
  const slug = title
    .replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[œŒ]/g, 'oe').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = shorten(slug, maxLength);
  return short.length > 0 ? short : fallback;
}

/** Cuts a `-`-separated id to at most `maxLength` characters, at a `-` where there is one. */
export function shorten(id: string, maxLength: number): string {
  if (id.length <= maxLength) {
    return id;
  }
  let cut = id.slice(0, maxLength);
  if (id[maxLength] !== '-' && cut.includes('-')) {
    cut = cut.slice(0, cut.lastIndexOf('-'));
  }
  return cut.replace(/[-._]+$/, '');
}

/**
 * Hands out unique reference ids. Ids reserved first (the ones users chose) are never handed out again;
 * a generated id that is taken gets a `-2`, `-3`, ... suffix, so the result only depends on the order of the
 * requests.
 */
export class RefIdAllocator {
  private readonly used = new Set<string>();

  /** Marks an id as taken. */
  public reserve(refId: string): void {
    this.used.add(refId);
  }

  /** Returns `base`, or `base` with the first free numeric suffix, and marks it as taken. */
  public allocate(base: string): string {
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${base.slice(0, MAX_REF_ID_LENGTH - suffix.length).replace(/[-._]+$/, '')}${suffix}`;
    }
    this.used.add(candidate);
    return candidate;
  }
}
