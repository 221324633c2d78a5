import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { suggestGroups } from '../../lib/people/groups';
import { startBackground } from '../helpers/background';
import { DAY, meetingAt, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB;
let stop: () => void;
const meeting = (key: string, daysAgo: number, people: string[]) => meetingAt(key, NOW - daysAgo * DAY, people);

beforeEach(async () => {
  fakeBrowser.reset();
  db = new AppDB(`manage-${crypto.randomUUID()}`);
  stop = startBackground(db, { now: () => NOW }).stop;
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 10 * DAY, {
      displayName: 'Priya Raman',
      note: 'Cares about hiring',
      interactionCount: 2,
    }),
    person('p.raman@gmail.com', NOW - 3 * DAY, {
      displayName: 'p.raman@gmail.com',
      note: 'Runs marathons',
      interactionCount: 2,
      firstMetAt: NOW - 50 * DAY,
    }),
    person('sam@partner.example', NOW - 3 * DAY),
  ]);
  await db.interactions.bulkAdd([
    meeting('a', 10, ['priya@finance.example']),
    meeting('b', 20, ['priya@finance.example', 'sam@partner.example']),
    meeting('c', 3, ['p.raman@gmail.com', 'sam@partner.example']),
    meeting('d', 50, ['p.raman@gmail.com', 'priya@finance.example']),
  ]);
});
afterEach(async () => {
  stop();
  await db.delete();
});

describe('merging two entries of one person', () => {
  it('joins their history, recomputes first and last met and the count, keeps both notes, loses nothing', async () => {
    await sendMessage('mergePeople', { keep: 'priya@finance.example', gone: 'p.raman@gmail.com' });
    expect(await db.people.get('p.raman@gmail.com')).toBeUndefined();
    expect(await db.people.get('priya@finance.example')).toMatchObject({
      displayName: 'Priya Raman',
      firstMetAt: NOW - 50 * DAY,
      lastMetAt: NOW - 3 * DAY,
      interactionCount: 4,
      note: 'Cares about hiring\n\nRuns marathons',
    });
    expect(await db.interactions.get('d')).toMatchObject({ people: ['priya@finance.example'] });
    expect((await db.interactions.get('d'))?.attendees.map((a) => a.email)).toEqual(['priya@finance.example']);
    expect(await db.interactions.where('people').equals('priya@finance.example').count()).toBe(4);
    expect(await db.interactions.count()).toBe(4);
  });

  it('refuses to merge someone with themselves', async () => {
    await expect(
      sendMessage('mergePeople', { keep: 'sam@partner.example', gone: 'sam@partner.example' }),
    ).rejects.toThrow('Choose two different people to merge.');
  });
});

describe('deleting a person', () => {
  it('removes them and their name from meetings; a meeting left with no one goes too', async () => {
    await sendMessage('deletePerson', { email: 'priya@finance.example' });
    expect(await db.people.get('priya@finance.example')).toBeUndefined();
    expect(await db.interactions.get('a')).toBeUndefined();
    expect(await db.interactions.get('b')).toMatchObject({ people: ['sam@partner.example'] });
    expect(await db.interactions.where('people').equals('priya@finance.example').count()).toBe(0);
  });
});

describe('groups', () => {
  it('are created, renamed and deleted; their people stay', async () => {
    const { id } = await sendMessage('saveGroup', { name: '  Finance  ', kind: 'department' });
    await db.people.update('priya@finance.example', { groupId: id });
    await expect(sendMessage('saveGroup', { name: 'finance', kind: 'department' })).rejects.toThrow(
      'There is already a group called Finance.',
    );
    await expect(sendMessage('saveGroup', { name: '   ', kind: 'department' })).rejects.toThrow(
      'Give the group a name.',
    );
    await sendMessage('saveGroup', { id, name: 'Finance & Legal', kind: 'department' });
    expect(await db.groups.get(id)).toMatchObject({ name: 'Finance & Legal' });
    await sendMessage('deleteGroup', { id });
    expect(await db.groups.count()).toBe(0);
    expect((await db.people.get('priya@finance.example'))?.groupId).toBeNull();
  });

  it('are suggested from email domains with two or more people in no group', () => {
    const people = [
      person('a@partner.example', 0),
      person('b@partner.example', 0),
      person('c@other.example', 0),
      person('d@corp.example', 0),
      person('e@corp.example', 0),
    ];
    expect(suggestGroups(people, ['corp.example']).map((s) => [s.domain, s.people.length])).toEqual([
      ['partner.example', 2],
    ]);
  });
});

describe('merging, at the bounds', () => {
  it('refuses when the two notes together would be longer than a note can be, and changes nothing', async () => {
    await db.people.update('priya@finance.example', { note: 'a'.repeat(3000) });
    await db.people.update('p.raman@gmail.com', { note: 'b'.repeat(3000) });
    await expect(
      sendMessage('mergePeople', { keep: 'priya@finance.example', gone: 'p.raman@gmail.com' }),
    ).rejects.toThrow(
      'Their notes together are 6,002 characters, and a note can be at most 5,000: shorten one of them, then merge.',
    );
    expect(await db.people.count()).toBe(3);
    expect((await db.people.get('priya@finance.example'))?.note).toHaveLength(3000);
  });
});
