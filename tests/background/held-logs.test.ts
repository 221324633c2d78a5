import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearUploads } from '../../lib/commands/uploads';
import { AppDB } from '../../lib/db/app-db';
import { restoreHold } from '../../lib/logging/hold';
import { sendMessage } from '../../lib/messaging';
import { heldLogsItem } from '../../lib/settings';
import { CONTENT, PAGE, startBackground } from '../helpers/background';
import { calendarEvent } from '../helpers/events';
import { DAY, meetingAt, person } from '../helpers/people';

// A restore holds the meetings and people in one transaction for as long as it writes (tens of seconds at a
// heavy user's size). A "Log meeting" click that comes meanwhile is answered at once and written when the
// restore ends: these restores are left open on purpose (their last part not yet sent) while the click is
// made, so the answer cannot have waited for them.
const NOW = Date.UTC(2026, 10, 25, 12);
const TUESDAY_1PM = Date.UTC(2026, 10, 24, 18);
const KEY = 'gcal:k5058hfr4d2s30ltiuocpedthd';
let db: AppDB;
let background: ReturnType<typeof startBackground>;

beforeEach(() => {
  fakeBrowser.reset();
  clearUploads();
  db = new AppDB(`held-${crypto.randomUUID()}`);
  background = startBackground(db, { now: () => NOW });
});
afterEach(async () => {
  background.stop();
  await db.delete();
});

/** Begins a restore of one person and one meeting and sends its first part: its transaction is now open. */
async function openRestore(mode: 'replace' | 'merge') {
  background.speakAs(PAGE);
  const { upload } = await sendMessage('beginUpload', { kind: 'backup', parts: 3, mode });
  await sendMessage('sendBackupPart', { upload, index: 0, part: JSON.stringify({ settings: {}, exportedAt: NOW }) });
  const sam = person('sam@partner.example', NOW - 10 * DAY);
  await sendMessage('sendBackupPart', { upload, index: 1, part: JSON.stringify({ people: [sam] }) });
  await vi.waitFor(() => expect(restoreHold.active).toBe(true));
  return {
    upload,
    finish: async () => {
      background.speakAs(PAGE);
      const meeting = meetingAt('gcal:restored', NOW - 10 * DAY, ['sam@partner.example']);
      await sendMessage('sendBackupPart', { upload, index: 2, part: JSON.stringify({ interactions: [meeting] }) });
      return sendMessage('restoreBackup', { upload });
    },
  };
}

const click = () => {
  background.speakAs(CONTENT);
  return sendMessage('logMeeting', { event: calendarEvent(TUESDAY_1PM), confirmed: false });
};

describe('a "Log meeting" click while a restore is written', () => {
  it('is answered before the restore ends, and written once it has (replace keeps it)', async () => {
    const restore = await openRestore('replace');
    expect(await click()).toEqual({ status: 'logged', people: 4 });
    expect(await sendMessage('meetingStatus', { eventId: 'k5058hfr4d2s30ltiuocpedthd' })).toEqual({
      logged: true,
      people: 4,
    });
    expect((await heldLogsItem.getValue()).map((h) => h.event.eventId)).toEqual(['k5058hfr4d2s30ltiuocpedthd']);
    expect(restoreHold.active).toBe(true); // the restore is still being written

    expect(await restore.finish()).toMatchObject({ people: 1, interactions: 1 });
    await vi.waitFor(async () => expect(await db.interactions.get(KEY)).toBeTruthy());
    expect((await db.interactions.orderBy('key').primaryKeys()).sort()).toEqual([KEY, 'gcal:restored']);
    expect(await db.people.get('priya.raman@example.com')).toMatchObject({ interactionCount: 1 });
    await vi.waitFor(async () => expect(await heldLogsItem.getValue()).toEqual([]));
  });

  it('says what a click would say of an event that is not logged (a meeting that has not started)', async () => {
    await openRestore('merge');
    background.speakAs(CONTENT);
    const later = calendarEvent(NOW + DAY);
    expect(await sendMessage('logMeeting', { event: later, confirmed: false })).toEqual({ status: 'not-started' });
    expect(await heldLogsItem.getValue()).toEqual([]);
  });

  it('is written when the restore fails too: nothing of the restore, the click all the same', async () => {
    await db.people.add(person('kept@x.example', NOW - DAY));
    const restore = await openRestore('replace');
    expect(await click()).toEqual({ status: 'logged', people: 4 });
    background.speakAs(PAGE);
    await sendMessage('cancelUpload', { upload: restore.upload });
    await vi.waitFor(async () => expect(await db.interactions.get(KEY)).toBeTruthy());
    expect(await db.people.get('kept@x.example')).toBeTruthy(); // the restore changed nothing
    expect(await db.people.get('sam@partner.example')).toBeUndefined();
  });

  it('is written at the next start when the background stopped before the restore ended', async () => {
    background.stop();
    await heldLogsItem.setValue([
      { event: calendarEvent(TUESDAY_1PM), confirmed: false, logAnyway: false, at: NOW, people: 4 },
    ]);
    background = startBackground(db, { now: () => NOW });
    await vi.waitFor(async () => expect(await db.interactions.get(KEY)).toMatchObject({ loggedAt: NOW }));
    await vi.waitFor(async () => expect(await heldLogsItem.getValue()).toEqual([]));
  });
});
