import * as v from 'valibot';
import { CalendarEventSchema } from '../logging/event-schema';
import { logCalendarEvent } from '../logging/service';
import { EARLIEST, LATEST } from '../schema';
import { meetingRulesItem } from '../settings';
import { command } from './command';
import { ownAddressesFor } from './own-addresses';

/** Log the event shown in a Calendar card. `confirmed` is the second click on a large meeting. */
export const logMeeting = command({
  from: ['content'],
  input: v.strictObject({
    event: v.pipe(
      CalendarEventSchema,
      v.check((e) => e.end >= e.start, "Bridges can't read this event: it ends before it starts. Nothing was saved."),
      // What is stored must be what a backup keeps (1900 to 2200), or the user's backup would be refused.
      v.check(
        (e) => e.start >= EARLIEST && e.end <= LATEST,
        "Bridges can't read this event: its dates are not between 1900 and 2200. Nothing was saved.",
      ),
    ),
    confirmed: v.boolean(),
  }),
  writes: true,
  unreadable: "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
  async run(db, { event, confirmed }, ctx) {
    const [rules, me] = await Promise.all([meetingRulesItem.getValue(), ownAddressesFor(db, event.selfEmail, ctx.now)]);
    return logCalendarEvent(
      db,
      { ...event, selfEmail: me.signedIn },
      { now: ctx.now, myEmails: me.known, rules, confirmed },
    );
  },
});
