import { can, canNonResource, describePath, requestScope, resourceLabel, subjectKey } from '../../lib/rbac';
import { parseSubjectRequest } from '../../lib/request';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { loadRbacForCommand } from '../config';
import { pathJson, resourceArg, subjectJson } from './whoCan';

const HELP = `Usage: perimeter can SUBJECT VERB RESOURCE[/SUBRESOURCE] [-n NAMESPACE] [--name NAME] PATH... [--config FILE] [--format txt|json]

Answers whether SUBJECT may do VERB on RESOURCE and prints every path that allows it. Exit code 0 when allowed,
1 when denied, 2 on a usage error.
SUBJECT is User:alice, Group:devs or ServiceAccount:NAMESPACE/NAME. Users are in system:authenticated and in the groups
--config declares for them; ServiceAccounts are in system:serviceaccounts, system:serviceaccounts:NAMESPACE and
system:authenticated; a Group is asked with system:authenticated (what membership alone gives).
RESOURCE is resolved as in who-can; a RESOURCE starting with "/" is a non-resource URL (e.g. /metrics).
Without -n the request is cluster-scoped: only ClusterRoleBindings apply. As in who-can, -n is ignored for built-in
cluster-scoped resources (except bind), namespaces/NAME is in namespace NAME, and a plain create carries no --name.

Examples:
  perimeter can User:alice@acme.example patch networkpolicies -n shop-backend ./manifests
  perimeter can ServiceAccount:ci/gitlab-runner create pods/exec -n shop-backend ./manifests
  perimeter can User:prometheus get /metrics ./manifests
`;

export const canCommand: Command = {
  name: 'can',
  summary: 'check whether a subject may do VERB on RESOURCE (exit 0 allowed, 1 denied)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      namespace: { type: 'string', short: 'n' },
      name: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
    });
    const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
    const [subjectText, verb, resourceText, ...paths] = positionals;
    if (!subjectText || !verb || !resourceText) throw new UsageError('needs SUBJECT, VERB and RESOURCE');
    const parsed = parseSubjectRequest(subjectText);
    if (!parsed.ok) throw new UsageError(`SUBJECT: ${parsed.message}`);
    const subject = parsed.value;
    const nonResource = resourceText.startsWith('/');
    if (nonResource && (values.namespace || values.name)) throw new UsageError('a non-resource URL takes no -n or --name');
    const resource = nonResource ? undefined : resourceArg(resourceText, io);
    const loaded = await loadRbacForCommand(paths, values.config, io, [verb]);
    if (!loaded) return EXIT.usage;
    const req = resource ? requestScope(verb, resource, values.namespace, values.name) : { namespace: undefined, name: undefined, notes: [] };
    for (const n of req.notes) io.err(`note: ${n}\n`);
    const decision = resource ? can(loaded.index, subject, verb, resource, req.namespace, req.name) : canNonResource(loaded.index, subject, verb, resourceText);
    if (format === 'json') {
      await io.out(
        `${JSON.stringify({ subject: subjectJson(subject), verb, resource: resource ?? null, nonResourceURL: nonResource ? resourceText : null, namespace: req.namespace ?? null, name: req.name ?? null, allowed: decision.allowed, paths: decision.paths.map(pathJson) }, null, 2)}\n`,
      );
    } else {
      const what = resource ? `${resourceLabel(resource)}${req.name ? ` named ${req.name}` : ''}` : resourceText;
      const scope = resource ? (req.namespace ? ` in namespace ${req.namespace}` : ' at cluster scope') : '';
      let text = `${decision.allowed ? 'yes' : 'no'}: ${subjectKey(subject)} ${decision.allowed ? 'can' : 'cannot'} ${verb} ${what}${scope}\n`;
      for (const p of decision.paths) text += `  ${describePath(p)}\n`;
      await io.out(text);
    }
    return decision.allowed ? EXIT.ok : EXIT.failed;
  },
};
