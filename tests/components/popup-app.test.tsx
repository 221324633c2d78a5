// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CatchUpContext } from '../../components/catch-up-context';
import { App } from '../../entrypoints/popup/App';
import { getDb } from '../../lib/db/app-db';
import type { Interaction } from '../../lib/db/types';
import { popupCatchUpHost } from '../../lib/popup/catch-up-host';
import { FIRST_PAINT_KEY, firstPaintOf } from '../../lib/popup/first-paint';
import { readPopupSnapshot } from '../../lib/popup/snapshot';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { setSetting } from '../../lib/settings';
import { startBackground } from '../helpers/background';
import { DAY, person } from '../helpers/people';

// The whole popup against the real background handlers, on fake-indexeddb and fakeBrowser, with the clock set
// to a fixed day (both sides read the same mocked Date).
const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const db = getDb();
let root: HTMLElement;
let stop: () => void;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  stop = startBackground(db).stop;
  await Promise.all([db.people.clear(), db.interactions.clear(), db.groups.clear()]);
});
afterEach(() => {
  render(null, root);
  root.remove();
  stop();
  vi.useRealTimers();
});

async function open(): Promise<void> {
  root = document.createElement('div');
  document.body.append(root);
  // As entrypoints/popup/main.tsx renders it.
  render(
    <CatchUpContext.Provider value={popupCatchUpHost}>
      <App initial={await readPopupSnapshot()} />
    </CatchUpContext.Provider>,
    root,
  );
}
const names = () => [...root.querySelectorAll('.people .name')].map((n) => n.textContent);
const summary = () => root.querySelector('.summary')?.textContent;
/** What the background keeps in session storage for the popup's first paint (lib/popup/first-paint-keeper.ts). */
async function keepFirstScreen(change: (counts: { overdue: number; everyone: number }) => void = () => {}) {
  const settings = { myEmails: [], internalDomains: [], cadenceDefaults: DEFAULT_CADENCES };
  const kept = firstPaintOf(await db.people.toArray(), await db.groups.toArray(), settings, NOW);
  change(kept.counts);
  await fakeBrowser.storage.session.set({ [FIRST_PAINT_KEY]: kept });
}
const tick = () => new Promise((r) => setTimeout(r, 0));
const click = async (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await tick();
};
const byLabel = (label: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => label.test(b.getAttribute('aria-label') ?? ''));
const byText = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);

async function seed() {
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 70 * DAY, { displayName: 'Priya Raman' }),
    person('sam@partner.example', NOW - 45 * DAY, { displayName: 'Sam Okafor', priority: 'high' }),
    person('wei@x.example', NOW - 2 * DAY, { displayName: 'Wei Chen' }),
    person('jordan@x.example', NOW - 90 * DAY, { displayName: 'Jordan Lee', team: true }),
    person('mallory@evil.example', NOW - 35 * DAY, { displayName: '<img src=x onerror="window.__pwned=1">' }),
  ]);
}

