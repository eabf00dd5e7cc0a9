import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '@/lib/netpol/compile';
import { explain } from '@/lib/netpol/explain';
import { loadDemoSnapshot } from '@/lib/sources/loadDemoSnapshot';
import { linkify, policyLinks, sideView } from './verdictView';

describe('verdict view (issue 14: policy names are links, irrelevant policies folded)', () => {
  it('links every policy the sentence names, NetworkPolicies and admin ones, to their pages', async () => {
    const c = compileSnapshot(await loadDemoSnapshot());
    const r = explain(c, { from: 'shop-backend/checkout', to: 'payments/payments-api', port: 8443 });
    if (!r.ok) throw new Error(r.message);
    const parts = linkify(r.explanation.ingress.reason, policyLinks(r.explanation));
    expect(parts.filter((p) => p.href).map((p) => `${p.text} -> ${p.href}`)).toEqual([
      'AdminNetworkPolicy pci-isolation -> /policies#admin-AdminNetworkPolicy-pci-isolation',
      'payments/default-deny-all -> /policies/payments/default-deny-all',
      'payments/payments-api-from-checkout -> /policies/payments/payments-api-from-checkout',
      'payments/payments-api-from-checkout -> /policies/payments/payments-api-from-checkout',
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(r.explanation.ingress.reason);
  });
  it('the policies with no rule for the connection are one folded list; those with one keep their rules', async () => {
    const c = compileSnapshot(await loadDemoSnapshot());
    const r = explain(c, { from: 'shop-backend/checkout', to: 'payments/payments-api', port: 8080 });
    if (!r.ok) throw new Error(r.message);
    const egress = sideView(r.explanation.egress, policyLinks(r.explanation));
    expect(egress.deciding.map((d) => d.policy.label)).toEqual(['shop-backend/checkout-to-payments']);
    expect(egress.others.map((p) => p.label)).toEqual(['shop-backend/default-deny-all', 'shop-backend/allow-dns-egress', 'shop-backend/backend-internal', 'shop-backend/backend-to-postgres']);
    // Denied on a port: the rule that names the peer is kept (it is what a fix edits), the rest is folded.
    const denied = explain(c, { from: 'shop-backend/checkout', to: 'payments/payments-api', port: 8443 });
    if (!denied.ok) throw new Error(denied.message);
    const ingress = sideView(denied.explanation.ingress, policyLinks(denied.explanation));
    expect(ingress.deciding).toEqual([{ policy: { label: 'payments/payments-api-from-checkout', href: '/policies/payments/payments-api-from-checkout' }, rules: ['ingress rule #1 (peer #1) allows TCP 8080, not this connection'] }]);
    expect(ingress.others.map((p) => p.label)).toEqual(['payments/default-deny-all']);
  });
  it('linkify takes the longest label at each place', () => {
    expect(linkify('a/b and a/bc', [{ label: 'a/b', href: '1' }, { label: 'a/bc', href: '2' }])).toEqual([{ text: 'a/b', href: '1' }, { text: ' and ' }, { text: 'a/bc', href: '2' }]);
  });
});
