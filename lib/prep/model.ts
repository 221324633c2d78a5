import type { Group, Person } from '../db/types';
import { hasInvisible, isEmail, isResourceEmail, normaliseEmail } from '../people/email';
import type { CadenceDefaults } from '../relationships/cadence';
import { affiliationOf, bookedLabel, lastMetText } from '../relationships/labels';
import { assess } from '../relationships/rank';
import type { Status } from '../relationships/status';

/** One guest Bridges knows, as "Before you meet" shows them: words only, ready to render as text. */
export interface KnownGuest {
  email: string;
  name: string;
  /** Red, amber or green ("Overdue", "Due", "On track"): honest about the time since they met, booked or not. */
  status: Status;
  /** "Booked Thu 4 Mar", "Booked tomorrow", "Catch-up being planned", or null. */
  plan: string | null;
  /** "Last met 3 weeks ago". */
  lastMet: string;
  /** What matters to them: the user's note, trimmed; "" when there is none. */
  note: string;
  thanksOwed: boolean;
  /** Their named group, else their organisation ("Your company", "Personal address"). */
  affiliation: string;
}

/** What the panel shows for one meeting: the guests Bridges knows, in the card's order, then the new ones. */
export interface Brief {
  known: KnownGuest[];
  /** Addresses of guests not in the log yet. */
  newGuests: string[];
}

export interface BriefOptions {
  now: number;
  timeZone?: string;
  cadences: CadenceDefaults;
  groups: ReadonlyMap<string, Group>;
  internalDomains: readonly string[];
  /** The user's own addresses: never listed. */
  me: readonly string[];
}

/**
 * The guests a card listed, as addresses Bridges would count: normalised, each once, in the card's order; not the
 * user, not rooms or resources, nothing that is not an address.
 */
export function guestAddresses(guests: readonly string[], me: readonly string[]): string[] {
  const skip = new Set(me.map(normaliseEmail));
  const out: string[] = [];
  for (const raw of guests) {
    const email = normaliseEmail(raw);
    if (!isEmail(email) || hasInvisible(email) || isResourceEmail(email) || skip.has(email)) continue;
    skip.add(email);
    out.push(email);
  }
  return out;
}

/** The panel's content: a pure function of the guests, the people Bridges has for them, and `now`. */
export function briefOf(
  guests: readonly string[],
  people: ReadonlyArray<Person | undefined>,
  options: BriefOptions,
): Brief {
  const byEmail = new Map<string, Person>();
  for (const person of people) if (person) byEmail.set(person.email, person);
  const known: KnownGuest[] = [];
  const newGuests: string[] = [];
  for (const email of guestAddresses(guests, options.me)) {
    const person = byEmail.get(email);
    if (!person) {
      newGuests.push(email);
      continue;
    }
    const entry = assess(person, { now: options.now, timeZone: options.timeZone, cadences: options.cadences });
    const plan =
      bookedLabel(person, options.now, options.timeZone) ?? (entry.planning ? 'Catch-up being planned' : null);
    known.push({
      email,
      name: person.displayName.trim() || email,
      status: entry.status,
      plan,
      lastMet: `Last met ${lastMetText(person.lastMetAt, options.now, options.timeZone)}`,
      note: person.note.trim(),
      thanksOwed: person.thanksOwedSince !== null,
      affiliation: affiliationOf(person, options.groups, options.internalDomains),
    });
  }
  return { known, newGuests };
}

/** "3 guests", "1 guest": how many the panel lists. */
export function guestCount(brief: Brief): string {
  const n = brief.known.length + brief.newGuests.length;
  return `${n} ${n === 1 ? 'guest' : 'guests'}`;
}
