import { NOT_IN_EVENT_ID } from '../../calendar/google/event-id';
import { type Component, firstProp, type Property } from './content-lines';
import { type Context, skip } from './read-context';
import { readTime, unescapeText, zoneParam } from './values';
import { wallMs } from './wall';
import { ZoneBook } from './zones';

/**
 * The file's events as read before anything is expanded: each VEVENT as an entry keyed by its series (its UID),
 * the series and their moved instances (RECURRENCE-ID) collected across the whole file, and of two copies of
 * one event or instance the newer kept.
 */

/** A VEVENT as read before it is expanded. */
export interface Entry {
  vevent: Component;
  title: string;
  base: string;
  recurrence: Property | undefined;
  sequence: number;
  /** LAST-MODIFIED and DTSTAMP, read only when two copies are compared. */
  modified: Property | undefined;
  stamp: Property | undefined;
  order: number;
  book: ZoneBook;
}

/** The file's series by their base id, and the moved instances of each by the instance they move. */
export interface Entries {
  masters: Map<string, Entry>;
  exceptions: Map<string, Map<string, Entry>>;
}

/**
 * The file's events, by series. Moved instances join their series by UID across the whole file: some writers put
 * them in a VCALENDAR block of their own.
 */
export function collectEntries(calendars: readonly Component[], ctx: Context): Entries {
  const entries: Entries = { masters: new Map(), exceptions: new Map() };
  let order = 0;
  for (const calendar of calendars) {
    const zoneName = firstProp(calendar, 'X-WR-TIMEZONE')?.value.trim() || null;
    const readerZone = ctx.options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const book = new ZoneBook(
      calendar.children.filter((c) => c.name === 'VTIMEZONE'),
      zoneName,
      readerZone,
    );
    for (const vevent of calendar.children) {
      if (vevent.name !== 'VEVENT') continue;
      const entry = readEntry(vevent, book, order++, ctx);
      if (entry) keepNewer(entries, entry);
    }
  }
  return entries;
}

function keepNewer({ masters, exceptions }: Entries, entry: Entry) {
  if (entry.recurrence) {
    const key = `${zoneParam(entry.recurrence) ?? ''}|${entry.recurrence.value.trim().toUpperCase()}`;
    let copies = exceptions.get(entry.base);
    if (!copies) {
      copies = new Map();
      exceptions.set(entry.base, copies);
    }
    const other = copies.get(key);
    copies.set(key, other ? newer(other, entry) : entry);
  } else {
    const other = masters.get(entry.base);
    masters.set(entry.base, other ? newer(other, entry) : entry);
  }
}

function title(vevent: Component): string {
  const summary = firstProp(vevent, 'SUMMARY');
  const text = summary ? unescapeText(summary.value).replace(/\s+/g, ' ').trim() : '';
  return text.slice(0, 2000) || '(no title)';
}

function readEntry(vevent: Component, book: ZoneBook, order: number, ctx: Context): Entry | null {
  const entry = { vevent, title: title(vevent) };
  if (vevent.unclosed) {
    skip(ctx, entry, 'its END:VEVENT line is missing (the file may be cut off)');
    return null;
  }
  const recurrence = firstProp(vevent, 'RECURRENCE-ID');
  const uid = firstProp(vevent, 'UID')?.value.trim() ?? '';
  let base: string;
  if (uid) base = idOf(uid);
  else if (recurrence) {
    skip(ctx, entry, 'it moves one instance of a series (RECURRENCE-ID) but has no UID to say which series');
    return null;
  } else {
    // Older Outlook exports leave UID out: the same content gives the same key, so a second import adds nothing.
    const start = firstProp(vevent, 'DTSTART');
    const organizer = firstProp(vevent, 'ORGANIZER')?.value.trim().toLowerCase() ?? '';
    base = `nouid-${hash(`${start?.params.TZID ?? ''}|${start?.value ?? ''}|${entry.title}|${organizer}`)}`;
  }
  return {
    ...entry,
    base,
    recurrence,
    sequence: integer(firstProp(vevent, 'SEQUENCE')?.value),
    modified: firstProp(vevent, 'LAST-MODIFIED'),
    stamp: firstProp(vevent, 'DTSTAMP'),
    order,
    book,
  };
}

/** Of two copies of one event or instance: the higher SEQUENCE, then the later LAST-MODIFIED, then DTSTAMP. */
function newer(a: Entry, b: Entry): Entry {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence ? a : b;
  const [am, bm] = [stampOf(a.modified), stampOf(b.modified)];
  if (am !== bm) return am > bm ? a : b;
  const [as, bs] = [stampOf(a.stamp), stampOf(b.stamp)];
  if (as !== bs) return as > bs ? a : b;
  return a.order > b.order ? a : b;
}

function integer(raw: string | undefined): number {
  const n = Number(raw?.trim());
  return raw !== undefined && Number.isSafeInteger(n) ? n : 0;
}

function stampOf(prop: Property | undefined): number {
  const t = prop ? readTime(prop.value, null) : null;
  return t ? wallMs(t.wall) : Number.NEGATIVE_INFINITY;
}

/** Google's UIDs are "<event id>@google.com"; the page's ids are the part before "@". */
function idOf(uid: string): string {
  const id = uid.replace(/@google\.com$/i, '').replace(NOT_IN_EVENT_ID, '_');
  return id.length <= 900 ? id : `uid-${hash(uid)}`;
}

/** A 53-bit string hash (cyrb53), as 14 hex digits: stable keys for events without a UID. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export const isCancelled = (vevent: Component) =>
  (firstProp(vevent, 'STATUS')?.value ?? '').trim().toUpperCase() === 'CANCELLED';
/** Outlook marks all-day events it writes as midnight-to-midnight times. */
export const isAllDayOutlook = (vevent: Component) =>
  (firstProp(vevent, 'X-MICROSOFT-CDO-ALLDAYEVENT')?.value ?? '').trim().toUpperCase() === 'TRUE';
export const isThisAndFuture = (exception: Entry) =>
  (exception.recurrence?.params.RANGE ?? '').trim().toUpperCase() === 'THISANDFUTURE';
