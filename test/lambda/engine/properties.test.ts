import { HandlerError } from '../../../lambda/engine/errors';
import { PropertyReader, read } from '../../../lambda/engine/properties';

describe('PropertyReader', () => {
  const r = read({
    Name: 'support',
    Empty: '',
    Number: 42,
    NumberString: '42',
    Negative: '-3',
    Decimal: '1.5',
    True: 'true',
    False: 'false',
    BoolValue: true,
    Yes: 'yes',
    Nothing: null,
    Object: { a: 'b' },
    List: ['x', 'y'],
    Tags: { team: 'support', owner: 'ops' },
    BadTags: { team: 7 },
    Mode: 'SAVED',
  });

  test('string: a required, non-empty string; scalars as CloudFormation passes them', () => {
    expect(r.string('Name')).toBe('support');
    expect(r.string('Number')).toBe('42');
    expect(r.string('BoolValue')).toBe('true');
    expect(() => r.string('Missing')).toThrow(new HandlerError('property Missing is required'));
    expect(() => r.string('Empty')).toThrow('property Empty is required');
    expect(() => r.string('Nothing')).toThrow('property Nothing is required');
    expect(() => r.string('Object')).toThrow('property Object must be a string, got {"a":"b"}');
  });

  test('fails with a short excerpt of a large non-string value', () => {
    const big = read({ Big: { data: 'x'.repeat(1000) } });
    expect(() => big.string('Big')).toThrow(/^property Big must be a string, got \{"data":"x{91}$/);
  });

  test('optionalString: undefined when absent or null, the empty string kept', () => {
    expect(r.optionalString('Missing')).toBeUndefined();
    expect(r.optionalString('Nothing')).toBeUndefined();
    expect(r.optionalString('Empty')).toBe('');
    expect(r.optionalString('Name')).toBe('support');
    expect(() => r.optionalString('List')).toThrow('property List must be a string, got ["x","y"]');
  });

  test('oneOf: the value, or a message with the allowed values', () => {
    expect(r.oneOf('Mode', ['SAVED', 'PUBLISHED'] as const)).toBe('SAVED');
    expect(() => r.oneOf('Name', ['SAVED', 'PUBLISHED'])).toThrow(new HandlerError('property Name must be one of SAVED, PUBLISHED, got support'));
    expect(() => r.oneOf('Missing', ['SAVED'])).toThrow('property Missing is required');
  });

  test('boolean: true/false strings, the default when absent', () => {
    expect(r.boolean('True', false)).toBe(true);
    expect(r.boolean('False', true)).toBe(false);
    expect(r.boolean('BoolValue', false)).toBe(true);
    expect(r.boolean('Missing', true)).toBe(true);
    expect(r.boolean('Missing', false)).toBe(false);
    expect(() => r.boolean('Yes', false)).toThrow(new HandlerError('property Yes must be true or false, got yes'));
  });

  test('optionalInteger: whole numbers only', () => {
    expect(r.optionalInteger('Number')).toBe(42);
    expect(r.optionalInteger('NumberString')).toBe(42);
    expect(r.optionalInteger('Negative')).toBe(-3);
    expect(r.optionalInteger('Missing')).toBeUndefined();
    expect(() => r.optionalInteger('Decimal')).toThrow(new HandlerError('property Decimal must be an integer, got 1.5'));
    expect(() => r.optionalInteger('Name')).toThrow('property Name must be an integer, got support');
  });

  test('optionalObject: a map, not a list or a scalar', () => {
    expect(r.optionalObject('Object')).toEqual({ a: 'b' });
    expect(r.optionalObject('Missing')).toBeUndefined();
    expect(r.optionalObject('Nothing')).toBeUndefined();
    expect(() => r.optionalObject('List')).toThrow(new HandlerError('property List must be an object'));
    expect(() => r.optionalObject('Name')).toThrow('property Name must be an object');
  });

  test('optionalList: a list only', () => {
    expect(r.optionalList('List')).toEqual(['x', 'y']);
    expect(r.optionalList('Missing')).toBeUndefined();
    expect(() => r.optionalList('Object')).toThrow(new HandlerError('property Object must be a list'));
  });

  test('stringMap: a map of strings, empty when absent', () => {
    expect(r.stringMap('Tags')).toEqual({ team: 'support', owner: 'ops' });
    expect(r.stringMap('Missing')).toEqual({});
    expect(() => r.stringMap('BadTags')).toThrow(new HandlerError('property BadTags.team must be a string'));
  });

  test('read(undefined) reads an empty set of properties', () => {
    const empty = read(undefined);
    expect(empty).toBeInstanceOf(PropertyReader);
    expect(empty.optionalString('Anything')).toBeUndefined();
    expect(() => empty.string('Anything')).toThrow('property Anything is required');
  });
});
