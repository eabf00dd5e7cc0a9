import { describe, expect, it } from 'vitest';
import { idOfConnlistName as graphNodeId } from '@/viewmodels/graph/elementIds';
import { graphEdgeChanges } from './whatIfGraph';

describe('what-if edges in graph element ids', () => {
  it('maps connlist names to the graph ids of workloads and external ranges', () => {
    expect(graphNodeId('payments/payments-api[Deployment]')).toBe('wl:payments/Deployment/payments-api');
    expect(graphNodeId('0.0.0.0-9.255.255.255[External]')).toBe('ext:0.0.0.0-9.255.255.255');
  });
  it('gives each change an edge id source->target with the ports on the side where it exists', () => {
    expect(
      graphEdgeChanges([
        { change: 'removed', src: 'a/x[Deployment]', dst: 'b/y[StatefulSet]', before: 'TCP 80', after: 'No Connections' },
        { change: 'added', src: '1.2.3.4-1.2.3.4[External]', dst: 'b/y[StatefulSet]', before: 'No Connections', after: 'TCP 443', exposure: 'from-outside' },
      ]),
    ).toEqual([
      { id: 'wl:a/Deployment/x->wl:b/StatefulSet/y', source: 'wl:a/Deployment/x', target: 'wl:b/StatefulSet/y', change: 'removed', ports: 'TCP 80' },
      { id: 'ext:1.2.3.4-1.2.3.4->wl:b/StatefulSet/y', source: 'ext:1.2.3.4-1.2.3.4', target: 'wl:b/StatefulSet/y', change: 'added', ports: 'TCP 443', exposure: 'from-outside' },
    ]);
  });
});
