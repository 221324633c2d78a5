import { describe, expect, it } from 'vitest';
import { EMPTY_SUMMARY, readIcs } from '../../lib/data/ics';
import { scanContentLines } from '../../lib/data/ics/content-lines';
import { importReport } from '../../lib/data/ics/report';
import { calendar, ICS_NOW, instancesOf, iso } from '../helpers/ics';

// A calendar file keeps every meeting it holds: one unreadable detail costs that detail (said), never the
// meeting; the file-wide limit counts what each series really yields; edits of a series are followed.

const read = (text: string, options: { timeZone?: string; maxInstances?: number } = {}) =>
  readIcs(text, { until: ICS_NOW, timeZone: 'UTC', ...options });
const details = (text: string, options: { timeZone?: string; maxInstances?: number } = {}) =>
  importReport(read(text, options), EMPTY_SUMMARY).details;
const day = (ms: number) => iso(ms).slice(0, 10);

describe('the file-wide limit counts what each series really yields', () => {
  it('reads every instance of series that ended (UNTIL) when they fit, and says nothing was left out', () => {
    // 100 weekly series from 2010, each ended after 81 meetings, as Google writes an ended series: 8,100 in all.
    const text = calendar(
      ...Array.from({ length: 100 }, (_, i) => [
        `UID:ended${i}@google.com`,
        `DTSTART:20100104T${String(8 + (i % 10)).padStart(2, '0')}${String(i % 60).padStart(2, '0')}00Z`,
        'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20110718T235959Z',
        `SUMMARY:Ended ${i}`,
      ]),
    );
    const r = read(text, { maxInstances: 10_000 });
    expect(r.events).toHaveLength(8100);
    expect(r.leftOutBefore).toBeNull();
    expect(r.leftOut).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('keeps the newest when the limit is truly reached, and says exactly how many were left out and from when', () => {
    // 20 daily series of 100 meetings one after another: 2,000 days from 1 January 2020, one meeting a day.
    const text = calendar(
      ...Array.from({ length: 20 }, (_, i) => {
        const start = new Date(Date.UTC(2020, 0, 1 + i * 100, 9));
        return [
          `UID:block${i}`,
          `DTSTART:${start.toISOString().replace(/[-:]|\.\d{3}/g, '')}`,
          'RRULE:FREQ=DAILY;COUNT=100',
          `SUMMARY:Block ${i}`,
        ];
      }),
    );
    const r = read(text, { maxInstances: 1500 });
    expect(r.events).toHaveLength(1500);
    expect(r.leftOut).toEqual([{ held: 2000, limit: 1500, count: 500, before: Date.parse('2021-05-15T09:00:00Z') }]);
    // The oldest kept is the 501st day: 15 May 2021.
    expect(iso(r.events[0]?.start ?? 0)).toBe('2021-05-15T09:00:00.000Z');
    expect(iso(r.leftOutBefore ?? 0)).toBe('2021-05-15T09:00:00.000Z');
    // The report's sentence is checked in import-report.test.ts, where the computer's zone is UTC.
  });
});

describe('edits of a series are followed', () => {
  const weekly = [
    'UID:weekly@example.com',
    'SEQUENCE:0',
    'DTSTART:20260105T100000Z',
    'DTEND:20260105T110000Z',
    'RRULE:FREQ=WEEKLY;COUNT=8',
    'SUMMARY:Weekly',
  ];

  it('moves this and every later instance for RANGE=THISANDFUTURE, keeping their ids; a later single move still wins', () => {
    const text = calendar(
      weekly,
      [
        'UID:weekly@example.com',
        'RECURRENCE-ID;RANGE=THISANDFUTURE:20260202T100000Z',
        'DTSTART:20260202T130000Z',
        'DTEND:20260202T143000Z',
        'SUMMARY:Weekly, afternoons',
      ],
      [
        'UID:weekly@example.com',
        'RECURRENCE-ID:20260216T100000Z',
        'DTSTART:20260217T090000Z',
        'DTEND:20260217T100000Z',
        'SUMMARY:Weekly, moved once',
      ],
    );
    const r = read(text);
    expect(instancesOf(r.events)).toEqual([
      ['weekly@example.com_20260105T100000Z', '2026-01-05T10:00:00.000Z', 'Weekly'],
      ['weekly@example.com_20260112T100000Z', '2026-01-12T10:00:00.000Z', 'Weekly'],
      ['weekly@example.com_20260119T100000Z', '2026-01-19T10:00:00.000Z', 'Weekly'],
      ['weekly@example.com_20260126T100000Z', '2026-01-26T10:00:00.000Z', 'Weekly'],
      ['weekly@example.com_20260202T100000Z', '2026-02-02T13:00:00.000Z', 'Weekly, afternoons'],
      ['weekly@example.com_20260209T100000Z', '2026-02-09T13:00:00.000Z', 'Weekly, afternoons'],
      ['weekly@example.com_20260216T100000Z', '2026-02-17T09:00:00.000Z', 'Weekly, moved once'],
      ['weekly@example.com_20260223T100000Z', '2026-02-23T13:00:00.000Z', 'Weekly, afternoons'],
    ]);
    expect(r.events.filter((e) => e.title === 'Weekly, afternoons').map((e) => (e.end - e.start) / 60_000)).toEqual([
      90, 90, 90,
    ]);
  });

  it('does not bring back a moved instance that a later edit of its series removed', () => {
    const text = calendar(
      // The series was edited (SEQUENCE 2): the instance of 12 January is cancelled, and it ends after 2 February.
      [
        'UID:weekly@example.com',
        'SEQUENCE:2',
        'DTSTART:20260105T100000Z',
        'DTEND:20260105T110000Z',
        'RRULE:FREQ=WEEKLY;UNTIL=20260202T235959Z',
        'EXDATE:20260112T100000Z',
        'SUMMARY:Weekly',
      ],
      // Moves made before that edit.
      ['UID:weekly@example.com', 'SEQUENCE:1', 'RECURRENCE-ID:20260112T100000Z', 'DTSTART:20260113T100000Z'],
      ['UID:weekly@example.com', 'SEQUENCE:1', 'RECURRENCE-ID:20260216T100000Z', 'DTSTART:20260217T100000Z'],
      // A move made after it (as high a SEQUENCE) stands.
      ['UID:weekly@example.com', 'SEQUENCE:2', 'RECURRENCE-ID:20260126T100000Z', 'DTSTART:20260127T100000Z'],
    );
    expect(instancesOf(read(text).events).map(([id, start]) => [id, start])).toEqual([
      ['weekly@example.com_20260105T100000Z', '2026-01-05T10:00:00.000Z'],
      ['weekly@example.com_20260119T100000Z', '2026-01-19T10:00:00.000Z'],
      ['weekly@example.com_20260126T100000Z', '2026-01-27T10:00:00.000Z'],
      ['weekly@example.com_20260202T100000Z', '2026-02-02T10:00:00.000Z'],
    ]);
  });

  it('applies a moved instance written in a second VCALENDAR block of the same file once', () => {
    const text = [
      calendar(['UID:split@example.com', 'DTSTART:20261102T090000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:Split']),
      calendar([
        'UID:split@example.com',
        'RECURRENCE-ID:20261103T090000Z',
        'DTSTART:20261103T150000Z',
        'SUMMARY:Split, moved',
      ]),
    ].join('\r\n');
    expect(instancesOf(read(text).events)).toEqual([
      ['split@example.com_20261102T090000Z', '2026-11-02T09:00:00.000Z', 'Split'],
      ['split@example.com_20261103T090000Z', '2026-11-03T15:00:00.000Z', 'Split, moved'],
      ['split@example.com_20261104T090000Z', '2026-11-04T09:00:00.000Z', 'Split'],
    ]);
  });
});

describe('one unreadable detail costs that detail, said, never the meeting', () => {
  it('reads a time in an unknown zone as local time, and says so once per zone', () => {
    const text = calendar(
      ['UID:a', 'DTSTART;TZID=Foo/Bar:20261102T090000', 'DTEND;TZID=Foo/Bar:20261102T100000', 'SUMMARY:A'],
      ['UID:b', 'DTSTART;TZID=Foo/Bar:20261103T090000', 'RRULE:FREQ=DAILY;COUNT=2', 'SUMMARY:B'],
    );
    const r = read(text, { timeZone: 'Europe/Berlin' });
    expect(r.skippedCount).toBe(0);
    expect(r.events.map((e) => [e.title, iso(e.start), iso(e.end)])).toEqual([
      ['A', '2026-11-02T08:00:00.000Z', '2026-11-02T09:00:00.000Z'],
      ['B', '2026-11-03T08:00:00.000Z', '2026-11-03T08:00:00.000Z'],
      ['B', '2026-11-04T08:00:00.000Z', '2026-11-04T08:00:00.000Z'],
    ]);
    expect(importReport(r, EMPTY_SUMMARY).details).toContain(
      '2 events in an unknown time zone “Foo/Bar” were read in your own time zone.',
    );
  });

  it('reads a malformed DURATION as no length, and says so', () => {
    const text = calendar(['UID:d', 'DTSTART:20261102T160000Z', 'DURATION:P', 'SUMMARY:Travels']);
    const r = read(text);
    expect(r.events.map((e) => [iso(e.start), iso(e.end)])).toEqual([
      ['2026-11-02T16:00:00.000Z', '2026-11-02T16:00:00.000Z'],
    ]);
    expect(importReport(r, EMPTY_SUMMARY).details).toContain(
      '“Travels” (line 4): its length (DURATION:P) could not be read, so it was read as taking no time.',
    );
  });

  it('keeps what can be read of a repeat rule, its added dates and its excluded dates', () => {
    const text = calendar(
      ['UID:rule', 'DTSTART:20261102T090000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,XX;COUNT=3', 'SUMMARY:Rule'],
      ['UID:rdate', 'DTSTART:20261102T120000Z', 'RDATE:20261103T120000Z,not-a-date,20261105T120000Z', 'SUMMARY:Added'],
      [
        'UID:exdate',
        'DTSTART:20261102T150000Z',
        'RRULE:FREQ=DAILY;COUNT=4',
        'EXDATE:20261103T150000Z,garbage',
        'SUMMARY:Excluded',
      ],
    );
    const r = read(text);
    expect(r.skippedCount).toBe(0);
    const starts = (title: string) => r.events.filter((e) => e.title === title).map((e) => day(e.start));
    expect(starts('Rule')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(starts('Added')).toEqual(['2026-11-02', '2026-11-03', '2026-11-05']);
    expect(starts('Excluded')).toEqual(['2026-11-02', '2026-11-04', '2026-11-05']);
    expect(importReport(r, EMPTY_SUMMARY).details).toEqual([
      '“Rule” (line 4): part of its repeat rule (BYDAY=MO,XX) could not be read and was left out.',
      '“Added” (line 10): one of its added dates (RDATE) could not be read and was left out: not-a-date.',
      '“Excluded” (line 16): one of its excluded dates (EXDATE) could not be read and was left out: garbage.',
    ]);
  });

  it('reads BYDAY=MO, TU with spaces, and a property name folded onto its own line', () => {
    const text = calendar(
      ['UID:spaces', 'DTSTART:20261102T090000Z', 'RRULE:FREQ=WEEKLY; BYDAY=MO, TU; COUNT=4', 'SUMMARY:Spaces'],
      ['UID:folded', 'DTSTART', ' ;TZID=Europe/Berlin:20261102T090000', 'SUMM', ' ARY:Folded name'],
    );
    const r = read(text);
    expect(r.unreadableLines).toBe(0);
    expect(r.events.map((e) => [e.title, iso(e.start)])).toEqual([
      ['Folded name', '2026-11-02T08:00:00.000Z'],
      ['Spaces', '2026-11-02T09:00:00.000Z'],
      ['Spaces', '2026-11-03T09:00:00.000Z'],
      ['Spaces', '2026-11-09T09:00:00.000Z'],
      ['Spaces', '2026-11-10T09:00:00.000Z'],
    ]);
  });
});

describe('start and end as meant', () => {
  it('reads a start and end written the wrong way round as the meeting between them', () => {
    const r = read(calendar(['UID:w', 'DTSTART:20261102T100000Z', 'DTEND:20261102T090000Z', 'SUMMARY:Swapped']));
    expect(r.events.map((e) => [iso(e.start), iso(e.end)])).toEqual([
      ['2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z'],
    ]);
  });

  it('reads VALUE=DATE with a time as the date, all day', () => {
    const r = read(
      calendar(['UID:v', 'DTSTART;VALUE=DATE:20261102T120000', 'DTEND;VALUE=DATE:20261103T120000', 'SUMMARY:Day']),
    );
    expect(r.events.map((e) => [e.eventId, iso(e.start), iso(e.end), e.allDay])).toEqual([
      ['v', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z', true],
    ]);
  });

  it('reads DURATION:PT1W (weeks after the T) as the week it means', () => {
    const r = read(calendar(['UID:w', 'DTSTART;VALUE=DATE:20261102', 'DURATION:PT1W', 'SUMMARY:Week']));
    expect(r.events.map((e) => [iso(e.start), iso(e.end)])).toEqual([
      ['2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z'],
    ]);
    expect(r.readInPart).toEqual([]);
  });

  it('reads an all-day start with a timed end as lasting until that end', () => {
    const r = read(calendar(['UID:m', 'DTSTART;VALUE=DATE:20261102', 'DTEND:20261103T170000Z', 'SUMMARY:Mixed']));
    expect(r.events.map((e) => [iso(e.start), iso(e.end), e.allDay])).toEqual([
      ['2026-11-02T00:00:00.000Z', '2026-11-03T17:00:00.000Z', true],
    ]);
  });
});

describe('cancelled events', () => {
  it('are left out and counted in the summary', () => {
    const text = calendar(
      ['UID:c1', 'DTSTART:20261102T090000Z', 'STATUS:CANCELLED', 'SUMMARY:Off'],
      ['UID:c2', 'DTSTART:20261103T090000Z', 'STATUS:CANCELLED', 'SUMMARY:Off too'],
      ['UID:s', 'DTSTART:20261102T120000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:Series'],
      ['UID:s', 'RECURRENCE-ID:20261103T120000Z', 'DTSTART:20261103T120000Z', 'STATUS:CANCELLED', 'SUMMARY:Series'],
    );
    const r = read(text);
    expect(r.events.map((e) => e.title)).toEqual(['Series', 'Series']);
    expect(r.cancelled).toBe(3);
    expect(details(text)).toContain('Left out: 3 cancelled.');
  });
});

describe('deeply nested components', () => {
  // The work of matching END lines to the components they close, counted: it doubles as the file doubles.
  const work = (n: number) => {
    const text = [
      'BEGIN:VCALENDAR',
      ...Array.from({ length: n }, () => 'BEGIN:X-NESTED'),
      ...Array.from({ length: n }, () => 'END:X-OTHER'),
      ...Array.from({ length: n }, () => 'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261102T090000Z\r\nEND:VEVENT'),
      'END:VCALENDAR',
    ].join('\r\n');
    return scanContentLines(text).work;
  };

  it('cost work linear in the file', () => {
    const [small, large] = [work(2000), work(4000)];
    expect(large / small).toBeLessThan(2.2);
  });
});
