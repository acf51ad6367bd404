import { event } from './runtime';
import { OWNER_TAG, requestToken, uuidToken } from '../../../lambda/engine/token';

describe('requestToken', () => {
  test('is the same for every delivery of a request, whatever else the delivery carries', () => {
    const first = event({ RequestId: 'r-1' });
    const again = event({
      RequestId: 'r-1',
      ResponseURL: 'https://elsewhere.example/response',
      ResourceProperties: { ServiceToken: 'other', Name: 'changed' },
    });
    expect(requestToken(first)).toBe(requestToken(again));
    expect(requestToken(first, 'claim')).toBe(requestToken(again, 'claim'));
  });

  test('differs by stack, request, logical id and step', () => {
    const base = event({ RequestId: 'r-1' });
    const tokens = [
      requestToken(base),
      requestToken(event({ RequestId: 'r-2' })),
      requestToken(event({ RequestId: 'r-1', StackId: `${base.StackId}x` })),
      requestToken(event({ RequestId: 'r-1', LogicalResourceId: 'Other' })),
      requestToken(base, 'release'),
      requestToken(base, 'claim'),
    ];
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  test('fields cannot run into each other', () => {
    expect(requestToken(event({ RequestId: 'ab', LogicalResourceId: 'c' })))
      .not.toBe(requestToken(event({ RequestId: 'a', LogicalResourceId: 'bc' })));
    expect(requestToken(event({ LogicalResourceId: 'A' }), 'B')).not.toBe(requestToken(event({ LogicalResourceId: 'AB' })));
  });

  test('is 36 characters: within a ClientToken (at most 500) and a tag value (at most 256)', () => {
    for (const e of [event(), event({ RequestId: 'x'.repeat(1000), LogicalResourceId: 'L'.repeat(255) })]) {
      const token = requestToken(e, 'step');
      expect(token).toMatch(/^cdkc-[0-9a-f]{31}$/);
      expect(token).toHaveLength(36);
    }
  });

  test('the default step is the empty one', () => {
    expect(requestToken(event())).toBe(requestToken(event(), ''));
  });

  test('the owner tag key is a valid Connect tag key', () => {
    // Tag keys: 1 to 128 characters, not starting with aws:.
    expect(OWNER_TAG).toBe('cdk-connect:request-token');
    expect(OWNER_TAG.length).toBeLessThanOrEqual(128);
    expect(OWNER_TAG).not.toMatch(/^aws:/);
  });
});

describe('uuidToken', () => {
  test('is a UUID, stable per request and step, different across steps and requests', () => {
    const first = event({ RequestId: 'r-1' });
    const again = event({ RequestId: 'r-1', ResponseURL: 'https://elsewhere.example/response' });
    expect(uuidToken(first)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(uuidToken(first)).toBe(uuidToken(again));
    expect(uuidToken(first, 'release')).toBe(uuidToken(again, 'release'));
    expect(new Set([uuidToken(first), uuidToken(first, 'release'), uuidToken(event({ RequestId: 'r-2' }))]).size).toBe(3);
  });
});
