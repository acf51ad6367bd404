import { STACK_ID } from './runtime';
import { fitResponse, MAX_RESPONSE_BYTES } from '../../../lambda/engine/response';
import { CloudFormationResponse } from '../../../lambda/engine/types';

const LOG = 'log stream /aws/lambda/provider 2026/11/22/[$LATEST]0123456789abcdef';

function response(overrides: Partial<CloudFormationResponse> = {}): CloudFormationResponse {
  return {
    Status: 'FAILED',
    StackId: STACK_ID,
    RequestId: '5a6d3c2e-1111-4222-8333-444455556666',
    LogicalResourceId: 'SupportPhoneNumberFlow',
    PhysicalResourceId: 'cdk-connect:failed-create:5a6d3c2e-1111-4222-8333-444455556666',
    ...overrides,
  };
}

/** The bytes CloudFormation receives: the JSON body, UTF-8. */
const bytes = (r: CloudFormationResponse) => Buffer.byteLength(JSON.stringify(r), 'utf8');

/** Whether a string has half a surrogate pair (an emoji cut in two). */
const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** A deterministic pseudo-random generator (Park-Miller), so a failure can be reproduced. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

/** Checks a truncated reason: it fits, keeps the start, names the log, and no longer start would fit. */
function expectTruncated(original: CloudFormationResponse, fitted: CloudFormationResponse): void {
  const suffix = ` ... (truncated; the whole message is in ${LOG})`;
  expect(bytes(fitted)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  expect(fitted.Status).toBe(original.Status);
  expect(fitted.Reason!.endsWith(suffix)).toBe(true);
  const kept = fitted.Reason!.slice(0, -suffix.length);
  expect(original.Reason!.startsWith(kept)).toBe(true);
  expect(hasLoneSurrogate(fitted.Reason!)).toBe(false);
  // As much as fits is kept: one more character (two for a surrogate pair) would not fit.
  const next = original.Reason!.codePointAt(kept.length)! > 0xffff ? 2 : 1;
  expect(bytes({ ...original, Reason: original.Reason!.slice(0, kept.length + next) + suffix })).toBeGreaterThan(MAX_RESPONSE_BYTES);
  const { Reason: _a, ...restFitted } = fitted;
  const { Reason: _b, ...restOriginal } = original;
  expect(restFitted).toEqual(restOriginal);
}

describe('fitResponse', () => {
  test('returns a response that fits unchanged', () => {
    const small = response({ Reason: 'CreateIntegrationAssociation failed: InvalidParameterException: bad ARN' });
    expect(fitResponse(small, LOG)).toBe(small);
  });

  test('a response of exactly 4096 bytes is not touched; one byte more is', () => {
    const base = bytes(response({ Reason: '' }));
    const exact = response({ Reason: 'x'.repeat(MAX_RESPONSE_BYTES - base) });
    expect(bytes(exact)).toBe(MAX_RESPONSE_BYTES);
    expect(fitResponse(exact, LOG)).toBe(exact);
    const over = response({ Reason: 'x'.repeat(MAX_RESPONSE_BYTES - base + 1) });
    expectTruncated(over, fitResponse(over, LOG));
  });

  test('shortens a huge reason, keeping its start and naming the log', () => {
    const huge = response({ Reason: `UpdateContactFlowContent failed: InvalidContactFlowException: ${'problem '.repeat(10_000)}` });
    const fitted = fitResponse(huge, LOG);
    expectTruncated(huge, fitted);
    expect(fitted.Reason).toMatch(/^UpdateContactFlowContent failed: InvalidContactFlowException: problem problem/);
    expect(fitted.Reason!.length).toBeGreaterThan(3_500);
  });

  test.each([
    ['3-byte characters (€)', '€'],
    ['2-byte characters (é)', 'é'],
    ['emoji (4 bytes, two UTF-16 units)', '📞'],
    ['CJK text', '電話番号の関連付けに失敗しました'],
    ['characters JSON escapes (" and \\)', '"\\'],
    ['control characters JSON writes as \\u00XX', '\u0001\u001f'],
    ['newlines and tabs', '\n\t'],
  ])('shortens a reason of %s to fit, keeping as much as fits', (_, unit) => {
    const huge = response({ Reason: `failed: ${unit.repeat(20_000)}` });
    const fitted = fitResponse(huge, LOG);
    expectTruncated(huge, fitted);
    // Not cut to nothing: most of the 4 KB carries the message.
    expect(bytes(fitted)).toBeGreaterThan(MAX_RESPONSE_BYTES - 16);
  });

  test('never cuts an emoji in two, at any length', () => {
    const base = bytes(response({ Reason: '' }));
    for (let extra = 0; extra < 12; extra++) {
      const huge = response({ Reason: 'a'.repeat(extra) + '📞'.repeat((MAX_RESPONSE_BYTES - base) / 2) });
      const fitted = fitResponse(huge, LOG);
      expect(bytes(fitted)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
      expect(hasLoneSurrogate(fitted.Reason!)).toBe(false);
    }
  });

  test('keeps data that fits beside a shortened reason', () => {
    const huge = response({
      Status: 'SUCCESS',
      PhysicalResourceId: 'arn:aws:connect:us-east-1:123456789012:instance/i/integration-association/a',
      Reason: `re-created: ${'x'.repeat(5_000)}`,
      Data: { IntegrationAssociationId: 'a', Note: 'y'.repeat(1_500) },
    });
    const fitted = fitResponse(huge, LOG);
    expectTruncated(huge, fitted);
    expect(fitted.Data).toEqual(huge.Data);
    expect(fitted.Status).toBe('SUCCESS');
  });

  test('a response whose data alone is too large becomes a failure that says so', () => {
    const large = response({
      Status: 'SUCCESS',
      PhysicalResourceId: 'flow-1',
      Data: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`Attribute${i}`, 'v'.repeat(100)])),
    });
    const fitted = fitResponse(large, LOG);
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(fitted).toEqual({
      ...large,
      Status: 'FAILED',
      Reason: `the response would exceed CloudFormation's 4096-byte limit (see ${LOG})`,
      Data: undefined,
    });
    expect(JSON.parse(JSON.stringify(fitted)).Data).toBeUndefined();
  });

  test('large data with a large reason also becomes that failure', () => {
    const large = response({ Status: 'SUCCESS', Reason: 'r'.repeat(10_000), Data: { Big: '€'.repeat(2_000) } });
    const fitted = fitResponse(large, LOG);
    expect(fitted.Status).toBe('FAILED');
    expect(fitted.Reason).toMatch(/4096-byte limit/);
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  });

  test('any mix of reason and data sizes and characters ends at most 4096 bytes', () => {
    const random = prng(4096);
    const alphabet = ['a', ' ', 'é', '€', '📞', '"', '\\', '\n', '\u0007', '電', '<', '&'];
    const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const r = response({
        Status: random() < 0.5 ? 'SUCCESS' : 'FAILED',
        Reason: random() < 0.9 ? text(Math.floor(random() * 6_000)) : undefined,
        Data: random() < 0.5 ? { A: text(Math.floor(random() * 2_000)), B: text(Math.floor(random() * 200)) } : undefined,
      });
      const fitted = fitResponse(r, LOG);
      expect(bytes(fitted)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
      expect(hasLoneSurrogate(fitted.Reason ?? '')).toBe(false);
      if (bytes(r) <= MAX_RESPONSE_BYTES) {
        expect(fitted).toBe(r);
      } else if (fitted.Data === undefined && r.Data !== undefined) {
        expect(fitted.Status).toBe('FAILED');
        expect(fitted.Reason).toMatch(/4096-byte limit/);
      } else {
        expect(fitted.Status).toBe(r.Status);
        expect(fitted.Data).toEqual(r.Data);
        expect(fitted.Reason).toMatch(/ \.\.\. \(truncated; the whole message is in log stream /);
      }
    }
  });
});
