import { afterEach, describe, expect, it } from 'vitest';
import { calendarDaysBetween, dayNumber, dayNumberAt } from '../../lib/relationships/calendar-day';

const HOUR = 3_600_000;
const ZONES = ['Europe/London', 'America/Adak', 'Pacific/Kiritimati', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
const originalZone = process.env.TZ;

/** The day number the long way: the computer's calendar date, read field by field. */
function byFields(at: number): number {
  const d = new Date(at);
  return dayNumber({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

describe('dayNumberAt', () => {
  afterEach(() => {
    // Assigning undefined would set the text "undefined": an unset zone is put back unset.
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  // Node reads TZ again when it is assigned, so each zone is the computer's in turn.
  it.each(ZONES)("counts the computer's calendar day in %s, across its changes of offset", (zone) => {
    process.env.TZ = zone;
    // The zone really is the computer's now (as Intl names it: Kathmandu is "Katmandu" to it).
    const named = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(named);
    const from = Date.UTC(2025, 11, 25);
    const wrong: string[] = [];
    // Every 37 minutes for a year and a half: each side of every midnight and every change of offset.
    for (let at = from; at < from + 550 * 24 * HOUR; at += 37 * 60_000) {
      if (dayNumberAt(at) !== byFields(at)) wrong.push(new Date(at).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('counts the day in a zone given by name as the fields there say', () => {
    const at = Date.UTC(2026, 2, 29, 0, 30); // 00:30 UTC: still the 28th in New York, the 29th in London
    expect(dayNumberAt(at, 'America/New_York')).toBe(dayNumber({ year: 2026, month: 3, day: 28 }));
    expect(dayNumberAt(at, 'Europe/London') - dayNumberAt(at, 'America/New_York')).toBe(1);
  });

  it('before 1970 too', () => {
    process.env.TZ = 'Europe/London';
    const at = Date.UTC(1931, 5, 14, 23, 30);
    expect(dayNumberAt(at)).toBe(byFields(at));
    expect(calendarDaysBetween(at, at + 2 * HOUR)).toBe(byFields(at + 2 * HOUR) - byFields(at));
  });
});
