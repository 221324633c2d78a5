import Dexie from 'dexie';
import { AppDB } from '../../lib/db/app-db';
import { withUpgrades } from '../../lib/db/upgrades';
import { addManualContact, patchPeople } from '../../lib/people/edits';
import { createOrRenameGroup } from '../../lib/people/groups';
import { saveUserSettings } from '../../lib/settings';
import { createSync, type SyncDeps, type SyncService } from '../../lib/sync/engine';
import { readState } from '../../lib/sync/state';
import { watchWrites } from '../../lib/sync/watch';
import { type ChromeSync, chromeSync, type RawArea } from '../helpers/chrome-sync';
import { DAY, meetingAt, person } from '../helpers/people';

export const START = Date.parse('2026-12-07T10:00:00Z');
/** One clock for every browser of a test, moved by hand. */
export const clock = { now: START };

/** Timers run by hand: what the service gathers to run a little later. */
export class ManualTimers {
  private next = 1;
  readonly due = new Map<number, () => void>();
  set = (run: () => void) => {
    const id = this.next++;
    this.due.set(id, run);
    return id;
  };
  clear = (handle: unknown) => void this.due.delete(handle as number);
  runAll(): void {
    const runs = [...this.due.values()];
    this.due.clear();
    for (const run of runs) run();
  }
}

/** A browser of a test: its database, the sync service over its own area of Chrome's sync, its timers. */
export interface Browser {
  name: string;
  db: AppDB;
  sync: SyncService;
  area: ChromeSync;
  timers: ManualTimers;
  alarms: number[];
  merges: number;
  wipes: number;
  /** Runs the gathered timers and waits for the sync they start. */
  settle(): Promise<void>;
  state(): ReturnType<typeof readState>;
  close(): Promise<void>;
}

const opened: Browser[] = [];

/**
 * A browser over `inner` (fakeBrowser's storage.sync, or a second area), with Chrome's limits. Keys are made with
 * 1,000 PBKDF2 iterations unless `deps` says otherwise (a test of the real count uses the default).
 */
export function openBrowser(
  name: string,
  inner: RawArea,
  deps: Partial<SyncDeps> = {},
  limits: Parameters<typeof chromeSync>[2] = {},
): Browser {
  const db = withUpgrades(new AppDB(`sync-${name}-${crypto.randomUUID()}`));
  const watch = watchWrites(db);
  const area = chromeSync(inner, () => clock.now, limits);
  const timers = new ManualTimers();
  const browser: Browser = {
    name,
    db,
    area,
    timers,
    alarms: [],
    merges: 0,
    wipes: 0,
    sync: undefined as unknown as SyncService,
    async settle() {
      timers.runAll();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await browser.sync.settled();
    },
    state: () => readState(db),
    async close() {
      db.close();
      await Dexie.delete(db.name);
    },
  };
  browser.sync = createSync(db, {
    area,
    now: () => clock.now,
    iterations: 1_000,
    minIterations: 1_000,
    timers,
    watch,
    alarm: (when) => void browser.alarms.push(when),
    merged: async () => {
      browser.merges++;
    },
    wipe: async () => {
      browser.wipes++;
      await db.people.clear();
    },
    ...deps,
  });
  inner.onChanged.addListener((changes) => browser.sync.remoteChanged(changes));
  opened.push(browser);
  return browser;
}

export async function closeAll(): Promise<void> {
  for (const b of opened.splice(0)) await b.close();
}

/** What browser A knows: a team, cadences, notes, statuses, a group, settings, a contact, and meetings. */
export async function seedA(db: AppDB) {
  const old = START - 30 * DAY;
  await db.people.bulkAdd([
    person('priya.raman@partner.example', old, { displayName: 'Priya Raman' }),
    person('sam.okafor@corp.example', old, { displayName: 'Sam Okafor' }),
    person('wei.chen@supplier.example', old, { displayName: 'Wei Chen' }),
    person('dana.kim@partner.example', old, { displayName: 'Dana Kim' }),
  ]);
  await db.interactions.bulkAdd([
    meetingAt('gcal:m1', old, ['priya.raman@partner.example', 'sam.okafor@corp.example', 'wei.chen@supplier.example']),
    meetingAt('gcal:m2', old, ['dana.kim@partner.example']),
  ]);
  const partners = await createOrRenameGroup(db, { name: 'Partner organisations', kind: 'organisation' }, clock.now);
  await patchPeople(db, ['sam.okafor@corp.example'], { team: true }, clock.now);
  await patchPeople(
    db,
    ['priya.raman@partner.example'],
    { priority: 'high', idealDays: 14, maxDays: 30, note: 'Wants an introduction to finance', thanksOwedSince: old },
    clock.now,
  );
  await patchPeople(db, ['wei.chen@supplier.example'], { snoozeFor: 'week', groupId: partners.id }, clock.now);
  await patchPeople(db, ['dana.kim@partner.example'], { ignored: true }, clock.now);
  await addManualContact(
    db,
    { email: 'priya.raman@partner.example', kind: 'coffee', at: START - 2 * DAY, note: 'Talked about the launch plan' },
    clock.now,
  );
  await saveUserSettings(db, {
    internalDomains: ['corp.example'],
    cadenceDefaults: {
      high: { idealDays: 10, maxDays: 20 },
      normal: { idealDays: 30, maxDays: 60 },
      low: { idealDays: 90, maxDays: 180 },
    },
  });
}
