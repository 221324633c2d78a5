import type { Response } from '../../db/types';
import { queryAll, queryFirst, type SelectorName } from './selectors';
import { normaliseText } from './when';
import { GUEST_STATUS_WORDS, OPTIONAL_WORDS, ORGANIZER_WORDS, responseNamed } from './words';

export interface CalendarGuest {
  email: string;
  name: string;
  response: Response;
  organizer: boolean;
  optional: boolean;
  /** A Google Group (a mailing list), not a person: never logged as one. Absent means false. */
  group?: boolean;
}

export interface GuestList {
  guests: CalendarGuest[];
  /** Set when Calendar says the event has more guests than it lists (a shortened or collapsed list). */
  partial: { shown: number; total: number } | null;
}

// Calendar draws each guest's answer as an inline icon; its path does not depend on the language.
const ICON_RESPONSES: Array<[prefix: string, response: Response]> = [
  ['M9 16.17', 'accepted'], // tick
  ['M19 6.41', 'declined'], // cross
  ['M11 18h2', 'tentative'], // question mark
];

export function textOf(el: Element | null | undefined): string {
  return el ? normaliseText(el.textContent ?? '') : '';
}

/** The first number in a text ("32 guests", "٣٢ ضيفًا", "and 12 more"), or null. */
export function firstNumber(text: string): number | null {
  const m = /\d{1,5}/.exec(normaliseText(text));
  return m ? Number(m[0]) : null;
}

/**
 * Every guest a card or an edit page lists, or null when it says it has guests but none can be read. A
 * group's members count only when Calendar lists them (the group expanded); the group itself is marked.
 */
export function readGuestList(root: Element): GuestList | null {
  const list = queryFirst(root, 'guestList');
  const rows = queryAll(list ?? root, 'guest');
  const groups = new Set(queryAll(list ?? root, 'guestGroup'));
  const guests: CalendarGuest[] = [];
  const seen = new Set<string>();
  let shown = 0;
  for (const row of rows) {
    const outer = enclosingRow(row);
    if (outer) {
      // A member of a group: listed only while the group is open (Calendar may keep them hidden in the page).
      if (outer.getAttribute('aria-expanded') === 'false') continue;
    } else shown++;
    const email = normaliseText(row.getAttribute('data-email') ?? '').toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const labelParts = normaliseText(row.getAttribute('aria-label') ?? '')
      .split(/[,،，、]/)
      .map((p) => p.trim().toLowerCase());
    const name = textOf(own(row, 'guestName')) || email;
    const flags = ownAll(row, 'guestFlag').map((f) => textOf(f).toLowerCase());
    const words = [...labelParts.slice(1), ...flags];
    const guest: CalendarGuest = {
      email,
      name,
      response: responseOf(row, labelParts.slice(1)),
      organizer: words.some((w) => ORGANIZER_WORDS.includes(w)),
      optional: words.some((w) => OPTIONAL_WORDS.includes(w)),
    };
    if (groups.has(row)) guest.group = true;
    guests.push(guest);
  }
  if (guests.length === 0 && list && list.querySelector('[data-email]')) return null;
  const total = Math.max(countInHeader(root) ?? 0, shown + (moreCount(list) ?? 0));
  return { guests, partial: total > shown ? { shown, total } : null };
}

/** The guest row that contains `row` (a group around its member), or null. */
function enclosingRow(row: Element): Element | null {
  return row.parentElement?.closest('[data-email]') ?? null;
}

/** The named parts of a row that belong to the row itself, not to a member row nested in it. */
function ownAll(row: Element, name: SelectorName): Element[] {
  return queryAll(row, name).filter((el) => el.closest('[data-email]') === row);
}
function own(row: Element, name: SelectorName): Element | undefined {
  return ownAll(row, name)[0];
}

function responseOf(row: Element, statusWords: string[]): Response {
  const path = own(row, 'guestStatusIcon')?.getAttribute('d') ?? '';
  for (const [prefix, response] of ICON_RESPONSES) if (path.startsWith(prefix)) return response;
  for (const word of statusWords) {
    const response = responseNamed(word, GUEST_STATUS_WORDS);
    if (response) return response;
  }
  return 'needsAction';
}

/** "32 guests" in the guests header (the card; the edit page has none). */
function countInHeader(root: Element): number | null {
  const header = queryFirst(root, 'guestCount');
  return header ? firstNumber(textOf(header)) : null;
}

/** "and 12 more": a row of the list that is not a guest but holds a number. */
function moreCount(list: Element | null): number | null {
  if (!list) return null;
  for (const child of Array.from(list.children)) {
    if (child.hasAttribute('data-email') || child.querySelector('[data-email]')) continue;
    const n = firstNumber(textOf(child));
    if (n !== null) return n;
  }
  return null;
}
