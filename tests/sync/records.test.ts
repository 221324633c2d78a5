import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FIELD_VALUES } from '../../lib/sync/records';

describe('a cadence arriving from another browser', () => {
  const ok = (value: unknown) => v.safeParse(FIELD_VALUES.cadence, value).success;

  it('is taken when it is whole days, the maximum at least the ideal, or none', () => {
    expect(ok([14, 30])).toBe(true);
    expect(ok([7, 7])).toBe(true);
    expect(ok(null)).toBe(true);
  });

  it('is refused otherwise: parts of days, nothing, a maximum under the ideal, text', () => {
    expect(ok([1.5, 30])).toBe(false);
    expect(ok([0, 5])).toBe(false);
    expect(ok([30, 14])).toBe(false);
    expect(ok(['14', 30])).toBe(false);
    expect(ok([14])).toBe(false);
  });
});
