import { describe, expect, it } from 'vitest';
import { checkFeedAddress, maskFeedAddress } from '../../lib/feed/address';
import { FEED_URL } from '../helpers/feed';

describe("a calendar's secret address", () => {
  it('accepts the secret iCal address and names the calendar', () => {
    expect(checkFeedAddress(`  ${FEED_URL} `)).toEqual({ ok: true, url: FEED_URL, calendar: 'me@corp.example' });
    const group =
      'https://calendar.google.com/calendar/ical/c_3a1b2c%40group.calendar.google.com/private-fedcba9876543210fedcba9876543210/basic.ics';
    expect(checkFeedAddress(group)).toMatchObject({ ok: true, calendar: 'c_3a1b2c@group.calendar.google.com' });
  });

  it('refuses anything else, saying why', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /Paste the secret address/],
      ['https://calendar.google.com/calendar/ical/me%40corp.example/public/basic.ics', /public address/],
      [
        'http://calendar.google.com/calendar/ical/me%40corp.example/private-0123456789abcdef/basic.ics',
        /must start with/,
      ],
      [
        'https://calendar.google.com.evil.example/calendar/ical/x/private-0123456789abcdef/basic.ics',
        /must start with/,
      ],
      ['https://evil.example/?u=https://calendar.google.com/calendar/ical/', /must start with/],
      ['https://calendar.google.com/calendar/ical/me%40corp.example/private-0123/basic.ics', /not a secret iCal/],
      ['https://calendar.google.com/calendar/ical/../../r/settings/private-0123456789abcdef/basic.ics', /not a secret/],
      [`${FEED_URL}?redirect=https://evil.example`, /not a secret iCal/],
      ['https://calendar.google.com/calendar/ical/%E0%A4%A/private-0123456789abcdef0123/basic.ics', /damaged/],
      // Dot segments, written out or encoded, would send the request elsewhere on Google's host.
      ['https://calendar.google.com/calendar/ical/%2e%2e/private-0123456789abcdef0123/basic.ics', /altered/],
      ['https://calendar.google.com/calendar/ical/.%2e/private-0123456789abcdef0123/basic.ics', /altered/],
      ['https://calendar.google.com/calendar/ical/%2E./private-0123456789abcdef0123/basic.ics', /altered/],
      ['https://calendar.google.com/calendar/ical/.../private-0123456789abcdef0123/basic.ics', /altered/],
      // Encoded slashes and control characters.
      ['https://calendar.google.com/calendar/ical/me%2f..%2fx/private-0123456789abcdef0123/basic.ics', /altered/],
      ['https://calendar.google.com/calendar/ical/me%40corp%0d%0aX/private-0123456789abcdef0123/basic.ics', /altered/],
      ['https://calendar.google.com/calendar/ical/me%00x%40corp/private-0123456789abcdef0123/basic.ics', /altered/],
      ['https://calendar.google.com/calendar/ical/me%7fx%40corp/private-0123456789abcdef0123/basic.ics', /altered/],
    ];
    for (const [raw, message] of cases) {
      const checked = checkFeedAddress(raw);
      expect(checked.ok, raw).toBe(false);
      if (!checked.ok) expect(checked.message, raw).toMatch(message);
    }
  });

  it('is shown masked: the secret never appears whole', () => {
    const masked = maskFeedAddress(FEED_URL);
    expect(masked).toBe('https://calendar.google.com/calendar/ical/me@corp.example/private-••••••••cdef/basic.ics');
    expect(masked).not.toContain('0123456789abcdef0123456789ab');
  });
});
