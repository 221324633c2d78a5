import { type Attendee, CONTACT_KINDS, type Interaction, type InteractionSource, type Response } from '../db/types';
import { hasInvisible, isEmail } from '../people/email';
import { EARLIEST, LATEST, LIMITS } from '../schema';

/**
 * A fast look at a meeting record of a backup, for the common case of a record Bridges wrote itself: true only
 * when the record is exactly what InteractionSchema accepts and gives back unchanged (the test in
 * tests/data/quick-check.test.ts holds it to that). Anything else, or anything it is unsure of, answers false,
 * and the schema checks the record and names its problem. At a heavy user's size this takes a backup's
 * self-check from most of a second to a tenth of that.
 */
export class QuickCheck {
  /** Addresses already seen clean: an address recurs in many meetings. */
  private readonly clean = new Set<string>();

  interaction(row: unknown): boolean {
    if (!isPlain(row)) return false;
    const r = row as Record<string, unknown>;
    let keys = 0;
    for (const key in r) {
      if (!INTERACTION_KEYS.has(key)) return false;
      keys++;
    }
    if (keys !== INTERACTION_KEYS.size && !(keys === INTERACTION_KEYS.size - 1 && !('note' in r))) return false;
    return (
      text(r.key, LIMITS.key) &&
      (r.kind === 'meeting' || CONTACT_KINDS.includes(r.kind as never)) &&
      SOURCES.has(r.source as string) &&
      text(r.title, LIMITS.title) &&
      instant(r.start) &&
      instant(r.end) &&
      instant(r.loggedAt) &&
      typeof r.allDay === 'boolean' &&
      (r.calendarId === null || text(r.calendarId, LIMITS.calendarId)) &&
      (r.note === undefined || text(r.note, LIMITS.meetingNote)) &&
      this.people(r.people) &&
      this.attendees(r.attendees)
    );
  }

  private email(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    if (this.clean.has(value)) return true;
    const ok = value.length <= 254 && value === value.trim().toLowerCase() && !hasInvisible(value) && isEmail(value);
    if (ok) this.clean.add(value);
    return ok;
  }

  private people(value: unknown): boolean {
    if (!Array.isArray(value) || value.length > LIMITS.people) return false;
    for (const email of value) if (!this.email(email)) return false;
    return true;
  }

  private attendees(value: unknown): boolean {
    if (!Array.isArray(value) || value.length > LIMITS.people) return false;
    for (const a of value) {
      if (!isPlain(a)) return false;
      const r = a as Record<string, unknown>;
      let keys = 0;
      for (const key in r) {
        if (!ATTENDEE_KEYS.has(key)) return false;
        keys++;
      }
      if (keys !== ATTENDEE_KEYS.size) return false;
      if (
        !this.email(r.email) ||
        !text(r.displayName, LIMITS.name) ||
        !RESPONSES.has(r.response as string) ||
        typeof r.organizer !== 'boolean' ||
        typeof r.optional !== 'boolean'
      )
        return false;
    }
    return true;
  }
}

/**
 * Every member of a type (a record's fields, a union's values), each listed once: one added to the type does not
 * compile until it is listed here too.
 */
const everyOne = <K extends string>(members: Record<K, true>) => new Set<string>(Object.keys(members));
const INTERACTION_KEYS = everyOne<keyof Interaction>({
  key: true,
  kind: true,
  source: true,
  title: true,
  start: true,
  end: true,
  allDay: true,
  people: true,
  attendees: true,
  calendarId: true,
  loggedAt: true,
  note: true,
});
const ATTENDEE_KEYS = everyOne<keyof Attendee>({
  email: true,
  displayName: true,
  response: true,
  organizer: true,
  optional: true,
});
const SOURCES = everyOne<InteractionSource>({ 'google-calendar': true, manual: true, ics: true, feed: true });
const RESPONSES = everyOne<Response>({ accepted: true, declined: true, tentative: true, needsAction: true });

function isPlain(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const text = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
const instant = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= EARLIEST && value <= LATEST;
