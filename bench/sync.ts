import type { Page, Worker } from 'playwright-core';
import { launch, type Session } from '../tests/e2e/harness';
import { putRows, waitForDatabase } from '../tests/e2e/seed';
import { heavyUser } from '../tests/helpers/heavy-user';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');
const PASS = 'orbit lantern copper meadow 42';

interface Timing {
  kind: 'push' | 'pull';
  ms: number;
  writeMs: number;
  sections: number;
  phases?: Record<string, number>;
}
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  storage: {
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
    };
  };
};

const send = (page: Page, name: string, data: unknown) =>
  page.evaluate(
    async ([name, data]) => {
      const reply = await chrome.runtime.sendMessage({ command: name, data });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    [name, data] as const,
  );

const phase = (timings: Timing[], name: string) => round(median(timings.map((t) => t.phases?.[name] ?? 0)), 1);

const timings = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { bridgesBenchSync: Timing[] }).bridgesBenchSync.splice(0));

async function open(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#/bench`);
  await waitForDatabase(page);
  return page;
}

/**
 * Sync across browsers at the heavy user's size (2,000 people, 500 with decisions, most with a note, 300 hand-logged
 * contacts, 12,000 meetings), in the bench build's background: `sync.bytes` is what Chrome counts in storage.sync
 * after the first push; `sync.pushMs` one changed person's push on top of the browser's writes (reading the
 * records, fitting, compressing and encrypting what changed), median of `rounds`; `sync.firstPullMs` a new
 * browser's first read of it all (decrypting, checking and merging every section), key derivation aside.
 */
export async function syncFigures(buildDir: string, rounds = 9) {
  const a = await launch({ fakeTime: '2026-11-28 20:00:00', extensionDir: buildDir });
  let b: Session | null = null;
  try {
    const pageA = await open(a);
    const data = heavyUser(NOW);
    for (let i = 0; i < data.meetings.length; i += 4_000)
      await a.worker.evaluate(putRows, { interactions: data.meetings.slice(i, i + 4_000) });
    await a.worker.evaluate(putRows, {
      people: data.people,
      groups: data.groups,
      settings: data.settings,
      interactions: data.contacts,
    });
    await send(pageA, 'turnSyncOn', { passphrase: PASS });
    const first = (await timings(a.worker)).find((t) => t.kind === 'push');
    const bytes = await a.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    const items = await a.worker.evaluate(() => chrome.storage.sync.get(null));

    const decided = data.people.filter((p) => p.priority === 'high');
    const pushes: Timing[] = [];
    for (let i = 0; i < rounds; i++) {
      const who = decided[i % decided.length];
      await pageA.goto(`chrome-extension://${a.extensionId}/options.html#/bench`);
      await send(pageA, 'updatePeople', { emails: [who?.email], patch: { team: i % 2 === 0 } });
      // The page goes (its own live queries would share the machine with the push), and the push comes on its own,
      // a few seconds after the change.
      await pageA.goto('about:blank');
      let push: Timing | undefined;
      for (const end = Date.now() + 30_000; !push && Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
        push = (await timings(a.worker)).find((t) => t.kind === 'push' && t.sections > 0);
      }
      if (push) pushes.push(push);
    }
    await pageA.goto(`chrome-extension://${a.extensionId}/options.html#/bench`);

    b = await launch({ fakeTime: '2026-11-28 20:05:00', extensionDir: buildDir });
    const pageB = await open(b);
    await b.worker.evaluate((items) => chrome.storage.sync.set(items), items);
    await send(pageB, 'turnSyncOn', { passphrase: PASS });
    const pull = (await timings(b.worker)).find((t) => t.kind === 'pull');
    const state = (await send(pageA, 'syncNow', {})) as { status: string };

    return {
      figures: {
        'sync.bytes': bytes,
        'sync.pushMs': round(median(pushes.map((t) => t.ms)), 1),
        'sync.firstPullMs': round(pull?.ms ?? Number.NaN, 1),
      },
      notes: {
        'sync.bytes': `storage.sync.getBytesInUse after the first push: ${Object.keys(items).length} items; 500 decided people (${data.people.filter((p) => p.note !== '').length} notes), 300 contacts, 20 groups, the settings, and the digests that fit`,
        'sync.pushMs': `one person changed, median of ${pushes.length} (${pushes.map((t) => t.sections).join('/')} sections written; reading the records ${phase(pushes, 'read')} ms, the document ${phase(pushes, 'build')} ms, fitting ${phase(pushes, 'fit')} ms); the browser's writes took ${round(median(pushes.map((t) => t.writeMs)), 1)} ms on top; the first push of everything ${round(first?.ms ?? 0, 0)} ms`,
        'sync.firstPullMs': `a new browser's first read and merge of the whole set (key derivation aside): decrypting and inflating ${round(pull?.phases?.open ?? 0, 1)} ms, checking ${round(pull?.phases?.check ?? 0, 1)} ms, merging into its database ${round(pull?.phases?.merge ?? 0, 1)} ms; A then: ${state.status}`,
      },
    };
  } finally {
    await a.close();
    await b?.close();
  }
}
