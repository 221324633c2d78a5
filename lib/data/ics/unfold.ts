import { BYTE_ORDER_MARK, COLON, CR, EQUALS, isFoldMark, isNameChar, SEMICOLON } from './characters';

/** Where the logical lines of a file go, in order. */
export interface LineSink {
  /** A whole logical line (its continuation lines joined on), and the line of the file it starts on. */
  line(text: string, line: number): void;
  /** A line of the file that is not a content line ("NAME:…" or "NAME;…"), blank lines aside. */
  unreadable(line: number): void;
}

/**
 * The file's logical lines: a line that starts with a space or a tab continues the one before (RFC 5545 3.1).
 * Only the properties in `wanted` (all when it is not given) and BEGIN and END lines are given; the others are
 * stepped over without a string being made of them, which keeps a 20 MB file's reading to what matters.
 */
export function unfoldLines(text: string, wanted: ReadonlySet<string> | undefined, sink: LineSink): void {
  const logical = new LogicalLine(wanted, sink);
  let pos = contentStart(text);
  let lineNo = pos > 0 ? text.slice(0, pos).split('\n').length - 1 : 0;
  const end = text.length;
  while (pos <= end) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = end;
    const lineEnd = next > pos && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    lineNo++;
    if (isFoldMark(text.charCodeAt(pos))) logical.continueWith(text, pos + 1, lineEnd);
    else {
      logical.flush();
      logical.start(text, pos, lineEnd, next, lineNo);
    }
    pos = next + 1;
  }
  logical.flush();
}

/** A byte-order mark, and blank space before the first line (some writers indent it), are not content. */
function contentStart(text: string): number {
  let pos = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  return pos;
}

/** The logical line being built: its first line, when it is kept, and its continuation lines. */
class LogicalLine {
  private current: string | null = null;
  private folded: string[] | null = null;
  /** The line's name runs on into its continuation: whether it is wanted is known once the line is whole. */
  private nameFolded = false;
  private line = 0;

  constructor(
    private readonly wanted: ReadonlySet<string> | undefined,
    private readonly sink: LineSink,
  ) {}

  /** A physical line that begins a logical one: `text` from `pos` to `lineEnd`, its line break at `next`. */
  start(text: string, pos: number, lineEnd: number, next: number, lineNo: number) {
    this.current = null;
    this.folded = null;
    this.nameFolded = false;
    let nameEnd = pos;
    while (nameEnd < lineEnd && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd > pos && nameEnd === lineEnd && isFoldMark(text.charCodeAt(next + 1))) {
      // A name folded onto the next line ("DTSTART" then " ;TZID=…:…"): read once the line is whole.
      this.keep(text.slice(pos, lineEnd), lineNo);
      this.nameFolded = true;
      return;
    }
    const after = text.charCodeAt(nameEnd);
    if (nameEnd === pos || (after !== COLON && after !== SEMICOLON && after !== EQUALS)) {
      if (lineEnd > pos && text.slice(pos, lineEnd).trim() !== '') this.sink.unreadable(lineNo);
      return;
    }
    if (this.isWanted(text.slice(pos, nameEnd).toUpperCase())) this.keep(text.slice(pos, lineEnd), lineNo);
  }

  /** A continuation line (without its leading space): kept only when the line it continues is. */
  continueWith(text: string, from: number, to: number) {
    if (this.current === null) return;
    this.folded ??= [];
    this.folded.push(text.slice(from, to));
  }

  /** The logical line is whole: given on when it is kept. */
  flush() {
    if (this.current === null) return;
    const logical = this.folded ? this.current + this.folded.join('') : this.current;
    if (this.nameFolded) {
      const name = /^[A-Za-z0-9-]*/.exec(logical)?.[0].toUpperCase() ?? '';
      if (!this.isWanted(name) && /^[A-Za-z0-9-]+[:;]/.test(logical)) return;
    }
    this.sink.line(logical, this.line);
  }

  private keep(first: string, lineNo: number) {
    this.current = first;
    this.line = lineNo;
  }

  private isWanted(name: string): boolean {
    return !this.wanted || this.wanted.has(name) || name === 'BEGIN' || name === 'END';
  }
}
