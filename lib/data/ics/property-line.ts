import { COLON, COMMA, EQUALS, isNameChar, QUOTE, SEMICOLON } from './characters';

/** One content line of a calendar file, read: "NAME;PARAM=value;…:value". */
export interface Property {
  /** Upper case, e.g. "DTSTART". */
  name: string;
  /** Parameter names in upper case; values unquoted and RFC 6868-decoded (^n, ^^, ^'). */
  params: Record<string, string>;
  /** The raw value, not unescaped. */
  value: string;
  /** Line in the file where the property starts (1-based). */
  line: number;
}

/** Values that are dates or times never hold a colon: their value starts after the line's last colon. */
const DATE_VALUED = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE', 'RDATE']);

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * One unfolded content line as name, parameters and raw value, or null when it is not one. Two slips some
 * writers make are read as meant: `ORGANIZER="mailto:…"` (an equals sign for the colon) and
 * `DTSTART;TZID="W. Europe Standard Time:20200609T090000"` (the quote closed after the value).
 */
export function parseContentLine(text: string, line: number): Property | null {
  const prop = parseStrict(text, line);
  if (prop) return prop;
  const name = /^[A-Za-z-]+/.exec(text)?.[0].toUpperCase() ?? '';
  if ((name === 'ORGANIZER' || name === 'ATTENDEE') && text[name.length] === '=' && text[name.length + 1] === '"')
    return parseStrict(`${text.slice(0, name.length)}:${text.slice(name.length + 1)}`, line);
  if (DATE_VALUED.has(name) && text.endsWith('"')) {
    const colon = text.lastIndexOf(':');
    if (colon > 0) return parseStrict(`${text.slice(0, colon)}"${text.slice(colon, -1)}`, line);
  }
  return null;
}

/** Where the name that starts at `from` ends (at `from` when there is none). */
function nameEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

function parseStrict(text: string, line: number): Property | null {
  let i = nameEnd(text, 0);
  if (i === 0) return null;
  const name = text.slice(0, i).toUpperCase();
  const lastColon = DATE_VALUED.has(name) ? text.lastIndexOf(':') : -1;
  let params = NO_PARAMS;
  while (text.charCodeAt(i) === SEMICOLON) {
    const start = ++i;
    i = nameEnd(text, i);
    if (i === start || text.charCodeAt(i) !== EQUALS) return null;
    const key = text.slice(start, i).toUpperCase();
    const param = readParamValue(text, i + 1, lastColon);
    if (!param) return null;
    i = param.end;
    if (params === NO_PARAMS) params = {};
    if (!(key in params)) params[key] = decodeParam(param.value);
  }
  if (text.charCodeAt(i) !== COLON) return null;
  return { name, params, value: text.slice(i + 1), line };
}

/**
 * A parameter's value from `from`: its pieces, quoted or not, joined by commas, up to the `;` or `:` after it
 * (for a date-valued property only its last colon ends the parameters), or null when a quote is not closed.
 */
function readParamValue(text: string, from: number, lastColon: number): { value: string; end: number } | null {
  let i = from;
  let value = '';
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const close = text.indexOf('"', i + 1);
      if (close === -1) return null;
      value += text.slice(i + 1, close);
      i = close + 1;
    } else {
      let j = i;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === SEMICOLON || c === COMMA || (c === COLON && j >= lastColon)) break;
      }
      value += text.slice(i, j);
      i = j;
    }
    if (text.charCodeAt(i) !== COMMA) return { value, end: i };
    value += ',';
    i++;
  }
}

/** RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret. */
function decodeParam(value: string): string {
  return value.includes('^')
    ? value.replace(/\^(['n^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'))
    : value;
}
