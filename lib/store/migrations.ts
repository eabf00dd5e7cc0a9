// The history store's schema, as numbered migrations applied at start. Append new ones; never edit an applied one.
import type { Db } from './db';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'history: clusters, versions, object changes, checkpoints, audit events, alert deliveries',
    sql: `
create table clusters (
  id serial primary key,
  key text not null unique,
  context text not null,
  server text not null,
  created_at timestamptz not null default now()
);

-- One row per recorded snapshot version of a cluster. kind: baseline (the first state recorded), change (seen by the
-- watches), gap (what changed while nothing was recorded: between from_version and version).
create table versions (
  cluster_id int not null references clusters(id),
  version int not null,
  at timestamptz not null,
  kind text not null check (kind in ('baseline', 'change', 'gap')),
  from_version int,
  gap_reason text,
  live_version int,
  changes int not null,
  bytes int not null,
  unreadable jsonb not null default '[]',
  effects json,
  effects_state text not null default 'pending' check (effects_state in ('pending', 'done', 'failed')),
  effects_error text,
  content_hash text,
  tags text[] not null default '{}',
  namespaces text[] not null default '{}',
  kinds text[] not null default '{}',
  users text[] not null default '{}',
  primary key (cluster_id, version)
);
create index versions_at on versions (cluster_id, at);
create index versions_pending on versions (cluster_id, version) where effects_state = 'pending';

-- The objects added, modified and removed by a version, in their stored form (lib/sources/storedObject).
create table object_changes (
  cluster_id int not null,
  version int not null,
  seq int not null,
  kind text not null,
  namespace text not null,
  name text not null,
  op text not null check (op in ('added', 'modified', 'removed')),
  via text not null,
  resource_version text,
  uid text,
  observed_at timestamptz not null,
  before json,
  after json,
  manager text,
  manager_operation text,
  managed_at timestamptz,
  who text,
  who_groups jsonb,
  who_source text check (who_source in ('audit', 'managedFields')),
  who_match text,
  audit_id text,
  primary key (cluster_id, version, seq),
  foreign key (cluster_id, version) references versions (cluster_id, version) on delete cascade
);
create index object_changes_object on object_changes (cluster_id, kind, namespace, name, version);
create index object_changes_unattributed on object_changes (cluster_id, observed_at) where who_source is distinct from 'audit';

-- Every object of a version (gzip of a JSON array), every N versions, so any version is rebuilt from the nearest one.
create table checkpoints (
  cluster_id int not null,
  version int not null,
  object_count int not null,
  objects bytea not null,
  primary key (cluster_id, version)
);

-- Kubernetes audit events of writes to the kinds Perimeter reads, from the webhook or an imported log.
create table audit_events (
  audit_id text primary key,
  source text not null,
  received_at timestamptz not null default now(),
  stage_at timestamptz not null,
  verb text not null,
  username text not null,
  groups jsonb not null,
  kind text not null,
  resource text not null,
  api_group text not null,
  namespace text not null,
  name text not null,
  resource_version text,
  response_code int,
  user_agent text,
  event json not null
);
create index audit_events_object on audit_events (kind, namespace, name, stage_at);

create table alert_deliveries (
  id serial primary key,
  cluster_id int not null,
  version int not null,
  rule text not null,
  target text not null,
  dedupe_key text not null unique,
  title text not null,
  payload json not null,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'failed', 'suppressed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (cluster_id, version) references versions (cluster_id, version) on delete cascade
);
create index alert_deliveries_due on alert_deliveries (next_attempt_at) where state = 'pending';

create table alert_attempts (
  delivery_id int not null references alert_deliveries (id) on delete cascade,
  at timestamptz not null default now(),
  status int,
  error text
);
create index alert_attempts_delivery on alert_attempts (delivery_id);
`,
  },
];

/**
 * Applies the migrations not yet applied, each in its own transaction with its version row, under an advisory lock:
 * two servers starting on one PostgreSQL apply each migration once, and running it again changes nothing.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  // `create table if not exists` is not safe against a concurrent create: take the lock first here too.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(42013)');
    await tx.exec('create table if not exists perimeter_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())');
  });
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      // Serialises concurrent starts; released at commit.
      await tx.query('select pg_advisory_xact_lock(42013)');
      const rows = await tx.query('select 1 from perimeter_migrations where version = $1', [m.version]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into perimeter_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
