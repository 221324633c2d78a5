import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sender, senderKind } from '../../lib/background/dispatch';
import { FEED_URL, feedIcs } from '../helpers/feed';
import { CHIPS, WEEK_URL, weekViewPage } from './calendar-page';
import { launch, readStore, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { readSettingRows, waitForDatabase } from './seed';
import { startFrom } from './start-from';

// The content script is the least trusted part of Bridges: it may log a meeting and ask about one, and must reach
// no secret and nothing the background acts on. Code is run in its isolated world here through the DevTools
// protocol, as a compromised content script would run, and tries to read the feed's secret address and to write
// the settings the background trusts (the feed, who is "me", the guest limit, clicks held during a restore).
const ME = 'alex.morgan@example.com';
const EVIL_FEED =
  'https://calendar.google.com/calendar/ical/evil%40attacker.example/private-ffffffffffffffffffffffffffffffff/basic.ics';
let session: Session;
let options: Page;
let calendar: Page;
const fetched: string[] = [];

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00', pages: { [WEEK_URL]: weekViewPage() } });
  for (const url of [FEED_URL, EVIL_FEED]) {
    await session.serve(url, () => {
      fetched.push(url);
      return { body: feedIcs([]), headers: { 'content-type': 'text/calendar' } };
    });
  }
});
afterAll(async () => {
  await session?.close();
});

/**
 * The user's own settings (a guest limit of 40, their address, the feed on), set through the commands the settings
 * page sends on an emptied extension; leaves `options` on the settings page and `calendar` on the saved week.
 */
async function startAsUser(where: Session): Promise<void> {
  options = await startFrom(where);
  await options.goto(`chrome-extension://${where.extensionId}/options.html#/settings`);
  await waitForDatabase(options);
  await send(options, 'saveSettings', { meetingRules: { guestLimit: 40 }, myEmails: [ME] });
  await send(options, 'saveFeeds', { enabled: true, addresses: [FEED_URL] });
  calendar = await where.context.newPage();
  await calendar.goto(WEEK_URL);
}

async function send(page: Page, name: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    async ([command, body]) => {
      const reply = await chrome.runtime.sendMessage({ command, data: body });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    [name, data] as const,
  );
}

/** Runs `source` (an async function's text) in the content script's isolated world on the Calendar page. */
async function inContentWorld(page: Page, source: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'Bridges')).toBe(true);
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Bridges');
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression: `(${source})()`,
    contextId: world?.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: unknown }; exceptionDetails?: unknown };
  await cdp.detach();
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
  return result.value;
}

const ATTACK = `async () => {
  const evil = {
    feedSettings: { enabled: true, feeds: [{ id: 'x', url: ${JSON.stringify(EVIL_FEED)}, calendar: 'evil@attacker.example' }] },
    myEmails: ['guest10@bigco.example'],
    meetingRules: { guestLimit: -5 },
    heldLogs: [{ event: { eventId: 'forged', title: 'x'.repeat(300000), start: -5364662400000, end: -5364662400000 }, confirmed: true, logAnyway: true, at: 0, people: 1 }],
  };
  const attempt = async (f) => {
    try {
      return { ok: true, value: JSON.stringify(await f()) ?? '' };
    } catch (e) {
      return { ok: false, error: String(e && e.message) };
    }
  };
  return {
    localGet: await attempt(() => chrome.storage.local.get(null)),
    syncGet: await attempt(() => chrome.storage.sync.get(null)),
    sessionGet: await attempt(() => chrome.storage.session.get(null)),
    localSet: await attempt(() => chrome.storage.local.set(evil)),
    syncSet: await attempt(() => chrome.storage.sync.set(evil)),
    sessionSet: await attempt(() => chrome.storage.session.set({ popupFirstPaint: evil })),
    databases: (await indexedDB.databases()).map((d) => d.name),
  };
}`;

type Attempt = { ok: true; value: string } | { ok: false; error: string };

