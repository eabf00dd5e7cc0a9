import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../lib/analyses';
import { SEVERITIES } from '../../lib/findings/finding';
import { runChecks } from '../../lib/report/checkReport';
import { checkJson, checkMd, checkTxt } from '../../lib/report/checkFormats';
import { checkSarif } from '../../lib/report/sarif';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { readConfigFile } from '../config';
import { loadInput, podCount, printWarnings } from '../input';

const HELP = `Usage: perimeter check PATH... [--config FILE] [--fail-on low|medium|high] [--format txt|json|sarif|md]
       perimeter check - [options]                  (manifests on stdin, e.g. from helm template)
       perimeter check --cluster [--context NAME] [options]

Runs every network and RBAC rule (docs/rules.md) over the manifests under PATH (a repository folder, Helm output) or a
live cluster, applies the config's rule switches, severities and allow-list, and reports each finding with its file and
line. Suppressed (allow-listed) findings are listed with their reason but never fail the check.

Options:
  --config FILE                     perimeter.config.yaml: groups, duties, rules, allow (docs/config.md)
  --fail-on low|medium|high         exit 1 when an unsuppressed finding at or above this severity exists (default high)
  --format txt|json|sarif|md        txt (default), json, SARIF 2.1.0 for code scanning, or Markdown for a PR comment
  --cluster [--context NAME]        read a live cluster through the kubeconfig (current context by default)

Exit codes: 0 passed, 1 a finding at or above --fail-on, 2 usage or input error (a PATH missing, a manifest that does
not parse, an unreadable --config).

Examples:
  perimeter check ./k8s --fail-on medium
  helm template ./chart | perimeter check - --format md
`;

/** The package version, for SARIF's tool.driver.version. */
export function perimeterVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'run every network and RBAC rule; exit 1 on findings at or above --fail-on (txt, json, sarif, md)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      format: { type: 'string' },
      cluster: { type: 'boolean' },
      context: { type: 'string' },
    });
    const failOn = oneOf('fail-on', values['fail-on'], SEVERITIES, 'high');
    const format = oneOf('format', values.format, ['txt', 'json', 'sarif', 'md'] as const, 'txt');
    if (!values.cluster && positionals.length === 0) throw new UsageError('needs at least one PATH (a manifest file or folder), or --cluster');
    const { config, warnings: configWarnings } = await readConfigFile(values.config);
    const configErrors = configWarnings.filter((w) => w.severity === 'error');
    printWarnings(io, configWarnings);
    if (configErrors.length > 0) return EXIT.usage;
    const snapshot = await loadInput(positionals, io, { cluster: values.cluster, context: values.context });
    if (!snapshot) return EXIT.usage;
    io.progress?.(`checking ${podCount(snapshot)} and ${(snapshot.roleBindings.length + snapshot.clusterRoleBindings.length).toLocaleString('en-US')} bindings`);
    const result = runChecks(analyze(snapshot, config), failOn);
    if (format !== 'json' && format !== 'sarif') printWarnings(io, result.warnings);
    switch (format) {
      case 'txt':
        await io.out(checkTxt(result));
        break;
      case 'md':
        await io.out(checkMd(result));
        break;
      case 'json':
        await io.out(checkJson(result));
        break;
      case 'sarif':
        await io.out(`${JSON.stringify(checkSarif(result, { name: 'Perimeter', version: perimeterVersion() }), null, 2)}\n`);
        break;
    }
    return result.failing > 0 ? EXIT.failed : EXIT.ok;
  },
};
