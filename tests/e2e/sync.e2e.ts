import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, readStore, type Session } from './harness';
import { putRows, seedPerson, waitForDatabase } from './seed';

// Sync across browsers in two Chromium profiles with the built extension. There is no sync engine in a test: what
// profile A holds in storage.sync is copied into profile B's from B's service worker (and back), as the engine
// delivers it, so B's storage.onChanged fires with area "sync". Each profile's own clock (the real one).
const PASS = 'orbit lantern copper meadow 42';
const NOW = Date.now();
const DAY = 86_400_000;
const PRIYA = 'priya.raman@partner.example';
const SAM = 'sam.okafor@corp.example';
const WEI = 'wei.chen@supplier.example';
let a: Session;
let b: Session;
let pageA: Page;
let pageB: Page;

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  storage: {
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
    };
  };
};

/** Sends a command from an extension page, as the page's own code does. */
const send = (page: Page, name: string, data: unknown) =>
  page.evaluate(
    async ([name, data]) => {
      const reply = await chrome.runtime.sendMessage({ command: name, data });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    [name, data] as const,
  );

const syncItems = (worker: Worker) => worker.evaluate(() => chrome.storage.sync.get(null));

/** The engine: `to`'s storage.sync made to hold what `from`'s does, written from `to`'s own service worker. */
async function deliver(from: Session, to: Session): Promise<void> {
  const items = await syncItems(from.worker);
  await to.worker.evaluate(async (items) => {
    const current = await chrome.storage.sync.get(null);
    const changed = Object.fromEntries(
      Object.entries(items).filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v)),
    );
    if (Object.keys(changed).length > 0) await chrome.storage.sync.set(changed);
    const gone = Object.keys(current).filter((k) => !(k in items));
    if (gone.length > 0) await chrome.storage.sync.remove(gone);
  }, items);
}

/** The sync state the background keeps, read from the extension's database. Self-contained. */
async function readSyncState(): Promise<Record<string, unknown> | null> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bridges');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const row = await new Promise<{ value: Record<string, unknown> } | undefined>((resolve, reject) => {
    const req = db.transaction('sync').objectStore('sync').get('state');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return row?.value ?? null;
}

const person = async (session: Session, email: string) =>
  (await readStore(session.worker)).people.find((p) => p.email === email);

async function openSettings(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
  await waitForDatabase(page);
  return page;
}

async function turnOn(page: Page, passphrase: string) {
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Turn on sync across browsers' }).click();
}

