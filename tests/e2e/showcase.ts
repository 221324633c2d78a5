import type { BrowserContext } from 'playwright-core';
import { calendar } from '../helpers/ics';
import { CHIPS, chipId, weekUrl } from './calendar-page';
import { LogControlDriver } from './log-control';
import { SAMPLE_ME, sampleBackupFile } from './seed';

/**
 * Bridges as a new user sees it once a year of meetings is in: the sample history restored through the
 * management page, then the four views the stores and the demo show (Calendar's card with the control, the
 * popup, the audit, the trends), at the stores' 1280×800, in light or dark. Used by the store-screenshot test and
 * by `npm run demo`.
 */
export const SHOT_SIZE = { width: 1280, height: 800 } as const;
export type Scheme = 'light' | 'dark';

interface Where {
  context: BrowserContext;
  extensionId: string;
}
const page = (where: Where, path: string) => `chrome-extension://${where.extensionId}/${path}`;

/** Restores the sample history (dated relative to `now`) as a user restores a backup: choose the file, Replace. */
export async function restoreSampleHistory(where: Where, now: number): Promise<string> {
  const tab = await where.context.newPage();
  await tab.goto(page(where, 'options.html#/data'));
  await tab.getByRole('radio', { name: /^Replace everything/ }).check();
  await tab.getByLabel('Backup file').setInputFiles({
    name: 'bridges-sample-history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(sampleBackupFile(now)),
  });
  const status = tab.getByRole('status');
  await status.filter({ hasText: /^Restored:/ }).waitFor({ timeout: 30_000 });
  const text = (await status.textContent()) ?? '';
  await tab.close();
  return text;
}

/**
 * A catch-up with Sam Okafor booked for the Thursday after `now`, as a user's calendar says it: a calendar file
 * with that one meeting imported on the management page (a meeting to come is noted as booked, not logged).
 */
export async function bookSampleCatchUp(where: Where, now: number): Promise<string> {
  const day = new Date(now);
  const thursday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  do thursday.setUTCDate(thursday.getUTCDate() + 1);
  while (thursday.getUTCDay() !== 4);
  const at = (hour: number) => `${thursday.toISOString().slice(0, 10).replaceAll('-', '')}T${hour}0000Z`;
  const file = calendar([
    'UID:sample-catch-up-sam@bridges.example',
    `DTSTART:${at(15)}`,
    `DTEND:${at(16)}`,
    'SUMMARY:Catch-up: Sam Okafor / Alex Morgan',
    `ORGANIZER;CN=Alex Morgan:mailto:${SAMPLE_ME}`,
    `ATTENDEE;PARTSTAT=ACCEPTED;CN=Alex Morgan:mailto:${SAMPLE_ME}`,
    'ATTENDEE;PARTSTAT=ACCEPTED;CN=Sam Okafor:mailto:sam.okafor@partner.example.org',
  ]);
  const tab = await where.context.newPage();
  await tab.goto(page(where, 'options.html#/data'));
  await tab
    .getByLabel('Google Calendar export (.zip) or calendar file (.ics)')
    .setInputFiles({ name: 'catch-up.ics', mimeType: 'text/calendar', buffer: Buffer.from(file, 'utf8') });
  const summary = tab.getByRole('status', { name: 'Import summary' });
  await summary.waitFor({ timeout: 30_000 });
  const text = (await summary.locator('p').first().textContent()) ?? '';
  await tab.close();
  return text;
}

async function tabAt(where: Where, url: string, scheme: Scheme, size: { width: number; height: number } = SHOT_SIZE) {
  const tab = await where.context.newPage();
  await tab.setViewportSize(size);
  await tab.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await tab.goto(url);
  return tab;
}

/**
 * The saved Calendar week (moved by `shiftDays`), the Q4 planning review's card open with the Log control and
 * "Before you meet".
 */
export async function calendarShot(where: Where, scheme: Scheme, shiftDays = 0): Promise<Buffer> {
  const tab = await tabAt(where, weekUrl(shiftDays), scheme);
  await tab
    .locator(`[data-eventchip][data-eventid="${chipId(CHIPS.q4Review, shiftDays)}"]`)
    .first()
    .click();
  // The Log control is in the card (its closed shadow root is read through the DevTools protocol).
  const control = new LogControlDriver(tab);
  for (let tries = 0; !(await control.label())?.startsWith('Log'); tries++) {
    if (tries > 100) throw new Error('The Log control did not appear in the card.');
    await tab.waitForTimeout(100);
  }
  // And "Before you meet" beside it, drawn in its own frame: the shot waits for its words.
  const panelShown = async () => {
    for (const frame of tab.frames().filter((f) => f.url().includes('/prep.html'))) {
      if ((await frame.evaluate(() => document.body.innerText).catch(() => '')).includes('Before you meet'))
        return true;
    }
    return false;
  };
  for (let tries = 0; !(await panelShown()); tries++) {
    if (tries > 100) throw new Error('"Before you meet" did not appear in the card.');
    await tab.waitForTimeout(100);
  }
  const shot = await tab.screenshot();
  await tab.close();
  return shot;
}

