// The history store's queries: the same SQL on PGlite and PostgreSQL (lib/store/db.ts).
import { gunzipSync, gzipSync } from 'node:zlib';
import type { UnreadableKind } from '../model';
import type { AuditWrite } from '../history/auditEvents';
import { applyDeltas, type ObjectState, stateOf } from '../history/delta';
import type { ChangeEffects } from '../history/effects';
import type { AlertDeliveryRecord, Attribution, ChangeSet, GapReason, HistoryFilter, RecordedChange, VersionKind, VersionSummary } from '../history/types';
import type { ManagedWrite, StoredObject } from '../sources/storedObject';
import { bytesOf, isoOf, type Db, type Queryable } from './db';
import { migrate } from './migrations';

/** A version to record. `changes` carry the object's managedFields write, if any, as a fallback for who. */
export interface NewVersion {
  readonly version: number;
  readonly at: string;
  readonly kind: VersionKind;
  readonly fromVersion?: number;
  readonly gapReason?: GapReason;
  readonly liveVersion?: number;
  readonly unreadable: readonly UnreadableKind[];
  readonly changes: readonly (RecordedChange & { readonly lastWrite?: ManagedWrite })[];
}

/** An alert to deliver, once per dedupe key. */
export interface NewAlert {
  readonly rule: string;
  readonly target: string;
  readonly dedupeKey: string;
  readonly title: string;
  readonly payload: unknown;
  /** Suppressed by the allow-list: recorded, never sent. */
  readonly suppressed?: string;
}

/** A delivery due now, with what to send. */
export interface DueDelivery {
  readonly id: number;
  readonly target: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly createdAt: string;
}

type Row = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v);
const num = (v: unknown) => Number(v);
const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function summaryOf(r: Row): VersionSummary {
  return {
    version: num(r.version),
    at: isoOf(r.at),
    kind: r.kind as VersionKind,
    ...(r.from_version !== null ? { fromVersion: num(r.from_version) } : {}),
    ...(r.gap_reason !== null ? { gapReason: r.gap_reason as GapReason } : {}),
    changes: num(r.changes),
    namespaces: r.namespaces as string[],
    kinds: r.kinds as string[],
    users: r.users as string[],
    tags: r.tags as string[],
    effectsState: r.effects_state as VersionSummary['effectsState'],
    ...(r.content_hash !== null ? { contentHash: String(r.content_hash) } : {}),
  };
}

function whoOf(r: Row): Attribution | undefined {
  if (r.who_source === 'audit') {
    return {
      user: String(r.who),
      groups: (r.who_groups as string[] | null) ?? [],
      source: 'audit',
      ...(r.who_match ? { match: r.who_match as 'resourceVersion' | 'time' } : {}),
      ...(r.audit_id ? { auditId: String(r.audit_id) } : {}),
      ...(r.audit_at ? { at: isoOf(r.audit_at) } : {}),
      ...(r.audit_agent ? { userAgent: String(r.audit_agent) } : {}),
    };
  }
  if (r.manager) return { user: String(r.manager), groups: [], source: 'managedFields', ...(r.managed_at ? { at: isoOf(r.managed_at) } : {}) };
  return undefined;
}

function changeOf(r: Row): RecordedChange {
  const who = whoOf(r);
  return {
    kind: String(r.kind),
    namespace: String(r.namespace),
    name: String(r.name),
    op: r.op as RecordedChange['op'],
    via: String(r.via),
    ...(r.resource_version ? { resourceVersion: String(r.resource_version) } : {}),
    ...(r.uid ? { uid: String(r.uid) } : {}),
    observedAt: isoOf(r.observed_at),
    ...(r.before ? { before: r.before as StoredObject } : {}),
    ...(r.after ? { after: r.after as StoredObject } : {}),
    ...(who ? { who } : {}),
  };
}

function deliveryOf(r: Row): AlertDeliveryRecord {
  return {
    id: num(r.id),
    version: num(r.version),
    rule: String(r.rule),
    target: String(r.target),
    title: String(r.title),
    state: r.state as AlertDeliveryRecord['state'],
    attempts: num(r.attempts),
    ...(r.last_error ? { lastError: String(r.last_error) } : {}),
    ...(r.delivered_at ? { deliveredAt: isoOf(r.delivered_at) } : {}),
    createdAt: isoOf(r.created_at),
  };
}

