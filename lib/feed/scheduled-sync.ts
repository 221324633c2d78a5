import { browser } from 'wxt/browser';
import type { CalendarEvent } from '../calendar/google/card';
import { fitEvents } from '../data/calendar-file';
import { readIcs } from '../data/ics';
import { holdsMore, tooLarge } from '../data/ics/limits';
import type { AppDB } from '../db/app-db';
import { BOOKED_HORIZON_MS, replaceUpcoming, upcomingOf } from '../logging/upcoming';
import { getSetting, getSettings, setSetting } from '../settings';
import type { FeedStatus } from '../settings-schema';
import { mayReachFeed } from './address';
import { FEED_MESSAGES, type FetchOutcome, fetchFeed } from './fetch';
import { type SyncSummary, syncFeedEvents } from './sync';

export const FEED_ALARM = 'bridges-feed-sync';
/** How often the background syncs on its own, while syncing is on. */
export const SYNC_EVERY_MINUTES = 180;
/** Opening the popup syncs when the last sync is older than this. */
export const STALE_AFTER_MS = 60 * 60_000;
/** What reading a feed's text gives: its instances up to `until`, or a sentence saying why not. */
export type ReadFeed = (
  text: string,
  /** Read up to `until`; what comes after `now` is the days ahead. */
  window: { now: number; until: number },
) => {
  events: CalendarEvent[];
  problem: string | null;
  coveredFrom?: ReadonlyMap<string, number>;
  readFrom?: number;
  /**
   * The feed holds more meetings than a calendar is read with (the same limit as a file's): it is refused whole,
   * in the words an import uses, so that nothing is half-written.
   */
  overLimit?: { held: number | null; limit: number };
  /** The feed is larger than a calendar is read at (the same size as a file's). */
  tooLarge?: boolean;
};

export interface FeedSyncDeps {
  now(): number;
  fetch?: typeof fetch;
  read?: ReadFeed;
  /** Recounts a standing reminder after meetings were added or removed. */
  changed?(): Promise<void>;
  /** Benchmark builds only: how long each feed's reading and syncing took, in milliseconds. */
  record?(timing: { parseMs: number; syncMs: number; instances: number; added: number }): void;
}

export type SyncResult =
  | { status: 'off' }
  | { status: 'fresh'; lastSyncAt: number }
  | { status: 'done'; added: number; removed: number; updated: number; error: FeedStatus['error'] };

/**
 * The calendar-file reader, as the feed uses it: where it left a long series' oldest instances out (or a huge
 * file's oldest meetings), those are not "gone" from the feed.
 */
const readWithIcs: ReadFeed = (text, { now, until }) => {
  const reading = readIcs(text, { now, until });
  const cut = reading.leftOut[0];
  return {
    ...(cut ? { overLimit: { held: cut.held, limit: cut.limit } } : {}),
    ...(reading.problem === tooLarge() ? { tooLarge: true } : {}),
    // What no record may hold (a meeting before 1900, more guests than a meeting can have) is left out, as an
    // import leaves it out: what the feed writes, a backup restores.
    events: fitEvents(reading.events).events,
    problem: reading.problem,
    coveredFrom: new Map(reading.cappedSeries.map((s) => [s.series, s.keptFrom])),
    readFrom: reading.leftOutBefore ?? undefined,
  };
};

/**
 * The background's syncing of the user's calendar feeds: every few hours (an alarm), when the popup opens and
 * the last sync is older than an hour, and on "Sync now". One sync at a time.
 */
