import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifestFiles } from '../../lib/sources';
import { snapshotContentHash } from '../../lib/report/snapshotHash';

// `perimeter report` run as a subprocess on the demo manifests and a fixture folder.
const repo = path.resolve(__dirname, '..', '..');
const report = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'perimeter'), 'report', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('perimeter report (subprocess)', { timeout: 30_000 }, () => {
  it('writes a self-contained HTML report: no scripts or external assets, print styles, every section', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'perimeter-report-')), 'report.html');
    const r = report('demo', '-o', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^wrote .*report\.html \(\d+ bytes\)\n$/);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Nothing is fetched: no scripts, no sources, links only to anchors in the page (and the empty data: icon).
    expect(html).not.toMatch(/<script|src=|url\(|@import|href="(?!#|data:)/i);
    expect(html).toContain('@media print');
    // The Where column wraps paths at their slashes, never inside a word (overflow-wrap:anywhere broke "rbac-teams.ya|ml").
    expect(html).toContain('<td class="mono where">demo/<wbr>rbac-teams.yaml:22</td>');
    expect(html).toContain('td.where{overflow-wrap:normal;word-break:normal}');
    for (const id of ['controls', 'isolation', 'policies', 'sod', 'matrix', 'findings', 'rules']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('<b>payments/default-deny-all</b>');
    expect(html).toContain('<code>Group:security-team</code>');
    expect(html).toContain('<b>7.2</b> Access to system components and data is appropriately defined and assigned');
    expect(html).toContain('<b>A.8.22</b> Segregation of networks');
  });
  it('JSON carries the source, time and a content hash equal to the snapshot hash, and the control results', async () => {
    const r = report('demo', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.snapshot.source).toEqual({ kind: 'demo' });
    expect(json.snapshot.contentHash).toBe(snapshotContentHash(await loadManifestFiles([path.join(repo, 'demo')])));
    expect(json.isolation).toMatchObject({ pods: 36, ingressIsolated: 28, egressIsolated: 19 });
    const sod = json.controls.find((c: { id: string }) => c.id === 'A.5.3');
    expect(sod.status).toBe('open findings');
    expect(sod.open.high).toBeGreaterThan(0);
    const matrix = json.accessMatrix.find((m: { namespace?: string }) => m.namespace === 'shop-backend');
    const alice = matrix.rows.find((row: { subject: string }) => row.subject === 'User:alice@acme.example');
    expect(alice.allowed).toEqual([true, true, true, true, true, true, true, false]);
    expect(json.policies).toHaveLength(27);
    // The platform tier (demo/admin-network-policies.yaml) and who can change it, at cluster scope.
    expect(json.adminPolicies.map((p: { kind: string; name: string; priority?: number }) => `${p.kind}/${p.name}/${p.priority ?? '-'}`)).toEqual(['AdminNetworkPolicy/cluster-guardrails/10', 'AdminNetworkPolicy/pci-isolation/20', 'BaselineAdminNetworkPolicy/default/-']);
    expect(json.adminEditors.rows.map((r: { subject: string }) => r.subject)).toEqual(['Group:system:masters', 'User:bob@acme.example']);
  });
  it('Markdown has the same sections', () => {
    const r = report('cli/commands/fixtures/check-clean', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Control mapping');
    // One representative pod stands for the Deployment's pods-to-be.
    expect(r.out).toContain('| shop | 1 | 1 | 1 | yes | yes |');
    expect(r.out).toContain('## Separation of duties');
  });
  it('exits 2 without input', () => {
    expect(report().code).toBe(2);
    expect(report('demo', '--format', 'pdf').code).toBe(2);
  });
});
