import { describe, expect, it } from 'vitest';
import { analyze } from '../analyses/analyses';
import { adminRule, anp, banp, nsNamed, pod, podsPeer, policy, port, rule, sel, snapshot } from '../netpol/testing';
import { loadDemoSnapshot } from '../sources/loadDemoSnapshot';
import { parseExplainRequest } from '../request/explainRequest';
import { patchHunks, patchText } from './lineDiff';
import { proposeFixes } from './proposeFixes';

const ask = (fields: Parameters<typeof parseExplainRequest>[0]) => parseExplainRequest(fields).request;

describe('proposeFixes on the on-call story (demo): checkout → payments-api on TCP 8443', () => {
  it('adds 8443 to the rule that already names checkout; checked: it flips and nothing else changes', async () => {
    const base = analyze(await loadDemoSnapshot());
    const r = proposeFixes(base, ask({ from: 'shop-backend/checkout', to: 'payments/payments-api', port: '8443' }));
    expect(r.goal).toBe('allow');
    const best = r.proposals[0];
    expect(best).toMatchObject({ kinds: ['add-port'], admin: false, sides: ['Ingress'], verdictAfter: 'allowed', flips: true, opened: 0, closed: 0, sideEffects: [] });
    expect(best.summary).toEqual(['Add TCP 8443 to ingress rule #1 of NetworkPolicy payments/payments-api-from-checkout, which already names checkout.']);
    expect(best.asked).toEqual([expect.objectContaining({ change: 'changed', src: 'shop-backend/checkout[Deployment]', dst: 'payments/payments-api[Deployment]', before: 'TCP 8080', after: 'TCP 8080,8443' })]);
    expect(patchText(patchHunks(best.patches[0].lines, 1))).toBe(['  …', '            port: 8080', '+         - protocol: TCP', '+           port: 8443'].join('\n'));
    // What What-if applies is the whole policy, as a manifest that reads back to the edited policy.
    expect(best.files[0].text).toContain('name: payments-api-from-checkout');
  });
  it('an admin tier deciding takes an admin change: the guardrail ANP denies coredns metrics to ci', async () => {
    const base = analyze(await loadDemoSnapshot());
    const r = proposeFixes(base, ask({ from: 'ci/gitlab-runner', to: 'kube-system/coredns', port: '9153' }));
    expect(r.proposals.map((p) => [p.kinds, p.admin])).toEqual([[['admin-rule'], true]]);
    expect(r.proposals[0].summary[0]).toBe('Admin change: in AdminNetworkPolicy cluster-guardrails, add an Allow ingress rule for gitlab-runner on TCP 9153 before rule #4, which denies it.');
    // The rule's subject is all of kube-system, so kube-proxy gets it too: said, not hidden.
    expect(r.proposals[0].sideEffects.map((c) => c.dst)).toEqual(['kube-system/kube-proxy[DaemonSet]']);
  });
  it('to block an allowed connection, removes the port from the rules that allow it, on either side', async () => {
    const base = analyze(await loadDemoSnapshot());
    const r = proposeFixes(base, ask({ from: 'shop-backend/checkout', to: 'payments/payments-api', port: '8080' }));
    expect(r.goal).toBe('block');
    expect(r.proposals.map((p) => `${p.kinds}:${p.sides}`)).toEqual(['remove-port:Egress', 'remove-port:Ingress']);
    expect(r.proposals.every((p) => p.verdictAfter === 'denied' && p.closed === 0)).toBe(true);
    // The patch removes the whole port entry (its first line is the list item).
    expect(r.proposals[0].patches[0].lines.filter((l) => l.op !== ' ').map((l) => `${l.op}${l.text}`)).toEqual(['-        - protocol: TCP', '-          port: 8080']);
  });
});

