import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from './command';
import { memoryIO } from './io';
import { main } from './main';

// One input policy for every command (issue 14 items 9 and 10).
const repo = path.resolve(__dirname, '..');
const small = path.join(__dirname, 'commands', 'fixtures', 'shop-small');
const tmp = mkdtempSync(path.join(tmpdir(), 'perimeter-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
};
const run = async (...argv: string[]) => {
  const io = memoryIO();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
};

const policy = (name: string, port: number, extra = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{port: ${port}}]${extra}\n`;

describe('every command exits 2 on an input error, as check does', () => {
  const broken = file('broken.yaml', `${policy('ok', 80)}---\nkind: [\n`);
  const commands: string[][] = [
    ['connectivity', broken],
    ['explain', broken, '--from', '10.0.0.1', '--to', '10.0.0.2'],
    ['who-can', 'get', 'pods', broken],
    ['can', 'User:a', 'get', 'pods', broken],
    ['access-matrix', broken],
    ['check', broken],
    ['diff', broken, small],
    ['report', broken, '--format', 'json'],
    ['load', broken],
  ];
  for (const argv of commands) {
    it(`${argv[0]}`, async () => {
      const r = await run(...argv);
      expect(r.code).toBe(EXIT.usage);
      if (argv[0] === 'load') expect(r.out).toContain(`error   ${broken}:9  YAML does not parse`);
      else {
        expect(r.err).toContain(`error: ${broken}:9: YAML does not parse`);
        expect(r.err).toContain('error: 1 input error; fix it so the answer covers every object');
        expect(r.out).toBe('');
      }
    });
  }
});

describe('locations', () => {
  it('load and connectivity give one object the same file:line', async () => {
    const f = file('hostbits.yaml', `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n${policy('from-node', 80, '\n    from: [{ipBlock: {cidr: 10.0.0.1/8}}]')}`);
    const load = await run('load', f);
    const conn = await run('connectivity', f);
    expect(load.out).toContain(`warning ${f}:5  NetworkPolicy shop/from-node: spec.ingress[0].from[0].ipBlock.cidr "10.0.0.1/8" has host bits set; read as 10.0.0.0/8`);
    expect(conn.err).toContain(`warning: ${f}:5: NetworkPolicy shop/from-node: spec.ingress[0].from[0].ipBlock.cidr "10.0.0.1/8" has host bits set`);
  });
});

describe('diff and duplicates', () => {
  it('a duplicate that differs is an input error, not a silent "0 changed"', async () => {
    const head = path.join(tmp, 'dup');
    rmSync(head, { recursive: true, force: true });
    const base = file('base.yaml', policy('p', 80));
    mkdirSync(head);
    writeFileSync(path.join(head, 'a.yaml'), policy('p', 80));
    writeFileSync(path.join(head, 'b.yaml'), policy('p', 443));
    const r = await run('diff', base, head);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(`NetworkPolicy shop/p at ${path.join(head, 'b.yaml')}#0 (line 1) duplicates the one at ${path.join(head, 'a.yaml')}#0 (line 1) and differs from it`);
    expect(r.out).toBe('');
  });
  it('an identical copy is read once and the diff goes on', async () => {
    const base = file('base2.yaml', policy('p', 80));
    const head = file('head2.yaml', `${policy('p', 80)}---\n${policy('p', 80)}`);
    const r = await run('diff', base, head);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Connections: 0 added, 0 removed, 0 changed');
  });
});

describe('demo is a source keyword', () => {
  const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(repo, 'bin', 'perimeter'), ...args], { cwd, encoding: 'utf8' });
  it('works from any directory, and its README is not a skipped file', () => {
    const r = cli(tmp, 'load', 'demo', '--format', 'json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { source: unknown; warnings: unknown[]; counts: { networkPolicies: number } };
    expect(j.source).toEqual({ kind: 'demo' });
    expect(j.warnings).toEqual([]);
    expect(j.counts.networkPolicies).toBe(27);
    const explain = cli(tmp, 'explain', 'demo', '--from', 'shop-backend/checkout', '--to', 'payments/payments-api', '--port', '8080');
    expect(explain.status).toBe(0);
  }, 30_000);
  it('cannot be combined with other PATHs', async () => {
    const r = await run('connectivity', 'demo', small);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('"demo" (the built-in demo cluster) cannot be combined with other PATHs');
  });
});
