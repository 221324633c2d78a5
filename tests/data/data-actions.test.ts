import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type DataDeps, describeRestore, importReadings, makeBackupFile, restoreFile } from '../../lib/data/actions';
import { MAX_BACKUP_BYTES } from '../../lib/data/backup';
import { type FileJob, runFileJob } from '../../lib/data/file-jobs';
import { readIcs } from '../../lib/data/ics';
import { jsonParts } from '../../lib/data/json-parts';
import { uploadParts } from '../../lib/data/upload';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { BOOKED_HORIZON_MS } from '../../lib/relationships/booking';
import { getSetting, setSetting } from '../../lib/settings';
import { startBackground } from '../helpers/background';
import { DAY, meetingAt, person } from '../helpers/people';
import { clearUploads } from '../helpers/uploads';

// The data page's actions as the user's click runs them: the file read and checked by the worker's job (run
// here directly), sent in parts, written by the background's commands through its dispatcher.
const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB;
let stop: () => void;
const deps: DataDeps = { run: (job: FileJob) => runFileJob(job, () => db) as never, send: sendMessage };
const noSteps = () => {};

beforeEach(() => {
  fakeBrowser.reset();
  clearUploads();
  db = new AppDB(`actions-${crypto.randomUUID()}`);
  stop = startBackground(db, { now: () => NOW }).stop;
});
afterEach(async () => {
  stop();
  await db.delete();
});

const snapshot = async () => ({
  people: await db.people.orderBy('email').toArray(),
  interactions: await db.interactions.orderBy('key').toArray(),
  groups: await db.groups.orderBy('id').toArray(),
});

async function seedSmall() {
  await db.groups.add({ id: 'g1', name: 'Finance', kind: 'department', createdAt: NOW });
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 10 * DAY, { groupId: 'g1', note: 'Budget season', priority: 'high' }),
    person('sam@partner.example', NOW - 40 * DAY),
  ]);
  await db.interactions.bulkAdd([
    meetingAt('gcal:a', NOW - 10 * DAY, ['priya@finance.example']),
    meetingAt('gcal:b', NOW - 40 * DAY, ['sam@partner.example']),
  ]);
}

/** A backup file made by the page's own action, as the user would save it. */
async function savedBackup(settings = {}): Promise<Blob> {
  return (await makeBackupFile(settings, NOW, deps, noSteps)).file;
}

/** A backup file with hand-made changes, as a user (or an attacker) could write one. */
// biome-ignore lint/suspicious/noExplicitAny: a hand edit reaches into any field of the file.
async function edited(change: (file: Record<string, any>) => void): Promise<Blob> {
  const file = JSON.parse(await (await savedBackup()).text());
  change(file);
  return new Blob([JSON.stringify(file)]);
}

const restoring = (file: Blob, mode: 'replace' | 'merge' = 'replace') => restoreFile(file, mode, deps, noSteps);

