import type { CalendarEvent } from '../calendar/google/card';
import { clip, EARLIEST, LATEST, LIMITS } from '../schema';

/** What was changed or left out to fit what Bridges keeps, counted. */
export interface CalendarAdjustments {
  /** Titles cut to LIMITS.title characters. */
  titles: number;
  /** Guest names cut to LIMITS.name characters. */
  guestNames: number;
  /** Guests whose address is longer than any address can be (not people): left out. */
  badGuests: number;
  /** Meetings before 1900 or after 2200: left out. */
  outOfRange: number;
  /** Meetings with more guests than one meeting can hold: left out. */
  tooManyGuests: number;
}

/** The longest guest address kept (longer is no address at all). */
const MAX_ADDRESS = 320;

/**
 * Makes a file's events fit what Bridges stores, as a backup of them must restore: over-long titles and guest
 * names are cut, meetings outside 1900-2200 or with more than LIMITS.people guests are left out; each counted.
 */
export function fitEvents<E extends CalendarEvent>(
  events: readonly E[],
): {
  events: E[];
  adjusted: CalendarAdjustments;
} {
  const adjusted: CalendarAdjustments = { titles: 0, guestNames: 0, badGuests: 0, outOfRange: 0, tooManyGuests: 0 };
  const out: E[] = [];
  for (const event of events) {
    if (!(event.start >= EARLIEST && event.end <= LATEST && event.end >= event.start)) {
      adjusted.outOfRange++;
      continue;
    }
    if (event.guests.length > LIMITS.people) {
      adjusted.tooManyGuests++;
      continue;
    }
    let title = event.title;
    if (title.length > LIMITS.title) {
      title = clip(title, LIMITS.title);
      adjusted.titles++;
    }
    const guests = [];
    for (const guest of event.guests) {
      if (guest.email.length > MAX_ADDRESS) {
        adjusted.badGuests++;
        continue;
      }
      if (guest.name.length > LIMITS.name) adjusted.guestNames++;
      guests.push(guest.name.length > LIMITS.name ? { ...guest, name: clip(guest.name, LIMITS.name) } : guest);
    }
    out.push({ ...event, title, timeZone: event.timeZone.slice(0, 100), guests });
  }
  return { events: out, adjusted };
}

/** "2 guest names were shortened to 500 characters; 1 meeting before 1900 or after 2200 was left out." or "". */
export function describeAdjustments(a: CalendarAdjustments): string {
  const n = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
  const said = [
    a.titles && `${n(a.titles, 'title', 'titles')} shortened to ${LIMITS.title.toLocaleString('en')} characters`,
    a.guestNames && `${n(a.guestNames, 'guest name', 'guest names')} shortened to ${LIMITS.name} characters`,
    a.badGuests && `${n(a.badGuests, 'guest', 'guests')} with an address too long to be one left out`,
    a.outOfRange && `${n(a.outOfRange, 'meeting', 'meetings')} before 1900 or after 2200 left out`,
    a.tooManyGuests &&
      `${n(a.tooManyGuests, 'meeting', 'meetings')} with more than ${LIMITS.people.toLocaleString('en')} guests left out`,
  ].filter(Boolean);
  return said.length ? `From the file: ${said.join('; ')}.` : '';
}
