import { historyResponse } from '@/server/history/historyApi';

/** GET /api/history: recorded versions of the live cluster, newest first (keyset pages), or one with ?version=N. */
export function GET(req: Request): Promise<Response> {
  return historyResponse(req);
}
