import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's firefox-esr (puppeteer-core over WebDriver BiDi); one file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
