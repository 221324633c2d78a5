import { type CardReading, eventOf, type ReadOptions, unread } from './card';
import { type CalendarDay, eventIdFromEditUrl, eventIdOf } from './event-id';
import { readGuestList } from './guests';
import { combineSignals, ownRowSignal } from './own-response';
import { pageTimeZone, selfEmailOf, span } from './page';
import { queryAll, queryFirst } from './selectors';
import { normaliseText, parseTimeOfDay } from './when';

/**
 * Reads Calendar's full event page (/r/eventedit/<id>), opened from the card's pencil or a link, into the
 * same CalendarEvent as the card: the same id (so logging from either is one meeting), the saved title, the
 * dates from data-date (no language) and the saved times, and the same guest list rules. Pure.
 */
export function readEditPage(doc: Document, url: string, options: ReadOptions): CardReading {
  const root = queryFirst(doc, 'editEvent');
  if (!root) return unread('no-card');
  const id = eventIdOf(root) ?? eventIdFromEditUrl(url);
  if (!id) return unread('no-id');
  if (id.isTask) return unread('task');

  const titleInput = queryFirst(root, 'editTitle');
  const title = savedValue(titleInput) || '(no title)';
  const timeZone = pageTimeZone(doc) ?? options.fallbackTimeZone;
  const [startDateInput, endDateInput] = queryAll(root, 'editDates');
  const startDay = dayOfInput(startDateInput);
  const endDay = dayOfInput(endDateInput) ?? startDay;
  if (!startDay || !endDay) return unread('no-time');
  const allDay = queryFirst(root, 'editAllDay')?.getAttribute('aria-checked') === 'true';
  const [startTimeInput, endTimeInput] = queryAll(root, 'editTimes');
  const start = allDay ? null : parseTimeOfDay(savedValue(startTimeInput));
  const end = allDay ? null : parseTimeOfDay(savedValue(endTimeInput));
  if (!allDay && (!start || !end)) return unread('no-time');
  const placed = span(startDay, sameDay(startDay, endDay) ? null : endDay, start, end, timeZone);
  if (!placed) return unread('no-time');

  const selfEmail = selfEmailOf(doc, root);
  const list = readGuestList(root);
  if (list === null) return unread('unreadable');
  // The page has no answer buttons and no chip: the user's own row is its only signal.
  const selfResponse = combineSignals({ buttons: null, ownRow: ownRowSignal(list.guests, selfEmail), chip: null });
  return { ok: true, event: eventOf({ id, title, placed, timeZone, selfEmail, list, selfResponse }) };
}

/** What the event has saved, not what the user may be typing: data-initial-value, else the value. */
function savedValue(input: Element | undefined | null): string {
  if (!input) return '';
  return normaliseText(input.getAttribute('data-initial-value') ?? input.getAttribute('value') ?? '');
}

function dayOfInput(input: Element | undefined): CalendarDay | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(input?.getAttribute('data-date') ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

function sameDay(a: CalendarDay, b: CalendarDay): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
