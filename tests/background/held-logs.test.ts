import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../lib/db/app-db';
import { restoreHold } from '../../lib/logging/hold';
import { sendMessage } from '../../lib/messaging';
import { CONTENT, PAGE, startBackground } from '../helpers/background';
import { calendarEvent } from '../helpers/events';
import { DAY, meetingAt, person } from '../helpers/people';
import { clearUploads } from '../helpers/uploads';

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
  await sendMessage('sendUploadPart', {
    kind: 'backup',
    upload,
    index: 0,
    part: JSON.stringify({ settings: {}, exportedAt: NOW }),
  });
  const sam = person('sam@partner.example', NOW - 10 * DAY);
  await sendMessage('sendUploadPart', { kind: 'backup', upload, index: 1, part: JSON.stringify({ people: [sam] }) });
  await vi.waitFor(() => expect(restoreHold.active).toBe(true));
  return {
    upload,
    finish: async () => {
      background.speakAs(PAGE);
      const meeting = meetingAt('gcal:restored', NOW - 10 * DAY, ['sam@partner.example']);
      await sendMessage('sendUploadPart', {
        kind: 'backup',
        upload,
        index: 2,
        part: JSON.stringify({ interactions: [meeting] }),
      });
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
    expect((await db.heldClicks.toArray()).map((h) => h.meeting.key)).toEqual([KEY]);
    expect(restoreHold.active).toBe(true); // the restore is still being written

    expect(await restore.finish()).toMatchObject({ people: 1, interactions: 1 });
    await vi.waitFor(async () => expect(await db.interactions.get(KEY)).toBeTruthy());
    expect((await db.interactions.orderBy('key').primaryKeys()).sort()).toEqual([KEY, 'gcal:restored']);
    expect(await db.people.get('priya.raman@example.com')).toMatchObject({ interactionCount: 1 });
    await vi.waitFor(async () => expect(await db.heldClicks.count()).toBe(0));
  });

  it('keeps the verdict, not the card: the meeting as it will be written, without declined guests or groups', async () => {
    await openRestore('merge');
    expect(await click()).toEqual({ status: 'logged', people: 4 });
    const [held] = await db.heldClicks.toArray();
    expect(Object.keys(held ?? {}).sort()).toEqual(['at', 'id', 'meeting']);
    expect(held?.meeting).toMatchObject({ key: KEY, kind: 'meeting', source: 'google-calendar', loggedAt: NOW });
    expect(held?.meeting.people).toHaveLength(4);
    expect(JSON.stringify(held)).not.toContain('selfDeclined'); // no part of the card but what is logged
  });

  it('keeps two clicks that come at once from two tabs, and writes both', async () => {
    const restore = await openRestore('merge');
    background.speakAs(CONTENT);
    const other = { ...calendarEvent(TUESDAY_1PM), eventId: 'otherinstance01', title: 'Another meeting' };
    const answers = await Promise.all([
      sendMessage('logMeeting', { event: calendarEvent(TUESDAY_1PM), confirmed: false }),
      sendMessage('logMeeting', { event: other, confirmed: false }),
    ]);
    expect(answers).toEqual([
      { status: 'logged', people: 4 },
      { status: 'logged', people: 4 },
    ]);
    expect(await db.heldClicks.count()).toBe(2);
    await restore.finish();
    await vi.waitFor(async () =>
      expect(await db.interactions.bulkGet([KEY, 'gcal:otherinstance01'])).toEqual([
        expect.objectContaining({ key: KEY }),
        expect.objectContaining({ key: 'gcal:otherinstance01' }),
      ]),
    );
    await vi.waitFor(async () => expect(await db.heldClicks.count()).toBe(0));
  });

  it('says a full disk is full when a click cannot be kept', async () => {
    await openRestore('merge');
    vi.spyOn(db.heldClicks, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(click()).rejects.toThrow(/disk is full/);
  });

  it('says what a click would say of an event that is not logged (a meeting that has not started)', async () => {
    await openRestore('merge');
    background.speakAs(CONTENT);
    const later = calendarEvent(NOW + DAY);
    expect(await sendMessage('logMeeting', { event: later, confirmed: false })).toEqual({ status: 'not-started' });
    expect(await db.heldClicks.count()).toBe(0);
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
    await db.heldClicks.put({ id: 'kept', at: NOW, meeting: meetingAt(KEY, TUESDAY_1PM, ['priya@x.example']) });
    background = startBackground(db, { now: () => NOW });
    await vi.waitFor(async () => expect(await db.interactions.get(KEY)).toMatchObject({ loggedAt: TUESDAY_1PM }));
    expect(await db.people.get('priya@x.example')).toMatchObject({ interactionCount: 1 });
    await vi.waitFor(async () => expect(await db.heldClicks.count()).toBe(0));
  });

  it('checks a kept click when it reads it: one that is not what the rules kept is dropped and never written', async () => {
    background.stop();
    const meeting = meetingAt(KEY, TUESDAY_1PM, ['priya.raman@example.com']);
    await db.heldClicks.bulkPut([
      { id: 'huge', at: NOW, meeting: { ...meeting, key: 'gcal:huge', title: 'x'.repeat(300_000) } },
      { id: 'old', at: NOW, meeting: { ...meeting, key: 'gcal:old', start: Date.UTC(1800, 0, 1) } },
      {
        id: 'name',
        at: NOW,
        meeting: {
          ...meeting,
          key: 'gcal:name',
          attendees: [{ ...meeting.attendees[0], displayName: 'n'.repeat(100_000) } as never],
        },
      },
      { id: 'fine', at: NOW, meeting: { ...meeting, source: 'google-calendar' } },
    ]);
    background = startBackground(db, { now: () => NOW });
    await vi.waitFor(async () => expect(await db.heldClicks.count()).toBe(0));
    expect((await db.interactions.toCollection().primaryKeys()).sort()).toEqual([KEY]);
  });
});
