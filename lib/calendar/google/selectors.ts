/**
 * Every selector Bridges uses on Google Calendar's markup, in one place. Calendar's class names are build
 * hashes that rotate, so each entry prefers ids, roles and data-* attributes and lists fallbacks, newest
 * first, each with the date it was last seen. tests/calendar/selectors.test.ts checks each one against the
 * saved pages in tests/fixtures/google-calendar/, and for every fallback a generated variant of the page in
 * which the entries before it match nothing, so that the fallback must carry the read.
 */
export const SELECTORS = {
  /**
   * The event details card ("bubble"); stays in the DOM, hidden, after closing and is reused. First looked up
   * by its id (CARD_ID, 2026-11) in findCard(); these are the fallbacks.
   */
  card: [
    '[role="dialog"][data-chips-dialog="true"] [data-eventid]', // 2018-12 .. 2026-11
    "[role='dialog'][data-chips-dialog='true'] [jslog*='2:[\"']", // a card whose id is only in its jslog
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
  /** The row that holds the title and the date and time line; its id is stable (2019 .. 2026-11). */
  whenRow: ['#xDetDlgWhen'],
  /**
   * The date and time line: "Tuesday, November 24⋅1:00 – 2:00pm". A fast path only: the class rotates
   * (DN1TJ until 2024-04), so findWhenLine() checks what it finds and otherwise searches the When row by
   * structure and content.
   */
  when: [
    '#xDetDlgWhen .AzuXid', // 2024-04 .. 2026-11 (Clockify, 2026 JSDOM fixture)
  ],
  guestList: [
    '[role="tree"][jsname="MsyPn"]', // 2026-09
    '[jsname="MsyPn"]', // 2023 .. 2025, and the edit page (2026-11)
    '[role="tree"]', // the card's only tree, whatever its jsname
  ],
  guest: [
    '[role="treeitem"][data-email]', // 2026-09
    '[data-email]', // 2023 .. 2025, and the edit page
  ],
  guestName: [
    '.SDqFWd span', // 2023 .. 2026-11
    '[data-hovercard-id] span', // the hovercard target holds the name whatever its classes
  ],
  /** "Organizer" / "Optional" sub-line of a guest. */
  guestFlag: [
    '.dHiIVd', // 2023 .. 2026-11
    '[data-hovercard-id] > div + div', // the line after the name
  ],
  /** The guest's status badge icon (an inline SVG: tick, cross or question mark). */
  guestStatusIcon: [
    '.kAfU4b svg path', // 2026-11
    '[aria-hidden="true"] svg path', // the avatar's badge, whatever its classes
  ],
  /** A Google Group among the guests: a row that expands to its members (2026-11). */
  guestGroup: [
    '[data-is-expandable="true"]', // 2026-11
    '[role="treeitem"][aria-expanded][data-email]', // a tree row that opens is a group
  ],
  /** The guests header: "6 guests" and the answers' summary. */
  guestCount: [
    '#xDetDlgAtt .UfeRlc', // 2026-11
    '#xDetDlgAtt', // its first number
  ],
  /** The signed-in user's answer buttons (Yes, No, Maybe, in that order) in the card's footer. */
  rsvpButtons: [
    '#xRsvpYesBu, #xRsvpNoBu, #xRsvpMaybeBu', // 2026-11
    'button[data-button-type="actionButton"][aria-pressed]', // the same three, by what they do
  ],
  userEmail: ['#xUserEmail'],
  timeZone: ['#xTimezone'],
  locale: ['#xUserLocale'],
  /** A chip in the grid; its day column carries the date without language: data-datekey. */
  chip: ['[data-eventchip][data-eventid]'],
  /** A chip's visually hidden label: "1pm to 2pm, Q4 planning review, Alex Morgan, Declined, …". */
  chipLabel: [
    '.XuJrye', // 2023 .. 2026-11 (ynRLnc until 2023)
    ':scope > div:not([aria-hidden])', // the chip's only child that is not hidden from screen readers
  ],
  dayColumn: ['[data-datekey]'],

  // The full event page, /r/eventedit/<id> (2026-11; lower confidence than the card).
  /** The edit page's event: carries the same data-eventid as the chip and the card. */
  editEvent: [
    '[jsname="SF0uGd"][data-eventid]', // 2026-11 (Zoom Scheduler, Electron harness)
    '[data-is-create="false"] [data-eventid]', // the page of an existing event (Toggl 2025-03)
  ],
  editTitle: [
    '#xTiIn', // 2026-11
    'input[data-initial-value]:not([jsname])', // the one text input without a jsname
  ],
  /** Start and end date inputs; data-date="YYYYMMDD" holds the day without language. */
  editDates: [
    '#xStDaIn, #xEnDaIn', // 2026-11
    'input[data-date]', // the two inputs that carry a day
  ],
  /** Start and end time inputs; data-initial-value holds the saved time ("1:00pm", "13:00"). */
  editTimes: [
    '#xStTiIn, #xEnTiIn', // 2026-11
    'input[jsname="YPqjbf"][data-initial-value]:not([data-date]):not([role])', // date-row inputs without a day
  ],
  editAllDay: ['#xAlDaCbx'],
  /** The edit page's Save button: the Log control goes just before it. */
  editSave: [
    '#xSaveBu', // 2026-11
    '[jsname="x8hlje"]', // the same button by its jsname
  ],
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

/** Which entry of the named selectors matched (0 is the primary), or -1: for bug reports and tests. */
export function matchedEntry(root: ParentNode, name: SelectorName): number {
  return SELECTORS[name].findIndex((selector) => root.querySelector(selector) !== null);
}

/** The card's id (2026-11): an id lookup is the cheapest test a mutation batch can make. */
export const CARD_ID = 'xDetDlg';

/** The visible event card, or null. Cheap enough for every mutation batch: an id lookup first. */
export function findCard(doc: Document): Element | null {
  const byId = doc.getElementById(CARD_ID);
  if (byId && (byId.hasAttribute('data-eventid') || byId.hasAttribute('jslog'))) return byId;
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

/** Whether `url` is Calendar's full event page (/r/eventedit/<id>): a string test, cheap for every batch. */
export function isEditPageUrl(url: string): boolean {
  return url.includes('/r/eventedit/');
}

/** The edit page's event element, or null; a new event's page (not yet saved) has nothing to log. */
export function findEditEvent(doc: Document): Element | null {
  const found = queryFirst(doc, 'editEvent');
  return found?.closest('[data-is-create="true"]') ? null : found;
}
