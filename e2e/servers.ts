// E2E_PORT_BASE moves every server, so parallel e2e runs on one machine don't collide (default 3100).
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

// Never the developer's own ~/.kube/config: every server gets a KUBECONFIG, so each fails or succeeds the same everywhere.
const UNREACHABLE = 'e2e/unreachable.kubeconfig';
const NO_KUBECONFIG = 'e2e/no-kubeconfig-here';

/** The production servers Playwright starts (see playwright.config.ts), one per source configuration. */
export const SERVERS = {
  demo: { port: BASE + 0, source: 'demo', kubeconfig: UNREACHABLE },
  cluster: { port: BASE + 1, source: 'cluster', kubeconfig: UNREACHABLE },
  missingPath: { port: BASE + 2, source: 'e2e/does-not-exist.yaml', kubeconfig: UNREACHABLE },
  /** Blank is the same as unset (Playwright cannot unset a variable it inherits). */
  unset: { port: BASE + 3, source: '', kubeconfig: NO_KUBECONFIG },
  files: { port: BASE + 4, source: 'demo/namespaces.yaml, demo/networkpolicies.yaml', kubeconfig: UNREACHABLE },
  /** Unset with a kubeconfig found: the cluster is chosen, as kubectl would find it. */
  unsetWithKubeconfig: { port: BASE + 5, source: '', kubeconfig: UNREACHABLE },
  /** The demo with perimeter.config.yaml (PERIMETER_CONFIG): groups, a duty, rule settings and an allow-list. */
  config: { port: BASE + 6, source: 'demo', kubeconfig: UNREACHABLE, config: 'e2e/demo.config.yaml' },
} as const;

/** PERIMETER_CONFIG for a server; blank (= unset) for every server but `config`. */
export const configOf = (server: keyof typeof SERVERS): string => {
  const s = SERVERS[server];
  return 'config' in s ? s.config : '';
};

export const urlOf = (server: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[server].port}`;
