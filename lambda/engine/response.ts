import { CloudFormationResponse } from './types';

/** CloudFormation rejects a response body over 4096 bytes. */
export const MAX_RESPONSE_BYTES = 4096;

function size(response: CloudFormationResponse): number {
  return Buffer.byteLength(JSON.stringify(response), 'utf8');
}

/**
 * Makes a response fit CloudFormation's limit: the reason is shortened first (its start says what failed; the log has
 * the rest); a response whose data alone is too large becomes a failure that says so.
 */
export function fitResponse(response: CloudFormationResponse, logHint: string): CloudFormationResponse {
  if (size(response) <= MAX_RESPONSE_BYTES) {
    return response;
  }
  const suffix = ` ... (truncated; the whole message is in ${logHint})`;
  const withoutReason = size({ ...response, Reason: suffix });
  if (withoutReason <= MAX_RESPONSE_BYTES) {
    const reason = response.Reason ?? '';
    // Never end on half of a surrogate pair (an emoji cut in two): JSON would escape it, and it means nothing.
    const cut = (keep: number) => reason.slice(0, keep > 0 && isHighSurrogate(reason.charCodeAt(keep - 1)) ? keep - 1 : keep) + suffix;
    // The longest start of the reason that fits: bytes are not characters (JSON escapes, multi-byte UTF-8), so search.
    let fits = 0;
    let tooLong = reason.length;
    while (tooLong - fits > 1) {
      const mid = Math.floor((fits + tooLong) / 2);
      if (size({ ...response, Reason: cut(mid) }) <= MAX_RESPONSE_BYTES) {
        fits = mid;
      } else {
        tooLong = mid;
      }
    }
    return { ...response, Reason: cut(fits) };
  }
  return {
    ...response,
    Status: 'FAILED',
    Reason: `the response would exceed CloudFormation's ${MAX_RESPONSE_BYTES}-byte limit (see ${logHint})`.slice(0, 1000),
    Data: undefined,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
