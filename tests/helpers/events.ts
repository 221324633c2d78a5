import type { CalendarEvent, CalendarGuest } from '../../lib/calendar/google/card';

export const HOUR = 3600_000;
export const SELF = 'alex.morgan@example.com';

export function guest(email: string, patch: Partial<CalendarGuest> = {}): CalendarGuest {
  return {
    email,
    name: email.split('@')[0] ?? email,
    response: 'accepted',
    organizer: false,
    optional: false,
    ...patch,
  };
}

/** An event read from a card, one hour long, starting at `start`. */
export function calendarEvent(start: number, patch: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    eventId: 'k5058hfr4d2s30ltiuocpedthd',
    calendarId: SELF,
    title: 'Q4 planning review',
    start,
    end: start + HOUR,
    allDay: false,
    timeZone: 'America/New_York',
    selfEmail: SELF,
    selfDeclined: false,
    guests: [
      guest('priya.raman@example.com', { name: 'Priya Raman', organizer: true }),
      guest(SELF, { name: 'Alex Morgan' }),
      guest('jordan.lee@example.com', { name: 'Jordan Lee' }),
      guest('sam.okafor@partner.example.org', { name: 'Sam Okafor', response: 'declined' }),
      guest('wei.chen@example.com', { name: 'Wei Chen', response: 'tentative', optional: true }),
      guest('dana.kim@example.net', { name: 'dana.kim@example.net', response: 'needsAction' }),
    ],
    ...patch,
  };
}
