import { describe, expect, it } from 'vitest';
import { RULES } from '../report/ruleCatalog';
import { CONTROLS } from './controls';

describe('control mapping', () => {
  it('covers exactly the controls the issue names', () => {
    expect(CONTROLS.map((c) => `${c.framework} ${c.id}`)).toEqual([
      'PCI DSS v4.0 1.2',
      'PCI DSS v4.0 1.3',
      'PCI DSS v4.0 1.4',
      'PCI DSS v4.0 7.2',
      'ISO/IEC 27001:2022 A.5.3',
      'ISO/IEC 27001:2022 A.5.15',
      'ISO/IEC 27001:2022 A.8.2',
      'ISO/IEC 27001:2022 A.8.22',
    ]);
  });
  it('every rule evidences at least one control, and every control has rules and sections', () => {
    const mapped = new Set(CONTROLS.flatMap((c) => c.rules));
    expect(RULES.map((r) => r.id).filter((id) => !mapped.has(id))).toEqual([]);
    for (const c of CONTROLS) {
      expect(c.rules.length).toBeGreaterThan(0);
      expect(c.sections.length).toBeGreaterThan(0);
      expect(new Set(c.rules).size).toBe(c.rules.length);
    }
  });
});
