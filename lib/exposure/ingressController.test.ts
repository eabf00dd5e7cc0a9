import { describe, expect, it } from 'vitest';
import { formatPorts } from '../netpol/portSet';
import { snapshotOf } from '../sources/testing';
import { ingressControllerConnections } from './ingressController';
import { resolveServices } from './serviceBackends';

// The peer's reading (np-guard netpol-analyzer ingressanalyzer + connlist getIngressAllowedConnections), pinned rule
// by rule on small inputs.

const deployment = (name: string, ports: string, ns = 'shop') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: c, ports: [${ports}]}]\n`;
const service = (name: string, ports: string, selector = name, ns = 'shop') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: {app: ${selector}}\n  ports: [${ports}]\n`;
const ingress = (name: string, backends: string, ns = 'shop') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  rules:\n  - http:\n      paths:\n${backends
    .split(';')
    .map((b) => `      - {path: /, pathType: Prefix, backend: {service: ${b}}}`)
    .join('\n')}\n`;
const route = (name: string, spec: string, ns = 'shop') => `apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}\n`;
const policy = (name: string, spec: string, ns = 'shop') => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

function lines(...docs: string[]): string[] {
  const s = snapshotOf(docs.join('---\n'));
  return ingressControllerConnections(s, resolveServices(s)).connections.map((c) => `${c.src} => ${c.dst} : ${formatPorts(c.ports)}`);
}

describe('{ingress-controller} connections (the peer reading)', () => {
  it('an Ingress port number uses the Service port with that port or targetPort; a name, the port of that name', () => {
    const app = deployment('web', '{containerPort: 8080}, {name: admin, containerPort: 9090}');
    const svc = service('web', '{name: http, port: 80, targetPort: 8080}, {name: mgmt, port: 90, targetPort: admin}');
    expect(lines(app, svc, ingress('a', '{name: web, port: {number: 80}}'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
    expect(lines(app, svc, ingress('a', '{name: web, port: {number: 8080}}'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
    expect(lines(app, svc, ingress('a', '{name: web, port: {name: mgmt}}'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 9090']);
  });

  it('a Route without port uses every Service port; with targetPort, a port by name, number or target port; alternate backends too', () => {
    const a = deployment('a', '{containerPort: 8000}, {name: web, containerPort: 8001}');
    const b = deployment('b', '{containerPort: 7000}');
    const svcA = service('a', '{name: one, port: 80, targetPort: 8000}, {name: two, port: 81, targetPort: web}');
    const svcB = service('b', '{name: one, port: 80, targetPort: 7000}');
    expect(lines(a, svcA, route('r', '{to: {kind: Service, name: a}}'))).toEqual(['{ingress-controller} => shop/a[Deployment] : TCP 8000-8001']);
    expect(lines(a, svcA, route('r', '{to: {name: a}, port: {targetPort: web}}'))).toEqual(['{ingress-controller} => shop/a[Deployment] : TCP 8001']);
    expect(lines(a, svcA, route('r', '{to: {name: a}, port: {targetPort: two}}'))).toEqual(['{ingress-controller} => shop/a[Deployment] : TCP 8001']);
    expect(lines(a, b, svcA, svcB, route('r', '{to: {name: a}, alternateBackends: [{kind: Service, name: b}], port: {targetPort: 80}}'))).toEqual([
      '{ingress-controller} => shop/a[Deployment] : TCP 8000',
      '{ingress-controller} => shop/b[Deployment] : TCP 7000',
    ]);
  });

  it('uses the default backend, and unions the ports of every object that reaches a workload', () => {
    const app = deployment('web', '{containerPort: 8050}, {containerPort: 8090}');
    const svc = service('web', '{name: a, port: 8050}, {name: b, port: 8090}');
    const dflt = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: d, namespace: shop}\nspec: {defaultBackend: {service: {name: web, port: {number: 8050}}}}\n`;
    expect(lines(app, svc, dflt, ingress('b', '{name: web, port: {number: 8090}}'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8050,8090']);
  });

  it('a pod port the pod does not declare gets no line (the peer counts only declared container ports)', () => {
    expect(lines(deployment('web', '{containerPort: 8080}'), service('web', '{port: 80, targetPort: 9999}'), ingress('a', '{name: web, port: {number: 80}}'))).toEqual([]);
  });

  it('the controller stand-in has no labels in a namespace of its own: label selectors leave it out, namespaceSelector {} admits it', () => {
    const app = deployment('web', '{containerPort: 8080}');
    const svc = service('web', '{port: 8080}');
    const ing = ingress('a', '{name: web, port: {number: 8080}}');
    const fromLabelled = policy('p', 'podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: edge}}}]}]');
    const fromAnyNamespace = policy('p', 'podSelector: {}\ningress: [{from: [{namespaceSelector: {}}], ports: [{port: 8080}]}]');
    const fromSameNamespace = policy('p', 'podSelector: {}\ningress: [{from: [{podSelector: {}}]}]');
    const fromInternet = policy('p', 'podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]');
    expect(lines(app, svc, ing, fromLabelled)).toEqual([]);
    expect(lines(app, svc, ing, fromSameNamespace)).toEqual([]);
    expect(lines(app, svc, ing, fromInternet)).toEqual([]);
    expect(lines(app, svc, ing, fromAnyNamespace)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
    expect(lines(app, svc, ing, policy('p', 'podSelector: {}\ningress: [{}]'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
  });

  it('the admin tiers apply to the stand-in: an AdminNetworkPolicy denying every namespace blocks it', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: deny-in}\nspec:\n  priority: 10\n  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}\n  ingress: [{name: all, action: Deny, from: [{namespaces: {}}]}]\n`;
    const s = snapshotOf([deployment('web', '{containerPort: 8080}'), service('web', '{port: 8080}'), ingress('a', '{name: web, port: {number: 8080}}'), anp].join('---\n'));
    const r = ingressControllerConnections(s, resolveServices(s));
    expect(r.connections).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['ingress-controller-blocked', 'Ingress shop/a routes to shop/web[Deployment], but its ingress policies admit nothing from an ingress controller Perimeter does not see (a pod without labels in a namespace of its own)'],
    ]);
  });

  it('warns about a backend Service that is not there; Services of another namespace are never used', () => {
    const s = snapshotOf([deployment('web', '{containerPort: 8080}', 'other'), service('web', '{port: 8080}', 'web', 'other'), ingress('a', '{name: web, port: {number: 8080}}')].join('---\n'));
    const r = ingressControllerConnections(s, resolveServices(s));
    expect(r.connections).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['ingress-service-not-found']);
  });

  it('at pod level, one line per pod', () => {
    const s = snapshotOf(
      [
        'apiVersion: v1\nkind: Pod\nmetadata: {name: web-1, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: web-2, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n',
        service('web', '{port: 80}'),
        ingress('a', '{name: web, port: {number: 80}}'),
      ].join('---\n'),
    );
    expect(ingressControllerConnections(s, resolveServices(s), { level: 'pod' }).connections.map((c) => c.dst)).toEqual(['shop/web-1[Pod]', 'shop/web-2[Pod]']);
  });
});
