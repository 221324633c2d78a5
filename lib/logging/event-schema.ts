import * as v from 'valibot';
import type { CalendarEvent } from '../calendar/google/card';
import { EVENT_ID } from '../calendar/google/event-id';
import { CountSaying, InstantSaying, LIMITS, TextSaying } from '../schema';

/**
 * The shape the background accepts from a content script. Page text is untrusted: lengths are bounded,
 * times are instants Bridges keeps (1900 to 2200, what a backup restores), and anything else is refused before
 * it reaches the database.
 */
const UNREADABLE_DATES = "Bridges can't read this event: its dates are not between 1900 and 2200. Nothing was saved.";
// The rules of lib/schema.ts, saying nothing of their own but of the dates: the command says its sentence
// ("Bridges can't read this event…") of anything else the page gave that is not an event.
const Text = (max: number) => TextSaying(max, {});
const Count = v.pipe(CountSaying({}), v.maxValue(100_000));
const Instant = InstantSaying({ early: UNREADABLE_DATES, late: UNREADABLE_DATES });

/** An event instance's id, as the card's reader finds it. */
export const EventId = v.pipe(v.string(), v.regex(EVENT_ID));

export const CalendarEventSchema = v.object({
  eventId: EventId,
  calendarId: Text(320),
  title: Text(LIMITS.title),
  start: Instant,
  end: Instant,
  allDay: v.boolean(),
  timeZone: Text(100),
  selfEmail: v.nullable(Text(320)),
  selfDeclined: v.boolean(),
  selfResponse: v.optional(v.picklist(['accepted', 'declined', 'tentative', 'needsAction', 'unknown'])),
  partialGuests: v.optional(
    v.pipe(
      v.object({ shown: Count, total: Count }),
      v.check((p) => p.shown < p.total, 'a partial list shows fewer guests than it has'),
    ),
  ),
  guests: v.pipe(
    v.array(
      v.object({
        email: Text(320),
        name: Text(LIMITS.name),
        response: v.picklist(['accepted', 'declined', 'tentative', 'needsAction']),
        organizer: v.boolean(),
        optional: v.boolean(),
        group: v.optional(v.boolean()),
      }),
    ),
    v.maxLength(5000),
  ),
}) satisfies v.GenericSchema<unknown, CalendarEvent>;

/** An event that can be logged: read as above, and not ending before it starts. */
const LoggableEventSchema = v.pipe(
  CalendarEventSchema,
  v.check((e) => e.end >= e.start, "Bridges can't read this event: it ends before it starts. Nothing was saved."),
);

/**
 * A click on the Log control, as the content script sends it, to log the meeting or to note it as booked: the
 * event; `confirmed` the second click on a meeting over the guest limit; `logAnyway` the user's "Log anyway" when
 * the page could not tell whether they declined (no when it is left out).
 */
export const ClickSchema = v.strictObject({
  event: LoggableEventSchema,
  confirmed: v.boolean(),
  logAnyway: v.optional(v.boolean(), false),
});

/** What a command taking a click says of one it cannot read. */
export const UNREADABLE_CLICK = "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.";

export function parseCalendarEvent(input: unknown): CalendarEvent | null {
  const result = v.safeParse(LoggableEventSchema, input);
  return result.success ? result.output : null;
}
