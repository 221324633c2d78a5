import { describe, expect, it } from 'vitest';
import { cadenceOf, DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { daysSince, statusOf } from '../../lib/relationships/status';

const at = (iso: string) => Date.parse(iso);

describe('cadence defaults by priority, overridable per person', () => {
  it('high 14/28, normal 30/60, low 90/180', () => {
    expect(cadenceOf({ priority: 'high', idealDays: null, maxDays: null })).toEqual({ idealDays: 14, maxDays: 28 });
    expect(cadenceOf({ priority: 'normal', idealDays: null, maxDays: null })).toEqual({ idealDays: 30, maxDays: 60 });
    expect(cadenceOf({ priority: 'low', idealDays: null, maxDays: null })).toEqual({ idealDays: 90, maxDays: 180 });
  });
  it("uses the person's own interval, and never a maximum below the ideal", () => {
    expect(cadenceOf({ priority: 'high', idealDays: 7, maxDays: null })).toEqual({ idealDays: 7, maxDays: 28 });
    expect(cadenceOf({ priority: 'low', idealDays: 200, maxDays: null })).toEqual({ idealDays: 200, maxDays: 200 });
  });
  it('uses the defaults the user set', () => {
    const mine = { ...DEFAULT_CADENCES, normal: { idealDays: 21, maxDays: 42 } };
    expect(cadenceOf({ priority: 'normal', idealDays: null, maxDays: null }, mine)).toEqual({
      idealDays: 21,
      maxDays: 42,
    });
  });
});

describe('status: green until the ideal interval has passed, amber after it, red after the maximum', () => {
  const cadence = { idealDays: 30, maxDays: 60 };
  it.each([
    [0, 'green'],
    [30, 'green'],
    [31, 'amber'],
    [60, 'amber'],
    [61, 'red'],
  ] as const)('%i days: %s', (days, status) => {
    expect(statusOf(days, cadence)).toBe(status);
  });
});

describe("days since the last contact, in calendar days of the user's zone", () => {
  it('across a month end, in a common and a leap year', () => {
    expect(daysSince(at('2027-01-31T12:00:00Z'), at('2027-03-01T12:00:00Z'), 'UTC')).toBe(29);
    expect(daysSince(at('2028-01-31T12:00:00Z'), at('2028-03-01T12:00:00Z'), 'UTC')).toBe(30);
    expect(daysSince(at('2026-12-31T22:00:00Z'), at('2027-01-01T08:00:00Z'), 'UTC')).toBe(1);
  });

  it('across daylight-saving changes: a 23- or 25-hour day is still one day', () => {
    // Berlin: clocks go back on 2026-10-25 and forward on 2027-03-28.
    expect(daysSince(at('2026-10-24T18:00:00Z'), at('2026-10-25T19:00:00Z'), 'Europe/Berlin')).toBe(1);
    expect(daysSince(at('2027-03-27T18:00:00Z'), at('2027-03-28T17:00:00Z'), 'Europe/Berlin')).toBe(1);
    // New York: 2026-11-01 back, 2027-03-14 forward; thirty days across the change are thirty days.
    expect(daysSince(at('2026-10-15T14:00:00Z'), at('2026-11-14T15:00:00Z'), 'America/New_York')).toBe(30);
    expect(daysSince(at('2027-03-01T15:00:00Z'), at('2027-03-31T14:00:00Z'), 'America/New_York')).toBe(30);
  });

  it('depends on the zone the user lives in: the same two instants are 0 or 1 day apart', () => {
    const met = at('2026-11-24T23:30:00Z');
    const now = at('2026-11-25T00:30:00Z');
    expect(daysSince(met, now, 'UTC')).toBe(1);
    expect(daysSince(met, now, 'America/New_York')).toBe(0);
    expect(daysSince(met, now, 'Asia/Tokyo')).toBe(0);
    expect(daysSince(at('2026-11-24T14:30:00Z'), at('2026-11-24T15:30:00Z'), 'Asia/Tokyo')).toBe(1);
  });

  it('is never negative (a contact logged for later today)', () => {
    expect(daysSince(at('2026-11-25T18:00:00Z'), at('2026-11-25T09:00:00Z'), 'UTC')).toBe(0);
  });
});
