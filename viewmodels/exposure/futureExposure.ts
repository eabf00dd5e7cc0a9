import type { Exposure } from '@/lib/netpol/exposure';
import { formatExposure, isAllExposure, type ExposurePorts } from '@/lib/netpol/exposurePorts';
import type { PolicyType, Protocol } from '@/lib/model/index';
import { exposurePeerName } from '@/lib/report/exposure';
import { explainHref } from '../explain/explainQuery';
import { explainablePeer, graphHref, workloadRef } from './exposureLinks';

// "Exposed to future workloads": what each workload's rules admit from (or let it send to) pods that are not in the
// snapshot yet — the whole cluster and representative peers (lib/netpol/exposure, `connectivity --exposure`).
// External ranges are left out here: the entry points and the connectivity list show them.

export interface FutureExposureRow {
  /** Connlist notation. */
  readonly workload: string;
  readonly direction: PolicyType;
  /** `entire-cluster`, `[namespace with {team=x}]/[pod with {role=monitoring}]`, … as the CLI prints it. */
  readonly peer: string;
  readonly ports: string;
  /** No policy selects the workload in this direction. */
  readonly unprotected: boolean;
  /** The rule the peer was first met in (`NetworkPolicy monitoring/grafana-open ingress rule #1`); none for entire-cluster. */
  readonly origin?: string;
  /** Explain's page asking about a new pod of that peer; absent when the peer has expressions (many label sets). */
  readonly explainHref?: string;
  readonly graphHref: string;
}

/** The peer as explain reads it: `[all namespaces]/[all pods]` for the whole cluster. */
const explainPeer = (peer: string) => (peer === 'entire-cluster' ? '[all namespaces]/[all pods]' : peer);

/** A named or numeric port to ask about: the first number, else the first name. */
function askedPort(p: ExposurePorts): { port?: number | string; protocol?: Protocol } {
  if (isAllExposure(p)) return {};
  for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
    const r = p.ports[protocol][0];
    if (r) return { port: r[0], ...(protocol === 'TCP' ? {} : { protocol }) };
  }
  return p.named[0] ? { port: p.named[0].name } : {};
}

/**
 * The first `limit` rows by workload, as the CLI lists them, ingress first (who could reach it is the exposure
 * question), unprotected directions included; and how many there are in all (the page shows the first ones).
 */
export function futureExposureRows(exposure: Exposure, limit = Infinity): { rows: FutureExposureRow[]; total: number } {
  const rows: FutureExposureRow[] = [];
  let total = 0;
  for (const e of exposure.endpoints) {
    const workload = e.endpoint.name;
    const self = workloadRef(workload);
    for (const d of [e.ingress, e.egress]) {
      for (const x of d.entries) {
        if (x.peer.kind === 'external') continue;
        if (total++ >= limit) continue;
        const peer = exposurePeerName(x.peer);
        const ports = formatExposure(x.ports);
        const port = askedPort(x.ports);
        const other = explainPeer(peer);
        const o = x.peer.kind === 'representative' ? x.peer.peer.origin : undefined;
        rows.push({
          workload,
          direction: d.direction,
          peer,
          ports,
          unprotected: !d.protected,
          ...(o ? { origin: `${o.kind} ${o.policy} ${o.direction.toLowerCase()} rule #${o.ruleIndex + 1}` } : {}),
          ...(explainablePeer(other) ? { explainHref: d.direction === 'Ingress' ? explainHref({ from: other, to: self, ...port }) : explainHref({ from: self, to: other, ...port }) } : {}),
          graphHref: graphHref(workload),
        });
      }
    }
  }
  return { rows, total };
}
