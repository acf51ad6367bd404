import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/** IANA names: segments that start with a capital letter, such as `America/Argentina/Buenos_Aires`, `Etc/GMT+5`. */
const TIME_ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;
let canonicalTimeZones: Map<string, string> | undefined;

/**
 * Checks that a time zone is an IANA time zone (skipped for tokens).
 *
 * `Intl.supportedValuesOf('timeZone')` lists only canonical zones, and in ICU's spelling (Node 20 lists
 * `Asia/Calcutta`, not `Asia/Kolkata`), so names missing from it are accepted when they have the form of an
 * IANA name and `Intl.DateTimeFormat` knows them as a zone or an alias.
 */
export function validateTimeZone(scope: IConstruct, timeZone: string): void {
  if (Token.isUnresolved(timeZone)) {
    return;
  }
  if (canonicalTimeZones === undefined) {
    canonicalTimeZones = new Map(['UTC', ...supportedTimeZones()].map(tz => [tz.toLowerCase(), tz]));
  }
  const canonical = canonicalTimeZones.get(timeZone.toLowerCase());
  if (canonical === timeZone) {
    return;
  }
  if (canonical !== undefined) {
    fail(scope, `timeZone must be an IANA time zone name spelled as in the time zone database, got '${timeZone}' (did you mean '${canonical}'?)`);
  }
  if (TIME_ZONE_NAME.test(timeZone) && isIntlTimeZone(timeZone)) {
    return;
  }
  fail(scope, `timeZone must be an IANA time zone name such as 'America/New_York', 'Europe/Berlin' or 'UTC', got '${timeZone}'`);
}

function supportedTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : [];
}

function isIntlTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
