import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: each file boots the built API (which serves the built web app) and drives
// Debian Chromium through playwright-core. Files run one at a time: two cores are shared.
export default defineConfig({
  test: {
    include: ['web/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
