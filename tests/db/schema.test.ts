import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB, PERSON_DEFAULTS, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../lib/db/app-db';
import { seedVersion } from '../helpers/db';

// The migration test pattern: for each schema version N > 1, seed a database with version N-1's stores
// (copied into this file as a constant, never imported, so it stays what was released), open AppDB, and
// check the rows after upgrade(). Version 1 has no predecessor: its test checks the released layout.
const names: string[] = [];
function freshName(): string {
  const name = `schema-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('schema version 3 (2026-11-22)', () => {
  it('has the released stores and indexes', async () => {
    const db = new AppDB(freshName());
    await db.open();
    expect(db.verno).toBe(3);
    const layout = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.src)].join(', ')]),
    );
    expect(layout).toEqual(SCHEMA_V3);
    db.close();
  });

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
    await seedVersion(name, 1, SCHEMA_V1, { interactions: [meeting], people: [v1Person] });
    const db = new AppDB(name);
    expect(await db.interactions.get('gcal:a')).toEqual(meeting);
    expect(await db.interactions.where('people').equals('p@x.example').count()).toBe(1);
    expect(await db.people.get('p@x.example')).toEqual({ ...v1Person, ...PERSON_DEFAULTS });
    expect(await db.groups.count()).toBe(0);
    db.close();
  });

  it('upgrades a version-2 database: people get a note and no thanks owed', async () => {
    const name = freshName();
    const { note: _n, thanksOwedSince: _o, thanksSettledAt: _s, ...v2Defaults } = PERSON_DEFAULTS;
    const v2Person = { email: 'r@x.example', displayName: 'R', lastMetAt: 5, ...v2Defaults, priority: 'high' };
    await seedVersion(name, 2, SCHEMA_V2, { people: [v2Person] });
    const db = new AppDB(name);
    expect(await db.people.get('r@x.example')).toEqual({
      ...v2Person,
      note: '',
      thanksOwedSince: null,
      thanksSettledAt: null,
    });
    db.close();
  });

  it('keeps values a version-1 row already had', async () => {
    const name = freshName();
    await seedVersion(name, 1, SCHEMA_V1, { people: [{ email: 'q@x.example', lastMetAt: 2, priority: 'high' }] });
    const db = new AppDB(name);
    expect((await db.people.get('q@x.example'))?.priority).toBe('high');
    db.close();
  });

  it('finds meetings by person and by date range through indexes', async () => {
    const db = new AppDB(freshName());
    const row = (key: string, start: number, people: string[]) => ({
      key,
      kind: 'meeting' as const,
      source: 'google-calendar' as const,
      title: key,
      start,
      end: start + 1,
      allDay: false,
      people,
      attendees: [],
      calendarId: null,
      loggedAt: 0,
    });
    await db.interactions.bulkAdd([
      row('a', 10, ['x@e.example', 'y@e.example']),
      row('b', 20, ['y@e.example']),
      row('c', 30, ['x@e.example']),
    ]);
    expect((await db.interactions.where('people').equals('x@e.example').primaryKeys()).sort()).toEqual(['a', 'c']);
    expect(await db.interactions.where('start').between(15, 35).primaryKeys()).toEqual(['b', 'c']);
    db.close();
  });
});
