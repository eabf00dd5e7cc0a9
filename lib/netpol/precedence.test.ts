import { describe, expect, it } from 'vitest';
import { formatPorts, portRangeSet, PortSetTable, portsContain, unionPorts, type PortSet } from './portSet';
import { applyTiers, decisionFor, internedPorts, PORT_SETS, type DecidingRule, type TierRule } from './precedence';

// network-policy-api v1alpha1 "Precedence": ANP rules first (Allow/Deny final, Pass on), then NetworkPolicies for
// the pods they isolate, else the BANP, else allowed.
interface Rule extends TierRule {
  readonly id: string;
  readonly ports: PortSet;
}
const r = (id: string, tier: TierRule['tier'], action: TierRule['action'], ports: PortSet): Rule => ({ id, tier, action, ports });
const tcp = (a: number, b = a) => portRangeSet('TCP', a, b);
const udp53 = portRangeSet('UDP', 53, 53);

function run(rules: Rule[], np: { isolated: boolean; allowed: PortSet }) {
  const hits: DecidingRule<Rule, PortSet>[] = [];
  const out = applyTiers(PORT_SETS, rules, () => true, (x) => x.ports, np, (rule, decides) => hits.push({ rule, decides }));
  return { out, hits };
}

describe('applyTiers', () => {
  it('the first ANP rule holding a port decides it; later rules see only what is left', () => {
    const { out, hits } = run([r('a', 'AdminNetworkPolicy', 'Allow', tcp(80, 90)), r('b', 'AdminNetworkPolicy', 'Deny', tcp(85, 100))], { isolated: true, allowed: tcp(1, 65535) });
    expect(hits.map((h) => `${h.rule.id}: ${formatPorts(h.decides)}`)).toEqual(['a: TCP 80-90', 'b: TCP 91-100']);
    expect(portsContain(out.allowed, 'TCP', 95)).toBe(false);
    expect(portsContain(out.allowed, 'TCP', 200)).toBe(true);
  });
  it('NetworkPolicies decide what an ANP passed or left, and the BANP is then not consulted', () => {
    const { out, hits } = run([r('p', 'AdminNetworkPolicy', 'Pass', udp53), r('base', 'BaselineAdminNetworkPolicy', 'Deny', udp53)], { isolated: true, allowed: udp53 });
    expect(formatPorts(out.allowed)).toBe('UDP 53');
    expect(hits.map((h) => h.rule.id)).toEqual(['p']);
    expect(decisionFor(hits, true, (d) => portsContain(d, 'UDP', 53))).toEqual({ tier: 'NetworkPolicy', passedBy: hits[0].rule });
  });
  it('without isolation a passed port reaches the BANP, whose rule decides it', () => {
    const { out, hits } = run([r('p', 'AdminNetworkPolicy', 'Pass', udp53), r('base', 'BaselineAdminNetworkPolicy', 'Deny', unionPorts(udp53, tcp(22)))], { isolated: false, allowed: PORT_SETS.none });
    expect(portsContain(out.allowed, 'UDP', 53)).toBe(false);
    expect(formatPorts(out.unmatched)).toBe('SCTP 1-65535,TCP 1-21,23-65535,UDP 1-52,54-65535');
    expect(decisionFor(hits, false, (d) => portsContain(d, 'UDP', 53))).toEqual({ tier: 'BaselineAdminNetworkPolicy', rule: hits[1].rule, passedBy: hits[0].rule });
    expect(decisionFor(hits, false, (d) => portsContain(d, 'TCP', 80))).toEqual({ tier: 'none' });
  });
  it('gives the same sets on interned ids as on values', () => {
    const table = new PortSetTable();
    const rules = [r('a', 'AdminNetworkPolicy', 'Deny', tcp(1, 1024)), r('p', 'AdminNetworkPolicy', 'Pass', udp53), r('b', 'BaselineAdminNetworkPolicy', 'Allow', tcp(22))];
    for (const isolated of [true, false]) {
      const np = { isolated, allowed: tcp(8080) };
      const byValue = applyTiers(PORT_SETS, rules, () => true, (x) => x.ports, np);
      const byId = applyTiers(internedPorts(table), rules, () => true, (x) => table.intern(x.ports), { isolated, allowed: table.intern(np.allowed) });
      expect(table.labels[byId.allowed]).toBe(formatPorts(byValue.allowed));
      expect(table.labels[byId.unmatched]).toBe(formatPorts(byValue.unmatched));
    }
  });
});
