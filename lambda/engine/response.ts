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
    let reason = response.Reason ?? '';
    // Cut by characters until the encoded body fits (JSON escaping and multi-byte characters make bytes != chars).
    let keep = Math.max(0, reason.length - (size(response) - MAX_RESPONSE_BYTES) - suffix.length);
    while (keep > 0 && size({ ...response, Reason: reason.slice(0, keep) + suffix }) > MAX_RESPONSE_BYTES) {
      keep = Math.max(0, keep - 64);
    }
    reason = reason.slice(0, keep) + suffix;
    return { ...response, Reason: reason };
  }
  return {
    ...response,
    Status: 'FAILED',
    Reason: `the response would exceed CloudFormation's ${MAX_RESPONSE_BYTES}-byte limit (see ${logHint})`.slice(0, 1000),
    Data: undefined,
  };
}
