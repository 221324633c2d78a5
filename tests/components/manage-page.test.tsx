// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CatchUpContext } from '../../components/catch-up-context';
import { App } from '../../entrypoints/options/App';
import { pageCatchUpHost } from '../../lib/catchup/page-host';
import { getDb } from '../../lib/db/app-db';
import { startBackground } from '../helpers/background';
import { DAY, person } from '../helpers/people';

// The management page against the real background dispatcher, on fake-indexeddb and fakeBrowser.
const NOW = Date.now();
const db = getDb();
let root: HTMLElement;
let stop: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  stop = startBackground(db).stop;
  await Promise.all([db.people.clear(), db.interactions.clear(), db.groups.clear()]);
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 70 * DAY, { displayName: 'Priya Raman', note: 'Budget season' }),
    person('wei@x.example', NOW - 2 * DAY, { displayName: 'Wei Chen', note: 'Hiring two engineers' }),
    person('sam@partner.example', NOW - 45 * DAY, { displayName: 'Sam Okafor' }),
  ]);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  stop();
  location.hash = '';
});

const tick = () => new Promise((r) => setTimeout(r, 0));
const checkbox = (label: string) => root.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
const buttonNamed = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);
async function choose(label: string, value: string) {
  const select = root.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`);
  if (!select) throw new Error(`no select ${label}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
}
async function tickBox(label: string) {
  const box = checkbox(label);
  if (!box) throw new Error(`no checkbox ${label}`);
  box.click();
  await tick();
}

describe('the relationship audit', () => {
  it('acts only on the people the filters show: a selection hidden by a filter is not changed', async () => {
    location.hash = '#/people';
    render(<App />, root);
    await vi.waitFor(() => expect(checkbox('Select Priya Raman')).not.toBeNull());
    await tickBox('Select Priya Raman');
    await choose('Status', 'green'); // Priya is red: out of view now
    await vi.waitFor(() => expect(checkbox('Select Priya Raman')).toBeNull());
    expect(root.querySelector('.bulk')).toBeNull(); // nothing shown is selected
    await tickBox('Select Wei Chen');
    expect(root.querySelector('.bulk strong')?.textContent).toBe('1 selected');
    buttonNamed('Mark as my team')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Marked as my team: 1 person.'),
    );
    expect((await db.people.get('wei@x.example'))?.team).toBe(true);
    expect((await db.people.get('priya@finance.example'))?.team).toBe(false);
  });

  it('shows a bulk change that failed, rather than dropping it', async () => {
    location.hash = '#/people';
    render(<App />, root);
    await vi.waitFor(() => expect(checkbox('Select Sam Okafor')).not.toBeNull());
    await tickBox('Select Sam Okafor');
    vi.mocked(fakeBrowser.runtime.sendMessage).mockResolvedValueOnce(undefined as never); // nothing answered
    buttonNamed('Ignore')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Not changed: Bridges did not answer: it may have just been updated or restarted. Reload this page, then try again.',
      ),
    );
    expect((await db.people.get('sam@partner.example'))?.ignored).toBe(false);
  });
});

describe("a person's page", () => {
  it('does not carry an unsaved note to the next person', async () => {
    location.hash = '#/person/priya%40finance.example';
    render(<App />, root);
    const note = () => root.querySelector<HTMLTextAreaElement>('textarea');
    await vi.waitFor(() => expect(note()?.value).toBe('Budget season'));
    const area = note() as HTMLTextAreaElement;
    area.value = 'A draft about Priya';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    location.hash = '#/person/wei%40x.example';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(root.querySelector('h2')?.textContent).toBe('Wei Chen'));
    expect(note()?.value).toBe('Hiring two engineers');
  });

  it('plans a catch-up: the calendar opens in a new tab, the page says "Catch-up being planned", and Undo takes it back', async () => {
    await db.settings.put({
      name: 'catchUp',
      value: { calendar: 'google', minutes: 45, title: 'Catch-up: {their name} / {my name}', myName: 'Alex Morgan' },
    });
    location.hash = '#/person/priya%40finance.example';
    render(
      <CatchUpContext.Provider value={pageCatchUpHost}>
        <App />
      </CatchUpContext.Provider>,
      root,
    );
    const named = (name: string) =>
      [...root.querySelectorAll<HTMLElement>('button, a')].find((b) => b.getAttribute('aria-label') === name);
    await vi.waitFor(() => expect(named('Plan a catch-up with Priya Raman')).toBeDefined());
    expect(named('Email Priya Raman')?.getAttribute('href')).toBe('mailto:priya@finance.example');
    expect(named('Not planning a catch-up with Priya Raman')).toBeUndefined();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    named('Plan a catch-up with Priya Raman')?.click();
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const url = new URL(String(create.mock.calls[0]?.[0].url));
    expect(url.searchParams.get('text')).toBe('Catch-up: Priya Raman / Alex Morgan');
    const [start, end] = (url.searchParams.get('dates') ?? '').split('/');
    expect(
      Date.parse(`${end?.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z')}`) -
        Date.parse(`${start?.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z')}`),
    ).toBe(45 * 60_000);
    // Nothing of what the user keeps about her: not the note on this very page.
    expect(decodeURIComponent(url.href)).not.toContain('Budget season');
    await vi.waitFor(() => expect(root.querySelector('.person-head .tag')?.textContent).toBe('Catch-up being planned'));
    expect((await db.people.get('priya@finance.example'))?.planningSince).toBeGreaterThan(0);
    expect(root.querySelector('.catch-up [role="status"]')?.textContent).toContain(
      'Your calendar is open in a new tab with an invitation for Priya Raman.',
    );
    buttonNamed('Undo')?.click();
    await vi.waitFor(() => expect(root.querySelector('.person-head .tag')).toBeNull());
    expect((await db.people.get('priya@finance.example'))?.planningSince).toBeNull();
  });
});

describe("the audit's row actions", () => {
  it('offer to plan a catch-up with and email each person, named for screen readers, and say who is being planned', async () => {
    await db.people.update('sam@partner.example', { planningSince: NOW - DAY });
    location.hash = '#/people';
    render(
      <CatchUpContext.Provider value={pageCatchUpHost}>
        <App />
      </CatchUpContext.Provider>,
      root,
    );
    const labels = () =>
      [...root.querySelectorAll('.people-table .catch-up [aria-label]')].map((b) => b.getAttribute('aria-label'));
    await vi.waitFor(() => expect(labels()).toHaveLength(7));
    expect(labels()).toEqual([
      'Plan a catch-up with Priya Raman',
      'Email Priya Raman',
      'Plan a catch-up with Sam Okafor',
      'Email Sam Okafor',
      'Not planning a catch-up with Sam Okafor',
      'Plan a catch-up with Wei Chen',
      'Email Wei Chen',
    ]);
    const sam = [...root.querySelectorAll('.people-table tbody tr')].find((tr) =>
      tr.textContent?.includes('Sam Okafor'),
    );
    expect(sam?.querySelector('.tag')?.textContent).toBe('Catch-up being planned');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    (root.querySelector('[aria-label="Plan a catch-up with Priya Raman"]') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(root.querySelector('.audit > [role="status"]')?.textContent).toContain(
        'Your calendar is open in a new tab with an invitation for Priya Raman.',
      ),
    );
    expect(create).toHaveBeenCalledTimes(1);
  });
});
