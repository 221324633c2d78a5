import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEvents, readIcs } from '../../lib/data/ics';
import { AppDB } from '../../lib/db/app-db';
import { logCalendarEvent } from '../../lib/logging/meeting-log';
import { DEFAULT_MEETING_RULES } from '../../lib/logging/rules';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const text = readFileSync(join(process.cwd(), 'tests/fixtures/ics/google-export.ics'), 'utf8');
const ME = ['alex.morgan@example.com'];
const iso = (ms: number) => new Date(ms).toISOString();
let db: AppDB;
beforeEach(() => {
  db = new AppDB(`ics-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('reading a calendar file', () => {
  const { events, problem } = readIcs(text, { until: NOW });
  const byId = new Map(events.map((e) => [e.eventId, e]));

  it("expands a weekly series into its instances up to now, with Calendar's instance ids", () => {
    expect(problem).toBeNull();
    const weekly = events
      .filter((e) => e.eventId.startsWith('b028tvasrf4039si1mg44gaske_'))
      .map((e) => [e.eventId, iso(e.start), e.title]);
    expect(weekly).toEqual([
      ['b028tvasrf4039si1mg44gaske_20261026T140000Z', '2026-10-26T14:00:00.000Z', 'Weekly sync'], // EDT
      ['b028tvasrf4039si1mg44gaske_20261102T150000Z', '2026-11-02T15:00:00.000Z', 'Weekly sync'], // EST after the change
      // 9 November is an exception date (EXDATE): no instance.
      ['b028tvasrf4039si1mg44gaske_20261116T150000Z', '2026-11-16T19:00:00.000Z', 'Weekly sync (moved)'], // moved to 14:00
      ['b028tvasrf4039si1mg44gaske_20261123T150000Z', '2026-11-23T15:00:00.000Z', 'Weekly sync'],
    ]);
  });

  it("honours each event's time zone, all-day dates, names and answers", () => {
    expect(iso(byId.get('berlin1')?.start ?? 0)).toBe('2026-11-19T14:00:00.000Z');
    expect(byId.get('allday1')).toMatchObject({ allDay: true });
    expect(byId.get('berlin1')?.guests.map((g) => [g.email, g.name, g.response, g.optional])).toEqual([
      ['kai.berger@partner.example.de', 'kai.berger@partner.example.de', 'accepted', false],
      ['lena@partner.example.de', 'lena@partner.example.de', 'needsAction', true],
      ['sam.okafor@partner.example.org', 'Sam Okafor', 'declined', false],
      ['alex.morgan@example.com', 'alex.morgan@example.com', 'accepted', false],
    ]);
  });

  it('leaves out cancelled events and what has not happened by now', () => {
    expect(byId.has('cancelled1')).toBe(false);
    expect(byId.has('future1')).toBe(false);
  });

  it('says plainly when a file is not a calendar', () => {
    expect(readIcs('hello', { until: NOW }).problem).toMatch(/^This file is not a calendar file \(\.ics\)/);
    expect(readIcs('BEGIN:VCARD\r\nEND:VCARD\r\n', { until: NOW }).problem).toBe(
      'This file is not a calendar file (.ics): it has no VCALENDAR.',
    );
  });
});

describe('importing a calendar file', () => {
  it('logs with the same rules as the page, and says what it did', async () => {
    const { events } = readIcs(text, { until: NOW });
    const summary = await importEvents(db, events, {
      now: NOW,
      myEmails: ME,
      rules: DEFAULT_MEETING_RULES,
      includeLarge: false,
    });
    expect(summary).toEqual({
      meetings: 6,
      peopleAdded: 5,
      alreadyLogged: 0,
      booked: 0,
      notStarted: 0,
      declined: 1,
      noOne: 1,
      overLimit: 1,
      groupsNotCounted: 0,
      invalid: 0,
    });
    expect(await db.interactions.get('gcal:berlin1')).toMatchObject({
      source: 'ics',
      people: ['kai.berger@partner.example.de', 'lena@partner.example.de'],
    });
    expect(await db.people.get('jordan.lee@example.com')).toMatchObject({
      interactionCount: 4,
      firstMetAt: Date.parse('2026-10-26T14:00:00Z'),
      lastMetAt: Date.parse('2026-11-23T15:00:00Z'),
    });
    expect(await db.people.get('c_1888@resource.calendar.google.com')).toBeUndefined();
  });

  it('does not duplicate a meeting already logged from the page, and a second import changes nothing', async () => {
    const { events } = readIcs(text, { until: NOW });
    const pageLogged = events.find((e) => e.eventId === 'b028tvasrf4039si1mg44gaske_20261123T150000Z');
    if (!pageLogged) throw new Error('no instance');
    await logCalendarEvent(
      db,
      { ...pageLogged, selfEmail: ME[0] ?? null },
      { now: NOW, myEmails: ME, rules: DEFAULT_MEETING_RULES, confirmed: false },
    );
    const options = { now: NOW, myEmails: ME, rules: DEFAULT_MEETING_RULES, includeLarge: true };
    const first = await importEvents(db, events, options);
    expect(first).toMatchObject({ meetings: 6, alreadyLogged: 1 });
    const before = { people: await db.people.toArray(), interactions: await db.interactions.toArray() };
    const second = await importEvents(db, events, options);
    expect(second).toMatchObject({ meetings: 0, peopleAdded: 0, alreadyLogged: 7 });
    expect({ people: await db.people.toArray(), interactions: await db.interactions.toArray() }).toEqual(before);
    expect((await db.people.get('jordan.lee@example.com'))?.interactionCount).toBe(4);
  });
});
