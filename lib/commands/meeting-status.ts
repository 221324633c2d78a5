import * as v from 'valibot';
import { EventId } from '../logging/event-schema';
import { heldStatus, restoreHold } from '../logging/hold';
import { loggedStatus } from '../logging/meeting-log';
import { calendarKey } from '../logging/rules';
import { upcomingStatus } from '../logging/upcoming';
import { command } from './command';

/** Whether an event (by its instance's id) is already in the log, or noted as booked. */
export const meetingStatus = command({
  from: ['content'],
  input: v.strictObject({ eventId: EventId }),
  recount: false,
  unreadable: "Bridges can't read this event's id.",
  // While a restore holds the database, a click kept for after it answers at once; other events wait for it.
  run: async (db, { eventId }) => {
    const status = (restoreHold.active ? await heldStatus(db, eventId) : null) ?? (await loggedStatus(db, eventId));
    if (status.logged) return status;
    const booked = await upcomingStatus(db, calendarKey(eventId));
    return booked ? { logged: false as const, booked } : status;
  },
});
