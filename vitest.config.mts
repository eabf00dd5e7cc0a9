import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit tests only: Playwright specs under e2e/ and conformance tests (which read ../shared) run elsewhere.
export default defineConfig({
  // server/ modules import 'server-only', which Next resolves to an empty module on the server; so do the tests.
  resolve: { alias: { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js') } },
  test: {
    include: ['eslint.layers.test.ts', 'lib/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.ts', 'viewmodels/**/*.test.ts', 'components/**/*.test.tsx', 'app/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/*.conformance.test.ts', 'node_modules/**'],
    environment: 'node',
  },
});
