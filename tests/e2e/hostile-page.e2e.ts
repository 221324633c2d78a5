import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_CONTROL } from '../../lib/content/control-state';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { EXTENSION_ID, launch, readStore, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { eachTestFromEmptyLog } from './start-from';

// A Calendar page whose own scripts turn against Bridges (issue 15): they cannot click the control, so they try
// to make a person click it unknowingly (the control made invisible over a decoy, or a decoy laid over it), or
// to switch the content script off. Chromium, built extension, on a clock just after the saved week.
let session: Session;
let page: Page;
let control: LogControlDriver;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00', pages: { [WEEK_URL]: weekViewPage() } });
  page = await session.context.newPage();
  control = new LogControlDriver(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await session?.close();
});
eachTestFromEmptyLog(() => ({ session, page, pageErrors }));

async function openEvent(chipId: string, url = WEEK_URL): Promise<void> {
  if (page.url() !== url) await page.goto(url);
  await page.locator(`[role="gridcell"] [data-eventchip][data-eventid="${chipId}"]`).first().click();
  await page.locator('#xDetDlg').waitFor();
}

/** Page script: adds a style sheet (as a hostile page would), and returns nothing. */
async function addPageStyle(css: string): Promise<void> {
  await page.evaluate((text) => {
    const style = document.createElement('style');
    style.className = 'hostile';
    style.textContent = text;
    document.head.append(style);
  }, css);
}

const meetings = async () => (await readStore(session.worker)).interactions;

describe('a Calendar page that turns against Bridges (Chromium, built extension)', () => {
  it.each([
    ['the control made transparent', 'bridges-log-control { opacity: 0 !important; }'],
    ['its toolbar made nearly transparent', '.pPTZAe { opacity: 0.05 !important; }'],
    ['a transparent filter', 'bridges-log-control { filter: opacity(0) !important; }'],
    ['clipped to a thin line', 'bridges-log-control { clip-path: inset(14px 0 14px 0) !important; }'],
    ['masked out', 'bridges-log-control { mask-image: linear-gradient(transparent, transparent) !important; }'],
    ['shrunk to a speck', 'bridges-log-control { transform: scale(0.1) !important; }'],
  ])('%s over a decoy: a real click on it logs nothing, and the control says why', async (_name, css) => {
    await openEvent(CHIPS.q4Review);
    await expect.poll(() => control.label()).toBe('Log meeting');
    await addPageStyle(css);
    // The decoy a person would think they click, under the control the page hid.
    await page.evaluate(() => {
      const box = (document.querySelector('bridges-log-control') as HTMLElement).getBoundingClientRect();
      const decoy = document.createElement('button');
      decoy.textContent = 'Claim your prize';
      const [left, top] = [box.left + scrollX, box.top + scrollY];
      decoy.style.cssText = `position:absolute;left:${left}px;top:${top}px;width:${box.width}px;height:${box.height}px;z-index:-1`;
      document.body.prepend(decoy);
    });
    await control.click();
    await expect.poll(() => control.message()).toBe(HIDDEN_CONTROL);
    expect(await control.label()).toBe('Log meeting');
    expect(await meetings()).toEqual([]);

    // The same control, shown as it is, logs with the same click.
    await page.evaluate(() => {
      for (const style of document.querySelectorAll('style.hostile')) style.remove();
    });
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    expect(await meetings()).toHaveLength(1);
  });

  it('a decoy laid over the control, which lets clicks through to it, gets no log', async () => {
    await openEvent(CHIPS.q4Review);
    await expect.poll(() => control.label()).toBe('Log meeting');
    await page.evaluate(() => {
      const box = (document.querySelector('bridges-log-control') as HTMLElement).getBoundingClientRect();
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.textContent = 'Claim your prize';
      const [left, top] = [box.left + scrollX - 4, box.top + scrollY - 4];
      decoy.style.cssText = `position:absolute;left:${left}px;top:${top}px;width:${box.width + 8}px;height:${box.height + 8}px;background:#fff;z-index:2147483647;pointer-events:none`;
      document.body.append(decoy);
    });
    await control.click();
    await expect.poll(() => control.message()).toBe(HIDDEN_CONTROL);
    expect(await meetings()).toEqual([]);

    await page.evaluate(() => document.getElementById('decoy')?.remove());
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    expect(await meetings()).toHaveLength(1);
  });

  it('a refused click changes nothing: the meeting over the guest limit still asks, and logs on a shown click', async () => {
    await openEvent(CHIPS.budgetReview);
    await control.click();
    await expect.poll(() => control.label()).toBe('Log 30 people?');
    await addPageStyle('bridges-log-control { opacity: 0 !important; }');
    await control.click();
    await expect.poll(() => control.message()).toBe(HIDDEN_CONTROL);
    expect(await control.label()).toBe('Log 30 people?');
    expect(await meetings()).toEqual([]);
    await page.evaluate(() => document.querySelector('style.hostile')?.remove());
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 30 people');
  });

  it('a forged "content script started" event does not switch Bridges off: the control is back after Calendar re-renders, and logs', async () => {
    const url = `${WEEK_URL}?rerender`;
    await openEvent(CHIPS.weeklySync, url);
    await expect.poll(() => control.label()).toMatch(/^Log/);
    // What WXT's ContentScriptContext listens for to hand over to a newer copy of the script; any page can send it.
    await page.evaluate((name) => {
      const detail = { contentScriptName: 'google-calendar', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, ...detail }, '*');
    }, `${EXTENSION_ID}:google-calendar:wxt:content-script-started`);
    // Calendar opens another event in the card and re-renders its toolbar five times, dropping nodes it did not make.
    await openEvent(CHIPS.q4Review, url);
    await page.waitForFunction(() => (window as { __rerenders?: number }).__rerenders === 5);
    await expect.poll(() => page.locator('.pPTZAe > bridges-log-control').count()).toBe(1);
    await expect.poll(() => control.label()).toBe('Log meeting');
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    expect(await meetings()).toHaveLength(1);
  });
});