describe('the popup', () => {
  it("offers a new user their past meetings from Google's export, and how to log the first one", async () => {
    await open();
    await vi.waitFor(() =>
      expect(root.querySelector('.first-run h2')?.textContent).toBe('Start with your past meetings'),
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    (root.querySelector('.first-run button') as HTMLButtonElement).click();
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/options.html#/welcome') });
    expect(root.querySelector('.first-run ol')?.textContent).toContain('Log meeting');
  });

  it('paints first the screen the background keeps, then the live data takes over', async () => {
    await seed();
    // Kept with a headline the data does not give, so that the first paint can be told from the live one.
    await keepFirstScreen((counts) => {
      counts.overdue = 7;
    });
    await open();
    // Rendered at once from what was kept, before the live data has connected.
    expect(summary()).toBe('7 overdue, 1 due outside your team');
    expect(names()).toEqual(['Sam Okafor', 'Priya Raman', '<img src=x onerror="window.__pwned=1">', 'Wei Chen']);
    expect(root.querySelector('.people img')).toBeNull();
    await vi.waitFor(() => expect(summary()).toBe('2 overdue, 1 due outside your team'));
    expect(names()).toEqual(['Sam Okafor', 'Priya Raman', '<img src=x onerror="window.__pwned=1">', 'Wei Chen']);
  });

  it('offers the rest of a long list from the kept screen, before the live data has everyone', async () => {
    await db.people.bulkAdd(
      Array.from({ length: 30 }, (_, i) => person(`p${i}@partner.example`, NOW - (40 + i) * DAY)),
    );
    await keepFirstScreen();
    await open();
    // The kept screen holds the first 25 of 30: the first paint shows 10 and offers the other 20.
    expect(names()).toHaveLength(10);
    expect(byText('Show 20 more of 20')).toBeDefined();
    await vi.waitFor(() => expect(names()).toHaveLength(25));
    expect(byText('Show 5 more of 5')).toBeDefined();
  });

  it('reads everyone when the kept screen no longer holds', async () => {
    await seed();
    await keepFirstScreen((counts) => {
      counts.overdue = 7;
    });
    vi.setSystemTime(new Date(2026, 10, 26, 0, 0)); // midnight: a new day ranks anew
    await open();
    // The first paint is of everyone, read from the database: the live data's headline from the start.
    expect(summary()).toBe('2 overdue, 1 due outside your team');
    expect(names()).toHaveLength(4);
  });

  it('shows the first run from a kept screen of nobody, until the live data says otherwise', async () => {
    await keepFirstScreen();
    await seed();
    await open();
    expect(root.querySelector('.first-run')).not.toBeNull();
    await vi.waitFor(() => expect(names()).toHaveLength(4));
  });

  it('counts what is overdue and lists people outside the team, most neglected first', async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(names()).toHaveLength(4));
    // One word, one meaning: the headline's "overdue" are the rows labelled Overdue (red); the due are apart.
    expect(root.querySelector('.summary')?.textContent).toBe('2 overdue, 1 due outside your team');
    const statuses = [...root.querySelectorAll('.people .status')].map((s) => s.textContent ?? '');
    expect(statuses.filter((s) => s.includes('Overdue'))).toHaveLength(2);
    expect(statuses.filter((s) => s.includes('Due'))).toHaveLength(1);
    expect(names()).toEqual(['Sam Okafor', 'Priya Raman', '<img src=x onerror="window.__pwned=1">', 'Wei Chen']);
    expect(root.querySelector('.people img')).toBeNull();
  });

  it("shows the week's stretch, the same one on every open this week", async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(root.querySelector('.stretch .name')?.textContent).toBeTruthy());
    const first = root.querySelector('.stretch .name')?.textContent;
    render(null, root);
    await db.people.update('wei@x.example', { lastMetAt: NOW - 400 * DAY });
    await open();
    await vi.waitFor(() => expect(root.querySelector('.stretch .name')?.textContent).toBe(first));
  });

  it('logging a contact turns the row green, live', async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(names()).toHaveLength(4));
    await click(byLabel(/^Log a contact with Priya/));
    await vi.waitFor(() => expect(root.querySelector('.panel')).not.toBeNull());
    await click(byText('Log call'));
    await vi.waitFor(() =>
      expect(root.querySelector('li[data-email="priya@finance.example"] .status')?.textContent).toContain('On track'),
    );
    // The toast comes when the action's answer does, which may be after the live list has turned the row green.
    await vi.waitFor(() =>
      expect(root.querySelector('.toast')?.textContent).toContain('Logged a call with Priya Raman.'),
    );
    expect(root.querySelector('.summary')?.textContent).toBe('1 overdue, 1 due outside your team');
  });

  it('snoozing removes the person from the list, and Undo brings them back', async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(names()).toContain('Sam Okafor'));
    await click(byLabel(/^More for Sam/));
    await vi.waitFor(() => expect(root.querySelector('.panel')).not.toBeNull());
    await click(byText('Snooze a month'));
    await vi.waitFor(() => expect(names()).not.toContain('Sam Okafor'));
    const until = (await db.people.get('sam@partner.example'))?.snoozedUntil ?? 0;
    expect(Math.abs(until - new Date(2026, 11, 25, 15, 0).getTime())).toBeLessThan(60_000); // a month from now
    await click(byText('Undo'));
    await vi.waitFor(() => expect(names()).toContain('Sam Okafor'));
  });

  it('planning a catch-up opens the calendar, marks the row, takes them out of the headline, and Undo puts it back', async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(names()).toContain('Priya Raman'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await click(byLabel(/^More for Priya/));
    await vi.waitFor(() => expect(byLabel(/^Plan a catch-up with Priya Raman$/)).toBeDefined());
    await click(byLabel(/^Plan a catch-up with Priya Raman$/));
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const url = new URL(String(create.mock.calls[0]?.[0].url));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('text')).toBe('Catch-up: Priya Raman');
    expect(url.searchParams.get('add')).toBe('priya@finance.example');
    // Stamped by the background, at the click (the test's clock moves on only as the test waits).
    expect((await db.people.get('priya@finance.example'))?.planningSince).toBeGreaterThanOrEqual(NOW);
    const row = () => root.querySelector('li[data-email="priya@finance.example"] .last-met')?.textContent;
    await vi.waitFor(() => expect(row()).toBe('Last met 10 weeks ago · Catch-up being planned'));
    expect(root.querySelector('.summary')?.textContent).toBe('1 overdue, 1 due outside your team; 1 being planned');
    await click(byText('Undo'));
    await vi.waitFor(() => expect(row()).toBe('Last met 10 weeks ago'));
    expect((await db.people.get('priya@finance.example'))?.planningSince).toBeNull();
    expect(root.querySelector('.summary')?.textContent).toBe('2 overdue, 1 due outside your team');
  });

  it("the week's stretch plans a catch-up, and logs a contact that already happened", async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(root.querySelector('.stretch .name')?.textContent).toBeTruthy());
    const name = root.querySelector('.stretch .name')?.textContent ?? '';
    const plan = [...root.querySelectorAll('.stretch button')].find((b) => b.textContent === 'Plan a catch-up');
    expect(plan?.getAttribute('aria-label')).toBe(`Plan a catch-up with ${name}`);
    expect(plan?.className).toBe('primary');
    expect(root.querySelector('.stretch a')?.getAttribute('aria-label')).toBe(`Email ${name}`);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await click(plan);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    await vi.waitFor(() =>
      expect(root.querySelector('.stretch .details')?.textContent).toMatch(/ · Catch-up being planned$/),
    );
    await click(byLabel(new RegExp(`^Log a contact with ${name}$`)));
    await vi.waitFor(() => expect(root.querySelector('.stretch form.panel')).not.toBeNull());
  });

  it('marking someone as my team removes them from the list', async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(names()).toContain('Priya Raman'));
    await click(byLabel(/^More for Priya/));
    await vi.waitFor(() => expect(root.querySelector('.panel')).not.toBeNull());
    await click(byText('Mark as my team'));
    await vi.waitFor(() => expect(names()).not.toContain('Priya Raman'));
    expect((await db.people.get('priya@finance.example'))?.team).toBe(true);
  });

  it('searches everyone by name, email or organisation, teammates included', async () => {
    await seed();
    await open();
    await vi.waitFor(() => expect(names()).toHaveLength(4));
    const search = root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error('no search box');
    for (const [query, expected] of [
      ['finance', ['Priya Raman']],
      ['jordan', ['Jordan Lee']],
      ['zzz', []],
    ] as const) {
      search.value = query;
      search.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.waitFor(() => expect(names()).toEqual(expected));
    }
    expect(root.querySelector('.empty')?.textContent).toBe('No one matches.');
  });

  it('suggests a teammate met twice a week for four weeks, and changes nothing until told', async () => {
    await seed();
    const meetings: Interaction[] = [1, 3, 8, 10, 15, 17, 22, 24].map((d) => ({
      key: `m${d}`,
      kind: 'meeting',
      source: 'google-calendar',
      title: 'Sync',
      start: NOW - d * DAY,
      end: NOW - d * DAY,
      allDay: false,
      people: ['wei@x.example'],
      attendees: [],
      calendarId: null,
      loggedAt: 0,
    }));
    await db.interactions.bulkAdd(meetings);
    await open();
    await vi.waitFor(() =>
      expect(root.querySelector('.suggestion')?.textContent).toContain(
        'Wei Chen looks like a teammate: 8 meetings in the last 4 weeks.',
      ),
    );
    expect((await db.people.get('wei@x.example'))?.team).toBe(false);
    await click(byText('Not my team'));
    await vi.waitFor(() => expect(root.querySelector('.suggestion')).toBeNull());
    expect(await db.people.get('wei@x.example')).toMatchObject({ team: false, teamSuggestionDismissed: true });
  });

  it('leaves out my own addresses', async () => {
    await seed();
    await setSetting(db, 'myEmails', ['wei@x.example']);
    await open();
    await vi.waitFor(() => expect(names()).toHaveLength(3));
    expect(names()).not.toContain('Wei Chen');
  });
});
