// @vitest-environment happy-dom
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEventCard } from '../../lib/calendar/google/card';
import { readEditPage } from '../../lib/calendar/google/edit-page';
import { findCard } from '../../lib/calendar/google/selectors';
import { cardFixtures, EXPECTED, editFixtures, fixtureDocument } from '../helpers/fixtures';

// The saved cards show late November 2026; the clock is passed in, never read.
const NOW = Date.UTC(2026, 11, 1);
const read = (name: string) => {
  const doc = fixtureDocument(name);
  return readEventCard(doc, findCard(doc), { now: NOW, fallbackTimeZone: 'Pacific/Auckland' });
};

const EDIT_URL =
  'https://calendar.google.com/calendar/u/0/r/eventedit/azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20';
const readEdit = (name: string) =>
  readEditPage(fixtureDocument(name), EDIT_URL, { now: NOW, fallbackTimeZone: 'Pacific/Auckland' });

/** Compares a reading with its golden file; UPDATE_GOLDEN=1 rewrites it. A missing golden file fails. */
function matchesGolden(name: string, reading: unknown): void {
  const goldenPath = `${EXPECTED}${name.replace(/\.html$/, '.json')}`;
  const actual = `${JSON.stringify(reading, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, actual);
  expect(existsSync(goldenPath), `no golden file ${goldenPath}: run with UPDATE_GOLDEN=1 and read it`).toBe(true);
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}

describe('readEventCard against every saved card (golden files in tests/expected/google-calendar/)', () => {
  for (const name of cardFixtures()) it(name, () => matchesGolden(name, read(name)));
});

describe('readEditPage against every saved event page (golden files beside the cards)', () => {
  for (const name of editFixtures()) it(name, () => matchesGolden(name, readEdit(name)));
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('what each card yields, in words', () => {
  it('English 12-hour: 1:00 – 2:00pm in New York is 18:00–19:00 UTC, six guests with their answers', () => {
    const r = read('dialog.en-12h.html');
    if (!r.ok) throw new Error(r.message);
    expect(r.event.title).toBe('Q4 planning review');
    expect([iso(r.event.start), iso(r.event.end)]).toEqual(['2026-11-24T18:00:00.000Z', '2026-11-24T19:00:00.000Z']);
    expect(r.event.timeZone).toBe('America/New_York');
    expect(r.event.eventId).toBe('k5058hfr4d2s30ltiuocpedthd');
    expect(r.event.selfEmail).toBe('alex.morgan@example.com');
    expect(r.event.guests.map((g) => [g.email, g.response, g.organizer, g.optional])).toEqual([
      ['priya.raman@example.com', 'accepted', true, false],
      ['alex.morgan@example.com', 'accepted', false, false],
      ['jordan.lee@example.com', 'accepted', false, false],
      ['sam.okafor@partner.example.org', 'declined', false, false],
      ['wei.chen@example.com', 'tentative', false, true],
      ['dana.kim@example.net', 'needsAction', false, false],
    ]);
  });

  it('English 24-hour: 13:00 – 14:00 is the same instant as 1:00 – 2:00pm, and the room is listed as a guest', () => {
    const r = read('dialog.en-24h.html');
    if (!r.ok) throw new Error(r.message);
    expect(iso(r.event.start)).toBe('2026-11-24T18:00:00.000Z');
    expect(r.event.guests.map((g) => g.email)).toContain('c_1888abc@resource.calendar.google.com');
  });

  it("German: Calendar's own zone (Berlin) is used, not the computer's: 13:00 is 12:00 UTC", () => {
    const r = read('dialog.de.html');
    if (!r.ok) throw new Error(r.message);
    expect([iso(r.event.start), iso(r.event.end)]).toEqual(['2026-11-24T12:00:00.000Z', '2026-11-24T13:00:00.000Z']);
    expect(r.event.guests.find((g) => g.email === 'priya.raman@example.com')?.organizer).toBe(true);
    expect(r.event.guests.find((g) => g.email === 'sam.okafor@partner.example.org')?.response).toBe('declined');
  });

  it('Japanese 12-hour (午後), day read from the text: 午後1:00～2:00 in Tokyo is 04:00–05:00 UTC', () => {
    const r = read('dialog.ja.html');
    if (!r.ok) throw new Error(r.message);
    expect([iso(r.event.start), iso(r.event.end)]).toEqual(['2026-11-24T04:00:00.000Z', '2026-11-24T05:00:00.000Z']);
    expect(r.event.guests[0]?.name).toBe('ラマン・プリヤ');
    expect(r.event.guests.find((g) => g.email === 'wei.chen@example.com')?.optional).toBe(true);
  });

  it('a recurring instance has its own id and its exact start from that id', () => {
    const r = read('dialog.recurring.html');
    if (!r.ok) throw new Error(r.message);
    expect(r.event.eventId).toBe('b028tvasrf4039si1mg44gaske_20261123T150000Z');
    expect([iso(r.event.start), iso(r.event.end)]).toEqual(['2026-11-23T15:00:00.000Z', '2026-11-23T15:30:00.000Z']);
  });

  it('a meeting across midnight ends the next day', () => {
    const r = read('dialog.cross-midnight.html');
    if (!r.ok) throw new Error(r.message);
    expect([iso(r.event.start), iso(r.event.end)]).toEqual(['2026-11-28T03:00:00.000Z', '2026-11-28T11:30:00.000Z']);
  });

  it("an all-day event spans the day in Calendar's zone", () => {
    const r = read('dialog.all-day.html');
    if (!r.ok) throw new Error(r.message);
    expect(r.event.allDay).toBe(true);
    expect([iso(r.event.start), iso(r.event.end)]).toEqual(['2026-11-24T05:00:00.000Z', '2026-11-25T05:00:00.000Z']);
  });

  it('the declined card says the user declined', () => {
    const r = read('dialog.declined.html');
    if (!r.ok) throw new Error(r.message);
    expect(r.event.selfDeclined).toBe(true);
    expect(r.event.guests.find((g) => g.email === 'alex.morgan@example.com')?.response).toBe('declined');
  });

  it('hostile text stays text: the title and the name are read exactly as the page shows them', () => {
    const r = read('dialog.hostile.html');
    if (!r.ok) throw new Error(r.message);
    expect(r.event.title).toBe('<img src=x onerror="window.__pwned=1"> Budget & <b>plans</b>');
    expect(r.event.guests.find((g) => g.email === 'mallory@evil.example')?.name).toBe(
      '<script>window.__pwned=2</script>Mallory',
    );
  });

  it('a redesigned card that cannot be read yields a plain message, not a guess', () => {
    const r = read('dialog.redesigned.html');
    expect(r).toEqual({
      ok: false,
      problem: 'no-time',
      message: "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
    });
  });

  it('a page with no card open says so', () => {
    const doc = fixtureDocument('week-view.html');
    expect(readEventCard(doc, findCard(doc), { now: NOW, fallbackTimeZone: 'UTC' })).toMatchObject({
      ok: false,
      problem: 'no-card',
    });
  });
});

const event = (name: string) => {
  const r = read(name);
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.event;
};

describe('issue 8: cards shaped the way the real page is', () => {
  it('marks a Google Group as a group, and leaves out the members Calendar keeps hidden', () => {
    const e = event('dialog.group.html');
    expect(e.guests.filter((g) => g.group).map((g) => g.email)).toEqual(['eng-leads@example.com']);
    expect(e.guests.map((g) => g.email)).not.toContain('lena.fischer@example.com');
    expect(e.partialGuests).toBeUndefined();
  });

  it("lists a group's members when Calendar lists them (expanded), as people", () => {
    const e = event('dialog.group-expanded.html');
    const members = e.guests.filter((g) => g.email.endsWith('@example.com') && !g.group).map((g) => g.name);
    expect(members).toEqual(expect.arrayContaining(['Lena Fischer', 'Omar Haddad', 'Yuki Tanaka']));
    expect(e.guests.find((g) => g.email === 'lena.fischer@example.com')?.group).toBeUndefined();
  });

  it.each(['dialog.rotated.html', 'dialog.rotated-no-dot.html'])(
    '%s: every class rotated, the card reads as before (the time line by structure)',
    (name) => {
      expect(event(name)).toEqual(event('dialog.en-12h.html'));
    },
  );

  it("a moved instance takes the card's day and time, not the original start in its id", () => {
    const e = event('dialog.moved.html');
    expect(e.eventId).toBe('b028tvasrf4039si1mg44gaske_20261116T150000Z');
    expect([iso(e.start), iso(e.end)]).toEqual(['2026-11-17T16:00:00.000Z', '2026-11-17T16:30:00.000Z']);
  });

  it("uses the id's day only when the card's times can be read but its day cannot", () => {
    const doc = fixtureDocument('dialog.moved.html');
    const line = doc.querySelector('#xDetDlgWhen .AzuXid') as Element;
    line.textContent = '⋅11:00 – 11:30am'; // no day in the text
    doc.querySelector('[data-datekey]')?.removeAttribute('data-datekey'); // and no chip column
    const r = readEventCard(doc, findCard(doc), { now: NOW, fallbackTimeZone: 'UTC' });
    if (!r.ok) throw new Error(r.message);
    expect(iso(r.event.start)).toBe('2026-11-16T16:00:00.000Z');
  });

  it('says how much of a shortened or collapsed list Calendar showed', () => {
    expect(event('dialog.shortened.html').partialGuests).toEqual({ shown: 20, total: 32 });
    expect(event('dialog.shortened.html').guests).toHaveLength(20);
    expect(event('dialog.collapsed.html').partialGuests).toEqual({ shown: 0, total: 32 });
  });

  it("reads the user's own answer from the buttons, their row and the chip, and says 'unknown' when unsure", () => {
    expect(event('dialog.en-12h.html').selfResponse).toBe('accepted');
    expect(event('dialog.declined.html').selfResponse).toBe('declined');
    expect(event('dialog.fr-declined.html')).toMatchObject({ selfResponse: 'declined', selfDeclined: true });
    expect(event('dialog.response-conflict.html')).toMatchObject({ selfResponse: 'unknown', selfDeclined: false });
    expect(event('dialog.response-none.html').selfResponse).toBe('unknown');
  });

  it('reads a card whose id lives only in its jslog as the same meeting', () => {
    expect(event('dialog.fallback-card-1.html')).toEqual(event('dialog.en-12h.html'));
  });

  const LOCAL_ZONES: Record<string, string> = {
    fr: '2026-11-24T12:00',
    es: '2026-11-24T12:00',
    'pt-BR': '2026-11-24T16:00',
    it: '2026-11-24T12:00',
    nl: '2026-11-24T12:00',
    pl: '2026-11-24T12:00',
    ko: '2026-11-24T04:00',
    'zh-CN': '2026-11-24T05:00',
    ar: '2026-11-24T10:00',
    he: '2026-11-24T11:00',
  };
  for (const [locale, utc] of Object.entries(LOCAL_ZONES)) {
    it(`${locale}: 13:00 and 1pm in Calendar's zone are ${utc} UTC, with the guests' answers and roles`, () => {
      for (const clock of ['24h', '12h']) {
        const e = event(`dialog.${locale}-${clock}.html`);
        expect(iso(e.start).slice(0, 16)).toBe(utc);
        expect(e.end - e.start).toBe(3600_000);
        expect(e.guests.map((g) => [g.response, g.organizer, g.optional])).toEqual(
          event('dialog.en-12h.html').guests.map((g) => [g.response, g.organizer, g.optional]),
        );
        expect(e.selfResponse).toBe('accepted');
      }
    });
  }

  it('Arabic with Arabic-Indic digits reads as with Western ones', () => {
    expect(event('dialog.ar-indic-digits.html')).toEqual(event('dialog.ar-12h.html'));
  });

  it('the full event page reads as the card does: one meeting', () => {
    const page = readEdit('edit.en.html');
    if (!page.ok) throw new Error(page.message);
    const card = event('dialog.en-12h.html');
    expect(page.event).toEqual({ ...card, selfResponse: 'accepted' });
    const de = readEdit('edit.de.html');
    expect(de.ok && [iso(de.event.start), iso(de.event.end)]).toEqual([
      '2026-11-24T12:00:00.000Z',
      '2026-11-24T13:00:00.000Z',
    ]);
  });
});
