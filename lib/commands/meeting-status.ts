import * as v from 'valibot';
import { meetingStatus as statusOf } from '../logging/service';
import { command } from './command';

/** Whether an event (by its instance's id) is already in the log. */
export const meetingStatus = command({
  from: ['content'],
  input: v.strictObject({ eventId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_\-.@]{1,1024}$/)) }),
  writes: false,
  unreadable: "Bridges can't read this event's id.",
  run: (db, { eventId }) => statusOf(db, eventId),
});
