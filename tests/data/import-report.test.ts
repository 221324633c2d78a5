import { describe, expect, it } from 'vitest';
import { EMPTY_SUMMARY, readIcs } from '../../lib/data/ics';
import { importReport } from '../../lib/data/ics/report';
import { calendar, ICS_NOW, readFixture } from '../helpers/ics';

// What the options page says after an import (the dates are the computer's days: this runs in UTC).

describe('the import summary', () => {
  it('says what was logged and what was left out, and why', () => {
    const reading = readFixture('standup-since-2016.ics');
    const report = importReport(reading, {
      ...EMPTY_SUMMARY,
      meetings: 1998,
      peopleAdded: 1,
      alreadyLogged: 2,
      declined: 1,
      groupsNotCounted: 2,
    });
    expect(report).toEqual({
      headline: '1,998 meetings logged, 1 person added.',
      details: [
        'Left out: 2 already logged, 1 declined.',
        '2 groups not counted: a group is not a person, and the file does not list its members.',
        '“Stand-up” repeats more often than Bridges reads: its 2,000 newest meetings, from 28 March 2019, were read.',
      ],
      skipped: null,
    });
  });

  it('names the first five events it skipped, with their lines, and counts the rest', () => {
    const text = calendar(
      ...Array.from({ length: 7 }, (_, i) => [`UID:bad${i}`, 'DTSTART:soon', `SUMMARY:Broken ${i}`]),
      ['UID:good', 'DTSTART:20261102T090000Z', 'SUMMARY:Fine'],
    );
    const report = importReport(readIcs(text, { until: ICS_NOW, timeZone: 'UTC' }), { ...EMPTY_SUMMARY, meetings: 1 });
    expect(report.headline).toBe('1 meeting logged, 0 people added.');
    expect(report.skipped).toEqual({
      heading: '7 events could not be read and were skipped:',
      items: [0, 1, 2, 3, 4].map((i) => `“Broken ${i}” (line ${4 + i * 5}): its start (DTSTART:soon) is not a date.`),
      more: 2,
    });
  });

  it('says when a file held more than is read at once, and which lines it could not read', () => {
    const reading = {
      ...readFixture('absurd.ics'),
      leftOutBefore: Date.parse('2026-03-03T12:00:00Z'),
      unreadableLines: 1,
    };
    expect(importReport(reading, EMPTY_SUMMARY).details).toEqual([
      '“Every second” repeats more often than Bridges reads: its 2,000 newest meetings, from 25 November 2026, were read.',
      'This file holds more meetings than Bridges reads at once: those before 3 March 2026 were left out.',
      '“Forever meeting” (line 18): its length (DURATION:P999999999999999999W) could not be read, so it was read as taking no time.',
      '“Every minute of 29 February” (line 57): its repeat rule matches so rarely that Bridges stopped looking for more of its meetings.',
      '1 line that could not be read was left out.',
    ]);
  });

  it('says exactly how many meetings a file over the limit held, how many were left out and from when', () => {
    // 20 daily series of 100 meetings one after another from 1 January 2020: 2,000 in all.
    const text = calendar(
      ...Array.from({ length: 20 }, (_, i) => [
        `UID:block${i}`,
        `DTSTART:${new Date(Date.UTC(2020, 0, 1 + i * 100, 9)).toISOString().replace(/[-:]|\.\d{3}/g, '')}`,
        'RRULE:FREQ=DAILY;COUNT=100',
        `SUMMARY:Block ${i}`,
      ]),
    );
    const reading = readIcs(text, { until: ICS_NOW, timeZone: 'UTC', maxInstances: 1500 });
    expect(importReport(reading, EMPTY_SUMMARY).details).toEqual([
      'This calendar holds 2,000 meetings, more than the 1,500 Bridges reads at once: the oldest 500, before 15 May 2021, were left out.',
    ]);
  });

  it('says how many cancelled events it left out, and names what it read in part', () => {
    const text = calendar(
      ['UID:c', 'DTSTART:20261102T090000Z', 'STATUS:CANCELLED', 'SUMMARY:Off'],
      ...Array.from({ length: 7 }, (_, i) => [
        `UID:d${i}`,
        'DTSTART:20261103T090000Z',
        'DURATION:soon',
        `SUMMARY:D${i}`,
      ]),
    );
    const report = importReport(readIcs(text, { until: ICS_NOW, timeZone: 'UTC' }), { ...EMPTY_SUMMARY, declined: 1 });
    expect(report.details).toEqual([
      'Left out: 1 declined, 1 cancelled.',
      ...[0, 1, 2, 3, 4].map(
        (i) =>
          `“D${i}” (line ${10 + i * 6}): its length (DURATION:soon) could not be read, so it was read as taking no time.`,
      ),
      '2 other details of events could not be read and were left out or assumed likewise.',
    ]);
  });
});
