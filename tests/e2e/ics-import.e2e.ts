import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, readStore, type Session } from './harness';
import { startFrom } from './start-from';

// Importing calendar files on the management page, in Chromium, on a clock fixed at 2026-11-28 20:00 UTC.
let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00', timeZone: 'Europe/Berlin' });
});
afterAll(async () => {
  await session?.close();
});

/** Each test starts from an empty extension (nothing logged, the user's address not known) on the data page. */
beforeEach(async () => {
  page = await startFrom(session);
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/data`);
});

const summary = () => page.getByRole('status', { name: 'Import summary' });

async function importFile(name: string, text: string) {
  await page
    .getByLabel('Google Calendar export (.zip) or calendar file (.ics)')
    .setInputFiles({ name, mimeType: 'text/calendar', buffer: Buffer.from(text, 'utf8') });
}

const BROKEN_AMONG_GOOD = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'X-WR-TIMEZONE:Europe/Berlin',
  'BEGIN:VEVENT',
  'UID:e2e-review@google.com',
  'DTSTART;TZID=Europe/Berlin:20261103T100000',
  'DTEND;TZID=Europe/Berlin:20261103T110000',
  'SUMMARY:Quarterly review',
  'ORGANIZER;CN=Priya Raman:mailto:priya@finance.example',
  'ATTENDEE;PARTSTAT=ACCEPTED;CN=Priya Raman:mailto:priya@finance.example',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:e2e-offsite@google.com',
  'DTSTART:next Tuesday',
  'SUMMARY:Budget offsite',
  'ATTENDEE;PARTSTAT=ACCEPTED;CN=Sam Okafor:mailto:sam@partner.example',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:e2e-weekly@google.com',
  'DTSTART;TZID=Europe/Berlin:20261109T090000',
  'DTEND;TZID=Europe/Berlin:20261109T093000',
  'RRULE:FREQ=WEEKLY;COUNT=3',
  'SUMMARY:Partner sync',
  'ATTENDEE;PARTSTAT=ACCEPTED;CN=Kai Berger:mailto:kai@partner.example.de',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('importing a calendar file (Chromium)', () => {
  it('imports the good events of a file with a broken one, and names the broken one in the summary', async () => {
    await importFile('calendar.ics', BROKEN_AMONG_GOOD);
    await expect.poll(() => summary().locator('p').first().textContent()).toBe('4 meetings logged, 2 people added.');
    expect(await summary().textContent()).toContain('1 event could not be read and was skipped:');
    expect(await summary().getByRole('listitem').allTextContents()).toEqual([
      '“Budget offsite” (line 13): its start (DTSTART:next Tuesday) is not a date.',
    ]);
    const { interactions, people } = await readStore(session.worker);
    expect(interactions.map((i) => [i.key, new Date(i.start as number).toISOString()]).sort()).toEqual([
      ['gcal:e2e-review', '2026-11-03T09:00:00.000Z'],
      ['gcal:e2e-weekly_20261109T080000Z', '2026-11-09T08:00:00.000Z'],
      ['gcal:e2e-weekly_20261116T080000Z', '2026-11-16T08:00:00.000Z'],
      ['gcal:e2e-weekly_20261123T080000Z', '2026-11-23T08:00:00.000Z'],
    ]);
    expect(people.map((p) => p.email).sort()).toEqual(['kai@partner.example.de', 'priya@finance.example']);
  });

  it('finishes a file that used to hang the page, with a message', async () => {
    // absurd.ics: a rule that never matches (ical.js looped for ever inside one next()), a billion billion
    // weeks' duration, a rule every second since 2020, COUNT=2000000000.
    await importFile('absurd.ics', readFileSync(join(process.cwd(), 'tests/fixtures/ics/absurd.ics'), 'utf8'));
    // Its one meeting with anyone is with Wei, who could be the user: Bridges asks before it imports.
    const question = page.getByRole('group', { name: 'Which of these addresses is yours?' });
    await question.getByRole('radio', { name: 'None of these' }).check();
    await page.getByRole('button', { name: 'Import the calendar' }).click();
    await expect
      .poll(() => summary().textContent(), { timeout: 30_000 })
      .toContain('“Every minute of 29 February” (line 57): its repeat rule matches so rarely');
    const text = (await summary().textContent()) ?? '';
    expect(text).toContain(
      '“Forever meeting” (line 18): its length (DURATION:P999999999999999999W) could not be read, so it was read as taking no time.',
    );
    // Its history is read apart from the days ahead: the newest 2,000 up to the clock's now, and it says so.
    expect(text).toContain(
      '“Every second” repeats more often than Bridges reads: its 2,000 newest meetings, from 28 November 2026, were read.',
    );
    // The page still answers.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Weekly reminder' }).waitFor();
  });

  it('says plainly when the file is not a calendar, and imports nothing', async () => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/data`);
    const before = await readStore(session.worker);
    await importFile('notes.txt', 'Remember to call Sam.');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe("Nothing was imported. notes.txt is neither a calendar file (.ics) nor Google Calendar's export (.zip).");
    expect(await readStore(session.worker)).toEqual(before);
    expect(session.outsideRequests).toEqual([]);
  });
});
