// The cluster source reads the demo, applied through the API, exactly as the manifest source reads its files.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../lib/model';
import { analyzeConnectivity } from '../../lib/netpol';
import { ALL_VERBS, buildRbacIndex, whoCan, type ResourceRef } from '../../lib/rbac';
import { connlistTxt } from '../../lib/report/connlist';
import { loadDemoSnapshot } from '../../lib/sources';
import { applyObjects, demoObjects } from '../../scripts/local-cluster/applyObjects';
import { ADMIN_CONTEXT } from '../../scripts/local-cluster/localCluster';
import { startSource, localClusterPerFile, waitForSnapshot } from './fixture';

const cluster = localClusterPerFile();

type Keyed = { readonly name: string; readonly namespace?: string };
const key = (o: Keyed) => `${o.namespace ?? ''}/${o.name}`;

/** Namespaces and RBAC objects the API server creates itself (bootstrap policy), which the demo does not list. */
const isApiServerBootstrap = (o: Keyed) =>
  o.name.startsWith('system:') || ['default', 'kube-public', 'kube-node-lease'].includes(o.name) || o.name.startsWith('extension-apiserver-authentication');

/** Labels the Job controller's defaulting adds to a Job's pod template (manualSelector unset): the demo dump omits them. */
const JOB_DEFAULT_LABELS = ['batch.kubernetes.io/controller-uid', 'controller-uid', 'job-name'];

/**
 * What the API server or the source adds legitimately: where an object came from, the server-assigned uid, the
 * Job selector labels, `policyTypesDeclared` (the API server writes the defaulted policyTypes into the object, so
 * they read as declared; the policyTypes themselves are compared), a Service's allocated cluster IP and node
 * ports, and the status of Services, Gateways and Routes. Pod lists of a workload are compared as sets.
 */
function strip<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, k, v: unknown) {
      if (k === 'origin' || k === 'uid' || k === 'policyTypesDeclared' || k === 'clusterIP' || k === 'nodePort') return undefined;
      // Status is written by controllers (there are none here), not by applying the dump.
      if (k === 'loadBalancerStatus' || k === 'statusAddresses' || k === 'routerNames') return undefined;
      if ((k === 'labels' || k === 'templateLabels') && this.kind === 'Job' && v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).filter(([l]) => !JOB_DEFAULT_LABELS.includes(l)));
      }
      if (k === 'podNames' && Array.isArray(v) && v.every((x) => typeof x === 'string')) return [...(v as string[])].sort();
      return v;
    }),
  ) as T;
}

const LISTS = [
  'namespaces',
  'pods',
  'workloads',
  'networkPolicies',
  'adminNetworkPolicies',
  'baselineAdminNetworkPolicies',
  'serviceAccounts',
  'roles',
  'clusterRoles',
  'roleBindings',
  'clusterRoleBindings',
  'services',
  'ingresses',
  'ingressClasses',
  'routes',
  'gatewayClasses',
  'gateways',
  'gatewayRoutes',
  'referenceGrants',
] as const;

/** The cluster snapshot restricted to the demo's objects; the objects left out must be the API server's own. */
function restrictToDemo(live: Snapshot, demo: Snapshot): { restricted: Snapshot; extras: string[] } {
  const extras: string[] = [];
  const out: Record<string, unknown> = { ...live };
  for (const list of LISTS) {
    const wanted = new Set((demo[list] as readonly Keyed[]).map(key));
    out[list] = (live[list] as readonly Keyed[]).filter((o) => {
      if (wanted.has(key(o))) return true;
      extras.push(`${list} ${key(o)}`);
      return false;
    });
  }
  return { restricted: out as unknown as Snapshot, extras };
}

