import { launch } from '../tests/e2e/harness';
import { putRows, waitForDatabase } from '../tests/e2e/seed';
import { FEED_URL } from '../tests/helpers/feed';
import { makeIcs } from './ics-file';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');

interface Timing {
  parseMs: number;
  syncMs: number;
  instances: number;
  added: number;
}
declare const chrome: {
  storage: { local: { set(v: object): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> };
};

/** `count` meetings of this morning, each with two guests: what a feed gains between two syncs. */
function newMeetings(count: number): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  let out = '';
  for (let i = 0; i < count; i++) {
    const start = NOW - (i + 1) * 15 * 60_000;
    out += [
      'BEGIN:VEVENT',
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 900_000)}`,
      `UID:fresh${i}@google.com`,
      `SUMMARY:New meeting ${i}`,
      `ATTENDEE;PARTSTAT=ACCEPTED;CN=New ${i}:mailto:new${i}@fresh.example`,
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@corp.example',
      'END:VEVENT',
      '',
    ].join('\r\n');
  }
  return out;
}

/**
 * The calendar feed's sync in the background, the whole path of "Sync now": the request (served at the feed's
 * real address), the reading, and the incremental write. A feed of 5,000 events is synced once; then each
 * round serves it with 20 new meetings (timed: `feed.syncMs` is the sync on top of the parse, `feed.parseMs`
 * the parse) and then without them again (untimed), median of `rounds`.
 */
export async function feedFigures(buildDir: string, rounds = 5) {
  const session = await launch({ fakeTime: '2026-11-28 20:00:00', extensionDir: buildDir });
  try {
    const base = makeIcs(5_000, NOW);
    const more = base.replace(/END:VCALENDAR$/, `${newMeetings(20)}END:VCALENDAR`);
    let served = base;
    let version = 0;
    await session.serve(FEED_URL, () => ({
      body: served,
      headers: { 'content-type': 'text/calendar', etag: `"v${++version}"` },
    }));
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await waitForDatabase(page);
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/bench`);
    await session.worker.evaluate(putRows, {
      settings: [
        { name: 'myEmails', value: ['me@corp.example'] },
        {
          name: 'feedSettings',
          value: { enabled: true, feeds: [{ id: 'bench', url: FEED_URL, calendar: 'me@corp.example' }] },
        },
      ],
    });
    const syncNow = () =>
      page.evaluate(async () => {
        const reply = await chrome.runtime.sendMessage({ command: 'syncFeeds', data: { ifStale: false } });
        if (!reply.ok) throw new Error(reply.error);
      });
    const timings = () =>
      session.worker.evaluate(() =>
        (globalThis as unknown as { bridgesBenchFeed: Timing[] }).bridgesBenchFeed.splice(0),
      );
    await syncNow(); // the first sync logs the 5,000
    const first = (await timings())[0];
    const measured: Timing[] = [];
    for (let i = 0; i < rounds; i++) {
      served = more;
      await syncNow();
      const [t] = await timings();
      if (t?.added !== 20) throw new Error(`the sync added ${t?.added} meetings, not 20`);
      measured.push(t);
      served = base;
      await syncNow(); // takes the 20 back out
      await timings();
    }
    const sync = median(measured.map((t) => t.syncMs));
    const parse = median(measured.map((t) => t.parseMs));
    return {
      figures: { 'feed.syncMs': round(sync, 1), 'feed.parseMs': round(parse, 1) },
      notes: {
        'feed.syncMs': `5,000-event feed (${measured[0]?.instances} meetings) with 20 new, the sync on top of the parse; median of ${rounds}; first sync of all ${first?.added} took ${round(first?.syncMs ?? 0, 0)} ms`,
        'feed.parseMs': `the same feed read (${Math.round(more.length / 1024)} KB) in the background, median of ${rounds}`,
      },
    };
  } finally {
    await session.close();
  }
}
