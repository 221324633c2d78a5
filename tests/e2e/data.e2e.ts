import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, readRows, readStore, type Session, type StoredRows } from './harness';
import { makeLog, seedPerson, seedStore, waitForDatabase } from './seed';
import { startFrom } from './start-from';

// The data page in Chromium, with the built extension: saving and restoring backups (replace, merge), importing
// a calendar file, deleting everything, a full disk, and a large file read while the page stays usable. The
// clock is fixed at 2026-11-28 20:00 UTC; each test starts from its own data.
const NOW = Date.parse('2026-11-28T20:00:00Z');
const DAY = 86_400_000;
let session: Session;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00' });
});
afterAll(async () => {
  await session?.close();
});
/**
 * Each test starts from Priya and Sam with a meeting each, on an otherwise emptied extension (settings as
 * installed), the data page freshly open and watched for errors.
 */
beforeEach(async () => {
  page = await startFrom(session, {
    people: [
      seedPerson('priya@finance.example', 'Priya Raman', NOW, 10, { note: 'Budget season', priority: 'high' }),
      seedPerson('sam@partner.example', 'Sam Okafor', NOW, 40),
    ],
    interactions: [meeting('gcal:a', 10, ['priya@finance.example']), meeting('gcal:b', 40, ['sam@partner.example'])],
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/data`);
  await page.getByRole('heading', { name: 'Backup', exact: true }).waitFor();
  errors.length = 0;
});
afterEach(() => {
  expect(errors).toEqual([]);
  expect(session.outsideRequests).toEqual([]);
});

function meeting(key: string, daysAgo: number, people: string[]) {
  const start = NOW - daysAgo * DAY;
  return {
    key,
    kind: 'meeting',
    source: 'google-calendar',
    title: `Meeting ${key}`,
    start,
    end: start + 1800_000,
    allDay: false,
    people,
    attendees: people.map((email) => ({
      email,
      displayName: email,
      response: 'accepted',
      organizer: false,
      optional: false,
    })),
    calendarId: null,
    loggedAt: start,
  };
}

const sorted = (rows: StoredRows) => ({
  people: [...rows.people].sort((a, b) => String(a.email).localeCompare(String(b.email))),
  interactions: [...rows.interactions].sort((a, b) => String(a.key).localeCompare(String(b.key))),
});
const stored = async () => sorted(await readStore(session.worker));
const status = (section: string) =>
  page.locator('section', { has: page.getByRole('heading', { name: section, exact: true }) });
const said = (section: string) => status(section).locator('p.saved, p.error').textContent();

/** Clicks "Save a backup" and returns the file the browser downloaded. */
async function saveBackup(): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

async function chooseBackup(text: string, mode: 'Merge' | 'Replace') {
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page
    .getByLabel('Backup file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('the data page (Chromium)', () => {
  it('saves a backup, and restoring it with "replace" gives back exactly what was saved', async () => {
    const before = await stored();
    const { name, text } = await saveBackup();
    expect(name).toBe('bridges-backup-2026-11-28.json');
    expect(await said('Backup')).toBe(
      'Backup saved as bridges-backup-2026-11-28.json (in your downloads): 2 people, 2 meetings and contacts, 0 groups.',
    );
    await seedStore(session.worker, { people: [seedPerson('extra@x.example', 'Extra', NOW, 1)] });
    await chooseBackup(text, 'Replace');
    await expect.poll(() => said('Restore a backup')).toBe('Restored: 2 people, 2 meetings and contacts, 0 groups.');
    expect(await stored()).toEqual(before);
  });

  it('merges a backup: adds what is new, keeps what is here, and says what it shortened', async () => {
    const file = JSON.parse((await saveBackup()).text);
    file.people.push({ ...seedPerson('New.Person@X.example', 'N'.repeat(700), NOW, 3), interactionCount: 1 });
    file.interactions.push(meeting('gcal:new', 3, ['new.person@x.example', 'sam@partner.example']));
    await chooseBackup(JSON.stringify(file), 'Merge');
    await expect
      .poll(() => said('Restore a backup'))
      .toBe(
        "Merged: added 1 person, 1 meeting or contact, 0 groups. Shortened to fit Bridges' limits: 1 name of a person (to 500 characters).",
      );
    const { people, interactions } = await stored();
    expect(interactions.map((i) => i.key)).toEqual(['gcal:a', 'gcal:b', 'gcal:new']);
    expect(people.find((p) => p.email === 'new.person@x.example')).toMatchObject({ displayName: 'N'.repeat(500) });
    expect(people.find((p) => p.email === 'sam@partner.example')).toMatchObject({
      interactionCount: 2,
      lastMetAt: NOW - 3 * DAY,
    });
  });

  it('imports a calendar file: all of its meetings, from 1965 too, and says what it left out', async () => {
    const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const event = (uid: string, start: number, guests: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}@google.com`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 3600_000)}`,
      `SUMMARY:Event ${uid}`,
      ...guests,
      'END:VEVENT',
    ];
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      ...event('old1', Date.UTC(1965, 2, 12, 10), ['ATTENDEE;CN=Ada;PARTSTAT=ACCEPTED:mailto:ada@old.example']),
      ...event('older1', Date.UTC(1850, 2, 12, 10), ['ATTENDEE;CN=Charles;PARTSTAT=ACCEPTED:mailto:c@old.example']),
      ...event('recent1', NOW - 2 * DAY, [
        `ATTENDEE;CN=${'L'.repeat(600)};PARTSTAT=ACCEPTED:mailto:long@x.example`,
        'ATTENDEE;CN=Priya;PARTSTAT=ACCEPTED:mailto:priya@finance.example',
      ]),
      'END:VCALENDAR',
    ].join('\r\n');
    await page
      .getByLabel('Google Calendar export (.zip) or calendar file (.ics)')
      .setInputFiles({ name: 'calendar.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    const summary = page.getByRole('status', { name: 'Import summary' });
    await expect
      .poll(() => summary.locator('p').allTextContents())
      .toEqual(['2 meetings logged, 2 people added.', 'From the file: 1 meeting before 1900 or after 2200 left out.']);
    const { people } = await stored();
    expect(people.find((p) => p.email === 'ada@old.example')).toMatchObject({ firstMetAt: Date.UTC(1965, 2, 12, 10) });
    expect(people.find((p) => p.email === 'priya@finance.example')).toMatchObject({
      interactionCount: 2,
      lastMetAt: NOW - 2 * DAY,
    });
  });

  it('deletes everything after the user types DELETE', async () => {
    await page.getByRole('textbox', { name: 'Type DELETE to confirm' }).fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect
      .poll(() => said('Delete everything'))
      .toBe('Everything was deleted: every person, meeting, contact, group and setting.');
    expect(await stored()).toEqual({ people: [], interactions: [] });
  });

  it('reads a large file off the page: the page never reads it on its own thread, and answers the user meanwhile', async () => {
    // 20,000 meetings (16 MB) whose very last record is wrong: all of it is read and checked, nothing written.
    const log = makeLog(2000, 20_000, NOW);
    const last = log.interactions.at(-1) as { end: number };
    last.end = 0;
    const backup = { format: 'bridges-backup', version: 1, exportedAt: NOW, ...log, groups: [], settings: {} };
    const text = JSON.stringify(backup);
    expect(text.length).toBeGreaterThan(10_000_000);
    const before = await stored();
    // The page's own thread never reads the file: every whole-file read and parse on it is noted (the worker's
    // are not), whatever this machine's speed. And it answers the user meanwhile: a key typed is handled.
    await page.evaluate(() => {
      const w = window as unknown as { largestOnPage: number };
      w.largestOnPage = 0;
      const note = (size: number) => {
        w.largestOnPage = Math.max(w.largestOnPage, size);
      };
      const parse = JSON.parse;
      JSON.parse = (text: string, ...rest: never[]) => {
        note(String(text).length);
        return parse(text, ...rest);
      };
      const text = Blob.prototype.text;
      const arrayBuffer = Blob.prototype.arrayBuffer;
      Blob.prototype.text = function (this: Blob) {
        note(this.size);
        return text.call(this);
      };
      Blob.prototype.arrayBuffer = function (this: Blob) {
        note(this.size);
        return arrayBuffer.call(this);
      };
    });
    const field = page.getByRole('textbox', { name: 'Type DELETE to confirm' });
    await chooseBackup(text, 'Replace');
    await field.click();
    await field.press('x');
    expect(await field.inputValue()).toBe('x');
    await field.fill('');
    await expect
      .poll(() => said('Restore a backup'), { timeout: 60_000 })
      .toBe(
        'Nothing was restored. interactions[19999].end: it ends before it starts. Correct it in the file, or choose another backup.',
      );
    expect(await stored()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { largestOnPage: number }).largestOnPage)).toBeLessThan(
      100_000,
    );
  }, 120_000);
});

describe('the data page when the disk is full (Chromium)', () => {
  // A browser of its own: Chromium's IndexedDB asks for the origin's quota when it first writes in a browser
  // session and then counts down from that, so the lowered quota must be in place before the extension writes
  // anything. The background writes at its first start (it creates the database and notes when Bridges was
  // installed): so the profile is made first, and the browser started again on it. Its start there may still
  // commit a transaction of its own before the quota is lowered (it brings what is booked up to date), which
  // would leave the browser's own quota in force: so the test proves the lowered quota holds (a write of twice the
  // room left is refused) before it begins, on a new profile when it does not.
  const ROOM = 1024 * 1024;
  const profiles: string[] = [];
  let full: Session;
  let fullPage: Page;
  beforeAll(async () => {
    for (let attempt = 1; ; attempt++) {
      const profile = mkdtempSync(join(tmpdir(), 'bridges-full-'));
      profiles.push(profile);
      const first = await launch({ fakeTime: '2026-11-28 20:00:00', userDataDir: profile });
      const page = await first.context.newPage();
      await page.goto(`chrome-extension://${first.extensionId}/popup.html`);
      await waitForDatabase(page);
      await first.close();
      full = await launch({ fakeTime: '2026-11-28 20:00:00', userDataDir: profile });
      fullPage = await full.context.newPage();
      await fullPage.goto('about:blank');
      const cdp: CDPSession = await full.context.newCDPSession(fullPage);
      const origin = `chrome-extension://${full.extensionId}`;
      const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
      // Room for one more megabyte: the people already here fit, the backup's 6,000 meetings do not.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + ROOM });
      if (await full.worker.evaluate(refusesWriteOf, 2 * ROOM)) return;
      await full.close();
      if (attempt === 5) throw new Error('Chromium kept its own quota for the extension on five new profiles.');
    }
  }, 240_000);
  afterAll(async () => {
    await full?.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });

  it('says "Your disk is full" and writes nothing of a restore', async () => {
    await seedStore(full.worker, {
      people: [seedPerson('priya@finance.example', 'Priya Raman', NOW, 10)],
      interactions: [meeting('gcal:a', 10, ['priya@finance.example'])],
    });
    const before = sorted(await readStore(full.worker));
    const log = makeLog(300, 6000, NOW);
    const backup = { format: 'bridges-backup', version: 1, exportedAt: NOW, ...log, groups: [], settings: {} };
    await fullPage.goto(`chrome-extension://${full.extensionId}/options.html#/data`);
    // "Replace" clears everything before it writes the backup: the clearing must not survive the failed write.
    await fullPage.getByRole('radio', { name: /^Replace/ }).check();
    await fullPage.getByLabel('Backup file').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await expect
      .poll(() => fullPage.getByRole('alert').textContent(), { timeout: 100_000 })
      .toBe(
        "Nothing was restored. Your disk is full, or the browser's storage for Bridges is: nothing was saved. Free some space, then try again.",
      );
    // Read from an extension page: the background may have gone idle (and been stopped) during the restore.
    expect(sorted(await fullPage.evaluate(readRows))).toEqual(before);
    expect(full.outsideRequests).toEqual([]);
  }, 150_000);
});

/**
 * Whether the extension's database refuses a write of `bytes` for want of room (the write is made in a
 * transaction of its own, which the refusal aborts, so nothing of it is left). Runs in the extension's origin.
 */
async function refusesWriteOf(bytes: number): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bridges');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise<boolean>((resolve) => {
      const tx = db.transaction('heldClicks', 'readwrite');
      const store = tx.objectStore('heldClicks');
      // Random bytes (getRandomValues gives at most 65,536 at a time), so that no compression makes them fit.
      const filler = new Uint8Array(bytes);
      for (let i = 0; i < bytes; i += 65_536) crypto.getRandomValues(filler.subarray(i, i + 65_536));
      const probe = { id: 'probe-of-room', at: 0, filler };
      store.put(probe);
      store.delete('probe-of-room');
      tx.oncomplete = () => resolve(false);
      tx.onabort = () => resolve(tx.error?.name === 'QuotaExceededError');
    });
  } finally {
    db.close();
  }
}
