import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { launch, readStore, type Session } from './harness';
import { seedPerson } from './seed';
import { startFrom } from './start-from';

// "Plan a catch-up" in Chromium: the user's calendar opens in a new tab on a new event, served here under its
// real address by a stub page, so the test reads the address and nothing leaves the machine. Chromium's clock is
// Saturday 2026-11-28 20:00 in UTC.
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};
const NOW = Date.parse('2026-11-28T20:00:00Z');
const GOOGLE = 'https://calendar.google.com/calendar/render';
const OUTLOOK_WORK = 'https://outlook.office.com/calendar/0/deeplink/compose';
const STUB = '<!doctype html><title>New event</title><p>A calendar would be here.</p>';
let session: Session;

const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, NOW, daysAgo, patch);

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00', timeZone: 'UTC' });
  for (const address of [GOOGLE, OUTLOOK_WORK]) {
    await session.serve(address, () => ({ body: STUB, headers: { 'content-type': 'text/html' } }));
  }
});
afterAll(async () => {
  await session?.close();
});

/** Each test starts from the same four people, no one being planned, and the catch-up settings as installed. */
beforeEach(async () => {
  await startFrom(session, {
    people: [
      seeded('priya@finance.example', 'Priya Raman', 70, { note: 'Quietly interviewing elsewhere', priority: 'high' }),
      seeded('mallory@evil.example', 'Mallory Vance', 75),
      seeded('sam@partner.example', 'Sam Okafor', 20, { priority: 'high', kind: 'partner' }),
      seeded('wei@finance.example', 'Wei Chen', 2),
    ],
  });
});
// Each test makes no request of its own outside the served calendars (checked after each, each its own).
afterEach(() => {
  expect(session.outsideRequests.splice(0)).toEqual([]);
});

const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));
const planningSince = async (email: string) =>
  (await readStore(session.worker)).people.find((p) => p.email === email)?.planningSince;

/** Runs `click` and returns the tab it opened, once its address is known. */
async function tabOpenedBy(click: () => Promise<void>): Promise<Page> {
  const [tab] = await Promise.all([session.context.waitForEvent('page'), click()]);
  await tab.waitForURL(/^(https|mailto):/);
  return tab;
}

const stamp = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
// The next working day at 10:00 in the browser's zone (UTC): Monday 30 November.
const MONDAY_10 = Date.parse('2026-11-30T10:00:00Z');

describe('Plan a catch-up (Chromium)', () => {
  it("from a person's page: Google Calendar opens on a new event with her as the guest, and the badge stops counting her", async () => {
    // The week's reminder fires (its own alarm, now) and shows on the badge.
    await session.worker.evaluate(() => chrome.alarms.create('bridges-weekly-reminder', { when: Date.now() + 500 }));
    await expect.poll(badge, { timeout: 30_000 }).toBe('2');
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/person/priya%40finance.example`);
    await page.getByRole('heading', { name: 'Priya Raman' }).waitFor();
    const tab = await tabOpenedBy(() => page.getByRole('button', { name: 'Plan a catch-up with Priya Raman' }).click());
    const url = new URL(tab.url());
    expect(`${url.origin}${url.pathname}`).toBe(GOOGLE);
    expect([...url.searchParams.entries()]).toEqual([
      ['action', 'TEMPLATE'],
      ['text', 'Catch-up: Priya Raman'],
      ['dates', `${stamp(MONDAY_10)}/${stamp(MONDAY_10 + 30 * 60_000)}`.replace(/[-:]/g, '')],
      ['add', 'priya@finance.example'],
    ]);
    expect(decodeURIComponent(tab.url())).not.toMatch(/interviewing|high/i);
    await tab.waitForLoadState('domcontentloaded');
    expect(await tab.title()).toBe('New event'); // the stub: nothing went out
    await tab.close();

    await page.getByText('Catch-up being planned', { exact: true }).waitFor();
    expect(await planningSince('priya@finance.example')).toBeGreaterThanOrEqual(NOW);
    await expect.poll(badge).toBe('1');
    await expect
      .poll(() => page.locator('.catch-up [role="status"]').textContent())
      .toContain('Your calendar is open in a new tab with an invitation for Priya Raman.');

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Catch-up being planned', { exact: true }).waitFor({ state: 'detached' });
    expect(await planningSince('priya@finance.example')).toBeNull();
    await expect.poll(badge).toBe('2');
    await page.close();
  });

  it("from the popup's row, by keyboard: the row says so, the headline leaves her out, and Undo puts it back", async () => {
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const row = popup.locator('li.person[data-email="priya@finance.example"]');
    await expect.poll(() => popup.locator('.summary').textContent()).toBe('2 overdue, 1 due outside your team');
    await row.getByRole('button', { name: 'More for Priya Raman' }).click();
    const plan = popup.getByRole('button', { name: 'Plan a catch-up with Priya Raman' });
    await plan.focus();
    const tab = await tabOpenedBy(() => popup.keyboard.press('Enter'));
    expect(new URL(tab.url()).searchParams.get('add')).toBe('priya@finance.example');
    await tab.close();
    await expect
      .poll(() => row.locator('.last-met').textContent())
      .toBe('Last met 10 weeks ago · High priority · Catch-up being planned');
    expect(await popup.locator('.summary').textContent()).toBe('1 overdue, 1 due outside your team; 1 being planned');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await popup.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row.locator('.last-met').textContent()).toBe('Last met 10 weeks ago · High priority');
    expect(await popup.locator('.summary').textContent()).toBe('2 overdue, 1 due outside your team');
    await popup.close();
  });

  it("with Outlook (work or school), from the audit's row: the compose page opens, and the guest's address is on the clipboard", async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await page.getByRole('radio', { name: /^Outlook \(work or school\)/ }).check();
    await page.getByRole('textbox', { name: 'Your name, for {my name}' }).fill('Alex Morgan');
    await page.getByRole('button', { name: 'Save' }).and(page.locator('.catch-up-settings button')).click();
    await page.getByText('Saved: your next catch-up is filled in this way.').waitFor();

    await page.goto(`chrome-extension://${session.extensionId}/options.html#/people`);
    const tab = await tabOpenedBy(() => page.getByRole('button', { name: 'Plan a catch-up with Sam Okafor' }).click());
    const url = new URL(tab.url());
    expect(`${url.origin}${url.pathname}`).toBe(OUTLOOK_WORK);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      subject: 'Catch-up: Sam Okafor / Alex Morgan',
      startdt: stamp(MONDAY_10),
      enddt: stamp(MONDAY_10 + 30 * 60_000),
    });
    await tab.close();
    await expect
      .poll(() => page.locator('.audit > [role="status"]').textContent())
      .toContain("Outlook is open in a new tab. Sam Okafor's address is on your clipboard: paste it as the guest.");
    // What the user pastes into Outlook's guest field: the clipboard, read by pasting it as they would.
    await page.evaluate(() => {
      const field = document.createElement('textarea');
      field.id = 'paste-here';
      document.body.append(field);
    });
    await page.locator('#paste-here').focus();
    await page.keyboard.press('Control+V');
    expect(await page.locator('#paste-here').inputValue()).toBe('sam@partner.example');
    expect(await planningSince('sam@partner.example')).toBeGreaterThanOrEqual(NOW);
    await page.close();
  });
});
