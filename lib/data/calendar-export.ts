import { isEmail } from '../people/email';
import {
  addressEvidence,
  exportOwnerQuestion,
  fileOwnerQuestion,
  type OwnerQuestion,
  ownAddresses,
  startingAnswer,
} from './calendar-owner';
import { MAX_CALENDAR_BYTES } from './ics/limits';
import { type Unpacked, unpackEntry, type ZipEntry, ZipError, zipEntries } from './zip-entries';

/**
 * Google Calendar's export (Settings → Import & export → Export) is a .zip with one .ics file per calendar:
 * the user's own ("alex@example.com.ics"), calendars shared with them ("Team_c_…@group.calendar.google.com.ics"),
 * holidays ("Holidays in …_en.usa#holiday@group.v.calendar.google.com.ics"), birthdays. This lists what is
 * inside, so the user can choose, and says whose calendar it may be (lib/data/calendar-owner.ts). A plain .ics
 * is one calendar.
 */
export type CalendarKind = 'person' | 'shared' | 'holidays' | 'birthdays';

export interface ExportedCalendar {
  /** Its full path inside the zip (two folders may hold files of one name), or the file's name. */
  file: string;
  /** The calendar's name as Calendar shows it (X-WR-CALNAME), else from the file name. */
  name: string;
  /** The calendar's id: the owner's address for a person's calendar. */
  id: string;
  kind: CalendarKind;
  /** VEVENTs in the file (a recurring series counts once). */
  events: number;
  text: string;
}

export type ExportReading =
  | {
      ok: true;
      /** A plain .ics, not an export. */
      single: boolean;
      calendars: ExportedCalendar[];
      /** Whose calendar it may be, and whether the user must say. */
      owner: OwnerQuestion;
      /** What was left out of the list, in sentences. */
      notes: string[];
    }
  | { ok: false; message: string };

/**
 * The most a zip may hold once unpacked: the largest calendar Bridges reads (a decade of a busy calendar is a few
 * tens of MB), one limit with the feed's and a single file's.
 */
export const MAX_UNPACKED_BYTES = MAX_CALENDAR_BYTES;
/** The largest file read, a calendar file or an export: as much as an export may unpack to. */
export const MAX_FILE_BYTES = MAX_UNPACKED_BYTES;
/** The most calendars listed from one export: an account sees a few dozen; tens of thousands would stall the page. */
export const MAX_CALENDARS = 500;
/** Files left out are named up to this many, then counted. */
const MAX_NAMED = 10;

export interface ExportLimits {
  fileBytes: number;
  unpackedBytes: number;
  calendars: number;
}
const LIMITS: ExportLimits = { fileBytes: MAX_FILE_BYTES, unpackedBytes: MAX_UNPACKED_BYTES, calendars: MAX_CALENDARS };

const GROUP = /@group\.calendar\.google\.com$/i;
const HOLIDAYS = /#holiday@group\.v\.calendar\.google\.com$/i;
const BIRTHDAYS = /#(?:contacts|birthday)@group\.v\.calendar\.google\.com$/i;

