import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analyses/analyses';
import type { Snapshot } from '../model';
import { loadManifestFiles } from '../sources';
import path from 'node:path';
import { runChecks, type CheckResult } from './checkReport';
import { artifactUri, checkSarif, pascalName } from './sarif';
import { unacceptedSarifProblems, validateSarif } from '../../test/sarifMultitool';

type Result = { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[] };

describe('SARIF of the demo cluster check', { timeout: 60_000 }, () => {
  let snapshot: Snapshot;
  let result: CheckResult;
  beforeAll(async () => {
    snapshot = await loadManifestFiles([path.relative(process.cwd(), path.resolve(__dirname, '..', '..', 'demo'))]);
    result = runChecks(analyze(snapshot), 'high');
  });
  it('passes the SARIF Multitool: the 2.1.0 schema, the SARIF rules and those of GitHub code scanning, notes included', () => {
    expect(unacceptedSarifProblems(checkSarif(result, { name: 'Perimeter', version: '0.1.0' }))).toEqual([]);
  });
  it('the Multitool fails broken logs: schema errors, broken rules, and a log it cannot read at all', () => {
    const log = checkSarif(result, { name: 'Perimeter', version: '0.1.0' });
    const withResults = (results: unknown[]) => ({ ...log, runs: [{ ...log.runs[0], results }] });
    const [r0, r1, r2] = log.runs[0].results!;
    const errors = (l: unknown) => [...new Set(validateSarif(l).filter((p) => p.level === 'error').map((p) => p.ruleId))].sort();
    expect(errors(withResults([{ ...r0, message: undefined }]))).toEqual(['JSON1002']);
    expect(errors(withResults([{ ...r1, ruleIndex: 99 }, { ...r2, locations: [] }]))).toEqual(expect.arrayContaining(['GH1015', 'SARIF1009']));
    expect(() => validateSarif(withResults([{ ...r0, level: 'fatal' }]))).toThrow(/analysed nothing/);
  });
  it('rule names are Pascal-case identifiers without two capitals in a row (SARIF2012)', () => {
    expect(pascalName('DNS blocked for an isolated workload')).toBe('DnsBlockedForIsolatedWorkload');
    expect(pascalName('ipBlock overlapping pod addresses')).toBe('IpBlockOverlappingPodAddresses');
    expect(pascalName('Edits NetworkPolicies and RBAC')).toBe('EditsNetworkPoliciesAndRbac');
  });
  it('every result points at a manifest file and line, RBAC findings at the binding that grants the right', () => {
    const log = checkSarif(result, { name: 'Perimeter', version: '0.1.0' }) as unknown as { runs: { results: Result[] }[] };
    const results = log.runs[0].results;
    expect(results).toHaveLength(result.findings.length);
    for (const r of results) {
      expect(r.locations[0]?.physicalLocation?.artifactLocation.uri, r.ruleId).toMatch(/^demo\/[a-z-]+\.yaml$/);
      expect(r.locations[0].physicalLocation!.region.startLine).toBeGreaterThan(0);
    }
    const alice = results.find((r) => r.partialFingerprints['perimeterFindingId/v1'].startsWith('PER-RBAC-SOD-WORKLOAD-NETPOL:User:alice@acme.example'))!;
    const binding = snapshot.roleBindings.find((b) => b.name === 'shop-developers')!;
    expect(alice.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'demo/rbac-teams.yaml' }, region: { startLine: binding.origin!.line } });
  });
  it('fingerprints are the stable finding ids, unique per result', () => {
    const log = checkSarif(result, { name: 'Perimeter', version: '0.1.0' }) as unknown as { runs: { results: Result[] }[] };
    const ids = log.runs[0].results.map((r) => r.partialFingerprints['perimeterFindingId/v1']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('artifactUri', () => {
  it('writes repository-relative URI references: no ./, forward slashes, percent-encoded; absolute paths as file URIs', () => {
    expect(artifactUri('./k8s/app.yaml')).toBe('k8s/app.yaml');
    expect(artifactUri('k8s\\win dir\\a#b.yaml')).toBe('k8s/win%20dir/a%23b.yaml');
    expect(artifactUri('/abs/x y.yaml')).toBe('file:///abs/x%20y.yaml');
  });
});
