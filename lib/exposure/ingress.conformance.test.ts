import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io';
import { main } from '../../cli/main';

// The peer's Ingress/Route cases (np-guard/netpol-analyzer): `perimeter connectivity DIR --format txt` must print
// their golden lists exactly, the `{ingress-controller} => …` lines included.
const casesDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'netpol-analyzer-ingress');
const cases = readdirSync(casesDir).filter((d) => statSync(path.join(casesDir, d)).isDirectory()).sort();

describe('netpol-analyzer golden Ingress/Route connectivity lists', () => {
  it('finds the 4 cases', () => {
    expect(cases).toHaveLength(4);
  });
  for (const name of cases) {
    it(`${name}: connectivity --format txt matches expected_connlist.txt`, async () => {
      const io = memoryIO();
      const code = await main(['connectivity', path.join(casesDir, name, 'input'), '--format', 'txt'], io);
      expect(code).toBe(0);
      const expected = readFileSync(path.join(casesDir, name, 'expected_connlist.txt'), 'utf8');
      expect(io.stdout().trimEnd().split('\n')).toEqual(expected.trimEnd().split('\n'));
      expect(expected).toContain('{ingress-controller} => ');
    });
  }
});
