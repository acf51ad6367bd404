import { Annotations, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnHoursOfOperation } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateTimeZone } from '../private/time-zone';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect hours of operation, defined in this app or imported.
 */
export interface IHoursOfOperation extends IResource, connectRefs.IHoursOfOperationRef {
  /**
   * The ARN of the hours of operation.
   *
   * @attribute
   */
  readonly hoursOfOperationArn: string;

  /**
   * The id of the hours of operation.
   *
   * @attribute
   */
  readonly hoursOfOperationId: string;

  /**
   * The ARN of the instance the hours of operation belongs to.
   */
  readonly instanceArn: string;
}

/**
 * A day of the week.
 */
export enum DayOfWeek {
  /** Sunday. */
  SUNDAY = 'SUNDAY',
  /** Monday. */
  MONDAY = 'MONDAY',
  /** Tuesday. */
  TUESDAY = 'TUESDAY',
  /** Wednesday. */
  WEDNESDAY = 'WEDNESDAY',
  /** Thursday. */
  THURSDAY = 'THURSDAY',
  /** Friday. */
  FRIDAY = 'FRIDAY',
  /** Saturday. */
  SATURDAY = 'SATURDAY',
}

/** The days in the order Amazon Connect lists them. */
const ALL_DAYS: DayOfWeek[] = [
  DayOfWeek.SUNDAY,
  DayOfWeek.MONDAY,
  DayOfWeek.TUESDAY,
  DayOfWeek.WEDNESDAY,
  DayOfWeek.THURSDAY,
  DayOfWeek.FRIDAY,
  DayOfWeek.SATURDAY,
];

/**
 * A span of time within one day during which the contact center is open, given as 24-hour `HH:MM` times
 * in the time zone of the hours of operation.
 *
 * Amazon Connect writes midnight at the end of a day as `00:00`: `TimeRange.of('18:00', '00:00')` is open
 * from 6 PM until midnight, and `TimeRange.of('00:00', '00:00')` (`TimeRange.allDay()`) is open the whole day.
 * A range cannot run past midnight: end it at `00:00` and continue on the next day from `00:00`.
 */
export class TimeRange {
  /**
   * A range from `start` to `end`, both 24-hour `HH:MM` times (`'09:00'`, `'17:30'`); an `end` of `'00:00'`
   * means midnight at the end of the day. The times are checked when the range is used in a construct.
   *
   * @param start the opening time, `00:00` to `23:59`
   * @param end the closing time, `00:01` to `23:59`, or `00:00` for midnight at the end of the day
   */
  public static of(start: string, end: string): TimeRange {
    return new TimeRange(start, end);
  }

  /**
   * The whole day, from midnight to midnight (`00:00` to `00:00`).
   */
  public static allDay(): TimeRange {
    return new TimeRange('00:00', '00:00');
  }

  /**
   * The opening time (`HH:MM`).
   */
  public readonly start: string;

  /**
   * The closing time (`HH:MM`; `00:00` is midnight at the end of the day).
   */
  public readonly end: string;

  private constructor(start: string, end: string) {
    this.start = start;
    this.end = end;
  }

  /**
   * The range as `HH:MM-HH:MM`.
   */
  public toString(): string {
    return `${this.start}-${this.end}`;
  }
}

/**
 * The opening hours of one day of the week.
 */
export interface DaySchedule {
  /**
   * The day.
   */
  readonly day: DayOfWeek;

  /**
   * The time ranges during which the contact center is open on that day. They must not overlap.
   */
  readonly hours: TimeRange[];
}

/**
 * Builds weekly schedules for `HoursOfOperation` and its overrides.
 *
 * @example
 * new HoursOfOperation(this, 'Hours', {
 *   instance,
 *   timeZone: 'America/Chicago',
 *   schedule: WeeklySchedule.weekdays(TimeRange.of('08:00', '12:00'), TimeRange.of('13:00', '17:00')),
 * });
 */
