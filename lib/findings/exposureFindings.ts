import { DEFAULT_ZONE_LABEL } from '../config/exposureConfig';
import type { EntryPointAnalysis } from '../exposure/analyzeEntryPoints';
import type { Labels, ObjectRef, Snapshot } from '../model';
import type { Connectivity } from '../netpol/connectivity';
import type { Exposure } from '../netpol/exposure';
import { formatExposure } from '../netpol/exposurePorts';
import { formatPorts, intersectPorts, isEmptyPorts, NO_PORTS, portRangeSet, portsContain, unionPorts } from '../netpol/portSet';
import type { Finding, Severity } from './finding';
import { SENSITIVE_PORTS } from './networkFindings';
import { sortFindings } from './rbacEvidence';

/** Every exposure rule id, as documented in docs/rules.md ("Exposure rules"). */
export const EXPOSURE_RULE_IDS = [
  'PER-EXP-INTERNET-SENSITIVE-PORT',
  'PER-EXP-LB-NO-SOURCE-RANGES',
  'PER-EXP-NODEPORT',
  'PER-EXP-HOSTPORT',
  'PER-EXP-BROKEN-SERVICE',
  'PER-EXP-SERVICE-CROSS-ZONE',
  'PER-EXP-ENTIRE-CLUSTER',
] as const;
export type ExposureRuleId = (typeof EXPOSURE_RULE_IDS)[number];

const id = (rule: ExposureRuleId, key: string) => `${rule}:${key}`;
const list = (xs: readonly string[], n = 3) => `${xs.slice(0, n).join(', ')}${xs.length > n ? ` and ${xs.length - n} more` : ''}`;

function workloadRef(name: string): ObjectRef {
  // `ns/name[Kind]`
  const m = /^([^/]+)\/(.+)\[([^\]]+)\]$/.exec(name);
  return m ? { kind: m[3], namespace: m[1], name: m[2] } : { kind: 'Workload', name };
}

/** Internet-reachable workloads on a sensitive port: what an entry point brings in and the pod's policies let through. */
function internetSensitive(a: EntryPointAnalysis): Finding[] {
  return a.reachable
    .filter((r) => r.sensitivePorts.length > 0)
    .map((r) => {
      const ports = r.sensitivePorts.map((p) => `${p.protocol}/${p.port} (${p.name})`);
      return {
        id: id('PER-EXP-INTERNET-SENSITIVE-PORT', r.workload),
        ruleId: 'PER-EXP-INTERNET-SENSITIVE-PORT',
        severity: 'high' as const,
        title: `${r.workload} is reachable from the internet on ${list(ports)}, through ${list(r.entries, 2)}`,
        namespace: r.namespace,
        object: workloadRef(r.workload),
        evidence: [{ text: `open end to end: ${formatPorts(r.ports)}${r.usableFrom.length > 0 ? ` from ${list(r.usableFrom.map((u) => u.range), 2)}` : ''}${r.assumed ? ' (assuming the ingress controller is reachable)' : ''}`, refs: [workloadRef(r.workload)] }],
        fix: 'Drop the sensitive port from the Service or route, restrict the source ranges, or deny it in the pod’s ingress policy.',
      };
    });
}

