import { describe, expect, it } from 'vitest';
import { auditRows, filterRows, meetingsPerPerson, NO_FILTER, sortRows } from '../lib/manage/audit';
import { greenShareByWeek, groupsTouchedPerMonth, outsideTeamMeetingsPerWeek } from '../lib/manage/trends';
import { DEFAULT_CADENCES } from '../lib/relationships/cadence';
import { DAY, meetingAt, person } from './helpers/people';

// Wednesday 25 November 2026, noon (the computer's zone: tests run in UTC).
const NOW = new Date(2026, 10, 25, 12).getTime();
const meeting = (daysAgo: number, people: string[]) =>
  meetingAt(`k${daysAgo}-${people.join()}`, NOW - daysAgo * DAY, people);
const people = [
  person('priya@finance.example', NOW - 70 * DAY, {
    displayName: 'Priya Raman',
    priority: 'high',
    kind: 'other-department',
    thanksOwedSince: NOW - 5 * DAY,
  }),
  person('sam@partner.example', NOW - 40 * DAY, { displayName: 'Sam Okafor', kind: 'partner' }),
  person('wei@x.example', NOW - 2 * DAY, { displayName: 'Wei Chen', team: true }),
  person('dana@x.example', NOW - 10 * DAY, { displayName: 'Dana Kim', priority: 'low' }),
];
const byEmail = new Map(people.map((p) => [p.email, p]));

describe('the audit table', () => {
  const rows = auditRows(
    people,
    new Map(),
    [],
    meetingsPerPerson([meeting(10, ['dana@x.example']), meeting(100, ['dana@x.example'])], NOW),
    DEFAULT_CADENCES,
    NOW,
  );

  it('has status, affiliation, kind, meetings in 90 days, thanks owed', () => {
    expect(rows.map((r) => [r.person.email, r.status, r.affiliation, r.kindLabel, r.meetings90, r.thanksOwed])).toEqual(
      [
        ['priya@finance.example', 'red', 'finance.example', 'Other department', 0, true],
        ['sam@partner.example', 'amber', 'partner.example', 'Partner', 0, false],
        ['wei@x.example', 'green', 'x.example', '', 0, false],
        ['dana@x.example', 'green', 'x.example', '', 1, false],
      ],
    );
  });

  it('sorts by any column, both ways, ties by name', () => {
    const names = (column: Parameters<typeof sortRows>[1], dir: 'asc' | 'desc') =>
      sortRows(rows, column, dir).map((r) => r.person.displayName);
    // Within a status, the most neglected first (Wei: 2 of 30 days, normal; Dana: 10 of 90 days, low).
    expect(names('status', 'asc')).toEqual(['Priya Raman', 'Sam Okafor', 'Wei Chen', 'Dana Kim']);
    expect(names('lastMet', 'asc')).toEqual(['Priya Raman', 'Sam Okafor', 'Dana Kim', 'Wei Chen']);
    expect(names('name', 'desc')).toEqual(['Wei Chen', 'Sam Okafor', 'Priya Raman', 'Dana Kim']);
    expect(names('priority', 'asc')).toEqual(['Priya Raman', 'Sam Okafor', 'Wei Chen', 'Dana Kim']);
    expect(names('meetings90', 'desc')[0]).toBe('Dana Kim');
  });

  it('filters by status, kind, team, thanks owed and search', () => {
    const names = (f: Partial<typeof NO_FILTER>) =>
      filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.person.displayName);
    expect(names({ status: 'green' })).toEqual(['Wei Chen', 'Dana Kim']);
    expect(names({ kind: 'partner' })).toEqual(['Sam Okafor']);
    expect(names({ kind: 'none' })).toEqual(['Wei Chen', 'Dana Kim']);
    expect(names({ team: 'team' })).toEqual(['Wei Chen']);
    expect(names({ team: 'outside', thanks: true })).toEqual(['Priya Raman']);
    expect(names({ query: 'finance' })).toEqual(['Priya Raman']);
    expect(names({ group: 'partner.example' })).toEqual(['Sam Okafor']);
  });
});

describe('trends', () => {
  it('counts meetings with someone outside the team per week (weeks start on Monday)', () => {
    const points = outsideTeamMeetingsPerWeek(
      [
        meeting(1, ['sam@partner.example']),
        meeting(2, ['wei@x.example']),
        meeting(3, ['sam@partner.example', 'wei@x.example']),
        meeting(8, ['dana@x.example']),
      ],
      byEmail,
      [],
      NOW,
      3,
    );
    expect(points.map((p) => [new Date(p.at).toDateString(), p.value])).toEqual([
      ['Mon Nov 09 2026', 0],
      ['Mon Nov 16 2026', 2], // Sunday 22nd (Sam, with Wei) and Tuesday 17th (Dana)
      ['Mon Nov 23 2026', 1], // Tuesday 24th (Sam); Monday 23rd was Wei alone, on the team
    ]);
  });

  it('counts the groups touched per month', () => {
    const points = groupsTouchedPerMonth(
      [
        meeting(1, ['sam@partner.example', 'dana@x.example']),
        meeting(3, ['sam@partner.example']),
        meeting(40, ['priya@finance.example']),
      ],
      byEmail,
      [],
      NOW,
      2,
    );
    expect(points.map((p) => [new Date(p.at).toDateString(), p.value])).toEqual([
      ['Thu Oct 01 2026', 1],
      ['Sun Nov 01 2026', 2],
    ]);
  });

  it('gives the share of high-priority relationships that were green at the end of each week', () => {
    const high = [person('a@x.example', 0, { priority: 'high' }), person('b@x.example', 0, { priority: 'high' })];
    const contacts = new Map([
      ['a@x.example', [NOW - 3 * DAY]],
      ['b@x.example', [NOW - 30 * DAY]],
    ]);
    // End of the week of 9 Nov: only b is known, 21 days on a 14-day cadence (amber). 16 Nov: a met on the
    // 22nd (green), b 28 days (amber). This week: a green, b 30 days (red).
    expect(greenShareByWeek(high, contacts, DEFAULT_CADENCES, NOW, 3).map((p) => p.value)).toEqual([0, 50, 50]);
  });
});
