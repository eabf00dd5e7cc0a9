import { describe, expect, it } from 'vitest';
import { compileSnapshot } from './compile';
import {
  formatSelectorAsPeer,
  peerMatchesRepresentative,
  representativePeerName,
  representativePeers,
  RepresentativeIndex,
  selectorKey,
} from './representativePeers';
import { anp, adminRule, banp, ns, pod, podsPeer, policy, rule, sel, snapshot } from './testing';

const names = (s: Parameters<typeof compileSnapshot>[0]) => representativePeers(compileSnapshot(s)).map(representativePeerName);

describe('representative peers', () => {
  it('one per distinct selector pair: key and value order do not matter and `k In [v]` is `k=v` (representative_selectors.go UniqueKeyFromLabelsSelector)', () => {
    expect(selectorKey(sel({ a: '1', b: '2' }))).toBe(selectorKey(sel({ b: '2', a: '1' })));
    expect(selectorKey(sel({}, [{ key: 'role', operator: 'In', values: ['monitoring'] }]))).toBe(selectorKey(sel({ role: 'monitoring' })));
    expect(selectorKey(sel({}, [{ key: 'env', operator: 'In', values: ['b', 'a'] }]))).toBe(selectorKey(sel({}, [{ key: 'env', operator: 'In', values: ['a', 'b'] }])));
    expect(selectorKey(sel({}, [{ key: 'env', operator: 'In', values: ['a', 'b'] }]))).not.toBe(selectorKey(sel({}, [{ key: 'env', operator: 'NotIn', values: ['a', 'b'] }])));
    expect(selectorKey(undefined)).toBe(selectorKey(sel()));
  });

  it('is printed from the rule met first, and equal selectors of later rules add none', () => {
    const s = snapshot({
      pods: [pod('hello-world/a', { labels: { app: 'a' } })],
      policies: [
        policy('hello-world/p', {
          ingress: [rule([podsPeer(sel({ role: 'monitoring' }))])],
          egress: [rule([podsPeer(sel({}, [{ key: 'role', operator: 'In', values: ['monitoring'] }]))])],
        }),
      ],
    });
    expect(names(s)).toEqual(['hello-world/[pod with {role=monitoring}]']);
  });

  it("a rule without namespaceSelector names its policy's namespace; one with it names no namespace", () => {
    const s = snapshot({
      pods: [pod('ns1/a', { labels: { app: 'a' } })],
      policies: [policy('ns1/p', { ingress: [rule([podsPeer(sel({ app: 'foo' })), podsPeer(sel({ app: 'foo' }), sel({ x: 'xval' }))])] })],
    });
    const [inNs, byLabel] = representativePeers(compileSnapshot(s));
    expect(inNs).toMatchObject({ namespace: 'ns1', namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'ns1' }) });
    expect(byLabel.namespace).toBeUndefined();
    expect([inNs, byLabel].map(representativePeerName)).toEqual(['ns1/[pod with {app=foo}]', '[namespace with {x=xval}]/[pod with {app=foo}]']);
  });

  it('a rule reaching the whole cluster names none, not even for its other peers (netpol.go getSelectorsAndUpdateExposureClusterWideConns)', () => {
    const s = snapshot({
      pods: [pod('ns1/a')],
      policies: [
        policy('ns1/p', { ingress: [rule([podsPeer(undefined, sel({ team: 'x' })), podsPeer(undefined, sel())])], egress: [rule([podsPeer(sel(), sel())]), rule([])] }),
      ],
    });
    expect(names(s)).toEqual([]);
  });

  it('admin rules: `namespaces: {}` and `pods` with both selectors empty are the whole cluster; others are peers', () => {
    const s = snapshot({
      pods: [pod('ns1/a')],
      adminPolicies: [
        anp('a', 10, {
          egress: [
            adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }]),
            adminRule('Allow', [{ kind: 'pods', namespaceSelector: sel(), podSelector: sel({ role: 'monitoring' }) }, { kind: 'networks', cidrs: ['10.0.0.0/8'] }]),
          ],
        }),
      ],
      baseline: banp({ ingress: [adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel({ 'conformance-house': 'slytherin' }) }])] }),
    });
    expect(names(s)).toEqual(['[all namespaces]/[pod with {role=monitoring}]', '[namespace with {conformance-house=slytherin}]/[all pods]']);
  });

  it('a real pod stands for a matchLabels-only peer of some namespace and some pods; other peers stay (exposure.go removeRepresentativePeersMatchingLabels)', () => {
    const s = snapshot({
      namespaces: [ns('backend', { team: 'b' })],
      pods: [pod('hello-world/a', { labels: { app: 'a' } }), pod('backend/api', { labels: { app: 'api', tier: 't' } })],
      policies: [
        policy('hello-world/p', {
          ingress: [
            rule([
              podsPeer(sel({ app: 'api' }), sel({ team: 'b' })), // a real pod: left out
              podsPeer(sel({}, [{ key: 'app', operator: 'In', values: ['api', 'web'] }]), sel({ team: 'b' })), // an expression: stays
              podsPeer(undefined, sel({ team: 'b' })), // all pods of such namespaces: stays
              podsPeer(sel({ app: 'api' }), sel()), // any namespace: stays
              podsPeer(sel({ app: 'a' })), // hello-world/a itself: left out
            ]),
          ],
        }),
      ],
    });
    expect(names(s)).toEqual(['[namespace with {team=b}]/[pod with {{Key:app,Operator:In,Values:[api web],}}]', '[namespace with {team=b}]/[all pods]', '[all namespaces]/[pod with {app=api}]']);
  });

  it('is written as np-guard writes it: matchLabels by key, then expressions as Go prints the struct, by key', () => {
    expect(
      formatSelectorAsPeer(
        sel({ foo: 'managed' }, [
          { key: 'env', operator: 'Exists', values: [] },
          { key: 'app', operator: 'DoesNotExist', values: [] },
        ]),
      ),
    ).toBe('{foo=managed,{Key:app,Operator:DoesNotExist,Values:[],},{Key:env,Operator:Exists,Values:[],}}');
    expect(representativePeerName({ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'backend' }) })).toBe('backend/[all pods]');
    expect(representativePeerName({ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'backend', x: 'y' }) })).toBe('[namespace with {kubernetes.io/metadata.name=backend,x=y}]/[all pods]');
    expect(representativePeerName({ namespaceSelector: sel(), podSelector: sel({}, [{ key: 'role', operator: 'NotIn', values: ['x', 'y'] }]) })).toBe('[all namespaces]/[pod with {{Key:role,Operator:NotIn,Values:[x y],}}]');
  });

  it('a rule matches one only with equal or empty selectors, not every selector its labels would satisfy (SelectorsFullMatch)', () => {
    const s = snapshot({ pods: [pod('ns1/a')], policies: [policy('ns1/p', { ingress: [rule([podsPeer(sel({ role: 'm' }), sel({ team: 'x', env: 'prod' }))])] })] });
    const [rep] = representativePeers(compileSnapshot(s));
    expect(peerMatchesRepresentative({ namespaceSelector: sel({ env: 'prod', team: 'x' }), podSelector: sel({ role: 'm' }) }, rep)).toBe(true);
    expect(peerMatchesRepresentative({ namespaceSelector: sel({ team: 'x' }), podSelector: sel({ role: 'm' }) }, rep)).toBe(false);
    expect(peerMatchesRepresentative({ namespaceSelector: sel() }, rep)).toBe(true);
    // Without namespaceSelector a rule names its own namespace, which this peer (any namespace labelled so) is not.
    expect(peerMatchesRepresentative({ namespace: 'ns1', podSelector: sel({ role: 'm' }) }, rep)).toBe(false);
    const index = new RepresentativeIndex([rep]);
    expect(index.matching({ namespaceSelector: sel({ team: 'x', env: 'prod' }) })).toEqual([rep]);
    expect(index.matching({ namespaceSelector: sel({ team: 'x', env: 'prod' }), podSelector: sel({ role: 'other' }) })).toEqual([]);
  });
});
