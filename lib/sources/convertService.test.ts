import { describe, expect, it } from 'vitest';
import { snapshotOf } from './testing';

/** A Service in namespace `ns` with the given spec (YAML, indented under `spec:`) and optional metadata lines. */
function svc(spec: string, meta = ''): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: ns\n${meta.replace(/^/gm, '  ')}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

const services = (spec: string, meta = '') => snapshotOf(svc(spec, meta));

function dropped(spec: string, meta = '') {
  const s = services(spec, meta);
  expect(s.services).toEqual([]);
  const errors = s.warnings.filter((w) => w.severity === 'error');
  expect(errors.map((e) => e.code)).toEqual(['invalid-service']);
  return errors[0].message;
}

describe('Service conversion', () => {
  it('defaults type ClusterIP, protocol TCP and targetPort to port (SetDefaults_Service)', () => {
    const s = services('selector: {app: web}\nports:\n- port: 80');
    expect(s.warnings).toEqual([]);
    expect(s.services).toEqual([
      expect.objectContaining({ namespace: 'ns', name: 's', type: 'ClusterIP', selector: { app: 'web' }, headless: false, internalTrafficPolicy: 'Cluster', ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] }),
    ]);
    expect(s.services[0]).not.toHaveProperty('externalTrafficPolicy');
  });

  it('keeps a named targetPort as a name, to be resolved on each pod', () => {
    const [s] = services('selector: {app: web}\nports:\n- {name: https, port: 443, targetPort: https}').services;
    expect(s.ports).toEqual([{ name: 'https', protocol: 'TCP', port: 443, targetPort: 'https' }]);
  });

  it('reads LoadBalancer source ranges canonically, the deprecated annotation, status and externalTrafficPolicy', () => {
    const s = services(
      'type: LoadBalancer\nselector: {app: web}\nloadBalancerSourceRanges: [203.0.113.7/24]\nexternalTrafficPolicy: Local\nports:\n- {port: 443, nodePort: 31443}',
      `annotations:\n  service.beta.kubernetes.io/load-balancer-source-ranges: "198.51.100.0/24, 192.0.2.0/25"`,
    );
    const [lb] = s.services;
    expect(lb).toMatchObject({ type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'], annotationSourceRanges: ['198.51.100.0/24', '192.0.2.0/25'], externalTrafficPolicy: 'Local' });
    expect(lb.ports[0].nodePort).toBe(31443);
    expect(s.warnings.map((w) => w.message)).toEqual(['t.yaml#0 (line 1): Service ns/s: spec.loadBalancerSourceRanges[0] "203.0.113.7/24" has host bits set; read as 203.0.113.0/24']);
  });

  it('defaults externalTrafficPolicy to Cluster on NodePort, LoadBalancer and externalIPs services only', () => {
    expect(services('type: NodePort\nselector: {a: b}\nports: [{port: 80}]').services[0].externalTrafficPolicy).toBe('Cluster');
    expect(services('externalIPs: [192.0.2.10]\nselector: {a: b}\nports: [{port: 80}]').services[0]).toMatchObject({ externalIPs: ['192.0.2.10'], externalTrafficPolicy: 'Cluster' });
  });

  it('reads an empty selector as none, with a warning (the API server stores {} as no selector)', () => {
    const s = services('selector: {}\nports: [{port: 80}]');
    expect(s.services[0]).not.toHaveProperty('selector');
    expect(s.warnings.map((w) => w.code)).toEqual(['service-warning']);
  });

  it('headless and ExternalName services: no ports needed; the selector of an ExternalName is ignored', () => {
    expect(services('clusterIP: None\nselector: {app: db}').services[0]).toMatchObject({ headless: true, ports: [] });
    const [ext] = services('type: ExternalName\nexternalName: db.example.com\nselector: {app: db}').services;
    expect(ext).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(ext).not.toHaveProperty('selector');
  });

  it('keeps several unnamed ports (hand-written manifests do it) with a warning', () => {
    const s = services('selector: {a: b}\nports:\n- {port: 8000}\n- {port: 8050}');
    expect(s.services[0].ports.map((p) => p.port)).toEqual([8000, 8050]);
    expect(s.warnings.map((w) => w.message)).toEqual(['t.yaml#0 (line 1): Service ns/s: several ports without a name on each (the API server requires names then); kept as written']);
  });

  it('drops what the API server rejects and that would change where traffic goes, naming the first reason', () => {
    expect(dropped('type: Loadbalancer\nports: [{port: 80}]')).toBe('t.yaml#0 (line 1): Service ns/s dropped, the API server would reject it: spec.type "Loadbalancer" is not one of ClusterIP, NodePort, LoadBalancer, ExternalName');
    expect(dropped('ports: [{port: 70000}]')).toContain('spec.ports[0].port 70000 is not a number between 1 and 65535');
    expect(dropped('ports: [{port: 80, targetPort: "8080"}]')).toContain('spec.ports[0].targetPort "8080" is not a valid port name');
    expect(dropped('ports: [{port: 80, protocol: HTTP}]')).toContain('spec.ports[0].protocol "HTTP" is not one of TCP, UDP, SCTP');
    expect(dropped('ports: [{port: 80, nodePort: 30080}]')).toContain('spec.ports[0].nodePort may not be used when type is ClusterIP');
    expect(dropped('type: LoadBalancer\nloadBalancerSourceRanges: [not-a-cidr]\nports: [{port: 80}]')).toContain('spec.loadBalancerSourceRanges[0] "not-a-cidr" is not a valid CIDR');
    expect(dropped('type: NodePort\nloadBalancerSourceRanges: [10.0.0.0/8]\nports: [{port: 80}]')).toContain('may only be used when type is LoadBalancer, not NodePort');
    expect(dropped('externalIPs: [nope]\nports: [{port: 80}]')).toContain('spec.externalIPs[0] "nope" is not an IP address');
    expect(dropped('type: LoadBalancer\nclusterIP: None\nports: [{port: 80}]')).toContain('spec.clusterIP may not be "None" for a LoadBalancer service');
    expect(dropped('selector: {a: b}')).toContain('spec.ports is required');
    expect(dropped('externalTrafficPolicy: Local\nports: [{port: 80}]')).toContain('externalTrafficPolicy may only be set on NodePort, LoadBalancer or externalIPs services');
    expect(dropped('type: ExternalName')).toContain('spec.externalName is required');
  });

  it('a Service without namespace lands in default, like other namespaced objects', () => {
    const s = snapshotOf('apiVersion: v1\nkind: Service\nmetadata: {name: details}\nspec:\n  selector: {app: details}\n  ports: [{port: 9080, name: http}]\n');
    expect(s.services.map((x) => `${x.namespace}/${x.name}`)).toEqual(['default/details']);
    expect(s.namespaces.map((n) => n.name)).toEqual(['default']);
  });
});
