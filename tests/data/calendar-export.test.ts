import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import {
  type ExportReading,
  MAX_CALENDARS,
  readCalendarExport,
  readCalendarFile,
} from '../../lib/data/calendar-export';
import {
  exportOwnerFromName,
  mustAsk,
  type OwnerAnswer,
  ownCalendarFiles,
  rechoose,
  startingAnswer,
  whoseCalendar,
} from '../../lib/data/calendar-owner';

// Google Calendar's export: one .ics per calendar in a .zip, the primary calendar named by its owner's address,
// the others "<name>_<calendar id>.ics" (the shape of the files Google's export gives, as users' and importers'
// reports describe them). Our own files, built here.
const ics = (name: string, events: number, lines: (i: number) => string[] = () => []) =>
  [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    `X-WR-CALNAME:${name}`,
    ...Array.from({ length: events }, (_, i) => [
      'BEGIN:VEVENT',
      `UID:e${i}@google.com`,
      'DTSTART:20261102T150000Z',
      'DTEND:20261102T153000Z',
      'SUMMARY:Meeting',
      ...lines(i),
      'END:VEVENT',
    ]).flat(),
    'END:VCALENDAR',
  ].join('\r\n');
const who = (email: string, extra = '') =>
  `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED${extra};CN=${email}:mailto:${email}`;

const exportZip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

type Opened = Extract<ExportReading, { ok: true }>;
function opened(reading: ExportReading): Opened {
  if (!reading.ok) throw new Error(reading.message);
  return reading;
}
/** Each calendar as the list shows it: its id, whose (for a person's), and whether it is chosen. */
const listed = (r: Opened, answer: OwnerAnswer | null = startingAnswer(r.owner)) => {
  const chosen = ownCalendarFiles(r.calendars, r.owner, answer);
  return r.calendars.map((c) => [
    c.id,
    c.kind === 'person' ? whoseCalendar(c, r.owner, answer) : c.kind,
    c.events,
    chosen.has(c.file),
  ]);
};

