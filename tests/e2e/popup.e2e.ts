import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { launch, readStore, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { popupStart, seedPerson } from './seed';
import { startFrom } from './start-from';

// Chromium's clock is fixed at Saturday 2026-11-28 20:00 UTC, after the saved Calendar week.
const NOW = Date.parse('2026-11-28T20:00:00Z');
let session: Session;
let popup: Page;

const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, NOW, daysAgo, patch);

const DAY = 86_400_000;
/** The five people each test starts from, with `changes` by email. */
const people = (changes: Record<string, Partial<Person>> = {}) => [
  seeded('priya@finance.example', 'Priya Raman', 70, changes['priya@finance.example']),
  seeded('sam@partner.example', 'Sam Okafor', 20, {
    priority: 'high',
    kind: 'partner',
    ...changes['sam@partner.example'],
  }),
  seeded('wei@finance.example', 'Wei Chen', 2),
  seeded('lee@home.example', 'Jordan Lee', 90, { team: true }),
  seeded('mallory@evil.example', '<img src=x onerror="window.__pwned=1"><b>Mallory</b>', 45),
];

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00', pages: { [WEEK_URL]: weekViewPage() } });
});
afterAll(async () => {
  await session?.close();
});

/** A fresh popup at 380 px on exactly `rows`, whatever the tests before left. */
async function openPopup(rows: Person[]): Promise<void> {
  popup = await startFrom(session, { people: rows });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.reload();
  await popup.locator('.people .name').first().waitFor();
}

const rowNames = () => popup.locator('.people .name').allTextContents();
/** The people of the first screen the background keeps in session storage (none kept: null). */
const keptEmails = () =>
  session.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(key: string): Promise<Record<string, { people: Person[] }>> } } };
    };
    const kept = (await chrome.storage.session.get('popupFirstPaint')).popupFirstPaint;
    return kept ? kept.people.map((p) => p.email) : null;
  });
const row = (email: string) => popup.locator(`li.person[data-email="${email}"]`);
/** Snoozes someone for a week through their row's "More for …" actions, as a user does. */
async function snoozeAWeek(email: string): Promise<void> {
  await row(email)
    .getByRole('button', { name: /^More for/ })
    .click();
  await popup.getByRole('button', { name: 'Snooze a week' }).click();
}

describe('the popup in Chromium with seeded data', () => {
  it('lists people outside the team, most neglected first, with statuses in words', async () => {
    await openPopup(people());
    // Priya: 70 days on a 30/60 cadence (red); Sam: 20 days on a high-priority 14/28 (amber, weighted up);
    // Mallory: 45 days on 30/60 (amber); Wei: 2 days (green).
    await expect
      .poll(rowNames)
      .toEqual(['Priya Raman', 'Sam Okafor', '<img src=x onerror="window.__pwned=1"><b>Mallory</b>', 'Wei Chen']);
    expect(await popup.locator('.people .status').allTextContents()).toEqual([
      '▲ Overdue',
      '◆ Due',
      '◆ Due',
      '● On track',
    ]);
    expect(await popup.locator('.summary').textContent()).toBe('1 overdue, 2 due outside your team');
    expect(await row('sam@partner.example').locator('.details').textContent()).toBe('partner.example · Partner');
    expect(await row('priya@finance.example').locator('.last-met').textContent()).toBe('Last met 10 weeks ago');
  });

  it('renders a hostile name as text', async () => {
    await openPopup(people());
    expect(await popup.locator('.people img, .people b').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('fits 380 px without horizontal scrolling, also with a panel open', async () => {
    await openPopup(people());
    await row('priya@finance.example')
      .getByRole('button', { name: /^More for/ })
      .click();
    await popup.locator('.panel').waitFor(); // its code loads on the first click
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    // Escape closes it (pressed until the panel's key handler, set up after it paints, has it).
    await expect
      .poll(async () => {
        await popup.keyboard.press('Escape');
        return popup.locator('.panel').count();
      })
      .toBe(0);
  });

  it('logs a contact from the keyboard alone, and the row turns green', async () => {
    await openPopup(people());
    await row('priya@finance.example')
      .getByRole('button', { name: /^Log a contact with/ })
      .focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('radio', { name: 'Coffee' }).focus();
    await popup.keyboard.press('Space');
    await popup.getByRole('button', { name: 'Log coffee' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => row('priya@finance.example').locator('.status').textContent()).toBe('● On track');
    const rows = await readStore(session.worker);
    expect(rows.interactions.find((i) => i.kind === 'coffee')).toMatchObject({
      people: ['priya@finance.example'],
      source: 'manual',
    });
    expect(await popup.locator('.summary').textContent()).toBe('Nothing overdue, 2 due outside your team');
  });

  it('snoozing takes the person off the list', async () => {
    await openPopup(people());
    await snoozeAWeek('sam@partner.example');
    await expect.poll(rowNames).not.toContain('Sam Okafor');
    // The toast follows the command's answer, which may come after the row has left with the live data.
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Snoozed Sam Okafor for a week.');
  });

  it('opens on the first screen the background keeps ready, which follows a change made through it', async () => {
    await openPopup(people());
    await snoozeAWeek('priya@finance.example');
    await expect.poll(rowNames).not.toContain('Priya Raman');
    // Dropped at the snooze's write, and made again once the writes stopped: without Priya.
    await expect.poll(keptEmails).toEqual(['sam@partner.example', 'mallory@evil.example', 'wei@finance.example']);
    const next = await session.context.newPage();
    await next.setViewportSize({ width: 380, height: 600 });
    await next.goto(`chrome-extension://${session.extensionId}/popup.html`);
    expect(await next.evaluate(popupStart)).toBe('kept');
    await next.locator('.people .name').first().waitFor();
    expect(await next.locator('.people .name').allTextContents()).toEqual([
      'Sam Okafor',
      '<img src=x onerror="window.__pwned=1"><b>Mallory</b>',
      'Wei Chen',
    ]);
    expect(await next.locator('.summary').textContent()).toBe('Nothing overdue, 2 due outside your team');
    expect(await next.locator('.people img, .people b').count()).toBe(0);
    await next.close();
  });

  it('marking someone as my team takes them off the list', async () => {
    // Where the two tests above leave the list: Priya met today, Sam snoozed for a week.
    await openPopup(
      people({
        'priya@finance.example': { lastMetAt: NOW, interactionCount: 2 },
        'sam@partner.example': { snoozedUntil: NOW + 7 * DAY },
      }),
    );
    await row('mallory@evil.example')
      .getByRole('button', { name: /^More for/ })
      .click();
    await popup.getByRole('button', { name: 'Mark as my team' }).click();
    await expect.poll(rowNames).toEqual(['Wei Chen', 'Priya Raman']);
    expect((await readStore(session.worker)).people.find((p) => p.email === 'mallory@evil.example')?.team).toBe(true);
  });

  it('shows a meeting logged in a Calendar tab without being reopened', async () => {
    await openPopup(people());
    const calendar = await session.context.newPage();
    await calendar.goto(WEEK_URL);
    await calendar.locator(`[role="gridcell"] [data-eventchip][data-eventid="${CHIPS.q4Review}"]`).first().click();
    const control = new LogControlDriver(calendar);
    await expect.poll(() => control.label()).toBe('Log meeting');
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    await expect.poll(rowNames).toContain('Jordan Lee');
    await calendar.close();
  });
});