describe("the content script's world (Chromium)", () => {
  // Each test starts from the user's own settings, with nothing fetched yet.
  beforeEach(async () => {
    fetched.length = 0;
    await startAsUser(session);
  });

  it('cannot read the secret address, nor write the settings the background trusts', async () => {
    // The popup's first screen is kept in session storage, with the user's own address among its settings.
    await expect
      .poll(() =>
        session.worker.evaluate(async () =>
          JSON.stringify((await chrome.storage.session.get('popupFirstPaint')).popupFirstPaint ?? null),
        ),
      )
      .toContain(ME);
    const out = (await inContentWorld(calendar, ATTACK)) as Record<string, Attempt> & { databases: string[] };
    for (const key of ['localGet', 'syncGet', 'sessionGet', 'localSet', 'syncSet', 'sessionSet'] as const) {
      expect(out[key], key).toMatchObject({ ok: false, error: expect.stringMatching(/not allowed/) });
    }
    expect(JSON.stringify(out)).not.toContain('private-0123');
    expect(JSON.stringify(out)).not.toContain(ME);
    // Its IndexedDB is the page's (calendar.google.com), not the extension's.
    expect(out.databases).not.toContain('bridges');
    // The settings the background holds are the user's, unchanged.
    const settings = await session.worker.evaluate(readSettingRows);
    expect(settings).toMatchObject({
      meetingRules: { guestLimit: 40 },
      myEmails: [ME],
      feedSettings: { enabled: true, feeds: [{ url: FEED_URL }] },
    });
  });

  it('changes neither the guest limit, nor who is "me", nor what the background fetches', async () => {
    // The attack of the test above, tried first.
    await inContentWorld(calendar, ATTACK);
    // 30 guests under the user's limit of 40: logged at once (a limit of -5, or the default 25, would ask).
    const control = new LogControlDriver(calendar);
    await calendar.locator(`[role="gridcell"] [data-eventchip][data-eventid="${CHIPS.budgetReview}"]`).first().click();
    await calendar.locator('#xDetDlg').waitFor();
    await expect.poll(() => control.label()).toBe('Log meeting');
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 30 people');
    const { people, interactions } = await readStore(session.worker);
    expect(people.map((p) => p.email)).toContain('guest10@bigco.example');
    expect(people.map((p) => p.email)).not.toContain(ME);
    expect(interactions.map((i) => i.key)).not.toContain('gcal:forged');
    await send(options, 'syncFeeds', { ifStale: false });
    // Only ever the user's own feed. (The popup that set this test up may have synced a stale feed too, as any open
    // of it does: the count is not the point, the address is.)
    expect(fetched.length).toBeGreaterThan(0);
    expect(new Set(fetched)).toEqual(new Set([FEED_URL]));
    expect(session.outsideRequests).toEqual([]);
  });

  it("is judged by what Chrome reports of it: the pages and their framed panel are the extension's, the content script Calendar's", async () => {
    // Each sender as Chrome reports it to the background, told back by a listener beside the background's own.
    await session.worker.evaluate(() =>
      chrome.runtime.onMessage.addListener((message, sender, respond) => {
        if ((message as { probe?: unknown } | null)?.probe !== 'sender') return undefined;
        respond({ id: sender.id, origin: sender.origin, url: sender.url, tab: sender.tab && { id: sender.tab.id } });
        return true;
      }),
    );
    const probe = `async () => ({ sender: await chrome.runtime.sendMessage({ probe: 'sender' }), frameUrl: chrome.runtime.getURL('/prep.html') })`;
    type Probe = { sender: Sender; frameUrl: string };
    const page = (await options.evaluate(`(${probe})()`)) as Probe;
    const content = (await inContentWorld(calendar, probe)) as Probe;
    // "Before you meet" is loaded at the per-session address the content script gets for it.
    await calendar.goto(WEEK_URL);
    await calendar.locator(`[role="gridcell"] [data-eventchip][data-eventid="${CHIPS.q4Review}"]`).first().click();
    await expect.poll(() => calendar.frames().some((f) => f.url().includes('/prep.html'))).toBe(true);
    const frame = calendar.frames().find((f) => f.url().includes('/prep.html'));
    const framed = (await frame?.evaluate(`(${probe})()`)) as Probe;

    // The background's own idea of itself (serveCommands): its id, and the root of its pages.
    const self = { id: session.extensionId, origin: await session.worker.evaluate(() => chrome.runtime.getURL('/')) };
    const extension = `chrome-extension://${session.extensionId}`;
    expect(self.origin).toBe(`${extension}/`);
    // Chrome gives every sender its origin, so the origin is what decides here.
    expect(page.sender).toMatchObject({ id: self.id, origin: extension, url: `${extension}/options.html#/settings` });
    expect(framed.sender).toMatchObject({ id: self.id, origin: extension, tab: { id: expect.any(Number) } });
    expect(framed.sender.url).toMatch(new RegExp(`^${extension}/prep\\.html#`));
    expect(content.sender).toMatchObject({ id: self.id, origin: 'https://calendar.google.com', url: WEEK_URL });
    // The frame's address as the content script was given it, the per-session one, is not what Chrome reports.
    expect(content.frameUrl).not.toMatch(new RegExp(`^${extension}/`));
    expect(senderKind(page.sender, self)).toBe('page');
    expect(senderKind(framed.sender, self)).toBe('page');
    expect(senderKind(content.sender, self)).toBe('content');

    // And the background, judging the content script so, refuses it what only the pages may ask.
    const asked = await inContentWorld(
      calendar,
      `async () => chrome.runtime.sendMessage({ command: 'saveSettings', data: { myEmails: ['guest10@bigco.example'] } })`,
    );
    expect(asked).toEqual({ ok: false, error: "Refused: only Bridges' own pages may ask Bridges to do that." });
    expect(await session.worker.evaluate(readSettingRows)).toMatchObject({ myEmails: [ME] });
  });
});

