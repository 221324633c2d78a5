import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../lib/db/app-db';
import { withUpgrades } from '../../lib/db/upgrades';
import { patchPeople } from '../../lib/people/edits';
import { createOrRenameGroup, dissolveGroup } from '../../lib/people/groups';
import { absorbPerson, erasePerson } from '../../lib/people/removal';
import { saveUserSettings, setSetting } from '../../lib/settings';
import { DAY, person } from '../helpers/people';

// Every writer of the user's own fields marks when each one changed (the later change wins across browsers), and
// every deletion is remembered for the other browsers.
const NOW = Date.parse('2026-12-07T10:00:00Z');
let db: AppDB;

beforeEach(async () => {
  db = withUpgrades(new AppDB(`stamps-${crypto.randomUUID()}`));
  await db.people.bulkAdd([
    person('a@x.example', NOW - DAY, { changedAt: { priority: NOW - 9 * DAY } }),
    person('b@x.example', NOW - DAY),
  ]);
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await Dexie.delete(db.name);
});

describe('change times of the user’s fields', () => {
  it('patchPeople marks each field it sets (the cadence as one), and keeps the others’ times', async () => {
    await patchPeople(db, ['a@x.example', 'b@x.example'], { team: true, idealDays: 7, maxDays: 14 }, NOW);
    expect((await db.people.get('a@x.example'))?.changedAt).toEqual({
      priority: NOW - 9 * DAY,
      team: NOW,
      cadence: NOW,
    });
    expect((await db.people.get('b@x.example'))?.changedAt).toEqual({ team: NOW, cadence: NOW });
    await patchPeople(db, ['b@x.example'], { snoozeFor: 'week' }, NOW + 1);
    expect((await db.people.get('b@x.example'))?.changedAt).toEqual({ team: NOW, cadence: NOW, snoozedUntil: NOW + 1 });
  });

  it('a group: made, renamed (the name alone changes), deleted (its people are marked, the group remembered)', async () => {
    const group = await createOrRenameGroup(db, { name: 'Finance', kind: 'department' }, NOW);
    expect(group.changedAt).toEqual({ name: NOW, kind: NOW });
    await createOrRenameGroup(db, { id: group.id, name: 'Finance and legal', kind: 'department' }, NOW + 5);
    expect((await db.groups.get(group.id))?.changedAt).toEqual({ name: NOW + 5, kind: NOW });
    await patchPeople(db, ['a@x.example'], { groupId: group.id }, NOW + 6);
    await dissolveGroup(db, group.id, NOW + 7);
    expect(await db.people.get('a@x.example')).toMatchObject({ groupId: null, changedAt: { groupId: NOW + 7 } });
    expect(await db.tombstones.toArray()).toEqual([{ key: `group:${group.id}`, at: NOW + 7 }]);
  });

  it('two people made one: the fields the merge changed are marked; the one gone is remembered as merged', async () => {
    await patchPeople(db, ['b@x.example'], { note: 'From b', kind: 'peer' }, NOW);
    await absorbPerson(db, 'a@x.example', 'b@x.example', NOW + 1);
    expect((await db.people.get('a@x.example'))?.changedAt).toEqual({
      priority: NOW - 9 * DAY,
      note: NOW + 1,
      kind: NOW + 1,
    });
    expect(await db.tombstones.toArray()).toEqual([{ key: 'person:b@x.example', at: NOW + 1, into: 'a@x.example' }]);
  });

  it('a person deleted is remembered as deleted', async () => {
    await erasePerson(db, 'b@x.example', NOW);
    expect(await db.tombstones.toArray()).toEqual([{ key: 'person:b@x.example', at: NOW }]);
  });

  it('the settings a user sets carry when they were changed; the others do not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await saveUserSettings(db, { meetingRules: { guestLimit: 30 } });
    await setSetting(db, 'weeklyPick', { week: '2026-W50', email: null });
    expect(await db.settings.get('meetingRules')).toEqual({
      name: 'meetingRules',
      value: { guestLimit: 30 },
      changedAt: NOW,
    });
    expect(await db.settings.get('weeklyPick')).toEqual({
      name: 'weeklyPick',
      value: { week: '2026-W50', email: null },
    });
  });
});
