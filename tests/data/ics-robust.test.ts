import { describe, expect, it } from 'vitest';
import { readIcs } from '../../lib/data/ics';
import { byId, calendar, ICS_NOW, instancesOf, iso, readFixture } from '../helpers/ics';

// One bad event never sinks the file, and no input costs unbounded work or memory.

describe('one bad event never sinks the file (bad-events.ics)', () => {
  const reading = readFixture('bad-events.ics');

  it('reads every other event', () => {
    expect(reading.problem).toBeNull();
    expect(instancesOf(reading.events)).toEqual([
      // A bare date in EXDATE against a timed series excludes that day's instance (20 January).
      ['weekly-exdate@example.com_20200113T100000Z', '2020-01-13T10:00:00.000Z', 'Weekly 1:1'],
      ['weekly-exdate@example.com_20200127T100000Z', '2020-01-27T10:00:00.000Z', 'Weekly 1:1'],
      ['good-before@example.com', '2026-10-02T09:00:00.000Z', 'Quarterly planning'],
      // An RDATE given as a period is an instance with that period's length.
      ['rdate-period@example.com_20261005T120000Z', '2026-10-05T12:00:00.000Z', 'Customer calls'],
      ['rdate-period@example.com_20261007T150000Z', '2026-10-07T15:00:00.000Z', 'Customer calls'],
      // A zone no one defined: read as the computer's time (UTC here), and said.
      ['lost-zone@example.com', '2026-10-08T09:00:00.000Z', 'Call in a zone no one defined'],
      ['good-after@example.com', '2026-10-09T14:00:00.000Z', 'Partner review'],
    ]);
    expect(iso(byId(reading.events, 'rdate-period@example.com_20261007T150000Z').end)).toBe('2026-10-07T17:00:00.000Z');
  });

  it('skips and names each unreadable event, with its line, in file order', () => {
    expect(reading.skippedCount).toBe(4);
    expect(reading.unknownZones).toEqual([{ zone: 'Lost Zone', events: 1 }]);
    expect(reading.skipped).toEqual([
      { title: 'Offsite (date lost)', line: 23, reason: 'its start (DTSTART:not-a-date) is not a date' },
      { title: 'Kick-off', line: 29, reason: 'its start (DTSTART:Next Year) is not a date' },
      {
        title: 'Moved, but which series?',
        line: 56,
        reason: 'it moves one instance of a series (RECURRENCE-ID) but has no UID to say which series',
      },
      { title: 'No start at all', line: 61, reason: 'it has no start (DTSTART)' },
    ]);
  });

  it('costs an unreadable line that line only, and an event cut off by the end of the file that event', () => {
    const text = calendar(
      [
        'UID:a@example.com',
        'DTSTART:20261002T090000Z',
        'ATTENDEE;PARTSTAT:mailto:kai@partner.example.de',
        'this line is not a property',
        'ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam@partner.example',
        'SUMMARY:A',
      ],
      ['UID:b@example.com', 'DTSTART:20261003T090000Z', 'SUMMARY:B'],
    ).replace(/END:VCALENDAR$/, 'BEGIN:VEVENT\r\nUID:c@example.com\r\nDTSTART:20261004T090000Z\r\nSUMMARY:Cut off');
    const r = readIcs(text, { until: ICS_NOW, timeZone: 'UTC' });
    expect(r.events.map((e) => e.title)).toEqual(['A', 'B']);
    expect(r.events[0]?.guests.map((g) => g.email)).toEqual(['sam@partner.example']);
    expect(r.unreadableLines).toBe(2);
    expect(r.skipped).toEqual([
      { title: 'Cut off', line: 17, reason: 'its END:VEVENT line is missing (the file may be cut off)' },
    ]);
  });

  it('reads on past a misspelt END line, and reads an empty RRULE as none', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20261102T090000Z',
      'SUMMARY:Empty rule',
      'RRULE:',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART:20261103T090000Z',
      'SUMMARY:Misspelt end',
      'END:VEVNET',
      'BEGIN:VEVENT',
      'UID:c',
      'DTSTART:20261104T090000Z',
      'SUMMARY:After it',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = readIcs(text, { until: ICS_NOW, timeZone: 'UTC' });
    expect(r.events.map((e) => [e.eventId, e.title])).toEqual([
      ['a', 'Empty rule'],
      ['c', 'After it'],
    ]);
    expect(r.skipped).toEqual([
      { title: 'Misspelt end', line: 8, reason: 'its END:VEVENT line is missing (the file may be cut off)' },
    ]);
    expect(r.unreadableLines).toBe(1);
  });

  it('follows writers\' slips: space before the first line, ORGANIZER="mailto:…", a quote closed after the value (quoting-slips.ics)', () => {
    const r = readFixture('quoting-slips.ics');
    expect(r.unreadableLines).toBe(0);
    expect(r.events.map((e) => [e.title, iso(e.start), e.guests.map((g) => g.email)])).toEqual([
      ['Design sync', '2026-11-03T10:00:00.000Z', ['ana@design.example', 'me@example.com']],
      ["Log yesterday's time", '2026-11-04T08:00:00.000Z', []],
      ["Log yesterday's time", '2026-11-05T08:00:00.000Z', []],
      ["Log yesterday's time", '2026-11-06T08:00:00.000Z', []],
      ["Log yesterday's time", '2026-11-07T08:00:00.000Z', []],
      ["Log yesterday's time", '2026-11-09T08:00:00.000Z', []],
      ["Log yesterday's time", '2026-11-10T08:00:00.000Z', []],
    ]);
  });

  it('says plainly when a file is not a calendar, or is the .zip Google exports', () => {
    expect(readIcs('', { until: ICS_NOW }).problem).toBe(
      'This file is not a calendar file (.ics): it has no VCALENDAR.',
    );
    expect(readIcs('PK\u0003\u0004\u0014\u0000', { until: ICS_NOW }).problem).toBe(
      'This file is not a calendar file (.ics): it is a .zip archive. Unzip it and choose the .ics file inside.',
    );
  });
});

