import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMANDS, type CommandName } from '../../lib/commands';
import { type DataDeps, importReadings, makeBackupFile, restoreFile } from '../../lib/data/actions';
import { type FileJob, runFileJob } from '../../lib/data/file-jobs';
import { readIcs } from '../../lib/data/ics';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { LIMITS } from '../../lib/schema';
import { CONTENT, PAGE, startBackground } from '../helpers/background';
import { calendarEvent, guest, SELF } from '../helpers/events';
import { DAY, meetingAt, person } from '../helpers/people';
import { clearUploads } from '../helpers/uploads';

// "Backups that their own restore refuses": every command that writes is driven at the edges of what it
// accepts (and just past them), then a backup of the result is made (it checks itself) and restored. A
// command that could store what the backup schema refuses fails here.
const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB;
let background: ReturnType<typeof startBackground>;
const deps: DataDeps = { run: (job: FileJob) => runFileJob(job, () => db) as never, send: sendMessage };
const noSteps = () => {};

beforeEach(() => {
  fakeBrowser.reset();
  clearUploads();
  db = new AppDB(`writers-${crypto.randomUUID()}`);
  background = startBackground(db, { now: () => NOW });
});
afterEach(async () => {
  background.stop();
  await db.delete();
});

const asContent = async <T>(send: () => Promise<T>): Promise<T> => {
  background.speakAs(CONTENT);
  try {
    return await send();
  } finally {
    background.speakAs(PAGE);
  }
};
const refused = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: Error) => e.message,
  );
const ics = (...lines: string[]) =>
  new Blob([['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n')]);

