import * as v from 'valibot';
import { GroupSchema, InteractionSchema, PersonSchema } from '../data/backup-schema';
import { BACKUP_PART_SIZE, MAX_PARTS } from '../data/parts';
import { Instant, UploadId, UserSettingsSchema } from '../schema';
import { command } from './command';
import { addPart, PartText } from './uploads';

export const BackupPartSchema = v.strictObject({
  people: v.optional(v.pipe(v.array(PersonSchema), v.maxLength(BACKUP_PART_SIZE))),
  interactions: v.optional(v.pipe(v.array(InteractionSchema), v.maxLength(BACKUP_PART_SIZE))),
  groups: v.optional(v.pipe(v.array(GroupSchema), v.maxLength(BACKUP_PART_SIZE))),
  settings: v.optional(UserSettingsSchema),
  exportedAt: v.optional(Instant),
});
export type BackupPart = v.InferOutput<typeof BackupPartSchema>;

const UNREADABLE = 'A part of this backup could not be read: nothing was restored.';

/**
 * One part of a backup being restored, as JSON text: its records, each checked as the backup file's own
 * schema checks it, then written (lib/data/restore.ts). Parts come in order: settings, groups, people,
 * meetings.
 */
export const sendBackupPart = command({
  from: ['page'],
  input: v.strictObject({
    upload: UploadId,
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PARTS - 1)),
    part: PartText(BackupPartSchema, UNREADABLE),
  }),
  recount: false,
  unreadable: UNREADABLE,
  run: async (_db, { upload, index, part }, ctx) => ({ received: addPart(upload, 'backup', index, part, ctx.now) }),
});
