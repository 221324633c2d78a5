import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeBackupFile } from '../../lib/data/backup';
import { interactionsCsv, peopleCsv } from '../../lib/data/csv';
import { AppDB, USER_FIELDS, type UserField } from '../../lib/db/app-db';
import type { Person } from '../../lib/db/types';
import { createFeedSync } from '../../lib/feed/scheduled-sync';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { getSetting, setSetting } from '../../lib/settings';
import { createBackup } from '../helpers/backup';
import { FEED_URL, type FeedMeeting, fakeFetch, feedIcs, ME } from '../helpers/feed';
import { meetingAt } from '../helpers/people';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 23, 18);
let now = NOW;
let db: AppDB;
let served: string;
let etag = '"1"';

const PRIYA = 'priya@finance.example';
const SAM = 'sam@partner.example';
const both = (a: string, b?: string): Array<[string, string]> => [
  [ME, 'ACCEPTED'],
  [a, 'ACCEPTED'],
  ...(b ? ([[b, 'ACCEPTED']] as Array<[string, string]>) : []),
];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  db = new AppDB(`feed-${crypto.randomUUID()}`);
  now = NOW;
  etag = '"1"';
  await setSetting(db, 'myEmails', [ME]);
  await setSetting(db, 'feedSettings', { enabled: true, feeds: [{ id: 'f1', url: FEED_URL, calendar: ME }] });
});
afterEach(async () => {
  await db.delete();
});

function serve(meetings: FeedMeeting[]) {
  served = feedIcs(meetings);
  etag = `"${Math.random()}"`;
}

function syncer() {
  const net = fakeFetch((_url, headers) =>
    headers['If-None-Match'] === etag
      ? new Response(null, { status: 304 })
      : new Response(served, { headers: { etag } }),
  );
  const changed = vi.fn(async () => {});
  return { sync: createFeedSync(db, { now: () => now, fetch: net.fetch, changed }), net, changed };
}

const week: FeedMeeting[] = [
  { uid: 'budget', start: NOW - 3 * DAY, attendees: both(PRIYA) },
  { uid: 'partner', start: NOW - 2 * DAY, attendees: both(SAM, PRIYA) },
  { uid: 'solo', start: NOW - DAY }, // no one else
  {
    uid: 'skipped',
    start: NOW - DAY,
    attendees: [
      [ME, 'DECLINED'],
      [SAM, 'ACCEPTED'],
    ],
  },
  { uid: 'tomorrow', start: NOW + DAY, attendees: both(SAM) },
];

