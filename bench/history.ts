import { strToU8, zipSync } from 'fflate';
import { launch } from '../tests/e2e/harness';
import { clearStore, waitForDatabase } from '../tests/e2e/seed';
import { makeIcs } from './ics-file';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');
const EVENTS = 5_000;

/**
 * History in one step, the whole path a user's file takes on the welcome page: Google's export (.zip) opened
 * and listed in a worker, the chosen calendar read in a worker, its meetings sent to the background in parts,
 * and written there all or none, until the summary shows. Per 1,000 events of the file, median of `rounds`
 * (the log emptied between rounds).
 */
export async function historyFigures(buildDir: string, rounds = 5) {
  const session = await launch({ fakeTime: '2026-11-28 20:00:00', extensionDir: buildDir });
  try {
    const own = makeIcs(EVENTS, NOW);
    const holidays = ['BEGIN:VCALENDAR', 'X-WR-CALNAME:Holidays', 'END:VCALENDAR'].join('\r\n');
    const zip = Buffer.from(
      zipSync({
        'me@corp.example.ics': strToU8(own),
        'Holidays in United States_en.usa#holiday@group.v.calendar.google.com.ics': strToU8(holidays),
      }),
    );
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await waitForDatabase(page);
    const times: number[] = [];
    let meetings = '';
    for (let i = 0; i < rounds; i++) {
      await clearStore(session.worker);
      await page.goto(`chrome-extension://${session.extensionId}/options.html#/welcome`);
      const input = page.getByLabel('Google Calendar export (.zip) or calendar file (.ics)');
      await input.waitFor();
      const t0 = Date.now();
      await input.setInputFiles({ name: 'me@corp.example.ical.zip', mimeType: 'application/zip', buffer: zip });
      await page.getByRole('button', { name: 'Import 1 calendar' }).click();
      const summary = page.getByRole('status', { name: 'Import summary' });
      await summary.waitFor({ timeout: 120_000 });
      times.push(Date.now() - t0);
      meetings = (await summary.locator('p').first().textContent()) ?? '';
    }
    const ms = median(times);
    return {
      figures: { 'history.importMsPer1000': round(ms / (EVENTS / 1000), 0) },
      notes: {
        'history.importMsPer1000': `Google's export (.zip, ${Math.round(zip.length / 1024)} KB) of ${EVENTS.toLocaleString('en')} events on the welcome page, file chosen to summary (${meetings}); the click to choose the calendar included; median of ${rounds}`,
      },
    };
  } finally {
    await session.close();
  }
}
