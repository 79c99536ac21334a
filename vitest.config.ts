import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // browser test files share one site build (tests/browser/site-harness.ts)
    globalSetup: ['tests/browser/site-cache-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
