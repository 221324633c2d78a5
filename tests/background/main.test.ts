import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { getDb } from '../../lib/db/app-db';
import { FEED_ALARM } from '../../lib/feed/scheduled-sync';
import { getSetting, setSetting } from '../../lib/settings';
import { connectable } from '../helpers/background';
import { FEED_URL, feedIcs, ME } from '../helpers/feed';

// The background's own start, as the browser runs it (WXT's defineBackground main()), on fakeBrowser: the feed's
// alarm, when it fires, runs the sync, which fetches the user's feed and logs its past meetings.
const DAY = 86_400_000;

beforeEach(() => {
  fakeBrowser.reset();
  connectable();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await getDb().delete();
});

describe("the background's main()", () => {
  it("syncs the feed when the feed's alarm fires", async () => {
    const now = Date.now();
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        fetched.push(String(url));
        const ics = feedIcs([
          {
            uid: 'budget',
            start: now - 3 * DAY,
            attendees: [
              [ME, 'ACCEPTED'],
              ['priya@finance.example', 'ACCEPTED'],
            ],
          },
        ]);
        return new Response(ics, { headers: { etag: '"1"' } });
      }),
    );
    background.main();
    const db = getDb();
    // The background opens its database first; the settings are written as the settings page's command would.
    await vi.waitFor(() => expect(db.isOpen()).toBe(true));
    await setSetting(db, 'myEmails', [ME]);
    await setSetting(db, 'feedSettings', { enabled: true, feeds: [{ id: 'f1', url: FEED_URL, calendar: ME }] });
    expect(fetched).toEqual([]);

    await fakeBrowser.alarms.onAlarm.trigger({
      name: FEED_ALARM,
      scheduledTime: now,
      persistAcrossSessions: false,
    } as never);
    await vi.waitFor(async () => expect(await db.interactions.get('gcal:budget')).toMatchObject({ source: 'feed' }));
    expect(fetched).toEqual([FEED_URL]);
    expect(await db.people.get('priya@finance.example')).toMatchObject({ interactionCount: 1 });
    // The start's own work has ended too (the weekly reminder set, the sync's status written) before the test ends.
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('bridges-weekly-reminder')).toBeDefined());
    await vi.waitFor(async () => expect((await getSetting(db, 'feedStatus')).lastSyncAt).not.toBeNull());
  });
});
