import { browser } from 'wxt/browser';
import { eventIdOf } from '../calendar/google/event-id';
import { readGuestList } from '../calendar/google/guests';
import { selfEmailOf } from '../calendar/google/page';
import { findActionBar, queryFirst } from '../calendar/google/selectors';
import type { sendMessage } from '../messaging';
import { MAX_ASKED_GUESTS } from '../prep/limits';
import { PrepFrame } from './prep-frame';

export interface PrepOptions {
  send: typeof sendMessage;
  /** The frame page's address (Chrome's dynamic one: what runtime.getURL gives a content script). */
  frameUrl: string;
  /** The origins the frame's messages come from. */
  origins: ReadonlySet<string>;
  /** Runs the ask after the mutation batch (and the Log control's paint); a zero timeout by default. */
  later?: (task: () => void) => void;
  /** Whether a message was posted by a window (tests of this module pass their own). */
  isPosted?: (event: MessageEvent) => boolean;
  /** Benchmark builds only: the time from the card opening to the panel's first height (its first paint). */
  recordPrep?: (ms: number) => void;
  /** Benchmark builds only: the address of an empty extension frame to show instead, when measuring the floor. */
  floorUrl?: () => string | null;
}

/** The extension's frame page and its origins, as this browser gives them to a content script. */
export function prepOptions(send: typeof sendMessage): PrepOptions {
  const frameUrl = browser.runtime.getURL('/prep.html');
  // scheme://host: URL's own `origin` is "null" for schemes it does not know, outside the browsers themselves.
  const origins = new Set([/^[a-z-]+:\/\/[^/]+/.exec(frameUrl)?.[0] ?? '']);
  // Chrome gives a content script the per-session dynamic address, yet the frame's messages carry the
  // extension's own origin; Firefox has one origin per install.
  if (frameUrl.startsWith('chrome-extension:')) origins.add(`chrome-extension://${browser.runtime.id}`);
  return { send, frameUrl, origins };
}

/**
 * The guests a card lists, as the content script may tell the background about them: addresses only, each once,
 * not the user (the card's signed-in account), not Google Groups, not those who declined.
 */
export function cardGuests(doc: Document, card: Element): string[] {
  const list = readGuestList(card);
  if (!list) return [];
  const self = selfEmailOf(doc, card);
  const out: string[] = [];
  for (const guest of list.guests) {
    if (guest.group || guest.response === 'declined' || guest.email === self || out.includes(guest.email)) continue;
    out.push(guest.email);
  }
  return out.slice(0, MAX_ASKED_GUESTS);
}

/** Where the panel goes: just after the card's header (the row with the toolbar), else first in the card. */
function slotOf(card: Element): { parent: Element; after: Element | null } {
  let header = findActionBar(card);
  while (header?.parentElement && header.parentElement !== card && !queryFirst(header.parentElement, 'title')) {
    header = header.parentElement;
  }
  return header?.parentElement ? { parent: header.parentElement, after: header } : { parent: card, after: null };
}

export interface PrepPanel {
  /**
   * Called on each mutation batch once the Log control is in place: does nothing but a containment test unless
   * the card shows another event (`changed`) or lost the panel; the guests are read and the background asked
   * later, never within the batch.
   */
  sync(card: Element, changed: boolean): void;
  remove(): void;
  /** The frame's host, once a panel was shown (this content script's own, and its tests'). */
  readonly frame: PrepFrame | null;
}

/** "Before you meet" in the event card: asks about the open meeting's guests and shows the frame it is given. */
export function createPrepPanel(doc: Document, options: PrepOptions): PrepPanel {
  const later = options.later ?? ((task) => void setTimeout(task, 0));
  let frame: PrepFrame | null = null;
  let asking = 0;
  let measured = false;
  const onHeight = (height: number, ms: number) => {
    if (measured || height <= 0) return;
    measured = true;
    options.recordPrep?.(ms);
  };

  const show = (card: Element, token: string, page: string, openedAt: number) => {
    frame ??= new PrepFrame(doc, {
      url: options.frameUrl,
      origins: options.origins,
      onHeight: options.recordPrep ? onHeight : undefined,
      isPosted: options.isPosted,
    });
    measured = false;
    frame.show(token, page, openedAt);
    if (!card.contains(frame.host)) {
      const { parent, after } = slotOf(card);
      frame.mount(parent, after);
    }
  };

  const ask = (card: Element) => {
    const openedAt = performance.now();
    const turn = ++asking;
    later(() => {
      if (turn !== asking) return;
      const floor = options.floorUrl?.();
      if (floor) return show(card, 'floor', floor, openedAt);
      const id = eventIdOf(card);
      const guests = id && !id.isTask ? cardGuests(doc, card) : [];
      if (!id || guests.length === 0) return;
      options.send('askAboutGuests', { eventId: id.eventId, guests }).then(
        ({ token }) => {
          if (turn === asking && token) show(card, token, options.frameUrl, openedAt);
        },
        () => undefined, // no panel: the Log control says what is wrong with the extension
      );
    });
  };

  return {
    sync(card, changed) {
      if (changed) {
        frame?.clear();
        ask(card);
      } else if (frame?.showing && !card.contains(frame.host)) {
        // Calendar dropped it; a frame put back loads again, and its token is spent: ask again.
        frame.clear();
        ask(card);
      }
    },
    remove() {
      asking++;
      frame?.remove();
    },
    get frame() {
      return frame;
    },
  };
}
