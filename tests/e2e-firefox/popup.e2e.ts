import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proposedStart } from '../../lib/catchup/links';
import { popupStart, seedPerson } from '../e2e/seed';
import { clickElement, type FirefoxSession, launchFirefox } from './harness';
import { POPUP_SEEDS } from './popup-seeds';
import { startFrom } from './start-from';

// The popup in Firefox with people met at dates relative to now (Firefox runs on the real clock): the seeds'
// ages are ones whose words cannot change with the day (tests/e2e-firefox/any-day.test.ts).
let session: FirefoxSession;
let popup: Page;
let now = 0;
const seed = (email: string) => {
  const found = POPUP_SEEDS.find((s) => s.email === email);
  if (!found) throw new Error(`No seed for ${email}`);
  return found;
};

const GOOGLE = 'https://calendar.google.com/calendar/render';

beforeAll(async () => {
  session = await launchFirefox();
  // The new event "Plan a catch-up" opens, served under its real address: the test reads it, nothing goes out.
  // (With an icon of its own, so that Firefox does not ask the host for one.)
  await session.serve(
    GOOGLE,
    '<!doctype html><link rel="icon" href="data:,"><title>New event</title><p>A calendar would be here.</p>',
  );
});
afterAll(async () => {
  await session?.close();
});

/** Each test starts from the seeds, met their days before now, alone in the add-on, the popup fresh at 380 px. */
beforeEach(async () => {
  now = Date.now();
  popup = await startFrom(
    session,
    { people: POPUP_SEEDS.map((s) => seedPerson(s.email, s.name, now, s.daysAgo, s.patch)) },
    { width: 380, height: 600 },
  );
  await session.gotoExtensionPage(popup, 'popup.html?seeded');
  await popup.waitForSelector('.people .name');
});
// Each test makes no request and raises no error (checked after each, each its own).
afterEach(() => {
  expect(session.outsideRequests.splice(0)).toEqual([]);
  expect(session.errors.splice(0)).toEqual([]);
});

const texts = (selector: string, page = popup) =>
  page.$$eval(selector, (found) => found.map((e) => e.textContent ?? ''));
const row = (email: string) => `li.person[data-email="${email}"]`;

