import type { AppDB } from './app-db';
import { MOVE_FROM_LOCAL_STORAGE } from './app-db';

/**
 * The upgrades that change rows, by schema version. Only the background adds them to its database (its start
 * opens it: lib/background/start.ts); a page opens the database once the background has (lib/db/ready.ts), so
 * pages never carry code that writes. An upgrade is frozen with its version: it uses only constants of its own
 * (never today's defaults, which later versions change), so it does what it did when it was released.
 */
/** Version 2's upgrade, frozen: the relationship fields as version 2 released them. */
export const PERSON_DEFAULTS_V2 = Object.freeze({
  priority: 'normal',
  kind: null,
  team: false,
  ignored: false,
  snoozedUntil: null,
  idealDays: null,
  maxDays: null,
  groupId: null,
  teamSuggestionDismissed: false,
} as const);

/**
 * Version 3's upgrade, frozen: what it filled in when it was released (the defaults of that day, version 2's
 * fields included).
 */
export const PERSON_DEFAULTS_V3 = Object.freeze({
  ...PERSON_DEFAULTS_V2,
  note: '',
  thanksOwedSince: null,
  thanksSettledAt: null,
} as const);

/** An upgrade that fills in `defaults` on each person row that lacks a field (values it has are kept). */
function addMissing(defaults: Readonly<Record<string, unknown>>) {
  return (person: Record<string, unknown>): void => {
    for (const [field, value] of Object.entries(defaults)) if (!(field in person)) person[field] = value;
  };
}

/** Version 6's upgrade, frozen: no meeting booked, no catch-up being planned. */
export const PERSON_DEFAULTS_V6 = Object.freeze({ nextMeetingAt: null, planningSince: null } as const);

/** `db` with the upgrades that change rows: the background's database. */
export function withUpgrades<T extends AppDB>(db: T): T {
  db.version(2).upgrade((tx) => tx.table('people').toCollection().modify(addMissing(PERSON_DEFAULTS_V2)));
  db.version(3).upgrade((tx) => tx.table('people').toCollection().modify(addMissing(PERSON_DEFAULTS_V3)));
  db.version(5).upgrade((tx) => tx.table('settings').put({ name: MOVE_FROM_LOCAL_STORAGE, value: true }));
  db.version(6).upgrade((tx) => tx.table('people').toCollection().modify(addMissing(PERSON_DEFAULTS_V6)));
  return db;
}
