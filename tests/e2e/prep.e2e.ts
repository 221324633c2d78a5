import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { launch, readStore, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { clearStore, databaseReady, putRows, readSettingRows, seedPerson } from './seed';

// "Before you meet" (issue 16, part 3) in the built extension: a frame of the extension's own in Calendar's event
// card shows what matters to the guests, and the page, whose scripts are not trusted, can read none of it.
// Chromium on a clock just after the saved week (Saturday 2026-11-28 20:00 UTC).
const NOW = Date.parse('2026-11-28T20:00:00Z');
const DAY = 86_400_000;
const NOTE = 'her biggest challenge is the Q2 hiring plan';

let session: Session;
let page: Page;
let control: LogControlDriver;
let cdp: CDPSession;

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00', pages: { [WEEK_URL]: weekViewPage() } });
  page = await session.context.newPage();
  control = new LogControlDriver(page);
  cdp = await session.context.newCDPSession(page);
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() && /^chrome-extension:\/\/[^/]+\/prep\.html/.test(frame.url())) framesLoaded++;
  });
  // The background creates the database as it starts.
  for (const end = Date.now() + 20_000; !(await session.worker.evaluate(databaseReady)) && Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(async () => {
  await session?.close();
});

/** The Q4 review's guests: Priya (a note, thanks owed, overdue), Jordan (booked); Wei and Dana are new. */
async function seed(settings: Array<{ name: string; value: unknown }> = []): Promise<void> {
  await clearStore(session.worker);
  const people = [
    seedPerson('priya.raman@example.com', 'Priya Raman', NOW, 75, { note: NOTE, thanksOwedSince: NOW - 3 * DAY }),
    seedPerson('jordan.lee@example.com', 'Jordan Lee', NOW, 10, { nextMeetingAt: NOW + 5 * DAY }),
    // In the card, but declined: not at the meeting, so not in the panel.
    seedPerson('sam.okafor@partner.example.org', 'Sam Okafor', NOW, 20, { note: 'Sam note' }),
  ];
  await session.worker.evaluate(putRows, { people, settings });
}

beforeEach(async () => {
  await seed();
  await page.goto('about:blank');
  framesLoaded = 0;
});

async function openEvent(chipId: string): Promise<void> {
  if (page.url() !== WEEK_URL) await page.goto(WEEK_URL);
  // The open card covers part of the grid, and grows as its panel appears: close it first, as a person would.
  if (await page.locator('#xDetDlgCloseBu').isVisible()) await page.locator('#xDetDlgCloseBu').click();
  await page.locator(`[role="gridcell"] [data-eventchip][data-eventid="${chipId}"]`).first().click();
  await page.locator('#xDetDlg').waitFor();
}

/** How many panel frames have loaded in the tab since the test began (each new frame is one). */
let framesLoaded = 0;

const prepFrames = () => page.frames().filter((f) => /^chrome-extension:\/\/[^/]+\/prep\.html/.test(f.url()));

/** The frame's words as a person reads them (the layout's line breaks as spaces). */
const shownIn = async (frame: Frame) =>
  (await frame.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').trim();

/** The panel's frame once it shows `text`. */
async function panelShowing(text: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      for (const frame of prepFrames()) {
        const shown = await shownIn(frame).catch(() => '');
        if (shown.includes(text)) found = frame;
      }
      return found !== undefined;
    })
    .toBe(true);
  return found as Frame;
}

interface TreeNode {
  nodeName: string;
  attributes?: string[];
  children?: TreeNode[];
  shadowRoots?: TreeNode[];
}

/** The address the content script gave the panel's frame, read as the browser's own tools see the closed root. */
async function panelAddress(): Promise<string> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: TreeNode };
  const srcs: string[] = [];
  const walk = (node: TreeNode) => {
    if (node.nodeName === 'IFRAME') {
      const attrs = node.attributes ?? [];
      const i = attrs.indexOf('src');
      if (i >= 0 && attrs[i + 1]?.includes('prep.html')) srcs.push(attrs[i + 1] as string);
    }
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
  };
  walk(root);
  expect(srcs).toHaveLength(1);
  return srcs[0] as string;
}

/** Everything the page's own script can find of the panel: text, HTML, a selection of all, the frames' documents. */
async function whatThePageSees(): Promise<string> {
  return page.evaluate(() => {
    const seen: string[] = [document.body.innerText, document.documentElement.outerHTML];
    for (const host of Array.from(document.querySelectorAll('bridges-prep, bridges-log-control'))) {
      seen.push(host.innerHTML, String(host.shadowRoot), host.getHTML({ serializableShadowRoots: true }));
    }
    seen.push(document.body.getHTML({ serializableShadowRoots: true }));
    document.execCommand('selectAll');
    seen.push(String(window.getSelection()));
    window.getSelection()?.removeAllRanges();
    // Frames in a shadow tree are not the page's child windows at all; were they, their documents would be
    // another origin's.
    seen.push(`frames: ${window.frames.length}`);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        seen.push(window.frames[i]?.document.body.innerText ?? '');
      } catch {
        seen.push('(a frame of another origin)');
      }
    }
    return seen.join('\n');
  });
}

