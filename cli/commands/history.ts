import { readFile, writeFile } from 'node:fs/promises';
import { parseAuditLog } from '../../lib/history/auditEvents';
import { EFFECT_TAGS } from '../../lib/history/effects';
import { describeChange, describeWhen, describeWho, historyCsv, historyJson, historyMd, summarizeEffects } from '../../lib/history/historyFormats';
import type { HistoryFilter } from '../../lib/history/types';
import { diffText, lineDiff, toYaml } from '../../lib/history/yamlDiff';
import type { HistoryStore } from '../../lib/store/historyStore';
import { openHistoryStore, storeLocation, type StoreLocation } from '../../lib/store/openStore';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../command';
import { perimeterVersion } from './check';
import { printWarnings } from '../input';

const HELP = `Usage: perimeter history list [filters] [--limit N] [--before VERSION] [--format txt|json]
       perimeter history show VERSION [--format txt|json]
       perimeter history export [--from TIME] [--to TIME] [filters] --format json|csv|md [-o FILE]
       perimeter history import-audit FILE [--cluster CONTEXT]

Reads the history the dashboard records for a live cluster (PERIMETER_SOURCE=cluster): every version of the
NetworkPolicies, admin policies, RBAC objects, namespaces and workloads' labels, who changed them (from Kubernetes
audit events, else the managedFields manager, marked as such) and what each change did (connections, rights,
escalation paths, findings, default denies). The store is the server's: DATABASE_URL (PostgreSQL), else PGlite in
PERIMETER_DATA_DIR (default ./.perimeter). PGlite is one process's database: stop the server first, or use PostgreSQL.

Filters:
  --namespace NS   --kind KIND   --user TEXT (audit user or field manager, substring)
  --effect TAG     one of ${EFFECT_TAGS.map((t) => t.tag).join(', ')}
  --from TIME --to TIME   ISO 8601 times (or dates), inclusive
  --cluster CONTEXT       which cluster's history, when the store holds several
  --data-dir DIR / --database-url URL   another store than the environment names

import-audit reads a kube-apiserver audit log (JSON lines, --audit-log-path with --audit-log-format=json) and
matches its writes to recorded changes, as the audit webhook (POST /api/audit) does.

Examples:
  perimeter history list --effect removed-default-deny
  perimeter history show 42
  perimeter history export --from 2026-01-01 --to 2026-03-31 --format md -o q1-changes.md
  perimeter history import-audit /var/log/kubernetes/audit.log
`;

