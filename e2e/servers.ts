/** The production servers Playwright starts (see playwright.config.ts), one per source configuration. */
export const SERVERS = {
  demo: { port: 3100, source: 'demo' },
  cluster: { port: 3101, source: 'cluster' },
  missingPath: { port: 3102, source: 'e2e/does-not-exist.yaml' },
  /** Blank is the same as unset (Playwright cannot unset a variable it inherits). */
  unset: { port: 3103, source: '' },
  files: { port: 3104, source: 'demo/namespaces.yaml, demo/networkpolicies.yaml' },
} as const;

export const urlOf = (server: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[server].port}`;
