import { analyze } from '../../lib/analyses';
import { newExposures, snapshotDiff } from '../../lib/diff';
import { diffJson, diffMd, diffTxt } from '../../lib/report/diffFormats';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { readConfigFile } from '../config';
import { loadInput, printWarnings } from '../input';

const HELP = `Usage: perimeter diff BASE HEAD [--format txt|json|md] [--fail-on-new-exposure] [--config FILE]

Compares two sets of manifests (folders or files, e.g. two Git checkouts of a repository): the connections added,
removed and changed (ports), and the subjects who gain or lose rights to change NetworkPolicies or workloads. The md
format is ready to post as a pull-request comment.

Options:
  --format txt|json|md       output format (default txt)
  --fail-on-new-exposure     exit 1 when the change opens a new path from outside the cluster or across namespaces
  --findings                 also run every rule (docs/rules.md) on both sides and list findings introduced/resolved
  --config FILE              perimeter.config.yaml (groups for the access comparison; rules and allow for --findings)

Exit codes: 0 (whatever changed, unless --fail-on-new-exposure), 1 a new exposure with --fail-on-new-exposure,
2 usage or input error.

Example:
  git worktree add /tmp/base origin/main
  perimeter diff /tmp/base/k8s ./k8s --format md > perimeter-diff.md
`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what a change does: connections added/removed/changed and access gained/lost (txt, json, md for PRs)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, 'fail-on-new-exposure': { type: 'boolean' }, findings: { type: 'boolean' }, config: { type: 'string' } });
    const format = oneOf('format', values.format, ['txt', 'json', 'md'] as const, 'txt');
    if (positionals.length !== 2) throw new UsageError(`needs exactly two paths, BASE and HEAD (got ${positionals.length})`);
    const { config, warnings } = await readConfigFile(values.config);
    printWarnings(io, warnings);
    const base = await loadInput([positionals[0]], io);
    if (!base) return EXIT.usage;
    const head = await loadInput([positionals[1]], io);
    if (!head) return EXIT.usage;
    const d = snapshotDiff(analyze(base, config), analyze(head, config), { findings: values.findings });
    await io.out(format === 'json' ? diffJson(d) : format === 'md' ? diffMd(d) : diffTxt(d));
    return values['fail-on-new-exposure'] && newExposures(d).length > 0 ? EXIT.failed : EXIT.ok;
  },
};
