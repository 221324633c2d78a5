import * as v from 'valibot';
import { UploadId } from '../schema';
import { command } from './command';
import { dropUpload } from './uploads';

/** The page gives up on a file it was sending (a part was refused): what the background began is undone. */
export const cancelUpload = command({
  from: ['page'],
  input: v.strictObject({ upload: UploadId }),
  recount: false,
  async run(_db, { upload }) {
    dropUpload(upload);
    return { ok: true } as const;
  },
});
