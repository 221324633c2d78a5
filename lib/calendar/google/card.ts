import { TZDate } from '@date-fns/tz';
import { type CalendarDay, type DecodedEventId, decodeDateKey, eventIdOf } from './event-id';
import { type CalendarGuest, type GuestList, readGuestList, textOf } from './guests';
import { buttonsSignal, chipSignal, combineSignals, ownRowSignal, type SelfResponse } from './own-response';
import { dayOf, pageLocale, pageTimeZone, selfEmailOf, span } from './page';
import { queryAll, queryFirst, SELECTORS } from './selectors';
import { normaliseText, parseWhen, type WhenParts } from './when';

export type { CalendarGuest } from './guests';
export type { SelfResponse } from './own-response';

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
  /** True when the page says the signed-in user declined (selfResponse is 'declined'). */
  selfDeclined: boolean;
  /**
   * The signed-in user's own answer as the page shows it: 'unknown' when its signals disagree or none could
   * be read. Absent for events that did not come from a Calendar page (a calendar file): then selfDeclined
   * and the user's own guest row decide.
   */
  selfResponse?: SelfResponse;
  /** Set when Calendar listed fewer guests than the event has: only `shown` of `total` could be read. */
  partialGuests?: { shown: number; total: number };
}

export type ReadProblem = 'no-card' | 'no-id' | 'task' | 'no-time' | 'unreadable';
export type CardReading = { ok: true; event: CalendarEvent } | { ok: false; problem: ReadProblem; message: string };

export interface ReadOptions {
  /** Used only for the year when the card leaves it out (Calendar omits the current year). */
  now: number;
  /** The computer's time zone, used when the page does not say which one Calendar uses. */
  fallbackTimeZone: string;
}

export const UNREADABLE = "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.";

export function unread(problem: ReadProblem): CardReading {
  const message =
    problem === 'no-card'
      ? 'Open an event to log it.'
      : problem === 'task'
        ? 'Tasks are not meetings: nothing to log.'
        : UNREADABLE;
  return { ok: false, problem, message };
}

/** Reads the event card `card` of the Calendar page `doc`. Pure: reads the DOM, changes nothing. */
export function readEventCard(doc: Document, card: Element | null, options: ReadOptions): CardReading {
  if (!card) return unread('no-card');
  const id = eventIdOf(card);
  if (!id) return unread('no-id');
  if (id.isTask) return unread('task');

  const title = textOf(queryFirst(card, 'title')) || '(no title)';
  const locale = pageLocale(doc);
  const timeZone = pageTimeZone(doc) ?? options.fallbackTimeZone;
  const referenceYear = new TZDate(options.now, timeZone).getFullYear();
  const when = readWhenLine(card, locale, referenceYear);
  const sameEvent = chipMatcher(card, id);
  const placed = when ? placeInTime(when.parts, chipDayOf(doc, sameEvent), timeZone, id) : null;
  if (!placed) return unread('no-time');

  const selfEmail = selfEmailOf(doc, card);
  const list = readGuestList(card);
  if (list === null) return unread('unreadable');
  const selfResponse = combineSignals({
    buttons: buttonsSignal(card),
    ownRow: ownRowSignal(list.guests, selfEmail),
    chip: chipSignal(doc, sameEvent),
  });
  return { ok: true, event: eventOf({ id, title, placed, timeZone, selfEmail, list, selfResponse }) };
}

/** The event a page shows, from what was read of it: the card and the full event page build it alike. */
export function eventOf(read: {
  id: DecodedEventId;
  title: string;
  placed: { start: number; end: number; allDay: boolean };
  timeZone: string;
  selfEmail: string | null;
  list: GuestList;
  selfResponse: SelfResponse;
}): CalendarEvent {
  const event: CalendarEvent = {
    eventId: read.id.eventId,
    calendarId: read.id.calendarId,
    title: read.title,
    ...read.placed,
    timeZone: read.timeZone,
    selfEmail: read.selfEmail,
    guests: read.list.guests,
    selfDeclined: read.selfResponse === 'declined',
    selfResponse: read.selfResponse,
  };
  if (read.list.partial) event.partialGuests = read.list.partial;
  return event;
}

