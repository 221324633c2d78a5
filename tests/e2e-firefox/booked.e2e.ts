import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHIPS, chipId, weekUrl, weekViewPage } from '../e2e/calendar-page';
import { seedPerson } from '../e2e/seed';
import { daysToLatestPastWeek } from '../helpers/calendar-shift';
import { clickElement, type FirefoxSession, launchFirefox } from './harness';
import { clickControl, controlState } from './log-control';

// Firefox runs on the real clock: the saved Calendar week is moved two weeks past the latest week that has
// passed, so that every meeting in it is still to come whatever the day the test runs.
const SHIFT = daysToLatestPastWeek(Date.now()) + 14;
const URL = weekUrl(SHIFT);
let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefox({ pages: { [URL]: weekViewPage(SHIFT) } });
  const popup = await session.openExtensionPage('popup.html');
  await session.waitForDatabase();
  await session.seedStore({ people: [seedPerson('priya.raman@example.com', 'Priya Raman', Date.now(), 73)] });
  await popup.close();
  page = await session.openPage(URL);
});
afterAll(async () => {
  await session?.close();
});

const label = async () => (await controlState(page))?.label;

describe('a meeting to come, noted as booked from its card (Firefox)', () => {
  // The test starts from Priya alone in the add-on and the week open (beforeAll), and makes no request and raises
  // no error (checked after it, its own).
  afterEach(() => {
    expect(session.outsideRequests.splice(0)).toEqual([]);
    expect(session.errors.splice(0)).toEqual([]);
  });

  it('offers "Note as booked", and a second click notes it: Priya carries it, nothing is logged', async () => {
    await clickElement(page, `[role="gridcell"] [data-eventchip][data-eventid="${chipId(CHIPS.q4Review, SHIFT)}"]`);
    await page.waitForSelector('#xDetDlg', { visible: true });
    await expect.poll(label).toBe('Log meeting');
    await clickControl(page);
    await expect.poll(label).toBe('Note as booked');
    await clickControl(page);
    await expect.poll(label).toBe('Booked · 4 people');
    const stored = await session.inExtension(
      () =>
        new Promise<{ upcoming: string[]; next: unknown }>((resolve) => {
          const req = indexedDB.open('bridges');
          req.onsuccess = () => {
            const tx = req.result.transaction(['upcoming', 'people']);
            const upcoming = tx.objectStore('upcoming').getAllKeys();
            const priya = tx.objectStore('people').get('priya.raman@example.com');
            tx.oncomplete = () => {
              req.result.close();
              resolve({ upcoming: upcoming.result as string[], next: priya.result?.nextMeetingAt });
            };
          };
        }),
    );
    expect(stored.upcoming).toHaveLength(1);
    expect(typeof stored.next).toBe('number');
    expect((await session.readStore()).interactions).toHaveLength(0);
  });
});
