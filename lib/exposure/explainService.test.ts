import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../netpol/compile';
import { parseEndpointRef } from '../request/endpoint';
import { snapshotOf } from '../sources/testing';
import { explainToService, isServiceRef } from './explainService';

const pod = (name: string, ports: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: payments, labels: {app: api}}\nspec: {containers: [{name: c, ports: [${ports}]}]}\n`;
const s = snapshotOf(
  [
    pod('api-a', '{name: https, containerPort: 8443}'),
    pod('api-b', '{name: https, containerPort: 9443}'),
    pod('api-c', '{name: http, containerPort: 8080}'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: checkout, namespace: shop, labels: {app: checkout}}\nspec: {containers: [{name: c}]}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: payments-api, namespace: payments}\nspec: {selector: {app: api}, ports: [{name: https, port: 443, targetPort: https}, {name: http, port: 80, targetPort: 8080}]}\n',
    // 9443 is admitted from shop, 8443 is not.
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: payments}\nspec: {podSelector: {matchLabels: {app: api}}, ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 9443}, {port: 8080}]}]}\n',
  ].join('---\n'),
);
const c = compileSnapshot(s);

describe('explain to a Service', () => {
  it('parses svc/ns/name (and service/ns/name) as a Service reference', () => {
    expect(parseEndpointRef('svc/payments/payments-api')).toEqual({ ok: true, value: { kind: 'service', namespace: 'payments', name: 'payments-api' } });
    expect(isServiceRef('service/payments/payments-api')).toBe(true);
    expect(isServiceRef('payments/Deployment/api')).toBe(false);
  });

  it('resolves the named Service port to each backing pod’s port and explains each: two pods, two numbers, one without it', () => {
    const r = explainToService(c, { from: 'shop/checkout', to: 'svc/payments/payments-api', port: 'https' });
    if (!r.ok) throw new Error(r.message);
    expect(r.explanation.pods.map((p) => [p.pod, p.podPort, p.explanation?.verdict ?? p.problem])).toEqual([
      ['payments/api-a', 8443, 'denied'],
      ['payments/api-b', 9443, 'allowed'],
      ['payments/api-c', undefined, 'targetPort "https" (TCP) is not defined on payments/api-c: kube-proxy sends it nothing on this port'],
    ]);
    expect(r.explanation.verdict).toBe('partly');
    expect(r.explanation.sentence).toBe('shop/checkout => Service payments/payments-api port https 443/TCP: allowed to 1 of 3 backing pods');
  });

  it('a Service port by number; an unknown port or Service is an error naming what exists', () => {
    const r = explainToService(c, { from: 'shop/checkout', to: 'svc/payments/payments-api', port: 80 });
    expect(r.ok && r.explanation.verdict).toBe('allowed');
    expect(explainToService(c, { from: 'shop/checkout', to: 'svc/payments/payments-api', port: 8443 })).toEqual({ ok: false, message: 'Service payments/payments-api has no port 8443 (its ports: https 443/TCP, http 80/TCP)' });
    expect(explainToService(c, { from: 'shop/checkout', to: 'svc/payments/nope' })).toEqual({ ok: false, message: 'no Service payments/nope in the snapshot' });
  });
});
