import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { launch, type Session } from './harness';
import { seedPerson, seedStore, waitForDatabase } from './seed';

// The weekly reminder, Monday 09:00 by default. Bridges is installed and the data seeded on Sunday 2026-11-29
// (Chromium's clock, the computer's zone UTC), with no reminder near; then the same profile is opened again on
// Monday at 08:59:50. Whether the machine is fast (the alarm fires at 09:00 while the browser runs) or slow
// (the browser is not up before 09:00, and the start catches the reminder up), the badge ends up the same: no
// step has to finish within a deadline.
declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
};
const NINE = Date.parse('2026-11-30T09:00:00Z');
const DAY = 86_400_000;
let session: Session;
let profile: string;

const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, NINE, daysAgo, patch);

// Each test starts from Bridges just installed on Sunday, in a profile of its own (reopened later in the story).
beforeEach(async () => {
  profile = mkdtempSync(join(tmpdir(), 'bridges-reminder-'));
  session = await launch({ fakeTime: '2026-11-29 12:00:00', timeZone: 'UTC', userDataDir: profile });
});
afterEach(async () => {
  await session?.close();
  rmSync(profile, { recursive: true, force: true });
});

const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));
// The badge and the next alarm are set by separate calls: each is waited for, neither assumed to follow the other.
const nextAlarm = () =>
  session.worker.evaluate(async () => (await chrome.alarms.get('bridges-weekly-reminder'))?.scheduledTime);

describe('weekly badge reminders (Chromium, built extension)', () => {
  it('registers the weekly alarm at install, for Monday 09:00 local', async () => {
    // Set once the background has opened its database and read the reminder's settings.
    await expect
      .poll(
        () => session.worker.evaluate(async () => (await chrome.alarms.get('bridges-weekly-reminder'))?.scheduledTime),
        { timeout: 30_000 },
      )
      .toBe(NINE);
  });

  // One story, one test: the badge shown when the alarm fires, cleared by the popup, then a reminder missed while
  // the browser was closed caught up; each step starts from the profile the one before left, across restarts.
  it('when the alarm fires, the badge shows the overdue relationships outside the team and says what it means; opening the popup clears it; a reminder due while the browser was closed is caught up once at the next start', async () => {
    // Installed on Sunday with its weekly alarm set, as the test above sees it.
    await expect.poll(nextAlarm, { timeout: 30_000 }).toBe(NINE);
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await waitForDatabase(page);
    await page.close();
    await seedStore(session.worker, {
      people: [
        seeded('priya@finance.example', 'Priya Raman', 80),
        seeded('sam@partner.example', 'Sam Okafor', 65),
        seeded('wei@x.example', 'Wei Chen', 40), // amber: not counted by default
        seeded('lee@x.example', 'Jordan Lee', 200, { team: true }),
      ],
    });
    expect(await badge()).toBe('');
    await session.close();
    // Monday, just before nine: the real alarm is due at 09:00 on Chromium's clock.
    session = await launch({ fakeTime: '2026-11-30 08:59:50', timeZone: 'UTC', userDataDir: profile });
    await expect.poll(badge, { timeout: 30_000, interval: 500 }).toBe('2');
    expect(await session.worker.evaluate(() => chrome.action.getTitle({}))).toBe(
      'Bridges: 2 relationships outside your team are overdue. Open Bridges to see who.',
    );
    await expect.poll(nextAlarm).toBe(NINE + 7 * DAY);

    // Opening the popup clears it. It starts from the reminder standing (the step above): a badge that was never
    // set cannot be cleared.
    expect(await badge()).toBe('2');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.locator('.people .name').first().waitFor();
    await expect.poll(badge).toBe('');
    await popup.close();

    // A reminder due while the browser was closed is caught up once at the next start.
    await session.close();
    // A week later, an hour after the reminder was due: the browser was closed at nine.
    session = await launch({ fakeTime: '2026-12-07 10:00:00', timeZone: 'UTC', userDataDir: profile });
    await expect.poll(badge, { timeout: 30_000, interval: 500 }).toBe('2');
    await expect.poll(nextAlarm).toBe(NINE + 14 * DAY);
  }, 180_000);
});
