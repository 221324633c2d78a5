// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSection } from '../../components/settings/SyncSection';
import { getDb } from '../../lib/db/app-db';
import { withUpgrades } from '../../lib/db/upgrades';
import { OFF } from '../../lib/sync/status';
import { startBackground } from '../helpers/background';
import { person } from '../helpers/people';

// The settings page's "Sync across your browsers": the passphrase (typed, or generated and copied, its strength
// said), turning sync on through the background, and what the section says once it is on.
const db = withUpgrades(getDb());
let root: HTMLElement;
let background: ReturnType<typeof startBackground>;
beforeEach(async () => {
  fakeBrowser.reset();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  background = startBackground(db);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  background.stop();
});
const tick = () => new Promise((r) => setTimeout(r, 0));
async function type(el: Element | null | undefined, value: string) {
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
}
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

describe('Sync across your browsers, in the settings', () => {
  it("says a passphrase's strength, generates one to copy, and turns sync on through the background", async () => {
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(root.querySelector('#sync-passphrase')).not.toBeNull());
    const field = root.querySelector('#sync-passphrase');
    expect(field?.getAttribute('type')).toBe('password');
    await type(field, 'too short');
    expect(root.querySelector('#sync-strength')?.textContent).toBe('Too short: at least 12 characters.');
    button('Turn on sync across browsers').click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe('Too short: at least 12 characters.'),
    );
    expect(await db.sync.count()).toBe(0);
    await type(field, 'summer holidays');
    expect(root.querySelector('#sync-strength')?.textContent).toMatch(/^Weak: /);

    button('Generate a passphrase').click();
    await tick();
    const generated = (root.querySelector('#sync-passphrase') as HTMLInputElement).value;
    expect(generated).toMatch(/^([a-z2-9]{5}-){5}[a-z2-9]{5}$/);
    expect(root.querySelector('#sync-passphrase')?.getAttribute('type')).toBe('text');
    expect(root.querySelector('#sync-strength')?.textContent).toMatch(/^Strong\. About \d+ bits\.$/);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button('Copy it').click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(generated));

    button('Turn on sync across browsers').click();
    await vi.waitFor(() =>
      expect(root.textContent).toContain('Sync is on. On your other browsers, open these settings and turn sync on'),
    );
    await vi.waitFor(() => expect(button('Sync browsers now')).toBeTruthy());
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain('bridges:meta');
  });

  it('once on: where it stands, what stays on this browser only and why, and an offer to bring in the history', async () => {
    await db.people.bulkAdd([
      person('priya@x.example', Date.now(), { displayName: 'Priya Raman' }),
      person('sam@x.example', Date.now(), { displayName: 'Sam Okafor' }),
    ]);
    await db.sync.put({
      name: 'state',
      value: {
        ...OFF,
        on: true,
        lastSyncAt: Date.parse('2026-12-07T10:00:00Z'),
        usage: { items: 19, bytes: 88_268 },
        leftOut: {
          decisions: 0,
          contacts: 0,
          notes: 2,
          digests: 1184,
          deletions: 0,
          people: ['priya@x.example', 'sam@x.example'],
        },
      },
    });
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(root.querySelector('.left-out')).not.toBeNull());
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(
      /^Last synced .+\. Bridges uses 19 items and 86 KB of the 100 KB your browser's sync allows\.$/,
    );
    expect([...root.querySelectorAll('.left-out li')].map((li) => li.textContent)).toEqual([
      'your notes about 2 people (Priya Raman and Sam Okafor)',
      'when you last met 1,184 people you have decided nothing about: your other browsers learn it from your calendar',
    ]);
    expect(root.querySelector('a[href="#/welcome"]')?.textContent).toBe(
      "Bring in your past meetings from Google Calendar's export",
    );
  });
});
