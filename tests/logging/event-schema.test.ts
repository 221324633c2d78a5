import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../lib/commands/log-meeting';
import { parseCalendarEvent } from '../../lib/logging/event-schema';
import { sentenceOf } from '../../lib/schema';
import { calendarEvent } from '../helpers/events';

const START = Date.UTC(2026, 10, 24, 18);
const FALLBACK = "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.";
const DATES = "Bridges can't read this event: its dates are not between 1900 and 2200. Nothing was saved.";

/**
 * What a content script is told of a click on `event`, by the logging command's own schema and sentence as the
 * background's dispatch says it: null when it is an event.
 */
const told = (event: unknown) => {
  const result = v.safeParse(logMeeting.input, { event, confirmed: false });
  return result.success ? null : sentenceOf(result.issues, logMeeting.unreadable ?? '');
};

// The event a content script read from Calendar's page is checked by the rules of lib/schema.ts, with the limits
// of its own and the event's sentences: of its dates, that they are out of range; of anything else, the command's.
describe('the event a content script sends', () => {
  it('takes an event as the page gives it', () => {
    expect(told(calendarEvent(START))).toBeNull();
  });

  it('says of dates out of range that they are, and of anything else the command sentence', () => {
    expect(told({ ...calendarEvent(START), start: Date.UTC(1850, 0, 1) })).toBe(DATES);
    expect(told({ ...calendarEvent(START), end: Date.UTC(2300, 0, 1) })).toBe(DATES);
    expect(told({ ...calendarEvent(START), start: START + 0.5 })).toBe(FALLBACK);
    expect(told({ ...calendarEvent(START), title: 'x'.repeat(2001) })).toBe(FALLBACK);
    expect(told({ ...calendarEvent(START), title: 7 })).toBe(FALLBACK);
    expect(told({ ...calendarEvent(START), partialGuests: { shown: -1, total: 3 } })).toBe(FALLBACK);
  });

  it('counts guests up to 100,000', () => {
    expect(parseCalendarEvent(calendarEvent(START, { partialGuests: { shown: 2, total: 100_000 } }))).not.toBeNull();
    expect(parseCalendarEvent(calendarEvent(START, { partialGuests: { shown: 2, total: 100_001 } }))).toBeNull();
  });
});
