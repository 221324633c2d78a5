// Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits, which Arabic and Persian pages may use.
const INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Text from Calendar's page as Bridges reads it: compatibility forms folded (NFKC), Arabic-Indic digits as
 * digits, direction marks gone, every run of spaces one space.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INDIC_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .replace(/[\u200e\u200f\u061c\u202a-\u202e]/g, '')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
}

/** Lower case as the language writes it (Turkish "İ" → "i"); a language Intl does not know, as the default. */
export function lower(text: string, locale: string): string {
  try {
    return text.toLocaleLowerCase(locale);
  } catch {
    return text.toLowerCase();
  }
}
