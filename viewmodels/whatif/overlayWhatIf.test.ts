import { describe, expect, it } from 'vitest';
import type { GraphElements, GraphNode } from '@/viewmodels/graph/toGraphElements';
import { overlayWhatIf } from './overlayWhatIf';

const node = (id: string, kind: GraphNode['data']['kind'] = 'workload'): GraphNode => ({ data: { id, label: id, kind, aggregated: kind === 'namespace', members: 1, openIn: false, openOut: false }, classes: kind });
const base: GraphElements = {
  nodes: [node('wl:a/Deployment/x'), node('wl:b/Deployment/y'), node('ns:c', 'namespace')],
  edges: [{ data: { id: 'wl:a/Deployment/x->wl:b/Deployment/y', source: 'wl:a/Deployment/x', target: 'wl:b/Deployment/y', ports: 'TCP 80', label: 'TCP 80', count: 1 }, classes: '' }],
  aggregated: true,
};

describe('overlayWhatIf', () => {
  it('marks drawn edges, adds removed ones as ghosts, maps hidden workloads to their aggregated namespace', () => {
    const out = overlayWhatIf(base, [
      { id: '', source: 'wl:a/Deployment/x', target: 'wl:b/Deployment/y', change: 'changed', ports: 'TCP 80,443' },
      { id: '', source: 'wl:b/Deployment/y', target: 'wl:a/Deployment/x', change: 'removed', ports: 'TCP 22' },
      { id: '', source: 'wl:c/Deployment/z', target: 'wl:a/Deployment/x', change: 'added', ports: 'TCP 8080' },
      { id: '', source: 'ext:1.2.3.4-1.2.3.4', target: 'wl:a/Deployment/x', change: 'added', ports: 'TCP 443' },
    ]);
    expect(out.edges.map((e) => `${e.data.id} ${e.classes}`)).toEqual([
      'wl:a/Deployment/x->wl:b/Deployment/y whatif-changed',
      'wl:b/Deployment/y->wl:a/Deployment/x whatif-removed',
      'ns:c->wl:a/Deployment/x whatif-added',
    ]);
    expect(out.nodes).toBe(base.nodes);
  });
});
