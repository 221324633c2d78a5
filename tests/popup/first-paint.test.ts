import { describe, expect, it } from 'vitest';
import type { Group, Person } from '../../lib/db/types';
import {
  FIRST_PAINT_PEOPLE,
  FIRST_PAINT_VERSION,
  type FirstPaint,
  firstPaintOf,
  modelFromFirstPaint,
  usableFirstPaint,
  validUntilOf,
} from '../../lib/popup/first-paint';
import { buildPopupModel } from '../../lib/popup/model';
import type { StoredPopupSettings } from '../../lib/popup/settings';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { DAY, person } from '../helpers/people';

// A fixed local time (the computer's zone, as the popup's): 25 November 2026, 15:00.
const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const MIDNIGHT = new Date(2026, 10, 26, 0, 0).getTime();
const SETTINGS: StoredPopupSettings = {
  myEmails: ['me@home.example'],
  internalDomains: [],
  cadenceDefaults: DEFAULT_CADENCES,
};
const modelSettings = {
  myEmails: SETTINGS.myEmails,
  internalDomains: SETTINGS.internalDomains,
  cadences: SETTINGS.cadenceDefaults,
};
const GROUPS: Group[] = [
  { id: 'g-finance', name: 'Finance', kind: 'department', createdAt: 0 },
  { id: 'g-unused', name: 'Nobody here', kind: 'organisation', createdAt: 0 },
];

/** Forty people outside the team met 1 to 40 weeks ago, a teammate, a snoozed one, one booked and one planning. */
function everyone(): Person[] {
  const people = Array.from({ length: 40 }, (_, i) =>
    person(`p${i}@partner.example`, NOW - (i + 1) * 7 * DAY, {
      displayName: `Person ${i}`,
      groupId: i === 35 ? 'g-finance' : null,
      priority: i % 5 === 0 ? 'high' : 'normal',
    }),
  );
  people.push(
    person('team@us.example', NOW - 300 * DAY, { team: true }),
    person('snoozed@partner.example', NOW - 300 * DAY, { snoozedUntil: NOW + 3 * DAY }),
    person('booked@partner.example', NOW - 200 * DAY, { nextMeetingAt: NOW + 2 * DAY }),
    person('planning@partner.example', NOW - 250 * DAY, { planningSince: NOW - DAY }),
    person('me@home.example', NOW - 300 * DAY),
  );
  return people;
}

describe("the popup's kept first screen", () => {
  it('holds the first page of the whole ranking, in its order, with the headline counted over everyone', () => {
    const people = everyone();
    const whole = buildPopupModel(people, GROUPS, modelSettings, NOW);
    const paint = firstPaintOf(people, GROUPS, SETTINGS, NOW);
    expect(paint.people.map((p) => p.email)).toEqual(
      whole.ranked.slice(0, FIRST_PAINT_PEOPLE).map((e) => e.person.email),
    );
    expect(paint.counts).toEqual({
      overdue: whole.overdue,
      due: whole.due,
      booked: whole.booked,
      planning: whole.planning,
      ranked: whole.ranked.length,
      everyone: people.length,
    });
    // Counted over all 43 ranked, not over the 25 kept: the booked and planning ones rank below those to do.
    expect(paint.counts.ranked).toBe(42);
    expect(paint.counts.booked).toBe(1);
    expect(paint.counts.planning).toBe(1);
    expect(paint.settings).toEqual(SETTINGS);
  });

  it('keeps only the groups of the people it holds', () => {
    const people = everyone();
    // Person 35 (met 36 weeks ago) is among the most neglected: their group comes with them; the unused does not.
    const paint = firstPaintOf(people, GROUPS, SETTINGS, NOW);
    expect(paint.people.map((p) => p.email)).toContain('p35@partner.example');
    expect(paint.groups.map((g) => g.id)).toEqual(['g-finance']);
  });

  it('gives again, from its own people and counts, the model the whole data gives for its first page', () => {
    const people = everyone();
    const whole = buildPopupModel(people, GROUPS, modelSettings, NOW);
    const paint = firstPaintOf(people, GROUPS, SETTINGS, NOW);
    const model = modelFromFirstPaint(paint.people, paint.groups, modelSettings, paint.counts, NOW + 60_000);
    expect(model.ranked).toEqual(whole.ranked.slice(0, FIRST_PAINT_PEOPLE));
    expect([model.overdue, model.due, model.booked, model.planning]).toEqual([
      whole.overdue,
      whole.due,
      whole.booked,
      whole.planning,
    ]);
  });

  describe('holds until', () => {
    const at = (patch: Partial<Person>) => validUntilOf([person('a@x.example', NOW - 30 * DAY, patch)], NOW);

    it('the next local midnight, when nothing ends before', () => {
      expect(at({})).toBe(MIDNIGHT);
    });

    it('a snooze ends, a booked meeting stops counting, or a catch-up being planned ends or begins', () => {
      expect(at({ snoozedUntil: NOW + 3_600_000 })).toBe(NOW + 3_600_000);
      expect(at({ nextMeetingAt: NOW - 20 * 3_600_000 })).toBe(NOW + 4 * 3_600_000); // a day's grace after it
      expect(at({ planningSince: NOW - 7 * DAY + 60_000 })).toBe(NOW + 60_000); // a week after the click
      expect(at({ planningSince: NOW + 120_000 })).toBe(NOW + 120_000); // stamped ahead of this clock
    });

    it('never a moment already past', () => {
      expect(at({ snoozedUntil: NOW - 1, nextMeetingAt: NOW - 3 * DAY, planningSince: NOW - 10 * DAY })).toBe(MIDNIGHT);
    });
  });

  describe('is used', () => {
    const paint = (): FirstPaint => firstPaintOf(everyone(), GROUPS, SETTINGS, NOW);
    // Through JSON, as session storage hands it back.
    const stored = (value: unknown) => JSON.parse(JSON.stringify(value));

    it('while it holds', () => {
      expect(usableFirstPaint(stored(paint()), NOW)).toEqual(paint());
      expect(usableFirstPaint(stored(paint()), MIDNIGHT - 1)).not.toBeNull();
    });

    it.each([
      ['at its end', (p: FirstPaint) => p, MIDNIGHT],
      ['before it was made (a clock set back)', (p: FirstPaint) => p, NOW - 1],
      ['made in another zone', (p: FirstPaint) => ({ ...p, zoneOffset: p.zoneOffset + 60 }), NOW],
      ['of another shape', (p: FirstPaint) => ({ ...p, version: FIRST_PAINT_VERSION + 1 }), NOW],
      ['without its people', (p: FirstPaint) => ({ ...p, people: undefined }), NOW],
      ['without its counts', (p: FirstPaint) => ({ ...p, counts: undefined }), NOW],
    ])('not %s', (_, change, now) => {
      expect(usableFirstPaint(stored(change(paint())), now)).toBeNull();
    });

    it.each([[undefined], [null], ['a string'], [42], [[]]])('not from %j', (value) => {
      expect(usableFirstPaint(value, NOW)).toBeNull();
    });
  });
});
