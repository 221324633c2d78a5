import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEvents, readIcs } from '../../lib/data/ics';
import { AppDB } from '../../lib/db/app-db';
import { DEFAULT_MEETING_RULES } from '../../lib/logging/rules';
import { byId, calendar, ICS_NOW, icsFixture, instancesOf, iso, readFixture } from '../helpers/ics';

// Which meetings happened, and when: exceptions, copies, events without a UID, Outlook's all-day series, and
// a file of thousands of events. Each fixture's leading COMMENT says which real-world fact it reproduces.

describe('an exception belongs to its own series only (exceptions-by-uid.ics)', () => {
  const { events, skippedCount } = readFixture('exceptions-by-uid.ics');

  it("moves only its own series' instance, and a cancelled instance leaves the other series alone", () => {
    expect(skippedCount).toBe(0);
    expect(instancesOf(events, 'financesync3k9_')).toEqual([
      ['financesync3k9_20260105T090000Z', '2026-01-05T09:00:00.000Z', 'Finance sync'],
      ['financesync3k9_20260112T090000Z', '2026-01-12T09:00:00.000Z', 'Finance sync'],
      // 19 January is cancelled in this series only.
      ['financesync3k9_20260126T090000Z', '2026-01-26T09:00:00.000Z', 'Finance sync'],
    ]);
    expect(instancesOf(events, 'designreview7q2_')).toEqual([
      ['designreview7q2_20260105T090000Z', '2026-01-05T09:00:00.000Z', 'Design review'],
      ['designreview7q2_20260112T090000Z', '2026-01-13T14:00:00.000Z', 'Design review (moved to Tuesday)'],
      ['designreview7q2_20260119T090000Z', '2026-01-19T09:00:00.000Z', 'Design review'],
      ['designreview7q2_20260126T090000Z', '2026-01-26T09:00:00.000Z', 'Design review'],
    ]);
  });

  it('gives the moved instance its own people', () => {
    const moved = byId(events, 'designreview7q2_20260112T090000Z');
    expect(moved.guests.map((g) => g.email)).toEqual(['ana@design.example', 'me@example.com']);
    expect(iso(moved.end)).toBe('2026-01-13T14:30:00.000Z');
  });
});

describe('moved and cancelled instances, as files write them', () => {
  it('removes a cancelled instance, even one written without a start; reads a lone moved instance by its RECURRENCE-ID', () => {
    const text = calendar(
      ['UID:s@google.com', 'DTSTART:20261102T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Series'],
      ['UID:s@google.com', 'RECURRENCE-ID:20261109T090000Z', 'STATUS:CANCELLED'],
      // An invitation to one instance of a series that is not in the file:
      ['UID:lone@google.com', 'RECURRENCE-ID:20261104T150000Z', 'DTSTART:20261104T160000Z', 'SUMMARY:Lone'],
    );
    const r = readIcs(text, { until: ICS_NOW, timeZone: 'UTC' });
    expect(r.skippedCount).toBe(0);
    expect(instancesOf(r.events)).toEqual([
      ['s_20261102T090000Z', '2026-11-02T09:00:00.000Z', 'Series'],
      ['lone_20261104T150000Z', '2026-11-04T16:00:00.000Z', 'Lone'],
      ['s_20261116T090000Z', '2026-11-16T09:00:00.000Z', 'Series'],
    ]);
  });
});

describe('of two copies, the higher SEQUENCE wins, then the later LAST-MODIFIED or DTSTAMP (sequence.ics)', () => {
  const { events } = readFixture('sequence.ics');

  it('keeps the copy with the higher SEQUENCE, though a lower one comes later in the file', () => {
    expect(instancesOf(events, 'budget01')).toEqual([
      ['budget01', '2026-10-05T14:00:00.000Z', 'Budget review (moved to 14:00)'],
    ]);
  });

  it('keeps the later-modified copy of a moved instance at equal SEQUENCE', () => {
    expect(instancesOf(events, 'weekly01_')).toEqual([
      ['weekly01_20261005T080000Z', '2026-10-05T08:00:00.000Z', 'Weekly ops'],
      ['weekly01_20261012T080000Z', '2026-10-12T10:00:00.000Z', 'Weekly ops (moved to 10:00)'],
      ['weekly01_20261019T080000Z', '2026-10-19T08:00:00.000Z', 'Weekly ops'],
    ]);
  });

  it('keeps the later-stamped copy when nothing else tells them apart', () => {
    expect(instancesOf(events, 'retro01')).toEqual([
      ['retro01@example.com', '2026-10-20T16:00:00.000Z', 'Retro (stamped later)'],
    ]);
  });
});