describe('absurd input costs bounded work and memory (absurd.ics)', () => {
  const reading = readFixture('absurd.ics');
  const of = (uid: string) => reading.events.filter((e) => e.eventId.startsWith(uid)).map((e) => iso(e.start));

  it('reads a DURATION of a billion billion weeks as taking no time, with a message', () => {
    expect(reading.skipped).toEqual([]);
    expect(of('forever@')).toEqual(['2026-10-01T09:00:00.000Z']);
    expect(reading.readInPart).toEqual([
      {
        title: 'Forever meeting',
        line: 18,
        reason: 'its length (DURATION:P999999999999999999W) could not be read, so it was read as taking no time',
      },
    ]);
  });

  it('reads a rule without end, and COUNT=2000000000, up to now only', () => {
    const daily = of('daily-no-end@');
    expect(daily).toHaveLength(329); // 1 January to 25 November 2026
    expect(daily.at(-1)).toBe('2026-11-25T09:00:00.000Z');
    expect(of('two-billion@')).toHaveLength(25);
  });

  it('finds no 30 February: no phantom instances on 1 or 2 March, no endless search', () => {
    // A rule with no real day yields no instance of its own; DTSTART is still the first (RFC 5545 3.8.5.3).
    expect(of('feb30-yearly@')).toEqual(['2020-02-15T10:00:00.000Z']);
    expect(of('feb30-daily@')).toEqual(['2024-01-01T10:00:00.000Z']);
  });

  it('keeps the newest 2,000 instances of a rule that repeats every second, and says so', () => {
    const seconds = of('every-second@');
    expect(seconds).toHaveLength(2000);
    expect(seconds.at(-1)).toBe('2026-11-25T12:00:00.000Z');
    expect(seconds[0]).toBe('2026-11-25T11:26:41.000Z');
    expect(reading.cappedSeries).toEqual([
      {
        series: 'every-second@example.com',
        title: 'Every second',
        line: 51,
        kept: 2000,
        keptFrom: Date.parse('2026-11-25T11:26:41.000Z'),
      },
    ]);
  });

  it('stops following a rule that matches too rarely to find, and says so', () => {
    expect(of('leap-minutes@')).toEqual(['2020-01-01T00:00:00.000Z']);
    expect(reading.notes).toEqual([
      '“Every minute of 29 February” (line 57): its repeat rule matches so rarely that Bridges stopped looking for more of its meetings.',
    ]);
  });

  it('reads INTERVAL=0 as 1, and a time zone whose rule repeats every second as its first observance', () => {
    expect(of('interval-zero@')).toEqual([
      '2026-11-02T09:00:00.000Z',
      '2026-11-09T09:00:00.000Z',
      '2026-11-16T09:00:00.000Z',
    ]);
    expect(of('absurd-zone@')).toEqual(['2026-11-03T09:00:00.000Z']);
  });

  // A generous limit, not a measure: the machine may be busy; speed is the benchmark's business.
  it('reads a thousand never-ending daily series within one bound, newest first, and says what it left out', {
    timeout: 120_000,
  }, () => {
    const text = calendar(
      ...Array.from({ length: 1000 }, (_, i) => [
        `UID:daily${i}@example.com`,
        `DTSTART:20160101T${String(6 + (i % 12)).padStart(2, '0')}${String(i % 60).padStart(2, '0')}00Z`,
        'RRULE:FREQ=DAILY',
        `SUMMARY:Daily ${i}`,
        `ATTENDEE;PARTSTAT=ACCEPTED:mailto:p${i}@x.example`,
      ]),
    );
    const r = readIcs(text, { until: ICS_NOW, timeZone: 'UTC' });
    expect(r.events.length).toBeLessThanOrEqual(100_000);
    expect(r.events.length).toBeGreaterThan(90_000);
    // Too many to count one by one (1,000 × 2,000 newest): the estimate decides where reading begins.
    expect(r.leftOut).toEqual([{ held: null, limit: 100_000, count: null, before: r.leftOutBefore }]);
    expect(r.leftOutBefore).not.toBeNull();
    expect(iso(r.leftOutBefore ?? 0) > '2026-01-01').toBe(true);
    // Every series is read, up to its instance of this morning.
    const newest = new Map<string, number>();
    for (const e of r.events) newest.set(e.title, Math.max(newest.get(e.title) ?? 0, e.start));
    expect(newest.size).toBe(1000);
    expect(iso(newest.get('Daily 0') ?? 0)).toBe('2026-11-25T06:00:00.000Z');
    expect(iso(newest.get('Daily 999') ?? 0)).toBe('2026-11-25T09:39:00.000Z');
  });
});
