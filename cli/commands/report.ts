import { writeFile } from 'node:fs/promises';
import { analyze } from '../../lib/analyses';
import { auditHtml, auditJson, auditMd } from '../../lib/report/auditFormats';
import { buildAuditReport } from '../../lib/report/auditReport';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { readConfigFile } from '../config';
import { perimeterVersion } from './check';
import { loadInput, printWarnings } from '../input';

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

Examples:
  perimeter report ./k8s -o perimeter-report.html
  perimeter report --cluster --context prod --format json > evidence.json
`;

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
    });
    const format = oneOf('format', values.format, ['html', 'md', 'json'] as const, 'html');
    if (!values.cluster && positionals.length === 0) throw new UsageError('needs at least one PATH (a manifest file or folder), or --cluster');
    const { config, warnings } = await readConfigFile(values.config);
    printWarnings(io, warnings);
    if (warnings.some((w) => w.severity === 'error')) return EXIT.usage;
    const snapshot = await loadInput(positionals, io, { cluster: values.cluster, context: values.context });
    if (!snapshot) return EXIT.usage;
    const report = buildAuditReport(analyze(snapshot, config), { generatedAt: new Date().toISOString(), tool: { name: 'Perimeter', version: perimeterVersion() } });
    const text = format === 'json' ? auditJson(report) : format === 'md' ? auditMd(report) : auditHtml(report);
    if (values.output) {
      try {
        await writeFile(values.output, text);
      } catch (e) {
        throw new UsageError(`cannot write ${values.output} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      io.err(`wrote ${values.output} (${Buffer.byteLength(text)} bytes)\n`);
    } else await io.out(text);
    return EXIT.ok;
  },
};
