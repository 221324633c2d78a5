import { dayNames } from './day-names';
import { type DayToken, tokeniseDay } from './day-tokens';
import type { CalendarDay } from './event-id';
import { lower, normaliseText } from './text';

export interface ParsedDay extends CalendarDay {
  explicitYear: boolean;
}

/**
 * A day in the text: a year of four digits (else `referenceYear`, or the other side's year in a range), a month
 * by name in the language (or by number before 月/월, which the names of those languages are), and the day's
 * number. With `allowDayOnly`, a day with no month ("26" in "November 24 – 26") takes the other side's month.
 */
export function parseDay(
  raw: string,
  locale: string,
  referenceYear: number,
  allowDayOnly = false,
  context: ParsedDay | null = null,
): ParsedDay | null {
  const tokens = tokeniseDay(lower(normaliseText(raw), locale), dayNames(locale));
  const numbers = tokens.flatMap((t) => (t.kind === 'number' ? [t.text] : []));
  const yearText = numbers.find((n) => n.length === 4);
  const dayText = numbers.find((n) => n.length <= 2);
  if (dayText === undefined) return null;
  const year = yearText !== undefined ? Number(yearText) : (context?.year ?? referenceYear);
  const day = Number(dayText);
  let month = monthOf(tokens);
  if (month === null) {
    if (!allowDayOnly || !context) return null;
    month = context.month;
  }
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { year, month, day, explicitYear: yearText !== undefined };
}

/** The month the tokens name: by number when one is written so, else the name that takes precedence. */
function monthOf(tokens: DayToken[]): number | null {
  let named: { month: number; rank: number } | null = null;
  for (const t of tokens) {
    if (t.kind === 'numeric-month') return t.month;
    if (t.kind === 'month' && (!named || t.rank < named.rank)) named = t;
  }
  return named?.month ?? null;
}
