import * as v from 'valibot';
import type { IcsEvent } from '../data/ics';
import { CALENDAR_PART_SIZE, MAX_PARTS } from '../data/parts';
import { CalendarEventSchema } from '../logging/event-schema';
import { Text, UploadId } from '../schema';
import { command } from './command';
import { addPart, PartText } from './uploads';

/**
 * A meeting read from a calendar file, checked as a meeting logged from Calendar's page is (so that what the
 * import writes is what a backup accepts: times from 1900 to 2200, old calendars hold meetings from before
 * 1970; text within the bounds Bridges keeps), with the groups among its guests (not people: counted, not
 * logged) and the line where it begins. The page fits a file's events to these bounds before sending them
 * (lib/data/calendar-file.ts) and says what it changed.
 */
export const ImportedEventSchema = v.pipe(
  v.object({
    ...CalendarEventSchema.entries,
    groups: v.optional(v.pipe(v.array(Text(320)), v.maxLength(100)), []),
    line: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  }),
  v.check((e) => e.end >= e.start, 'A meeting in this calendar file ends before it starts.'),
) satisfies v.GenericSchema<unknown, IcsEvent>;

const UNREADABLE = 'A meeting in this calendar file could not be read: nothing was imported.';

/** One part of a calendar file's meetings, as JSON text. */
export const sendCalendarPart = command({
  from: ['page'],
  input: v.strictObject({
    upload: UploadId,
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PARTS - 1)),
    part: PartText(
      v.strictObject({ events: v.pipe(v.array(ImportedEventSchema), v.maxLength(CALENDAR_PART_SIZE)) }),
      UNREADABLE,
    ),
  }),
  recount: false,
  unreadable: UNREADABLE,
  run: async (_db, { upload, index, part }, ctx) => ({ received: addPart(upload, 'calendar', index, part, ctx.now) }),
});