describe("Google Calendar's export", () => {
  it("lists the calendars inside with their events; the one the export is named after is the user's, and chosen", () => {
    const zip = exportZip({
      'Holidays in United States_en.usa#holiday@group.v.calendar.google.com.ics': ics('Holidays in United States', 40),
      'alex.morgan@example.com.ics': ics('alex.morgan@example.com', 120),
      'Team offsites_c_9f2e1b@group.calendar.google.com.ics': ics('Team offsites', 6),
      'Birthdays_#contacts@group.v.calendar.google.com.ics': ics('Birthdays', 0),
      'Priya Raman_priya@finance.example.ics': ics('Priya Raman', 15),
    });
    const reading = opened(readCalendarExport('alex.morgan@example.com.ical.zip', zip));
    expect(reading.calendars.map((c) => c.name)).toEqual([
      'alex.morgan@example.com',
      'Priya Raman',
      'Holidays in United States',
      'Team offsites',
      'Birthdays',
    ]);
    expect(listed(reading)).toEqual([
      ['alex.morgan@example.com', 'own', 120, true],
      ['priya@finance.example', 'someone-else', 15, false],
      ['en.usa#holiday@group.v.calendar.google.com', 'holidays', 40, false],
      ['c_9f2e1b@group.calendar.google.com', 'shared', 6, false],
      ['#contacts@group.v.calendar.google.com', 'birthdays', 0, false],
    ]);
    expect(reading.owner.named).toBe('alex.morgan@example.com');
  });

  it("never takes a colleague's calendar for the user's: an export whose name says nothing asks, and nothing is chosen", () => {
    // The case: my calendar has 5 events, a colleague's 40; Bridges does not know my address yet.
    const zip = exportZip({
      'me@corp.example.ics': ics('me@corp.example', 5),
      'kim@corp.example.ics': ics('kim@corp.example', 40),
    });
    const reading = opened(readCalendarExport('export.zip', zip));
    expect(mustAsk(reading.owner)).toBe(true);
    expect(reading.owner.candidates).toEqual([
      { address: 'kim@corp.example', why: '40 events' },
      { address: 'me@corp.example', why: '5 events' },
    ]);
    expect(listed(reading)).toEqual([
      ['kim@corp.example', 'undecided', 40, false],
      ['me@corp.example', 'undecided', 5, false],
    ]);
    expect(listed(reading, { address: 'me@corp.example' })).toEqual([
      ['kim@corp.example', 'someone-else', 40, false],
      ['me@corp.example', 'own', 5, true],
    ]);
    expect(listed(reading, 'none')).toEqual([
      ['kim@corp.example', 'someone-else', 40, false],
      ['me@corp.example', 'someone-else', 5, false],
    ]);
  });

  it("knows the export's owner by its name, also as browsers rename a second download", () => {
    for (const name of [
      'me@corp.example.ical.zip',
      'Me@Corp.example.ical (1).zip',
      'me@corp.example.ical(2).zip',
      'me@corp.example.ical-3.zip',
      'me@corp.example.ical 2.zip',
    ]) {
      expect([name, exportOwnerFromName(name)]).toEqual([name, 'me@corp.example']);
    }
    for (const name of ['export.zip', 'me@corp.example.zip', 'calendar.ical.zip', 'me@corp.example.ical.zip.txt']) {
      expect([name, exportOwnerFromName(name)]).toEqual([name, null]);
    }
    // A name that is none of the calendars inside says nothing.
    const zip = exportZip({
      'me@corp.example.ics': ics('me@corp.example', 5),
      'kim@corp.example.ics': ics('kim@corp.example', 40),
    });
    expect(opened(readCalendarExport('someone@else.example.ical.zip', zip)).owner).toMatchObject({ named: null });
  });

  it("knows the own calendar by the user's addresses when Bridges has them: the others are someone else's", () => {
    const zip = exportZip({ 'alex.morgan@example.com.ics': ics('a', 1), 'alex@home.example.ics': ics('b', 1) });
    const reading = opened(readCalendarExport('export.zip', zip, ['alex@home.example']));
    expect(mustAsk(reading.owner)).toBe(false);
    expect(listed(reading)).toEqual([
      ['alex@home.example', 'own', 1, true],
      ['alex.morgan@example.com', 'someone-else', 1, false],
    ]);
  });

  it('asks when Bridges knows addresses of the user but none of them is in the export', () => {
    const zip = exportZip({ 'new@corp.example.ics': ics('new@corp.example', 3) });
    const reading = opened(readCalendarExport('export.zip', zip, ['old@home.example']));
    expect(mustAsk(reading.owner)).toBe(true);
    expect(listed(reading)).toEqual([['new@corp.example', 'undecided', 3, false]]);
  });

  it('moves the choice with the answer, and keeps the ticks the user made', () => {
    const zip = exportZip({
      'me@corp.example.ics': ics('me@corp.example', 5),
      'kim@corp.example.ics': ics('kim@corp.example', 40),
      'Team_c_1@group.calendar.google.com.ics': ics('Team', 2),
    });
    const r = opened(readCalendarExport('export.zip', zip));
    const team = 'Team_c_1@group.calendar.google.com.ics';
    const kim = rechoose(new Set([team]), r.calendars, r.owner, null, { address: 'kim@corp.example' });
    expect([...kim].sort()).toEqual(['Team_c_1@group.calendar.google.com.ics', 'kim@corp.example.ics']);
    const me = rechoose(kim, r.calendars, r.owner, { address: 'kim@corp.example' }, { address: 'me@corp.example' });
    expect([...me].sort()).toEqual(['Team_c_1@group.calendar.google.com.ics', 'me@corp.example.ics']);
    expect([...rechoose(me, r.calendars, r.owner, { address: 'me@corp.example' }, 'none')]).toEqual([team]);
  });

  it('skips what is not a calendar, and names it', () => {
    const zip = exportZip({ 'me@x.example.ics': ics('me@x.example', 2), 'notes.ics': 'hello', 'readme.txt': 'x' });
    expect(readCalendarExport('export.zip', zip)).toMatchObject({
      ok: true,
      notes: ['Left out: notes.ics (not a calendar file).'],
    });
  });

  it('says plainly what is wrong with a damaged zip, a zip without calendars, and a file that is neither', () => {
    const zip = exportZip({ 'me@x.example.ics': ics('me', 200) });
    const damaged = zip.slice(0, Math.floor(zip.length / 2));
    expect(readCalendarExport('export.zip', damaged)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^export\.zip could not be opened as a \.zip \(.+\)\. Download the export from Google Calendar again\.$/,
      ),
    });
    expect(readCalendarExport('photos.zip', exportZip({ 'a.jpg': 'x' }))).toEqual({
      ok: false,
      message: expect.stringMatching(/^photos\.zip holds no calendar files/),
    });
    expect(readCalendarExport('report.pdf', strToU8('%PDF-1.7'))).toEqual({
      ok: false,
      message: "report.pdf is neither a calendar file (.ics) nor Google Calendar's export (.zip).",
    });
  });

  it('refuses a zip that would unpack to more than it reads, before unpacking it', () => {
    const big = `BEGIN:VCALENDAR\r\n${'X'.repeat(600 * 1024)}`;
    const files = { 'a_x@group.calendar.google.com.ics': big, 'b_y@group.calendar.google.com.ics': big };
    const reading = readCalendarExport('bomb.zip', exportZip(files), [], { unpackedBytes: 1024 * 1024 });
    expect(reading).toEqual({ ok: false, message: expect.stringMatching(/^bomb\.zip unpacks to more than 1 MB/) });
  });

  it('reads a Zip64 export (Info-ZIP 3.0, zip -fz)', () => {
    const zip = readFileSync(join(process.cwd(), 'tests/fixtures/zip/zip64.zip'));
    const reading = opened(readCalendarExport('me@x.example.ical.zip', new Uint8Array(zip)));
    expect(listed(reading)).toEqual([['me@x.example', 'own', 1, true]]);
  });
});

