import type { Page } from 'playwright-core';
import { CHIPS, WEEK_URL, weekViewPage } from '../tests/e2e/calendar-page';
import { launch, readStore, type Session } from '../tests/e2e/harness';
import { LogControlDriver } from '../tests/e2e/log-control';
import { makeLog, seedStore, waitForDatabase } from '../tests/e2e/seed';
import { openCard, probeSamples, waitForLabel } from './logging';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');

type Bench = {
  getDb(): { interactions: { clear(): Promise<void> } };
  deps: unknown;
  restoreFile(
    file: Blob,
    mode: string,
    deps: unknown,
    step: (d: number, t: number, s?: string) => void,
  ): Promise<unknown>;
  makeBackupFile(settings: object, now: number, deps: unknown, step: () => void): Promise<{ file: Blob }>;
};

/**
 * Backup and restore at a heavy user's size (2,000 people, 50,000 meetings) as the user's click runs them,
 * each against this machine's floor measured in the same page in the same round: the restore from the chosen
 * file to the background's answer that all is committed (read and checked in the page's worker, sent in
 * parts, written by the restore command) against bare IndexedDB puts of the same records into stores with no
 * index; the backup from the click to the file ready to download (read, checked, written out in the worker)
 * against bare getAll() of every store. Then how long a "Log meeting" click in a Calendar tab waits when it
 * comes while such a restore writes.
 */
