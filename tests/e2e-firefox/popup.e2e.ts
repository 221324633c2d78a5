import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { seedPerson } from '../e2e/seed';
import { clickElement, type FirefoxSession, launchFirefox } from './harness';

// The popup in Firefox with people met at dates relative to now (Firefox runs on the real clock).
let session: FirefoxSession;
let popup: Page;
let now = 0;
const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, now, daysAgo, patch);

beforeAll(async () => {
  session = await launchFirefox();
  now = Date.now();
  popup = await session.openExtensionPage('popup.html', { width: 380, height: 600 });
  await popup.waitForSelector('.first-run');
  await session.waitForDatabase();
  await session.seedStore({
    people: [
      seeded('priya@finance.example', 'Priya Raman', 70),
      seeded('sam@partner.example', 'Sam Okafor', 20, { priority: 'high', kind: 'partner' }),
      seeded('wei@finance.example', 'Wei Chen', 2),
      seeded('lee@home.example', 'Jordan Lee', 90, { team: true }),
      seeded('mallory@evil.example', '<img src=x onerror="window.__pwned=1"><b>Mallory</b>', 45),
    ],
  });
  await session.gotoExtensionPage(popup, 'popup.html?seeded');
});
afterAll(async () => {
  await session?.close();
});

const texts = (selector: string) => popup.$$eval(selector, (found) => found.map((e) => e.textContent ?? ''));
const row = (email: string) => `li.person[data-email="${email}"]`;

describe('the popup in Firefox with seeded data', () => {
  it('lists people outside the team, most neglected first, with statuses in words', async () => {
    // The week's stretch comes a moment after the list (the background picks it): wait for the page to settle.
    await popup.waitForSelector('.stretch');
    await expect
      .poll(() => texts('.people .name'))
      .toEqual(['Priya Raman', 'Sam Okafor', '<img src=x onerror="window.__pwned=1"><b>Mallory</b>', 'Wei Chen']);
    expect(await texts('.people .status')).toEqual(['▲ Overdue', '◆ Due', '◆ Due', '● On track']);
    expect(await texts('.summary')).toEqual(['1 overdue, 2 due outside your team']);
    expect(await texts(`${row('sam@partner.example')} .details`)).toEqual(['partner.example · Partner']);
    expect(await texts(`${row('priya@finance.example')} .last-met`)).toEqual(['Last met 2 months ago']);
  });

  it('renders a hostile name as text', async () => {
    expect(await popup.$$('.people img, .people b')).toHaveLength(0);
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
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

  it('made no request and raised no error', () => {
    expect(session.outsideRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
