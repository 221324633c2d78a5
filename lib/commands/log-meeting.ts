import * as v from 'valibot';
import { CalendarEventSchema } from '../logging/event-schema';
import { holdClick, restoreHold } from '../logging/hold';
import { logClick } from '../logging/meeting-log';
import { command } from './command';

/**
 * Log the event shown in a Calendar card (or on its full page). `confirmed` is the second click on a large
 * meeting; `logAnyway` the user's "Log anyway" when the page could not tell whether they declined.
 */
export const logMeeting = command({
  from: ['content'],
  input: v.strictObject({
    event: v.pipe(
      CalendarEventSchema,
      v.check((e) => e.end >= e.start, "Bridges can't read this event: it ends before it starts. Nothing was saved."),
    ),
    confirmed: v.boolean(),
    logAnyway: v.optional(v.boolean()),
  }),
  recount: true,
  unreadable: "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
  async run(db, { event, confirmed, logAnyway }, ctx) {
    const click = { event, confirmed, logAnyway: logAnyway === true, at: ctx.now };
    return restoreHold.active ? holdClick(db, click) : logClick(db, click);
  },
});
