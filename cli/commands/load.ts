import { parseCommandArgs, oneOf } from '../args';
import { EXIT, type Command } from '../command';
import { countSnapshot, formatLocation, type Snapshot } from '../../lib/model';
import { bareMessage, inputErrors, readInput } from '../input';

const HELP = `Usage: perimeter load PATH... [--format txt|json]

Loads manifest files and folders (recursively: YAML with many documents, JSON, kind: List and *List dumps,
Helm output) the way every other command does, and prints what was loaded and every warning, each at file:line.
PATH "demo" is the built-in demo cluster, from any directory; "-" reads stdin.

Options:
  --format txt|json   txt (default): counts then one line per warning; json: {source, counts, warnings}

Exit codes: 0 loaded (warnings are fine), 2 no PATH given, a PATH does not exist, or an input error (a document that
does not parse, an object the API server would reject): the report is printed either way.

Examples:
  perimeter load ./manifests
  perimeter load cluster-dump.yaml extra/ --format json
`;

function renderText(s: Snapshot): string {
  const c = countSnapshot(s);
  const rows: [string, string][] = [
    ['namespaces', `${c.namespaces.total}${c.namespaces.implied ? ` (${c.namespaces.implied} implied, not declared)` : ''}`],
    ['pods', `${c.pods.total} (${c.pods.live} live, ${c.pods.template} from templates)`],
    ['workloads', String(c.workloads)],
    ['network policies', String(c.networkPolicies)],
    ['admin policies', `${c.adminNetworkPolicies} (+ ${c.baselineAdminNetworkPolicies} baseline)`],
    ['service accounts', String(c.rbac.serviceAccounts)],
    ['roles', String(c.rbac.roles)],
    ['cluster roles', String(c.rbac.clusterRoles)],
    ['role bindings', String(c.rbac.roleBindings)],
    ['cluster role bindings', String(c.rbac.clusterRoleBindings)],
    ['services', String(c.services.services)],
    ['ingresses', `${c.services.ingresses} (+ ${c.services.routes} OpenShift routes)`],
    ['gateways', `${c.services.gateways} (${c.services.gatewayRoutes} routes)`],
  ];
  const lines = rows.map(([k, v]) => `${k.padEnd(22)}${v}`);
  lines.push('', s.warnings.length === 0 ? 'no warnings' : `${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}:`);
  for (const w of s.warnings) lines.push(`${w.severity.padEnd(8)}${formatLocation(w.origin) || '-'}  ${bareMessage(w)}`);
  return `${lines.join('\n')}\n`;
}

export const loadCommand: Command = {
  name: 'load',
  summary: 'load manifest files and folders; print counts per kind and every warning',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } });
    const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
    const snapshot = await readInput(positionals, io);
    if (!snapshot) return EXIT.usage;
    if (format === 'json') {
      const { source, warnings } = snapshot;
      await io.out(`${JSON.stringify({ source, counts: countSnapshot(snapshot), warnings }, null, 2)}\n`);
    } else {
      await io.out(renderText(snapshot));
    }
    // The report is the point of load, so it is printed whole; input errors still make the exit code 2.
    return inputErrors(snapshot).length > 0 ? EXIT.usage : EXIT.ok;
  },
};
