import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `perimeter diff` run as a subprocess on two fixture folders, as a pull-request job runs it.
const repo = path.resolve(__dirname, '..', '..');
const BASE = 'cli/commands/fixtures/check-clean';
const HEAD = 'cli/commands/fixtures/diff-head';
const diff = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'perimeter'), 'diff', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('perimeter diff (subprocess)', { timeout: 30_000 }, () => {
  it('lists added connections and the subject who gains NetworkPolicy rights; exit 0 either way', () => {
    const r = diff(BASE, HEAD);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Connections: 4 added, 0 removed, 0 changed\n');
    expect(r.out).toContain('+ monitoring/prometheus[Deployment] => shop/web[Deployment] : TCP 8080,9090  [new path across namespaces]\n');
    expect(r.out).toContain('+ Group:monitoring-team gained "change NetworkPolicies" in namespace shop: update/patch networkpolicies.networking.k8s.io\n    via RoleBinding/shop/monitoring-team-edit → ClusterRole/shop-editor rule #1');
  });
  it('the reverse diff removes the same connections and the right is lost', () => {
    const r = diff(HEAD, BASE, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.summary).toEqual({ added: 0, removed: 4, changed: 0, accessChanges: 1, newExposures: 0 });
    expect(json.access[0]).toMatchObject({ change: 'lost', subject: 'Group:monitoring-team', namespace: 'shop' });
  });
  it('--fail-on-new-exposure exits 1 when a path from outside or across namespaces opens, 0 when none does', () => {
    expect(diff(BASE, HEAD, '--fail-on-new-exposure').code).toBe(1);
    expect(diff(HEAD, BASE, '--fail-on-new-exposure').code).toBe(0);
    expect(diff(BASE, BASE, '--fail-on-new-exposure').code).toBe(0);
  });
  it('Markdown is a pull-request comment: heading, summary, exposure warning and tables', () => {
    const md = diff(BASE, HEAD, '--format', 'md').out;
    expect(md.startsWith('### Perimeter: what this change does\n\n**Connections:** 4 added, 0 removed, 0 changed · **Access:** 1 gained, 0 lost\n')).toBe(true);
    expect(md).toContain('> [!WARNING]\n> 3 new path(s) from outside the cluster or across namespaces.');
    expect(md).toContain('| added | `monitoring/prometheus[Deployment]` | `shop/web[Deployment]` | No Connections | TCP 8080,9090 | new path across namespaces |');
    expect(md).toContain('| gained | `Group:monitoring-team` | change NetworkPolicies | shop | update/patch networkpolicies.networking.k8s.io |');
  });
  it('--findings lists the findings a change introduces and resolves, by stable id', () => {
    const r = diff(BASE, 'cli/commands/fixtures/check-open', '--findings', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.summary).toMatchObject({ introducedFindings: 3, resolvedFindings: 0 });
    expect(json.findings.introduced.map((f: { id: string }) => f.id)).toEqual([
      'PER-NET-OPEN-SENSITIVE-PORT:shop/web-from-everywhere:ingress-0',
      'PER-NET-POLICY-SELECTS-NOTHING:shop/typo',
      'PER-EXP-ENTIRE-CLUSTER:shop/web[Deployment]',
    ]);
    const md = diff('cli/commands/fixtures/check-open', BASE, '--findings', '--format', 'md').out;
    expect(md).toContain('#### Findings');
    expect(md).toContain('| resolved | high | `PER-NET-OPEN-SENSITIVE-PORT` |');
  });
  it('exits 2 without two paths or with a missing one', () => {
    expect(diff(BASE).code).toBe(2);
    expect(diff(BASE, 'no/such/dir').code).toBe(2);
  });
});
