import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io';
import { main } from '../../cli/main';

// The peer's golden exposure outputs (np-guard/netpol-analyzer `list --exposure`): `perimeter connectivity DIR
// --exposure` must print them exactly, connectivity lines included.
const repoRoot = path.resolve(__dirname, '..', '..');
const casesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'netpol-analyzer-exposure');
const cases = readdirSync(casesDir).filter((d) => statSync(path.join(casesDir, d)).isDirectory()).sort();

async function run(name: string): Promise<{ ours: string[]; expected: string[] }> {
  const io = memoryIO();
  const code = await main(['connectivity', path.join(casesDir, name, 'input'), '--exposure', '--format', 'txt'], io);
  expect(code).toBe(0);
  return { ours: io.stdout().trimEnd().split('\n'), expected: readFileSync(path.join(casesDir, name, 'expected_exposure.txt'), 'utf8').trimEnd().split('\n') };
}

describe('netpol-analyzer golden exposure outputs (connectivity --exposure)', () => {
  it('finds the 38 cases', () => {
    expect(cases).toHaveLength(38);
  });
  for (const name of cases) {
    it(`${name}: connectivity --exposure matches expected_exposure.txt`, async () => {
      const { ours, expected } = await run(name);
      expect(ours).toEqual(expected);
    });
  }
  it('has a case with {ingress-controller} lines (Routes and Services: acs-security-demos), checked like the others', () => {
    expect(cases.filter((name) => readFileSync(path.join(casesDir, name, 'expected_exposure.txt'), 'utf8').includes('{ingress-controller}'))).toEqual(['acs-security-demos']);
  });
  it('runs as a real subprocess through ./bin/perimeter', async () => {
    const dir = path.join(casesDir, 'exposure_test_with_anp_9');
    const { stdout } = await promisify(execFile)(path.join(repoRoot, 'bin', 'perimeter'), ['connectivity', path.join(dir, 'input'), '--exposure'], { cwd: repoRoot });
    expect(stdout).toBe(readFileSync(path.join(dir, 'expected_exposure.txt'), 'utf8').trimEnd() + '\n');
  });
});
