import * as v from 'valibot';
import type { RestoreWriter } from '../data/restore';
import { sweepUpcoming } from '../logging/upcoming';
import { UploadId } from '../schema';
import { saveUserSettings } from '../settings';
import { command } from './command';
import { causeOf } from './failure';
import { takeSink } from './uploads';

/**
 * Finish restoring a backup whose parts have all been sent: answers once all of it is written and committed
 * ("replace" made the data exactly the backup, "merge" added what is new), or with why nothing was. The
 * settings are saved after the records; if that fails, the records stay restored and the answer says the
 * settings were not.
 */
export const restoreBackup = command({
  from: ['page'],
  input: v.strictObject({ upload: UploadId }),
  recount: true,
  async run(db, { upload }, ctx) {
    const { settings, ...summary } = await takeSink<RestoreWriter>(upload, 'backup').result();
    // The restored people carry the bookings of the moment the backup was made: this browser's calendar says.
    await sweepUpcoming(db, ctx.now, true).catch(() => undefined);
    let settingsProblem: string | null = null;
    try {
      await saveUserSettings(db, settings);
      await ctx.reminders.reschedule();
    } catch (error) {
      settingsProblem = causeOf(error);
    }
    return { ...summary, settingsProblem };
  },
});
