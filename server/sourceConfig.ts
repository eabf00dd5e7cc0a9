/** Which source the dashboard reads, decided once from `PERIMETER_SOURCE`. */
export type SourceConfig =
  /** `explicit` is false when PERIMETER_SOURCE is unset or blank: the banner says so, so nobody mistakes demo data for theirs. */
  | { readonly kind: 'demo'; readonly explicit: boolean }
  | { readonly kind: 'files'; readonly paths: readonly string[] }
  | { readonly kind: 'cluster' };

/** The environment variable that selects the source. */
export const SOURCE_ENV = 'PERIMETER_SOURCE';

/**
 * Parses `PERIMETER_SOURCE`: `demo`, `cluster`, or one or more comma-separated manifest paths (files or folders).
 * Unset or blank means the built-in demo. Keywords are matched case-insensitively; paths are kept as written.
 */
export function parseSourceConfig(value: string | undefined): SourceConfig {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return { kind: 'demo', explicit: false };
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
      return config.explicit ? 'demo (PERIMETER_SOURCE=demo)' : 'demo (no PERIMETER_SOURCE set)';
    case 'files':
      return `files: ${config.paths.join(', ')}`;
    case 'cluster':
      return 'cluster (PERIMETER_SOURCE=cluster)';
  }
}
