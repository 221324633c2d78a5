import { describe, expect, it } from 'vitest';
import type { Group } from '../../lib/db/types';
import { briefOf, guestAddresses, guestCount } from '../../lib/prep/model';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { DAY, person } from '../helpers/people';

// 2026-11-25 12:00 in Berlin (a Wednesday).
const NOW = Date.parse('2026-11-25T11:00:00Z');
const TZ = 'Europe/Berlin';
const groups = new Map<string, Group>([['g1', { id: 'g1', name: 'Finance', kind: 'department', createdAt: 0 }]]);
const options = {
  now: NOW,
  timeZone: TZ,
  cadences: DEFAULT_CADENCES,
  groups,
  internalDomains: ['example.com'],
  me: ['alex@example.com'],
};

describe('the guests a card lists, as Bridges counts them', () => {
  it('are normalised and each once, in the order of the card, without the user, rooms or non-addresses', () => {
    expect(
      guestAddresses(
        [
          ' Priya@Finance.example ',
          'ALEX@example.com',
          'priya@finance.example',
          'room-4a@resource.calendar.google.com',
          'not an address',
          'sam@partner.example',
        ],
        ['alex@example.com'],
      ),
    ).toEqual(['priya@finance.example', 'sam@partner.example']);
  });
});

describe('what "Before you meet" shows for a meeting', () => {
  const priya = person('priya@finance.example', NOW - 75 * DAY, {
    displayName: 'Priya Raman',
    note: '  her biggest challenge is the Q2 hiring plan\n',
    thanksOwedSince: NOW - 3 * DAY,
    groupId: 'g1',
  });
  const jordan = person('jordan@example.com', NOW - 10 * DAY, {
    displayName: 'Jordan Lee',
    nextMeetingAt: Date.parse('2026-12-03T09:00:00Z'),
  });
  const wei = person('wei@partner.example', NOW - 40 * DAY, { displayName: 'Wei Chen', planningSince: NOW - DAY });
  const guests = [
    'priya@finance.example',
    'new.person@gmail.com',
    'jordan@example.com',
    'alex@example.com',
    'wei@partner.example',
  ];

  it('is a pure function of the guests, the people Bridges has and now', () => {
    const brief = briefOf(guests, [priya, undefined, jordan, undefined, wei], options);
    expect(brief).toEqual({
      known: [
        {
          email: 'priya@finance.example',
          name: 'Priya Raman',
          status: 'red',
          plan: null,
          lastMet: 'Last met 10 weeks ago',
          note: 'her biggest challenge is the Q2 hiring plan',
          thanksOwed: true,
          affiliation: 'Finance',
        },
        {
          email: 'jordan@example.com',
          name: 'Jordan Lee',
          status: 'green',
          plan: 'Booked Thu 3 Dec',
          lastMet: 'Last met 10 days ago',
          note: '',
          thanksOwed: false,
          affiliation: 'Your company',
        },
        {
          email: 'wei@partner.example',
          name: 'Wei Chen',
          status: 'amber',
          plan: 'Catch-up being planned',
          lastMet: 'Last met 5 weeks ago',
          note: '',
          thanksOwed: false,
          affiliation: 'partner.example',
        },
      ],
      newGuests: ['new.person@gmail.com'],
    });
    expect(guestCount(brief)).toBe('4 guests');
    // The same input, the same answer; a day later, the words move with it.
    expect(briefOf(guests, [priya, undefined, jordan, undefined, wei], options)).toEqual(brief);
    const later = briefOf(guests, [priya, undefined, jordan, undefined, wei], { ...options, now: NOW + 7 * DAY });
    expect(later.known[1]?.plan).toBe('Booked tomorrow');
    expect(later.known[1]?.lastMet).toBe('Last met 2 weeks ago');
  });

  it('never lists the user, even when they are in the log', () => {
    const me = person('alex@example.com', NOW - DAY, { displayName: 'Alex Morgan', note: 'me' });
    const brief = briefOf(['alex@example.com', 'priya@finance.example'], [me, priya], options);
    expect(brief.known.map((g) => g.email)).toEqual(['priya@finance.example']);
    expect(brief.newGuests).toEqual([]);
  });

  it('says a booked meeting that has passed by more than a day no longer counts, and planning ends at a meeting', () => {
    const passed = { ...jordan, nextMeetingAt: NOW - 2 * DAY };
    const met = { ...wei, lastMetAt: NOW - 1000 };
    const brief = briefOf(['jordan@example.com', 'wei@partner.example'], [passed, met], options);
    expect(brief.known.map((g) => g.plan)).toEqual([null, null]);
  });

  it('names a guest by their address when Calendar showed no name', () => {
    const nameless = person('dana@example.net', NOW - 5 * DAY, { displayName: '  ' });
    expect(briefOf(['dana@example.net'], [nameless], options).known[0]?.name).toBe('dana@example.net');
  });

  it('counts one guest as "1 guest", and a meeting of only new guests lists them all as new', () => {
    const brief = briefOf(['one@new.example'], [undefined], options);
    expect(brief).toEqual({ known: [], newGuests: ['one@new.example'] });
    expect(guestCount(brief)).toBe('1 guest');
  });
});