/** Entry points by kind, with a severity that drops to low when every path is closed in fact. */
function entryFindings(a: EntryPointAnalysis): Finding[] {
  const out: Finding[] = [];
  for (const e of a.entries) {
    const closed = e.verdict === 'closed' || e.verdict === 'no-backends';
    const sev = (open: Severity): Severity => (closed ? 'low' : open);
    const state = e.verdict === 'open' ? `reaches ${list(e.openWorkloads)}` : e.reason;
    const ns = e.entry.object.namespace;
    if (e.entry.kind === 'LoadBalancer' && e.entry.sourceRangesFrom === 'none' && !e.entry.internal) {
      out.push({
        id: id('PER-EXP-LB-NO-SOURCE-RANGES', `${ns}/${e.entry.object.name}`),
        ruleId: 'PER-EXP-LB-NO-SOURCE-RANGES',
        severity: sev('medium'),
        title: `LoadBalancer Service ${ns}/${e.entry.object.name} accepts every address (no loadBalancerSourceRanges): ${state}`,
        ...(ns ? { namespace: ns } : {}),
        object: e.entry.object,
        evidence: [{ text: `addresses ${list(e.entry.addresses)}; ports ${e.entry.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}`, refs: [e.entry.object] }],
        fix: 'Set spec.loadBalancerSourceRanges to the client ranges that need it, or make it an internal load balancer.',
      });
    }
    if (e.entry.kind === 'NodePort') {
      out.push({
        id: id('PER-EXP-NODEPORT', `${ns}/${e.entry.object.name}`),
        ruleId: 'PER-EXP-NODEPORT',
        severity: sev('medium'),
        title: `Service ${ns}/${e.entry.object.name} opens node port${e.entry.ports.length === 1 ? '' : 's'} ${e.entry.ports.map((p) => p.port).join(', ') || '(allocated)'} on every node: ${state}`,
        ...(ns ? { namespace: ns } : {}),
        object: e.entry.object,
        evidence: [{ text: e.entry.notes.join('; '), refs: [e.entry.object] }],
        fix: 'Use a ClusterIP Service behind an Ingress or a LoadBalancer with source ranges, or firewall the node ports.',
      });
    }
    if (e.entry.kind === 'HostPort') {
      const sensitive = e.entry.ports.some((p) => SENSITIVE_PORTS.some((s) => s.protocol === p.protocol && s.port === p.port));
      out.push({
        id: id('PER-EXP-HOSTPORT', `${ns}/${e.entry.object.kind}/${e.entry.object.name}`),
        ruleId: 'PER-EXP-HOSTPORT',
        severity: sev(sensitive ? 'high' : 'medium'),
        title: `${e.entry.object.kind} ${ns}/${e.entry.object.name} binds host port${e.entry.ports.length === 1 ? '' : 's'} ${e.entry.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')} on its nodes: ${state}`,
        ...(ns ? { namespace: ns } : {}),
        object: e.entry.object,
        evidence: [{ text: list(e.entry.addresses), refs: [e.entry.object] }],
        fix: 'Drop hostPort and expose the pod through a Service; if it must stay, restrict the node firewall.',
      });
    }
  }
  return out;
}

/**
 * A Service nobody can use: it selects no pod, its ports resolve on none, or its pods' ingress policies admit no pod of
 * the snapshot (other than its own) and no entry point on any of its ports: calls to it time out.
 */
function brokenServices(snapshot: Snapshot, conn: Connectivity, a: EntryPointAnalysis): Finding[] {
  const c = conn.compiled;
  const G = conn.groups.length;
  const groupOfPod = new Map(c.pods.map((p) => [p.pod, conn.groupOfClass[p.classId]]));
  const podsInGroup = new Int32Array(G);
  for (const p of c.pods) podsInGroup[conn.groupOfClass[p.classId]]++;
  const entered = new Set(a.entries.flatMap((e) => e.paths.filter((p) => p.verdict === 'open' || p.hops[p.hops.length - 1]?.verdict === 'allowed').map((p) => p.pod)));
  const out: Finding[] = [];
  for (const sb of a.services.services) {
    const s = sb.service;
    if (!s.selector || s.type === 'ExternalName') continue;
    const ref: ObjectRef = { kind: 'Service', namespace: s.namespace, name: s.name };
    const base = { id: id('PER-EXP-BROKEN-SERVICE', sb.key), ruleId: 'PER-EXP-BROKEN-SERVICE', severity: 'medium' as const, namespace: s.namespace, object: ref, fix: '' };
    if (sb.pods.length === 0) {
      out.push({ ...base, title: `Service ${sb.key} selects no pod (selector ${Object.entries(s.selector).map(([k, v]) => `${k}=${v}`).join(',')}): calls to it go nowhere`, evidence: [{ text: 'no pod of its namespace carries every label of its selector', refs: [ref] }], fix: 'Fix the selector (a typo?) or the pod labels.' });
      continue;
    }
    const resolved = sb.ports.flatMap((p) => p.backends.filter((b) => b.port !== undefined).map((b) => ({ pod: b.pod, ports: portRangeSet(p.servicePort.protocol, b.port as number, b.port as number) })));
    if (resolved.length === 0) {
      out.push({ ...base, title: `Service ${sb.key}: no port resolves on its ${sb.pods.length} pod${sb.pods.length === 1 ? '' : 's'} (targetPort ${s.ports.map((p) => `"${String(p.targetPort)}"`).join(', ')})`, evidence: [{ text: 'named targetPorts that none of the selected pods defines (name and protocol)', refs: [ref] }], fix: 'Use a targetPort the pods declare (name and protocol), or a number.' });
      continue;
    }
    // Clients: groups with some pod the Service does not select (its own pods calling it do not count).
    const own = new Map<number, number>();
    for (const i of sb.pods) {
      const g = groupOfPod.get(snapshot.pods[i]);
      if (g !== undefined) own.set(g, (own.get(g) ?? 0) + 1);
    }
    let reachable = NO_PORTS;
    let clients = 0;
    for (let sg = 0; sg < G; sg++) {
      if ((own.get(sg) ?? 0) >= podsInGroup[sg]) continue;
      clients++;
      for (const r of resolved) {
        const d = groupOfPod.get(snapshot.pods[r.pod]);
        if (d !== undefined) reachable = unionPorts(reachable, intersectPorts(conn.ports.sets[conn.matrix[sg * G + d]], r.ports));
      }
      if (!isEmptyPorts(reachable)) break;
    }
    if (clients === 0) continue;
    if (!isEmptyPorts(reachable) || sb.pods.some((p) => entered.has(p))) continue;
    const ports = resolved.reduce((acc, r) => unionPorts(acc, r.ports), NO_PORTS);
    out.push({
      ...base,
      title: `Service ${sb.key}: its pods' ingress policies admit no client in the cluster on ${formatPorts(ports)}: calls to it time out`,
      evidence: [{ text: `no other pod of the snapshot and no entry point reaches ${list(sb.pods.map((i) => `${snapshot.pods[i].namespace}/${snapshot.pods[i].name}`))} on the Service's pod ports`, refs: [ref] }],
      fix: 'Allow the Service’s clients in the pods’ ingress policy (explain a client → the Service to see which rule is missing).',
    });
  }
  return out;
}

