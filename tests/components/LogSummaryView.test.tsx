// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LogSummaryView } from '../../components/LogSummaryView';
import type { Interaction } from '../../lib/db/types';

const meeting = (key: string, title: string, people: string[]): Interaction => ({
  key,
  kind: 'meeting',
  source: 'google-calendar',
  title,
  start: Date.UTC(2026, 10, 24, 18),
  end: Date.UTC(2026, 10, 24, 19),
  allDay: false,
  people,
  attendees: [],
  calendarId: null,
  loggedAt: 0,
});

let root: HTMLElement;
afterEach(() => root?.remove());
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('LogSummaryView', () => {
  it('tells a new user how to log their first meeting', () => {
    const el = mount(<LogSummaryView summary={{ people: 0, interactions: 0, latest: [] }} />);
    expect(el.querySelector('h2')?.textContent).toBe('Log your first meeting');
    expect(el.textContent).toContain("Click Log meeting in the event's card.");
  });

  it('counts people and meetings and lists the latest', () => {
    const el = mount(
      <LogSummaryView
        summary={{
          people: 5,
          interactions: 2,
          latest: [meeting('a', 'Q4 planning review', ['x', 'y', 'z', 'w']), meeting('b', 'Weekly sync', ['x'])],
        }}
      />,
    );
    expect(el.querySelector('.counts')?.textContent).toBe('5 people met in 2 meetings');
    expect([...el.querySelectorAll('.latest .title')].map((t) => t.textContent)).toEqual([
      'Q4 planning review',
      'Weekly sync',
    ]);
    expect(el.querySelectorAll('.latest .meta')[1]?.textContent).toMatch(/· 1 person$/);
  });

  it('shows a hostile title as text', () => {
    const title = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const el = mount(<LogSummaryView summary={{ people: 1, interactions: 1, latest: [meeting('a', title, ['x'])] }} />);
    expect(el.querySelector('.latest .title')?.textContent).toBe(title);
    expect(el.querySelector('img, script')).toBeNull();
  });
});
