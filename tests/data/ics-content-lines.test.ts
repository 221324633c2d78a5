import { describe, expect, it } from 'vitest';
import { parseContentLine } from '../../lib/data/ics/property-line';
import { unfoldLines } from '../../lib/data/ics/unfold';

function unfold(text: string, wanted?: string[]) {
  const lines: Array<[string, number]> = [];
  const unreadable: number[] = [];
  unfoldLines(text, wanted && new Set(wanted), {
    line: (logical, line) => lines.push([logical, line]),
    unreadable: (line) => unreadable.push(line),
  });
  return { lines, unreadable };
}

describe('unfoldLines: the logical lines of a file, each with the line it starts on', () => {
  it('joins continuation lines, skips a byte-order mark and leading blank space, names lines that are not content', () => {
    const text = '\uFEFF\n  BEGIN:VEVENT\r\nSUMMARY:Lunch with\r\n  Ada\r\nnot a property\r\n\r\nEND:VEVENT';
    expect(unfold(text)).toEqual({
      lines: [
        ['BEGIN:VEVENT', 2],
        ['SUMMARY:Lunch with Ada', 3],
        ['END:VEVENT', 7],
      ],
      unreadable: [5],
    });
  });

  it('gives only the wanted properties and BEGIN and END, a name folded onto the next line once it is whole', () => {
    const text =
      'BEGIN:VEVENT\nDESCRIPTION:long\n text\nDTSTART\n ;TZID=Europe/Berlin:20260101T090000\nDTEND\n :x\nEND:VEVENT';
    expect(unfold(text, ['DTSTART']).lines).toEqual([
      ['BEGIN:VEVENT', 1],
      ['DTSTART;TZID=Europe/Berlin:20260101T090000', 4],
      ['END:VEVENT', 8],
    ]);
  });
});

describe('parseContentLine: one unfolded line as name, parameters and raw value', () => {
  it('reads quoted and listed parameters, decodes RFC 6868, keeps the first of a repeated parameter', () => {
    expect(
      parseContentLine(
        'attendee;CN="Doe, Jane";ROLE=REQ-PARTICIPANT;X=a,"b;c";cn=Other;Y=say ^\'hi^\'^n:mailto:j@x',
        4,
      ),
    ).toEqual({
      name: 'ATTENDEE',
      params: { CN: 'Doe, Jane', ROLE: 'REQ-PARTICIPANT', X: 'a,b;c', Y: 'say "hi"\n' },
      value: 'mailto:j@x',
      line: 4,
    });
  });

  it("reads a date's value after its last colon, so a zone's name may hold one", () => {
    expect(parseContentLine('DTSTART;TZID=(UTC+05:30) Chennai, Kolkata:20260101T090000', 1)).toMatchObject({
      params: { TZID: '(UTC+05:30) Chennai, Kolkata' },
      value: '20260101T090000',
    });
  });

  it("reads two writers' slips as meant, and refuses what is not a content line", () => {
    expect(parseContentLine('ORGANIZER="mailto:a@x"', 1)).toMatchObject({ name: 'ORGANIZER', value: '"mailto:a@x"' });
    expect(parseContentLine('DTSTART;TZID="W. Europe Standard Time:20200609T090000"', 1)).toMatchObject({
      params: { TZID: 'W. Europe Standard Time' },
      value: '20200609T090000',
    });
    for (const bad of ['no colon', ':value', 'X;=1:v', 'X;P="open:v', 'SUMMARY="quoted"'])
      expect(parseContentLine(bad, 1)).toBeNull();
  });
});
