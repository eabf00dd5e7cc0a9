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
const INGRESS_CONTROLLER = '{ingress-controller}';

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
    it(`${name}: connectivity --exposure matches expected_exposure.txt`, async (ctx) => {
      const { ours, expected } = await run(name);
      // Cases with Routes/Ingresses also list `{ingress-controller} => …` lines: that part of the connectivity list is
      // issue 12 §2 (developer exposure-ingress). Until Perimeter prints them, the case is checked without those lines
      // in the test below and skipped here, saying why.
      if (expected.some((l) => l.startsWith(INGRESS_CONTROLLER)) && !ours.some((l) => l.startsWith(INGRESS_CONTROLLER))) {
        ctx.skip(`waits on the {ingress-controller} connectivity lines (issue 12 §2, exposure-ingress); the rest of ${name} is checked below`);
      }
      expect(ours).toEqual(expected);
    });
  }
  const withIngressController = cases.filter((name) => readFileSync(path.join(casesDir, name, 'expected_exposure.txt'), 'utf8').includes(INGRESS_CONTROLLER));
  it('has cases with {ingress-controller} lines (acs-security-demos)', () => {
    expect(withIngressController).toEqual(['acs-security-demos']);
  });
  for (const name of withIngressController) {
    it(`${name}: everything but the {ingress-controller} lines matches`, async () => {
      const { ours, expected } = await run(name);
      const drop = (lines: string[]) => lines.filter((l) => !l.startsWith(INGRESS_CONTROLLER));
      expect(drop(ours)).toEqual(drop(expected));
    });
  }
  it('runs as a real subprocess through ./bin/perimeter', async () => {
    const dir = path.join(casesDir, 'exposure_test_with_anp_9');
    const { stdout } = await promisify(execFile)(path.join(repoRoot, 'bin', 'perimeter'), ['connectivity', path.join(dir, 'input'), '--exposure'], { cwd: repoRoot });
    expect(stdout).toBe(readFileSync(path.join(dir, 'expected_exposure.txt'), 'utf8').trimEnd() + '\n');
  });
});
