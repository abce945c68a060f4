import { defineConfig } from 'vitest/config';

// The corpus suite: tests over the real documents in ../shared/documents (npm run test:corpus).
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