describe('a single calendar file', () => {
  const meetings = (n: number, people: (i: number) => string[]) => ics('Work', n, (i) => people(i).map((p) => who(p)));

  it('is one calendar; the addresses in it only suggest whose it is, and the user is asked', () => {
    // Alex is in every meeting, Priya in two of four, Sam in one, the room in all of them.
    const text = meetings(4, (i) => [
      'alex@corp.example',
      ...(i < 2 ? ['priya@finance.example'] : []),
      ...(i === 3 ? ['sam@partner.example'] : []),
    ]).replaceAll(
      'END:VEVENT',
      'ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:c_188@resource.calendar.google.com\r\nEND:VEVENT',
    );
    const reading = opened(readCalendarExport('work.ics', strToU8(text)));
    expect(reading.single).toBe(true);
    expect(reading.calendars.map((c) => [c.name, c.events])).toEqual([['Work', 4]]);
    expect(mustAsk(reading.owner)).toBe(true);
    expect(startingAnswer(reading.owner)).toBeNull();
    expect(reading.owner.candidates).toEqual([
      { address: 'alex@corp.example', why: 'in 4 of 4 meetings' },
      { address: 'priya@finance.example', why: 'in 2 of 4 meetings' },
    ]);
  });

  it('offers the address the calendar is named after first, and reads folded guest lines', () => {
    const text = ics('me@corp.example', 2, () => [
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Kim Lee;X-NUM-GUESTS=0:mailto:kim@co',
      ' rp.example',
    ]);
    const reading = opened(readCalendarExport('me@corp.example.ics', strToU8(text)));
    expect(reading.owner.candidates).toEqual([
      { address: 'me@corp.example', why: 'the calendar is named after it' },
      { address: 'kim@corp.example', why: 'in 2 of 2 meetings' },
    ]);
    expect(reading.owner.named).toBeNull();
  });

  it('asks nothing when an address Bridges knows is in it, or when no one is', () => {
    const text = meetings(2, () => ['alex@corp.example', 'priya@finance.example']);
    expect(opened(readCalendarExport('work.ics', strToU8(text), ['alex@corp.example'])).owner).toEqual({
      known: ['alex@corp.example'],
      candidates: [],
      named: null,
    });
    expect(mustAsk(opened(readCalendarExport('solo.ics', strToU8(ics('Solo', 3)))).owner)).toBe(false);
  });
});

