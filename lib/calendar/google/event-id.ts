/**
 * Calendar's `data-eventid` is base64 of "<event id> <calendar id>", padding stripped. A recurring meeting's
 * instance ids end in "_YYYYMMDDTHHMMSSZ" (the instance's start in UTC) or "_YYYYMMDD" (all-day), so each
 * instance is its own meeting. Calendar ids are shortened: "@m" = @gmail.com, "@g" = a group calendar,
 * "@v" = holidays and contacts.
 */
export interface DecodedEventId {
  eventId: string;
  calendarId: string;
  /** The instance's start when the id carries it (recurring instances). */
  instanceStart: number | null;
  /** Google Tasks and similar, shown as chips but not meetings. */
  isTask: boolean;
}

const CALENDAR_SUFFIXES: Record<string, string> = {
  '@m': '@gmail.com',
  '@g': '@group.calendar.google.com',
  '@v': '@group.v.calendar.google.com',
};

/** The characters of an event instance's id. */
const ID_CHARACTERS = 'A-Za-z0-9_\\-.@';
/**
 * An event instance's id as Bridges keys it (the one pattern: the card's reader, the commands and the calendar
 * files all use it).
 */
export const EVENT_ID = new RegExp(`^[${ID_CHARACTERS}]{1,1024}$`);
/** Each character that cannot be in an event instance's id: a calendar file's UID has them replaced. */
export const NOT_IN_EVENT_ID = new RegExp(`[^${ID_CHARACTERS}]`, 'g');

export function decodeEventId(encoded: string): DecodedEventId | null {
  const base64 = encoded.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  let text: string;
  try {
    text = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  } catch {
    return null;
  }
  const [eventId, calendarRaw = '', ...rest] = text.split(' ');
  if (!eventId || rest.length > 0 || !EVENT_ID.test(eventId)) return null;
  const suffix = calendarRaw.slice(calendarRaw.lastIndexOf('@'));
  const calendarId = CALENDAR_SUFFIXES[suffix]
    ? calendarRaw.slice(0, -suffix.length) + CALENDAR_SUFFIXES[suffix]
    : calendarRaw;
  return {
    eventId,
    calendarId,
    instanceStart: instanceStartOf(eventId),
    isTask: eventId.startsWith('tasks_') || eventId.startsWith('ttb_'),
  };
}

/**
 * The id in a jslog attribute (Calendar's logging data): `35389; 2:["<event id>","<calendar id>",…];1:[…]`.
 * Chips put null where the card puts the calendar. Not base64: the raw id, as the API knows it.
 */
export function decodeJslogId(jslog: string | null | undefined): DecodedEventId | null {
  const m = /(?:^|;)\s*2:\["([^"]{1,1024})"(?:,(?:"([^"]{0,320})"|null))?/.exec(jslog ?? '');
  const eventId = m?.[1];
  if (!eventId || !EVENT_ID.test(eventId)) return null;
  return {
    eventId,
    calendarId: m?.[2] ?? '',
    instanceStart: instanceStartOf(eventId),
    isTask: eventId.startsWith('tasks_') || eventId.startsWith('ttb_'),
  };
}

/** The event an element of the page stands for: its data-eventid, else the id in its jslog. */
export function eventIdOf(el: Element): DecodedEventId | null {
  const encoded = el.getAttribute('data-eventid');
  return (encoded ? decodeEventId(encoded) : null) ?? decodeJslogId(el.getAttribute('jslog'));
}

/** The event of an edit page's address, /calendar/u/0/r/eventedit/<data-eventid>[?…], or null. */
export function eventIdFromEditUrl(url: string): DecodedEventId | null {
  const m = /\/r\/eventedit\/([A-Za-z0-9_\-+/]+={0,2})/.exec(url);
  return m?.[1] ? decodeEventId(decodeURIComponent(m[1])) : null;
}

function instanceStartOf(eventId: string): number | null {
  const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(eventId);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(t) ? null : t;
}

/** The day a chip's column stands for: data-datekey = ((year - 1970) << 9) | (month << 5) | day. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function decodeDateKey(raw: string | null | undefined): CalendarDay | null {
  if (!raw || !/^\d{1,6}$/.test(raw)) return null;
  const key = Number(raw);
  const day = key & 31;
  const month = (key >> 5) & 15;
  const year = (key >> 9) + 1970;
  if (day < 1 || month < 1 || month > 12) return null;
  return { year, month, day };
}