describe('restoring a backup file through the commands', () => {
  it('replace gives back exactly what was saved, with its settings, and says what it did', async () => {
    await seedSmall();
    const before = await snapshot();
    const file = await savedBackup({ internalDomains: ['corp.example'] });
    await db.people.add(person('extra@x.example', NOW));
    const steps: string[] = [];
    const outcome = await restoreFile(file, 'replace', deps, (_d, _t, step) => step && steps.push(step));
    expect(await snapshot()).toEqual(before);
    expect(await getSetting(db, 'internalDomains')).toEqual(['corp.example']);
    expect(describeRestore('replace', outcome)).toBe('Restored: 2 people, 2 meetings and contacts, 1 group.');
    expect([...new Set(steps)]).toEqual([
      'Reading and checking the file…',
      'Restoring…',
      'Finishing: everything is saved at once…',
    ]);
  });

  it('merge adds what is new and keeps what is here', async () => {
    await seedSmall();
    const file = await edited((b) => {
      b.people.push(person('new@x.example', NOW - DAY));
      b.interactions.push(meetingAt('gcal:new', NOW - DAY, ['new@x.example', 'sam@partner.example']));
    });
    await db.people.update('sam@partner.example', { priority: 'low' });
    const outcome = await restoring(file, 'merge');
    expect(describeRestore('merge', outcome)).toBe('Merged: added 1 person, 1 meeting or contact, 0 groups.');
    expect(await db.people.get('sam@partner.example')).toMatchObject({
      priority: 'low',
      lastMetAt: NOW - DAY,
      interactionCount: 2,
    });
  });

  it('cuts over-long text with a warning that names the fields and counts them, instead of refusing the file', async () => {
    await seedSmall();
    const file = await edited((b) => {
      b.people[0].displayName = 'P'.repeat(600);
      b.people[1].displayName = 'S'.repeat(10 * 1024 * 1024);
      b.people[1].note = 'n'.repeat(6000);
      b.interactions[0].title = 'T'.repeat(3000);
      b.interactions[0].attendees[0].displayName = 'A'.repeat(501);
      b.groups[0].name = 'G'.repeat(250);
    });
    const outcome = await restoring(file);
    expect(outcome.note).toBe(
      "Shortened to fit Bridges' limits: 2 names of people (to 500 characters), 1 note about a person (to 5,000 characters), 1 meeting title (to 2,000 characters), 1 guest name (to 500 characters), 1 group name (to 200 characters).",
    );
    expect(describeRestore('replace', outcome)).toMatch(/^Restored: 2 people, .*\. Shortened to fit Bridges' limits: /);
    expect((await db.people.get('sam@partner.example'))?.displayName).toBe('S'.repeat(500));
    expect((await db.interactions.get('gcal:a'))?.title).toHaveLength(2000);
    // What was restored backs up and restores again.
    await expect(restoring(await savedBackup())).resolves.toMatchObject({ note: '' });
  });

  it('normalises addresses, so the person can be changed and met again afterwards', async () => {
    await seedSmall();
    const file = await edited((b) => {
      b.people[0].email = ' Priya@Finance.EXAMPLE ';
      b.people[0].domain = 'Finance.EXAMPLE';
      b.interactions[0].people = ['PRIYA@finance.example'];
      b.interactions[0].attendees[0].email = 'Priya@finance.example';
    });
    await restoring(file);
    expect((await db.people.toCollection().primaryKeys()).sort()).toEqual([
      'priya@finance.example',
      'sam@partner.example',
    ]);
    expect(await db.interactions.where('people').equals('priya@finance.example').count()).toBe(1);
    expect((await db.people.get('priya@finance.example'))?.domain).toBe('finance.example');
    expect(await sendMessage('updatePeople', { emails: ['priya@finance.example'], patch: { team: true } })).toEqual({
      updated: 1,
    });
  });

  it('refuses addresses hiding invisible characters, naming the record, and changes nothing', async () => {
    await seedSmall();
    const before = await snapshot();
    for (const hidden of [
      'pri\u200bya@finance.example',
      'priya@fin\u202eance.example',
      'priya\u2060@finance.example',
    ]) {
      const file = await edited((b) => {
        b.people[0].email = hidden;
      });
      await expect(restoring(file)).rejects.toThrow(
        'people[0].email: An email address cannot contain invisible characters. Correct it in the file, or choose another backup.',
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('checks its settings as the settings page does', async () => {
    await seedSmall();
    const before = await snapshot();
    const cadence = (high: object) => ({
      cadenceDefaults: {
        high,
        normal: { idealDays: 30, maxDays: 60 },
        low: { idealDays: 90, maxDays: 180 },
      },
    });
    const cases: Array<[object, string]> = [
      [
        cadence({ idealDays: 0, maxDays: 28 }),
        'settings.cadenceDefaults.high: The ideal interval must be a whole number of days from 1 to 3650.',
      ],
      [
        cadence({ idealDays: 30, maxDays: 7 }),
        "settings.cadenceDefaults.high: The cadence's maximum (7 days) must be at least its ideal interval (30 days).",
      ],
      [
        { internalDomains: ['corp.example', 'not a domain'] },
        'settings.internalDomains[1]: "not a domain" is not a mail domain such as example.com.',
      ],
      [
        { myEmails: Array.from({ length: 101 }, (_, i) => `me${i}@corp.example`) },
        'settings.myEmails: Your own addresses: at most 100.',
      ],
    ];
    for (const [settings, message] of cases) {
      const file = await edited((b) => {
        b.settings = settings;
      });
      await expect(restoring(file)).rejects.toThrow(`${message} Correct it in the file, or choose another backup.`);
    }
    expect(await snapshot()).toEqual(before);
    expect(await getSetting(db, 'cadenceDefaults')).toMatchObject({ high: { idealDays: 14, maxDays: 28 } });
  });

  it('does not call a restore "nothing restored" when only the settings could not be saved afterwards', async () => {
    await seedSmall();
    const before = await snapshot();
    const file = await savedBackup({
      reminders: { day: 2, hour: 8, counts: 'red', highOnly: false, notifications: false },
    });
    await db.people.clear();
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const outcome = await restoring(file);
    expect(await snapshot()).toEqual(before);
    expect(outcome.settingsProblem).toBe("your disk is full, or the browser's storage for Bridges is");
    const said = describeRestore('replace', outcome);
    expect(said).toBe(
      "Restored: 2 people, 2 meetings and contacts, 1 group. Your settings from the backup were not all saved (your disk is full, or the browser's storage for Bridges is): check them in Settings, and save them again.",
    );
    expect(said).not.toMatch(/Nothing was restored/);
  });

  it('says the disk is full and writes nothing when the records cannot be stored', async () => {
    await seedSmall();
    const file = await edited((b) => {
      for (let i = 0; i < 30; i++)
        b.interactions.push(meetingAt(`gcal:more${i}`, NOW - i * DAY, ['sam@partner.example']));
      b.people[1].interactionCount += 30;
    });
    const before = await snapshot();
    const put = db.interactions.bulkPut.bind(db.interactions);
    // The meetings cannot be written, after the stores were cleared and the groups and people written.
    vi.spyOn(db.interactions, 'bulkPut').mockImplementation(((rows: never) =>
      rows ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : put(rows)) as never);
    await expect(restoring(file)).rejects.toThrow(
      "Your disk is full, or the browser's storage for Bridges is: nothing was saved. Free some space, then try again.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it('checks the size of a file before reading it, and says the limit', async () => {
    const huge = { size: MAX_BACKUP_BYTES + 1, text: () => Promise.reject(new Error('read a huge file')) } as Blob;
    await expect(restoring(huge)).rejects.toThrow(
      'This file is 150 MB; a Bridges backup can be at most 150 MB, so it was not read.',
    );
    const bigger = { size: 600 * 1024 * 1024, text: huge.text } as Blob;
    await expect(restoring(bigger)).rejects.toThrow(/^This file is 600 MB; a Bridges backup can be at most 150 MB/);
  });

  it('refuses a part that is not JSON with a sentence', async () => {
    const { upload } = await sendMessage('beginUpload', { kind: 'backup', parts: 1, mode: 'merge' });
    await expect(
      sendMessage('sendUploadPart', { kind: 'backup', upload, index: 0, part: '{"people": [' }),
    ).rejects.toThrow('A part of this backup could not be read: nothing was restored.');
  });
});

describe('saving a backup', () => {
  it('checks its own output, and says which record would make it useless instead of saving it', async () => {
    await seedSmall();
    // A record an earlier release could write (a note longer than a note may be, a meeting from before 1900).
    await db.people.update('sam@partner.example', { note: 'x'.repeat(6000) });
    await expect(makeBackupFile({}, NOW, deps, noSteps)).rejects.toThrow(
      'Bridges checks every backup as its restore will, and this one would be refused: people[1].note: This text can be at most 5,000 characters. (sam@partner.example) Change that record in Bridges, then save again.',
    );
    await db.people.update('sam@partner.example', { note: '' });
    await db.interactions.update('gcal:a', { start: Date.UTC(1850, 0, 1) });
    await expect(makeBackupFile({}, NOW, deps, noSteps)).rejects.toThrow(
      /would be refused: interactions\[0\]\.start: A time must be after the year 1900\. \("gcal:a" on 1850-01-01\)/,
    );
  });

  it('saves a file its restore reads back, counted', async () => {
    await seedSmall();
    const made = await makeBackupFile({ myEmails: ['me@corp.example'] }, NOW, deps, noSteps);
    expect(made.counts).toEqual({ people: 2, interactions: 2, groups: 1 });
    expect(JSON.parse(await made.file.text())).toMatchObject({ format: 'bridges-backup', version: 1 });
  });
});

const ics = (...events: string[]) =>
  new Blob([['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n')]);
/** "20261110T230000Z" → "20261111T000000Z". */
const hourAfter = (stamp: string) => {
  const [, y, mo, d, h, mi, se] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(stamp) ?? [];
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) + 1, Number(mi), Number(se));
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
};
const vevent = (uid: string, start: string, guests: Array<[string, string]>, extra: string[] = []) =>
  [
    'BEGIN:VEVENT',
    `UID:${uid}@google.com`,
    `DTSTART:${start}`,
    `DTEND:${hourAfter(start)}`,
    'SUMMARY:Review',
    ...guests.map(([name, email]) => `ATTENDEE;CN=${name};PARTSTAT=ACCEPTED:mailto:${email}`),
    ...extra,
    'END:VEVENT',
  ].join('\r\n');

/** A calendar file read as the page's calendar worker reads it, then imported as the page's button does. */
const importCalendarFile = async (file: Blob, includeLarge: boolean) =>
  importReadings(
    [readIcs(await file.text(), { until: NOW + BOOKED_HORIZON_MS })],
    { includeLarge },
    sendMessage,
    noSteps,
  );

describe('importing a calendar file through the commands', () => {
  it("makes an address the user's only on the user's word, and never a guess the page sends as an owner", async () => {
    // Kim's calendar: Kim is in every meeting, with me and with Priya.
    const file = ics(
      vevent('k1', '20261110T100000Z', [
        ['Kim', 'kim@corp.example'],
        ['Me', 'me@corp.example'],
      ]),
      vevent('k2', '20261111T100000Z', [
        ['Kim', 'kim@corp.example'],
        ['Priya', 'priya@finance.example'],
      ]),
    );
    const events = readIcs(await file.text(), { until: NOW }).events;
    const upload = () =>
      uploadParts(sendMessage, { kind: 'calendar', parts: 1 }, jsonParts('events', events, 500), noSteps);
    // An owner without the user's confirmation is not accepted: nothing is imported, no address learned.
    for (const guess of [{ owner: 'kim@corp.example' }, { own: { calendar: 'kim@corp.example' } }]) {
      const request = { upload: await upload(), includeLarge: false, ...guess } as never;
      await expect(sendMessage('importCalendar', request)).rejects.toThrow();
    }
    expect(await getSetting(db, 'myEmails')).toEqual([]);
    expect(await db.interactions.count()).toBe(0);
    // The user said which is theirs.
    const { summary } = await importReadings(
      [readIcs(await file.text(), { until: NOW })],
      { includeLarge: false, own: { calendar: 'me@corp.example', confirmedBy: 'user' } },
      sendMessage,
      noSteps,
    );
    expect(summary.meetings).toBe(2);
    expect(await getSetting(db, 'myEmails')).toEqual(['me@corp.example']);
    expect((await db.people.toArray()).map((p) => p.email).sort()).toEqual([
      'kim@corp.example',
      'priya@finance.example',
    ]);
  });

  it('notes a file of meetings to come only as booked, with someone Bridges knows', async () => {
    await seedSmall();
    await setSetting(db, 'myEmails', ['me@corp.example']);
    const soon = new Date(NOW + 5 * DAY).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const file = ics(
      vevent('ahead1', soon, [
        ['Me', 'me@corp.example'],
        ['Sam', 'sam@partner.example'],
      ]),
    );
    const { report } = await importCalendarFile(file, false);
    expect(report.headline).toBe('0 meetings logged, 0 people added. 1 meeting ahead noted as booked.');
    expect(await db.people.get('sam@partner.example')).toMatchObject({ nextMeetingAt: NOW + 5 * DAY });
    expect(await db.interactions.count()).toBe(2);
    // The same file again: nothing new, and the meeting ahead is not called left out.
    const again = await importCalendarFile(file, false);
    expect(again.report.headline).toBe('0 meetings logged, 0 people added.');
    expect(again.report.details).toEqual([]);
    expect(await db.upcoming.count()).toBe(1);
  });

  it('keeps a meeting from 1965 and long text, cut; leaves out one from 1850 and says so; a backup of it restores', async () => {
    const file = ics(
      vevent('old1', '19650312T100000Z', [['Ada Lovelace', 'ada@old.example']]),
      vevent('older1', '18500312T100000Z', [['Charles Babbage', 'charles@old.example']]),
      vevent('long1', '20261110T100000Z', [['N'.repeat(600), 'long@x.example']]).replace(
        'SUMMARY:Review',
        `SUMMARY:${'T'.repeat(2500)}`,
      ),
    );
    const { report } = await importCalendarFile(file, false);
    expect(report.headline).toBe('2 meetings logged, 2 people added.');
    // The reader cuts names and titles to what Bridges keeps as it reads them; what no record may hold is left out.
    expect(report.details).toEqual(['From the file: 1 meeting before 1900 or after 2200 left out.']);
    expect(await db.people.get('ada@old.example')).toMatchObject({ firstMetAt: Date.UTC(1965, 2, 12, 10) });
    expect((await db.people.get('long@x.example'))?.displayName).toBe('N'.repeat(500));
    const before = await snapshot();
    await expect(restoring(await savedBackup())).resolves.toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });

  it('is all or nothing: a failure halfway leaves nothing, and says what happened', async () => {
    await seedSmall();
    const before = await snapshot();
    // 1,200 meetings: written, then their people cannot be, inside the command's one transaction.
    const events = Array.from({ length: 1200 }, (_, i) =>
      vevent(`bulk${i}`, new Date(NOW - (i + 1) * 3600_000).toISOString().replace(/[-:]|\.\d{3}/g, ''), [
        ['Guest', `guest${i % 50}@x.example`],
      ]),
    );
    const add = db.interactions.bulkAdd.bind(db.interactions);
    let added = 0;
    vi.spyOn(db.interactions, 'bulkAdd').mockImplementation(((rows: never[]) => {
      added += rows.length;
      return add(rows);
    }) as never);
    vi.spyOn(db.people, 'bulkPut').mockImplementation((() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never);
    await expect(importCalendarFile(ics(...events), false)).rejects.toThrow(/^Your disk is full/);
    expect(added).toBe(1200);
    expect(await snapshot()).toEqual(before);
  });
});

describe('deleting everything', () => {
  it("forgets the settings, the calendar feed's secret address and what it last saw", async () => {
    await seedSmall();
    const url =
      'https://calendar.google.com/calendar/ical/me%40corp.example/private-0123456789abcdef0123456789abcdef/basic.ics';
    await setSetting(db, 'feedSettings', { enabled: true, feeds: [{ id: 'f1', url, calendar: 'me@corp.example' }] });
    await setSetting(db, 'feedSyncState', { f1: { etag: '"1"', lastModified: null, instances: { 'gcal:a': 'x' } } });
    await setSetting(db, 'myEmails', ['me@corp.example']);
    expect(await sendMessage('deleteAll', { confirm: 'DELETE' })).toEqual({
      ok: true,
      settingsProblem: null,
      everywhereProblem: null,
    });
    expect(await getSetting(db, 'feedSettings')).toEqual({ enabled: false, feeds: [] });
    expect(await getSetting(db, 'feedSyncState')).toEqual({});
    expect(await getSetting(db, 'myEmails')).toEqual([]);
    expect(await snapshot()).toEqual({ people: [], interactions: [], groups: [] });
  });

  it('says so when the records went but the settings could not be removed', async () => {
    await seedSmall();
    vi.spyOn(db.settings, 'clear').mockRejectedValue(new DOMException('gone', 'InvalidStateError'));
    expect(await sendMessage('deleteAll', { confirm: 'DELETE' })).toEqual({
      ok: true,
      settingsProblem: 'the browser may be shutting down',
      everywhereProblem: null,
    });
    expect(await snapshot()).toEqual({ people: [], interactions: [], groups: [] });
  });
});
