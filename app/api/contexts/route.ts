import { clusterContexts, selectClusterContext } from '@/server/clusterStore';
import { configuredSource } from '@/server/sourceConfig';

const notCluster = () => Response.json({ error: 'PERIMETER_SOURCE is not cluster: there are no contexts to choose from' }, { status: 404 });

/** GET /api/contexts: the kubeconfig's contexts (names, clusters, servers, users — never credentials) and the one in use. */
export async function GET(): Promise<Response> {
  if (configuredSource().kind !== 'cluster') return notCluster();
  try {
    return Response.json(clusterContexts());
  } catch (e) {
    return Response.json({ error: e instanceof Error ? e.message : String(e) }, { status: 500 });
  }
}

/** POST /api/contexts {"context": "name"}: read another context of the kubeconfig (for every user of this server). */
export async function POST(request: Request): Promise<Response> {
  if (configuredSource().kind !== 'cluster') return notCluster();
  const body: unknown = await request.json().catch(() => undefined);
  const context = typeof body === 'object' && body !== null && 'context' in body && typeof body.context === 'string' ? body.context : undefined;
  if (!context) return Response.json({ error: 'expected {"context": "<name>"}' }, { status: 400 });
  const r = await selectClusterContext(context);
  return r.ok ? Response.json({ selected: context, version: r.snapshot.version }) : Response.json({ error: r.failure }, { status: 502 });
}
