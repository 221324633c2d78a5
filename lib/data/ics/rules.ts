import { readTime, type TimeValue } from './values';

/**
 * Recurrence rules (RRULE), read. Expanded by expand-rule.ts, bounded by rule-bounds.ts.
 */

export type Freq = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
const FREQS: readonly Freq[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
/** The weekdays as a rule names them, in ical.js's order (its WKST is this index + 1). */
export const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface Rule {
  freq: Freq;
  interval: number;
  /** Null when the rule has none, or an invalid one (COUNT=-1, COUNT=0, COUNT=x), which is read as none. */
  count: number | null;
  until: TimeValue | null;
  /** The BY… parts as ical.js reads them: BYDAY as strings ("MO", "-1FR"), the others as numbers. */
  parts: Record<string, Array<number | string>>;
  wkst: string | null;
  /** Parts that could not be read and were left out, as the file wrote them ("BYDAY=MO,XX"). */
  dropped: string[];
}

/** A rule as its parts are read, before it is known to have a frequency. */
type Draft = Omit<Rule, 'freq'> & { freq: Freq | null };

/** What reading one part came to: read whole, read in part (the rest left out and named), or no rule to follow. */
type PartResult = 'read' | 'partly' | { problem: string };

/** Reads one part's value (trimmed, upper case) into the rule. */
type PartReader = (value: string, rule: Draft) => PartResult;

/** The numbers a BY… part may hold: [min, max, negatives allowed]. */
const RANGES: Record<string, [min: number, max: number, negatives: boolean]> = {
  BYSECOND: [0, 60, false],
  BYMINUTE: [0, 59, false],
  BYHOUR: [0, 23, false],
  BYMONTHDAY: [1, 31, true],
  BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true],
  BYMONTH: [1, 12, false],
  BYSETPOS: [1, 366, true],
};

const BY_DAY = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/;

/** A BY… part of numbers: those out of its range are left out; with none left it cannot be followed. */
function numberList(key: string, [min, max, negatives]: [number, number, boolean]): PartReader {
  return (value, rule) => {
    const values = value.split(',').map((v) => v.trim());
    const numbers = values
      .filter((v) => /^[+-]?\d+$/.test(v))
      .map(Number)
      .filter((n) => (n < 0 ? negatives && -n >= min && -n <= max : n >= min && n <= max));
    if (numbers.length === 0) return { problem: `its repeat rule has an impossible ${key} (${value.slice(0, 40)})` };
    rule.parts[key] = numbers;
    return numbers.length < values.length ? 'partly' : 'read';
  };
}

const PART_READERS = new Map<string, PartReader>([
  [
    'FREQ',
    (value, rule) => {
      if (!FREQS.includes(value as Freq)) return { problem: `its repeat rule has an unknown frequency (${value})` };
      rule.freq = value as Freq;
      return 'read';
    },
  ],
  [
    'INTERVAL',
    (value, rule) => {
      // INTERVAL=0 or a non-number is read as 1, as ical.js and python-dateutil do.
      const n = Number(value);
      rule.interval = Number.isSafeInteger(n) && n > 0 ? n : 1;
      return 'read';
    },
  ],
  [
    'COUNT',
    (value, rule) => {
      // COUNT=-1 (Confluence) and COUNT=0 (Apple, for "never ends") are read as no count, as
      // python-recurring-ical-events does; ical.js would yield no instance at all for COUNT=-1.
      const n = Number(value);
      rule.count = /^\d+$/.test(value) && Number.isSafeInteger(n) && n > 0 ? n : null;
      return 'read';
    },
  ],
  [
    'UNTIL',
    (value, rule) => {
      rule.until = readTime(value, null);
      return rule.until ? 'read' : { problem: `its repeat rule's end (UNTIL=${value.slice(0, 40)}) is not a date` };
    },
  ],
  [
    'WKST',
    (value, rule) => {
      if (!DAYS.includes(value)) return 'partly';
      rule.wkst = value;
      return 'read';
    },
  ],
  [
    'BYDAY',
    (value, rule) => {
      const days = value.split(',').map((d) => d.trim());
      const good = days.filter((day) => {
        const m = BY_DAY.exec(day);
        return m !== null && (m[1] === undefined || (Number(m[1]) !== 0 && Math.abs(Number(m[1])) <= 53));
      });
      // With no day left the rule would mean other days than written: it can't be followed.
      if (good.length === 0) return { problem: `its repeat rule has an unreadable day (${value.slice(0, 20)})` };
      rule.parts.BYDAY = good;
      return good.length < days.length ? 'partly' : 'read';
    },
  ],
  ...Object.entries(RANGES).map(([key, range]): [string, PartReader] => [key, numberList(key, range)]),
]);

/**
 * Reads an RRULE value, or says in plain words why it can't be read. Writers' slips are read as meant (spaces
 * around parts and values, `BYDAY=MO, TU`); a part that still can't be read is left out and named in `dropped`
 * (of `BYDAY=MO,XX` only XX), so that one bad part never costs the whole rule. Without a frequency, or with an
 * end (UNTIL) that is not a date, there is no rule to follow.
 */
export function readRule(raw: string): Rule | { problem: string } {
  const rule: Draft = { freq: null, interval: 1, count: null, until: null, parts: {}, wkst: null, dropped: [] };
  for (const rawPiece of raw.trim().toUpperCase().split(';')) {
    const piece = rawPiece.trim();
    if (piece === '') continue;
    const [key = '', value = ''] = piece.split('=', 2);
    // Other parts (X- extensions, RSCALE…) are left out, as RFC 5545 lets readers do.
    const result = PART_READERS.get(key.trim())?.(value.trim(), rule) ?? 'read';
    if (typeof result === 'object') return result;
    if (result === 'partly') rule.dropped.push(piece);
  }
  const { freq } = rule;
  if (!freq) return { problem: 'its repeat rule has no frequency (FREQ)' };
  return { ...rule, freq };
}
