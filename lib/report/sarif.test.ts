import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analyses/analyses';
import type { Snapshot } from '../model';
import { loadManifestFiles } from '../sources';
import path from 'node:path';
import { runChecks, type CheckResult } from './checkReport';
import { artifactUri, checkSarif } from './sarif';
import { SARIF_SCHEMA } from './schema/sarifSchema';
import { validateJsonSchema } from './schema/validateJsonSchema';

type Result = { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[] };

describe('SARIF of the demo cluster check', () => {
  let snapshot: Snapshot;
  let result: CheckResult;
  beforeAll(async () => {
    snapshot = await loadManifestFiles([path.relative(process.cwd(), path.resolve(__dirname, '..', '..', 'demo'))]);
    result = runChecks(analyze(snapshot), 'high');
  });
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validateJsonSchema(SARIF_SCHEMA, checkSarif(result, { name: 'Perimeter', version: '0.1.0' }))).toEqual([]);
  });
  it('every result points at a manifest file and line, RBAC findings at the binding that grants the right', () => {
    const log = checkSarif(result, { name: 'Perimeter', version: '0.1.0' }) as { runs: { results: Result[] }[] };
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
    const log = checkSarif(result, { name: 'Perimeter', version: '0.1.0' }) as { runs: { results: Result[] }[] };
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
