import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADDON_UUID, FIREFOX_BUILD, type FirefoxSession, launchFirefox, type WithBrowser } from './harness';

// A new user's first minute in Firefox: the add-on installs, its pages render, the weekly reminder is set.
// The computer's zone is Kolkata's (UTC+05:30 all year), so "Monday 09:00 local" is known without a library.
const DAY = 86_400_000;
const KOLKATA = 5.5 * 3600_000;
let session: FirefoxSession;
let launchedFrom = 0;
let launchedBy = 0;

/** The first Monday 09:00 in Kolkata strictly after `t`. */
function nextMondayNineInKolkata(t: number): number {
  const local = new Date(t + KOLKATA);
  let due = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 9) - KOLKATA;
  due += ((1 - new Date(due + KOLKATA).getUTCDay() + 7) % 7) * DAY;
  return due <= t ? due + 7 * DAY : due;
}

beforeAll(async () => {
  launchedFrom = Date.now();
  session = await launchFirefox({ timeZone: 'Asia/Kolkata' });
  launchedBy = Date.now();
});
afterAll(async () => {
  await session?.close();
});

describe('installing Bridges in Firefox (built add-on)', () => {
  // Each test starts from the add-on just installed (none writes a record or a setting), and makes no request and
  // raises no error (checked after each, each its own).
  afterEach(() => {
    expect(session.outsideRequests.splice(0)).toEqual([]);
    expect(session.errors.splice(0)).toEqual([]);
  });

  it('installs as a temporary add-on under its gecko id, at the version of package.json', async () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    expect(session.geckoId).toBe('bridges@bridges.invalid');
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.version).toBe(pkg.version);
    const running = await session.inExtension(async () => {
      const ext = (globalThis as unknown as WithBrowser).browser;
      return { id: ext.runtime.id, version: ext.runtime.getManifest().version, url: ext.runtime.getURL('/') };
    });
    expect(running).toEqual({ id: session.geckoId, version: pkg.version, url: `moz-extension://${ADDON_UUID}/` });
  });

  it('sets the weekly reminder at install, for Monday 09:00 on the computer’s clock', async () => {
    const scheduled = await session.inExtension(async () => {
      const ext = (globalThis as unknown as WithBrowser).browser;
      return (await ext.alarms.get('bridges-weekly-reminder'))?.scheduledTime;
    });
    expect([nextMondayNineInKolkata(launchedFrom), nextMondayNineInKolkata(launchedBy)]).toContain(scheduled);
  });

  it('the popup greets a new user with how to log a first meeting, and an empty badge', async () => {
    const popup = await session.openExtensionPage('popup.html', { width: 380, height: 600 });
    await popup.waitForSelector('.first-run');
    expect(await popup.$eval('#first-run', (h) => h.textContent)).toBe('Start with your past meetings');
    const badge = await session.inExtension(async () => {
      const ext = (globalThis as unknown as WithBrowser).browser;
      return ext.browserAction.getBadgeText({});
    });
    expect(badge).toBe('');
    // The popup is a narrow window: nothing in it scrolls sideways.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await popup.close();
  });

  it('the management page opens on the relationship audit, with every section in reach', async () => {
    const page = await session.openExtensionPage('options.html');
    await page.waitForSelector('nav.tabs a');
    expect(await page.$$eval('nav.tabs a', (links) => links.map((a) => a.textContent))).toEqual([
      'Relationships',
      'Groups',
      'Thanks owed',
      'Trends',
      'Your data',
      'Settings',
    ]);
    expect(await page.$eval('nav.tabs a[aria-current="page"]', (a) => a.textContent)).toBe('Relationships');
    await page.close();
  });

  it("would have seen an error in the add-on's pages (the check after each test can fail)", async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.evaluate(() => {
      setTimeout(() => {
        throw new Error('an uncaught error');
      });
    });
    await expect
      .poll(() => session.errors)
      .toEqual([
        expect.stringMatching(
          new RegExp(
            `^JavaScript error: moz-extension://${ADDON_UUID}/popup\\.html, line \\d+: Error: an uncaught error$`,
          ),
        ),
      ]);
    await popup.close();
    // Taken off the list once seen, so that the check after this test holds.
    session.errors.splice(0);
  });
});