describe("the content script's world, after a restart (Chromium)", () => {
  // A profile and browser of its own, restarted during the test, so that the browser the tests above share is
  // never restarted under them. It starts from the user's own settings, as they do.
  const profile = mkdtempSync(join(tmpdir(), 'bridges-content-world-'));
  let own: Session | undefined;
  beforeAll(async () => {
    own = await launch({
      fakeTime: '2026-11-28 20:00:00',
      pages: { [WEEK_URL]: weekViewPage() },
      userDataDir: profile,
    });
    await startAsUser(own);
  });
  afterAll(async () => {
    await own?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('leaves nothing of Bridges in local storage, and what is written there is never taken in', async () => {
    if (!own) throw new Error('The browser did not start.');
    expect(await own.worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    // As a content script could where the browser cannot close local storage to it (Firefox): written there, then
    // the extension restarts.
    await own.worker.evaluate(
      (url) =>
        chrome.storage.local.set({
          feedSettings: { enabled: true, feeds: [{ id: 'x', url, calendar: 'x' }] },
          meetingRules: { guestLimit: 2 },
          myEmails: ['guest10@bigco.example'],
        }),
      EVIL_FEED,
    );
    await own.context.close();
    own = await launch({ fakeTime: '2026-11-28 20:30:00', userDataDir: profile });
    const worker = own.worker;
    await expect.poll(() => worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    expect(await worker.evaluate(readSettingRows)).toMatchObject({
      meetingRules: { guestLimit: 40 },
      myEmails: [ME],
      feedSettings: { feeds: [{ url: FEED_URL }] },
    });
  });
});

declare const chrome: {
  runtime: {
    sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
    reload(): void;
    getURL(path: string): string;
    onMessage: {
      addListener(
        f: (
          message: unknown,
          sender: { id?: string; origin?: string; url?: string; tab?: { id?: number } },
          respond: (answer: unknown) => void,
        ) => true | undefined,
      ): void;
    };
  };
  storage: {
    local: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    session: { get(k: string): Promise<Record<string, unknown>> };
  };
};
