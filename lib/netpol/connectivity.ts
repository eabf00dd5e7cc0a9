import type { ContainerPort, Snapshot, Warning } from '../model';
import { compileSnapshot, rulePortSet, type AnalyzeOptions, type CompiledRule, type CompiledSnapshot } from './compile';
import type { IpRange } from './ipRange';
import type { PortSetTable } from './portSet';

/**
 * Classes that every selector and policy treats the same (same selecting policies, same matching peers, same named
 * ports): the unit the connectivity matrix is computed on.
 */
export interface BehaviourGroup {
  readonly id: number;
  readonly classes: readonly number[];
  readonly ingressPolicies: readonly number[];
  readonly egressPolicies: readonly number[];
  readonly namedPorts: readonly ContainerPort[];
  /** Not selected by any policy with Ingress (Egress) in its types: that side allows everything. */
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  /** Every source (destination), external ones included, gets every connection from this side. */
  readonly ingressOpen: boolean;
  readonly egressOpen: boolean;
}

/** A group of external ranges that every ipBlock treats the same. */
export interface ExternalGroup {
  readonly id: number;
  readonly ranges: readonly IpRange[];
  readonly peers: readonly number[];
}

/**
 * The connectivity of a snapshot in compact form: connections between behaviour groups and external groups as
 * interned port-set ids (0 = nothing, 1 = everything). Expand to endpoints with `enumerateConnections`.
 */
export interface Connectivity {
  readonly compiled: CompiledSnapshot;
  readonly ports: PortSetTable;
  readonly groups: readonly BehaviourGroup[];
  readonly groupOfClass: readonly number[];
  readonly externalGroups: readonly ExternalGroup[];
  /** External group of each of `compiled.externalRanges`. */
  readonly externalGroupOfRange: readonly number[];
  /** `matrix[src * groups.length + dst]`. */
  readonly matrix: Uint32Array;
  /** `toExternal[src * externalGroups.length + ext]`. */
  readonly toExternal: Uint32Array;
  /** `fromExternal[ext * groups.length + dst]`. */
  readonly fromExternal: Uint32Array;
  readonly warnings: readonly Warning[];
}

interface RuleView {
  readonly rule: CompiledRule;
  readonly anyPeer: boolean;
  readonly podPeers: readonly number[];
  readonly ipPeers: readonly number[];
}

function ruleView(rule: CompiledRule): RuleView {
  return {
    rule,
    anyPeer: rule.peers.length === 0,
    podPeers: rule.peers.filter((p) => p.kind === 'pods').map((p) => p.id),
    ipPeers: rule.peers.filter((p) => p.kind === 'ipBlock').map((p) => p.id),
  };
}

interface GroupWork {
  readonly classes: number[];
  readonly ingressPolicies: readonly number[];
  readonly egressPolicies: readonly number[];
  readonly peers: Set<number>;
  readonly namedPorts: readonly ContainerPort[];
  readonly portsKey: string;
  readonly ingressRules: RuleView[];
  readonly egressRules: RuleView[];
  readonly ingressNamed: boolean;
  readonly egressNamed: boolean;
}

function buildGroups(c: CompiledSnapshot): { work: GroupWork[]; groupOfClass: number[] } {
  const byKey = new Map<string, number>();
  const work: GroupWork[] = [];
  const groupOfClass: number[] = [];
  const rulesOf = (ids: readonly number[], dir: 'ingress' | 'egress') => ids.flatMap((id) => c.policies[id][dir].map(ruleView));
  for (const cls of c.classes) {
    const portsKey = cls.namedPorts.map((p) => `${p.name}/${p.protocol}/${p.containerPort}`).join(',');
    const ing = c.classIngressPolicies[cls.id];
    const eg = c.classEgressPolicies[cls.id];
    const key = `${ing.join(',')}|${eg.join(',')}|${c.classPeers[cls.id].join(',')}|${portsKey}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = work.length;
      byKey.set(key, g);
      const ingressRules = rulesOf(ing, 'ingress');
      const egressRules = rulesOf(eg, 'egress');
      work.push({
        classes: [],
        ingressPolicies: ing,
        egressPolicies: eg,
        peers: new Set(c.classPeers[cls.id]),
        namedPorts: cls.namedPorts,
        portsKey,
        ingressRules,
        egressRules,
        ingressNamed: ingressRules.some((r) => r.rule.hasNamedPort),
        egressNamed: egressRules.some((r) => r.rule.hasNamedPort),
      });
    }
    work[g].classes.push(cls.id);
    groupOfClass.push(g);
  }
  return { work, groupOfClass };
}

function buildExternalGroups(c: CompiledSnapshot): { groups: ExternalGroup[]; groupOfRange: number[] } {
  const byKey = new Map<string, number>();
  const groups: { id: number; ranges: IpRange[]; peers: readonly number[] }[] = [];
  const groupOfRange = c.externalRanges.map(({ range, peers }) => {
    const key = `${range.family}|${peers.join(',')}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push({ id: g, ranges: [], peers });
    }
    groups[g].ranges.push(range);
    return g;
  });
  return { groups, groupOfRange };
}

