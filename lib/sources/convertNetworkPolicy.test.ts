import { describe, expect, it } from 'vitest';
import { snapshotOf } from './testing';

/** A NetworkPolicy in namespace `ns` with the given spec (YAML, indented under `spec:`). */
function np(spec: string, name = 'p'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ns\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

function policies(spec: string) {
  return snapshotOf(np(spec)).networkPolicies;
}

function dropped(spec: string) {
  const s = snapshotOf(np(spec));
  expect(s.networkPolicies).toEqual([]);
  const errors = s.warnings.filter((w) => w.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('NetworkPolicy conversion', () => {
  it('defaults policyTypes to [Ingress] when there are no egress rules', () => {
    const [p] = policies('podSelector: {}\ningress:\n- {}');
    expect(p.policyTypes).toEqual(['Ingress']);
    expect(p.policyTypesDeclared).toBe(false);
  });

  it('defaults policyTypes to [Ingress, Egress] when egress rules exist', () => {
    const [p] = policies('podSelector: {}\negress:\n- {}');
    expect(p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(p.ingress).toEqual([]);
  });

  it('uses a written policyTypes as written', () => {
    const [p] = policies('podSelector: {}\npolicyTypes: [Egress]\ningress:\n- {}');
    expect(p.policyTypes).toEqual(['Egress']);
    expect(p.policyTypesDeclared).toBe(true);
  });

  it('treats an empty policyTypes list as absent (SetDefaults_NetworkPolicySpec)', () => {
    const [p] = policies('podSelector: {}\npolicyTypes: []\negress:\n- {}');
    expect(p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(p.policyTypesDeclared).toBe(false);
  });

  it('reads an absent podSelector as the empty selector (every pod)', () => {
    const [p] = policies('policyTypes: [Ingress]');
    expect(p.podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
  });

  it('reads absent ingress/egress as [] and absent or empty from/to as no peers', () => {
    const [p] = policies('podSelector: {}\npolicyTypes: [Ingress, Egress]\ningress:\n- ports: [{port: 80}]\n- from: []');
    expect(p.egress).toEqual([]);
    expect(p.ingress).toEqual([
      { ports: [{ protocol: 'TCP', port: 80 }], peers: [] },
      { ports: [], peers: [] },
    ]);
  });

  it('defaults a port protocol to TCP and keeps named ports and endPort ranges', () => {
    const [p] = policies('podSelector: {}\ningress:\n- ports:\n  - port: http\n  - protocol: UDP\n    port: 53\n  - port: 9000\n    endPort: 9100\n  - protocol: SCTP');
    expect(p.ingress[0].ports).toEqual([
      { protocol: 'TCP', port: 'http' },
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 9000, endPort: 9100 },
      { protocol: 'SCTP' },
    ]);
  });

  it('keeps pod peers as podSelector, namespaceSelector or both, and ipBlocks', () => {
    const [p] = policies(
      [
        'podSelector: {matchLabels: {app: db}}',
        'ingress:',
        '- from:',
        '  - podSelector: {matchLabels: {app: api}}',
        '  - namespaceSelector: {matchLabels: {team: a}}',
        '  - namespaceSelector: {}',
        '    podSelector: {matchExpressions: [{key: tier, operator: In, values: [web]}]}',
        '  - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}',
      ].join('\n'),
    );
    expect(p.ingress[0].peers).toEqual([
      { kind: 'pods', podSelector: { matchLabels: { app: 'api' }, matchExpressions: [] } },
      { kind: 'pods', namespaceSelector: { matchLabels: { team: 'a' }, matchExpressions: [] } },
      { kind: 'pods', podSelector: { matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] }, namespaceSelector: { matchLabels: {}, matchExpressions: [] } },
      { kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
    ]);
  });

  it('accepts IPv6 ipBlocks', () => {
    const [p] = policies('podSelector: {}\negress:\n- to:\n  - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:ff::/48"]}');
    expect(p.egress[0].peers).toEqual([{ kind: 'ipBlock', cidr: '2001:db8::/32', except: ['2001:db8:ff::/48'] }]);
  });

  it('reads a CIDR with host bits set as its network, with a warning (the API server accepts it in v1)', () => {
    const s = snapshotOf(np('podSelector: {}\negress:\n- to:\n  - ipBlock: {cidr: 10.0.0.1/8}'));
    expect(s.networkPolicies[0].egress[0].peers).toEqual([{ kind: 'ipBlock', cidr: '10.0.0.0/8', except: [] }]);
    expect(s.warnings).toEqual([
      expect.objectContaining({ code: 'cidr-host-bits', severity: 'warning', message: 't.yaml#0 (line 1): NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr "10.0.0.1/8" has host bits set; read as 10.0.0.0/8' }),
    ]);
  });

  it('drops a policy with an invalid selector operator, naming file, document and field', () => {
    const w = dropped('podSelector:\n  matchExpressions:\n  - {key: app, operator: Equals, values: [x]}');
    expect(w.code).toBe('invalid-selector');
    expect(w.message).toBe(
      't.yaml#0 (line 1): NetworkPolicy ns/p dropped, the API server would reject it: invalid selector: spec.podSelector.matchExpressions[0].operator "Equals" is not one of In, NotIn, Exists, DoesNotExist',
    );
  });

  it('drops a policy whose In/NotIn requirement has no values', () => {
    expect(dropped('podSelector:\n  matchExpressions:\n  - {key: app, operator: NotIn, values: []}').message).toContain(
      'spec.podSelector.matchExpressions[0]: operator NotIn requires at least one value',
    );
  });

  it('drops a policy whose Exists requirement has values', () => {
    expect(dropped('podSelector: {}\ningress:\n- from:\n  - podSelector: {matchExpressions: [{key: app, operator: Exists, values: [x]}]}').message).toContain(
      'spec.ingress[0].from[0].podSelector.matchExpressions[0]: operator Exists must have no values',
    );
  });

  it('drops a policy with bad label syntax in a selector', () => {
    expect(dropped('podSelector: {matchLabels: {"-bad key": x}}').message).toContain('spec.podSelector.matchLabels key "-bad key" is not a valid label key');
    expect(dropped('podSelector: {matchLabels: {app: "no spaces"}}').message).toContain('value "no spaces" is not a valid label value');
  });

  it('drops a policy with an invalid port, port name or protocol', () => {
    expect(dropped('podSelector: {}\ningress:\n- ports: [{port: 70000}]').message).toContain('spec.ingress[0].ports[0].port 70000 is not between 1 and 65535');
    expect(dropped('podSelector: {}\ningress:\n- ports: [{port: "Http_Port"}]').message).toContain('"Http_Port" is not a valid port name');
    expect(dropped('podSelector: {}\ningress:\n- ports: [{protocol: ICMP, port: 1}]').message).toContain('spec.ingress[0].ports[0].protocol "ICMP" is not one of SCTP, TCP, UDP');
  });

  it('drops a policy with endPort but no numeric port, or endPort below port', () => {
    expect(dropped('podSelector: {}\ningress:\n- ports: [{endPort: 90}]').message).toContain('endPort requires a numeric port');
    expect(dropped('podSelector: {}\ningress:\n- ports: [{port: http, endPort: 90}]').message).toContain('endPort requires a numeric port');
    expect(dropped('podSelector: {}\ningress:\n- ports: [{port: 100, endPort: 90}]').message).toContain('endPort 90 is less than port 100');
  });

  it('drops a policy with an invalid CIDR or an except outside its cidr', () => {
    expect(dropped('podSelector: {}\negress:\n- to: [{ipBlock: {cidr: 10.0.0.0/33}}]').message).toContain('spec.egress[0].to[0].ipBlock.cidr "10.0.0.0/33" is not a valid CIDR');
    expect(dropped('podSelector: {}\negress:\n- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}}]').message).toContain('must be a strict subset of cidr "10.0.0.0/8"');
    expect(dropped('podSelector: {}\negress:\n- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]').message).toContain('must be a strict subset');
  });

  it('drops a policy whose peer mixes ipBlock with a selector, or has no field at all', () => {
    expect(dropped('podSelector: {}\ningress:\n- from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]').message).toContain('ipBlock may not be combined with podSelector or namespaceSelector');
    expect(dropped('podSelector: {}\ningress:\n- from: [{}]').message).toContain('spec.ingress[0].from[0] must specify podSelector, namespaceSelector or ipBlock');
  });

  it('keeps the other policies of the file when one is dropped', () => {
    const s = snapshotOf(`${np('podSelector: {matchLabels: {"a b": c}}', 'bad')}---\n${np('podSelector: {}', 'good')}`);
    expect(s.networkPolicies.map((p) => p.name)).toEqual(['good']);
  });

  it('notes egress rules that a written policyTypes without Egress makes inert', () => {
    const s = snapshotOf(np('podSelector: {}\npolicyTypes: [Ingress]\negress:\n- {}'));
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'egress-rules-ignored', severity: 'info' })]);
  });
});
