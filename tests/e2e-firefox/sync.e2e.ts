import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPerson } from '../e2e/seed';
import { clickElement, type FirefoxSession, launchFirefox, type WithBrowser } from './harness';

// Sync across browsers in two Firefox profiles with the built add-on: what A holds in storage.sync is copied into
// B's (from one of B's own pages, so B's storage.onChanged fires with area "sync", as when Firefox Sync delivers).
// Firefox runs on the real clock: the data is dated from now.
const PASS = 'orbit lantern copper meadow 42';
const DAY = 86_400_000;
const PRIYA = 'priya.raman@partner.example';
const SAM = 'sam.okafor@corp.example';
let a: FirefoxSession;
let b: FirefoxSession;
let pageA: Page;
let pageB: Page;

/** Sends a command from one of the add-on's pages. */
const send = (session: FirefoxSession, name: string, data: unknown) =>
  session.inExtension(
    async ([name, data]: readonly [string, unknown]) => {
      const reply = (await (globalThis as unknown as WithBrowser).browser.runtime.sendMessage({
        command: name,
        data,
      })) as {
        ok: boolean;
        value?: unknown;
        error?: string;
      };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    [name, data] as const,
  );

const syncItems = (session: FirefoxSession) =>
  session.inExtension(
    async () =>
      (await (globalThis as unknown as WithBrowser).browser.storage.sync.get(null)) as Record<string, unknown>,
  );

/** The engine: `to`'s storage.sync made to hold what `from`'s does. */
async function deliver(from: FirefoxSession, to: FirefoxSession): Promise<void> {
  const items = await syncItems(from);
  await to.inExtension(async (items: Record<string, unknown>) => {
    const sync = (globalThis as unknown as WithBrowser).browser.storage.sync;
    const current = (await sync.get(null)) as Record<string, unknown>;
    const changed = Object.fromEntries(
      Object.entries(items).filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v)),
    );
    if (Object.keys(changed).length > 0) await sync.set(changed);
    const gone = Object.keys(current).filter((k) => !(k in items));
    if (gone.length > 0) await sync.remove(gone);
  }, items);
}

const person = async (session: FirefoxSession, email: string) =>
  (await session.readStore()).people.find((p) => p.email === email);

/** What the sync section says, its statuses and alerts. */
const said = (page: Page) =>
  page
    .$$eval('.sync [role="status"], .sync [role="alert"]', (ps) => ps.map((p) => p.textContent ?? '').join(' | '))
    .catch(() => '');

async function turnOn(page: Page, passphrase: string) {
  await page.$eval('#sync-passphrase', (input) => {
    (input as HTMLInputElement).value = '';
  });
  await page.type('#sync-passphrase', passphrase);
  await clickElement(page, '.sync button[type="submit"]');
}

beforeAll(async () => {
  [a, b] = await Promise.all([launchFirefox(), launchFirefox()]);
  [pageA, pageB] = await Promise.all([
    a.openExtensionPage('options.html#/settings'),
    b.openExtensionPage('options.html#/settings'),
  ]);
  await Promise.all([a.waitForDatabase(), b.waitForDatabase()]);
  const now = Date.now();
  await a.seedStore({
    people: [seedPerson(PRIYA, 'Priya Raman', now, 20), seedPerson(SAM, 'Sam Okafor', now, 20)],
  });
  await send(a, 'updatePeople', { emails: [SAM], patch: { team: true } });
  await send(a, 'updatePeople', {
    emails: [PRIYA],
    patch: { priority: 'high', idealDays: 14, maxDays: 30, note: 'Wants an introduction to finance' },
  });
  await send(a, 'logContact', { email: PRIYA, kind: 'call', at: now - 2 * DAY, note: 'Talked about the launch' });
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('sync across browsers (two Firefox profiles)', () => {
  // One story, one test: each step starts from where the one before left both browsers (sync on in A, the wrong
  // passphrase refused on B), so they cannot run apart. It starts from A's log as beforeAll writes it and B empty.
  it("turns on in A writing only ciphertext, is refused on B with a wrong passphrase, and with the right one B has A's team, cadence, note and contact; edits on both merge", async () => {
    // It turns on in A and writes only ciphertext to A's storage.sync.
    await pageA.waitForSelector('#sync-passphrase');
    await turnOn(pageA, PASS);
    await expect.poll(() => said(pageA), { timeout: 30_000 }).toMatch(/Sync is on\./);
    const text = JSON.stringify(await syncItems(a));
    expect(text).toContain('bridges:manifest');
    for (const secret of [
      'Priya',
      'priya.raman',
      'partner.example',
      'Okafor',
      'introduction to finance',
      'the launch',
    ]) {
      expect(text).not.toContain(secret);
    }

    // A wrong passphrase on B is said as such and shows nothing of A.
    await deliver(a, b);
    await pageB.waitForSelector('#sync-passphrase');
    await turnOn(pageB, 'not the passphrase, clearly');
    await expect
      .poll(() => said(pageB), { timeout: 30_000 })
      .toMatch(/That is not the passphrase your other browsers use: nothing was changed/);
    expect((await b.readStore()).people).toEqual([]);

    // With the right one, B has A's team, cadence, note and contact; edits on both merge.
    await turnOn(pageB, PASS);
    await expect
      .poll(async () => (await person(b, PRIYA))?.note, { timeout: 30_000 })
      .toBe('Wants an introduction to finance');
    expect(await person(b, PRIYA)).toMatchObject({ priority: 'high', idealDays: 14, maxDays: 30 });
    expect(await person(b, SAM)).toMatchObject({ team: true });
    expect((await b.readStore()).interactions.map((i) => [i.kind, i.note])).toEqual([
      ['call', 'Talked about the launch'],
    ]);

    await send(b, 'updatePeople', { emails: [PRIYA], patch: { note: 'Now runs the partner programme' } });
    await send(b, 'syncNow', {});
    await send(a, 'updatePeople', { emails: [PRIYA], patch: { priority: 'low' } });
    await deliver(b, a);
    await expect
      .poll(async () => (await person(a, PRIYA))?.note, { timeout: 30_000 })
      .toBe('Now runs the partner programme');
    await send(a, 'syncNow', {});
    await deliver(a, b);
    await expect.poll(async () => (await person(b, PRIYA))?.priority, { timeout: 30_000 }).toBe('low');
    expect(await person(a, PRIYA)).toMatchObject({ priority: 'low', note: 'Now runs the partner programme' });
  }, 240_000);
});