/** A Service whose selected pods belong to different trust zones (the zone label on the pod, else its namespace). */
function crossZone(snapshot: Snapshot, a: EntryPointAnalysis, zoneLabel: string): Finding[] {
  const nsLabels = new Map<string, Labels>(snapshot.namespaces.map((n) => [n.name, n.labels]));
  const out: Finding[] = [];
  for (const sb of a.services.services) {
    const zones = new Map<string, string[]>();
    for (const i of sb.pods) {
      const p = snapshot.pods[i];
      const z = p.labels[zoneLabel] ?? nsLabels.get(p.namespace)?.[zoneLabel];
      if (z !== undefined) (zones.get(z) ?? zones.set(z, []).get(z)!).push(`${p.namespace}/${p.name}`);
    }
    if (zones.size < 2) continue;
    const ref: ObjectRef = { kind: 'Service', namespace: sb.service.namespace, name: sb.service.name };
    out.push({
      id: id('PER-EXP-SERVICE-CROSS-ZONE', sb.key),
      ruleId: 'PER-EXP-SERVICE-CROSS-ZONE',
      severity: 'medium',
      title: `Service ${sb.key} sends traffic to pods of ${zones.size} trust zones (${[...zones.keys()].sort().join(', ')}, label ${zoneLabel})`,
      namespace: sb.service.namespace,
      object: ref,
      evidence: [...zones].map(([z, pods]) => ({ text: `zone ${z}: ${list(pods)}`, refs: [ref] })),
      fix: 'Narrow the selector to one zone (add the zone label to it), or split the Service.',
    });
  }
  return out;
}

/** Protected workloads whose ingress policies still admit every pod of the cluster, present and future. */
function entireCluster(exposure: Exposure): Finding[] {
  const out: Finding[] = [];
  for (const e of exposure.endpoints) {
    if (!e.ingress.protected || e.endpoint.kind !== 'workload') continue;
    const hit = e.ingress.entries.find((x) => x.peer.kind === 'entire-cluster');
    if (!hit) continue;
    const ports = formatExposure(hit.ports);
    const sensitive = SENSITIVE_PORTS.filter((p) => portsContain(hit.ports.ports, p.protocol, p.port));
    out.push({
      id: id('PER-EXP-ENTIRE-CLUSTER', e.endpoint.name),
      ruleId: 'PER-EXP-ENTIRE-CLUSTER',
      // Low: the sensitive-port case is PER-NET-OPEN-SENSITIVE-PORT's (high) on the rule itself.
      severity: 'low',
      title: `${e.endpoint.name} is open to the entire cluster on ${ports}: any pod in any namespace, including pods created later`,
      namespace: e.endpoint.namespace,
      object: workloadRef(e.endpoint.name),
      evidence: [{ text: `its ingress policies admit entire-cluster on ${ports}${sensitive.length > 0 ? `, sensitive ports ${sensitive.map((s) => `${s.port} (${s.name})`).join(', ')} included` : ''}`, refs: [workloadRef(e.endpoint.name)] }],
      fix: 'Replace namespaceSelector: {} with the namespaces (and pod labels) of the real clients.',
    });
  }
  return out;
}

/** Every exposure rule (docs/rules.md, "Exposure rules"), sorted by severity then id. */
export function exposureFindings(snapshot: Snapshot, conn: Connectivity, entries: EntryPointAnalysis, exposure: Exposure, zoneLabel = DEFAULT_ZONE_LABEL): Finding[] {
  return sortFindings([...internetSensitive(entries), ...entryFindings(entries), ...brokenServices(snapshot, conn, entries), ...crossZone(snapshot, entries, zoneLabel), ...entireCluster(exposure)]);
}
