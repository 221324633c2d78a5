import * as v from 'valibot';
import { command } from './command';

/** Sync the calendar feeds now ("Sync now"), or only if the last sync is older than an hour (the popup). */
export const syncFeeds = command({
  from: ['page'],
  input: v.strictObject({ ifStale: v.boolean() }),
  recount: false, // the sync recounts the reminder itself when it changed anything
  run: (_db, { ifStale }, ctx) => (ifStale ? ctx.feeds.syncIfStale() : ctx.feeds.sync()),
});
