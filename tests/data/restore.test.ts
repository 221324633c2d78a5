import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../lib/data/backup-schema';
import { MAX_QUEUED, RestoreWriter } from '../../lib/data/restore';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { CONTENT, PAGE, startBackground } from '../helpers/background';
import { restoreBackup } from '../helpers/backup';
import { calendarEvent } from '../helpers/events';
import { DAY, meetingAt, person } from '../helpers/people';
import { clearUploads } from '../helpers/uploads';

// A restore written as its parts arrive, in one transaction: the order of parts, giving up, and a meeting
// logged from Calendar while a restore is under way.
const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB;
let background: ReturnType<typeof startBackground>;

beforeEach(async () => {
  fakeBrowser.reset();
  clearUploads();
  db = new AppDB(`restore-${crypto.randomUUID()}`);
  background = startBackground(db, { now: () => NOW });
  await db.people.bulkAdd([person('here@x.example', NOW - DAY), person('also@x.example', NOW - 2 * DAY)]);
  await db.interactions.bulkAdd([meetingAt('here1', NOW - DAY, ['here@x.example', 'also@x.example'])]);
});
afterEach(async () => {
  background.stop();
  await db.delete();
});

const snapshot = async () => ({
  people: await db.people.orderBy('email').toArray(),
  interactions: await db.interactions.orderBy('key').toArray(),
});
const json = (value: unknown) => JSON.stringify(value);
const restored = [person('a@y.example', NOW - 3 * DAY), person('b@y.example', NOW - 4 * DAY)];
const PARTS = [
  json({ settings: {}, exportedAt: NOW }),
  json({ people: restored }),
  json({ interactions: [meetingAt('r1', NOW - 3 * DAY, ['a@y.example'])] }),
  json({ interactions: [meetingAt('r2', NOW - 4 * DAY, ['b@y.example', 'a@y.example'])] }),
];

describe('a restore written as its parts arrive', () => {
  it('applies parts in their order, whatever order they arrive in', async () => {
    const { upload } = await sendMessage('beginUpload', { kind: 'backup', parts: 4, mode: 'replace' });
    for (const index of [3, 0, 2, 1])
      await sendMessage('sendUploadPart', { kind: 'backup', upload, index, part: PARTS[index] as string });
    expect(await sendMessage('restoreBackup', { upload })).toEqual({
      people: 2,
      interactions: 2,
      groups: 0,
      settingsProblem: null,
    });
    expect((await snapshot()).interactions.map((i) => i.key)).toEqual(['r1', 'r2']);
  });

  it('refuses a meeting with someone the backup does not hold, and changes nothing', async () => {
    const before = await snapshot();
    const { upload } = await sendMessage('beginUpload', { kind: 'backup', parts: 3, mode: 'replace' });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 0, part: PARTS[0] as string });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 1, part: PARTS[1] as string });
    const stranger = json({ interactions: [meetingAt('r9', NOW - DAY, ['nobody@z.example'])] });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 2, part: stranger });
    await expect(sendMessage('restoreBackup', { upload })).rejects.toThrow(
      "interactions[0].people: nobody@z.example is not among the backup's people.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it('undoes everything, the clearing of "replace" included, when the page gives up halfway', async () => {
    const before = await snapshot();
    const { upload } = await sendMessage('beginUpload', { kind: 'backup', parts: 4, mode: 'replace' });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 0, part: PARTS[0] as string });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 1, part: PARTS[1] as string });
    await sendMessage('cancelUpload', { upload });
    await expect(
      sendMessage('sendUploadPart', { kind: 'backup', upload, index: 2, part: PARTS[2] as string }),
    ).rejects.toThrow('Bridges lost track of this file (it may have restarted): choose the file again.');
    await expect(sendMessage('restoreBackup', { upload })).rejects.toThrow(/^Bridges lost track of this file/);
    // The transaction ends once it sees the cancellation: wait for that, then nothing has changed.
    await expect.poll(async () => (await snapshot()).interactions.length).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it('gives up when the rest of the file never comes, and changes nothing', async () => {
    const before = await snapshot();
    const writer = new RestoreWriter(db, 'replace', 3, 50);
    writer.add(0, { settings: {} });
    writer.add(1, { people: restored });
    await expect(writer.result()).rejects.toThrow(
      'The rest of the backup never arrived (the page may have been closed): nothing was restored.',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('answers a meeting logged from Calendar while it writes at once, then keeps it (lib/logging/hold.ts)', async () => {
    const { upload } = await sendMessage('beginUpload', { kind: 'backup', parts: 4, mode: 'replace' });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 0, part: PARTS[0] as string });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 1, part: PARTS[1] as string });
    // The restore's transaction is open (it has cleared everything): a click on "Log meeting" does not wait.
    background.speakAs(CONTENT);
    const order: string[] = [];
    const logged = sendMessage('logMeeting', { event: calendarEvent(NOW - DAY), confirmed: false }).then((r) => {
      order.push('logged');
      return r;
    });
    background.speakAs(PAGE);
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 2, part: PARTS[2] as string });
    await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 3, part: PARTS[3] as string });
    await sendMessage('restoreBackup', { upload }).then(() => order.push('restored'));
    expect(await logged).toEqual({ status: 'logged', people: 4 });
    expect(order).toEqual(['logged', 'restored']);
    await vi.waitFor(async () =>
      expect((await snapshot()).interactions.map((i) => i.key)).toEqual([
        'gcal:k5058hfr4d2s30ltiuocpedthd',
        'r1',
        'r2',
      ]),
    );
  });

  it('never hands the database more than a few hundred records at once, so that a kept click is not stuck behind them', async () => {
    // Chrome runs all of a transaction's queued requests before any other transaction's: whatever the restore has
    // queued, each read and write of a click kept meanwhile waits for (it waited 14 seconds behind 6,000).
    const watched = new AppDB(`restore-queue-${crypto.randomUUID()}`);
    let queued = 0;
    let most = 0;
    watched.use({
      stack: 'dbcore',
      name: 'count-queued',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              const size = 'values' in req ? req.values.length : 0;
              queued += size;
              most = Math.max(most, queued);
              const done = () => {
                queued -= size;
              };
              // Dexie's own promise, not an async function: the transaction must not see a native await here.
              return table.mutate(req).finally(done);
            },
          };
        },
      }),
    });
    const people = Array.from({ length: 2500 }, (_, i) => person(`p${i}@y.example`, NOW - DAY));
    const interactions = Array.from({ length: 9000 }, (_, i) =>
      meetingAt(`m${i}`, NOW - DAY - i, [`p${i % 2500}@y.example`]),
    );
    const backup: Omit<Backup, 'people' | 'interactions'> = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW,
      settings: {},
      groups: [],
    };
    try {
      expect(await restoreBackup(watched, { ...backup, people, interactions }, 'replace')).toEqual({
        people: 2500,
        interactions: 9000,
        groups: 0,
      });
      expect(await watched.interactions.count()).toBe(9000);
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(MAX_QUEUED);
    } finally {
      await watched.delete();
    }
  });
});
