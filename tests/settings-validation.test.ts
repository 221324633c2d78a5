import { describe, expect, it } from 'vitest';
import {
  checkCadence,
  checkCadences,
  checkDomain,
  checkEmail,
  checkGuestLimit,
  checkReminderTime,
} from '../lib/settings-validation';

const cadences = (
  high: [string, string],
  normal: [string, string] = ['30', '60'],
  low: [string, string] = ['90', '180'],
) => ({
  high: { idealDays: high[0], maxDays: high[1] },
  normal: { idealDays: normal[0], maxDays: normal[1] },
  low: { idealDays: low[0], maxDays: low[1] },
});

describe('settings validation: bad values get a clear message', () => {
  it('email addresses', () => {
    expect(checkEmail(' Alex@Example.COM ')).toEqual({ ok: true, value: 'alex@example.com' });
    expect(checkEmail('')).toEqual({ ok: false, message: 'Type an email address.' });
    expect(checkEmail('alex')).toEqual({ ok: false, message: '"alex" is not an email address.' });
    expect(checkEmail('<script>@x.example')).toMatchObject({ ok: false });
    expect(checkEmail('a@x.example', ['a@x.example'])).toEqual({
      ok: false,
      message: 'a@x.example is already in the list.',
    });
  });

  it('company domains', () => {
    expect(checkDomain('Example.com')).toEqual({ ok: true, value: 'example.com' });
    expect(checkDomain('alex@corp.example')).toEqual({ ok: true, value: 'corp.example' });
    expect(checkDomain('not a domain')).toEqual({
      ok: false,
      message: '"not a domain" is not a mail domain such as example.com.',
    });
    expect(checkDomain('localhost')).toMatchObject({ ok: false });
  });

  it('cadences', () => {
    expect(checkCadences(cadences(['14', '28']))).toEqual({
      ok: true,
      value: {
        high: { idealDays: 14, maxDays: 28 },
        normal: { idealDays: 30, maxDays: 60 },
        low: { idealDays: 90, maxDays: 180 },
      },
    });
    expect(checkCadences(cadences(['14', '10']))).toEqual({
      ok: false,
      message: "High priority: The cadence's maximum (10 days) must be at least its ideal interval (14 days).",
    });
    expect(checkCadences(cadences(['0', '10']))).toEqual({
      ok: false,
      message: 'High priority: The ideal interval must be a whole number of days from 1 to 3650.',
    });
    expect(checkCadences(cadences(['14', '28'], ['30', '1.5']))).toEqual({
      ok: false,
      message: 'Normal priority: The maximum must be a whole number of days from 1 to 3650.',
    });
    expect(checkCadences(cadences(['14', '28'], ['30', '60'], ['90', '99999']))).toMatchObject({ ok: false });
  });

  it("a person's cadence, as typed into their form", () => {
    expect(checkCadence({ idealDays: ' 20 ', maxDays: '40' })).toEqual({
      ok: true,
      value: { idealDays: 20, maxDays: 40 },
    });
    expect(checkCadence({ idealDays: '20', maxDays: '10' })).toEqual({
      ok: false,
      message: "The cadence's maximum (10 days) must be at least its ideal interval (20 days).",
    });
    for (const ideal of ['', 'soon', '0', '2.5', '3651']) {
      expect(checkCadence({ idealDays: ideal, maxDays: '40' })).toEqual({
        ok: false,
        message: 'The ideal interval must be a whole number of days from 1 to 3650.',
      });
    }
    expect(checkCadence({ idealDays: '20', maxDays: '' })).toEqual({
      ok: false,
      message: 'The maximum must be a whole number of days from 1 to 3650.',
    });
  });

  it('the guest limit', () => {
    expect(checkGuestLimit('25')).toEqual({ ok: true, value: 25 });
    for (const bad of ['0', '-3', '2.5', 'many', '', '1001']) {
      expect(checkGuestLimit(bad)).toEqual({
        ok: false,
        message: 'The guest limit must be a whole number from 1 to 1000.',
      });
    }
  });

  it('the reminder day and hour', () => {
    expect(checkReminderTime('1', '9')).toEqual({ ok: true, value: { day: 1, hour: 9 } });
    expect(checkReminderTime('7', '9')).toEqual({ ok: false, message: 'Choose a day of the week.' });
    expect(checkReminderTime('1', '24')).toEqual({ ok: false, message: 'Choose an hour from 00:00 to 23:00.' });
  });
});
