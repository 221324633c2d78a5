import { Dexie, type EntityTable } from 'dexie';
import { DB_NAME } from './app-db-name';
import type { Group, HeldClick, Interaction, Person, SettingRow, SyncRow, Tombstone, Upcoming } from './types';

export { DB_NAME };

/**
 * Schema versions, cumulative: never edit a released version, add a new one below it with its date (and, when
 * existing rows need changing, its upgrade in lib/db/upgrades.ts), and add a test to tests/db/schema.test.ts that seeds the
 * previous version and checks the rows after the upgrade. An upgrade is frozen with its version: it uses only
 * constants of its own (never today's defaults, which later versions change), so it does what it did when it
 * was released.
 */
export const SCHEMA_V1 = {
  // 2026-11-22, version 1: people keyed by normalised email; interactions keyed by a unique key, indexed by
  // start (date ranges) and by each person in them (multi-entry: all meetings with a person).
  people: 'email, lastMetAt, organisation',
  interactions: 'key, start, *people, kind',
} as const;

export const SCHEMA_V2 = {
  // 2026-11-22, version 2: relationship fields on people (priority, kind, team, ignored, snooze, cadence,
  // group) and named groups. Existing people get the defaults in the upgrade.
  people: 'email, lastMetAt, organisation, groupId',
  interactions: SCHEMA_V1.interactions,
  groups: 'id, name',
} as const;

export const SCHEMA_V3 = {
  // 2026-11-22, version 3: a note about each person and the thanks owed to them (no new index; people are
  // read whole). Existing people get the defaults in the upgrade.
  ...SCHEMA_V2,
} as const;

export const SCHEMA_V4 = {
  // 2026-11-29, version 4: drops the indexes no query uses (people by lastMetAt and organisation, meetings by
  // kind, groups by name): each one was written on every put and read by nothing. Rows are unchanged.
  people: 'email, groupId',
  interactions: 'key, start, *people',
  groups: 'id',
} as const;

export const SCHEMA_V5 = {
  // 2026-12-07, version 5: the settings move here from the extension's local storage, which Firefox lets a
  // content script read and write (lib/settings.ts); Log clicks held during a restore get a store of their
  // own, a row per click. The upgrade marks the move as due: the background's start makes it (it needs
  // extension storage, which an upgrade's transaction cannot wait for), lib/db/move-settings.ts.
  ...SCHEMA_V4,
  settings: 'name',
  heldClicks: 'id',
} as const;

export const SCHEMA_V6 = {
  // 2026-12-07, version 6: meetings booked ahead (upcoming), by start and by person, apart from the log; each
  // person carries the start of their next booked meeting and when the user began planning a catch-up with them
  // (no index: people are read whole). Existing people get neither in the upgrade.
  ...SCHEMA_V5,
  upcoming: 'key, start, *people',
} as const;

export const SCHEMA_V7 = {
  // 2026-12-07, version 7: sync across the user's browsers (lib/sync). People and groups carry when each of the
  // user's fields was last changed (no index); what was deleted is remembered for a while (tombstones), so the
  // other browsers delete it too; this browser's sync key and state get a store of their own, never in a backup.
  // Existing people get a change time for each field the user had set, in the upgrade.
  ...SCHEMA_V6,
  tombstones: 'key',
  sync: 'name',
} as const;

/** The row version 5's upgrade leaves in `settings`: the settings in local storage are still to be moved. */
export const MOVE_FROM_LOCAL_STORAGE = 'moveFromLocalStorage';

/**
 * The fields of a person the log keeps by itself: who they are and when they were met. Every other field is the
 * user's or the background's, and has a default below; the two lists together are every field of Person but
 * `changedAt` (sync's record of when the user's fields changed), which the compiler holds them to.
 */
export const LOGGED_FIELDS = [
  'email',
  'displayName',
  'domain',
  'organisation',
  'firstMetAt',
  'lastMetAt',
  'interactionCount',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Person>;
type LoggedField = (typeof LOGGED_FIELDS)[number];

/**
 * Values of every other field, for a person who is new today (lib/logging/meeting-log.ts): what the user decides and
 * writes, and what is booked with them. A field added to Person must be given one here (the type says so). Change
 * the values freely: no upgrade reads them. Not `changedAt`: sync's record of when each of these changed
 * (lib/sync/fields.ts); a new person has none.
 */
export const PERSON_DEFAULTS = {
  priority: 'normal',
  kind: null,
  team: false,
  ignored: false,
  snoozedUntil: null,
  idealDays: null,
  maxDays: null,
  groupId: null,
  teamSuggestionDismissed: false,
  note: '',
  thanksOwedSince: null,
  thanksSettledAt: null,
  nextMeetingAt: null,
  planningSince: null,
} as const satisfies { [K in Exclude<keyof Person, LoggedField | 'changedAt'>]: Person[K] };

/** The fields of PERSON_DEFAULTS the background keeps from other stores, not the user's. */
const KEPT_BY_BACKGROUND = ['nextMeetingAt'] as const satisfies ReadonlyArray<keyof typeof PERSON_DEFAULTS>;

/** A field of a person that is the user's own: a field with a default that the background does not keep. */
export type UserField = Exclude<keyof typeof PERSON_DEFAULTS, (typeof KEPT_BY_BACKGROUND)[number]>;

/** The user's own fields of a person: every field with a default that the background does not keep. */
export const USER_FIELDS = (Object.keys(PERSON_DEFAULTS) as Array<keyof typeof PERSON_DEFAULTS>).filter(
  (field): field is UserField => !(KEPT_BY_BACKGROUND as readonly string[]).includes(field),
);

/**
 * Whether the user never changed anything about `person` from what Bridges starts a new person with (someone
 * the feed added and then took back may then go).
 */
export function untouchedByUser(person: Person): boolean {
  return USER_FIELDS.every((field) => person[field] === PERSON_DEFAULTS[field]);
}

/**
 * The extension's database. It lives in the extension's origin: only the background and extension pages open it.
 * This class declares the stores only; the upgrades that change rows (lib/db/upgrades.ts) are added by the
 * background, the one context that creates and upgrades the database (pages wait for it: lib/db/ready.ts), so
 * no page carries code that writes.
 */
export class AppDB extends Dexie {
  people!: EntityTable<Person, 'email'>;
  interactions!: EntityTable<Interaction, 'key'>;
  groups!: EntityTable<Group, 'id'>;
  settings!: EntityTable<SettingRow, 'name'>;
  heldClicks!: EntityTable<HeldClick, 'id'>;
  upcoming!: EntityTable<Upcoming, 'key'>;
  tombstones!: EntityTable<Tombstone, 'key'>;
  sync!: EntityTable<SyncRow, 'name'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6);
    this.version(7).stores(SCHEMA_V7);
  }
}

let shared: AppDB | undefined;

/** The one database instance of this extension context. */
export function getDb(): AppDB {
  shared ??= new AppDB();
  return shared;
}
