import { type ParsedDay, parseDay } from './day';
import type { CalendarDay } from './event-id';
import { normaliseText } from './text';

export { normaliseText };

/**
 * Reads the date and time line of an event card in any of Calendar's languages, with 12- or 24-hour clocks:
 *   "Tuesday, November 24⋅1:00 – 2:00pm"          (en, 12 h)
 *   "Dienstag, 24. November⋅13:00 – 14:00"        (de)
 *   "11月24日 (火曜日)⋅午後1:00～2:00"             (ja, 12 h)
 *   "November 27, 10:00pm – November 28, 6:30am"  (crosses midnight: a date on each side)
 *   "Tuesday, November 24"                         (all day)
 * It returns wall-clock parts; the caller places them in Calendar's time zone. Pure: no DOM, no clock.
 */
export interface WallTime {
  hour: number;
  minute: number;
}

export interface WhenParts {
  /** Null when the text names no day that could be read (the caller falls back to the chip's day). */
  startDay: CalendarDay | null;
  /** Set only when the text names a second day (multi-day events). */
  endDay: CalendarDay | null;
  /** Null for all-day events. */
  start: WallTime | null;
  end: WallTime | null;
}

const AM = ['a. m.', 'a.m.', 'am', 'vorm.', '午前', '上午', '오전', 'ص', 'לפ.', 'ү.ө.'];
const PM = ['p. m.', 'p.m.', 'pm', 'nachm.', '午後', '下午', '오후', 'م', 'אח.', 'ү.х.'];
const MARKER = [...AM, ...PM]
  .sort((a, b) => b.length - a.length)
  .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
// [marker] hour [:mm] [hour word] [marker]; a bare number is not a time (it is a day or a year).
const TIME = new RegExp(
  `(?:(${MARKER})\\s*)?(?<![\\d.:])(\\d{1,2})(?:[:.](\\d{2}))?(?![\\d])\\s*(時|点|點|시|uhr|ц)?\\s*(?:(${MARKER})(?![a-z]))?`,
  'giu',
);

interface TimeToken {
  hour: number;
  minute: number;
  marker: 'am' | 'pm' | null;
  index: number;
  length: number;
}

function markerOf(raw: string | undefined): 'am' | 'pm' | null {
  if (!raw) return null;
  const m = raw.toLowerCase();
  if (AM.includes(m)) return 'am';
  if (PM.includes(m)) return 'pm';
  return null;
}

/** Times in `text`; `bare` also takes a lone number as an hour (only where no date can be: after the ⋅). */
function timeTokens(text: string, bare = false): TimeToken[] {
  const tokens: TimeToken[] = [];
  for (const m of text.matchAll(TIME)) {
    const [whole, before, hourText, minuteText, hourWord, after] = m;
    const marker = markerOf(before) ?? markerOf(after);
    if (!bare && minuteText === undefined && !marker && !hourWord) continue;
    const hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (minute > 59 || hour > (marker ? 12 : 23)) continue;
    tokens.push({ hour, minute, marker, index: m.index ?? 0, length: whole.length });
  }
  return tokens;
}

function to24(hour: number, marker: 'am' | 'pm' | null): number {
  if (marker === null) return hour;
  return (hour % 12) + (marker === 'pm' ? 12 : 0);
}

/** Two times of one range; a side without am/pm takes the other side's ("1:00 – 2:00pm", "오후 1시~ 2시"). */
function resolveRange(a: TimeToken, b: TimeToken, sameDay: boolean): [WallTime, WallTime] {
  const startMarker = a.marker ?? b.marker;
  const endMarker = b.marker ?? a.marker;
  let startHour = to24(a.hour, startMarker);
  const endHour = to24(b.hour, endMarker);
  // "11:00 – 1:00pm" means 11am: an inherited marker must not put the start after the end.
  if (sameDay && a.marker === null && startMarker !== null && startHour * 60 + a.minute > endHour * 60 + b.minute) {
    startHour = to24(a.hour, startMarker === 'pm' ? 'am' : 'pm');
  }
  return [
    { hour: startHour, minute: a.minute },
    { hour: endHour, minute: b.minute },
  ];
}

const RANGE_SEPARATOR = /\s[–—-]\s|\s?~\s?|\s?至\s?|\s(?:to|bis|until|au|à|al|até|tot|do|до|עד|إلى)\s/u;
const DOT_OPERATOR = '⋅';

export function parseWhen(raw: string, locale: string, referenceYear: number): WhenParts | null {
  const text = normaliseText(raw);
  if (!text) return null;
  const dot = text.indexOf(DOT_OPERATOR);
  if (dot >= 0) {
    // One day, then the times: "Tuesday, November 24⋅1:00 – 2:00pm".
    const parsed = parseDay(text.slice(0, dot), locale, referenceYear);
    const day = parsed && { year: parsed.year, month: parsed.month, day: parsed.day };
    const times = timeTokens(text.slice(dot + 1), true);
    const [first, second] = times;
    if (!first) return { startDay: day, endDay: null, start: null, end: null };
    const [start, end] = resolveRange(first, second ?? first, true);
    return { startDay: day, endDay: null, start, end };
  }
  const separator = RANGE_SEPARATOR.exec(text);
  if (!separator) {
    // A day and two times with no ⋅ between them ("mardi 24 novembre 13:00–14:00"), or a day alone (all day).
    const times = timeTokens(text);
    const [first, second] = times;
    const day = parseDay(withoutTimes(text, times), locale, referenceYear);
    const startDay = day && { year: day.year, month: day.month, day: day.day };
    if (first && second) {
      const [start, end] = resolveRange(first, second, true);
      return { startDay, endDay: null, start, end };
    }
    if (first) return null; // one time and no end: not a line Bridges knows
    return startDay ? { startDay, endDay: null, start: null, end: null } : null;
  }
  // A range with a date on each side: "November 27, 10:00pm – November 28, 6:30am", "November 24 – 26, 2026".
  const left = text.slice(0, separator.index);
  const right = text.slice(separator.index + separator[0].length);
  const leftTimes = timeTokens(left);
  const rightTimes = timeTokens(right);
  const leftDay = parseDay(withoutTimes(left, leftTimes), locale, referenceYear, true);
  const rightDay = parseDay(withoutTimes(right, rightTimes), locale, referenceYear, true, leftDay);
  if (!leftDay && !rightDay) return null;
  let startDay = leftDay;
  if (startDay && rightDay && !leftDay?.explicitYear && rightDay.explicitYear) {
    startDay = { ...startDay, year: startDay.month > rightDay.month ? rightDay.year - 1 : rightDay.year };
  }
  const strip = (d: ParsedDay | null): CalendarDay | null => (d ? { year: d.year, month: d.month, day: d.day } : null);
  const [a] = leftTimes;
  const [b] = rightTimes;
  if (!a || !b) return { startDay: strip(startDay), endDay: strip(rightDay), start: null, end: null };
  const [start, end] = resolveRange(a, b, false);
  return { startDay: strip(startDay), endDay: strip(rightDay), start, end };
}

/** A time of day as an edit page's time input holds it ("1:00pm", "13:00", "오후 1:00"), or null. */
export function parseTimeOfDay(raw: string): WallTime | null {
  const tokens = timeTokens(normaliseText(raw), true);
  if (tokens.length !== 1) return null;
  const [t] = tokens as [TimeToken];
  return { hour: to24(t.hour, t.marker), minute: t.minute };
}

function withoutTimes(text: string, tokens: TimeToken[]): string {
  let out = text;
  for (const t of [...tokens].reverse()) out = `${out.slice(0, t.index)} ${out.slice(t.index + t.length)}`;
  return out;
}