export class WeeklySchedule {
  /**
   * The same hours on each of the given days.
   *
   * @param days the days
   * @param hours the time ranges during which the contact center is open on each day
   */
  public static days(days: DayOfWeek[], ...hours: TimeRange[]): DaySchedule[] {
    return days.map(day => ({ day, hours: [...hours] }));
  }

  /**
   * The same hours from Monday to Friday.
   *
   * @param hours the time ranges during which the contact center is open on each day
   */
  public static weekdays(...hours: TimeRange[]): DaySchedule[] {
    return WeeklySchedule.days([DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY], ...hours);
  }

  /**
   * The same hours on Saturday and Sunday.
   *
   * @param hours the time ranges during which the contact center is open on each day
   */
  public static weekend(...hours: TimeRange[]): DaySchedule[] {
    return WeeklySchedule.days([DayOfWeek.SATURDAY, DayOfWeek.SUNDAY], ...hours);
  }

  /**
   * The same hours on every day of the week.
   *
   * @param hours the time ranges during which the contact center is open on each day
   */
  public static everyDay(...hours: TimeRange[]): DaySchedule[] {
    return WeeklySchedule.days(ALL_DAYS, ...hours);
  }

  /**
   * Open all day, every day (24/7).
   */
  public static alwaysOpen(): DaySchedule[] {
    return WeeklySchedule.everyDay(TimeRange.allDay());
  }

  private constructor() {
  }
}

/**
 * A temporary change to the regular hours, such as a holiday closure or extended hours on some dates.
 */
export interface HoursOfOperationOverride {
  /**
   * The name of the override, unique within the hours of operation (1 to 127 characters, no control
   * characters other than tab and line breaks).
   */
  readonly name: string;

  /**
   * A description of the override (1 to 250 characters, no control characters other than tab and line breaks).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The first date on which the override applies, as `YYYY-MM-DD`.
   */
  readonly effectiveFrom: string;

  /**
   * The last date on which the override applies, as `YYYY-MM-DD`; the same as or later than `effectiveFrom`.
   */
  readonly effectiveTill: string;

  /**
   * The hours that apply instead of the regular hours on the days of the week within the override's dates.
   *
   * @default - no hours: closed from `effectiveFrom` to `effectiveTill`
   */
  readonly schedule?: DaySchedule[];
}

/**
 * Properties of an `HoursOfOperation`.
 */
export interface HoursOfOperationProps {
  /**
   * The instance the hours of operation belong to.
   */
  readonly instance: IInstance;

  /**
   * The name of the hours of operation (1 to 127 characters, no control characters other than tab and line
   * breaks), unique within the instance.
   *
   * @default - a name generated from the construct path
   */
  readonly hoursOfOperationName?: string;

  /**
   * A description of the hours of operation (1 to 250 characters, no control characters other than tab and
   * line breaks).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The IANA time zone in which the hours are given, such as `America/New_York`, `Europe/Berlin` or `UTC`.
   */
  readonly timeZone: string;

  /**
   * The weekly opening hours. Days that are not listed are closed. More days and ranges can be added with
   * `addDay()` and `addDays()`.
   *
   * @default - no hours yet: closed at all times unless days are added with `addDay()`
   */
  readonly schedule?: DaySchedule[];

  /**
   * Temporary changes to the regular hours (holidays, extended hours). More can be added with `addOverride()`.
   *
   * @default - no overrides
   */
  readonly overrides?: HoursOfOperationOverride[];
}

abstract class HoursOfOperationBase extends Resource implements IHoursOfOperation {
  public abstract readonly hoursOfOperationArn: string;
  public abstract readonly hoursOfOperationId: string;
  public abstract readonly instanceArn: string;

  public get hoursOfOperationRef(): connectRefs.HoursOfOperationReference {
    return { hoursOfOperationArn: this.hoursOfOperationArn };
  }
}

