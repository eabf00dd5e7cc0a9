// Differential test: for thousands of random questions, lib/rbac's `can` over the snapshot Perimeter reads from the
// cluster equals the real authorizer's SubjectAccessReview answer.
import { describe, expect, it } from 'vitest';
import type { Snapshot, Subject } from '../../lib/model';
import { BUILTIN_RESOURCES, buildRbacIndex, can, canNonResource } from '../../lib/rbac';
import { seededRandom } from '../../lib/synthetic/generateCluster';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import { clusterManifests } from '../../lib/synthetic/clusterManifests';
import { applyObjects, demoObjects } from '../../scripts/local-cluster/applyObjects';
import { ADMIN_CONTEXT } from '../../scripts/local-cluster/localCluster';
import { aggregateClusterRoles } from '../../scripts/local-cluster/aggregateClusterRoles';
import { startSource, localClusterPerFile } from './fixture';

const cluster = localClusterPerFile();

type Question =
  | { kind: 'resource'; subject: Subject; verb: string; group: string; resource: string; subresource?: string; namespace?: string; name?: string }
  | { kind: 'nonResource'; subject: Subject; verb: string; path: string };

/**
 * The user.Info the API server builds for a subject, written out from upstream (serviceaccount.MakeUsername /
 * MakeGroupNames, and the authenticated/unauthenticated groups every authenticator adds); a Group question asks
 * what membership alone gives.
 */
function userInfo(s: Subject): { user?: string; groups: string[] } {
  switch (s.kind) {
    case 'ServiceAccount':
      return { user: `system:serviceaccount:${s.namespace}:${s.name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${s.namespace}`, 'system:authenticated'] };
    case 'User':
      return { user: s.name, groups: [s.name === 'system:anonymous' ? 'system:unauthenticated' : 'system:authenticated'] };
    case 'Group':
      return { groups: s.name === 'system:authenticated' || s.name === 'system:unauthenticated' ? [s.name] : [s.name, 'system:authenticated'] };
  }
}

/** Random questions biased towards what the snapshot's RBAC mentions, so most of them exercise a rule. */
function questions(snapshot: Snapshot, count: number, seed: number): Question[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const bindings = [...snapshot.roleBindings, ...snapshot.clusterRoleBindings];
  const boundSubjects = bindings.flatMap((b) => b.subjects);
  const extra: Subject[] = [
    ...snapshot.serviceAccounts.map((sa): Subject => ({ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace })),
    { kind: 'User', name: 'nobody@example.com' },
    { kind: 'User', name: 'system:anonymous' },
    { kind: 'User', name: 'system:kube-scheduler' },
    { kind: 'Group', name: 'system:authenticated' },
    { kind: 'Group', name: 'system:unauthenticated' },
    { kind: 'Group', name: 'system:serviceaccounts' },
    { kind: 'Group', name: 'system:masters' },
    { kind: 'ServiceAccount', name: 'default', namespace: 'nowhere' },
  ];
  const subjects = [...boundSubjects, ...extra].filter((s) => s.kind !== 'ServiceAccount' || (s.namespace ?? '') !== '');
  const rules = [...snapshot.roles, ...snapshot.clusterRoles].flatMap((r) => r.rules);
  const ruleResources = rules.flatMap((r) => r.resources.flatMap((res) => r.apiGroups.map((g) => ({ group: g, resource: res })))).filter((r) => r.group !== '*' && r.resource !== '*');
  const resources = [...BUILTIN_RESOURCES.map((r) => ({ group: r.group, resource: r.resource })), ...ruleResources, { group: 'example.com', resource: 'widgets' }];
  const names = [...rules.flatMap((r) => r.resourceNames), 'x', 'kube-dns'];
  const namespaces = [...snapshot.namespaces.map((n) => n.name), 'nowhere'];
  const paths = [...rules.flatMap((r) => r.nonResourceURLs).map((p) => p.replace(/\*$/, 'sub/path')), '/metrics', '/healthz', '/healthz/etcd', '/livez', '/readyz', '/version', '/api', '/apis', '/openapi/v2', '/logs/x', '/nope'];
  const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'bind', 'escalate', 'impersonate', 'use', 'proxy'];
  const out: Question[] = [];
  while (out.length < count) {
    const subject = pick(subjects);
    if (rnd() < 0.12) {
      out.push({ kind: 'nonResource', subject, verb: pick(['get', 'post', 'put', 'delete', 'head']), path: pick(paths) });
      continue;
    }
    const picked = pick(resources);
    const group = picked.group;
    let resource = picked.resource;
    let subresource: string | undefined;
    if (resource.includes('/')) [resource, subresource] = resource.split('/');
    else if (rnd() < 0.15) subresource = pick(['status', 'exec', 'log', 'scale', 'proxy', 'portforward']);
    const namespace = rnd() < 0.3 ? undefined : pick(namespaces);
    const name = rnd() < 0.5 ? undefined : pick(names);
    out.push({ kind: 'resource', subject, verb: pick(verbs), group, resource, subresource, namespace, name });
  }
  return out;
}

