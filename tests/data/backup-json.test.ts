import { describe, expect, it } from 'vitest';
import { jsonItems, jsonMembers } from '../../lib/data/backup';

describe('jsonItems and jsonMembers: an object written as JSON a part at a time', () => {
  it('writes the members as JSON.stringify writes the object, in the order given', () => {
    const members = {
      format: 'bridges-backup',
      'a "quoted" key': 'line\nbreak, \u2028 and "quotes"',
      exportedAt: Number.NaN,
      people: [{ email: 'ada@example.com', tags: [] }],
      settings: { nested: { deep: true }, none: null },
    };
    expect(`{${jsonMembers(members)}}`).toBe(JSON.stringify(members));
  });

  it('writes nothing for no members', () => {
    expect(jsonMembers({})).toBe('');
  });

  it('writes the items as JSON.stringify writes the array, what has no JSON value as null', () => {
    const items = [{ key: 'a', people: ['x@example.com'] }, 'text', 3, null, undefined, [1, [2]]];
    expect(`[${jsonItems(items)}]`).toBe(JSON.stringify(items));
    expect(jsonItems([])).toBe('');
  });
});
