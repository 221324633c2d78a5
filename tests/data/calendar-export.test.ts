import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCalendarExport } from '../../lib/data/calendar-export';

// Google Calendar's export: one .ics per calendar in a .zip, the primary calendar named by its owner's address,
// the others "<name>_<calendar id>.ics" (the shape of the files Google's export gives, as users' and importers'
// reports describe them). Our own files, built here.
const ics = (name: string, events: number) =>
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
      'END:VEVENT',
    ]).flat(),
    'END:VCALENDAR',
  ].join('\r\n');

const exportZip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

describe("Google Calendar's export", () => {
  it("lists the calendars inside with their events, the user's own first and chosen", () => {
    const zip = exportZip({
      'Holidays in United States_en.usa#holiday@group.v.calendar.google.com.ics': ics('Holidays in United States', 40),
      'alex.morgan@example.com.ics': ics('alex.morgan@example.com', 120),
      'Team offsites_c_9f2e1b@group.calendar.google.com.ics': ics('Team offsites', 6),
      'Birthdays_#contacts@group.v.calendar.google.com.ics': ics('Birthdays', 0),
      'Priya Raman_priya@finance.example.ics': ics('Priya Raman', 15),
    });
    const reading = readCalendarExport('alex.morgan@example.com.ical.zip', zip);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.calendars.map((c) => [c.name, c.id, c.kind, c.events, c.chosen])).toEqual([
      ['alex.morgan@example.com', 'alex.morgan@example.com', 'own', 120, true],
      ['Holidays in United States', 'en.usa#holiday@group.v.calendar.google.com', 'holidays', 40, false],
      ['Priya Raman', 'priya@finance.example', 'other-person', 15, false],
      ['Team offsites', 'c_9f2e1b@group.calendar.google.com', 'shared', 6, false],
      ['Birthdays', '#contacts@group.v.calendar.google.com', 'birthdays', 0, false],
    ]);
  });

  it("knows the own calendar by the user's addresses when Bridges has them", () => {
    const zip = exportZip({ 'alex.morgan@example.com.ics': ics('a', 1), 'alex@home.example.ics': ics('b', 1) });
    const reading = readCalendarExport('export.zip', zip, ['alex@home.example']);
    expect(reading.ok && reading.calendars.map((c) => [c.id, c.kind, c.chosen])).toEqual([
      ['alex@home.example', 'own', true],
      ['alex.morgan@example.com', 'other-person', false],
    ]);
  });

  it('skips what is not a calendar, and names it', () => {
    const zip = exportZip({ 'me@x.example.ics': ics('me@x.example', 2), 'notes.ics': 'hello', 'readme.txt': 'x' });
    const reading = readCalendarExport('export.zip', zip);
    expect(reading).toMatchObject({ ok: true, skipped: ['notes.ics: not a calendar file'] });
  });

  it('takes a plain .ics as one calendar, chosen', () => {
    const reading = readCalendarExport('work.ics', strToU8(ics('Work', 3)));
    expect(reading.ok && reading.calendars.map((c) => [c.name, c.events, c.chosen])).toEqual([['Work', 3, true]]);
  });

  it('says plainly what is wrong with a damaged zip, a zip without calendars, and a file that is neither', () => {
    const zip = exportZip({ 'me@x.example.ics': ics('me', 200) });
    const damaged = zip.slice(0, Math.floor(zip.length / 2));
    expect(readCalendarExport('export.zip', damaged)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^export\.zip could not be opened as a \.zip .*Download the export from Google Calendar again\.$/,
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
    const reading = readCalendarExport('bomb.zip', exportZip(files), [], 1024 * 1024);
    expect(reading).toEqual({ ok: false, message: expect.stringMatching(/^bomb\.zip unpacks to more than 1 MB/) });
  });
});
