import { launch } from '../tests/e2e/harness';
import { waitForDatabase } from '../tests/e2e/seed';
import { makeIcs } from './ics-file';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');

type Bench = {
  getDb(): {
    people: { clear(): Promise<void> };
    interactions: { clear(): Promise<void>; toArray(): Promise<Array<{ key: string }>> };
  };
  readIcs(text: string, options: object): { events: unknown[] };
  importEvents(db: unknown, events: unknown[], options: object): Promise<{ meetings: number }>;
};

interface Round {
  importMs: number;
  floorMs: number;
  instances: number;
  meetings: number;
}

/**
 * Importing a calendar file in the options page: read (parse, expand, zones), the rules, and the writes, for
 * a file of 5,000 events and one of 50,000. Each round's floor is a bare IndexedDB write of the same meetings
 * (one transaction of puts into a store with no index) in the same page, so the ratio does not depend on
 * the machine's speed. The page is the bench build's quiet one (#/bench): no live queries run beside it.
 */
export async function icsFigures(buildDir: string, rounds = 5) {
  const session = await launch({ fakeTime: '2026-11-28 20:00:00', extensionDir: buildDir });
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await waitForDatabase(page);
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/bench`);
    await page.waitForFunction(() => 'readIcs' in ((globalThis as { bridgesBench?: object }).bridgesBench ?? {}));
    // Both files are measured in alternate rounds, so that a change in the machine's load weighs on both alike.
    await page.evaluate(
      ([small, large]) => Object.assign(globalThis, { benchIcs: [small, large] }),
      [makeIcs(5_000, NOW), makeIcs(50_000, NOW)],
    );
    const all = await page.evaluate(
      async ({ rounds, now }) => {
        const b = (globalThis as unknown as { bridgesBench: Bench }).bridgesBench;
        const texts = (globalThis as unknown as { benchIcs: string[] }).benchIcs;
        const db = b.getDb();
        const floorDb: IDBDatabase = await new Promise((resolve, reject) => {
          const q = indexedDB.open('bench-ics-floor', 1);
          q.onupgradeneeded = () => q.result.createObjectStore('x', { keyPath: 'key' });
          q.onsuccess = () => resolve(q.result);
          q.onerror = () => reject(q.error);
        });
        const write = (rows: unknown[]) =>
          new Promise<void>((resolve, reject) => {
            const tx = floorDb.transaction(['x'], 'readwrite');
            const store = tx.objectStore('x');
            store.clear();
            for (const r of rows) store.put(r);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        const out: Round[][] = [[], []];
        for (let i = 0; i < rounds; i++) {
          for (const [size, text] of texts.entries()) {
            await db.interactions.clear();
            await db.people.clear();
            const t0 = performance.now();
            const { events } = b.readIcs(text, { until: now, timeZone: 'America/New_York' });
            const summary = await b.importEvents(db, events, {
              now,
              myEmails: ['me@corp.example'],
              rules: { guestLimit: 25 },
              includeLarge: false,
            });
            const importMs = performance.now() - t0;
            const rows = await db.interactions.toArray();
            await write([]);
            const t1 = performance.now();
            await write(rows);
            out[size]?.push({
              importMs,
              floorMs: performance.now() - t1,
              instances: events.length,
              meetings: summary.meetings,
            });
          }
        }
        floorDb.close();
        indexedDB.deleteDatabase('bench-ics-floor');
        return out;
      },
      { rounds, now: NOW },
    );
    const [small = [], large = []] = all;
    const per1000 = (rs: Round[]) => median(rs.map((r) => (r.importMs / r.instances) * 1000));
    const ratio = (rs: Round[]) => median(rs.map((r) => r.importMs / r.floorMs));
    const [s, l] = [small[0], large[0]];
    if (!s || !l || s.meetings !== s.instances || l.meetings !== l.instances)
      throw new Error('the import did not log every meeting of the file');
    return {
      figures: {
        'ics.importMsPer1000': round(per1000(small), 1),
        'ics.importMsPer1000At50k': round(per1000(large), 1),
        'ics.linearity': round(per1000(large) / per1000(small), 2),
        'ics.ratio': round(ratio(small), 2),
        'ics.writeFloorMsPer1000': round(median(small.map((r) => (r.floorMs / r.meetings) * 1000)), 1),
      },
      notes: {
        'ics.importMsPer1000': `5,000 events (${s.instances} meetings, ${round(makeIcs(5_000, NOW).length / 1e6, 1)} MB): read, expand, rules, write; per 1,000 meetings, median of ${rounds}`,
        'ics.importMsPer1000At50k': `50,000 events (${l.instances} meetings, ${round(makeIcs(50_000, NOW).length / 1e6, 1)} MB), the same mix; median of ${rounds}`,
        'ics.linearity': 'the 50,000-event figure / the 5,000-event figure (1 = linear)',
        'ics.ratio': `import / bare IndexedDB puts of the same meetings in the same page and round, median of ${rounds} (at 50,000 events: ${round(ratio(large), 2)})`,
        'ics.writeFloorMsPer1000': "that floor per 1,000 meetings: this machine's IndexedDB write speed",
      },
    };
  } finally {
    await session.close();
  }
}
