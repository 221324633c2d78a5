import * as v from 'valibot';
import { MIN_PASSPHRASE } from '../sync/crypto';
import { command } from './command';

/**
 * Turn on sync across the user's browsers with their passphrase: the one their other browsers use, or, on the first
 * browser, a new one. The passphrase is used here to make the key and is never kept.
 */
export const turnSyncOn = command({
  from: ['page'],
  input: v.strictObject({
    passphrase: v.pipe(
      v.string('A passphrase must be text.'),
      v.check((p) => [...p].length >= MIN_PASSPHRASE, `A passphrase has at least ${MIN_PASSPHRASE} characters.`),
      v.maxLength(1000, 'A passphrase can be at most 1,000 characters.'),
    ),
  }),
  recount: true,
  run: (_db, { passphrase }, ctx) => ctx.sync.turnOn(passphrase),
});
