import type * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import type { SyncResult } from '../feed/scheduled-sync';
import type { SyncService } from '../sync/engine';

/**
 * Who sent a message: `content` is the Google Calendar content script (a sender with a tab on
 * calendar.google.com), `page` is one of the extension's own pages (popup, management page). Anything else
 * is refused before a command is looked at.
 */
export type SenderKind = 'content' | 'page';

/** What a command may use besides the database: the background's clock, and the reminder it keeps current. */
export interface CommandContext {
  /** The background's clock when the command arrived. */
  now: number;
  /** Who sent it (already checked against the command's `from`). */
  sender: SenderKind;
  /** The browser tab it came from (the Calendar tab, or a page or frame in a tab), or null. */
  tabId: number | null;
  reminders: {
    /** The popup was opened: the week's reminder has been seen. */
    markSeen(): Promise<void>;
    /** The reminder settings changed: move the alarm. */
    reschedule(): Promise<void>;
  };
  /** The calendar feed's syncing (lib/feed/scheduled-sync.ts). */
  feeds: {
    sync(): Promise<SyncResult>;
    syncIfStale(): Promise<SyncResult>;
    schedule(): Promise<void>;
  };
  /** Sync across the user's browsers (lib/sync/engine.ts). */
  sync: Pick<SyncService, 'turnOn' | 'turnOff' | 'forget' | 'wipeEverywhere' | 'syncNow'>;
}

/**
 * One thing the background does on request: the shape of its input (checked before `run` sees it), who may
 * ask for it, and what it does. The background is the only writer: every change to the data is a command.
 */
export interface Command<S extends v.GenericSchema = v.GenericSchema, R = unknown> {
  /** Who may send it. Everything but logging a meeting and asking about one is for the extension's pages. */
  from: readonly SenderKind[];
  input: S;
  /**
   * True when the dispatcher is to follow it up: a standing reminder is recounted after it, in order, and sync
   * across browsers is told that the data changed. It says nothing of whether the command writes: the commands
   * that write only their own bookkeeping (the reminder seen, the week's pick, the feeds' or sync's settings, an
   * upload's parts before restoreBackup) and those whose work recounts on its own (a feed sync, sync now) say
   * false.
   */
  recount: boolean;
  /** The sentence a request that does not fit `input` is refused with, when the schema has none of its own. */
  unreadable?: string;
  run(db: AppDB, input: v.InferOutput<S>, ctx: CommandContext): Promise<R>;
}

/** Declares a command (keeps its input and answer types for the protocol). */
export function command<S extends v.GenericSchema, R>(definition: Command<S, R>): Command<S, R> {
  return definition;
}

export { Refusal } from '../refusal';
