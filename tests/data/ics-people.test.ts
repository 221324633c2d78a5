import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEvents } from '../../lib/data/ics';
import { AppDB } from '../../lib/db/app-db';
import { DEFAULT_MEETING_RULES } from '../../lib/logging/rules';
import { byId, ICS_NOW, readFixture } from '../helpers/ics';

// The right people: who is a person (people.ics), and the rules of a click (click-rules.ics).

const ME = ['me@example.com'];
const options = { now: ICS_NOW, myEmails: ME, rules: DEFAULT_MEETING_RULES, includeLarge: false };
let db: AppDB;
beforeEach(() => {
  db = new AppDB(`ics-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('who is a person (people.ics)', () => {
  const { events } = readFixture('people.ics');
  const guests = (id: string) =>
    byId(events, id).guests.map((g) => [g.email, g.name, g.response, g.organizer, g.optional]);

  it('leaves out rooms, resources, groups and those copied for information; counts the group', () => {
    expect(guests('cutypes@example.com')).toEqual([
      ['priya@finance.example', 'Priya Raman', 'accepted', true, false],
      ['wei@ops.example', 'Wei Chen', 'tentative', false, false],
      ['lena@partner.example.de', 'Lena Hoff', 'accepted', false, true],
      ['me@example.com', 'me@example.com', 'accepted', false, false],
    ]);
    expect(byId(events, 'cutypes@example.com').groups).toEqual(['eng-team@corp.example']);
  });

  it('takes the organiser as a participant when the file does not repeat them as an attendee', () => {
    expect(guests('040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6DC010000000000000000100000')).toEqual([
      ['sam@partner.example', 'Okafor, Sam', 'accepted', true, false],
      ['me@example.com', 'me@example.com', 'accepted', false, false],
    ]);
    expect(guests('zimbra-4431-77@mail.zimbra.example').map(([email]) => email)).toEqual([
      'lena@partner.example.de',
      'me@example.com',
      'wei@ops.example',
    ]);
    // An event with no attendee at all is no meeting with its organiser (the user's own focus time).
    expect(guests('solo@example.com')).toEqual([]);
  });

  it('reads addresses in any case, in quotes and from EMAIL=, and names with escapes and quotes undone', () => {
    expect(guests('addresses@example.com').map(([email, name]) => [email, name])).toEqual([
      ['ana@design.example', 'Ana Silva'], // EMAIL= beside an imip relay address and beside a urn:uuid
      ['jordan.lee@example.com', 'Jordan Lee'],
      ['sam@partner.example', 'Okafor, Sam'],
      ['kai@partner.example.de', 'Berger, Kai'],
      ['dana@x.example', 'Dana Kim'],
      ['mei@x.example', 'Mei "May" Tan'],
      ['me@example.com', 'me@example.com'],
    ]);
  });

  it('logs the 1:1 the other person organised, and counts the group as a group, not a person', async () => {
    const summary = await importEvents(db, events, options);
    expect(summary).toMatchObject({ meetings: 4, noOne: 1, groupsNotCounted: 1 });
    expect(await db.people.get('sam@partner.example')).toMatchObject({ displayName: 'Okafor, Sam' });
    expect(await db.people.get('eng-team@corp.example')).toBeUndefined();
    expect(await db.people.get('boardroom4@corp.example')).toBeUndefined();
    expect(await db.people.get('assistant@finance.example')).toBeUndefined();
  });
});

describe("Confluence's team calendars (confluence.ics)", () => {
  it('reads parameters written after the colon; a line folded without its space costs that attendee only', () => {
    const { events } = readFixture('confluence.ics');
    expect(events.map((e) => [e.title, e.guests.map((g) => [g.email, g.name, g.organizer])])).toEqual([
      [
        'Quarterly planning with design',
        [
          ['ana@design.example', 'Ana Silva', true],
          ['me@example.com', 'Me', false],
        ],
      ],
    ]);
  });
});

describe('the rules of a click (click-rules.ics)', () => {
  const { events } = readFixture('click-rules.ics');

  it("logs nothing of a meeting the user declined, leaves out guests who declined, and waits for what hasn't started", async () => {
    expect(events.map((e) => e.eventId)).not.toContain('not-yet'); // read up to now only
    // Read further ahead, the meeting that has not started is still not logged.
    const ahead = readFixture('click-rules.ics', { until: Date.parse('2026-12-31T00:00:00Z') }).events;
    const summary = await importEvents(db, ahead, options);
    expect(summary).toEqual({
      meetings: 1,
      peopleAdded: 1,
      alreadyLogged: 0,
      booked: 1,
      notStarted: 0,
      declined: 1,
      noOne: 0,
      overLimit: 1,
      groupsNotCounted: 0,
      invalid: 0,
    });
    expect(await db.interactions.get('gcal:they-declined')).toMatchObject({ people: ['kai@partner.example.de'] });
    expect(await db.interactions.get('gcal:i-declined')).toBeUndefined();
    expect(await db.people.get('sam@partner.example')).toBeUndefined();
    // The meeting to come is noted as booked, not logged: not a contact, no one is added for it.
    expect(await db.interactions.get('gcal:not-yet')).toBeUndefined();
    expect(await db.upcoming.get('gcal:not-yet')).toMatchObject({ source: 'ics', people: expect.any(Array) });
  });

  it("logs a meeting over the guest limit only with the user's yes", async () => {
    const summary = await importEvents(db, events, { ...options, includeLarge: true });
    expect(summary).toMatchObject({ meetings: 2, overLimit: 0 });
    expect((await db.interactions.get('gcal:all-hands'))?.people).toHaveLength(30);
  });
});
