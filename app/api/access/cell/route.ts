import { cellPaths, cellVerbs, networkPolicyNames, parseMatrixParams, sodFindings } from '@/viewmodels/access/matrixModel';
import { describePath, resolveResource, type GrantPath } from '@/lib/rbac';
import { currentSnapshot } from '@/server/currentSnapshot';
import { findingsOf, rbacIndexOf } from '@/server/analyses';

/** The parts of a path the cell panel links to. */
function pathJson(p: GrantPath) {
  return p.kind === 'superuser'
    ? { kind: p.kind, text: describePath(p), group: p.group }
    : { kind: p.kind, text: describePath(p), binding: p.binding, role: p.role, ruleIndex: p.ruleIndex, rule: p.rule, aggregatedFrom: p.aggregatedFrom, bindingSubject: p.bindingSubject };
}

/**
 * GET /api/access/cell?<matrix params>&focus=SUBJECT&col=COLUMN: the grant paths behind one matrix cell (for an
 * indirect editor, the steps and their paths), and the separation-of-duties findings that mark it.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const params = parseMatrixParams(new URL(request.url).searchParams, '');
  if (!params.focus || !params.col) return Response.json({ error: 'focus (subject) and col (verb or namespace) are required' }, { status: 400 });
  const cell = cellPaths(rbacIndexOf(result.snapshot), params, params.focus, params.col, { objectNames: networkPolicyNames(result.snapshot.networkPolicies) });
  const verbs = cellVerbs(params, params.col, cell);
  const findings = cell.paths.length === 0 ? [] : sodFindings(findingsOf(result.snapshot))(params.focus, verbs, resolveResource(params.resource).resource, cell.namespace);
  return Response.json({
    subject: params.focus,
    verb: cell.verb,
    verbs,
    namespace: cell.namespace ?? null,
    allowed: cell.paths.length > 0,
    paths: cell.paths.map(pathJson),
    steps: cell.steps?.map((s) => ({ text: s.text, paths: s.paths.map(pathJson) })) ?? [],
    findings: findings.map((f) => ({ id: f.id, ruleId: f.ruleId, severity: f.severity, title: f.title, suppressed: f.suppressed !== undefined })),
  });
}
