import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { EXTENSION_ID, launch, readStore, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { eachTestFromEmptyLog } from './start-from';

// Chromium runs on a clock fixed just after the saved week (Saturday 2026-11-28 20:00 UTC), and the
// computer's zone (Asia/Kolkata) differs from Calendar's (America/New_York), as it may for a traveller.
let session: Session;
let page: Page;
let control: LogControlDriver;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    timeZone: 'Asia/Kolkata',
    pages: { [WEEK_URL]: weekViewPage() },
  });
  page = await session.context.newPage();
  control = new LogControlDriver(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});
afterAll(async () => {
  await session?.close();
});

// Each test loads the Calendar page itself.
eachTestFromEmptyLog(() => ({ session, page, pageErrors }));

// The control's shadow root is closed to the page: it is read and clicked as a person does (log-control.ts).
const label = () => control.label();
const status = () => control.message();

/** Opens an event and logs it, as a user does: one click (two over the guest limit). */
async function logEvent(chipId: string, url = WEEK_URL, expected = /^Logged/): Promise<void> {
  await openEvent(chipId, url);
  await expect.poll(() => label()).toBe('Log meeting');
  await control.click();
  await expect.poll(() => label()).toMatch(expected);
}

async function openEvent(chipId: string, url = WEEK_URL): Promise<void> {
  if (page.url() !== url) await page.goto(url);
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
  // Click the chip the way a user does; Calendar (here its stand-in) opens the event card.
  await page.locator(`[role="gridcell"] [data-eventchip][data-eventid="${chipId}"]`).first().click();
  await page.locator('#xDetDlg').waitFor();
}

