/**
 * The calendar file's content lines, read one at a time so that one unreadable line costs that line only.
 * (ical.js's parser rejects the whole file for one bad line, and splits Outlook's unquoted
 * `TZID=(UTC+05:30) Chennai, Kolkata…` at the colon inside the zone's name.) Linear in the file's size.
 */

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

export interface Component {
  /** Upper case, e.g. "VEVENT". */
  name: string;
  line: number;
  props: Property[];
  children: Component[];
  /** Lines inside this component (not its children) that could not be read. */
  unreadable: number[];
  /** The file ended before this component's END line. */
  unclosed: boolean;
}

export interface ContentScan {
  calendars: Component[];
  /** Every unreadable line, wherever it was. */
  unreadableLines: number;
}

/** Values that are dates or times never hold a colon: their value starts after the line's last colon. */
const DATE_VALUED = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE', 'RDATE']);
const NAME = /^[A-Za-z0-9-]+/;

export function scanContentLines(text: string): ContentScan {
  const calendars: Component[] = [];
  const stack: Component[] = [];
  let unreadableLines = 0;

  const handle = (logical: string, line: number) => {
    if (logical.trim() === '') return;
    const prop = parseContentLine(logical, line);
    const top = stack[stack.length - 1];
    if (!prop) {
      unreadableLines++;
      top?.unreadable.push(line);
      return;
    }
    if (prop.name === 'BEGIN') {
      const component: Component = {
        name: prop.value.trim().toUpperCase(),
        line,
        props: [],
        children: [],
        unreadable: [],
        unclosed: false,
      };
      if (top) top.children.push(component);
      else if (component.name === 'VCALENDAR') calendars.push(component);
      stack.push(component);
      return;
    }
    if (prop.name === 'END') {
      const name = prop.value.trim().toUpperCase();
      const at = stack.findLastIndex((c) => c.name === name);
      if (at === -1) {
        unreadableLines++;
        top?.unreadable.push(line);
        return;
      }
      // Components left open inside the one that ends are closed with it, marked as not ended.
      for (const open of stack.splice(at + 1)) open.unclosed = true;
      stack.pop();
      return;
    }
    // Content outside any VCALENDAR (a leading note, a stray line) is not part of the calendar.
    if (top) top.props.push(prop);
  };

  // Unfold: a line that starts with a space or a tab continues the one before (RFC 5545 3.1).
  let logical: string[] = [];
  let logicalLine = 0;
  let lineNo = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.length;
  while (pos <= end) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = end;
    let lineEnd = next;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const raw = text.slice(pos, lineEnd);
    lineNo++;
    const first = raw.charCodeAt(0);
    if ((first === 32 || first === 9) && logical.length > 0) logical.push(raw.slice(1));
    else {
      if (logical.length > 0) handle(logical.join(''), logicalLine);
      logical = [raw];
      logicalLine = lineNo;
    }
    pos = next + 1;
  }
  if (logical.length > 0) handle(logical.join(''), logicalLine);
  for (const open of stack) open.unclosed = true;
  return { calendars, unreadableLines };
}

/** One unfolded content line as name, parameters and raw value, or null when it is not one. */
export function parseContentLine(text: string, line: number): Property | null {
  const nameMatch = NAME.exec(text);
  if (!nameMatch) return null;
  const name = nameMatch[0].toUpperCase();
  const lastColon = DATE_VALUED.has(name) ? text.lastIndexOf(':') : -1;
  const params: Record<string, string> = {};
  let i = nameMatch[0].length;
  while (text[i] === ';') {
    const paramName = NAME.exec(text.slice(i + 1, i + 101));
    if (!paramName || text[i + 1 + paramName[0].length] !== '=') return null;
    i += 2 + paramName[0].length;
    const parts: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close === -1) return null;
        parts.push(text.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < text.length && text[j] !== ';' && text[j] !== ',' && (text[j] !== ':' || j < lastColon)) j++;
        parts.push(text.slice(i, j));
        i = j;
      }
      if (text[i] !== ',') break;
      i++;
    }
    const key = paramName[0].toUpperCase();
    if (!(key in params)) params[key] = decodeParam(parts.join(','));
  }
  if (text[i] !== ':') return null;
  return { name, params, value: text.slice(i + 1), line };
}

/** RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret. */
function decodeParam(value: string): string {
  return value.includes('^')
    ? value.replace(/\^(['n^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'))
    : value;
}

export function firstProp(component: Component, name: string): Property | undefined {
  return component.props.find((p) => p.name === name);
}

export function allProps(component: Component, name: string): Property[] {
  return component.props.filter((p) => p.name === name);
}