const megabytes = (bytes: number, round: (n: number) => number) =>
  `${round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

/** "export.zip is 600 MB; Bridges reads …" when a file is too large to read, else null. Asks only for its size. */
export function fileSizeProblem(fileName: string, size: number, max = MAX_FILE_BYTES): string | null {
  if (size <= max) return null;
  const limit = megabytes(max, Math.round);
  return /\.zip$/i.test(fileName)
    ? `${fileName} is ${megabytes(size, Math.ceil)}; Bridges reads Google Calendar exports up to ${limit}. Export one calendar at a time from its settings in Google Calendar.`
    : `${fileName} is ${megabytes(size, Math.ceil)}; Bridges reads calendar files up to ${limit}. Export a shorter span of the calendar, or one calendar at a time.`;
}

/** Reads a file the user chose: its size is checked before a byte of it is read. Never throws. */
export async function readCalendarFile(
  file: Pick<File, 'name' | 'size' | 'arrayBuffer'>,
  myEmails: readonly string[] = [],
  limits: Partial<ExportLimits> = {},
): Promise<ExportReading> {
  const tooLarge = fileSizeProblem(file.name, file.size, limits.fileBytes ?? LIMITS.fileBytes);
  if (tooLarge) return { ok: false, message: tooLarge };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return {
      ok: false,
      message: `${file.name} could not be read (${(error as Error).message || 'the browser refused'}). Choose it again.`,
    };
  }
  return readCalendarExport(file.name, bytes, myEmails, limits);
}

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
  limits: Partial<ExportLimits> = {},
): ExportReading {
  const { fileBytes, unpackedBytes, calendars: maxCalendars } = { ...LIMITS, ...limits };
  const tooLarge = fileSizeProblem(fileName, bytes.length, fileBytes);
  if (tooLarge) return { ok: false, message: tooLarge };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK"
  if (!isZip) {
    const text = decode(bytes);
    if (!looksLikeCalendar(text)) {
      return {
        ok: false,
        message: `${fileName} is neither a calendar file (.ics) nor Google Calendar's export (.zip).`,
      };
    }
    const calendar = describe(fileName, text);
    const owner = fileOwnerQuestion(calendar, addressEvidence(text), myEmails);
    return { ok: true, single: true, calendars: [calendar], owner, notes: [] };
  }
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    const why = error instanceof ZipError ? error.message : 'it is damaged';
    return {
      ok: false,
      message: `${fileName} could not be opened as a .zip (${why}). Download the export from Google Calendar again.`,
    };
  }
  const left: string[] = [];
  const seen = new Set<string>();
  const calendarFiles: ZipEntry[] = [];
  for (const entry of entries) {
    if (!/\.ics$/i.test(entry.path) || entry.path.startsWith('__MACOSX/')) continue;
    if (seen.has(entry.path)) {
      left.push(`${entry.path} (in the .zip twice: the first is listed)`);
      continue;
    }
    seen.add(entry.path);
    calendarFiles.push(entry);
  }
  // Only so many are looked at: the rest are counted, never unpacked.
  const listed = calendarFiles.slice(0, maxCalendars);
  const unlisted = calendarFiles.length - listed.length;
  const declared = listed.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > unpackedBytes) {
    return {
      ok: false,
      message: `${fileName} unpacks to more than ${megabytes(unpackedBytes, Math.round)} of calendars, more than Bridges reads at once. Export one calendar at a time from its settings.`,
    };
  }
  const calendars: ExportedCalendar[] = [];
  for (const entry of listed) {
    const unpacked = unpackEntry(bytes, entry);
    if (!unpacked.ok) {
      left.push(`${entry.path} (${PROBLEMS[unpacked.problem]})`);
      continue;
    }
    const text = decode(unpacked.bytes);
    if (!looksLikeCalendar(text)) {
      left.push(`${entry.path} (not a calendar file)`);
      continue;
    }
    calendars.push(describe(entry.path, text));
  }
  const notes = [leftOut(left), unlisted > 0 ? unlistedNote(unlisted, maxCalendars) : ''].filter(Boolean);
  if (calendars.length === 0) {
    return {
      ok: false,
      message:
        left.length > 0
          ? `Bridges could not read any calendar in ${fileName}. ${notes.join(' ')} Download the export from Google Calendar again.`
          : `${fileName} holds no calendar files (.ics). Is it Google Calendar's export (Settings → Import & export → Export)?`,
    };
  }
  const owner = exportOwnerQuestion(fileName, calendars, myEmails);
  // The user's own calendars first, then other people's (the question is about them), then the rest; each by
  // the number of events.
  const own = ownAddresses(owner, startingAnswer(owner));
  const rank = (c: ExportedCalendar) => (c.kind !== 'person' ? 2 : own.has(c.id) ? 0 : 1);
  calendars.sort((a, b) => rank(a) - rank(b) || b.events - a.events || a.name.localeCompare(b.name));
  return { ok: true, single: false, calendars, owner, notes };
}

const PROBLEMS: Record<Exclude<Unpacked, { ok: true }>['problem'], string> = {
  size: "it unpacks to another size than the .zip's directory says: the .zip is damaged or was altered",
  damaged: 'damaged',
  encrypted: 'protected by a password',
  method: 'packed in a way Bridges does not read',
};

/** "Left out: a.ics (not a calendar file); b.ics (damaged)." with at most MAX_NAMED named, then counted. */
function leftOut(left: readonly string[]): string {
  if (left.length === 0) return '';
  const more = left.length - MAX_NAMED;
  return `Left out: ${left.slice(0, MAX_NAMED).join('; ')}${more > 0 ? `; and ${more.toLocaleString('en')} more` : ''}.`;
}

function unlistedNote(unlisted: number, max: number): string {
  const files = unlisted === 1 ? 'calendar file was' : 'calendar files were';
  return `${unlisted.toLocaleString('en')} more ${files} not listed: Bridges lists ${max.toLocaleString('en')} calendars of an export at most.`;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function looksLikeCalendar(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text.slice(0, 2000));
}

function describe(path: string, text: string): ExportedCalendar {
  const base = path.split('/').pop() ?? path;
  const stem = base.replace(/\.ics$/i, '');
  const calName = /^X-WR-CALNAME:(.*)$/im.exec(text)?.[1]?.trim() ?? '';
  const id = calendarIdOf(stem, calName);
  const kind: CalendarKind = HOLIDAYS.test(id)
    ? 'holidays'
    : BIRTHDAYS.test(id)
      ? 'birthdays'
      : GROUP.test(id) || /@group\.v\.calendar\.google\.com$/i.test(id) || !isEmail(id.toLowerCase())
        ? 'shared'
        : 'person';
  const events = (text.match(/^BEGIN:VEVENT\s*$/gim) ?? []).length;
  const name = calName || (id !== stem ? stem.slice(0, stem.length - id.length - 1) : stem);
  return { file: path, name, id: kind === 'person' ? id.toLowerCase() : id, kind, events, text };
}
