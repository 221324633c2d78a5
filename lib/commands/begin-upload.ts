import * as v from 'valibot';
import { MAX_PARTS } from '../data/parts';
import { RestoreWriter } from '../data/restore';
import { command } from './command';
import { openUpload } from './uploads';

const Parts = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1, 'A file has at least one part.'),
  v.maxValue(MAX_PARTS, 'This file is too large for Bridges to take in.'),
);

/**
 * Announce a large input sent in parts: a backup to restore (written as its parts arrive, in one transaction,
 * with "replace" or "merge" said now), or a calendar file's meetings to import (kept until the import).
 */
export const beginUpload = command({
  from: ['page'],
  input: v.variant('kind', [
    v.strictObject({ kind: v.literal('backup'), parts: Parts, mode: v.picklist(['replace', 'merge']) }),
    v.strictObject({ kind: v.literal('calendar'), parts: Parts }),
  ]),
  recount: false,
  async run(db, input, ctx) {
    const sink = input.kind === 'backup' ? new RestoreWriter(db, input.mode, input.parts) : undefined;
    return { upload: openUpload(input.kind, input.parts, ctx.now, sink) };
  },
});
