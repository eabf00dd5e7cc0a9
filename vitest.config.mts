import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit tests only: Playwright specs under e2e/ and conformance tests (which read ../shared) run elsewhere.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'app/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/*.conformance.test.ts', 'node_modules/**'],
    environment: 'node',
  },
});