/** Amazon Connect's limits on the lists of an hours of operation. */
const MAX_CONFIG_ENTRIES = 100;
const MAX_OVERRIDES = 50;
const HUMAN_READABLE_NAME = /^[\P{C}\r\n\t]{1,127}$/u;
const HUMAN_READABLE_DESCRIPTION = /^[\P{C}\r\n\t]{1,250}$/u;
const NO_CONTROL_CHARACTERS = 'made of printable characters, tabs and line breaks';

/**
 * An Amazon Connect hours of operation: the weekly opening hours that queues and flows check, in one time
 * zone, with optional overrides for holidays and other dates.
 *
 * @example
 * const hours = new HoursOfOperation(this, 'OfficeHours', {
 *   instance,
 *   hoursOfOperationName: 'Office hours',
 *   timeZone: 'Europe/Berlin',
 *   schedule: WeeklySchedule.weekdays(TimeRange.of('09:00', '17:00')),
 * });
 * hours.addDay(DayOfWeek.SATURDAY, TimeRange.of('10:00', '14:00'));
 * hours.addOverride({ name: 'New year', effectiveFrom: '2026-01-01', effectiveTill: '2026-01-01' });
 *
 * @resource AWS::Connect::HoursOfOperation
 */
export class HoursOfOperation extends HoursOfOperationBase {
  /**
   * Imports an hours of operation by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/operating-hours/<id>`).
   */
  public static fromHoursOfOperationArn(scope: Construct, id: string, hoursOfOperationArn: string): IHoursOfOperation {
    class Import extends HoursOfOperationBase {
      public readonly hoursOfOperationArn = hoursOfOperationArn;
      public readonly hoursOfOperationId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(hoursOfOperationArn) });
        const parts = parseInstanceResourceArn(this, hoursOfOperationArn, 'operating-hours', 'hours of operation');
        this.hoursOfOperationId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the hours of operation.
   *
   * @attribute
   */
  public readonly hoursOfOperationArn: string;

