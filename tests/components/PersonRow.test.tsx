// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_ROWS, NeglectList, PAGE_SIZE } from '../../components/NeglectList';
import type { PeopleActions } from '../../lib/popup/actions';
import { rankNeglected } from '../../lib/relationships/rank';
import { DAY, person } from '../helpers/people';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
let root: HTMLElement;
afterEach(() => root?.remove());

function setup(
  people = [
    person('priya@finance.example', NOW - 70 * DAY, { displayName: 'Priya Raman' }),
    person('sam@partner.example', NOW - 40 * DAY, { displayName: 'Sam Okafor', kind: 'partner' }),
    person('wei@x.example', NOW - 2 * DAY, { displayName: 'Wei Chen' }),
  ],
) {
  const actions: PeopleActions = { logContact: vi.fn(async () => undefined), update: vi.fn(async () => undefined) };
  const onChanged = vi.fn();
  root = document.createElement('div');
  document.body.append(root);
  const ranked = rankNeglected(people, { now: NOW });
  render(
    <NeglectList
      entries={ranked}
      groups={new Map()}
      internalDomains={[]}
      now={NOW}
      actions={actions}
      label="People"
      onChanged={onChanged}
    />,
    root,
  );
  return { actions, onChanged };
}

const rows = () => [...root.querySelectorAll('li.person')];
// Lets Preact re-render between steps, as it does between a person's clicks and keystrokes.
const tick = () => new Promise((r) => setTimeout(r, 0));
const click = async (el: Element | null | undefined) => {
  (el as HTMLElement).click();
  await tick();
};
/** Opens a row's panel; its code loads on first use, so wait for it. */
async function openPanel(label: RegExp) {
  await click(button(label));
  await vi.waitFor(() => expect(root.querySelector('.panel')).not.toBeNull());
}
async function type(el: HTMLInputElement | null | undefined, value: string) {
  if (!el) throw new Error('no input');
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
}
const button = (text: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof text === 'string' ? b.textContent === text : text.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );

