import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { filterFindings, parseFindingsFilter } from './findingsFilter';

const findings = analyze(await loadDemoSnapshot()).findings;
const ids = (ns: string) => filterFindings(findings, parseFindingsFilter({ ns })).map((f) => f.id);

describe('filterFindings by namespace (demo cluster)', () => {
  it("shop-backend keeps its own findings and the cluster-wide ones that apply there: bob's cluster-wide separation of duties, dave's escalation", () => {
    const shop = ids('shop-backend');
    expect(shop).toContain('PER-RBAC-SOD-WORKLOAD-NETPOL:User:alice@acme.example:shop-backend');
    expect(shop).toContain('PER-RBAC-SOD-WORKLOAD-NETPOL:User:bob@acme.example:*');
    expect(shop).toContain('PER-RBAC-ESCALATION:User:dave@acme.example:*');
    // Another namespace's own findings stay out.
    expect(shop.every((id) => findings.find((f) => f.id === id)!.namespace !== 'ci')).toBe(true);
  });

  it('a cluster-wide finding that names its namespaces applies there only', () => {
    // system:kube-controller-manager can become an editor of NetworkPolicies in some namespaces (the ones whose policies it could edit).
    const kcm = findings.find((f) => f.id === 'PER-RBAC-NETPOL-INDIRECT-EDITOR:User:system:kube-controller-manager:*')!;
    expect(kcm.namespace).toBeUndefined();
    expect(kcm.namespaces).toEqual(['shop-backend']);
    expect(ids('shop-backend')).toContain(kcm.id);
    expect(ids('payments')).not.toContain(kcm.id);
  });

  it('`*` keeps only the cluster-wide findings, as before', () => {
    expect(filterFindings(findings, parseFindingsFilter({ ns: '*' })).every((f) => f.namespace === undefined)).toBe(true);
  });
});
