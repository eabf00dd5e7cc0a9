import { MATCH_ALL, PROTOCOLS, type AdminAction, type AdminNetworkPolicy, type AdminPeer, type AdminPort, type AdminRule, type AdminSubject, type BaselineAdminNetworkPolicy, type LabelSelector, type Warning } from '../model';
import { parseCidr } from '../netpol/ipRange';
import { isValidPortName } from '../request/ports';
import { readProtocol } from './convertNetworkPolicy';
import { parseLabelSelector, readLabels } from './labelSelector';
import { isRawMap, where } from './raw';
import type { RawMap, RawObject } from './types';

// Validation follows kubernetes-sigs/network-policy-api apis/v1alpha1 (adminnetworkpolicy_types.go,
// baselineadminnetworkpolicy_types.go, shared_types.go): its OpenAPI bounds and CEL rules. An object the API server
// would reject is dropped with one error warning, never half-used (as NetworkPolicies are).

type Kind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

class Problems {
  readonly errors: string[] = [];
  /** Tolerated deviations (a warning each), e.g. a `pods` peer without one of its two selectors. */
  readonly notes: string[] = [];
  fail(message: string): undefined {
    this.errors.push(message);
    return undefined;
  }
}

const SELECTOR_FIELDS = new Set(['matchLabels', 'matchExpressions']);

/** Fields outside the schema: structural pruning would drop them silently, so a selector could widen; reject. */
function unknownFields(p: Problems, raw: RawMap, allowed: ReadonlySet<string>, field: string): boolean {
  const extra = Object.keys(raw).filter((k) => !allowed.has(k));
  if (extra.length === 0) return false;
  p.fail(`${field}: unsupported field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} (not in policy.networking.k8s.io/v1alpha1)`);
  return true;
}

function selector(p: Problems, raw: unknown, field: string, required: boolean): LabelSelector | undefined {
  if (raw === undefined || raw === null) return required ? p.fail(`${field} is required`) : undefined;
  if (isRawMap(raw) && unknownFields(p, raw, SELECTOR_FIELDS, field)) return undefined;
  const r = parseLabelSelector(raw, field);
  return r.ok ? r.selector : p.fail(`invalid selector: ${r.error}`);
}

/** Exactly one of the keys is set (the schema's MinProperties=1/MaxProperties=1). */
function oneOf(p: Problems, raw: RawMap, keys: readonly string[], field: string): string | undefined {
  if (unknownFields(p, raw, new Set(keys), field)) return undefined;
  const set = keys.filter((k) => raw[k] !== undefined && raw[k] !== null);
  if (set.length !== 1) return p.fail(`${field} must set exactly one of ${keys.join(', ')}${set.length > 1 ? ` (has ${set.join(', ')})` : ''}`);
  return set[0];
}

// AdminNetworkPolicySubject / AdminNetworkPolicyIngressPeer: namespaces (a LabelSelector) or pods (NamespacedPod).
function namespacedPeer(p: Problems, raw: RawMap, key: string, field: string): AdminSubject | undefined {
  const v = raw[key];
  if (key === 'namespaces') {
    const namespaceSelector = selector(p, v, `${field}.namespaces`, true);
    return namespaceSelector ? { kind: 'namespaces', namespaceSelector } : undefined;
  }
  if (!isRawMap(v)) return p.fail(`${field}.pods is not a map`);
  if (unknownFields(p, v, new Set(['namespaceSelector', 'podSelector']), `${field}.pods`)) return undefined;
  // Both selectors are required by the schema, but the Go type holds them by value, so a client (and np-guard's
  // analyzer, whose golden lists rely on it) reads an omitted one as {}: every namespace / every pod. We do the same
  // and say so, rather than drop a policy that kubectl-applied manifests in the wild contain.
  for (const k of ['namespaceSelector', 'podSelector']) {
    if (v[k] === undefined || v[k] === null) p.notes.push(`${field}.pods.${k} is omitted (the API requires it); read as {} (matches every ${k === 'podSelector' ? 'pod' : 'namespace'})`);
  }
  const namespaceSelector = selector(p, v.namespaceSelector, `${field}.pods.namespaceSelector`, false) ?? MATCH_ALL;
  const podSelector = selector(p, v.podSelector, `${field}.pods.podSelector`, false) ?? MATCH_ALL;
  return namespaceSelector && podSelector ? { kind: 'pods', namespaceSelector, podSelector } : undefined;
}

