import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [WxtVitest(), react()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
