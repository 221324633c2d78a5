import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, readStore, type Session } from './harness';
import { readSettingRows } from './seed';

// A complete log from day one: the popup's first run leads to the management page's welcome, which takes
// Google Calendar's export (a .zip, one .ics per calendar) as it is, lists the calendars, imports the user's own,
// then suggests the team. Chromium's clock: Monday 2026-11-23 18:00 UTC.
const NOW = Date.parse('2026-11-23T18:00:00Z');
const DAY = 86_400_000;
const ME = 'alex.morgan@example.com';

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
const who = (email: string, name: string, answer = 'ACCEPTED') =>
  `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${answer};CN=${name}:mailto:${email}`;
function calendar(name: string, events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    `X-WR-CALNAME:${name}`,
    ...events.flat(),
    'END:VCALENDAR',
  ].join('\r\n');
}
const event = (uid: string, start: number, title: string, lines: string[]) => [
  'BEGIN:VEVENT',
  `DTSTART:${stamp(start)}`,
  `DTEND:${stamp(start + 1_800_000)}`,
  `UID:${uid}@google.com`,
  `SUMMARY:${title}`,
  ...lines,
  'END:VEVENT',
];

/** Google's export: the user's own calendar (a daily stand-up with two teammates, a finance review, a partner
 * call), a shared team calendar and holidays; only the own calendar is chosen to begin with. */
function googleExport(): Uint8Array {
  const own = calendar(ME, [
    event('standup', NOW - 27 * DAY - 8 * 3_600_000, 'Stand-up', [
      'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      `ORGANIZER;CN=Alex Morgan:mailto:${ME}`,
      who(ME, 'Alex Morgan'),
      who('jordan.lee@example.com', 'Jordan Lee'),
      who('wei.chen@example.com', 'Wei Chen'),
    ]),
    event('budget', NOW - 40 * DAY, 'Budget review', [
      `ORGANIZER;CN=Priya Raman:mailto:priya@finance.example`,
      who(ME, 'Alex Morgan'),
      who('priya@finance.example', 'Priya Raman'),
    ]),
    event('renewal', NOW - 90 * DAY, 'Renewal call', [
      who(ME, 'Alex Morgan'),
      who('sam@partner.example', 'Sam Okafor'),
    ]),
    event('skipped', NOW - 5 * DAY, 'Vendor demo', [who(ME, 'Alex Morgan', 'DECLINED'), who('v@vendor.example', 'V')]),
  ]);
  const team = calendar('Team offsites', [event('offsite', NOW - 10 * DAY, 'Offsite', [who('x@example.com', 'X')])]);
  const holidays = calendar('Holidays in United States', [event('thanksgiving', NOW + 3 * DAY, 'Thanksgiving', [])]);
  return zipSync({
    [`${ME}.ics`]: strToU8(own),
    'Team offsites_c_9f2e1b@group.calendar.google.com.ics': strToU8(team),
    'Holidays in United States_en.usa#holiday@group.v.calendar.google.com.ics': strToU8(holidays),
  });
}

describe('history in one step (Chromium)', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  // One story, one test: each step starts from where the one before left the user (the welcome page open,
  // the calendars listed, the import done), so they cannot run apart. It starts from a fresh profile of its own.
  it("from the popup's first run: the export's calendars listed, the user's own imported with a summary, then the team suggested, and no request sent", async () => {
    session = await launch({ fakeTime: '2026-11-23 18:00:00', timeZone: 'UTC' });
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);

    // The popup's first run leads to bringing in the past.
    await popup.getByRole('heading', { name: 'Start with your past meetings' }).waitFor();
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Bring in your past meetings' }).click();
    const welcome = await opened;
    await welcome.waitForURL(/options\.html#\/welcome$/);
    await welcome.getByRole('heading', { name: 'Bring in your past meetings' }).waitFor();

    // It lists the export's calendars with their events, the user's own chosen.
    await welcome.getByLabel('Google Calendar export (.zip) or calendar file (.ics)').setInputFiles({
      name: 'alex.morgan@example.com.ical.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(googleExport()),
    });
    const list = welcome.getByRole('group', { name: 'Calendars in the file' });
    await list.waitFor();
    expect(await list.locator('label').allTextContents()).toEqual([
      ` ${ME} (your calendar, 4 events)`,
      ' Holidays in United States (holidays, 1 event)',
      ' Team offsites (a shared calendar, 1 event)',
    ]);
    expect(
      await list.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked)),
    ).toEqual([true, false, false]);

    // It imports the chosen calendar by the rules of a click, with a summary.
    await welcome.getByRole('button', { name: 'Import 1 calendar' }).click();
    const summary = welcome.getByRole('status', { name: 'Import summary' });
    await expect
      .poll(() => summary.locator('p').first().textContent())
      .toMatch(/^2\d meetings logged, 4 people added\. \d+ meetings? ahead noted as booked\.$/);
    expect(await summary.textContent()).toContain('Left out: 1 declined');
    const { people, interactions } = await readStore(session.worker);
    expect(people.map((p) => p.email).sort()).toEqual([
      'jordan.lee@example.com',
      'priya@finance.example',
      'sam@partner.example',
      'wei.chen@example.com',
    ]);
    expect(interactions.some((i) => i.title === 'Offsite' || i.title === 'Thanksgiving')).toBe(false);
    // The calendar chosen as the user's own makes its address theirs: never counted as met.
    expect((await session.worker.evaluate(readSettingRows)).myEmails).toEqual([ME]);

    // Then it suggests the team, and a yes takes them out of "outside your team".
    const suggestions = welcome.getByRole('list', { name: 'Teammate suggestions' });
    await expect
      .poll(() => suggestions.locator('li > span:first-child').allTextContents())
      .toEqual([
        expect.stringMatching(/^Jordan Lee \d+ meetings in 4 weeks$/),
        expect.stringMatching(/^Wei Chen \d+ meetings in 4 weeks$/),
      ]);
    for (const name of ['Jordan Lee', 'Wei Chen']) {
      await suggestions
        .getByRole('listitem')
        .filter({ hasText: name })
        .getByRole('button', { name: 'On my team' })
        .click();
      await welcome
        .getByRole('status')
        .filter({ hasText: `${name} is on your team now.` })
        .waitFor();
    }
    await popup.reload();
    await expect.poll(() => popup.locator('.people .name').allTextContents()).toEqual(['Sam Okafor', 'Priya Raman']);

    // It sent no request anywhere.
    expect(session.outsideRequests).toEqual([]);
  });
});

