// Server-only: the audit webhook receiver (POST /api/audit, and the optional client-certificate TLS listener): an
// audit.k8s.io/v1 EventList from kube-apiserver's webhook backend, authenticated by its own bearer token
// (PERIMETER_AUDIT_TOKEN) or client certificate, size-limited, stored once per auditID and matched to changes.
import 'server-only';
import { parseEventList } from '@/lib/history/auditEvents';
import { safeEqual } from '../auth';
import { readCapped } from '../uploadBody';
import { historyStore } from './historyService';

export const AUDIT_TOKEN_ENV = 'PERIMETER_AUDIT_TOKEN';
export const AUDIT_MAX_BYTES_ENV = 'PERIMETER_AUDIT_MAX_BYTES';
/** kube-apiserver batches at most 400 events (--audit-webhook-batch-max-size); 10 MiB holds them at RequestResponse level. */
export const DEFAULT_AUDIT_MAX_BYTES = 10 * 1024 * 1024;

export interface AuditAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

export const auditMaxBytes = (env: Readonly<Record<string, string | undefined>> = process.env) => {
  const n = Number(env[AUDIT_MAX_BYTES_ENV]);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_AUDIT_MAX_BYTES;
};

/** Whether a request may post audit events: its bearer token, unless the TLS listener already verified its certificate. */
export function auditAuth(authorization: string | null, env: Readonly<Record<string, string | undefined>> = process.env): AuditAnswer | undefined {
  const token = env[AUDIT_TOKEN_ENV]?.trim();
  if (!token) {
    return { status: 404, body: { error: `the audit webhook is off: set ${AUDIT_TOKEN_ENV} (bearer token) or PERIMETER_AUDIT_TLS_PORT with a client CA, see README "Audit webhook"` } };
  }
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer === undefined) return { status: 401, body: { error: 'send the audit token as Authorization: Bearer <PERIMETER_AUDIT_TOKEN>' }, headers: { 'www-authenticate': 'Bearer realm="perimeter-audit"' } };
  if (!safeEqual(bearer, token)) return { status: 401, body: { error: 'the bearer token is not PERIMETER_AUDIT_TOKEN' }, headers: { 'www-authenticate': 'Bearer realm="perimeter-audit", error="invalid_token"' } };
  return undefined;
}

/** Stores an authenticated webhook body: 400 when it is not an EventList, 503 when the store is down (the API server retries). */
export async function acceptAuditBody(text: string, contentType: string | null): Promise<AuditAnswer> {
  if (contentType && !/^application\/json\b/i.test(contentType)) return { status: 415, body: { error: `expected Content-Type application/json, got ${contentType}` } };
  let parsed;
  try {
    parsed = parseEventList(text);
  } catch (e) {
    return { status: 400, body: { error: `not an audit.k8s.io/v1 EventList: ${e instanceof Error ? e.message : String(e)}` } };
  }
  try {
    const store = await historyStore();
    const { inserted, duplicates } = await store.addAuditWrites(parsed.writes, 'webhook');
    const attributed = inserted > 0 ? await store.attribute() : 0;
    return { status: 200, body: { accepted: inserted, duplicates, ignored: parsed.ignored, attributed, warnings: parsed.warnings.map((w) => w.message) } };
  } catch (e) {
    return { status: 503, body: { error: `the history store is unavailable: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** POST /api/audit as a whole: auth, size limit, then the body. */
export async function receiveAudit(req: Request): Promise<AuditAnswer> {
  const denied = auditAuth(req.headers.get('authorization'));
  if (denied) return denied;
  const max = auditMaxBytes();
  const declared = Number(req.headers.get('content-length') ?? NaN);
  const tooLarge: AuditAnswer = { status: 413, body: { error: `the body is larger than ${max} bytes (${AUDIT_MAX_BYTES_ENV}); lower --audit-webhook-batch-max-size` } };
  if (Number.isFinite(declared) && declared > max) return tooLarge;
  const text = (await readCapped(req.body, max))?.toString('utf8');
  if (text === undefined) return tooLarge;
  return acceptAuditBody(text, req.headers.get('content-type'));
}
