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
    [70, '2 months ago'],
    [200, '6 months ago'],
    [800, '2 years ago'],
  ])('%i days: %s', (days, text) => {
    expect(lastMetText(NOW - days * DAY, NOW, 'UTC')).toBe(text);
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
