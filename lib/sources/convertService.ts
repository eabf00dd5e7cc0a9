import type { LoadBalancerAddress, Service, ServicePort, ServiceType, TrafficPolicy, Warning } from '../model';
import { parseIp } from '../netpol/ipRange';
import { parseCidr } from '../netpol/ipRange';
import { isValidPortName } from '../request/ports';
import { readProtocol } from './convertNetworkPolicy';
import { readLabels } from './labelSelector';
import { isPortNumber, listField, mapField, newProblems, problemWarnings, reject, stringField, stringList, type Problems } from './objectProblems';
import { isRawMap } from './raw';
import type { RawObject } from './types';

const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
/** The deprecated annotation the cloud providers read when spec.loadBalancerSourceRanges is empty. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

// pkg/apis/core/validation ValidateService / validateServicePort, pkg/apis/core/v1 SetDefaults_Service.
function servicePort(p: Problems, raw: unknown, field: string, type: ServiceType): ServicePort | undefined {
  if (!isRawMap(raw)) return reject(p, `${field} is not a map`);
  if (!isPortNumber(raw.port)) return reject(p, `${field}.port ${JSON.stringify(raw.port)} is not a number between 1 and 65535`);
  const protocol = readProtocol(raw.protocol);
  if (!protocol) return reject(p, `${field}.protocol ${JSON.stringify(raw.protocol)} is not one of TCP, UDP, SCTP`);
  // targetPort defaults to port (an absent value or 0 both mean unset).
  const t = raw.targetPort;
  let targetPort: number | string = raw.port;
  if (typeof t === 'number' && t !== 0) {
    if (!isPortNumber(t)) return reject(p, `${field}.targetPort ${t} is not between 1 and 65535`);
    targetPort = t;
  } else if (typeof t === 'string' && t !== '') {
    if (!isValidPortName(t)) return reject(p, `${field}.targetPort "${t}" is not a valid port name (IANA_SVC_NAME) or number`);
    targetPort = t;
  } else if (t !== undefined && t !== null && t !== 0 && t !== '') return reject(p, `${field}.targetPort ${JSON.stringify(t)} is not a number or a name`);
  const n = raw.nodePort;
  let nodePort: number | undefined;
  if (n !== undefined && n !== null && n !== 0) {
    if (!isPortNumber(n)) return reject(p, `${field}.nodePort ${JSON.stringify(n)} is not between 1 and 65535`);
    if (type !== 'NodePort' && type !== 'LoadBalancer') return reject(p, `${field}.nodePort may not be used when type is ${type}`);
    nodePort = n;
  }
  const name = stringField(raw.name);
  const appProtocol = stringField(raw.appProtocol);
  return { ...(name ? { name } : {}), protocol, port: raw.port, targetPort, ...(nodePort ? { nodePort } : {}), ...(appProtocol ? { appProtocol } : {}) };
}

function cidrs(p: Problems, values: readonly string[], field: string): string[] {
  return values.flatMap((v, i) => {
    const c = parseCidr(v.trim());
    if (!c) {
      p.errors.push(`${field}[${i}] "${v}" is not a valid CIDR`);
      return [];
    }
    if (c.hostBitsSet) p.notes.push(`${field}[${i}] "${v}" has host bits set; read as ${c.canonical}`);
    return [c.canonical];
  });
}

function trafficPolicy(p: Problems, v: unknown, field: string): TrafficPolicy | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (v === 'Cluster' || v === 'Local') return v;
  return reject(p, `${field} ${JSON.stringify(v)} is not Cluster or Local`);
}

/** status.loadBalancer.ingress entries (Services, Ingresses). */
export function loadBalancerStatus(status: unknown): LoadBalancerAddress[] {
  const lb = mapField(mapField(status).loadBalancer);
  const list = Array.isArray(lb.ingress) ? lb.ingress : [];
  return list.flatMap((e) => {
    if (!isRawMap(e)) return [];
    const ip = stringField(e.ip);
    const hostname = stringField(e.hostname);
    return ip || hostname ? [{ ...(ip ? { ip } : {}), ...(hostname ? { hostname } : {}) }] : [];
  });
}

/**
 * Converts a core/v1 Service. What the API server would reject in a way that changes where traffic goes (an unknown
 * type, a bad port, source range or external IP) drops the Service with one error warning; missing or repeated port
 * names (rejected too, but common in hand-written manifests and harmless to the analysis) are kept with a warning.
 */