/**
 * The export: my calendar (5 meetings with Kim) and my colleague Kim's (40 meetings of Kim's with Lee),
 * shared with me. Bridges does not know my address yet.
 */
const KIM = 'kim.park@example.com';
function colleagueExport(): Buffer {
  const mine = calendar(
    ME,
    Array.from({ length: 5 }, (_, i) =>
      event(`mine${i}`, NOW - (i + 1) * 7 * DAY, 'One to one', [who(ME, 'Alex Morgan'), who(KIM, 'Kim Park')]),
    ),
  );
  const kims = calendar(
    KIM,
    Array.from({ length: 40 }, (_, i) =>
      event(`kim${i}`, NOW - (i + 1) * DAY, 'Design review', [who(KIM, 'Kim Park'), who('lee@example.com', 'Lee')]),
    ),
  );
  return Buffer.from(zipSync({ [`${ME}.ics`]: strToU8(mine), [`${KIM}.ics`]: strToU8(kims) }));
}

/** A fresh profile's welcome page with the colleague's export chosen under `name`. */
async function openColleagueExport(name: string): Promise<{ session: Session; page: Page }> {
  const fresh = await launch({ fakeTime: '2026-11-23 18:00:00', timeZone: 'UTC' });
  const page = await fresh.context.newPage();
  await page.goto(`chrome-extension://${fresh.extensionId}/options.html#/welcome`);
  await page
    .getByLabel('Google Calendar export (.zip) or calendar file (.ics)')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: colleagueExport() });
  await page.getByRole('group', { name: 'Calendars in the file' }).waitFor();
  return { session: fresh, page };
}
const rowsOf = async (page: Page) => {
  const list = page.getByRole('group', { name: 'Calendars in the file' });
  const texts = await list.locator('label').allTextContents();
  const ticks = await list
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
  return texts.map((text, i) => [text.trim(), ticks[i]]);
};
const myEmails = async (s: Session) => ({ myEmails: (await s.worker.evaluate(readSettingRows)).myEmails });

describe("an export with a colleague's calendar in it (Chromium)", () => {
  let fresh: Session | undefined;
  afterEach(async () => {
    await fresh?.close();
    fresh = undefined;
  });

  it("named after me: I am the owner, the colleague's calendar is someone else's and unticked, and Kim is a person I met", async () => {
    const opened = await openColleagueExport(`${ME}.ical.zip`);
    fresh = opened.session;
    const { page } = opened;
    expect(await page.locator('.owner-named').textContent()).toBe(
      `Your calendar: ${ME} (the export is named after it) Not yours?`,
    );
    expect(await rowsOf(page)).toEqual([
      [`${ME} (your calendar, 5 events)`, true],
      [`${KIM} (someone else's calendar, 40 events)`, false],
    ]);
    await page.getByRole('button', { name: 'Import 1 calendar' }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Import summary' }).locator('p').first().textContent())
      .toBe('5 meetings logged, 1 person added.');
    expect(await myEmails(fresh)).toEqual({ myEmails: [ME] });
    expect((await readStore(fresh.worker)).people.map((p) => p.email)).toEqual([KIM]);
  });

  it('named by nothing: the page asks, imports nothing until I answer, and my answer makes me "me"', async () => {
    const opened = await openColleagueExport('export.zip');
    fresh = opened.session;
    const { page } = opened;
    const question = page.getByRole('group', { name: 'Which of these is your own calendar?' });
    await question.waitFor();
    expect(await rowsOf(page)).toEqual([
      [`${KIM} (a person's calendar, 40 events)`, false],
      [`${ME} (a person's calendar, 5 events)`, false],
    ]);
    const importButton = page.getByRole('button', { name: /^Import/ });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await myEmails(fresh)).toEqual({});
    await question.getByRole('radio', { name: ME }).check();
    expect(await rowsOf(page)).toEqual([
      [`${KIM} (someone else's calendar, 40 events)`, false],
      [`${ME} (your calendar, 5 events)`, true],
    ]);
    await page.getByRole('button', { name: 'Import 1 calendar' }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Import summary' }).locator('p').first().textContent())
      .toBe('5 meetings logged, 1 person added.');
    expect(await myEmails(fresh)).toEqual({ myEmails: [ME] });
    expect((await readStore(fresh.worker)).people.map((p) => p.email)).toEqual([KIM]);
    expect(fresh.outsideRequests).toEqual([]);
  });
});
