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
  /** Open components looked at to match BEGIN and END lines: a test holds it linear in the file's size. */
  work: number;
}

/** Values that are dates or times never hold a colon: their value starts after the line's last colon. */
const DATE_VALUED = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE', 'RDATE']);
/** Components that only a VCALENDAR holds. */
const TOP_LEVEL = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE']);

/**
 * The file's components and the properties in `wanted` (all when it is not given). Other properties are
 * stepped over without being parsed, which keeps reading a 20 MB file to the few properties that matter.
 */
export function scanContentLines(text: string, wanted?: ReadonlySet<string>): ContentScan {
  const calendars: Component[] = [];
  const stack: Component[] = [];
  // Where each name is open in the stack: finding the component an END line closes costs the same at any depth
  // (40,000 nested components with stray END lines once took seconds).
  const openAt = new Map<string, number[]>();
  let unreadableLines = 0;
  let work = 0;
  const lastIndex = (name: string) => {
    work++;
    return openAt.get(name)?.at(-1) ?? -1;
  };
  const push = (component: Component) => {
    work++;
    let at = openAt.get(component.name);
    if (!at) {
      at = [];
      openAt.set(component.name, at);
    }
    at.push(stack.length);
    stack.push(component);
  };
  /** Closes every component above `at`, marked as not ended. */
  const closeAbove = (at: number) => {
    while (stack.length > at + 1) {
      work++;
      const open = stack.pop() as Component;
      openAt.get(open.name)?.pop();
      open.unclosed = true;
    }
  };

  const unreadable = (line: number) => {
    unreadableLines++;
    stack[stack.length - 1]?.unreadable.push(line);
  };

  const handle = (logical: string, line: number) => {
    const prop = parseContentLine(logical, line);
    const top = stack[stack.length - 1];
    if (!prop) return unreadable(line);
    if (prop.name === 'BEGIN') {
      const name = prop.value.trim().toUpperCase();
      // An event, to-do or zone begins only inside the calendar: one whose END line is missing is closed here,
      // so that a typo in one END line does not swallow the rest of the file.
      if (TOP_LEVEL.has(name)) {
        const at = lastIndex('VCALENDAR');
        if (at !== -1) closeAbove(at);
      }
      const component: Component = {
        name,
        line,
        props: [],
        children: [],
        unreadable: [],
        unclosed: false,
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(component);
      else if (component.name === 'VCALENDAR') calendars.push(component);
      push(component);
      return;
    }
    if (prop.name === 'END') {
      const at = lastIndex(prop.value.trim().toUpperCase());
      if (at === -1) return unreadable(line);
      // Components left open inside the one that ends are closed with it, marked as not ended.
      closeAbove(at);
      const closed = stack.pop() as Component;
      openAt.get(closed.name)?.pop();
      return;
    }
    // Content outside any VCALENDAR (a leading note, a stray line) is not part of the calendar.
    if (top) top.props.push(prop);
  };

  // Unfold: a line that starts with a space or a tab continues the one before (RFC 5545 3.1).
  let current: string | null = null; // the logical line being built, when it is kept
  let folded: string[] | null = null; // its continuation lines
  let nameFolded = false; // the line's name runs on into its continuation: whether it is wanted is known after
  let logicalLine = 0;
  let lineNo = 0;
  const flush = () => {
    if (current === null) return;
    const logical = folded ? current + folded.join('') : current;
    if (nameFolded) {
      const name = /^[A-Za-z0-9-]*/.exec(logical)?.[0].toUpperCase() ?? '';
      if (wanted && !wanted.has(name) && name !== 'BEGIN' && name !== 'END' && /^[A-Za-z0-9-]+[:;]/.test(logical))
        return;
    }
    handle(logical, logicalLine);
  };
  // A byte-order mark, and blank space before the first line (some writers indent it), are not content.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  if (pos > 0) lineNo = text.slice(0, pos).split('\n').length - 1;
  const end = text.length;
  while (pos <= end) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = end;
    let lineEnd = next;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lineNo++;
    const first = text.charCodeAt(pos);
    if (first === 32 || first === 9) {
      if (current !== null) {
        folded ??= [];
        folded.push(text.slice(pos + 1, lineEnd));
      }
    } else {
      flush();
      current = null;
      folded = null;
      nameFolded = false;
      let nameEnd = pos;
      while (nameEnd < lineEnd && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      const after = text.charCodeAt(nameEnd);
      const continues = text.charCodeAt(next + 1) === 32 || text.charCodeAt(next + 1) === 9;
      if (nameEnd > pos && nameEnd === lineEnd && continues) {
        // A name folded onto the next line ("DTSTART" then " ;TZID=…:…"): read once the line is whole.
        current = text.slice(pos, lineEnd);
        logicalLine = lineNo;
        nameFolded = true;
      } else if (nameEnd === pos || (after !== 58 && after !== 59 && after !== 61)) {
        if (lineEnd > pos && text.slice(pos, lineEnd).trim() !== '') unreadable(lineNo);
      } else {
        const name = text.slice(pos, nameEnd).toUpperCase();
        if (!wanted || wanted.has(name) || name === 'BEGIN' || name === 'END') {
          current = text.slice(pos, lineEnd);
          logicalLine = lineNo;
        }
      }
    }
    pos = next + 1;
  }
  flush();
  for (const open of stack) open.unclosed = true;
  return { calendars, unreadableLines, work };
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

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

function parseStrict(text: string, line: number): Property | null {
  const length = text.length;
  let i = 0;
  while (i < length && isNameChar(text.charCodeAt(i))) i++;
  if (i === 0) return null;
  const name = text.slice(0, i).toUpperCase();
  const lastColon = DATE_VALUED.has(name) ? text.lastIndexOf(':') : -1;
  let params = NO_PARAMS;
  while (text.charCodeAt(i) === 59 /* ; */) {
    const start = ++i;
    while (i < length && isNameChar(text.charCodeAt(i))) i++;
    if (i === start || text.charCodeAt(i) !== 61 /* = */) return null;
    const key = text.slice(start, i).toUpperCase();
    i++;
    let value = '';
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        const close = text.indexOf('"', i + 1);
        if (close === -1) return null;
        value += text.slice(i + 1, close);
        i = close + 1;
      } else {
        let j = i;
        for (; j < length; j++) {
          const c = text.charCodeAt(j);
          if (c === 59 || c === 44 || (c === 58 && j >= lastColon)) break;
        }
        value += text.slice(i, j);
        i = j;
      }
      if (text.charCodeAt(i) !== 44 /* , */) break;
      value += ',';
      i++;
    }
    if (params === NO_PARAMS) params = {};
    if (!(key in params)) params[key] = decodeParam(value);
  }
  if (text.charCodeAt(i) !== 58 /* : */) return null;
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
