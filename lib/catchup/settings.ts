/**
 * How "Plan a catch-up" fills in an invitation (the user's settings): apart from the links themselves, so that
 * the schemas that check settings carry these few names only.
 */

/** Which calendar opens: Google Calendar, Outlook on the web for work or school (Microsoft 365), or personal. */
export const CALENDAR_SERVICES = ['google', 'outlook-work', 'outlook-personal'] as const;
export type CalendarService = (typeof CALENDAR_SERVICES)[number];

export const CALENDAR_NAMES: Record<CalendarService, string> = {
  google: 'Google Calendar',
  'outlook-work': 'Outlook (work or school)',
  'outlook-personal': 'Outlook (personal)',
};

/** How "Plan a catch-up" fills in the invitation. */
export interface CatchUpSettings {
  calendar: CalendarService;
  /** The invitation's length in minutes. */
  minutes: number;
  /** The title, with {their name} and {my name} in it. */
  title: string;
  /** What {my name} stands for; empty leaves it out. */
  myName: string;
}

export const THEIR_NAME = '{their name}';
export const MY_NAME = '{my name}';

export const DEFAULT_CATCH_UP: CatchUpSettings = {
  calendar: 'google',
  minutes: 30,
  title: `Catch-up: ${THEIR_NAME} / ${MY_NAME}`,
  myName: '',
};

/** Whether the calendar's link carries the guest; when it does not, the user pastes their address. */
export function guestInLink(calendar: CalendarService): boolean {
  return calendar === 'google';
}
