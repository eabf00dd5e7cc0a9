// Server-only: reads perimeter.config.yaml named by PERIMETER_CONFIG, as `perimeter check --config FILE` does.
import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EMPTY_CONFIG, parseConfig, type PerimeterConfig } from '@/lib/config';
import type { Warning } from '@/lib/model';
import type { SourceFailure } from './snapshotStore';

/** The environment variable naming the config file. Unset or blank: no config (docs/config.md: nothing is read implicitly). */
export const CONFIG_ENV = 'PERIMETER_CONFIG';

/** The config the dashboard's RBAC answers and findings assume. */
export type DashboardConfig =
  /** PERIMETER_CONFIG unset: no groups (group-based access of users is unknown), no duties, every rule on, nothing allowed. */
  | { readonly kind: 'none'; readonly config: PerimeterConfig }
  /** Read and applied; `warnings` are the parser's skipped entries (`config-invalid`), shown like the source's. */
  | {
      readonly kind: 'loaded';
      /** As written in PERIMETER_CONFIG. */
      readonly path: string;
      /** Absolute, resolved from the server's working directory. */
      readonly resolved: string;
      readonly config: PerimeterConfig;
      readonly warnings: readonly Warning[];
      /** The file's identity when it was read; a change means read again. */
      readonly stamp: string;
    }
  /** Named but unreadable or not YAML: every RBAC answer would be a guess, so pages fail with `cause`. */
  | { readonly kind: 'failed'; readonly path: string; readonly resolved: string; readonly cause: string; readonly stamp: string };

// On globalThis, like the reader's state below: Next bundles each route with its own module copies, and a per-route
// object would key server/analyses' per-snapshot caches apart (the findings computed once per route, not once).
const NONE = Symbol.for('perimeter.dashboardConfig.none');
const gNone = globalThis as typeof globalThis & { [NONE]?: Extract<DashboardConfig, { kind: 'none' }> };

/** The dashboard without PERIMETER_CONFIG; one object per process, so caches keyed on it stay warm. */
export const NO_DASHBOARD_CONFIG: Extract<DashboardConfig, { kind: 'none' }> = (gNone[NONE] ??= Object.freeze({ kind: 'none', config: EMPTY_CONFIG }));

/** The file operations the reader needs (node:fs by default; tests pass the real ones on temp files). */
export interface ConfigFs {
  readonly stat: (file: string) => { readonly mtimeMs: number; readonly size: number; readonly ino: number };
  readonly read: (file: string) => string;
}

const NODE_FS: ConfigFs = { stat: (f) => statSync(f), read: (f) => readFileSync(f, 'utf8') };

const errorText = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  const message = e instanceof Error ? e.message : String(e);
  // Node's fs messages already start with the code ("ENOENT: no such file or directory, stat '…'").
  return code && !message.startsWith(`${code}:`) ? `${code}: ${message}` : message;
};

/**
 * The config for `value` (PERIMETER_CONFIG), reusing `previous` while the file's mtime, size and inode are unchanged,
 * so an auditor's edit is picked up by the next request and an unchanged file is never parsed twice. A file that
 * cannot be read, or is not YAML (parseConfig's `config-parse-error`, after which the CLI's `check` exits 2), is
 * `failed`; bad entries inside a valid file are warnings and the rest applies, as in the CLI.
 */
export function readDashboardConfig(value: string | undefined, previous: DashboardConfig | undefined, cwd = process.cwd(), fs: ConfigFs = NODE_FS): DashboardConfig {
  const written = (value ?? '').trim();
  if (written === '') return NO_DASHBOARD_CONFIG;
  const resolved = path.resolve(cwd, written);
  let stamp: string;
  let statError: string | undefined;
  try {
    const st = fs.stat(resolved);
    stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch (e) {
    statError = errorText(e);
    stamp = `unreadable:${statError}`;
  }
  // Same file state (or the same failure) as last time: the same object, so caches keyed on it stay warm.
  if (previous && previous.kind !== 'none' && previous.resolved === resolved && previous.stamp === stamp) return previous;
  if (statError !== undefined) return { kind: 'failed', path: written, resolved, cause: `cannot read it (${statError})`, stamp };
  let text: string;
  try {
    text = fs.read(resolved);
  } catch (e) {
    return { kind: 'failed', path: written, resolved, cause: `cannot read it (${errorText(e)})`, stamp };
  }
  const { config, warnings } = parseConfig(text, written);
  // parseConfig ignores the whole file (returns EMPTY_CONFIG with a warning) when it is not YAML or not a mapping.
  const errors = warnings.filter((w) => w.severity === 'error');
  const ignored = errors.length > 0 ? errors : config === EMPTY_CONFIG ? warnings : [];
  if (ignored.length > 0) return { kind: 'failed', path: written, resolved, cause: ignored.map((w) => causeOf(w.message, written)).join(' '), stamp };
  return { kind: 'loaded', path: written, resolved, config, warnings, stamp };
}

/** The parser's message without the file name (the failure names it) and the CLI's "ignored" ending (here it fails). */
function causeOf(message: string, file: string): string {
  const text = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
  return text.replace(/:?; the config was ignored\.$/, '').replace(/:$/, '');
}

// On globalThis: Next bundles each route with its own module copies, and every route must see one config.
const STATE = Symbol.for('perimeter.dashboardConfig');
const g = globalThis as typeof globalThis & { [STATE]?: DashboardConfig };

/** The config this server applies now: PERIMETER_CONFIG, re-read when the file changed since the last request. */
export function dashboardConfig(env: Readonly<Record<string, string | undefined>> = process.env): DashboardConfig {
  const next = readDashboardConfig(env[CONFIG_ENV], g[STATE]);
  g[STATE] = next;
  return next;
}

/** Thrown by analyses that need the config when it failed; pages check `dashboardConfig()` first and show the cause. */
export class ConfigError extends Error {
  constructor(readonly failed: Extract<DashboardConfig, { kind: 'failed' }>) {
    super(`${CONFIG_ENV}=${failed.path}: ${failed.cause}`);
    this.name = 'ConfigError';
  }
}

/**
 * The config in effect for an analysis: `none` or `loaded`; throws `ConfigError` when it failed (pages have checked
 * `currentSnapshot()` first, which fails then, so this only guards a file broken between two reads of one request).
 */
export function appliedConfig(): Exclude<DashboardConfig, { kind: 'failed' }> {
  const c = dashboardConfig();
  if (c.kind === 'failed') throw new ConfigError(c);
  return c;
}

/** One line for the banner and pages: which config the answers assume. */
export function describeDashboardConfig(c: DashboardConfig): string {
  switch (c.kind) {
    case 'none':
      return 'no perimeter.config.yaml: groups and duties unknown';
    case 'loaded':
      return `config ${c.path}`;
    case 'failed':
      return `config ${c.path} failed: ${c.cause}`;
  }
}

/**
 * A failed config as a page failure, shown like a source that failed: without the file, users' access through IdP
 * groups, duty findings and the allow-list are unknown, and showing answers without them would be a guess.
 */
export function configFailure(c: Extract<DashboardConfig, { kind: 'failed' }>): SourceFailure {
  return {
    reason: 'config-failed',
    message: `${CONFIG_ENV}=${c.path}${c.path === c.resolved ? '' : ` (${c.resolved})`} could not be applied: ${c.cause}.`,
    hint: `Fix the file: it is read again on the next request. Or unset ${CONFIG_ENV} and restart to see every answer without groups, duties, rule settings and allow-list (docs/config.md).`,
  };
}
