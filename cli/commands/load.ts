import { parseCommandArgs, oneOf } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { loadManifestFiles } from '../../lib/sources';
import { countSnapshot, type Snapshot, type SourceLocation, type Warning } from '../../lib/model';

const HELP = `Usage: perimeter load PATH... [--format txt|json]

Loads manifest files and folders (recursively: YAML with many documents, JSON, kind: List and *List dumps,
Helm output) the way every other command does, and prints what was loaded and every warning.

Options:
  --format txt|json   txt (default): counts then one line per warning; json: {source, counts, warnings}

Exit codes: 0 loaded (even with warnings), 2 no PATH given or a PATH does not exist.

Examples:
  perimeter load ./manifests
  perimeter load cluster-dump.yaml extra/ --format json
`;

/** `file:document[:item]`, the place a user opens. */
function location(o: SourceLocation | undefined): string {
  if (!o) return '-';
  let s = o.file;
  if (o.documentIndex !== undefined) s += `:${o.documentIndex}`;
  if (o.itemIndex !== undefined) s += `:${o.itemIndex}`;
  return s;
}

/** The message without the location prefix the loader puts on it (printed in its own column). */
function bareMessage(w: Warning): string {
  const i = w.message.indexOf(': ');
  return w.origin && i > 0 && w.message.startsWith(w.origin.file) ? w.message.slice(i + 2) : w.message;
}

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
  for (const w of s.warnings) lines.push(`${w.severity.padEnd(8)}${location(w.origin)}  ${bareMessage(w)}`);
  return `${lines.join('\n')}\n`;
}

export const loadCommand: Command = {
  name: 'load',
  summary: 'load manifest files and folders; print counts per kind and every warning',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } });
    const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
    if (positionals.length === 0) throw new UsageError('needs at least one PATH (a manifest file or folder)');
    const snapshot = await loadManifestFiles(positionals);
    const missing = snapshot.warnings.find((w) => w.code === 'path-not-found');
    if (missing) throw new UsageError(missing.message);
    if (format === 'json') {
      const { source, warnings } = snapshot;
      await io.out(`${JSON.stringify({ source, counts: countSnapshot(snapshot), warnings }, null, 2)}\n`);
    } else {
      await io.out(renderText(snapshot));
    }
    return EXIT.ok;
  },
};
