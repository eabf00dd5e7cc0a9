import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../sources/loadDemoSnapshot';
import { snapshotFromTexts } from '../sources/snapshotFromTexts';
import { adminPolicyManifest, manifestYaml, networkPolicyManifest } from './policyManifests';

// What lib/sources reads back from a written manifest is the object it was written from (origin and the
// policyTypes-declared flag aside: written manifests always declare policyTypes).
const strip = <T extends object>(o: T) => JSON.parse(JSON.stringify(o, (k, v: unknown) => (k === 'origin' || k === 'policyTypesDeclared' || k === 'uid' ? undefined : v))) as unknown;

describe('policy manifests round-trip through lib/sources', () => {
  it('every NetworkPolicy, AdminNetworkPolicy and the BaselineAdminNetworkPolicy of the demo', async () => {
    const demo = await loadDemoSnapshot();
    const texts = [
      ...demo.networkPolicies.map((p) => manifestYaml(networkPolicyManifest(p))),
      ...demo.adminNetworkPolicies.map((p) => manifestYaml(adminPolicyManifest(p, 'AdminNetworkPolicy'))),
      ...demo.baselineAdminNetworkPolicies.map((p) => manifestYaml(adminPolicyManifest(p, 'BaselineAdminNetworkPolicy'))),
    ];
    const back = snapshotFromTexts([{ name: 'written.yaml', text: texts.join('---\n') }], { kind: 'upload', fileNames: ['written.yaml'] });
    expect(back.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    expect(strip(back.networkPolicies)).toEqual(strip(demo.networkPolicies));
    expect(strip(back.adminNetworkPolicies)).toEqual(strip(demo.adminNetworkPolicies));
    expect(strip(back.baselineAdminNetworkPolicies)).toEqual(strip(demo.baselineAdminNetworkPolicies));
  });
});
