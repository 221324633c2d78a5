import { afterEach, describe, expect, it } from 'vitest';
import { AppDB, LOGGED_FIELDS, PERSON_DEFAULTS, USER_FIELDS, untouchedByUser } from '../../lib/db/app-db';
import type { Person } from '../../lib/db/types';
import { writeMeeting } from '../../lib/logging/meeting-log';
import { DAY, meetingAt } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let db: AppDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** A person as logging a meeting makes them: what a field added to Person would first appear in. */
async function loggedPerson(): Promise<Person> {
  db = new AppDB(`user-fields-${crypto.randomUUID()}`);
  await writeMeeting(db, meetingAt('gcal:a', NOW - DAY, ['priya@finance.example']), NOW);
  const person = await db.people.get('priya@finance.example');
  if (!person) throw new Error('logging made no one');
  return person;
}

/** Another value of the same kind as `value`, whatever the field: a new field is changed without a line here. */
function changed(value: unknown): unknown {
  if (value === null) return NOW;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (value === 'normal') return 'high';
  if (typeof value === 'string') return `${value} changed`;
  throw new Error(`no change known for ${JSON.stringify(value)}`);
}

// The feed takes back someone it added only when the user never touched them (lib/feed/sync.ts): every field of a
// person must be known to be the log's or to have a default, so that a new field of the user's cannot slip past.
describe("which of a person's fields are the user's", () => {
  it("knows every field of a person logging makes as the log's or as one with a default, never both", async () => {
    const person = await loggedPerson();
    const defaults = Object.keys(PERSON_DEFAULTS);
    expect(LOGGED_FIELDS.filter((field) => defaults.includes(field))).toEqual([]);
    expect(Object.keys(person).sort()).toEqual([...LOGGED_FIELDS, ...defaults].sort());
    expect(person).toMatchObject(PERSON_DEFAULTS);
  });

  it("counts every field with a default as the user's but the next meeting, which the background keeps", () => {
    expect([...USER_FIELDS, 'nextMeetingAt'].sort()).toEqual(Object.keys(PERSON_DEFAULTS).sort());
  });

  it('finds a new person untouched, and touched once any one of their own fields changes', async () => {
    const person = await loggedPerson();
    expect(untouchedByUser(person)).toBe(true);
    for (const field of USER_FIELDS) {
      expect([field, untouchedByUser({ ...person, [field]: changed(person[field]) })]).toEqual([field, false]);
    }
  });

  it('finds them untouched whatever the log and the background changed', async () => {
    const person = await loggedPerson();
    for (const field of [...LOGGED_FIELDS, 'nextMeetingAt'] as const) {
      expect([field, untouchedByUser({ ...person, [field]: changed(person[field]) })]).toEqual([field, true]);
    }
  });
});
