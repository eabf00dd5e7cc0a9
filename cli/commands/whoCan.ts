import type { Subject } from '../../lib/model';
import { describePath, directEditors, describeStep, indirectEditors, namespaceEditors, NETWORK_POLICY, requestScope, resolveResource, resourceLabel, subjectKey, whoCan, whoCanCache, type GrantPath, type ResourceRef } from '../../lib/rbac';
import { plural } from '../../lib/report/plural';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../command';
import { loadRbacForCommand } from '../config';

const HELP = `Usage: perimeter who-can VERB RESOURCE[/SUBRESOURCE] [-n NAMESPACE] [--name NAME] PATH... [--config FILE] [--format txt|json] [--indirect]

Lists the subjects allowed VERB on RESOURCE, each with every path that allows it (binding → role → rule).
Without -n the question is cluster-scoped (cluster-scoped resources, or all namespaces): only ClusterRoleBindings apply.
The request is the one the API server would authorize: -n is ignored for built-in cluster-scoped resources (except for
bind), a request on namespaces/NAME is in namespace NAME, and --name is ignored for a plain create (a note says so).
RESOURCE is a plural, singular or short name (networkpolicies, netpol, deploy), optionally with its group
(networkpolicies.networking.k8s.io, deployments.apps). Names outside the built-in table are taken as written, in the
core group, with a warning (as kubectl auth can-i does without discovery). Group system:masters is always listed: the
API server's superuser group bypasses RBAC. Members of allowed groups are listed too when known (groups declared in
--config, and the ServiceAccounts of system:serviceaccounts[:NS]).
--indirect (with -n) lists the editors instead, as the dashboard's Policies page and Access matrix count them: the
direct ones (create, update, patch, delete or deletecollection, asked instead of VERB) and who can become one in one
step (impersonation, bind/escalate, workloads running as an editing ServiceAccount, token creation). With --name, of
that object; without, of any object of RESOURCE in the namespace (for networkpolicies: of any or of one of its
policies, so a resourceNames rule on one policy counts too).

Examples:
  perimeter who-can patch networkpolicies -n payments ./manifests
  perimeter who-can create pods/exec -n shop-backend ./manifests --format json
  perimeter who-can delete netpol -n payments --name default-deny-all --indirect ./manifests
  perimeter who-can update netpol -n payments --indirect ./manifests
`;

/** A subject as JSON output shows it: `{kind, name, namespace?}`. */
export function subjectJson(s: Subject): { kind: string; name: string; namespace?: string } {
  return s.kind === 'ServiceAccount' ? { kind: s.kind, name: s.name, namespace: s.namespace } : { kind: s.kind, name: s.name };
}

/** A path as JSON: the structured path plus its one-line text. */
export function pathJson(p: GrantPath): GrantPath & { text: string } {
  return { ...p, text: describePath(p) };
}

/** `  Kind:name` then one indented line per path. */
export function subjectBlock(subject: Subject, paths: readonly GrantPath[]): string {
  return `  ${subjectKey(subject)}\n${paths.map((p) => `      ${describePath(p)}\n`).join('')}`;
}

/** Resolves RESOURCE, printing kubectl's kind of warning for names outside the built-in table. */
export function resourceArg(text: string, io: CliIO): ResourceRef {
  const { resource, warning } = resolveResource(text);
  if (warning) io.err(`warning: ${warning}\n`);
  return resource;
}

export const whoCanCommand: Command = {
  name: 'who-can',
  summary: 'list who may do VERB on RESOURCE, with the binding → role → rule paths',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      namespace: { type: 'string', short: 'n' },
      name: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      indirect: { type: 'boolean' },
    });
    const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
    const [verb, resourceText, ...paths] = positionals;
    if (!verb || !resourceText) throw new UsageError('needs VERB and RESOURCE');
    if (values.indirect && !values.namespace) throw new UsageError('--indirect needs -n NAMESPACE');
    const resource = resourceArg(resourceText, io);
    const loaded = await loadRbacForCommand(paths, values.config, io, values.indirect ? [] : [verb]);
    if (!loaded) return EXIT.usage;
    const { index, snapshot } = loaded;
    // The namespace and name the authorizer would see (cluster-scoped resources, namespaces/NAME, create).
    const req = values.indirect ? { namespace: values.namespace, name: values.name, notes: [] } : requestScope(verb, resource, values.namespace, values.name);
    for (const n of req.notes) io.err(`note: ${n}\n`);
    const ns = req.namespace;
    const name = req.name;
    const scope = ns ? `in namespace ${ns}` : 'at cluster scope (ClusterRoleBindings only)';
    const what = `${resourceLabel(resource)}${name ? ` named ${name}` : ''}`;

    if (values.indirect && ns) {
      const ask = whoCanCache(index);
      const sameKind = resourceLabel(resource) === resourceLabel(NETWORK_POLICY);
      const policies = sameKind ? snapshot.networkPolicies.filter((p) => p.namespace === ns).map((p) => p.name) : [];
      const { direct, indirect } = name
        ? { direct: directEditors(ask, resource, ns, name), indirect: undefined }
        : namespaceEditors(index, resource, ns, policies, { ask });
      const indirectList = indirect ?? indirectEditors(index, ask, direct, resource, ns);
      if (format === 'json') {
        await io.out(
          `${JSON.stringify(
            {
              resource,
              namespace: ns,
              name: name ?? null,
              direct: direct.map((d) => ({ subject: subjectJson(d.subject), verbs: d.verbs.map((v) => ({ verb: v.verb, paths: v.paths.map(pathJson) })) })),
              counts: { direct: direct.length, indirect: indirectList.length },
              indirect: indirectList.map((e) => ({ subject: subjectJson(e.subject), steps: e.steps.map((s) => ({ ...s, text: describeStep(s), paths: s.paths.map(pathJson) })) })),
            },
            null,
            2,
          )}\n`,
        );
        return EXIT.ok;
      }
      // The same words and counts as the Policies page's "Who can change it".
      let text = `Who can change ${what} ${scope}: ${plural(direct.length, 'direct editor')}, ${plural(indirectList.length, 'indirect editor')}\n`;
      text += `Direct editors (create, update, patch, delete, deletecollection):\n`;
      if (direct.length === 0) text += '  (none)\n';
      for (const d of direct) text += `  ${subjectKey(d.subject)}  [${d.verbs.map((v) => v.verb).join(', ')}]\n${[...new Set(d.verbs.flatMap((v) => v.paths.map(describePath)))].map((p) => `      ${p}\n`).join('')}`;
      text += `Indirect editors (one step away):\n`;
      if (indirectList.length === 0) text += '  (none)\n';
      for (const e of indirectList) {
        text += `  ${subjectKey(e.subject)}\n`;
        for (const s of e.steps) text += `      ${describeStep(s)}\n${s.paths.map((p) => `          ${describePath(p)}\n`).join('')}`;
      }
      await io.out(text);
      return EXIT.ok;
    }

    const result = whoCan(index, verb, resource, ns, name);
    if (format === 'json') {
      await io.out(`${JSON.stringify({ verb, resource, namespace: ns ?? null, name: name ?? null, subjects: result.map((e) => ({ subject: subjectJson(e.subject), paths: e.paths.map(pathJson) })) }, null, 2)}\n`);
      return EXIT.ok;
    }
    let text = `Who can ${verb} ${what} ${scope}: ${result.length} subject(s)\n`;
    for (const e of result) {
      text += subjectBlock(e.subject, e.paths);
      if (text.length > 64_000) {
        await io.out(text);
        text = '';
      }
    }
    await io.out(text);
    return EXIT.ok;
  },
};
