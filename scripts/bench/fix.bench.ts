// Proposing a fix (lib/fix) on the synthetic 10,000-pod cluster: every candidate is applied to a copy and the whole
// snapshot analysed again, so this is a few connectivity runs; the Explain page and `perimeter explain --port` pay it.
import { analyze, type Analyses } from '../../lib/analyses/analyses';
import { proposeFixes } from '../../lib/fix';
import { explain } from '../../lib/netpol/explain';
import { parseExplainRequest, type ExplainRequest } from '../../lib/request';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import type { Bench } from './harness';

/** The first cross-namespace pod pair whose verdict on TCP 8080 is `verdict`. */
function question(a: Analyses, verdict: 'allowed' | 'denied'): ExplainRequest {
  const pods = a.snapshot.pods;
  for (let i = 0; i < pods.length; i += 97) {
    for (let j = 1; j < pods.length; j += 89) {
      if (pods[i].namespace === pods[j].namespace) continue;
      const request = parseExplainRequest({ from: `${pods[i].namespace}/${pods[i].name}`, to: `${pods[j].namespace}/${pods[j].name}`, port: '8080' }).request;
      const e = explain(a.compiled, request);
      if (e.ok && e.explanation.verdict === verdict) return request;
    }
  }
  throw new Error(`no ${verdict} pair`);
}

let base: Analyses | undefined;
const setup = (verdict: 'allowed' | 'denied') => () => {
  base ??= analyze(generateCluster({ pods: 10_000 }));
  void base.connectivity;
  return { base, request: question(base, verdict) };
};
const run = (input: unknown) => {
  const { base: b, request } = input as { base: Analyses; request: ExplainRequest };
  const r = proposeFixes(b, request);
  return r.proposals.length + r.rejected.length;
};

export const benches: readonly Bench[] = [
  { name: 'propose and check fixes for a denied connection, 10,000 pods', setup: setup('denied'), run, targetMs: 10_000 },
  { name: 'propose and check fixes for an allowed connection, 10,000 pods', setup: setup('allowed'), run, targetMs: 10_000 },
];
