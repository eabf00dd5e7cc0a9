import { PROTOCOLS, type LabelSelector, type NetworkPolicy, type NetworkPolicyPeer, type NetworkPolicyPort, type NetworkPolicyRule, type PolicyType, type Protocol, type Warning } from '../model';
import { isValidPortName } from '../request/ports';
import { parseCidr, rangeWithin } from '../netpol/ipRange';
import { parseLabelSelector, readLabels } from './labelSelector';
import { isRawMap, where } from './raw';
import type { RawObject } from './types';


/** Reads a protocol, defaulting to TCP as the API server does; undefined when invalid. */
export function readProtocol(v: unknown): Protocol | undefined {
  if (v === undefined || v === null) return 'TCP';
  return typeof v === 'string' && (PROTOCOLS as readonly string[]).includes(v) ? (v as Protocol) : undefined;
}

interface Ctx {
  readonly errors: string[];
  readonly notes: string[];
}

/** Records why the API server would reject the policy; returns undefined for the field. */
function fail(ctx: Ctx, error: string): undefined {
  ctx.errors.push(error);
  return undefined;
}

function selector(ctx: Ctx, raw: unknown, field: string): LabelSelector | undefined {
  const r = parseLabelSelector(raw, field);
  if (!r.ok) {
    ctx.errors.push(`invalid selector: ${r.error}`);
    return undefined;
  }
  return r.selector;
}

// pkg/apis/networking/validation: ValidateNetworkPolicyPort.
function port(ctx: Ctx, raw: unknown, field: string): NetworkPolicyPort | undefined {
  if (!isRawMap(raw)) {
    ctx.errors.push(`${field} is not a map`);
    return undefined;
  }
  const protocol = readProtocol(raw.protocol);
  if (!protocol) {
    ctx.errors.push(`${field}.protocol ${JSON.stringify(raw.protocol)} is not one of ${PROTOCOLS.join(', ')}`);
    return undefined;
  }
  const p = raw.port;
  let value: number | string | undefined;
  if (p === undefined || p === null) value = undefined;
  else if (typeof p === 'number') {
    if (!Number.isInteger(p) || p < 1 || p > 65535) return fail(ctx, `${field}.port ${p} is not between 1 and 65535`);
    value = p;
  } else if (typeof p === 'string') {
    if (!isValidPortName(p)) return fail(ctx, `${field}.port "${p}" is not a valid port name (IANA_SVC_NAME) or number`);
    value = p;
  } else return fail(ctx, `${field}.port ${JSON.stringify(p)} is not a number or a name`);
  const e = raw.endPort;
  if (e === undefined || e === null) return { protocol, port: value };
  if (typeof e !== 'number' || !Number.isInteger(e) || e < 1 || e > 65535) return fail(ctx, `${field}.endPort ${JSON.stringify(e)} is not between 1 and 65535`);
  if (typeof value !== 'number') return fail(ctx, `${field}.endPort requires a numeric port`);
  if (e < value) return fail(ctx, `${field}.endPort ${e} is less than port ${value}`);
  return { protocol, port: value, endPort: e };
}

// ValidateIPBlock: cidr required and valid; every except valid, inside cidr and strictly longer.
function ipBlock(ctx: Ctx, raw: unknown, field: string): NetworkPolicyPeer | undefined {
  if (!isRawMap(raw)) return fail(ctx, `${field} is not a map`);
  if (typeof raw.cidr !== 'string' || raw.cidr === '') return fail(ctx, `${field}.cidr is required`);
  const cidr = parseCidr(raw.cidr);
  if (!cidr) return fail(ctx, `${field}.cidr "${raw.cidr}" is not a valid CIDR`);
  // IsValidCIDRForLegacyField accepts host bits (the API server only warns); we read it as its network.
  if (cidr.hostBitsSet) ctx.notes.push(`${field}.cidr "${raw.cidr}" has host bits set; read as ${cidr.canonical}`);
  const except: string[] = [];
  const rawExcept = raw.except ?? [];
  if (!Array.isArray(rawExcept)) return fail(ctx, `${field}.except is not a list`);
  for (const [i, x] of rawExcept.entries()) {
    const f = `${field}.except[${i}]`;
    const ex = typeof x === 'string' ? parseCidr(x) : undefined;
    if (!ex) return fail(ctx, `${f} ${JSON.stringify(x)} is not a valid CIDR`);
    if (!rangeWithin(ex, cidr) || ex.prefix <= cidr.prefix) return fail(ctx, `${f} "${String(x)}" must be a strict subset of cidr "${raw.cidr}"`);
    if (ex.hostBitsSet) ctx.notes.push(`${f} "${String(x)}" has host bits set; read as ${ex.canonical}`);
    except.push(ex.canonical);
  }
  return { kind: 'ipBlock', cidr: cidr.canonical, except };
}

