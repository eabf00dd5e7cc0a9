import type { NetworkPolicy, PolicyType } from '@/lib/model/index';
import { formatSelector, selectsAll } from '@/lib/netpol/selector';
import { stringify } from 'yaml';
import { formatLocation } from '@/viewmodels/ui/format';
import { policyEnglish, policyManifest, type PolicyEnglish } from './policyEnglish';

/** What the policies table shows for one NetworkPolicy: plain strings, so it can cross to the client row. */
export interface PolicyRow {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly types: readonly PolicyType[];
  readonly typesDeclared: boolean;
  /** kubectl notation (lib/netpol's formatSelector); empty for the empty selector, which selects every pod. */
  readonly podSelector: string;
  readonly ingressRules: number;
  readonly egressRules: number;
  readonly location: string;
  /** The policy as a networking.k8s.io/v1 manifest (defaults applied), YAML. */
  readonly yaml: string;
  /** Its rules in plain English. */
  readonly english: PolicyEnglish;
}

/** What the analyses add to a row: pods selected, warnings about it, how many can change it. */
export interface PolicyFacts {
  readonly selectedPods: number;
  readonly warnings: readonly string[];
  readonly directEditors: number;
  readonly indirectEditors: number;
}

/** Rows sorted by namespace then name. */
export function policyRows(policies: readonly NetworkPolicy[]): PolicyRow[] {
  return [...policies]
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((p) => ({
      key: `${p.namespace}/${p.name}`,
      namespace: p.namespace,
      name: p.name,
      types: p.policyTypes,
      typesDeclared: p.policyTypesDeclared,
      podSelector: selectsAll(p.podSelector) ? '' : formatSelector(p.podSelector),
      ingressRules: p.ingress.length,
      egressRules: p.egress.length,
      location: formatLocation(p.origin),
      yaml: stringify(policyManifest(p)),
      english: policyEnglish(p),
    }));
}
