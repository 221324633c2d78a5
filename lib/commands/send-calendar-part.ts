import * as v from 'valibot';
import { CalendarEventSchema } from '../logging/event-schema';
import { command } from './command';
import { addPart, MAX_PARTS } from './uploads';

/** At most this many meetings in one part of a calendar file. */
export const CALENDAR_PART_SIZE = 500;

/** A meeting of a calendar file: what a card would show, with the groups among its guests and where it began. */
export const FileEventSchema = v.object({
  ...CalendarEventSchema.entries,
  groups: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.maxLength(100)), []),
  line: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
});

/** One part of a calendar file's meetings, each checked as a meeting logged from Calendar's page is. */
export const sendCalendarPart = command({
  from: ['page'],
  input: v.strictObject({
    upload: v.pipe(v.string(), v.maxLength(100)),
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PARTS - 1)),
    part: v.strictObject({ events: v.pipe(v.array(FileEventSchema), v.maxLength(CALENDAR_PART_SIZE)) }),
  }),
  writes: false,
  unreadable: 'A meeting in this calendar file could not be read: nothing was imported.',
  run: async (_db, { upload, index, part }, ctx) => ({ received: addPart(upload, 'calendar', index, part, ctx.now) }),
});
