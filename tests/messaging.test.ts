import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher, type Sender, senderKind } from '../lib/background/dispatch';
import { COMMANDS, type CommandName } from '../lib/commands';
import { AppDB } from '../lib/db/app-db';
import { sendMessage } from '../lib/messaging';
import { CONTENT, NO_FEEDS, NO_REMINDERS, PAGE, STRANGER, startBackground } from './helpers/background';

let db: AppDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new AppDB(`protocol-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/') });
const dispatch = (message: unknown, sender: Sender) =>
  createDispatcher(
    db,
    { now: () => Date.UTC(2026, 10, 25), reminders: NO_REMINDERS, feeds: NO_FEEDS },
    self(),
  )(message, sender);

describe('who a sender is', () => {
  it("is a page for the extension's own pages, with or without a tab", () => {
    expect(senderKind(PAGE, self())).toBe('page');
    expect(senderKind({ id: self().id, url: fakeBrowser.runtime.getURL('/popup.html') }, self())).toBe('page');
  });
  it('is a page for "Before you meet" in its frame of the Calendar tab, as Chrome reports that frame', () => {
    // Loaded at a dynamic address, the frame still sends under the extension's own id, origin and address, in
    // Calendar's tab (tests/e2e/content-world.e2e.ts checks this against what Chromium reports).
    const origin = self().origin.replace(/\/$/, '');
    const url = fakeBrowser.runtime.getURL('/prep.html#t0k3n');
    expect(senderKind({ id: self().id, origin, url, tab: { id: 3 } }, self())).toBe('page');
    // Where the browser gives no origin, the address decides.
    const frame = { id: self().id, url, tab: { id: 3 } };
    expect(senderKind(frame, self())).toBe('page');
    expect(senderKind({ ...frame, url: 'chrome-extension://a-dynamic-uuid/prep.html#t0k3n' }, self())).toBeNull();
  });
  it('is the content script for a tab on calendar.google.com', () => {
    expect(senderKind(CONTENT, self())).toBe('content');
  });
  it('is judged by the origin first, where the browser gives it', () => {
    const origin = self().origin.replace(/\/$/, '');
    const id = self().id;
    expect(senderKind({ id, origin, url: fakeBrowser.runtime.getURL('/popup.html') }, self())).toBe('page');
    // A page open in a tab, as Chrome reports the management page.
    expect(senderKind({ id, origin, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 2 } }, self())).toBe(
      'page',
    );
    expect(
      senderKind(
        { id, origin: 'https://calendar.google.com', url: 'https://calendar.google.com/r', tab: { id: 1 } },
        self(),
      ),
    ).toBe('content');
    // A frame of about:blank in Calendar's page has Calendar's origin: the content script there is still ours.
    expect(senderKind({ id, origin: 'https://calendar.google.com', url: 'about:blank', tab: { id: 1 } }, self())).toBe(
      'content',
    );
    // An origin that is neither decides, whatever the URL says.
    expect(
      senderKind({ id, origin: 'https://evil.example', url: 'https://calendar.google.com/r', tab: { id: 1 } }, self()),
    ).toBeNull();
    expect(
      senderKind({ id, origin: 'https://evil.example', url: fakeBrowser.runtime.getURL('/popup.html') }, self()),
    ).toBeNull();
    expect(
      senderKind({ id, origin: 'https://calendar.google.com', url: 'https://calendar.google.com/r' }, self()),
    ).toBeNull();
  });
  it('is nobody for another extension, another site, a Calendar look-alike, or a frame with no tab', () => {
    expect(senderKind(STRANGER, self())).toBeNull();
    expect(senderKind({ id: self().id, url: 'https://calendar.google.com.evil.example/', tab: {} }, self())).toBeNull();
    expect(senderKind({ id: self().id, url: 'https://evil.example/calendar.google.com/', tab: {} }, self())).toBeNull();
    expect(senderKind({ id: self().id, url: 'https://calendar.google.com/x' }, self())).toBeNull();
    expect(senderKind({ url: fakeBrowser.runtime.getURL('/options.html') }, self())).toBeNull();
  });
});

describe('the dispatcher', () => {
  it('ignores messages that are not commands', () => {
    expect(dispatch({ type: 'logMeeting' }, PAGE)).toBeUndefined();
    expect(dispatch({ command: 'toString' }, PAGE)).toBeUndefined();
    expect(dispatch({ command: '__proto__' }, PAGE)).toBeUndefined();
    expect(dispatch(null, PAGE)).toBeUndefined();
  });

  // Every command, from every sender it does not accept: refused with a sentence, before its input is read.
  const names = Object.keys(COMMANDS) as CommandName[];
  for (const name of names) {
    const cmd = COMMANDS[name];
    const wrong = [PAGE, CONTENT, STRANGER].filter((s) => !cmd.from.includes(senderKind(s, self()) as never));
    it(`refuses "${name}" from ${wrong.length} sender(s) it does not accept`, async () => {
      expect(wrong.length).toBeGreaterThan(0); // a stranger is never accepted
      for (const sender of wrong) {
        const reply = await dispatch({ command: name, data: {} }, sender);
        expect(reply).toEqual({
          ok: false,
          error: expect.stringMatching(/^Refused: only .* may ask Bridges to do that\.$/),
        });
      }
    });
  }

  it('lets a content script do nothing but log a meeting (or note one to come as booked) and ask about one', () => {
    const forContent = names.filter((n) => COMMANDS[n].from.includes('content')).sort();
    // Asking about its guests ("Before you meet") gives it a token, never what Bridges knows of them.
    expect(forContent).toEqual(['askAboutGuests', 'logMeeting', 'meetingStatus', 'noteBooked']);
  });

  it('refuses a deletion or merge sent from the Calendar page, and changes nothing', async () => {
    await db.people.add({ email: 'priya@x.example' } as never);
    expect(await dispatch({ command: 'deletePerson', data: { email: 'priya@x.example' } }, CONTENT)).toMatchObject({
      ok: false,
    });
    expect(
      await dispatch({ command: 'mergePeople', data: { keep: 'a@x.example', gone: 'priya@x.example' } }, CONTENT),
    ).toMatchObject({ ok: false });
    expect(await dispatch({ command: 'deleteAll', data: { confirm: 'DELETE' } }, CONTENT)).toMatchObject({ ok: false });
    expect(await db.people.count()).toBe(1);
  });

  it('answers bad input with a sentence, never raw validator text', async () => {
    const garbage = [undefined, null, 42, 'x', [], { extra: true }, { emails: 'all', patch: 1 }];
    for (const name of names) {
      const sender = COMMANDS[name].from.includes('page') ? PAGE : CONTENT;
      for (const data of garbage) {
        const reply = await dispatch({ command: name, data }, sender);
        if (reply?.ok) continue; // an empty input is a whole request for some commands
        expect(reply?.error, `${name} ${JSON.stringify(data)}`).not.toMatch(/Invalid (type|key|length|value)|Expected/);
        expect(reply?.error).toMatch(/[.!?]$/);
      }
    }
  });

  it('says what a cadence rule broke', async () => {
    const reply = await dispatch(
      { command: 'updatePeople', data: { emails: ['a@x.example'], patch: { idealDays: 30, maxDays: 7 } } },
      PAGE,
    );
    expect(reply).toEqual({
      ok: false,
      error: "The cadence's maximum (7 days) must be at least its ideal interval (30 days).",
    });
  });

  it('describes a failure while running, and a full disk as such', async () => {
    const spy = vi.spyOn(db.people, 'bulkGet').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    const reply = await dispatch(
      { command: 'updatePeople', data: { emails: ['a@x.example'], patch: { team: true } } },
      PAGE,
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Your disk is full/) });
    spy.mockRejectedValue(new Error('boom'));
    expect(
      await dispatch({ command: 'updatePeople', data: { emails: ['a@x.example'], patch: { team: true } } }, PAGE),
    ).toEqual({ ok: false, error: 'Something went wrong in Bridges, and nothing was saved: boom' });
  });

  it('every command input is a valibot schema and every command says who may send it', () => {
    for (const name of names) {
      expect(COMMANDS[name].from.length, name).toBeGreaterThan(0);
      expect(v.safeParse(COMMANDS[name].input, Symbol('x')).success, name).toBe(false);
    }
  });
});

describe('sending commands through the runtime', () => {
  it('carries an answer and a refusal back to the sender', async () => {
    const { stop } = startBackground(db);
    expect(await sendMessage('meetingStatus', { eventId: 'x' }).catch((e: Error) => e.message)).toMatch(/^Refused/);
    await expect(sendMessage('weeklyPick', {})).resolves.toEqual({ email: null });
    stop();
  });

  it('says when nothing answered (the extension was reloaded)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await expect(sendMessage('weeklyPick', {})).rejects.toMatchObject({ name: 'NoAnswer' });
  });
});
