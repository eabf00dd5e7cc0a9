import { describe, expect, it } from 'vitest';
import type { Finding, ReportedFinding } from '@/lib/findings/index';
import { csvField, findingsCsv, findingsJson, findingsMarkdown } from './findingsExport';
import { filterFindings, findingsQuery, openFirst, parseFindingsFilter, severityCounts } from './findingsFilter';

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

// As applyRuleConfig reports them with an allow-list entry and a `rules` severity (lib/findings/configRules).
const allowed: ReportedFinding = { ...sod, id: 'PER-RBAC-SOD-WORKLOAD-NETPOL:User:bob:shop-backend', suppressed: { reason: 'break-glass, SEC-9', where: 'allow[1]' } };
const rerated: ReportedFinding = { ...dangling, severity: 'medium', defaultSeverity: 'low' };

describe('findingsCsv', () => {
  it('quotes fields with commas, quotes and newlines (RFC 4180) and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    const csv = findingsCsv([sod, dangling]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('severity,rule,id,namespace,subject,object,title,evidence,fix,suppressed,defaultSeverity');
    expect(lines[1]).toContain('high,PER-RBAC-SOD-WORKLOAD-NETPOL,');
    expect(lines[1]).toContain('"User:alice can change workloads, and ""NetworkPolicies"""');
    expect(csv).toContain("'=SPLIT the role");
    expect(csv).toContain('low,PER-RBAC-DANGLING-ROLEREF,PER-RBAC-DANGLING-ROLEREF:-:payments,payments,,RoleBinding payments/payments-auditors,');
    expect(lines[2].endsWith(',delete it,,')).toBe(true);
  });

  it('carries the allow-list entry and reason of a suppressed finding and the default severity of a re-rated one', () => {
    const lines = findingsCsv([allowed, rerated]).split('\r\n');
    expect(lines[1].endsWith(",'=SPLIT the role,\"allow[1]: break-glass, SEC-9\",")).toBe(true);
    expect(lines[2].startsWith('medium,PER-RBAC-DANGLING-ROLEREF,')).toBe(true);
    expect(lines[2].endsWith(',delete it,,low')).toBe(true);
  });
});

describe('findingsMarkdown', () => {
  it('one section per finding with evidence and fix; the summary counts severities', () => {
    const md = findingsMarkdown([sod, dangling], { source: 'demo', readAt: '2026-01-01T00:00:00Z', filter: '' });
    expect(md).toContain('2 findings: 1 high, 0 medium, 1 low.');
    expect(md).toContain('## [high] User:alice can change workloads, and "NetworkPolicies"');
    expect(md).toContain('- Object: RoleBinding payments/payments-auditors');
    expect(md).toContain('Evidence:');
    expect(md).not.toContain('Config:');
  });

  it('names the config, counts suppressed findings apart and marks them with the entry and reason', () => {
    const md = findingsMarkdown([allowed, rerated], { source: 'demo', readAt: '2026-01-01T00:00:00Z', filter: '', config: 'perimeter.config.yaml' });
    expect(md).toContain('Config: perimeter.config.yaml');
    expect(md).toContain('2 findings: 0 high, 1 medium, 0 low; 1 suppressed.');
    expect(md).toContain('## [suppressed, high] User:alice can change workloads');
    expect(md).toContain('- Suppressed by `allow[1]`: break-glass, SEC-9');
    expect(md).toContain("- Severity set by the config; the rule's default is low");
  });
});

describe('findings filter', () => {
  it('round-trips through the URL and filters by severity, rule, namespace and text', () => {
    const f = parseFindingsFilter(new URLSearchParams('sev=high,bogus&ns=shop-backend&q=ALICE'));
    expect(f).toEqual({ severities: ['high'], rule: '', namespace: 'shop-backend', text: 'ALICE', suppressed: 'show' });
    expect(findingsQuery(f)).toBe('?sev=high&ns=shop-backend&q=ALICE');
    expect(filterFindings([sod, dangling], f)).toEqual([sod]);
    expect(filterFindings([sod, dangling], { ...f, severities: [], text: '', namespace: '*' })).toEqual([]);
    expect(filterFindings([sod, dangling], parseFindingsFilter({ rule: 'PER-RBAC-DANGLING-ROLEREF' }))).toEqual([dangling]);
  });

  it('shows suppressed findings by default, hides them with sup=hide, shows only them with sup=only', () => {
    const list = [allowed, sod, rerated];
    expect(filterFindings(list, parseFindingsFilter({}))).toEqual(list);
    expect(filterFindings(list, parseFindingsFilter({ sup: 'hide' }))).toEqual([sod, rerated]);
    expect(filterFindings(list, parseFindingsFilter({ sup: 'only' }))).toEqual([allowed]);
    expect(parseFindingsFilter({ sup: 'bogus' }).suppressed).toBe('show');
    expect(findingsQuery(parseFindingsFilter({ sup: 'only', sev: 'high' }))).toBe('?sev=high&sup=only');
    expect(findingsQuery(parseFindingsFilter({ sup: 'show' }))).toBe('');
  });

  it('counts only open findings by severity, and lists open ones before suppressed ones', () => {
    expect(severityCounts([allowed, sod, rerated])).toEqual({ high: 1, medium: 1, low: 0 });
    expect(openFirst([allowed, sod, rerated])).toEqual([sod, rerated, allowed]);
  });
});

describe('findingsJson', () => {
  const head = { source: { kind: 'files', paths: ['a.yaml'] }, readAt: '2026-12-04T00:00:00.000Z', version: 3, config: null, filter: 'sev=high' };
  const all = [sod, dangling, allowed, rerated, { ...sod, id: 'x', title: 'quote " and \\ and \u2028' }];

  it('is the text of one JSON.stringify of the export, cut at any piece size', () => {
    const whole = JSON.stringify({ ...head, count: all.length, findings: all });
    for (const piece of [1, 2, 3, 5, 500]) expect([...findingsJson(head, all, piece)].join('')).toBe(whole);
  });

  it('holds at most `piece` findings per piece, and says an empty list', () => {
    const pieces = [...findingsJson(head, all, 2)];
    // The head, three pieces (2 + 2 + 1), the close.
    expect(pieces).toHaveLength(5);
    expect([...findingsJson(head, [])].join('')).toBe(JSON.stringify({ ...head, count: 0, findings: [] }));
  });
});
