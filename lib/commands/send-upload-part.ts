import * as v from 'valibot';
import { GroupSchema, InteractionSchema, PersonSchema } from '../data/backup-schema';
import type { IcsEvent } from '../data/ics';
import { BACKUP_PART_SIZE, CALENDAR_PART_SIZE, MAX_PARTS } from '../data/parts';
import { CalendarEventSchema } from '../logging/event-schema';
import { Instant, Text, UploadId, UserSettingsSchema } from '../schema';
import { command } from './command';
import { addPart, PartText } from './uploads';

const BackupPartSchema = v.strictObject({
  people: v.optional(v.pipe(v.array(PersonSchema), v.maxLength(BACKUP_PART_SIZE))),
  interactions: v.optional(v.pipe(v.array(InteractionSchema), v.maxLength(BACKUP_PART_SIZE))),
  groups: v.optional(v.pipe(v.array(GroupSchema), v.maxLength(BACKUP_PART_SIZE))),
  settings: v.optional(UserSettingsSchema),
  exportedAt: v.optional(Instant),
});

/**
 * A meeting read from a calendar file, checked as a meeting logged from Calendar's page is (so that what the
 * import writes is what a backup accepts: times from 1900 to 2200, old calendars hold meetings from before
 * 1970; text within the bounds Bridges keeps), with the groups among its guests (not people: counted, not
 * logged) and the line where it begins. The page fits a file's events to these bounds before sending them
 * (lib/data/calendar-file.ts) and says what it changed.
 */
const ImportedEventSchema = v.pipe(
  v.object({
    ...CalendarEventSchema.entries,
    groups: v.optional(v.pipe(v.array(Text(320)), v.maxLength(100)), []),
    line: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  }),
  v.check((e) => e.end >= e.start, 'A meeting in this calendar file ends before it starts.'),
) satisfies v.GenericSchema<unknown, IcsEvent>;

const CalendarPartSchema = v.strictObject({
  events: v.pipe(v.array(ImportedEventSchema), v.maxLength(CALENDAR_PART_SIZE)),
});

const Index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PARTS - 1));

/** Each kind's sentence for a part that does not fit (where its schema has no sentence of its own). */
const BACKUP_UNREADABLE = 'A part of this backup could not be read: nothing was restored.';
const CALENDAR_UNREADABLE = 'A meeting in this calendar file could not be read: nothing was imported.';

/**
 * One part of a large input, as JSON text, of the kind its upload was begun for (beginUpload): a backup's
 * records, each checked as the backup file's own schema checks it, then written as they come
 * (lib/data/restore.ts; parts come in order: settings, groups, people, meetings); or a calendar file's
 * meetings, kept until the import. A part of one kind sent to an upload of the other is refused.
 */
export const sendUploadPart = command({
  from: ['page'],
  input: v.variant('kind', [
    v.message(
      v.strictObject({
        kind: v.literal('backup'),
        upload: UploadId,
        index: Index,
        part: PartText(BackupPartSchema, BACKUP_UNREADABLE),
      }),
      BACKUP_UNREADABLE,
    ),
    v.message(
      v.strictObject({
        kind: v.literal('calendar'),
        upload: UploadId,
        index: Index,
        part: PartText(CalendarPartSchema, CALENDAR_UNREADABLE),
      }),
      CALENDAR_UNREADABLE,
    ),
  ]),
  recount: false,
  unreadable: 'A part of this file could not be read: nothing was changed.',
  run: async (_db, { kind, upload, index, part }, ctx) => ({ received: addPart(upload, kind, index, part, ctx.now) }),
});
