import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's firefox-esr (puppeteer-core over WebDriver BiDi); one file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One more run for a test that failed: a real browser on a busy CI machine now and then misses a beat. A test that
    // passes only on its retry is named in npm test's summary ("passed on retry"), so flakes stay visible and get fixed.
    retry: 1,
    pool: 'forks',
  },
});