/** An element's text with its children's texts apart: "Tuesday, November 24", "1:00 – 2:00pm" in two spans. */
export function lineText(el: Element): string {
  const parts: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return normaliseText(parts.join(' '));
}

/** The structural search tries this many short lines after the title: the date line comes right after it. */
const LINES_AFTER_TITLE = 6;
/** A date and time line is short ("Wednesday, December 30, 2026, 10:00pm – Thursday, December 31, 2026, 6:30am"). */
const MAX_LINE = 100;

/**
 * The card's date and time line, read. The class is a fast path only (it rotates): when it is gone or does
 * not read, the line is found by structure and content, as one of the first short lines after the title
 * inside the When row (#xDetDlgWhen, else the whole card) that reads as a day or times. Runs on a click,
 * never on a mutation batch.
 */
export function readWhenLine(
  card: Element,
  locale: string,
  referenceYear: number,
): { parts: WhenParts; via: 'class' | 'structure' } | null {
  const fast = queryFirst(card, 'when');
  const fastParts = fast ? parseWhen(lineText(fast), locale, referenceYear) : null;
  if (fastParts) return { parts: fastParts, via: 'class' };
  const scope = queryFirst(card, 'whenRow') ?? card;
  const heading = queryFirst(scope, 'title');
  const walker = card.ownerDocument.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
  let lines = 0;
  for (let node = walker.nextNode(); node && lines < LINES_AFTER_TITLE; node = walker.nextNode()) {
    const el = node as Element;
    if (heading && (el.contains(heading) || heading.contains(el))) continue;
    // Only what comes after the title: the line before it (if any) is the calendar's colour, never a date.
    if (heading && !(heading.compareDocumentPosition(el) & 4) /* DOCUMENT_POSITION_FOLLOWING */) continue;
    const text = lineText(el);
    if (!text || text.length > MAX_LINE) continue;
    lines++;
    const parts = parseWhen(text, locale, referenceYear);
    if (parts && (parts.startDay || parts.start)) return { parts, via: 'structure' };
  }
  return null;
}

/** Whether a chip of the grid stands for the card's event: the same data-eventid, else the same id. */
function chipMatcher(card: Element, id: DecodedEventId): (chip: Element) => boolean {
  const encoded = card.getAttribute('data-eventid');
  return (chip) => (encoded ? chip.getAttribute('data-eventid') === encoded : eventIdOf(chip)?.eventId === id.eventId);
}

/** The day column of the first chip for this event in the grid, if the view shows one. */
function chipDayOf(doc: Document, sameEvent: (chip: Element) => boolean): CalendarDay | null {
  for (const chip of queryAll(doc, 'chip')) {
    if (!sameEvent(chip)) continue;
    const column = chip.closest(SELECTORS.dayColumn[0]);
    const day = decodeDateKey(column?.getAttribute('data-datekey'));
    if (day) return day;
  }
  return null;
}

/**
 * The card's day and times in Calendar's zone. What the card shows wins: a moved instance of a recurring
 * meeting keeps its original start in its id, so the id's day is used only when the card's times can be read
 * but its day cannot.
 */
function placeInTime(
  when: WhenParts,
  chipDay: CalendarDay | null,
  timeZone: string,
  id: DecodedEventId,
): { start: number; end: number; allDay: boolean } | null {
  // A single-day card ("Tuesday, November 24⋅...") takes the chip's language-free day when there is one.
  let startDay = when.endDay ? when.startDay : (chipDay ?? when.startDay);
  if (!startDay && when.start && id.instanceStart !== null) startDay = dayOf(id.instanceStart, timeZone);
  if (!startDay) return null;
  return span(startDay, when.endDay, when.start, when.end, timeZone);
}
