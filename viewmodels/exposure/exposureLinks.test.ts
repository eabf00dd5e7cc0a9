import { describe, expect, it } from 'vitest';
import { STAND_IN_REF } from '@/lib/exposure/hopExplanations';
import { parseRepresentativeRef } from '@/lib/request';
import { portRangeSet } from '@/lib/netpol/portSet';
import { parseGraphView } from '../graph/graphView';
import { connectionHref, explainablePeer, graphHref, questionHref, STAND_IN_EXPLAIN_REF, workloadRef } from './exposureLinks';

describe('exposure links', () => {
  it('turns a connlist name into the workload reference explain takes', () => {
    expect(workloadRef('payments/payments-api[Deployment]')).toBe('payments/Deployment/payments-api');
    expect(workloadRef('not a workload')).toBe('not a workload');
  });

  it('asks Explain about the stand-in controller as a new pod without labels in its own namespace', () => {
    const ref = parseRepresentativeRef(STAND_IN_EXPLAIN_REF);
    expect(ref.ok && ref.value).toMatchObject({ namespace: { kind: 'named', name: 'ingress-controller-ns' }, podLabels: {} });
    expect(questionHref({ from: STAND_IN_REF, to: 'shop/web-1', port: 8080, protocol: 'TCP' })).toBe('/explain?from=ingress-controller-ns%2F%5Ball+pods%5D&to=shop%2Fweb-1&port=8080');
    expect(questionHref({ from: '198.51.100.10', to: 'kube-system/coredns-1', port: 53, protocol: 'UDP' })).toBe('/explain?from=198.51.100.10&to=kube-system%2Fcoredns-1&port=53&protocol=UDP');
  });

  it('asks about the first port of a connection', () => {
    expect(connectionHref('a/Deployment/x', 'b/Deployment/y', portRangeSet('UDP', 53, 53))).toBe('/explain?from=a%2FDeployment%2Fx&to=b%2FDeployment%2Fy&port=53&protocol=UDP');
  });

  it('links explain only for peers of labels', () => {
    expect(explainablePeer('[namespace with {team=x}]/[pod with {role=monitoring}]')).toBe(true);
    expect(explainablePeer('shop-backend/[pod with {{Key:app,Operator:In,Values:[a b],}}]')).toBe(false);
  });

  it('opens the Graph on the workload, its namespace drawn open and selected', () => {
    const v = parseGraphView(new URLSearchParams(graphHref('payments/payments-api[Deployment]', { hops: 3 }).split('?')[1]));
    expect(v).toMatchObject({ focus: 'wl:payments/Deployment/payments-api', selected: ['wl:payments/Deployment/payments-api'], expanded: ['payments'], hops: 3 });
  });
});
