import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { launch, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { makeSampleHistory, waitForDatabase } from './seed';
import { allShots, bookSampleCatchUp, pngSize, restoreSampleHistory, SHOT_SIZE } from './showcase';

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
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await waitForDatabase(popup);
  await popup.close();
});
afterAll(async () => {
  await session?.close();
});

describe('store listing screenshots (Chromium, built extension, sample history)', () => {
  it('restores the sample history through the management page', async () => {
    const history = makeSampleHistory(NOW);
    expect(await restoreSampleHistory(session, NOW)).toBe(
      `Restored: ${history.people.length} people, ${history.interactions.length.toLocaleString('en')} meetings and contacts, ${history.groups.length} groups.`,
    );
  });

  it('books a catch-up with Sam from a calendar file: a meeting to come, noted as booked, not logged', async () => {
    expect(await bookSampleCatchUp(session, NOW)).toMatch(/ 1 meeting ahead noted as booked\.$/);
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
      expect(png.equals(shots.find(([n]) => n === name.replace('light', 'dark'))?.[1] ?? Buffer.alloc(0))).toBe(false);
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

  it('sent no request outside the served pages', () => {
    expect(session.outsideRequests).toEqual([]);
  });
});