function peer(p: Problems, raw: unknown, field: string, egress: boolean): AdminPeer | undefined {
  if (!isRawMap(raw)) return p.fail(`${field} is not a map`);
  const key = oneOf(p, raw, egress ? ['namespaces', 'pods', 'nodes', 'networks'] : ['namespaces', 'pods'], field);
  if (key === undefined) return undefined;
  if (key === 'nodes') {
    const nodeSelector = selector(p, raw.nodes, `${field}.nodes`, true);
    return nodeSelector ? { kind: 'nodes', nodeSelector } : undefined;
  }
  if (key === 'networks') {
    const list = raw.networks;
    if (!Array.isArray(list) || list.length < 1 || list.length > 25) return p.fail(`${field}.networks must list 1 to 25 CIDRs`);
    const cidrs: string[] = [];
    for (const [i, c] of list.entries()) {
      const parsed = typeof c === 'string' ? parseCidr(c) : undefined;
      // CEL isCIDR(): a network address with host bits set is still a valid CIDR; it is read as its network.
      if (!parsed) return p.fail(`${field}.networks[${i}] ${JSON.stringify(c)} is not a valid CIDR`);
      cidrs.push(parsed.canonical);
    }
    return { kind: 'networks', cidrs };
  }
  return namespacedPeer(p, raw, key, field);
}

function port(p: Problems, raw: unknown, field: string): AdminPort | undefined {
  if (!isRawMap(raw)) return p.fail(`${field} is not a map`);
  const key = oneOf(p, raw, ['portNumber', 'namedPort', 'portRange'], field);
  if (key === undefined) return undefined;
  const inRange = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
  if (key === 'namedPort') {
    const name = raw.namedPort;
    return typeof name === 'string' && isValidPortName(name) ? { kind: 'namedPort', name } : p.fail(`${field}.namedPort ${JSON.stringify(name)} is not a valid port name`);
  }
  const v = raw[key];
  if (!isRawMap(v)) return p.fail(`${field}.${key} is not a map`);
  const protocol = readProtocol(v.protocol);
  if (!protocol) return p.fail(`${field}.${key}.protocol ${JSON.stringify(v.protocol)} is not one of ${PROTOCOLS.join(", ")}`);
  if (key === 'portNumber') {
    if (unknownFields(p, v, new Set(['protocol', 'port']), `${field}.portNumber`)) return undefined;
    return inRange(v.port) ? { kind: 'portNumber', protocol, port: v.port as number } : p.fail(`${field}.portNumber.port ${JSON.stringify(v.port)} is not between 1 and 65535`);
  }
  if (unknownFields(p, v, new Set(['protocol', 'start', 'end']), `${field}.portRange`)) return undefined;
  if (!inRange(v.start) || !inRange(v.end)) return p.fail(`${field}.portRange start and end must be between 1 and 65535`);
  // CEL rule on PortRange: "self.start < self.end".
  if ((v.start as number) >= (v.end as number)) return p.fail(`${field}.portRange start ${String(v.start)} must be less than end ${String(v.end)}`);
  return { kind: 'portRange', protocol, start: v.start as number, end: v.end as number };
}

function rules(p: Problems, raw: unknown, field: string, kind: Kind, egress: boolean): AdminRule[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return p.fail(`${field} is not a list`) ?? [];
  if (raw.length > 100) p.fail(`${field} has ${raw.length} rules; at most 100 are allowed`);
  const peersKey = egress ? 'to' : 'from';
  const out: AdminRule[] = [];
  for (const [i, r] of raw.entries()) {
    const f = `${field}[${i}]`;
    if (!isRawMap(r)) {
      p.fail(`${f} is not a map`);
      continue;
    }
    if (unknownFields(p, r, new Set(['name', 'action', peersKey, 'ports']), f)) continue;
    const actions: readonly string[] = kind === 'AdminNetworkPolicy' ? ['Allow', 'Deny', 'Pass'] : ['Allow', 'Deny'];
    if (typeof r.action !== 'string' || !actions.includes(r.action)) {
      p.fail(`${f}.action ${JSON.stringify(r.action)} is not one of ${actions.join(', ')}`);
      continue;
    }
    if (r.name !== undefined && r.name !== null && (typeof r.name !== 'string' || r.name.length > 100)) p.fail(`${f}.name must be a string of at most 100 characters`);
    const rawPeers = r[peersKey];
    if (!Array.isArray(rawPeers) || rawPeers.length < 1 || rawPeers.length > 100) {
      p.fail(`${f}.${peersKey} must list 1 to 100 peers`);
      continue;
    }
    const peers = rawPeers.flatMap((x, j) => peer(p, x, `${f}.${peersKey}[${j}]`, egress) ?? []);
    let ports: AdminPort[] | undefined;
    if (r.ports !== undefined && r.ports !== null) {
      if (!Array.isArray(r.ports) || r.ports.length < 1 || r.ports.length > 100) p.fail(`${f}.ports must list 1 to 100 ports when set`);
      else ports = r.ports.flatMap((x, j) => port(p, x, `${f}.ports[${j}]`) ?? []);
    }
    out.push({ name: typeof r.name === 'string' ? r.name : '', action: r.action as AdminAction, peers, ...(ports ? { ports } : {}) });
  }
  return out;
}

