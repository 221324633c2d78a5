import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB, DB_NAME, SCHEMA_V4 } from '../../lib/db/app-db';
import {
  allGroups,
  allMeetingsByStart,
  allPeople,
  hasMeetingsOfItsOwn,
  meetingsSince,
  meetingsWith,
  peopleByEmail,
  readFirstPaintRows,
  settingRows,
  syncState,
  timelineOf,
} from '../../lib/db/queries';
import type { Group } from '../../lib/db/types';
import { OFF, STATE_ROW } from '../../lib/sync/status';
import { seedVersion } from '../helpers/db';
import { DAY, meetingAt, person } from '../helpers/people';

const NOW = Date.UTC(2026, 11, 7, 12);
const FINANCE: Group = { id: 'g1', name: 'Finance', kind: 'department', createdAt: NOW };
const ANA = 'ana@x.example';
const BO = 'bo@y.example';
const CY = 'cy@z.example';
let db: AppDB;

beforeEach(() => {
  db = new AppDB(`queries-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const keys = (rows: ReadonlyArray<{ key: string }>) => rows.map((r) => r.key);

describe('the queries pages read through', () => {
  beforeEach(async () => {
    await db.people.bulkAdd([person(ANA, NOW - DAY), person(BO, NOW - 3 * DAY)]);
    await db.groups.add(FINANCE);
    await db.interactions.bulkAdd([
      meetingAt('old', NOW - 40 * DAY, [ANA]),
      meetingAt('edge', NOW - 28 * DAY, [ANA, BO]),
      meetingAt('recent', NOW - 2 * DAY, [BO]),
      meetingAt('today', NOW - 1000, [ANA, CY]),
    ]);
  });

  it('reads everyone, and the people asked for in their order', async () => {
    expect((await allPeople(db)).map((p) => p.email).sort()).toEqual([ANA, BO]);
    expect((await peopleByEmail(db, [BO, CY, ANA])).map((p) => p?.email)).toEqual([BO, undefined, ANA]);
    expect((await allGroups(db)).map((g) => g.id)).toEqual(['g1']);
  });

  it("reads the meetings since a time, everyone's, leaving out one that started exactly then", async () => {
    expect(keys(await meetingsSince(db, NOW - 28 * DAY)).sort()).toEqual(['recent', 'today']);
    expect(keys(await meetingsSince(db, NOW - 30 * DAY)).sort()).toEqual(['edge', 'recent', 'today']);
    expect(await meetingsSince(db, NOW)).toEqual([]);
  });

  it("reads a person's timeline newest first, and the meetings of any of several people", async () => {
    expect(keys(await timelineOf(db, ANA))).toEqual(['today', 'edge', 'old']);
    expect(keys(await timelineOf(db, 'nobody@x.example'))).toEqual([]);
    expect(new Set(keys(await meetingsWith(db, [BO, CY])))).toEqual(new Set(['edge', 'recent', 'today']));
    expect(await meetingsWith(db, [])).toEqual([]);
  });

  it('reads every meeting oldest first', async () => {
    expect(keys(await allMeetingsByStart(db))).toEqual(['old', 'edge', 'recent', 'today']);
  });
});

describe('whether this browser has meetings of its own', () => {
  it('is false with only contacts (synced from the other browsers), true once a meeting is logged here', async () => {
    expect(await hasMeetingsOfItsOwn(db)).toBe(false);
    await db.interactions.add(meetingAt('manual:1', NOW, [ANA], { source: 'manual', kind: 'call' }));
    expect(await hasMeetingsOfItsOwn(db)).toBe(false);
    await db.interactions.add(meetingAt('gcal:1', NOW, [ANA]));
    expect(await hasMeetingsOfItsOwn(db)).toBe(true);
  });
});

describe('settings rows and sync state', () => {
  it('reads the rows of the settings named, in their order, none for one not stored', async () => {
    await db.settings.bulkPut([
      { name: 'myEmails', value: ['me@x.example'] },
      { name: 'internalDomains', value: ['x.example'] },
    ]);
    expect(await settingRows(db, ['internalDomains', 'reminders', 'myEmails'])).toEqual([
      { name: 'internalDomains', value: ['x.example'] },
      undefined,
      { name: 'myEmails', value: ['me@x.example'] },
    ]);
  });

  it('reads sync as off when it was never turned on here, and as kept when it was', async () => {
    expect(await syncState(db)).toEqual(OFF);
    const on = { ...OFF, on: true, joinedAt: NOW, lastSyncAt: NOW };
    await db.sync.put({ name: STATE_ROW, value: on });
    expect(await syncState(db)).toEqual(on);
  });
});

describe("the popup's first-paint read (raw IndexedDB)", () => {
  afterEach(async () => {
    await Dexie.delete(DB_NAME);
  });

  it('reads nothing, and creates nothing, before the background has made the database', async () => {
    expect(await readFirstPaintRows(['myEmails'])).toEqual({ people: [], groups: [], settings: [] });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
  });

  it("reads people, groups and the settings' rows named, in their order", async () => {
    const app = new AppDB(DB_NAME);
    await app.people.bulkAdd([person(ANA, NOW), person(BO, NOW)]);
    await app.groups.add(FINANCE);
    await app.settings.put({ name: 'myEmails', value: ['me@x.example'] });
    app.close();
    const read = await readFirstPaintRows(['internalDomains', 'myEmails']);
    expect(read.people.map((p) => p.email).sort()).toEqual([ANA, BO]);
    expect(read.groups.map((g) => g.id)).toEqual(['g1']);
    expect(read.settings).toEqual([undefined, { name: 'myEmails', value: ['me@x.example'] }]);
  });

  it('opens the database at once, and reads nothing once told the rows are not wanted (a kept first screen)', async () => {
    const app = new AppDB(DB_NAME);
    await app.people.bulkAdd([person(ANA, NOW), person(BO, NOW)]);
    app.close();
    let answer: (wanted: boolean) => void = () => {};
    const read = readFirstPaintRows(['myEmails'], new Promise((r) => (answer = r)));
    answer(false);
    expect(await read).toEqual({ people: [], groups: [], settings: [] });
    answer = () => {};
    const wanted = readFirstPaintRows(['myEmails'], new Promise((r) => (answer = r)));
    answer(true);
    expect((await wanted).people.map((p) => p.email).sort()).toEqual([ANA, BO]);
  });

  it('reads the people of a database from before settings were kept in it', async () => {
    await seedVersion(DB_NAME, 4, SCHEMA_V4, { people: [person(ANA, NOW)] });
    expect(await readFirstPaintRows(['myEmails'])).toEqual({ people: [person(ANA, NOW)], groups: [], settings: [] });
  });
});
