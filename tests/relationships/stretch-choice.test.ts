import { describe, expect, it } from 'vitest';
import { rankNeglected } from '../../lib/relationships/rank';
import { chooseStretchPick, weekKeyOf } from '../../lib/relationships/stretch-choice';
import { DAY, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (days: number) => NOW - days * DAY;

describe('the weekly stretch pick', () => {
  it('prefers the group touched least recently, then the person not met for longest', () => {
    const people = [
      person('a1@finance.example', ago(70)),
      person('a2@finance.example', ago(2)), // finance was touched two days ago
      person('b1@partner.example', ago(40)),
      person('b2@partner.example', ago(45)), // partner last touched 40 days ago: the least recent group
      person('c1@customer.example', ago(35), { team: true }),
    ];
    const ranked = rankNeglected(people, { now: NOW, timeZone: 'UTC' });
    expect(chooseStretchPick(ranked, people)?.email).toBe('b2@partner.example');
  });

  it('picks no one when everyone is on track', () => {
    const people = [person('a@x.example', ago(1))];
    expect(chooseStretchPick(rankNeglected(people, { now: NOW }), people)).toBeNull();
  });

  it("is kept per ISO week in the user's zone", () => {
    expect(weekKeyOf(Date.parse('2026-11-25T12:00:00Z'), 'UTC')).toBe('2026-W48');
    expect(weekKeyOf(Date.parse('2026-11-29T23:30:00Z'), 'UTC')).toBe('2026-W48');
    expect(weekKeyOf(Date.parse('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W49');
    expect(weekKeyOf(Date.parse('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
  });
});
