import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBackup, writeBackupFile } from '../../lib/data/backup';
import { AppDB } from '../../lib/db/app-db';
import { makeLog } from '../e2e/seed';
import { createBackup, restoreBackup } from '../helpers/backup';
import { DAY, meetingAt, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB;
beforeEach(() => {
  db = new AppDB(`backup-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const snapshot = async () => ({
  people: await db.people.orderBy('email').toArray(),
  interactions: await db.interactions.orderBy('key').toArray(),
  groups: await db.groups.orderBy('id').toArray(),
});
const meeting = (key: string, start: number, people: string[]) => meetingAt(key, start, people, { end: start + 1000 });

async function seedSmall() {
  await db.groups.add({ id: 'g1', name: 'Finance', kind: 'department', createdAt: NOW });
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 10 * DAY, { groupId: 'g1', note: 'Budget season is hard', priority: 'high' }),
    person('sam@partner.example', NOW - 40 * DAY),
  ]);
  await db.interactions.bulkAdd([
    meeting('gcal:a', NOW - 10 * DAY, ['priya@finance.example']),
    meeting('gcal:b', NOW - 40 * DAY, ['sam@partner.example']),
  ]);
}

describe('backup and restore', () => {
  it('a heavy log (2,000 people, 50,000 meetings) comes back identical', { timeout: 120_000 }, async () => {
    const log = makeLog(2000, 50_000, NOW);
    await db.people.bulkAdd(log.people);
    await db.interactions.bulkAdd(log.interactions);
    const before = await snapshot();
    const text = JSON.stringify(await createBackup(db, { myEmails: ['me@corp.example'] }, NOW));
    await db.people.clear();
    await db.interactions.clear();
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.message);
    expect(await restoreBackup(db, read.backup, 'replace')).toEqual({
      people: before.people.length,
      interactions: 50_000,
      groups: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('replace makes the database exactly the backup', async () => {
    await seedSmall();
    const backup = readBackup(JSON.stringify(await createBackup(db, {}, NOW)));
    if (!backup.ok) throw new Error(backup.message);
    await db.people.add(person('extra@x.example', NOW));
    await restoreBackup(db, backup.backup, 'replace');
    expect((await db.people.toArray()).map((p) => p.email).sort()).toEqual([
      'priya@finance.example',
      'sam@partner.example',
    ]);
  });

  it('merge keeps what is there; the same meeting or email is one record, with counts recomputed', async () => {
    await seedSmall();
    const text = JSON.stringify(await createBackup(db, {}, NOW));
    // Since the backup: Priya met again, and the user changed her priority.
    await db.interactions.add(meeting('gcal:c', NOW - DAY, ['priya@finance.example']));
    await db.people.update('priya@finance.example', { lastMetAt: NOW - DAY, interactionCount: 2, priority: 'low' });
    const other = JSON.parse(text);
    other.people.push(person('new@x.example', NOW - 5 * DAY));
    other.interactions.push(meeting('gcal:d', NOW - 5 * DAY, ['new@x.example', 'priya@finance.example']));
    const read = readBackup(JSON.stringify(other));
    if (!read.ok) throw new Error(read.message);
    expect(await restoreBackup(db, read.backup, 'merge')).toEqual({ people: 1, interactions: 1, groups: 0 });
    expect(await db.interactions.count()).toBe(4);
    expect(await db.people.get('priya@finance.example')).toMatchObject({
      priority: 'low',
      interactionCount: 3,
      lastMetAt: NOW - DAY,
      firstMetAt: NOW - 10 * DAY,
    });
    expect(await db.people.get('new@x.example')).toBeTruthy();
  });
});

describe('the backup file', () => {
  it('is the whole database as one JSON text, read in chunks, and checked', { timeout: 60_000 }, async () => {
    const log = makeLog(300, 12_001, NOW); // three chunks and one meeting
    await db.people.bulkAdd(log.people);
    await db.interactions.bulkAdd(log.interactions);
    await db.groups.add({ id: 'g1', name: 'Finance', kind: 'department', createdAt: NOW });
    const settings = { myEmails: ['me@corp.example'] };
    const made = await writeBackupFile(db, settings, NOW);
    if (!made.ok) throw new Error(made.problem);
    expect(await made.file.text()).toBe(JSON.stringify(await createBackup(db, settings, NOW)));
    expect(made.counts).toEqual({ people: log.people.length, interactions: 12_001, groups: 1 });
  });

  it('names a bad record in any chunk by its place in the file and its title', { timeout: 60_000 }, async () => {
    const log = makeLog(100, 11_000, NOW);
    await db.people.bulkAdd(log.people);
    await db.interactions.bulkAdd(log.interactions);
    const keys = (await db.interactions.orderBy('key').primaryKeys()) as string[];
    await db.interactions.update(keys[10_500] as string, { title: 'T'.repeat(2001) });
    const made = await writeBackupFile(db, {}, NOW);
    const meeting = await db.interactions.get(keys[10_500] as string);
    expect(made).toEqual({
      ok: false,
      problem: `interactions[10500].title: This text can be at most 2,000 characters. ("${'T'.repeat(80)}" on ${new Date(meeting?.start ?? 0).toISOString().slice(0, 10)})`,
    });
  });
});

describe('merging a backup', () => {
  it('is one pass: no query per person, whatever the number of people', async () => {
    const log = makeLog(300, 2000, NOW);
    await db.people.bulkAdd(log.people);
    await db.interactions.bulkAdd(log.interactions);
    const read = readBackup(JSON.stringify(await createBackup(db, {}, NOW)));
    if (!read.ok) throw new Error(read.message);
    const where = vi.spyOn(db.interactions, 'where');
    const get = vi.spyOn(db.interactions, 'get');
    expect(await restoreBackup(db, read.backup, 'merge')).toEqual({ people: 0, interactions: 0, groups: 0 });
    expect(where).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it("brings each person's first and last contact and count up to date with the meetings it adds", async () => {
    await seedSmall();
    const file = JSON.parse(JSON.stringify(await createBackup(db, {}, NOW)));
    // The backup knows two meetings this database does not: one with Priya (earlier than any here) and one
    // with Sam and someone new; and it holds gcal:a, which is here already and is not counted twice.
    file.interactions.push(
      meeting('gcal:old', NOW - 400 * DAY, ['priya@finance.example']),
      meeting('gcal:new', NOW - 2 * DAY, ['sam@partner.example', 'new@x.example']),
    );
    file.people.push(person('new@x.example', NOW - 99 * DAY, { interactionCount: 7, firstMetAt: NOW - 300 * DAY }));
    const read = readBackup(JSON.stringify(file));
    if (!read.ok) throw new Error(read.message);
    await db.people.update('priya@finance.example', { priority: 'low' });
    expect(await restoreBackup(db, read.backup, 'merge')).toEqual({ people: 1, interactions: 2, groups: 0 });
    expect(await db.people.get('priya@finance.example')).toMatchObject({
      priority: 'low',
      firstMetAt: NOW - 400 * DAY,
      lastMetAt: NOW - 10 * DAY,
      interactionCount: 2,
    });
    expect(await db.people.get('sam@partner.example')).toMatchObject({
      firstMetAt: NOW - 40 * DAY,
      lastMetAt: NOW - 2 * DAY,
      interactionCount: 2,
    });
    // Counted from what is stored, not from what the file claimed.
    expect(await db.people.get('new@x.example')).toMatchObject({
      firstMetAt: NOW - 2 * DAY,
      lastMetAt: NOW - 2 * DAY,
      interactionCount: 1,
    });
    for (const p of await db.people.toArray()) {
      const theirs = await db.interactions.where('people').equals(p.email).toArray();
      expect(p.interactionCount, p.email).toBe(theirs.length);
    }
  });
});

describe('hostile backup files: each names its problem and leaves the database exactly as it was', () => {
  const good = async () => JSON.parse(JSON.stringify(await createBackup(db, { myEmails: ['me@corp.example'] }, NOW)));
  // biome-ignore lint/suspicious/noExplicitAny: a hostile edit reaches into any field of the file.
  const cases: Array<[string, (b: Record<string, any>) => string, string | RegExp]> = [
    ['empty file', () => '', /not valid JSON/],
    ['truncated JSON', (b) => JSON.stringify(b).slice(0, 50), /not valid JSON/],
    ['not an object', () => '[1,2,3]', 'This file is not a Bridges backup: it does not hold an object.'],
    ['plain text', () => 'hello', /not valid JSON/],
    [
      'another format',
      (b) => JSON.stringify({ ...b, format: 'other-app' }),
      'This file is not a Bridges backup (its "format" is not "bridges-backup").',
    ],
    [
      'a later format version',
      (b) => JSON.stringify({ ...b, version: 2 }),
      'This backup is format version 2; this Bridges reads version 1. Nothing was changed.',
    ],
    ['a missing version', (b) => JSON.stringify({ ...b, version: undefined }), /format version undefined/],
    ['people is not a list', (b) => JSON.stringify({ ...b, people: {} }), /^people: Invalid type/],
    [
      'a person without an email',
      (b) => {
        delete b.people[0].email;
        return JSON.stringify(b);
      },
      /^people\[0\]\.email: Invalid key/,
    ],
    [
      'a wrong type',
      (b) => {
        b.people[1].lastMetAt = 'yesterday';
        return JSON.stringify(b);
      },
      'people[1].lastMetAt: A time must be a number.',
    ],
    [
      'an email that is not one',
      (b) => {
        b.people[0].email = '<script>';
        return JSON.stringify(b);
      },
      'people[0].email: "<script>" is not an email address.',
    ],
    [
      'a 10 MB email address (an address identifies a person: it is never cut)',
      (b) => {
        b.people[0].email = `${'x'.repeat(10 * 1024 * 1024)}@x.example`;
        return JSON.stringify(b);
      },
      'people[0].email: An email address can be at most 254 characters.',
    ],
    [
      'a meeting key longer than any key (a key is never cut)',
      (b) => {
        b.interactions[0].key = `gcal:${'k'.repeat(5000)}`;
        return JSON.stringify(b);
      },
      'interactions[0].key: This text can be at most 1,100 characters.',
    ],
    ['a __proto__ key', () => '', 'people[0].__proto__: this field is not part of a Bridges backup.'],
    [
      'a constructor key',
      (b) => {
        b.people[0].constructor = { prototype: { polluted: true } };
        return JSON.stringify(b);
      },
      'people[0].constructor: this field is not part of a Bridges backup.',
    ],
    [
      'an unknown top-level field',
      (b) => JSON.stringify({ ...b, extra: 1 }),
      'extra: this field is not part of a Bridges backup.',
    ],
    [
      'the same email twice',
      (b) => {
        b.people.push(b.people[0]);
        return JSON.stringify(b);
      },
      /^people\[2\]\.email: .* appears twice\.$/,
    ],
    [
      'the same meeting twice',
      (b) => {
        b.interactions.push(b.interactions[0]);
        return JSON.stringify(b);
      },
      'interactions[2].key: gcal:a appears twice.',
    ],
    [
      'a duplicate key in one object (the last one is what JSON keeps, and it is checked)',
      (b) => JSON.stringify(b).replace('"priority":"high"', '"priority":"high","priority":"urgent"'),
      'people[0].priority: A priority is high, normal or low.',
    ],
    [
      'a meeting naming someone who is not there',
      (b) => {
        b.interactions[0].people.push('ghost@nowhere.example');
        return JSON.stringify(b);
      },
      "interactions[0].people: ghost@nowhere.example is not among the backup's people.",
    ],
    [
      'a meeting that ends before it starts',
      (b) => {
        b.interactions[1].end = 0;
        return JSON.stringify(b);
      },
      'interactions[1].end: it ends before it starts.',
    ],
    [
      'a person in a group that is not there',
      (b) => {
        b.people[1].groupId = 'g9';
        return JSON.stringify(b);
      },
      'people[1].groupId: no group g9 in the backup.',
    ],
    [
      'a settings value out of range',
      (b) =>
        JSON.stringify({
          ...b,
          settings: { reminders: { day: 9, hour: 9, counts: 'red', highOnly: false, notifications: false } },
        }),
      'settings.reminders.day: Choose a day of the week.',
    ],
    [
      'a negative count',
      (b) => {
        b.people[0].interactionCount = -4;
        return JSON.stringify(b);
      },
      'people[0].interactionCount: A count cannot be negative.',
    ],
  ];
  it(`has at least 20 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const [name, make, expected] of cases) {
    it(name, async () => {
      await seedSmall();
      const before = await snapshot();
      const base = await good();
      const text =
        name === 'a __proto__ key'
          ? JSON.stringify(base).replace(
              '{"email":"priya@finance.example"',
              '{"__proto__":{"polluted":true},"email":"priya@finance.example"',
            )
          : make(base);
      const read = readBackup(text);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      if (typeof expected === 'string') expect(read.message).toBe(expected);
      else expect(read.message).toMatch(expected);
      expect(await snapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('deleting everything', () => {
  it('clears people, interactions, groups and the meetings booked ahead in one transaction', async () => {
    const { deleteAllRecords } = await import('../../lib/data/delete-all');
    await seedSmall();
    await db.upcoming.add({
      key: 'gcal:ahead',
      title: 'Catch-up',
      start: NOW + 86_400_000,
      end: NOW + 90_000_000,
      people: ['priya@finance.example'],
      source: 'google-calendar',
      calendarId: null,
      notedAt: NOW,
    });
    await deleteAllRecords(db);
    expect(await snapshot()).toEqual({ people: [], interactions: [], groups: [] });
    expect(await db.upcoming.count()).toBe(0);
  });
});
