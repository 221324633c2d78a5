import type { CalendarGuest } from '../../calendar/google/card';
import type { Response } from '../../db/types';
import { allProps, type Component, firstProp, type Property } from './content-lines';
import { parseContentLine } from './property-line';
import { readAddress, readName } from './values';

const RESPONSES: Record<string, Response> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needsAction',
};

/** Calendar users who are not people: a room, a resource (projector, car), or someone copied for information. */
const NOT_PEOPLE = new Set(['ROOM', 'RESOURCE']);
const MAX_GUESTS = 4999; // and the organiser: 5,000, the most a stored meeting may have

export interface EventPeople {
  guests: CalendarGuest[];
  /** Addresses of groups (CUTYPE=GROUP): a group is not a person, and its members are not listed. */
  groups: string[];
}

/**
 * The people of an event as the file lists them. Rooms, resources and groups are not people; guests copied
 * for information only (ROLE=NON-PARTICIPANT) did not take part. The organiser takes part in a meeting they
 * organised: Outlook, Zimbra and Confluence do not repeat them as an ATTENDEE, so a 1:1 that the other
 * person organised lists only the user. An event without any ATTENDEE is not a meeting with its organiser
 * (every event in a calendar has one, the owner's own included).
 */
export function readPeople(vevent: Component, cache: PeopleCache = new PeopleCache()): EventPeople {
  const guests: CalendarGuest[] = [];
  const groups: string[] = [];
  const seen = new Set<string>();
  const organizerProp = repaired(firstProp(vevent, 'ORGANIZER'));
  const organizer = organizerProp ? cache.address(organizerProp) : null;
  const attendees = allProps(vevent, 'ATTENDEE').map(repaired) as Property[];
  for (const prop of attendees) {
    const email = cache.address(prop);
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const cutype = (prop.params.CUTYPE ?? '').trim().toUpperCase();
    const role = (prop.params.ROLE ?? '').trim().toUpperCase();
    if (cutype === 'GROUP') {
      groups.push(email);
      continue;
    }
    if (NOT_PEOPLE.has(cutype) || role === 'NON-PARTICIPANT' || guests.length >= MAX_GUESTS) continue;
    guests.push({
      email,
      name: cache.name(prop.params.CN) || email,
      response: RESPONSES[(prop.params.PARTSTAT ?? '').trim().toUpperCase()] ?? 'needsAction',
      organizer: email === organizer,
      optional: role === 'OPT-PARTICIPANT',
    });
  }
  if (organizer && organizerProp && attendees.length > 0 && !seen.has(organizer)) {
    guests.unshift({
      email: organizer,
      name: cache.name(organizerProp.params.CN) || organizer,
      response: 'accepted',
      organizer: true,
      optional: false,
    });
  }
  return { guests, groups };
}

/**
 * Confluence writes the parameters after the colon (`ATTENDEE:X-CONFLUENCE-USER-KEY=…;CN=Daniel
 * Latham;CUTYPE=INDIVIDUAL:mailto:…`): such a value is read again as parameters and a value.
 */
function repaired<T extends Property | undefined>(prop: T): T {
  if (!prop || Object.keys(prop.params).length > 0 || !/^[A-Za-z0-9-]+=[^:]*:/.test(prop.value)) return prop;
  return (parseContentLine(`${prop.name};${prop.value}`, prop.line) ?? prop) as T;
}

/** One file's addresses and names, read once each: a large file repeats the same people thousands of times. */
export class PeopleCache {
  private readonly addresses = new Map<string, string | null>();
  private readonly names = new Map<string, string>();

  address(prop: Property): string | null {
    const key = `${prop.params.EMAIL ?? ''}\u0000${prop.value}`;
    let email = this.addresses.get(key);
    if (email === undefined) {
      email = readAddress(prop);
      if (this.addresses.size < 50_000) this.addresses.set(key, email);
    }
    return email;
  }

  name(cn: string | undefined): string {
    if (!cn) return '';
    let name = this.names.get(cn);
    if (name === undefined) {
      name = readName(cn);
      if (this.names.size < 50_000) this.names.set(cn, name);
    }
    return name;
  }
}
