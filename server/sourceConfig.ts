import 'server-only';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Which source the dashboard reads, decided once from `PERIMETER_SOURCE` (and, when it is unset, the kubeconfig). */
export type SourceConfig =
  /** `explicit` is false when PERIMETER_SOURCE is unset or blank: the banner says so, so nobody mistakes demo data for theirs. */
  | { readonly kind: 'demo'; readonly explicit: boolean }
  | { readonly kind: 'files'; readonly paths: readonly string[] }
  /** `detected` names the credentials found when PERIMETER_SOURCE was unset (a kubeconfig path, or `in-cluster`). */
  | { readonly kind: 'cluster'; readonly detected?: string };

/** The environment variable that selects the source. */
export const SOURCE_ENV = 'PERIMETER_SOURCE';

/**
 * Parses `PERIMETER_SOURCE`: `demo`, `cluster`, or one or more comma-separated manifest paths (files or folders).
 * Unset or blank means the cluster when credentials were found (`foundCredentials`), else the built-in demo.
 * Keywords are matched case-insensitively; paths are kept as written.
 */
export function parseSourceConfig(value: string | undefined, foundCredentials?: string): SourceConfig {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return foundCredentials === undefined ? { kind: 'demo', explicit: false } : { kind: 'cluster', detected: foundCredentials };
  const keyword = trimmed.toLowerCase();
  if (keyword === 'demo') return { kind: 'demo', explicit: true };
  if (keyword === 'cluster') return { kind: 'cluster' };
  const paths = trimmed
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return { kind: 'files', paths: [...new Set(paths)] };
}

/** One line for logs and error pages, e.g. `files: a.yaml, b/`. */
export function describeSourceConfig(config: SourceConfig): string {
  switch (config.kind) {
    case 'demo':
      return config.explicit ? 'demo (PERIMETER_SOURCE=demo)' : 'demo (no PERIMETER_SOURCE set, no kubeconfig found)';
    case 'files':
      return `files: ${config.paths.join(', ')}`;
    case 'cluster':
      return config.detected === undefined ? 'cluster (PERIMETER_SOURCE=cluster)' : `cluster (no PERIMETER_SOURCE set; found ${config.detected})`;
  }
}

/** The in-cluster service-account token client-node reads when running in a pod. */
const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * Where cluster credentials would be read from, as kubectl looks for them: the first existing file of `KUBECONFIG`
 * (when set, kubectl reads only it), else `~/.kube/config`, else the in-cluster service account. Undefined when none.
 */
export function detectCredentials(env: Readonly<Record<string, string | undefined>>, home: string, exists: (file: string) => boolean): string | undefined {
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (listed.length > 0) return listed.find(exists);
  const own = path.join(home, '.kube', 'config');
  if (exists(own)) return own;
  if (env.KUBERNETES_SERVICE_HOST && exists(IN_CLUSTER_TOKEN)) return 'in-cluster';
  return undefined;
}

/** The source this process serves: `PERIMETER_SOURCE`, or when unset the cluster if credentials exist, else the demo. */
export function configuredSource(env: NodeJS.ProcessEnv = process.env): SourceConfig {
  const value = env[SOURCE_ENV];
  const unset = (value ?? '').trim() === '';
  return parseSourceConfig(value, unset ? detectCredentials(env, os.homedir(), existsSync) : undefined);
}
