import type { EntryPointAnalysis } from '@/lib/exposure';
import { formatPorts } from '@/lib/netpol/portSet';
import { graphHref } from '../exposure/exposureLinks';

/** One internet-reachable workload on the Overview: what is open, through what, and where to look closer. */
export interface InternetItem {
  readonly workload: string;
  readonly ports: string;
  /** `ssh 22/TCP`. */
  readonly sensitive: readonly string[];
  readonly entries: readonly string[];
  readonly assumed: boolean;
  readonly graphHref: string;
}

export interface InternetSummary {
  /** Workloads some entry point reaches from the internet. */
  readonly count: number;
  /** Entry points the policies close although they expose (exposed on paper, closed in fact). */
  readonly closedEntries: number;
  /** The first `top` (sensitive ports first, as lib/exposure ranks them). */
  readonly items: readonly InternetItem[];
}

/** The Overview's "reachable from the internet" panel. */
export function internetSummary(ep: EntryPointAnalysis, top: number): InternetSummary {
  return {
    count: ep.reachable.length,
    closedEntries: ep.entries.filter((e) => e.verdict === 'closed').length,
    items: ep.reachable.slice(0, top).map((r) => ({
      workload: r.workload,
      ports: formatPorts(r.ports),
      sensitive: r.sensitivePorts.map((s) => `${s.name} ${s.port}/${s.protocol}`),
      entries: r.entries,
      assumed: r.assumed,
      graphHref: graphHref(r.workload),
    })),
  };
}
