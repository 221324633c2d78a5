import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { launch, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { seedPerson } from './seed';
import { startFrom } from './start-from';

// Chromium's clock is fixed on Monday 2026-11-23 12:00 UTC, before most meetings of the saved week: the Q4 review
// (Tuesday 13:00 New York) is still to come. Priya, on its guest list, is overdue.
const NOW = Date.parse('2026-11-23T12:00:00Z');
let session: Session;
let calendar: Page;
let popup: Page;
let control: LogControlDriver;

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-23 12:00:00', timeZone: 'UTC', pages: { [WEEK_URL]: weekViewPage() } });
});
afterAll(async () => {
  await session?.close();
});

/** Each test starts from Priya and Sam overdue, nothing booked, the popup and the saved week freshly open. */
beforeEach(async () => {
  popup = await startFrom(session, {
    people: [
      seedPerson('priya.raman@example.com', 'Priya Raman', NOW, 70),
      seedPerson('sam@partner.example', 'Sam Okafor', NOW, 75),
    ],
  });
  calendar = await session.context.newPage();
  control = new LogControlDriver(calendar);
  await calendar.goto(WEEK_URL);
});

const openReview = () =>
  calendar.locator(`[role="gridcell"] [data-eventchip][data-eventid="${CHIPS.q4Review}"]`).first().click();

/** Notes the Q4 review as booked from its card, as the first test does, for the tests that start from it. */
async function noteReviewBooked(): Promise<void> {
  await openReview();
  await expect.poll(() => control.label()).toBe('Log meeting');
  await control.click();
  await expect.poll(() => control.label()).toBe('Note as booked');
  await control.click();
  await expect.poll(() => control.label()).toBe('Booked · 4 people');
}

const readUpcoming = () =>
  session.worker.evaluate(
    () =>
      new Promise<Array<{ key: string; people: string[] }>>((resolve) => {
        const req = indexedDB.open('bridges');
        req.onsuccess = () => {
          const get = req.result.transaction('upcoming').objectStore('upcoming').getAll();
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result);
          };
        };
      }),
  );

describe('a meeting to come, noted as booked from its card (Chromium)', () => {
  it('offers "Note as booked" instead of a dead end, and a second click notes it: nothing is logged', async () => {
    await calendar.locator(`[role="gridcell"] [data-eventchip][data-eventid="${CHIPS.q4Review}"]`).first().click();
    await calendar.locator('#xDetDlg').waitFor();
    await expect.poll(() => control.label()).toBe('Log meeting');
    await control.click();
    await expect.poll(() => control.label()).toBe('Note as booked');
    expect(await control.message()).toMatch(/^This meeting hasn't started yet\./);
    await control.click();
    await expect.poll(() => control.label()).toBe('Booked · 4 people');
    const booked = await readUpcoming();
    expect(booked.map((b) => b.key)).toEqual(['gcal:k5058hfr4d2s30ltiuocpedthd']);
    expect(booked[0]?.people).toContain('priya.raman@example.com');
  });

  it('the popup says Priya is booked, sorts her below who needs action, and counts her apart', async () => {
    await noteReviewBooked();
    await popup.reload();
    const row = (email: string) => popup.locator(`li.person[data-email="${email}"]`);
    await expect
      .poll(() => row('priya.raman@example.com').locator('.last-met').textContent())
      .toMatch(/Booked tomorrow$/);
    // Still red: the status is honest about the time since they met.
    expect(await row('priya.raman@example.com').locator('.status').textContent()).toBe('▲ Overdue');
    expect(await popup.locator('.people .name').allTextContents()).toEqual(['Sam Okafor', 'Priya Raman']);
    expect(await popup.locator('.summary').textContent()).toBe('1 overdue outside your team; 1 booked');
  });

  it('the badge, when the reminder comes, counts only who needs the user', async () => {
    await noteReviewBooked();
    await session.worker.evaluate(async () => {
      await chrome.alarms.create('bridges-weekly-reminder', { when: Date.now() + 500 });
    });
    await expect
      .poll(() => session.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 })
      .toBe('1');
  });

  it('the card says so when opened again', async () => {
    await noteReviewBooked();
    await calendar.reload();
    await calendar.locator(`[role="gridcell"] [data-eventchip][data-eventid="${CHIPS.q4Review}"]`).first().click();
    await expect.poll(() => control.label()).toBe('Booked · 4 people');
    expect(session.outsideRequests).toEqual([]);
  });
});

declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  action: { getBadgeText(d: object): Promise<string> };
};
