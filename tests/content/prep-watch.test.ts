// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "enableIframePageLoading": true } }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchEventCards } from '../../lib/content/card-watcher';
import { HOST_TAG } from '../../lib/content/log-control';
import { MAX_FRAME_HEIGHT, PREP_HOST_TAG } from '../../lib/content/prep-frame';
import { cardGuests, createPrepPanel, type PrepOptions, prepOptions } from '../../lib/content/prep-watch';
import type { sendMessage } from '../../lib/messaging';
import { fixtureHtml } from '../helpers/fixtures';

// "Before you meet" from the content script's side: what it tells the background (addresses only), when (after
// the Log control, off the mutation batch), and what it takes back from the frame (its height, a number).
const ORIGIN = 'chrome-extension://gikpoediafgedljphhocfppjgjbeaneh';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
let abort: AbortController;
let calls: Array<[string, unknown]>;
let tasks: Array<() => void>;

function loadPage(fixture = 'dialog.en-12h.html'): Element {
  const parsed = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
  return document.getElementById('xDetDlg') as Element;
}

/** The background, answering each command as `answers` says (a never-settling promise by default). */
function backgroundAnswering(answers: Record<string, unknown>): typeof sendMessage {
  return (async (name: string, data: unknown) => {
    calls.push([name, data]);
    if (name in answers) return answers[name];
    return new Promise(() => {});
  }) as typeof sendMessage;
}

function options(send: typeof sendMessage): PrepOptions {
  return {
    send,
    frameUrl: 'about:blank',
    origins: new Set([ORIGIN]),
    later: (task) => void tasks.push(task),
    // happy-dom cannot post across windows: its events stand in for posted ones, unless marked as made up.
    isPosted: (event) => !(event as MessageEvent & { madeUp?: boolean }).madeUp,
  };
}
const runLater = async () => {
  for (const task of tasks.splice(0)) task();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

beforeEach(() => {
  abort = new AbortController();
  calls = [];
  tasks = [];
});
afterEach(() => abort.abort());

describe("the frame's address and the origins its messages may come from", () => {
  it("are the extension's page, and Chrome's fixed origin beside the dynamic one", () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
      ((path: string) => `chrome-extension://1b2c3d4e-dynamic/${path.replace(/^\//, '')}`) as never,
    );
    const { frameUrl, origins } = prepOptions((async () => null) as never);
    expect(frameUrl).toBe('chrome-extension://1b2c3d4e-dynamic/prep.html');
    expect([...origins]).toEqual([
      'chrome-extension://1b2c3d4e-dynamic',
      `chrome-extension://${fakeBrowser.runtime.id}`,
    ]);
  });

  it('are one origin in Firefox, where each install has its own', () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
      ((path: string) => `moz-extension://6d1b5c2e-uuid/${path.replace(/^\//, '')}`) as never,
    );
    expect([...prepOptions((async () => null) as never).origins]).toEqual(['moz-extension://6d1b5c2e-uuid']);
  });
});

describe('the guests the content script tells the background about', () => {
  it('are addresses only: not the signed-in user, nor a guest who declined', () => {
    const card = loadPage();
    expect(cardGuests(document, card)).toEqual([
      'priya.raman@example.com',
      'jordan.lee@example.com',
      'wei.chen@example.com',
      'dana.kim@example.net',
    ]);
  });

  it('leave out a Google Group itself', () => {
    const card = loadPage('dialog.group.html');
    const guests = cardGuests(document, card);
    const group = card.querySelector('[data-is-expandable="true"]')?.getAttribute('data-email');
    expect(group).toBeTruthy();
    expect(guests).not.toContain(group);
    expect(guests.length).toBeGreaterThan(0);
  });
});

describe('"Before you meet" beside the Log control', () => {
  it('asks only after the control is in place and the batch is over, and never makes the control wait', async () => {
    loadPage();
    const send = backgroundAnswering({ meetingStatus: { logged: false }, logMeeting: { status: 'logged', people: 4 } });
    const control = watchEventCards(document, abort.signal, {
      send,
      now: () => 0,
      isUserClick: () => true,
      isShown: () => true,
      prep: options(send),
    });
    // Within the batch: the control is there and ready; the guests are not yet read, nothing asked.
    expect(document.querySelector(`.pPTZAe > ${HOST_TAG}`)).not.toBeNull();
    expect(control.view?.label).toBe('Log meeting');
    expect(calls.map(([name]) => name)).toEqual(['meetingStatus']);
    await runLater();
    expect(calls[1]).toEqual([
      'askAboutGuests',
      {
        eventId: 'k5058hfr4d2s30ltiuocpedthd',
        guests: ['priya.raman@example.com', 'jordan.lee@example.com', 'wei.chen@example.com', 'dana.kim@example.net'],
      },
    ]);
    // The background never answers the panel's question; the control logs all the same.
    (control.root.querySelector('button:not(.report)') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(control.view?.label).toBe('Logged · 4 people'));
    expect(document.querySelector(PREP_HOST_TAG)).toBeNull();
  });

  it('makes no frame when the panel is turned off (no token), nor for a card without guests', async () => {
    loadPage();
    const send = backgroundAnswering({ meetingStatus: { logged: false }, askAboutGuests: { token: null } });
    watchEventCards(document, abort.signal, { send, now: () => 0, prep: options(send) });
    await runLater();
    expect(calls.map(([name]) => name)).toEqual(['meetingStatus', 'askAboutGuests']);
    expect(document.querySelector(PREP_HOST_TAG)).toBeNull();

    calls = [];
    loadPage('dialog.solo.html');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runLater();
    expect(calls.map(([name]) => name)).not.toContain('askAboutGuests');
    expect(document.querySelector(PREP_HOST_TAG)).toBeNull();
  });
});

