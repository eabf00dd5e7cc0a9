import { receiveAudit } from '@/server/history/auditReceiver';

/** POST /api/audit: kube-apiserver's audit webhook (audit.k8s.io/v1 EventList), with its own bearer token. */
export async function POST(req: Request): Promise<Response> {
  const a = await receiveAudit(req);
  return Response.json(a.body, { status: a.status, ...(a.headers ? { headers: a.headers } : {}) });
}
