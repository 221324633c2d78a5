import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium with the built extension (run `wxt build` first; `npm run test:e2e` does).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    // An expect.poll waits for what it expects to happen, not for a second (vitest's default): how soon a real
    // browser gets there depends on the machine, which no test may.
    expect: { poll: { timeout: 10_000 } },
  },
});
