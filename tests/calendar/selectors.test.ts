// @vitest-environment happy-dom
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEventCard } from '../../lib/calendar/google/card';
import { readEditPage } from '../../lib/calendar/google/edit-page';
import {
  findActionBar,
  findCard,
  findEditEvent,
  matchedEntry,
  queryAll,
  SELECTORS,
  type SelectorName,
} from '../../lib/calendar/google/selectors';
import { FIXTURES, fixtureDocument } from '../helpers/fixtures';

// Every selector is checked against the saved pages for the number of matches it should have, so a fixture
// refresh that breaks one shows here first.
const card = fixtureDocument('dialog.en-12h.html');
const group = fixtureDocument('dialog.group.html');
const week = fixtureDocument('week-view.html');
const edit = fixtureDocument('edit.en.html');
const firstChip = (doc: Document) => doc.querySelector('[data-eventchip]') as Element;

/** The page each selector is checked on (and its fallbacks' variants are made from), and where it looks. */
const PAGES: Record<SelectorName, { base: string; scope: (doc: Document) => ParentNode; count: number }> = {
  card: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  actionBar: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  actionBarButton: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  title: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  whenRow: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  when: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  guestList: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  guest: { base: 'dialog.en-12h.html', scope: (d) => d, count: 6 },
  guestName: { base: 'dialog.en-12h.html', scope: (d) => d, count: 6 },
  guestFlag: { base: 'dialog.en-12h.html', scope: (d) => d, count: 2 },
  guestStatusIcon: { base: 'dialog.en-12h.html', scope: (d) => d, count: 5 },
  guestGroup: { base: 'dialog.group.html', scope: (d) => d, count: 1 },
  guestCount: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  rsvpButtons: { base: 'dialog.en-12h.html', scope: (d) => d, count: 3 },
  userEmail: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  timeZone: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  locale: { base: 'dialog.en-12h.html', scope: (d) => d, count: 1 },
  chip: { base: 'week-view.html', scope: (d) => d, count: 11 },
  chipLabel: { base: 'dialog.en-12h.html', scope: firstChip, count: 1 },
  dayColumn: { base: 'week-view.html', scope: (d) => d, count: 7 },
  editEvent: { base: 'edit.en.html', scope: (d) => d, count: 1 },
  editTitle: { base: 'edit.en.html', scope: (d) => d, count: 1 },
  editDates: { base: 'edit.en.html', scope: (d) => d, count: 2 },
  editTimes: { base: 'edit.en.html', scope: (d) => d, count: 2 },
  editAllDay: { base: 'edit.en.html', scope: (d) => d, count: 1 },
  editSave: { base: 'edit.en.html', scope: (d) => d, count: 1 },
};

const NOW = Date.UTC(2026, 11, 1);
const OPTIONS = { now: NOW, fallbackTimeZone: 'UTC' };
const URL_OF_EDIT = 'https://calendar.google.com/calendar/u/0/r/eventedit/x';
function readPage(doc: Document, name: string) {
  return name.startsWith('edit.')
    ? readEditPage(doc, URL_OF_EDIT, OPTIONS)
    : readEventCard(doc, findCard(doc), OPTIONS);
}

describe('Google Calendar selectors', () => {
  for (const name of Object.keys(SELECTORS) as SelectorName[]) {
    const { base, scope, count } = PAGES[name];
    it(`${name} matches ${count} element(s) in ${base}, with its primary entry`, () => {
      const doc = fixtureDocument(base);
      expect(queryAll(scope(doc), name)).toHaveLength(count);
      expect(matchedEntry(scope(doc), name)).toBe(0);
    });
  }

  // Each fallback has a generated variant of its page (scripts/make-calendar-fixtures.mjs) in which the entries
  // before it match nothing: there, the fallback must match and the page must read exactly as before.
  for (const name of Object.keys(SELECTORS) as SelectorName[]) {
    const { base, scope } = PAGES[name];
    SELECTORS[name].forEach((selector, entry) => {
      if (entry === 0) return;
      const variant = `${base.startsWith('edit.') ? 'edit' : 'dialog'}.fallback-${name}-${entry}.html`;
      it(`${name}[${entry}] ${selector} carries the read in ${variant}`, () => {
        expect(existsSync(`${FIXTURES}${variant}`), `${variant} is missing: add it to the fixture script`).toBe(true);
        const doc = fixtureDocument(variant);
        expect(matchedEntry(scope(doc), name)).toBe(entry);
        const before = readPage(fixtureDocument(base), base);
        const after = readPage(doc, variant);
        expect(after.ok).toBe(true);
        expect(after).toEqual(before);
      });
    });
  }

  it('finds the card and its toolbar', () => {
    const found = findCard(card);
    expect(found?.id).toBe('xDetDlg');
    expect(found && findActionBar(found)?.querySelector('[aria-label="Edit event"]')).toBeTruthy();
  });

  it('falls back to the edit button when the toolbar class and the delete button id are gone', () => {
    const doc = fixtureDocument('dialog.fallback-actionBarButton-1.html');
    const found = findCard(doc);
    expect(found && findActionBar(found)?.querySelector('[aria-label="Edit event"]')).toBeTruthy();
  });

  it('finds a card whose id is only in its jslog', () => {
    const doc = fixtureDocument('dialog.fallback-card-1.html');
    expect(findCard(doc)?.id).toBe('xDetDlg');
    expect(findCard(doc)?.hasAttribute('data-eventid')).toBe(false);
  });

  it('finds no card on a page without one open, and the edit page has its event', () => {
    expect(findCard(week)).toBeNull();
    expect(findEditEvent(edit)?.getAttribute('data-eventid')).toBe(
      card.getElementById('xDetDlg')?.getAttribute('data-eventid'),
    );
    expect(findEditEvent(group)).toBeNull();
    const creating = fixtureDocument('edit.en.html');
    creating.querySelector('[data-is-create]')?.setAttribute('data-is-create', 'true');
    expect(findEditEvent(creating)).toBeNull();
  });
});
