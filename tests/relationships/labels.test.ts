import { describe, expect, it } from 'vitest';
import { affiliationOf, lastMetText } from '../../lib/relationships/labels';
import { DAY, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('"last met" in words', () => {
  it.each([
    [0, 'today'],
    [1, 'yesterday'],
    [5, '5 days ago'],
    [13, '13 days ago'],
    [14, '2 weeks ago'],
    [49, '7 weeks ago'],
    [62, '8 weeks ago'],
    [70, '10 weeks ago'],
    [90, '12 weeks ago'],
    [91, '3 months ago'],
    [200, '6 months ago'],
    [729, '23 months ago'],
    [800, '2 years ago'],
  ])('%i days: %s', (days, text) => {
    expect(lastMetText(NOW - days * DAY, NOW, 'UTC')).toBe(text);
  });

  // The day the old rule failed its own test: 70 days before 6 December 2026 is 27 September, three calendar
  // months by their names, ten weeks by the clock.
  it('says ten weeks for 70 days whatever the month', () => {
    for (const today of ['2026-12-06T10:00:00Z', '2026-11-25T10:00:00Z', '2027-03-01T10:00:00Z']) {
      const now = Date.parse(today);
      expect(lastMetText(now - 70 * DAY, now, 'UTC')).toBe('10 weeks ago');
    }
  });

  it.each([
    // Whole months at the boundaries: the day before the same date next month is not yet a whole month.
    ['2026-01-15', '2026-05-14', '3 months ago'],
    ['2026-01-15', '2026-05-15', '4 months ago'],
    ['2026-01-31', '2026-05-30', '3 months ago'],
    ['2026-01-31', '2026-05-31', '4 months ago'],
    // A month shorter than the starting day counts whole on its last day.
    ['2025-08-31', '2026-02-27', '5 months ago'],
    ['2025-08-31', '2026-02-28', '6 months ago'],
    ['2025-10-31', '2026-02-28', '4 months ago'],
    // Thirteen weeks is where weeks end, wherever the months fall.
    ['2025-11-30', '2026-02-28', '12 weeks ago'],
    ['2025-11-29', '2026-02-28', '3 months ago'],
    ['2024-11-30', '2025-03-01', '3 months ago'],
    // Across the new year, and the step to years.
    ['2025-12-20', '2026-06-19', '5 months ago'],
    ['2025-12-20', '2026-06-20', '6 months ago'],
    ['2024-06-10', '2026-06-09', '23 months ago'],
    ['2024-06-10', '2026-06-10', '2 years ago'],
  ])('from %s to %s: %s', (from, to, text) => {
    expect(lastMetText(Date.parse(`${from}T12:00:00Z`), Date.parse(`${to}T12:00:00Z`), 'UTC')).toBe(text);
  });

  it('counts days in the given zone, not in UTC', () => {
    // 23:30 on 1 March in Tokyo is 14:30 UTC; at 00:30 on 2 March in Tokyo it is "yesterday" there.
    const met = Date.parse('2026-03-01T14:30:00Z');
    const now = Date.parse('2026-03-01T15:30:00Z');
    expect(lastMetText(met, now, 'Asia/Tokyo')).toBe('yesterday');
    expect(lastMetText(met, now, 'UTC')).toBe('today');
  });
});

describe('affiliation', () => {
  const groups = new Map([['g1', { id: 'g1', name: 'Finance', kind: 'department' as const, createdAt: 0 }]]);
  it('names the group, else the organisation, else says it is a personal address', () => {
    expect(affiliationOf(person('a@x.example', 0, { groupId: 'g1' }), groups)).toBe('Finance');
    expect(affiliationOf(person('a@partner.example', 0), groups)).toBe('partner.example');
    expect(affiliationOf(person('a@gmail.com', 0, { organisation: null }), groups)).toBe('Personal address');
    expect(affiliationOf(person('a@corp.example', 0), groups, ['corp.example'])).toBe('Your company');
  });
});
