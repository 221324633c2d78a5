import { describe, expect, it } from 'vitest';
import { decodeDateKey, decodeEventId } from '../../lib/calendar/google/event-id';

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
