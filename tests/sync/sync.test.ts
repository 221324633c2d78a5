import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addManualContact, patchPeople } from '../../lib/people/edits';
import { createOrRenameGroup, dissolveGroup } from '../../lib/people/groups';
import { absorbPerson, erasePerson } from '../../lib/people/removal';
import { getSetting, saveUserSettings } from '../../lib/settings';
import { PBKDF2_ITERATIONS } from '../../lib/sync/crypto';
import { createSync } from '../../lib/sync/engine';
import { readState, writeState } from '../../lib/sync/state';
import { MANIFEST_KEY, META_KEY } from '../../lib/sync/store';
import { deliver, fakeBrowserSync, memoryArea } from '../helpers/chrome-sync';
import { DAY, meetingAt, person } from '../helpers/people';
import { clock, closeAll, openBrowser, START, seedA } from './harness';

// Sync across browsers as the engine runs it: each browser has its own area of Chrome's storage.sync (with Chrome's
// quotas: fakeBrowser's own has none, tests/helpers/chrome-sync.ts adds them), and `deliver` copies one area's
// items into the other's as the browser's sync engine does, so the receiver's onChanged fires.
const PASS = 'correct horse battery staple';
const PRIYA = 'priya.raman@partner.example';
const tick = (ms = 60_000) => {
  clock.now += ms;
  vi.setSystemTime(clock.now);
};

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

