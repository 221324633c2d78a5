import { describe, expect, it } from 'vitest';
import { lastReminderAt, nextReminderAt } from '../../lib/reminders/schedule';

const iso = (ms: number) => new Date(ms).toISOString();
const MONDAY_9 = { day: 1, hour: 9 };

describe('the weekly reminder time', () => {
  it('is the next chosen weekday at the chosen hour, for each weekday', () => {
    // Wednesday 2026-11-25, noon in Berlin.
    const now = Date.parse('2026-11-25T11:00:00Z');
    const next = [0, 1, 2, 3, 4, 5, 6].map((day) => iso(nextReminderAt(now, { day, hour: 9 }, 'Europe/Berlin')));
    expect(next).toEqual([
      '2026-11-29T08:00:00.000Z', // Sunday
      '2026-11-30T08:00:00.000Z', // Monday
      '2026-12-01T08:00:00.000Z', // Tuesday
      '2026-12-02T08:00:00.000Z', // Wednesday: today's 09:00 has passed
      '2026-11-26T08:00:00.000Z', // Thursday
      '2026-11-27T08:00:00.000Z', // Friday
      '2026-11-28T08:00:00.000Z', // Saturday
    ]);
  });

  it('is later today when today is the day and the hour has not come, next week when it has', () => {
    const monday = (time: string) => Date.parse(`2026-11-30T${time}Z`);
    expect(iso(nextReminderAt(monday('07:59:00'), MONDAY_9, 'Europe/Berlin'))).toBe('2026-11-30T08:00:00.000Z');
    expect(iso(nextReminderAt(monday('08:00:00'), MONDAY_9, 'Europe/Berlin'))).toBe('2026-12-07T08:00:00.000Z');
  });

  it('stays at 09:00 local across the autumn change, in Berlin and New York', () => {
    // Berlin falls back on Sunday 2026-10-25: Monday 09:00 is 07:00 UTC before, 08:00 after.
    expect(iso(nextReminderAt(Date.parse('2026-10-20T12:00:00Z'), MONDAY_9, 'Europe/Berlin'))).toBe(
      '2026-10-26T08:00:00.000Z',
    );
    expect(iso(nextReminderAt(Date.parse('2026-10-14T12:00:00Z'), MONDAY_9, 'Europe/Berlin'))).toBe(
      '2026-10-19T07:00:00.000Z',
    );
    // New York falls back on Sunday 2026-11-01: 13:00 UTC before, 14:00 after.
    expect(iso(nextReminderAt(Date.parse('2026-10-21T12:00:00Z'), MONDAY_9, 'America/New_York'))).toBe(
      '2026-10-26T13:00:00.000Z',
    );
    expect(iso(nextReminderAt(Date.parse('2026-10-28T12:00:00Z'), MONDAY_9, 'America/New_York'))).toBe(
      '2026-11-02T14:00:00.000Z',
    );
  });

  it('stays at 09:00 local across the spring change, in Berlin and New York', () => {
    expect(iso(nextReminderAt(Date.parse('2027-03-24T12:00:00Z'), MONDAY_9, 'Europe/Berlin'))).toBe(
      '2027-03-29T07:00:00.000Z',
    );
    expect(iso(nextReminderAt(Date.parse('2027-03-10T12:00:00Z'), MONDAY_9, 'America/New_York'))).toBe(
      '2027-03-15T13:00:00.000Z',
    );
  });

  it('comes just after an hour that the spring change skips', () => {
    // New York skips 02:00–03:00 on Sunday 2027-03-14.
    expect(iso(nextReminderAt(Date.parse('2027-03-12T12:00:00Z'), { day: 0, hour: 2 }, 'America/New_York'))).toBe(
      '2027-03-14T07:00:00.000Z',
    );
  });

  it('knows when it was last due', () => {
    const now = Date.parse('2026-11-25T11:00:00Z');
    expect(iso(lastReminderAt(now, MONDAY_9, 'Europe/Berlin'))).toBe('2026-11-23T08:00:00.000Z');
    expect(iso(lastReminderAt(Date.parse('2026-10-27T12:00:00Z'), MONDAY_9, 'Europe/Berlin'))).toBe(
      '2026-10-26T08:00:00.000Z',
    );
    expect(iso(lastReminderAt(Date.parse('2026-10-26T07:30:00Z'), MONDAY_9, 'Europe/Berlin'))).toBe(
      '2026-10-19T07:00:00.000Z',
    );
  });
});