export function createFeedSync(db: AppDB, deps: FeedSyncDeps) {
  const read = deps.read ?? readWithIcs;
  let running: Promise<SyncResult> | null = null;

  async function syncOnce(): Promise<SyncResult> {
    const settings = await getSetting(db, 'feedSettings');
    if (!settings.enabled || settings.feeds.length === 0) return { status: 'off' };
    const allowed = await mayReachFeed(browser.permissions);
    const {
      myEmails,
      meetingRules: rules,
      feedSyncState: stateBefore,
    } = await getSettings(db, ['myEmails', 'meetingRules', 'feedSyncState']);
    const state = { ...stateBefore };
    const total: Pick<SyncSummary, 'added' | 'removed' | 'updated'> = { added: 0, removed: 0, updated: 0 };
    let error: FeedStatus['error'] = null;
    for (const feed of settings.feeds) {
      const now = deps.now();
      const before = state[feed.id] ?? { etag: null, lastModified: null, instances: {} };
      const fetched: FetchOutcome = allowed
        ? await fetchFeed(feed.url, before, deps.fetch ?? fetch)
        : { status: 'error', problem: 'not-allowed', message: FEED_MESSAGES['not-allowed'] };
      if (fetched.status === 'error') {
        error ??= { problem: fetched.problem, message: fetched.message, at: now, calendar: feed.calendar };
        continue;
      }
      if (fetched.status === 'unchanged') continue;
      const t0 = performance.now();
      // Up to a few months ahead: the meetings to come say who is already booked.
      const reading = read(fetched.text, { now, until: now + BOOKED_HORIZON_MS });
      const t1 = performance.now();
      if (reading.problem) {
        const problem = reading.tooLarge ? 'too-large' : 'not-calendar';
        error ??= { problem, message: reading.problem, at: now, calendar: feed.calendar };
        continue;
      }
      if (reading.overLimit) {
        error ??= {
          problem: 'too-large',
          message: `${holdsMore(reading.overLimit.held, reading.overLimit.limit)}. Nothing was changed. Import your history from a file instead: its newest meetings are read.`,
          at: now,
          calendar: feed.calendar,
        };
        continue;
      }
      const { summary, state: next } = await syncFeedEvents(db, reading.events, before, {
        now,
        myEmails,
        rules,
        coveredFrom: reading.coveredFrom,
        readFrom: reading.readFrom,
      });
      const ahead = reading.events.filter((e) => e.start > now);
      await replaceUpcoming(
        db,
        'feed',
        feed.calendar,
        // Filed under the feed they came from, so that the next sync of it replaces them whole.
        ahead.flatMap((e) => {
          const row = upcomingOf(e, myEmails, 'feed', now);
          return row ? [{ ...row, calendarId: feed.calendar }] : [];
        }),
        now,
      );
      deps.record?.({
        parseMs: t1 - t0,
        syncMs: performance.now() - t1,
        instances: reading.events.length,
        added: summary.added,
      });
      state[feed.id] = { ...fetched.validators, instances: next.instances };
      total.added += summary.added;
      total.removed += summary.removed;
      total.updated += summary.updated;
    }
    // Forget the state of feeds the user removed.
    for (const id of Object.keys(state)) if (!settings.feeds.some((f) => f.id === id)) delete state[id];
    await setSetting(db, 'feedSyncState', state);
    const status = await getSetting(db, 'feedStatus');
    const wrote = total.added + total.removed + total.updated > 0;
    await setSetting(db, 'feedStatus', {
      lastSyncAt: deps.now(),
      lastAdded: wrote ? total.added : status.lastAdded,
      lastRemoved: wrote ? total.removed : status.lastRemoved,
      totalAdded: status.totalAdded + total.added,
      error,
    });
    if (wrote) await deps.changed?.();
    return { status: 'done', ...total, error };
  }

  return {
    /** Syncs now (or joins the sync already running). */
    sync(): Promise<SyncResult> {
      running ??= syncOnce().finally(() => {
        running = null;
      });
      return running;
    },
    /** Syncs when the last one is older than an hour. */
    async syncIfStale(): Promise<SyncResult> {
      const { lastSyncAt } = await getSetting(db, 'feedStatus');
      if (lastSyncAt !== null && deps.now() - lastSyncAt < STALE_AFTER_MS) return { status: 'fresh', lastSyncAt };
      return this.sync();
    },
    /** The alarm follows the setting: every few hours while syncing is on, none when it is off. */
    async schedule(): Promise<void> {
      const { enabled, feeds } = await getSetting(db, 'feedSettings');
      if (enabled && feeds.length > 0) {
        const existing = await browser.alarms.get(FEED_ALARM);
        if (!existing)
          await browser.alarms.create(FEED_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES, delayInMinutes: 1 });
      } else {
        await browser.alarms.clear(FEED_ALARM);
      }
    },
  };
}
