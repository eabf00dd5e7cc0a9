import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io';
import { main } from '../../cli/main';

// The peer's golden connectivity lists (np-guard/netpol-analyzer): our connlist must match them line for line.
const repoRoot = path.resolve(__dirname, '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const casesDir = path.join(shared, 'fixtures', 'netpol-analyzer');
const cases = readdirSync(casesDir).filter((d) => statSync(path.join(casesDir, d)).isDirectory()).sort();

describe('netpol-analyzer golden connectivity lists', () => {
  it('finds the 21 cases', () => {
    expect(cases).toHaveLength(21);
  });
  for (const name of cases) {
    it(`${name}: connectivity --format txt matches expected_connlist.txt`, async () => {
      const io = memoryIO();
      const code = await main(['connectivity', path.join(casesDir, name, 'input'), '--format', 'txt'], io);
      expect(code).toBe(0);
      const expected = readFileSync(path.join(casesDir, name, 'expected_connlist.txt'), 'utf8');
      expect(io.stdout().trimEnd().split('\n')).toEqual(expected.trimEnd().split('\n'));
    });
  }
  it('runs as a real subprocess through ./bin/perimeter', async () => {
    const dir = path.join(casesDir, 'onlineboutique');
    const { stdout } = await promisify(execFile)(path.join(repoRoot, 'bin', 'perimeter'), ['connectivity', path.join(dir, 'input')], { cwd: repoRoot });
    expect(stdout).toBe(readFileSync(path.join(dir, 'expected_connlist.txt'), 'utf8').trimEnd() + '\n');
  });
});
