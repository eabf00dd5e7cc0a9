import type { Explanation, RuleHit, SideExplanation } from '@/lib/netpol/explain';
import { formatPorts } from '@/lib/netpol/portSet';
import { adminPolicyHref, policyHref } from '@/viewmodels/graph/endpointRef';

/** A piece of a sentence: text, or text that links to the policy it names. */
export type TextPart = { readonly text: string; readonly href?: string };

/** A policy named in a verdict, with its page. */
export interface PolicyLink {
  readonly label: string;
  readonly href: string;
}

/** One side of the verdict as the panel shows it. */
export interface SideView {
  readonly direction: 'ingress' | 'egress';
  readonly title: string;
  readonly verdict: SideExplanation['verdict'];
  readonly isolation: string;
  readonly reason: readonly TextPart[];
  /** Policies with a rule that allows the connection, or that names the peer on other ports, each with those rules. */
  readonly deciding: readonly { readonly policy: PolicyLink; readonly rules: readonly string[] }[];
  /** Policies that select the pod with no rule for the other end at all: one collapsed list. */
  readonly others: readonly PolicyLink[];
  /** Red border: isolation decided a denial here. */
  readonly decisive: boolean;
}

/** Splits `text` so that each occurrence of a link's label becomes a link (longest labels first). */
export function linkify(text: string, links: readonly PolicyLink[]): TextPart[] {
  const sorted = [...new Map(links.map((l) => [l.label, l])).values()].sort((a, b) => b.label.length - a.label.length);
  const parts: TextPart[] = [];
  let rest = text;
  while (rest) {
    let best: { at: number; link: PolicyLink } | undefined;
    for (const link of sorted) {
      const at = rest.indexOf(link.label);
      if (at >= 0 && (!best || at < best.at)) best = { at, link };
    }
    if (!best) {
      parts.push({ text: rest });
      break;
    }
    if (best.at > 0) parts.push({ text: rest.slice(0, best.at) });
    parts.push({ text: best.link.label, href: best.link.href });
    rest = rest.slice(best.at + best.link.label.length);
  }
  return parts;
}

function hitText(h: RuleHit): string {
  // Numbered from 1, as the engine's sentences are.
  const peer = h.peerIndex === undefined ? 'any peer' : `peer #${h.peerIndex + 1}`;
  const port = h.portIndex === undefined ? '' : `, port entry #${h.portIndex + 1}`;
  return `${h.direction.toLowerCase()} rule #${h.ruleIndex + 1} (${peer}${port}) allows ${formatPorts(h.allows)}`;
}

/** Every policy an explanation names, NetworkPolicies by `ns/name` and admin ones by `Tier name`, with their pages. */
export function policyLinks(e: Explanation): PolicyLink[] {
  const sides = [e.egress, e.ingress];
  const keys = new Set(sides.flatMap((s) => [...s.policies, ...s.hits.map((h) => h.policy), ...s.peerRules.map((h) => h.policy)]));
  return [
    ...[...keys].map((k) => ({ label: k, href: policyHref(k) })),
    ...sides.flatMap((s) => s.adminHits.map((h) => ({ label: `${h.tier} ${h.policy}`, href: adminPolicyHref(h.tier, h.policy) }))),
  ];
}

/** The panel's view of one side: the reason with policy links, the deciding policies, the rest folded. */
export function sideView(side: SideExplanation, links: readonly PolicyLink[]): SideView {
  const link = (key: string) => links.find((l) => l.label === key) ?? { label: key, href: policyHref(key) };
  // A policy matters when a rule of it allows the connection, or names the peer (and allows other ports).
  const rulesOf = (p: string) => {
    const hits = side.hits.filter((h) => h.policy === p);
    return hits.length > 0 ? hits.map(hitText) : side.peerRules.filter((h) => h.policy === p).map((h) => `${hitText(h)}, not this connection`);
  };
  const deciding = side.policies.map((p) => ({ policy: link(p), rules: rulesOf(p) })).filter((d) => d.rules.length > 0);
  return {
    direction: side.direction === 'Egress' ? 'egress' : 'ingress',
    title: side.direction === 'Egress' ? 'Source egress' : 'Destination ingress',
    verdict: side.verdict,
    isolation: side.isolated ? `isolated by ${side.policies.length} ${side.policies.length === 1 ? 'policy' : 'policies'}` : 'not isolated: this side allows every connection',
    reason: linkify(side.reason, links),
    deciding,
    others: side.policies.filter((p) => !deciding.some((d) => d.policy.label === p)).map(link),
    decisive: side.verdict === 'denied' && side.isolated,
  };
}
