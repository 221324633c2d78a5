// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findCard } from '../../lib/calendar/google/selectors';
import { describeStructure, textShape } from '../../lib/calendar/google/structure';
import { cardFixtures, fixtureDocument } from '../helpers/fixtures';

/** Every name, address, title and time a card shows: its guests, its title, its time line's pieces. */
function secretsOf(doc: Document, card: Element): string[] {
  const secrets = new Set<string>();
  for (const row of Array.from(card.querySelectorAll('[data-email]'))) {
    const email = row.getAttribute('data-email') ?? '';
    secrets.add(email);
    secrets.add(email.split('@')[0] ?? '');
    secrets.add(email.split('@')[1] ?? '');
    for (const span of Array.from(row.querySelectorAll('[data-hovercard-id] span'))) {
      secrets.add(span.textContent?.trim() ?? '');
    }
  }
  const title = doc.getElementById('rAECCd')?.textContent?.trim() ?? '';
  secrets.add(title);
  secrets.add(doc.getElementById('xUserEmail')?.textContent?.trim() ?? '');
  secrets.add(card.querySelector('#xDetDlgLoc')?.getAttribute('data-text') ?? '');
  // The date and time line: the When row's text without the title.
  const when = (card.querySelector('#xDetDlgWhen, #xDetDlgWhenV2')?.textContent ?? '').replace(title, '');
  for (const piece of when.match(/\d{1,2}[:.]\d{2}|\p{L}{4,}/gu) ?? []) secrets.add(piece);
  secrets.add('k5058hfr4d2s30ltiuocpedthd');
  return [...secrets].filter((s) => s.length >= 3);
}

describe('the bug report copies the structure of a card, never its content', () => {
  for (const name of cardFixtures()) {
    it(`${name}: no name, address, title, place or time survives`, () => {
      const doc = fixtureDocument(name);
      const card = findCard(doc) as Element;
      const report = describeStructure(card, doc, 'no-time');
      const secrets = secretsOf(doc, card);
      expect(secrets.length).toBeGreaterThan(3);
      for (const secret of secrets) expect(report.toLowerCase(), secret).not.toContain(secret.toLowerCase());
      expect(report).toContain('div id=xDetDlg');
      expect(report).toMatch(/when: (none|0)/);
    });
  }

  it('keeps what a fix needs: tags, ids, roles, jsname, classes, data-* names and which selectors matched', () => {
    const doc = fixtureDocument('dialog.rotated.html');
    const report = describeStructure(findCard(doc) as Element, doc, 'no-time');
    expect(report).toContain('when: none');
    expect(report).toContain('guestList: 0');
    expect(report).toMatch(
      /div role=treeitem jsname=haAclf \.[\w.]+ \[data-email key aria-label jsaction\]|div role=treeitem/,
    );
    expect(report).toContain('[data-email');
    expect(report).not.toContain('data-email=');
  });

  it('keeps of a text only the kinds of characters in it', () => {
    expect(textShape('1:00 – 2:00pm')).toBe('digits letters : –');
    expect(textShape('Q4 planning review')).toBe('digits letters');
    expect(textShape('🎉 Launch')).toBe('letters');
    expect(textShape('   ')).toBe('');
  });
});
