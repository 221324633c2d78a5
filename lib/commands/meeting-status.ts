import * as v from 'valibot';
import { heldStatus, restoreHold } from '../logging/hold';
import { meetingStatus as statusOf } from '../logging/service';
import { command } from './command';

/** Whether an event (by its instance's id) is already in the log. */
export const meetingStatus = command({
  from: ['content'],
  input: v.strictObject({ eventId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_\-.@]{1,1024}$/)) }),
  writes: false,
  unreadable: "Bridges can't read this event's id.",
  // While a restore holds the database, a click kept for after it answers at once; other events wait for it.
  run: async (db, { eventId }) => (restoreHold.active ? await heldStatus(db, eventId) : null) ?? statusOf(db, eventId),
});
