import { ALL_VERBS, accessMatrix, resourceLabel, subjectKey, type AccessMatrix, type ResourceRef } from '../../lib/rbac';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, type CliIO, type Command } from '../command';
import { loadRbacForCommand } from '../config';
import { pathJson, resourceArg, subjectJson } from './whoCan';

const HELP = `Usage: perimeter access-matrix [-n NAMESPACE] [--resources a,b,...] [--verbs v,w,...] PATH... [--config FILE] [--format txt|json|csv]

The permissions matrix: every subject allowed anything on the chosen resources × verbs, one cell per pair.
Default resources: networkpolicies and the workload resources (pods, deployments, statefulsets, daemonsets, replicasets,
jobs, cronjobs, replicationcontrollers); default verbs: get list watch create update patch delete deletecollection.
Without -n the matrix is cluster-scoped: only ClusterRoleBindings apply. Cells are collection-level (no object name).
txt shows one letter per verb (g l w c u p d D; "." = denied); json carries every cell's paths; csv has one column per
resource:verb with 1/0.

Examples:
  perimeter access-matrix -n payments ./manifests
  perimeter access-matrix -n shop-backend --resources netpol,deploy --format csv ./manifests
`;

const LETTER: Record<string, string> = { get: 'g', list: 'l', watch: 'w', create: 'c', update: 'u', patch: 'p', delete: 'd', deletecollection: 'D' };

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function printTxt(m: AccessMatrix, resources: readonly ResourceRef[], verbs: readonly string[], io: CliIO): Promise<void> {
  const letters = verbs.map((v) => LETTER[v] ?? v[0]).join('');
  const width = Math.max(7, ...m.rows.map((r) => subjectKey(r.subject).length));
  const colWidth = resources.map((r) => Math.max(verbs.length, r.resource.length));
  let text = `Access matrix ${m.namespace ? `in namespace ${m.namespace}` : 'at cluster scope (ClusterRoleBindings only)'}: ${m.rows.length} subject(s); verbs ${letters} = ${verbs.join(' ')}\n`;
  text += `${'subject'.padEnd(width)}  ${resources.map((r, i) => r.resource.padEnd(colWidth[i])).join(' ')}\n`;
  for (const row of m.rows) {
    const cells = resources.map((_, ri) => verbs.map((v, vi) => (row.cells[ri * verbs.length + vi].allowed ? (LETTER[v] ?? v[0]) : '.')).join('').padEnd(colWidth[ri]));
    text += `${subjectKey(row.subject).padEnd(width)}  ${cells.join(' ').trimEnd()}\n`;
    if (text.length > 64_000) {
      await io.out(text);
      text = '';
    }
  }
  await io.out(text);
}

export const accessMatrixCommand: Command = {
  name: 'access-matrix',
  summary: 'print the subjects × resource/verb permissions matrix of a namespace',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      namespace: { type: 'string', short: 'n' },
      resources: { type: 'string' },
      verbs: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
    });
    const format = oneOf('format', values.format, ['txt', 'json', 'csv'] as const, 'txt');
    const resources = values.resources?.split(',').filter(Boolean).map((r) => resourceArg(r.trim(), io));
    const verbs = values.verbs ? values.verbs.split(',').map((v) => v.trim()).filter(Boolean) : ALL_VERBS;
    const loaded = await loadRbacForCommand(positionals, values.config, io, verbs);
    if (!loaded) return EXIT.usage;
    const m = accessMatrix(loaded.index, values.namespace, { resources, verbs });
    const cols = [...new Set(m.columns.map((c) => c.resource))];
    if (format === 'json') {
      await io.out(
        `${JSON.stringify(
          {
            namespace: m.namespace ?? null,
            columns: m.columns.map((c) => ({ resource: c.resource, verb: c.verb, label: c.label })),
            rows: m.rows.map((r) => ({ subject: subjectJson(r.subject), cells: r.cells.map((c) => ({ allowed: c.allowed, paths: c.paths.map(pathJson) })) })),
          },
          null,
          2,
        )}\n`,
      );
    } else if (format === 'csv') {
      let text = `${['kind', 'name', 'namespace', ...m.columns.map((c) => `${resourceLabel(c.resource)}:${c.verb}`)].map(csvCell).join(',')}\n`;
      for (const r of m.rows) {
        const s = subjectJson(r.subject);
        text += `${[s.kind, s.name, s.namespace ?? '', ...r.cells.map((c) => (c.allowed ? '1' : '0'))].map(csvCell).join(',')}\n`;
      }
      await io.out(text);
    } else {
      await printTxt(m, cols, verbs, io);
    }
    return EXIT.ok;
  },
};
