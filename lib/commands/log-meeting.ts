import * as v from 'valibot';
import { CalendarEventSchema } from '../logging/event-schema';
import { logCalendarEvent } from '../logging/service';
import { meetingRulesItem } from '../settings';
import { command } from './command';
import { ownAddressesFor } from './own-addresses';

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
  writes: true,
  unreadable: "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
  async run(db, { event, confirmed, logAnyway }, ctx) {
    const [rules, me] = await Promise.all([meetingRulesItem.getValue(), ownAddressesFor(db, event.selfEmail, ctx.now)]);
    return logCalendarEvent(
      db,
      { ...event, selfEmail: me.signedIn },
      { now: ctx.now, myEmails: me.known, rules, confirmed, logAnyway: logAnyway === true },
    );
  },
});
