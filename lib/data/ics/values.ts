import { isEmail, normaliseEmail } from '../../people/email';
import type { Property } from './content-lines';
import { isValidWall, type Wall } from './wall';

/** A date or date-time value as the file wrote it, before any time zone is applied. */
export type TimeValue =
  | { kind: 'date'; wall: Wall }
  /** Local time: in the zone named by `tzid`, or floating (the reader's default zone) when it names none. */
  | { kind: 'local'; wall: Wall; tzid: string | null }
  | { kind: 'utc'; wall: Wall };

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/** One DATE or DATE-TIME value ("20261110", "20261026T100000", "20261026T140000Z"), or null. */
export function readTime(raw: string, tzid: string | null): TimeValue | null {
  const m = DATE_TIME.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const wall: Wall = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Math.min(59, Number(m[6] ?? 0)),
  };
  if (!isValidWall(wall)) return null;
  if (m[4] === undefined) return { kind: 'date', wall };
  if (m[7]) return { kind: 'utc', wall };
  return { kind: 'local', wall, tzid };
}

export function readTimeProp(prop: Property): TimeValue | null {
  return asWritten(prop, readTime(prop.value, zoneParam(prop)));
}

/** `VALUE=DATE` with a time ("DTSTART;VALUE=DATE:20110804T120000") is the date: the time is a writer's slip. */
function asWritten(prop: Property, value: TimeValue | null): TimeValue | null {
  if (!value || value.kind === 'date' || (prop.params.VALUE ?? '').trim().toUpperCase() !== 'DATE') return value;
  return { kind: 'date', wall: { ...value.wall, hour: 0, minute: 0, second: 0 } };
}

export function zoneParam(prop: Property): string | null {
  const tzid = prop.params.TZID?.trim();
  return tzid ? tzid : null;
}

/** The values of a multi-valued date property (EXDATE, RDATE); empty pieces (a trailing comma) are ignored. */
export function readTimeList(prop: Property): Array<TimeValue | null> {
  const tzid = zoneParam(prop);
  return prop.value
    .split(',')
    .filter((piece) => piece.trim() !== '')
    .map((piece) => asWritten(prop, readTime(piece, tzid)));
}

/** An RDATE period ("start/end" or "start/duration"), or null. */
export function readPeriod(
  raw: string,
  tzid: string | null,
): { start: TimeValue; end?: TimeValue; ms?: number } | null {
  const [from, to] = raw.split('/');
  if (from === undefined || to === undefined) return null;
  const start = readTime(from, tzid);
  if (!start || start.kind === 'date') return null;
  const ms = readDuration(to);
  if (ms !== null) return { start, ms };
  const end = readTime(to, tzid);
  return end && end.kind !== 'date' ? { start, end } : null;
}

const DURATION = /^([+-])?P(?:(\d{1,9})W)?(?:(\d{1,9})D)?(?:T(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9})S)?)?$/;
/** Longer than this, a "meeting" is not one: the value is treated as unreadable. */
export const MAX_DURATION_MS = 366 * 86_400_000;

/**
 * A DURATION ("PT1H30M", "P1D", "P2W") in milliseconds, or null when it is not one, is negative or is longer
 * than a year (`DURATION:P999999999999999999W` must not become an end date some libraries loop to reach).
 */
export function readDuration(raw: string): number | null {
  // "PT1W" (weeks after the T, which RFC 5545 does not allow) is a slip some writers make: read as meant.
  const m = DURATION.exec(
    raw
      .trim()
      .toUpperCase()
      .replace(/^([+-]?P)T(\d{1,9}W)$/, '$1$2'),
  );
  if (!m || raw.trim().length <= 1 || /^[+-]?PT?$/i.test(raw.trim())) return null;
  const [, sign, w, d, h, min, s] = m;
  const ms =
    ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 86_400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) *
    1000;
  if (sign === '-' || !Number.isFinite(ms) || ms > MAX_DURATION_MS) return null;
  return ms;
}

/** TEXT values: \n, \, \; and \\ undone (RFC 5545 3.3.11). */
export function unescapeText(raw: string): string {
  return raw.includes('\\')
    ? raw.replace(/\\([nN,;\\:"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
    : raw;
}

/**
 * The email address of an ATTENDEE or ORGANIZER: `mailto:` in any case, a value in quotes, or Apple's
 * `EMAIL=` parameter, which names the person's own address when the value is not one (`urn:uuid:…`) or is
 * a relay (`mailto:2_…@imip.me.com`). Null when there is none.
 */
export function readAddress(prop: Property): string | null {
  const fromParam = prop.params.EMAIL ? addressOf(prop.params.EMAIL) : null;
  return fromParam ?? addressOf(prop.value);
}

function addressOf(raw: string): string | null {
  const email = normaliseEmail(stripQuotes(raw.trim()).replace(/^mailto:/i, ''));
  return isEmail(email) ? email : null;
}

/** A CN parameter as a name: backslash escapes (which some writers put in parameters) and quotes undone. */
export function readName(raw: string | undefined): string {
  if (!raw) return '';
  const name = stripQuotes(raw.replace(/\\([,;\\"'])/g, '$1').trim())
    .replace(/\s+/g, ' ')
    .trim();
  return name.slice(0, 500);
}

function stripQuotes(value: string): string {
  let v = value;
  while (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    v = v.slice(1, -1).trim();
  }
  return v;
}
