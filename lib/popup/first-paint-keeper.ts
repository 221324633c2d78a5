import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { allGroups, allPeople, settingRows } from '../db/queries';
import { POPUP_SETTINGS } from '../settings-schema';
import type { WatchedStore } from '../sync/watch';
import { FIRST_PAINT_KEY, firstPaintOf } from './first-paint';
import { popupSettingsFromRows } from './settings';

/** Wakes the background when the kept first screen stops holding (lib/popup/first-paint.ts `validUntil`). */
export const FIRST_PAINT_ALARM = 'bridges-first-paint';
/** The stores the first screen is made from. */
const SOURCES: ReadonlySet<WatchedStore> = new Set(['people', 'groups', 'settings']);

interface Area {
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface FirstPaintKeeperOptions {
  now?: () => number;
  /** Where it is kept: the browser's session storage. */
  area?: Area;
  /** How long writes must have stopped before it is made again (an import writes in many turns). */
  quietMs?: number;
  alarms?: { create(name: string, info: { when: number }): unknown };
}

export interface FirstPaintKeeper {
  /** At every start of the background, once the database is open: made afresh. */
  start(): void;
  /** A watched store is being written (lib/sync/watch.ts): dropped at once, made again once writes stop. */
  written(store: WatchedStore): void;
  onAlarm(name: string): void;
  /** Resolves once it is made and nothing is pending (tests and the benchmark wait for it). */
  settled(): Promise<void>;
}

/**
 * Keeps the popup's first screen (lib/popup/first-paint.ts) in session storage for as long as it is true. It is
 * never there while the data it was made from is being changed: dropped when a write to its stores is made, made
 * again from the database once they have stopped, and not kept if another write came while it was being made.
 */
export function createFirstPaintKeeper(db: AppDB, options: FirstPaintKeeperOptions = {}): FirstPaintKeeper {
  const now = options.now ?? Date.now;
  const area = options.area ?? (browser.storage.session as unknown as Area);
  const quietMs = options.quietMs ?? 250;
  const alarms = options.alarms ?? browser.alarms;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let making: Promise<void> | null = null;
  let again = false;
  let waiters: Array<() => void> = [];

  const drop = () => area.remove(FIRST_PAINT_KEY).catch(() => undefined);

  async function make(): Promise<void> {
    const at = generation;
    const [people, groups, rows] = await Promise.all([allPeople(db), allGroups(db), settingRows(db, POPUP_SETTINGS)]);
    if (at !== generation) return; // written meanwhile: that write makes it again
    const paint = firstPaintOf(people, groups, popupSettingsFromRows(rows), now());
    await area.set({ [FIRST_PAINT_KEY]: paint });
    if (at !== generation) {
      await drop();
      return;
    }
    await alarms.create(FIRST_PAINT_ALARM, { when: paint.validUntil });
  }

  function settle() {
    if (timer !== null || making !== null) return;
    for (const wake of waiters) wake();
    waiters = [];
  }

  function run() {
    timer = null;
    if (making) {
      again = true; // one at a time: the one under way finishes, then this one starts
      return;
    }
    making = make()
      .catch((error: unknown) => {
        console.warn('Bridges: the popup’s first screen could not be prepared.', error);
        return drop();
      })
      .finally(() => {
        making = null;
        if (again) {
          again = false;
          schedule(0);
        }
        settle();
      });
  }

  function schedule(delay: number) {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  return {
    start: () => schedule(0),
    written(store) {
      if (!SOURCES.has(store)) return;
      generation++;
      void drop();
      schedule(quietMs);
    },
    onAlarm(name) {
      if (name === FIRST_PAINT_ALARM) schedule(0);
    },
    settled() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
  };
}
