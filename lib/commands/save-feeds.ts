import * as v from 'valibot';
import { checkFeedAddress } from '../feed/address';
import { getSetting, setSetting } from '../settings';
import { FEED_STATUS_NONE } from '../settings-schema';
import { command } from './command';

const Address = v.pipe(
  v.string('An address must be text.'),
  v.maxLength(600, 'This address is too long to be a calendar address.'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const checked = checkFeedAddress(dataset.value);
    if (!checked.ok) {
      addIssue({ message: checked.message });
      return NEVER;
    }
    return checked;
  }),
);

/**
 * Turn syncing from the user's calendar feeds on (with their secret addresses) or off. Off forgets the
 * addresses and what the feeds showed; meetings already logged stay.
 */
export const saveFeeds = command({
  from: ['page'],
  input: v.strictObject({
    enabled: v.boolean(),
    addresses: v.pipe(v.array(Address), v.maxLength(10, 'Bridges syncs at most 10 calendars.')),
  }),
  recount: false,
  async run(db, { enabled, addresses }, ctx) {
    if (!enabled) {
      await db.transaction('rw', db.settings, async () => {
        await setSetting(db, 'feedSettings', { enabled: false, feeds: [] });
        await setSetting(db, 'feedSyncState', {});
        await setSetting(db, 'feedStatus', FEED_STATUS_NONE);
      });
      await ctx.feeds.schedule();
      return { enabled: false, feeds: 0 };
    }
    const current = await getSetting(db, 'feedSettings');
    const seen = new Set<string>();
    const feeds = addresses
      .filter((a) => !seen.has(a.url) && seen.add(a.url))
      .map((a) => ({
        id: current.feeds.find((f) => f.url === a.url)?.id ?? crypto.randomUUID(),
        url: a.url,
        calendar: a.calendar,
      }));
    await setSetting(db, 'feedSettings', { enabled: feeds.length > 0, feeds });
    await ctx.feeds.schedule();
    return { enabled: feeds.length > 0, feeds: feeds.length };
  },
});
