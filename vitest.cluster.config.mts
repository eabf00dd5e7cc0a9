import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: tests against a real kube-apiserver + etcd (scripts/local-cluster). Not part of `npm test`.
export default defineConfig({
  // server/ modules import 'server-only' (an empty module on the server, as Next resolves it).
  resolve: { alias: { '@': path.dirname(fileURLToPath(import.meta.url)), 'server-only': path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules/server-only/empty.js') } },
  test: {
    include: ['test/cluster/**/*.cluster.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    globalSetup: ['test/cluster/globalSetup.ts'],
    // One control plane per file; files one at a time so two cores are not shared by several API servers.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
