import * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import { Refusal } from '../refusal';
import { USER_SETTING_NAMES } from '../settings';
import { fromBase85, toBase85 } from './codec';
import { deriveKey, keyOpens, MIN_PASSPHRASE, makeCheck, newSalt, PBKDF2_ITERATIONS } from './crypto';
import {
  CORE,
  coreOf,
  type Entry,
  entriesOfPerson,
  entryOfContact,
  entryOfTombstone,
  type Kind,
  kindOfSection,
  rankEntries,
  SECTION_NAMES,
  type SyncDocument,
} from './document';
import { Compressor, type Fit, fitDocument, prepare } from './fit';
import {
  PULL_AFTER_MS,
  PUSH_AFTER_MS,
  REPAIR_AFTER_MS,
  SYNC_BUDGET,
  SYNC_LIMITS,
  TOMBSTONE_MS,
  WRITES_PER_HOUR,
  WRITES_PER_MINUTE,
} from './limits';
import { type MergeSummary, mergeRemote } from './merge';
import { addCore, addSection, emptyRemote } from './records';
import { KEY_ROW, type LeftOut, OFF, readKey, readState, type SyncState, writeState } from './state';
import {
  chunksOf,
  FORMAT,
  hashText,
  isOurs,
  MANIFEST_KEY,
  type Manifest,
  META_KEY,
  MetaSchema,
  openManifest,
  openSection,
  randomId,
  type SectionEntry,
  sealManifest,
  sealSection,
  usage,
} from './store';
import type { WriteWatch } from './watch';

/**
 * Sync across the user's browsers, through the browser's own sync (`storage.sync`), end-to-end encrypted: the
 * background's service, the only code that reads or writes it. A change here is written a few seconds later (many
 * changes make one write); a change the browser delivers is read a second later and merged; an alarm retries what
 * a limit held back. One run at a time.
 */

/** The part of `storage.sync` Bridges uses. */
export interface SyncArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SYNC_ALARM = 'bridges-sync';

export interface SyncDeps {
  area: SyncArea;
  now(): number;
  /** PBKDF2 iterations for a new key; and the fewest a key written elsewhere may have (tests lower both). */
  iterations?: number;
  minIterations?: number;
  budget?: number;
  /** The timers that gather changes (tests run them by hand). */
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
  /** Wakes the background to retry later, should it sleep before its timers run. */
  alarm?(when: number): Promise<void> | void;
  /** Records here changed from another browser's: the reminder recounts. */
  merged?(): Promise<void>;
  /** Another browser asked to delete everything on every browser: everything here is deleted. */
  wipe?(): Promise<void>;
  /**
   * The background's writes as they happen (lib/sync/watch.ts, installed before the database opens): a push reads
   * again only what changed. Without it, every push reads everything.
   */
  watch?: WriteWatch;
  /** Benchmark builds only: a push's own time (without the browser's writes) and the writes' time. */
  record?(timing: {
    kind: 'push' | 'pull';
    ms: number;
    writeMs: number;
    sections: number;
    phases?: Record<string, number>;
  }): void;
}

export interface SyncRunResult {
  status: 'off' | 'synced' | 'waiting' | 'held' | 'stopped';
  merged?: MergeSummary;
  wrote?: number;
}

export type SyncService = ReturnType<typeof createSync>;

/** The limit the browser named in refusing a write, or null. */
function limitHit(error: unknown): keyof typeof SYNC_LIMITS | null {
  const message = error instanceof Error ? error.message : String(error);
  for (const name of Object.keys(SYNC_LIMITS) as Array<keyof typeof SYNC_LIMITS>) {
    if (message.includes(name)) return name;
  }
  return null;
}

const LIMIT_WORDS: Record<keyof typeof SYNC_LIMITS, string> = {
  QUOTA_BYTES: "the browser's sync is full",
  QUOTA_BYTES_PER_ITEM: "an item was larger than the browser's sync takes",
  MAX_ITEMS: "the browser's sync holds too many items",
  MAX_WRITE_OPERATIONS_PER_HOUR: 'too many writes this hour',
  MAX_WRITE_OPERATIONS_PER_MINUTE: 'too many writes this minute',
};

/** A write refused (by the browser, or by Bridges' own count of the rate limits) and when to try again. */
class Held extends Error {
  constructor(
    readonly retryAt: number,
    readonly words: string,
  ) {
    super(words);
  }
}

