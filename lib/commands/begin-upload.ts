import * as v from 'valibot';
import { command } from './command';
import { beginUpload as begin, MAX_PARTS } from './uploads';

/** Announce a large input sent in parts (a backup to restore, a calendar file's meetings to import). */
export const beginUpload = command({
  from: ['page'],
  input: v.strictObject({
    kind: v.picklist(['backup', 'calendar']),
    parts: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1, 'A file has at least one part.'),
      v.maxValue(MAX_PARTS, 'This file is too large for Bridges to take in.'),
    ),
  }),
  writes: false,
  run: async (_db, { kind, parts }, ctx) => ({ upload: begin(kind, parts, ctx.now) }),
});
