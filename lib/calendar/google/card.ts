import { TZDate } from '@date-fns/tz';
import type { Response } from '../../db/types';
import { type CalendarDay, decodeDateKey, decodeEventId } from './event-id';
import { queryAll, queryFirst } from './selectors';
import { normaliseText, parseWhen, type WallTime } from './when';

/** What an event card shows, read without judgement: the background decides what counts. */
export interface CalendarEvent {
  /** The instance's own event id: a recurring meeting's instances differ. */
  eventId: string;
  calendarId: string;
  title: string;
  start: number;
  end: number;
  allDay: boolean;
  /** The time zone Calendar showed the times in. */
  timeZone: string;
  /** The signed-in user, when the page says who that is. */
  selfEmail: string | null;
  guests: CalendarGuest[];
  /** True when the signed-in user's "No" is selected in the card's RSVP footer. */
  selfDeclined: boolean;
}

export interface CalendarGuest {
  email: string;
  name: string;
  response: Response;
  organizer: boolean;
  optional: boolean;
}

export type CardReading =
  | { ok: true; event: CalendarEvent }
  | { ok: false; problem: 'no-card' | 'no-id' | 'task' | 'no-time' | 'unreadable'; message: string };

export interface ReadOptions {
  /** Used only for the year when the card leaves it out (Calendar omits the current year). */
  now: number;
  /** The computer's time zone, used when the page does not say which one Calendar uses. */
  fallbackTimeZone: string;
}

const UNREADABLE = "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.";

/** Reads the event card `card` of the Calendar page `doc`. Pure: reads the DOM, changes nothing. */
export function readEventCard(doc: Document, card: Element | null, options: ReadOptions): CardReading {
  if (!card) return { ok: false, problem: 'no-card', message: 'Open an event to log it.' };
  const encoded = card.getAttribute('data-eventid') ?? '';
  const id = decodeEventId(encoded);
  if (!id) return { ok: false, problem: 'no-id', message: UNREADABLE };
  if (id.isTask) return { ok: false, problem: 'task', message: 'Tasks are not meetings: nothing to log.' };

  const title = textOf(queryFirst(card, 'title')) || '(no title)';
  const locale = pageLocale(doc);
  const timeZone = pageTimeZone(doc) ?? options.fallbackTimeZone;
  const whenEl = queryFirst(card, 'when');
  const referenceYear = new TZDate(options.now, timeZone).getFullYear();
  const when = whenEl ? parseWhen(whenEl.textContent ?? '', locale, referenceYear) : null;
  const chipDay = chipDayOf(doc, encoded);
  const span = when ? placeInTime(when, chipDay, timeZone, id.instanceStart) : null;
  if (!span) {
    return { ok: false, problem: 'no-time', message: UNREADABLE };
  }

  const selfEmail = textOf(queryFirst(doc, 'userEmail')).toLowerCase() || selfFromJslog(card);
  const guests = readGuests(card);
  if (guests === null) return { ok: false, problem: 'unreadable', message: UNREADABLE };
  const rsvpNo = queryFirst(card, 'rsvpNo');
  return {
    ok: true,
    event: {
      eventId: id.eventId,
      calendarId: id.calendarId,
      title,
      ...span,
      timeZone,
      selfEmail,
      guests,
      selfDeclined: rsvpNo?.getAttribute('aria-pressed') === 'true',
    },
  };
}

function textOf(el: Element | null): string {
  return el ? normaliseText(el.textContent ?? '') : '';
}