// ValidateNetworkPolicyPeer: exactly one of {selectors, ipBlock}; at least one field.
function peer(ctx: Ctx, raw: unknown, field: string): NetworkPolicyPeer | undefined {
  if (!isRawMap(raw)) return fail(ctx, `${field} is not a map`);
  const hasPod = raw.podSelector !== undefined && raw.podSelector !== null;
  const hasNs = raw.namespaceSelector !== undefined && raw.namespaceSelector !== null;
  const hasIp = raw.ipBlock !== undefined && raw.ipBlock !== null;
  if (hasIp && (hasPod || hasNs)) return fail(ctx, `${field}: ipBlock may not be combined with podSelector or namespaceSelector`);
  if (hasIp) return ipBlock(ctx, raw.ipBlock, `${field}.ipBlock`);
  if (!hasPod && !hasNs) return fail(ctx, `${field} must specify podSelector, namespaceSelector or ipBlock`);
  const podSelector = hasPod ? selector(ctx, raw.podSelector, `${field}.podSelector`) : undefined;
  const namespaceSelector = hasNs ? selector(ctx, raw.namespaceSelector, `${field}.namespaceSelector`) : undefined;
  return { kind: 'pods', ...(podSelector ? { podSelector } : {}), ...(namespaceSelector ? { namespaceSelector } : {}) };
}

function rules(ctx: Ctx, raw: unknown, field: string, peersKey: 'from' | 'to'): NetworkPolicyRule[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.errors.push(`${field} is not a list`);
    return [];
  }
  return raw.map((r: unknown, i: number) => {
    const f = `${field}[${i}]`;
    if (!isRawMap(r)) {
      ctx.errors.push(`${f} is not a map`);
      return { ports: [], peers: [] };
    }
    const list = (v: unknown, name: string): unknown[] => {
      if (v === undefined || v === null) return [];
      if (Array.isArray(v)) return v;
      ctx.errors.push(`${f}.${name} is not a list`);
      return [];
    };
    const ports = list(r.ports, 'ports').flatMap((p, j) => port(ctx, p, `${f}.ports[${j}]`) ?? []);
    const peers = list(r[peersKey], peersKey).flatMap((p, j) => peer(ctx, p, `${f}.${peersKey}[${j}]`) ?? []);
    return { ports, peers };
  });
}

/**
 * Converts a raw networking.k8s.io/v1 NetworkPolicy. An object the API server would reject is dropped with one
 * error warning (never half-used); accepted oddities (host bits in a CIDR) become warnings.
 */
export function convertNetworkPolicy(raw: RawObject, namespace: string, name: string): { policy?: NetworkPolicy; warnings: Warning[] } {
  const o = raw.object;
  const meta = isRawMap(o.metadata) ? o.metadata : {};
  const spec = isRawMap(o.spec) ? o.spec : {};
  const ctx: Ctx = { errors: [], notes: [] };
  const object = { kind: 'NetworkPolicy', namespace, name };
  // A missing podSelector decodes to the empty selector: every pod of the namespace.
  const podSelector = selector(ctx, spec.podSelector, 'spec.podSelector') ?? { matchLabels: {}, matchExpressions: [] };
  const ingress = rules(ctx, spec.ingress, 'spec.ingress', 'from');
  const egress = rules(ctx, spec.egress, 'spec.egress', 'to');
  // SetDefaults_NetworkPolicySpec: an absent or empty policyTypes is defaulted — Ingress always, Egress only
  // when egress rules exist; a written list is used as written.
  const written = spec.policyTypes;
  const declared = Array.isArray(written) && written.length > 0;
  let policyTypes: PolicyType[] = egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  if (written !== undefined && written !== null && !Array.isArray(written)) ctx.errors.push('spec.policyTypes is not a list');
  if (declared) {
    policyTypes = [];
    for (const t of written) {
      if (t === 'Ingress' || t === 'Egress') {
        if (!policyTypes.includes(t)) policyTypes.push(t);
      } else ctx.errors.push(`spec.policyTypes value ${JSON.stringify(t)} is not Ingress or Egress`);
    }
  }
  const warnings: Warning[] = ctx.notes.map((n) => ({
    code: 'cidr-host-bits',
    severity: 'warning' as const,
    message: `${where(raw.origin)}: NetworkPolicy ${namespace}/${name}: ${n}`,
    origin: raw.origin,
    object,
  }));
  if (ctx.errors.length > 0) {
    const first = ctx.errors[0];
    const code = first.startsWith('invalid selector') ? 'invalid-selector' : 'invalid-network-policy';
    const more = ctx.errors.length > 1 ? ` (and ${ctx.errors.length - 1} more problem${ctx.errors.length > 2 ? 's' : ''})` : '';
    warnings.push({
      code,
      severity: 'error',
      message: `${where(raw.origin)}: NetworkPolicy ${namespace}/${name} dropped, the API server would reject it: ${first}${more}`,
      origin: raw.origin,
      object,
    });
    return { warnings };
  }
  if (declared && !policyTypes.includes('Egress') && egress.length > 0) {
    warnings.push({
      code: 'egress-rules-ignored',
      severity: 'info',
      message: `${where(raw.origin)}: NetworkPolicy ${namespace}/${name} has egress rules but policyTypes omits Egress, so they have no effect`,
      origin: raw.origin,
      object,
    });
  }
  const policy: NetworkPolicy = {
    namespace,
    name,
    ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}),
    labels: readLabels(meta.labels),
    podSelector,
    policyTypes,
    policyTypesDeclared: declared,
    ingress,
    egress,
    origin: raw.origin,
  };
  return { policy, warnings };
}
