import { HandlerError } from './errors';
import { Properties } from './types';

/**
 * Reads the properties of a request. CloudFormation passes every scalar as a string, so booleans and numbers are
 * parsed here; a missing or malformed property fails the request with a message naming it.
 */
export class PropertyReader {
  constructor(private readonly properties: Properties) {}

  /** A required, non-empty string. */
  public string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined || value === '') {
      throw new HandlerError(`property ${name} is required`);
    }
    return value;
  }

  /** An optional string. */
  public optionalString(name: string): string | undefined {
    const value = this.properties[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new HandlerError(`property ${name} must be a string, got ${JSON.stringify(value).slice(0, 100)}`);
    }
    return String(value);
  }

  /** A string that must be one of `allowed`. */
  public oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.string(name);
    if (!(allowed as readonly string[]).includes(value)) {
      throw new HandlerError(`property ${name} must be one of ${allowed.join(', ')}, got ${value}`);
    }
    return value as T;
  }

  /** An optional boolean (`true`/`false`, as CloudFormation passes them). */
  public boolean(name: string, defaultValue: boolean): boolean {
    const value = this.optionalString(name);
    if (value === undefined) {
      return defaultValue;
    }
    if (value !== 'true' && value !== 'false') {
      throw new HandlerError(`property ${name} must be true or false, got ${value}`);
    }
    return value === 'true';
  }

  /** An optional integer. */
  public optionalInteger(name: string): number | undefined {
    const value = this.optionalString(name);
    if (value === undefined) {
      return undefined;
    }
    if (!/^-?[0-9]+$/.test(value)) {
      throw new HandlerError(`property ${name} must be an integer, got ${value}`);
    }
    return Number(value);
  }

  /** An optional object (a map or a structure). */
  public optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.properties[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new HandlerError(`property ${name} must be an object`);
    }
    return value as Record<string, unknown>;
  }

  /** An optional list. */
  public optionalList(name: string): unknown[] | undefined {
    const value = this.properties[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      throw new HandlerError(`property ${name} must be a list`);
    }
    return value;
  }

  /** An optional map of strings (tags). */
  public stringMap(name: string): Record<string, string> {
    const value = this.optionalObject(name) ?? {};
    const result: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') {
        throw new HandlerError(`property ${name}.${key} must be a string`);
      }
      result[key] = entry;
    }
    return result;
  }
}

/** The properties of a request, for reading. */
export function read(properties: Properties | undefined): PropertyReader {
  return new PropertyReader(properties ?? {});
}
