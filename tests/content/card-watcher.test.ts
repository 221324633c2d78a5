// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher } from '../../lib/background/dispatch';
import { watchEventCards } from '../../lib/content/card-watcher';
import { HOST_TAG } from '../../lib/content/log-control';
import { AppDB } from '../../lib/db/app-db';
import { createSender } from '../../lib/messaging';
import { CONTENT, NO_FEEDS, NO_REMINDERS } from '../helpers/background';
import { fixtureHtml } from '../helpers/fixtures';

// The content script's watcher on a saved Calendar page, talking to the real background handlers.
const NOW = Date.UTC(2026, 10, 25, 12);
let db: AppDB;
let clock = NOW;
let abort: AbortController;
let gate: Promise<void> | null = null;

// The content script's messages reach the background's real dispatcher, as from the Calendar tab.
const send = createSender({
  async sendMessage(message) {
    if (gate) await gate;
    const self = { id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/') };
    return createDispatcher(db, { now: () => clock, reminders: NO_REMINDERS, feeds: NO_FEEDS }, self)(message, CONTENT);
  },
});

function loadPage(fixture: string): void {
  const parsed = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
}

const host = () => document.querySelector(HOST_TAG) as HTMLElement | null;
const button = () => host()?.shadowRoot?.querySelector('button') ?? null;
const message = () => host()?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
const label = () => button()?.textContent ?? '';

beforeEach(() => {
  fakeBrowser.reset();
  db = new AppDB(`watch-${crypto.randomUUID()}`);
  clock = NOW;
  abort = new AbortController();
  gate = null;
});
afterEach(async () => {
  abort.abort();
  await db.delete();
});

function start(fixture = 'dialog.en-12h.html'): void {
  loadPage(fixture);
  watchEventCards(document, abort.signal, { send, now: () => NOW });
}

describe('the Log control in the event card', () => {
  it('sits first in the card toolbar, named "Log meeting"', async () => {
    start();
    await vi.waitFor(() => expect(label()).toBe('Log meeting'));
    expect(host()?.parentElement?.classList.contains('pPTZAe')).toBe(true);
    expect(button()?.getAttribute('type')).toBe('button');
  });

  it('logs on click, says how many people, and stores them', async () => {
    start();
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
    expect(await db.interactions.count()).toBe(1);
    expect(await db.people.count()).toBe(4);
    button()?.click();
    await vi.waitFor(() => expect(message()).toBe('Already in your log: nothing changed.'));
    expect(label()).toBe('Logged · 4 people');
    expect(await db.people.count()).toBe(4);
  });

  it('survives Calendar re-rendering the card and keeps its state', async () => {
    start();
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
    for (let i = 0; i < 3; i++) {
      const bar = document.querySelector('.pPTZAe');
      const fresh = bar?.cloneNode(true) as Element;
      fresh.querySelector(HOST_TAG)?.remove();
      bar?.replaceWith(fresh);
      await vi.waitFor(() => expect(document.querySelector(`.pPTZAe > ${HOST_TAG}`)).toBeTruthy());
    }
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(label()).toBe('Logged · 4 people');
  });

  it('follows the card when Calendar reuses it for another event, and shows a logged event as logged', async () => {
    start();
    await vi.waitFor(() => expect(label()).toBe('Log meeting'));
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
    const card = document.getElementById('xDetDlg');
    const q4 = card?.getAttribute('data-eventid') ?? '';
    card?.setAttribute('data-eventid', btoa('other1234 alex.morgan@example.com').replace(/=+$/, ''));
    await vi.waitFor(() => expect(label()).toBe('Log meeting'));
    card?.setAttribute('data-eventid', q4);
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
  });

  it('acts on the event shown at the moment of the click, and a late answer does not overwrite another event', async () => {
    start();
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logging…'));
    document
      .getElementById('xDetDlg')
      ?.setAttribute('data-eventid', btoa('other1234 alex.morgan@example.com').replace(/=+$/, ''));
    release();
    gate = null;
    await vi.waitFor(async () => expect(await db.interactions.count()).toBe(1));
    await vi.waitFor(() => expect(label()).toBe('Log meeting'));
  });

  it('asks for a second click on a meeting over the guest limit', async () => {
    start('dialog.large.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Log 30 people?'));
    expect(message()).toBe('This meeting has 30 people, over your limit of 25. Click again to log them all.');
    expect(await db.interactions.count()).toBe(0);
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 30 people'));
  });

  it.each([
    ['dialog.declined.html', 'Not logged: you declined this meeting.'],
    ['dialog.solo.html', 'No one to log: there are no other guests.'],
    ['dialog.redesigned.html', "Bridges can't read this event: Calendar's page may have changed. Nothing was saved."],
  ])('%s: says why nothing was logged, and stores nothing', async (fixture, text) => {
    start(fixture);
    button()?.click();
    await vi.waitFor(() => expect(message()).toBe(text));
    expect(label()).toBe('Log meeting');
    expect(await db.interactions.count()).toBe(0);
  });

  it('says the meeting has not started yet when it is in the future', async () => {
    loadPage('dialog.en-12h.html');
    watchEventCards(document, abort.signal, { send, now: () => Date.UTC(2026, 10, 20) });
    clock = Date.UTC(2026, 10, 20);
    button()?.click();
    await vi.waitFor(() => expect(message()).toBe("Not logged: this meeting hasn't started yet."));
  });

  it('renders hostile page text as text', async () => {
    start('dialog.hostile.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 1 person'));
    expect(host()?.shadowRoot?.querySelector('img, script')).toBeNull();
  });

  it('tells the user to reload when the extension has gone away', async () => {
    loadPage('dialog.en-12h.html');
    const broken = (async () => {
      throw new Error('Extension context invalidated.');
    }) as typeof send;
    watchEventCards(document, abort.signal, { send: broken, now: () => NOW });
    button()?.click();
    await vi.waitFor(() =>
      expect(message()).toBe('Bridges was updated or restarted: reload this page to log meetings.'),
    );
  });

  it('removes itself when the content script is stopped', async () => {
    start();
    await vi.waitFor(() => expect(host()).toBeTruthy());
    abort.abort();
    expect(host()).toBeNull();
  });
});
