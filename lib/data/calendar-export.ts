import { strFromU8, unzipSync } from 'fflate';
import { isEmail } from '../people/email';

/**
 * Google Calendar's export (Settings → Import & export → Export) is a .zip with one .ics file per calendar:
 * the user's own ("alex@example.com.ics"), calendars shared with them ("Team_c_…@group.calendar.google.com.ics"),
 * holidays ("Holidays in …_en.usa#holiday@group.v.calendar.google.com.ics"), birthdays. This lists what is
 * inside, so the user can choose; the user's own calendar is chosen by default. A plain .ics is one calendar.
 */
export type CalendarKind = 'own' | 'shared' | 'holidays' | 'birthdays' | 'other-person';

export interface ExportedCalendar {
  /** The file inside the zip. */
  file: string;
  /** The calendar's name as Calendar shows it (X-WR-CALNAME), else from the file name. */
  name: string;
  /** The calendar's id: the owner's address for a person's calendar. */
  id: string;
  kind: CalendarKind;
  /** VEVENTs in the file (a recurring series counts once). */
  events: number;
  /** Whether it is chosen for import to begin with: the user's own calendar(s). */
  chosen: boolean;
  text: string;
}

export type ExportReading =
  | { ok: true; calendars: ExportedCalendar[]; skipped: string[] }
  | { ok: false; message: string };

/** The most a zip may hold once unpacked: a decade of a busy calendar is a few tens of MB. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const GROUP = /@group\.calendar\.google\.com$/i;
const HOLIDAYS = /#holiday@group\.v\.calendar\.google\.com$/i;
const BIRTHDAYS = /#(?:contacts|birthday)@group\.v\.calendar\.google\.com$/i;

/**
 * A calendar's id from its file name: "<address>" for the primary calendar, else "<name>_<calendar id>" (the
 * name may hold underscores, and so may the id: "c_9f2e…@group.calendar.google.com"). The name Google writes
 * in the file (X-WR-CALNAME) tells where the name ends.
 */
function calendarIdOf(stem: string, calName: string): string {
  if (calName && stem.startsWith(`${calName}_`)) return stem.slice(calName.length + 1);
  if (calName === stem || (isEmail(stem.toLowerCase()) && !/\s/.test(stem) && !calName)) return stem.toLowerCase();
  const first = stem.indexOf('_');
  const rest = first > 0 ? stem.slice(first + 1) : '';
  return /^[^\s@]+@[^\s@]+$/.test(rest) ? rest : stem;
}

/** Reads a .zip of Google's export, or a single .ics, into the calendars it holds. Never throws. */
export function readCalendarExport(
  fileName: string,
  bytes: Uint8Array,
  myEmails: readonly string[] = [],
  maxUnpackedBytes = MAX_UNPACKED_BYTES,
): ExportReading {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK"
  if (!isZip) {
    const text = decode(bytes);
    if (!looksLikeCalendar(text)) {
      return {
        ok: false,
        message: `${fileName} is neither a calendar file (.ics) nor Google Calendar's export (.zip).`,
      };
    }
    const calendar = describe(fileName, text, myEmails);
    return { ok: true, calendars: [{ ...calendar, chosen: true }], skipped: [] };
  }
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  let tooBig = false;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.ics$/i.test(file.name) || file.name.startsWith('__MACOSX/')) return false;
        unpacked += file.originalSize;
        if (unpacked > maxUnpackedBytes) tooBig = true;
        return !tooBig;
      },
    });
  } catch (error) {
    return {
      ok: false,
      message: `${fileName} could not be opened as a .zip (${(error as Error).message || 'it is damaged'}). Download the export from Google Calendar again.`,
    };
  }
  if (tooBig) {
    return {
      ok: false,
      message: `${fileName} unpacks to more than ${Math.round(maxUnpackedBytes / 1024 / 1024)} MB of calendars, more than Bridges reads at once. Export one calendar at a time from its settings.`,
    };
  }
  const calendars: ExportedCalendar[] = [];
  const skipped: string[] = [];
  for (const [path, data] of Object.entries(files)) {
    const text = decode(data);
    const base = path.split('/').pop() ?? path;
    if (!looksLikeCalendar(text)) {
      skipped.push(`${base}: not a calendar file`);
      continue;
    }
    calendars.push(describe(base, text, myEmails));
  }
  if (calendars.length === 0) {
    return {
      ok: false,
      message: `${fileName} holds no calendar files (.ics). Is it Google Calendar's export (Settings → Import & export → Export)?`,
    };
  }
  // The user's own calendars first, then the rest by the number of events.
  calendars.sort((a, b) => Number(b.chosen) - Number(a.chosen) || b.events - a.events || a.name.localeCompare(b.name));
  return { ok: true, calendars, skipped };
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return strFromU8(bytes, true);
  }
}

function looksLikeCalendar(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text.slice(0, 2000));
}

function describe(file: string, text: string, myEmails: readonly string[]): ExportedCalendar {
  const stem = file.replace(/\.ics$/i, '');
  const calName = /^X-WR-CALNAME:(.*)$/im.exec(text)?.[1]?.trim() ?? '';
  const id = calendarIdOf(stem, calName);
  const kind: CalendarKind = HOLIDAYS.test(id)
    ? 'holidays'
    : BIRTHDAYS.test(id)
      ? 'birthdays'
      : GROUP.test(id) || /@group\.v\.calendar\.google\.com$/i.test(id) || !isEmail(id.toLowerCase())
        ? 'shared'
        : stem.toLowerCase() === id && (myEmails.length === 0 || myEmails.includes(id))
          ? 'own'
          : 'other-person';
  const events = (text.match(/^BEGIN:VEVENT\s*$/gim) ?? []).length;
  const name = calName || (id !== stem ? stem.slice(0, stem.length - id.length - 1) : stem);
  return { file, name, id, kind, events, chosen: kind === 'own', text };
}
