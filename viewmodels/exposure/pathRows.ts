import type { EntryAnalysis, HopVerdict, InternetPath, PathVerdict } from '@/lib/exposure';
import { explainLastHops, type HopExplanation } from '@/lib/exposure/hopExplanations';
import type { Snapshot } from '@/lib/model/index';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { adminRuleLabel, type Explanation, type SideExplanation } from '@/lib/netpol/explain';
import { formatPorts, isEmptyPorts } from '@/lib/netpol/portSet';
import { entryVerdictView, hopTone, pathTone, type VerdictTone, type VerdictView } from './entryVerdicts';
import { graphHref, questionHref } from './exposureLinks';

// "Internet → entry → workloads": each entry point's paths, hop by hop, with each hop's verdict, why, and the policy
// that decides the hop reaching the pod (explained by lib/netpol). Pods of one workload that take the same hops with
// the same outcome are one row.

export interface HopView {
  readonly from: string;
  readonly to: string;
  readonly verdict: HopVerdict;
  readonly tone: VerdictTone;
  readonly reason: string;
  /** The policy, rule and tier that decide this hop (the hop reaching the pod only). */
  readonly deciding?: string;
  /** Explain's page for this hop's question. */
  readonly explainHref?: string;
}

export interface PathRow {
  /** Connlist notation. */
  readonly workload: string;
  /** The pods it stands for; `podNames` lists the first few. */
  readonly pods: number;
  readonly podNames: readonly string[];
  readonly via: string;
  readonly verdict: PathVerdict;
  readonly tone: VerdictTone;
  readonly hops: readonly HopView[];
  /** The pod ports open end to end (`TCP 8080`), or empty. */
  readonly open: string;
  readonly usableFrom: readonly string[];
  readonly assumptions: readonly string[];
  readonly graphHref: string;
}

export interface EntryPaths {
  readonly id: string;
  readonly object: string;
  readonly verdict: VerdictView;
  readonly reason: string;
  /** The first `perEntry` rows. */
  readonly rows: readonly PathRow[];
  /** How many rows there are in all. */
  readonly total: number;
}

const POD_NAMES = 3;

/** The deciding policy of an explained hop, in a few words: the side that denies, else the destination's ingress. */
export function decidingText(e: Explanation): string {
  const side = e.verdict === 'denied' ? ([e.ingress, e.egress].find((s) => s.verdict === 'denied') ?? e.ingress) : e.ingress;
  const where = side.direction === 'Egress' ? `${e.from} egress` : `${e.to} ingress`;
  return `${where}: ${sideText(side)}`;
}

function sideText(s: SideExplanation): string {
  if (s.deciding) return `${adminRuleLabel(s.deciding)} ${s.deciding.action === 'Deny' ? 'denies' : s.deciding.action === 'Allow' ? 'allows' : 'passes'} it`;
  switch (s.decidedBy) {
    case 'none':
      return 'no policy selects it (allowed)';
    case 'NetworkPolicy': {
      if (s.verdict === 'denied') return `${s.policies.join(', ')} select${s.policies.length === 1 ? 's' : ''} it and no rule admits this`;
      const hits = s.hits.map((h) => `${h.policy} ${h.direction.toLowerCase()} rule #${h.ruleIndex + 1}`);
      return `allowed by ${[...new Set(hits)].join(', ') || s.policies.join(', ')}`;
    }
    case 'AdminNetworkPolicy':
    case 'BaselineAdminNetworkPolicy': {
      const last = s.adminHits[s.adminHits.length - 1];
      return last ? `${adminRuleLabel(last)} (${last.action})` : s.reason;
    }
  }
}

const groupKey = (p: InternetPath) => [p.workload, p.via, p.verdict, ...p.hops.map((h) => `${h.verdict}:${formatPorts(h.allowed)}`)].join('|');

function hopViews(p: InternetPath, explained: HopExplanation | undefined): HopView[] {
  return p.hops.map((h, i) => {
    const last = i === p.hops.length - 1;
    return {
      from: h.from,
      // The pod hop is named by its workload: the row stands for every pod with the same path.
      to: last ? p.workload : h.to,
      verdict: h.verdict,
      tone: hopTone(h.verdict),
      reason: h.reason,
      ...(last && explained ? { deciding: decidingText(explained.explanation), explainHref: questionHref(explained.question) } : {}),
    };
  });
}

/**
 * The path rows of some entries: at most `perEntry` rows each (open ones first), the hop reaching the pod explained
 * once per row on a snapshot of the pods asked about (lib/exposure explainLastHops).
 */
export function entryPaths(snapshot: Snapshot, entries: readonly EntryAnalysis[], perEntry: number, hostNetwork: HostNetworkMode = 'as-pod'): EntryPaths[] {
  const rank = (v: PathVerdict) => ['open', 'unknown', 'closed', 'internal'].indexOf(v);
  const grouped = entries.map((a) => {
    const groups = new Map<string, InternetPath[]>();
    for (const p of a.paths) (groups.get(groupKey(p)) ?? groups.set(groupKey(p), []).get(groupKey(p))!).push(p);
    const all = [...groups.values()].sort((x, y) => rank(x[0].verdict) - rank(y[0].verdict) || x[0].workload.localeCompare(y[0].workload) || x[0].via.localeCompare(y[0].via));
    return { a, shown: all.slice(0, perEntry), total: all.length };
  });
  const asked = grouped.flatMap(({ a, shown }) => shown.map((g) => ({ entry: a.entry, path: g[0] })));
  const answers = explainLastHops(snapshot, asked, hostNetwork);
  let k = 0;
  return grouped.map(({ a, shown, total }) => ({
    id: a.entry.id,
    object: `${a.entry.object.kind} ${a.entry.object.namespace ? `${a.entry.object.namespace}/` : ''}${a.entry.object.name}`,
    verdict: entryVerdictView(a),
    reason: a.reason,
    total,
    rows: shown.map((g): PathRow => {
      const p = g[0];
      const explained = answers[k++];
      return {
        workload: p.workload,
        pods: g.length,
        podNames: g.slice(0, POD_NAMES).map((x) => snapshot.pods[x.pod].name),
        via: p.via,
        verdict: p.verdict,
        tone: pathTone(p.verdict),
        hops: hopViews(p, explained),
        open: isEmptyPorts(p.open) ? '' : formatPorts(p.open),
        usableFrom: p.usableFrom.map((u) => `${u.range} (${formatPorts(u.ports)})`),
        assumptions: p.assumptions,
        graphHref: graphHref(p.workload),
      };
    }),
  }));
}
