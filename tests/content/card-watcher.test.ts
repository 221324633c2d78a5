// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher } from '../../lib/background/dispatch';
import { COPIED, watchEventCards } from '../../lib/content/card-watcher';
import { HIDDEN_CONTROL, HIDDEN_REPORT } from '../../lib/content/control-state';
import { HOST_TAG, type LogControl, REPORT_LABEL } from '../../lib/content/log-control';
import { AppDB } from '../../lib/db/app-db';
import { createSender } from '../../lib/messaging';
import { CONTENT, NO_FEEDS, NO_REMINDERS } from '../helpers/background';
import { fixtureHtml } from '../helpers/fixtures';
import { DAY, person } from '../helpers/people';

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

// The shadow root is closed to the page; the watcher hands its control to this content script (and its tests).
let control: LogControl | null = null;
let copied: string[] = [];
const host = () => document.querySelector(HOST_TAG) as HTMLElement | null;
const button = () => control?.root.querySelector('button:not(.report)') as HTMLButtonElement | null;
const reportButton = () => control?.root.querySelector('button.report') as HTMLButtonElement | null;
const message = () => control?.root.querySelector('[role="status"]')?.textContent ?? '';
const label = () => button()?.textContent ?? '';
// happy-dom's clicks are not trusted, and its page has no layout: these tests stand in for a person clicking a
// control in plain sight (tests below keep the real checks).
const asPerson = { isUserClick: () => true, isShown: () => true };

beforeEach(() => {
  fakeBrowser.reset();
  db = new AppDB(`watch-${crypto.randomUUID()}`);
  clock = NOW;
  abort = new AbortController();
  gate = null;
  control = null;
  copied = [];
});
afterEach(async () => {
  abort.abort();
  await db.delete();
});

const copy = async (text: string) => {
  copied.push(text);
};

