import { describe, expect, it } from 'vitest';
import { needsAction, type RankedPerson, rankNeglected } from '../../lib/relationships/rank';
import { DAY, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (days: number) => NOW - days * DAY;

describe('neglect ranking', () => {
  it('orders by how far past their cadence people are, weighted by priority', () => {
    const people = [
      person('recent@a.example', ago(3)),
      person('normal-45@a.example', ago(45)), // 1.5 x ideal, weight 2 -> 3.0
      person('high-20@a.example', ago(20), { priority: 'high' }), // 1.43 x ideal, weight 3 -> 4.3
      person('low-200@a.example', ago(200), { priority: 'low' }), // 2.2 x ideal, weight 1 -> 2.2
      person('own-cadence@a.example', ago(10), { idealDays: 2 }), // 5 x ideal, weight 2 -> 10
    ];
    const ranked = rankNeglected(people, { now: NOW, timeZone: 'UTC' });
    expect(ranked.map((r) => [r.person.email, r.status])).toEqual([
      ['own-cadence@a.example', 'amber'],
      ['high-20@a.example', 'amber'],
      ['normal-45@a.example', 'amber'],
      ['low-200@a.example', 'red'],
      ['recent@a.example', 'green'],
    ]);
  });

  it('leaves out my team, ignored people, people snoozed until later, and me', () => {
    const people = [
      person('team@a.example', ago(90), { team: true }),
      person('ignored@a.example', ago(90), { ignored: true }),
      person('snoozed@a.example', ago(90), { snoozedUntil: NOW + DAY }),
      person('snooze-over@a.example', ago(90), { snoozedUntil: NOW - 1 }),
      person('me@a.example', ago(90)),
    ];
    const ranked = rankNeglected(people, { now: NOW, myEmails: ['me@a.example'] });
    expect(ranked.map((r) => r.person.email)).toEqual(['snooze-over@a.example']);
  });

  it('breaks ties by who was met longest ago, then by name', () => {
    const people = [
      person('b@a.example', ago(40)),
      person('a@a.example', ago(40)),
      person('c@a.example', ago(40) - 1000),
    ];
    expect(rankNeglected(people, { now: NOW, timeZone: 'UTC' }).map((r) => r.person.email)).toEqual([
      'c@a.example',
      'a@a.example',
      'b@a.example',
    ]);
  });

  it('uses the cadence defaults the user set', () => {
    const cadences = {
      high: { idealDays: 14, maxDays: 28 },
      normal: { idealDays: 5, maxDays: 10 },
      low: { idealDays: 90, maxDays: 180 },
    };
    expect(rankNeglected([person('x@a.example', ago(11))], { now: NOW, cadences })[0]?.status).toBe('red');
  });

  it('orders as one comparison would: those needing action first, then by score, met longest ago, name', () => {
    // The reference: the whole rule as a single comparison, over many people with ties at every step.
    const byRule = (a: RankedPerson, b: RankedPerson) =>
      Number(needsAction(b)) - Number(needsAction(a)) ||
      b.score - a.score ||
      a.person.lastMetAt - b.person.lastMetAt ||
      a.person.displayName.localeCompare(b.person.displayName);
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const priorities = ['high', 'normal', 'low'] as const;
    const names = ['Ana', 'ana', 'Émile', 'Zoë', 'Bo', 'Ana'];
    const people = Array.from({ length: 600 }, (_, i) =>
      person(`p${i}@a.example`, ago(next(120)) - next(3) * 1000, {
        displayName: names[next(names.length)] ?? 'Ana',
        priority: priorities[next(3)] ?? 'normal',
        nextMeetingAt: next(5) === 0 ? NOW + DAY : null,
        planningSince: next(6) === 0 ? NOW - DAY : null,
      }),
    );
    const ranked = rankNeglected(people, { now: NOW, timeZone: 'UTC' });
    const expected = [...ranked].sort(byRule);
    expect(ranked.map((r) => r.person.email)).toEqual(expected.map((r) => r.person.email));
    expect(ranked.filter((r) => !needsAction(r)).length).toBeGreaterThan(100);
    expect(ranked.findIndex((r) => !needsAction(r))).toBe(ranked.filter(needsAction).length);
  });
});
