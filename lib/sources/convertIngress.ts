import type { Ingress, IngressBackend, IngressClass, IngressPath, IngressRule, IngressTls, PathType, Route, RouteTarget, RouteTermination, ServicePortRef, Warning } from '../model';
import { isValidPortName } from '../request/ports';
import { loadBalancerStatus } from './convertService';
import { readLabels } from './labelSelector';
import { isPortNumber, listField, mapField, ignore, newProblems, problemWarnings, stringField, type Problems } from './objectProblems';
import { isRawMap } from './raw';
import type { RawObject } from './types';

const PATH_TYPES: readonly PathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];
/** The annotation that named an Ingress's class before spec.ingressClassName (still honoured by controllers). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** A Service port reference: v1 `port: {number | name}`, or the v1beta1 `servicePort` (a number or a name). */
function portRef(p: Problems, raw: unknown, field: string): ServicePortRef | undefined {
  if (typeof raw === 'number') return isPortNumber(raw) ? { number: raw } : void p.notes.push(`${field} ${raw} is not between 1 and 65535; the backend is ignored`);
  if (typeof raw === 'string') return isValidPortName(raw) ? { name: raw } : void p.notes.push(`${field} "${raw}" is not a valid port name; the backend is ignored`);
  const m = mapField(raw);
  const hasNumber = m.number !== undefined && m.number !== null && m.number !== 0;
  const hasName = typeof m.name === 'string' && m.name !== '';
  if (hasNumber && hasName) return ignore(p, `${field} sets both number and name (the API server rejects that); the backend is ignored`);
  if (hasNumber) return portRef(p, m.number, `${field}.number`);
  if (hasName) return portRef(p, m.name, `${field}.name`);
  return ignore(p, `${field} names no port (number or name); the backend is ignored`);
}

// networking/validation validateIngressBackend: exactly one of service and resource.
function backend(p: Problems, raw: unknown, field: string): IngressBackend | undefined {
  if (!isRawMap(raw)) return ignore(p, `${field} is not a map; ignored`);
  // networking.k8s.io/v1beta1 and extensions/v1beta1 wrote `serviceName` and `servicePort`.
  if (raw.serviceName !== undefined) {
    const service = stringField(raw.serviceName);
    if (!service) return ignore(p, `${field}.serviceName is empty; the backend is ignored`);
    const port = portRef(p, raw.servicePort, `${field}.servicePort`);
    return port ? { kind: 'service', service, port } : undefined;
  }
  const svc = raw.service;
  const res = raw.resource;
  if (isRawMap(svc) && isRawMap(res)) return ignore(p, `${field} sets both service and resource (the API server rejects that); ignored`);
  if (isRawMap(res)) {
    const resourceKind = stringField(res.kind);
    const name = stringField(res.name);
    if (!resourceKind || !name) return ignore(p, `${field}.resource needs kind and name; ignored`);
    const apiGroup = stringField(res.apiGroup);
    return { kind: 'resource', ...(apiGroup ? { apiGroup } : {}), resourceKind, name };
  }
  if (!isRawMap(svc)) return ignore(p, `${field} names neither a service nor a resource; ignored`);
  const service = stringField(svc.name);
  if (!service) return ignore(p, `${field}.service.name is empty; the backend is ignored`);
  const port = portRef(p, svc.port, `${field}.service.port`);
  return port ? { kind: 'service', service, port } : undefined;
}

function paths(p: Problems, raw: unknown, field: string): IngressPath[] {
  return listField(p, raw, field, 'note').flatMap((x, i) => {
    const f = `${field}[${i}]`;
    if (!isRawMap(x)) return ignore(p, `${f} is not a map; ignored`) ?? [];
    const b = backend(p, x.backend, `${f}.backend`);
    if (!b) return [];
    let pathType: PathType = 'ImplementationSpecific';
    if ((PATH_TYPES as readonly unknown[]).includes(x.pathType)) pathType = x.pathType as PathType;
    else p.notes.push(`${f}.pathType ${x.pathType === undefined ? 'is missing' : `${JSON.stringify(x.pathType)} is not Exact, Prefix or ImplementationSpecific`}; read as ImplementationSpecific`);
    const path = stringField(x.path);
    return [{ ...(path ? { path } : {}), pathType, backend: b }];
  });
}

/**
 * Converts a networking.k8s.io/v1 Ingress (v1beta1 backends, `serviceName`/`servicePort`, are read too). A backend
 * that names no usable Service port is ignored with a warning; an Ingress with neither rules nor a default backend
 * is dropped, as the API server rejects it.
 */
