import { describePath, describeStep, requestScope, subjectKey, whoCanCache, type GrantPath, type RbacIndex } from '@/lib/rbac/index';
import { CELL, CELL_WORDS, type MatrixParams } from './matrixParams';
import { editorsByNamespace, type MatrixInputs, type MatrixView } from './matrixModel';

/** The matrix as shown: one record per subject, one field per column. */
export function matrixHead(view: MatrixView): string[] {
  return ['subject kind', 'subject', ...view.columns.map((c) => c.label)];
}

export function* matrixRecords(view: MatrixView): Generator<string[]> {
  for (const r of view.rows) yield [r.kind, r.key, ...[...r.cells].map((c) => (c === CELL.denied ? '' : (CELL_WORDS[c] ?? '')))];
}

/**
 * The evidence export: one record per allowed (or indirect) cell and grant path, naming the binding, the role and the
 * rule that grant it (and, for an indirect editor, the step it takes). Denied cells have no evidence and no record.
 */
export const EVIDENCE_HEAD = ['subject kind', 'subject', 'namespace', 'verbs', 'access', 'how', 'binding', 'role', 'rule', 'bound to'] as const;

const ref = (r: { kind: string; namespace?: string; name: string }) => (r.namespace ? `${r.kind}/${r.namespace}/${r.name}` : `${r.kind}/${r.name}`);
const list = (xs: readonly string[]) => `[${xs.map((x) => (x === '' ? '""' : x)).join(', ')}]`;

/** `binding, role, rule, bound to` of a path; the superuser group has none but says why in `how`. */
function pathFields(p: GrantPath): { how: string; binding: string; role: string; rule: string; boundTo: string } {
  if (p.kind === 'superuser') return { how: describePath(p), binding: '', role: '', rule: '', boundTo: `Group:${p.group}` };
  const names = p.rule.resourceNames.length > 0 ? ` resourceNames ${list(p.rule.resourceNames)}` : '';
  const agg = p.aggregatedFrom ? ` (aggregated from ClusterRole/${p.aggregatedFrom.clusterRole} rule #${p.aggregatedFrom.ruleIndex + 1})` : '';
  return {
    how: '',
    binding: ref(p.binding),
    role: ref(p.role),
    rule: `#${p.ruleIndex + 1}: verbs ${list(p.rule.verbs)} apiGroups ${list(p.rule.apiGroups)} resources ${list(p.rule.resources)}${names}${agg}`,
    boundTo: subjectKey(p.bindingSubject),
  };
}

interface CellEvidenceRecord {
  readonly verbs: readonly string[];
  readonly namespace: string;
  /** One entry per way in: `how` is the step of an indirect editor, empty for a grant. */
  readonly ways: readonly { readonly how: string; readonly paths: readonly GrantPath[] }[];
}

/** The evidence of every cell of one column, by subject key (computed when the export reaches the column). */
function columnEvidence(index: RbacIndex, inputs: MatrixInputs, p: MatrixParams, view: MatrixView): (column: number) => ReadonlyMap<string, CellEvidenceRecord> {
  const ask = whoCanCache(index);
  const cache = new Map<number, ReadonlyMap<string, CellEvidenceRecord>>();
  return (i) => {
    const known = cache.get(i);
    if (known) return known;
    const col = view.columns[i];
    const out = new Map<string, CellEvidenceRecord>();
    if (p.mode === 'editors') {
      const [e] = editorsByNamespace(index, inputs, p, view.resource, [col.key]);
      for (const d of e.direct) {
        const paths = new Map(d.verbs.flatMap((v) => v.paths).map((path) => [JSON.stringify(path), path]));
        out.set(subjectKey(d.subject), { verbs: d.verbs.map((v) => v.verb), namespace: col.key, ways: [{ how: '', paths: [...paths.values()] }] });
      }
      for (const ind of e.indirect) out.set(subjectKey(ind.subject), { verbs: [], namespace: col.key, ways: ind.steps.map((st) => ({ how: describeStep(st), paths: st.paths })) });
    } else {
      const verb = p.mode === 'verbs' ? col.key : p.verb;
      const scope = requestScope(verb, view.resource, p.mode === 'verbs' ? p.namespace || undefined : col.key, undefined);
      for (const a of ask(verb, view.resource, scope.namespace)) out.set(a.key, { verbs: [verb], namespace: scope.namespace ?? '', ways: [{ how: '', paths: a.paths }] });
    }
    cache.set(i, out);
    return out;
  };
}

/** The evidence records of the view's rows (filtered as shown), row by row and column by column. */
export function* evidenceRecords(index: RbacIndex, inputs: MatrixInputs, p: MatrixParams, view: MatrixView): Generator<string[]> {
  const evidence = columnEvidence(index, inputs, p, view);
  for (const r of view.rows) {
    for (let i = 0; i < view.columns.length; i++) {
      const code = r.cells[i];
      if (code === CELL.denied) continue;
      const cell = evidence(i).get(r.key);
      if (!cell) continue;
      for (const way of cell.ways) {
        for (const path of way.paths) {
          const f = pathFields(path);
          const how = [way.how, f.how].filter(Boolean).join(': ');
          yield [r.kind, r.key, cell.namespace, cell.verbs.join(' '), CELL_WORDS[code] ?? '', how, f.binding, f.role, f.rule, f.boundTo];
        }
      }
    }
  }
}