describe('the popup in Firefox with seeded data', () => {
  it('lists people outside the team, most neglected first, with statuses in words', async () => {
    // The week's stretch comes a moment after the list (the background picks it): wait for the page to settle.
    await popup.waitForSelector('.stretch');
    await expect.poll(() => texts('.people .name')).toEqual(POPUP_SEEDS.filter((s) => s.listed).map((s) => s.name));
    expect(await texts('.people .status')).toEqual(['▲ Overdue', '◆ Due', '◆ Due', '● On track']);
    expect(await texts('.summary')).toEqual(['1 overdue, 2 due outside your team']);
    expect(await texts(`${row('sam@partner.example')} .details`)).toEqual(['partner.example · Partner']);
    expect(await texts(`${row('priya@finance.example')} .last-met`)).toEqual([
      `Last met ${seed('priya@finance.example').lastMet}`,
    ]);
    expect(await texts(`${row('sam@partner.example')} .last-met`)).toEqual([
      `Last met ${seed('sam@partner.example').lastMet} · High priority`,
    ]);
  });

  it('renders a hostile name as text', async () => {
    expect(await popup.$$('.people img, .people b')).toHaveLength(0);
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("plans a catch-up from the row's actions: Google Calendar opens on a new event with her as the guest", async () => {
    await clickElement(popup, `${row('priya@finance.example')} button[aria-label="More for Priya Raman"]`);
    await popup.waitForSelector('button[aria-label="Plan a catch-up with Priya Raman"]');
    const before = Date.now();
    const opened = session.browser.waitForTarget((t) => t.url().startsWith(GOOGLE), { timeout: 20_000 });
    await clickElement(popup, 'button[aria-label="Plan a catch-up with Priya Raman"]');
    const tab = await (await opened).page();
    const url = new URL(tab?.url() ?? '');
    const after = Date.now();
    expect([...url.searchParams.keys()]).toEqual(['action', 'text', 'dates', 'add']);
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe('Catch-up: Priya Raman');
    expect(url.searchParams.get('add')).toBe('priya@finance.example');
    // The next working day at 10:00 in Firefox's zone (the click's own instant lies between before and after).
    const stamp = (at: number) =>
      new Date(at)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
    const expected = [before, after].map(
      (at) => `${stamp(proposedStart(at))}/${stamp(proposedStart(at) + 30 * 60_000)}`,
    );
    expect(expected).toContain(url.searchParams.get('dates'));
    await expect.poll(() => tab?.title()).toBe('New event');
    await tab?.close();
    await expect
      .poll(() => texts(`${row('priya@finance.example')} .last-met`))
      .toEqual([`Last met ${seed('priya@finance.example').lastMet} · Catch-up being planned`]);
    expect(await texts('.summary')).toEqual(['Nothing overdue, 2 due outside your team; 1 being planned']);
    // Undo, from the popup's note of it (its code loads with it).
    await popup.waitForSelector('.toast button.link');
    await clickElement(popup, '.toast button.link');
    await expect
      .poll(() => texts(`${row('priya@finance.example')} .last-met`))
      .toEqual([`Last met ${seed('priya@finance.example').lastMet}`]);
    expect(
      (await session.readStore()).people.find((p) => p.email === 'priya@finance.example')?.planningSince,
    ).toBeNull();
  });

  it('opens on the first screen the background keeps ready, which follows a call logged through it', async () => {
    await clickElement(popup, `${row('priya@finance.example')} button[aria-label="Log a contact with Priya Raman"]`);
    await popup.waitForSelector('form.panel');
    await clickElement(popup, 'form.panel button[type="submit"]');
    await expect.poll(() => texts(`${row('priya@finance.example')} .status`)).toEqual(['● On track']);
    // Dropped at the call's write, and made again in session storage once the writes stopped: nobody overdue.
    const keptOverdue = () =>
      session.inExtension(async () => {
        const { browser } = globalThis as unknown as {
          browser: {
            storage: { session: { get(key: string): Promise<Record<string, { counts: { overdue: number } }>> } };
          };
        };
        return (await browser.storage.session.get('popupFirstPaint')).popupFirstPaint?.counts.overdue ?? null;
      });
    await expect.poll(keptOverdue).toBe(0);
    const next = await session.browser.newPage();
    await next.setViewport({ width: 380, height: 600 });
    await session.gotoExtensionPage(next, 'popup.html');
    expect(await next.evaluate(popupStart)).toBe('kept');
    await next.waitForSelector('.people .name');
    expect(await texts('.summary', next)).toEqual(['Nothing overdue, 2 due outside your team']);
    expect(await texts(`${row('priya@finance.example')} .status`, next)).toEqual(['● On track']);
    expect(await next.$$('.people img, .people b')).toHaveLength(0);
    await next.close();
  });

  it('logs a call with a few clicks, and the row turns green', async () => {
    await clickElement(popup, `${row('priya@finance.example')} button[aria-label="Log a contact with Priya Raman"]`);
    await popup.waitForSelector('form.panel');
    await clickElement(popup, 'form.panel input[type="radio"][value="call"]');
    expect(await texts('form.panel button[type="submit"]')).toEqual(['Log call']);
    await clickElement(popup, 'form.panel button[type="submit"]');
    await expect.poll(() => texts(`${row('priya@finance.example')} .status`)).toEqual(['● On track']);
    expect(await texts('.summary')).toEqual(['Nothing overdue, 2 due outside your team']);
    const call = (await session.readStore()).interactions.find((i) => i.kind === 'call');
    expect(call).toMatchObject({ people: ['priya@finance.example'], source: 'manual' });
    // Logged as of today, not as of some other day.
    expect(Math.abs((call?.start as number) - Date.now())).toBeLessThan(86_400_000);
    expect((await session.readStore()).people.find((p) => p.email === 'priya@finance.example')).toMatchObject({
      interactionCount: 2,
    });
  });
});