export function convertIngress(raw: RawObject, namespace: string, name: string): { ingress?: Ingress; warnings: Warning[] } {
  const o = raw.object;
  const meta = mapField(o.metadata);
  const spec = mapField(o.spec);
  const p = newProblems();
  const rawDefault = spec.defaultBackend ?? spec.backend;
  const defaultBackend = rawDefault === undefined || rawDefault === null ? undefined : backend(p, rawDefault, spec.defaultBackend !== undefined ? 'spec.defaultBackend' : 'spec.backend');
  const rawRules = listField(p, spec.rules, 'spec.rules');
  if (rawRules.length === 0 && (rawDefault === undefined || rawDefault === null)) p.errors.push('either spec.defaultBackend or spec.rules must be specified');
  const rules: IngressRule[] = rawRules.flatMap((r, i) => {
    if (!isRawMap(r)) return ignore(p, `spec.rules[${i}] is not a map; ignored`) ?? [];
    const host = stringField(r.host);
    const http = mapField(r.http);
    return [{ ...(host ? { host } : {}), paths: paths(p, http.paths, `spec.rules[${i}].http.paths`) }];
  });
  const tls: IngressTls[] = listField(p, spec.tls, 'spec.tls', 'note').flatMap((t) => {
    if (!isRawMap(t)) return [];
    const hosts = Array.isArray(t.hosts) ? t.hosts.filter((h): h is string => typeof h === 'string') : [];
    const secretName = stringField(t.secretName);
    return [{ hosts, ...(secretName ? { secretName } : {}) }];
  });
  const annotations = readLabels(meta.annotations);
  const specClass = stringField(spec.ingressClassName);
  const annotationClass = stringField(annotations[INGRESS_CLASS_ANNOTATION]);
  const warnings = problemWarnings(raw, { kind: 'Ingress', namespace, name }, p, { drop: 'invalid-ingress', note: 'ingress-warning' });
  if (p.errors.length > 0) return { warnings };
  const ingress: Ingress = {
    namespace,
    name,
    ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}),
    labels: readLabels(meta.labels),
    ...(specClass ? { ingressClassName: specClass, classFrom: 'spec' as const } : annotationClass ? { ingressClassName: annotationClass, classFrom: 'annotation' as const } : {}),
    ...(defaultBackend ? { defaultBackend } : {}),
    rules,
    tls,
    loadBalancerStatus: loadBalancerStatus(o.status),
    origin: raw.origin,
  };
  return { ingress, warnings };
}

/** Converts a networking.k8s.io/v1 IngressClass; one without spec.controller is dropped (the API server requires it). */
export function convertIngressClass(raw: RawObject, name: string): { ingressClass?: IngressClass; warnings: Warning[] } {
  const meta = mapField(raw.object.metadata);
  const spec = mapField(raw.object.spec);
  const p = newProblems();
  const controller = stringField(spec.controller);
  if (!controller) p.errors.push('spec.controller is required');
  const warnings = problemWarnings(raw, { kind: 'IngressClass', name }, p, { drop: 'invalid-ingress-class', note: 'ingress-warning' });
  if (!controller) return { warnings };
  const annotations = readLabels(meta.annotations);
  return { ingressClass: { name, labels: readLabels(meta.labels), controller, isDefault: annotations[DEFAULT_CLASS_ANNOTATION] === 'true', origin: raw.origin }, warnings };
}

const TERMINATIONS: readonly RouteTermination[] = ['edge', 'passthrough', 'reencrypt'];

function routeTarget(p: Problems, raw: unknown, field: string, required: boolean): RouteTarget | undefined {
  const m = mapField(raw);
  const name = stringField(m.name);
  if (!name) {
    (required ? p.errors : p.notes).push(`${field}.name is required${required ? '' : '; the backend is ignored'}`);
    return undefined;
  }
  const weight = typeof m.weight === 'number' ? m.weight : undefined;
  return { kind: stringField(m.kind) ?? 'Service', name, ...(weight !== undefined ? { weight } : {}) };
}

/** Converts an OpenShift route.openshift.io/v1 Route; one without spec.to.name is dropped. */
export function convertRoute(raw: RawObject, namespace: string, name: string): { route?: Route; warnings: Warning[] } {
  const o = raw.object;
  const meta = mapField(o.metadata);
  const spec = mapField(o.spec);
  const p = newProblems();
  const to = routeTarget(p, spec.to, 'spec.to', true);
  const alternateBackends = listField(p, spec.alternateBackends, 'spec.alternateBackends', 'note').flatMap((b, i) => routeTarget(p, b, `spec.alternateBackends[${i}]`, false) ?? []);
  const port = mapField(spec.port);
  let targetPort: number | string | undefined;
  if (isPortNumber(port.targetPort) || (typeof port.targetPort === 'string' && port.targetPort !== '')) targetPort = port.targetPort;
  else if (port.targetPort !== undefined && port.targetPort !== null) p.notes.push(`spec.port.targetPort ${JSON.stringify(port.targetPort)} is not a port number or name; read as every port of the Service`);
  const tlsRaw = spec.tls;
  let tls: Route['tls'];
  if (isRawMap(tlsRaw)) {
    const termination = tlsRaw.termination;
    if ((TERMINATIONS as readonly unknown[]).includes(termination)) {
      const insecure = stringField(tlsRaw.insecureEdgeTerminationPolicy);
      tls = { termination: termination as RouteTermination, ...(insecure ? { insecureEdgeTerminationPolicy: insecure } : {}) };
    } else p.notes.push(`spec.tls.termination ${JSON.stringify(termination)} is not edge, passthrough or reencrypt; TLS settings ignored`);
  }
  const status = mapField(o.status);
  const routerNames = (Array.isArray(status.ingress) ? status.ingress : []).flatMap((i) => (isRawMap(i) && typeof i.routerName === 'string' ? [i.routerName] : []));
  const warnings = problemWarnings(raw, { kind: 'Route', namespace, name }, p, { drop: 'invalid-route', note: 'route-warning' });
  if (!to) return { warnings };
  const host = stringField(spec.host);
  const path = stringField(spec.path);
  const route: Route = {
    namespace,
    name,
    ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}),
    labels: readLabels(meta.labels),
    ...(host ? { host } : {}),
    ...(path ? { path } : {}),
    to,
    alternateBackends,
    ...(targetPort !== undefined ? { targetPort } : {}),
    ...(tls ? { tls } : {}),
    routerNames,
    origin: raw.origin,
  };
  return { route, warnings };
}
