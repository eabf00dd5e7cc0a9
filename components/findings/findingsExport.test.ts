import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/findings';
import { csvField, findingsCsv, findingsMarkdown } from './findingsExport';
import { filterFindings, findingsQuery, parseFindingsFilter } from './findingsFilter';

const sod: Finding = {
  id: 'PER-RBAC-SOD-WORKLOAD-NETPOL:User:alice:shop-backend',
  ruleId: 'PER-RBAC-SOD-WORKLOAD-NETPOL',
  severity: 'high',
  title: 'User:alice can change workloads, and "NetworkPolicies"',
  subject: { kind: 'User', name: 'alice' },
  namespace: 'shop-backend',
  evidence: [
    { text: 'change workloads (create deployments.apps): RoleBinding/shop-backend/devs → Role/shop-backend/dev rule #0', refs: [] },
    { text: 'change NetworkPolicies (patch networkpolicies.networking.k8s.io): same', refs: [] },
  ],
  fix: '=SPLIT the role',
};
const dangling: Finding = {
  id: 'PER-RBAC-DANGLING-ROLEREF:-:payments',
  ruleId: 'PER-RBAC-DANGLING-ROLEREF',
  severity: 'low',
  title: 'RoleBinding payments/payments-auditors names a missing ClusterRole',
  namespace: 'payments',
  object: { kind: 'RoleBinding', namespace: 'payments', name: 'payments-auditors' },
  evidence: [],
  fix: 'delete it',
};

describe('findingsCsv', () => {
  it('quotes fields with commas, quotes and newlines (RFC 4180) and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    const csv = findingsCsv([sod, dangling]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('severity,rule,id,namespace,subject,object,title,evidence,fix');
    expect(lines[1]).toContain('high,PER-RBAC-SOD-WORKLOAD-NETPOL,');
    expect(lines[1]).toContain('"User:alice can change workloads, and ""NetworkPolicies"""');
    expect(csv).toContain("'=SPLIT the role");
    expect(csv).toContain('low,PER-RBAC-DANGLING-ROLEREF,PER-RBAC-DANGLING-ROLEREF:-:payments,payments,,RoleBinding payments/payments-auditors,');
  });
});

describe('findingsMarkdown', () => {
  it('one section per finding with evidence and fix; the summary counts severities', () => {
    const md = findingsMarkdown([sod, dangling], { source: 'demo', readAt: '2026-01-01T00:00:00Z', filter: '' });
    expect(md).toContain('2 findings: 1 high, 0 medium, 1 low.');
    expect(md).toContain('## [high] User:alice can change workloads, and "NetworkPolicies"');
    expect(md).toContain('- Object: RoleBinding payments/payments-auditors');
    expect(md).toContain('Evidence:');
  });
});

describe('findings filter', () => {
  it('round-trips through the URL and filters by severity, rule, namespace and text', () => {
    const f = parseFindingsFilter(new URLSearchParams('sev=high,bogus&ns=shop-backend&q=ALICE'));
    expect(f).toEqual({ severities: ['high'], rule: '', namespace: 'shop-backend', text: 'ALICE' });
    expect(findingsQuery(f)).toBe('?sev=high&ns=shop-backend&q=ALICE');
    expect(filterFindings([sod, dangling], f)).toEqual([sod]);
    expect(filterFindings([sod, dangling], { ...f, severities: [], text: '', namespace: '*' })).toEqual([]);
    expect(filterFindings([sod, dangling], parseFindingsFilter({ rule: 'PER-RBAC-DANGLING-ROLEREF' }))).toEqual([dangling]);
  });
});
