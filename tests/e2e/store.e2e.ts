import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { launch, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { makeSampleHistory } from './seed';
import { allShots, bookSampleCatchUp, pngSize, restoreSampleHistory, SHOT_SIZE } from './showcase';
import { startFrom } from './start-from';

// The store listing's screenshots, made from the built extension with the sample history on a clock fixed just
// after the saved Calendar week (Saturday 2026-11-28 20:00 UTC), in New York like the saved pages. They are
// written to store/screenshots/ (not committed: every `npm test` makes them again).
const NOW = Date.parse('2026-11-28T20:00:00Z');
const SCREENSHOTS = join(process.cwd(), 'store/screenshots');
let session: Session;

beforeAll(async () => {
  session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    timeZone: 'America/New_York',
    pages: { [WEEK_URL]: weekViewPage(0, { look: true }) },
  });
});
afterAll(async () => {
  await session?.close();
});

/**
 * The extension emptied (startFrom), then, as `upTo` names, the sample history restored through the management
 * page and Sam's catch-up booked from a calendar file: the start each test names, whatever the tests before did.
 */
async function sampleStart(upTo: 'empty' | 'restored' | 'booked'): Promise<void> {
  await (await startFrom(session)).close();
  if (upTo === 'empty') return;
  await restoreSampleHistory(session, NOW);
  if (upTo === 'booked') await bookSampleCatchUp(session, NOW);
}

describe('store listing screenshots (Chromium, built extension, sample history)', () => {
  // Each test's own requests: none went outside the served pages.
  afterEach(() => {
    expect(session.outsideRequests.splice(0)).toEqual([]);
  });

  it('restores the sample history through the management page', async () => {
    await sampleStart('empty');
    const history = makeSampleHistory(NOW);
    expect(await restoreSampleHistory(session, NOW)).toBe(
      `Restored: ${history.people.length} people, ${history.interactions.length.toLocaleString('en')} meetings and contacts, ${history.groups.length} groups.`,
    );
  });

  it('books a catch-up with Sam from a calendar file: a meeting to come, noted as booked, not logged', async () => {
    await sampleStart('restored');
    expect(await bookSampleCatchUp(session, NOW)).toMatch(/ 1 meeting ahead noted as booked\.$/);
  });

  describe('from the sample history with Sam booked', () => {
    beforeEach(async () => {
      await sampleStart('booked');
    });

    it('the popup tells the story: a few overdue outside the team, Priya first among them, Sam booked, a stretch pick', async () => {
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await expect
        .poll(() => popup.locator('.summary').textContent())
        .toMatch(/^\d overdue(, \d+ due)? outside your team; 1 booked$/);
      // Sam, this week's stretch, is booked: the card says when.
      expect(await popup.locator('.stretch .details').textContent()).toContain('Booked Thu 3 Dec');
      const top = await popup.locator('.people .name').allTextContents();
      expect(top.slice(0, 3)).toContain('Priya Raman');
      expect(await popup.locator('.stretch .name').textContent()).toBe('Sam Okafor');
      await popup.close();
    });

    it('writes each view at 1280×800, light and dark, to store/screenshots/', async () => {
      const shots = await allShots(session);
      expect(shots.map(([name]) => name)).toEqual([
        '1-calendar-light.png',
        '2-popup-light.png',
        '3-audit-light.png',
        '4-trends-light.png',
        '1-calendar-dark.png',
        '2-popup-dark.png',
        '3-audit-dark.png',
        '4-trends-dark.png',
      ]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [name, png] of shots) {
        expect(pngSize(png), name).toEqual(SHOT_SIZE);
        writeFileSync(join(SCREENSHOTS, name), png);
      }
      // Dark is not light: each view's two pictures differ.
      for (const [name, png] of shots.filter(([n]) => n.includes('light')))
        expect(png.equals(shots.find(([n]) => n === name.replace('light', 'dark'))?.[1] ?? Buffer.alloc(0))).toBe(
          false,
        );
    });

    it("the demo's story holds in the dressed Calendar: logging the Q4 planning review puts Priya back on track", async () => {
      const calendar = await session.context.newPage();
      await calendar.goto(WEEK_URL);
      await calendar.locator(`[data-eventchip][data-eventid="${CHIPS.q4Review}"]`).first().click();
      const control = new LogControlDriver(calendar);
      await expect.poll(() => control.label()).toBe('Log meeting');
      await control.click();
      await expect.poll(() => control.label()).toBe('Logged · 4 people');
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const priya = popup.locator('li.person[data-email="priya.raman@example.com"]');
      await popup.getByLabel('Search people').fill('Priya Raman');
      await expect.poll(() => priya.locator('.status').textContent()).toBe('● On track');
      await popup.close();
      await calendar.close();
    });
  });
});
