import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from './io';
import { main } from './main';

// The CLI ships as one esbuild bundle (scripts/cli-bundle.cjs); bin/perimeter runs it, and every subprocess test of
// the CLI goes through it. Here: it is rebuilt when a source is newer, and it answers exactly as the sources do.
const repo = path.resolve(__dirname, '..');
const bundle = createRequire(__filename)('../scripts/cli-bundle.cjs') as { BUNDLE: string; staleReason(): string | undefined; ensureBuilt(): string };

describe('the CLI bundle', { timeout: 60_000 }, () => {
  it('is built when missing or stale and then up to date', () => {
    const file = bundle.ensureBuilt();
    expect(file).toBe(path.join(repo, 'dist', 'cli', 'perimeter.cjs'));
    expect(bundle.staleReason()).toBeUndefined();
    expect(statSync(file).size).toBeLessThan(5_000_000); // @kubernetes/client-node stays outside (loaded for --cluster only)
  });
  it('gives the output of the TypeScript sources, byte for byte, for explain, connectivity, check and who-can', async () => {
    const file = bundle.ensureBuilt();
    const runs = [
      ['explain', 'demo', '--from', 'shop-backend/checkout', '--to', 'payments/payments-api', '--port', '8443'],
      ['connectivity', 'demo', '--format', 'json'],
      ['check', 'demo', '--format', 'sarif'],
      ['who-can', 'update', 'networkpolicies', '-n', 'shop-backend', 'demo'],
    ];
    for (const argv of runs) {
      const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, ...argv], { cwd: repo, encoding: 'utf8' });
      const io = memoryIO();
      const code = await main(argv, io);
      expect(r.stdout, argv.join(' ')).toBe(io.stdout());
      expect(r.stderr).toBe(io.stderr());
      expect(r.status).toBe(code);
    }
  });
  it('bin/perimeter runs the bundle; PERIMETER_CLI_TSX=1 runs the sources through tsx', () => {
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [path.join(repo, 'bin', 'perimeter'), 'load', 'demo', '--format', 'json'], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env, NODE_DEBUG: 'module' } });
    const viaBundle = run({});
    expect(viaBundle.status).toBe(0);
    expect(viaBundle.stderr).toContain('perimeter.cjs');
    expect(viaBundle.stderr).not.toMatch(/tsx[/\\]/);
    const viaTsx = run({ PERIMETER_CLI_TSX: '1' });
    expect(viaTsx.stdout).toBe(viaBundle.stdout);
    expect(viaTsx.stderr).toMatch(/tsx[/\\]/);
  });
});
