import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../netpol/connectivity';
import { pod, podsPeer, policy, port, rule, sel, snapshot } from '../netpol/testing';
import { connlistCsv, connlistDot, connlistJson, connlistMd, connlistTxt } from './connlist';

const conn = analyzeConnectivity(
  snapshot({
    pods: [pod('shop/web', { labels: { app: 'web' }, owner: 'Deployment/web' }), pod('shop/api', { labels: { app: 'api' } })],
    policies: [policy('shop/api', { podSelector: sel({ app: 'api' }), ingress: [rule([podsPeer(sel({ app: 'web' }))], [port('TCP', 8080), port('UDP', 53)])] })],
  }),
);
const text = (g: Iterable<string>) => [...g].join('');

describe('connlist renderers', () => {
  it('txt: one sorted line per connection, no self-connections', () => {
    expect(text(connlistTxt(conn))).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
        'shop/api[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'shop/api[Pod] => shop/web[Deployment] : All Connections',
        'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'shop/web[Deployment] => shop/api[Pod] : TCP 8080,UDP 53',
        '',
      ].join('\n'),
    );
  });
  it('focus keeps only lines from or to the focused endpoint', () => {
    expect(text(connlistTxt(conn, { focus: 'shop/api' })).trim().split('\n')).toHaveLength(3);
  });
  it('csv quotes fields with commas', () => {
    expect(text(connlistCsv(conn))).toContain('shop/web[Deployment],shop/api[Pod],"TCP 8080,UDP 53"\n');
  });
  it('md is a table and dot a digraph with labelled edges', () => {
    expect(text(connlistMd(conn))).toContain('| shop/web\\[Deployment\\] | shop/api\\[Pod\\] | TCP 8080,UDP 53 |'); // brackets escaped: a name cannot make a link
    expect(text(connlistDot(conn))).toContain('"shop/web[Deployment]" -> "shop/api[Pod]" [label="TCP 8080,UDP 53"];');
  });
  it('json holds the connections with their port sets and the warnings', () => {
    const parsed = JSON.parse(text(connlistJson(conn)));
    expect(parsed.connections).toHaveLength(5);
    expect(parsed.connections[4]).toEqual({ src: 'shop/web[Deployment]', dst: 'shop/api[Pod]', conn: 'TCP 8080,UDP 53', ports: { SCTP: [], TCP: [[8080, 8080]], UDP: [[53, 53]] } });
    expect(parsed.warnings).toEqual([]);
  });
});
