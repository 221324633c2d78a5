import type { Person } from '../db/types';

/**
 * The roll-up of someone's meetings that their record carries, kept up to date on every write so that no read
 * scans their meetings: the start of the first and of the last, and how many.
 */
export interface MeetingSpan {
  first: number;
  last: number;
  count: number;
}

/**
 * The span of meetings starting at `starts`, or null when there are none, in one loop: `Math.min(...starts)`
 * throws once a person has more than about 120,000 meetings (every value becomes an argument on the stack).
 */
export function spanOf(starts: Iterable<number>): MeetingSpan | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (const start of starts) {
    if (start < first) first = start;
    if (start > last) last = start;
    count++;
  }
  return count === 0 ? null : { first, last, count };
}

/** `span` with one more meeting, at `start` (or the span of that one meeting). */
export function withMeeting(span: MeetingSpan | undefined, start: number): MeetingSpan {
  return span
    ? { first: Math.min(span.first, start), last: Math.max(span.last, start), count: span.count + 1 }
    : { first: start, last: start, count: 1 };
}

/**
 * Two spans of the same person's meetings as one: the earlier first, the later last, and `count`, by default
 * both counts added (the meetings are distinct; when one span may hold the other's, the caller says how many).
 */
export function joinSpans(a: MeetingSpan, b: MeetingSpan, count = a.count + b.count): MeetingSpan {
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last), count };
}

/** The span a person's record carries. */
export function spanOfPerson(person: Pick<Person, 'firstMetAt' | 'lastMetAt' | 'interactionCount'>): MeetingSpan {
  return { first: person.firstMetAt, last: person.lastMetAt, count: person.interactionCount };
}

/** A span as a person's record carries it. */
export function metFields(span: MeetingSpan): Pick<Person, 'firstMetAt' | 'lastMetAt' | 'interactionCount'> {
  return { firstMetAt: span.first, lastMetAt: span.last, interactionCount: span.count };
}