describe('proposeFixes, rule by rule', () => {
  const web = pod('shop/web', { labels: { app: 'web', 'pod-template-hash': 'abc' }, owner: 'Deployment/web' });
  const api = pod('shop/api', { labels: { app: 'api' } });
  const db = pod('data/db', { labels: { app: 'db' } });
  it('both sides deny: each must change, and the pair is proposed together', () => {
    const s = snapshot({
      pods: [web, api, db],
      policies: [policy('shop/web-out', { podSelector: sel({ app: 'web' }), types: ['Egress'], egress: [rule([podsPeer(sel({ app: 'api' }))], [port('TCP', 80)])] }), policy('data/db-in', { podSelector: sel({ app: 'db' }) })],
    });
    const r = proposeFixes(analyze(s), ask({ from: 'shop/web', to: 'data/db', port: '5432' }));
    const best = r.proposals[0];
    expect(best.sides).toEqual(['Egress', 'Ingress']);
    expect(best.kinds).toEqual(['new-policy', 'new-policy']);
    expect(best.opened).toBe(0);
    // The selector names the workload, not one of its pods (pod-template-hash left out).
    expect(best.files[0].text).toContain('app: web');
    expect(best.files.map((f) => f.text).join('')).not.toContain('pod-template-hash');
  });
  it('a peer added to the rule that already allows the port', () => {
    const s = snapshot({ pods: [web, api, db], policies: [policy('shop/api-in', { podSelector: sel({ app: 'api' }), ingress: [rule([podsPeer(sel({ app: 'db' }), sel())], [port('TCP', 8080)])] })] });
    const r = proposeFixes(analyze(s), ask({ from: 'shop/web', to: 'shop/api', port: '8080' }));
    expect(r.proposals[0]).toMatchObject({ kinds: ['add-peer'], opened: 0, flips: true });
  });
  it('a pod no NetworkPolicy isolates is blocked by a new policy that allows every other port', () => {
    const r = proposeFixes(analyze(snapshot({ pods: [web, api] })), ask({ from: 'shop/web', to: 'shop/api', port: '22' }));
    const isolate = r.proposals.find((p) => p.kinds[0] === 'isolate' && p.sides[0] === 'Ingress');
    expect(isolate).toMatchObject({ flips: true, opened: 0 });
    // It closes the port for every peer, and only that port: said, as the price of the change.
    expect(isolate!.sideEffects).toEqual([expect.objectContaining({ change: 'changed', src: '0.0.0.0-255.255.255.255[External]', dst: 'shop/api[Pod]', closed: 'TCP 22' })]);
    expect(isolate!.files[0].text).toContain('endPort: 21');
  });
  it('a BANP deny: a NetworkPolicy takes the decision from it (closing what the baseline let in), or an admin rule', () => {
    const s = snapshot({ pods: [web, api, db], baseline: banp({ subject: nsNamed('shop'), ingress: [adminRule('Deny', [nsNamed('data')])] }) });
    const r = proposeFixes(analyze(s), ask({ from: 'data/db', to: 'shop/api', port: '80' }));
    expect(r.proposals.map((p) => p.kinds[0]).sort()).toEqual(['admin-rule', 'new-policy']);
    const np = r.proposals.find((p) => p.kinds[0] === 'new-policy')!;
    expect(np.sideEffects.map((c) => `${c.change} ${c.src}`)).toEqual(['removed 0.0.0.0-255.255.255.255[External]', 'removed shop/web[Deployment]']);
    // The baseline's subject is the namespace: an Allow there opens web too.
    const admin = r.proposals.find((p) => p.kinds[0] === 'admin-rule')!;
    expect(admin.sideEffects.map((c) => `${c.change} ${c.dst}`)).toEqual(['added shop/web[Deployment]']);
    // Opening least comes first.
    expect(r.proposals[0]).toBe(np);
  });
  it('an ANP Deny with an NP deny below it: the admin Allow decides first, so it alone flips', () => {
    const s = snapshot({ pods: [web, api], adminPolicies: [anp('guard', 5, { subject: nsNamed('shop'), ingress: [adminRule('Deny', [nsNamed('shop')], [{ kind: 'portNumber', protocol: 'TCP', port: 9000 }])] })], policies: [policy('shop/deny')] });
    const r = proposeFixes(analyze(s), ask({ from: 'shop/web', to: 'shop/api', port: '9000' }));
    expect(r.proposals.map((p) => p.kinds)).toEqual([['admin-rule']]);
  });
  it('says why nothing is proposed without a port, for a named port the destination lacks, and for a representative peer', async () => {
    const base = analyze(snapshot({ pods: [web, api], policies: [policy('shop/deny')] }));
    expect(proposeFixes(base, ask({ from: 'shop/web', to: 'shop/api' })).notes).toEqual(['Ask about one port to get a proposed change.']);
    expect(proposeFixes(base, ask({ from: 'shop/web', to: 'shop/api', port: 'http' })).notes[0]).toContain('named port http is not defined on the destination');
    expect(proposeFixes(base, ask({ from: 'shop/[pod with app=new]', to: 'shop/api', port: '80' })).notes).toEqual(['Changes are proposed for pods, workloads and addresses, not for a representative peer.']);
  });
});
