import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../model';
import { compileSnapshot } from '../netpol/compile';
import { analyzeConnectivity } from '../netpol/connectivity';
import { explain } from '../netpol/explain';
import { snapshotOf } from '../sources/testing';
import { analyzeEntryPoints, type EntryPointAnalysis } from './analyzeEntryPoints';
import { exampleAddress, explainLastHops, firstPort, hopQuestion, STAND_IN_REF } from './hopExplanations';
import { portRangeSet, ALL_PORTS, unionPorts } from '../netpol/portSet';

let s: Snapshot;
let a: EntryPointAnalysis;
beforeAll(() => {
  s = snapshotOf(readFileSync(path.join(__dirname, 'testdata', 'edge.yaml'), 'utf8'));
  a = analyzeEntryPoints(s, analyzeConnectivity(s));
});

const allPaths = () => a.entries.flatMap((x) => x.paths.map((p) => ({ entry: x.entry, path: p })));

describe('explaining the hop that reaches the pod', () => {
  it('gives every path the verdict its last hop has (allowed where the hop lets something through)', () => {
    const paths = allPaths().filter(({ path }) => path.verdict !== 'internal');
    const answers = explainLastHops(s, paths);
    expect(answers.every((x) => x !== undefined)).toBe(true);
    paths.forEach(({ entry, path }, i) => {
      const last = path.hops[path.hops.length - 1];
      expect(`${entry.id} ${path.workload} ${answers[i]!.explanation.verdict}`).toBe(`${entry.id} ${path.workload} ${last.verdict === 'allowed' ? 'allowed' : 'denied'}`);
    });
  });

  it('answers as explain on the whole snapshot does, for addresses and controller pods', () => {
    const c = compileSnapshot(s);
    const paths = allPaths().filter(({ entry, path }) => path.verdict !== 'internal' && entry.controller?.reading !== 'stand-in');
    const answers = explainLastHops(s, paths);
    paths.forEach((_, i) => {
      const whole = explain(c, answers[i]!.question);
      expect(whole.ok && whole.explanation).toEqual(answers[i]!.explanation);
    });
  });

  it('asks from an address of a range that gets through, on a port it gets: the usable range, not the entry’s first range', () => {
    const lb = a.entries.find((x) => x.entry.id === 'LoadBalancer:shop/web')!;
    // 10.0.0.0/8 is excepted by shop/web's policy; the usable ranges start at 0.0.0.0 and at 11.0.0.0.
    expect(hopQuestion(s, lb.entry, lb.paths[0])).toEqual({ from: '198.51.100.10', to: `shop/${s.pods[lb.paths[0].pod].name}`, port: 8080, protocol: 'TCP' });
    const closed = a.entries.find((x) => x.entry.id === 'LoadBalancer:payments/api')!;
    expect(hopQuestion(s, closed.entry, closed.paths[0])).toMatchObject({ from: '198.51.100.10', port: 8443 });
  });

  it('asks the stand-in controller by its name in the small snapshot, answering as explain does for that pod not yet there', () => {
    const standIn = allPaths().filter(({ entry }) => entry.controller?.reading === 'stand-in');
    expect(standIn.length).toBeGreaterThan(0);
    const answers = explainLastHops(s, standIn);
    const c = compileSnapshot(s);
    standIn.forEach((p, i) => {
      expect(answers[i]!.question.from).toBe(STAND_IN_REF);
      // The stand-in is a pod without labels in a new namespace `ingress-controller-ns` (lib/request's reference).
      const asNew = explain(c, { ...answers[i]!.question, from: 'ingress-controller-ns/[all pods]' });
      expect(asNew.ok && asNew.explanation.verdict).toBe(answers[i]!.explanation.verdict);
      expect(asNew.ok && asNew.explanation.ingress.decidedBy).toBe(answers[i]!.explanation.ingress.decidedBy);
    });
  });

  it('does not ask about an internal load balancer’s path', () => {
    const internal = a.entries.find((x) => x.entry.id === 'LoadBalancer:shop/web-internal')!;
    expect(hopQuestion(s, internal.entry, internal.paths[0])).toBeUndefined();
  });
});

describe('exampleAddress and firstPort', () => {
  it('takes a documentation address inside the range, else its first address (not the unspecified one)', () => {
    expect(exampleAddress('0.0.0.0/0')).toBe('198.51.100.10');
    expect(exampleAddress('::/0')).toBe('2001:db8::10');
    expect(exampleAddress('11.0.0.0-255.255.255.255')).toBe('198.51.100.10');
    expect(exampleAddress('0.0.0.0-9.255.255.255')).toBe('0.0.0.1');
    expect(exampleAddress('203.0.113.0/24')).toBe('203.0.113.0');
    expect(exampleAddress('not a range')).toBeUndefined();
  });

  it('takes the first TCP port, then UDP, and no port for every port', () => {
    expect(firstPort(unionPorts(portRangeSet('UDP', 53, 53), portRangeSet('TCP', 8080, 8090)))).toEqual({ port: 8080, protocol: 'TCP' });
    expect(firstPort(portRangeSet('UDP', 53, 53))).toEqual({ port: 53, protocol: 'UDP' });
    expect(firstPort(ALL_PORTS)).toBeUndefined();
  });
});
