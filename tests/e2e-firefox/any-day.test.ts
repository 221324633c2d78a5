import { describe, expect, it } from 'vitest';
import { lastMetText } from '../../lib/relationships/labels';
import { rankNeglected } from '../../lib/relationships/rank';
import { seedPerson } from '../e2e/seed';
import { daysToLatestPastWeek, SAVED_WEEK_END } from '../helpers/calendar-shift';
import { POPUP_SEEDS } from './popup-seeds';

// Firefox's end-to-end tests run on the real clock. What they expect must hold whatever the day they run: this
// checks it for every day of two years (daylight saving twice each way), at hours around midnight and noon, in the zones the suite uses and
// two with daylight saving, with the popup reading up to an hour after the data was seeded.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONES = ['UTC', 'Asia/Kolkata', 'America/New_York', 'Pacific/Auckland'];
const START = Date.parse('2026-01-01T00:00:00Z');
const DAYS = 2 * 366;

function* moments(): Generator<number> {
  for (let d = 0; d < DAYS; d++) for (const hour of [0, 0.5, 12, 23.5]) yield START + d * DAY + hour * HOUR;
}

describe('the Firefox suite on any day', () => {
  it('the popup test shows the same words, statuses and order whatever the day, hour and zone', () => {
    const expectedOrder = POPUP_SEEDS.filter((s) => s.listed).map((s) => s.email);
    let checked = 0;
    for (const timeZone of ZONES) {
      for (const seededAt of moments()) {
        const people = POPUP_SEEDS.map((s) => seedPerson(s.email, s.name, seededAt, s.daysAgo, s.patch));
        for (const readAt of [seededAt, seededAt + HOUR]) {
          const ranked = rankNeglected(people, { now: readAt, timeZone });
          const at = `${new Date(readAt).toISOString()} in ${timeZone}`;
          expect(
            ranked.map((r) => r.person.email),
            at,
          ).toEqual(expectedOrder);
          for (const seed of POPUP_SEEDS) {
            if (seed.lastMet === null) continue;
            const person = people.find((p) => p.email === seed.email);
            expect(lastMetText(person?.lastMetAt ?? 0, readAt, timeZone), `${seed.email} at ${at}`).toBe(seed.lastMet);
          }
          for (const r of ranked) {
            expect(r.status, `${r.person.email} at ${at}`).toBe(
              POPUP_SEEDS.find((s) => s.email === r.person.email)?.status,
            );
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(ZONES.length * DAYS * 4 * 2);
  }, 60_000);

  it('the saved Calendar week is moved to a week that has wholly passed, never more than a week back', () => {
    for (const now of moments()) {
      const end = SAVED_WEEK_END + daysToLatestPastWeek(now) * DAY;
      expect(end).toBeLessThanOrEqual(now);
      expect(now - end).toBeLessThan(7 * DAY + 2 * HOUR);
    }
  });
});
