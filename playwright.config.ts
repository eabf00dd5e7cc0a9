import { defineConfig, devices } from '@playwright/test';
import { configOf, SERVERS, urlOf } from './e2e/servers';

// Playwright owns the production servers (`npm run build` runs first, in CI and in test:all): no stale server is
// ever reused. One server per source configuration, because the source is fixed per process.
// Readiness: Playwright waits for a status below 404, so failing-source servers (503 on /api/snapshot) use a static path.
const serve = (server: keyof typeof SERVERS, readyPath: string) => ({
  command: 'npm run serve',
  url: `${urlOf(server)}${readyPath}`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    PERIMETER_SOURCE: SERVERS[server].source,
    PERIMETER_CONFIG: configOf(server),
    PORT: String(SERVERS[server].port),
    HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    KUBECONFIG: SERVERS[server].kubeconfig,
  },
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: urlOf('demo'),
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          // Debian's Chromium; Playwright never downloads a browser here.
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: [
    serve('demo', '/api/snapshot'),
    serve('cluster', '/icon.svg'),
    serve('missingPath', '/icon.svg'),
    serve('unset', '/api/snapshot'),
    serve('files', '/api/snapshot'),
    serve('unsetWithKubeconfig', '/icon.svg'),
    serve('config', '/api/snapshot'),
  ],
});
