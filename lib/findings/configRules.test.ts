import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parseConfig';
import { applyRuleConfig, failingFindings } from './configRules';
import type { Finding } from './finding';

const f = (id: string, ruleId: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({ id, ruleId, severity, title: id, evidence: [], fix: 'fix', ...extra });
const findings: Finding[] = [
  f('PER-NET-NO-DEFAULT-DENY-EGRESS:a', 'PER-NET-NO-DEFAULT-DENY-EGRESS', 'low', { namespace: 'a' }),
  f('PER-NET-NO-DEFAULT-DENY-INGRESS:kube-system', 'PER-NET-NO-DEFAULT-DENY-INGRESS', 'medium', { namespace: 'kube-system' }),
  f('PER-RBAC-WILDCARD:User:bob:*', 'PER-RBAC-WILDCARD', 'high', { subject: { kind: 'User', name: 'bob' } }),
  f('PER-NET-OPEN-SENSITIVE-PORT:monitoring/grafana-open:ingress-0', 'PER-NET-OPEN-SENSITIVE-PORT', 'high', { namespace: 'monitoring', object: { kind: 'NetworkPolicy', namespace: 'monitoring', name: 'grafana-open' } }),
];

describe('rule config (perimeter.config.yaml rules and allow)', () => {
  const { config, warnings } = parseConfig(`
rules:
  PER-NET-NO-DEFAULT-DENY-EGRESS: off
  PER-NET-NO-DEFAULT-DENY-INGRESS: high
  PER-RBAC-DANGLING-ROLEREF: {severity: medium}
allow:
  - rule: PER-RBAC-WILDCARD
    subject: User:bob
    reason: break-glass account, reviewed quarterly (SEC-123)
  - rule: PER-NET-OPEN-SENSITIVE-PORT
    object: NetworkPolicy/monitoring/grafana-open
    reason: grafana is behind the VPN
`);
  it('parses switches, severities and allow entries without warnings', () => {
    expect(warnings).toEqual([]);
    expect([...config.rules!.rules]).toEqual([
      ['PER-NET-NO-DEFAULT-DENY-EGRESS', { enabled: false }],
      ['PER-NET-NO-DEFAULT-DENY-INGRESS', { enabled: true, severity: 'high' }],
      ['PER-RBAC-DANGLING-ROLEREF', { enabled: true, severity: 'medium' }],
    ]);
    expect(config.rules!.allow.map((a) => a.where)).toEqual(['allow[0]', 'allow[1]']);
  });
  it('a disabled rule drops its findings, a severity change keeps the default, an allow entry suppresses with its reason', () => {
    const out = applyRuleConfig(findings, config.rules);
    expect(out.map((x) => x.id)).not.toContain('PER-NET-NO-DEFAULT-DENY-EGRESS:a');
    const ks = out.find((x) => x.ruleId === 'PER-NET-NO-DEFAULT-DENY-INGRESS')!;
    expect([ks.severity, ks.defaultSeverity]).toEqual(['high', 'medium']);
    expect(out.find((x) => x.ruleId === 'PER-RBAC-WILDCARD')?.suppressed).toEqual({ reason: 'break-glass account, reviewed quarterly (SEC-123)', where: 'allow[0]' });
    expect(out.find((x) => x.ruleId === 'PER-NET-OPEN-SENSITIVE-PORT')?.suppressed?.where).toBe('allow[1]');
  });
  it('suppressed findings never fail a check; the threshold counts severities at or above it', () => {
    const out = applyRuleConfig(findings, config.rules);
    expect(failingFindings(out, 'high').map((x) => x.id)).toEqual(['PER-NET-NO-DEFAULT-DENY-INGRESS:kube-system']);
    expect(failingFindings(applyRuleConfig(findings, undefined), 'low')).toHaveLength(4);
    expect(failingFindings(applyRuleConfig(findings, undefined), 'high')).toHaveLength(2);
  });
  it('an allow entry must match every field it gives', () => {
    const { config: c } = parseConfig('allow:\n  - {rule: PER-RBAC-WILDCARD, subject: "User:carol", reason: other user}\n');
    expect(applyRuleConfig(findings, c.rules).find((x) => x.ruleId === 'PER-RBAC-WILDCARD')?.suppressed).toBeUndefined();
  });
  it('warns about entries without reason, unknown rules, bad severities, and "*" without an id', () => {
    const { config: c, warnings: w } = parseConfig(`
rules:
  PER-NOPE: off
  PER-RBAC-WILDCARD: critical
allow:
  - rule: PER-RBAC-WILDCARD
  - {rule: "*", reason: everything}
  - {rule: "*", id: "PER-RBAC-WILDCARD:User:bob:*", reason: one finding}
`);
    expect(w.map((x) => x.message.replace(/^[^:]+: /, ''))).toEqual([
      'rules.PER-NOPE names no known rule (see docs/rules.md); it has no effect.',
      'rules.PER-RBAC-WILDCARD must be off, on, low, medium, high or {enabled, severity}; it was ignored.',
      'allow[0] needs both rule and reason (a suppression without a reason is not evidence); it was ignored.',
      'allow[1]: rule "*" is only allowed with an exact id; it was ignored.',
    ]);
    expect(c.rules!.allow.map((a) => a.where)).toEqual(['allow[2]']);
    expect(applyRuleConfig(findings, c.rules).filter((x) => x.suppressed).map((x) => x.id)).toEqual(['PER-RBAC-WILDCARD:User:bob:*']);
  });
});
