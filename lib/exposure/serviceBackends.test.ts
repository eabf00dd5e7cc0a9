import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../sources/testing';
import { resolveServices } from './serviceBackends';

const pod = (name: string, labels: string, ports: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {${labels}}}\nspec:\n  containers:\n  - name: c\n    ports: [${ports}]\n`;
const svc = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

describe('resolveServices', () => {
  it('resolves a named targetPort per pod: two pods of one Service may serve it on different numbers (FindPort)', () => {
    const s = snapshotOf(
      [
        pod('api-old', 'app: api', '{name: https, containerPort: 8443}'),
        pod('api-new', 'app: api', '{name: https, containerPort: 9443}'),
        pod('other', 'app: web', '{name: https, containerPort: 443}'),
        svc('api', 'selector: {app: api}\nports: [{name: https, port: 443, targetPort: https}]'),
      ].join('---\n'),
    );
    const { services, warnings } = resolveServices(s);
    expect(warnings).toEqual([]);
    const [api] = services;
    expect(api.pods.map((i) => s.pods[i].name)).toEqual(['api-old', 'api-new']);
    expect(api.ports[0].backends.map((b) => [s.pods[b.pod].name, b.port])).toEqual([
      ['api-old', 8443],
      ['api-new', 9443],
    ]);
  });

  it('a named targetPort must match the port name and the service port protocol; a numeric one need not be declared', () => {
    const s = snapshotOf(
      [
        pod('dns', 'app: dns', '{name: dns, containerPort: 53, protocol: UDP}'),
        svc('dns', 'selector: {app: dns}\nports:\n- {name: dns-tcp, port: 53, protocol: TCP, targetPort: dns}\n- {name: metrics, port: 9153, targetPort: 9153}'),
      ].join('---\n'),
    );
    const { services, warnings } = resolveServices(s);
    expect(services[0].ports.map((p) => p.backends[0])).toEqual([
      { pod: 0, declared: false },
      { pod: 0, port: 9153, declared: false },
    ]);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['service-port-unresolved', 'Service shop/dns port dns-tcp (53/TCP): targetPort "dns" (TCP) is defined on none of its 1 pod: that port reaches nothing'],
    ]);
  });

  it('names a Service that selects nothing, and one whose port resolves on only some pods', () => {
    const s = snapshotOf(
      [
        pod('a', 'app: api', '{name: http, containerPort: 8080}'),
        pod('b', 'app: api', '{containerPort: 8080}'),
        svc('api', 'selector: {app: api}\nports: [{name: http, port: 80, targetPort: http}]'),
        svc('typo', 'selector: {app: apl}\nports: [{port: 80}]'),
        svc('manual', 'ports: [{port: 5432}]'),
      ].join('---\n'),
    );
    expect(resolveServices(s).warnings.map((w) => [w.code, w.severity, w.message])).toEqual([
      ['service-port-partly-unresolved', 'info', 'Service shop/api port http (80/TCP): targetPort "http" is not defined on 1 of its 2 pods (shop/b), which get no traffic on it'],
      ['service-selects-nothing', 'warning', 'Service shop/typo selects no pod (selector app=apl): traffic sent to it goes nowhere'],
      ['service-without-selector', 'info', 'Service shop/manual has no selector: its endpoints are managed by hand (EndpointSlices are not read), so Perimeter knows no pods behind it'],
    ]);
  });

  it('selects pods of its own namespace only, and resolves a sidecar port but not an init container port', () => {
    const s = snapshotOf(
      [
        'apiVersion: v1\nkind: Pod\nmetadata: {name: elsewhere, namespace: other, labels: {app: api}}\nspec: {containers: [{name: c}]}\n',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: mesh, namespace: shop, labels: {app: api}}\nspec:\n  initContainers:\n  - {name: setup, ports: [{name: setup, containerPort: 9000}]}\n  - {name: proxy, restartPolicy: Always, ports: [{name: envoy, containerPort: 15001}]}\n  containers: [{name: c}]\n',
        svc('api', 'selector: {app: api}\nports: [{name: mesh, port: 80, targetPort: envoy}, {name: setup, port: 90, targetPort: setup}]'),
      ].join('---\n'),
    );
    const [api] = resolveServices(s).services;
    expect(api.pods.map((i) => s.pods[i].name)).toEqual(['mesh']);
    expect(api.ports.map((p) => p.backends[0].port)).toEqual([15001, undefined]);
  });
});
