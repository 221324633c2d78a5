import * as v from 'valibot';

/**
 * Where this browser's sync across browsers stands: the `sync` store's state row, as the settings page reads it
 * (checked, like every stored value) and the background writes it (lib/sync/state.ts). Apart from the writes, so
 * the page carries none.
 */
export const STATE_ROW = 'state';

/** What is left on this browser only, when not everything fits in the browser's sync. */
const LeftOutSchema = v.object({
  decisions: v.number(),
  contacts: v.number(),
  notes: v.number(),
  digests: v.number(),
  deletions: v.number(),
  /** The addresses of the people whose decisions or notes stay here (the first few). */
  people: v.array(v.string()),
});
export type LeftOut = v.InferOutput<typeof LeftOutSchema>;

/** Why sync stopped on this browser without the user turning it off here. */
const StoppedSchema = v.object({
  reason: v.picklist(['forgotten', 'passphrase-changed', 'wiped']),
  at: v.number(),
});

export const StateSchema = v.object({
  on: v.boolean(),
  /** The salt and key check of the data this browser's key opens (the meta item's, when it joined). */
  salt: v.nullable(v.string()),
  check: v.nullable(v.string()),
  /** When sync was turned on here: a "delete everything on every browser" from before is not this browser's. */
  joinedAt: v.nullable(v.number()),
  lastSyncAt: v.nullable(v.number()),
  /** The generation last read or written. */
  gen: v.nullable(v.string()),
  /** Something changed here that may not be in the browser's sync yet. */
  dirty: v.boolean(),
  /** Since when a generation's sections have not all arrived. */
  waitingSince: v.nullable(v.number()),
  /** When this browser wrote to the browser's sync, in the last hour: kept under its rate limits. */
  writes: v.array(v.number()),
  /** Not before this time (the browser said a limit was hit, or a write failed). */
  retryAt: v.nullable(v.number()),
  failures: v.number(),
  /** Chunks no manifest names, and since when: removed after a while (a lost race leaves them). */
  orphans: v.record(v.string(), v.number()),
  usage: v.nullable(v.object({ items: v.number(), bytes: v.number() })),
  leftOut: v.nullable(LeftOutSchema),
  problem: v.nullable(v.object({ message: v.string(), at: v.number() })),
  stopped: v.nullable(StoppedSchema),
  /** Records another browser wrote that did not pass their checks, at the last read. */
  refused: v.number(),
});
export type SyncState = v.InferOutput<typeof StateSchema>;

export const OFF: SyncState = {
  on: false,
  salt: null,
  check: null,
  joinedAt: null,
  lastSyncAt: null,
  gen: null,
  dirty: false,
  waitingSince: null,
  writes: [],
  retryAt: null,
  failures: 0,
  orphans: {},
  usage: null,
  leftOut: null,
  problem: null,
  stopped: null,
  refused: 0,
};

/** The state from its row, checked; off when there is none or it cannot be read. */
export function stateFromRow(row: { value: unknown } | undefined): SyncState {
  if (!row) return OFF;
  const parsed = v.safeParse(StateSchema, row.value);
  return parsed.success ? parsed.output : OFF;
}
