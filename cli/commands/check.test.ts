import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unacceptedSarifProblems } from '../../test/sarifMultitool';

// `perimeter check` run as a subprocess, as CI runs it: exit codes, formats and locations.
const repo = path.resolve(__dirname, '..', '..');
const CLEAN = 'cli/commands/fixtures/check-clean';
const OPEN = 'cli/commands/fixtures/check-open';
const check = (...args: string[]) => checkWithInput(undefined, ...args);
const checkWithInput = (input: string | undefined, ...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'perimeter'), 'check', ...args], { cwd: repo, encoding: 'utf8', input, env: { ...process.env, KUBECONFIG: path.join(repo, 'does-not-exist.kubeconfig') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (name: string, text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'perimeter-check-')), name);
  writeFileSync(file, text);
  return file;
};

describe('perimeter check (subprocess)', { timeout: 90_000 }, () => {
  it('exits 0 on a clean folder and 1 when a finding reaches --fail-on', () => {
    expect(check(CLEAN, '--fail-on', 'medium').code).toBe(0);
    const open = check(OPEN, '--fail-on', 'high');
    expect(open.code).toBe(1);
    expect(open.out).toContain('HIGH   PER-NET-OPEN-SENSITIVE-PORT  shop/web-from-everywhere ingress rule #1 admits every namespace');
    expect(open.out).toContain(`at ${OPEN}/policies.yaml:24`);
    expect(open.out).toMatch(/FAIL: 1 finding\(s\) at or above high\.\n$/);
  });
  it('--fail-on counts severities at or above it (the clean folder has only low, built-in superuser findings)', () => {
    expect(check(CLEAN, '--fail-on', 'low').code).toBe(1);
    expect(check(OPEN, '--fail-on', 'medium').out).toContain('FAIL: 2 finding(s) at or above medium');
  });
  it('the config disables rules, re-rates them and allow-lists findings with a reason; suppressed findings still show', () => {
    const config = tmp('perimeter.config.yaml', `rules:
  PER-NET-POLICY-SELECTS-NOTHING: high
allow:
  - rule: PER-NET-OPEN-SENSITIVE-PORT
    object: NetworkPolicy/shop/web-from-everywhere
    reason: temporary, ticket NET-42
`);
    const r = check(OPEN, '--config', config, '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const open = json.findings.find((f: { ruleId: string }) => f.ruleId === 'PER-NET-OPEN-SENSITIVE-PORT');
    expect(open.suppressed).toEqual({ reason: 'temporary, ticket NET-42', where: 'allow[0]' });
    const typo = json.findings.find((f: { ruleId: string }) => f.ruleId === 'PER-NET-POLICY-SELECTS-NOTHING');
    expect([typo.severity, typo.defaultSeverity]).toEqual(['high', 'medium']);
    expect(json.failing).toBe(1);
    const off = tmp('perimeter.config.yaml', 'rules:\n  PER-NET-POLICY-SELECTS-NOTHING: off\nallow:\n  - {rule: PER-NET-OPEN-SENSITIVE-PORT, reason: accepted risk}\n');
    expect(check(OPEN, '--config', off, '--fail-on', 'medium').code).toBe(0);
  });
  it('writes SARIF 2.1.0 that passes the SARIF Multitool, with rule metadata and file/line locations', () => {
    const r = check(OPEN, '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    expect(unacceptedSarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('PER-NET-OPEN-SENSITIVE-PORT');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'PER-NET-OPEN-SENSITIVE-PORT');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('PER-NET-OPEN-SENSITIVE-PORT');
    const loc = result.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe(`${OPEN}/policies.yaml`);
    // The line is where the object starts in the file.
    const lines = readFileSync(path.join(repo, OPEN, 'policies.yaml'), 'utf8').split('\n');
    expect(lines[loc.region.startLine - 1]).toBe('apiVersion: networking.k8s.io/v1');
    expect(lines.slice(loc.region.startLine - 1, loc.region.startLine + 3).join('\n')).toContain('name: web-from-everywhere');
  });
  it('SARIF places findings without an object (the superuser group, no binding in the files) at the first input file, said so', () => {
    const log = JSON.parse(check(CLEAN, '--format', 'sarif').out);
    expect(unacceptedSarifProblems(log)).toEqual([]);
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: `${CLEAN}/app.yaml` }, region: { startLine: 1 } });
      expect(r.locations[0].message.text).toMatch(/^No manifest object to point at/);
    }
  });
  it('SARIF marks allow-listed findings as externally suppressed with the reason', () => {
    const config = tmp('perimeter.config.yaml', 'allow:\n  - {rule: PER-NET-OPEN-SENSITIVE-PORT, namespace: shop, reason: behind the VPN}\n');
    const log = JSON.parse(check(OPEN, '--config', config, '--format', 'sarif').out);
    expect(unacceptedSarifProblems(log)).toEqual([]);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'PER-NET-OPEN-SENSITIVE-PORT');
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'behind the VPN (perimeter.config.yaml allow[0])' }]);
  });
  it('reads manifests from stdin with "-" (helm template | perimeter check -), with lines in <stdin>', () => {
    const text = readFileSync(path.join(repo, OPEN, 'policies.yaml'), 'utf8') + '---\n' + readFileSync(path.join(repo, OPEN, 'app.yaml'), 'utf8');
    const r = checkWithInput(text, '-', '--fail-on', 'high');
    expect(r.code).toBe(1);
    expect(r.out).toContain('at <stdin>:24');
    expect(checkWithInput(text, '-', CLEAN).code).toBe(2);
  });
  it('exits 2 on usage and input errors: no PATH, a missing PATH, YAML that does not parse, a bad flag value, --cluster without a kubeconfig', () => {
    expect(check().code).toBe(2);
    const missing = check('no/such/dir');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/dir');
    const broken = check(tmp('broken.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: [unclosed\n'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('1 input error; fix it');
    expect(check(CLEAN, '--fail-on', 'critical').code).toBe(2);
    const cluster = check('--cluster', '--context', 'nope');
    expect(cluster.code).toBe(2);
    expect(cluster.err).toMatch(/perimeter check: cannot use the kubeconfig context nope/);
  });
});
