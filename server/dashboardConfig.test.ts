import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config';
import { CONFIG_ENV, NO_DASHBOARD_CONFIG, configFailure, dashboardConfig, describeDashboardConfig, readDashboardConfig, type ConfigFs, type DashboardConfig } from './dashboardConfig';

const VALID = `groups:
  shop-devs: [erin@acme.example]
duties:
  networkPolicyEditors: [Group:security-team]
rules:
  PER-RBAC-DANGLING-ROLEREF: medium
allow:
  - rule: PER-RBAC-WILDCARD
    subject: User:bob@acme.example
    reason: break-glass account
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const loaded = (c: DashboardConfig) => {
  if (c.kind !== 'loaded') throw new Error(`expected a loaded config, got ${c.kind}${c.kind === 'failed' ? `: ${c.cause}` : ''}`);
  return c;
};

describe('readDashboardConfig', () => {
  it('reads nothing when PERIMETER_CONFIG is unset or blank (docs/config.md: nothing is read implicitly)', () => {
    write('perimeter.config.yaml', VALID);
    expect(readDashboardConfig(undefined, undefined, dir)).toBe(NO_DASHBOARD_CONFIG);
    expect(readDashboardConfig('  ', undefined, dir)).toBe(NO_DASHBOARD_CONFIG);
    expect(NO_DASHBOARD_CONFIG.config).toBe(EMPTY_CONFIG);
    expect(describeDashboardConfig(NO_DASHBOARD_CONFIG)).toBe('no perimeter.config.yaml: groups and duties unknown');
  });

  it('parses a valid file with lib/config as the CLI does: groups, duties, rules and allow-list', () => {
    write('perimeter.config.yaml', VALID);
    const c = loaded(readDashboardConfig('perimeter.config.yaml', undefined, dir));
    expect(c.path).toBe('perimeter.config.yaml');
    expect(c.resolved).toBe(path.join(dir, 'perimeter.config.yaml'));
    expect(c.config.groups.get('shop-devs')).toEqual(['erin@acme.example']);
    expect(c.config.duties.map((d) => d.name)).toEqual(['networkPolicyEditors']);
    expect(c.config.rules?.rules.get('PER-RBAC-DANGLING-ROLEREF')).toEqual({ enabled: true, severity: 'medium' });
    expect(c.config.rules?.allow[0]).toMatchObject({ rule: 'PER-RBAC-WILDCARD', reason: 'break-glass account', where: 'allow[0]' });
    expect(c.warnings).toEqual([]);
    expect(describeDashboardConfig(c)).toBe('config perimeter.config.yaml');
  });

  it('keeps the warnings of skipped entries and applies the rest', () => {
    const file = write('c.yaml', `${VALID}duties2: {}\n`);
    const c = loaded(readDashboardConfig(file, undefined, dir));
    expect(c.warnings.map((w) => w.message)).toEqual([`${file}: unknown key "duties2" was ignored.`]);
    expect(c.config.groups.size).toBe(1);
  });

  it('fails, naming the cause, when the path does not exist', () => {
    const c = readDashboardConfig('missing.yaml', undefined, dir);
    expect(c).toMatchObject({ kind: 'failed', path: 'missing.yaml', resolved: path.join(dir, 'missing.yaml') });
    expect(c.kind === 'failed' && c.cause).toMatch(/^cannot read it \(ENOENT: no such file or directory, stat '/);
    // Asked again while still missing: the same failure object.
    expect(readDashboardConfig('missing.yaml', c, dir)).toBe(c);
  });

  it('fails when the file cannot be read (permissions)', () => {
    // Root reads a mode-000 file anyway (CI runs as root), so the refusal comes from the injected fs, as the kernel
    // would give it to another user.
    const file = write('locked.yaml', VALID);
    const denied: ConfigFs = {
      stat: (f) => statSync(f),
      read: (f) => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${f}'`), { code: 'EACCES' });
      },
    };
    const c = readDashboardConfig(file, undefined, dir, denied);
    expect(c.kind === 'failed' && c.cause).toMatch(/^cannot read it \(EACCES: permission denied, open '/);
  });

  it('fails when the path is a folder', () => {
    const c = readDashboardConfig(dir, undefined, dir);
    expect(c.kind === 'failed' && c.cause).toMatch(/^cannot read it \(EISDIR: /);
  });

  it('fails on a file that is not YAML instead of applying an empty config (the CLI exits 2)', () => {
    const file = write('bad.yaml', 'groups: [unclosed\n');
    const c = readDashboardConfig(file, undefined, dir);
    expect(c.kind).toBe('failed');
    expect(c.kind === 'failed' && c.cause).toMatch(/^Flow sequence .* at line 2, column 1$/);
  });

  it('fails on YAML that is not a mapping (the parser would ignore the whole file), not on an empty file', () => {
    const list = readDashboardConfig(write('list.yaml', '- groups\n'), undefined, dir);
    expect(list.kind === 'failed' && list.cause).toBe('the top level must be a mapping with `groups`, `duties`, `rules` and/or `allow`');
    const empty = loaded(readDashboardConfig(write('empty.yaml', '# nothing yet\n'), undefined, dir));
    expect(empty.config).toBe(EMPTY_CONFIG);
    expect(empty.warnings).toEqual([]);
  });

  it('names the path, and the resolved path when it differs, in the page failure', () => {
    write('bad.yaml', 'groups: [unclosed\n');
    const c = readDashboardConfig('bad.yaml', undefined, dir);
    if (c.kind !== 'failed') throw new Error('expected a failure');
    expect(configFailure(c)).toMatchObject({ reason: 'config-failed', message: expect.stringMatching(new RegExp(`^PERIMETER_CONFIG=bad.yaml \\(${dir}/bad.yaml\\) could not be applied: Flow sequence .*column 1\\.$`)) });
    const abs = readDashboardConfig(path.join(dir, 'missing.yaml'), undefined, dir);
    if (abs.kind !== 'failed') throw new Error('expected a failure');
    expect(configFailure(abs).message).toMatch(new RegExp(`^PERIMETER_CONFIG=${dir}/missing.yaml could not be applied: cannot read it \\(ENOENT: `));
  });

  it('returns the same object while the file is unchanged, and re-reads it when its mtime changes', () => {
    const file = write('c.yaml', VALID);
    const first = loaded(readDashboardConfig(file, undefined, dir));
    expect(readDashboardConfig(file, first, dir)).toBe(first);
    // Same size, new content and mtime: an auditor's edit while the server runs.
    writeFileSync(file, VALID.replace('erin@acme.example', 'zoey@acme.example'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const second = loaded(readDashboardConfig(file, first, dir));
    expect(second).not.toBe(first);
    expect(second.config.groups.get('shop-devs')).toEqual(['zoey@acme.example']);
  });

  it('recovers when a failed file is fixed, and fails again when it breaks', () => {
    const file = write('c.yaml', 'groups: [unclosed\n');
    const broken = readDashboardConfig(file, undefined, dir);
    expect(broken.kind).toBe('failed');
    writeFileSync(file, VALID);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const fixed = loaded(readDashboardConfig(file, broken, dir));
    rmSync(file);
    expect(readDashboardConfig(file, fixed, dir).kind).toBe('failed');
  });
});

describe('dashboardConfig', () => {
  it(`reads ${CONFIG_ENV} from the environment and keeps one state for the process`, () => {
    const file = write('c.yaml', VALID);
    const a = dashboardConfig({ [CONFIG_ENV]: file });
    expect(loaded(a).config.groups.get('shop-devs')).toEqual(['erin@acme.example']);
    expect(dashboardConfig({ [CONFIG_ENV]: file })).toBe(a);
    expect(dashboardConfig({})).toBe(NO_DASHBOARD_CONFIG);
  });

  it('is one object per process across module copies (Next bundles each route apart; the caches key on it)', async () => {
    vi.resetModules();
    const copy = await import('./dashboardConfig');
    expect(copy.NO_DASHBOARD_CONFIG).toBe(NO_DASHBOARD_CONFIG);
    const file = write('c.yaml', VALID);
    expect(copy.dashboardConfig({ [CONFIG_ENV]: file })).toBe(dashboardConfig({ [CONFIG_ENV]: file }));
  });
});
