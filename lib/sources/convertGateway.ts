import type { BackendReference, Gateway, GatewayAddress, GatewayClass, GatewayListener, GatewayRoute, GatewayRouteKind, GatewayRouteRule, ParentReference, ReferenceGrant, RouteGroupKind, RouteNamespaces, Warning } from '../model';
import { parseLabelSelector, readLabels } from './labelSelector';
import { ignore, isPortNumber, listField, mapField, newProblems, problemWarnings, reject, stringField, type Problems } from './objectProblems';
import { isRawMap } from './raw';
import type { RawObject } from './types';

// gateway.networking.k8s.io (kubernetes-sigs/gateway-api apis/v1 gateway_types.go, httproute_types.go,
// shared_types.go; v1alpha2 for TLSRoute/TCPRoute; v1beta1 ReferenceGrant), with the defaults the CRDs apply.
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Converts a GatewayClass; one without spec.controllerName is dropped (the CRD requires it). */
export function convertGatewayClass(raw: RawObject, name: string): { gatewayClass?: GatewayClass; warnings: Warning[] } {
  const p = newProblems();
  const controllerName = stringField(mapField(raw.object.spec).controllerName);
  if (!controllerName) p.errors.push('spec.controllerName is required');
  const warnings = problemWarnings(raw, { kind: 'GatewayClass', name }, p, { drop: 'invalid-gateway', note: 'gateway-warning' });
  if (!controllerName) return { warnings };
  return { gatewayClass: { name, labels: readLabels(mapField(raw.object.metadata).labels), controllerName, origin: raw.origin }, warnings };
}

function allowedNamespaces(p: Problems, raw: unknown, field: string): RouteNamespaces {
  const m = mapField(raw);
  const from = m.from ?? 'Same';
  if (from === 'Same' || from === 'All' || from === 'None') return { from };
  if (from === 'Selector') {
    const r = parseLabelSelector(m.selector, `${field}.selector`);
    if (r.ok && m.selector !== undefined && m.selector !== null) return { from, selector: r.selector };
    p.errors.push(r.ok ? `${field}.selector is required when from is Selector` : `invalid selector: ${r.error}`);
    return { from: 'None' };
  }
  p.errors.push(`${field}.from ${JSON.stringify(from)} is not All, Same, Selector or None`);
  return { from: 'None' };
}

function listener(p: Problems, raw: unknown, field: string): GatewayListener | undefined {
  if (!isRawMap(raw)) return reject(p, `${field} is not a map`);
  const name = stringField(raw.name);
  if (!name) return reject(p, `${field}.name is required`);
  if (!isPortNumber(raw.port)) return reject(p, `${field}.port ${JSON.stringify(raw.port)} is not between 1 and 65535`);
  const protocol = stringField(raw.protocol);
  if (!protocol) return reject(p, `${field}.protocol is required`);
  const hostname = stringField(raw.hostname);
  const tls = mapField(raw.tls);
  const tlsMode = tls.mode === 'Passthrough' ? 'Passthrough' : protocol === 'HTTPS' || protocol === 'TLS' ? 'Terminate' : undefined;
  const routes = mapField(raw.allowedRoutes);
  const allowedKinds: RouteGroupKind[] = listField(p, routes.kinds, `${field}.allowedRoutes.kinds`).flatMap((k) => {
    const m = mapField(k);
    const kind = stringField(m.kind);
    return kind ? [{ group: typeof m.group === 'string' ? m.group : GATEWAY_GROUP, kind }] : [];
  });
  return { name, ...(hostname ? { hostname } : {}), port: raw.port, protocol, ...(tlsMode ? { tlsMode } : {}), allowedNamespaces: allowedNamespaces(p, routes.namespaces, `${field}.allowedRoutes.namespaces`), allowedKinds };
}

function addresses(v: unknown): GatewayAddress[] {
  return (Array.isArray(v) ? v : []).flatMap((a) => {
    const m = mapField(a);
    const value = stringField(m.value);
    return value ? [{ type: stringField(m.type) ?? 'IPAddress', value }] : [];
  });
}

/** Converts a Gateway; one without gatewayClassName or listeners, or with an invalid listener, is dropped. */
export function convertGateway(raw: RawObject, namespace: string, name: string): { gateway?: Gateway; warnings: Warning[] } {
  const o = raw.object;
  const meta = mapField(o.metadata);
  const spec = mapField(o.spec);
  const p = newProblems();
  const gatewayClassName = stringField(spec.gatewayClassName);
  if (!gatewayClassName) p.errors.push('spec.gatewayClassName is required');
  const listeners = listField(p, spec.listeners, 'spec.listeners').flatMap((l, i) => listener(p, l, `spec.listeners[${i}]`) ?? []);
  if (listeners.length === 0 && p.errors.length === 0) p.errors.push('spec.listeners needs at least one listener');
  const warnings = problemWarnings(raw, { kind: 'Gateway', namespace, name }, p, { drop: 'invalid-gateway', note: 'gateway-warning' });
  if (p.errors.length > 0 || !gatewayClassName) return { warnings };
  return {
    gateway: {
      namespace,
      name,
      ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}),
      labels: readLabels(meta.labels),
      gatewayClassName,
      listeners,
      addresses: addresses(spec.addresses),
      statusAddresses: addresses(mapField(o.status).addresses),
      origin: raw.origin,
    },
    warnings,
  };
}