function subject(p: Problems, raw: unknown): AdminSubject | undefined {
  if (!isRawMap(raw)) return p.fail('spec.subject is required');
  const key = oneOf(p, raw, ['namespaces', 'pods'], 'spec.subject');
  return key === undefined ? undefined : namespacedPeer(p, raw, key, 'spec.subject');
}

interface Common {
  readonly name: string;
  readonly uid?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly subject: AdminSubject;
  readonly ingress: readonly AdminRule[];
  readonly egress: readonly AdminRule[];
  readonly origin: RawObject['origin'];
}

function convert(raw: RawObject, name: string, kind: Kind, extra: (p: Problems, spec: RawMap) => void): { common?: Common; warnings: Warning[] } {
  const o = raw.object;
  const meta = isRawMap(o.metadata) ? o.metadata : {};
  const p = new Problems();
  const spec = isRawMap(o.spec) ? o.spec : p.fail('spec is required') ?? {};
  if (isRawMap(o.spec)) unknownFields(p, spec, new Set(['priority', 'subject', 'ingress', 'egress'].filter((k) => kind === 'AdminNetworkPolicy' || k !== 'priority')), 'spec');
  extra(p, spec);
  const subj = subject(p, spec.subject);
  const ingress = rules(p, spec.ingress, 'spec.ingress', kind, false);
  const egress = rules(p, spec.egress, 'spec.egress', kind, true);
  const object = { kind, name };
  if (p.errors.length > 0 || !subj) {
    const first = p.errors[0] ?? 'spec.subject is required';
    const more = p.errors.length > 1 ? ` (and ${p.errors.length - 1} more problem${p.errors.length > 2 ? 's' : ''})` : '';
    return {
      warnings: [
        {
          code: first.startsWith('invalid selector') ? 'invalid-selector' : 'invalid-admin-network-policy',
          severity: 'error',
          message: `${where(raw.origin)}: ${kind} ${name} dropped, the API server would reject it: ${first}${more}`,
          origin: raw.origin,
          object,
        },
      ],
    };
  }
  const warnings: Warning[] = p.notes.map((n) => ({ code: 'admin-selector-defaulted', severity: 'warning' as const, message: `${where(raw.origin)}: ${kind} ${name}: ${n}`, origin: raw.origin, object }));
  const nodes = [...ingress, ...egress].filter((r) => r.peers.some((x) => x.kind === 'nodes')).length;
  if (nodes > 0) {
    warnings.push({
      code: 'admin-nodes-peer',
      severity: 'warning',
      message: `${where(raw.origin)}: ${kind} ${name}: ${nodes} rule${nodes === 1 ? '' : 's'} use${nodes === 1 ? 's' : ''} a "nodes" peer; the snapshot has no nodes, so those peers match nothing (traffic to node addresses may be decided differently in the cluster)`,
      origin: raw.origin,
      object,
    });
  }
  return {
    common: { name, ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}), labels: readLabels(meta.labels), subject: subj, ingress, egress, origin: raw.origin },
    warnings,
  };
}

/** Converts a raw policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy; invalid ones are dropped with a warning. */
export function convertAdminNetworkPolicy(raw: RawObject, name: string): { policy?: AdminNetworkPolicy; warnings: Warning[] } {
  let priority: number | undefined;
  const r = convert(raw, name, 'AdminNetworkPolicy', (p, spec) => {
    const v = spec.priority;
    if (v === undefined || v === null) p.fail('spec.priority is required');
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1000) p.fail(`spec.priority ${JSON.stringify(v)} is not an integer between 0 and 1000`);
    else priority = v;
  });
  if (!r.common || priority === undefined) return { warnings: r.warnings };
  return { policy: { ...r.common, priority }, warnings: r.warnings };
}

/** Converts a raw BaselineAdminNetworkPolicy; the API server only accepts the singleton named `default`. */
export function convertBaselineAdminNetworkPolicy(raw: RawObject, name: string): { policy?: BaselineAdminNetworkPolicy; warnings: Warning[] } {
  const r = convert(raw, name, 'BaselineAdminNetworkPolicy', (p) => {
    // CEL rule on the type: self.metadata.name == 'default'.
    if (name !== 'default') p.fail(`only one BaselineAdminNetworkPolicy may exist, and it must be named "default"`);
  });
  return r.common ? { policy: r.common, warnings: r.warnings } : { warnings: r.warnings };
}
