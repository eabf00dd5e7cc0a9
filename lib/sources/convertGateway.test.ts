import { describe, expect, it } from 'vitest';
import { snapshotOf } from './testing';

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: envoy}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: edge}
spec:
  gatewayClassName: envoy
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {exposed: "true"}}}}}
  - {name: tcp, port: 5432, protocol: TCP, allowedRoutes: {kinds: [{kind: TCPRoute}]}}
status:
  addresses: [{type: IPAddress, value: 203.0.113.10}]
`;

describe('Gateway API conversion', () => {
  it('reads GatewayClass and Gateway listeners with their defaults (allowedRoutes from Same, TLS Terminate on HTTPS)', () => {
    const s = snapshotOf(GATEWAY);
    expect(s.warnings).toEqual([]);
    expect(s.gatewayClasses).toEqual([expect.objectContaining({ name: 'envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' })]);
    expect(s.gateways[0]).toMatchObject({
      namespace: 'edge',
      gatewayClassName: 'envoy',
      statusAddresses: [{ type: 'IPAddress', value: '203.0.113.10' }],
      listeners: [
        { name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', tlsMode: 'Terminate', allowedNamespaces: { from: 'Selector', selector: { matchLabels: { exposed: 'true' }, matchExpressions: [] } }, allowedKinds: [] },
        { name: 'tcp', port: 5432, protocol: 'TCP', allowedNamespaces: { from: 'Same' }, allowedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'TCPRoute' }] },
      ],
    });
  });

  it('reads an HTTPRoute with parentRef and backendRef defaults (kind Gateway / Service, own namespace, weight 1)', () => {
    const s = snapshotOf(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public, namespace: edge, sectionName: https}]
  hostnames: [shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}, method: GET}]
    backendRefs: [{name: api, port: 8080}, {name: api-v2, namespace: shop-next, port: 8080, weight: 10}]
  - backendRefs: [{name: no-port}]
`);
    const [r] = s.gatewayRoutes;
    expect(r).toMatchObject({
      kind: 'HTTPRoute',
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'edge', name: 'public', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          matches: ['path PathPrefix /api, method GET'],
          backendRefs: [
            { group: '', kind: 'Service', namespace: 'shop', name: 'api', port: 8080, weight: 1 },
            { group: '', kind: 'Service', namespace: 'shop-next', name: 'api-v2', port: 8080, weight: 10 },
          ],
        },
        { matches: [], backendRefs: [] },
      ],
    });
    expect(s.warnings.map((w) => w.message)).toEqual(['t.yaml#0 (line 1): HTTPRoute shop/shop: spec.rules[1].backendRefs[0] refers to Service no-port without a valid port (the API server rejects that); ignored']);
  });

  it('reads TCPRoute (v1alpha2) and ReferenceGrant (v1beta1); drops a Gateway without listeners', () => {
    const s = snapshotOf(`apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db, namespace: data}
spec: {parentRefs: [{name: public, namespace: edge, sectionName: tcp}], rules: [{backendRefs: [{name: postgres, port: 5432}]}]}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-shop, namespace: shop-next}
spec: {from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}], to: [{group: "", kind: Service}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: empty, namespace: edge}
spec: {gatewayClassName: envoy, listeners: []}
`);
    expect(s.gatewayRoutes.map((r) => `${r.kind} ${r.namespace}/${r.name} → ${r.rules[0].backendRefs[0].name}:${r.rules[0].backendRefs[0].port}`)).toEqual(['TCPRoute data/db → postgres:5432']);
    expect(s.referenceGrants).toEqual([expect.objectContaining({ namespace: 'shop-next', from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service' }] })]);
    expect(s.gateways).toEqual([]);
    expect(s.warnings.map((w) => w.message)).toEqual(['t.yaml#2 (line 11): Gateway edge/empty dropped, the API server would reject it: spec.listeners needs at least one listener']);
  });
});
