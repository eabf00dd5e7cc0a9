import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NETWORK_RULE_IDS } from '../findings/networkFindings';
import { RBAC_RULE_IDS } from '../findings/rbacFindings';
import { EXPOSURE_RULE_IDS } from '../findings/exposureFindings';
import { RULES } from './ruleCatalog';

describe('rule catalog', () => {
  it('has every rule the engines report, once, each documented in docs/rules.md with its severity', () => {
    expect(RULES.map((r) => r.id)).toEqual([...NETWORK_RULE_IDS, ...EXPOSURE_RULE_IDS, ...RBAC_RULE_IDS]);
    const docs = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    for (const r of RULES) {
      const row = docs.split('\n').find((l) => l.startsWith(`| \`${r.id}\` |`));
      expect(row, `${r.id} documented`).toBeDefined();
      expect(row!.split('|')[2], `${r.id} severity`).toContain(r.severity);
    }
  });
});
