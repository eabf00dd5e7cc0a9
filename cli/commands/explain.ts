import { parseCommandArgs, oneOf } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { compileSnapshot } from '../../lib/netpol/compile';
import { explain, type SideExplanation } from '../../lib/netpol/explain';
import { formatPorts } from '../../lib/netpol/portSet';
import { loadForCommand, printWarnings } from './connectivity';

const HELP = `Usage: perimeter explain PATH... --from REF --to REF [--port N|name] [--protocol TCP|UDP|SCTP] [--format txt|json]

Explains whether a connection is allowed and why: for the source's egress and the destination's ingress, whether
the pod is isolated, which policies select it, and the rule that allows the connection or the reason it is denied.
REF is ns/name (a pod, else a workload), ns/Kind/name, or an IP address (external, or a pod's IP).
Without --port, lists what is allowed. Exit code 0 when allowed, 1 when denied, 2 on a usage error.

Examples:
  perimeter explain ./manifests --from shop/frontend --to payments/checkout --port 8443
  perimeter explain ./manifests --from shop/Deployment/web --to 8.8.8.8 --port 53 --protocol UDP
`;

function sideText(s: SideExplanation): string {
  return `  ${s.direction.toLowerCase().padEnd(7)} ${s.verdict}: ${s.reason}\n`;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'explain why a connection is allowed or denied',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      port: { type: 'string' },
      protocol: { type: 'string' },
      format: { type: 'string' },
      'host-network': { type: 'string' },
    });
    if (!values.from || !values.to) throw new UsageError('needs --from and --to');
    const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
    const protocol = values.protocol === undefined ? undefined : oneOf('protocol', values.protocol.toUpperCase(), ['TCP', 'UDP', 'SCTP'] as const, 'TCP');
    let port: number | string | undefined = values.port;
    if (port !== undefined && /^\d+$/.test(port)) {
      port = Number(port);
      if (port < 1 || port > 65535) throw new UsageError(`--port must be 1-65535 or a port name, got ${values.port}`);
    }
    const hostNetwork = oneOf('host-network', values['host-network'], ['as-pod', 'host'] as const, 'as-pod');
    const snapshot = await loadForCommand(positionals, io);
    if (!snapshot) return EXIT.usage;
    const compiled = compileSnapshot(snapshot, { hostNetwork });
    const result = explain(compiled, { from: values.from, to: values.to, port, protocol });
    if (!result.ok) throw new UsageError(result.message);
    const e = result.explanation;
    if (format === 'json') {
      await io.out(`${JSON.stringify({ ...e, allowedText: formatPorts(e.allowed) }, null, 2)}\n`);
    } else {
      printWarnings(io, [...snapshot.warnings, ...compiled.warnings].filter((w) => w.severity === 'error'));
      const what = e.port !== undefined ? ` ${e.protocol} ${e.port}${e.portName ? ` (${e.portName})` : ''}` : e.portName ? ` ${e.portName}` : '';
      let text = `${e.verdict.toUpperCase()}: ${e.from} => ${e.to}${what}\n`;
      text += sideText(e.egress) + sideText(e.ingress);
      if (e.port === undefined && !e.portName) text += `  allowed: ${formatPorts(e.allowed)}\n`;
      for (const n of e.notes) text += `  note: ${n}\n`;
      text += `${e.sentence}\n`;
      await io.out(text);
    }
    return e.verdict === 'allowed' ? EXIT.ok : EXIT.failed;
  },
};
