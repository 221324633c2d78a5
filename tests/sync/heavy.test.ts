import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_BUDGET } from '../../lib/sync/limits';
import { deliver, fakeBrowserSync, memoryArea } from '../helpers/chrome-sync';
import { heavyUser } from '../helpers/heavy-user';
import { clock, closeAll, openBrowser, START } from './harness';

// The heavy user: 2,000 people of whom 500 have decisions (and most of those a note), 300 contacts logged
// by hand in a year. Everything they decided, wrote and logged must fit in the browser's sync, within 90,000 bytes
// as Chrome counts them; the digests of the people they decided nothing about fill what room is left.
beforeEach(() => {
  fakeBrowser.reset();
  clock.now = START;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

describe("sync across browsers at a heavy user's size", () => {
  it('fits every decision, note and contact within 90,000 bytes, and a new browser gets them all', {
    timeout: 60_000,
  }, async () => {
    const data = heavyUser(START);
    const a = openBrowser('a', fakeBrowserSync());
    await a.db.people.bulkAdd(data.people);
    await a.db.groups.bulkAdd(data.groups);
    await a.db.settings.bulkAdd(data.settings);
    await a.db.interactions.bulkAdd([...data.meetings, ...data.contacts]);
    await a.sync.turnOn('correct horse battery staple');
    const state = await a.state();
    const bytes = await a.area.bytesInUse();
    expect(bytes).toBe(state.usage?.bytes);
    expect(bytes).toBeLessThanOrEqual(SYNC_BUDGET);
    expect(state.leftOut).toMatchObject({ deletions: 0, decisions: 0, contacts: 0, notes: 0 });
    expect(state.leftOut?.digests).toBeGreaterThan(0);
    expect(a.area.refusals).toEqual([]);

    const decided = data.people.filter((p) => Object.keys(p.changedAt ?? {}).length > 0);
    const noted = decided.filter((p) => p.note !== '');
    expect(decided).toHaveLength(500);
    const b = openBrowser('b', memoryArea());
    await deliver(a.area.inner, b.area.inner);
    await b.sync.turnOn('correct horse battery staple');
    for (const p of decided) {
      const there = await b.db.people.get(p.email);
      expect(there, p.email).toMatchObject({
        priority: p.priority,
        kind: p.kind,
        groupId: p.groupId,
        idealDays: p.idealDays,
        note: p.note,
        team: p.team,
      });
    }
    expect((await b.db.people.toArray()).filter((p) => p.note !== '')).toHaveLength(noted.length);
    expect(await b.db.interactions.count()).toBe(300);
    expect(await b.db.groups.count()).toBe(20);
  });

  it('one changed person rewrites one section, not the whole', { timeout: 60_000 }, async () => {
    const data = heavyUser(START);
    const a = openBrowser('a', fakeBrowserSync());
    await a.db.people.bulkAdd(data.people);
    await a.db.interactions.bulkAdd(data.contacts);
    await a.sync.turnOn('correct horse battery staple');
    const before = await a.area.get(null);
    clock.now += 60_000;
    const someone = data.people.find((p) => p.priority === 'high') ?? data.people[0];
    await a.db.people.update(someone?.email ?? '', {
      team: true,
      changedAt: { ...someone?.changedAt, team: clock.now },
    });
    await a.sync.changed();
    await a.settle();
    const after = await a.area.get(null);
    const fresh = Object.keys(after).filter((k) => k.startsWith('b:') && !(k in before));
    const text = fresh.map((k) => after[k] as string).join('');
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(text.length).toBeLessThan(16_400);
  });
});