/** Each writing command, driven at its edges. Runs in this order, on one database. */
const WRITERS: Record<string, () => Promise<void>> = {
  async deleteAll() {
    await db.people.add(person('gone@x.example', NOW - DAY));
    await sendMessage('deleteAll', { confirm: 'DELETE' });
    expect(await db.people.count()).toBe(0);
  },

  async logMeeting() {
    const event = calendarEvent(NOW - DAY, {
      eventId: 'edges1',
      title: 'T'.repeat(2000),
      guests: [
        guest(SELF),
        guest('Priya.Raman@Example.COM', { name: 'P'.repeat(500) }),
        guest('zero\u200bwidth@example.com', { name: 'Hidden' }), // not an address a person has
        guest('bidi\u202e@example.com', { name: 'Hidden too' }),
        guest('jordan.lee@example.com', { name: 'Jordan Lee' }),
      ],
    });
    expect(await asContent(() => sendMessage('logMeeting', { event, confirmed: false }))).toEqual({
      status: 'logged',
      people: 2,
    });
    // A card that claims a meeting going on until the year 2300: nothing Bridges could back up is stored.
    const endless = calendarEvent(NOW - DAY, { eventId: 'endless1', end: Date.UTC(2300, 0, 1) });
    expect(await asContent(() => refused(sendMessage('logMeeting', { event: endless, confirmed: false })))).toMatch(
      /^Bridges can't read this event/,
    );
    expect(await db.interactions.get('gcal:endless1')).toBeUndefined();
  },

  async logContact() {
    await sendMessage('logContact', {
      email: 'jordan.lee@example.com',
      kind: 'coffee',
      at: Date.UTC(1901, 0, 1),
      note: 'n'.repeat(LIMITS.meetingNote),
    });
  },

  async saveGroup() {
    await sendMessage('saveGroup', { name: `  ${'G'.repeat(LIMITS.groupName)}  `, kind: 'organisation' });
    expect(
      await refused(sendMessage('saveGroup', { name: 'H'.repeat(LIMITS.groupName + 1), kind: 'department' })),
    ).toBe('A group name can be at most 200 characters.');
  },

  async updatePeople() {
    const [group] = await db.groups.toArray();
    await sendMessage('updatePeople', {
      emails: ['PRIYA.RAMAN@example.com'],
      patch: { note: 'p'.repeat(LIMITS.personNote), groupId: group?.id ?? null, idealDays: 1, maxDays: 3650 },
    });
    await sendMessage('updatePeople', {
      emails: ['jordan.lee@example.com'],
      patch: { snoozeFor: 'month', thanksOwedSince: Date.UTC(1900, 0, 1), kind: 'partner', priority: 'high' },
    });
    await sendMessage('updatePeople', { emails: ['jordan.lee@example.com'], patch: { planCatchUp: true } });
  },

  async deleteGroup() {
    // Another tab deletes a group while this one assigns people to it: whichever runs first, no one is left
    // in a group that is gone.
    const { id } = await sendMessage('saveGroup', { name: 'Short-lived', kind: 'department' });
    const [assigned, deleted] = await Promise.allSettled([
      sendMessage('updatePeople', { emails: ['jordan.lee@example.com'], patch: { groupId: id } }),
      sendMessage('deleteGroup', { id }),
    ]);
    expect(deleted.status).toBe('fulfilled');
    expect(assigned.status === 'fulfilled' || /no longer exists/.test(String(assigned.reason))).toBe(true);
    expect(await db.groups.get(id)).toBeUndefined();
    expect(await db.people.where('groupId').equals(id).count()).toBe(0);
    // ... and assigning a group deleted before is refused with a sentence.
    expect(
      await refused(sendMessage('updatePeople', { emails: ['jordan.lee@example.com'], patch: { groupId: id } })),
    ).toBe('That group no longer exists: it may have been deleted in another tab.');
  },

  async mergePeople() {
    await db.people.bulkAdd([
      person('twin.a@x.example', NOW - 3 * DAY, { note: 'a'.repeat(2499) }),
      person('twin.b@y.example', NOW - 2 * DAY, { note: 'b'.repeat(2499) }),
      person('long.a@x.example', NOW - 3 * DAY, { note: 'c'.repeat(4000) }),
      person('long.b@y.example', NOW - 2 * DAY, { note: 'd'.repeat(4000) }),
    ]);
    await db.interactions.bulkAdd([
      meetingAt('twin1', NOW - 3 * DAY, ['twin.a@x.example']),
      meetingAt('twin2', NOW - 2 * DAY, ['twin.b@y.example']),
      meetingAt('long1', NOW - 3 * DAY, ['long.a@x.example']),
      meetingAt('long2', NOW - 2 * DAY, ['long.b@y.example']),
    ]);
    await sendMessage('mergePeople', { keep: 'twin.a@x.example', gone: 'twin.b@y.example' });
    expect((await db.people.get('twin.a@x.example'))?.note).toHaveLength(5000);
    expect(await refused(sendMessage('mergePeople', { keep: 'long.a@x.example', gone: 'long.b@y.example' }))).toMatch(
      /^Their notes together are 8,002 characters/,
    );
  },

  async deletePerson() {
    await sendMessage('deletePerson', { email: 'long.b@y.example' });
  },

  async saveSettings() {
    const many = (make: (i: number) => string) => Array.from({ length: LIMITS.listLength }, (_, i) => make(i));
    await sendMessage('saveSettings', {
      myEmails: [SELF, ...many((i) => `Me${i}@Corp.example`).slice(1)],
      internalDomains: many((i) => `Team${i}.Corp.example`),
      catchUp: { calendar: 'outlook-personal', minutes: 480, title: 'T'.repeat(200), myName: 'N'.repeat(200) },
    });
    expect(
      await refused(sendMessage('saveSettings', { myEmails: many((i) => `x${i}@y.example`).concat('z@y.example') })),
    ).toBe('Your own addresses: at most 100.');
  },

  async answerOwnAddress() {
    expect(await refused(sendMessage('answerOwnAddress', { email: 'one.more@corp.example', isMe: true }))).toBe(
      'You have 100 addresses already: remove one first.',
    );
    await sendMessage('answerOwnAddress', { email: 'someone@corp.example', isMe: false });
  },

  async importCalendar() {
    const file = ics(
      'BEGIN:VEVENT',
      'UID:old1965@google.com',
      'DTSTART:19650312T100000Z',
      'DTEND:19650312T110000Z',
      'SUMMARY:A meeting from 1965',
      'ATTENDEE;CN=Ada Lovelace;PARTSTAT=ACCEPTED:mailto:Ada@Old.example',
      `ATTENDEE;CN=${'N'.repeat(600)};PARTSTAT=ACCEPTED:mailto:long.name@old.example`,
      'ATTENDEE;CN=Hidden;PARTSTAT=ACCEPTED:mailto:hid\u200bden@old.example',
      'END:VEVENT',
    );
    const reading = readIcs(await file.text(), { until: NOW });
    const { summary } = await importReadings([reading], { includeLarge: true }, sendMessage, noSteps);
    expect(summary.meetings).toBe(1);
    expect(await db.people.get('ada@old.example')).toBeTruthy();
  },

  async turnSyncOn() {
    expect(await refused(sendMessage('turnSyncOn', { passphrase: 'elevenchars' }))).toBe(
      'A passphrase has at least 12 characters.',
    );
    expect(await refused(sendMessage('turnSyncOn', { passphrase: 'p'.repeat(1001) }))).toBe(
      'A passphrase can be at most 1,000 characters.',
    );
    // Twelve characters, some beyond the Basic Multilingual Plane: counted as characters, not code units.
    await sendMessage('turnSyncOn', { passphrase: '🙂'.repeat(12) });
    expect(await db.sync.count()).toBe(2);
  },

  async noteBooked() {
    const event = calendarEvent(NOW + 3 * DAY, {
      eventId: 'ahead1',
      title: 'A'.repeat(2000),
      guests: [guest(SELF), guest('Priya.Raman@Example.COM', { name: 'P'.repeat(500) })],
    });
    expect(await asContent(() => sendMessage('noteBooked', { event, confirmed: false }))).toEqual({
      status: 'booked',
      people: 1,
    });
    expect((await db.people.get('priya.raman@example.com'))?.nextMeetingAt).toBe(event.start);
  },

  async restoreBackup() {
    const file = JSON.parse(await (await makeBackupFile({}, NOW, deps, noSteps)).file.text());
    file.people.push(person('From.Backup@X.example', NOW - 5 * DAY, { displayName: 'B'.repeat(700) }));
    file.interactions.push(
      meetingAt('restored1', NOW - 5 * DAY, ['from.backup@x.example'], { title: 'R'.repeat(2500) }),
    );
    const outcome = await restoreFile(new Blob([JSON.stringify(file)]), 'merge', deps, noSteps);
    expect(outcome.people).toBe(1);
    expect(outcome.note).toMatch(/^Shortened to fit/);
  },
};

describe('every command that writes', () => {
  it('is driven here (a new writing command must be added)', () => {
    // The commands the dispatcher follows up with a recount: each changes what a backup holds.
    const writing = (Object.keys(COMMANDS) as CommandName[]).filter((name) => COMMANDS[name].recount).sort();
    expect(Object.keys(WRITERS).sort()).toEqual(writing);
  });

  it('stores only what a backup accepts: the backup of the result checks itself and restores exactly', async () => {
    for (const [name, drive] of Object.entries(WRITERS)) {
      await drive().catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
    }
    expect(await db.people.count()).toBeGreaterThan(5);
    const snapshot = async () => ({
      people: await db.people.orderBy('email').toArray(),
      interactions: await db.interactions.orderBy('key').toArray(),
      groups: await db.groups.orderBy('id').toArray(),
    });
    const before = await snapshot();
    const made = await makeBackupFile({}, NOW, deps, noSteps);
    await db.people.clear();
    const outcome = await restoreFile(made.file, 'replace', deps, noSteps);
    expect(outcome.note).toBe('');
    expect(await snapshot()).toEqual(before);
  });
});
