import { cellPaths, parseMatrixParams } from '@/viewmodels/access/matrixModel';
import { describePath, type GrantPath } from '@/lib/rbac';
import { currentSnapshot } from '@/server/currentSnapshot';
import { rbacIndexOf } from '@/server/analyses';

/** The parts of a path the cell panel links to. */
function pathJson(p: GrantPath) {
  return p.kind === 'superuser'
    ? { kind: p.kind, text: describePath(p), group: p.group }
    : { kind: p.kind, text: describePath(p), binding: p.binding, role: p.role, ruleIndex: p.ruleIndex, rule: p.rule, aggregatedFrom: p.aggregatedFrom, bindingSubject: p.bindingSubject };
}

/** GET /api/access/cell?<matrix params>&focus=SUBJECT&col=COLUMN: the grant paths behind one matrix cell. */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const params = parseMatrixParams(new URL(request.url).searchParams, '');
  if (!params.focus || !params.col) return Response.json({ error: 'focus (subject) and col (verb or namespace) are required' }, { status: 400 });
  const cell = cellPaths(rbacIndexOf(result.snapshot), params, params.focus, params.col);
  return Response.json({ subject: params.focus, verb: cell.verb, namespace: cell.namespace ?? null, allowed: cell.paths.length > 0, paths: cell.paths.map(pathJson) });
}
