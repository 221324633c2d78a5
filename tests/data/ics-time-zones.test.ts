import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readIcs } from '../../lib/data/ics';
import { ICS_NOW, iso, readFixture } from '../helpers/ics';

// Every instance at its real time: named zones without a VTIMEZONE, Windows zone names, VTIMEZONEs whose rules
// start late or carry Microsoft's quirks, and zones that must not outlive the file that defined them.

const starts = (name: string, timeZone = 'UTC') =>
  Object.fromEntries(readFixture(name, { timeZone }).events.map((e) => [e.title, iso(e.start)]));

describe('a TZID naming an IANA zone, with no VTIMEZONE in the file (iana-without-vtimezone.ics)', () => {
  it('is read in that zone, with its daylight-saving rules, whatever the computer zone', () => {
    for (const computer of ['UTC', 'Pacific/Kiritimati', 'America/Adak']) {
      expect(starts('iana-without-vtimezone.ics', computer)).toEqual({
        'New York, winter (EST)': '2026-01-05T14:00:00.000Z',
        'New York, two days after the clocks went forward (EDT)': '2026-03-10T13:00:00.000Z',
        'Kolkata, zone in quotes': '2026-01-05T04:00:00.000Z',
        'Berlin, as old Lightning wrote it': '2026-07-01T07:00:00.000Z',
        'Sydney, southern summer (AEDT)': '2026-01-04T22:00:00.000Z',
        // A floating time is in the calendar's own zone (X-WR-TIMEZONE), not the computer's.
        'Floating time in a calendar of Los Angeles': '2026-01-05T17:00:00.000Z',
        // RFC 5545 3.3.5: a time the clocks skipped is read with the offset before the gap (02:30 EST = 03:30 EDT);
        'In the hour the clocks skipped': '2026-03-08T07:30:00.000Z',
        // a time that happened twice is its first occurrence (01:30 EDT).
        'In the hour that happened twice': '2026-11-01T05:30:00.000Z',
      });
    }
  });

  it("reads a floating time in the computer's zone when the calendar names none", () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260105T090000\r\nEND:VEVENT\r\nEND:VCALENDAR';
    const at = (timeZone: string) => iso(readIcs(text, { until: ICS_NOW, timeZone }).events[0]?.start ?? 0);
    expect(at('Europe/Berlin')).toBe('2026-01-05T08:00:00.000Z');
    expect(at('America/Adak')).toBe('2026-01-05T19:00:00.000Z');
  });
});

describe('Windows zone names (windows-zones.ics)', () => {
  it("map to their IANA zones: Windows ids through CLDR's table, display names through their cities", () => {
    const { events } = readFixture('windows-zones.ics');
    expect(events.map((e) => [e.title, iso(e.start), e.timeZone])).toEqual([
      ['India Standard Time', '2026-01-05T04:00:00.000Z', 'Asia/Calcutta'],
      ['Display name with a colon', '2026-01-05T04:00:00.000Z', 'Asia/Calcutta'],
      ['Display name in quotes', '2026-01-15T09:00:00.000Z', 'Europe/Amsterdam'],
      ['Pacific Standard Time', '2026-01-15T17:00:00.000Z', 'America/Los_Angeles'],
      ['Display name without a city', '2026-07-05T14:00:00.000Z', 'America/New_York'],
      ['W. Europe Standard Time, in summer', '2026-07-15T07:00:00.000Z', 'Europe/Berlin'],
    ]);
  });
});

describe('a VTIMEZONE whose rules do not reach back (vtimezone-history.ics)', () => {
  it('gives an old date the offset its yearly rules give, or the offset the zone changed from', () => {
    expect(starts('vtimezone-history.ics')).toEqual({
      "Summer 2005, before the zone's first rule": '2005-07-12T14:00:00.000Z', // EDT, not UTC
      'Winter 2005': '2005-01-12T15:00:00.000Z', // EST
      'Summer 2026': '2026-07-14T14:00:00.000Z',
      'Before the only observance': '2008-06-01T14:00:00.000Z', // TZOFFSETFROM -0200
      'After it': '2015-03-20T15:00:00.000Z', // TZOFFSETTO -0300
    });
  });
});

