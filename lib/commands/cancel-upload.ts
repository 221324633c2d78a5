import * as v from 'valibot';
import { command } from './command';
import { cancelUpload as cancel } from './uploads';

/** The page gives up on a file it was sending (a part was refused): what the background began is undone. */
export const cancelUpload = command({
  from: ['page'],
  input: v.strictObject({ upload: v.pipe(v.string(), v.maxLength(100)) }),
  writes: false,
  async run(_db, { upload }) {
    cancel(upload);
    return { ok: true } as const;
  },
});
