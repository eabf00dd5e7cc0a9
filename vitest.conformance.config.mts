import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Conformance tests read ../shared/fixtures, which a fresh clone may not have; CI runs them separately.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['**/*.conformance.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
