import { describe, expect, it } from 'vitest';
import { viewOfOutcome } from '../../lib/content/control-state';
import type { LogOutcome } from '../../lib/logging/service';

describe('what the control says for each outcome', () => {
  const cases: Array<[LogOutcome, string, string]> = [
    [{ status: 'logged', people: 4 }, 'Logged · 4 people', ''],
    [{ status: 'logged', people: 1 }, 'Logged · 1 person', ''],
    [{ status: 'already-logged', people: 4 }, 'Logged · 4 people', 'Already in your log: nothing changed.'],
    [{ status: 'not-started' }, 'Log meeting', "Not logged: this meeting hasn't started yet."],
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
      expect(view.label.startsWith('Log')).toBe(true);
    });
  }
});

describe('what the next click asks for', () => {
  it('confirms a large meeting, logs anyway an unclear one, and offers a bug report only when unreadable', () => {
    expect(viewOfOutcome({ status: 'needs-confirmation', count: 40, limit: 25 }).next).toBe('confirm');
    expect(viewOfOutcome({ status: 'response-unknown' }).next).toBe('anyway');
    expect(viewOfOutcome({ status: 'logged', people: 2 }).next).toBe('log');
    expect(viewOfOutcome({ status: 'invalid' }).offerReport).toBe(true);
    expect(viewOfOutcome({ status: 'declined' }).offerReport).toBe(false);
  });
});
