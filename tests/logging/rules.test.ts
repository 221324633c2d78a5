import { describe, expect, it } from 'vitest';
import { parseCalendarEvent } from '../../lib/logging/event-schema';
import { DEFAULT_MEETING_RULES, judge, judgePageEvent, userDeclined } from '../../lib/logging/rules';
import { calendarEvent, guest, HOUR, SELF } from '../helpers/events';

const START = Date.UTC(2026, 10, 24, 18);
const options = { now: START + 2 * HOUR, myEmails: [SELF], rules: DEFAULT_MEETING_RULES, confirmed: false };
const group = guest('eng-leads@example.com', { name: 'Engineering leads', group: true });

describe('who counts as a person, and what the control is told was left out', () => {
  it('a Google Group is never a person; the verdict counts it', () => {
    const verdict = judgePageEvent(calendarEvent(START, { guests: [...calendarEvent(START).guests, group] }), options);
    expect(verdict).toMatchObject({ kind: 'log', groups: 1, partial: null });
    expect(verdict.kind === 'log' && verdict.attendees.map((a) => a.email)).not.toContain('eng-leads@example.com');
  });

  it('a meeting with only a group besides the user has no one to log, and says the group was not counted', () => {
    const event = calendarEvent(START, { guests: [guest(SELF), group] });
    expect(judgePageEvent(event, options)).toEqual({ kind: 'no-one', groups: 1, partial: null });
  });

  it('a shortened list is logged as far as it goes, and says so', () => {
    const event = calendarEvent(START, { partialGuests: { shown: 6, total: 32 } });
    expect(judgePageEvent(event, options)).toMatchObject({ kind: 'log', partial: { shown: 6, total: 32 } });
  });
});

describe("the user's own answer", () => {
  it('an unknown answer asks the user before logging, and "log anyway" logs', () => {
    const event = calendarEvent(START, { selfResponse: 'unknown' });
    expect(judgePageEvent(event, options)).toEqual({ kind: 'response-unknown' });
    expect(judgePageEvent(event, { ...options, logAnyway: true }).kind).toBe('log');
  });

  it('asks only when it would log: a future meeting or one with no one else says so first', () => {
    expect(
      judgePageEvent(calendarEvent(START, { selfResponse: 'unknown' }), { ...options, now: START - HOUR }).kind,
    ).toBe('not-started');
    const alone = calendarEvent(START, { selfResponse: 'unknown', guests: [guest(SELF)] });
    expect(judgePageEvent(alone, options).kind).toBe('no-one');
  });

  it('asks before the guest limit, and after "log anyway" the limit still asks its own question', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => guest(`p${i}@bigco.example`));
    const event = calendarEvent(START, { selfResponse: 'unknown', guests: crowd });
    expect(judgePageEvent(event, options).kind).toBe('response-unknown');
    expect(judgePageEvent(event, { ...options, logAnyway: true }).kind).toBe('needs-confirmation');
    expect(judgePageEvent(event, { ...options, logAnyway: true, confirmed: true }).kind).toBe('log');
  });

  it("a page's verdict on the signed-in user stands; the rows of the user's other addresses still count", () => {
    const conflict = calendarEvent(START, {
      selfResponse: 'unknown',
      guests: [guest(SELF, { response: 'declined' }), guest('priya.raman@example.com')],
    });
    expect(userDeclined(conflict, [SELF])).toBe(false);
    const otherAddress = calendarEvent(START, {
      selfResponse: 'accepted',
      guests: [guest('alex@home.example', { response: 'declined' }), guest('priya.raman@example.com')],
    });
    expect(userDeclined(otherAddress, [SELF, 'alex@home.example'])).toBe(true);
    expect(userDeclined(calendarEvent(START, { selfResponse: 'declined' }), [SELF])).toBe(true);
  });

  it('an event from a calendar file (no selfResponse) is judged as before: the own row decides', () => {
    const fromFile = calendarEvent(START, { guests: [guest(SELF, { response: 'declined' }), guest('p@x.example')] });
    expect(judge(fromFile, options).kind).toBe('declined');
    expect(judgePageEvent(fromFile, options).kind).toBe('declined');
  });
});

describe('the event schema takes the new fields, all optional', () => {
  it('accepts a page event with its answer, a partial list and a group, and a file event without them', () => {
    const page = calendarEvent(START, {
      selfResponse: 'unknown',
      partialGuests: { shown: 20, total: 32 },
      guests: [group],
    });
    expect(parseCalendarEvent(page)).toEqual(page);
    expect(parseCalendarEvent(calendarEvent(START))).toEqual(calendarEvent(START));
  });

  it('refuses a partial list that is not partial, and an answer it does not know', () => {
    expect(parseCalendarEvent(calendarEvent(START, { partialGuests: { shown: 32, total: 32 } }))).toBeNull();
    expect(parseCalendarEvent({ ...calendarEvent(START), selfResponse: 'maybe' })).toBeNull();
    expect(parseCalendarEvent({ ...calendarEvent(START), guests: [{ ...group, group: 'yes' }] })).toBeNull();
  });
});
