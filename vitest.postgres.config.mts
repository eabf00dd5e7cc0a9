import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:postgres`: the history store on a real PostgreSQL 15 started by globalSetup (Debian's postgresql).
export default defineConfig({
  resolve: { alias: { '@': path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ['test/postgres/**/*.pg.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    globalSetup: ['test/postgres/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
