import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../lib/data/backup';
import { InteractionSchema } from '../../lib/data/backup-schema';
import { QuickCheck } from '../../lib/data/quick-check';
import { makeLog } from '../e2e/seed';
import { DAY, meetingAt } from '../helpers/people';

// The quick look must never let through what the schema would refuse or change: for every record, quick
// "yes" implies the schema's "yes" with the record unchanged. And it must say yes to what Bridges writes, or it
// saves nothing.
const NOW = Date.UTC(2026, 10, 25, 12);
const base = meetingAt('gcal:a', NOW - DAY, ['priya@finance.example', 'sam@partner.example']);

const { optional: _optional, ...withoutOptional } = base.attendees[0] as unknown as Record<string, unknown>;

const variants: Array<[string, unknown]> = [
  ['as written', base],
  ['a contact', { ...base, kind: 'coffee', source: 'manual', attendees: [] }],
  ['with a note', { ...base, note: 'Budget' }],
  ['note undefined', { ...base, note: undefined }],
  ['note too long', { ...base, note: 'x'.repeat(10_001) }],
  ['no calendarId', (({ calendarId, ...rest }) => rest)(base)],
  ['an extra key', { ...base, extra: 1 }],
  ['__proto__ key', JSON.parse(`${JSON.stringify(base).slice(0, -1)},"__proto__":{}}`)],
  ['an upper-case address', { ...base, people: ['Priya@Finance.example'] }],
  ['a spaced address', { ...base, people: [' priya@finance.example'] }],
  ['an invisible character', { ...base, people: ['pri\u200bya@finance.example'] }],
  ['not an address', { ...base, people: ['priya'] }],
  ['a number for an address', { ...base, people: [7] }],
  ['an attendee upper-case', { ...base, attendees: [{ ...base.attendees[0], email: 'A@B.example' }] }],
  ['an attendee extra key', { ...base, attendees: [{ ...base.attendees[0], x: 1 }] }],
  ['an attendee missing key', { ...base, attendees: [withoutOptional] }],
  ['an unknown response', { ...base, attendees: [{ ...base.attendees[0], response: 'maybe' }] }],
  ['a title too long', { ...base, title: 't'.repeat(2001) }],
  ['a name too long', { ...base, attendees: [{ ...base.attendees[0], displayName: 'n'.repeat(501) }] }],
  ['start before 1900', { ...base, start: Date.UTC(1850, 0, 1) }],
  ['start NaN', { ...base, start: Number.NaN }],
  ['start fractional', { ...base, start: 1.5 }],
  ['start as text', { ...base, start: '2026' }],
  ['an unknown kind', { ...base, kind: 'lunch' }],
  ['an unknown source', { ...base, source: 'import' }],
  ['allDay as text', { ...base, allDay: 'no' }],
  ['people not a list', { ...base, people: 'priya@finance.example' }],
  ['a class instance', Object.assign(new (class Meeting {})(), base)],
  ['an array', [base]],
  ['null', null],
];

describe("the quick look at a backup's meetings", () => {
  it.each(variants)('%s: a quick yes is the schema’s yes, with the record unchanged', (_name, row) => {
    if (!new QuickCheck().interaction(row)) return;
    const result = v.safeParse(InteractionSchema, row);
    expect(result.success).toBe(true);
    expect(result.output).toEqual(row);
  });

  it('says yes to what Bridges writes, and no to every problem above', () => {
    const quick = new QuickCheck();
    const log = makeLog(50, 500, NOW);
    expect(log.interactions.every((row) => quick.interaction(row))).toBe(true);
    const yes = variants.filter(([, row]) => new QuickCheck().interaction(row)).map(([name]) => name);
    expect(yes).toEqual(['as written', 'a contact', 'with a note', 'note undefined']);
  });

  it('leaves the naming of a problem to the schema: a file with one bad meeting is refused in its words', () => {
    const log = makeLog(20, 20, NOW);
    const interactions = log.interactions.map((row, i) => (i === 7 ? { ...row, title: 7 } : row));
    const file = {
      format: 'bridges-backup',
      version: 1,
      exportedAt: NOW,
      ...log,
      interactions,
      groups: [],
      settings: {},
    };
    expect(readBackup(JSON.stringify(file))).toEqual({
      ok: false,
      message: 'interactions[7].title: This text must be text.',
    });
  });
});
