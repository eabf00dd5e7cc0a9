// E2E_PORT_BASE moves every server, so parallel e2e runs on one machine don't collide (default 3100).
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

/** The production servers Playwright starts (see playwright.config.ts), one per source configuration. */
export const SERVERS = {
  demo: { port: BASE + 0, source: 'demo' },
  cluster: { port: BASE + 1, source: 'cluster' },
  missingPath: { port: BASE + 2, source: 'e2e/does-not-exist.yaml' },
  /** Blank is the same as unset (Playwright cannot unset a variable it inherits). */
  unset: { port: BASE + 3, source: '' },
  files: { port: BASE + 4, source: 'demo/namespaces.yaml, demo/networkpolicies.yaml' },
} as const;

export const urlOf = (server: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[server].port}`;
