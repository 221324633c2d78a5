import type { CalendarGuest } from '../../calendar/google/card';
import type { Response } from '../../db/types';
import { allProps, type Component, firstProp } from './content-lines';
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
export function readPeople(vevent: Component): EventPeople {
  const guests: CalendarGuest[] = [];
  const groups: string[] = [];
  const seen = new Set<string>();
  const organizerProp = firstProp(vevent, 'ORGANIZER');
  const organizer = organizerProp ? readAddress(organizerProp) : null;
  const attendees = allProps(vevent, 'ATTENDEE');
  for (const prop of attendees) {
    const email = readAddress(prop);
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
      name: readName(prop.params.CN) || email,
      response: RESPONSES[(prop.params.PARTSTAT ?? '').trim().toUpperCase()] ?? 'needsAction',
      organizer: email === organizer,
      optional: role === 'OPT-PARTICIPANT',
    });
  }
  if (organizer && organizerProp && attendees.length > 0 && !seen.has(organizer)) {
    guests.unshift({
      email: organizer,
      name: readName(organizerProp.params.CN) || organizer,
      response: 'accepted',
      organizer: true,
      optional: false,
    });
  }
  return { guests, groups };
}
