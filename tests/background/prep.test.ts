import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher, type Sender } from '../../lib/background/dispatch';
import { AppDB } from '../../lib/db/app-db';
import { restoreHold } from '../../lib/logging/hold';
import type { Reply } from '../../lib/messaging-protocol';
import { TOKEN_LIFETIME_MS } from '../../lib/prep/tokens';
import { setSetting } from '../../lib/settings';
import { CONTENT, NO_FEEDS, NO_REMINDERS, PAGE, STRANGER } from '../helpers/background';
import { calendarEvent } from '../helpers/events';
import { DAY, person } from '../helpers/people';

// "Before you meet" through the background's one dispatcher: the Calendar tab's content script asks about a
// meeting and gets a token; the frame in that tab gets the panel's content for it, once.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const NOTE = 'her biggest challenge is the Q2 hiring plan';
let db: AppDB;
let clock = NOW;

beforeEach(async () => {
  fakeBrowser.reset();
  clock = NOW;
  db = new AppDB(`prep-${crypto.randomUUID()}`);
  await db.people.bulkAdd([
    person('priya@finance.example', NOW - 75 * DAY, { displayName: 'Priya Raman', note: NOTE, thanksOwedSince: NOW }),
    person('alex@example.com', NOW - DAY, { displayName: 'Alex Morgan' }),
  ]);
  await setSetting(db, 'myEmails', ['alex@example.com']);
});
afterEach(async () => {
  await db.delete();
});

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/') });
const dispatch = (message: unknown, sender: Sender): Promise<Reply> =>
  createDispatcher(
    db,
    { now: () => clock, reminders: NO_REMINDERS, feeds: NO_FEEDS },
    self(),
  )(message, sender) as Promise<Reply>;

/** The frame, as Chrome reports it: an extension document (its own origin, not the dynamic one) in the Calendar tab. */
const frameIn = (tabId: number): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/prep.html#token'),
  tab: { id: tabId },
});
const FRAME = frameIn(3); // CONTENT's tab

async function ask(guests = ['priya@finance.example', 'alex@example.com', 'new@guest.example']): Promise<string> {
  const reply = await dispatch(
    { command: 'askAboutGuests', data: { eventId: 'abc_20261125T120000Z', guests } },
    CONTENT,
  );
  expect(reply).toMatchObject({ ok: true, value: { token: expect.any(String) } });
  return (reply as { value: { token: string } }).value.token;
}
const brief = (token: string, sender = FRAME) => dispatch({ command: 'meetingBrief', data: { token } }, sender);

describe('asking about a meeting and reading its brief', () => {
  it('gives the content script a token only, and the frame in its tab the panel, once', async () => {
    const token = await ask();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const reply = await brief(token);
    expect(reply).toEqual({
      ok: true,
      value: {
        collapsed: false,
        brief: {
          known: [expect.objectContaining({ email: 'priya@finance.example', note: NOTE, thanksOwed: true })],
          newGuests: ['new@guest.example'],
        },
      },
    });
    expect(await brief(token)).toEqual({ ok: true, value: null });
  });

  it('gives nothing to a frame in another tab, to a made-up token, or once the token has expired', async () => {
    expect(await brief(await ask(), frameIn(4))).toEqual({ ok: true, value: null });
    expect(await brief('AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ ok: true, value: null });
    const token = await ask();
    clock = NOW + TOKEN_LIFETIME_MS;
    expect(await brief(token)).toEqual({ ok: true, value: null });
  });

  it('keeps the panel from the Calendar page and strangers, and the asking from pages', async () => {
    const token = await ask();
    for (const sender of [CONTENT, STRANGER]) {
      expect(await brief(token, sender)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
    }
    for (const sender of [PAGE, FRAME, STRANGER]) {
      const reply = await dispatch({ command: 'askAboutGuests', data: { eventId: 'x', guests: [] } }, sender);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
    }
    // The refusals spent nothing: the frame still gets its brief.
    expect(await brief(token)).toMatchObject({ ok: true, value: { brief: expect.anything() } });
  });

  it('refuses a token that is not one, in words', async () => {
    expect(await brief('<script>')).toEqual({ ok: false, error: 'This is not a meeting Bridges was asked about.' });
  });

  it('gives no token when the user turned the panel off, and says whether it is folded', async () => {
    await setSetting(db, 'prepPanel', false);
    expect(
      await dispatch({ command: 'askAboutGuests', data: { eventId: 'e', guests: ['priya@finance.example'] } }, CONTENT),
    ).toEqual({ ok: true, value: { token: null } });
    await setSetting(db, 'prepPanel', true);
    await setSetting(db, 'prepCollapsed', true);
    expect(await brief(await ask())).toMatchObject({ ok: true, value: { collapsed: true } });
  });

  it('folds the panel for every card through the settings, from the frame', async () => {
    expect(await dispatch({ command: 'saveSettings', data: { prepCollapsed: true } }, FRAME)).toMatchObject({
      ok: true,
    });
    expect(await brief(await ask())).toMatchObject({ ok: true, value: { collapsed: true } });
  });

  it('gives a token when every guest is new too: whether a frame appears must not tell the page whom Bridges knows', async () => {
    const token = await ask(['new@guest.example', 'alex@example.com']);
    expect(await brief(token)).toEqual({
      ok: true,
      value: { brief: { known: [], newGuests: ['new@guest.example'] }, collapsed: false },
    });
  });

  it('asks about at most 200 guests, and refuses more in words', async () => {
    const many = Array.from({ length: 201 }, (_, i) => `g${i}@x.example`);
    const reply = await dispatch({ command: 'askAboutGuests', data: { eventId: 'e', guests: many } }, CONTENT);
    expect(reply).toEqual({ ok: false, error: "Bridges can't read this event's guests." });
  });

  it('keeps a Calendar tab going while a restore holds the people and meetings: the token and a Log click are answered, and the brief once it ends', async () => {
    // A restore's one transaction, kept open (as its next part is awaited) until released.
    let released = false;
    let release = () => {};
    let opened = () => {};
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const holding = restoreHold.during(() =>
      db.transaction('rw', db.people, db.interactions, db.groups, async () => {
        // From a timer: the test goes on outside Dexie's zone for this transaction, as a message from a tab would.
        setTimeout(opened, 0);
        const until = new Promise<void>((resolve) => {
          release = resolve;
        }).then(() => {
          released = true;
        });
        while (!released) await Promise.race([db.groups.get('keep-alive'), until]);
      }),
    );
    await open;
    expect(restoreHold.active).toBe(true);
    const token = await ask();
    const briefing = brief(token); // the frame's question reads the people: it is answered once the restore ends
    const click = await dispatch(
      { command: 'logMeeting', data: { event: calendarEvent(NOW - DAY), confirmed: false } },
      CONTENT,
    );
    expect(click).toEqual({ ok: true, value: { status: 'logged', people: 4 } });
    expect(restoreHold.active).toBe(true);
    release();
    await holding;
    expect(await briefing).toMatchObject({ ok: true, value: { brief: { known: [{ note: NOTE }] } } });
  });
});
