import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium with the built extension (run `wxt build` first; `npm run test:e2e` does).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