/** Keeps the filter's conditions and their parameters together. */
function where(clusterId: number, f: HistoryFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [clusterId];
  const conds = ['cluster_id = $1'];
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    conds.push(cond(`$${params.length}`));
  };
  if (f.namespace) add((p) => `${p} = any(namespaces)`, f.namespace);
  if (f.kind) add((p) => `${p} = any(kinds)`, f.kind);
  if (f.user) add((p) => `exists (select 1 from unnest(users) u where u ilike ${p})`, `%${f.user.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.effect) add((p) => `${p} = any(tags)`, f.effect);
  if (f.from) add((p) => `at >= ${p}::timestamptz`, f.from);
  if (f.to) add((p) => `at <= ${p}::timestamptz`, f.to);
  return { sql: conds.join(' and '), params };
}

/** The history of the clusters Perimeter watched: versions as deltas, checkpoints, audit events, alert deliveries. */
export class HistoryStore {
  constructor(readonly db: Db) {}

  /** Applies pending migrations (idempotent) and returns the store. */
  static async open(db: Db): Promise<HistoryStore> {
    await migrate(db);
    return new HistoryStore(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** The id of a cluster's history (`context@server`), created on first use. */
  async clusterId(context: string, server: string): Promise<number> {
    const key = `${context}@${server}`;
    const rows = await this.db.query<Row>(
      'insert into clusters (key, context, server) values ($1, $2, $3) on conflict (key) do update set context = excluded.context returning id',
      [key, context, server],
    );
    return num(rows[0].id);
  }

  async clusters(): Promise<{ id: number; context: string; server: string; versions: number }[]> {
    const rows = await this.db.query<Row>('select c.id, c.context, c.server, (select count(*) from versions v where v.cluster_id = c.id)::int as versions from clusters c order by c.id');
    return rows.map((r) => ({ id: num(r.id), context: String(r.context), server: String(r.server), versions: num(r.versions) }));
  }

  /** The newest version of a cluster, or undefined when nothing is recorded. */
  async latest(clusterId: number): Promise<{ version: number; at: string } | undefined> {
    const rows = await this.db.query<Row>('select version, at from versions where cluster_id = $1 order by version desc limit 1', [clusterId]);
    return rows[0] ? { version: num(rows[0].version), at: isoOf(rows[0].at) } : undefined;
  }

  /** The oldest version kept (retention moves it forward). */
  async oldest(clusterId: number): Promise<{ version: number; at: string } | undefined> {
    const rows = await this.db.query<Row>('select version, at from versions where cluster_id = $1 order by version asc limit 1', [clusterId]);
    return rows[0] ? { version: num(rows[0].version), at: isoOf(rows[0].at) } : undefined;
  }

  /** The version current at `time`: the newest recorded at or before it. */
  async versionAt(clusterId: number, time: string): Promise<number | undefined> {
    const rows = await this.db.query<Row>('select version from versions where cluster_id = $1 and at <= $2::timestamptz order by version desc limit 1', [clusterId, time]);
    return rows[0] ? num(rows[0].version) : undefined;
  }

  /** Every object of `version`: the nearest checkpoint at or before it, plus the changes after the checkpoint. */
  async stateAt(clusterId: number, version: number, q: Queryable = this.db): Promise<ObjectState> {
    const cp = await q.query<Row>('select version, objects from checkpoints where cluster_id = $1 and version <= $2 order by version desc limit 1', [clusterId, version]);
    if (!cp[0]) throw new Error(`no checkpoint at or before version ${version}: it is older than the retention keeps`);
    const state = stateOf(JSON.parse(gunzipSync(bytesOf(cp[0].objects)).toString('utf8')) as StoredObject[]);
    const rows = await q.query<Row>(
      "select kind || '/' || namespace || '/' || name as key, after from object_changes where cluster_id = $1 and version > $2 and version <= $3 order by version, seq",
      [clusterId, num(cp[0].version), version],
    );
    return applyDeltas(
      state,
      rows.map((r) => ({ key: String(r.key), ...(r.after ? { after: r.after as StoredObject } : {}) })),
    );
  }

  /** The recorded metadata of a version (for rebuilding its snapshot). */
  async versionMeta(clusterId: number, version: number): Promise<{ at: string; unreadable: UnreadableKind[] } | undefined> {
    const rows = await this.db.query<Row>('select at, unreadable from versions where cluster_id = $1 and version = $2', [clusterId, version]);
    return rows[0] ? { at: isoOf(rows[0].at), unreadable: rows[0].unreadable as UnreadableKind[] } : undefined;
  }

  /**
   * Records a version and its object changes in one transaction (all or nothing: a crash leaves the previous
   * version the newest), with a checkpoint of `checkpoint` (the full state after it) when given.
   */
  async record(clusterId: number, v: NewVersion, checkpoint?: ObjectState): Promise<void> {
    const rows = v.changes.map((c, seq) => ({
      seq,
      kind: c.kind,
      namespace: c.namespace,
      name: c.name,
      op: c.op,
      via: c.via,
      resource_version: c.resourceVersion ?? null,
      uid: c.uid ?? null,
      observed_at: c.observedAt,
      before: c.before ?? null,
      after: c.after ?? null,
      manager: c.lastWrite?.manager ?? null,
      manager_operation: c.lastWrite?.operation ?? null,
      managed_at: c.lastWrite?.time ?? null,
    }));
    const payload = json(rows);
    const namespaces = [...new Set(v.changes.map((c) => c.namespace).filter((n) => n !== ''))].sort();
    const kinds = [...new Set(v.changes.map((c) => c.kind))].sort();
    const users = [...new Set(v.changes.flatMap((c) => (c.lastWrite ? [c.lastWrite.manager] : [])))].sort();
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into versions (cluster_id, version, at, kind, from_version, gap_reason, live_version, changes, bytes, unreadable, namespaces, kinds, users, effects_state)
         values ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::text[], $12::text[], $13::text[], $14)`,
        [clusterId, v.version, v.at, v.kind, v.fromVersion ?? null, v.gapReason ?? null, v.liveVersion ?? null, v.changes.length, Buffer.byteLength(payload), json(v.unreadable), namespaces, kinds, users, v.kind === 'baseline' ? 'done' : 'pending'],
      );
      if (rows.length > 0) {
        await tx.query(
          `insert into object_changes (cluster_id, version, seq, kind, namespace, name, op, via, resource_version, uid, observed_at, before, after, manager, manager_operation, managed_at)
           select $1, $2, x.seq, x.kind, x.namespace, x.name, x.op, x.via, x.resource_version, x.uid, x.observed_at, x.before, x.after, x.manager, x.manager_operation, x.managed_at
           from json_to_recordset($3::json) as x(seq int, kind text, namespace text, name text, op text, via text, resource_version text, uid text, observed_at timestamptz, before json, after json, manager text, manager_operation text, managed_at timestamptz)`,
          [clusterId, v.version, payload],
        );
      }
      if (checkpoint) await this.writeCheckpoint(tx, clusterId, v.version, checkpoint);
    });
  }

  private async writeCheckpoint(q: Queryable, clusterId: number, version: number, state: ObjectState): Promise<void> {
    const blob = gzipSync(Buffer.from(json([...state.values()])));
    await q.query('insert into checkpoints (cluster_id, version, object_count, objects) values ($1, $2, $3, $4) on conflict do nothing', [clusterId, version, state.size, blob]);
  }

  /** Versions whose effects are still to compute, oldest first. */
  async pendingEffects(clusterId: number, limit = 50): Promise<number[]> {
    const rows = await this.db.query<Row>("select version from versions where cluster_id = $1 and effects_state = 'pending' order by version limit $2", [clusterId, limit]);
    return rows.map((r) => num(r.version));
  }

  /** Stores a version's effects, tags and content hash, and the alerts they raise (each once: dedupe keys). */
  async saveEffects(clusterId: number, version: number, result: { effects: ChangeEffects; tags: readonly string[]; contentHash: string; alerts: readonly NewAlert[] } | { error: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      if ('error' in result) {
        await tx.query("update versions set effects_state = 'failed', effects_error = $3 where cluster_id = $1 and version = $2", [clusterId, version, result.error]);
        return;
      }
      await tx.query("update versions set effects = $3::json, tags = $4::text[], content_hash = $5, effects_state = 'done', effects_error = null where cluster_id = $1 and version = $2", [
        clusterId,
        version,
        json(result.effects),
        [...result.tags],
        result.contentHash,
      ]);
      for (const a of result.alerts) {
        await tx.query(
          `insert into alert_deliveries (cluster_id, version, rule, target, dedupe_key, title, payload, state, last_error)
           values ($1, $2, $3, $4, $5, $6, $7::json, $8, $9) on conflict (dedupe_key) do nothing`,
          [clusterId, version, a.rule, a.target, a.dedupeKey, a.title, json(a.payload), a.suppressed ? 'suppressed' : 'pending', a.suppressed ?? null],
        );
      }
    });
  }

  /** Sets the content hash of a version recorded without effects (the baseline). */
  async saveContentHash(clusterId: number, version: number, contentHash: string): Promise<void> {
    await this.db.query('update versions set content_hash = $3 where cluster_id = $1 and version = $2', [clusterId, version, contentHash]);
  }

  /** Versions newest first, `before` a version (keyset pagination), with the total matching the filter. */
  async list(clusterId: number, filter: HistoryFilter = {}, page: { before?: number; limit?: number } = {}): Promise<{ versions: VersionSummary[]; total: number }> {
    const w = where(clusterId, filter);
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
    const params = [...w.params];
    let sql = `select version, at, kind, from_version, gap_reason, changes, namespaces, kinds, users, tags, effects_state, content_hash from versions where ${w.sql}`;
    if (page.before !== undefined) {
      params.push(page.before);
      sql += ` and version < $${params.length}`;
    }
    params.push(limit);
    sql += ` order by version desc limit $${params.length}`;
    const [rows, total] = await Promise.all([this.db.query<Row>(sql, params), this.db.query<Row>(`select count(*)::int as n from versions where ${w.sql}`, w.params)]);
    return { versions: rows.map(summaryOf), total: num(total[0].n) };
  }

  /** The namespaces any version changed, for the History filter. */
  async namespaces(clusterId: number): Promise<string[]> {
    const rows = await this.db.query<Row>('select distinct unnest(namespaces) as ns from versions where cluster_id = $1 order by 1 limit 1000', [clusterId]);
    return rows.map((r) => String(r.ns));
  }

  /** Every version in a period, oldest first, with its changes (export). */
  async changeSets(clusterId: number, filter: HistoryFilter = {}, limit = 100_000): Promise<ChangeSet[]> {
    const w = where(clusterId, filter);
    const rows = await this.db.query<Row>(`select version from versions where ${w.sql} order by version limit ${Math.floor(limit)}`, w.params);
    const out: ChangeSet[] = [];
    for (const r of rows) {
      const cs = await this.changeSet(clusterId, num(r.version));
      if (cs) out.push(cs);
    }
    return out;
  }

  /** One version with its object changes (before/after), who, effects and alert deliveries. */
  async changeSet(clusterId: number, version: number): Promise<ChangeSet | undefined> {
    const v = await this.db.query<Row>('select * from versions where cluster_id = $1 and version = $2', [clusterId, version]);
    if (!v[0]) return undefined;
    const [changes, alerts] = await Promise.all([
      this.db.query<Row>(
        `select c.*, e.stage_at as audit_at, e.user_agent as audit_agent from object_changes c left join audit_events e on e.audit_id = c.audit_id
         where c.cluster_id = $1 and c.version = $2 order by c.seq`,
        [clusterId, version],
      ),
      this.db.query<Row>('select * from alert_deliveries where cluster_id = $1 and version = $2 order by id', [clusterId, version]),
    ]);
    const r = v[0];
    return {
      ...summaryOf(r),
      objects: changes.map(changeOf),
      ...(r.effects ? { effects: r.effects as ChangeEffects } : {}),
      ...(r.effects_error ? { effectsError: String(r.effects_error) } : {}),
      unreadable: r.unreadable as UnreadableKind[],
      alerts: alerts.map(deliveryOf),
    };
  }

  /** Stores audit writes, once per auditID; returns how many were new. */
  async addAuditWrites(writes: readonly AuditWrite[], source: 'webhook' | 'import'): Promise<{ inserted: number; duplicates: number }> {
    if (writes.length === 0) return { inserted: 0, duplicates: 0 };
    const rows = writes.map((w) => ({
      audit_id: w.auditId,
      stage_at: w.at,
      verb: w.verb,
      username: w.user,
      groups: w.groups,
      kind: w.kind,
      resource: w.resource,
      api_group: w.apiGroup,
      namespace: w.namespace,
      name: w.name,
      resource_version: w.resourceVersion ?? null,
      response_code: w.responseCode ?? null,
      user_agent: w.userAgent ?? null,
      event: w.event,
    }));
    const inserted = await this.db.query<Row>(
      `insert into audit_events (audit_id, source, stage_at, verb, username, groups, kind, resource, api_group, namespace, name, resource_version, response_code, user_agent, event)
       select x.audit_id, $2, x.stage_at, x.verb, x.username, x.groups, x.kind, x.resource, x.api_group, x.namespace, x.name, x.resource_version, x.response_code, x.user_agent, x.event
       from json_to_recordset($1::json) as x(audit_id text, stage_at timestamptz, verb text, username text, groups jsonb, kind text, resource text, api_group text, namespace text, name text, resource_version text, response_code int, user_agent text, event json)
       on conflict (audit_id) do nothing returning audit_id`,
      [json(rows), source],
    );
    return { inserted: inserted.length, duplicates: writes.length - inserted.length };
  }

  /**
   * Attributes changes to audit events: same kind, namespace and name, a verb that makes that change, and either the
   * resourceVersion the write produced (exact) or, failing that, the newest write in the window from the previous
   * version (2 s of clock slack) to 2 s after the change was seen. Changes already attributed by audit are left alone.
   * Returns how many changes were attributed.
   */
  async attribute(clusterId?: number): Promise<number> {
    const rows = await this.db.query<Row>(
      `with prev as (
         select v.cluster_id, v.version, coalesce(p.at, v.at - interval '1 hour') as since
         from versions v left join versions p on p.cluster_id = v.cluster_id and p.version = coalesce(v.from_version, v.version - 1)
       ),
       m as (
         select c.cluster_id, c.version, c.seq, e.audit_id, e.username, e.groups,
                case when e.resource_version is not null and e.resource_version = c.resource_version then 'resourceVersion' else 'time' end as match
         from object_changes c
         join prev on prev.cluster_id = c.cluster_id and prev.version = c.version
         join lateral (
           select * from audit_events e
           where e.kind = c.kind and e.namespace = c.namespace and (e.name = c.name or (e.verb = 'deletecollection' and e.name = ''))
             and (case when c.op = 'removed' then e.verb in ('delete', 'deletecollection') else e.verb in ('create', 'update', 'patch') end)
             and ((e.resource_version is not null and e.resource_version = c.resource_version)
                  or (e.stage_at >= prev.since - interval '2 seconds' and e.stage_at <= c.observed_at + interval '2 seconds'))
           order by (e.resource_version is not null and e.resource_version = c.resource_version) desc, e.stage_at desc
           limit 1
         ) e on true
         where c.who_source is distinct from 'audit' and ($1::int is null or c.cluster_id = $1)
       )
       update object_changes c set who = m.username, who_groups = m.groups, who_source = 'audit', who_match = m.match, audit_id = m.audit_id
       from m where c.cluster_id = m.cluster_id and c.version = m.version and c.seq = m.seq
       returning c.cluster_id, c.version`,
      [clusterId ?? null],
    );
    const touched = [...new Set(rows.map((r) => `${num(r.cluster_id)}:${num(r.version)}`))];
    for (const t of touched) {
      const [cid, version] = t.split(':').map(Number);
      await this.db.query(
        `update versions set users = (
           select coalesce(array_agg(distinct u order by u), '{}') from (
             select case when who_source = 'audit' then who else manager end as u from object_changes where cluster_id = $1 and version = $2
           ) x where u is not null)
         where cluster_id = $1 and version = $2`,
        [cid, version],
      );
    }
    return rows.length;
  }

  /** Alert deliveries of a cluster, newest first. */
  async deliveries(clusterId: number, limit = 100): Promise<AlertDeliveryRecord[]> {
    const rows = await this.db.query<Row>('select * from alert_deliveries where cluster_id = $1 order by id desc limit $2', [clusterId, limit]);
    return rows.map(deliveryOf);
  }

  /**
   * Claims the pending deliveries whose next attempt is due: their next attempt moves `leaseMs` ahead, so another
   * server on the same database (or this one, if it dies mid-send) retries only after the lease.
   */
  async dueDeliveries(now: string, limit = 20, leaseMs = 60_000): Promise<DueDelivery[]> {
    const rows = await this.db.query<Row>(
      `update alert_deliveries set next_attempt_at = $1::timestamptz + ($3::int * interval '1 millisecond')
       where id in (select id from alert_deliveries where state = 'pending' and next_attempt_at <= $1::timestamptz order by id limit $2 for update skip locked)
       returning id, target, payload, attempts, created_at`,
      [now, limit, leaseMs],
    );
    rows.sort((a, b) => num(a.id) - num(b.id));
    return rows.map((r) => ({ id: num(r.id), target: String(r.target), payload: r.payload, attempts: num(r.attempts), createdAt: isoOf(r.created_at) }));
  }

  /** Records one attempt: delivered, or failed with the next try at `retryAt` (undefined: given up). */
  async recordAttempt(id: number, outcome: { ok: true; status: number } | { ok: false; status?: number; error: string; retryAt?: string }, now: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('insert into alert_attempts (delivery_id, at, status, error) values ($1, $2::timestamptz, $3, $4)', [id, now, outcome.status ?? null, outcome.ok ? null : outcome.error]);
      if (outcome.ok) await tx.query("update alert_deliveries set state = 'delivered', attempts = attempts + 1, delivered_at = $2::timestamptz, last_error = null where id = $1", [id, now]);
      else if (outcome.retryAt)
        await tx.query('update alert_deliveries set attempts = attempts + 1, last_error = $2, next_attempt_at = $3::timestamptz where id = $1', [id, outcome.error, outcome.retryAt]);
      else await tx.query("update alert_deliveries set state = 'failed', attempts = attempts + 1, last_error = $2 where id = $1", [id, outcome.error]);
    });
  }

  /** The attempts of one delivery, oldest first. */
  async attempts(id: number): Promise<{ at: string; status?: number; error?: string }[]> {
    const rows = await this.db.query<Row>('select at, status, error from alert_attempts where delivery_id = $1 order by at', [id]);
    return rows.map((r) => ({ at: isoOf(r.at), ...(r.status !== null ? { status: num(r.status) } : {}), ...(opt(r.error) ? { error: String(r.error) } : {}) }));
  }

  /** Logical size of a cluster's history: its changes' JSON plus its checkpoints. */
  async size(clusterId: number): Promise<number> {
    const rows = await this.db.query<Row>(
      'select (select coalesce(sum(bytes), 0) from versions where cluster_id = $1)::bigint + (select coalesce(sum(octet_length(objects)), 0) from checkpoints where cluster_id = $1)::bigint as n',
      [clusterId],
    );
    return num(rows[0].n);
  }

  /**
   * Retention: drops the versions older than `maxAgeMs` and, oldest first, those that keep the history above
   * `maxBytes`, always keeping the newest version. A checkpoint is written at the new oldest version first, so
   * every version kept can still be rebuilt. Returns how many versions were dropped.
   */
  async enforceRetention(clusterId: number, limits: { maxAgeMs?: number; maxBytes?: number }, now = new Date()): Promise<number> {
    const rows = await this.db.query<Row>('select version, at, bytes from versions where cluster_id = $1 order by version desc', [clusterId]);
    if (rows.length <= 1) return 0;
    const cpBytes = await this.db.query<Row>('select version, octet_length(objects)::int as n from checkpoints where cluster_id = $1', [clusterId]);
    const cpAt = new Map(cpBytes.map((r) => [num(r.version), num(r.n)]));
    let keepFrom = num(rows[0].version);
    let total = 0;
    for (const r of rows) {
      const v = num(r.version);
      if (limits.maxAgeMs !== undefined && now.getTime() - new Date(isoOf(r.at)).getTime() > limits.maxAgeMs && v !== num(rows[0].version)) break;
      total += num(r.bytes) + (cpAt.get(v) ?? 0);
      if (limits.maxBytes !== undefined && total > limits.maxBytes && v !== num(rows[0].version)) break;
      keepFrom = v;
    }
    const oldest = num(rows[rows.length - 1].version);
    if (keepFrom <= oldest) return 0;
    const state = await this.stateAt(clusterId, keepFrom);
    return this.db.transaction(async (tx) => {
      await this.writeCheckpoint(tx, clusterId, keepFrom, state);
      const dropped = await tx.query<Row>('delete from versions where cluster_id = $1 and version < $2 returning version', [clusterId, keepFrom]);
      await tx.query('delete from checkpoints where cluster_id = $1 and version < $2', [clusterId, keepFrom]);
      return dropped.length;
    });
  }
}