function parentRef(p: Problems, raw: unknown, field: string, namespace: string): ParentReference | undefined {
  const m = mapField(raw);
  const name = stringField(m.name);
  if (!name) return ignore(p, `${field}.name is required; the parentRef is ignored`);
  const sectionName = stringField(m.sectionName);
  return {
    group: typeof m.group === 'string' ? m.group : GATEWAY_GROUP,
    kind: stringField(m.kind) ?? 'Gateway',
    namespace: stringField(m.namespace) ?? namespace,
    name,
    ...(sectionName ? { sectionName } : {}),
    ...(isPortNumber(m.port) ? { port: m.port } : {}),
  };
}

function backendRef(p: Problems, raw: unknown, field: string, namespace: string): BackendReference | undefined {
  const m = mapField(raw);
  const name = stringField(m.name);
  if (!name) return ignore(p, `${field}.name is required; the backendRef is ignored`);
  const group = typeof m.group === 'string' ? m.group : '';
  const kind = stringField(m.kind) ?? 'Service';
  // CEL in the CRD: "Must have port for Service reference".
  if (group === '' && kind === 'Service' && !isPortNumber(m.port)) return ignore(p, `${field} refers to Service ${name} without a valid port (the API server rejects that); ignored`);
  return { group, kind, namespace: stringField(m.namespace) ?? namespace, name, ...(isPortNumber(m.port) ? { port: m.port } : {}), weight: typeof m.weight === 'number' ? m.weight : 1 };
}

/** Short readable summaries of a rule's matches (for display only; Perimeter does not evaluate L7 matches). */
function matchSummaries(kind: GatewayRouteKind, raw: unknown): string[] {
  return (Array.isArray(raw) ? raw : []).flatMap((m) => {
    const x = mapField(m);
    const parts: string[] = [];
    if (kind === 'HTTPRoute') {
      const path = mapField(x.path);
      if (typeof path.value === 'string') parts.push(`path ${stringField(path.type) ?? 'PathPrefix'} ${path.value}`);
      if (typeof x.method === 'string') parts.push(`method ${x.method}`);
      if (Array.isArray(x.headers) && x.headers.length > 0) parts.push(`${x.headers.length} header match${x.headers.length === 1 ? '' : 'es'}`);
    } else if (kind === 'GRPCRoute') {
      const method = mapField(x.method);
      const svc = stringField(method.service);
      const name = stringField(method.method);
      if (svc || name) parts.push(`method ${svc ?? '*'}/${name ?? '*'}`);
    }
    return parts.length > 0 ? [parts.join(', ')] : [];
  });
}

/** Converts an HTTPRoute, GRPCRoute, TLSRoute or TCPRoute; unusable parentRefs and backendRefs are ignored with a warning. */
export function convertGatewayRoute(raw: RawObject, kind: GatewayRouteKind, namespace: string, name: string): { route?: GatewayRoute; warnings: Warning[] } {
  const o = raw.object;
  const meta = mapField(o.metadata);
  const spec = mapField(o.spec);
  const p = newProblems();
  const parentRefs = listField(p, spec.parentRefs, 'spec.parentRefs').flatMap((r, i) => parentRef(p, r, `spec.parentRefs[${i}]`, namespace) ?? []);
  if (parentRefs.length === 0) p.notes.push('no usable parentRef: the route is attached to no Gateway');
  const hostnames = Array.isArray(spec.hostnames) ? spec.hostnames.filter((h): h is string => typeof h === 'string' && h !== '') : [];
  const rules: GatewayRouteRule[] = listField(p, spec.rules, 'spec.rules').flatMap((r, i) => {
    const m = mapField(r);
    const ruleName = stringField(m.name);
    const backendRefs = listField(p, m.backendRefs, `spec.rules[${i}].backendRefs`).flatMap((b, j) => backendRef(p, b, `spec.rules[${i}].backendRefs[${j}]`, namespace) ?? []);
    return [{ ...(ruleName ? { name: ruleName } : {}), matches: matchSummaries(kind, m.matches), backendRefs }];
  });
  const warnings = problemWarnings(raw, { kind, namespace, name }, p, { drop: 'invalid-gateway-route', note: 'gateway-warning' });
  if (p.errors.length > 0) return { warnings };
  return { route: { kind, namespace, name, ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}), labels: readLabels(meta.labels), parentRefs, hostnames, rules, origin: raw.origin }, warnings };
}

/** Converts a ReferenceGrant (entries without a kind or namespace are ignored with a warning). */
export function convertReferenceGrant(raw: RawObject, namespace: string, name: string): { grant: ReferenceGrant; warnings: Warning[] } {
  const spec = mapField(raw.object.spec);
  const p = newProblems();
  const from = listField(p, spec.from, 'spec.from', 'note').flatMap((f, i) => {
    const m = mapField(f);
    const kind = stringField(m.kind);
    const ns = stringField(m.namespace);
    if (!kind || !ns) return ignore(p, `spec.from[${i}] needs kind and namespace; ignored`) ?? [];
    return [{ group: typeof m.group === 'string' ? m.group : '', kind, namespace: ns }];
  });
  const to = listField(p, spec.to, 'spec.to', 'note').flatMap((t, i) => {
    const m = mapField(t);
    const kind = stringField(m.kind);
    if (!kind) return ignore(p, `spec.to[${i}] needs a kind; ignored`) ?? [];
    const toName = stringField(m.name);
    return [{ group: typeof m.group === 'string' ? m.group : '', kind, ...(toName ? { name: toName } : {}) }];
  });
  return { grant: { namespace, name, from, to, origin: raw.origin }, warnings: problemWarnings(raw, { kind: 'ReferenceGrant', namespace, name }, p, { drop: 'invalid-gateway', note: 'gateway-warning' }) };
}
