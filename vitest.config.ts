import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The calendar-file tests run twice, with the test process in a zone far east and one far west of UTC, so a
// time read in the computer's zone by mistake fails in at least one of them.
const ICS_TESTS = 'tests/data/ics*.test.ts';
const zoned = (name: string, timeZone: string) => ({
  extends: true as const,
  test: { name, include: [ICS_TESTS], env: { TZ: timeZone } },
});

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.{ts,tsx}'], exclude: ['tests/e2e/**', ICS_TESTS] },
      },
      zoned('ics (Pacific/Kiritimati, UTC+14)', 'Pacific/Kiritimati'),
      zoned('ics (America/Adak, UTC-10/-9)', 'America/Adak'),
    ],
  },
});
