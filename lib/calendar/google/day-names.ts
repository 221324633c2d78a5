import { lower } from './text';

/** The month and weekday names of a language (and English), longest first, from the browser's own Intl data. */
export interface DayNames {
  /** Month names and their months (1-12), longest first: a name's place here is its precedence. */
  months: Array<[name: string, month: number]>;
  /** Weekday names of more than one letter, longest first. */
  weekdays: string[];
}

const tables = new Map<string, DayNames>();

export function dayNames(locale: string): DayNames {
  const cached = tables.get(locale);
  if (cached) return cached;
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  for (const lang of [locale, 'en']) {
    const formats = monthFormats(lang);
    if (!formats) continue;
    for (let month = 1; month <= 12; month++) {
      const date = new Date(Date.UTC(2026, month - 1, 15));
      for (const format of formats) {
        for (const part of format.formatToParts(date)) {
          if (part.type !== 'month') continue;
          const name = lower(part.value, lang).replace(/\.$/, '').trim();
          if (name && !/^\d+$/.test(name) && !months.has(name)) months.set(name, month);
        }
      }
    }
    for (let d = 0; d < 7; d++) {
      const date = new Date(Date.UTC(2026, 10, 22 + d));
      for (const weekday of ['long', 'short'] as const) {
        const name = new Intl.DateTimeFormat(lang, { weekday, timeZone: 'UTC' }).format(date);
        weekdays.add(lower(name, lang).replace(/\.$/, ''));
      }
    }
  }
  const table: DayNames = {
    months: [...months].sort((a, b) => b[0].length - a[0].length),
    weekdays: [...weekdays].filter((w) => w.length > 1).sort((a, b) => b.length - a.length),
  };
  tables.set(locale, table);
  return table;
}

/** The formats whose month part names a month: alone and beside a day (where some languages decline it). */
function monthFormats(lang: string): Intl.DateTimeFormat[] | null {
  try {
    return [
      new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    ];
  } catch {
    return null;
  }
}
