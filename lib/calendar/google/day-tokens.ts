import type { DayNames } from './day-names';

/**
 * A day's label as tokens, read once from left to right: "dienstag, 24. november 2026" is a weekday, a separator,
 * a number, a separator, a month's name, a separator, a number. Month names are found anywhere, inside words
 * too (Hebrew "ביוני" holds "יוני", Catalan "d’abril" "abril"); weekday names only as whole words (Spanish "vie"
 * is also inside "noviembre"); Chinese, Japanese and Korean write the month as a number before 月 or 월.
 */
export type DayToken =
  /** A run of digits. */
  | { kind: 'number'; text: string }
  /** "11月", "6 월": a month by its number. */
  | { kind: 'numeric-month'; month: number }
  /** A month by its name; `rank` is the name's precedence (longest names first). */
  | { kind: 'month'; month: number; rank: number }
  | { kind: 'weekday' }
  /** Other letters: era and period markers (年, 日, 일, г), words ("de", "of"). */
  | { kind: 'word'; text: string }
  /** Spaces and punctuation. */
  | { kind: 'separator'; text: string };

const NUMERIC_MONTH = /(\d{1,2})\s*(?:月|월)/y;
const DIGITS = /\d+/y;
const LETTER = /\p{L}/u;

/** How to find each language's names at a place in a label, made once per language. */
interface Finders {
  weekday: RegExp | null;
  month: RegExp | null;
  months: Map<string, { month: number; rank: number }>;
}

const finders = new WeakMap<DayNames, Finders>();
const literal = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findersFor(names: DayNames): Finders {
  let found = finders.get(names);
  if (!found) {
    const { weekdays, months } = names;
    found = {
      weekday: weekdays.length ? new RegExp(`(?<!\\p{L})(?:${weekdays.map(literal).join('|')})(?!\\p{L})`, 'uy') : null,
      month: months.length ? new RegExp(months.map(([name]) => literal(name)).join('|'), 'uy') : null,
      months: new Map(months.map(([name, month], rank) => [name, { month, rank }])),
    };
    finders.set(names, found);
  }
  return found;
}

/** The tokens of `text` (normalised and in lower case) in a language whose names are `names`. */
export function tokeniseDay(text: string, names: DayNames): DayToken[] {
  const find = findersFor(names);
  const tokens: DayToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const found = tokenAt(text, pos, find);
    if (found) {
      tokens.push(found.token);
      pos = found.end;
      continue;
    }
    // A character that begins no token joins the word or the separator before it.
    const char = text[pos] as string;
    const kind = LETTER.test(char) ? 'word' : 'separator';
    const last = tokens.at(-1);
    if (last?.kind === kind) last.text += char;
    else tokens.push({ kind, text: char });
    pos++;
  }
  return tokens;
}

/** The token that begins at `pos`, if one does: a month by number, a weekday, a month by name, a number. */
function tokenAt(text: string, pos: number, find: Finders): { token: DayToken; end: number } | null {
  const numeric = match(NUMERIC_MONTH, text, pos);
  if (numeric) return { token: { kind: 'numeric-month', month: Number(numeric[1]) }, end: pos + numeric[0].length };
  const weekday = find.weekday && match(find.weekday, text, pos);
  if (weekday) return { token: { kind: 'weekday' }, end: pos + weekday[0].length };
  const month = find.month && match(find.month, text, pos);
  const named = month && find.months.get(month[0]);
  if (month && named) return { token: { kind: 'month', ...named }, end: pos + month[0].length };
  const digits = match(DIGITS, text, pos);
  if (digits) return { token: { kind: 'number', text: digits[0] }, end: pos + digits[0].length };
  return null;
}

function match(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}
