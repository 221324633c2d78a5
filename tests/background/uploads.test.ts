import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UPLOAD_PORT } from '../../lib/data/parts';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { CONTENT, connectPort, PAGE, startBackground } from '../helpers/background';
import { DAY, person } from '../helpers/people';
import { clearUploads } from '../helpers/uploads';

// A page sends a large file in parts; the background keeps at most a few uploads at once. An upload whose page
// went away (closed, reloaded) must free its slot at once, not hold it until it expires ten minutes later.
const NOW = Date.UTC(2026, 10, 25, 12);
let db: AppDB;
let background: ReturnType<typeof startBackground>;

beforeEach(() => {
  fakeBrowser.reset();
  clearUploads();
  db = new AppDB(`uploads-${crypto.randomUUID()}`);
  background = startBackground(db, { now: () => NOW });
});
afterEach(async () => {
  background.stop();
  clearUploads();
  await db.delete();
});

const begin = () => sendMessage('beginUpload', { kind: 'calendar', parts: 2 });

describe("an upload's slot", () => {
  it('is freed when the page sending it goes away, and what it began is undone', async () => {
    const { upload: restore } = await sendMessage('beginUpload', { kind: 'backup', parts: 3, mode: 'replace' });
    await db.people.add(person('kept@x.example', NOW - DAY));
    await sendMessage('sendUploadPart', {
      kind: 'backup',
      upload: restore,
      index: 0,
      part: JSON.stringify({ settings: {}, exportedAt: NOW }),
    });
    for (let i = 0; i < 3; i++) await begin();
    await expect(begin()).rejects.toThrow(/already taking in several files/);

    connectPort(`${UPLOAD_PORT}${restore}`, PAGE).close();
    expect(await begin()).toMatchObject({ upload: expect.any(String) });
    // The restore's transaction was undone: nothing of it, the data as it was.
    await expect(sendMessage('restoreBackup', { upload: restore })).rejects.toThrow(/lost track of this file/);
    expect(await db.people.get('kept@x.example')).toBeTruthy();
  });

  it("is not freed by a port the Calendar page opens under an upload's name", async () => {
    const { upload } = await begin();
    for (let i = 0; i < 3; i++) await begin();
    connectPort(`${UPLOAD_PORT}${upload}`, CONTENT).close();
    await expect(begin()).rejects.toThrow(/already taking in several files/);
  });
});

describe('a part', () => {
  it('is taken only by an upload begun for its kind', async () => {
    const { upload: calendar } = await begin();
    const events = JSON.stringify({ events: [] });
    await expect(
      sendMessage('sendUploadPart', { kind: 'backup', upload: calendar, index: 0, part: '{}' }),
    ).rejects.toThrow(/lost track of this file/);
    expect(await sendMessage('sendUploadPart', { kind: 'calendar', upload: calendar, index: 0, part: events })).toEqual(
      {
        received: 1,
      },
    );
    const { upload: backup } = await sendMessage('beginUpload', { kind: 'backup', parts: 1, mode: 'merge' });
    await expect(
      sendMessage('sendUploadPart', { kind: 'calendar', upload: backup, index: 0, part: events }),
    ).rejects.toThrow(/lost track of this file/);
  });

  it("is read by its kind's schema, and refused in its kind's words", async () => {
    const { upload: calendar } = await begin();
    await expect(
      sendMessage('sendUploadPart', { kind: 'calendar', upload: calendar, index: 0, part: '{"events": [' }),
    ).rejects.toThrow('A meeting in this calendar file could not be read: nothing was imported.');
    await expect(
      sendMessage('sendUploadPart', { kind: 'calendar', upload: calendar, index: 1, part: '{"people": []}' }),
    ).rejects.toThrow('A meeting in this calendar file could not be read: nothing was imported.');
    const { upload: backup } = await sendMessage('beginUpload', { kind: 'backup', parts: 1, mode: 'merge' });
    await expect(
      sendMessage('sendUploadPart', { kind: 'backup', upload: backup, index: 0, part: '{"events": []}' }),
    ).rejects.toThrow('A part of this backup could not be read: nothing was restored.');
    await expect(
      sendMessage('sendUploadPart', { kind: 'backup', upload: backup, index: -1, part: '{}' }),
    ).rejects.toThrow('A part of this backup could not be read: nothing was restored.');
  });
});
