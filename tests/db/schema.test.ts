import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as appDb from '../../lib/db/app-db';
import { AppDB as PageDB, PERSON_DEFAULTS } from '../../lib/db/app-db';
import * as upgrades from '../../lib/db/upgrades';
import { seedVersion } from '../helpers/db';

// The migration test pattern: for each schema version N > 1, seed a database with version N-1's stores
// (copied into this file as constants, never imported, so they stay what was released), open AppDB, and
// check the rows after upgrade(). Version 1 has no predecessor: its layout is checked against the release.
const RELEASED = {
  1: { people: 'email, lastMetAt, organisation', interactions: 'key, start, *people, kind' },
  2: {
    people: 'email, lastMetAt, organisation, groupId',
    interactions: 'key, start, *people, kind',
    groups: 'id, name',
  },
  3: {
    people: 'email, lastMetAt, organisation, groupId',
    interactions: 'key, start, *people, kind',
    groups: 'id, name',
  },
  4: { people: 'email, groupId', interactions: 'key, start, *people', groups: 'id' },
  5: {
    people: 'email, groupId',
    interactions: 'key, start, *people',
    groups: 'id',
    settings: 'name',
    heldClicks: 'id',
  },
  6: {
    people: 'email, groupId',
    interactions: 'key, start, *people',
    groups: 'id',
    settings: 'name',
    heldClicks: 'id',
    upcoming: 'key, start, *people',
  },
  7: {
    people: 'email, groupId',
    interactions: 'key, start, *people',
    groups: 'id',
    settings: 'name',
    heldClicks: 'id',
    upcoming: 'key, start, *people',
    tombstones: 'key',
    sync: 'name',
  },
} as const;

/** What version 2's upgrade filled in when it was released. */
const V2_FIELDS = {
  priority: 'normal',
  kind: null,
  team: false,
  ignored: false,
  snoozedUntil: null,
  idealDays: null,
  maxDays: null,
  groupId: null,
  teamSuggestionDismissed: false,
};
/** What version 3's upgrade filled in when it was released. */
const V3_FIELDS = { ...V2_FIELDS, note: '', thanksOwedSince: null, thanksSettledAt: null };
/** What version 6's upgrade filled in when it was released. */
const V6_FIELDS = { nextMeetingAt: null, planningSince: null };
/** What version 7's upgrade filled in: a change time (the person's last update, or 0) for each field the user set. */
const v7 = (changedAt: Record<string, number> = {}) => ({ changedAt });
/** ... and on each group, its creation as when its name and kind were last changed. */
const groupV7 = (createdAt: number) => ({ changedAt: { name: createdAt, kind: createdAt } });

/** The database as the background opens it: with its upgrades (pages never run them). */
class AppDB extends PageDB {
  constructor(name: string) {
    super(name);
    upgrades.withUpgrades(this);
  }
}

