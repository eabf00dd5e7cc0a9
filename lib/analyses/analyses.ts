import { EMPTY_CONFIG, type PerimeterConfig } from '../config/config';
import { applyRuleConfig, type ReportedFinding } from '../findings/configRules';
import type { Finding } from '../findings/finding';
import { networkFindings } from '../findings/networkFindings';
import { rbacFindings } from '../findings/rbacFindings';
import type { Snapshot } from '../model';
import { compileSnapshot, type AnalyzeOptions, type CompiledSnapshot, type HostNetworkMode } from '../netpol/compile';
import { analyzeConnectivity, type Connectivity } from '../netpol/connectivity';
import { analyzeExposure, type Exposure } from '../netpol/exposure';
import { analyzeEntryPoints, type EntryPointAnalysis } from '../exposure/analyzeEntryPoints';
import { DEFAULT_EXPOSURE_CONFIG } from '../config/exposureConfig';
import { exposureFindings } from '../findings/exposureFindings';
import { buildRbacIndex, type RbacIndex } from '../rbac/buildRbacIndex';
import { adminNetworkPolicyEditors, networkPolicyEditors, type PolicyEditors } from '../rbac/networkPolicyEditors';

/** One reading of the network: how hostNetwork and inactive pods are treated (lib/netpol AnalyzeOptions). */
export interface NetworkReading {
  readonly hostNetwork: HostNetworkMode;
  readonly includeInactive: boolean;
}

/** The engine's default reading, the one findings use: hostNetwork pods as pods, inactive pods included (marked). */
export const DEFAULT_READING: NetworkReading = Object.freeze({ hostNetwork: 'as-pod', includeInactive: true });

/** The connectivity analyses of one reading. */
export interface NetworkAnalyses {
  readonly reading: NetworkReading;
  readonly compiled: CompiledSnapshot;
  readonly connectivity: Connectivity;
  /** Exposure to pods not in the snapshot (entire cluster, representative peers), per workload (lib/netpol/exposure). */
  readonly exposure: Exposure;
}

/**
 * Every analysis of one snapshot under one config, each computed on first use and then kept: the pages, the API,
 * `check`, `diff`, what-if and the report read the same object, so no analysis is composed or computed twice.
 */
export interface Analyses {
  readonly snapshot: Snapshot;
  readonly config: PerimeterConfig;
  /** The network under a reading (the default one unless asked): compiled once and analysed once per reading. */
  network(reading?: Partial<NetworkReading>): NetworkAnalyses;
  /** `network().compiled`: the default reading. */
  readonly compiled: CompiledSnapshot;
  /** `network().connectivity`: the default reading. */
  readonly connectivity: Connectivity;
  /**
   * Entry points (LoadBalancers, node ports, Ingresses, Routes, Gateways, host ports, open policy rules), their
   * paths from the internet and what the reachable workloads reach next (lib/exposure), on the default reading;
   * the config's `exposure` section names controller pods and sensitive namespaces.
   */
  readonly entryPoints: EntryPointAnalysis;
  /** The RBAC index with the config's groups and duties. */
  readonly rbac: RbacIndex;
  /** Every rule's findings (network and RBAC), before the config's rule settings. */
  readonly rawFindings: readonly Finding[];
  /**
   * The findings after the config's rule switches, severities and allow-list (applyRuleConfig), sorted by severity
   * then id; suppressed ones kept and marked.
   */
  readonly findings: readonly ReportedFinding[];
  /** Direct and indirect editors of every NetworkPolicy, by `namespace/name`. */
  readonly policyEditors: ReadonlyMap<string, PolicyEditors>;
  /** Direct and indirect editors of every AdminNetworkPolicy and the BaselineAdminNetworkPolicy, by `kind/name`. */
  readonly adminPolicyEditors: ReadonlyMap<string, PolicyEditors>;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

const readingKey = (r: NetworkReading) => `${r.hostNetwork}|${r.includeInactive}`;

/** Connectivity per reading, computed on first use; it does not depend on the config. */
function networkReadings(snapshot: Snapshot): Analyses['network'] {
  const readings = new Map<string, NetworkAnalyses>();
  return (asked: Partial<NetworkReading> = {}): NetworkAnalyses => {
    const reading: NetworkReading = { ...DEFAULT_READING, ...asked };
    const key = readingKey(reading);
    const known = readings.get(key);
    if (known) return known;
    const options: AnalyzeOptions = { hostNetwork: reading.hostNetwork, includeInactive: reading.includeInactive };
    const compiled = once(() => compileSnapshot(snapshot, options));
    const connectivity = once(() => analyzeConnectivity(compiled()));
    const exposure = once(() => analyzeExposure(connectivity()));
    const made: NetworkAnalyses = {
      reading,
      get compiled() {
        return compiled();
      },
      get connectivity() {
        return connectivity();
      },
      get exposure() {
        return exposure();
      },
    };
    readings.set(key, made);
    return made;
  };
}

/** Results computed elsewhere (the dashboard's analysis worker): asked for when first needed, computed here when absent. */
export interface KnownResults {
  /** The findings after the config, as `analyze(snapshot, config).findings` would give them. */
  readonly findings?: () => readonly ReportedFinding[] | undefined;
}

/**
 * The analyses of `snapshot` under `config` (no groups, duties or rule settings when omitted), computed lazily.
 * `sameNetwork` (analyses of the same snapshot under another config) lends its network analyses, which no config
 * changes, so a new config never recompiles or re-analyses connectivity. `known` supplies results computed elsewhere.
 */
export function analyze(snapshot: Snapshot, config: PerimeterConfig = EMPTY_CONFIG, sameNetwork?: Analyses, known: KnownResults = {}): Analyses {
  if (sameNetwork && sameNetwork.snapshot !== snapshot) throw new Error('analyze: sameNetwork must be analyses of the same snapshot');
  const network = sameNetwork?.network ?? networkReadings(snapshot);
  const rbac = once(() => buildRbacIndex(snapshot, config));
  const exposureConfig = config.exposure ?? DEFAULT_EXPOSURE_CONFIG;
  const entryPoints = once(() => analyzeEntryPoints(snapshot, network().connectivity, exposureConfig));
  const rawFindings = once((): readonly Finding[] => [
    ...networkFindings(network().connectivity),
    ...exposureFindings(snapshot, network().connectivity, entryPoints(), network().exposure, exposureConfig.zoneLabel),
    ...rbacFindings(rbac(), snapshot.networkPolicies),
  ]);
  const findings = once(() => known.findings?.() ?? applyRuleConfig(rawFindings(), config.rules));
  const policyEditors = once(() => new Map(networkPolicyEditors(rbac(), snapshot.networkPolicies).map((p) => [`${p.policy.namespace}/${p.policy.name}`, p])));
  const adminPolicyEditors = once(() => new Map(adminNetworkPolicyEditors(rbac(), snapshot).map((p) => [`${p.policy.kind}/${p.policy.name}`, p])));
  return {
    snapshot,
    config,
    network,
    get compiled() {
      return network().compiled;
    },
    get connectivity() {
      return network().connectivity;
    },
    get entryPoints() {
      return entryPoints();
    },
    get rbac() {
      return rbac();
    },
    get rawFindings() {
      return rawFindings();
    },
    get findings() {
      return findings();
    },
    get policyEditors() {
      return policyEditors();
    },
    get adminPolicyEditors() {
      return adminPolicyEditors();
    },
  };
}