describe('the neglect list', () => {
  it('shows each person with a status readable without colour, where they belong, and when last met', () => {
    setup();
    expect(rows().map((r) => r.querySelector('.status')?.textContent?.trim())).toEqual([
      '▲ Overdue',
      '◆ Due',
      '● On track',
    ]);
    expect(rows()[1]?.querySelector('.details')?.textContent).toBe('partner.example · Partner');
    expect(rows()[0]?.querySelector('.last-met')?.textContent).toBe('Last met 10 weeks ago');
  });

  it('renders a hostile name as text', () => {
    setup([person('m@evil.example', NOW - 90 * DAY, { displayName: '<img src=x onerror=alert(1)>' })]);
    expect(root.querySelector('.name')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('logs a contact: kind, note, and today by default', async () => {
    const { actions, onChanged } = setup();
    await openPanel(/^Log a contact with Priya/);
    await click(root.querySelector('input[value="coffee"]'));
    await type(root.querySelector<HTMLInputElement>('input[type="text"]'), 'Budget worries');
    await click(button('Log coffee'));
    await vi.waitFor(() =>
      expect(onChanged).toHaveBeenCalledWith('priya@finance.example', 'Logged a coffee with Priya Raman.', undefined),
    );
    const [input] = vi.mocked(actions.logContact).mock.calls[0] ?? [];
    expect(input).toMatchObject({ email: 'priya@finance.example', kind: 'coffee', note: 'Budget worries' });
    expect(Math.abs((input?.at ?? 0) - NOW)).toBeLessThan(1000 * 60 * 60 * 24);
  });

  it('logs a contact on an earlier day at midday of that day', async () => {
    const { actions } = setup();
    await openPanel(/^Log a contact with Priya/);
    await type(root.querySelector<HTMLInputElement>('input[type="date"]'), '2026-11-20');
    await click(button('Log call'));
    await vi.waitFor(() => expect(actions.logContact).toHaveBeenCalled());
    expect(vi.mocked(actions.logContact).mock.calls[0]?.[0].at).toBe(new Date(2026, 10, 20, 12).getTime());
  });

  it('shows the reason when the background refuses a contact', async () => {
    const { actions } = setup();
    vi.mocked(actions.logContact).mockRejectedValueOnce(new Error('A contact cannot be in the future.'));
    await openPanel(/^Log a contact with Priya/);
    await click(button('Log call'));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe('A contact cannot be in the future.'),
    );
  });

  it('says in the panel why the background refused a change, and keeps the panel open', async () => {
    const { actions, onChanged } = setup();
    vi.mocked(actions.update).mockRejectedValueOnce(new Error('That person is not in Bridges.'));
    await openPanel(/^More for Priya/);
    await click(button('Snooze a week'));
    await vi.waitFor(() =>
      expect(root.querySelector('.panel [role="alert"]')?.textContent).toBe('That person is not in Bridges.'),
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('snoozes for a week, marks as my team, ignores, sets priority and kind', async () => {
    const { actions, onChanged } = setup();
    await openPanel(/^More for Priya/);
    await click(button('Snooze a week'));
    expect(actions.update).toHaveBeenLastCalledWith(['priya@finance.example'], { snoozeFor: 'week' });
    expect(onChanged).toHaveBeenLastCalledWith('priya@finance.example', 'Snoozed Priya Raman for a week.', {
      snoozeFor: 'week',
    });
    await openPanel(/^More for Sam/);
    await click(button('Mark as my team'));
    expect(actions.update).toHaveBeenLastCalledWith(['sam@partner.example'], { team: true });
    await openPanel(/^More for Sam/);
    await click(button('Ignore'));
    expect(actions.update).toHaveBeenLastCalledWith(['sam@partner.example'], { ignored: true });
    await openPanel(/^More for Wei/);
    const select = root.querySelector('select');
    if (select) {
      select.value = 'high';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await vi.waitFor(() => expect(actions.update).toHaveBeenLastCalledWith(['wei@x.example'], { priority: 'high' }));
    await vi.waitFor(() => expect(root.querySelector('.panel')).toBeNull()); // a change closes the panel
    await openPanel(/^More for Wei/);
    const kind = root.querySelectorAll('select')[1];
    if (kind) {
      kind.value = 'customer';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await vi.waitFor(() => expect(actions.update).toHaveBeenLastCalledWith(['wei@x.example'], { kind: 'customer' }));
  });

  it('sets a cadence, and refuses one whose maximum is shorter than its ideal', async () => {
    const { actions } = setup();
    await openPanel(/^More for Priya/);
    const [ideal, max] = [...root.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    expect([ideal?.value, max?.value]).toEqual(['30', '60']);
    await type(ideal, '20');
    await type(max, '10');
    await click(button('Set cadence'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      "The cadence's maximum (10 days) must be at least its ideal interval (20 days).",
    );
    expect(actions.update).not.toHaveBeenCalled();
    await type(max, '40');
    await click(button('Set cadence'));
    expect(actions.update).toHaveBeenCalledWith(['priya@finance.example'], { idealDays: 20, maxDays: 40 });
  });

  it('closes a panel with Escape', async () => {
    setup();
    await openPanel(/^More for Priya/);
    expect(root.querySelector('.panel')).not.toBeNull();
    // The Escape listener is set up after the panel paints: press until it closes.
    await vi.waitFor(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      expect(root.querySelector('.panel')).toBeNull();
    });
  });

  it(`shows ${PAGE_SIZE} rows at a time`, async () => {
    setup(Array.from({ length: 60 }, (_, i) => person(`p${i}@x.example`, NOW - (40 + i) * DAY)));
    expect(rows()).toHaveLength(FIRST_PAINT_ROWS); // the first paint: what a popup shows without scrolling
    await vi.waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    await click(button('Show 25 more of 35'));
    expect(rows()).toHaveLength(50);
  });
});
