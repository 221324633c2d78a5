import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { COMMANDS, type CommandName } from '../commands';
import type { Command, CommandContext, SenderKind } from '../commands/command';
import { describeFailure } from '../commands/failure';
import { pageGone } from '../commands/uploads';
import { UPLOAD_PORT } from '../data/parts';
import type { AppDB } from '../db/app-db';
import { logHeldClicks, restoreHold } from '../logging/hold';
import type { Envelope, Reply } from '../messaging-protocol';
import { Refusal } from '../refusal';
import { sentenceOf } from '../schema';

/** The part of a runtime.onMessage sender the dispatcher reads. */
export interface Sender {
  id?: string;
  /** The sending document's origin, where the browser gives it (Chrome): judged before the URL. */
  origin?: string;
  url?: string;
  tab?: { id?: number };
}

/** Where the extension's own pages live, and its id: what a sender is checked against. */
export interface Self {
  id: string;
  /** "chrome-extension://<id>/" or "moz-extension://<uuid>/". */
  origin: string;
}

const CALENDAR_PAGE = /^https:\/\/calendar\.google\.com\//;
const CALENDAR_ORIGIN = 'https://calendar.google.com';

/**
 * Who sent a message, as uBlock Origin decides its privileged senders: a page of this extension is a sender
 * whose URL is under the extension's own origin; the content script is a sender in a tab on
 * calendar.google.com. Anything else (another extension, a page that found a way to message us) is nobody.
 * "Before you meet" (prep.html) is a page too, though it sits in a frame of the Calendar tab: Chrome loads it at
 * a dynamic address (`use_dynamic_url`), yet reports its messages under the extension's own id and origin, as
 * it does the frame's own `location`; only an extension document has that origin.
 */
export function senderKind(sender: Sender, self: Self): SenderKind | null {
  if (sender.id !== self.id) return null;
  // The origin, where the browser gives it, is the sending document's own, whatever its URL (a frame of
  // about:blank or srcdoc inherits its parent's): the surer of the two, as uBlock Origin judges it first.
  if (typeof sender.origin === 'string' && sender.origin !== 'null') {
    if (`${sender.origin}/` === self.origin) return 'page';
    if (sender.tab && sender.origin === CALENDAR_ORIGIN) return 'content';
    return null;
  }
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return 'page';
  if (sender.tab && CALENDAR_PAGE.test(url)) return 'content';
  return null;
}

const WHO: Record<SenderKind, string> = {
  page: "Bridges' own pages",
  content: 'the Google Calendar page',
};

export interface Background {
  /** The background's start (the database opened): every command waits for it. */
  ready?: Promise<void>;
  now(): number;
  feeds: CommandContext['feeds'];
  reminders: CommandContext['reminders'] & {
    /** Recounts a standing reminder after a change; serialised with the reminder's other work. */
    refresh(): Promise<void>;
  };
  /**
   * Sync across browsers (lib/sync/engine.ts): told after every command that recounts (Command.recount), which
   * are the ones that change what travels, so it writes the change a little later.
   */
  sync?: CommandContext['sync'] & { changed(): Promise<void> };
}

/** Where no sync service runs (tests of other things): sync cannot be turned on, and nothing else needs it. */
const NO_SYNC: CommandContext['sync'] = {
  turnOn: () => Promise.reject(new Refusal('Sync across browsers is not available here.')),
  turnOff: async () => {},
  forget: async () => {},
  wipeEverywhere: async () => {},
  syncNow: async () => ({ status: 'off' }),
};

function isEnvelope(message: unknown): message is Envelope & { command: CommandName } {
  if (typeof message !== 'object' || message === null) return false;
  const name = (message as { command?: unknown }).command;
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}

export { describeFailure };

/**
 * The background's one dispatcher: for a message that names a command, check the sender, check the input,
 * run the command, and answer; a refusal is a sentence. Returns undefined for messages that are not ours.
 */
export function createDispatcher(db: AppDB, background: Background, self: Self) {
  return function dispatch(message: unknown, sender: Sender): Promise<Reply> | undefined {
    if (!isEnvelope(message)) return undefined;
    const name = message.command;
    const cmd = COMMANDS[name] as Command;
    const kind = senderKind(sender, self);
    if (kind === null || !cmd.from.includes(kind)) {
      const allowed = cmd.from.map((k) => WHO[k]).join(' or ');
      return Promise.resolve({ ok: false, error: `Refused: only ${allowed} may ask Bridges to do that.` });
    }
    const input = v.safeParse(cmd.input, message.data);
    if (!input.success) {
      const fallback = cmd.unreadable ?? 'Bridges could not read this request, so nothing was changed.';
      return Promise.resolve({ ok: false, error: sentenceOf(input.issues, fallback) });
    }
    const ctx: CommandContext = {
      now: background.now(),
      sender: kind,
      tabId: typeof sender.tab?.id === 'number' ? sender.tab.id : null,
      reminders: background.reminders,
      feeds: background.feeds,
      sync: background.sync ?? NO_SYNC,
    };
    return (background.ready ?? Promise.resolve())
      .then(() => cmd.run(db, input.output, ctx))
      .then(
        async (value): Promise<Reply> => {
          if (cmd.recount) {
            void background.sync?.changed().catch(() => undefined);
            const recount = background.reminders.refresh().catch(() => undefined);
            // While a restore holds the database, the recount waits for it; the answer (a kept click) does not.
            if (!restoreHold.active) await recount;
          }
          return { ok: true, value };
        },
        (error: unknown): Reply => ({ ok: false, error: describeFailure(error) }),
      );
  };
}

/**
 * Answers commands from runtime messages until the returned function is called. Replies go through
 * `sendResponse` (and `true` keeps the channel open), which Chrome, Firefox, the polyfill and fakeBrowser all
 * honour.
 */
export function serveCommands(db: AppDB, background: Background): () => void {
  const self: Self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const dispatch = createDispatcher(db, background, self);
  const listener = (message: unknown, sender: Sender, sendResponse: (reply: Reply) => void): true | undefined => {
    const reply = dispatch(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  const onMessage = browser.runtime.onMessage;
  onMessage.addListener(listener as Parameters<typeof onMessage.addListener>[0]);
  // Clicks kept while a restore held the database are logged when it ends, and at this start (a restart may
  // have come in between).
  const logHeld = () =>
    void logHeldClicks(db)
      .then((written) => {
        if (written === 0) return undefined;
        void background.sync?.changed().catch(() => undefined);
        return background.reminders.refresh();
      })
      .catch(() => undefined);
  // A page sending a file in parts holds a port for it: when the page goes away, the upload is forgotten.
  const onConnect = (port: { name: string; sender?: Sender; onDisconnect: { addListener(f: () => void): void } }) => {
    if (!port.name.startsWith(UPLOAD_PORT) || senderKind(port.sender ?? {}, self) !== 'page') return;
    const upload = port.name.slice(UPLOAD_PORT.length);
    port.onDisconnect.addListener(() => pageGone(upload));
  };
  const ports = browser.runtime.onConnect;
  ports.addListener(onConnect as Parameters<typeof ports.addListener>[0]);
  const stopHolding = restoreHold.onRelease(logHeld);
  void (background.ready ?? Promise.resolve()).then(logHeld);
  return () => {
    stopHolding();
    ports.removeListener(onConnect as Parameters<typeof ports.removeListener>[0]);
    onMessage.removeListener(listener as Parameters<typeof onMessage.removeListener>[0]);
  };
}
