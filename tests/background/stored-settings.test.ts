import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { moveSettingsFromLocalStorage } from '../../lib/background/move-settings';
import { closeStorageToContentScripts, openDatabase } from '../../lib/background/start';
import { AppDB, SCHEMA_V4 } from '../../lib/db/app-db';
import { withUpgrades } from '../../lib/db/upgrades';
import { sendMessage } from '../../lib/messaging';
import { getSetting, setSetting } from '../../lib/settings';
import { CONTENT, startBackground } from '../helpers/background';
import { seedVersion } from '../helpers/db';
import { calendarEvent, guest } from '../helpers/events';
import { FEED_URL } from '../helpers/feed';

// The settings live in the extension's database, where no content script reaches (Firefox lets one read and
// write the extension's local storage). They are checked when read as when written; releases before schema
// version 5 kept them in local storage, and the first start of this one moves them, once.
const NOW = Date.UTC(2026, 10, 25, 12);
const TUESDAY_1PM = Date.UTC(2026, 10, 24, 18);
let name: string;
let db: AppDB;

beforeEach(() => {
  fakeBrowser.reset();
  name = `settings-${crypto.randomUUID()}`;
  db = withUpgrades(new AppDB(name));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const local = () => fakeBrowser.storage.local;
const LEGACY = {
  meetingRules: { guestLimit: 12 },
  myEmails: ['alex.morgan@example.com'],
  feedSettings: { enabled: true, feeds: [{ id: 'f1', url: FEED_URL, calendar: 'me@corp.example' }] },
  reminders: { day: 3, hour: 8, counts: 'red', highOnly: false, notifications: false },
  reminders$: { v: 1 },
};

describe('the move out of local storage, at the first start of schema version 5', () => {
  it('moves what an existing install kept there, checked, and leaves local storage empty', async () => {
    await seedVersion(name, 4, SCHEMA_V4, {});
    await local().set(LEGACY);
    const report = await moveSettingsFromLocalStorage(db, local());
    expect(report.moved.sort()).toEqual(['feedSettings', 'meetingRules', 'myEmails', 'reminders']);
    expect(await getSetting(db, 'meetingRules')).toEqual({ guestLimit: 12 });
    expect(await getSetting(db, 'feedSettings')).toEqual(LEGACY.feedSettings);
    expect(await local().get(null)).toEqual({});
  });

  it('takes in only the settings those releases kept there: one added since never lived there', async () => {
    await seedVersion(name, 4, SCHEMA_V4, {});
    await local().set({ ...LEGACY, catchUp: { calendar: 'outlook-work', minutes: 45, title: 'Forged {name}' } });
    const report = await moveSettingsFromLocalStorage(db, local());
    expect(report.moved).not.toContain('catchUp');
    expect(await db.settings.get('catchUp')).toBeUndefined();
    expect(await local().get(null)).toEqual({});
  });

  it('leaves behind, and says, a value that fails its check (a guest limit of -5)', async () => {
    await seedVersion(name, 4, SCHEMA_V4, {});
    await local().set({ ...LEGACY, meetingRules: { guestLimit: -5 }, myEmails: ['not an address'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const report = await moveSettingsFromLocalStorage(db, local());
    expect(report.refused.map((p) => p.name).sort()).toEqual(['meetingRules', 'myEmails']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/guest limit could not be used/));
    expect(await getSetting(db, 'meetingRules')).toEqual({ guestLimit: 25 });
    expect(await db.settings.get('meetingRules')).toBeUndefined();
  });

  it('judges again the clicks a restore held, keeps the meeting they make, and drops forged ones', async () => {
    await seedVersion(name, 4, SCHEMA_V4, {});
    const event = calendarEvent(TUESDAY_1PM);
    await local().set({
      heldLogs: [
        { event, confirmed: false, logAnyway: false, at: NOW, people: 4 },
        {
          event: { ...event, eventId: 'huge', title: 'x'.repeat(300_000) },
          confirmed: false,
          logAnyway: false,
          at: NOW,
          people: 4,
        },
        {
          event: { ...event, eventId: 'old', start: Date.UTC(1800, 0, 1), end: Date.UTC(1800, 0, 1) },
          confirmed: false,
          logAnyway: false,
          at: NOW,
          people: 4,
        },
        {
          event: { ...event, eventId: 'name', guests: [guest('n@x.example', { name: 'n'.repeat(100_000) })] },
          confirmed: false,
          logAnyway: false,
          at: NOW,
          people: 1,
        },
      ],
    });
    const report = await moveSettingsFromLocalStorage(db, local());
    expect(report.heldClicks).toBe(1);
    const [held] = await db.heldClicks.toArray();
    expect(held?.meeting).toMatchObject({ key: 'gcal:k5058hfr4d2s30ltiuocpedthd', people: expect.any(Array) });
    expect(await local().get(null)).toEqual({});
  });

  it('takes in nothing on a new install, nor on any start after the move: local storage is emptied unread', async () => {
    // A Firefox content script wrote its own "settings" to local storage.
    await local().set({ feedSettings: { enabled: true, feeds: [{ id: 'x', url: FEED_URL, calendar: 'x' }] } });
    expect(await moveSettingsFromLocalStorage(db, local())).toEqual({ moved: [], refused: [], heldClicks: 0 });
    expect(await getSetting(db, 'feedSettings')).toEqual({ enabled: false, feeds: [] });
    expect(await local().get(null)).toEqual({});

    await local().set({ myEmails: ['colleague@example.com'] });
    await moveSettingsFromLocalStorage(db, local());
    expect(await getSetting(db, 'myEmails')).toEqual([]);
  });

  it("is part of the background's start, which opens (and upgrades) the database", async () => {
    await seedVersion(name, 4, SCHEMA_V4, {});
    await local().set(LEGACY);
    await openDatabase(db, local());
    expect(db.isOpen()).toBe(true);
    expect(await getSetting(db, 'myEmails')).toEqual(['alex.morgan@example.com']);
  });
});

describe('a stored setting is checked when it is read', () => {
  it('ignores and says a guest limit no check would have let through, and logs by the default', async () => {
    await db.settings.put({ name: 'meetingRules', value: { guestLimit: -5 } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await getSetting(db, 'meetingRules')).toEqual({ guestLimit: 25 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/guest limit could not be used.*default/));
    const stop = startBackground(db, { now: () => NOW }, CONTENT).stop;
    try {
      // Four people, far under 25: logged without a second click (a limit of -5 would have asked).
      expect(await sendMessage('logMeeting', { event: calendarEvent(TUESDAY_1PM), confirmed: false })).toEqual({
        status: 'logged',
        people: 4,
      });
    } finally {
      stop();
    }
  });

  it('never fetches a stored feed address that is not a secret iCal address', async () => {
    await db.settings.put({
      name: 'feedSettings',
      value: {
        enabled: true,
        feeds: [
          {
            id: 'f1',
            url: 'https://calendar.google.com/calendar/ical/%2e%2e/private-0123456789abcdef/basic.ics',
            calendar: 'x',
          },
        ],
      },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await getSetting(db, 'feedSettings')).toEqual({ enabled: false, feeds: [] });
  });

  it('refuses to store a value that fails its check', async () => {
    await expect(setSetting(db, 'meetingRules', { guestLimit: 0 })).rejects.toThrow(/guest limit/);
    expect(await db.settings.get('meetingRules')).toBeUndefined();
  });
});

describe("the extension's storage areas", () => {
  it('are closed to content scripts at the start where the browser can (Chrome)', async () => {
    const calls: string[] = [];
    const areas = fakeBrowser.storage as unknown as Record<
      string,
      { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> }
    >;
    for (const area of ['local', 'sync', 'session'] as const) {
      const target = areas[area] as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
      target.setAccessLevel = async (o) => {
        calls.push(`${area}:${o.accessLevel}`);
      };
    }
    try {
      await closeStorageToContentScripts();
    } finally {
      for (const area of ['local', 'sync', 'session'] as const)
        delete (areas[area] as { setAccessLevel?: unknown }).setAccessLevel;
    }
    // Session storage (the popup's first screen) is closed by default; it is closed again all the same.
    expect(calls).toEqual(['local:TRUSTED_CONTEXTS', 'sync:TRUSTED_CONTEXTS', 'session:TRUSTED_CONTEXTS']);
  });
});
