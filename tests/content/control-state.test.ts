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
    [
      { status: 'invalid' },
      'Log meeting',
      "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
    ],
  ];
  for (const [outcome, label, message] of cases) {
    it(outcome.status, () => {
      const view = viewOfOutcome(outcome);
      expect([view.label, view.message]).toEqual([label, message]);
      expect(view.label.startsWith('Log')).toBe(true);
    });
  }
});