/**
 * Union of the ports of the rules (of one side) that match the other side, with a per-side memo keyed by which
 * rules matched (and the destination's named ports when a rule uses one).
 */
function sideAllows(
  table: PortSetTable,
  rules: readonly RuleView[],
  matches: (r: RuleView) => boolean,
  dstPorts: readonly ContainerPort[] | null,
  dstKey: string,
  memo: Map<string, number>,
  ruleMemo: Map<CompiledRule, Map<string, number>>,
): number {
  let mask = '';
  for (let i = 0; i < rules.length; i++) if (matches(rules[i])) mask += `${i},`;
  const key = `${mask}|${dstKey}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let acc = 0;
  for (let i = 0; i < rules.length && acc !== 1; i++) {
    const r = rules[i];
    if (!matches(r)) continue;
    const rk = r.rule.hasNamedPort ? dstKey : '';
    let perRule = ruleMemo.get(r.rule);
    if (!perRule) ruleMemo.set(r.rule, (perRule = new Map()));
    let id = perRule.get(rk);
    if (id === undefined) perRule.set(rk, (id = table.intern(rulePortSet(r.rule.ports, dstPorts))));
    acc = table.union(acc, id);
  }
  memo.set(key, acc);
  return acc;
}

const hasAny = (ids: readonly number[], set: ReadonlySet<number>) => {
  for (const id of ids) if (set.has(id)) return true;
  return false;
};

/** Computes the connectivity of a snapshot (or of an already compiled one) in compact form. */
export function analyzeConnectivity(input: Snapshot | CompiledSnapshot, opts: AnalyzeOptions = {}): Connectivity {
  const c = 'classes' in input ? input : compileSnapshot(input, opts);
  const table = c.ports;
  const { work, groupOfClass } = buildGroups(c);
  const { groups: externalGroups, groupOfRange } = buildExternalGroups(c);
  const G = work.length;
  const E = externalGroups.length;
  const matrix = new Uint32Array(G * G);
  const toExternal = new Uint32Array(G * E);
  const fromExternal = new Uint32Array(E * G);
  const ruleMemo = new Map<CompiledRule, Map<string, number>>();
  const egressMemo = work.map(() => new Map<string, number>());
  const ingressMemo = work.map(() => new Map<string, number>());
  const ingressOpen = work.map((w) => w.ingressRules.length === 0 && w.ingressPolicies.length === 0);
  const egressOpen = work.map((w) => w.egressPolicies.length === 0);
  const extPeerSets = externalGroups.map((e) => new Set(e.peers));

  for (let s = 0; s < G; s++) {
    const src = work[s];
    for (let d = 0; d < G; d++) {
      const dst = work[d];
      const eg =
        src.egressPolicies.length === 0
          ? 1
          : sideAllows(table, src.egressRules, (r) => r.anyPeer || hasAny(r.podPeers, dst.peers), dst.namedPorts, src.egressNamed ? dst.portsKey : '', egressMemo[s], ruleMemo);
      const ing =
        dst.ingressPolicies.length === 0
          ? 1
          : sideAllows(table, dst.ingressRules, (r) => r.anyPeer || hasAny(r.podPeers, src.peers), dst.namedPorts, dst.portsKey, ingressMemo[d], ruleMemo);
      if (eg !== 1) egressOpen[s] = false;
      if (ing !== 1) ingressOpen[d] = false;
      matrix[s * G + d] = table.intersect(eg, ing);
    }
    for (let e = 0; e < E; e++) {
      const eg =
        src.egressPolicies.length === 0
          ? 1
          : sideAllows(table, src.egressRules, (r) => r.anyPeer || hasAny(r.ipPeers, extPeerSets[e]), null, `ext${e}`, egressMemo[s], ruleMemo);
      if (eg !== 1) egressOpen[s] = false;
      toExternal[s * E + e] = eg;
    }
  }
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < G; d++) {
      const dst = work[d];
      const ing =
        dst.ingressPolicies.length === 0
          ? 1
          : sideAllows(table, dst.ingressRules, (r) => r.anyPeer || hasAny(r.ipPeers, extPeerSets[e]), dst.namedPorts, dst.portsKey, ingressMemo[d], ruleMemo);
      if (ing !== 1) ingressOpen[d] = false;
      fromExternal[e * G + d] = ing;
    }
  }
  const groups: BehaviourGroup[] = work.map((w, id) => ({
    id,
    classes: w.classes,
    ingressPolicies: w.ingressPolicies,
    egressPolicies: w.egressPolicies,
    namedPorts: w.namedPorts,
    ingressIsolated: w.ingressPolicies.length > 0,
    egressIsolated: w.egressPolicies.length > 0,
    ingressOpen: ingressOpen[id],
    egressOpen: egressOpen[id],
  }));
  return {
    compiled: c,
    ports: table,
    groups,
    groupOfClass,
    externalGroups,
    externalGroupOfRange: groupOfRange,
    matrix,
    toExternal,
    fromExternal,
    warnings: c.warnings,
  };
}