describe('syncing from the calendar feed', () => {
  it('logs past meetings by the rules of a click on the first sync', async () => {
    serve(week);
    const { sync, changed } = syncer();
    expect(await sync.sync()).toEqual({ status: 'done', added: 2, removed: 0, updated: 0, error: null });
    expect((await db.interactions.toArray()).map((i) => [i.key, i.source]).sort()).toEqual([
      ['gcal:budget', 'feed'],
      ['gcal:partner', 'feed'],
    ]);
    expect(await db.people.get(PRIYA)).toMatchObject({ lastMetAt: NOW - 2 * DAY, interactionCount: 2 });
    expect(await db.people.get(ME)).toBeUndefined();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await getSetting(db, 'feedStatus')).toMatchObject({
      lastSyncAt: NOW,
      lastAdded: 2,
      totalAdded: 2,
      error: null,
    });
  });

  it('writes nothing when the feed has not changed, whether Google says so (304) or sends it again', async () => {
    serve(week);
    const { sync, net } = syncer();
    await sync.sync();
    const writes = [
      vi.spyOn(db.interactions, 'bulkAdd'),
      vi.spyOn(db.interactions, 'bulkPut'),
      vi.spyOn(db.people, 'bulkPut'),
    ];
    now += 3 * HOUR;
    expect(await sync.sync()).toMatchObject({ added: 0, removed: 0, updated: 0 });
    expect(net.requests[1]?.headers['If-None-Match']).toBe(etag);
    etag = '"changed-etag, same content"';
    expect(await sync.sync()).toMatchObject({ added: 0, removed: 0, updated: 0 });
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });

  it('adds only what is new', async () => {
    serve(week);
    const { sync } = syncer();
    await sync.sync();
    const add = vi.spyOn(db.interactions, 'bulkAdd');
    now += 3 * HOUR;
    serve([...week, { uid: 'coffee', start: now - HOUR, attendees: both('lee@design.example') }]);
    expect(await sync.sync()).toMatchObject({ added: 1, removed: 0 });
    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0]?.[0].map((i) => i.key)).toEqual(['gcal:coffee']);
  });

  it('takes back a meeting the feed later shows cancelled, and recomputes the last contact', async () => {
    serve(week);
    const { sync } = syncer();
    await sync.sync();
    serve(week.map((m) => (m.uid === 'partner' ? { ...m, status: 'CANCELLED' as const, sequence: 1 } : m)));
    expect(await sync.sync()).toMatchObject({ added: 0, removed: 1 });
    expect(await db.interactions.get('gcal:partner')).toBeUndefined();
    expect(await db.people.get(PRIYA)).toMatchObject({ lastMetAt: NOW - 3 * DAY, interactionCount: 1 });
    expect(await db.people.get(SAM)).toBeUndefined(); // met only there, and nothing of the user's about them
  });

  it('takes back a meeting the user declined after all; someone the user had a note about stays', async () => {
    serve(week);
    const { sync } = syncer();
    await sync.sync();
    await db.people.update(SAM, { note: 'Renewal in March' });
    serve(
      week.map((m) =>
        m.uid === 'partner'
          ? {
              ...m,
              attendees: [
                [ME, 'DECLINED'],
                [SAM, 'ACCEPTED'],
              ],
            }
          : m,
      ),
    );
    expect(await sync.sync()).toMatchObject({ removed: 1 });
    expect(await db.people.get(SAM)).toMatchObject({ note: 'Renewal in March', interactionCount: 0 });
  });

  // One edit of each field the user sets: the type makes a new field of Person need a line here.
  const EDITS: { [K in UserField]: Person[K] } = {
    priority: 'high',
    kind: 'customer',
    team: true,
    ignored: true,
    snoozedUntil: NOW + 30 * DAY,
    idealDays: 20,
    maxDays: 40,
    groupId: 'g1',
    teamSuggestionDismissed: true,
    note: 'Renewal in March',
    thanksOwedSince: NOW - DAY,
    thanksSettledAt: NOW - DAY,
    planningSince: NOW - DAY,
  };

  it("has an edit for each of the user's fields", () => {
    expect(Object.keys(EDITS).sort()).toEqual([...USER_FIELDS].sort());
  });

  it.each(Object.entries(EDITS))(
    'keeps someone whose only meeting it takes back when the user set their %s',
    async (field, value) => {
      serve(week);
      const { sync } = syncer();
      await sync.sync();
      await db.people.update(PRIYA, { [field]: value } as Partial<Person>);
      serve(week.filter((m) => m.uid !== 'budget' && m.uid !== 'partner'));
      expect(await sync.sync()).toMatchObject({ removed: 2 });
      expect(await db.people.get(PRIYA)).toMatchObject({ [field]: value, interactionCount: 0 });
      expect(await db.people.get(SAM)).toBeUndefined(); // untouched: a meeting booked is not the user's edit
    },
  );

  it('follows a moved instance of a recurring meeting to its new time', async () => {
    const series: FeedMeeting = {
      uid: 'weekly',
      start: NOW - 14 * DAY,
      rrule: 'FREQ=WEEKLY;COUNT=2',
      attendees: both(PRIYA),
    };
    serve([series]);
    const { sync } = syncer();
    await sync.sync();
    const last = NOW - 7 * DAY;
    const key = `gcal:weekly_${new Date(last).toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
    expect((await db.interactions.get(key))?.start).toBe(last);
    serve([series, { uid: 'weekly', recurrenceId: last, start: last + 2 * DAY, attendees: both(PRIYA), sequence: 1 }]);
    expect(await sync.sync()).toMatchObject({ added: 0, updated: 1, removed: 0 });
    expect((await db.interactions.get(key))?.start).toBe(last + 2 * DAY);
    expect((await db.people.get(PRIYA))?.lastMetAt).toBe(last + 2 * DAY);
  });

  it('never removes a meeting the user logged themselves', async () => {
    await db.interactions.add(meetingAt('gcal:budget', NOW - 3 * DAY, [PRIYA], { source: 'google-calendar' }));
    serve(week);
    const { sync } = syncer();
    await sync.sync();
    serve(week.filter((m) => m.uid !== 'budget'));
    await sync.sync();
    expect(await db.interactions.get('gcal:budget')).toMatchObject({ source: 'google-calendar' });
  });

  it('keeps the error in words, and changes nothing', async () => {
    const { sync } = createFeedSync(db, {
      now: () => now,
      fetch: fakeFetch(() => new Response('gone', { status: 404 })).fetch,
    });
    const result = await sync();
    expect(result).toMatchObject({ status: 'done', added: 0, error: { problem: 'revoked', calendar: ME } });
    expect((await getSetting(db, 'feedStatus')).error?.message).toMatch(/^Google no longer accepts this address/);
    expect(await db.interactions.count()).toBe(0);
  });

  it('asks nothing of the network without the permission the user gave', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: ['https://mail.google.com/*'] } as never);
    serve(week);
    const { sync, net } = syncer();
    expect(await sync.sync()).toMatchObject({ error: { problem: 'not-allowed' } });
    expect(net.requests).toHaveLength(0);
  });

  it('syncs when the popup opens only if the last sync is older than an hour', async () => {
    serve(week);
    const { sync, net } = syncer();
    await sync.sync();
    now += 30 * 60_000;
    expect(await sync.syncIfStale()).toEqual({ status: 'fresh', lastSyncAt: NOW });
    now += 31 * 60_000;
    expect(await sync.syncIfStale()).toMatchObject({ status: 'done' });
    expect(net.requests).toHaveLength(2);
  });

  it('refuses a feed of more meetings than a calendar file is read with, in the words of an import, and writes nothing', async () => {
    // 60 daily series since 2021: 60 × 2,000 newest instances, over the 100,000 a calendar is read with.
    serve(
      Array.from({ length: 60 }, (_, i) => ({
        uid: `daily${i}`,
        start: NOW - 2_000 * DAY,
        rrule: 'FREQ=DAILY',
        attendees: both(`p${i}@x.example`),
      })),
    );
    const { sync } = syncer();
    const result = await sync.sync();
    expect(result).toMatchObject({ added: 0, error: { problem: 'too-large' } });
    expect((await getSetting(db, 'feedStatus')).error?.message).toMatch(
      // 60 daily series, each read to its cap of 2,000 past meetings, and apart from it the 90 days ahead.
      /^This calendar holds 125,400 meetings, more than the 100,000 Bridges reads at once\. Nothing was changed\./,
    );
    expect(await db.interactions.count()).toBe(0);
  }, 60_000);

  it('syncs a feed of more meetings than a feed once took (50,000), as a file of them is imported', async () => {
    serve(
      Array.from({ length: 30 }, (_, i) => ({
        uid: `daily${i}`,
        start: NOW - 2_000 * DAY,
        rrule: 'FREQ=DAILY',
        attendees: both(`p${i}@x.example`),
      })),
    );
    const { sync } = syncer();
    // Each daily series from 2,000 days ago: its newest 2,000 meetings up to today, a series' cap (the days ahead are
    // read apart from it, so looking ahead costs none of its history).
    expect(await sync.sync()).toMatchObject({ status: 'done', added: 60_000, error: null });
  }, 60_000);

  it('writes only what a backup restores: a meeting from 1965 is kept, one from 1850 left out', async () => {
    serve([
      { uid: 'old', start: Date.UTC(1965, 2, 12, 10), attendees: both(PRIYA) },
      { uid: 'older', start: Date.UTC(1850, 2, 12, 10), attendees: both(SAM) },
    ]);
    expect(await syncer().sync.sync()).toMatchObject({ status: 'done', added: 1 });
    expect((await db.interactions.toArray()).map((i) => i.key)).toEqual(['gcal:old']);
    expect(await writeBackupFile(db, {}, NOW)).toMatchObject({ ok: true });
  });

  it('keeps the secret address out of a backup and a CSV', async () => {
    serve(week);
    await syncer().sync.sync();
    const backup = JSON.stringify(await createBackup(db, {}, now));
    const csv =
      interactionsCsv(await db.interactions.toArray()) +
      peopleCsv(await db.people.toArray(), new Map(), [], DEFAULT_CADENCES, now);
    for (const text of [backup, csv]) {
      expect(text).not.toContain('private-0123456789abcdef');
      expect(text).not.toContain('calendar/ical');
    }
  });
});

describe('meetings booked ahead, from the feed', () => {
  it('notes the meetings to come as booked (not as contacts), and follows the feed when they move, are cancelled or declined', async () => {
    serve([
      ...week,
      { uid: 'ahead', start: NOW + 3 * DAY, attendees: both(PRIYA) },
      { uid: 'later', start: NOW + 10 * DAY, attendees: both(SAM) },
      {
        uid: 'i-declined',
        start: NOW + 4 * DAY,
        attendees: [
          [ME, 'DECLINED'],
          [PRIYA, 'ACCEPTED'],
        ],
      },
      { uid: 'too-far', start: NOW + 200 * DAY, attendees: both(SAM) },
    ]);
    const { sync } = syncer();
    await sync.sync();
    expect((await db.upcoming.toCollection().primaryKeys()).sort()).toEqual([
      'gcal:ahead',
      'gcal:later',
      'gcal:tomorrow',
    ]);
    expect(await db.interactions.get('gcal:ahead')).toBeUndefined();
    const priya = await db.people.get(PRIYA);
    expect(priya?.nextMeetingAt).toBe(NOW + 3 * DAY);
    expect(priya?.lastMetAt).toBe(NOW - 2 * DAY); // a meeting to come is not a contact
    expect((await db.people.get(SAM))?.nextMeetingAt).toBe(NOW + DAY); // the earliest: tomorrow's

    // Cancelled in the calendar, and the later one gone from it: no longer booked.
    serve([...week, { uid: 'ahead', start: NOW + 3 * DAY, attendees: both(PRIYA), status: 'CANCELLED' }]);
    await sync.sync();
    expect(await db.upcoming.toCollection().primaryKeys()).toEqual(['gcal:tomorrow']);
    expect((await db.people.get(PRIYA))?.nextMeetingAt).toBeNull();
    expect((await db.people.get(SAM))?.nextMeetingAt).toBe(NOW + DAY);
  });

  it('replaces a booked meeting with the logged one once it has happened', async () => {
    serve([...week, { uid: 'ahead', start: NOW + 2 * DAY, attendees: both(SAM) }]);
    const { sync } = syncer();
    await sync.sync();
    expect((await db.people.get(SAM))?.nextMeetingAt).toBe(NOW + DAY);
    now = NOW + 3 * DAY;
    serve([...week, { uid: 'ahead', start: NOW + 2 * DAY, attendees: both(SAM) }]);
    await sync.sync();
    expect(await db.upcoming.get('gcal:ahead')).toBeUndefined();
    expect(await db.interactions.get('gcal:ahead')).toMatchObject({ source: 'feed' });
    expect(await db.people.get(SAM)).toMatchObject({ lastMetAt: NOW + 2 * DAY, nextMeetingAt: null });
  });
});
