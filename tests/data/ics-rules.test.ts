import { describe, expect, it } from 'vitest';
import { type Budget, recurSteps } from '../../lib/data/ics/recur-steps';
import { type Rule, readRule } from '../../lib/data/ics/rules';
import { type Wall, wallMs } from '../../lib/data/ics/wall';

const wall = (year: number, month: number, day: number, hour = 0): Wall => ({
  year,
  month,
  day,
  hour,
  minute: 0,
  second: 0,
});

function rule(raw: string): Rule {
  const read = readRule(raw);
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

describe('readRule: each part read by its own reader', () => {
  it('reads every part it knows, and leaves out the others', () => {
    expect(readRule(' freq = weekly ; interval=2; COUNT=10; WKST=MO; BYDAY=MO, WE ;X-EXT=1')).toEqual({
      freq: 'WEEKLY',
      interval: 2,
      count: 10,
      until: null,
      parts: { BYDAY: ['MO', 'WE'] },
      wkst: 'MO',
      dropped: [],
    });
  });

  it('keeps the readable values of a part and names the part it read only in part', () => {
    const read = rule('FREQ=MONTHLY;BYMONTHDAY=0,15,40;BYDAY=1MO,XX;WKST=XX');
    expect(read.parts).toEqual({ BYMONTHDAY: [15], BYDAY: ['1MO'] });
    expect(read.dropped).toEqual(['BYMONTHDAY=0,15,40', 'BYDAY=1MO,XX', 'WKST=XX']);
  });

  it('reads a count or an interval that means nothing as none', () => {
    expect(rule('FREQ=DAILY;COUNT=-1;INTERVAL=0')).toMatchObject({ count: null, interval: 1 });
    expect(rule('FREQ=DAILY;COUNT=0;INTERVAL=x')).toMatchObject({ count: null, interval: 1 });
  });

  it('says why a rule cannot be followed, as a result', () => {
    expect(readRule('BYDAY=MO')).toEqual({ problem: 'its repeat rule has no frequency (FREQ)' });
    expect(readRule('FREQ=FORTNIGHTLY')).toEqual({ problem: 'its repeat rule has an unknown frequency (FORTNIGHTLY)' });
    expect(readRule('FREQ=DAILY;UNTIL=soon')).toEqual({
      problem: "its repeat rule's end (UNTIL=SOON) is not a date",
    });
    expect(readRule('FREQ=WEEKLY;BYDAY=XX')).toEqual({ problem: 'its repeat rule has an unreadable day (XX)' });
    expect(readRule('FREQ=YEARLY;BYMONTH=13')).toEqual({ problem: 'its repeat rule has an impossible BYMONTH (13)' });
  });
});

describe('recurSteps: ical.js stepped with every step counted, each step an instance or why there is none', () => {
  const steps = (raw: string, start: Wall, last: Wall, budget: Budget) =>
    recurSteps(rule(raw), start, false, rule(raw).count, wallMs(last), budget);

  it('gives the instances, then done', () => {
    const rs = steps('FREQ=DAILY;COUNT=2', wall(2026, 1, 1, 9), wall(2027, 1, 1), { steps: 1000 });
    expect([rs?.next(), rs?.next(), rs?.next()]).toEqual([wall(2026, 1, 1, 9), wall(2026, 1, 2, 9), 'done']);
  });

  it('stops a rule that has no instance when the budget is spent, without throwing', () => {
    const budget = { steps: 1000 };
    const rs = steps('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', wall(2026, 1, 1), wall(2100, 1, 1), budget);
    // ical.js gives its anchor first, matching or not (the expansion filters it); the search begins after it.
    expect(rs?.next()).toEqual(wall(2026, 1, 1));
    expect(rs?.next()).toBe('exhausted');
    expect(budget.steps).toBeLessThan(0);
  });

  it("stops the search for a rare instance once it is past the window's end", () => {
    const budget = { steps: 1_000_000 };
    const rs = steps('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29', wall(2025, 3, 1), wall(2025, 6, 1), budget);
    expect(rs?.next()).toEqual(wall(2025, 3, 1));
    expect(rs?.next()).toBe('past-end');
    expect(budget.steps).toBeGreaterThan(1_000_000 - 1000);
  });

  it('is null for a rule ical.js refuses', () => {
    const refused = { ...rule('FREQ=DAILY'), freq: 'FORTNIGHTLY' } as unknown as Rule;
    expect(recurSteps(refused, wall(2026, 1, 1), false, null, wallMs(wall(2027, 1, 1)), { steps: 10 })).toBeNull();
  });
});
