import { describe, expect, it } from 'vitest';
import { snapshotOf } from './testing';

function ingress(spec: string, meta = '', apiVersion = 'networking.k8s.io/v1'): string {
  return `apiVersion: ${apiVersion}\nkind: Ingress\nmetadata:\n  name: i\n  namespace: ns\n${meta.replace(/^/gm, '  ')}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

describe('Ingress conversion', () => {
  it('reads rules, numbered and named service ports, the default backend, TLS and the class', () => {
    const s = snapshotOf(
      ingress(`ingressClassName: nginx
defaultBackend: {service: {name: fallback, port: {name: http}}}
tls: [{hosts: [shop.example.com], secretName: shop-tls}]
rules:
- host: shop.example.com
  http:
    paths:
    - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
    - {path: /, pathType: Exact, backend: {service: {name: web, port: {name: https}}}}`),
    );
    expect(s.warnings).toEqual([]);
    expect(s.ingresses).toEqual([
      expect.objectContaining({
        namespace: 'ns',
        name: 'i',
        ingressClassName: 'nginx',
        classFrom: 'spec',
        defaultBackend: { kind: 'service', service: 'fallback', port: { name: 'http' } },
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
        rules: [
          {
            host: 'shop.example.com',
            paths: [
              { path: '/api', pathType: 'Prefix', backend: { kind: 'service', service: 'api', port: { number: 8080 } } },
              { path: '/', pathType: 'Exact', backend: { kind: 'service', service: 'web', port: { name: 'https' } } },
            ],
          },
        ],
      }),
    ]);
  });

  it('takes the class from the deprecated annotation when spec.ingressClassName is absent', () => {
    const [i] = snapshotOf(ingress('defaultBackend: {service: {name: a, port: {number: 80}}}', 'annotations: {kubernetes.io/ingress.class: traefik}')).ingresses;
    expect(i).toMatchObject({ ingressClassName: 'traefik', classFrom: 'annotation' });
  });

  it('reads v1beta1 backends (serviceName, servicePort)', () => {
    const [i] = snapshotOf(ingress('backend: {serviceName: a, servicePort: http}\nrules:\n- http: {paths: [{path: /, backend: {serviceName: b, servicePort: 80}}]}', '', 'networking.k8s.io/v1beta1')).ingresses;
    expect(i.defaultBackend).toEqual({ kind: 'service', service: 'a', port: { name: 'http' } });
    expect(i.rules[0].paths[0].backend).toEqual({ kind: 'service', service: 'b', port: { number: 80 } });
  });

  it('ignores a backend without a usable service port, with a warning naming it; keeps a resource backend', () => {
    const s = snapshotOf(
      ingress(`rules:
- http:
    paths:
    - {path: /a, pathType: Prefix, backend: {service: {name: a}}}
    - {path: /b, pathType: Prefix, backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}}
    - {path: /c, backend: {service: {name: c, port: {number: 80}}}}`),
    );
    expect(s.ingresses[0].rules[0].paths.map((p) => p.backend.kind)).toEqual(['resource', 'service']);
    expect(s.warnings.map((w) => w.message)).toEqual([
      't.yaml#0 (line 1): Ingress ns/i: spec.rules[0].http.paths[0].backend.service.port names no port (number or name); the backend is ignored',
      't.yaml#0 (line 1): Ingress ns/i: spec.rules[0].http.paths[2].pathType is missing; read as ImplementationSpecific',
    ]);
  });

  it('drops an Ingress with neither rules nor a default backend', () => {
    const s = snapshotOf(ingress('tls: []'));
    expect(s.ingresses).toEqual([]);
    expect(s.warnings.map((w) => [w.code, w.message])).toEqual([['invalid-ingress', 't.yaml#0 (line 1): Ingress ns/i dropped, the API server would reject it: either spec.defaultBackend or spec.rules must be specified']]);
  });
});

describe('IngressClass conversion', () => {
  it('reads the controller and the default-class annotation; drops one without controller', () => {
    const s = snapshotOf(`apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: broken}
spec: {}
`);
    expect(s.ingressClasses).toEqual([expect.objectContaining({ name: 'nginx', controller: 'k8s.io/ingress-nginx', isDefault: true })]);
    expect(s.warnings.map((w) => w.code)).toEqual(['invalid-ingress-class']);
  });
});

describe('OpenShift Route conversion', () => {
  it('reads to, alternate backends, the target port (name or number), TLS and the admitting routers', () => {
    const s = snapshotOf(`apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: frontend}
spec:
  host: shop.apps.example.com
  to: {kind: Service, name: web, weight: 90}
  alternateBackends: [{name: web-canary, weight: 10}]
  port: {targetPort: http}
  tls: {termination: edge, insecureEdgeTerminationPolicy: Redirect}
status:
  ingress: [{routerName: default, host: shop.apps.example.com}]
`);
    expect(s.warnings).toEqual([]);
    expect(s.routes).toEqual([
      expect.objectContaining({
        host: 'shop.apps.example.com',
        to: { kind: 'Service', name: 'web', weight: 90 },
        alternateBackends: [{ kind: 'Service', name: 'web-canary', weight: 10 }],
        targetPort: 'http',
        tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
        routerNames: ['default'],
      }),
    ]);
  });

  it('drops a Route without spec.to.name; a Route of another API group is not read', () => {
    const s = snapshotOf('apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: r, namespace: n}\nspec: {to: {kind: Service}}\n---\napiVersion: example.com/v1\nkind: Route\nmetadata: {name: x}\n');
    expect(s.routes).toEqual([]);
    expect(s.warnings.map((w) => w.code)).toEqual(['invalid-route', 'unused-kind']);
  });
});