describe('the limits of what is read', () => {
  it('checks the size before reading, and says it in words, never "not a calendar file"', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const huge = { name: 'work.ics', size: 600 * 1024 * 1024, arrayBuffer };
    expect(await readCalendarFile(huge)).toEqual({
      ok: false,
      message:
        'work.ics is 600 MB; Bridges reads calendar files up to 200 MB. Export a shorter span of the calendar, or one calendar at a time.',
    });
    expect(await readCalendarFile({ ...huge, name: 'me@corp.example.ical.zip', size: 250 * 1024 * 1024 })).toEqual({
      ok: false,
      message:
        'me@corp.example.ical.zip is 250 MB; Bridges reads Google Calendar exports up to 200 MB. Export one calendar at a time from its settings in Google Calendar.',
    });
    expect(arrayBuffer).not.toHaveBeenCalled();
    // A file within the limit is read.
    const file = new File([ics('Work', 2)], 'work.ics');
    expect(await readCalendarFile(file)).toMatchObject({ ok: true, single: true });
    expect(await readCalendarFile(file, [], { fileBytes: 100 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^work\.ics is 1 MB; Bridges reads calendar files up to/),
    });
  });

  // A generous limit: making a zip of 20,000 files takes a few seconds on a busy machine (the test counts work).
  it('lists at most MAX_CALENDARS of an export of 20,000 calendars, says so, and unpacks no more than it lists', {
    timeout: 60_000,
  }, () => {
    const files: Record<string, Uint8Array> = {};
    const one = strToU8(ics('Room', 1));
    for (let i = 0; i < 20_000; i++) files[`Room ${i}_c_${i}@group.calendar.google.com.ics`] = one;
    const zip = zipSync(files, { level: 1 });
    const pushes = vi.spyOn(Inflate.prototype, 'push');
    const reading = opened(readCalendarExport('rooms.zip', zip));
    expect(reading.calendars).toHaveLength(MAX_CALENDARS);
    expect(reading.notes).toEqual([
      '19,500 more calendar files were not listed: Bridges lists 500 calendars of an export at most.',
    ]);
    // Each small calendar is one push to the inflater: the rest were never unpacked.
    expect(pushes).toHaveBeenCalledTimes(MAX_CALENDARS);
  });

  it('lists two files of one name in different folders as two calendars', () => {
    const zip = exportZip({
      'work/me@corp.example.ics': ics('me@corp.example', 3),
      'home/me@corp.example.ics': ics('me@corp.example', 7),
    });
    const reading = opened(readCalendarExport('me@corp.example.ical.zip', zip));
    expect(reading.calendars.map((c) => [c.file, c.events])).toEqual([
      ['home/me@corp.example.ics', 7],
      ['work/me@corp.example.ics', 3],
    ]);
    expect([...ownCalendarFiles(reading.calendars, reading.owner, startingAnswer(reading.owner))].sort()).toEqual([
      'home/me@corp.example.ics',
      'work/me@corp.example.ics',
    ]);
  });

  /** Google's export with the size that the directory (and the local header) declares for `name` changed by `by`. */
  function lying(files: Record<string, string>, name: string, by: number): Uint8Array {
    const zip = exportZip(files);
    const view = new DataView(zip.buffer);
    const change = (signature: number, at: { size: number; nameLength: number; name: number }) => {
      for (let i = 0; i + 4 < zip.length; i++) {
        if (view.getUint32(i, true) !== signature) continue;
        const length = view.getUint16(i + at.nameLength, true);
        if (new TextDecoder().decode(zip.subarray(i + at.name, i + at.name + length)) !== name) continue;
        view.setUint32(i + at.size, view.getUint32(i + at.size, true) + by, true);
      }
    };
    change(0x04034b50, { size: 22, nameLength: 26, name: 30 }); // each file's local header
    change(0x02014b50, { size: 24, nameLength: 28, name: 46 }); // the central directory
    return zip;
  }

  it('refuses a calendar whose size in the directory is not what it unpacks to, and names it; the others stay', () => {
    const files = {
      'me@corp.example.ics': ics('me@corp.example', 40),
      'Team_c_1@group.calendar.google.com.ics': ics('Team', 2),
    };
    const why = "it unpacks to another size than the .zip's directory says: the .zip is damaged or was altered";
    for (const by of [-100, 100]) {
      const reading = opened(readCalendarExport('me@corp.example.ical.zip', lying(files, 'me@corp.example.ics', by)));
      expect([by, reading.calendars.map((c) => c.id), reading.notes]).toEqual([
        by,
        ['c_1@group.calendar.google.com'],
        [`Left out: me@corp.example.ics (${why}).`],
      ]);
    }
    expect(
      readCalendarExport('export.zip', lying({ 'me@corp.example.ics': ics('me', 4) }, 'me@corp.example.ics', -50)),
    ).toEqual({
      ok: false,
      message: `Bridges could not read any calendar in export.zip. Left out: me@corp.example.ics (${why}). Download the export from Google Calendar again.`,
    });
  });
});
