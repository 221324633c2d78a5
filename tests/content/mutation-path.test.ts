// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEventCard } from '../../lib/calendar/google/card';
import { watchEventCards } from '../../lib/content/card-watcher';
import type { sendMessage } from '../../lib/messaging';
import { fixtureHtml } from '../helpers/fixtures';

// The mutation callback runs on every change Calendar makes to its page: reading the card (and the search of
// the time line by structure, on a card whose classes rotated) must wait for a click.
vi.mock('../../lib/calendar/google/card', async (original) => {
  const actual = await original<typeof import('../../lib/calendar/google/card')>();
  return { ...actual, readEventCard: vi.fn(actual.readEventCard) };
});

const abort = new AbortController();
beforeEach(() => vi.mocked(readEventCard).mockClear());
afterEach(() => abort.abort());

describe('the content script on a mutation batch', () => {
  it('never reads the card (nor searches its time line) until the user clicks', async () => {
    const parsed = new DOMParser().parseFromString(fixtureHtml('dialog.rotated.html'), 'text/html');
    document.body.innerHTML = parsed.body.innerHTML;
    const send = (async (name: string) =>
      name === 'meetingStatus' ? { logged: false } : { status: 'no-one' }) as typeof sendMessage;
    const looks = [vi.spyOn(window, 'getComputedStyle'), vi.spyOn(document, 'elementFromPoint')];
    const control = watchEventCards(document, abort.signal, { send, now: () => 0, isUserClick: () => true });
    for (let i = 0; i < 50; i++) {
      const tip = document.createElement('div');
      document.body.append(tip);
      await new Promise((resolve) => setTimeout(resolve, 0));
      tip.remove();
      document.getElementById('xDetDlg')?.setAttribute('data-eventid', i % 2 ? 'YWJjIGRAZS5m' : 'eHl6IGRAZS5m');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(readEventCard).not.toHaveBeenCalled();
    // Nor whether the control is shown: styles, geometry and the browser's visibility are read on a click only.
    for (const look of looks) expect(look).not.toHaveBeenCalled();
    (control.root.querySelector('button:not(.report)') as HTMLButtonElement).click();
    expect(window.getComputedStyle).toHaveBeenCalled();
    expect(document.elementFromPoint).toHaveBeenCalled();
  });

  it('reads the card on a click on a control in plain sight', () => {
    const parsed = new DOMParser().parseFromString(fixtureHtml('dialog.rotated.html'), 'text/html');
    document.body.innerHTML = parsed.body.innerHTML;
    const send = (async (name: string) =>
      name === 'meetingStatus' ? { logged: false } : { status: 'no-one' }) as typeof sendMessage;
    const control = watchEventCards(document, abort.signal, {
      send,
      now: () => 0,
      isUserClick: () => true,
      isShown: () => true,
    });
    expect(readEventCard).not.toHaveBeenCalled();
    (control.root.querySelector('button:not(.report)') as HTMLButtonElement).click();
    expect(readEventCard).toHaveBeenCalledTimes(1);
  });
});
