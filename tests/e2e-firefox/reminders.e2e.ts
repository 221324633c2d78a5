import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { seedPerson } from '../e2e/seed';
import { type FirefoxSession, launchFirefox, type WithBrowser } from './harness';

// The weekly reminder in Firefox, where the toolbar button is MV2's browserAction. Firefox runs on the real
// clock, so the test does not wait for Monday 09:00: it moves the add-on's own alarm to a second from now,
// and the browser fires it into the background page as it would on Monday.
const DAY = 86_400_000;
const ALARM = 'bridges-weekly-reminder';
let session: FirefoxSession;
let now = 0;
const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, now, daysAgo, patch);

/** The first Monday 09:00 UTC strictly after `t` (the computer's zone is UTC here). */
function nextMondayNine(t: number): number {
  const d = new Date(t);
  let due = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 9);
  due += ((1 - new Date(due).getUTCDay() + 7) % 7) * DAY;
  return due <= t ? due + 7 * DAY : due;
}

const badge = () =>
  session.inExtension(async () => {
    const action = (globalThis as unknown as WithBrowser).browser.browserAction;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
const alarmTime = () =>
  session.inExtension(
    async (name) => (await (globalThis as unknown as WithBrowser).browser.alarms.get(name))?.scheduledTime,
    ALARM,
  );

beforeAll(async () => {
  session = await launchFirefox({ timeZone: 'UTC' });
  now = Date.now();
});
afterAll(async () => {
  await session?.close();
});

describe('weekly badge reminders (Firefox, built add-on)', () => {
  // One story, one test, from the add-on just installed in a browser of its own: the alarm fires and the badge
  // counts, the alarm is set again, and the popup clears the badge; each step starts where the one before left it.
  it('when the weekly alarm fires, the badge counts the overdue relationships outside the team, sets itself again for next Monday 09:00, and opening the popup clears it, with no request and no error', async () => {
    await session.waitForDatabase();
    await session.seedStore({
      people: [
        seeded('priya@finance.example', 'Priya Raman', 80),
        seeded('sam@partner.example', 'Sam Okafor', 65),
        seeded('wei@x.example', 'Wei Chen', 40), // amber: not counted by default
        seeded('lee@x.example', 'Jordan Lee', 200, { team: true }),
      ],
    });
    expect(await badge()).toEqual({ text: '', title: 'Bridges' });
    await session.inExtension(
      async (name) => (globalThis as unknown as WithBrowser).browser.alarms.create(name, { when: Date.now() + 1000 }),
      ALARM,
    );
    await expect.poll(badge, { timeout: 15_000, interval: 250 }).toEqual({
      text: '2',
      title: 'Bridges: 2 relationships outside your team are overdue. Open Bridges to see who.',
    });

    // And it sets itself again for next Monday 09:00.
    const scheduled = await alarmTime();
    expect([nextMondayNine(now), nextMondayNine(Date.now())]).toContain(scheduled);

    // Opening the popup clears the badge.
    const popup = await session.openExtensionPage('popup.html', { width: 380, height: 600 });
    await popup.waitForSelector('.people .name');
    await expect.poll(badge).toEqual({ text: '', title: 'Bridges' });
    await popup.close();

    // It made no request and raised no error.
    expect(session.outsideRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