function start(fixture = 'dialog.en-12h.html', url = 'https://calendar.google.com/calendar/u/0/r/week'): void {
  loadPage(fixture);
  control = watchEventCards(document, abort.signal, { send, now: () => NOW, url: () => url, copy, ...asPerson });
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

  it('offers to note a meeting to come as booked, and a second click notes it: its people are booked, nothing logged', async () => {
    loadPage('dialog.en-12h.html');
    control = watchEventCards(document, abort.signal, { send, now: () => Date.UTC(2026, 10, 20), ...asPerson });
    clock = Date.UTC(2026, 10, 20);
    await db.people.add(person('priya.raman@example.com', clock - 90 * DAY));
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Note as booked'));
    expect(message()).toMatch(/^This meeting hasn't started yet\./);
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Booked · 4 people'));
    expect(message()).toBe('Noted: once it has happened, log it here.');
    expect(await db.interactions.count()).toBe(0);
    const booked = await db.upcoming.get('gcal:k5058hfr4d2s30ltiuocpedthd');
    expect(booked?.people.sort()).toEqual([
      'dana.kim@example.net',
      'jordan.lee@example.com',
      'priya.raman@example.com',
      'wei.chen@example.com',
    ]);
    expect((await db.people.get('priya.raman@example.com'))?.nextMeetingAt).toBe(booked?.start);
    // Opened again, the card says so at once.
    abort.abort();
    abort = new AbortController();
    loadPage('dialog.en-12h.html');
    control = watchEventCards(document, abort.signal, { send, now: () => clock, ...asPerson });
    await vi.waitFor(() => expect(label()).toBe('Booked · 4 people'));
  });

  it('renders hostile page text as text', async () => {
    start('dialog.hostile.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 1 person'));
    expect(control?.root.querySelector('img, script')).toBeNull();
  });

  it('tells the user to reload when the extension has gone away', async () => {
    loadPage('dialog.en-12h.html');
    const broken = createSender({
      sendMessage: async () => {
        throw new Error('Extension context invalidated.');
      },
    });
    control = watchEventCards(document, abort.signal, { send: broken, now: () => NOW, ...asPerson });
    button()?.click();
    await vi.waitFor(() =>
      expect(message()).toBe('Bridges was updated or restarted: reload this page to log meetings.'),
    );
  });

  it('says what went wrong when the background could not log it (a full disk), rather than "reload"', async () => {
    loadPage('dialog.en-12h.html');
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    control = watchEventCards(document, abort.signal, { send, now: () => NOW, ...asPerson });
    button()?.click();
    await vi.waitFor(() =>
      expect(message()).toBe(
        "Not logged: Your disk is full, or the browser's storage for Bridges is: nothing was saved. Free some space, then try again.",
      ),
    );
    expect(await db.interactions.count()).toBe(0);
  });

  it('removes itself when the content script is stopped', async () => {
    start();
    await vi.waitFor(() => expect(host()).toBeTruthy());
    abort.abort();
    expect(host()).toBeNull();
  });

  it("is closed to the page and acts only on a person's clicks, never on one a script dispatches", async () => {
    loadPage('dialog.en-12h.html');
    // The real check (isTrusted), watched: each click is judged when it comes, and judged not a person's.
    const judged: boolean[] = [];
    const isUserClick = (event: Event) => {
      judged.push(event.isTrusted === true);
      return event.isTrusted === true;
    };
    const sent = vi.fn(send);
    // The control counts as plainly shown: happy-dom has no layout, and the real visibility check would refuse
    // every click on its own, so a script's click let through by the check above would still log nothing here.
    // With it shown, the trusted check alone stands between a script's click and a log.
    control = watchEventCards(document, abort.signal, {
      send: sent as typeof send,
      now: () => NOW,
      isUserClick,
      isShown: () => true,
    });
    await vi.waitFor(() => expect(label()).toBe('Log meeting'));
    expect(host()?.shadowRoot).toBeNull();
    button()?.click();
    button()?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host()?.click();
    await vi.waitFor(() => expect(judged).toEqual([false, false]));
    expect(label()).toBe('Log meeting');
    expect(message()).toBe(''); // dropped at the trusted check, before any other check had a say
    expect(sent.mock.calls.map(([name]) => name)).toEqual(['meetingStatus']);
    expect(await db.interactions.count()).toBe(0);
  });

  it('a click on a control the page hid or covered changes nothing, and the control says so', async () => {
    loadPage('dialog.large.html');
    let shown = true;
    control = watchEventCards(document, abort.signal, {
      send,
      now: () => NOW,
      copy,
      ...asPerson,
      isShown: () => shown,
    });
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Log 30 people?'));
    shown = false;
    button()?.click();
    expect(message()).toBe(HIDDEN_CONTROL);
    expect(label()).toBe('Log 30 people?'); // still asks: the refused click was no confirmation
    expect(await db.interactions.count()).toBe(0); // the refusal above ended the click: nothing follows it
    shown = true;
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 30 people'));
  });

  it('the bug report button is held to the same rule: nothing is copied from a hidden one', async () => {
    loadPage('dialog.redesigned.html');
    let shown = true;
    control = watchEventCards(document, abort.signal, {
      send,
      now: () => NOW,
      copy,
      ...asPerson,
      isShown: () => shown,
    });
    button()?.click();
    await vi.waitFor(() => expect(reportButton()?.hidden).toBe(false));
    shown = false;
    reportButton()?.click();
    expect(message()).toBe(HIDDEN_REPORT); // said when the click is refused: nothing follows it
    expect(copied).toEqual([]);
  });

  it('acts once on clicks that come while the browser is still answering whether the control is shown', async () => {
    loadPage('dialog.en-12h.html');
    let answer: (shown: boolean) => void = () => {};
    const isShown = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    control = watchEventCards(document, abort.signal, { send, now: () => NOW, ...asPerson, isShown });
    button()?.click();
    button()?.click(); // a double click
    expect(isShown).toHaveBeenCalledTimes(1);
    expect(label()).toBe('Log meeting');
    answer(true);
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
    expect(await db.interactions.count()).toBe(1);

    button()?.click();
    answer(false); // the page covered the control meanwhile
    await vi.waitFor(() => expect(message()).toBe(HIDDEN_CONTROL));
    expect(label()).toBe('Logged · 4 people');
  });

  it('on a page it cannot see laid out, refuses a click rather than guess (the real check, no layout here)', async () => {
    loadPage('dialog.en-12h.html');
    control = watchEventCards(document, abort.signal, { send, now: () => NOW, isUserClick: () => true });
    button()?.click();
    expect(message()).toBe(HIDDEN_CONTROL); // said when the click is refused: nothing follows it
    expect(await db.interactions.count()).toBe(0);
  });

  it('does not count a Google Group as a person, and says so', async () => {
    start('dialog.group.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people · 1 group not counted'));
    expect(await db.people.get('eng-leads@example.com')).toBeUndefined();
    expect(await db.people.get('lena.fischer@example.com')).toBeUndefined();
  });

  it("logs a group's members when Calendar lists them (the group expanded)", async () => {
    start('dialog.group-expanded.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 7 people · 1 group not counted'));
    expect((await db.people.get('lena.fischer@example.com'))?.displayName).toBe('Lena Fischer');
    expect(await db.people.get('eng-leads@example.com')).toBeUndefined();
  });

  it('logs the guests a shortened list shows, and never claims a full log', async () => {
    start('dialog.shortened.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 19 people'));
    expect(message()).toBe('Logged 20 of 32 guests: Calendar showed 20.');
  });

  it('asks the user to open a collapsed guest list instead of saying there is no one', async () => {
    start('dialog.collapsed.html');
    button()?.click();
    await vi.waitFor(() =>
      expect(message()).toBe(
        "Not logged: Calendar isn't showing this meeting's 32 guests. Open the guest list in the card, then log again.",
      ),
    );
    expect(await db.interactions.count()).toBe(0);
  });

  it.each(['dialog.response-conflict.html', 'dialog.response-none.html'])(
    '%s: says it could not tell whether the user declined, and logs only on "Log anyway"',
    async (fixture) => {
      start(fixture);
      button()?.click();
      await vi.waitFor(() => expect(label()).toBe('Log anyway'));
      expect(message()).toBe(
        "Bridges can't tell whether you declined this meeting: Calendar's page doesn't say clearly.",
      );
      expect(await db.interactions.count()).toBe(0);
      button()?.click();
      await vi.waitFor(() => expect(label()).toMatch(/^Logged · \d people$/));
      expect(await db.interactions.count()).toBe(1);
    },
  );

  it('logs a moved instance of a recurring meeting at the time the card shows', async () => {
    start('dialog.moved.html');
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 1 person'));
    const [meeting] = await db.interactions.toArray();
    expect(new Date(meeting?.start ?? 0).toISOString()).toBe('2026-11-17T16:00:00.000Z');
    expect(meeting?.key).toBe('gcal:b028tvasrf4039si1mg44gaske_20261116T150000Z');
  });

  it('reads a card whose classes all rotated', async () => {
    start('dialog.rotated.html');
    await vi.waitFor(() => expect(host()?.parentElement?.querySelector('[aria-label="Edit event"]')).toBeTruthy());
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
  });

  it('sits on the full event page before Save, and a meeting logged there shows as logged in the card', async () => {
    const edit =
      'https://calendar.google.com/calendar/u/0/r/eventedit/azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20';
    start('edit.en.html', edit);
    await vi.waitFor(() => expect(host()?.nextElementSibling?.id).toBe('xSaveBu'));
    button()?.click();
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
    abort.abort();
    abort = new AbortController();
    start('dialog.en-12h.html');
    await vi.waitFor(() => expect(label()).toBe('Logged · 4 people'));
    expect(await db.interactions.count()).toBe(1);
  });

  it('offers a bug report when a card cannot be read, and copies only its structure', async () => {
    start('dialog.redesigned.html');
    expect(reportButton()?.hidden).toBe(true);
    button()?.click();
    await vi.waitFor(() => expect(reportButton()?.hidden).toBe(false));
    expect(reportButton()?.textContent).toBe(REPORT_LABEL);
    reportButton()?.click();
    await vi.waitFor(() => expect(message()).toBe(COPIED));
    const [report = ''] = copied;
    expect(report).toContain('div id=xDetDlg');
    for (const secret of ['Q4 planning', 'Priya', 'priya.raman', 'example.com', 'Room 4A', '1:00', 'November']) {
      expect(report).not.toContain(secret);
    }
  });
});
