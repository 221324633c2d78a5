// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEventCard } from '../../lib/calendar/google/card';
import { eventIdOf } from '../../lib/calendar/google/event-id';
import { readGuestList } from '../../lib/calendar/google/guests';
import { watchEventCards } from '../../lib/content/card-watcher';
import type { sendMessage } from '../../lib/messaging';
import { fixtureHtml } from '../helpers/fixtures';

// The mutation callback runs on every change Calendar makes to its page: reading the card (and the search of
// the time line by structure, on a card whose classes rotated) must wait for a click.
vi.mock('../../lib/calendar/google/card', async (original) => {
  const actual = await original<typeof import('../../lib/calendar/google/card')>();
  return { ...actual, readEventCard: vi.fn(actual.readEventCard) };
});
vi.mock('../../lib/calendar/google/guests', async (original) => {
  const actual = await original<typeof import('../../lib/calendar/google/guests')>();
  return { ...actual, readGuestList: vi.fn(actual.readGuestList) };
});

const abort = new AbortController();
beforeEach(() => {
  vi.mocked(readEventCard).mockClear();
  vi.mocked(readGuestList).mockClear();
});
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

  it('reads the guests for "Before you meet" after the batches, once, for the event shown last', async () => {
    const parsed = new DOMParser().parseFromString(fixtureHtml('dialog.en-12h.html'), 'text/html');
    document.body.innerHTML = parsed.body.innerHTML;
    const asked: unknown[] = [];
    const send = (async (name: string, data: unknown) => {
      if (name === 'askAboutGuests') asked.push(data);
      return name === 'meetingStatus' ? { logged: false } : { token: null };
    }) as typeof sendMessage;
    // The panel's work waits for `later`: here, until the batches are over.
    const tasks: Array<() => void> = [];
    const prep = {
      send,
      frameUrl: 'about:blank',
      origins: new Set<string>(),
      later: (task: () => void) => tasks.push(task),
    };
    watchEventCards(document, abort.signal, { send, now: () => 0, prep });
    const card = document.getElementById('xDetDlg') as Element;
    for (let i = 0; i < 50; i++) {
      card.setAttribute('data-eventid', i % 2 ? 'YWJjIGRAZS5m' : 'eHl6IGRAZS5m');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(tasks.length).toBeGreaterThan(1); // a task for each event the card showed
    expect(readGuestList).not.toHaveBeenCalled();
    for (const task of tasks.splice(0)) task();
    expect(readGuestList).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toMatchObject({ eventId: eventIdOf(card)?.eventId });
  });
});
