import type { CompiledSnapshot } from '@/lib/netpol/compile';
import type { PolicyEditors } from '@/lib/rbac/index';
import type { PolicyFacts } from './policyRows';

/** Per policy (`namespace/name`): pods selected, the compiler's warnings about it, and how many can change it. */
export function policyFacts(compiled: CompiledSnapshot, editors: ReadonlyMap<string, PolicyEditors>): Record<string, PolicyFacts> {
  const warnings = new Map<string, string[]>();
  for (const w of compiled.warnings) {
    if (w.object?.kind !== 'NetworkPolicy') continue;
    const key = `${w.object.namespace}/${w.object.name}`;
    warnings.set(key, [...(warnings.get(key) ?? []), w.message]);
  }
  const out: Record<string, PolicyFacts> = {};
  for (const cp of compiled.policies) {
    const e = editors.get(cp.key);
    out[cp.key] = {
      selectedPods: cp.selectedClasses.reduce((n, cid) => n + compiled.classes[cid].pods.length, 0),
      warnings: warnings.get(cp.key) ?? [],
      directEditors: e?.direct.length ?? 0,
      indirectEditors: e?.indirect.length ?? 0,
    };
  }
  return out;
}
