import { describe, expect, it } from 'vitest';
import { readIcs } from '../../lib/data/ics';
import { calendar, ICS_NOW, iso } from '../helpers/ics';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AHEAD = 90 * DAY;

// A series that repeats every hour, from a year before "now" and on without end: 90 days ahead hold 2,160 of its
// instances, more than a series' cap of 2,000.
const hourly = calendar([
  'UID:hourly@bridges.test',
  'SUMMARY:Hourly check-in',
  'DTSTART:20251125T120000Z',
  'DURATION:PT15M',
  'RRULE:FREQ=HOURLY',
  'ORGANIZER:mailto:me@bridges.test',
  'ATTENDEE:mailto:ops@partner.example',
]);

describe('a series read with the days ahead', () => {
  const reading = readIcs(hourly, { now: ICS_NOW, until: ICS_NOW + AHEAD, timeZone: 'UTC' });
  const past = reading.events.filter((e) => e.start <= ICS_NOW);
  const ahead = reading.events.filter((e) => e.start > ICS_NOW);

  it('keeps its newest 2,000 past meetings, up to now, however many lie ahead', () => {
    expect(past).toHaveLength(2000);
    expect(iso(Math.max(...past.map((e) => e.start)))).toBe('2026-11-25T12:00:00.000Z');
    expect(iso(Math.min(...past.map((e) => e.start)))).toBe(iso(ICS_NOW - 1999 * HOUR));
    expect(reading.cappedSeries).toEqual([
      expect.objectContaining({ title: 'Hourly check-in', kept: 2000, keptFrom: ICS_NOW - 1999 * HOUR }),
    ]);
  });

  it('keeps the meetings ahead from the next one on, as many as a series may hold', () => {
    expect(ahead).toHaveLength(2000);
    expect(iso(Math.min(...ahead.map((e) => e.start)))).toBe('2026-11-25T13:00:00.000Z');
  });

  it('reads the past as a reading without the days ahead does', () => {
    const alone = readIcs(hourly, { until: ICS_NOW, timeZone: 'UTC' });
    expect(alone.events.map((e) => e.eventId)).toEqual(past.map((e) => e.eventId));
    expect(alone.cappedSeries).toEqual(reading.cappedSeries);
  });
});
