// Kubernetes audit events (audit.k8s.io/v1 Event, EventList, or a log of one Event per line) reduced to what history
// needs: who wrote which object of a kind Perimeter reads, when, and the resourceVersion it produced.
import type { Warning } from '../model';
import { WATCHED_KINDS } from '../sources/cluster/kinds';

/** One write to a watched object, from an audit event at stage ResponseComplete. */
export interface AuditWrite {
  readonly auditId: string;
  /** ISO 8601: stageTimestamp (when the response was complete). */
  readonly at: string;
  readonly verb: string;
  readonly user: string;
  readonly groups: readonly string[];
  readonly kind: string;
  readonly resource: string;
  readonly apiGroup: string;
  /** '' for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
  /** metadata.resourceVersion of the response object (RequestResponse level), else objectRef.resourceVersion. */
  readonly resourceVersion?: string;
  readonly responseCode?: number;
  readonly userAgent?: string;
  /** The event without request and response bodies (kept as evidence). */
  readonly event: Readonly<Record<string, unknown>>;
}

/** Parsed events: the writes kept, how many events were not writes to watched kinds, and problems with the input. */
export interface AuditParse {
  readonly writes: readonly AuditWrite[];
  /** Events that are valid but not about history: reads, other stages, other resources, failed requests. */
  readonly ignored: number;
  readonly warnings: readonly Warning[];
}

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
const BY_RESOURCE = new Map(WATCHED_KINDS.map((k) => [k.resource, k.kind]));

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Why an event is unusable, or undefined when it has the fields every audit.k8s.io/v1 Event has. */
function invalid(e: Record<string, unknown>): string | undefined {
  if (e.kind !== undefined && e.kind !== 'Event') return `kind is ${JSON.stringify(e.kind)}, not Event`;
  if (!str(e.auditID)) return 'no auditID';
  if (!str(e.stage)) return 'no stage';
  if (!str(e.verb)) return 'no verb';
  if (!isMap(e.user)) return 'no user';
  if (!str(e.stageTimestamp) || Number.isNaN(Date.parse(String(e.stageTimestamp)))) return 'no valid stageTimestamp';
  return undefined;
}

/** The write an event records, or undefined when it is not a completed write to a watched kind. */
function writeOf(e: Record<string, unknown>): AuditWrite | undefined {
  if (e.stage !== 'ResponseComplete') return undefined;
  const verb = String(e.verb);
  if (!WRITE_VERBS.has(verb)) return undefined;
  const ref = isMap(e.objectRef) ? e.objectRef : undefined;
  if (!ref || str(ref.subresource)) return undefined;
  const group = str(ref.apiGroup) ?? '';
  const resource = str(ref.resource) ?? '';
  const kind = BY_RESOURCE.get(group === '' ? resource : `${resource}.${group}`);
  if (!kind) return undefined;
  const status = isMap(e.responseStatus) ? e.responseStatus : {};
  const code = typeof status.code === 'number' ? status.code : undefined;
  if (code !== undefined && (code < 200 || code > 299)) return undefined;
  const user = e.user as Record<string, unknown>;
  // Impersonation: the impersonated user made the change; the real one is kept in the evidence.
  const as = isMap(e.impersonatedUser) ? e.impersonatedUser : undefined;
  const who = as ?? user;
  const response = isMap(e.responseObject) ? e.responseObject : undefined;
  const meta = response && isMap(response.metadata) ? response.metadata : undefined;
  const name = str(ref.name) ?? (meta ? str(meta.name) : undefined) ?? '';
  if (name === '' && verb !== 'deletecollection') return undefined;
  const resourceVersion = (meta && verb !== 'delete' ? str(meta.resourceVersion) : undefined) ?? str(ref.resourceVersion);
  const { requestObject: _req, responseObject: _res, ...evidence } = e;
  const userAgent = str(e.userAgent);
  return {
    auditId: String(e.auditID),
    at: new Date(String(e.stageTimestamp)).toISOString(),
    verb,
    user: str(who.username) ?? '(unknown)',
    groups: Array.isArray(who.groups) ? who.groups.filter((g): g is string => typeof g === 'string') : [],
    kind,
    resource,
    apiGroup: group,
    namespace: str(ref.namespace) ?? '',
    name,
    ...(resourceVersion ? { resourceVersion } : {}),
    ...(code !== undefined ? { responseCode: code } : {}),
    ...(userAgent ? { userAgent } : {}),
    event: evidence,
  };
}

function collect(events: readonly unknown[], where: (i: number) => string): AuditParse {
  const writes: AuditWrite[] = [];
  const warnings: Warning[] = [];
  let ignored = 0;
  events.forEach((e, i) => {
    if (!isMap(e)) {
      warnings.push({ code: 'audit-invalid-event', severity: 'error', message: `${where(i)}: not a JSON object; skipped` });
      return;
    }
    const why = invalid(e);
    if (why) {
      warnings.push({ code: 'audit-invalid-event', severity: 'error', message: `${where(i)}: not an audit.k8s.io/v1 Event (${why}); skipped` });
      return;
    }
    const w = writeOf(e);
    if (w) writes.push(w);
    else ignored++;
  });
  return { writes, ignored, warnings };
}

/**
 * An audit webhook body: an audit.k8s.io/v1 EventList (what kube-apiserver's webhook backend POSTs). Throws with a
 * one-line reason when the body is not one, so the endpoint can answer 400 with it.
 */
export function parseEventList(body: string): AuditParse {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    throw new Error(`the body is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isMap(doc)) throw new Error('the body is not a JSON object: expected an audit.k8s.io/v1 EventList');
  if (doc.kind !== 'EventList') throw new Error(`expected kind EventList, got ${JSON.stringify(doc.kind ?? null)}`);
  if (doc.apiVersion !== 'audit.k8s.io/v1') throw new Error(`expected apiVersion audit.k8s.io/v1, got ${JSON.stringify(doc.apiVersion ?? null)}`);
  if (!Array.isArray(doc.items)) throw new Error('the EventList has no items array');
  return collect(doc.items, (i) => `items[${i}]`);
}

/** A JSON-lines audit log (kube-apiserver --audit-log-path, --audit-log-format=json): one Event per line. */
export function parseAuditLog(text: string, file = 'audit log'): AuditParse {
  const events: unknown[] = [];
  const lines: number[] = [];
  const warnings: Warning[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      events.push(JSON.parse(line));
      lines.push(i + 1);
    } catch {
      warnings.push({ code: 'audit-invalid-event', severity: 'error', message: `${file}:${i + 1}: not JSON; skipped` });
    }
  });
  const r = collect(events, (i) => `${file}:${lines[i]}`);
  return { ...r, warnings: [...warnings, ...r.warnings] };
}