describe('sync across browsers: the round trip', () => {
  it("brings A's team, cadences, notes, statuses, groups, settings and hand-logged contacts to B, and nothing of the meetings", async () => {
    const a = openBrowser('a', fakeBrowserSync(), { iterations: undefined, minIterations: undefined });
    const b = openBrowser('b', memoryArea(), { iterations: undefined, minIterations: undefined });
    await seedA(a.db);
    expect(await a.sync.turnOn(PASS)).toMatchObject({ status: 'synced', joined: false, wrote: expect.any(Number) });
    // The key is made with 600,000 PBKDF2 iterations, and says so beside the salt.
    const items = await a.area.get(null);
    expect(items[META_KEY]).toMatchObject({ v: 1, iter: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBe(600_000);

    await deliver(a.area.inner, b.area.inner);
    expect(await b.sync.turnOn(PASS)).toMatchObject({ joined: true, merged: { peopleAdded: 4, contactsAdded: 1 } });

    const priya = await b.db.people.get('priya.raman@partner.example');
    expect(priya).toMatchObject({
      displayName: 'Priya Raman',
      priority: 'high',
      idealDays: 14,
      maxDays: 30,
      note: 'Wants an introduction to finance',
      thanksOwedSince: START - 30 * DAY,
      lastMetAt: START - 2 * DAY, // the coffee
    });
    expect(await b.db.people.get('sam.okafor@corp.example')).toMatchObject({ team: true });
    expect(await b.db.people.get('dana.kim@partner.example')).toMatchObject({ ignored: true });
    const wei = await b.db.people.get('wei.chen@supplier.example');
    expect(wei?.snoozedUntil).toBe(START + 7 * DAY);
    expect((await b.db.groups.get(wei?.groupId ?? ''))?.name).toBe('Partner organisations');
    expect(await getSetting(b.db, 'internalDomains')).toEqual(['corp.example']);
    expect((await getSetting(b.db, 'cadenceDefaults')).high).toEqual({ idealDays: 10, maxDays: 20 });
    // The coffee travelled; the meetings did not (B learns them from its calendar).
    const logged = await b.db.interactions.toArray();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ kind: 'coffee', source: 'manual', note: 'Talked about the launch plan' });
    expect(logged[0]?.start).toBe(START - 2 * DAY);
    // Nothing readable in the browser's sync: no name, address, note or group.
    const text = JSON.stringify(await b.area.get(null));
    for (const secret of [
      'Priya Raman',
      'priya.raman',
      'partner.example',
      'introduction',
      'launch plan',
      'Partner organisations',
      'corp.example',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(await b.area.get(null)).sort()).toEqual(expect.arrayContaining([META_KEY, MANIFEST_KEY]));
  });

  it('a wrong passphrase on B is said as such and changes nothing, here or in the browser sync', async () => {
    const a = openBrowser('a', fakeBrowserSync());
    const b = openBrowser('b', memoryArea());
    await seedA(a.db);
    await a.sync.turnOn(PASS);
    await deliver(a.area.inner, b.area.inner);
    const before = JSON.stringify(await b.area.get(null));
    await expect(b.sync.turnOn('not the passphrase at all')).rejects.toThrow(
      'That is not the passphrase your other browsers use: nothing was changed.',
    );
    expect(await b.db.people.count()).toBe(0);
    expect(await b.db.sync.count()).toBe(0);
    expect((await b.state()).on).toBe(false);
    expect(JSON.stringify(await b.area.get(null))).toBe(before);
    expect(b.area.writes).toEqual([]);
    // ... and the right one then works.
    await b.sync.turnOn(PASS);
    expect(await b.db.people.count()).toBe(4);
  });
  it('a first read writes each person once, with the contacts logged by hand counted in', async () => {
    const a = openBrowser('a', fakeBrowserSync());
    const b = openBrowser('b', memoryArea());
    await seedA(a.db);
    await a.sync.turnOn(PASS);
    await deliver(a.area.inner, b.area.inner);
    // Every row B's database is asked to write to its people, as it is asked (before it opens).
    const written: string[] = [];
    b.db.use({
      stack: 'dbcore',
      name: 'count-people-writes',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'people') return table;
          return {
            ...table,
            mutate(req) {
              if (req.type === 'put' || req.type === 'add') {
                for (const row of req.values) written.push((row as { email: string }).email);
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
    await b.sync.turnOn(PASS);
    expect([...written].sort()).toEqual([...new Set(written)].sort());
    expect(written).toHaveLength(4);
    expect(await b.db.people.get(PRIYA)).toMatchObject({ lastMetAt: START - 2 * DAY });
  });
});

/** Two browsers syncing: A first, B joining with the same passphrase. */
async function pair() {
  const a = openBrowser('a', fakeBrowserSync());
  const b = openBrowser('b', memoryArea());
  await seedA(a.db);
  await a.sync.turnOn(PASS);
  await deliver(a.area.inner, b.area.inner);
  await b.sync.turnOn(PASS);
  await deliver(b.area.inner, a.area.inner);
  await a.settle();
  return { a, b };
}

/** The engine delivering both ways until neither browser writes again. */
async function exchange(a: ReturnType<typeof openBrowser>, b: ReturnType<typeof openBrowser>) {
  for (let round = 0; round < 6; round++) {
    const writes = a.area.writes.length + b.area.writes.length;
    await deliver(a.area.inner, b.area.inner);
    await b.settle();
    await deliver(b.area.inner, a.area.inner);
    await a.settle();
    if (a.area.writes.length + b.area.writes.length === writes) return round;
  }
  throw new Error('the browsers never stopped writing');
}

describe('sync across browsers: field by field, the later change wins', () => {
  it('merges edits made on both browsers, both ways, and both end up alike', async () => {
    const { a, b } = await pair();
    tick();
    // A changes Priya's priority; B, a minute later, her note, and Sam's team mark.
    await patchPeople(a.db, [PRIYA], { priority: 'low' }, clock.now);
    await a.sync.changed();
    tick();
    await patchPeople(b.db, [PRIYA], { note: 'Now runs the partner programme' }, clock.now);
    await patchPeople(b.db, ['sam.okafor@corp.example'], { team: false }, clock.now);
    await b.sync.changed();
    await a.settle();
    await b.settle();
    await exchange(a, b);
    for (const side of [a, b]) {
      expect(await side.db.people.get(PRIYA)).toMatchObject({
        priority: 'low',
        note: 'Now runs the partner programme',
        idealDays: 14,
      });
      expect((await side.db.people.get('sam.okafor@corp.example'))?.team).toBe(false);
    }
  });

  it('the same field changed on both: the later change wins on both, whichever writes first', async () => {
    const { a, b } = await pair();
    tick();
    await patchPeople(b.db, [PRIYA], { note: 'Earlier words, from B' }, clock.now);
    tick(5_000);
    await patchPeople(a.db, [PRIYA], { note: 'Later words, from A' }, clock.now);
    // B writes its older change last: it still loses.
    await a.sync.syncNow();
    await deliver(a.area.inner, b.area.inner);
    await b.sync.changed();
    await b.settle();
    await exchange(a, b);
    expect((await a.db.people.get(PRIYA))?.note).toBe('Later words, from A');
    expect((await b.db.people.get(PRIYA))?.note).toBe('Later words, from A');
  });

  it('last met takes the later date and the count the larger; a person only B met is made from the digest', async () => {
    const { a, b } = await pair();
    tick();
    await b.db.people.add(
      person('new.face@elsewhere.example', START - DAY, { displayName: 'New Face', interactionCount: 3 }),
    );
    await b.db.people.update(PRIYA, { lastMetAt: START - DAY, interactionCount: 9 });
    await patchPeople(b.db, ['new.face@elsewhere.example'], { priority: 'high' }, clock.now);
    await b.sync.changed();
    await b.settle();
    await exchange(a, b);
    expect(await a.db.people.get('new.face@elsewhere.example')).toMatchObject({
      displayName: 'New Face',
      priority: 'high',
      lastMetAt: START - DAY,
      interactionCount: 3,
    });
    expect(await a.db.people.get(PRIYA)).toMatchObject({ lastMetAt: START - DAY, interactionCount: 9 });
    expect(await a.db.interactions.where('people').equals('new.face@elsewhere.example').count()).toBe(0);
  });

  it('two browsers that both learned the same person make one: both decisions, the later meeting, the larger count', async () => {
    const { a, b } = await pair();
    tick();
    const LEE = 'lee.park@new.example';
    await a.db.people.add(person(LEE, START - 5 * DAY, { displayName: 'Lee Park', interactionCount: 2 }));
    await b.db.people.add(person(LEE, START - DAY, { displayName: 'Lee Park', interactionCount: 1 }));
    await patchPeople(a.db, [LEE], { priority: 'high' }, clock.now);
    tick();
    await patchPeople(b.db, [LEE], { team: true, note: 'Met at the offsite' }, clock.now);
    await a.sync.changed();
    await b.sync.changed();
    await a.settle();
    await b.settle();
    await exchange(a, b);
    for (const side of [a, b]) {
      expect(await side.db.people.where('email').equals(LEE).count()).toBe(1);
      expect(await side.db.people.get(LEE)).toMatchObject({
        priority: 'high',
        team: true,
        note: 'Met at the offsite',
        lastMetAt: START - DAY,
        interactionCount: 2,
      });
    }
  });

  it('the settings travel, each the later change', async () => {
    const { a, b } = await pair();
    tick();
    await saveUserSettings(b.db, { meetingRules: { guestLimit: 40 } });
    await b.sync.changed();
    await b.settle();
    await exchange(a, b);
    expect(await getSetting(a.db, 'meetingRules')).toEqual({ guestLimit: 40 });
    expect(await getSetting(a.db, 'internalDomains')).toEqual(['corp.example']);
  });

  it('the catch-up being planned mark and the catch-up settings travel; "Not planning" on B clears it on A', async () => {
    const { a, b } = await pair();
    tick();
    await patchPeople(a.db, [PRIYA], { planCatchUp: true }, clock.now);
    const planned = clock.now;
    await saveUserSettings(a.db, {
      catchUp: { calendar: 'outlook-work', minutes: 45, title: 'Coffee: {their name}', myName: 'Alex' },
    });
    await a.sync.changed();
    await a.settle();
    await exchange(a, b);
    expect((await b.db.people.get(PRIYA))?.planningSince).toBe(planned);
    expect(await getSetting(b.db, 'catchUp')).toEqual({
      calendar: 'outlook-work',
      minutes: 45,
      title: 'Coffee: {their name}',
      myName: 'Alex',
    });
    tick();
    await patchPeople(b.db, [PRIYA], { planningSince: null }, clock.now);
    await b.sync.changed();
    await b.settle();
    await exchange(a, b);
    expect((await a.db.people.get(PRIYA))?.planningSince).toBeNull();
  });

  it('two groups of the same name made on two browsers become one', async () => {
    const { a, b } = await pair();
    tick();
    const onA = await createOrRenameGroup(a.db, { name: 'Finance', kind: 'department' }, clock.now);
    const onB = await createOrRenameGroup(b.db, { name: 'finance', kind: 'department' }, clock.now);
    await patchPeople(a.db, ['dana.kim@partner.example'], { groupId: onA.id }, clock.now);
    await patchPeople(b.db, ['sam.okafor@corp.example'], { groupId: onB.id }, clock.now);
    await a.sync.changed();
    await b.sync.changed();
    await a.settle();
    await b.settle();
    await exchange(a, b);
    const kept = [onA.id, onB.id].sort()[0];
    for (const side of [a, b]) {
      const finance = (await side.db.groups.toArray()).filter((g) => g.name.toLowerCase() === 'finance');
      expect(finance.map((g) => g.id)).toEqual([kept]);
      expect((await side.db.people.get('dana.kim@partner.example'))?.groupId).toBe(kept);
      expect((await side.db.people.get('sam.okafor@corp.example'))?.groupId).toBe(kept);
    }
  });
});

describe('sync across browsers: what is deleted on one is deleted on the others', () => {
  it('a person deleted on A is deleted on B, their name gone from its meetings', async () => {
    const { a, b } = await pair();
    await b.db.interactions.add(meetingAt('gcal:b1', START - 3 * DAY, ['wei.chen@supplier.example', PRIYA]));
    tick();
    await erasePerson(a.db, 'wei.chen@supplier.example', clock.now);
    await a.sync.changed();
    await a.settle();
    await exchange(a, b);
    expect(await b.db.people.get('wei.chen@supplier.example')).toBeUndefined();
    expect((await b.db.interactions.get('gcal:b1'))?.people).toEqual([PRIYA]);
    expect(await a.db.people.get('wei.chen@supplier.example')).toBeUndefined();
  });

  it('a person changed on B after A deleted them stays, and comes back to A', async () => {
    const { a, b } = await pair();
    tick();
    await erasePerson(a.db, 'wei.chen@supplier.example', clock.now);
    tick();
    await patchPeople(b.db, ['wei.chen@supplier.example'], { note: 'Still matters' }, clock.now);
    await a.sync.changed();
    await b.sync.changed();
    await a.settle();
    await b.settle();
    await exchange(a, b);
    expect((await b.db.people.get('wei.chen@supplier.example'))?.note).toBe('Still matters');
    expect((await a.db.people.get('wei.chen@supplier.example'))?.note).toBe('Still matters');
  });

  it('two people made one on A are made one on B', async () => {
    const { a, b } = await pair();
    tick();
    await absorbPerson(a.db, PRIYA, 'dana.kim@partner.example', clock.now);
    await a.sync.changed();
    await a.settle();
    await exchange(a, b);
    expect(await b.db.people.get('dana.kim@partner.example')).toBeUndefined();
    expect(await b.db.people.get(PRIYA)).toBeTruthy();
  });

  it('a group deleted on A is deleted on B; its people stay, in no group', async () => {
    const { a, b } = await pair();
    tick();
    const [group] = await a.db.groups.toArray();
    await dissolveGroup(a.db, group?.id ?? '', clock.now);
    await a.sync.changed();
    await a.settle();
    await exchange(a, b);
    expect(await b.db.groups.count()).toBe(0);
    expect((await b.db.people.get('wei.chen@supplier.example'))?.groupId).toBeNull();
  });

  it('forgets deletions after 90 days', async () => {
    const { a, b } = await pair();
    tick();
    await erasePerson(a.db, 'dana.kim@partner.example', clock.now);
    await a.sync.syncNow();
    tick(91 * DAY);
    await patchPeople(a.db, [PRIYA], { priority: 'normal' }, clock.now);
    await a.sync.changed();
    await a.sync.syncNow();
    await deliver(a.area.inner, b.area.inner);
    await b.settle();
    // B never read the deletion in time: Dana stays there, and is written back.
    expect(await b.db.people.get('dana.kim@partner.example')).toBeTruthy();
    expect(await a.db.tombstones.count()).toBe(0);
  });
});

describe('sync across browsers: a reader sees the old whole or the new whole', () => {
  it('a manifest that arrives before its chunks is waited for; the old generation stays readable until then', async () => {
    const { a, b } = await pair();
    tick();
    await patchPeople(a.db, [PRIYA], { note: 'A new note, in a new generation' }, clock.now);
    await a.sync.changed();
    await a.settle();
    // The engine brings B the new chunks first: B still reads the old generation, whole.
    await deliver(a.area.inner, b.area.inner, (key) => key.startsWith('b:'));
    await b.settle();
    expect((await b.db.people.get(PRIYA))?.note).toBe('Wants an introduction to finance');
    expect((await b.state()).waitingSince).toBeNull();
    // Then, in another browser's order, the manifest before its chunks: B waits and changes nothing.
    const c = openBrowser('c', memoryArea());
    await deliver(b.area.inner, c.area.inner, (key) => !key.startsWith('b:'));
    await deliver(a.area.inner, c.area.inner, (key) => !key.startsWith('b:'));
    const waiting = await c.sync.turnOn(PASS);
    expect(waiting.status).toBe('waiting');
    expect(await c.db.people.count()).toBe(0);
    expect(c.area.writes).toHaveLength(0);
    // The chunks arrive: C reads the new generation.
    await deliver(a.area.inner, c.area.inner);
    await c.settle();
    expect((await c.db.people.get(PRIYA))?.note).toBe('A new note, in a new generation');
    expect((await c.state()).waitingSince).toBeNull();
  });

  it('writes the new chunks, then the manifest, then removes the old chunks', async () => {
    const { a } = await pair();
    const before = Object.keys(await a.area.get(null));
    const calls: string[] = [];
    const { set, remove } = a.area;
    a.area.set = async (items) => {
      calls.push(
        `set ${Object.keys(items)
          .map((k) => (k.startsWith('b:') ? 'chunk' : k))
          .join(',')}`,
      );
      return set(items);
    };
    a.area.remove = async (keys) => {
      const list = typeof keys === 'string' ? [keys] : keys;
      calls.push(`remove ${list.every((k) => before.includes(k)) ? 'old chunks' : 'something else'}`);
      return remove(keys);
    };
    tick();
    await patchPeople(a.db, [PRIYA], { priority: 'low' }, clock.now);
    await a.sync.changed();
    await a.settle();
    expect(calls).toEqual(['set chunk', `set ${MANIFEST_KEY}`, 'remove old chunks']);
  });

  it('a section altered in the browser sync is not read, and nothing else is lost', async () => {
    const { a, b } = await pair();
    tick();
    await patchPeople(a.db, [PRIYA], { priority: 'low' }, clock.now);
    await patchPeople(a.db, ['sam.okafor@corp.example'], { note: 'Sam note' }, clock.now);
    await a.sync.changed();
    await a.settle();
    await deliver(a.area.inner, b.area.inner);
    // Someone with access to the account flips a character of one chunk.
    const items = await b.area.inner.get(null);
    const [chunk, text] = Object.entries(items).find(([k]) => k.startsWith('b:')) as [string, string];
    await b.area.inner.set({ [chunk]: `${text.slice(0, 40)}${text[40] === '0' ? '1' : '0'}${text.slice(41)}` });
    await b.settle();
    const state = await b.state();
    expect(state.on).toBe(true);
    expect(state.refused).toBe(1);
  });
});

describe("sync across browsers: within the browser's limits", () => {
  it('backs off when the browser refuses a write for its rate limit, says so, and writes once it may', async () => {
    // A browser that allows only 4 writes a minute (Chrome allows 120): it, not Bridges' own count, refuses.
    const a = openBrowser('a', fakeBrowserSync(), {}, { MAX_WRITE_OPERATIONS_PER_MINUTE: 4 });
    await seedA(a.db);
    await a.sync.turnOn(PASS); // the meta, the chunks, the manifest: 3 writes
    tick(1_000);
    await patchPeople(a.db, [PRIYA], { priority: 'low' }, clock.now);
    await a.sync.changed();
    await a.settle();
    expect(a.area.refusals).toEqual(['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.']);
    const held = await a.state();
    expect(held).toMatchObject({ dirty: true, retryAt: clock.now + 60_000 });
    expect(held.problem?.message).toMatch(/^The browser's sync held Bridges back \(too many writes this minute\)/);
    // The background is woken when it may try again.
    expect(a.alarms.at(-1)).toBe(held.retryAt);
    // Before then, nothing is tried.
    const writes = a.area.writes.length;
    await a.sync.onAlarm();
    expect(a.area.writes).toHaveLength(writes);
    tick(61_000);
    await a.sync.onAlarm();
    expect(await a.state()).toMatchObject({ dirty: false, retryAt: null, problem: null });
    const b = openBrowser('b', memoryArea());
    await deliver(a.area.inner, b.area.inner);
    await b.sync.turnOn(PASS);
    expect((await b.db.people.get(PRIYA))?.priority).toBe('low');
  });

  it('keeps under the rate limits by its own count: a burst of changes is held, never refused', async () => {
    const a = openBrowser('a', fakeBrowserSync());
    await seedA(a.db);
    await a.sync.turnOn(PASS);
    for (let i = 0; i < 60; i++) {
      tick(500);
      await patchPeople(a.db, [PRIYA], { note: `Note number ${i}` }, clock.now);
      await a.sync.changed();
      await a.sync.syncNow();
    }
    expect(a.area.refusals).toEqual([]);
    const state = await a.state();
    expect(state.problem?.message).toMatch(/too many writes this minute/);
    expect(a.area.writes.filter((t) => t > clock.now - 60_000).length).toBeLessThanOrEqual(100);
    tick(61_000);
    await a.sync.onAlarm();
    const b = openBrowser('b', memoryArea());
    await deliver(a.area.inner, b.area.inner);
    await b.sync.turnOn(PASS);
    expect((await b.db.people.get(PRIYA))?.note).toBe('Note number 59');
  });

  it('over its budget, sends what matters most and says exactly what stays on this browser', async () => {
    // A budget of 6 KB: the settings, the decisions about the high-priority people first.
    const a = openBrowser('a', fakeBrowserSync(), { budget: 6_000 });
    const people = Array.from({ length: 60 }, (_, i) =>
      person(`person${String(i).padStart(2, '0')}@org${i % 7}.example`, START - i * DAY, {
        displayName: `Person ${i}`,
      }),
    );
    await a.db.people.bulkAdd(people);
    const high = people.slice(0, 10).map((p) => p.email);
    const low = people.slice(10, 40).map((p) => p.email);
    await patchPeople(a.db, high, { priority: 'high' }, clock.now);
    await patchPeople(a.db, low, { priority: 'low' }, clock.now);
    for (const p of people.slice(0, 40)) {
      // Notes of figures, which compress little: 40 of them do not all fit.
      const figures = Array.from({ length: 40 }, (_, j) => (people.indexOf(p) * 7919 + j * 104_729) % 99_991);
      await patchPeople(a.db, [p.email], { note: `${p.displayName}: ${figures.join(' ')}` }, clock.now);
    }
    await a.sync.turnOn(PASS);
    const state = await a.state();
    expect(state.usage?.bytes).toBeLessThanOrEqual(6_000);
    expect(await a.area.bytesInUse()).toBe(state.usage?.bytes);
    const left = state.leftOut;
    expect(left).not.toBeNull();
    expect(left?.decisions).toBe(0);
    expect(left?.notes).toBeGreaterThan(0);
    expect(left?.digests).toBe(20);

    const b = openBrowser('b', memoryArea());
    await deliver(a.area.inner, b.area.inner);
    await b.sync.turnOn(PASS);
    // Every decision arrived; the notes that did are the high-priority people's first.
    for (const email of high) expect((await b.db.people.get(email))?.priority).toBe('high');
    for (const email of low) expect((await b.db.people.get(email))?.priority).toBe('low');
    const noted = (await b.db.people.toArray()).filter((p) => p.note !== '');
    expect(noted.length).toBe(40 - (left?.notes ?? 0));
    const highNoted = noted.filter((p) => p.priority === 'high').length;
    expect(highNoted).toBe(Math.min(10, noted.length));

    const { leftOutLines } = await import('../../lib/sync/words');
    const names = new Map(people.map((p) => [p.email, p.displayName]));
    const lines = leftOutLines(left, (e) => names.get(e) ?? e);
    expect(lines).toEqual([
      expect.stringMatching(/^your notes about \d+ people \(Person \d+, Person \d+, Person \d+ and \d+ more\)$/),
      'when you last met 20 people you have decided nothing about: your other browsers learn it from your calendar',
    ]);
    // The notes left out are the low-priority people's.
    for (const email of left?.people ?? []) expect(low).toContain(email);
  });
});

describe('sync across browsers: turning it off, forgetting, deleting everything', () => {
  it('turning sync off stops it here; the other browser goes on', async () => {
    const { a, b } = await pair();
    await a.sync.turnOff();
    expect(await a.db.sync.toArray()).toEqual([{ name: 'state', value: expect.objectContaining({ on: false }) }]);
    tick();
    await patchPeople(a.db, [PRIYA], { priority: 'low' }, clock.now);
    await a.sync.changed();
    await a.settle();
    await deliver(a.area.inner, b.area.inner);
    await b.settle();
    expect((await b.db.people.get(PRIYA))?.priority).toBe('high');
    expect((await b.state()).on).toBe(true);
  });

  it("forget removes Bridges' items from the browser sync; the other browser stops, keeping what it has", async () => {
    const { a, b } = await pair();
    await a.sync.forget();
    expect(await a.area.get(null)).toEqual({});
    await deliver(a.area.inner, b.area.inner);
    await b.settle();
    const state = await b.state();
    expect(state).toMatchObject({ on: false, stopped: { reason: 'forgotten' } });
    expect(await b.db.people.count()).toBe(4);
    const { statusLine } = await import('../../lib/sync/words');
    expect(statusLine(state)).toMatch(/^Sync stopped: Bridges' data was removed/);
  });

  it('delete everything on every browser: the others delete everything too, then sync is off everywhere', async () => {
    const { a, b } = await pair();
    tick();
    await a.sync.wipeEverywhere();
    await deliver(a.area.inner, b.area.inner);
    await b.settle();
    expect(b.wipes).toBe(1);
    expect(await b.db.people.count()).toBe(0);
    expect(await b.state()).toMatchObject({ on: false, stopped: { reason: 'wiped' } });
    const text = JSON.stringify(await a.area.get(null));
    expect(Object.keys(JSON.parse(text)).sort()).toEqual([MANIFEST_KEY, META_KEY].sort());
    // A browser that joins later is not wiped by it.
    const c = openBrowser('c', memoryArea());
    await c.db.people.add(person('keep.me@x.example', START));
    await deliver(a.area.inner, c.area.inner);
    await c.sync.turnOn(PASS);
    expect(c.wipes).toBe(0);
    expect(await c.db.people.count()).toBe(1);
  });

  it('stops when the other browsers start anew with another passphrase', async () => {
    const { a, b } = await pair();
    await a.sync.forget();
    await a.sync.turnOn('an entirely new passphrase');
    await deliver(a.area.inner, b.area.inner);
    await b.settle();
    expect(await b.state()).toMatchObject({
      on: false,
      stopped: { reason: expect.stringMatching(/forgotten|passphrase-changed/) },
    });
  });
});

describe('sync across browsers: what a push reads', () => {
  it('reading only what changed makes the same document as reading everything', async () => {
    const { a } = await pair();
    tick();
    // Every writer of what travels, one after another, with pushes in between.
    await patchPeople(a.db, [PRIYA], { note: 'Edited', priority: 'low' }, clock.now);
    await a.sync.changed();
    await a.settle();
    await addManualContact(a.db, { email: 'sam.okafor@corp.example', kind: 'chat', at: clock.now - DAY }, clock.now);
    const group = await createOrRenameGroup(a.db, { name: 'Board', kind: 'department' }, clock.now);
    await patchPeople(a.db, ['sam.okafor@corp.example'], { groupId: group.id }, clock.now);
    await a.sync.changed();
    await a.settle();
    await dissolveGroup(a.db, group.id, clock.now);
    await absorbPerson(a.db, PRIYA, 'dana.kim@partner.example', clock.now);
    await erasePerson(a.db, 'wei.chen@supplier.example', clock.now);
    await saveUserSettings(a.db, { meetingRules: { guestLimit: 7 } });
    await a.db.people.add(person('fresh@x.example', clock.now));
    await a.sync.changed();
    await a.settle();
    // A second service over the same database, reading everything, finds nothing to write.
    const writes = a.area.writes.length;
    const full = createSync(a.db, { area: a.area, now: () => clock.now, iterations: 1_000, minIterations: 1_000 });
    await writeState(a.db, { ...(await readState(a.db)), dirty: true });
    expect(await full.syncNow()).toMatchObject({ status: 'synced', wrote: 0 });
    expect(a.area.writes).toHaveLength(writes);
  });

  it("a run reads the browser's sync twice: what is there, and what is left once it has written", async () => {
    const { a } = await pair();
    tick();
    await patchPeople(a.db, [PRIYA], { priority: 'low' }, clock.now);
    await a.sync.changed();
    const reads = vi.spyOn(a.area, 'get');
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', wrote: 1 });
    expect(reads).toHaveBeenCalledTimes(2);
    // What it says it uses is what the browser holds after the writes.
    expect((await a.state()).usage?.bytes).toBe(await a.area.bytesInUse());
  });

  it('removes chunks no manifest names (a browser lost a race to write) after half an hour, and counts without them', async () => {
    const { a } = await pair();
    await a.area.inner.set({ 'b:lostit0': 'x'.repeat(500) });
    await a.sync.syncNow();
    expect(await a.area.get('b:lostit0')).toEqual({ 'b:lostit0': 'x'.repeat(500) });
    tick(31 * 60_000);
    await a.sync.syncNow();
    expect(await a.area.get('b:lostit0')).toEqual({});
    expect((await a.state()).usage?.bytes).toBe(await a.area.bytesInUse());
  });
});