describe('an event without a UID (no-uid.ics)', () => {
  let db: AppDB;
  beforeEach(() => {
    db = new AppDB(`ics-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('is read, with a key made from its content; its exact copy is one event', () => {
    const { events, skippedCount } = readFixture('no-uid.ics');
    expect(skippedCount).toBe(0);
    expect(events.map((e) => [e.eventId.replace(/^nouid-[0-9a-f]{14}/, 'nouid-…'), iso(e.start), e.title])).toEqual([
      ['nouid-…', '2026-11-03T14:00:00.000Z', 'Vendor check-in'],
      ['nouid-…_20261104T090000Z', '2026-11-04T09:00:00.000Z', 'Regional sync'],
      ['nouid-…_20261111T090000Z', '2026-11-11T09:00:00.000Z', 'Regional sync'],
      ['nouid-…_20261118T090000Z', '2026-11-18T09:00:00.000Z', 'Regional sync'],
    ]);
    expect(readFixture('no-uid.ics').events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  });

  it('adds nothing when the same file is imported twice', async () => {
    const options = { now: ICS_NOW, myEmails: ['me@example.com'], rules: DEFAULT_MEETING_RULES, includeLarge: false };
    const first = await importEvents(db, readFixture('no-uid.ics').events, options);
    const second = await importEvents(db, readFixture('no-uid.ics').events, options);
    expect(first).toMatchObject({ meetings: 4, peopleAdded: 2 });
    expect(second).toMatchObject({ meetings: 0, peopleAdded: 0, alreadyLogged: 4 });
    expect(await db.interactions.count()).toBe(4);
  });
});

describe("Outlook's all-day series (outlook-all-day.ics)", () => {
  it('matches a moved instance and an excluded day written as date-times at midnight to their days', () => {
    const { events } = readFixture('outlook-all-day.ics', { timeZone: 'Europe/Berlin' });
    const base = '040000008200E00074C5B7101A82E00800000000D0F1B2C3A4B5DC01000000000000000010000000';
    expect(events.map((e) => [e.eventId.replace(base, 'uid'), iso(e.start), e.allDay, e.title])).toEqual([
      // All-day dates are midnight in the computer's zone (here Berlin): 23:00 UTC the day before.
      ['uid_20260205', '2026-02-04T23:00:00.000Z', true, 'Offsite planning day'],
      // 12 February is excluded.
      ['uid_20260219', '2026-02-18T23:00:00.000Z', true, 'Offsite planning day'],
      ['uid_20260226', '2026-02-26T23:00:00.000Z', true, 'Offsite planning day (moved to Friday)'],
      ['uid_20260305', '2026-03-04T23:00:00.000Z', true, 'Offsite planning day'],
    ]);
  });
});

describe('a large file is read whole, every instance in place (linear in its size)', () => {
  // 8,000 events as a busy calendar has them: 7,200 single meetings and 800 weekly series of 5, each series
  // with one moved instance. Reading it used to relate every moved instance to every series (quadratic).
  const singles = Array.from({ length: 7200 }, (_, i) => [
    `UID:single${i}@google.com`,
    `DTSTART:${stamp(Date.parse('2026-01-01T08:00:00Z') + i * 3_600_000)}`,
    'DURATION:PT30M',
    `SUMMARY:Meeting ${i}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:p${i % 500}@org${i % 40}.example`,
  ]);
  const series = Array.from({ length: 800 }, (_, i) => {
    const start = Date.parse('2026-02-02T09:00:00Z') + i * 86_400_000 * 0.25;
    return [
      [`UID:series${i}@google.com`, `DTSTART:${stamp(start)}`, 'RRULE:FREQ=WEEKLY;COUNT=5', `SUMMARY:Series ${i}`],
      [
        `UID:series${i}@google.com`,
        `RECURRENCE-ID:${stamp(start + 7 * 86_400_000)}`,
        `DTSTART:${stamp(start + 7 * 86_400_000 + 3_600_000)}`,
        `SUMMARY:Series ${i} (moved)`,
      ],
    ];
  });
  const text = calendar(...singles, ...series.flat());

  it('yields 7,200 + 4,000 instances, with each moved instance in its own series only', { timeout: 120_000 }, () => {
    const { events, skippedCount } = readIcs(text, { until: ICS_NOW, timeZone: 'UTC' });
    expect(skippedCount).toBe(0);
    expect(events).toHaveLength(7200 + 800 * 5);
    expect(events.filter((e) => e.title.endsWith('(moved)'))).toHaveLength(800);
    const s = instancesOf(events, 'series417_');
    expect(s).toHaveLength(5);
    expect(s[1]).toEqual([
      `series417_${stamp(Date.parse('2026-02-02T09:00:00Z') + 417 * 21_600_000 + 7 * 86_400_000)}`,
      iso(Date.parse('2026-02-02T09:00:00Z') + 417 * 21_600_000 + 7 * 86_400_000 + 3_600_000),
      'Series 417 (moved)',
    ]);
  });
});

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

it('reads the saved Google export in the same way whatever the computer zone, with CRLF or LF lines', () => {
  const lf = icsFixture('google-export.ics');
  const crlf = lf.replace(/\r?\n/g, '\r\n');
  const a = readIcs(lf, { until: ICS_NOW, timeZone: 'Pacific/Kiritimati' }).events.filter((e) => !e.allDay);
  const b = readIcs(crlf, { until: ICS_NOW, timeZone: 'America/Adak' }).events.filter((e) => !e.allDay);
  expect(b).toEqual(a);
});
