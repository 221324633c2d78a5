import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importEvents, readIcs } from '../../lib/data/ics';
import { AppDB } from '../../lib/db/app-db';
import type { Upcoming } from '../../lib/db/types';
import { logCalendarEvent } from '../../lib/logging/meeting-log';
import { DEFAULT_MEETING_RULES } from '../../lib/logging/rules';
import { meetingsLogged, noteUpcoming, sweepUpcoming } from '../../lib/logging/upcoming';
import { BOOKED_HORIZON_MS } from '../../lib/relationships/booking';
import { calendarEvent } from '../helpers/events';
import { DAY, person } from '../helpers/people';

// Meetings booked ahead are not contacts; each person carries the start of their next one, kept by the background.
const NOW = Date.UTC(2026, 10, 25, 12);
let db: AppDB;

beforeEach(() => {
  fakeBrowser.reset();
  db = new AppDB(`upcoming-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const booked = (key: string, start: number, people: string[]): Upcoming => ({
  key,
  title: key,
  start,
  end: start + 3_600_000,
  people,
  source: 'google-calendar',
  calendarId: null,
  notedAt: NOW,
});

describe('meetings booked ahead', () => {
  it("give each known person their next meeting, the earliest, and change no one's last meeting", async () => {
    await db.people.bulkAdd([person('priya@x.example', NOW - 70 * DAY), person('sam@x.example', NOW - 5 * DAY)]);
    await noteUpcoming(
      db,
      [
        booked('gcal:b', NOW + 9 * DAY, ['priya@x.example']),
        booked('gcal:a', NOW + 2 * DAY, ['priya@x.example', 'new@x.example']),
      ],
      NOW,
    );
    expect(await db.people.get('priya@x.example')).toMatchObject({
      nextMeetingAt: NOW + 2 * DAY,
      lastMetAt: NOW - 70 * DAY,
    });
    expect((await db.people.get('sam@x.example'))?.nextMeetingAt).toBeNull();
    expect(await db.people.get('new@x.example')).toBeUndefined(); // booked with is not met
  });

  it('leave out a meeting already in the log', async () => {
    await db.interactions.add({ key: 'gcal:a', people: [] } as never);
    expect(await noteUpcoming(db, [booked('gcal:a', NOW + DAY, ['priya@x.example'])], NOW)).toEqual({
      noted: 0,
      already: 0,
    });
    expect(await db.upcoming.count()).toBe(0);
  });

  it('are replaced by the logged meeting when it has happened, and the next one counts', async () => {
    await db.people.add(person('priya.raman@example.com', NOW - 70 * DAY));
    const start = Date.UTC(2026, 10, 24, 18);
    await noteUpcoming(
      db,
      [
        booked('gcal:k5058hfr4d2s30ltiuocpedthd', start, ['priya.raman@example.com']),
        booked('gcal:later', NOW + 7 * DAY, ['priya.raman@example.com']),
      ],
      start - DAY,
    );
    const outcome = await logCalendarEvent(db, calendarEvent(start), {
      now: NOW,
      myEmails: [],
      rules: DEFAULT_MEETING_RULES,
      confirmed: false,
    });
    expect(outcome).toMatchObject({ status: 'logged' });
    expect(await db.upcoming.toCollection().primaryKeys()).toEqual(['gcal:later']);
    expect(await db.people.get('priya.raman@example.com')).toMatchObject({
      lastMetAt: start,
      nextMeetingAt: NOW + 7 * DAY,
    });
  });

  it('give a person first met now the next meeting already booked with them', async () => {
    await noteUpcoming(db, [booked('gcal:later', NOW + 7 * DAY, ['kim@x.example'])], NOW);
    await db.people.add(person('kim@x.example', NOW - DAY)); // logged by another meeting
    await meetingsLogged(db, [{ key: 'gcal:other', people: ['kim@x.example'] }], NOW);
    expect((await db.people.get('kim@x.example'))?.nextMeetingAt).toBe(NOW + 7 * DAY);
  });

  it('that passed without being logged are dropped the day after, and stop counting', async () => {
    await db.people.add(person('priya@x.example', NOW - 70 * DAY));
    await noteUpcoming(
      db,
      [booked('gcal:a', NOW + DAY, ['priya@x.example']), booked('gcal:b', NOW + 20 * DAY, ['priya@x.example'])],
      NOW,
    );
    await sweepUpcoming(db, NOW + 1.5 * DAY); // half a day after: still counts, there is a day to log it
    expect((await db.people.get('priya@x.example'))?.nextMeetingAt).toBe(NOW + DAY);
    await sweepUpcoming(db, NOW + 2.5 * DAY);
    expect(await db.upcoming.toCollection().primaryKeys()).toEqual(['gcal:b']);
    expect((await db.people.get('priya@x.example'))?.nextMeetingAt).toBe(NOW + 20 * DAY);
  });

  it('after a restore, follow this browser: a restored person carries what is booked here, not in the backup', async () => {
    await db.people.add(person('priya@x.example', NOW - 70 * DAY, { nextMeetingAt: NOW + 5 * DAY }));
    await sweepUpcoming(db, NOW, true);
    expect((await db.people.get('priya@x.example'))?.nextMeetingAt).toBeNull();
  });
});

describe('within the transaction of a whole import', () => {
  it('notes meetings ahead after logging those past, in the one transaction the import command opens', async () => {
    // A file of 2,548 instances, past and ahead: the meetings logged, their people refreshed, then the meetings
    // ahead noted. The transaction used to be lost on the way back from the refresh ("Transaction has already
    // completed or failed"), and the whole import with it.
    const at = Date.UTC(2026, 10, 28, 20);
    const text = readFileSync(join(process.cwd(), 'tests/fixtures/ics/absurd.ics'), 'utf8');
    const { events } = readIcs(text, { until: at + BOOKED_HORIZON_MS });
    const summary = await db.transaction('rw', db.interactions, db.people, db.upcoming, () =>
      importEvents(db, events, { now: at, myEmails: [], rules: DEFAULT_MEETING_RULES, includeLarge: false }),
    );
    expect(summary.booked).toBeGreaterThan(0);
    expect(summary.meetings).toBeGreaterThan(0);
    expect(await db.upcoming.count()).toBe(summary.booked);
    expect(await db.interactions.count()).toBe(summary.meetings);
  });
});
