import { describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { buildPopupModel } from '../../lib/popup/model';
import { isBooked, isPlanning } from '../../lib/relationships/booking';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { bookedText, nextStepText } from '../../lib/relationships/labels';
import { assess, rankNeglected } from '../../lib/relationships/rank';
import { remindable } from '../../lib/reminders/digest';
import { DAY, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('booked and being planned', () => {
  it('booked: a next meeting that has not passed by more than a day', () => {
    expect(isBooked({ nextMeetingAt: null }, NOW)).toBe(false);
    expect(isBooked({ nextMeetingAt: NOW + DAY }, NOW)).toBe(true);
    expect(isBooked({ nextMeetingAt: NOW - DAY / 2 }, NOW)).toBe(true);
    expect(isBooked({ nextMeetingAt: NOW - DAY }, NOW)).toBe(false);
  });

  it('planning: a week from the click, until a meeting is booked or has happened', () => {
    const p = person('a@x.example', NOW - 70 * DAY, { planningSince: NOW - 2 * DAY });
    expect(isPlanning(p, NOW)).toBe(true);
    expect(isPlanning(p, NOW + 5 * DAY - 1)).toBe(true);
    expect(isPlanning(p, NOW + 5 * DAY)).toBe(false); // seven days after the click
    expect(isPlanning({ ...p, nextMeetingAt: NOW + DAY }, NOW)).toBe(false);
    expect(isPlanning({ ...p, lastMetAt: NOW - DAY }, NOW)).toBe(false); // met since the click
    expect(isPlanning({ ...p, planningSince: null }, NOW)).toBe(false);
  });

  it('says the day of the next meeting', () => {
    expect(bookedText(NOW + 3_600_000, NOW, 'UTC')).toBe('Booked today');
    expect(bookedText(NOW + DAY, NOW, 'UTC')).toBe('Booked tomorrow');
    expect(bookedText(Date.parse('2027-03-04T10:00:00Z'), NOW, 'UTC')).toBe('Booked Thu 4 Mar');
  });

  it('names the next step: the booked day, else the catch-up being planned, else nothing', () => {
    const next = (p: Person) => nextStepText(assess(p, { now: NOW }), NOW, 'UTC');
    const met = person('a@x.example', NOW - 70 * DAY);
    expect(next(met)).toBeNull();
    expect(next({ ...met, planningSince: NOW - DAY })).toBe('Catch-up being planned');
    expect(next({ ...met, planningSince: NOW - DAY, nextMeetingAt: NOW + DAY })).toBe('Booked tomorrow');
    expect(next({ ...met, nextMeetingAt: NOW - 2 * DAY })).toBeNull(); // passed without being logged
  });
});

describe('who needs the user', () => {
  const people = [
    person('booked@x.example', NOW - 90 * DAY, { nextMeetingAt: NOW + 3 * DAY, priority: 'high' }),
    person('planning@x.example', NOW - 80 * DAY, { planningSince: NOW - DAY }),
    person('overdue@x.example', NOW - 70 * DAY),
    person('due@x.example', NOW - 40 * DAY),
  ];

  it('the popup lists those who need the user first; status stays honest', () => {
    const ranked = rankNeglected(people, { now: NOW, timeZone: 'UTC' });
    expect(ranked.map((r) => r.person.email)).toEqual([
      'overdue@x.example',
      'due@x.example',
      'booked@x.example',
      'planning@x.example',
    ]);
    expect(ranked.find((r) => r.booked)?.status).toBe('red');
  });

  it('the headline counts overdue and due who need the user, and says how many are booked or being planned', () => {
    const model = buildPopupModel(people, [], { myEmails: [], internalDomains: [], cadences: DEFAULT_CADENCES }, NOW);
    expect([model.overdue, model.due, model.booked, model.planning]).toEqual([1, 1, 1, 1]);
  });

  it('the badge and the digest count only those who need the user', () => {
    const entries = remindable(people, {
      now: NOW,
      settings: { counts: 'red', highOnly: false },
      cadences: DEFAULT_CADENCES,
      myEmails: [],
    });
    expect(entries.map((e) => e.person.email)).toEqual(['overdue@x.example']);
  });
});