beforeAll(async () => {
  [a, b] = await Promise.all([launch(), launch()]);
  [pageA, pageB] = await Promise.all([openSettings(a), openSettings(b)]);
  // A's log: people met in meetings (from the calendar), then what the user decided and wrote, through commands.
  const met = NOW - 20 * DAY;
  await a.worker.evaluate(putRows, {
    people: [
      seedPerson(PRIYA, 'Priya Raman', NOW, 20),
      seedPerson(SAM, 'Sam Okafor', NOW, 20),
      seedPerson(WEI, 'Wei Chen', NOW, 20),
    ],
    interactions: [
      {
        key: 'gcal:kickoff',
        kind: 'meeting',
        source: 'google-calendar',
        title: 'Partner kickoff',
        start: met,
        end: met + 3_600_000,
        allDay: false,
        people: [PRIYA, SAM, WEI],
        attendees: [PRIYA, SAM, WEI].map((email) => ({
          email,
          displayName: email,
          response: 'accepted',
          organizer: false,
          optional: false,
        })),
        calendarId: null,
        loggedAt: met,
      },
    ],
  });
  await send(pageA, 'updatePeople', { emails: [SAM], patch: { team: true } });
  await send(pageA, 'updatePeople', {
    emails: [PRIYA],
    patch: { priority: 'high', idealDays: 14, maxDays: 30, note: 'Wants an introduction to finance' },
  });
  await send(pageA, 'updatePeople', { emails: [WEI], patch: { snoozeFor: 'week' } });
  await send(pageA, 'logContact', { email: PRIYA, kind: 'coffee', at: NOW - 2 * DAY, note: 'Talked about the launch' });
  await send(pageA, 'saveSettings', { internalDomains: ['corp.example'] });
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('sync across browsers (two Chromium profiles)', () => {
  // One story, one test: each step starts from where the one before left both browsers (sync on in A, the
  // wrong passphrase refused on B, then the right one, the merged edits, the deletion), so they cannot run
  // apart. It starts from A's log as beforeAll writes it, B empty, and each on its settings page.
  it('turns on in A, is refused on B with a wrong passphrase and takes the right one, merges edits made on both, deletes on both, and stops B when A forgets', async () => {
    // It turns on in A with a passphrase and writes only ciphertext to A's storage.sync.
    await turnOn(pageA, PASS);
    await pageA
      .getByRole('status')
      .filter({ hasText: /^Sync is on\./ })
      .waitFor({ timeout: 30_000 });
    const items = await syncItems(a.worker);
    expect(Object.keys(items)).toEqual(expect.arrayContaining(['bridges:meta', 'bridges:manifest']));
    const text = JSON.stringify(items);
    for (const secret of [
      'Priya',
      'priya.raman',
      'partner.example',
      'Okafor',
      'introduction to finance',
      'the launch',
      'corp.example',
    ]) {
      expect(text).not.toContain(secret);
    }
    // What Bridges counts is what Chrome counts.
    const state = await a.worker.evaluate(readSyncState);
    expect((state?.usage as { bytes: number } | undefined)?.bytes).toBe(
      await a.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null)),
    );

    // A wrong passphrase on B is said as such and shows nothing of A.
    await deliver(a, b);
    await turnOn(pageB, 'not the passphrase, clearly');
    await expect
      .poll(() => pageB.getByRole('alert').first().textContent(), { timeout: 30_000 })
      .toMatch(/That is not the passphrase your other browsers use: nothing was changed/);
    expect((await readStore(b.worker)).people).toEqual([]);
    expect(await b.worker.evaluate(readSyncState)).toBeNull();

    // With the right one, B shows A's team, cadences, notes, statuses, settings and contacts.
    await turnOn(pageB, PASS);
    await pageB
      .getByRole('status')
      .filter({ hasText: /this browser now has what your other browsers synced/ })
      .waitFor({ timeout: 30_000 });
    expect(await person(b, PRIYA)).toMatchObject({
      displayName: 'Priya Raman',
      priority: 'high',
      idealDays: 14,
      maxDays: 30,
      note: 'Wants an introduction to finance',
    });
    expect(await person(b, SAM)).toMatchObject({ team: true });
    expect((await person(b, WEI))?.snoozedUntil).toBeGreaterThan(NOW);
    const logged = (await readStore(b.worker)).interactions;
    expect(logged.map((i) => [i.kind, i.note])).toEqual([['coffee', 'Talked about the launch']]);
    // B's own pages show it.
    await expect.poll(() => pageB.getByRole('list', { name: 'My team' }).textContent()).toContain('Sam Okafor');
    const priya = await b.context.newPage();
    await priya.goto(`chrome-extension://${b.extensionId}/options.html#/person/${encodeURIComponent(PRIYA)}`);
    await expect.poll(() => priya.locator('textarea').first().inputValue()).toBe('Wants an introduction to finance');
    // B has none of A's meetings: it offers to bring in its own history.
    await expect
      .poll(() =>
        pageB.getByRole('link', { name: "Bring in your past meetings from Google Calendar's export" }).count(),
      )
      .toBe(1);

    // Edits on both browsers merge field by field; each ends with both.
    await send(pageB, 'updatePeople', { emails: [PRIYA], patch: { note: 'Now runs the partner programme' } });
    await send(pageB, 'syncNow', {});
    await send(pageA, 'updatePeople', { emails: [PRIYA], patch: { priority: 'low' } });
    await send(pageA, 'updatePeople', { emails: [WEI], patch: { ignored: true } });
    // B's change reaches A first (A's own write is overwritten in A's storage.sync, as when B's wins the race):
    // A merges it, and writes its own again.
    await deliver(b, a);
    await expect
      .poll(async () => (await person(a, PRIYA))?.note, { timeout: 30_000 })
      .toBe('Now runs the partner programme');
    await send(pageA, 'syncNow', {});
    await deliver(a, b);
    await expect.poll(async () => (await person(b, PRIYA))?.priority, { timeout: 30_000 }).toBe('low');
    for (const session of [a, b]) {
      expect(await person(session, PRIYA)).toMatchObject({
        priority: 'low',
        note: 'Now runs the partner programme',
        idealDays: 14,
      });
      expect(await person(session, WEI)).toMatchObject({ ignored: true });
    }

    // A person deleted on A is deleted on B.
    await send(pageA, 'deletePerson', { email: WEI });
    await send(pageA, 'syncNow', {});
    await deliver(a, b);
    await expect.poll(async () => person(b, WEI), { timeout: 30_000 }).toBeUndefined();

    // Forget synced data on A empties storage.sync; B stops and keeps what it has.
    await pageA.getByRole('button', { name: 'Forget synced data…' }).click();
    await pageA.getByRole('button', { name: 'Forget synced data', exact: true }).click();
    await expect.poll(() => syncItems(a.worker)).toEqual({});
    await deliver(a, b);
    await expect
      .poll(() => pageB.getByRole('alert').first().textContent(), { timeout: 30_000 })
      .toMatch(/^Sync stopped: Bridges' data was removed/);
    expect(await person(b, PRIYA)).toMatchObject({ note: 'Now runs the partner programme' });
  }, 240_000);
});