export async function dataFigures(buildDir: string, rounds = 5) {
  const session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    extensionDir: buildDir,
    pages: { [WEEK_URL]: weekViewPage() },
  });
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await waitForDatabase(page);
    const log = makeLog(2000, 50_000, NOW);
    for (let i = 0; i < log.interactions.length; i += 10_000)
      await seedStore(session.worker, { interactions: log.interactions.slice(i, i + 10_000) });
    await seedStore(session.worker, { people: log.people });
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/data`);
    await page.getByRole('heading', { name: 'Backup', exact: true }).waitFor();
    const times = await page.evaluate(
      async ({ rounds, now }) => {
        const b = (globalThis as unknown as { bridgesBench: Bench }).bridgesBench;
        const STORES = ['people', 'interactions', 'groups'];
        const open = (name: string, create?: (db: IDBDatabase) => void) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const q = create ? indexedDB.open(name, 1) : indexedDB.open(name);
            if (create) q.onupgradeneeded = () => create(q.result);
            q.onsuccess = () => resolve(q.result);
            q.onerror = () => reject(q.error);
          });
        const done = (tx: IDBTransaction) =>
          new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error);
          });
        // Bare getAll() of every store of the extension's database.
        const readFloor = async () => {
          const db = await open('bridges');
          const t0 = performance.now();
          const tx = db.transaction(STORES, 'readonly');
          for (const store of STORES) tx.objectStore(store).getAll();
          await done(tx);
          const ms = performance.now() - t0;
          db.close();
          return ms;
        };
        // Bare puts of the same records, in one transaction (after clearing them, as a restore that replaces
        // everything does): into stores with no index, and into stores with the indexes the popup, the person page
        // and the trends need (schema version 4's, which version 5 keeps), which cost on their own.
        const floorDb = await open('bench-floor', (db) => {
          db.createObjectStore('people', { keyPath: 'email' });
          db.createObjectStore('interactions', { keyPath: 'key' });
          db.createObjectStore('groups', { keyPath: 'id' });
        });
        const indexedDb = await open('bench-floor-indexed', (db) => {
          db.createObjectStore('people', { keyPath: 'email' }).createIndex('groupId', 'groupId');
          const meetings = db.createObjectStore('interactions', { keyPath: 'key' });
          meetings.createIndex('start', 'start');
          meetings.createIndex('people', 'people', { multiEntry: true });
          db.createObjectStore('groups', { keyPath: 'id' });
        });
        const writeFloor = async (records: Record<string, unknown[]>, target = floorDb) => {
          const t0 = performance.now();
          const tx = target.transaction(STORES, 'readwrite');
          for (const store of STORES) {
            const os = tx.objectStore(store);
            os.clear();
            for (const row of records[store] ?? []) os.put(row);
          }
          await done(tx);
          return performance.now() - t0;
        };
        const out = { backup: [] as number[], readFloor: [] as number[], restore: [] as number[] };
        const more = {
          writeFloor: [] as number[],
          indexedFloor: [] as number[],
          command: [] as number[],
          size: 0,
          coldBackup: 0,
        };
        // Backups first (a round after a 50,000-meeting restore would time the database's own tidying up), each
        // beside its floor, the order alternating; a first round warms the page's worker up (and is noted).
        let file: Blob | null = null;
        for (let i = 0; i < rounds + 1; i++) {
          if (i % 2 === 0) out.readFloor.push(await readFloor());
          const t0 = performance.now();
          const made = await b.makeBackupFile({}, now, b.deps, () => {});
          out.backup.push(performance.now() - t0);
          if (i % 2 === 1) out.readFloor.push(await readFloor());
          if (!file) file = made.file;
          if (i === 0) more.coldBackup = out.backup.pop() ?? 0;
          if (i === 0) out.readFloor.pop();
        }
        if (!file) throw new Error('no backup');
        more.size = file.size;
        const records: Record<string, unknown[]> = JSON.parse(await file.text());
        // Then restores of that file (replace), each beside its floors.
        for (let i = 0; i < rounds + 1; i++) {
          if (i % 2 === 0) {
            more.writeFloor.push(await writeFloor(records));
            more.indexedFloor.push(await writeFloor(records, indexedDb));
          }
          let writing = 0;
          const t0 = performance.now();
          await b.restoreFile(file, 'replace', b.deps, (_d, _t, step) => {
            if (step?.startsWith('Finishing')) writing = performance.now();
          });
          const end = performance.now();
          out.restore.push(end - t0);
          more.command.push(end - writing);
          if (i % 2 === 1) {
            more.indexedFloor.push(await writeFloor(records, indexedDb));
            more.writeFloor.push(await writeFloor(records));
          }
          if (i === 0) for (const list of [out.restore, more.writeFloor, more.indexedFloor, more.command]) list.pop();
        }
        floorDb.close();
        indexedDb.close();
        return { ...out, ...more };
      },
      { rounds, now: NOW },
    );
    const stored = await readStore(session.worker);
    if (stored.people.length !== log.people.length || stored.interactions.length !== 50_000)
      throw new Error('the restore did not give the data back');
    const logWaits = await logWhileRestoring(session, page, 3);

    const perRound = (ops: number[], floors: number[]) => ops.map((ms, i) => ms / (floors[i] ?? Number.NaN));
    const ratio = (ops: number[], floors: number[]) => median(perRound(ops, floors));
    const spread = (ops: number[], floors: number[]) =>
      perRound(ops, floors)
        .map((r) => round(r, 2))
        .join(', ');
    return {
      figures: {
        'backup.ms': round(median(times.backup), 0),
        'backup.readFloorMs': round(median(times.readFloor), 0),
        'backup.ratio': round(ratio(times.backup, times.readFloor), 2),
        'restore.ms': round(median(times.restore), 0),
        'restore.writeFloorMs': round(median(times.writeFloor), 0),
        'restore.ratio': round(ratio(times.restore, times.writeFloor), 2),
        'restore.indexedFloorMs': round(median(times.indexedFloor), 0),
        'restore.indexedRatio': round(ratio(times.restore, times.indexedFloor), 2),
        'restore.tailMs': round(median(times.command), 0),
        'restore.logWaitMs': round(median(logWaits), 0),
      },
      notes: {
        'backup.ms': `median of ${rounds}: from the click to a checked ${round(times.size / 1024 / 1024, 1)} MB file of ${stored.people.length} people and 50,000 meetings ready to download (the page's first, with its worker cold: ${round(times.coldBackup, 0)} ms)`,
        'backup.readFloorMs': `median of ${rounds}: bare getAll() of every store, in the same page, in the same rounds`,
        'backup.ratio': `backup / read floor, per round, median (rounds: ${spread(times.backup, times.readFloor)})`,
        'restore.ms': `median of ${rounds}: that file chosen to all of it committed (worker reads and checks, parts sent, one restore command replaces everything)`,
        'restore.writeFloorMs': `median of ${rounds}: bare IndexedDB puts of the same records into stores with no index, one transaction, in the same page`,
        'restore.ratio': `restore / write floor, per round, median (rounds: ${spread(times.restore, times.writeFloor)})`,
        'restore.indexedFloorMs': `median of ${rounds}: bare IndexedDB puts of the same records into stores with the indexes Bridges keeps (meetings by start and by person, people by group), one transaction, in the same page and rounds`,
        'restore.indexedRatio': `restore / indexed write floor, per round, median (rounds: ${spread(times.restore, times.indexedFloor)})`,
        'restore.tailMs': `median of ${rounds}: from the last part handed over to the answer that all is committed`,
        'restore.logWaitMs': `median of ${logWaits.length}: a "Log meeting" click in a Calendar tab while that restore writes, click to "Logged" (${logWaits.map((ms) => round(ms, 0)).join(', ')} ms)`,
      },
    };
  } finally {
    await session.close();
  }
}

