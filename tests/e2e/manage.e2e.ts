import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../lib/db/types';
import { launch, readStore, type Session } from './harness';
import { seedPerson } from './seed';
import { startFrom } from './start-from';

// The management page (the options page) with seeded data, on Chromium's clock fixed at 2026-11-28 20:00 UTC.
const NOW = Date.parse('2026-11-28T20:00:00Z');
let session: Session;
let page: Page;
const seeded = (email: string, name: string, daysAgo: number, patch: Partial<Person> = {}) =>
  seedPerson(email, name, NOW, daysAgo, patch);

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00' });
});
afterAll(async () => {
  await session?.close();
});

/** Each test starts from the same four people, nothing else stored, and the audit freshly open in its default order. */
beforeEach(async () => {
  page = await startFrom(session, {
    people: [
      seeded('priya@finance.example', 'Priya Raman', 70, { priority: 'high', kind: 'other-department' }),
      seeded('sam@partner.example', 'Sam Okafor', 40, { kind: 'partner' }),
      seeded('wei@x.example', 'Wei Chen', 2, { team: true }),
      seeded('dana@x.example', 'Dana Kim', 10, { thanksOwedSince: NOW - 3 * 86_400_000 }),
    ],
  });
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/people`);
});

const names = () => page.locator('.people-table tbody td:nth-child(4)').allTextContents();

describe('the relationship audit (Chromium)', () => {
  it('lists everyone, most neglected first, and sorts by any column', async () => {
    // Priya red; Sam amber; then, on track, the most neglected first (Dana 10 of 30 days, Wei 2).
    await expect.poll(names).toEqual(['Priya Raman', 'Sam Okafor', 'Dana Kim', 'Wei Chen']);
    await page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(names).toEqual(['Dana Kim', 'Priya Raman', 'Sam Okafor', 'Wei Chen']);
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect.poll(names).toEqual(['Wei Chen', 'Sam Okafor', 'Priya Raman', 'Dana Kim']);
  });

  it('filters by status, team, thanks owed and search', async () => {
    // Sorted by name, Z to A, so that the filtered rows' order is the names'.
    await expect.poll(names).toEqual(['Priya Raman', 'Sam Okafor', 'Dana Kim', 'Wei Chen']);
    await page.getByRole('button', { name: 'Name' }).click();
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect.poll(names).toEqual(['Wei Chen', 'Sam Okafor', 'Priya Raman', 'Dana Kim']);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('green');
    await expect.poll(names).toEqual(['Wei Chen', 'Dana Kim']);
    await page.getByRole('combobox', { name: 'Team' }).selectOption('outside');
    await expect.poll(names).toEqual(['Dana Kim']);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    await page.getByLabel('Search people').fill('partner');
    await expect.poll(names).toEqual(['Sam Okafor']);
    await page.getByLabel('Search people').fill('');
    await page.getByRole('combobox', { name: 'Team' }).selectOption('all');
  });

  it('edits a person on their page, and the change is kept after a reload', async () => {
    await page.getByRole('link', { name: 'Sam Okafor', exact: true }).click();
    await page.getByRole('heading', { name: 'Sam Okafor' }).waitFor();
    await page.getByRole('textbox', { name: 'What matters to them' }).fill('Renewal in March; wants a roadmap.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('combobox', { name: 'Priority' }).selectOption('high');
    await page.getByRole('spinbutton', { name: 'Ideal' }).fill('10');
    await page.getByRole('spinbutton', { name: 'At most' }).fill('5');
    await page.getByRole('button', { name: 'Set cadence' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe("The cadence's maximum (5 days) must be at least its ideal interval (10 days).");
    await page.getByRole('spinbutton', { name: 'At most' }).fill('20');
    await page.getByRole('button', { name: 'Set cadence' }).click();
    await expect
      .poll(async () => (await readStore(session.worker)).people.find((p) => p.email === 'sam@partner.example'))
      .toMatchObject({
        note: 'Renewal in March; wants a roadmap.',
        priority: 'high',
      });
    await page.reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'What matters to them' }).inputValue())
      .toBe('Renewal in March; wants a roadmap.');
    await expect.poll(() => page.getByRole('combobox', { name: 'Priority' }).inputValue()).toBe('high');
  });

  it('a bad backup file is refused with its problem named, and nothing changes', async () => {
    // As a person goes there: a goto that changes only the hash could come before the audit has begun to listen
    // for it, and leave the audit shown.
    await page.getByRole('link', { name: 'Your data' }).click();
    const before = await readStore(session.worker);
    const bad = JSON.stringify({
      format: 'bridges-backup',
      version: 1,
      exportedAt: 0,
      people: [{ email: 'x' }],
      interactions: [],
      groups: [],
      settings: {},
    });
    await page
      .getByLabel('Backup file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Nothing was restored\. people\[0\]\./);
    expect(await readStore(session.worker)).toEqual(before);
  });
});
