// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatchUpContext } from '../../components/catch-up-context';
import { NeglectList } from '../../components/NeglectList';
import { CatchUpSection } from '../../components/settings/CatchUpSection';
import type { CatchUpHost } from '../../lib/catchup/plan';
import { type CatchUpSettings, DEFAULT_CATCH_UP } from '../../lib/catchup/settings';
import type { Person } from '../../lib/db/types';
import type { PeopleActions } from '../../lib/popup/actions';
import { rankNeglected } from '../../lib/relationships/rank';
import { DAY, person } from '../helpers/people';

// The catch-up controls in the popup's rows (their actions panel) and the settings' section, with a host that
// records what they ask for.
const NOW = new Date(2026, 10, 25, 15, 0).getTime();
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function host(settings: Partial<CatchUpSettings> = {}) {
  return {
    settings: vi.fn(async () => ({ ...DEFAULT_CATCH_UP, ...settings })),
    update: vi.fn(async () => undefined),
    open: vi.fn(async () => undefined),
    copy: vi.fn(async () => undefined),
  } satisfies CatchUpHost;
}

function list(people: Person[], catchUp: CatchUpHost) {
  const actions: PeopleActions = { logContact: vi.fn(async () => undefined), update: vi.fn(async () => undefined) };
  const onChanged = vi.fn();
  root = document.createElement('div');
  document.body.append(root);
  render(
    <CatchUpContext.Provider value={catchUp}>
      <NeglectList
        entries={rankNeglected(people, { now: NOW })}
        groups={new Map()}
        internalDomains={[]}
        now={NOW}
        actions={actions}
        label="People"
        onChanged={onChanged}
      />
    </CatchUpContext.Provider>,
    root,
  );
  return { onChanged };
}

const PRIYA = person('priya@finance.example', NOW - 70 * DAY, { displayName: 'Priya Raman', note: 'Budget season' });
const SAM = person('sam@partner.example', NOW - 40 * DAY, { displayName: 'Sam Okafor', planningSince: NOW - DAY });
const tick = () => new Promise((r) => setTimeout(r, 0));
const named = (name: string) =>
  [...root.querySelectorAll<HTMLElement>('button, a')].find((b) => b.getAttribute('aria-label') === name);
async function openMore(name: string) {
  named(`More for ${name}`)?.click();
  await vi.waitFor(() => expect(named(`Plan a catch-up with ${name}`)).toBeDefined());
}

