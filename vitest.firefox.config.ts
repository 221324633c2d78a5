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
    // An expect.poll waits for what it expects to happen, not for a second (vitest's default): how soon a real
    // browser gets there depends on the machine, which no test may.
    expect: { poll: { timeout: 10_000 } },
  },
});
