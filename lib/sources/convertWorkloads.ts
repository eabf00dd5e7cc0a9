import type { ContainerPort, OwnerRef, PodPhase, Warning } from '../model';
import { readProtocol } from './convertNetworkPolicy';
import { readLabels } from './labelSelector';
import { isRawMap, where } from './raw';
import type { ControllerKind, ConvertedController, ConvertedPod, PodTemplate, RawMap, RawObject } from './types';

const PHASES: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

function map(v: unknown): RawMap {
  return isRawMap(v) ? v : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The ownerReference with `controller: true` (only the managing controller names the workload). */
export function controllerOwner(meta: RawMap): OwnerRef | undefined {
  const refs = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  for (const r of refs) {
    if (!isRawMap(r) || r.controller !== true) continue;
    const name = str(r.name);
    if (!name) continue;
    // A reference without kind (invalid for the API server) still groups pods, as netpol-analyzer does.
    const kind = str(r.kind) ?? '';
    return { kind, name, ...(str(r.apiVersion) ? { apiVersion: str(r.apiVersion) } : {}), ...(str(r.uid) ? { uid: str(r.uid) } : {}) };
  }
  return undefined;
}

/** Why a container port cannot be used (the caller has established that it cannot). */
function portProblem(port: unknown, protocol: unknown): string {
  if (port === undefined || port === null) return 'has no containerPort';
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return `has containerPort ${JSON.stringify(port)}, not a number between 1 and 65535`;
  return `has protocol ${JSON.stringify(protocol)}, not TCP, UDP or SCTP`;
}

/** Ports of containers and initContainers (peer analyzers resolve named ports on both); protocol defaults to TCP. */
function containerPorts(spec: RawMap, what: string, raw: RawObject, warnings: Warning[], isPod = false): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const listName of ['containers', 'initContainers'] as const) {
    const containers = Array.isArray(spec[listName]) ? spec[listName] : [];
    for (const c of containers) {
      const ports = isRawMap(c) && Array.isArray(c.ports) ? c.ports : [];
      for (const p of ports) {
        if (!isRawMap(p)) continue;
        const n = p.containerPort;
        const protocol = readProtocol(p.protocol);
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535 || !protocol) {
          const label = str(p.name) ? `"${String(p.name)}"` : `of container ${isRawMap(c) && str(c.name) ? `"${String(c.name)}"` : '?'}`;
          warnings.push({
            code: 'invalid-container-port',
            severity: 'warning',
            message: `${where(raw.origin)}: ${what}: port ${label} ${portProblem(n, p.protocol)}; that port is ignored`,
            origin: raw.origin,
          });
          continue;
        }
        const name = str(p.name);
        // pod/util.go FindPort: a named targetPort resolves on containers and sidecars (restartable init containers).
        const container = listName === 'containers' ? undefined : isRawMap(c) && c.restartPolicy === 'Always' ? 'sidecar' : 'init';
        const written = typeof p.hostPort === 'number' && Number.isInteger(p.hostPort) && p.hostPort >= 1 && p.hostPort <= 65535 ? p.hostPort : undefined;
        // SetDefaults_Pod (defaultHostNetworkPorts): a hostNetwork pod's ports are host ports. Pod templates are no
        // longer defaulted (DefaultHostNetworkHostPortsInPodTemplates, off since 1.28).
        const hostPort = written ?? (isPod && spec.hostNetwork === true ? n : undefined);
        const hostIP = hostPort !== undefined ? str(p.hostIP) : undefined;
        out.push({ ...(name ? { name } : {}), containerPort: n, protocol, ...(container ? { container } : {}), ...(hostPort ? { hostPort } : {}), ...(hostIP ? { hostIP } : {}) });
      }
    }
  }
  return out;
}

/** spec.serviceAccountName, then the deprecated spec.serviceAccount, then `default` (the admission default). */
function serviceAccountOf(spec: RawMap): string {
  return str(spec.serviceAccountName) ?? str(spec.serviceAccount) ?? 'default';
}

/**
 * Converts a Pod. Phase is status.phase when present; a manifest pod without status is taken as Running, as the
 * peer analyzer (netpol-analyzer) treats manifest pods as live: a pod written down is a pod meant to run.
 */
export function convertPod(raw: RawObject, namespace: string, name: string): { pod: ConvertedPod; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const meta = map(raw.object.metadata);
  const spec = map(raw.object.spec);
  const status = map(raw.object.status);
  const phase = typeof status.phase === 'string' && (PHASES as readonly string[]).includes(status.phase) ? (status.phase as PodPhase) : 'Running';
  const ips = Array.isArray(status.podIPs) ? status.podIPs.flatMap((p) => (isRawMap(p) && str(p.ip) ? [String(p.ip)] : [])) : [];
  if (ips.length === 0 && str(status.podIP)) ips.push(String(status.podIP));
  const owner = controllerOwner(meta);
  const pod: ConvertedPod = {
    namespace,
    name,
    ...(str(meta.uid) ? { uid: str(meta.uid) } : {}),
    labels: readLabels(meta.labels),
    phase,
    podIPs: ips,
    ...(str(status.hostIP) ? { hostIP: str(status.hostIP) } : {}),
    ...(str(spec.nodeName) ? { nodeName: str(spec.nodeName) } : {}),
    hostNetwork: spec.hostNetwork === true,
    serviceAccountName: serviceAccountOf(spec),
    containerPorts: containerPorts(spec, `Pod ${namespace}/${name}`, raw, warnings, true),
    ...(owner ? { owner } : {}),
    origin: raw.origin,
  };
  return { pod, warnings };
}

/** Where each controller kind keeps its pod template. */
function templateOf(kind: ControllerKind, spec: RawMap): unknown {
  // CronJob nests a Job spec: spec.jobTemplate.spec.template.
  return kind === 'CronJob' ? map(map(spec.jobTemplate).spec).template : spec.template;
}

/** Converts a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob. */
export function convertController(raw: RawObject, kind: ControllerKind, namespace: string, name: string): { controller: ConvertedController; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const meta = map(raw.object.metadata);
  const spec = map(raw.object.spec);
  const t = templateOf(kind, spec);
  let template: PodTemplate | undefined;
  if (isRawMap(t)) {
    const tspec = map(t.spec);
    template = {
      labels: readLabels(map(t.metadata).labels),
      hostNetwork: tspec.hostNetwork === true,
      serviceAccountName: serviceAccountOf(tspec),
      containerPorts: containerPorts(tspec, `${kind} ${namespace}/${name}`, raw, warnings),
    };
  } else {
    warnings.push({
      code: 'missing-pod-template',
      severity: 'warning',
      message: `${where(raw.origin)}: ${kind} ${namespace}/${name} has no pod template; no representative pod can be made for it`,
      origin: raw.origin,
      object: { kind, namespace, name },
    });
  }
  const owner = controllerOwner(meta);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  const controller: ConvertedController = {
    kind,
    namespace,
    name,
    ...(str(meta.uid) ? { uid: str(meta.uid) } : {}),
    labels: readLabels(meta.labels),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(template ? { template } : {}),
    ...(owner ? { owner } : {}),
    origin: raw.origin,
  };
  return { controller, warnings };
}
