// Server-only: /api/history (JSON pages and one version) and /api/history/export (evidence).
import 'server-only';
import { historyCsv, historyJson, historyMd } from '@/lib/history/historyFormats';
import pkg from '@/package.json';
import { historyQuery } from '@/viewmodels/history/historyView';
import { historyStatus } from './historyService';
import { historyTarget } from './historyView';

const params = (url: URL) => Object.fromEntries(url.searchParams.entries());

/** GET /api/history?namespace&kind&user&effect&from&to&before&limit, or ?version=N for one change set. */
export async function historyResponse(req: Request): Promise<Response> {
  const t = await historyTarget();
  if (!t.ok) return Response.json({ error: t.message, reason: t.reason, status: historyStatus() }, { status: t.reason === 'store-failed' ? 503 : 404 });
  const url = new URL(req.url);
  const q = historyQuery(params(url));
  if (q.version !== undefined) {
    const cs = await t.store.changeSet(t.clusterId, q.version);
    return cs ? Response.json(cs) : Response.json({ error: `version ${q.version} is not recorded` }, { status: 404 });
  }
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 50) || 50, 1), 500);
  const page = await t.store.list(t.clusterId, q.filter, { limit, ...(q.before !== undefined ? { before: q.before } : {}) });
  return Response.json({ cluster: { context: t.context, server: t.server }, status: historyStatus(), ...page });
}

/** GET /api/history/export?format=json|csv|md&from&to&…: the period's change sets as evidence. */
export async function historyExportResponse(req: Request): Promise<Response> {
  const t = await historyTarget();
  if (!t.ok) return Response.json({ error: t.message }, { status: t.reason === 'store-failed' ? 503 : 404 });
  const url = new URL(req.url);
  const format = url.searchParams.get('format') ?? 'json';
  if (!['json', 'csv', 'md'].includes(format)) return Response.json({ error: 'format must be json, csv or md' }, { status: 400 });
  const { filter } = historyQuery(params(url));
  const sets = await t.store.changeSets(t.clusterId, filter, 10_000);
  const period = { cluster: { context: t.context, server: t.server }, ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}), generatedAt: new Date().toISOString(), tool: { name: 'Perimeter', version: pkg.version } };
  const body = format === 'csv' ? historyCsv(sets) : format === 'md' ? historyMd(period, sets) : historyJson(period, sets);
  const type = format === 'csv' ? 'text/csv' : format === 'md' ? 'text/markdown' : 'application/json';
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'content-disposition': `attachment; filename="perimeter-history.${format}"` } });
}
