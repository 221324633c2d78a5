// @vitest-environment happy-dom
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { readEventCard } from '../../lib/calendar/google/card';
import { findCard } from '../../lib/calendar/google/selectors';
import {
  daysToLatestPastWeek,
  SAVED_WEEK_END,
  shiftCalendarPage,
  shiftEventId,
  shiftedWeekUrl,
} from '../helpers/calendar-shift';
import { fixtureHtml } from '../helpers/fixtures';

// The saved cards show late November 2026. Shifted, they must read as the same meetings, whole weeks away.
const NOW = Date.UTC(2026, 11, 1);
const NY = 'America/New_York';
const read = (html: string, now: number) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const reading = readEventCard(doc, findCard(doc), { now, fallbackTimeZone: 'Pacific/Auckland' });
  if (!reading.ok) throw new Error(reading.message);
  return reading.event;
};
const onWallClock = (ms: number, days: number) => addDays(new TZDate(ms, NY), days).getTime();
const ENGLISH = ['en-12h', 'en-24h', 'recurring', 'declined', 'large', 'hostile', 'all-day', 'cross-midnight', 'solo'];

describe('shifting saved Calendar pages by whole weeks', () => {
  for (const days of [-7, -364, 210]) {
    for (const name of ENGLISH) {
      it(`${name}: ${days} days later is the same meeting, ${days} days later on New York's clock`, () => {
        const html = fixtureHtml(`dialog.${name}.html`);
        const before = read(html, NOW);
        const after = read(shiftCalendarPage(html, days), NOW + days * 86_400_000);
        expect(after).toEqual({
          ...before,
          eventId: after.eventId,
          start: onWallClock(before.start, days),
          end: onWallClock(before.end, days),
        });
        // Only a recurring instance's id carries its date.
        if (name === 'recurring') expect(after.eventId).not.toBe(before.eventId);
        else expect(after.eventId).toBe(before.eventId);
      });
    }
  }

  it('moves the recurring instance stamp on the wall clock, across a change to summer time', () => {
    const weekly = 'YjAyOHR2YXNyZjQwMzlzaTFtZzQ0Z2Fza2VfMjAyNjExMjNUMTUwMDAwWiBhbGV4Lm1vcmdhbkBleGFtcGxlLmNvbQ';
    const text = (id: string) => Buffer.from(id, 'base64').toString('utf8');
    expect(text(shiftEventId(weekly, -7))).toBe('b028tvasrf4039si1mg44gaske_20261116T150000Z alex.morgan@example.com');
    // 10:00 in New York is 14:00 UTC in summer.
    expect(text(shiftEventId(weekly, 210))).toBe('b028tvasrf4039si1mg44gaske_20270621T140000Z alex.morgan@example.com');
  });

  it('rewrites dates in the text, week ranges across months and years included', () => {
    const page = '<p>Week of November 22, 2026</p><p>November 22 – 28, 2026</p><p>Tuesday, November 24</p>';
    expect(shiftCalendarPage(page, 7)).toBe(
      '<p>Week of November 29, 2026</p><p>November 29 – December 5, 2026</p><p>Tuesday, December 1</p>',
    );
    expect(shiftCalendarPage(page, 35)).toBe(
      '<p>Week of December 27, 2026</p><p>December 27, 2026 – January 2, 2027</p><p>Tuesday, December 29</p>',
    );
    expect(shiftCalendarPage('<div data-datekey="29048" data-start-date-key="29046"></div>', 42)).toBe(
      '<div data-datekey="29221" data-start-date-key="29219"></div>', // 5 and 3 January 2027,
    );
    expect(() => shiftCalendarPage(page, 3)).toThrow(/whole weeks/);
  });

  it('puts the saved week just before now, whatever now is', () => {
    expect(daysToLatestPastWeek(SAVED_WEEK_END)).toBe(0);
    expect(daysToLatestPastWeek(SAVED_WEEK_END - 1)).toBe(-7);
    expect(daysToLatestPastWeek(Date.parse('2026-11-23T19:00:00Z'))).toBe(-7);
    expect(daysToLatestPastWeek(Date.parse('2027-03-01T00:00:00Z'))).toBe(91);
    expect(shiftedWeekUrl(-7)).toBe('https://calendar.google.com/calendar/u/0/r/week/2026/11/17');
  });
});