/**
 * A "Log meeting" click in a Calendar tab that comes once the restore's first part has been taken in (the worst
 * moment: the restore's one transaction has just opened and is about to write 50,000 meetings), timed from the
 * click to the control saying "Logged", which it does once the meeting is committed.
 */
async function logWhileRestoring(session: Session, options: Page, samples: number): Promise<number[]> {
  const calendar = await session.context.newPage();
  const control = new LogControlDriver(calendar);
  await calendar.goto(WEEK_URL);
  const waits: number[] = [];
  for (let i = 0; i < samples; i++) {
    await session.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('bridges');
        req.onsuccess = () => resolve(req.result);
      });
      await new Promise((resolve) => {
        const tx = db.transaction('interactions', 'readwrite');
        tx.objectStore('interactions').delete('gcal:k5058hfr4d2s30ltiuocpedthd'); // the meeting the card shows
        tx.oncomplete = resolve;
      });
      db.close();
    });
    await openCard(calendar, CHIPS.weeklySync);
    await openCard(calendar, CHIPS.q4Review);
    await waitForLabel(control, 'Log meeting');
    await probeSamples(session.worker); // the timings so far are not this click's
    await options.evaluate(() => {
      const b = (globalThis as unknown as { bridgesBench: Bench }).bridgesBench;
      const w = globalThis as unknown as { restoring?: Promise<unknown>; writing?: boolean; file?: Blob };
      w.writing = false;
      w.restoring = (async () => {
        w.file ??= (await b.makeBackupFile({}, 0, b.deps, () => {})).file;
        // The restore's transaction opens when its first part arrives: a click then waits for all of it.
        return b.restoreFile(w.file, 'replace', b.deps, (done, _t, step) => {
          if (step === 'Restoring…' && done >= 1) w.writing = true;
        });
      })();
    });
    await options.waitForFunction(() => (globalThis as unknown as { writing?: boolean }).writing === true, null, {
      timeout: 120_000,
      polling: 5,
    });
    // A trusted click (the control acts on no other); the bench build's content script times it from its
    // click handler to "Logged", which the control says once the meeting is committed.
    await control.click();
    await waitForLabel(control, 'Logged · 4 people', 20_000);
    const [ms] = (await probeSamples(session.worker)).logs;
    if (ms === undefined) throw new Error('the click was not timed');
    await options.evaluate(() => (globalThis as unknown as { restoring: Promise<unknown> }).restoring);
    waits.push(ms);
  }
  await calendar.close();
  return waits;
}
