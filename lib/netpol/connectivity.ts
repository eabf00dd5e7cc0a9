import type { ContainerPort, Snapshot, Warning } from '../model';
import { compileSnapshot, rulePortSet, type AnalyzeOptions, type CompiledRule, type CompiledSnapshot } from './compile';
import { adminPortSet, type CompiledAdminRule } from './compileAdmin';
import type { IpRange } from './ipRange';
import type { PortSetTable } from './portSet';
import { applyTiers, internedPorts, type PortAlgebra, type TierRule } from './precedence';

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
  /** Admin policy ids (`compiled.adminPolicies`) with ingress (egress) rules selecting the group, in evaluation order. */
  readonly ingressAdmin: readonly number[];
  readonly egressAdmin: readonly number[];
  /** Not selected by any NetworkPolicy with Ingress (Egress) in its types (admin tiers may still restrict it). */
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

/** An admin rule as the matrix sees it: `anyPeer` never holds (admin rules always list peers). */
interface AdminRuleView extends TierRule {
  readonly rule: CompiledAdminRule;
  readonly anyPeer: false;
  readonly podPeers: readonly number[];
  readonly ipPeers: readonly number[];
}

function ruleView(rule: CompiledRule): RuleView {
  return {
    rule,
    anyPeer: rule.peers.length === 0,
    // ipBlocks match pods too where they hold a host-network pod's node IP (compile: PodClass.hostBlocks).
    podPeers: rule.peers.filter((p) => p.kind === 'pods' || p.classes.length > 0).map((p) => p.id),
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
  readonly egressNamed: boolean;
  readonly ingressAdmin: readonly number[];
  readonly egressAdmin: readonly number[];
  readonly ingressAdminRules: AdminRuleView[];
  readonly egressAdminRules: AdminRuleView[];
  readonly egressAdminNamed: boolean;
}

function buildGroups(c: CompiledSnapshot): { work: GroupWork[]; groupOfClass: number[] } {
  const byKey = new Map<string, number>();
  const work: GroupWork[] = [];
  const groupOfClass: number[] = [];
  const rulesOf = (ids: readonly number[], dir: 'ingress' | 'egress') => ids.flatMap((id) => c.policies[id][dir].map(ruleView));
  const adminRulesOf = (ids: readonly number[], dir: 'ingress' | 'egress') =>
    ids.flatMap((id) => c.adminPolicies[id][dir].map((rule): AdminRuleView => ({ rule, tier: rule.tier, action: rule.action, anyPeer: false, podPeers: rule.podPeers, ipPeers: rule.ipPeers })));
  for (const cls of c.classes) {
    const portsKey = cls.namedPorts.map((p) => `${p.name}/${p.protocol}/${p.containerPort}`).join(',');
    const ing = c.classIngressPolicies[cls.id];
    const eg = c.classEgressPolicies[cls.id];
    const ingA = c.classIngressAdmin[cls.id];
    const egA = c.classEgressAdmin[cls.id];
    const key = `${ing.join(',')}|${eg.join(',')}|${c.classPeers[cls.id].join(',')}|${portsKey}|${ingA.join(',')}|${egA.join(',')}`;
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
        egressNamed: egressRules.some((r) => r.rule.hasNamedPort),
        ingressAdmin: ingA,
        egressAdmin: egA,
        ingressAdminRules: adminRulesOf(ingA, 'ingress'),
        egressAdminRules: adminRulesOf(egA, 'egress'),
        egressAdminNamed: egA.some((id) => c.adminPolicies[id].egress.some((r) => r.hasNamedPort)),
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
 * For one side's rules, the bitmask (in 31-bit words) of rules that match each candidate on the other side;
 * rules without peers match every candidate.
 */
function ruleMasks<R extends { readonly anyPeer: boolean }>(rules: readonly R[], candidates: number, matchedBy: (r: R) => Iterable<number>, scratch: { buf: Int32Array }): { words: number; masks: Int32Array } {
  const words = Math.max(1, Math.ceil(rules.length / 31));
  // One reused buffer: a fresh array per group would allocate groups² integers in total.
  if (scratch.buf.length < candidates * words) scratch.buf = new Int32Array(candidates * words);
  const masks = scratch.buf;
  masks.fill(0, 0, candidates * words);
  rules.forEach((r, i) => {
    const w = Math.floor(i / 31);
    const bit = 1 << (i % 31);
    if (r.anyPeer) for (let k = 0; k < candidates; k++) masks[k * words + w] |= bit;
    else for (const k of matchedBy(r)) masks[k * words + w] |= bit;
  });
  return { words, masks };
}

function maskKey(masks: Int32Array, words: number, k: number): number | string {
  if (words === 1) return masks[k];
  let key = '';
  for (let w = 0; w < words; w++) key += `${masks[k * words + w]},`;
  return key;
}

/** Union of the ports of the rules selected by a mask, resolved toward a destination's named ports (null: external). */
function unionOfRules(
  table: PortSetTable,
  rules: readonly RuleView[],
  masks: Int32Array,
  words: number,
  k: number,
  dstPorts: readonly ContainerPort[] | null,
  dstKey: string,
  ruleMemo: Map<CompiledRule, Map<string, number>>,
): number {
  let acc = 0;
  for (let i = 0; i < rules.length && acc !== 1; i++) {
    if ((masks[k * words + Math.floor(i / 31)] & (1 << (i % 31))) === 0) continue;
    const rule = rules[i].rule;
    const rk = rule.hasNamedPort ? dstKey : '';
    let perRule = ruleMemo.get(rule);
    if (!perRule) ruleMemo.set(rule, (perRule = new Map()));
    let id = perRule.get(rk);
    if (id === undefined) perRule.set(rk, (id = table.intern(rulePortSet(rule.ports, dstPorts))));
    acc = table.union(acc, id);
  }
  return acc;
}

/** Rule masks over every candidate, with a small id per distinct mask. */
interface MaskTable {
  readonly words: number;
  readonly masks: Int32Array;
  readonly ids: Int32Array;
}

/** At most 16 M integers (64 MB) of cached admin masks; past that, masks are rebuilt per group. */
const MASK_CACHE_INTS = 1 << 24;

/** A small id per distinct mask, so the per-cell memo key below stays numeric (string keys dominate a groups² loop). */
function internMask(ids: Map<number | string, number>, key: number | string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** A numeric key for (mask id, port-set id, named-ports id < kinds); a string in the unlikely case it would not be exact. */
function cellKey(maskId: number, v: number, portsId: number, kinds: number): number | string {
  const n = (maskId * kinds + portsId) * 0x100000 + v;
  return v < 0x100000 && n < Number.MAX_SAFE_INTEGER ? n : `${maskId}|${portsId}|${v}`;
}

/**
 * One side's verdict through the tiers (lib/netpol/precedence), for the admin rules selected by a mask (evaluation
 * order) and what NetworkPolicies allow (`npV`; meaningful when `npIsolated`).
 */
function tieredVerdict(
  alg: PortAlgebra<number>,
  table: PortSetTable,
  rules: readonly AdminRuleView[],
  masks: Int32Array,
  words: number,
  k: number,
  npIsolated: boolean,
  npV: number,
  dstPorts: readonly ContainerPort[] | null,
  dstKey: string,
  memo: Map<CompiledAdminRule, Map<string, number>>,
): number {
  const portsOf = ({ rule }: AdminRuleView): number => {
    const rk = rule.hasNamedPort ? dstKey : '';
    let perRule = memo.get(rule);
    if (!perRule) memo.set(rule, (perRule = new Map()));
    let id = perRule.get(rk);
    if (id === undefined) perRule.set(rk, (id = table.intern(adminPortSet(rule.ports, dstPorts))));
    return id;
  };
  const hit = (i: number) => (masks[k * words + Math.floor(i / 31)] & (1 << (i % 31))) !== 0;
  return applyTiers(alg, rules, hit, portsOf, { isolated: npIsolated, allowed: npV }).allowed;
}

/** Computes the connectivity of a snapshot (or of an already compiled one) in compact form. */
export function analyzeConnectivity(input: Snapshot | CompiledSnapshot, opts: AnalyzeOptions = {}): Connectivity {
  const c = 'classes' in input ? input : compileSnapshot(input, opts);
  const table = c.ports;
  const alg = internedPorts(table);
  const { work, groupOfClass } = buildGroups(c);
  const { groups: externalGroups, groupOfRange } = buildExternalGroups(c);
  const G = work.length;
  const E = externalGroups.length;
  const matrix = new Uint32Array(G * G);
  const toExternal = new Uint32Array(G * E);
  const fromExternal = new Uint32Array(E * G);
  const ruleMemo = new Map<CompiledRule, Map<string, number>>();
  const ingressOpen = work.map(() => true);
  const egressOpen = work.map(() => true);

  // Which groups (external groups) each peer matches, so rule masks are built from the peers' side.
  const peerGroups = new Map<number, number[]>();
  work.forEach((w, g) => {
    for (const id of w.peers) {
      const l = peerGroups.get(id);
      if (l) l.push(g);
      else peerGroups.set(id, [g]);
    }
  });
  const peerExternal = new Map<number, number[]>();
  externalGroups.forEach((e) => {
    for (const id of e.peers) {
      const l = peerExternal.get(id);
      if (l) l.push(e.id);
      else peerExternal.set(id, [e.id]);
    }
  });
  const podMatches = (r: { readonly podPeers: readonly number[] }) => r.podPeers.flatMap((id) => peerGroups.get(id) ?? []);
  const extMatches = (r: { readonly ipPeers: readonly number[] }) => r.ipPeers.flatMap((id) => peerExternal.get(id) ?? []);
  const portsKeyId = new Map<string, number>();
  const portsId = work.map((w) => {
    let id = portsKeyId.get(w.portsKey);
    if (id === undefined) portsKeyId.set(w.portsKey, (id = portsKeyId.size));
    return id;
  });

  const portsKinds = Math.max(1, portsKeyId.size);
  const scratch = { buf: new Int32Array(0) };

  // Admin rule masks depend only on a group's list of admin policies (shared by a team's namespaces, say), so they
  // are built once per list and kept (within a memory budget) with a small id per distinct mask.
  const adminMemo = new Map<CompiledAdminRule, Map<string, number>>();
  const adminScratch = { buf: new Int32Array(0) };
  const matchMemo = new Map<CompiledAdminRule, { pods?: number[]; ext?: number[] }>();
  const matchesOf = (r: AdminRuleView) => matchMemo.get(r.rule) ?? matchMemo.set(r.rule, {}).get(r.rule)!;
  const adminPodMatches = (r: AdminRuleView) => (matchesOf(r).pods ??= podMatches(r));
  const adminExtMatches = (r: AdminRuleView) => (matchesOf(r).ext ??= extMatches(r));
  const maskCache = new Map<string, MaskTable>();
  let cachedInts = 0;
  const adminMasks = (key: string, rules: readonly AdminRuleView[], n: number, matchedBy: (r: AdminRuleView) => Iterable<number>): MaskTable => {
    const hit = maskCache.get(key);
    if (hit) return hit;
    const { words, masks } = ruleMasks(rules, n, matchedBy, adminScratch);
    const ids = new Int32Array(n);
    const distinct = new Map<number | string, number>();
    for (let k = 0; k < n; k++) ids[k] = internMask(distinct, maskKey(masks, words, k));
    const t: MaskTable = { words, masks: masks.slice(0, n * words), ids };
    if (cachedInts + n * (words + 1) <= MASK_CACHE_INTS) {
      maskCache.set(key, t);
      cachedInts += n * (words + 1);
    }
    return t;
  };

  // Ingress side first: matrix[s][d] = what d's ingress allows from s; fromExternal likewise.
  for (let d = 0; d < G; d++) {
    const dst = work[d];
    const npIsolated = dst.ingressPolicies.length > 0;
    const admin = dst.ingressAdminRules;
    if (!npIsolated && admin.length === 0) {
      for (let s = 0; s < G; s++) matrix[s * G + d] = 1;
      for (let e = 0; e < E; e++) fromExternal[e * G + d] = 1;
      continue;
    }
    const fill = (n: number, matchedBy: (r: RuleView) => Iterable<number>, put: (k: number, v: number) => void) => {
      const memo = new Map<number | string, number>();
      const { words, masks } = ruleMasks(dst.ingressRules, n, matchedBy, scratch);
      for (let k = 0; k < n; k++) {
        const key = maskKey(masks, words, k);
        let v = memo.get(key);
        if (v === undefined) memo.set(key, (v = unionOfRules(table, dst.ingressRules, masks, words, k, dst.namedPorts, dst.portsKey, ruleMemo)));
        if (v !== 1) ingressOpen[d] = false;
        put(k, v);
      }
    };
    if (npIsolated) fill(G, podMatches, (s, v) => (matrix[s * G + d] = v));
    else for (let s = 0; s < G; s++) matrix[s * G + d] = 1;
    // Admin ingress peers are namespaces and pods only, so external sources meet NetworkPolicies (or, unisolated,
    // no matching BANP rule: allowed) exactly as without admin policies.
    if (npIsolated) fill(E, extMatches, (e, v) => (fromExternal[e * G + d] = v));
    else for (let e = 0; e < E; e++) fromExternal[e * G + d] = 1;
    if (admin.length === 0) continue;
    // Admin rules can open what NetworkPolicies closed: recompute openness from the final values.
    ingressOpen[d] = true;
    for (let e = 0; e < E && ingressOpen[d]; e++) if (fromExternal[e * G + d] !== 1) ingressOpen[d] = false;
    const { words, masks, ids } = adminMasks(`i|${dst.ingressAdmin.join(',')}`, admin, G, adminPodMatches);
    const memo = new Map<number | string, number>();
    for (let s = 0; s < G; s++) {
      const np = matrix[s * G + d];
      const key = cellKey(ids[s], np, 0, 1);
      let v = memo.get(key);
      if (v === undefined) memo.set(key, (v = tieredVerdict(alg, table, admin, masks, words, s, npIsolated, np, dst.namedPorts, dst.portsKey, adminMemo)));
      if (v !== 1) ingressOpen[d] = false;
      matrix[s * G + d] = v;
    }
  }

  // Egress side: intersect each row with what s's egress allows toward d (named ports resolved on d).
  for (let s = 0; s < G; s++) {
    const src = work[s];
    const npIsolated = src.egressPolicies.length > 0;
    const admin = src.egressAdminRules;
    if (!npIsolated && admin.length === 0) {
      for (let e = 0; e < E; e++) toExternal[s * E + e] = 1;
      continue;
    }
    const memo = new Map<number | string, number>();
    const pods = npIsolated ? ruleMasks(src.egressRules, G, podMatches, scratch) : undefined;
    const adminPods = admin.length > 0 ? adminMasks(`e|${src.egressAdmin.join(',')}`, admin, G, adminPodMatches) : undefined;
    const adminMemoRow = new Map<number | string, number>();
    for (let d = 0; d < G; d++) {
      let v = 1;
      if (pods) {
        const base = maskKey(pods.masks, pods.words, d);
        // Numeric keys where possible: this loop runs groups² times and string keys would dominate it.
        const key = !src.egressNamed ? base : typeof base === 'number' ? base * portsKinds + portsId[d] : `${base}|${portsId[d]}`;
        const known = memo.get(key);
        if (known === undefined) memo.set(key, (v = unionOfRules(table, src.egressRules, pods.masks, pods.words, d, work[d].namedPorts, work[d].portsKey, ruleMemo)));
        else v = known;
      }
      if (adminPods) {
        const key = cellKey(adminPods.ids[d], v, src.egressAdminNamed ? portsId[d] : 0, portsKinds);
        const known = adminMemoRow.get(key);
        if (known === undefined) adminMemoRow.set(key, (v = tieredVerdict(alg, table, admin, adminPods.masks, adminPods.words, d, npIsolated, v, work[d].namedPorts, work[d].portsKey, adminMemo)));
        else v = known;
      }
      if (v !== 1) egressOpen[s] = false;
      matrix[s * G + d] = table.intersect(v, matrix[s * G + d]);
    }
    memo.clear();
    const ext = npIsolated ? ruleMasks(src.egressRules, E, extMatches, scratch) : undefined;
    const extNp = new Uint32Array(E);
    for (let e = 0; e < E; e++) {
      let v = 1;
      if (ext) {
        const key = maskKey(ext.masks, ext.words, e);
        const known = memo.get(key);
        if (known === undefined) memo.set(key, (v = unionOfRules(table, src.egressRules, ext.masks, ext.words, e, null, '\u0000external', ruleMemo)));
        else v = known;
      }
      extNp[e] = v;
    }
    const adminExt = admin.length > 0 ? adminMasks(`x|${src.egressAdmin.join(',')}`, admin, E, adminExtMatches) : undefined;
    adminMemoRow.clear();
    for (let e = 0; e < E; e++) {
      let v = extNp[e];
      if (adminExt) {
        const key = cellKey(adminExt.ids[e], v, 0, 1);
        const known = adminMemoRow.get(key);
        if (known === undefined) adminMemoRow.set(key, (v = tieredVerdict(alg, table, admin, adminExt.masks, adminExt.words, e, npIsolated, v, null, '\u0000external', adminMemo)));
        else v = known;
      }
      if (v !== 1) egressOpen[s] = false;
      toExternal[s * E + e] = v;
    }
  }
  const groups: BehaviourGroup[] = work.map((w, id) => ({
    id,
    classes: w.classes,
    ingressPolicies: w.ingressPolicies,
    egressPolicies: w.egressPolicies,
    ingressAdmin: w.ingressAdmin,
    egressAdmin: w.egressAdmin,
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
    warnings: [...c.warnings, ...workloadWarnings(c, groupOfClass)],
  };
}

/** A workload whose pods fall in different behaviour groups is shown as the union of its pods; say so. */
function workloadWarnings(c: CompiledSnapshot, groupOfClass: readonly number[]): Warning[] {
  const byWorkload = new Map<string, { groups: Set<number>; first: number }>();
  for (const p of c.pods) {
    const w = p.pod.workload;
    const key = `${w.namespace}/${w.name}[${w.kind}]`;
    const entry = byWorkload.get(key);
    if (entry) entry.groups.add(groupOfClass[p.classId]);
    else byWorkload.set(key, { groups: new Set([groupOfClass[p.classId]]), first: p.index });
  }
  const out: Warning[] = [];
  for (const [key, { groups, first }] of byWorkload) {
    if (groups.size < 2) continue;
    const w = c.pods[first].pod.workload;
    out.push({
      code: 'netpol-workload-pods-differ',
      severity: 'info',
      message: `the pods of ${key} differ in labels or named ports so that policies treat them differently; the workload's connections are the union over its pods (use --level pod to see each).`,
      object: { kind: w.kind, namespace: w.namespace, name: w.name },
    });
  }
  return out;
}
