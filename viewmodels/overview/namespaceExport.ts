import { csvField } from '@/viewmodels/findings/findingsExport';
import type { NamespaceIsolation } from './isolation';
import type { NamespaceRow } from './overviewModel';

const HEAD = ['namespace', 'declared', 'pods', 'workloads', 'policies', 'ingress isolated pods', 'egress isolated pods', 'default deny ingress', 'default deny egress'];

/** The Overview's isolation table as CSV, every namespace (RFC 4180, CRLF; default-deny policies joined by spaces). */
export function namespaceRowsCsv(rows: readonly NamespaceRow[], isolation: ReadonlyMap<string, NamespaceIsolation>): string {
  const lines = rows.map((r) => {
    const iso = isolation.get(r.name);
    return [r.name, r.declared ? 'yes' : 'no', String(r.pods), String(r.workloads), String(r.policies), String(iso?.ingress ?? 0), String(iso?.egress ?? 0), r.allPodsIngress.join(' '), r.allPodsEgress.join(' ')].map(csvField).join(',');
  });
  return [HEAD.join(','), ...lines].join('\r\n') + '\r\n';
}
