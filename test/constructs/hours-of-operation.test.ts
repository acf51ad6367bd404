import { CfnElement, CfnParameter, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  DayOfWeek,
  HoursOfOperation,
  HoursOfOperationProps,
  TimeRange,
  WeeklySchedule,
} from '../../src/constructs/hours-of-operation';
import { INSTANCE_ARN, testStack } from '../helpers';

const TYPE = 'AWS::Connect::HoursOfOperation';

function slice(h: number, m: number) {
  return { Hours: h, Minutes: m };
}

function entry(day: string, start: [number, number], end: [number, number]) {
  return { Day: day, StartTime: slice(...start), EndTime: slice(...end) };
}

function hours(props: Partial<HoursOfOperationProps> = {}) {
  const { stack, instance } = testStack();
  const construct = new HoursOfOperation(stack, 'Hours', { instance, hoursOfOperationName: 'Office', timeZone: 'Europe/Berlin', ...props });
  return { stack, instance, hours: construct };
}

describe('HoursOfOperation', () => {
  test('renders the weekly schedule in Connect time slices', () => {
    const { stack } = hours({
      description: 'Office hours',
      schedule: [
        ...WeeklySchedule.weekdays(TimeRange.of('09:00', '12:30'), TimeRange.of('13:30', '17:00')),
        { day: DayOfWeek.SATURDAY, hours: [TimeRange.of('10:00', '14:00')] },
      ],
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs(TYPE, 1);
    template.hasResourceProperties(TYPE, {
      InstanceArn: INSTANCE_ARN,
      Name: 'Office',
      Description: 'Office hours',
      TimeZone: 'Europe/Berlin',
      Config: [
        ...['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].flatMap(day => [
          entry(day, [9, 0], [12, 30]),
          entry(day, [13, 30], [17, 0]),
        ]),
        entry('SATURDAY', [10, 0], [14, 0]),
      ],
      HoursOfOperationOverrides: Match.absent(),
    });
  });

  test('alwaysOpen is midnight to midnight on every day', () => {
    const { stack } = hours({ schedule: WeeklySchedule.alwaysOpen() });
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      Config: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']
        .map(day => entry(day, [0, 0], [0, 0])),
    });
  });

  test('an end of 00:00 is midnight at the end of the day and ranges are sorted', () => {
    const { stack } = hours({
      schedule: [{ day: DayOfWeek.FRIDAY, hours: [TimeRange.of('18:00', '00:00'), TimeRange.of('00:00', '06:00')] }],
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      Config: [entry('FRIDAY', [0, 0], [6, 0]), entry('FRIDAY', [18, 0], [0, 0])],
    });
  });

  test('days and ranges can be added after construction', () => {
    const { stack, hours: h } = hours({ schedule: WeeklySchedule.days([DayOfWeek.MONDAY], TimeRange.of('08:00', '12:00')) });
    h.addDay(DayOfWeek.MONDAY, TimeRange.of('12:00', '16:00'));
    h.addDays([DayOfWeek.SUNDAY, DayOfWeek.SATURDAY], TimeRange.of('10:00', '11:00'));
    h.addDays(WeeklySchedule.weekend(TimeRange.of('11:00', '12:00')).map(d => d.day), TimeRange.of('12:00', '13:00'));
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      Config: [
        entry('SUNDAY', [10, 0], [11, 0]),
        entry('SUNDAY', [12, 0], [13, 0]),
        entry('MONDAY', [8, 0], [12, 0]),
        entry('MONDAY', [12, 0], [16, 0]),
        entry('SATURDAY', [10, 0], [11, 0]),
        entry('SATURDAY', [12, 0], [13, 0]),
      ],
    });
  });

  test('everyDay repeats the ranges on all seven days', () => {
    expect(WeeklySchedule.everyDay(TimeRange.of('08:00', '20:00')).map(d => d.day)).toEqual(
      ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
    expect(TimeRange.allDay().toString()).toBe('00:00-00:00');
  });

  test('without a schedule it renders an empty config (always closed)', () => {
    const { stack } = hours();
    Template.fromStack(stack).hasResourceProperties(TYPE, { Config: [] });
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    new HoursOfOperation(stack, 'Hours', { instance, timeZone: 'UTC' });
    const props = Template.fromStack(stack).findResources(TYPE);
    const name = Object.values(props)[0].Properties.Name as string;
    expect(name).toMatch(/^TestHours/);
    expect(name.length).toBeLessThanOrEqual(127);
  });

  test('renders overrides from props and addOverride', () => {
    const { stack, hours: h } = hours({
      overrides: [{ name: 'Christmas', description: 'Closed', effectiveFrom: '2026-12-24', effectiveTill: '2026-12-26' }],
    });
    h.addOverride({
      name: 'Black Friday',
      effectiveFrom: '2026-11-27',
      effectiveTill: '2026-11-28',
      schedule: [
        { day: DayOfWeek.FRIDAY, hours: [TimeRange.of('07:00', '00:00')] },
        { day: DayOfWeek.SATURDAY, hours: [TimeRange.of('08:00', '20:00')] },
      ],
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      HoursOfOperationOverrides: [
        {
          OverrideName: 'Christmas',
          OverrideDescription: 'Closed',
          EffectiveFrom: '2026-12-24',
          EffectiveTill: '2026-12-26',
          OverrideConfig: [],
        },
        {
          OverrideName: 'Black Friday',
          OverrideDescription: Match.absent(),
          EffectiveFrom: '2026-11-27',
          EffectiveTill: '2026-11-28',
          OverrideConfig: [entry('FRIDAY', [7, 0], [0, 0]), entry('SATURDAY', [8, 0], [20, 0])],
        },
      ],
    });
  });

  test('an override added after construction to hours created without any is rendered', () => {
    const { stack, hours: h } = hours();
    h.addOverride({ name: 'Christmas', effectiveFrom: '2026-12-24', effectiveTill: '2026-12-26' });
    h.addOverride({ name: 'New Year', effectiveFrom: '2027-01-01', effectiveTill: '2027-01-01' });
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      HoursOfOperationOverrides: [
        Match.objectLike({ OverrideName: 'Christmas', EffectiveFrom: '2026-12-24' }),
        Match.objectLike({ OverrideName: 'New Year', EffectiveFrom: '2027-01-01' }),
      ],
    });
  });

  test('warns about override hours on a day that never falls within its dates', () => {
    const { stack, hours: h } = hours();
    // 2026-12-25 is a Friday
    h.addOverride({
      name: 'Christmas',
      effectiveFrom: '2026-12-25',
      effectiveTill: '2026-12-25',
      schedule: WeeklySchedule.days([DayOfWeek.MONDAY, DayOfWeek.FRIDAY], TimeRange.of('10:00', '12:00')),
    });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('hours for MONDAY never apply'));
    expect(warnings).toHaveLength(1);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('FRIDAY never apply'))).toHaveLength(0);
  });

  test('tags through Tags.of', () => {
    const { stack, hours: h } = hours();
    Tags.of(h).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties(TYPE, { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('exposes its attributes', () => {
    const { stack, hours: h } = hours();
    const logicalId = stack.getLogicalId(h.node.defaultChild as CfnElement);
    expect(stack.resolve(h.hoursOfOperationArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'HoursOfOperationArn'] });
    expect(stack.resolve(h.hoursOfOperationId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'HoursOfOperationArn'] }] }],
    });
    expect(stack.resolve(h.hoursOfOperationRef)).toEqual({ hoursOfOperationArn: { 'Fn::GetAtt': [logicalId, 'HoursOfOperationArn'] } });
    expect(h.instanceArn).toBe(INSTANCE_ARN);
    expect(h.timeZone).toBe('Europe/Berlin');
    expect(h.hoursOfOperationName).toBe('Office');
  });

  test.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Eastern', 'Etc/GMT+5', 'America/Argentina/Buenos_Aires'])(
    'accepts the time zone %s', timeZone => {
      expect(() => hours({ timeZone })).not.toThrow();
    });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new HoursOfOperation(stack, 'Hours', {
      instance,
      timeZone: new CfnParameter(stack, 'TimeZone').valueAsString,
      hoursOfOperationName: new CfnParameter(stack, 'Name').valueAsString,
      overrides: [{
        name: new CfnParameter(stack, 'Override').valueAsString,
        effectiveFrom: new CfnParameter(stack, 'From').valueAsString,
        effectiveTill: '2026-01-01',
      }],
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, { TimeZone: { Ref: 'TimeZone' } });
  });

  describe('import', () => {
    const ARN = `${INSTANCE_ARN}/operating-hours/hoop-1`;

    test('from a concrete ARN gives the id and instance', () => {
      const { stack } = testStack();
      const imported = HoursOfOperation.fromHoursOfOperationArn(stack, 'Imported', ARN);
      expect(imported.hoursOfOperationId).toBe('hoop-1');
      expect(imported.instanceArn).toBe(INSTANCE_ARN);
      expect(imported.hoursOfOperationRef.hoursOfOperationArn).toBe(ARN);
    });

    test('from a token ARN splits it with CloudFormation functions', () => {
      const { stack } = testStack();
      const imported = HoursOfOperation.fromHoursOfOperationArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
      expect(stack.resolve(imported.hoursOfOperationId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
    });

    test('fails on a malformed ARN', () => {
      const { stack } = testStack();
      expect(() => HoursOfOperation.fromHoursOfOperationArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q-1`))
        .toThrow(/hours of operation ARN must look like .*\/operating-hours\/<id>, got/);
    });
  });

  describe('validation', () => {
    test('fails on a name that is too long', () => {
      expect(() => hours({ hoursOfOperationName: 'x'.repeat(128) })).toThrow(/Test\/Hours: name must be 1 to 127 characters, got 128/);
    });

    test('fails on a name with control characters', () => {
      expect(() => hours({ hoursOfOperationName: 'bad\u0007name' })).toThrow(/name must be made of printable characters, tabs and line breaks, got/);
    });

    test('fails on an empty or too long description', () => {
      expect(() => hours({ description: '' })).toThrow(/description must be 1 to 250 characters, got 0/);
      expect(() => hours({ description: 'd'.repeat(251) })).toThrow(/description must be 1 to 250 characters, got 251/);
    });

    test('fails on a description with control characters', () => {
      expect(() => hours({ description: 'a\u0000b' })).toThrow(/description must be made of printable characters/);
    });

    test('fails on an unknown time zone', () => {
      expect(() => hours({ timeZone: 'Mars/Olympus_Mons' }))
        .toThrow(/timeZone must be an IANA time zone name such as 'America\/New_York', 'Europe\/Berlin' or 'UTC', got 'Mars\/Olympus_Mons'/);
      expect(() => hours({ timeZone: '+01:00' })).toThrow(/timeZone must be an IANA time zone name/);
      expect(() => hours({ timeZone: '' })).toThrow(/timeZone must be an IANA time zone name/);
    });

    test('fails on a time zone in the wrong case and suggests the right spelling', () => {
      expect(() => hours({ timeZone: 'america/new_york' }))
        .toThrow(/spelled as in the time zone database, got 'america\/new_york' \(did you mean 'America\/New_York'\?\)/);
    });

    test('fails on a time that is not HH:MM', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.MONDAY], TimeRange.of('9:00', '17:00')) }))
        .toThrow(/schedule on MONDAY: time range 9:00-17:00 has an invalid start time '9:00', expected HH:MM from 00:00 to 23:59/);
    });

    test('fails on hours above 23 and hints at 00:00 for midnight', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.TUESDAY], TimeRange.of('09:00', '24:00')) }))
        .toThrow(/schedule on TUESDAY: time range 09:00-24:00 has an invalid end time '24:00', expected HH:MM from 00:00 to 23:59 \(write midnight at the end of the day as 00:00\)/);
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.TUESDAY], TimeRange.of('25:00', '26:00')) }))
        .toThrow(/invalid start time '25:00'/);
    });

    test('fails on minutes above 59', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.WEDNESDAY], TimeRange.of('09:60', '17:00')) }))
        .toThrow(/schedule on WEDNESDAY: time range 09:60-17:00 has an invalid start time '09:60'/);
    });

    test('fails on a time that is a token', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.MONDAY], TimeRange.of(Token.asString({ Ref: 'T' }), '17:00')) }))
        .toThrow(/schedule on MONDAY: time range start must be a literal HH:MM time, not a token/);
    });

    test('fails on a range whose start and end are the same', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.THURSDAY], TimeRange.of('09:00', '09:00')) }))
        .toThrow(/schedule on THURSDAY: time range 09:00-09:00 is empty, its start and end are the same \(use 00:00-00:00 for the whole day\)/);
    });

    test('fails on a range that ends before it starts', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.FRIDAY], TimeRange.of('22:00', '06:00')) }))
        .toThrow(/schedule on FRIDAY: time range 22:00-06:00 ends before it starts; a range cannot run past midnight, end it at 00:00 and continue on the next day from 00:00/);
    });

    test('fails on overlapping ranges on the same day', () => {
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.MONDAY], TimeRange.of('09:00', '12:00'), TimeRange.of('11:00', '13:00')) }))
        .toThrow(/schedule on MONDAY: time ranges 09:00-12:00 and 11:00-13:00 overlap/);
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.MONDAY], TimeRange.of('09:00', '17:00'), TimeRange.of('09:00', '17:00')) }))
        .toThrow(/time ranges 09:00-17:00 and 09:00-17:00 overlap/);
      expect(() => hours({ schedule: WeeklySchedule.days([DayOfWeek.MONDAY], TimeRange.of('20:00', '00:00'), TimeRange.of('23:00', '23:30')) }))
        .toThrow(/time ranges 20:00-00:00 and 23:00-23:30 overlap/);
    });

    test('fails on a range added later that overlaps the schedule', () => {
      const { hours: h } = hours({ schedule: WeeklySchedule.weekdays(TimeRange.of('09:00', '17:00')) });
      expect(() => h.addDay(DayOfWeek.FRIDAY, TimeRange.of('16:00', '18:00')))
        .toThrow(/Test\/Hours: schedule on FRIDAY: time ranges 09:00-17:00 and 16:00-18:00 overlap/);
    });

    test('fails on a day without ranges', () => {
      expect(() => hours({ schedule: [{ day: DayOfWeek.MONDAY, hours: [] }] }))
        .toThrow(/schedule on MONDAY: at least one time range is required/);
    });

    test('fails on an unknown day', () => {
      expect(() => hours({ schedule: [{ day: 'FUNDAY' as DayOfWeek, hours: [TimeRange.allDay()] }] }))
        .toThrow(/schedule: day must be one of SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, got 'FUNDAY'/);
    });

    test('fails on more than 100 time ranges in all', () => {
      const { stack, hours: h } = hours();
      for (let i = 0; i < 15; i++) {
        const start = `${String(i).padStart(2, '0')}:00`;
        const end = `${String(i).padStart(2, '0')}:30`;
        h.addDays([DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY], TimeRange.of(start, end));
      }
      expect(() => Template.fromStack(stack)).toThrow(/\[Test\/Hours\] schedule must have at most 100 time ranges in all, got 105/);
    });

    describe('overrides', () => {
      const base = { name: 'Holiday', effectiveFrom: '2026-01-01', effectiveTill: '2026-01-02' };

      test('fails on an empty or too long name', () => {
        expect(() => hours({ overrides: [{ ...base, name: '' }] })).toThrow(/override '': name must be 1 to 127 characters, got 0/);
        expect(() => hours({ overrides: [{ ...base, name: 'n'.repeat(128) }] })).toThrow(/name must be 1 to 127 characters, got 128/);
      });

      test('fails on a name with control characters', () => {
        expect(() => hours({ overrides: [{ ...base, name: 'a\u0001' }] })).toThrow(/: name must be made of printable characters/);
      });

      test('fails on an empty or too long description', () => {
        expect(() => hours({ overrides: [{ ...base, description: '' }] }))
          .toThrow(/override 'Holiday': description must be 1 to 250 characters, got 0/);
        expect(() => hours({ overrides: [{ ...base, description: 'd'.repeat(251) }] }))
          .toThrow(/override 'Holiday': description must be 1 to 250 characters, got 251/);
      });

      test('fails on a description with control characters', () => {
        expect(() => hours({ overrides: [{ ...base, description: 'a\u0002' }] }))
          .toThrow(/override 'Holiday': description must be made of printable characters/);
      });

      test('fails on duplicate names', () => {
        expect(() => hours({ overrides: [base, { ...base, effectiveFrom: '2026-05-01', effectiveTill: '2026-05-01' }] }))
          .toThrow(/override names must be unique, 'Holiday' is used more than once/);
      });

      test('fails on a date that is not YYYY-MM-DD', () => {
        expect(() => hours({ overrides: [{ ...base, effectiveFrom: '2026/01/01' }] }))
          .toThrow(/override 'Holiday': effectiveFrom must be a date as YYYY-MM-DD, got '2026\/01\/01'/);
        expect(() => hours({ overrides: [{ ...base, effectiveTill: '26-01-02' }] }))
          .toThrow(/override 'Holiday': effectiveTill must be a date as YYYY-MM-DD, got '26-01-02'/);
      });

      test('fails on a date that does not exist', () => {
        expect(() => hours({ overrides: [{ ...base, effectiveFrom: '2026-02-29', effectiveTill: '2026-03-01' }] }))
          .toThrow(/effectiveFrom must be a date as YYYY-MM-DD, got '2026-02-29'/);
        expect(() => hours({ overrides: [{ ...base, effectiveFrom: '2026-13-01', effectiveTill: '2026-13-01' }] }))
          .toThrow(/effectiveFrom must be a date as YYYY-MM-DD, got '2026-13-01'/);
        expect(() => hours({ overrides: [{ ...base, effectiveFrom: '2028-02-29', effectiveTill: '2028-02-29' }] })).not.toThrow();
      });

      test('fails when effectiveFrom is later than effectiveTill', () => {
        expect(() => hours({ overrides: [{ ...base, effectiveFrom: '2026-01-03', effectiveTill: '2026-01-02' }] }))
          .toThrow(/override 'Holiday': effectiveFrom must not be later than effectiveTill, got 2026-01-03 to 2026-01-02/);
      });

      test('fails on overlapping override hours, naming the override and day', () => {
        expect(() => hours({
          overrides: [{
            ...base,
            schedule: WeeklySchedule.days([DayOfWeek.THURSDAY], TimeRange.of('08:00', '10:00'), TimeRange.of('09:00', '11:00')),
          }],
        })).toThrow(/override 'Holiday': schedule on THURSDAY: time ranges 08:00-10:00 and 09:00-11:00 overlap/);
      });

      test('fails on malformed override times', () => {
        expect(() => hours({ overrides: [{ ...base, schedule: WeeklySchedule.days([DayOfWeek.FRIDAY], TimeRange.of('10:00', '9:00')) }] }))
          .toThrow(/override 'Holiday': schedule on FRIDAY: time range 10:00-9:00 has an invalid end time '9:00'/);
      });

      test('fails on more than 100 time ranges in an override', () => {
        const ranges = Array.from({ length: 15 }, (_, i) => TimeRange.of(`${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`));
        expect(() => hours({ overrides: [{ ...base, effectiveTill: '2026-01-31', schedule: WeeklySchedule.everyDay(...ranges) }] }))
          .toThrow(/override 'Holiday': schedule must have at most 100 time ranges in all, got 105/);
      });

      test('fails on more than 50 overrides', () => {
        const { stack, hours: h } = hours();
        for (let i = 0; i < 51; i++) {
          h.addOverride({ ...base, name: `Holiday ${i}` });
        }
        expect(() => Template.fromStack(stack)).toThrow(/\[Test\/Hours\] overrides must have at most 50 items, got 51/);
      });
    });
  });
});
