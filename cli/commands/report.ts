import type { Snapshot } from '../../lib/model';
import { type ReportChanges } from '../../lib/report/auditReport';
import { openHistoryStore, storeLocation } from '../../lib/store/openStore';
import { writeFile } from 'node:fs/promises';
import { analyze } from '../../lib/analyses';
import { auditHtml, auditJson, auditMd } from '../../lib/report/auditFormats';
import { buildAuditReport } from '../../lib/report/auditReport';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { readConfigFile } from '../config';
import { perimeterVersion } from './check';
import { loadInput, podCount, printWarnings } from '../input';

const HELP = `Usage: perimeter report PATH... [--format html|md|json] [--config FILE] [-o FILE]
       perimeter report --cluster [--context NAME] [options]

Writes a self-contained audit report of the manifests under PATH (or a live cluster): the snapshot's source, time and
content hash (sha256), isolation coverage, every NetworkPolicy with who can change it, separation-of-duties results,
the NetworkPolicy access matrix, all findings (allow-listed ones marked), and which checks evidence which controls
(PCI DSS v4.0 1.2-1.4 and 7.2; ISO/IEC 27001:2022 Annex A 5.3, 5.15, 8.2, 8.22). The HTML has inline styles and no
scripts: it opens offline and prints cleanly.

Options:
  --format html|md|json     default html
  --config FILE             perimeter.config.yaml (groups, duties, rules, allow)
  -o, --output FILE         write to FILE instead of stdout
  --changes-from TIME       with --cluster: add "changes in the period" from the history store (perimeter history)
  --changes-to TIME         end of that period (default now)

Examples:
  perimeter report ./k8s -o perimeter-report.html
  perimeter report --cluster --context prod --format json > evidence.json
`;

/** "Changes in the period" from the history store (DATABASE_URL or PERIMETER_DATA_DIR) for a live cluster's snapshot. */
async function historyChanges(snapshot: Snapshot, from: string, to: string | undefined): Promise<ReportChanges> {
  if (snapshot.source.kind !== 'cluster') throw new UsageError('--changes-from needs --cluster: history is recorded for live clusters');
  const time = (flag: string, v: string) => {
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new UsageError(`--${flag} must be an ISO 8601 time or date, got "${v}"`);
    return new Date(t).toISOString();
  };
  const { context, server } = snapshot.source;
  let store;
  try {
    store = await openHistoryStore(storeLocation());
  } catch (e) {
    throw new UsageError(`cannot open the history store: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const c = (await store.clusters()).find((x) => x.context === context && x.server === server);
    if (!c) throw new UsageError(`the history store has nothing for ${context} (${server})`);
    const filter = { from: time('changes-from', from), ...(to ? { to: time('changes-to', to) } : {}) };
    return { ...filter, versions: await store.changeSets(c.id, filter) };
  } finally {
    await store.close();
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a self-contained audit report with control mapping (html, md, json)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      config: { type: 'string' },
      output: { type: 'string', short: 'o' },
      cluster: { type: 'boolean' },
      context: { type: 'string' },
      'changes-from': { type: 'string' },
      'changes-to': { type: 'string' },
    });
    const format = oneOf('format', values.format, ['html', 'md', 'json'] as const, 'html');
    if (!values.cluster && positionals.length === 0) throw new UsageError('needs at least one PATH (a manifest file or folder), or --cluster');
    const { config, warnings } = await readConfigFile(values.config);
    printWarnings(io, warnings);
    if (warnings.some((w) => w.severity === 'error')) return EXIT.usage;
    const snapshot = await loadInput(positionals, io, { cluster: values.cluster, context: values.context });
    if (!snapshot) return EXIT.usage;
    const changes = values['changes-from'] !== undefined ? await historyChanges(snapshot, values['changes-from'], values['changes-to']) : undefined;
    io.progress?.(`building the audit report of ${podCount(snapshot)}`);
    const report = buildAuditReport(analyze(snapshot, config), { generatedAt: new Date().toISOString(), tool: { name: 'Perimeter', version: perimeterVersion() }, ...(changes ? { changes } : {}) });
    const text = format === 'json' ? auditJson(report) : format === 'md' ? auditMd(report) : auditHtml(report);
    if (values.output) {
      try {
        io.progress?.(`writing ${values.output}`);
        await writeFile(values.output, text);
      } catch (e) {
        throw new UsageError(`cannot write ${values.output} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      io.err(`wrote ${values.output} (${Buffer.byteLength(text)} bytes)\n`);
    } else await io.out(text);
    return EXIT.ok;
  },
};
