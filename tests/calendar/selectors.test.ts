// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findActionBar, findCard, queryAll, SELECTORS, type SelectorName } from '../../lib/calendar/google/selectors';
import { fixtureDocument } from '../helpers/fixtures';

// Every selector is checked against the saved pages for the number of matches it should have, so a fixture
// refresh that breaks one shows here first.
const card = fixtureDocument('dialog.en-12h.html');
const week = fixtureDocument('week-view.html');
const expected: Record<SelectorName, [doc: Document, count: number]> = {
  card: [card, 1],
  actionBar: [card, 1],
  actionBarButton: [card, 1],
  title: [card, 1],
  when: [card, 1],
  guestList: [card, 1],
  guest: [card, 6],
  guestName: [card, 6],
  guestFlag: [card, 2],
  guestStatusIcon: [card, 5],
  rsvpNo: [card, 1],
  userEmail: [card, 1],
  timeZone: [card, 1],
  locale: [card, 1],
  chip: [week, 11],
  dayColumn: [week, 7],
};

describe('Google Calendar selectors', () => {
  for (const name of Object.keys(SELECTORS) as SelectorName[]) {
    it(`${name} matches ${expected[name][1]} element(s) in its saved page`, () => {
      const [doc, count] = expected[name];
      expect(queryAll(doc, name)).toHaveLength(count);
    });
  }

  it('finds the card and its toolbar', () => {
    const found = findCard(card);
    expect(found?.id).toBe('xDetDlg');
    expect(found && findActionBar(found)?.querySelector('[aria-label="Edit event"]')).toBeTruthy();
  });

  it('falls back to the delete button when the toolbar class has rotated', () => {
    const doc = fixtureDocument('dialog.en-12h.html');
    doc.querySelector('.pPTZAe')?.classList.remove('pPTZAe');
    const found = findCard(doc);
    expect(found && findActionBar(found)?.contains(doc.getElementById('xDetDlgDelBu'))).toBe(true);
  });

  it('finds no card on a page without one open', () => {
    expect(findCard(week)).toBeNull();
  });
});
