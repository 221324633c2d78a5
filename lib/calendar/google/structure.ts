import { matchedEntry, SELECTORS, type SelectorName } from './selectors';

/**
 * The shape of a card Bridges could not read, for a bug report the user can send without leaking anything:
 * tags, ids, roles, jsname, class names, which data-* and aria-* attributes are there (names only) and which
 * selectors matched, one line per element. Every text, name, email, title, time and attribute value is left
 * out; of a text only the kinds of characters in it are kept ("digits letters : –"), which is what a reader
 * of times needs to know. Names that are not plain tokens (an id that holds an address) are dropped too.
 */
export function describeStructure(root: Element, doc: Document, note: string): string {
  const lines = [`Bridges bug report: ${note}`, 'Selectors (entry that matched, or none):'];
  for (const name of Object.keys(SELECTORS) as SelectorName[]) {
    const scope = PAGE_LEVEL.has(name) ? doc : root;
    const entry = matchedEntry(scope, name);
    lines.push(`  ${name}: ${entry < 0 ? 'none' : entry}`);
  }
  lines.push('Structure:');
  let count = 0;
  const walk = (el: Element, depth: number): void => {
    if (count >= MAX_ELEMENTS || depth > MAX_DEPTH || el.tagName.toLowerCase() === 'bridges-log-control') return;
    count++;
    const pad = '  '.repeat(depth + 1);
    lines.push(`${pad}${describeElement(el)}`);
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 1) walk(child as Element, depth + 1);
      else if (child.nodeType === 3) {
        const shape = textShape(child.nodeValue ?? '');
        if (shape) lines.push(`${pad}  #text[${shape}]`);
      }
    }
  };
  walk(root, 0);
  if (count >= MAX_ELEMENTS) lines.push(`  … cut at ${MAX_ELEMENTS} elements`);
  return `${lines.join('\n')}\n`;
}

const MAX_ELEMENTS = 1500;
const MAX_DEPTH = 40;
const PAGE_LEVEL = new Set<SelectorName>(['card', 'userEmail', 'timeZone', 'locale', 'chip', 'dayColumn', 'editEvent']);
/** Calendar's ids, jsnames and class hashes are short tokens; anything else may be the user's data. */
const TOKEN = /^[A-Za-z][A-Za-z0-9_-]{0,23}$/;
const KEPT_VALUES = ['id', 'role', 'jsname', 'type'] as const;

function describeElement(el: Element): string {
  let out = el.tagName.toLowerCase();
  for (const name of KEPT_VALUES) {
    const value = el.getAttribute(name);
    if (value && TOKEN.test(value)) out += ` ${name}=${value}`;
  }
  const classes = Array.from(el.classList).filter((c) => TOKEN.test(c));
  if (classes.length > 0) out += ` .${classes.join('.')}`;
  const named = el
    .getAttributeNames()
    .filter((n) => n.startsWith('data-') || n.startsWith('aria-') || n === 'jslog' || n === 'jsaction')
    .filter((n) => /^[a-z][a-z0-9-]{0,40}$/.test(n));
  if (named.length > 0) out += ` [${named.join(' ')}]`;
  return out;
}

/** The kinds of characters in a text, never the text: "digits letters : –". */
export function textShape(text: string): string {
  const kinds: string[] = [];
  if (/\p{Nd}/u.test(text)) kinds.push('digits');
  if (/\p{L}/u.test(text)) kinds.push('letters');
  // Punctuation and separators only (":", "–", "⋅", "、"): a symbol such as an emoji could be the user's own.
  const marks = new Set(Array.from(text.replace(/[^\p{P}\p{Sm}\p{Pd}\u22c5]/gu, '')));
  return [...kinds, ...Array.from(marks).slice(0, 12)].join(' ');
}
