import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import {
  durationSeconds,
  validateCount,
  validateDescription,
  validateIntegerRange,
  validateLength,
  validatePattern,
  validatePhoneNumber,
  validateUnique,
} from '../../src/private/validation';

function scope() {
  return new Stack(new App(), 'Stack');
}

describe('validation helpers', () => {
  test('fails on a string that is too long, naming the construct path', () => {
    expect(() => validateLength(scope(), 'name', 'x'.repeat(128), 1, 127))
      .toThrow(/^Stack: name must be 1 to 127 characters, got 128$/);
  });

  test('fails on an empty string', () => {
    expect(() => validateLength(scope(), 'name', '', 1, 127)).toThrow(/name must be 1 to 127 characters, got 0/);
  });

  test('accepts strings in range, undefined and tokens', () => {
    const s = scope();
    expect(() => validateLength(s, 'name', 'ok', 1, 127)).not.toThrow();
    expect(() => validateLength(s, 'name', undefined, 1, 127)).not.toThrow();
    expect(() => validateLength(s, 'name', Lazy.string({ produce: () => '' }), 1, 127)).not.toThrow();
  });

  test('fails on a string that does not match its pattern', () => {
    expect(() => validatePattern(scope(), 'alias', 'a b', /^[a-z]+$/, 'lowercase letters'))
      .toThrow(/alias must be lowercase letters, got 'a b'/);
  });

  test('fails on numbers outside the range or not integers', () => {
    expect(() => validateIntegerRange(scope(), 'priority', 100, 1, 99)).toThrow(/priority must be an integer from 1 to 99, got 100/);
    expect(() => validateIntegerRange(scope(), 'priority', 1.5, 1, 99)).toThrow(/priority must be an integer from 1 to 99, got 1.5/);
    expect(() => validateIntegerRange(scope(), 'priority', 99, 1, 99)).not.toThrow();
    expect(() => validateIntegerRange(scope(), 'priority', Lazy.number({ produce: () => 0 }), 1, 99)).not.toThrow();
  });

  test('fails on lists with too many items', () => {
    expect(() => validateCount(scope(), 'queues', [1, 2, 3], 1, 2)).toThrow(/queues must have 1 to 2 items, got 3/);
    expect(() => validateCount(scope(), 'queues', [1, 2], 1, 2)).not.toThrow();
  });

  test('converts durations to whole seconds and fails outside the range', () => {
    expect(durationSeconds(scope(), 'delay', Duration.minutes(2), 0, 9999)).toBe(120);
    expect(durationSeconds(scope(), 'delay', undefined, 0, 9999)).toBeUndefined();
    expect(() => durationSeconds(scope(), 'delay', Duration.hours(3), 0, 9999))
      .toThrow(/delay must be a whole number of seconds from 0 to 9999, got 10800 seconds/);
    expect(() => durationSeconds(scope(), 'delay', Duration.millis(1500), 0, 9999))
      .toThrow(/delay must be a whole number of seconds from 0 to 9999/);
  });

  test('fails on duplicate values', () => {
    expect(() => validateUnique(scope(), 'permission names', ['a', 'b', 'a'])).toThrow(/permission names must be unique, 'a' appears more than once/);
    expect(() => validateUnique(scope(), 'permission names', ['a', 'b'])).not.toThrow();
  });

  test('fails on a description that is too long', () => {
    expect(() => validateDescription(scope(), 'x'.repeat(251))).toThrow(/description must be 1 to 250 characters, got 251/);
    expect(() => validateDescription(scope(), 'x'.repeat(251), 500)).not.toThrow();
  });
});

describe('validatePhoneNumber', () => {
  test('fails on numbers that are not E.164', () => {
    for (const bad of ['5551234567', '+0123456', '+1', '+1234567890123456', '+1 555 123 4567']) {
      expect(() => validatePhoneNumber(scope(), 'mobile', bad)).toThrow(/mobile must be in E.164 format \(\+, the country code and the number, at most 15 digits, for example \+15551234567\)/);
    }
  });

  test('accepts E.164 numbers', () => {
    for (const good of ['+12', '+15551234567', '+123456789012345']) {
      expect(() => validatePhoneNumber(scope(), 'mobile', good)).not.toThrow();
    }
  });
});
