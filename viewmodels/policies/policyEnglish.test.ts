import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { policyEnglish, policyManifest } from './policyEnglish';

const snapshot = await loadDemoSnapshot();
const policy = (key: string) => snapshot.networkPolicies.find((p) => `${p.namespace}/${p.name}` === key)!;

describe('policyEnglish (demo policies)', () => {
  it('the on-call story: payments admits checkout from shop-backend on TCP 8080 only (selectors ANDed in one peer)', () => {
    const e = policyEnglish(policy('payments/payments-api-from-checkout'));
    expect(e.selects).toBe('Selects pods in namespace payments matching app=payments-api.');
    expect(e.directions).toHaveLength(1);
    expect(e.directions[0].rules).toEqual([
      'Allows ingress from pods matching app=checkout in namespaces matching kubernetes.io/metadata.name=shop-backend on TCP 8080.',
    ]);
  });

  it('default deny: every pod, both directions, nothing allowed', () => {
    const e = policyEnglish(policy('payments/default-deny-all'));
    expect(e.selects).toBe('Selects every pod in namespace payments.');
    expect(e.directions.map((d) => d.type)).toEqual(['Ingress', 'Egress']);
    expect(e.directions.every((d) => d.rules.length === 0 && d.summary.includes('allows nothing'))).toBe(true);
  });

  it('ORed peers, endPort ranges, ipBlock except and an empty rule read as written', () => {
    expect(policyEnglish(policy('shop-db/postgres-from-backend')).directions[0].rules[0]).toMatch(/from pods matching app=catalog .*, or pods matching app=checkout /);
    expect(policyEnglish(policy('shop-backend/allow-metrics-scrape')).directions[0].rules[0]).toContain('TCP 9000-9100');
    expect(policyEnglish(policy('payments/payments-api-to-psp')).directions.find((d) => d.type === 'Egress')!.rules[0]).toContain(
      'addresses in 203.0.113.0/24 except 203.0.113.128/25 on TCP 443',
    );
    expect(policyEnglish(policy('monitoring/grafana-open')).directions[0].rules).toEqual(['Allows ingress from anywhere (every pod and every address) on every port.']);
  });

  it('the manifest view keeps what the API holds', () => {
    const m = policyManifest(policy('payments/payments-api-from-checkout')) as { spec: { ingress: { from: unknown[]; ports: unknown[] }[] } };
    expect(m.spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }]);
    expect(m.spec.ingress[0].from).toHaveLength(1);
  });
});
