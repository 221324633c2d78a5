import { describe, expect, it } from 'vitest';
import { countContacts } from '../../lib/data/restore-merge';
import type { Interaction } from '../../lib/db/types';
import type { MeetingSpan } from '../../lib/relationships/meeting-span';

const meeting = (start: number, people: string[]) => ({ start, people }) as Interaction;

describe("countContacts: each person's first and last meeting added by a merge, and how many", () => {
  it('counts every meeting a person is in, in any order, across the parts of a restore', () => {
    const added = new Map<string, MeetingSpan>();
    countContacts([meeting(300, ['a@x.example', 'b@x.example']), meeting(100, ['a@x.example'])], added);
    countContacts([meeting(200, ['a@x.example']), meeting(500, ['b@x.example'])], added);
    expect(Object.fromEntries(added)).toEqual({
      'a@x.example': { first: 100, last: 300, count: 3 },
      'b@x.example': { first: 300, last: 500, count: 2 },
    });
  });

  it('adds no one for no meetings', () => {
    const added = new Map<string, MeetingSpan>();
    countContacts([], added);
    expect(added.size).toBe(0);
  });
});
