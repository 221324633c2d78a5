import { expect, it } from 'vitest';

// The calendar-file tests run in two zones of the test process (vitest.config.ts): this proves they do.
it('runs in the zone its project names, far from UTC', () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  expect(['Pacific/Kiritimati', 'America/Adak']).toContain(zone);
  expect(Math.abs(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset())).toBeGreaterThanOrEqual(600);
});