describe('a VTIMEZONE with its history (rules that end, RRULE UNTIL)', () => {
  it('applies each rule until its UNTIL, then the next', () => {
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Eastern (with history)',
      'BEGIN:DAYLIGHT',
      'DTSTART:19870405T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
      'BEGIN:DAYLIGHT',
      'DTSTART:20070311T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:19671029T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'BEGIN:STANDARD',
      'DTSTART:20071104T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const at = (day: string) => [
      'BEGIN:VEVENT',
      `UID:${day}`,
      `DTSTART;TZID=Eastern (with history):${day}T100000`,
      'END:VEVENT',
    ];
    const days = ['20060320', '20060410', '20061031', '20070320', '20071031'];
    const text = ['BEGIN:VCALENDAR', ...zone, ...days.flatMap(at), 'END:VCALENDAR'].join('\r\n');
    expect(readIcs(text, { until: ICS_NOW, timeZone: 'UTC' }).events.map((e) => iso(e.start))).toEqual([
      '2006-03-20T15:00:00.000Z', // before the first Sunday of April: EST
      '2006-04-10T14:00:00.000Z', // EDT
      '2006-10-31T15:00:00.000Z', // after the last Sunday of October: EST
      '2007-03-20T14:00:00.000Z', // the 2007 rule: EDT from the second Sunday of March
      '2007-10-31T14:00:00.000Z', // and until the first Sunday of November
    ]);
  });
});

describe("Microsoft's VTIMEZONEs (microsoft-vtimezone.ics)", () => {
  it('reads observances from year 0001 and 1601, DATE starts, and leaves out only the line that is not one', () => {
    const reading = readFixture('microsoft-vtimezone.ics');
    expect(reading.problem).toBeNull();
    expect(reading.unreadableLines).toBe(1);
    expect(reading.events.map((e) => [e.title, iso(e.start), iso(e.end)])).toEqual([
      ['Custom zone, winter', '2026-01-15T08:00:00.000Z', '2026-01-15T09:00:00.000Z'],
      ['Customized Time Zone', '2026-03-01T09:00:00.000Z', '2026-03-01T10:00:00.000Z'],
      ['Custom zone, summer', '2026-07-15T07:00:00.000Z', '2026-07-15T08:00:00.000Z'],
    ]);
  });
});

describe('time zones registered while reading one file', () => {
  const definesZone = [
    'BEGIN:VCALENDAR',
    'BEGIN:VTIMEZONE',
    'TZID:Bridges Test Zone',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0530',
    'TZOFFSETTO:+0530',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:a',
    'DTSTART;TZID=Bridges Test Zone:20261102T093000',
    'SUMMARY:In the zone the file defines',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const usesZone = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'UID:b',
    'DTSTART;TZID=Bridges Test Zone:20261102T093000',
    'SUMMARY:In a zone this file does not define',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('do not leak into the next file read, nor into ical.js', () => {
    const zonesBefore = ICAL.TimezoneService.count;
    const first = readIcs(definesZone, { until: ICS_NOW, timeZone: 'UTC' });
    expect(first.events.map((e) => iso(e.start))).toEqual(['2026-11-02T04:00:00.000Z']);
    const second = readIcs(usesZone, { until: ICS_NOW, timeZone: 'UTC' });
    // Unknown in the second file: read in the reader's own zone (UTC here), not the first file's +05:30.
    expect(second.events.map((e) => iso(e.start))).toEqual(['2026-11-02T09:30:00.000Z']);
    expect(second.unknownZones).toEqual([{ zone: 'Bridges Test Zone', events: 1 }]);
    expect(ICAL.TimezoneService.count).toBe(zonesBefore);
    expect(ICAL.TimezoneService.has('Bridges Test Zone')).toBe(false);
  });
});