function pageLocale(doc: Document): string {
  const raw = textOf(queryFirst(doc, 'locale')) || doc.documentElement.lang || 'en';
  try {
    return Intl.getCanonicalLocales(raw.replace('_', '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function pageTimeZone(doc: Document): string | null {
  const raw = textOf(queryFirst(doc, 'timeZone'));
  if (!raw) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The day column of the first chip for this event in the grid, if the view shows one. */
function chipDayOf(doc: Document, encodedId: string): CalendarDay | null {
  for (const chip of queryAll(doc, 'chip')) {
    if (chip.getAttribute('data-eventid') !== encodedId) continue;
    const column = chip.closest(SELECTOR_DAY_COLUMN);
    const day = decodeDateKey(column?.getAttribute('data-datekey'));
    if (day) return day;
  }
  return null;
}
const SELECTOR_DAY_COLUMN = '[data-datekey]';

function at(day: CalendarDay, time: WallTime, timeZone: string): number {
  return new TZDate(day.year, day.month - 1, day.day, time.hour, time.minute, timeZone).getTime();
}

function nextDay(day: CalendarDay): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function placeInTime(
  when: NonNullable<ReturnType<typeof parseWhen>>,
  chipDay: CalendarDay | null,
  timeZone: string,
  instanceStart: number | null,
): { start: number; end: number; allDay: boolean } | null {
  // A single-day card ("Tuesday, November 24⋅...") takes the chip's language-free day when there is one.
  const startDay = (when.endDay ? when.startDay : (chipDay ?? when.startDay)) ?? chipDay;
  if (!startDay) return null;
  if (!when.start || !when.end) {
    const lastDay = when.endDay ?? startDay;
    const midnight = { hour: 0, minute: 0 };
    const start = at(startDay, midnight, timeZone);
    const end = at(nextDay(lastDay), midnight, timeZone);
    return end > start ? { start, end, allDay: true } : null;
  }
  let start = at(startDay, when.start, timeZone);
  let end = at(when.endDay ?? startDay, when.end, timeZone);
  if (end < start && !when.endDay) end = at(nextDay(startDay), when.end, timeZone);
  if (end < start) return null;
  // A recurring instance's id carries its exact start: trust it over the text, keep the duration.
  if (instanceStart !== null && Math.abs(instanceStart - start) < 36 * 3600_000) {
    end = instanceStart + (end - start);
    start = instanceStart;
  }
  return { start, end, allDay: false };
}

/** The signed-in user from the card's jslog ("1:["<email>",1]"), when #xUserEmail is missing. */
function selfFromJslog(card: Element): string | null {
  const m = /1:\["([^"\s]+@[^"\s]+)"/.exec(card.getAttribute('jslog') ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

// Calendar draws each guest's answer as an inline icon; its path does not depend on the language.
const ICON_RESPONSES: Array<[prefix: string, response: Response]> = [
  ['M9 16.17', 'accepted'], // tick
  ['M19 6.41', 'declined'], // cross
  ['M11 18h2', 'tentative'], // question mark
];
// The status words of the guest's aria-label ("Priya Raman, Attending, Organizer"), when the icon is missing.
const WORD_RESPONSES: Array<[words: string[], response: Response]> = [
  [['not attending', 'declined', 'nimmt nicht teil', 'abgelehnt', '不参加', '欠席'], 'declined'],
  [['attending', 'accepted', 'nimmt teil', 'zugesagt', '参加', '出席'], 'accepted'],
  [['maybe', 'tentative', 'vielleicht', '未定'], 'tentative'],
];
const ORGANIZER_WORDS = ['organizer', 'organiser', 'organisator', '主催者', '組織者', '主办者', '주최자'];
const OPTIONAL_WORDS = ['optional', '任意', '可选', '선택사항'];

/** Every guest the card lists, or null when the card says it has guests but none can be read. */
function readGuests(card: Element): CalendarGuest[] | null {
  const list = queryFirst(card, 'guestList');
  const items = queryAll(list ?? card, 'guest');
  const guests: CalendarGuest[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const email = normaliseText(item.getAttribute('data-email') ?? '').toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const label = normaliseText(item.getAttribute('aria-label') ?? '');
    const labelParts = label.split(',').map((p) => p.trim().toLowerCase());
    const name = textOf(queryFirst(item, 'guestName')) || email;
    const flags = queryAll(item, 'guestFlag').map((f) => textOf(f).toLowerCase());
    const words = [...labelParts.slice(1), ...flags];
    guests.push({
      email,
      name,
      response: responseOf(item, labelParts.slice(1)),
      organizer: words.some((w) => ORGANIZER_WORDS.includes(w)),
      optional: words.some((w) => OPTIONAL_WORDS.includes(w)),
    });
  }
  if (guests.length === 0 && list && list.children.length > 0) return null;
  return guests;
}

function responseOf(item: Element, statusWords: string[]): Response {
  const path = queryFirst(item, 'guestStatusIcon')?.getAttribute('d') ?? '';
  for (const [prefix, response] of ICON_RESPONSES) if (path.startsWith(prefix)) return response;
  for (const [words, response] of WORD_RESPONSES) if (statusWords.some((w) => words.includes(w))) return response;
  return 'needsAction';
}
