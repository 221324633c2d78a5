import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../lib/db/app-db';
import { withUpgrades } from '../../lib/db/upgrades';
import { FIRST_PAINT_KEY, type FirstPaint, firstPaintOf } from '../../lib/popup/first-paint';
import { createFirstPaintKeeper, FIRST_PAINT_ALARM, type FirstPaintKeeper } from '../../lib/popup/first-paint-keeper';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { setSetting } from '../../lib/settings';
import { watchWrites } from '../../lib/sync/watch';
import { DAY, person } from '../helpers/people';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const SETTINGS = { myEmails: [], internalDomains: [], cadenceDefaults: DEFAULT_CADENCES };

/** Session storage that notes what is done to it, and can hold a write back until told. */
function recordingArea() {
  const log: string[] = [];
  let held: { gate: Promise<void>; began(): void } | null = null;
  return {
    log,
    /** The next set waits until `release()`; `started` resolves once it has begun. */
    holdNextSet() {
      let release = () => {};
      let began = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const started = new Promise<void>((r) => {
        began = r;
      });
      held = { gate, began };
      return { release: () => release(), started };
    },
    async set(items: Record<string, unknown>) {
      const hold = held;
      held = null;
      log.push(`set ${(items[FIRST_PAINT_KEY] as FirstPaint).counts.everyone}`);
      if (hold) {
        hold.began();
        await hold.gate;
      }
      await fakeBrowser.storage.session.set(items);
    },
    async remove(key: string) {
      log.push('remove');
      await fakeBrowser.storage.session.remove(key);
    },
  };
}

const kept = async () => (await fakeBrowser.storage.session.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY] as FirstPaint;

let db: AppDB;
let keeper: FirstPaintKeeper;
let area: ReturnType<typeof recordingArea>;

beforeEach(async () => {
  fakeBrowser.reset();
  // As the background builds it: the write watch is added before the database opens.
  db = withUpgrades(new AppDB(`first-paint-${crypto.randomUUID()}`));
  const watch = watchWrites(db);
  area = recordingArea();
  keeper = createFirstPaintKeeper(db, { now: () => NOW, area, quietMs: 5, alarms: fakeBrowser.alarms });
  watch.listen(keeper.written);
  await db.open();
  await db.people.bulkPut([
    person('priya@finance.example', NOW - 70 * DAY, { displayName: 'Priya Raman' }),
    person('sam@partner.example', NOW - 45 * DAY, { displayName: 'Sam Okafor' }),
  ]);
  await keeper.settled();
  area.log.length = 0;
});
afterEach(async () => {
  await keeper.settled();
  db.close();
  await db.delete();
});

describe("the background's keeper of the popup's first screen", () => {
  it('makes it from the database at its start, and wakes itself when it stops holding', async () => {
    await fakeBrowser.storage.session.clear();
    keeper.start();
    await keeper.settled();
    const people = await db.people.toArray();
    expect(await kept()).toEqual(firstPaintOf(people, [], SETTINGS, NOW));
    expect((await fakeBrowser.alarms.get(FIRST_PAINT_ALARM))?.scheduledTime).toBe((await kept()).validUntil);
  });

  it('drops it as a write is made, before it is committed, and makes it again once writes stop', async () => {
    let during: FirstPaint | undefined;
    await db.transaction('rw', db.people, async () => {
      await db.people.put(person('wei@x.example', NOW - 100 * DAY, { displayName: 'Wei Chen' }));
      during = await kept();
    });
    expect(during).toBeUndefined();
    await keeper.settled();
    expect(area.log).toEqual(['remove', 'set 3']);
    expect((await kept()).people.map((p) => p.displayName)).toEqual(['Wei Chen', 'Priya Raman', 'Sam Okafor']);
  });

  it('makes it once for many writes in a row, as an import writes', async () => {
    // Five writes in one transaction, not one awaited after another: however slow the machine, a make that starts
    // between them reads only once they are committed, and is not kept, so only one screen is ever kept.
    await db.transaction('rw', db.people, () =>
      Promise.all(Array.from({ length: 5 }, (_, i) => db.people.put(person(`new${i}@x.example`, NOW - 10 * DAY)))),
    );
    await keeper.settled();
    expect(area.log.filter((l) => l === 'remove')).toHaveLength(5);
    expect(area.log.filter((l) => l.startsWith('set'))).toEqual(['set 7']);
  });

  it('follows the settings and the groups too, not the meetings alone', async () => {
    await setSetting(db, 'myEmails', ['priya@finance.example']);
    await keeper.settled();
    expect((await kept()).people.map((p) => p.email)).toEqual(['sam@partner.example']);
    area.log.length = 0;
    await db.groups.put({ id: 'g1', name: 'Finance', kind: 'department', createdAt: NOW });
    await keeper.settled();
    expect(area.log).toEqual(['remove', 'set 2']);
    area.log.length = 0;
    await db.upcoming.clear();
    await keeper.settled();
    expect(area.log).toEqual([]);
  });

  it('does not keep one made from data a write changed while it was being kept', async () => {
    const hold = area.holdNextSet();
    keeper.start();
    // The screen of two people is being written to session storage when a third person is written.
    await hold.started;
    await db.people.put(person('wei@x.example', NOW - 100 * DAY, { displayName: 'Wei Chen' }));
    hold.release();
    await keeper.settled();
    expect(area.log).toEqual(['set 2', 'remove', 'remove', 'set 3']);
    expect((await kept()).counts.everyone).toBe(3);
  });

  it('makes it again when its alarm rings, and not for another alarm', async () => {
    keeper.onAlarm('bridges-weekly-reminder');
    await keeper.settled();
    expect(area.log).toEqual([]);
    keeper.onAlarm(FIRST_PAINT_ALARM);
    await keeper.settled();
    expect(area.log).toEqual(['set 2']);
  });

  it('leaves none when it cannot read the database', async () => {
    db.close();
    keeper.start();
    await keeper.settled();
    expect(await kept()).toBeUndefined();
    expect(area.log).toEqual(['remove']);
    await db.open();
  });
});
