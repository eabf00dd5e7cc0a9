import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifestFiles } from './loadManifestFiles';

const shared = path.resolve(__dirname, '..', '..', '..', 'shared');
const netpolCases = path.join(shared, 'fixtures', 'netpol-analyzer');
const cases = readdirSync(netpolCases, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(netpolCases, d.name, 'input')))
  .map((d) => d.name)
  .sort();

/** Workload names (`ns/name[Kind]`) that a connlist golden file mentions; external ranges are not workloads. */
function goldenWorkloads(file: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\S+) => (\S+) : /.exec(line);
    if (!m) continue;
    for (const end of [m[1], m[2]]) if (!end.endsWith('[External]')) out.add(end);
  }
  return out;
}

describe('loading the shared conformance fixtures', () => {
  it('finds the netpol-analyzer cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s loads without errors and knows every workload its golden connlist names', async (name) => {
    const dir = path.join(netpolCases, name);
    const s = await loadManifestFiles([path.join(dir, 'input')]);
    // The one expected complaint is a non-object file (an earlier connlist output) skipped as the peer does; and two
    // fixtures name a NetworkPolicy use_common_labels_same_values, which the API server would reject (`_`).
    const unexpected = s.warnings.filter((w) => w.severity === 'error' || (w.severity === 'warning' && !['not-a-kubernetes-object', 'invalid-container-port'].includes(w.code) && !(w.code === 'invalid-name' && w.message.includes('"use_common_labels_same_values"'))));
    expect(unexpected).toEqual([]);
    const loaded = new Set(s.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`));
    const missing = [...goldenWorkloads(path.join(dir, 'expected_connlist.txt'))].filter((w) => !loaded.has(w));
    expect(missing).toEqual([]);
  });

  it('skips the connlist JSON output of onlineboutique with a warning naming it', async () => {
    const s = await loadManifestFiles([path.join(netpolCases, 'onlineboutique', 'input')]);
    expect(s.warnings.filter((w) => w.code === 'not-a-kubernetes-object').map((w) => path.basename(w.origin?.file ?? ''))).toEqual(['connlist_output.json']);
  });

  it('loads the bootstrap RBAC policy with admin/edit/view as rules: null plus aggregationRule', async () => {
    const s = await loadManifestFiles([path.join(shared, 'fixtures', 'k8s-bootstrap-rbac')]);
    expect(s.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    expect(s.clusterRoles).toHaveLength(31 + 38);
    expect(s.clusterRoleBindings).toHaveLength(10 + 38);
    expect(s.roles).toHaveLength(7);
    expect(s.roleBindings).toHaveLength(7);
    for (const n of ['admin', 'edit', 'view']) {
      const r = s.clusterRoles.find((c) => c.name === n);
      expect(r?.rules).toEqual([]);
      expect(r?.aggregationRule?.clusterRoleSelectors.length).toBe(1);
    }
  });
});
