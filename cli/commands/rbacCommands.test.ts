import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../command';
import { memoryIO } from '../io';
import { main } from '../main';
import { analyze } from '../../lib/analyses';
import { loadDemoSnapshot } from '../../lib/sources';

const DEMO = path.resolve(__dirname, '..', '..', 'demo');
const run = async (...argv: string[]) => {
  const io = memoryIO();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
};

describe('perimeter who-can', () => {
  it('warns on a verb that is neither a Kubernetes verb nor named by a role of the input, and answers anyway (issue 14 item 10)', async () => {
    const frob = await run('who-can', 'frob', 'networkpolicies', '-n', 'payments', DEMO);
    expect(frob.code).toBe(EXIT.ok);
    expect(frob.err).toContain('warning: "frob" is not a Kubernetes verb');
    expect(frob.out).toContain('Group:system:masters');
    expect((await run('who-can', 'lsit', 'pods', DEMO)).err).toContain('Did you mean "list"?');
    for (const known of ['escalate', 'list']) expect((await run('who-can', known, 'roles', DEMO)).err).not.toContain('is not a Kubernetes verb');
    const custom = path.join(mkdtempSync(path.join(tmpdir(), 'perimeter-verbs-')), 'custom.yaml');
    writeFileSync(custom, 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: frobber}\nrules:\n- {apiGroups: [example.com], resources: [widgets], verbs: [frob]}\n');
    expect((await run('who-can', 'frob', 'widgets.example.com', custom)).err).not.toContain('is not a Kubernetes verb');
  });
  it('lists subjects with their binding → role → rule paths', async () => {
    const r = await run('who-can', 'patch', 'networkpolicies', '-n', 'shop-backend', DEMO);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Who can patch networkpolicies.networking.k8s.io in namespace shop-backend: 6 subject(s)');
    expect(r.out).toContain('  User:alice@acme.example\n      RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer rule #2 (bound to User:alice@acme.example)\n');
  });
  it('prints JSON subjects as {kind, name, namespace?} with paths beside them', async () => {
    const r = await run('who-can', 'create', 'pods/exec', '-n', 'shop-backend', DEMO, '--format', 'json');
    const json = JSON.parse(r.out);
    expect(json.resource).toEqual({ group: '', resource: 'pods', subresource: 'exec' });
    const runner = json.subjects.find((s: { subject: { name: string } }) => s.subject.name === 'gitlab-runner');
    expect(runner.subject).toEqual({ kind: 'ServiceAccount', name: 'gitlab-runner', namespace: 'ci' });
    expect(runner.paths[0]).toMatchObject({ kind: 'rbac', binding: { kind: 'RoleBinding', name: 'gitlab-runner-edit' }, role: { kind: 'ClusterRole', name: 'edit' } });
  });
  it('warns and uses the core group for an unknown unqualified resource', async () => {
    const r = await run('who-can', 'get', 'widgets', DEMO);
    expect(r.err).toContain('resource type "widgets" is not a built-in resource');
  });
  it('lists indirect editors of one NetworkPolicy with --indirect', async () => {
    const r = await run('who-can', 'delete', 'netpol', '-n', 'payments', '--name', 'default-deny-all', '--indirect', DEMO);
    expect(r.out).toContain('Indirect editors (one step away):\n  User:dave@acme.example\n      can impersonate Group:security-team, who can edit it\n');
  });
  it('--indirect without --name counts the namespace\'s editors exactly as the Policies page counts each of its policies', async () => {
    const analyses = analyze(await loadDemoSnapshot());
    for (const ns of ['shop-backend', 'payments']) {
      const r = await run('who-can', 'update', 'networkpolicies', '-n', ns, '--indirect', DEMO);
      expect(r.code).toBe(EXIT.ok);
      // Every policy of the namespace has the same editors on the demo (no resourceNames rule tells them apart).
      const counts = new Set([...analyses.policyEditors.values()].filter((e) => e.policy.namespace === ns).map((e) => `${e.direct.length} direct editors, ${e.indirect.length} indirect editor${e.indirect.length === 1 ? '' : 's'}`));
      expect(counts.size).toBe(1);
      expect(r.out.split('\n')[0]).toBe(`Who can change networkpolicies.networking.k8s.io in namespace ${ns}: ${[...counts][0]}`);
    }
    const json = JSON.parse((await run('who-can', 'update', 'netpol', '-n', 'shop-backend', '--indirect', DEMO, '--format', 'json')).out);
    expect(json.counts).toEqual({ direct: 6, indirect: 2 });
    expect(json.indirect.map((e: { subject: { name: string } }) => e.subject.name)).toEqual(['dave@acme.example', 'system:kube-controller-manager']);
  });
  it('reads group membership from --config', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perimeter-config-'));
    const file = path.join(dir, 'perimeter.config.yaml');
    writeFileSync(file, 'groups:\n  shop-devs: [erin]\n');
    const r = await run('who-can', 'patch', 'netpol', '-n', 'shop-backend', DEMO, '--config', file);
    expect(r.out).toContain('  User:erin\n      RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer rule #2 (bound to Group:shop-devs)\n');
  });
  it('a missing --config file is a usage error', async () => {
    expect((await run('who-can', 'get', 'pods', DEMO, '--config', '/nonexistent/perimeter.config.yaml')).code).toBe(EXIT.usage);
  });
});

describe('perimeter can', () => {
  it('exits 0 and prints the paths when allowed', async () => {
    const r = await run('can', 'User:alice@acme.example', 'create', 'deployments.apps', '-n', 'shop-backend', DEMO);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe('yes: User:alice@acme.example can create deployments.apps in namespace shop-backend\n  RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer rule #1 (bound to User:alice@acme.example)\n');
  });
  it('exits 1 when denied (a RoleBinding does not reach another namespace)', async () => {
    const r = await run('can', 'User:alice@acme.example', 'create', 'deployments.apps', '-n', 'payments', DEMO);
    expect(r.code).toBe(EXIT.failed);
    expect(r.out).toBe('no: User:alice@acme.example cannot create deployments.apps in namespace payments\n');
  });
  it('answers non-resource URLs', async () => {
    expect((await run('can', 'ServiceAccount:monitoring/prometheus', 'get', '/metrics', DEMO)).code).toBe(EXIT.ok);
    expect((await run('can', 'ServiceAccount:shop-backend/cart', 'get', '/metrics', DEMO)).code).toBe(EXIT.failed);
  });
  it('rejects a malformed subject with exit 2', async () => {
    expect((await run('can', 'alice', 'get', 'pods', DEMO)).code).toBe(EXIT.usage);
  });
});

describe('perimeter access-matrix', () => {
  it('prints one letter per allowed verb', async () => {
    const r = await run('access-matrix', '-n', 'payments', '--resources', 'netpol,deploy', DEMO);
    expect(r.out).toContain('Group:payments-devs                  ........        glwcup..\n');
    expect(r.out).toContain('Group:security-team                  glwcupd.        ........\n');
  });
  it('prints CSV with one column per resource:verb', async () => {
    const r = await run('access-matrix', '-n', 'payments', '--resources', 'netpol', '--verbs', 'get,patch', DEMO, '--format', 'csv');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('kind,name,namespace,networkpolicies.networking.k8s.io:get,networkpolicies.networking.k8s.io:patch');
    expect(lines).toContain('Group,security-team,,1,1');
  });
});
