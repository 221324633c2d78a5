import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { launch, type Session } from './harness';
import { seedPerson, seedStore, waitForDatabase } from './seed';

// Chromium's clock starts on Monday 2026-11-30 at 08:59:50 UTC (the computer's zone): the weekly reminder,
// Monday 09:00 by default, is due ten seconds after the extension is installed.
declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
};
const NINE = Date.parse('2026-11-30T09:00:00Z');
const DAY = 86_400_000;
let session: Session;

const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, NINE, daysAgo, patch);

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-30 08:59:50', timeZone: 'UTC' });
});
afterAll(async () => {
  await session?.close();
});

const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));

describe('weekly badge reminders (Chromium, built extension)', () => {
  it('registers the weekly alarm at install, for Monday 09:00 local', async () => {
    await expect
      .poll(() =>
        session.worker.evaluate(async () => (await chrome.alarms.get('bridges-weekly-reminder'))?.scheduledTime),
      )
      .toBe(NINE);
  });

  it('when the alarm fires, the badge shows the overdue relationships outside the team, and says what it means', async () => {
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
    // The real alarm, due at 09:00 on Chromium's clock.
    await expect.poll(badge, { timeout: 30_000, interval: 500 }).toBe('2');
    expect(await session.worker.evaluate(() => chrome.action.getTitle({}))).toBe(
      'Bridges: 2 relationships outside your team are overdue. Open Bridges to see who.',
    );
    expect(
      await session.worker.evaluate(async () => (await chrome.alarms.get('bridges-weekly-reminder'))?.scheduledTime),
    ).toBe(NINE + 7 * DAY);
  });

  it('opening the popup clears it', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.locator('.people .name').first().waitFor();
    await expect.poll(badge).toBe('');
    await popup.close();
  });
});