const FILTERS = {
  namespace: { type: 'string' },
  kind: { type: 'string' },
  user: { type: 'string' },
  effect: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  cluster: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

function time(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new UsageError(`--${flag} must be an ISO 8601 time or date, got "${v}"`);
  return new Date(t).toISOString();
}

function filterOf(values: Record<string, string | boolean | undefined>): HistoryFilter {
  const s = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const effect = s('effect');
  if (effect && !EFFECT_TAGS.some((t) => t.tag === effect)) throw new UsageError(`--effect must be one of ${EFFECT_TAGS.map((t) => t.tag).join('|')}, got "${effect}"`);
  const f: { -readonly [K in keyof HistoryFilter]: HistoryFilter[K] } = {};
  for (const k of ['namespace', 'kind', 'user'] as const) if (s(k)) f[k] = s(k);
  if (effect) f.effect = effect;
  const from = time('from', s('from'));
  const to = time('to', s('to'));
  if (from) f.from = from;
  if (to) f.to = to;
  return f;
}

async function open(values: Record<string, string | boolean | undefined>): Promise<HistoryStore> {
  const url = values['database-url'];
  const dir = values['data-dir'];
  const location: StoreLocation = typeof url === 'string' ? { kind: 'postgres', url } : typeof dir === 'string' ? storeLocation({ PERIMETER_DATA_DIR: dir }) : storeLocation();
  try {
    return await openHistoryStore(location);
  } catch (e) {
    throw new UsageError(`cannot open the history store (${location.kind === 'postgres' ? 'DATABASE_URL' : location.dir}): ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function pickCluster(store: HistoryStore, context: string | undefined): Promise<{ id: number; context: string; server: string }> {
  const all = await store.clusters();
  if (all.length === 0) throw new UsageError('the store holds no history yet: run the dashboard with PERIMETER_SOURCE=cluster to record one');
  const matching = context ? all.filter((c) => c.context === context) : all;
  if (matching.length === 1) return matching[0];
  const names = all.map((c) => `${c.context} (${c.server}, ${c.versions} versions)`).join(', ');
  throw new UsageError(context ? `no history for cluster context "${context}" (recorded: ${names})` : `the store holds several clusters: pick one with --cluster (${names})`);
}

async function list(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...FILTERS, limit: { type: 'string' }, before: { type: 'string' }, format: { type: 'string' } });
  const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  const store = await open(values);
  try {
    const c = await pickCluster(store, values.cluster);
    const page = await store.list(c.id, filterOf(values), { limit, ...(values.before ? { before: Number(values.before) } : {}) });
    if (format === 'json') {
      await io.out(`${JSON.stringify({ cluster: c, ...page }, null, 2)}\n`);
      return EXIT.ok;
    }
    const lines = page.versions.map((v) => `${String(v.version).padStart(6)}  ${describeWhen(v)}  ${v.changes} change${v.changes === 1 ? '' : 's'}  ${v.kinds.join(',')}${v.namespaces.length ? ` in ${v.namespaces.join(',')}` : ''}  by ${v.users.join(', ') || 'unknown'}${v.tags.length ? `  [${v.tags.join(' ')}]` : ''}`);
    await io.out(`${c.context} (${c.server}): ${page.total} version${page.total === 1 ? '' : 's'} match${page.versions.length < page.total ? `, newest ${page.versions.length} shown (--before ${page.versions.at(-1)?.version} for more)` : ''}\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function show(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...FILTERS, format: { type: 'string' } });
  const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
  const version = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(version)) throw new UsageError('show needs one VERSION number');
  const store = await open(values);
  try {
    const c = await pickCluster(store, values.cluster);
    const cs = await store.changeSet(c.id, version);
    if (!cs) throw new UsageError(`version ${version} is not in the history of ${c.context} (retention may have dropped it)`);
    if (format === 'json') {
      await io.out(`${JSON.stringify(cs, null, 2)}\n`);
      return EXIT.ok;
    }
    const o = [`Version ${cs.version} of ${c.context}: ${describeWhen(cs)}`, `Content hash: ${cs.contentHash ?? 'pending'}`, `Effects: ${summarizeEffects(cs.effects, cs.effectsState)}`, ''];
    for (const ch of cs.objects) {
      o.push(`${describeChange(ch)}  by ${describeWho(ch)}${ch.resourceVersion ? `  resourceVersion ${ch.resourceVersion}` : ''}`);
      o.push(diffText(lineDiff(toYaml(ch.before?.body), toYaml(ch.after?.body))), '');
    }
    const e = cs.effects;
    if (e) {
      for (const x of e.connections.items) o.push(`connection ${x.change}: ${x.src} → ${x.dst} ${x.change === 'changed' ? `${x.before} → ${x.after}` : x.change === 'added' ? x.after : x.before}${x.exposure ? ` (${x.exposure})` : ''}`);
      if (e.connections.omitted) o.push(`… and ${e.connections.omitted} more connection changes`);
      for (const a of e.access) o.push(`rights ${a.change}: ${a.subject} ${a.capability}${a.namespace ? ` in ${a.namespace}` : ' (cluster-wide)'}: ${a.rights.join(', ')}`);
      for (const x of e.escalation) o.push(`escalation path ${x.change}: ${x.subject} in ${x.namespace}: ${x.steps.join('; ')}`);
      for (const d of e.defaultDenies) o.push(`default deny ${d.direction} ${d.change} in ${d.namespace}`);
      for (const f of e.findings.opened) o.push(`finding opened: [${f.severity}] ${f.title} (${f.id})`);
      for (const f of e.findings.closed) o.push(`finding closed: [${f.severity}] ${f.title} (${f.id})`);
    }
    for (const a of cs.alerts) o.push(`alert ${a.rule} → ${a.target}: ${a.state}${a.lastError ? ` (${a.lastError})` : ''}, ${a.attempts} attempt${a.attempts === 1 ? '' : 's'}`);
    await io.out(`${o.join('\n')}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function exportHistory(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...FILTERS, format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  const format = oneOf('format', values.format, ['json', 'csv', 'md'] as const, 'json');
  const store = await open(values);
  try {
    const c = await pickCluster(store, values.cluster);
    const filter = filterOf(values);
    const sets = await store.changeSets(c.id, filter);
    const period = { cluster: { context: c.context, server: c.server }, ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}), generatedAt: new Date().toISOString(), tool: { name: 'Perimeter', version: perimeterVersion() } };
    const text = format === 'csv' ? historyCsv(sets) : format === 'md' ? historyMd(period, sets) : historyJson(period, sets);
    if (values.output) {
      await writeFile(values.output, text).catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot write ${values.output} (${e.code ?? String(e)})`);
      });
      io.err(`wrote ${values.output}: ${sets.length} versions (${Buffer.byteLength(text)} bytes)\n`);
    } else await io.out(text);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function importAudit(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...FILTERS });
  if (positionals.length !== 1) throw new UsageError('import-audit needs one FILE (a JSON-lines audit log)');
  let text: string;
  try {
    text = await readFile(positionals[0], 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${positionals[0]} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const parsed = parseAuditLog(text, positionals[0]);
  printWarnings(io, parsed.warnings);
  const store = await open(values);
  try {
    const added = await store.addAuditWrites(parsed.writes, 'import');
    const attributed = await store.attribute();
    io.err(`${positionals[0]}: ${parsed.writes.length} writes to watched kinds (${added.inserted} new, ${added.duplicates} already known), ${parsed.ignored} other events ignored; ${attributed} recorded changes attributed\n`);
    return parsed.warnings.some((w) => w.severity === 'error') ? EXIT.usage : EXIT.ok;
  } finally {
    await store.close();
  }
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'the recorded history of a live cluster: list, show, export (json, csv, md), import-audit',
  help: HELP,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'list':
        return list(rest, io);
      case 'show':
        return show(rest, io);
      case 'export':
        return exportHistory(rest, io);
      case 'import-audit':
        return importAudit(rest, io);
      default:
        throw new UsageError(sub === undefined ? 'needs a subcommand: list, show, export or import-audit' : `unknown subcommand "${sub}" (list, show, export, import-audit)`);
    }
  },
};
