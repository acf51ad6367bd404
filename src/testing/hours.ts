/**
 * Whether hours of operation are open at a time: the `Config` and `HoursOfOperationOverrides` of an
 * `AWS::Connect::HoursOfOperation`, in its `TimeZone`.
 *
 * Chosen where the documentation is silent: within an override's dates, the override's ranges for the weekday
 * replace the regular ones, and a weekday the override gives no range is closed; a range whose end is not after its
 * start (`22:00` to `02:00`) runs past midnight into the next day; `00:00` as an end is the end of the day.
 */

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

interface Range {
  readonly day: string;
  readonly start: number;
  readonly end: number;
}

/** The local date (`YYYY-MM-DD`), weekday and minute of the day of a time in a time zone. */
export function localTime(time: Date, timeZone: string): { date: string; day: string; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'long', hourCycle: 'h23',
  }).formatToParts(time);
  const part = (type: string) => parts.find(p => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    day: part('weekday').toUpperCase(),
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function rangesOf(config: unknown): Range[] {
  if (!Array.isArray(config)) {
    return [];
  }
  return config.map((entry: any) => ({
    day: String(entry.Day),
    start: Number(entry.StartTime?.Hours ?? 0) * 60 + Number(entry.StartTime?.Minutes ?? 0),
    end: Number(entry.EndTime?.Hours ?? 0) * 60 + Number(entry.EndTime?.Minutes ?? 0),
  }));
}

function openIn(ranges: readonly Range[], day: string, previousDay: string, minute: number): boolean {
  return ranges.some(range => {
    const overnight = range.end <= range.start;
    if (range.day === day && minute >= range.start && (overnight || minute < range.end)) {
      return true;
    }
    return overnight && range.end > 0 && range.day === previousDay && minute < range.end;
  });
}

/** Whether hours of operation (resolved CloudFormation properties) are open at a time. */
export function hoursOpen(properties: Record<string, any>, time: Date): boolean {
  const timeZone = typeof properties.TimeZone === 'string' ? properties.TimeZone : 'UTC';
  const local = localTime(time, timeZone);
  const previousDay = DAYS[(DAYS.indexOf(local.day) + 6) % 7];
  const overrides = Array.isArray(properties.HoursOfOperationOverrides) ? properties.HoursOfOperationOverrides : [];
  const override = overrides.find((o: any) => typeof o.EffectiveFrom === 'string' && typeof o.EffectiveTill === 'string'
    && o.EffectiveFrom <= local.date && local.date <= o.EffectiveTill);
  if (override !== undefined) {
    return openIn(rangesOf(override.OverrideConfig), local.day, previousDay, local.minute);
  }
  return openIn(rangesOf(properties.Config), local.day, previousDay, local.minute);
}