  /**
   * The id of the hours of operation.
   *
   * @attribute
   */
  public get hoursOfOperationId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._hoursOfOperationId ?? (this._hoursOfOperationId = resourceIdOfArn(this, this.hoursOfOperationArn, 'operating-hours', 'hours of operation'));
  }

  private _hoursOfOperationId?: string;

  /**
   * The ARN of the instance the hours of operation belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the hours of operation.
   */
  public readonly hoursOfOperationName: string;

  /**
   * The IANA time zone of the hours of operation.
   */
  public readonly timeZone: string;

  private readonly ranges = new Map<DayOfWeek, ParsedRange[]>();
  /** The schedule as rendered: the array the CfnHoursOfOperation holds, so that days added later are in it. */
  private readonly config: CfnHoursOfOperation.HoursOfOperationConfigProperty[] = [];
  /** The overrides as rendered: the array the CfnHoursOfOperation holds once there is one. */
  private readonly overrides: CfnHoursOfOperation.HoursOfOperationOverrideProperty[] = [];
  private resource?: CfnHoursOfOperation;

  constructor(scope: Construct, id: string, props: HoursOfOperationProps) {
    super(scope, id);

    const name = props.hoursOfOperationName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateLength(this, 'name', name, 1, 127);
    validatePattern(this, 'name', name, HUMAN_READABLE_NAME, NO_CONTROL_CHARACTERS);
    validateLength(this, 'description', props.description, 1, 250);
    validatePattern(this, 'description', props.description, HUMAN_READABLE_DESCRIPTION, NO_CONTROL_CHARACTERS);
    validateTimeZone(this, props.timeZone);

    for (const day of props.schedule ?? []) {
      this.addDay(day.day, ...day.hours);
    }
    for (const override of props.overrides ?? []) {
      this.addOverride(override);
    }

    this.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        const entries = this.config.length;
        if (entries > MAX_CONFIG_ENTRIES) {
          errors.push(`schedule must have at most ${MAX_CONFIG_ENTRIES} time ranges in all, got ${entries}`);
        }
        if (this.overrides.length > MAX_OVERRIDES) {
          errors.push(`overrides must have at most ${MAX_OVERRIDES} items, got ${this.overrides.length}`);
        }
        return errors;
      },
    });

    const resource = new CfnHoursOfOperation(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
      timeZone: props.timeZone,
      config: this.config,
      hoursOfOperationOverrides: this.overrides.length > 0 ? this.overrides : undefined,
    });
    fixLogicalIdAtSynthesis(resource);
    this.resource = resource;

    this.hoursOfOperationArn = resource.attrHoursOfOperationArn;
    this.instanceArn = props.instance.instanceArn;
    this.hoursOfOperationName = name;
    this.timeZone = props.timeZone;
  }

  /**
   * Opens the contact center on a day during the given time ranges, in addition to the ranges the day
   * already has. Ranges on the same day must not overlap.
   *
   * @param day the day of the week
   * @param hours the time ranges
   */
  public addDay(day: DayOfWeek, ...hours: TimeRange[]): void {
    this.ranges.set(day, addRanges(this, 'schedule', day, this.ranges.get(day) ?? [], hours));
    // One entry per range, in the order of the days of the week.
    this.config.splice(0, this.config.length, ...renderDays(this.ranges));
  }

  /**
   * Opens the contact center on several days during the same time ranges.
   *
   * @param days the days of the week
   * @param hours the time ranges on each day
   */
  public addDays(days: DayOfWeek[], ...hours: TimeRange[]): void {
    for (const day of days) {
      this.addDay(day, ...hours);
    }
  }

  /**
   * Adds a temporary change to the regular hours, such as a holiday closure.
   *
   * @param options the dates and hours of the override
   */
  public addOverride(options: HoursOfOperationOverride): void {
    const what = Token.isUnresolved(options.name) ? 'override' : `override '${options.name}'`;
    validateLength(this, `${what}: name`, options.name, 1, 127);
    validatePattern(this, `${what}: name`, options.name, HUMAN_READABLE_NAME, NO_CONTROL_CHARACTERS);
    validateLength(this, `${what}: description`, options.description, 1, 250);
    validatePattern(this, `${what}: description`, options.description, HUMAN_READABLE_DESCRIPTION, NO_CONTROL_CHARACTERS);
    if (!Token.isUnresolved(options.name) && this.overrides.some(o => o.overrideName === options.name)) {
      fail(this, `override names must be unique, '${options.name}' is used more than once`);
    }
    const from = validateDate(this, `${what}: effectiveFrom`, options.effectiveFrom);
    const till = validateDate(this, `${what}: effectiveTill`, options.effectiveTill);
    if (from && till && from > till) {
      fail(this, `${what}: effectiveFrom must not be later than effectiveTill, got ${options.effectiveFrom} to ${options.effectiveTill}`);
    }

    const ranges = new Map<DayOfWeek, ParsedRange[]>();
    for (const day of options.schedule ?? []) {
      ranges.set(day.day, addRanges(this, `${what}: schedule`, day.day, ranges.get(day.day) ?? [], day.hours));
    }
    const entries = [...ranges.values()].reduce((n, r) => n + r.length, 0);
    if (entries > MAX_CONFIG_ENTRIES) {
      fail(this, `${what}: schedule must have at most ${MAX_CONFIG_ENTRIES} time ranges in all, got ${entries}`);
    }
    if (from && till) {
      const daysInPeriod = weekdaysBetween(from, till);
      for (const day of ranges.keys()) {
        if (!daysInPeriod.has(day)) {
          Annotations.of(this).addWarningV2('cdk-connect:overrideDayOutsidePeriod',
            `${what}: the hours for ${day} never apply, no ${day} falls between ${options.effectiveFrom} and ${options.effectiveTill}`);
        }
      }
    }

    this.overrides.push({
      overrideName: options.name,
      overrideDescription: options.description,
      effectiveFrom: options.effectiveFrom,
      effectiveTill: options.effectiveTill,
      overrideConfig: renderDays(ranges),
    });
    if (this.resource !== undefined && this.resource.hoursOfOperationOverrides === undefined) {
      this.resource.hoursOfOperationOverrides = this.overrides;
    }
  }
}