describe("the popup's rows", () => {
  it('say "Catch-up being planned" while it lasts', () => {
    list([PRIYA, SAM], host());
    expect(root.querySelector('li[data-email="sam@partner.example"] .last-met')?.textContent).toBe(
      'Last met 5 weeks ago · Catch-up being planned',
    );
    expect(root.querySelector('li[data-email="priya@finance.example"] .last-met')?.textContent).toBe(
      'Last met 10 weeks ago',
    );
  });

  it("plan a catch-up from the row's actions: the mark, then the calendar, and the popup offers Undo", async () => {
    const h = host({ myName: 'Alex Morgan' });
    const { onChanged } = list([PRIYA, SAM], h);
    await openMore('Priya Raman');
    const plan = named('Plan a catch-up with Priya Raman');
    expect(plan?.tagName).toBe('BUTTON');
    expect(plan?.textContent).toBe('Plan a catch-up');
    plan?.click();
    await vi.waitFor(() => expect(h.open).toHaveBeenCalled());
    expect(h.update).toHaveBeenCalledWith(['priya@finance.example'], { planCatchUp: true });
    const url = new URL((h.open.mock.calls[0] as unknown as [string])[0]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Catch-up: Priya Raman / Alex Morgan',
      dates: `${stamp(new Date(2026, 10, 26, 10))}/${stamp(new Date(2026, 10, 26, 10, 30))}`,
      add: 'priya@finance.example',
    });
    await vi.waitFor(() =>
      expect(onChanged).toHaveBeenCalledWith(
        'priya@finance.example',
        'Your calendar is open in a new tab with an invitation for Priya Raman.',
        { planCatchUp: true },
      ),
    );
    expect(h.copy).not.toHaveBeenCalled();
  });

  it('email them from the row: a mailto: link with their address, opened in a new tab', async () => {
    const h = host();
    list([PRIYA], h);
    await openMore('Priya Raman');
    const email = named('Email Priya Raman') as HTMLAnchorElement;
    expect(email.getAttribute('href')).toBe('mailto:priya@finance.example');
    email.click();
    await vi.waitFor(() => expect(h.open).toHaveBeenCalledWith('mailto:priya@finance.example'));
    expect(h.update).not.toHaveBeenCalled();
  });

  it('"Not planning" takes the mark off, with Undo', async () => {
    const h = host();
    const { onChanged } = list([PRIYA, SAM], h);
    await openMore('Sam Okafor');
    expect(named('Not planning a catch-up with Priya Raman')).toBeUndefined();
    named('Not planning a catch-up with Sam Okafor')?.click();
    await vi.waitFor(() =>
      expect(onChanged).toHaveBeenCalledWith('sam@partner.example', 'No catch-up being planned with Sam Okafor.', {
        planningSince: null,
      }),
    );
    expect(h.update).toHaveBeenCalledWith(['sam@partner.example'], { planningSince: null });
  });

  it('with Outlook, says before the click that the guest is pasted, and copies their address on it', async () => {
    const h = host({ calendar: 'outlook-personal' });
    list([PRIYA], h);
    await openMore('Priya Raman');
    await vi.waitFor(() =>
      expect(root.querySelector('.catch-up .hint')?.textContent).toBe(
        "Outlook (personal) opens without the guest: Bridges copies Priya Raman's address for you to paste in.",
      ),
    );
    named('Plan a catch-up with Priya Raman')?.click();
    await vi.waitFor(() => expect(h.open).toHaveBeenCalled());
    expect(h.copy).toHaveBeenCalledWith('priya@finance.example');
    expect(new URL((h.open.mock.calls[0] as unknown as [string])[0]).host).toBe('outlook.live.com');
  });

  it('shows in the panel why the mark could not be written', async () => {
    const h = host();
    h.update.mockRejectedValueOnce(new Error('That person is not in Bridges.'));
    list([PRIYA], h);
    await openMore('Priya Raman');
    named('Plan a catch-up with Priya Raman')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Your calendar is open in a new tab with an invitation for Priya Raman. Bridges could not note the plan: That person is not in Bridges.',
      ),
    );
  });
});

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

describe('the settings section', () => {
  async function type(label: string, value: string) {
    const input = [...root.querySelectorAll('label')]
      .find((l) => l.querySelector('span')?.textContent === label)
      ?.querySelector('input');
    if (!input) throw new Error(`no ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
  }
  function section(value = DEFAULT_CATCH_UP) {
    const onSave = vi.fn(async () => undefined);
    root = document.createElement('div');
    document.body.append(root);
    render(<CatchUpSection value={value} onSave={onSave} />, root);
    return onSave;
  }

  it('saves the calendar, the length, the title and the name, and shows the title as it will read', async () => {
    const onSave = section();
    expect(root.querySelector('.preview strong')?.textContent).toBe('Catch-up: Priya Raman');
    root.querySelector<HTMLInputElement>('input[value="outlook-work"]')?.click();
    await tick();
    expect(root.querySelector('.hint')?.textContent).toContain('it copies their address to your clipboard');
    await type('Length', '45');
    await type('Title', 'Coffee: {their name} & {my name}');
    await type('Your name, for {my name}', 'Alex Morgan');
    expect(root.querySelector('.preview strong')?.textContent).toBe('Coffee: Priya Raman & Alex Morgan');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        calendar: 'outlook-work',
        minutes: 45,
        title: 'Coffee: {their name} & {my name}',
        myName: 'Alex Morgan',
      }),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        'Saved: your next catch-up is filled in this way.',
      ),
    );
  });

  it('refuses a length it cannot use, saying why, and saves nothing', async () => {
    const onSave = section();
    // (Out of range, the browser's own check of the field stops the form first.)
    await type('Length', '');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'A catch-up lasts a whole number of minutes, from 5 to 480.',
      ),
    );
    expect(onSave).not.toHaveBeenCalled();
  });
});
