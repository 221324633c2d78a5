import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shiftCalendarPage, shiftEventId, shiftedWeekUrl } from '../helpers/calendar-shift';

const FIXTURES = join(process.cwd(), 'tests/fixtures/google-calendar');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** data-eventid of chips in week-view.html. */
export const CHIPS = {
  q4Review: 'azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20',
  weeklySync: 'YjAyOHR2YXNyZjQwMzlzaTFtZzQ0Z2Fza2VfMjAyNjExMjNUMTUwMDAwWiBhbGV4Lm1vcmdhbkBleGFtcGxlLmNvbQ',
  vendorDemo: 'bm5oMW0wdmxvMThjZmRwOTNkMm0ycnVuamQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20',
  designCrit: 'MnRzZzZmdjlvanJmZGRta2FxNnFhMzJvazMgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20',
  budgetReview: 'aXBtZWl2bjByYnI1bG5oaG9pMGpiZ2FxMnYgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20',
  coffeeChat: 'YmxtbGNpZjJ0dmtsdThsdjNqNGpjbDJ0dm0gYWxleC5tb3JnYW5AZXhhbXBsZS5jb20',
} as const;

/** The card (outer dialog markup) of a saved card fixture, re-keyed to a chip of the week view. */
function cardFor(fixture: string, chipId: string): string {
  const html = read(fixture);
  const start = html.indexOf('<div class="I2Yrs iWO5td">');
  const end = html.indexOf('<div id="xUserInfo"');
  const card = html.slice(start, end).replace(/data-eventid="[^"]+"/g, `data-eventid="${chipId}"`);
  return `<template data-card-for="${chipId}">${card}</template>`;
}

/**
 * The saved week view with a card behind each of five chips: Q4 review (en, 12 h), the weekly sync's
 * instance, the declined vendor demo, a design crit whose title and guest are hostile, and a budget review
 * with 30 guests, and a coffee chat whose card is a redesign Bridges cannot read. A small script stands in for
 * Calendar's own (tests/e2e/calendar-sim.js). `shiftDays` (whole weeks) moves the week for a browser on the real
 * clock: open it at `weekUrl(shiftDays)` and find its chips by `chipId(chip, shiftDays)`. `look` dresses it for
 * people to see (the demo, the store's screenshots).
 */
export function weekViewPage(shiftDays = 0, options: { look?: boolean } = {}): string {
  const cards = [
    cardFor('dialog.en-12h.html', CHIPS.q4Review),
    cardFor('dialog.recurring.html', CHIPS.weeklySync),
    cardFor('dialog.declined.html', CHIPS.vendorDemo),
    cardFor('dialog.hostile.html', CHIPS.designCrit),
    cardFor('dialog.large.html', CHIPS.budgetReview),
    cardFor('dialog.redesigned.html', CHIPS.coffeeChat),
  ].join('\n');
  const sim = readFileSync(join(process.cwd(), 'tests/e2e/calendar-sim.js'), 'utf8');
  let page = read('week-view.html').replace('</body>', `${cards}\n<script>${sim}</script>\n</body>`);
  // The demo and the store's screenshots dress the page as Calendar looks (tests/e2e/calendar-look.*).
  if (options.look) {
    const css = readFileSync(join(process.cwd(), 'tests/e2e/calendar-look.css'), 'utf8');
    const js = readFileSync(join(process.cwd(), 'tests/e2e/calendar-look.js'), 'utf8');
    page = page
      .replace('</head>', `<style>${css}</style>\n</head>`)
      .replace('</body>', `<script>${js}</script>\n</body>`);
  }
  return shiftCalendarPage(page, shiftDays);
}

export const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/24';

const Q4_RAW = 'k5058hfr4d2s30ltiuocpedthd';

/**
 * A saved card page as it is (its card open), served alone; with `rawId`, the event's id is replaced
 * everywhere it lives (the card's and the chip's data-eventid, their jslog) so that each page is its own
 * meeting in one browser profile.
 */
export function cardPage(fixture: string, rawId?: string): string {
  const html = read(fixture);
  if (!rawId) return html;
  const encoded = Buffer.from(`${rawId} alex.morgan@example.com`).toString('base64').replace(/=+$/, '');
  return html.split(CHIPS.q4Review).join(encoded).split(Q4_RAW).join(rawId);
}

/** The address of a page of Calendar's: the account index tells the served pages apart, as it does in Calendar. */
export const accountWeekUrl = (account: number) =>
  `https://calendar.google.com/calendar/u/${account}/r/week/2026/11/24`;
export const EDIT_URL = `https://calendar.google.com/calendar/u/0/r/eventedit/${CHIPS.q4Review}`;

/** The address of the saved week moved by `shiftDays`. */
export const weekUrl = (shiftDays = 0) => shiftedWeekUrl(shiftDays);

/** A chip's data-eventid in the saved week moved by `shiftDays` (a recurring instance's id carries its date). */
export const chipId = (chip: string, shiftDays = 0) => shiftEventId(chip, shiftDays);
