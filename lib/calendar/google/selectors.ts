/**
 * Every selector Bridges uses on Google Calendar's markup, in one place. Calendar's class names are build
 * hashes that rotate, so each entry prefers ids, roles and data-* attributes and lists fallbacks, newest
 * first, each with the date it was last seen. tests/calendar/selectors.test.ts checks each one against the
 * saved pages in tests/fixtures/google-calendar/.
 */
export const SELECTORS = {
  /**
   * The event details card ("bubble"); stays in the DOM, hidden, after closing and is reused. First looked up
   * by its id (CARD_ID, 2026-11) in findCard(); these are the fallbacks.
   */
  card: [
    '[role="dialog"][data-chips-dialog="true"] [data-eventid]', // 2018-12 .. 2026-11
  ],
  /** The card's toolbar (edit, delete, options) where the Log control goes. */
  actionBar: [
    '.pPTZAe', // 2023-01 .. 2026-11 (Toggl, quick-duplicate)
  ],
  /** Toolbar buttons whose parent's parent is the toolbar, when its class has rotated. */
  actionBarButton: [
    '#xDetDlgDelBu', // 2026-11
    'button[jsname="DyVDA"]', // edit, 2023 .. 2026-11
  ],
  title: [
    '#rAECCd', // 2026-11: span[role=heading] inside #xDetDlgWhen
    '[role="heading"][aria-level="1"]', // 2018 .. 2026
  ],
  /** The date and time line: "Tuesday, November 24⋅1:00 – 2:00pm". */
  when: [
    '#xDetDlgWhen .AzuXid', // 2024-04 .. 2026-11 (Clockify, 2026 JSDOM fixture)
    '#xDetDlgWhen [role="heading"] ~ div', // structural fallback
  ],
  guestList: [
    '[role="tree"][jsname="MsyPn"]', // 2026-09
    '[jsname="MsyPn"]', // 2023 .. 2025
    '#xDetDlgAtt ~ [role="tree"]',
  ],
  guest: [
    '[role="treeitem"][data-email]', // 2026-09
    '[data-email]', // 2023 .. 2025
  ],
  guestName: ['.SDqFWd span', '[data-hovercard-id] span'],
  /** "Organizer" / "Optional" sub-line of a guest. */
  guestFlag: ['.dHiIVd'],
  /** The guest's status badge icon (an inline SVG: tick, cross or question mark). */
  guestStatusIcon: ['.kAfU4b svg path', '[aria-hidden="true"] svg path'],
  /** "Respond No" button of the signed-in user's RSVP footer. */
  rsvpNo: ['#xRsvpNoBu'],
  userEmail: ['#xUserEmail'],
  timeZone: ['#xTimezone'],
  locale: ['#xUserLocale'],
  /** A chip in the grid; its day column carries the date without language: data-datekey. */
  chip: ['[data-eventchip][data-eventid]'],
  dayColumn: ['[data-datekey]'],
} as const;

export type SelectorName = keyof typeof SELECTORS;

/** The first element matching any of the named selectors, tried in order. */
export function queryFirst(root: ParentNode, name: SelectorName): Element | null {
  for (const selector of SELECTORS[name]) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** All elements matching the first of the named selectors that matches anything. */
export function queryAll(root: ParentNode, name: SelectorName): Element[] {
  for (const selector of SELECTORS[name]) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** The card's id (2026-11): an id lookup is the cheapest test a mutation batch can make. */
export const CARD_ID = 'xDetDlg';

/** The visible event card, or null. Cheap enough for every mutation batch: an id lookup first. */
export function findCard(doc: Document): Element | null {
  const byId = doc.getElementById(CARD_ID);
  if (byId?.hasAttribute('data-eventid')) return byId;
  return queryFirst(doc, 'card');
}

/** Where the Log control goes in a card: its toolbar, or null when the toolbar cannot be found. */
export function findActionBar(card: Element): Element | null {
  const bar = queryFirst(card, 'actionBar');
  if (bar) return bar;
  const button = queryFirst(card, 'actionBarButton');
  // Toolbar > wrapper div > tooltip span > button.
  return button?.closest('span')?.parentElement?.parentElement ?? null;
}
