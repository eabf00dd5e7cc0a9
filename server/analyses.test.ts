import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import { parseConfig } from '@/lib/config';
import type { Snapshot } from '@/lib/model';
import { runChecks } from '@/lib/report/checkReport';
import { loadDemoSnapshot } from '@/lib/sources';
import { CONFIG_ENV, ConfigError } from './dashboardConfig';
import { findingsOf, policyEditorsOf, rbacIndexOf } from './analyses';

// The e2e server's config: groups, a duty, a disabled rule, a re-rated rule and two allow-list entries on the demo.
const FIXTURE = readFileSync(path.resolve(__dirname, '../e2e/demo.config.yaml'), 'utf8');

let demo: Snapshot;
let dir: string;
let file: string;
const saved = process.env[CONFIG_ENV];
beforeAll(async () => {
  demo = await loadDemoSnapshot();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-rbac-config-'));
  file = path.join(dir, 'perimeter.config.yaml');
});
afterEach(() => {
  if (saved === undefined) delete process.env[CONFIG_ENV];
  else process.env[CONFIG_ENV] = saved;
  rmSync(dir, { recursive: true, force: true });
});

const edit = (text: string, ahead: number) => {
  writeFileSync(file, text);
  utimesSync(file, new Date(), new Date(Date.now() + ahead * 1000));
};
const strip = <T extends { location?: unknown }>({ location: _location, ...rest }: T) => rest;

describe('server analyses with PERIMETER_CONFIG', () => {
  it('gives the findings `perimeter check --config` gives: the same ids, severities, suppressions and order', () => {
    edit(FIXTURE, 1);
    process.env[CONFIG_ENV] = file;
    const cli = runChecks(analyze(demo, parseConfig(FIXTURE, file).config), 'high').findings.map(strip);
    expect(findingsOf(demo)).toEqual(cli);
    const wildcard = findingsOf(demo).find((f) => f.ruleId === 'PER-RBAC-WILDCARD' && f.subject?.name === 'bob@acme.example');
    expect(wildcard?.suppressed).toEqual({ reason: 'break-glass account, reviewed quarterly', where: 'allow[1]' });
    expect(findingsOf(demo).find((f) => f.ruleId === 'PER-RBAC-DANGLING-ROLEREF')).toMatchObject({ severity: 'medium', defaultSeverity: 'low' });
    expect(findingsOf(demo).some((f) => f.ruleId === 'PER-NET-NO-DEFAULT-DENY-EGRESS')).toBe(false);
    expect(findingsOf(demo).some((f) => f.ruleId === 'PER-RBAC-DUTY' && f.subject?.name === 'alice@acme.example')).toBe(true);
  });

  it('resolves a user through the config groups, and forgets them when PERIMETER_CONFIG is unset', () => {
    edit(FIXTURE, 2);
    process.env[CONFIG_ENV] = file;
    expect(rbacIndexOf(demo).userGroups.get('erin@acme.example')).toEqual(['shop-devs']);
    delete process.env[CONFIG_ENV];
    expect(rbacIndexOf(demo).userGroups.size).toBe(0);
    expect(findingsOf(demo).some((f) => f.ruleId === 'PER-RBAC-DUTY' || f.suppressed)).toBe(false);
  });

  it('never serves a result computed with an older version of the file', () => {
    edit(FIXTURE, 3);
    process.env[CONFIG_ENV] = file;
    const before = findingsOf(demo);
    expect(findingsOf(demo)).toBe(before);
    const editors = policyEditorsOf(demo);
    edit(FIXTURE.replace(/allow:[\s\S]*$/, ''), 4);
    const after = findingsOf(demo);
    expect(after).not.toBe(before);
    expect(after.some((f) => f.suppressed)).toBe(false);
    expect(policyEditorsOf(demo)).not.toBe(editors);
  });

  it('throws a ConfigError naming the path when the file cannot be parsed', () => {
    edit('groups: [unclosed\n', 5);
    process.env[CONFIG_ENV] = file;
    expect(() => findingsOf(demo)).toThrow(ConfigError);
    expect(() => rbacIndexOf(demo)).toThrow(`${CONFIG_ENV}=${file}: `);
  });
});
