import { ClickSchema, UNREADABLE_CLICK } from '../logging/event-schema';
import { bookClick } from '../logging/upcoming';
import { command } from './command';

/**
 * Note the meeting shown in a Calendar card, which has not started yet, as booked: its people are not counted as
 * needing the user until it has happened (then it is logged) or its time passes. A click on the Log control, as
 * trusted as a log: `confirmed` is the second click over the guest limit, `logAnyway` the user's answer when the
 * page could not tell whether they declined.
 */
export const noteBooked = command({
  from: ['content'],
  input: ClickSchema,
  recount: true,
  unreadable: UNREADABLE_CLICK,
  run: (db, input, ctx) => bookClick(db, { ...input, at: ctx.now }),
});
