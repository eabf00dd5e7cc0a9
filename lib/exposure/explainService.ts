import type { ServicePort } from '../model';
import type { CompiledSnapshot } from '../netpol/compile';
import { explain, type Explanation, type ExplainQuery } from '../netpol/explain';
import { parseEndpointRef } from '../request/endpoint';
import { resolveServices, type ServiceIndex } from './serviceBackends';

// `explain --to svc/ns/name --port https`: the Service port is resolved to each backing pod's port (a named
// targetPort per pod), and each pod is explained on its own port, as kube-proxy would send the connection there.

/** One backing pod: its port for the asked Service port, and the explanation of the connection to it. */
export interface ServicePodExplanation {
  readonly pod: string;
  /** Undefined when the Service port's named targetPort is not defined on this pod. */
  readonly podPort?: number;
  readonly explanation?: Explanation;
  /** Why the pod gets no connection on that Service port. */
  readonly problem?: string;
}

export interface ServiceExplanation {
  readonly service: string;
  /** The Service ports explained: the asked one, or every port when none was asked. */
  readonly servicePorts: readonly ServicePort[];
  /** One per (Service port, backing pod). */
  readonly pods: readonly (ServicePodExplanation & { readonly servicePort: ServicePort })[];
  /** allowed: every backing pod; partly: some; denied: none (or no pod). */
  readonly verdict: 'allowed' | 'partly' | 'denied';
  readonly sentence: string;
}

export type ServiceExplainResult = { readonly ok: true; readonly explanation: ServiceExplanation } | { readonly ok: false; readonly message: string };

/** Whether `to` names a Service (`svc/ns/name`), so the caller explains it with `explainToService`. */
export function isServiceRef(text: string): boolean {
  const r = parseEndpointRef(text);
  return r.ok && r.value.kind === 'service';
}

const portText = (sp: ServicePort) => `${sp.name ? `${sp.name} ` : ''}${sp.port}/${sp.protocol}`;

/** Explains a connection to a Service: the asked port (by name or number) per backing pod. */
export function explainToService(c: CompiledSnapshot, query: ExplainQuery, index: ServiceIndex = resolveServices(c.snapshot)): ServiceExplainResult {
  const ref = parseEndpointRef(query.to);
  if (!ref.ok) return ref;
  if (ref.value.kind !== 'service') return { ok: false, message: `"${query.to}" is not svc/ns/name` };
  const key = `${ref.value.namespace}/${ref.value.name}`;
  const sb = index.byKey.get(key);
  if (!sb) return { ok: false, message: `no Service ${key} in the snapshot` };
  const asked = query.port;
  const ports = asked === undefined ? sb.service.ports : sb.service.ports.filter((sp) => (typeof asked === 'number' ? sp.port === asked : sp.name === asked) && (query.protocol === undefined || sp.protocol === query.protocol));
  if (ports.length === 0) return { ok: false, message: `Service ${key} has no port ${String(asked)}${query.protocol ? `/${query.protocol}` : ''} (its ports: ${sb.service.ports.map(portText).join(', ') || 'none'})` };
  if (sb.pods.length === 0) return { ok: false, message: `Service ${key} selects no pod${sb.service.selector ? '' : ' (it has no selector)'}: there is nothing to connect to` };
  const out: (ServicePodExplanation & { servicePort: ServicePort })[] = [];
  for (const sp of ports) {
    const rp = sb.ports.find((p) => p.servicePort === sp);
    for (const b of rp?.backends ?? []) {
      const pod = c.snapshot.pods[b.pod];
      const name = `${pod.namespace}/${pod.name}`;
      if (b.port === undefined) {
        out.push({ pod: name, servicePort: sp, problem: `targetPort "${String(sp.targetPort)}" (${sp.protocol}) is not defined on ${name}: kube-proxy sends it nothing on this port` });
        continue;
      }
      const r = explain(c, { from: query.from, to: name, port: b.port, protocol: sp.protocol });
      if (!r.ok) return r;
      out.push({ pod: name, servicePort: sp, podPort: b.port, explanation: r.explanation });
    }
  }
  const allowed = out.filter((p) => p.explanation?.verdict === 'allowed').length;
  const verdict = allowed === out.length ? 'allowed' : allowed === 0 ? 'denied' : 'partly';
  const what = ports.length === 1 ? `port ${portText(ports[0])}` : `${ports.length} ports`;
  const to = verdict === 'partly' ? `allowed to ${allowed} of ${out.length} backing pods` : `${verdict} to ${out.length === 1 ? 'its backing pod' : `every backing pod (${out.length})`}`;
  const sentence = `${query.from} => Service ${key} ${what}: ${to}`;
  return { ok: true, explanation: { service: key, servicePorts: ports, pods: out, verdict, sentence } };
}
