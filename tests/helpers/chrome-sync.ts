import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SyncArea } from '../../lib/sync/engine';

/**
 * Chrome's `storage.sync` for unit tests. WXT's fakeBrowser keeps a sync area with no limits at all, so this wraps
 * one (fakeBrowser's own for the first browser of a test, a second in-memory area for another) with Chrome's:
 * QUOTA_BYTES 102,400, QUOTA_BYTES_PER_ITEM 8,192 (key plus JSON value, in UTF-8), MAX_ITEMS 512, and 120 write
 * operations a minute, 1,800 an hour (each set, remove or clear is one), refused with Chrome's own words. The
 * limits can be lowered to make the browser, not Bridges' own count, refuse first.
 */
export const CHROME_SYNC = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
};

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** A storage area as the browser has it: items, and an event for their changes. */
export interface RawArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  onChanged: { addListener(listener: (changes: Changes) => void): void };
}

/** A second browser's sync area (fakeBrowser has one): items as JSON, changes announced as the browser does. */
export function memoryArea(): RawArea {
  const data = new Map<string, string>();
  const listeners: Array<(changes: Changes) => void> = [];
  const announce = (changes: Changes) => {
    if (Object.keys(changes).length > 0) for (const listener of listeners) listener(changes);
  };
  return {
    async get(keys) {
      const wanted = keys === null || keys === undefined ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const key of wanted) {
        const value = data.get(key);
        if (value !== undefined) out[key] = JSON.parse(value);
      }
      return out;
    },
    async set(items) {
      const changes: Changes = {};
      for (const [key, value] of Object.entries(items)) {
        const json = JSON.stringify(value);
        const old = data.get(key);
        if (old === json) continue;
        data.set(key, json);
        changes[key] = { ...(old !== undefined ? { oldValue: JSON.parse(old) } : {}), newValue: value };
      }
      announce(changes);
    },
    async remove(keys) {
      const changes: Changes = {};
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        const old = data.get(key);
        if (old === undefined) continue;
        data.delete(key);
        changes[key] = { oldValue: JSON.parse(old) };
      }
      announce(changes);
    },
    onChanged: {
      addListener: (listener) => void listeners.push(listener),
    },
  };
}

/** fakeBrowser's own `storage.sync` (reset it with fakeBrowser.reset() between tests). */
export function fakeBrowserSync(): RawArea {
  return fakeBrowser.storage.sync as unknown as RawArea;
}

const utf8 = (text: string) => new TextEncoder().encode(text).length;
/** What Chrome counts an item as: its key and its value's JSON (Chrome's writer prints "<" as \u003C). */
export const chromeItemBytes = (key: string, value: unknown) =>
  utf8(key) + utf8(JSON.stringify(value).replaceAll('<', '\\u003C'));

export interface ChromeSync extends SyncArea {
  inner: RawArea;
  limits: typeof CHROME_SYNC;
  /** Write operations Chrome accepted, with their times. */
  writes: number[];
  /** Calls refused, with Chrome's message. */
  refusals: string[];
  bytesInUse(): Promise<number>;
}

/** `inner` with Chrome's limits, its clock `now` (for the write rates). */
export function chromeSync(inner: RawArea, now: () => number, limits: Partial<typeof CHROME_SYNC> = {}): ChromeSync {
  const writes: number[] = [];
  const refusals: string[] = [];
  const all = { ...CHROME_SYNC, ...limits };
  const refuse = (message: string) => {
    refusals.push(message);
    return Promise.reject(new Error(message));
  };
  const rate = (): string | null => {
    const t = now();
    if (writes.filter((w) => w > t - 60_000).length >= all.MAX_WRITE_OPERATIONS_PER_MINUTE)
      return 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    if (writes.filter((w) => w > t - 3_600_000).length >= all.MAX_WRITE_OPERATIONS_PER_HOUR)
      return 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.';
    return null;
  };
  const area: ChromeSync = {
    inner,
    limits: all,
    writes,
    refusals,
    get: (keys) => inner.get(keys ?? null),
    async set(items) {
      const limited = rate();
      if (limited) return refuse(limited);
      const current = await inner.get(null);
      for (const [key, value] of Object.entries(items)) {
        if (chromeItemBytes(key, value) > all.QUOTA_BYTES_PER_ITEM)
          return refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
        current[key] = value;
      }
      if (Object.keys(current).length > all.MAX_ITEMS) return refuse('MAX_ITEMS quota exceeded');
      const total = Object.entries(current).reduce((sum, [k, v]) => sum + chromeItemBytes(k, v), 0);
      if (total > all.QUOTA_BYTES) return refuse('QUOTA_BYTES quota exceeded');
      writes.push(now());
      await inner.set(items);
    },
    async remove(keys) {
      const limited = rate();
      if (limited) return refuse(limited);
      writes.push(now());
      await inner.remove(keys);
    },
    async bytesInUse() {
      const current = await inner.get(null);
      return Object.entries(current).reduce((sum, [k, v]) => sum + chromeItemBytes(k, v), 0);
    },
  };
  return area;
}

/**
 * The browser's sync engine, delivering what one browser's area holds to another's: every item set or removed so
 * that `to` holds what `from` does, announced on `to` as changes (its onChanged fires, as when the engine delivers).
 * `only` delivers some keys alone (the engine delivers items one by one, in no promised order).
 */
export async function deliver(from: RawArea, to: RawArea, only?: (key: string) => boolean): Promise<void> {
  const source = await from.get(null);
  const target = await to.get(null);
  const pick = only ?? (() => true);
  const gone = Object.keys(target).filter((k) => !(k in source) && pick(k));
  const changed = Object.fromEntries(
    Object.entries(source).filter(([k, v]) => pick(k) && JSON.stringify(target[k]) !== JSON.stringify(v)),
  );
  if (Object.keys(changed).length > 0) await to.set(changed);
  if (gone.length > 0) await to.remove(gone);
}
