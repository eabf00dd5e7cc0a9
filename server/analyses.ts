// Server-only: one Analyses per snapshot and config (lib/analyses), computed on first use and shared by every page,
// route and request for the life of the snapshot.
import 'server-only';
import { analyze, type Analyses, type NetworkReading } from '@/lib/analyses';
import type { Finding, ReportedFinding } from '@/lib/findings';
import type { Snapshot } from '@/lib/model';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { AnalysisAborted, analysisPool } from './analysisPool';
import { appliedConfig, type DashboardConfig } from './dashboardConfig';
import { COST_PER_FINDING, uploadStore } from './uploads';
import { perSnapshot } from './perSnapshot';
import { locateFinding, originIndex } from '@/lib/report/findingLocation';

// Per snapshot, then per config object: an edited perimeter.config.yaml is a new DashboardConfig, so analyses made
// with the old groups, duties or allow-list are never served again (both WeakMaps let old ones go).
const byConfig = perSnapshot('analyses', () => new WeakMap<DashboardConfig, Analyses>());

/**
 * The analyses of `snapshot` under the dashboard's config (PERIMETER_CONFIG; none when unset, as the CLI without
 * `--config`). A config that failed throws `ConfigError` (appliedConfig).
 */
export function analysesOf(snapshot: Snapshot): Analyses {
  const applied = appliedConfig();
  const cache = byConfig(snapshot);
  const known = cache.get(applied);
  if (known) return known;
  // Findings the worker computed (analysesReady) are taken as they are; asked for before that, they are computed here.
  const made = analyze(snapshot, applied.config, configFree(snapshot), {
    findings: () => {
      const done = fromWorker(snapshot).get(applied);
      if (!done) computedHere(snapshot).add(applied);
      return done;
    },
  });
  cache.set(applied, made);
  return made;
}

// Per snapshot and config: the findings the worker sent, and the configs whose findings were computed on this thread.
const fromWorker = perSnapshot('analyses-worker-findings', () => new WeakMap<DashboardConfig, readonly ReportedFinding[]>());
const computedHere = perSnapshot('analyses-findings-here', () => new WeakSet<DashboardConfig>());

/**
 * `analysesOf(snapshot)` once its findings (the costly whole-snapshot part: connectivity, RBAC index, every rule) are
 * ready, computed off the event loop in the analysis worker (server/analysisPool): one computation per snapshot and
 * config, shared by every waiter. `signal` is the request's: when every waiter's signal has aborted the computation
 * stops (AnalysisAborted is thrown to them). Without a worker (PERIMETER_ANALYSIS_WORKERS=0, no build) it is computed here.
 */
export async function analysesReady(snapshot: Snapshot, signal?: AbortSignal): Promise<Analyses> {
  const applied = appliedConfig();
  const analyses = analysesOf(snapshot);
  const pool = analysisPool();
  const done = fromWorker(snapshot);
  if (pool && !done.has(applied) && !computedHere(snapshot).has(applied)) {
    const findings = await pool.findings(snapshot, applied.config, signal);
    if (!done.has(applied)) {
      done.set(applied, findings);
      // An upload's memory now includes its findings: the store evicts others (never this one) past its caps.
      uploadStore().addCost(snapshot, findings.length * COST_PER_FINDING);
    }
  }
  return analyses;
}

/**
 * The snapshot compiled for connectivity questions (lib/netpol). hostNetwork pods are analysed like pods unless a
 * view asks for `host` (selected by no policy, as most CNIs do). Connectivity needs no config: it is read from the
 * snapshot's config-free analyses, so a config edit never recompiles the network.
 */
export const compiledSnapshot = (snapshot: Snapshot, hostNetwork: HostNetworkMode = 'as-pod') => networkOf(snapshot, hostNetwork).compiled;

/** The snapshot's connectivity in the engine's compact form (hostNetwork pods as pods unless `host` is asked). */
export const connectivityOf = (snapshot: Snapshot, hostNetwork: HostNetworkMode = 'as-pod') => networkOf(snapshot, hostNetwork).connectivity;

/**
 * What the snapshot's workloads are exposed to beyond its pods: the whole cluster and representative peers
 * (lib/netpol/exposure), for the Exposure page's "exposed to future workloads" list.
 */
export const exposureOf = (snapshot: Snapshot, hostNetwork: HostNetworkMode = 'as-pod') => networkOf(snapshot, hostNetwork).exposure;

/**
 * The snapshot's entry points and their paths from the internet, the internet-reachable workloads and their blast
 * radius (lib/exposure), with the config's `exposure` section (controller pods, sensitive namespaces).
 */
export const entryPointsOf = (snapshot: Snapshot) => analysesOf(snapshot).entryPoints;

/** The snapshot's analyses without a config: the network part, which every config's analyses share. */
const configFree = perSnapshot('analyses-network', (snapshot) => analyze(snapshot));
const networkOf = (snapshot: Snapshot, hostNetwork: HostNetworkMode) => configFree(snapshot).network({ hostNetwork });

/** The snapshot's network under a reading (hostNetwork pods, inactive pods included or not as `--live-only`). */
export const networkReadingOf = (snapshot: Snapshot, reading: Partial<NetworkReading>) => configFree(snapshot).network(reading);

/** The snapshot's RBAC index with the config's groups and duties. */
export const rbacIndexOf = (snapshot: Snapshot) => analysesOf(snapshot).rbac;

/**
 * Every finding of the snapshot, network and RBAC (lib/findings), after the config's rule switches, severities and
 * allow-list exactly as `perimeter check` applies them: sorted by severity then id, suppressed ones kept and marked.
 */
export const findingsOf = (snapshot: Snapshot) => analysesOf(snapshot).findings;

/** Direct and indirect editors of every NetworkPolicy, by `namespace/name`. */
export const policyEditorsOf = (snapshot: Snapshot) => analysesOf(snapshot).policyEditors;

/** Direct and indirect editors of every AdminNetworkPolicy and the BaselineAdminNetworkPolicy, by `kind/name`. */
export const adminPolicyEditorsOf = (snapshot: Snapshot) => analysesOf(snapshot).adminPolicyEditors;

const originsOf = perSnapshot('origins', originIndex);

/** Where a finding of the snapshot points in the manifests (`locateFinding`, as `perimeter check` prints it). */
export const findingLocator = (snapshot: Snapshot) => {
  const origins = originsOf(snapshot);
  return (f: Finding) => locateFinding(f, origins, snapshot);
};

/**
 * For route handlers: `analysesReady` with the request's signal, or a 499 response (nginx's "client closed request")
 * when the client went away before the analyses were ready.
 */
export async function analysesForRequest(snapshot: Snapshot, request: Request): Promise<Analyses | Response> {
  try {
    return await analysesReady(snapshot, request.signal);
  } catch (e) {
    if (e instanceof AnalysisAborted) return new Response(null, { status: 499 });
    throw e;
  }
}
