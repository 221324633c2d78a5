// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrepEmpty, PrepPanel } from '../../components/PrepPanel';
import type { Brief } from '../../lib/prep/model';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const BRIEF: Brief = {
  known: [
    {
      email: 'priya@finance.example',
      name: 'Priya Raman',
      status: 'red',
      plan: null,
      lastMet: 'Last met 10 weeks ago',
      note: 'her biggest challenge is the Q2 hiring plan',
      thanksOwed: true,
      affiliation: 'Finance',
    },
    {
      email: 'jordan@example.com',
      name: '<img src=x onerror=alert(1)>Jordan',
      status: 'green',
      plan: 'Booked Thu 3 Dec',
      lastMet: 'Last met 10 days ago',
      note: '<b>not bold</b>',
      thanksOwed: false,
      affiliation: 'Your company',
    },
  ],
  newGuests: ['new.person@gmail.com', 'dana@example.net'],
};

function show(collapsed: boolean, brief = BRIEF) {
  root = document.createElement('div');
  document.body.append(root);
  const onToggle = vi.fn();
  render(<PrepPanel brief={brief} collapsed={collapsed} onToggle={onToggle} />, root);
  return onToggle;
}
const words = () => (root.textContent ?? '').replace(/\s+/g, ' ').trim();
const toggle = () => root.querySelector('button') as HTMLButtonElement;

describe('"Before you meet"', () => {
  it('shows each known guest: name, status in words, plan, where they belong, last met, thanks, note', () => {
    show(false);
    const items = [...root.querySelectorAll('li.guest')].map((li) =>
      [...li.querySelectorAll('.name, .status, .plan, .details, .note')].map((part) => part.textContent),
    );
    expect(items).toEqual([
      [
        'Priya Raman',
        '▲ Overdue',
        'Finance · Last met 10 weeks ago · You owe them thanks',
        'her biggest challenge is the Q2 hiring plan',
      ],
      [
        '<img src=x onerror=alert(1)>Jordan',
        '● On track',
        'Booked Thu 3 Dec',
        'Your company · Last met 10 days ago',
        '<b>not bold</b>',
      ],
    ]);
    expect(words()).toContain('New to Bridges: new.person@gmail.com, dana@example.net');
  });

  it('is a region labelled by its heading, whose button folds it and says whether it is open', () => {
    const onToggle = show(false);
    const region = root.querySelector('section') as HTMLElement;
    expect(region.getAttribute('aria-labelledby')).toBe(toggle().id);
    expect(toggle().textContent).toBe('▾Before you meet · 4 guests');
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(toggle().getAttribute('aria-controls')).toBe('prep-guests');
    expect(root.querySelector('#prep-guests')).not.toBeNull();
    toggle().click();
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it('folded, is one line and nothing of what matters to them', () => {
    const onToggle = show(true);
    expect(words()).toBe('▸Before you meet · 4 guests');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    toggle().click();
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it('renders names and notes as text, never as HTML', () => {
    show(false);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.note b')).toBeNull();
    expect(words()).toContain('<img src=x onerror=alert(1)>Jordan');
    expect(words()).toContain('<b>not bold</b>');
  });

  it('leaves out what a guest does not have: no note, no thanks, no plan', () => {
    show(false, { known: [{ ...(BRIEF.known[1] as Brief['known'][0]), note: '', plan: null }], newGuests: [] });
    expect(root.querySelector('.note')).toBeNull();
    expect(root.querySelector('.plan')).toBeNull();
    expect(root.querySelector('.new-guests')).toBeNull();
    expect(toggle().textContent).toBe('▾Before you meet · 1 guest');
  });

  it('has a neutral empty state that names no one', () => {
    root = document.createElement('div');
    document.body.append(root);
    render(<PrepEmpty />, root);
    expect(words()).toBe('Nothing to show here. Open the meeting again in Calendar.');
    expect(root.querySelector('section')?.getAttribute('aria-label')).toBe('Before you meet');
  });
});