/** A validated time range in minutes from the start of the day; `end` is 1440 for midnight at the end. */
interface ParsedRange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const MINUTES_PER_DAY = 24 * 60;
const HH_MM = /^(\d{2}):(\d{2})$/;

/** Parses `HH:MM` into minutes from midnight, or fails naming the day and range. */
function parseTime(scope: IConstruct, where: string, range: TimeRange, which: 'start' | 'end', value: string): number {
  if (Token.isUnresolved(value)) {
    fail(scope, `${where}: time range ${which} must be a literal HH:MM time, not a token`);
  }
  const match = HH_MM.exec(value);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || hours > 23 || minutes > 59) {
    const hint = value === '24:00' ? ' (write midnight at the end of the day as 00:00)' : '';
    fail(scope, `${where}: time range ${range.toString()} has an invalid ${which} time '${value}', `
      + `expected HH:MM from 00:00 to 23:59${hint}`);
  }
  return hours * 60 + minutes;
}

/** Validates new ranges for a day against each other and the day's existing ranges; returns all, sorted. */
function addRanges(scope: IConstruct, what: string, day: DayOfWeek, existing: ParsedRange[], hours: TimeRange[]): ParsedRange[] {
  if (!Object.values(DayOfWeek).includes(day)) {
    fail(scope, `${what}: day must be one of ${ALL_DAYS.join(', ')}, got '${day}'`);
  }
  const where = `${what} on ${day}`;
  if (hours.length === 0) {
    fail(scope, `${where}: at least one time range is required`);
  }
  const added = hours.map(range => {
    const start = parseTime(scope, where, range, 'start', range.start);
    const endOfDay = parseTime(scope, where, range, 'end', range.end);
    const end = endOfDay === 0 ? MINUTES_PER_DAY : endOfDay;
    if (start === end) {
      fail(scope, `${where}: time range ${range.toString()} is empty, its start and end are the same`
        + ' (use 00:00-00:00 for the whole day)');
    }
    if (end < start) {
      fail(scope, `${where}: time range ${range.toString()} ends before it starts; a range cannot run past midnight, `
        + 'end it at 00:00 and continue on the next day from 00:00');
    }
    return { start, end, text: range.toString() };
  });
  const all = [...existing, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < all.length; i++) {
    if (all[i].start < all[i - 1].end) {
      fail(scope, `${where}: time ranges ${all[i - 1].text} and ${all[i].text} overlap`);
    }
  }
  return all;
}

function renderDays(ranges: Map<DayOfWeek, ParsedRange[]>): CfnHoursOfOperation.HoursOfOperationConfigProperty[] {
  const config: CfnHoursOfOperation.HoursOfOperationConfigProperty[] = [];
  for (const day of ALL_DAYS) {
    for (const range of ranges.get(day) ?? []) {
      const end = range.end % MINUTES_PER_DAY;
      config.push({
        day,
        startTime: { hours: Math.floor(range.start / 60), minutes: range.start % 60 },
        endTime: { hours: Math.floor(end / 60), minutes: end % 60 },
      });
    }
  }
  return config;
}

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a `YYYY-MM-DD` date (skipped for tokens); returns it for comparisons, or undefined for tokens. */
function validateDate(scope: IConstruct, what: string, value: string): string | undefined {
  if (Token.isUnresolved(value)) {
    return undefined;
  }
  const match = YYYY_MM_DD.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return value;
    }
  }
  return fail(scope, `${what} must be a date as YYYY-MM-DD, got '${value}'`);
}

/** The days of the week that occur between two `YYYY-MM-DD` dates, both included. */
function weekdaysBetween(from: string, till: string): Set<DayOfWeek> {
  const days = new Set<DayOfWeek>();
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${till}T00:00:00Z`);
  for (let t = start; t <= end && days.size < 7; t += 86_400_000) {
    days.add(ALL_DAYS[new Date(t).getUTCDay()]);
  }
  return days;
}