const when = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function createSync(db: AppDB, deps: SyncDeps) {
  const area = deps.area;
  const iterations = deps.iterations ?? PBKDF2_ITERATIONS;
  const minIterations = deps.minIterations ?? PBKDF2_ITERATIONS;
  const budget = deps.budget ?? SYNC_BUDGET;
  const timers = deps.timers ?? {
    set: (run: () => void, ms: number) => setTimeout(run, ms),
    clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const compressor = new Compressor();
  let lastCut = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let pending: unknown = null;

  /** Runs `task` after whatever runs now: one run at a time. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function later(ms: number): void {
    if (pending !== null) timers.clear(pending);
    pending = timers.set(() => {
      pending = null;
      void run().catch(() => undefined);
    }, ms);
  }

  async function scheduleAlarm(state: SyncState): Promise<void> {
    if (!state.on || !deps.alarm) return;
    const now = deps.now();
    const soon = state.dirty || state.waitingSince !== null;
    await deps.alarm(Math.max(state.retryAt ?? 0, now + (soon ? 60_000 : 60 * 60_000)));
  }

  /** Counts a write to the browser's sync; throws Held when it would pass the rate limits. */
  function spendWrites(state: SyncState, count: number): void {
    const now = deps.now();
    state.writes = state.writes.filter((t) => t > now - 3_600_000);
    const lastMinute = state.writes.filter((t) => t > now - 60_000);
    if (lastMinute.length + count > WRITES_PER_MINUTE) {
      throw new Held((lastMinute[0] ?? now) + 60_000, LIMIT_WORDS.MAX_WRITE_OPERATIONS_PER_MINUTE);
    }
    if (state.writes.length + count > WRITES_PER_HOUR) {
      throw new Held((state.writes[0] ?? now) + 3_600_000, LIMIT_WORDS.MAX_WRITE_OPERATIONS_PER_HOUR);
    }
    for (let i = 0; i < count; i++) state.writes.push(now);
  }

  /** A write to the browser's sync; a refusal naming a limit becomes Held, with a back-off. */
  async function write(state: SyncState, action: () => Promise<void>): Promise<number> {
    spendWrites(state, 1);
    const t0 = performance.now();
    try {
      await action();
    } catch (error) {
      const limit = limitHit(error);
      if (!limit) throw error;
      const now = deps.now();
      const backoff =
        limit === 'MAX_WRITE_OPERATIONS_PER_HOUR'
          ? 3_600_000
          : Math.min(60_000 * 2 ** Math.min(state.failures, 6), 3_600_000);
      throw new Held(now + backoff, LIMIT_WORDS[limit]);
    }
    return performance.now() - t0;
  }

  /**
   * What travels from here, each record prepared once and kept while it does not change: after the first push, only
   * the rows written since (as the watch saw them) are read again. Groups and settings are few: read whole when any
   * changed.
   */
  interface Cache {
    people: Map<string, Entry[]>;
    contacts: Map<string, Entry>;
    tombstones: Map<string, Entry>;
    core: SyncDocument['core'];
  }
  let cache: Cache | null = null;

  async function readCore(): Promise<SyncDocument['core']> {
    const [groups, settings] = await Promise.all([db.groups.toArray(), db.settings.bulkGet([...USER_SETTING_NAMES])]);
    return coreOf(
      groups,
      settings.filter((r) => r !== undefined),
    );
  }

  async function readAll(): Promise<Cache> {
    return db.transaction('r', [db.people, db.groups, db.settings, db.interactions, db.tombstones], async () => {
      const [people, contacts, tombstones, core] = await Promise.all([
        db.people.toArray(),
        db.interactions.where('key').startsWith('manual:').toArray(),
        db.tombstones.toArray(),
        readCore(),
      ]);
      const fresh: Cache = { people: new Map(), contacts: new Map(), tombstones: new Map(), core };
      for (const p of people) fresh.people.set(p.email, entriesOfPerson(p));
      for (const i of contacts) {
        const e = entryOfContact(i);
        if (e) fresh.contacts.set(i.key, e);
      }
      for (const t of tombstones) fresh.tombstones.set(t.key, entryOfTombstone(t));
      return fresh;
    });
  }

  async function documentNow(): Promise<SyncDocument> {
    const changed = deps.watch?.take();
    if (!cache || !changed || Object.values(changed).some((c) => c === 'all')) cache = await readAll();
    else {
      const known = cache;
      await db.transaction('r', [db.people, db.groups, db.settings, db.interactions, db.tombstones], async () => {
        const sets = changed as Record<keyof typeof changed, Set<string>>;
        const people = [...sets.people];
        const contacts = [...sets.contacts];
        const tombstones = [...sets.tombstones];
        const [rows, logged, deleted] = await Promise.all([
          db.people.bulkGet(people),
          db.interactions.bulkGet(contacts),
          db.tombstones.bulkGet(tombstones),
        ]);
        people.forEach((email, i) => {
          const row = rows[i];
          if (row) known.people.set(email, entriesOfPerson(row));
          else known.people.delete(email);
        });
        contacts.forEach((key, i) => {
          const e = logged[i] && entryOfContact(logged[i]);
          if (e) known.contacts.set(key, e);
          else known.contacts.delete(key);
        });
        tombstones.forEach((key, i) => {
          const row = deleted[i];
          if (row) known.tombstones.set(key, entryOfTombstone(row));
          else known.tombstones.delete(key);
        });
        if (sets.groups.size > 0 || sets.settings.size > 0) known.core = await readCore();
      });
    }
    const oldest = Math.floor((deps.now() - TOMBSTONE_MS) / 1000);
    const live = [...cache.tombstones.values()].filter((e) => (e.record as { a: number }).a >= oldest);
    return {
      core: cache.core,
      ranked: rankEntries([...live, ...[...cache.people.values()].flat(), ...cache.contacts.values()]),
    };
  }

  /** Turns sync off here: the key is forgotten; `stopped` says why when the user did not ask for it here. */
  async function stopHere(stopped: SyncState['stopped'] = null): Promise<void> {
    if (pending !== null) timers.clear(pending);
    pending = null;
    await db.transaction('rw', db.sync, async () => {
      await db.sync.clear();
      await writeState(db, { ...OFF, stopped });
    });
  }

  /** Reads what another browser wrote and merges it. Sections not all there yet are waited for. */
  async function pull(
    key: CryptoKey,
    manifest: Manifest,
    items: Record<string, unknown>,
    state: SyncState,
  ): Promise<{ merged: MergeSummary; missing: Set<string>; waiting: boolean }> {
    const t0 = performance.now();
    const remote = emptyRemote();
    const missing = new Set<string>();
    let unreadable = 0;
    let check = 0;
    for (const [name, entry] of Object.entries(manifest.s)) {
      const kind = kindOfSection(name);
      if (name !== CORE && !kind) continue; // a later release's section: not this release's to read
      const text = await openSection(key, name, entry, items);
      const c0 = performance.now();
      if (text === 'missing') missing.add(name);
      else if (text === 'unreadable') unreadable++;
      else if (!(kind ? addSection(remote, kind, text) : addCore(remote, text))) unreadable++;
      check += performance.now() - c0;
    }
    const t1 = performance.now();
    const merged = await mergeRemote(db, remote, deps.now());
    const t2 = performance.now();
    state.refused = remote.refused + unreadable;
    deps.record?.({
      kind: 'pull',
      ms: t2 - t0,
      writeMs: 0,
      sections: Object.keys(manifest.s).length,
      phases: { open: t1 - t0 - check, check, merge: t2 - t1 },
    });
    const changed = Object.values(merged).some((n) => n > 0);
    if (changed) await deps.merged?.();
    return { merged, missing, waiting: missing.size > 0 };
  }

  /** What the budget left out, in counts and the first few people, for the settings page. */
  function leftOutOf(prepared: ReturnType<typeof prepare>, fit: Fit): LeftOut | null {
    const rest = prepared.document.ranked.slice(fit.count);
    if (rest.length === 0) return null;
    const count = (kind: Kind) => rest.filter((r) => r.kind === kind).length;
    const people = [
      ...new Set(rest.filter((r) => r.kind === 'd' || r.kind === 'n').map((r) => r.email as string)),
    ].slice(0, 5);
    return {
      deletions: count('t'),
      decisions: count('d'),
      contacts: count('c'),
      notes: count('n'),
      digests: count('p'),
      people,
    };
  }

  /**
   * Writes this browser's records where they differ from the generation in the browser's sync: changed sections
   * under new keys, then the manifest, then the old chunks removed; in as many steps as the free room needs.
   * Sections still arriving from another browser are left as they are (unless they never came).
   */
  async function push(
    key: CryptoKey,
    manifest: Manifest | null,
    items: Record<string, unknown>,
    state: SyncState,
    keepAsIs: Set<string>,
  ): Promise<number> {
    const t0 = performance.now();
    let writeMs = 0;
    const document = await documentNow();
    const t1 = performance.now();
    const prepared = prepare(document);
    const t2 = performance.now();
    const fit = await fitDocument(prepared, budget, compressor, lastCut);
    const t3 = performance.now();
    lastCut = fit.count;
    compressor.settle();
    state.leftOut = leftOutOf(prepared, fit);

    const entries: Record<string, SectionEntry> = { ...manifest?.s };
    const changed: Array<{ name: string; hash: string; text: string; records: number }> = [];
    const counts = new Map<string, number>();
    for (const name of SECTION_NAMES) counts.set(name, 0);
    for (let i = 0; i < fit.count; i++) {
      const section = prepared.sections[i] as string;
      counts.set(section, (counts.get(section) ?? 0) + 1);
    }
    for (const name of SECTION_NAMES) {
      if (keepAsIs.has(name)) continue;
      const text = fit.texts.get(name);
      if (text === undefined) continue;
      const hash = await hashText(text);
      if (entries[name]?.h === hash) continue;
      changed.push({ name, hash, text, records: name === CORE ? 1 : (counts.get(name) ?? 0) });
    }
    // Sections this browser no longer fills (all their records gone, or left out by the budget).
    const dropped = Object.keys(entries).filter(
      (name) => !keepAsIs.has(name) && !fit.texts.has(name) && (name === CORE || kindOfSection(name) !== null),
    );
    if (changed.length === 0 && dropped.length === 0) {
      deps.record?.({ kind: 'push', ms: performance.now() - t0, writeMs: 0, sections: 0 });
      return 0;
    }

    const sealed = new Map<string, Record<string, string>>();
    for (const c of changed) {
      sealed.set(c.name, await sealSection(key, c.name, c.text, c.hash, await compressor.of(c.text)));
    }
    let current = { ...items };
    let wrote = 0;
    let toDrop = dropped;
    let rest = changed;
    let gen = manifest?.gen ?? null;
    while (rest.length > 0 || toDrop.length > 0) {
      // As many changed sections as the free room takes beside what is there (the old ones go after).
      const used = usage(current);
      const batch: typeof changed = [];
      let bytes = used.bytes + 3_000;
      let count = used.items + 1;
      for (const c of rest) {
        const chunk = sealed.get(c.name) ?? {};
        const size = Object.entries(chunk).reduce((sum, [k, value]) => sum + k.length + value.length + 2, 0);
        if (bytes + size > SYNC_LIMITS.QUOTA_BYTES || count + Object.keys(chunk).length > SYNC_LIMITS.MAX_ITEMS) {
          if (batch.length === 0 && toDrop.length === 0) {
            throw new Held(deps.now() + 60_000, LIMIT_WORDS.QUOTA_BYTES);
          }
          break;
        }
        batch.push(c);
        bytes += size;
        count += Object.keys(chunk).length;
      }
      const chunks: Record<string, string> = Object.assign({}, ...batch.map((c) => sealed.get(c.name)));
      const old = new Set<string>();
      for (const c of batch) {
        for (const k of entries[c.name]?.k ?? []) old.add(k);
        entries[c.name] = { h: c.hash, k: Object.keys(sealed.get(c.name) ?? {}), r: c.records };
      }
      for (const name of toDrop) {
        for (const k of entries[name]?.k ?? []) old.add(k);
        delete entries[name];
      }
      if (batch.length > 0) writeMs += await write(state, () => area.set(chunks));
      gen = randomId(10);
      const next: Manifest = {
        v: FORMAT,
        gen,
        at: deps.now(),
        ...(manifest?.wipedAt ? { wipedAt: manifest.wipedAt } : {}),
        s: { ...entries },
      };
      const value = await sealManifest(key, next);
      writeMs += await write(state, () => area.set({ [MANIFEST_KEY]: value }));
      state.gen = gen;
      current = { ...current, ...chunks, [MANIFEST_KEY]: value };
      if (old.size > 0) {
        writeMs += await write(state, () => area.remove([...old]));
        for (const k of old) delete current[k];
      }
      wrote += batch.length + toDrop.length;
      rest = rest.slice(batch.length);
      toDrop = [];
    }
    state.usage = usage(current);
    deps.record?.({
      kind: 'push',
      ms: performance.now() - t0 - writeMs,
      writeMs,
      sections: wrote,
      phases: { read: t1 - t0, build: t2 - t1, fit: t3 - t2 },
    });
    return wrote;
  }

  /**
   * Removes chunks no manifest has named for a while (a browser that lost a race to write leaves them). Returns the
   * items left.
   */
  async function sweep(
    state: SyncState,
    manifest: Manifest | null,
    items: Record<string, unknown>,
    now: number,
  ): Promise<Record<string, unknown>> {
    const named = chunksOf(manifest);
    const orphans: Record<string, number> = {};
    for (const key of Object.keys(items)) {
      if (!isOurs(key) || key === META_KEY || key === MANIFEST_KEY || named.has(key)) continue;
      orphans[key] = state.orphans[key] ?? now;
    }
    const old = Object.keys(orphans).filter((k) => (orphans[k] as number) <= now - REPAIR_AFTER_MS);
    const left = { ...items };
    if (old.length > 0) {
      await write(state, () => area.remove(old));
      for (const k of old) {
        delete orphans[k];
        delete left[k];
      }
    }
    state.orphans = orphans;
    return left;
  }

  /** One run: read what changed in the browser's sync and merge it; write what changed here. */
  async function runOnce(): Promise<SyncRunResult> {
    const state = await readState(db);
    if (!state.on) return { status: 'off' };
    const key = await readKey(db);
    if (!key) {
      await writeState(db, {
        ...OFF,
        problem: { message: 'This browser lost its sync key: turn sync on again.', at: deps.now() },
      });
      return { status: 'off' };
    }
    const now = deps.now();
    if (state.retryAt !== null && now < state.retryAt) {
      await scheduleAlarm(state);
      return { status: 'held' };
    }
    const items = await area.get(null);
    const meta = v.safeParse(MetaSchema, items[META_KEY]);
    if (!meta.success) {
      // "Forget synced data" on another browser: the data there is gone, sync stops here, nothing here is lost.
      await stopHere({ reason: 'forgotten', at: now });
      return { status: 'stopped' };
    }
    if (meta.output.salt !== state.salt || meta.output.check !== state.check) {
      await stopHere({ reason: 'passphrase-changed', at: now });
      return { status: 'stopped' };
    }
    const manifest = items[MANIFEST_KEY] === undefined ? null : await openManifest(key, items[MANIFEST_KEY]);
    if (items[MANIFEST_KEY] !== undefined && !manifest) {
      state.problem = {
        message: 'What your other browsers wrote could not be read: Bridges waits for their next change.',
        at: now,
      };
      await writeState(db, state);
      return { status: 'waiting' };
    }
    if (manifest?.wipedAt !== undefined && state.joinedAt !== null && manifest.wipedAt > state.joinedAt) {
      await deps.wipe?.();
      await stopHere({ reason: 'wiped', at: now });
      return { status: 'stopped' };
    }

    const result: SyncRunResult = { status: 'synced' };
    const keepAsIs = new Set<string>();
    // Deletions older than any browser needs are forgotten (and no longer written).
    if ((await db.tombstones.filter((t) => t.at < now - TOMBSTONE_MS).delete()) > 0) state.dirty = true;
    try {
      if (manifest && (manifest.gen !== state.gen || state.waitingSince !== null)) {
        const pulled = await pull(key, manifest, items, state);
        result.merged = pulled.merged;
        state.gen = manifest.gen;
        state.dirty = true;
        if (pulled.waiting) {
          state.waitingSince ??= now;
          // Sections still on their way are theirs to finish, unless they never come.
          if (now - state.waitingSince < REPAIR_AFTER_MS) for (const name of pulled.missing) keepAsIs.add(name);
          result.status = 'waiting';
        } else state.waitingSince = null;
      }
      if (state.dirty) {
        result.wrote = await push(key, manifest, items, state, keepAsIs);
        state.dirty = false;
      }
      state.usage = usage(await sweep(state, manifest, await area.get(null), now));
      state.retryAt = null;
      state.failures = 0;
      state.problem = null;
      state.lastSyncAt = deps.now();
    } catch (error) {
      if (!(error instanceof Held)) {
        state.failures++;
        state.retryAt = now + Math.min(60_000 * 2 ** Math.min(state.failures, 6), 3_600_000);
        state.problem = {
          message: `Sync failed (${error instanceof Error ? error.message : String(error)}): Bridges tries again at ${when(state.retryAt)}.`,
          at: now,
        };
      } else {
        state.failures++;
        state.retryAt = error.retryAt;
        state.problem = {
          message: `The browser's sync held Bridges back (${error.words}): what is left is written at ${when(error.retryAt)}.`,
          at: now,
        };
      }
      state.dirty = true;
      result.status = 'held';
    }
    await writeState(db, state);
    await scheduleAlarm(state);
    return result;
  }

  function run(): Promise<SyncRunResult> {
    return serial(runOnce);
  }

  /** Marks that something changed here, and writes it once changes stop for a few seconds. */
  async function changed(): Promise<void> {
    const state = await readState(db);
    if (!state.on) return;
    if (!state.dirty) await writeState(db, { ...state, dirty: true });
    later(PUSH_AFTER_MS);
    await scheduleAlarm({ ...state, dirty: true });
  }

  return {
    /**
     * Turns sync on with `passphrase`: with the data the user's other browsers wrote (the passphrase must open it;
     * a wrong one changes nothing), or, when there is none, with a new key. Then syncs at once.
     */
    async turnOn(passphrase: string): Promise<SyncRunResult & { joined: boolean }> {
      if ([...passphrase].length < MIN_PASSPHRASE) {
        throw new Refusal(`A passphrase has at least ${MIN_PASSPHRASE} characters.`);
      }
      return serial(async () => {
        const items = await area.get(null);
        const found = v.safeParse(MetaSchema, items[META_KEY]);
        let salt: Uint8Array;
        let check: string;
        let key: CryptoKey;
        const joined = found.success;
        if (found.success) {
          const meta = found.output;
          if (meta.iter < minIterations) {
            throw new Refusal(
              'The synced data was written with a weaker key than Bridges accepts: on the browser that wrote it, choose Forget synced data, then turn sync on again.',
            );
          }
          const decoded = fromBase85(meta.salt);
          if (!decoded)
            throw new Refusal('The synced data cannot be read: choose Forget synced data, then turn sync on again.');
          salt = decoded;
          key = await deriveKey(passphrase, salt, meta.iter);
          if (!(await keyOpens(key, meta.check))) {
            throw new Refusal(
              'That is not the passphrase your other browsers use: nothing was changed. Type the one you chose there.',
            );
          }
          check = meta.check;
        } else {
          salt = newSalt();
          key = await deriveKey(passphrase, salt, iterations);
          check = await makeCheck(key);
          // What an earlier sync left (without its meta, nothing can read it) goes first.
          const stale = Object.keys(items).filter(isOurs);
          if (stale.length > 0) await area.remove(stale);
          await area.set({ [META_KEY]: { v: FORMAT, salt: toBase85(salt), iter: iterations, check } });
        }
        const now = deps.now();
        await db.transaction('rw', db.sync, async () => {
          await db.sync.put({ name: KEY_ROW, value: key });
          await writeState(db, {
            ...OFF,
            on: true,
            salt: toBase85(salt),
            check,
            joinedAt: now,
            dirty: true,
            writes: [now],
          });
        });
        return { ...(await runOnce()), joined };
      });
    },

    /** Stops sync here: the key is forgotten; what is in the browser's sync stays for the other browsers. */
    turnOff(): Promise<void> {
      return serial(() => stopHere());
    },

    /** Removes Bridges' items from the browser's sync (every browser's sync stops), and stops sync here. */
    forget(): Promise<void> {
      return serial(async () => {
        const keys = Object.keys(await area.get(null)).filter(isOurs);
        if (keys.length > 0) await area.remove(keys);
        await stopHere();
      });
    },

    /**
     * "Delete everything, on every browser too": the browser's sync is left holding only the word to delete (the
     * others delete everything when they read it), and sync stops here.
     */
    wipeEverywhere(): Promise<void> {
      return serial(async () => {
        const state = await readState(db);
        const key = await readKey(db);
        if (state.on && key) {
          const items = await area.get(null);
          const manifest: Manifest = { v: FORMAT, gen: randomId(10), at: deps.now(), wipedAt: deps.now(), s: {} };
          await area.set({ [MANIFEST_KEY]: await sealManifest(key, manifest) });
          const chunks = Object.keys(items).filter((k) => isOurs(k) && k !== META_KEY && k !== MANIFEST_KEY);
          if (chunks.length > 0) await area.remove(chunks);
        }
        await stopHere();
      });
    },

    changed,

    /** The browser delivered changes to its sync: read them a moment later (its items arrive one by one). */
    remoteChanged(changes: Record<string, unknown>): void {
      if (!Object.keys(changes).some(isOurs)) return;
      later(PULL_AFTER_MS);
    },

    /** Syncs now: read, merge, write. */
    syncNow: run,

    /** The background's alarm, and its start: sync if on (and something is due). */
    onAlarm: run,
    start: run,

    /** Waits for the run under way (tests). */
    async settled(): Promise<void> {
      await queue;
    },
  };
}
