import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PersonSchema } from '../../lib/data/backup-schema';
import { PersonPatchSchema } from '../../lib/people/inputs';
import { person } from '../helpers/people';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const BOTH_OR_NEITHER = "Set both the cadence's ideal interval and its maximum, or neither.";

const firstProblem = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input);
  return result.success ? null : result.issues[0].message;
};

// A person's own cadence is one rule, whichever path brings it: a backup's person, a page's change to people.
describe("a person's own cadence: both numbers or neither, by the cadence rule", () => {
  const priya = (idealDays: number | null, maxDays: number | null) =>
    person('priya@finance.example', NOW, { idealDays, maxDays });

  it("takes a backup's person with a cadence, or with none", () => {
    expect(firstProblem(PersonSchema, priya(20, 40))).toBeNull();
    expect(firstProblem(PersonSchema, priya(null, null))).toBeNull();
  });

  it("refuses a backup's person with one number and not the other, or a cadence the rule refuses", () => {
    expect(firstProblem(PersonSchema, priya(20, null))).toBe(BOTH_OR_NEITHER);
    expect(firstProblem(PersonSchema, priya(null, 40))).toBe(BOTH_OR_NEITHER);
    expect(firstProblem(PersonSchema, priya(40, 20))).toBe(
      "The cadence's maximum (20 days) must be at least its ideal interval (40 days).",
    );
    expect(firstProblem(PersonSchema, priya(0.5, 20))).toBe(
      'The ideal interval must be a whole number of days from 1 to 3650.',
    );
  });

  it('takes a change that sets both numbers, clears both, or leaves the cadence alone', () => {
    expect(firstProblem(PersonPatchSchema, { idealDays: 20, maxDays: 40 })).toBeNull();
    expect(firstProblem(PersonPatchSchema, { idealDays: null, maxDays: null })).toBeNull();
    expect(firstProblem(PersonPatchSchema, { priority: 'high' })).toBeNull();
  });

  it('refuses a change that sets or clears one number alone, or a cadence the rule refuses', () => {
    expect(firstProblem(PersonPatchSchema, { idealDays: 20 })).toBe(BOTH_OR_NEITHER);
    expect(firstProblem(PersonPatchSchema, { maxDays: null })).toBe(BOTH_OR_NEITHER);
    expect(firstProblem(PersonPatchSchema, { idealDays: 20, maxDays: null })).toBe(BOTH_OR_NEITHER);
    expect(firstProblem(PersonPatchSchema, { idealDays: 40, maxDays: 20 })).toBe(
      "The cadence's maximum (20 days) must be at least its ideal interval (40 days).",
    );
  });
});
