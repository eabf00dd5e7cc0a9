import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../command';
import { memoryIO } from '../io';
import { main } from '../main';
import { loadCommand } from './load';

const repo = path.resolve(__dirname, '..', '..');
const demo = path.join(repo, 'demo');
const tmp = mkdtempSync(path.join(tmpdir(), 'perimeter-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = async (...argv: string[]) => {
  const io = memoryIO();
  const code = await main(argv, io, [loadCommand]);
  return { code, out: io.stdout(), err: io.stderr() };
};

describe('perimeter load', () => {
  it('prints counts per kind and every warning for the demo folder, exit 0', async () => {
    const r = await run('load', demo);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe('');
    expect(r.out).toContain('namespaces            8\n');
    expect(r.out).toContain('pods                  36 (35 live, 1 from templates)\n');
    expect(r.out).toContain('network policies      27\n');
    expect(r.out).toContain('admin policies        2 (+ 1 baseline)\n');
    expect(r.out).toContain('cluster role bindings 16\n');
    expect(r.out).toContain(`info    ${demo}  skipped 1 file without a .yaml, .yml or .json extension\n`);
    expect(r.out).toContain('services              13\n');
  });

  it('prints each warning with severity, file:line and message; an input error makes the exit code 2 after the report', async () => {
    const f = path.join(tmp, 'bad.yaml');
    writeFileSync(f, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: [\n---\napiVersion: v1\nkind: Pod\nmetadata: {}\n');
    const r = await run('load', f);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toContain('2 warnings:\n');
    expect(r.out).toMatch(new RegExp(`error   ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5  YAML does not parse \\(.+\\); document skipped\\n`));
    expect(r.out).toContain(`error   ${f}:7  Pod has no metadata.name; skipped\n`);
  });

  it('writes {source, counts, warnings} as JSON', async () => {
    const r = await run('load', demo, '--format', 'json');
    expect(r.code).toBe(EXIT.ok);
    const j = JSON.parse(r.out) as { source: unknown; counts: unknown; warnings: { code: string }[] };
    expect(Object.keys(j)).toEqual(['source', 'counts', 'warnings']);
    expect(j.source).toEqual({ kind: 'files', paths: [demo] });
    // The same counts /api/snapshot and the Overview give (lib/model countSnapshot).
    expect(j.counts).toEqual({
      namespaces: { total: 8, declared: 8, implied: 0 },
      pods: { total: 36, live: 35, template: 1, notRunning: 1 },
      workloads: 20,
      networkPolicies: 27,
      adminNetworkPolicies: 2,
      baselineAdminNetworkPolicies: 1,
      rbac: { total: 66, serviceAccounts: 19, roles: 3, clusterRoles: 23, roleBindings: 5, clusterRoleBindings: 16 },
      warnings: { error: 0, warning: 0, info: 1 },
      services: { services: 13, ingresses: 2, routes: 0, gateways: 1, gatewayRoutes: 1 },
    });
    expect(j.warnings.map((w) => w.code)).toEqual(['skipped-files']);
  });

  it('exits 2 with a one-line reason when no PATH is given', async () => {
    const r = await run('load');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe('perimeter load: needs at least one PATH (a manifest file or folder) (see perimeter load --help)\n');
  });

  it('exits 2 with a one-line reason when a PATH does not exist', async () => {
    const missing = path.join(tmp, 'nope');
    const r = await run('load', demo, missing);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe('');
    expect(r.err).toBe(`perimeter load: ${missing}: no such file or directory (see perimeter load --help)\n`);
  });

  it('rejects an unknown --format', async () => {
    const r = await run('load', demo, '--format', 'xml');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('--format must be one of txt|json, got "xml"');
  });

  it('runs as a subprocess through ./bin/perimeter', async () => {
    const { stdout } = await promisify(execFile)(path.join(repo, 'bin', 'perimeter'), ['load', 'demo/networkpolicies.yaml', '--format', 'json'], { cwd: repo });
    const j = JSON.parse(stdout) as { counts: { networkPolicies: number; namespaces: { total: number } }; warnings: unknown[] };
    expect(j.counts.networkPolicies).toBe(27);
    expect(j.counts.namespaces.total).toBe(6); // implied by the policies alone: kube-system and ci have none
    expect(j.warnings).toEqual([]);
    const missing = await promisify(execFile)(path.join(repo, 'bin', 'perimeter'), ['load', 'no/such/path'], { cwd: repo }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('perimeter load: no/such/path: no such file or directory (see perimeter load --help)\n');
  }, 30_000);
});
