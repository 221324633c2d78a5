import { describe, expect, it } from 'vitest';
import { joinSpans, metFields, spanOf, spanOfPerson, withMeeting } from '../../lib/relationships/meeting-span';
import { DAY } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe("a person's meetings rolled up: first, last and how many", () => {
  it("finds a person's first and last contact among any number of meetings (no spread into Math.min)", () => {
    const starts = new Array<number>(300_000).fill(NOW);
    starts[123_456] = NOW - 900 * DAY;
    starts[250_000] = NOW + DAY;
    expect(() => Math.min(...starts)).toThrow(RangeError); // what the merge of two people did before
    expect(spanOf(starts)).toEqual({ first: NOW - 900 * DAY, last: NOW + DAY, count: 300_000 });
    expect(spanOf([])).toBeNull();
  });

  it('finds the first and last whatever the order of the meetings', () => {
    expect(spanOf([NOW, NOW - 5 * DAY, NOW + 2 * DAY, NOW - DAY])).toEqual({
      first: NOW - 5 * DAY,
      last: NOW + 2 * DAY,
      count: 4,
    });
  });

  it('adds a meeting: earlier moves the first, later the last, either way one more', () => {
    const one = withMeeting(undefined, NOW);
    expect(one).toEqual({ first: NOW, last: NOW, count: 1 });
    expect(withMeeting(one, NOW - DAY)).toEqual({ first: NOW - DAY, last: NOW, count: 2 });
    expect(withMeeting(one, NOW + DAY)).toEqual({ first: NOW, last: NOW + DAY, count: 2 });
    expect(withMeeting(withMeeting(one, NOW + DAY), NOW)).toEqual({ first: NOW, last: NOW + DAY, count: 3 });
    expect(one).toEqual({ first: NOW, last: NOW, count: 1 }); // left as it was
  });

  it('joins two spans: the earlier first, the later last, the counts added unless told how many', () => {
    const here = { first: NOW - 10 * DAY, last: NOW - 2 * DAY, count: 4 };
    const there = { first: NOW - 20 * DAY, last: NOW - 5 * DAY, count: 3 };
    expect(joinSpans(here, there)).toEqual({ first: NOW - 20 * DAY, last: NOW - 2 * DAY, count: 7 });
    expect(joinSpans(there, here)).toEqual({ first: NOW - 20 * DAY, last: NOW - 2 * DAY, count: 7 });
    expect(joinSpans(here, there, 4)).toEqual({ first: NOW - 20 * DAY, last: NOW - 2 * DAY, count: 4 });
  });

  it("reads and writes the span as a person's record carries it", () => {
    const fields = { firstMetAt: NOW - 3 * DAY, lastMetAt: NOW, interactionCount: 5 };
    expect(spanOfPerson(fields)).toEqual({ first: NOW - 3 * DAY, last: NOW, count: 5 });
    expect(metFields(spanOfPerson(fields))).toEqual(fields);
  });
});
