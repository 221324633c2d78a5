import { addDays, isWeekend, setHours, startOfDay } from 'date-fns';
import type { Person } from '../db/types';
import type { CalendarService, CatchUpSettings } from './settings';

/**
 * The new-event links "Plan a catch-up" opens in the user's calendar (the mailto: link of "Email" is in
 * ./mailto, small enough for the popup's first load). Each holds
 * what the guest will see, and nothing else: a title, the times and (Google) the guest's address. Never the note,
 * status, priority, group or kind Bridges keeps about them: the functions take only a name and an address, so
 * nothing else can reach a link by mistake.
 */

/** What the guest is invited to: the whole of what a link carries. */
export interface Invitation {
  title: string;
  start: number;
  end: number;
  guest: string;
}

// What joins {my name} to the words around it (" / ", " - ", " & ", ", "): it goes with the name when there is none.
// (Escaped, so the built script stays ASCII: Chrome refuses some scripts that are not.)
const JOINERS = '\\s/|\\u00b7\\u2022,;:&+~<>\\u2013\\u2014-';
const MY_NAME_JOINED = new RegExp(`[${JOINERS}]*\\{my name\\}`, 'giu');
const EDGE_JOINERS = new RegExp(`^[${JOINERS}]+|[${JOINERS}]+$`, 'gu');
const THEIR_NAME_ANY_CASE = /\{their name\}/giu;
const MY_NAME_ANY_CASE = /\{my name\}/giu;

/**
 * The invitation's title from the user's template: {their name} and {my name} filled in. Without a name of the
 * user's own, {my name} leaves with what joins it ("Catch-up: {their name} / {my name}" gives "Catch-up: Priya
 * Raman"). Names are put in last, so nothing in them is taken for a placeholder or trimmed.
 */
export function catchUpTitle(template: string, theirName: string, myName: string): string {
  const mine = myName.trim();
  let shape = template;
  if (!mine) shape = shape.replace(MY_NAME_JOINED, '').replace(EDGE_JOINERS, '');
  const title = shape
    .split(THEIR_NAME_ANY_CASE)
    .map((part) => part.split(MY_NAME_ANY_CASE).join(mine))
    .join(theirName.trim())
    .replace(/\s+/gu, ' ')
    .trim();
  return title || theirName.trim();
}

const HOUR = 3_600_000;
const PROPOSED_HOUR = 10;

/**
 * When the invitation starts: the next working day (Monday to Friday) at 10:00 in the browser's zone. Bridges
 * cannot see the user's free time (it reads no calendar beyond the cards they open), so any start is only a
 * proposal the user moves in their calendar, where they see their week. A morning on the next working day puts
 * the editor on the right week and gives the guest notice; today would often be past or too short notice.
 */
export function proposedStart(now: number): number {
  let day = addDays(startOfDay(now), 1);
  while (isWeekend(day)) day = addDays(day, 1);
  return setHours(day, PROPOSED_HOUR).getTime();
}

/** The invitation for a catch-up with `person`, proposed from `now`. */
export function invitationFor(
  person: Pick<Person, 'email' | 'displayName'>,
  settings: CatchUpSettings,
  now: number,
): Invitation {
  const start = proposedStart(now);
  const minutes = Math.max(1, Math.round(settings.minutes));
  return {
    title: catchUpTitle(settings.title, person.displayName, settings.myName),
    start,
    end: start + (minutes / 60) * HOUR,
    guest: person.email,
  };
}

/** Parameters joined and percent-encoded (a space is %20, not "+", which not every reader takes for a space). */
function query(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

/** 2026-11-30T09:00:00.000Z as 20261130T090000Z: Google's form for a time in UTC. */
const googleTime = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
/** 2026-11-30T09:00:00Z: Outlook's, without milliseconds. */
const outlookTime = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Google Calendar's documented event template: title, times, the guest (`add`). */
export function googleLink(invitation: Invitation): string {
  return `https://calendar.google.com/calendar/render?${query([
    ['action', 'TEMPLATE'],
    ['text', invitation.title],
    ['dates', `${googleTime(invitation.start)}/${googleTime(invitation.end)}`],
    ['add', invitation.guest],
  ])}`;
}

const OUTLOOK_HOSTS = { 'outlook-work': 'outlook.office.com', 'outlook-personal': 'outlook.live.com' } as const;

/**
 * Outlook on the web's compose link: title and times. No public source documents a parameter for a guest, so
 * none is guessed: the guest's address goes on the clipboard instead (see `guestInLink` in ./settings).
 */
export function outlookLink(invitation: Invitation, account: keyof typeof OUTLOOK_HOSTS): string {
  return `https://${OUTLOOK_HOSTS[account]}/calendar/0/deeplink/compose?${query([
    ['subject', invitation.title],
    ['startdt', outlookTime(invitation.start)],
    ['enddt', outlookTime(invitation.end)],
  ])}`;
}

/** The new event in the user's calendar. */
export function calendarLink(invitation: Invitation, calendar: CalendarService): string {
  return calendar === 'google' ? googleLink(invitation) : outlookLink(invitation, calendar);
}
