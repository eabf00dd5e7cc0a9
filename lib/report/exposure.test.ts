import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../netpol/connectivity';
import { analyzeExposure } from '../netpol/exposure';
import { pod, podsPeer, policy, port, rule, sel, snapshot } from '../netpol/testing';
import { connlistWithExposureTxt, exposureJson, exposureTxtLines } from './exposure';

const s = snapshot({
  pods: [pod('hello-world/a', { labels: { app: 'a' } }), pod('hello-world/longer-name', { labels: { app: 'b' } })],
  policies: [
    policy('hello-world/p', {
      podSelector: sel({ app: 'a' }),
      ingress: [rule([podsPeer(sel({ role: 'monitoring' }), sel({ team: 'x' }))], [port('TCP', 8443)])],
      types: ['Ingress', 'Egress'],
    }),
  ],
});

describe('exposure txt and JSON', () => {
  it('np-guard layout: names padded to the longest, space-tab arrows, sections separated by blank lines, empty ones left out', () => {
    const conn = analyzeConnectivity(s);
    expect(exposureTxtLines(analyzeExposure(conn))).toEqual([
      'Exposure Analysis Result:',
      'Egress Exposure:',
      'hello-world/longer-name[Pod] \t=> \t0.0.0.0-255.255.255.255[External] : All Connections',
      'hello-world/longer-name[Pod] \t=> \tentire-cluster : All Connections',
      '',
      'Ingress Exposure:',
      'hello-world/a[Pod]           \t<= \t[namespace with {team=x}]/[pod with {role=monitoring}] : TCP 8443',
      'hello-world/longer-name[Pod] \t<= \t0.0.0.0-255.255.255.255[External] : All Connections',
      'hello-world/longer-name[Pod] \t<= \tentire-cluster : All Connections',
      '',
      'Workloads not protected by network policies:',
      'hello-world/longer-name[Pod] is not protected on Egress',
      'hello-world/longer-name[Pod] is not protected on Ingress',
    ]);
    // After the connectivity lines and a blank line.
    const text = [...connlistWithExposureTxt(conn, analyzeExposure(conn))].join('');
    expect(text).toMatch(/^0\.0\.0\.0-255\.255\.255\.255\[External\] => hello-world\/longer-name\[Pod\] : All Connections\nhello-world\/longer-name\[Pod\] => 0\.0\.0\.0-255\.255\.255\.255\[External\] : All Connections\n\nExposure Analysis Result:\n/);
  });

  it('prints nothing when no workload is exposed', () => {
    const guarded = snapshot({ pods: [pod('ns/a')], policies: [policy('ns/deny', { types: ['Ingress', 'Egress'] })] });
    const conn = analyzeConnectivity(guarded);
    expect([...connlistWithExposureTxt(conn, analyzeExposure(conn))].join('')).toBe('');
  });

  it('JSON carries each peer with its kind, selectors, the rule it came from, and ports', () => {
    const json = exposureJson(analyzeExposure(analyzeConnectivity(s)));
    const a = json.workloads.find((w) => w.workload === 'hello-world/a[Pod]')!;
    expect(a.egress).toEqual({ protected: true, entries: [] });
    expect(a.ingress.entries).toEqual([
      {
        peer: '[namespace with {team=x}]/[pod with {role=monitoring}]',
        peerDetail: {
          kind: 'representative',
          namespaceSelector: sel({ team: 'x' }),
          podSelector: sel({ role: 'monitoring' }),
          origin: { kind: 'NetworkPolicy', policy: 'hello-world/p', direction: 'Ingress', ruleIndex: 0, peerIndex: 0 },
        },
        conn: 'TCP 8443',
        ports: { SCTP: [], TCP: [[8443, 8443]], UDP: [] },
        namedPorts: [],
      },
    ]);
    expect(json.workloads.find((w) => w.workload === 'hello-world/longer-name[Pod]')!.ingress).toMatchObject({
      protected: false,
      entries: [
        { peer: '0.0.0.0-255.255.255.255[External]', peerDetail: { kind: 'external', range: '0.0.0.0-255.255.255.255' }, conn: 'All Connections' },
        { peer: 'entire-cluster', peerDetail: { kind: 'entire-cluster' }, conn: 'All Connections' },
      ],
    });
  });
});
