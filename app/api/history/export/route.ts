import { historyExportResponse } from '@/server/history/historyApi';

/** GET /api/history/export?format=json|csv|md: the period's changes as evidence for auditors. */
export function GET(req: Request): Promise<Response> {
  return historyExportResponse(req);
}
