// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  decodeDateKey,
  decodeEventId,
  decodeJslogId,
  eventIdFromEditUrl,
  eventIdOf,
} from '../../lib/calendar/google/event-id';
import { fixtureDocument } from '../helpers/fixtures';

describe('decodeEventId', () => {
  it('decodes an event id and its calendar', () => {
    expect(decodeEventId('azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20')).toEqual({
      eventId: 'k5058hfr4d2s30ltiuocpedthd',
      calendarId: 'alex.morgan@example.com',
      instanceStart: null,
      isTask: false,
    });
  });

  it("reads a recurring instance's start from its id", () => {
    const id = decodeEventId(
      'YjAyOHR2YXNyZjQwMzlzaTFtZzQ0Z2Fza2VfMjAyNjExMjNUMTUwMDAwWiBhbGV4Lm1vcmdhbkBleGFtcGxlLmNvbQ',
    );
    expect(id?.eventId).toBe('b028tvasrf4039si1mg44gaske_20261123T150000Z');
    expect(id?.instanceStart).toBe(Date.UTC(2026, 10, 23, 15));
  });

  it('expands shortened calendar ids', () => {
    const encode = (s: string) => btoa(s).replace(/=+$/, '');
    expect(decodeEventId(encode('abc x@m'))?.calendarId).toBe('x@gmail.com');
    expect(decodeEventId(encode('abc c_9f2d@g'))?.calendarId).toBe('c_9f2d@group.calendar.google.com');
    expect(decodeEventId(encode('tasks_abc x@m'))?.isTask).toBe(true);
  });

  it('refuses what is not an event id', () => {
    for (const bad of ['', '!!!', btoa('<script> x'), btoa('a b c'), btoa(' x@m')])
      expect(decodeEventId(bad)).toBeNull();
  });
});

describe('decodeDateKey', () => {
  it('decodes ((year - 1970) << 9) | (month << 5) | day', () => {
    expect(decodeDateKey('29048')).toEqual({ year: 2026, month: 11, day: 24 });
    expect(decodeDateKey('29046')).toEqual({ year: 2026, month: 11, day: 22 });
    expect(decodeDateKey('27966')).toEqual({ year: 2024, month: 9, day: 30 });
  });
  it('refuses keys that are not days', () => {
    for (const bad of [null, '', 'abc', '0', '29056']) expect(decodeDateKey(bad)).toBeNull();
  });
});

describe('the event id from every place it lives', () => {
  it('reads the raw id of a jslog, in its card and chip forms, and refuses what is not one', () => {
    expect(
      decodeJslogId('35389; 2:["k5058hfr4d2s30ltiuocpedthd","alex.morgan@example.com",0,null];1:["a@b.c",1]'),
    ).toEqual({
      eventId: 'k5058hfr4d2s30ltiuocpedthd',
      calendarId: 'alex.morgan@example.com',
      instanceStart: null,
      isTask: false,
    });
    expect(
      decodeJslogId('35463; 2:["b028tvasrf4039si1mg44gaske_20261123T150000Z",null,null];1:["a@b.c",1]'),
    ).toMatchObject({
      calendarId: '',
      instanceStart: Date.UTC(2026, 10, 23, 15),
    });
    for (const bad of [null, '', '35389; track:impression', '2:["<script>"]', '1:["a@b.c",1]']) {
      expect(decodeJslogId(bad)).toBeNull();
    }
  });

  it("the card's and the chip's data-eventid, their jslog, and the edit page's element and address are one meeting", () => {
    const card = fixtureDocument('dialog.en-12h.html');
    const edit = fixtureDocument('edit.en.html');
    const places = [
      card.getElementById('xDetDlg'),
      card.querySelector('[data-eventchip]'),
      edit.querySelector('[jsname="SF0uGd"]'),
    ] as Element[];
    const ids = [
      ...places.map((el) => eventIdOf(el)?.eventId),
      ...places.slice(0, 2).map((el) => decodeJslogId(el.getAttribute('jslog'))?.eventId),
      eventIdFromEditUrl(
        'https://calendar.google.com/calendar/u/0/r/eventedit/azUwNThoZnI0ZDJzMzBsdGl1b2NwZWR0aGQgYWxleC5tb3JnYW5AZXhhbXBsZS5jb20?pli=1',
      )?.eventId,
    ];
    expect(ids).toEqual(Array(6).fill('k5058hfr4d2s30ltiuocpedthd'));
  });

  it('an element without data-eventid falls back to its jslog', () => {
    const doc = fixtureDocument('dialog.fallback-card-1.html');
    const card = doc.getElementById('xDetDlg') as Element;
    expect(card.hasAttribute('data-eventid')).toBe(false);
    expect(eventIdOf(card)?.eventId).toBe('k5058hfr4d2s30ltiuocpedthd');
  });
});
