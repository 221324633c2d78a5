import { describe, expect, it, vi } from 'vitest';
import { type CatchUpHost, emailThem, planCatchUp, stopPlanning } from '../../lib/catchup/plan';
import { type CatchUpSettings, DEFAULT_CATCH_UP } from '../../lib/catchup/settings';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const PRIYA = { email: 'priya@finance.example', displayName: 'Priya Raman', planningSince: null };

/** A host that records, in order, what the controls asked of it. */
function host(settings: Partial<CatchUpSettings> = {}, fail: Partial<Record<'update' | 'open' | 'copy', Error>> = {}) {
  const calls: string[] = [];
  const act = (name: 'update' | 'open' | 'copy') =>
    vi.fn(async (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      if (fail[name]) throw fail[name];
    });
  const h = {
    settings: vi.fn(async () => ({ ...DEFAULT_CATCH_UP, ...settings })),
    update: act('update'),
    open: act('open'),
    copy: act('copy'),
  } satisfies CatchUpHost;
  return Object.assign(h, { calls });
}

describe('Plan a catch-up', () => {
  it('asks the background to mark them before the calendar opens (a new tab closes the popup), and copies nothing for Google', async () => {
    const h = host();
    const outcome = await planCatchUp(h, PRIYA, NOW);
    expect(h.calls.map((c) => c.split(' ')[0])).toEqual(['update', 'open']);
    expect(h.update).toHaveBeenCalledWith(['priya@finance.example'], { planCatchUp: true });
    const [url] = h.open.mock.calls[0] as [string];
    expect(new URL(url).searchParams.get('add')).toBe('priya@finance.example');
    expect(h.copy).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      message: 'Your calendar is open in a new tab with an invitation for Priya Raman.',
      error: false,
      undo: { planningSince: null },
    });
  });

  it('for Outlook, puts their address on the clipboard first, while the click still counts, and says to paste it', async () => {
    const h = host({ calendar: 'outlook-work' });
    const outcome = await planCatchUp(h, { ...PRIYA, planningSince: NOW - 9 * 86_400_000 }, NOW);
    expect(h.calls.map((c) => c.split(' ')[0])).toEqual(['copy', 'update', 'open']);
    expect(h.copy).toHaveBeenCalledWith('priya@finance.example');
    expect(new URL((h.open.mock.calls[0] as [string])[0]).host).toBe('outlook.office.com');
    expect(outcome.message).toBe(
      "Outlook is open in a new tab. Priya Raman's address is on your clipboard: paste it as the guest.",
    );
    // Undo puts back the earlier (lapsed) mark as it was.
    expect(outcome.undo).toEqual({ planningSince: NOW - 9 * 86_400_000 });
  });

  it('when the clipboard refuses, gives the address to type instead', async () => {
    const h = host({ calendar: 'outlook-personal' }, { copy: new Error('Document is not focused.') });
    const outcome = await planCatchUp(h, PRIYA, NOW);
    expect(h.open).toHaveBeenCalled();
    expect(outcome).toMatchObject({
      message: 'Outlook is open in a new tab: add priya@finance.example as the guest.',
      error: false,
    });
  });

  it('opens the calendar even when the mark cannot be written, and says so, with nothing to undo', async () => {
    const h = host({}, { update: new Error('That person is not in Bridges.') });
    const outcome = await planCatchUp(h, PRIYA, NOW);
    expect(h.open).toHaveBeenCalled();
    expect(outcome).toEqual({
      message:
        'Your calendar is open in a new tab with an invitation for Priya Raman. Bridges could not note the plan: That person is not in Bridges.',
      error: true,
      undo: null,
    });
  });

  it('when no tab can open, takes the mark back: there is no invitation to finish', async () => {
    const h = host({}, { open: new Error('Tabs cannot be edited right now.') });
    const outcome = await planCatchUp(h, PRIYA, NOW);
    expect(h.update.mock.calls).toEqual([
      [['priya@finance.example'], { planCatchUp: true }],
      [['priya@finance.example'], { planningSince: null }],
    ]);
    expect(outcome).toEqual({
      message: 'Bridges could not open your calendar: Tabs cannot be edited right now.',
      error: true,
      undo: null,
    });
  });
});

describe('Not planning, and Email', () => {
  it('clears the mark, with Undo putting it back', async () => {
    const h = host();
    const outcome = await stopPlanning(h, { ...PRIYA, planningSince: NOW - 86_400_000 });
    expect(h.update).toHaveBeenCalledWith(['priya@finance.example'], { planningSince: null });
    expect(outcome).toEqual({
      message: 'No catch-up being planned with Priya Raman.',
      error: false,
      undo: { planningSince: NOW - 86_400_000 },
    });
  });

  it('opens a new message to their address, and changes nothing', async () => {
    const h = host();
    expect(await emailThem(h, PRIYA)).toBeNull();
    expect(h.open).toHaveBeenCalledWith('mailto:priya@finance.example');
    expect(h.update).not.toHaveBeenCalled();
  });
});