async function review(q: Question): Promise<boolean> {
  const who = userInfo(q.subject);
  const spec =
    q.kind === 'resource'
      ? { ...who, resourceAttributes: { verb: q.verb, group: q.group, resource: q.resource, subresource: q.subresource, namespace: q.namespace, name: q.name } }
      : { ...who, nonResourceAttributes: { verb: q.verb, path: q.path } };
  const r = await cluster().admin.post<{ status: { allowed: boolean } }>('/apis/authorization.k8s.io/v1/subjectaccessreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec });
  return r.status.allowed;
}

/** Asks every question of both; returns the disagreements and how many were allowed. */
async function compare(snapshot: Snapshot, qs: readonly Question[]): Promise<{ mismatches: string[]; allowed: number }> {
  const index = buildRbacIndex(snapshot);
  const mismatches: string[] = [];
  let allowed = 0;
  for (let i = 0; i < qs.length; i += 16) {
    const batch = qs.slice(i, i + 16);
    const real = await Promise.all(batch.map(review));
    batch.forEach((q, j) => {
      const engine =
        q.kind === 'resource'
          ? can(index, q.subject, q.verb, { group: q.group, resource: q.resource, subresource: q.subresource }, q.namespace, q.name).allowed
          : canNonResource(index, q.subject, q.verb, q.path).allowed;
      if (real[j]) allowed++;
      if (engine !== real[j]) mismatches.push(`${JSON.stringify(q)}: engine ${engine}, API server ${real[j]}`);
    });
  }
  return { mismatches, allowed };
}

describe('lib/rbac can() agrees with the API server SubjectAccessReview', () => {
  it('on the demo cluster: 1,200 random questions, 100 %', async () => {
    await applyObjects(cluster().admin, await demoObjects());
    await aggregateClusterRoles(cluster().admin);
    const source = await startSource(ADMIN_CONTEXT);
    const qs = questions(source.snapshot() as Snapshot, 1200, 11);
    const { mismatches, allowed } = await compare(source.snapshot() as Snapshot, qs);
    expect(mismatches.slice(0, 20)).toEqual([]);
    // Both answers occur often enough to mean something.
    expect(allowed).toBeGreaterThan(100);
    expect(qs.length - allowed).toBeGreaterThan(100);
    source.stop();
  });

  it('on a generated cluster (RBAC of a 300-pod synthetic cluster) plus the demo: 1,200 random questions, 100 %', async () => {
    const manifests = clusterManifests(generateCluster({ pods: 300, seed: 5 }));
    await applyObjects(cluster().admin, [...manifests['namespaces.json'], ...manifests['rbac.json']] as never[]);
    await aggregateClusterRoles(cluster().admin);
    const source = await startSource(ADMIN_CONTEXT);
    const qs = questions(source.snapshot() as Snapshot, 1200, 12);
    const { mismatches, allowed } = await compare(source.snapshot() as Snapshot, qs);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(allowed).toBeGreaterThan(100);
    source.stop();
  });
});
