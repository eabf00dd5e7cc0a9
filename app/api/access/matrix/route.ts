import { buildMatrixView, CELL, parseMatrixParams } from '@/viewmodels/access/matrixModel';
import { csvField } from '@/viewmodels/findings/findingsExport';
import { currentSnapshot } from '@/server/currentSnapshot';
import { findingsOf, rbacIndexOf } from '@/server/analyses';

const CHUNK = 500;
const WORD: Record<string, string> = {
  [CELL.denied]: '',
  [CELL.allowed]: 'allowed',
  [CELL.sod]: 'allowed (breaks separation of duties)',
  [CELL.sodAccepted]: 'allowed (breaks separation of duties; accepted by the config allow-list)',
};

/**
 * GET /api/access/matrix?<matrix params>[&format=json]: the permissions matrix as shown, streamed as CSV (one row per
 * subject, one column per verb or namespace) or as JSON.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const url = new URL(request.url);
  const index = rbacIndexOf(result.snapshot);
  const params = parseMatrixParams(url.searchParams, index.namespaces[0] ?? '');
  const view = buildMatrixView(index, findingsOf(result.snapshot), params);
  if (url.searchParams.get('format') === 'json') return Response.json({ params, ...view });

  const scope = params.mode === 'verbs' ? `namespace ${params.namespace || '(cluster scope)'}` : `verb ${params.verb}`;
  const head = ['subject kind', 'subject', ...view.columns.map((c) => c.label)].map(csvField).join(',');
  let next = 0;
  const encoder = new TextEncoder();
  // Streamed in chunks so 10,000 subjects never become one large string.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${csvField(`# ${view.resource.resource} ${scope}; source ${result.snapshot.source.kind}, read ${result.snapshot.readAt}`)}\r\n${head}\r\n`));
    },
    pull(controller) {
      const rows = view.rows.slice(next, next + CHUNK);
      next += CHUNK;
      if (rows.length === 0) {
        controller.close();
        return;
      }
      const text = rows.map((r) => [r.kind, r.key, ...[...r.cells].map((c) => WORD[c] ?? '')].map(csvField).join(',')).join('\r\n');
      controller.enqueue(encoder.encode(`${text}\r\n`));
    },
  });
  const name = `access-${params.mode === 'verbs' ? params.namespace || 'cluster' : params.verb}-${view.resource.resource}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(stream, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` } });
}
