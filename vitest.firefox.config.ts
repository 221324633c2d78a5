import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's Firefox ESR with the built add-on (run `wxt build -b firefox` first;
// `npm run test:firefox` does).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
