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

/**
 * What each record is: `quick`, a quick yes (the schema's yes, unchanged); `changed`, the schema accepts it only
 * once changed (an address lower-cased), so the quick look must say no; `refused`, the schema refuses it; `schema`,
 * the quick look leaves to the schema a record the schema takes as it is (a class instance: rarer than a JSON file
 * could hold, so not worth a quick yes).
 */
type Verdict = 'quick' | 'changed' | 'refused' | 'schema';
const variants: Array<[string, unknown, Verdict]> = [
  ['as written', base, 'quick'],
  ['a contact', { ...base, kind: 'coffee', source: 'manual', attendees: [] }, 'quick'],
  ['with a note', { ...base, note: 'Budget' }, 'quick'],
  ['note undefined', { ...base, note: undefined }, 'quick'],
  ['note too long', { ...base, note: 'x'.repeat(10_001) }, 'refused'],
  ['no calendarId', (({ calendarId, ...rest }) => rest)(base), 'refused'],
  ['an extra key', { ...base, extra: 1 }, 'refused'],
  ['__proto__ key', JSON.parse(`${JSON.stringify(base).slice(0, -1)},"__proto__":{}}`), 'refused'],
  ['an upper-case address', { ...base, people: ['Priya@Finance.example'] }, 'changed'],
  ['a spaced address', { ...base, people: [' priya@finance.example'] }, 'changed'],
  ['an invisible character', { ...base, people: ['pri\u200bya@finance.example'] }, 'refused'],
  ['not an address', { ...base, people: ['priya'] }, 'refused'],
  ['a number for an address', { ...base, people: [7] }, 'refused'],
  ['an attendee upper-case', { ...base, attendees: [{ ...base.attendees[0], email: 'A@B.example' }] }, 'changed'],
  ['an attendee extra key', { ...base, attendees: [{ ...base.attendees[0], x: 1 }] }, 'refused'],
  ['an attendee missing key', { ...base, attendees: [withoutOptional] }, 'refused'],
  ['an unknown response', { ...base, attendees: [{ ...base.attendees[0], response: 'maybe' }] }, 'refused'],
  ['a title too long', { ...base, title: 't'.repeat(2001) }, 'refused'],
  ['a name too long', { ...base, attendees: [{ ...base.attendees[0], displayName: 'n'.repeat(501) }] }, 'refused'],
  ['start before 1900', { ...base, start: Date.UTC(1850, 0, 1) }, 'refused'],
  ['start NaN', { ...base, start: Number.NaN }, 'refused'],
  ['start fractional', { ...base, start: 1.5 }, 'refused'],
  ['start as text', { ...base, start: '2026' }, 'refused'],
  ['an unknown kind', { ...base, kind: 'lunch' }, 'refused'],
  ['an unknown source', { ...base, source: 'import' }, 'refused'],
  ['allDay as text', { ...base, allDay: 'no' }, 'refused'],
  ['people not a list', { ...base, people: 'priya@finance.example' }, 'refused'],
  ['a class instance', Object.assign(new (class Meeting {})(), base), 'schema'],
  ['an array', [base], 'refused'],
  ['null', null, 'refused'],
];

describe("the quick look at a backup's meetings", () => {
  it.each(variants)('%s: the quick look and the schema agree', (_name, row, verdict) => {
    const quick = new QuickCheck().interaction(row);
    const result = v.safeParse(InteractionSchema, row);
    expect(quick).toBe(verdict === 'quick');
    expect(result.success).toBe(verdict !== 'refused');
    if (result.success) expect(JSON.stringify(result.output) === JSON.stringify(row)).toBe(verdict !== 'changed');
  });

  it('says yes to what Bridges writes, and no to every problem above', () => {
    const quick = new QuickCheck();
    const log = makeLog(50, 500, NOW);
    expect(log.interactions.every((row) => quick.interaction(row))).toBe(true);
    const yes = variants.filter(([, row]) => new QuickCheck().interaction(row)).map(([name]) => name);
    expect(yes).toEqual(variants.filter(([, , verdict]) => verdict === 'quick').map(([name]) => name));
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
