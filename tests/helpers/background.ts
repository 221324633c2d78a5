import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, type Sender, serveCommands } from '../../lib/background/dispatch';
import type { AppDB } from '../../lib/db/app-db';
import { createSync, type SyncArea } from '../../lib/sync/engine';

/** The extension's own page (the management page, in a tab). */
export const PAGE: Sender = {
  get id() {
    return fakeBrowser.runtime.id;
  },
  get url() {
    return fakeBrowser.runtime.getURL('/options.html');
  },
  tab: { id: 7 },
};
/** The Calendar content script. */
export const CONTENT: Sender = {
  get id() {
    return fakeBrowser.runtime.id;
  },
  url: 'https://calendar.google.com/calendar/u/0/r/week/2026/11/24',
  tab: { id: 3 },
};
/** A script on a web page (or another extension): never privileged. */
export const STRANGER: Sender = { id: 'some-other-extension', url: 'https://evil.example/', tab: { id: 9 } };

export const NO_REMINDERS: Background['reminders'] = {
  markSeen: async () => {},
  reschedule: async () => {},
  refresh: async () => {},
};
export const NO_FEEDS: Background['feeds'] = {
  sync: async () => ({ status: 'off' }),
  syncIfStale: async () => ({ status: 'off' }),
  schedule: async () => {},
};

/**
 * Gives fakeBrowser's runtime.onConnect (which it leaves unimplemented) listeners; `connectPort` calls them as
 * the browser does when a page opens a port.
 */
const connectListeners = new Set<(port: unknown) => void>();
export function connectable(): void {
  connectListeners.clear();
  Object.assign(fakeBrowser.runtime, {
    onConnect: {
      addListener: (f: (port: unknown) => void) => connectListeners.add(f),
      removeListener: (f: (port: unknown) => void) => connectListeners.delete(f),
      hasListener: (f: (port: unknown) => void) => connectListeners.has(f),
    },
  });
}

/** A port a page (or another sender) opens to the background; `close()` is that page going away. */
export function connectPort(name: string, sender: Sender): { close(): void } {
  const closed: Array<() => void> = [];
  const port = { name, sender, onDisconnect: { addListener: (f: () => void) => void closed.push(f) } };
  for (const listener of connectListeners) listener(port);
  return {
    close() {
      for (const f of closed) f();
    },
  };
}

/**
 * The background's dispatcher answering runtime messages, as in the extension; fakeBrowser passes no sender,
 * so messages sent through `browser.runtime.sendMessage` arrive as from `sender` (a page by default; change it
 * with `speakAs`). Call `stop()` after the test.
 */
export function startBackground(
  db: AppDB,
  options: {
    now?: () => number;
    reminders?: Background['reminders'];
    feeds?: Background['feeds'];
    sync?: Background['sync'];
  } = {},
  sender: Sender = PAGE,
) {
  let as = sender;
  connectable();
  const stop = serveCommands(db, {
    now: options.now ?? Date.now,
    reminders: options.reminders ?? NO_REMINDERS,
    feeds: options.feeds ?? NO_FEEDS,
    // Sync across browsers over fakeBrowser's storage.sync, off until a test turns it on (keys made quickly).
    sync:
      options.sync ??
      createSync(db, {
        area: fakeBrowser.storage.sync as unknown as SyncArea,
        now: options.now ?? Date.now,
        iterations: 1_000,
        minIterations: 1_000,
      }),
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    let respond: (reply: unknown) => void = () => {};
    const reply = new Promise((resolve) => (respond = resolve));
    const results = await fakeBrowser.runtime.onMessage.trigger(message, as as never, respond as never);
    return results.some((r: unknown) => r === true) ? reply : undefined;
  }) as never);
  return {
    stop,
    speakAs(next: Sender) {
      as = next;
    },
  };
}
