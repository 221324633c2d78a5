import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { interactionsCsv, neutralise, peopleCsv } from '../../lib/data/csv';
import type { Interaction } from '../../lib/db/types';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { DAY, person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+44 20', '-2', '@SUM(A1)', '\t=x', '\r=x', 'Priya', ''].map(neutralise)).toEqual([
      "'=1+1",
      "'+44 20",
      "'-2",
      "'@SUM(A1)",
      "'\t=x",
      "'\r=x",
      'Priya',
      '',
    ]);
  });

  it('people round-trip through a CSV parser: commas, quotes and line breaks survive', () => {
    const people = [
      person('priya@finance.example', NOW - 70 * DAY, {
        displayName: 'Raman, Priya "PR"',
        note: 'Line one\nline two',
        kind: 'customer',
      }),
      person('evil@x.example', NOW - 2 * DAY, { displayName: '=HYPERLINK("http://evil.example","click")' }),
    ];
    const parsed = Papa.parse<Record<string, string>>(peopleCsv(people, new Map(), [], DEFAULT_CADENCES, NOW), {
      header: true,
      skipEmptyLines: true,
      newline: '\r\n',
    });
    expect(parsed.errors, JSON.stringify(parsed.errors)).toEqual([]);
    expect(parsed.data.map((r) => [r.Name, r.Email, r.Kind, r.Status, r.Note])).toEqual([
      ['Raman, Priya "PR"', 'priya@finance.example', 'Customer', 'red', 'Line one\nline two'],
      ['\'=HYPERLINK("http://evil.example","click")', 'evil@x.example', '', 'green', ''],
    ]);
    expect(parsed.data[0]?.['Last met']).toBe(new Date(NOW - 70 * DAY).toISOString());
  });

  it('interactions list who was there', () => {
    const meeting: Interaction = {
      key: 'gcal:a',
      kind: 'meeting',
      source: 'google-calendar',
      title: 'Q4, "planning"',
      start: NOW,
      end: NOW + 3600_000,
      allDay: false,
      people: ['a@x.example', 'b@x.example'],
      attendees: [
        { email: 'a@x.example', displayName: 'Ann', response: 'accepted', organizer: true, optional: false },
        { email: 'b@x.example', displayName: '-Bob', response: 'accepted', organizer: false, optional: false },
      ],
      calendarId: null,
      loggedAt: NOW,
    };
    const parsed = Papa.parse<Record<string, string>>(interactionsCsv([meeting]), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data[0]).toMatchObject({
      Title: 'Q4, "planning"',
      People: 'Ann; -Bob',
      Emails: 'a@x.example; b@x.example',
    });
  });
});
