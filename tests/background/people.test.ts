import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { startBackground } from '../helpers/background';
import { DAY, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB;
let stop: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new AppDB(`people-${crypto.randomUUID()}`);
  stop = startBackground(db, { now: () => NOW }).stop;
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 50 * DAY, { displayName: 'Priya' }),
    person('sam@partner.example', NOW - 10 * DAY),
  ]);
});
afterEach(async () => {
  stop();
  await db.delete();
});

describe('logging a contact outside the calendar', () => {
  it('records it, dated when it happened, and resets the clock', async () => {
    const at = NOW - 2 * DAY;
    expect(
      await sendMessage('logContact', { email: 'Priya@Finance.example', kind: 'coffee', at, note: 'Budget worries' }),
    ).toEqual({ status: 'logged' });
    const contact = (await db.interactions.toArray())[0];
    expect(contact).toMatchObject({
      kind: 'coffee',
      source: 'manual',
      title: 'Coffee',
      start: at,
      people: ['priya@finance.example'],
      note: 'Budget worries',
      loggedAt: NOW,
    });
    expect(await db.people.get('priya@finance.example')).toMatchObject({ lastMetAt: at, interactionCount: 2 });
  });

  it('an older contact does not move the last contact back', async () => {
    await sendMessage('logContact', { email: 'sam@partner.example', kind: 'call', at: NOW - 30 * DAY });
    expect((await db.people.get('sam@partner.example'))?.lastMetAt).toBe(NOW - 10 * DAY);
    expect((await db.people.get('sam@partner.example'))?.firstMetAt).toBe(NOW - 30 * DAY);
  });

  it('refuses a contact in the future, with someone unknown, or of an unknown kind, and stores nothing', async () => {
    await expect(
      sendMessage('logContact', { email: 'priya@finance.example', kind: 'call', at: NOW + DAY }),
    ).rejects.toThrow('A contact cannot be in the future.');
    await expect(sendMessage('logContact', { email: 'nobody@x.example', kind: 'call', at: NOW })).rejects.toThrow(
      'That person is not in Bridges.',
    );
    await expect(
      sendMessage('logContact', { email: 'priya@finance.example', kind: 'telepathy' as never, at: NOW }),
    ).rejects.toThrow('A contact is a call, coffee, chat, message or other.');
    expect(await db.interactions.count()).toBe(0);
  });
});

describe('changing people', () => {
  it('sets priority, cadence, kind, team, ignore and snooze on one or many', async () => {
    expect(
      await sendMessage('updatePeople', {
        emails: ['priya@finance.example'],
        patch: { priority: 'high', idealDays: 7, maxDays: 21, kind: 'other-department' },
      }),
    ).toEqual({ updated: 1 });
    expect(await db.people.get('priya@finance.example')).toMatchObject({
      priority: 'high',
      idealDays: 7,
      maxDays: 21,
      kind: 'other-department',
      updatedAt: NOW,
    });
    expect(
      await sendMessage('updatePeople', {
        emails: ['priya@finance.example', 'sam@partner.example', 'ghost@x.example'],
        patch: { team: true },
      }),
    ).toEqual({ updated: 2 });
    expect((await db.people.toArray()).every((p) => p.team)).toBe(true);
    await sendMessage('updatePeople', {
      emails: ['sam@partner.example'],
      patch: { snoozeFor: 'week', ignored: true },
    });
    expect(await db.people.get('sam@partner.example')).toMatchObject({ snoozedUntil: NOW + 7 * DAY, ignored: true });
    await sendMessage('updatePeople', { emails: ['sam@partner.example'], patch: { snoozeFor: 'month' } });
    // A calendar month from 25 November is 25 December, 30 days on.
    expect((await db.people.get('sam@partner.example'))?.snoozedUntil).toBe(NOW + 30 * DAY);
  });

  it('refuses fields and values that are not allowed, changing nothing', async () => {
    const before = await db.people.toArray();
    for (const patch of [
      { email: 'x@y.example' },
      { priority: 'urgent' },
      { idealDays: 0 },
      { idealDays: 1.5 },
      { lastMetAt: 0 },
    ]) {
      await expect(
        sendMessage('updatePeople', { emails: ['priya@finance.example'], patch: patch as never }),
      ).rejects.toThrow();
    }
    expect(await db.people.toArray()).toEqual(before);
  });
});
