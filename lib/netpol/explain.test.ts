import { describe, expect, it } from 'vitest';
import { compileSnapshot } from './compile';
import { explain, type Explanation } from './explain';
import { ipPeer, ns, pod, podsPeer, policy, port, rule, sel, snapshot } from './testing';

const web = pod('payments/web', { labels: { app: 'web' } });
const checkout = pod('payments/checkout-1', { labels: { app: 'checkout' }, owner: 'Deployment/checkout', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
const policies = [
  policy('payments/default-deny', {}),
  policy('payments/allow-checkout', { podSelector: sel({ app: 'checkout' }), ingress: [rule([podsPeer(sel({ app: 'web' }))], [port('TCP', 8080)])] }),
  policy('payments/web-egress', { podSelector: sel({ app: 'web' }), types: ['Egress'], egress: [rule([ipPeer('8.8.0.0/16')], [port('UDP', 53)]), rule([podsPeer(sel())])] }),
];
const compiled = compileSnapshot(snapshot({ pods: [web, checkout], policies }));

function run(q: Parameters<typeof explain>[1]): Explanation {
  const r = explain(compiled, q);
  if (!r.ok) throw new Error(r.message);
  return r.explanation;
}

describe('explain', () => {
  it('names the rule, peer and port entry that allow a connection', () => {
    const e = run({ from: 'payments/web', to: 'payments/checkout', port: 8080 });
    expect(e.verdict).toBe('allowed');
    expect(e.ingress.hits).toEqual([expect.objectContaining({ policy: 'payments/allow-checkout', direction: 'Ingress', ruleIndex: 0, peerIndex: 0, portIndex: 0 })]);
    expect(e.egress.hits).toEqual([expect.objectContaining({ policy: 'payments/web-egress', ruleIndex: 1, peerIndex: 0, portIndex: undefined })]);
    expect(e.ingress.policies).toEqual(['payments/default-deny', 'payments/allow-checkout']);
  });
  it('says which port the matching rules allow when the asked one is denied', () => {
    const e = run({ from: 'payments/web', to: 'payments/Deployment/checkout', port: 8443 });
    expect(e.verdict).toBe('denied');
    expect(e.egress.verdict).toBe('allowed');
    expect(e.sentence).toContain('isolated for ingress by payments/default-deny, payments/allow-checkout');
    expect(e.sentence).toContain('no rule of payments/allow-checkout matches TCP port 8443: it allows TCP 8080');
  });
  it('resolves a named port on the destination, and says when it is not defined there', () => {
    expect(run({ from: 'payments/web', to: 'payments/checkout', port: 'http' })).toMatchObject({ verdict: 'allowed', port: 8080, protocol: 'TCP' });
    const e = run({ from: 'payments/checkout', to: 'payments/web', port: 'http' });
    expect(e.verdict).toBe('denied');
    expect(e.sentence).toBe('denied: named port http is not defined on the destination payments/web');
  });
  it('explains pod to external IP through the matching ipBlock', () => {
    const ok = run({ from: 'payments/web', to: '8.8.8.8', port: 53, protocol: 'UDP' });
    expect(ok.verdict).toBe('allowed');
    expect(ok.egress.hits[0]).toMatchObject({ policy: 'payments/web-egress', ruleIndex: 0, peerIndex: 0, portIndex: 0 });
    const no = run({ from: 'payments/web', to: '1.1.1.1', port: 53, protocol: 'UDP' });
    expect(no.sentence).toContain('no rule of it matches 1.1.1.1');
  });
  it('without a port lists what is allowed', () => {
    const e = run({ from: 'payments/web', to: 'payments/checkout' });
    expect(e.verdict).toBe('allowed');
    expect(e.sentence).toMatch(/^allowed: TCP 8080 /);
  });
  it('a side that is not isolated allows everything and says so', () => {
    const e = run({ from: 'payments/checkout', to: 'payments/web', port: 80 });
    expect(e.egress.isolated).toBe(false);
    expect(e.egress.reason).toContain('not isolated for egress');
    expect(e.ingress.reason).toBe('payments/web is isolated for ingress by payments/default-deny; no rule of it matches payments/checkout[Deployment]');
  });
  it('an unknown endpoint is an error, not a verdict', () => {
    expect(explain(compiled, { from: 'payments/nope', to: 'payments/web' })).toEqual({ ok: false, message: '--from: no pod or workload "payments/nope" in the snapshot' });
  });
  it('a bare or misplaced name suggests the ns/name it may mean', () => {
    expect(explain(compiled, { from: 'checkout', to: 'payments/web' })).toEqual({ ok: false, message: '--from: "checkout" is not ns/name, ns/Kind/name or an IP address; did you mean payments/checkout?' });
    expect(explain(compiled, { from: 'payments/web', to: 'shop/checkout' })).toEqual({ ok: false, message: '--to: no pod or workload "shop/checkout" in the snapshot; did you mean payments/checkout?' });
  });
  it('a pod IP resolves to that pod, and a workload whose pods differ gets a note', () => {
    const a = pod('shop/w-1', { labels: { app: 'w', canary: 'yes' }, owner: 'Deployment/w', ip: '10.9.0.1' });
    const b = pod('shop/w-2', { labels: { app: 'w' }, owner: 'Deployment/w' });
    const c = compileSnapshot(snapshot({ pods: [a, b], policies: [policy('shop/p', { podSelector: sel({ canary: 'yes' }) })] }));
    const byIp = explain(c, { from: 'shop/w-2', to: '10.9.0.1', port: 80 });
    expect(byIp.ok && byIp.explanation).toMatchObject({ to: 'shop/w-1', verdict: 'denied' });
    const wl = explain(c, { from: 'shop/w-2', to: 'shop/Deployment/w', port: 80 });
    expect(wl.ok && wl.explanation.notes).toEqual(['the pods of shop/w[Deployment] differ in labels or named ports; explained for pod shop/w-1']);
  });
});

describe('explain for a pod that does not exist yet (a representative peer)', () => {
  const s = snapshot({
    namespaces: [ns('payments', { team: 'pay' })],
    pods: [pod('payments/payments-api', { labels: { app: 'api' }, ports: [{ name: 'https', containerPort: 8443, protocol: 'TCP' }] })],
    policies: [
      policy('payments/api-in', {
        podSelector: sel({ app: 'api' }),
        ingress: [rule([podsPeer(sel({ role: 'monitoring' }), sel({ team: 'x' }))], [port('TCP', 8443)]), rule([podsPeer(sel({}, [{ key: 'probe', operator: 'Exists', values: [] }]))], [port('TCP', 'https')])],
      }),
      // Applies to a new pod in payments, as to any pod there.
      policy('payments/deny-egress', { podSelector: sel({ role: 'job' }), types: ['Egress'] }),
    ],
  });
  const c = compileSnapshot(s);

  it('answers with the same per-side verdicts, the pod named as asked', () => {
    const r = explain(c, { from: '[namespace with team=x]/[pod with role=monitoring]', to: 'payments/payments-api', port: 8443 });
    if (!r.ok) throw new Error(r.message);
    expect(r.explanation).toMatchObject({ from: '[namespace with team=x]/[pod with role=monitoring]', to: 'payments/payments-api', verdict: 'allowed' });
    expect(r.explanation.egress).toMatchObject({ verdict: 'allowed', isolated: false, decidedBy: 'none' });
    expect(r.explanation.ingress).toMatchObject({ verdict: 'allowed', isolated: true, hits: [{ policy: 'payments/api-in', ruleIndex: 0, peerIndex: 0 }] });
    expect(r.explanation.notes[0]).toMatch(/does not exist yet: in a namespace that does not exist yet with labels team=x/);
    expect(JSON.stringify(r.explanation)).not.toContain('⟨');
  });

  it('matches its labels as a real pod would, not only rules naming its selectors exactly', () => {
    // `probe Exists` (no namespaceSelector: payments only) names no representative peer, yet admits this pod.
    const r = explain(c, { from: 'payments/[pod with probe=yes]', to: 'payments/payments-api', port: 'https' });
    expect(r.ok && r.explanation).toMatchObject({ verdict: 'allowed', port: 8443, ingress: { hits: [{ ruleIndex: 1 }] } });
    const other = explain(c, { from: '[namespace with team=y]/[pod with role=monitoring]', to: 'payments/payments-api', port: 8443 });
    expect(other.ok && other.explanation.verdict).toBe('denied');
  });

  it("in an existing namespace, that namespace's policies select it", () => {
    const r = explain(c, { from: 'payments/[pod with role=job]', to: 'payments/payments-api' });
    expect(r.ok && r.explanation.egress).toMatchObject({ verdict: 'denied', isolated: true, policies: ['payments/deny-egress'] });
    const clash = explain(c, { from: '[namespace with kubernetes.io/metadata.name=payments,team=other]/[all pods]', to: 'payments/payments-api' });
    expect(clash).toMatchObject({ ok: false, message: expect.stringContaining('namespace payments exists and is not labelled team=other') });
  });
});
