import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_CONTROL } from '../../lib/content/control-state';
import { CHIPS, chipId, weekUrl, weekViewPage } from '../e2e/calendar-page';
import { daysToLatestPastWeek } from '../helpers/calendar-shift';
import { clickElement, type FirefoxSession, launchFirefox } from './harness';
import { clickControl, controlState } from './log-control';

// Firefox runs on the real clock, so the saved Calendar week is moved to the latest week that has passed; the
// computer's zone (Asia/Kolkata) differs from Calendar's (America/New_York), as it may for a traveller.
const SHIFT = daysToLatestPastWeek(Date.now());
const URL = weekUrl(SHIFT);
let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefox({ timeZone: 'Asia/Kolkata', pages: { [URL]: weekViewPage(SHIFT) } });
  page = await session.openPage(URL);
});
afterAll(async () => {
  await session?.close();
});

/** Clicks a chip of the week view the way a user does; Calendar (here its stand-in) opens the event card. */
async function openEvent(chip: string): Promise<void> {
  // The open card covers part of the grid: close it first, as a user would.
  if (await page.$eval('#xDetDlg', (card) => (card as HTMLElement).offsetParent !== null).catch(() => false))
    await clickElement(page, '#xDetDlgCloseBu');
  await clickElement(page, `[role="gridcell"] [data-eventchip][data-eventid="${chipId(chip, SHIFT)}"]`);
  await page.waitForSelector('#xDetDlg', { visible: true });
}
const label = async () => (await controlState(page))?.label;
const message = async () => (await controlState(page))?.message;
/** A wall-clock time of the saved week in New York, moved with it. */
const newYork = (day: number, hour: number, minute = 0) =>
  addDays(new TZDate(2026, 10, day, hour, minute, 0, 'America/New_York'), SHIFT).getTime();

describe('one-click logging in Google Calendar (Firefox, built add-on)', () => {
  // One story, one test: each step starts from what the ones before logged (the counts of meetings say so) and
  // from the card they left open, in the one Calendar tab; it starts from a fresh profile, nothing logged.
  it('logs from the event card, step by step: the review, again (nothing changes), after a reload, a recurring instance, a declined meeting (nothing), one over the guest limit, everyone in the popup, a refused hidden click, after a forged start event; with no error and no request', async () => {
    // Puts a "Log meeting" control in the event card; one click logs the meeting and its people.
    await openEvent(CHIPS.q4Review);
    await expect.poll(label).toBe('Log meeting');
    expect(await page.$$eval('.pPTZAe > bridges-log-control', (found) => found.length)).toBe(1);
    await clickControl(page);
    await expect.poll(label).toBe('Logged · 4 people');

    const rows = await session.readStore();
    expect(rows.interactions).toHaveLength(1);
    expect(rows.interactions[0]).toMatchObject({
      key: 'gcal:k5058hfr4d2s30ltiuocpedthd',
      title: 'Q4 planning review',
      kind: 'meeting',
      start: newYork(24, 13),
      end: newYork(24, 14),
    });
    expect((rows.people.map((p) => p.email) as string[]).sort()).toEqual([
      'dana.kim@example.net',
      'jordan.lee@example.com',
      'priya.raman@example.com',
      'wei.chen@example.com',
    ]);

    // Logging again changes nothing.
    const before = await session.readStore();
    await clickControl(page);
    await expect.poll(message).toBe('Already in your log: nothing changed.');
    expect(await session.readStore()).toEqual(before);

    // Shows the event as logged after a reload.
    await page.reload();
    await openEvent(CHIPS.q4Review);
    await expect.poll(label).toBe('Logged · 4 people');

    // Logs a recurring meeting's instance as its own meeting.
    await openEvent(CHIPS.weeklySync);
    await expect.poll(label).toBe('Log meeting');
    await clickControl(page);
    await expect.poll(label).toBe('Logged · 1 person');
    const weekly = (await session.readStore()).interactions.find((i) => i.title === 'Weekly sync');
    const stamp = new Date(newYork(23, 10)).toISOString().replace(/[-:]|\.\d{3}/g, '');
    expect(weekly).toMatchObject({ key: `gcal:b028tvasrf4039si1mg44gaske_${stamp}`, start: newYork(23, 10) });

    // Says why a declined meeting is not logged, and stores nothing.
    await openEvent(CHIPS.vendorDemo);
    await clickControl(page);
    await expect.poll(message).toBe('Not logged: you declined this meeting.');
    expect((await session.readStore()).interactions).toHaveLength(2);

    // Asks for a second click on a meeting with more guests than the limit.
    await openEvent(CHIPS.budgetReview);
    await clickControl(page);
    await expect.poll(label).toBe('Log 30 people?');
    expect((await session.readStore()).interactions).toHaveLength(2);
    await clickControl(page);
    await expect.poll(label).toBe('Logged · 30 people');
    expect((await session.readStore()).interactions).toHaveLength(3);

    // Lists everyone met in the popup, the first page of 25.
    // 34 people: four in the review (the weekly sync's guest is one of them) and thirty in the budget review.
    const popup = await session.openExtensionPage('popup.html', { width: 380, height: 600 });
    await expect.poll(() => popup.$$eval('.people .name', (names) => names.length)).toBe(25);
    expect(
      await popup.$$eval('button', (b) => b.map((x) => x.textContent).filter((t) => t?.startsWith('Show'))),
    ).toEqual(['Show 9 more of 9']);
    await popup.close();

    // Refuses a click on the control the page made transparent, and counts it shown (Firefox's own checks).
    // Firefox has no IntersectionObserver v2: the styles, the box and what is on top at the click decide alone.
    await openEvent(CHIPS.vendorDemo);
    await expect.poll(label).toBe('Log meeting');
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.id = 'hostile';
      style.textContent = 'bridges-log-control { opacity: 0 !important; }';
      document.head.append(style);
    });
    await clickControl(page);
    await expect.poll(message).toBe(HIDDEN_CONTROL);
    await page.evaluate(() => document.getElementById('hostile')?.remove());
    await clickControl(page);
    await expect.poll(message).toBe('Not logged: you declined this meeting.');
    expect((await session.readStore()).interactions).toHaveLength(3);

    // Keeps the control after the page forges WXT\'s "content script started" event; it logs.
    await page.evaluate(() => {
      const name = 'bridges@bridges.invalid:google-calendar:wxt:content-script-started';
      const detail = { contentScriptName: 'google-calendar', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
    });
    await openEvent(CHIPS.designCrit); // Calendar fills the card anew, dropping the control
    await expect.poll(label).toBe('Log meeting');
    await clickControl(page);
    await expect.poll(label).toBe('Logged · 1 person');
    expect((await session.readStore()).interactions).toHaveLength(4);

    // Raised no error and sent no request outside the served pages.
    expect(session.errors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  }, 240_000);

  it("would have seen a request from the page or from anywhere else in Firefox (the story's check can fail)", async () => {
    await page.evaluate(() => fetch('https://tracker.invalid/beacon').catch(() => undefined));
    // A tab the harness does not intercept: its request goes to the recording proxy.
    const other = await session.browser.newPage();
    await other.goto('https://elsewhere.invalid/').catch(() => undefined);
    await expect
      .poll(() => session.outsideRequests)
      .toEqual(['https://tracker.invalid/beacon', 'https://elsewhere.invalid:443']);
    await other.close();
    // Taken off the list once seen, so that the story's own check holds whichever runs first.
    session.outsideRequests.splice(0);
  });
});
