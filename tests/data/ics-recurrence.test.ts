import { describe, expect, it } from 'vitest';
import { iso, readFixture } from '../helpers/ics';

// Where a series starts and ends (recurrence-ends.ics), and how far back a long one is read
// (standup-since-2016.ics).

describe('recurrence ends (recurrence-ends.ics)', () => {
  const { events, skippedCount } = readFixture('recurrence-ends.ics', { timeZone: 'Europe/Berlin' });
  const of = (prefix: string) =>
    events.filter((e) => e.eventId.startsWith(prefix)).map((e) => [e.eventId, iso(e.start)]);

  it('reads every event', () => {
    expect(skippedCount).toBe(0);
  });

  it("includes a date-only UNTIL's last day, as Google writes it against a timed start", () => {
    expect(of('until-date_')).toEqual([
      ['until-date_20240101T150000Z', '2024-01-01T15:00:00.000Z'],
      ['until-date_20240102T150000Z', '2024-01-02T15:00:00.000Z'],
      ['until-date_20240103T150000Z', '2024-01-03T15:00:00.000Z'],
    ]);
  });

  it('keeps a DTSTART that does not match its rule as the first instance (and COUNT more, as Google shows)', () => {
    expect(of('off-rule_')).toEqual([
      ['off-rule_20240530T180000Z', '2024-05-30T18:00:00.000Z'], // the Thursday it starts on
      ['off-rule_20240605T180000Z', '2024-06-05T18:00:00.000Z'],
      ['off-rule_20240612T180000Z', '2024-06-12T18:00:00.000Z'],
      ['off-rule_20240619T180000Z', '2024-06-19T18:00:00.000Z'],
    ]);
    // ical.js's own example (issue 294): a Wednesday start of an every-Thursday rule, floating (here in Berlin).
    expect(of('off-rule-until@')).toEqual([
      ['off-rule-until@example.com_20170301T090000Z', '2017-03-01T09:00:00.000Z'],
      ['off-rule-until@example.com_20170302T090000Z', '2017-03-02T09:00:00.000Z'],
      ['off-rule-until@example.com_20170309T090000Z', '2017-03-09T09:00:00.000Z'],
      ['off-rule-until@example.com_20170316T090000Z', '2017-03-16T09:00:00.000Z'],
    ]);
  });

  it('reads COUNT=-1, COUNT=0 and COUNT=abc as no count, as python-recurring-ical-events does', () => {
    // Confluence: every fourth Monday until 31 March 2024 (the COUNT=-1 beside UNTIL is ignored). ical.js alone
    // yields nothing for COUNT=-1.
    expect(of('confluence@').map(([id]) => id)).toEqual([
      'confluence@example.com_20231002',
      'confluence@example.com_20231030',
      'confluence@example.com_20231127',
      'confluence@example.com_20231225',
      'confluence@example.com_20240122',
      'confluence@example.com_20240219',
      'confluence@example.com_20240318',
    ]);
    // Apple: COUNT=0 for a series that never ends: every Sunday up to now.
    expect(of('apple-count-zero@').map(([, start]) => start)).toEqual([
      '2026-11-01T09:00:00.000Z',
      '2026-11-08T09:00:00.000Z',
      '2026-11-15T09:00:00.000Z',
      '2026-11-22T09:00:00.000Z',
    ]);
    expect(of('count-words@')).toHaveLength(6); // 20 to 25 November
  });

  it('applies every RRULE of one event', () => {
    expect(of('two-rules@').map(([, start]) => start)).toEqual([
      '2026-11-02T09:00:00.000Z',
      '2026-11-05T09:00:00.000Z',
      '2026-11-09T09:00:00.000Z',
      '2026-11-12T09:00:00.000Z',
      '2026-11-16T09:00:00.000Z',
    ]);
  });
});

describe('a long series reaches today (standup-since-2016.ics)', () => {
  const reading = readFixture('standup-since-2016.ics');

  it('keeps the newest 2,000 instances, up to this morning, and says the oldest were left out', () => {
    const starts = reading.events.map((e) => e.start);
    expect(starts).toHaveLength(2000);
    expect(iso(starts.at(-1) ?? 0)).toBe('2026-11-25T09:30:00.000Z'); // this Wednesday, 09:30 GMT
    const expected = weekdaysBefore(Date.parse('2026-11-25T00:00:00Z'), 2000);
    expect(reading.events.map((e) => e.eventId.slice(-16, -8))).toEqual(expected);
    expect(reading.cappedSeries).toEqual([
      { series: 'standup2016', title: 'Stand-up', line: 9, kept: 2000, keptFrom: starts[0] },
    ]);
    expect(iso(starts[0] ?? 0)).toBe('2019-03-28T09:30:00.000Z');
  });

  it('keeps London time across the changes of the clocks', () => {
    const summer = reading.events.find((e) => e.eventId === 'standup2016_20260715T083000Z');
    expect(summer?.guests.map((g) => g.email)).toEqual(['wei@ops.example', 'me@example.com']);
  });
});

/** The last `n` weekdays up to and including `day` (UTC), oldest first, as "YYYYMMDD". */
function weekdaysBefore(day: number, n: number): string[] {
  const out: string[] = [];
  for (let t = day; out.length < n; t -= 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10).replace(/-/g, ''));
  }
  return out.reverse();
}
