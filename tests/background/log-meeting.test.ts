import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { getSetting, setSetting } from '../../lib/settings';
import { CONTENT, startBackground } from '../helpers/background';
import { calendarEvent, guest, HOUR, SELF } from '../helpers/events';
import { DAY } from '../helpers/people';

// The background's handling, end to end through the message protocol, on fake-indexeddb and fakeBrowser.
const NOW = Date.UTC(2026, 10, 25, 12);
const TUESDAY_1PM = Date.UTC(2026, 10, 24, 18);
let db: AppDB;
let clock = NOW;
let stop: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new AppDB(`test-${crypto.randomUUID()}`);
  clock = NOW;
  stop = startBackground(db, { now: () => clock }, CONTENT).stop;
});
afterEach(async () => {
  stop();
  await db.delete();
});

const log = (event = calendarEvent(TUESDAY_1PM), confirmed = false) => sendMessage('logMeeting', { event, confirmed });

describe('logging a meeting from a Calendar card', () => {
  it('records the meeting and every real person in it, skipping me, and declined guests', async () => {
    expect(await log()).toEqual({ status: 'logged', people: 4 });
    const meeting = await db.interactions.get('gcal:k5058hfr4d2s30ltiuocpedthd');
    expect(meeting).toMatchObject({
      title: 'Q4 planning review',
      start: TUESDAY_1PM,
      end: TUESDAY_1PM + HOUR,
      kind: 'meeting',
      source: 'google-calendar',
      loggedAt: NOW,
    });
    expect(meeting?.people).toEqual([
      'priya.raman@example.com',
      'jordan.lee@example.com',
      'wei.chen@example.com',
      'dana.kim@example.net',
    ]);
    expect(meeting?.attendees.find((a) => a.email === 'wei.chen@example.com')).toEqual({
      email: 'wei.chen@example.com',
      displayName: 'Wei Chen',
      response: 'tentative',
      organizer: false,
      optional: true,
    });
    const people = await db.people.orderBy('email').toArray();
    expect(
      people.map((p) => [p.email, p.displayName, p.organisation, p.firstMetAt, p.lastMetAt, p.interactionCount]),
    ).toEqual([
      ['dana.kim@example.net', 'dana.kim@example.net', 'example.net', TUESDAY_1PM, TUESDAY_1PM, 1],
      ['jordan.lee@example.com', 'Jordan Lee', 'example.com', TUESDAY_1PM, TUESDAY_1PM, 1],
      ['priya.raman@example.com', 'Priya Raman', 'example.com', TUESDAY_1PM, TUESDAY_1PM, 1],
      ['wei.chen@example.com', 'Wei Chen', 'example.com', TUESDAY_1PM, TUESDAY_1PM, 1],
    ]);
    expect(await db.people.get(SELF)).toBeUndefined();
    expect(await db.people.get('sam.okafor@partner.example.org')).toBeUndefined();
  });

  it('is idempotent: logging the same event again changes nothing', async () => {
    await log();
    const before = { people: await db.people.toArray(), meetings: await db.interactions.toArray() };
    expect(await log()).toEqual({ status: 'already-logged', people: 4 });
    expect(await log(calendarEvent(TUESDAY_1PM, { title: 'Renamed' }))).toEqual({
      status: 'already-logged',
      people: 4,
    });
    expect({ people: await db.people.toArray(), meetings: await db.interactions.toArray() }).toEqual(before);
  });

  it('logs each instance of a recurring meeting as its own meeting, and keeps first/last met and counts', async () => {
    const week = 7 * 24 * HOUR;
    const instance = (start: number) =>
      calendarEvent(start, {
        eventId: `b028tvasrf4039si1mg44gaske_${new Date(start).toISOString().replace(/[-:]|\.\d+/g, '')}`,
        guests: [guest(SELF), guest('jordan.lee@example.com', { name: 'Jordan Lee' })],
      });
    const first = Date.UTC(2026, 10, 9, 15);
    // Logged out of order: the counts and first/last met do not depend on the order of logging.
    for (const start of [first + week, first, first + 2 * week])
      expect(await log(instance(start))).toEqual({ status: 'logged', people: 1 });
    expect(await db.interactions.count()).toBe(3);
    expect(await db.people.get('jordan.lee@example.com')).toMatchObject({
      firstMetAt: first,
      lastMetAt: first + 2 * week,
      interactionCount: 3,
    });
    expect(await db.interactions.where('people').equals('jordan.lee@example.com').count()).toBe(3);
  });

  it('does not log a meeting that has not started yet', async () => {
    expect(await log(calendarEvent(NOW + 60_000))).toEqual({ status: 'not-started' });
    expect(await db.interactions.count()).toBe(0);
  });

  it('logs a meeting in progress (started, not ended)', async () => {
    expect(await log(calendarEvent(NOW - 60_000))).toEqual({ status: 'logged', people: 4 });
  });

  it("does not log a meeting I declined, by my row or by the card's RSVP", async () => {
    const byRow = calendarEvent(TUESDAY_1PM, {
      guests: [guest(SELF, { response: 'declined' }), guest('jordan.lee@example.com')],
    });
    expect(await log(byRow)).toEqual({ status: 'declined' });
    expect(await log(calendarEvent(TUESDAY_1PM, { selfDeclined: true }))).toEqual({ status: 'declined' });
    expect(await db.people.count()).toBe(0);
  });

  it('skips rooms and resources, and says there is no one to log when only they remain', async () => {
    const roomOnly = calendarEvent(TUESDAY_1PM, { guests: [guest(SELF), guest('c_123@resource.calendar.google.com')] });
    expect(await log(roomOnly)).toEqual({ status: 'no-one' });
    expect(await log(calendarEvent(TUESDAY_1PM, { guests: [] }))).toEqual({ status: 'no-one' });
    expect(await db.interactions.count()).toBe(0);
  });

  it('treats any of my known addresses as me', async () => {
    await setSetting(db, 'myEmails', ['alex@alias.example']);
    const event = calendarEvent(TUESDAY_1PM, {
      guests: [guest('Alex@Alias.example'), guest('jordan.lee@example.com')],
    });
    expect(await log(event)).toEqual({ status: 'logged', people: 1 });
  });

  it('learns my address from the Calendar account only after seeing it on three days', async () => {
    await log();
    expect(await getSetting(db, 'myEmails')).toEqual([]);
    expect(await db.people.get(SELF)).toBeUndefined(); // left out of the meeting all the same
    const later = (days: number) => calendarEvent(TUESDAY_1PM - days * DAY, { eventId: `e${days}` });
    clock = NOW + DAY;
    await log(later(1));
    expect(await getSetting(db, 'myEmails')).toEqual([]);
    clock = NOW + 2 * DAY;
    await log(later(2));
    expect(await getSetting(db, 'myEmails')).toEqual([SELF]);
  });

  it('never turns someone already in the log into "me" because a card says so (a forged card)', async () => {
    await log(); // priya.raman@example.com is in the log now
    const forged = calendarEvent(TUESDAY_1PM - DAY, {
      eventId: 'forged',
      selfEmail: 'priya.raman@example.com',
      guests: [guest('priya.raman@example.com'), guest('jordan.lee@example.com')],
    });
    for (let day = 0; day < 5; day++) {
      clock = NOW + day * DAY;
      await log({ ...forged, eventId: `forged${day}` });
    }
    expect(await getSetting(db, 'myEmails')).toEqual([]);
    expect((await db.interactions.get('gcal:forged0'))?.people).toContain('priya.raman@example.com');
    expect((await getSetting(db, 'ownAddresses')).sightings.map((s) => s.email)).toContain('priya.raman@example.com');
  });

  it('learns at most a few addresses on its own; more wait for the user', async () => {
    for (let n = 0; n < 5; n++) {
      for (let day = 0; day < 3; day++) {
        clock = NOW + (n * 3 + day) * DAY;
        await log(calendarEvent(TUESDAY_1PM, { eventId: `m${n}d${day}`, selfEmail: `me${n}@corp.example` }));
      }
    }
    expect(await getSetting(db, 'myEmails')).toEqual(['me0@corp.example', 'me1@corp.example', 'me2@corp.example']);
  });

  it('asks for a second click past the guest limit (25 by default), then logs everyone', async () => {
    const guests = [guest(SELF), ...Array.from({ length: 30 }, (_, i) => guest(`g${i}@bigco.example`))];
    const event = calendarEvent(TUESDAY_1PM, { guests });
    expect(await log(event)).toEqual({ status: 'needs-confirmation', count: 30, limit: 25 });
    expect(await db.interactions.count()).toBe(0);
    expect(await log(event, true)).toEqual({ status: 'logged', people: 30 });
  });

  it('uses the guest limit from the settings', async () => {
    await setSetting(db, 'meetingRules', { guestLimit: 3 });
    expect(await log()).toEqual({ status: 'needs-confirmation', count: 4, limit: 3 });
  });

  it('refuses malformed events from a content script and stores nothing', async () => {
    const bad: unknown[] = [
      null,
      {},
      { ...calendarEvent(TUESDAY_1PM), eventId: 'x y' },
      { ...calendarEvent(TUESDAY_1PM), start: 'tomorrow' },
      { ...calendarEvent(TUESDAY_1PM), end: TUESDAY_1PM - 1 },
      { ...calendarEvent(TUESDAY_1PM), start: Date.UTC(1850, 0, 1) },
      { ...calendarEvent(TUESDAY_1PM), title: 'x'.repeat(10_000_000) },
      { ...calendarEvent(TUESDAY_1PM), guests: [{ email: 'a@b.example', response: 'yes' }] },
    ];
    for (const event of bad) {
      await expect(sendMessage('logMeeting', { event: event as never, confirmed: false })).rejects.toThrow(
        /^Bridges can't read this event: .*Nothing was saved\.$/,
      );
    }
    expect(await db.interactions.count()).toBe(0);
  });

  it('stores hostile names and titles exactly as text', async () => {
    const title = '<img src=x onerror=alert(1)>';
    const name = '<script>alert(2)</script>';
    await log(calendarEvent(TUESDAY_1PM, { title, guests: [guest('m@evil.example', { name })] }));
    expect((await db.interactions.toArray())[0]?.title).toBe(title);
    expect((await db.people.get('m@evil.example'))?.displayName).toBe(name);
  });

  it('answers whether an event is logged', async () => {
    expect(await sendMessage('meetingStatus', { eventId: 'k5058hfr4d2s30ltiuocpedthd' })).toEqual({ logged: false });
    await log();
    expect(await sendMessage('meetingStatus', { eventId: 'k5058hfr4d2s30ltiuocpedthd' })).toEqual({
      logged: true,
      people: 4,
    });
  });
});
