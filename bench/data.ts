import { launch } from '../tests/e2e/harness';
import { makeLog, seedStore, waitForDatabase } from '../tests/e2e/seed';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');

type Bench = {
  getDb(): {
    people: { count(): Promise<number> };
    interactions: { count(): Promise<number>; clear(): Promise<void> };
    people_clear?: never;
  };
  createBackup(db: unknown, settings: object, now: number): Promise<unknown>;
  readBackup(text: string): { ok: boolean; backup?: unknown; message?: string };
  restoreBackup(db: unknown, backup: unknown, mode: string): Promise<unknown>;
};

/** Backup and restore at a heavy user's size, in the options page (calendar files: bench/ics.ts). */
export async function dataFigures(buildDir: string, rounds = 5) {
  const session = await launch({ fakeTime: '2026-11-28 20:00:00', extensionDir: buildDir });
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await waitForDatabase(page);
    const log = makeLog(2000, 50_000, NOW);
    for (let i = 0; i < log.interactions.length; i += 10_000)
      await seedStore(session.worker, { interactions: log.interactions.slice(i, i + 10_000) });
    await seedStore(session.worker, { people: log.people });
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/data`);
    const times = await page.evaluate(
      async ({ rounds, now }) => {
        const b = (globalThis as unknown as { bridgesBench: Bench }).bridgesBench;
        const db = b.getDb();
        const backup: number[] = [];
        const restore: number[] = [];
        let size = 0;
        for (let i = 0; i < rounds; i++) {
          let t0 = performance.now();
          const text = JSON.stringify(await b.createBackup(db, {}, now));
          backup.push(performance.now() - t0);
          size = text.length;
          t0 = performance.now();
          const read = b.readBackup(text);
          if (!read.ok) throw new Error(read.message);
          await b.restoreBackup(db, read.backup, 'replace');
          restore.push(performance.now() - t0);
        }
        // The floor for writing these records here: one transaction of bare puts into a store with no index.
        const read = b.readBackup(JSON.stringify(await b.createBackup(db, {}, now)));
        const rows = (read.backup as { interactions: Array<{ key: string }> }).interactions;
        const floorDb: IDBDatabase = await new Promise((resolve) => {
          const q = indexedDB.open('bench-floor', 1);
          q.onupgradeneeded = () => q.result.createObjectStore('x', { keyPath: 'key' });
          q.onsuccess = () => resolve(q.result);
        });
        const t1 = performance.now();
        await new Promise((resolve, reject) => {
          const tx = floorDb.transaction(['x'], 'readwrite');
          const store = tx.objectStore('x');
          for (const r of rows) store.put(r);
          tx.oncomplete = resolve;
          tx.onerror = reject;
        });
        const writeFloor = performance.now() - t1;
        floorDb.close();
        return {
          backup,
          restore,
          size,
          writeFloor,
          people: await db.people.count(),
          interactions: await db.interactions.count(),
        };
      },
      { rounds, now: NOW },
    );
    if (times.people !== log.people.length || times.interactions !== 50_000)
      throw new Error('the restore did not give the data back');

    return {
      figures: {
        'backup.ms': round(median(times.backup), 0),
        'restore.ms': round(median(times.restore), 0),
        'restore.writeFloorMs': round(times.writeFloor, 0),
      },
      notes: {
        'backup.ms': `median of ${rounds}: read ${times.people} people and 50,000 interactions and write a ${round(times.size / 1024 / 1024, 1)} MB file's text`,
        'restore.ms': `median of ${rounds}: check that file and write it in one transaction (replace)`,
        'restore.writeFloorMs':
          "bare IndexedDB puts of the same 50,000 interactions into a store with no index, in the same page: this machine's floor",
      },
    };
  } finally {
    await session.close();
  }
}