describe('the frame in the card', () => {
  async function shown() {
    const card = loadPage();
    const send = backgroundAnswering({ askAboutGuests: { token: TOKEN } });
    const panel = createPrepPanel(document, options(send));
    panel.sync(card, true);
    await runLater();
    const iframe = panel.frame?.root.querySelector('iframe') as HTMLIFrameElement;
    return { card, panel, iframe, send };
  }
  const post = (data: unknown, source: unknown, origin = ORIGIN, madeUp = false) =>
    window.dispatchEvent(
      Object.assign(new MessageEvent('message', { data, origin, source: source as Window }), { madeUp }),
    );

  it("carries only the token in its address, sits under the card's header, and is named", async () => {
    const { card, iframe } = await shown();
    expect(iframe.getAttribute('src')).toBe(`about:blank#${TOKEN}`);
    expect(iframe.title).toBe('Before you meet');
    const host = card.querySelector(PREP_HOST_TAG);
    expect(host?.previousElementSibling?.querySelector('.pPTZAe')).not.toBeNull();
  });

  it("takes its height from the frame's own window and an extension origin only, as a number, capped", async () => {
    const { iframe } = await shown();
    const frameWindow = iframe.contentWindow;
    post(120, frameWindow);
    expect(iframe.style.height).toBe('120px');
    for (const [data, source, origin, madeUp] of [
      [300, window, ORIGIN, false], // the page itself
      [300, null, ORIGIN, false], // no window at all
      [300, frameWindow, 'https://calendar.google.com', false], // the frame taken over by the page
      [300, frameWindow, ORIGIN, true], // an event a script made, naming the frame's window and origin
      ['300px', frameWindow, ORIGIN, false],
      [Number.NaN, frameWindow, ORIGIN, false],
      [-5, frameWindow, ORIGIN, false],
      [{ height: 300 }, frameWindow, ORIGIN, false],
    ] as const) {
      post(data, source, origin, madeUp);
      expect(iframe.style.height).toBe('120px');
    }
    post(99_999, frameWindow);
    expect(iframe.style.height).toBe(`${MAX_FRAME_HEIGHT}px`);
    // Taken out of the page, the frame has no window: a message from no window is still not its.
    (iframe.getRootNode() as ShadowRoot).host.remove();
    expect(iframe.contentWindow).toBeNull();
    post(10, null);
    expect(iframe.style.height).toBe(`${MAX_FRAME_HEIGHT}px`);
  });

  it('asks again when Calendar drops it (a frame put back loads again, and its token is spent)', async () => {
    const { card, panel, send } = await shown();
    card.querySelector(PREP_HOST_TAG)?.remove();
    panel.sync(card, false);
    await runLater();
    expect(calls.filter(([name]) => name === 'askAboutGuests')).toHaveLength(2);
    expect(card.querySelectorAll(PREP_HOST_TAG)).toHaveLength(1);
    // While it is in place, a batch asks nothing.
    panel.sync(card, false);
    await runLater();
    expect(calls.filter(([name]) => name === 'askAboutGuests')).toHaveLength(2);
    expect(send).toBeDefined();
  });

  it('takes a new frame for another event, and a late answer for the old one shows nothing', async () => {
    const card = loadPage();
    let answer: (value: { token: string }) => void = () => {};
    const send = (async (name: string, data: unknown) => {
      calls.push([name, data]);
      return new Promise<{ token: string }>((resolve) => {
        answer = resolve;
      });
    }) as unknown as typeof sendMessage;
    const panel = createPrepPanel(document, options(send));
    panel.sync(card, true);
    await runLater();
    const first = answer;
    panel.sync(card, true); // Calendar reused the card for another event
    await runLater();
    first({ token: 'OldOldOldOldOldOldOld0' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(panel.frame).toBeNull();
    answer({ token: TOKEN });
    await vi.waitFor(() =>
      expect(panel.frame?.root.querySelector('iframe')?.getAttribute('src')).toBe(`about:blank#${TOKEN}`),
    );
    expect(panel.frame?.root.querySelectorAll('iframe')).toHaveLength(1);
  });
});
