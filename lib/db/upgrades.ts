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

/**
 * Version 7's upgrade, frozen: each of the user's own fields of a person as it travels to their other browsers,
 * and its value until the user sets one. A field the user had set gets a change time (their last change to the
 * person is the best guess there is), so it wins over a browser where it was never set.
 */
export const SYNCED_DEFAULTS_V7: Readonly<Record<string, readonly string[] | null>> = Object.freeze({
  // field: the stored fields that make it up, compared with their defaults below
  priority: ['priority'],
  kind: ['kind'],
  cadence: ['idealDays', 'maxDays'],
  groupId: ['groupId'],
  team: ['team'],
  ignored: ['ignored'],
  snoozedUntil: ['snoozedUntil'],
  thanksOwedSince: ['thanksOwedSince'],
  thanksSettledAt: ['thanksSettledAt'],
  note: ['note'],
  teamSuggestionDismissed: ['teamSuggestionDismissed'],
  planningSince: ['planningSince'],
});
const STORED_DEFAULTS_V7: Readonly<Record<string, unknown>> = Object.freeze({
  ...PERSON_DEFAULTS_V3,
  ...PERSON_DEFAULTS_V6,
});

function stampSetFields(person: Record<string, unknown>): void {
  if (person.changedAt !== undefined) return;
  const at = typeof person.updatedAt === 'number' ? person.updatedAt : 0;
  const changedAt: Record<string, number> = {};
  for (const [field, stored] of Object.entries(SYNCED_DEFAULTS_V7)) {
    if (stored?.some((name) => name in person && person[name] !== STORED_DEFAULTS_V7[name])) changedAt[field] = at;
  }
  person.changedAt = changedAt;
}

function stampGroup(group: Record<string, unknown>): void {
  if (group.changedAt !== undefined) return;
  const at = typeof group.createdAt === 'number' ? group.createdAt : 0;
  group.changedAt = { name: at, kind: at };
}

/** `db` with the upgrades that change rows: the background's database. */
export function withUpgrades<T extends AppDB>(db: T): T {
  db.version(2).upgrade((tx) => tx.table('people').toCollection().modify(addMissing(PERSON_DEFAULTS_V2)));
  db.version(3).upgrade((tx) => tx.table('people').toCollection().modify(addMissing(PERSON_DEFAULTS_V3)));
  db.version(5).upgrade((tx) => tx.table('settings').put({ name: MOVE_FROM_LOCAL_STORAGE, value: true }));
  db.version(6).upgrade((tx) => tx.table('people').toCollection().modify(addMissing(PERSON_DEFAULTS_V6)));
  db.version(7).upgrade(async (tx) => {
    await tx.table('people').toCollection().modify(stampSetFields);
    await tx.table('groups').toCollection().modify(stampGroup);
  });
  return db;
}