const byKey = <T extends Keyed>(xs: readonly T[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

describe('the cluster source on the demo applied through the API', () => {
  let demo: Snapshot;
  let live: Snapshot;
  let extras: string[];

  beforeAll(async () => {
    await applyObjects(cluster().admin, await demoObjects());
    demo = await loadDemoSnapshot();
    const source = await startSource(ADMIN_CONTEXT);
    const r = restrictToDemo(source.snapshot() as Snapshot, demo);
    live = r.restricted;
    extras = r.extras;
  }, 180_000);

  it('reads every demo object, and nothing else but the API server bootstrap objects', () => {
    for (const list of LISTS) expect((live[list] as readonly Keyed[]).length, list).toBe((demo[list] as readonly Keyed[]).length);
    // The API server creates the Service default/kubernetes for itself.
    const unexpected = extras.filter((e) => !isApiServerBootstrap({ name: e.split('/').slice(1).join('/') }) && !e.startsWith('roles kube-') && !e.startsWith('roleBindings kube-') && e !== 'services default/kubernetes');
    expect(unexpected).toEqual([]);
  });

  it.each(LISTS)('converts %s to the same model as the manifest source (the API server defaulting changes nothing)', (list) => {
    expect(strip(byKey(live[list] as readonly Keyed[]))).toEqual(strip(byKey(demo[list] as readonly Keyed[])));
  });

  it('gives the same connectivity list', () => {
    const text = (s: Snapshot) => [...connlistTxt(analyzeConnectivity(s, { includeInactive: true }))].join('');
    const expected = text(demo);
    expect(expected.split('\n').length).toBeGreaterThan(20);
    expect(text(live)).toBe(expected);
  });

  it('gives the same who-can answers for every verb on the resources that matter, in every namespace and cluster-wide', () => {
    const resources: ResourceRef[] = [
      { group: '', resource: 'pods' },
      { group: '', resource: 'pods', subresource: 'exec' },
      { group: '', resource: 'secrets' },
      { group: 'apps', resource: 'deployments' },
      { group: 'networking.k8s.io', resource: 'networkpolicies' },
      { group: 'rbac.authorization.k8s.io', resource: 'rolebindings' },
      { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
    ];
    const demoIdx = buildRbacIndex(demo);
    const liveIdx = buildRbacIndex(live);
    let questions = 0;
    for (const ns of [undefined, ...demo.namespaces.map((n) => n.name)]) {
      for (const verb of ALL_VERBS) {
        for (const r of resources) {
          const answer = (idx: typeof demoIdx) => whoCan(idx, verb, r, ns).map((a) => a.key);
          expect(answer(liveIdx), `${verb} ${r.resource} in ${ns ?? '(cluster)'}`).toEqual(answer(demoIdx));
          questions++;
        }
      }
    }
    expect(questions).toBe(9 * ALL_VERBS.length * resources.length);
  });
});

describe('live changes', () => {
  it('a changed NetworkPolicy and a changed RoleBinding each appear in a new snapshot within 2 s', async () => {
    const objects = await demoObjects();
    await applyObjects(cluster().admin, objects);
    const source = await startSource(ADMIN_CONTEXT);
    const v0 = source.snapshot()?.version ?? 0;

    const policy = objects.find((o) => o.kind === 'NetworkPolicy');
    if (!policy?.metadata) throw new Error('demo has no NetworkPolicy');
    const changed = structuredClone(policy) as typeof policy & { spec: { ingress?: unknown[]; policyTypes?: string[] } };
    changed.spec.ingress = [...(changed.spec.ingress ?? []), { from: [{ ipBlock: { cidr: '192.0.2.0/24' } }], ports: [{ port: 9999, protocol: 'TCP' }] }];
    const t0 = Date.now();
    await cluster().admin.apply(changed);
    const policyMs = await waitForSnapshot(
      source,
      (s) => s.networkPolicies.some((p) => p.name === policy.metadata?.name && JSON.stringify(p).includes('192.0.2.0/24')),
      2000 - (Date.now() - t0),
    );

    const binding = objects.find((o) => o.kind === 'RoleBinding');
    if (!binding?.metadata) throw new Error('demo has no RoleBinding');
    const rb = structuredClone(binding) as typeof binding & { subjects?: unknown[] };
    rb.subjects = [...(rb.subjects ?? []), { kind: 'User', name: 'mallory@example.com', apiGroup: 'rbac.authorization.k8s.io' }];
    const t1 = Date.now();
    await cluster().admin.apply(rb);
    const bindingMs = await waitForSnapshot(source, (s) => s.roleBindings.some((b) => b.name === binding.metadata?.name && b.subjects.some((x) => x.name === 'mallory@example.com')), 2000 - (Date.now() - t1));

    expect(source.snapshot()?.version).toBeGreaterThan(v0);
    expect(policyMs + bindingMs).toBeLessThan(4000);
  });

  it('a changed Service, a new Ingress and a new HTTPRoute (a Gateway API CRD) each appear within 2 s', async () => {
    const objects = await demoObjects();
    await applyObjects(cluster().admin, objects);
    const source = await startSource(ADMIN_CONTEXT);
    const demoService = objects.find((o) => o.kind === 'Service');
    if (!demoService?.metadata) throw new Error('demo has no Service');
    const { name, namespace } = demoService.metadata as { name: string; namespace: string };
    expect(source.snapshot()?.services.some((x) => x.name === name && x.namespace === namespace)).toBe(true);

    const changed = structuredClone(demoService) as typeof demoService & { spec: { ports: { name?: string; port: number }[] } };
    changed.spec.ports = [...changed.spec.ports, { name: 'probe', port: 9911 }];
    const t0 = Date.now();
    await cluster().admin.apply(changed);
    const serviceMs = await waitForSnapshot(source, (s) => s.services.some((x) => x.name === name && x.ports.some((p) => p.port === 9911)), 2000 - (Date.now() - t0));

    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'live-check', namespace },
      spec: { rules: [{ host: 'live.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 9911 } } } }] } }] },
    };
    const t1 = Date.now();
    await cluster().admin.apply(ingress);
    const ingressMs = await waitForSnapshot(source, (s) => s.ingresses.some((i) => i.name === 'live-check' && i.rules[0]?.paths[0]?.backend.kind === 'service'), 2000 - (Date.now() - t1));

    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'live-check', namespace },
      spec: { parentRefs: [{ name: 'public', namespace: 'edge' }], rules: [{ backendRefs: [{ name, port: 9911 }] }] },
    };
    const t2 = Date.now();
    await cluster().admin.apply(route);
    const routeMs = await waitForSnapshot(source, (s) => s.gatewayRoutes.some((r) => r.kind === 'HTTPRoute' && r.name === 'live-check' && r.rules[0]?.backendRefs[0]?.port === 9911), 2000 - (Date.now() - t2));
    expect(serviceMs + ingressMs + routeMs).toBeLessThan(6000);
    expect(source.snapshot()?.unreadable).toEqual([]);
  });
});
