import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEED_URL, type FeedMeeting, feedIcs, ME } from '../helpers/feed';
import { launch, readStore, type Session } from './harness';
import { readSettingRows } from './seed';
import { startFrom } from './start-from';

// Meetings that log themselves: the user's secret feed served at its real address (intercepted, with ETag),
// synced by the background on "Sync now", then again after a change; the popup shows the new people, and no
// request goes anywhere else. Chromium's clock: Monday 2026-11-23 18:00 UTC.
const NOW = Date.parse('2026-11-23T18:00:00Z');
const DAY = 86_400_000;
let session: Session;
let page: Page;
let calendar = '';
let version = 1;
const requests: Array<{ ifNoneMatch: string | undefined }> = [];

const meet = (uid: string, daysAgo: number, guest: string): FeedMeeting => ({
  uid,
  start: NOW - daysAgo * DAY,
  attendees: [
    [ME, 'ACCEPTED'],
    [guest, 'ACCEPTED'],
  ],
});

const firstCalendar = () =>
  feedIcs([meet('budget', 3, 'priya@finance.example'), meet('renewal', 2, 'sam@partner.example')]);
/** The feed's server: answers as Google does, or as it does for an address it no longer accepts. */
let gone = false;

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-23 18:00:00', timeZone: 'UTC' });
  await session.serve(FEED_URL, (request) => {
    if (gone) return { status: 404, body: 'Not Found' };
    const ifNoneMatch = request.headers()['if-none-match'];
    requests.push({ ifNoneMatch });
    const etag = `"v${version}"`;
    if (ifNoneMatch === etag) return { status: 304 };
    return { body: calendar, headers: { 'content-type': 'text/calendar; charset=UTF-8', etag } };
  });
});
afterAll(async () => {
  await session?.close();
});

/** Each test starts with syncing off, nothing logged, and the feed at its first version with two meetings. */
beforeEach(async () => {
  calendar = firstCalendar();
  version = 1;
  gone = false;
  requests.length = 0;
  page = await startFrom(session);
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
});
// Each test sends no request anywhere but the feed (checked after each, each its own).
afterEach(() => {
  expect(session.outsideRequests.splice(0)).toEqual([]);
});

const syncNow = async () => {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Synced/ })
    .waitFor();
};

/** Turns syncing on with the secret address, as the second test does, and waits for its first sync. */
const turnOn = async () => {
  await page.getByLabel('Secret address in iCal format').fill(FEED_URL);
  await page.getByRole('button', { name: 'Turn on syncing' }).click();
  await expect
    .poll(async () => (await readStore(session.worker)).interactions.map((i) => i.key).sort())
    .toEqual(['gcal:budget', 'gcal:renewal']);
};

describe('the calendar feed (Chromium)', () => {
  it('refuses an address that is not a secret iCal address, and fetches nothing', async () => {
    await page.getByLabel('Secret address in iCal format').fill('https://evil.example/calendar.ics');
    await page.getByRole('button', { name: 'Turn on syncing' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/^This is not a Google Calendar address/);
    expect(requests).toHaveLength(0);
  });

  it('turns on with the secret address, syncs, and logs the past meetings', async () => {
    await turnOn();
    await expect.poll(() => page.getByRole('list', { name: 'Synced calendars' }).textContent()).toContain(ME);
    expect(await page.getByRole('list', { name: 'Synced calendars' }).textContent()).not.toContain('0123456789abcdef');
    // The sync's outcome is written after its meetings, so the page may show them a moment apart.
    await expect.poll(() => page.locator('.feed').textContent()).toMatch(/Last synced .*2 meetings added/);
  });

  it('asks again with If-None-Match and writes nothing when the feed is unchanged', async () => {
    await turnOn();
    await syncNow();
    expect(requests.at(-1)?.ifNoneMatch).toBe('"v1"');
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^Synced/ })
        .textContent(),
    ).toBe('Synced: nothing new.');
  });

  it('logs a new meeting after a change, and the popup shows its people', async () => {
    await turnOn();
    version = 2;
    calendar = feedIcs([
      meet('budget', 3, 'priya@finance.example'),
      meet('renewal', 2, 'sam@partner.example'),
      { ...meet('coffee', 1, 'lee@design.example'), start: NOW - 100 * DAY },
    ]);
    await syncNow();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^Synced/ })
        .textContent(),
    ).toBe('Synced: 1 meeting added.');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.people .name').allTextContents()).toContain('lee@design.example');
    await popup.close();
  });

  it('says in words when Google no longer accepts the address', async () => {
    await turnOn();
    gone = true;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.locator('.feed .error').last().textContent())
      .toMatch(/Google no longer accepts this address: it was reset or the calendar was removed/);
  });

  it('turning syncing off forgets the address', async () => {
    await turnOn();
    await page.getByRole('button', { name: 'Turn off syncing' }).click();
    await page.getByRole('button', { name: 'Turn on syncing' }).waitFor();
    const stored = await session.worker.evaluate(readSettingRows);
    expect(stored.feedSettings).toEqual({ enabled: false, feeds: [] });
    expect(JSON.stringify(stored)).not.toContain('private-');
    expect(await session.worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
  });
});

declare const chrome: { storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } } };
