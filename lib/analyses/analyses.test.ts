import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { applyRuleConfig } from '../findings/configRules';
import { networkFindings } from '../findings/networkFindings';
import { exposureFindings } from '../findings/exposureFindings';
import { analyzeEntryPoints } from '../exposure/analyzeEntryPoints';
import { analyzeExposure } from '../netpol/exposure';
import { rbacFindings } from '../findings/rbacFindings';
import type { Snapshot } from '../model';
import { analyzeConnectivity } from '../netpol/connectivity';
import { buildRbacIndex } from '../rbac/buildRbacIndex';
import { loadDemoSnapshot } from '../sources';
import { analyze } from './analyses';

let demo: Snapshot;
beforeAll(async () => {
  demo = await loadDemoSnapshot();
});

const CONFIG = parseConfig(
  `groups:\n  shop-devs: [erin@acme.example]\nrules:\n  PER-NET-NO-DEFAULT-DENY-EGRESS: {enabled: false}\n`,
  'perimeter.config.yaml',
).config;

describe('analyze: one Analyses per snapshot and config', () => {
  it('computes each analysis once and hands out the same object on every read', () => {
    const a = analyze(demo);
    expect(a.connectivity).toBe(a.connectivity);
    expect(a.compiled).toBe(a.connectivity.compiled);
    expect(a.network()).toBe(a.network({ hostNetwork: 'as-pod', includeInactive: true }));
    expect(a.network().exposure).toBe(a.network().exposure);
    expect(a.network().exposure.endpoints.length).toBeGreaterThan(0);
    expect(a.rbac).toBe(a.rbac);
    expect(a.findings).toBe(a.findings);
  });

  it('keeps one network analysis per reading', () => {
    const a = analyze(demo);
    const host = a.network({ hostNetwork: 'host' });
    expect(host).not.toBe(a.network());
    expect(host.reading).toEqual({ hostNetwork: 'host', includeInactive: true });
    expect(a.network({ includeInactive: false }).connectivity.compiled.pods.length).toBeLessThan(a.connectivity.compiled.pods.length);
  });

  it('findings are every network, exposure and RBAC rule after the config, as composed by hand', () => {
    const a = analyze(demo, CONFIG);
    const conn = analyzeConnectivity(demo);
    const entries = analyzeEntryPoints(demo, conn);
    const byHand = applyRuleConfig([...networkFindings(conn), ...exposureFindings(demo, conn, entries, analyzeExposure(conn)), ...rbacFindings(buildRbacIndex(demo, CONFIG), demo.networkPolicies)], CONFIG.rules);
    expect(a.findings).toEqual(byHand);
    expect(a.findings.some((f) => f.ruleId === 'PER-NET-NO-DEFAULT-DENY-EGRESS')).toBe(false);
    expect(a.rawFindings.some((f) => f.ruleId === 'PER-NET-NO-DEFAULT-DENY-EGRESS')).toBe(true);
    expect(a.rbac.userGroups.get('erin@acme.example')).toEqual(['shop-devs']);
  });

  it('entry points are computed once, on the default reading, with the config\'s exposure section', () => {
    const a = analyze(demo);
    expect(a.entryPoints).toBe(a.entryPoints);
    expect(a.entryPoints.entries).toEqual(analyzeEntryPoints(demo, analyzeConnectivity(demo)).entries);
    // A namespace the config calls sensitive ranks first in a blast radius (lib/exposure/blastRadius).
    const sensitive = analyze(demo, parseConfig('exposure:\n  sensitiveNamespaces: [monitoring]\n', 'perimeter.config.yaml').config, a);
    const from = 'kube-system/kube-proxy[DaemonSet]';
    expect(a.entryPoints.blastRadius(from)?.reached.find((r) => r.namespace === 'monitoring')?.sensitiveNamespace).toBe(false);
    expect(sensitive.entryPoints.blastRadius(from)?.reached.find((r) => r.namespace === 'monitoring')?.sensitiveNamespace).toBe(true);
  });

  it('analyses under another config share the network analyses and nothing else', () => {
    const plain = analyze(demo);
    const configured = analyze(demo, CONFIG, plain);
    expect(configured.connectivity).toBe(plain.connectivity);
    expect(configured.rbac).not.toBe(plain.rbac);
    expect(() => analyze({ ...demo }, CONFIG, plain)).toThrow(/same snapshot/);
  });

  it('indexes policy editors by namespace/name and admin policy editors by kind/name', () => {
    const a = analyze(demo);
    expect(a.policyEditors.size).toBe(demo.networkPolicies.length);
    const [first] = demo.networkPolicies;
    expect(a.policyEditors.get(`${first.namespace}/${first.name}`)?.policy).toEqual({ kind: 'NetworkPolicy', namespace: first.namespace, name: first.name });
    expect(a.adminPolicyEditors.size).toBe(demo.adminNetworkPolicies.length + demo.baselineAdminNetworkPolicies.length);
  });
});