describe('one-click logging in Google Calendar (Chromium, built extension)', () => {
  it('loads with the stable id from the manifest key', () => {
    expect(session.extensionId).toBe(EXTENSION_ID);
  });

  it('puts a "Log meeting" control in the event card, logs the meeting, and stores it', async () => {
    await openEvent(CHIPS.q4Review);
    await expect.poll(() => label()).toBe('Log meeting');
    expect(await page.locator('.pPTZAe > bridges-log-control').count()).toBe(1);
    await control.click();
    await expect.poll(() => label()).toBe('Logged · 4 people');

    const rows = await readStore(session.worker);
    expect(rows.interactions).toHaveLength(1);
    const meeting = rows.interactions[0] ?? {};
    expect(meeting).toMatchObject({
      key: 'gcal:k5058hfr4d2s30ltiuocpedthd',
      title: 'Q4 planning review',
      kind: 'meeting',
    });
    // 1:00–2:00pm in Calendar's zone (New York), whatever the computer's zone is.
    expect([new Date(meeting.start as number).toISOString(), new Date(meeting.end as number).toISOString()]).toEqual([
      '2026-11-24T18:00:00.000Z',
      '2026-11-24T19:00:00.000Z',
    ]);
    expect((rows.people.map((p) => p.email) as string[]).sort()).toEqual([
      'dana.kim@example.net',
      'jordan.lee@example.com',
      'priya.raman@example.com',
      'wei.chen@example.com',
    ]);
  });

  it('logging again changes nothing', async () => {
    await logEvent(CHIPS.q4Review);
    const before = await readStore(session.worker);
    await control.click();
    await expect.poll(() => status()).toBe('Already in your log: nothing changed.');
    expect(await readStore(session.worker)).toEqual(before);
  });

  it('shows the event as logged after a reload', async () => {
    await logEvent(CHIPS.q4Review);
    await page.reload();
    await openEvent(CHIPS.q4Review);
    await expect.poll(() => label()).toBe('Logged · 4 people');
  });

  it('follows the reused card to another event: a recurring instance is its own meeting', async () => {
    await logEvent(CHIPS.q4Review);
    await openEvent(CHIPS.weeklySync);
    await expect.poll(() => label()).toBe('Log meeting');
    await control.click();
    await expect.poll(() => label()).toBe('Logged · 1 person');
    const keys = (await readStore(session.worker)).interactions.map((i) => i.key);
    expect(keys).toContain('gcal:b028tvasrf4039si1mg44gaske_20261123T150000Z');
  });

  it('says why a declined meeting is not logged', async () => {
    await openEvent(CHIPS.vendorDemo);
    await control.click();
    await expect.poll(() => status()).toBe('Not logged: you declined this meeting.');
    expect((await readStore(session.worker)).interactions).toHaveLength(0);
  });

  it('asks for a second click on a meeting with more guests than the limit', async () => {
    await openEvent(CHIPS.budgetReview);
    await control.click();
    await expect.poll(() => label()).toBe('Log 30 people?');
    expect((await readStore(session.worker)).interactions).toHaveLength(0);
    await control.click();
    await expect.poll(() => label()).toBe('Logged · 30 people');
  });

  it('survives a card that re-renders after opening, and acts on the event shown', async () => {
    await page.goto(`${WEEK_URL}?rerender`);
    await openEvent(CHIPS.designCrit, `${WEEK_URL}?rerender`);
    // Calendar's stand-in replaces the toolbar and content five times after opening; the control comes back.
    await page.waitForFunction(() => (window as { __rerenders?: number }).__rerenders === 5);
    expect(await page.locator('bridges-log-control').count()).toBe(1);
    expect(await page.locator('.pPTZAe > bridges-log-control').count()).toBe(1);
    await control.click();
    await expect.poll(() => label()).toBe('Logged · 1 person');
  });

  it('says plainly when a card cannot be read, stores nothing, and throws nothing on the page', async () => {
    const before = await readStore(session.worker);
    await openEvent(CHIPS.coffeeChat, `${WEEK_URL}?rerender`);
    await control.click();
    await expect
      .poll(() => status())
      .toBe("Bridges can't read this event: Calendar's page may have changed. Nothing was saved.");
    expect(await readStore(session.worker)).toEqual(before);
  });

  it('keeps hostile names and titles inert: stored and shown as text, never run', async () => {
    await logEvent(CHIPS.designCrit);
    const rows = await readStore(session.worker);
    const hostile = rows.interactions.find((i) => String(i.title).includes('onerror'));
    expect(hostile?.title).toBe('<img src=x onerror="window.__pwned=1"> Budget & <b>plans</b>');
    expect(rows.people.find((p) => p.email === 'mallory@evil.example')?.displayName).toBe(
      '<script>window.__pwned=2</script>Mallory',
    );
    expect(rows.people.some((p) => String(p.email).startsWith('javascript:'))).toBe(false);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('mallory');
    await expect
      .poll(() => popup.locator('.people .name').allTextContents())
      .toEqual(['<script>window.__pwned=2</script>Mallory']);
    expect(await popup.locator('.people img, .people script, .people b').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await popup.close();
  });

  it('lists everyone met in the popup', async () => {
    await logEvent(CHIPS.q4Review);
    await logEvent(CHIPS.weeklySync);
    await logEvent(CHIPS.designCrit);
    await openEvent(CHIPS.budgetReview);
    await control.click();
    await expect.poll(() => label()).toBe('Log 30 people?');
    await control.click();
    await expect.poll(() => label()).toBe('Logged · 30 people');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    // 35 people met; the popup shows them a page of 25 at a time.
    await expect.poll(() => popup.locator('.people .name').count()).toBe(25);
    expect(await popup.getByRole('button', { name: 'Show 10 more of 10' }).count()).toBe(1);
    await popup.getByRole('searchbox').fill('priya');
    await expect.poll(() => popup.locator('.people .name').allTextContents()).toEqual(['Priya Raman']);
    await popup.close();
  });

  it('would have seen a request had there been one (the check after each test can fail)', async () => {
    // From a tab of its own: the failed request's console error is not the Calendar page's to answer for.
    const tab = await session.context.newPage();
    await tab.evaluate(() => fetch('https://tracker.invalid/beacon').catch(() => undefined));
    await tab.close();
    // Taken off the list once seen, so that the check after this test holds.
    expect(session.outsideRequests.splice(0)).toEqual(['https://tracker.invalid/beacon']);
  });
});
