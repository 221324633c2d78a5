import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lastMetText } from '../../lib/relationships/labels';
import { CHIPS, chipId, weekUrl, weekViewPage } from '../e2e/calendar-page';
import { seedPerson } from '../e2e/seed';
import { daysToLatestPastWeek } from '../helpers/calendar-shift';
import { ADDON_UUID, clickElement, type FirefoxSession, launchFirefox } from './harness';
import { controlState } from './log-control';

// "Before you meet" in Firefox: the add-on's frame (moz-extension://<this install's id>/prep.html) in Calendar's
// card shows what matters to the guests, and the page's own script reads none of it. Firefox runs on the real
// clock: the saved week is the latest that has passed, and the words are derived from the same instant.
const SHIFT = daysToLatestPastWeek(Date.now());
const URL = weekUrl(SHIFT);
const NOTE = 'her biggest challenge is the Q2 hiring plan';
const DAY = 86_400_000;
let session: FirefoxSession;
let page: Page;
let now: number;

beforeAll(async () => {
  session = await launchFirefox({ timeZone: 'Asia/Kolkata', pages: { [URL]: weekViewPage(SHIFT) } });
  await session.waitForDatabase();
  now = Date.now();
  await session.seedStore({
    people: [
      seedPerson('priya.raman@example.com', 'Priya Raman', now, 75, { note: NOTE, thanksOwedSince: now - 3 * DAY }),
      seedPerson('jordan.lee@example.com', 'Jordan Lee', now, 10),
    ],
  });
});
afterAll(async () => {
  await session?.close();
});

const words = (frame: Frame) =>
  frame.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim()).catch(() => '');
/** The add-on's panel frames: puppeteer names them by their first address (about:blank), so each is asked. */
async function prepFrames(): Promise<Frame[]> {
  const found: Frame[] = [];
  for (const frame of page.frames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`moz-extension://${ADDON_UUID}/prep.html`)) found.push(frame);
  }
  return found;
}

/** Opens the Q4 review's card, as a person does, and waits for its panel to show Priya's note. */
async function openReviewCard(): Promise<void> {
  await clickElement(page, `[role="gridcell"] [data-eventchip][data-eventid="${chipId(CHIPS.q4Review, SHIFT)}"]`);
  await page.waitForSelector('#xDetDlg', { visible: true });
  await expect.poll(async () => (await controlState(page))?.label).toBe('Log meeting');
  await expect
    .poll(async () => (await Promise.all((await prepFrames()).map(words))).join('|'), { timeout: 15_000 })
    .toContain(NOTE);
}

describe('"Before you meet" (Firefox, built add-on)', () => {
  // Each test starts from Priya and Jordan as beforeAll seeded them (no test writes) and the saved week freshly
  // open in a tab of its own, no card open.
  beforeEach(async () => {
    await page?.close();
    page = await session.openPage(URL);
  });

  it("shows the known guests' status, note and thanks in the card, and the page reads none of it", async () => {
    await openReviewCard();
    const [frame] = await prepFrames();
    if (!frame) throw new Error('no frame');
    const text = await words(frame);
    expect(text).toContain('Before you meet · 4 guests');
    expect(text).toContain(
      `Priya Raman ▲ Overdue example.com · Last met ${lastMetText(now - 75 * DAY, Date.now())} · You owe them thanks ${NOTE}`,
    );
    expect(text).toContain('Jordan Lee ● On track');
    expect(text).toContain('New to Bridges: wei.chen@example.com, dana.kim@example.net');
    // Sized to its content.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);

    const seen = await page.evaluate(() => {
      const parts = [document.body.innerText, document.documentElement.outerHTML];
      for (const host of Array.from(document.querySelectorAll('bridges-prep'))) parts.push(host.innerHTML);
      document.execCommand('selectAll');
      parts.push(String(window.getSelection()));
      parts.push(`frames: ${window.frames.length}`);
      return parts.join('\n');
    });
    expect(seen).toContain('Q4 planning review');
    for (const secret of [NOTE, 'You owe them thanks', 'Overdue', 'prep.html']) expect(seen).not.toContain(secret);
  });

  it("shows nothing in a frame the page makes at the panel's address, with a made-up or no token", async () => {
    // The real panel first, showing the note, beside the frames the page makes.
    await openReviewCard();
    await page.evaluate(
      (urls) => {
        for (const url of urls) {
          const frame = document.createElement('iframe');
          frame.src = url;
          document.body.append(frame);
        }
      },
      [`moz-extension://${ADDON_UUID}/prep.html#AAAAAAAAAAAAAAAAAAAAAA`, `moz-extension://${ADDON_UUID}/prep.html`],
    );
    await expect.poll(async () => (await prepFrames()).length, { timeout: 15_000 }).toBe(3);
    const shown = async () => Promise.all((await prepFrames()).map(words));
    await expect.poll(async () => (await shown()).filter((t) => t.includes('Nothing to show here')).length).toBe(2);
    expect((await shown()).filter((t) => t.includes(NOTE))).toHaveLength(1);
  });
});