const names: string[] = [];
function freshName(): string {
  const name = `schema-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const layoutOf = (db: AppDB) =>
  Object.fromEntries(
    db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.src)].join(', ')]),
  );

const meetingRow = (key: string, start: number, people: string[], kind = 'meeting') => ({
  key,
  kind,
  source: 'google-calendar',
  title: key,
  start,
  end: start + 1,
  allDay: false,
  people,
  attendees: [],
  calendarId: null,
  loggedAt: 0,
});

describe('the released schemas', () => {
  it('are exported unchanged (a released version is never edited)', () => {
    expect(appDb.SCHEMA_V1).toEqual(RELEASED[1]);
    expect(appDb.SCHEMA_V2).toEqual(RELEASED[2]);
    expect(appDb.SCHEMA_V3).toEqual(RELEASED[3]);
    expect(appDb.SCHEMA_V4).toEqual(RELEASED[4]);
    expect(appDb.SCHEMA_V5).toEqual(RELEASED[5]);
    expect(appDb.SCHEMA_V6).toEqual(RELEASED[6]);
    expect(appDb.SCHEMA_V7).toEqual(RELEASED[7]);
  });

  it('names the current version where pages look for it without loading Dexie', async () => {
    const { DB_VERSION } = await import('../../lib/db/app-db-name');
    const db = new AppDB(freshName());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.backendDB().version).toBe(DB_VERSION * 10);
    db.close();
  });

  it("freeze each upgrade's defaults as it was released", () => {
    expect(upgrades.PERSON_DEFAULTS_V2).toEqual(V2_FIELDS);
    expect(upgrades.PERSON_DEFAULTS_V3).toEqual(V3_FIELDS);
    expect(upgrades.PERSON_DEFAULTS_V6).toEqual(V6_FIELDS);
    expect(
      [upgrades.PERSON_DEFAULTS_V2, upgrades.PERSON_DEFAULTS_V3, upgrades.PERSON_DEFAULTS_V6].every(Object.isFrozen),
    ).toBe(true);
  });
});

describe('schema version 7 (2026-12-07)', () => {
  it("has the stores of sync across browsers: what was deleted, and this browser's key and state", async () => {
    const db = new AppDB(freshName());
    await db.open();
    expect(db.verno).toBe(7);
    expect(layoutOf(db)).toEqual(RELEASED[7]);
    db.close();
  });

  it('upgrades a version-6 database: each field the user set is marked as changed at their last update, the rest untouched', async () => {
    const name = freshName();
    const untouched = { email: 'u@x.example', displayName: 'U', updatedAt: 500, ...V3_FIELDS, ...V6_FIELDS };
    const decided = {
      ...untouched,
      email: 'd@x.example',
      updatedAt: 900,
      priority: 'high',
      team: true,
      idealDays: 14,
      maxDays: 30,
      note: 'Met at the offsite',
      planningSince: 800,
      // Not the user's: Bridges keeps it from the calendar.
      nextMeetingAt: 1000,
    };
    const group = { id: 'g1', name: 'Finance', kind: 'department', createdAt: 42 };
    const setting = { name: 'myEmails', value: ['me@x.example'] };
    await seedVersion(name, 6, RELEASED[6], {
      people: [untouched, decided],
      groups: [group],
      settings: [setting],
      interactions: [meetingRow('a', 1, ['d@x.example'])],
    });
    const db = new AppDB(name);
    await db.open();
    expect(layoutOf(db)).toEqual(RELEASED[7]);
    expect(await db.people.orderBy('email').toArray()).toEqual([
      { ...decided, changedAt: { priority: 900, team: 900, cadence: 900, note: 900, planningSince: 900 } },
      { ...untouched, changedAt: {} },
    ]);
    expect(await db.groups.toArray()).toEqual([{ ...group, changedAt: { name: 42, kind: 42 } }]);
    expect(await db.settings.toArray()).toEqual([setting]);
    expect(await db.interactions.count()).toBe(1);
    expect(await db.tombstones.count()).toBe(0);
    expect(await db.sync.count()).toBe(0);
    db.close();
  });

  it('freezes what it compares with: the defaults and fields of the day it was released', () => {
    expect(Object.isFrozen(upgrades.SYNCED_DEFAULTS_V7)).toBe(true);
    expect(Object.keys(upgrades.SYNCED_DEFAULTS_V7)).toEqual([
      'priority',
      'kind',
      'cadence',
      'groupId',
      'team',
      'ignored',
      'snoozedUntil',
      'thanksOwedSince',
      'thanksSettledAt',
      'note',
      'teamSuggestionDismissed',
      'planningSince',
    ]);
  });
});

describe('schema version 6 (2026-12-07)', () => {
  it('has the store of meetings booked ahead, by start and by person', async () => {
    const db = new AppDB(freshName());
    await db.open();
    expect(layoutOf(db)).toMatchObject(RELEASED[6]);
    const row = {
      key: 'gcal:x',
      title: 'x',
      start: 5,
      end: 6,
      people: ['p@x.example'],
      source: 'feed',
      calendarId: null,
      notedAt: 1,
    };
    await db.upcoming.put(row as never);
    expect(await db.upcoming.where('people').equals('p@x.example').primaryKeys()).toEqual(['gcal:x']);
    db.close();
  });

  it('upgrades a version-5 database: people get no meeting booked and no catch-up planned, the rest untouched', async () => {
    const name = freshName();
    const person = { email: 'p@x.example', displayName: 'P', lastMetAt: 5, ...V3_FIELDS, priority: 'high' };
    const setting = { name: 'myEmails', value: ['me@x.example'] };
    await seedVersion(name, 5, RELEASED[5], {
      people: [person],
      settings: [setting],
      interactions: [meetingRow('a', 1, [])],
    });
    const db = new AppDB(name);
    await db.open();
    expect(layoutOf(db)).toMatchObject(RELEASED[6]);
    expect(await db.people.toArray()).toEqual([{ ...person, ...V6_FIELDS, ...v7({ priority: 0 }) }]);
    expect(await db.settings.toArray()).toEqual([setting]);
    expect(await db.interactions.count()).toBe(1);
    db.close();
  });
});

describe('schema version 5 (2026-12-07)', () => {
  it('has the settings and held clicks stores; a new database owes no move from local storage', async () => {
    const db = new AppDB(freshName());
    await db.open();
    expect(layoutOf(db)).toMatchObject(RELEASED[5]);
    expect(await db.settings.count()).toBe(0);
    db.close();
  });

  it('upgrades a version-4 database: every row untouched, the move of the settings marked as due', async () => {
    const name = freshName();
    const person = { email: 'p@x.example', displayName: 'P', lastMetAt: 5, ...V3_FIELDS };
    const meetings = [meetingRow('a', 10, ['p@x.example'])];
    const group = { id: 'g1', name: 'Finance', kind: 'department', createdAt: 1 };
    await seedVersion(name, 4, RELEASED[4], { people: [person], interactions: meetings, groups: [group] });
    const db = new AppDB(name);
    await db.open();
    expect(layoutOf(db)).toMatchObject(RELEASED[5]);
    expect(await db.people.toArray()).toEqual([{ ...person, ...V6_FIELDS, ...v7() }]);
    expect(await db.interactions.toArray()).toEqual(meetings);
    expect(await db.groups.toArray()).toEqual([{ ...group, ...groupV7(1) }]);
    expect(await db.settings.toArray()).toEqual([{ name: appDb.MOVE_FROM_LOCAL_STORAGE, value: true }]);
    expect(await db.heldClicks.count()).toBe(0);
    db.close();
  });
});

describe('schema version 4 (2026-11-29)', () => {
  it('upgrades a version-3 database: the unused indexes are gone, every row is untouched', async () => {
    const name = freshName();
    const person = { email: 'p@x.example', displayName: 'P', lastMetAt: 5, organisation: 'x.example', ...V3_FIELDS };
    const grouped = { ...person, email: 'g@x.example', groupId: 'g1' };
    const group = { id: 'g1', name: 'Finance', kind: 'department', createdAt: 1 };
    const meetings = [
      meetingRow('a', 10, ['p@x.example', 'g@x.example']),
      meetingRow('b', 20, ['p@x.example'], 'call'),
    ];
    await seedVersion(name, 3, RELEASED[3], { people: [person, grouped], interactions: meetings, groups: [group] });
    const db = new AppDB(name);
    await db.open();
    expect(layoutOf(db)).toMatchObject(RELEASED[4]);
    expect(await db.people.orderBy('email').toArray()).toEqual([
      { ...grouped, ...V6_FIELDS, ...v7({ groupId: 0 }) },
      { ...person, ...V6_FIELDS, ...v7() },
    ]);
    expect(await db.interactions.orderBy('key').toArray()).toEqual(meetings);
    expect(await db.groups.toArray()).toEqual([{ ...group, ...groupV7(1) }]);
    // The indexes queries use still answer.
    expect(await db.interactions.where('people').equals('g@x.example').primaryKeys()).toEqual(['a']);
    expect(await db.interactions.where('start').above(15).primaryKeys()).toEqual(['b']);
    expect(await db.people.where('groupId').equals('g1').primaryKeys()).toEqual(['g@x.example']);
    // ... and the dropped ones are gone from the database itself, not only from Dexie's idea of it.
    const stores = db.backendDB().transaction(['people', 'interactions', 'groups']);
    expect([...stores.objectStore('people').indexNames]).toEqual(['groupId']);
    expect([...stores.objectStore('interactions').indexNames].sort()).toEqual(['people', 'start']);
    expect([...stores.objectStore('groups').indexNames]).toEqual([]);
    db.close();
  });
});

describe('schema version 3 (2026-11-22)', () => {
  it('upgrades a version-1 database: people get the relationship defaults, meetings are untouched', async () => {
    const name = freshName();
    const meeting = { key: 'gcal:a', kind: 'meeting', start: 1, people: ['p@x.example'] };
    const v1Person = {
      email: 'p@x.example',
      displayName: 'P',
      lastMetAt: 1,
      organisation: 'x.example',
      interactionCount: 1,
    };
    await seedVersion(name, 1, RELEASED[1], { interactions: [meeting], people: [v1Person] });
    const db = new AppDB(name);
    expect(await db.interactions.get('gcal:a')).toEqual(meeting);
    expect(await db.interactions.where('people').equals('p@x.example').count()).toBe(1);
    expect(await db.people.get('p@x.example')).toEqual({ ...v1Person, ...V3_FIELDS, ...V6_FIELDS, ...v7() });
    expect(await db.groups.count()).toBe(0);
    db.close();
  });

  it('upgrades a version-2 database: people get a note and no thanks owed', async () => {
    const name = freshName();
    const v2Person = { email: 'r@x.example', displayName: 'R', lastMetAt: 5, ...V2_FIELDS, priority: 'high' };
    await seedVersion(name, 2, RELEASED[2], { people: [v2Person] });
    const db = new AppDB(name);
    expect(await db.people.get('r@x.example')).toEqual({
      ...v2Person,
      note: '',
      thanksOwedSince: null,
      thanksSettledAt: null,
      ...V6_FIELDS,
      ...v7({ priority: 0 }),
    });
    db.close();
  });

  it('keeps values a version-1 row already had', async () => {
    const name = freshName();
    await seedVersion(name, 1, RELEASED[1], { people: [{ email: 'q@x.example', lastMetAt: 2, priority: 'high' }] });
    const db = new AppDB(name);
    expect((await db.people.get('q@x.example'))?.priority).toBe('high');
    db.close();
  });

  it("does not follow today's defaults for new people: a released upgrade stays what it was", async () => {
    const name = freshName();
    await seedVersion(name, 1, RELEASED[1], { people: [{ email: 'q@x.example', lastMetAt: 2 }] });
    const today = PERSON_DEFAULTS as { priority: string; note: string };
    const saved = { priority: today.priority, note: today.note };
    // A later release changes what a new person gets; the old upgrades must not change with it.
    Object.assign(today, { priority: 'low', note: 'new default' });
    try {
      const db = new AppDB(name);
      expect(await db.people.get('q@x.example')).toMatchObject({ priority: 'normal', note: '' });
      db.close();
    } finally {
      Object.assign(today, saved);
    }
  });

  it('finds meetings by person and by date range through indexes', async () => {
    const db = new AppDB(freshName());
    await db.interactions.bulkAdd([
      meetingRow('a', 10, ['x@e.example', 'y@e.example']),
      meetingRow('b', 20, ['y@e.example']),
      meetingRow('c', 30, ['x@e.example']),
    ] as never);
    expect((await db.interactions.where('people').equals('x@e.example').primaryKeys()).sort()).toEqual(['a', 'c']);
    expect(await db.interactions.where('start').between(15, 35).primaryKeys()).toEqual(['b', 'c']);
    db.close();
  });
});