describe('"Before you meet" in the event card (Chromium, built extension)', () => {
  it("shows each known guest's status, last meeting, note, thanks and organisation, and the new guests", async () => {
    await openEvent(CHIPS.q4Review);
    const frame = await panelShowing(NOTE);
    const text = await shownIn(frame);
    expect(text).toContain('Before you meet · 4 guests');
    expect(text).toContain(`Priya Raman ▲ Overdue example.com · Last met 10 weeks ago · You owe them thanks ${NOTE}`);
    expect(text).toContain('Jordan Lee ● On track Booked Thu 3 Dec example.com · Last met 10 days ago');
    expect(text).toContain('New to Bridges: wei.chen@example.com, dana.kim@example.net');
    // The user and a guest who declined are not listed.
    expect(text).not.toContain('alex.morgan');
    expect(text).not.toContain('Sam');
    // A labelled region, sized to its content: no scrollbar inside the card.
    expect(await frame.getByRole('region', { name: /Before you meet/ }).count()).toBe(1);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await frame.evaluate(() => window.innerHeight)).toBeGreaterThan(100);
  });

  it("cannot be read by the page's own script: not its text, its HTML, a selection of all, nor its frame", async () => {
    await openEvent(CHIPS.q4Review);
    await panelShowing(NOTE);
    const seen = await whatThePageSees();
    expect(seen).toContain('Q4 planning review'); // the check reads the page: the card's own text is there
    expect(seen).toContain('frames: 0');
    for (const secret of [NOTE, 'You owe them thanks', 'Overdue', 'Last met', 'prep.html']) {
      expect(seen).not.toContain(secret);
    }
  });

  it('shows nothing in a frame the page makes: no token, a made-up one, or the one already used', async () => {
    await openEvent(CHIPS.q4Review);
    await panelShowing(NOTE);
    // The page cannot see the frame's address; give it the real one, the worst case, with other tokens.
    const real = await panelAddress();
    const base = real.replace(/#.*$/, '');
    const tries = [base, `${base}#AAAAAAAAAAAAAAAAAAAAAA`, `${base}#<img src=x>`, real];
    await page.evaluate((urls) => {
      for (const url of urls) {
        const frame = document.createElement('iframe');
        frame.src = url;
        frame.className = 'made-up';
        document.body.append(frame);
      }
    }, tries);
    await expect.poll(() => prepFrames().length).toBe(1 + tries.length);
    let madeUp = 0;
    for (const frame of prepFrames()) {
      if (!(await (await frame.frameElement()).evaluate((f) => (f as Element).classList.contains('made-up')))) continue;
      madeUp++;
      await expect.poll(() => shownIn(frame)).toContain('Nothing to show here');
      const text = await shownIn(frame);
      expect(text).not.toContain(NOTE);
      expect(text).not.toContain('Priya');
    }
    expect(madeUp).toBe(tries.length);
  });

  it('never holds up the Log control: it still logs the meeting', async () => {
    await openEvent(CHIPS.q4Review);
    await panelShowing(NOTE);
    await expect.poll(() => control.label()).toBe('Log meeting');
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    expect((await readStore(session.worker)).interactions).toHaveLength(1);
  });

  it('folds to one line from the keyboard, and stays folded in the next card', async () => {
    await openEvent(CHIPS.q4Review);
    const frame = await panelShowing(NOTE);
    const toggle = frame.getByRole('button', { name: /Before you meet/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await shownIn(frame)).toBe('▸ Before you meet · 4 guests');
    await expect.poll(async () => (await session.worker.evaluate(readSettingRows)).prepCollapsed).toBe(true);

    await openEvent(CHIPS.weeklySync);
    await openEvent(CHIPS.q4Review);
    const again = await panelShowing('Before you meet · 4 guests');
    expect(await again.getByRole('button', { name: /Before you meet/ }).getAttribute('aria-expanded')).toBe('false');
    expect(await shownIn(again)).not.toContain(NOTE);
  });

  it('gives a meeting of only new guests its frame too, listing them as new: the page cannot tell whom it knows', async () => {
    await openEvent(CHIPS.designCrit); // its one guest is not in the log
    const frame = await panelShowing('New to Bridges');
    expect(await shownIn(frame)).toMatch(/^▾ Before you meet · 1 guest New to Bridges: \S+@\S+$/);
    expect(await frame.getByRole('region', { name: /Before you meet/ }).count()).toBe(1);
    expect(framesLoaded).toBe(1);
  });

  it('makes no frame at all when the user turned it off', async () => {
    await seed([{ name: 'prepPanel', value: false }]);
    await openEvent(CHIPS.q4Review);
    await expect.poll(() => control.label()).toBe('Log meeting');
    // Turned on again, the next card gets its frame; by then the first card's question was long answered.
    await session.worker.evaluate(putRows, { settings: [{ name: 'prepPanel', value: true }] });
    await openEvent(CHIPS.weeklySync);
    await panelShowing('Jordan Lee');
    expect(framesLoaded).toBe(1);
    await openEvent(CHIPS.q4Review);
    await panelShowing(NOTE);
    expect(framesLoaded).toBe(2);
  });
});
