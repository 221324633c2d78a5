import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeLog, readSettingRows } from '../e2e/seed';
import type { Start } from '../e2e/start-from';
import { clickElement, type FirefoxSession, launchFirefox, type WithBrowser } from './harness';
import { startFrom } from './start-from';

// Restoring a backup and importing a calendar file on the management page in Firefox, the way a user does:
// choose the file in the page's file field (WebDriver BiDi sets it as the file picker would).
const DAY = 86_400_000;
const ME = 'alex.morgan@example.com';
let session: FirefoxSession;
let page: Page;
let files: string;
let now = 0;

beforeAll(async () => {
  session = await launchFirefox();
  now = Date.now();
  files = mkdtempSync(join(tmpdir(), 'bridges-firefox-files-'));
});
afterAll(async () => {
  await session?.close();
  rmSync(files, { recursive: true, force: true });
});

/**
 * Where each test starts: the add-on emptied (startFrom), then `start` written, and the data page freshly open.
 */
async function openDataPage(start: Start = {}): Promise<void> {
  page = await startFrom(session, start);
  await session.gotoExtensionPage(page, 'options.html#/data');
  await page.waitForSelector('input[type="file"]');
}

async function choose(label: string, name: string, text: string): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, text);
  const input = (await page.waitForSelector(
    `input[type="file"][accept*="${label}"]`,
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}
/** The import's summary, its sentences joined. */
const summaryText = () =>
  page.$$eval('.import-report p', (ps) => ps.map((p) => p.textContent).join(' ')).catch(() => '');

/** The latest thing the data page said: each section says what its action did, in a status or an alert. */
const statusText = () =>
  page
    .$$eval('.data p[role="status"], .data p[role="alert"]', (ps) =>
      ps.map((p) => `${p.getAttribute('role')}: ${p.textContent}`),
    )
    .then((all) => all.at(-1) ?? '')
    .catch(() => '');

/** A calendar file in Google's export shape, dated relative to now. */
function calendarFile(): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const event = (uid: string, start: number, summary: string, attendees: string[], extra: string[] = []) => [
    'BEGIN:VEVENT',
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(start + 1800_000)}`,
    `UID:${uid}@google.com`,
    ...attendees,
    `SUMMARY:${summary}`,
    ...extra,
    'STATUS:CONFIRMED',
    'END:VEVENT',
  ];
  const who = (email: string, name: string, answer = 'ACCEPTED') =>
    `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${answer};CN=${name}:mailto:${email}`;
  const lastMonday = now - 20 * DAY;
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    ...event('imp1', now - 10 * DAY, 'Roadmap with finance', [
      who(ME, 'Alex Morgan'),
      who('nadia@finance.example', 'Nadia Petrov'),
      who('omar@finance.example', 'Omar Said'),
    ]),
    // A weekly series of three, all in the past: three meetings.
    ...event(
      'imp2',
      lastMonday,
      'Partner check-in',
      [who(ME, 'Alex Morgan'), who('ines@partner.example', 'Inês')],
      ['RRULE:FREQ=WEEKLY;COUNT=3'],
    ),
    ...event('imp3', now - 5 * DAY, 'Declined offsite', [
      who(ME, 'Alex Morgan', 'DECLINED'),
      who('zoe@elsewhere.example', 'Zoe'),
    ]),
    ...event('imp4', now + 3 * DAY, 'Not yet', [who(ME, 'Alex Morgan'), who('yan@later.example', 'Yan')]),
    'END:VCALENDAR',
  ].join('\r\n');
}

describe('restore and calendar import on the management page (Firefox)', () => {
  const log = makeLog(40, 120, Date.now(), 7);
  // Each test makes no request and raises no error (checked after each, each its own).
  afterEach(() => {
    expect(session.outsideRequests.splice(0)).toEqual([]);
    expect(session.errors.splice(0)).toEqual([]);
  });

  // One story, one test: the settings kept and the people listed are the restored backup's.
  it("restores a backup file, replacing everything, with the settings it carries, which it keeps in the add-on's database and nothing in the storage Firefox opens to content scripts; the audit lists the restored people", async () => {
    // Restores a backup file, replacing everything, with the settings it carries.
    await openDataPage();
    const backup = {
      format: 'bridges-backup',
      version: 1,
      exportedAt: now,
      people: log.people,
      interactions: log.interactions,
      groups: [{ id: 'g-finance', name: 'Finance', kind: 'department', createdAt: now }],
      settings: { myEmails: [ME] },
    };
    await clickElement(page, 'input[type="radio"][name="mode"]:not(:checked)');
    await choose('.json', 'bridges-backup.json', JSON.stringify(backup));
    await expect
      .poll(statusText)
      .toBe(
        `status: Restored: ${log.people.length} people, ${log.interactions.length} meetings and contacts, 1 group.`,
      );
    const rows = await session.readStore();
    expect(rows.people).toHaveLength(log.people.length);
    expect(rows.interactions).toHaveLength(log.interactions.length);

    // Keeps the settings in the add-on's database, and nothing in the storage Firefox opens to content scripts.
    // Firefox has no switch to close storage.local to a content script: nothing of Bridges' may be there.
    await expect.poll(() => session.inExtension(readSettingRows)).toMatchObject({ myEmails: [ME] });
    expect(
      await session.inExtension(() => (globalThis as unknown as WithBrowser).browser.storage.local.get(null)),
    ).toEqual({});

    // The audit lists the restored people.
    await session.gotoExtensionPage(page, 'options.html#/people');
    await expect
      .poll(() => page.$$eval('.people-table tbody tr', (rows) => rows.length))
      .toBe(Math.min(50, log.people.length));
    await session.gotoExtensionPage(page, 'options.html?again#/data');
  }, 90_000);

  it('refuses a bad backup with its problem named, and changes nothing', async () => {
    await openDataPage({ people: log.people.slice(0, 5), interactions: log.interactions.slice(0, 5) });
    const before = await session.readStore();
    const bad = { format: 'bridges-backup', version: 1, exportedAt: 0, people: [{ email: 'x' }], interactions: [] };
    await choose('.json', 'bad.json', JSON.stringify({ ...bad, groups: [], settings: {} }));
    await expect.poll(statusText).toMatch(/^alert: Nothing was restored\. people\[0\]\./);
    expect(await session.readStore()).toEqual(before);
  });

  it('imports past meetings from a calendar file with the logging rules, then again adds nothing', async () => {
    // The user's address is known (as the backup above sets it): the file's meetings with them are theirs.
    await openDataPage({ settings: [{ name: 'myEmails', value: [ME] }] });
    const before = await session.readStore();
    await choose('.ics', 'calendar.ics', calendarFile());
    await expect
      .poll(summaryText)
      .toBe('4 meetings logged, 3 people added. 1 meeting ahead noted as booked. Left out: 1 declined.');
    const after = await session.readStore();
    expect(after.interactions.length - before.interactions.length).toBe(4);
    const imported = after.interactions.filter((i) => i.source === 'ics');
    expect(imported.map((i) => i.title).sort()).toEqual([
      'Partner check-in',
      'Partner check-in',
      'Partner check-in',
      'Roadmap with finance',
    ]);
    // Not the user, not the declined meeting's guest, not the future one's.
    expect(after.people.map((p) => p.email)).not.toContain(ME);
    expect(after.people.map((p) => p.email)).not.toContain('zoe@elsewhere.example');
    expect(after.people.map((p) => p.email)).not.toContain('yan@later.example');

    await choose('.ics', 'calendar-again.ics', calendarFile());
    await expect.poll(summaryText).toBe('0 meetings logged, 0 people added. Left out: 4 already logged, 1 declined.');
    expect((await session.readStore()).interactions).toHaveLength(after.interactions.length);
  });

  it('refuses a file that is not a calendar', async () => {
    await openDataPage();
    await choose('.ics', 'notes.ics', 'hello');
    await expect
      .poll(statusText)
      .toBe(
        "alert: Nothing was imported. notes.ics is neither a calendar file (.ics) nor Google Calendar's export (.zip).",
      );
  });
});
