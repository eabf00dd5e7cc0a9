import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io';
import { main } from '../../cli/main';

// The peer's golden connectivity lists for AdminNetworkPolicy/BaselineAdminNetworkPolicy (np-guard/netpol-analyzer):
// our connlist must match them line for line, except where the peer documents that it departs from the spec.
const repoRoot = path.resolve(__dirname, '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const casesDir = path.join(shared, 'fixtures', 'netpol-analyzer-anp');
const cases = readdirSync(casesDir).filter((d) => statSync(path.join(casesDir, d)).isDirectory()).sort();

/**
 * np-guard ignores IPv6 CIDRs in an ANP/BANP `networks` peer ("ipv6 unsupported - a warning will be raised", says the
 * case's own input), so its golden list has no IPv6 destinations. The spec (shared_types.go, CIDR) accepts IPv6, and
 * Perimeter evaluates it: every golden line must still be ours, and the only extra lines are the IPv6 destinations,
 * whose verdicts follow from the input by hand: `e000::/3` (ff06::/3) denies UDP 53 first, `fd00::/8` then allows the
 * rest, and addresses below e000:: match no rule (the BANP's 0.0.0.0/0 is IPv4), so all is allowed.
 */
const IPV6_SPEC_LINES = (pod: string): string[] => [
  `${pod} => ::-dfff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections`,
  `${pod} => e000::-fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535`,
  `${pod} => fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535`,
  `${pod} => fe00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535`,
];
const SPEC_OVER_GOLDEN: Readonly<Record<string, readonly string[]>> = {
  anp_and_banp_using_networks_with_ipv6_test: [...IPV6_SPEC_LINES('ns1/pod1[Deployment]'), ...IPV6_SPEC_LINES('ns2/pod1[Deployment]')],
};

describe('netpol-analyzer-anp golden connectivity lists (AdminNetworkPolicy, BaselineAdminNetworkPolicy)', () => {
  it('finds the 27 cases', () => {
    expect(cases).toHaveLength(27);
  });
  for (const name of cases) {
    it(`${name}: connectivity --format txt matches expected_connlist.txt`, async () => {
      const io = memoryIO();
      const code = await main(['connectivity', path.join(casesDir, name, 'input'), '--format', 'txt'], io);
      expect(code).toBe(0);
      const expected = readFileSync(path.join(casesDir, name, 'expected_connlist.txt'), 'utf8').trimEnd().split('\n');
      const ours = io.stdout().trimEnd().split('\n');
      const extra = SPEC_OVER_GOLDEN[name] ?? [];
      expect(ours.filter((l) => !extra.includes(l))).toEqual(expected);
      for (const line of extra) expect(ours).toContain(line);
    });
  }
  it('runs as a real subprocess through ./bin/perimeter', async () => {
    const dir = path.join(casesDir, 'anp_demo');
    const { stdout } = await promisify(execFile)(path.join(repoRoot, 'bin', 'perimeter'), ['connectivity', path.join(dir, 'input')], { cwd: repoRoot });
    expect(stdout).toBe(readFileSync(path.join(dir, 'expected_connlist.txt'), 'utf8').trimEnd() + '\n');
  });
});
