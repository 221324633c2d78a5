import { describe, expect, it } from 'vitest';
import { viewOfBooking, viewOfOutcome } from '../../lib/content/control-state';
import type { LogOutcome } from '../../lib/logging/meeting-log';

describe('what the control says for each outcome', () => {
  const cases: Array<[LogOutcome, string, string]> = [
    [{ status: 'logged', people: 4 }, 'Logged · 4 people', ''],
    [{ status: 'logged', people: 1 }, 'Logged · 1 person', ''],
    [{ status: 'already-logged', people: 4 }, 'Logged · 4 people', 'Already in your log: nothing changed.'],
    [
      { status: 'not-started' },
      'Note as booked',
      "This meeting hasn't started yet. Note it as booked, and its people are not counted as needing you until then.",
    ],
    [{ status: 'declined' }, 'Log meeting', 'Not logged: you declined this meeting.'],
    [{ status: 'no-one' }, 'Log meeting', 'No one to log: there are no other guests.'],
    [
      { status: 'needs-confirmation', count: 40, limit: 25 },
      'Log 40 people?',
      'This meeting has 40 people, over your limit of 25. Click again to log them all.',
    ],
    [{ status: 'logged', people: 3, groups: 1 }, 'Logged · 3 people · 1 group not counted', ''],
    [{ status: 'logged', people: 3, groups: 2 }, 'Logged · 3 people · 2 groups not counted', ''],
    [
      { status: 'logged', people: 19, partial: { shown: 20, total: 32 } },
      'Logged · 19 people',
      'Logged 20 of 32 guests: Calendar showed 20.',
    ],
    [{ status: 'no-one', groups: 1 }, 'Log meeting', 'No one to log: there are no other guests (1 group not counted).'],
    [
      { status: 'no-one', partial: { shown: 0, total: 32 } },
      'Log meeting',
      "Not logged: Calendar isn't showing this meeting's 32 guests. Open the guest list in the card, then log again.",
    ],
    [
      { status: 'response-unknown' },
      'Log anyway',
      "Bridges can't tell whether you declined this meeting: Calendar's page doesn't say clearly.",
    ],
    [
      { status: 'invalid' },
      'Log meeting',
      "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
    ],
  ];
  for (const [outcome, label, message] of cases) {
    it(`${outcome.status}: ${label}${message ? `, "${message}"` : ''}`, () => {
      const view = viewOfOutcome(outcome);
      expect([view.label, view.message]).toEqual([label, message]);
      // The button names its action: logging, except for a meeting to come, which it notes as booked.
      expect(view.label.startsWith(outcome.status === 'not-started' ? 'Note' : 'Log')).toBe(true);
    });
  }
});

describe('what the control says of a meeting to come', () => {
  it.each([
    [{ status: 'booked', people: 4 }, 'Booked · 4 people', 'Noted: once it has happened, log it here.'],
    [{ status: 'already-booked', people: 1 }, 'Booked · 1 person', 'Already noted as booked: nothing changed.'],
    [{ status: 'declined' }, 'Note as booked', 'Not noted: you declined this meeting.'],
    [{ status: 'no-one' }, 'Note as booked', 'Nothing to note: there are no other guests.'],
    [{ status: 'started' }, 'Log meeting', 'This meeting has started: log it instead.'],
    [
      { status: 'response-unknown' },
      'Note as booked anyway',
      "Bridges can't tell whether you declined this meeting: Calendar's page doesn't say clearly.",
    ],
    [
      { status: 'needs-confirmation', count: 40, limit: 25 },
      'Note 40 people as booked?',
      'This meeting has 40 people, over your limit of 25. Click again to note them all as booked.',
    ],
  ] as const)('%o: %s', (outcome, label, message) => {
    const view = viewOfBooking(outcome);
    expect([view.label, view.message]).toEqual([label, message]);
    expect(view.next).toBe(outcome.status === 'started' ? 'log' : 'book');
  });
});

describe('what the next click asks for', () => {
  it('confirms a large meeting, logs anyway an unclear one, and offers a bug report only when unreadable', () => {
    expect(viewOfOutcome({ status: 'needs-confirmation', count: 40, limit: 25 }).next).toBe('confirm');
    expect(viewOfOutcome({ status: 'response-unknown' }).next).toBe('anyway');
    expect(viewOfOutcome({ status: 'logged', people: 2 }).next).toBe('log');
    expect(viewOfOutcome({ status: 'not-started' }).next).toBe('book');
    expect(viewOfOutcome({ status: 'invalid' }).offerReport).toBe(true);
    expect(viewOfOutcome({ status: 'declined' }).offerReport).toBe(false);
  });
});