export function convertService(raw: RawObject, namespace: string, name: string): { service?: Service; warnings: Warning[] } {
  const o = raw.object;
  const meta = mapField(o.metadata);
  const spec = mapField(o.spec);
  const p = newProblems();
  const ref = { kind: 'Service', namespace, name };
  const rawType = spec.type ?? 'ClusterIP';
  const type = (TYPES as readonly unknown[]).includes(rawType) ? (rawType as ServiceType) : undefined;
  if (!type) p.errors.push(`spec.type ${JSON.stringify(rawType)} is not one of ${TYPES.join(', ')}`);
  const t = type ?? 'ClusterIP';
  const ports = listField(p, spec.ports, 'spec.ports').flatMap((x, i) => servicePort(p, x, `spec.ports[${i}]`, t) ?? []);
  const clusterIP = stringField(spec.clusterIP);
  const headless = clusterIP === 'None';
  if (headless && (t === 'NodePort' || t === 'LoadBalancer')) p.errors.push(`spec.clusterIP may not be "None" for a ${t} service`);
  if (ports.length === 0 && !headless && t !== 'ExternalName' && !p.errors.some((e) => e.startsWith('spec.ports'))) p.errors.push('spec.ports is required (at least one port)');
  if (ports.length > 1 && ports.some((x) => !x.name)) p.notes.push('several ports without a name on each (the API server requires names then); kept as written');
  const names = ports.flatMap((x) => x.name ?? []);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) p.notes.push(`port name "${dup}" is used twice (the API server rejects that); kept as written`);

  const rawSelector = spec.selector;
  const selectorLabels = readLabels(rawSelector);
  // The endpoints controller ignores the selector of an ExternalName service.
  const selector = Object.keys(selectorLabels).length > 0 && t !== 'ExternalName' ? selectorLabels : undefined;
  if (isRawMap(rawSelector) && !selector && t !== 'ExternalName') p.notes.push('spec.selector is empty, which the API server stores as no selector: the Service selects no pods');

  const externalIPs = stringList(p, spec.externalIPs, 'spec.externalIPs');
  externalIPs.forEach((ip, i) => {
    if (!parseIp(ip)) p.errors.push(`spec.externalIPs[${i}] "${ip}" is not an IP address`);
  });
  const externallyAccessible = t === 'NodePort' || t === 'LoadBalancer' || (t === 'ClusterIP' && externalIPs.length > 0);
  const sourceRanges = cidrs(p, stringList(p, spec.loadBalancerSourceRanges, 'spec.loadBalancerSourceRanges'), 'spec.loadBalancerSourceRanges');
  if (sourceRanges.length > 0 && t !== 'LoadBalancer') p.errors.push(`spec.loadBalancerSourceRanges may only be used when type is LoadBalancer, not ${t}`);
  const annotations = readLabels(meta.annotations);
  const annotationValue = annotations[SOURCE_RANGES_ANNOTATION]?.trim() ?? '';
  const annotationSourceRanges = t === 'LoadBalancer' && annotationValue !== '' ? cidrs(p, annotationValue.split(','), `annotation ${SOURCE_RANGES_ANNOTATION}`) : [];
  const etp = trafficPolicy(p, spec.externalTrafficPolicy, 'spec.externalTrafficPolicy');
  if (etp && !externallyAccessible) p.errors.push(`spec.externalTrafficPolicy may only be set on NodePort, LoadBalancer or externalIPs services`);
  const itp = trafficPolicy(p, spec.internalTrafficPolicy, 'spec.internalTrafficPolicy');
  const externalName = stringField(spec.externalName);
  if (t === 'ExternalName' && !externalName) p.errors.push('spec.externalName is required for an ExternalName service');
  const loadBalancerIP = stringField(spec.loadBalancerIP);
  const loadBalancerClass = stringField(spec.loadBalancerClass);

  const warnings = problemWarnings(raw, ref, p, { drop: 'invalid-service', note: 'service-warning' });
  if (p.errors.length > 0) return { warnings };
  const service: Service = {
    namespace,
    name,
    ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}),
    labels: readLabels(meta.labels),
    annotations,
    type: t,
    ...(selector ? { selector } : {}),
    ...(clusterIP ? { clusterIP } : {}),
    headless,
    externalIPs,
    loadBalancerSourceRanges: sourceRanges,
    annotationSourceRanges,
    ...(loadBalancerIP ? { loadBalancerIP } : {}),
    ...(loadBalancerClass ? { loadBalancerClass } : {}),
    ...(externallyAccessible ? { externalTrafficPolicy: etp ?? 'Cluster' } : {}),
    internalTrafficPolicy: itp ?? 'Cluster',
    ...(externalName ? { externalName } : {}),
    ports,
    loadBalancerStatus: loadBalancerStatus(o.status),
    origin: raw.origin,
  };
  return { service, warnings };
}