/** The popup (380 px wide, as the toolbar opens it) framed at 1280×800 with one line on what it answers. */
export async function popupShot(where: Where, scheme: Scheme): Promise<Buffer> {
  const popup = await tabAt(where, page(where, 'popup.html'), scheme, { width: 380, height: 600 });
  await popup.locator('.people .name').first().waitFor();
  await popup.locator('.stretch').waitFor();
  const image = await popup.screenshot();
  await popup.close();
  const frame = await tabAt(where, 'about:blank', scheme);
  await frame.setContent(framedPopup(image.toString('base64'), scheme));
  await frame.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const shot = await frame.screenshot();
  await frame.close();
  return shot;
}

function framedPopup(png: string, scheme: Scheme): string {
  const dark = scheme === 'dark';
  return `<!doctype html><meta charset="utf-8"><style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; align-items: center; justify-content: center; gap: 96px;
      font: 400 18px/1.5 Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
      color: ${dark ? '#e3e3e3' : '#1f1f1f'};
      background: ${dark ? 'linear-gradient(135deg, #0b1d33, #131314 60%)' : 'linear-gradient(135deg, #e8f0fe, #ffffff 60%)'}; }
    h1 { font: 500 40px/1.2 "Google Sans", Roboto, "Noto Sans", Arial, sans-serif; margin: 0 0 20px; }
    p { margin: 0 0 12px; max-width: 440px; color: ${dark ? '#c4c7c5' : '#444746'}; }
    img { width: 380px; height: 600px; border-radius: 12px;
      box-shadow: 0 24px 48px rgba(0, 0, 0, ${dark ? 0.6 : 0.18}), 0 0 0 1px ${dark ? '#3c4043' : '#dde3ea'}; }
  </style>
  <div><h1>Whom outside your team<br>have you let drift?</h1>
  <p>Bridges keeps a private log of whom you meet, straight from Google Calendar.</p>
  <p>The toolbar button lists the people outside your team you have not met lately, most neglected first, with one tap to log a call or coffee.</p></div>
  <img alt="" src="data:image/png;base64,${png}">`;
}

/** The management page's relationship audit: everyone, most neglected first. */
export async function auditShot(where: Where, scheme: Scheme): Promise<Buffer> {
  const tab = await tabAt(where, page(where, 'options.html#/people'), scheme);
  await tab.locator('.people-table tbody tr').nth(10).waitFor();
  const shot = await tab.screenshot();
  await tab.close();
  return shot;
}

/** The management page's trends over the last six months. */
export async function trendsShot(where: Where, scheme: Scheme): Promise<Buffer> {
  const tab = await tabAt(where, page(where, 'options.html#/trends'), scheme);
  // Each chart has drawn, and has numbers that are not all zero (the third reads its meetings after the first paint).
  await tab.locator('.trends canvas').nth(2).waitFor();
  await tab.waitForFunction(() =>
    [...document.querySelectorAll('.trends figure')].every((figure) =>
      [...figure.querySelectorAll('td')].some((td) => /^[1-9]/.test(td.textContent ?? '')),
    ),
  );
  const shot = await tab.screenshot();
  await tab.close();
  return shot;
}

/** Every view in both schemes, by file name. */
export async function allShots(where: Where, shiftDays = 0): Promise<Array<[name: string, png: Buffer]>> {
  const shots: Array<[string, Buffer]> = [];
  for (const scheme of ['light', 'dark'] as const) {
    shots.push([`1-calendar-${scheme}.png`, await calendarShot(where, scheme, shiftDays)]);
    shots.push([`2-popup-${scheme}.png`, await popupShot(where, scheme)]);
    shots.push([`3-audit-${scheme}.png`, await auditShot(where, scheme)]);
    shots.push([`4-trends-${scheme}.png`, await trendsShot(where, scheme)]);
  }
  return shots;
}

/** Width and height from a PNG's header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
