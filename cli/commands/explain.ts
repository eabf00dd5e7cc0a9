import { parseCommandArgs, oneOf } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { analyze } from '../../lib/analyses';
import { proposeFixes } from '../../lib/fix';
import { explain, type Explanation, type SideExplanation } from '../../lib/netpol/explain';
import { formatPorts } from '../../lib/netpol/portSet';
import { fixText } from '../../lib/report/fixText';
import { parseExplainRequest, type ExplainFields } from '../../lib/request';
import { explainToService, isServiceRef, type ServiceExplanation } from '../../lib/exposure';
import { loadInput, podCount, printWarnings } from '../input';

const HELP = `Usage: perimeter explain PATH... --from REF --to REF [--port N|name] [--protocol TCP|UDP|SCTP] [--format txt|json]

Explains whether a connection is allowed and why: for the source's egress and the destination's ingress, whether
the pod is isolated, which policies select it, and the rule that allows the connection or the reason it is denied.
REF is ns/name (a pod, else a workload), ns/Kind/name, or an IP address (external, or a pod's IP), or a pod that
does not exist yet, written as the exposure analysis writes representative peers: [namespace with k=v,…]/[pod with
k=v,…] (a new namespace with those labels), ns/[pod with k=v,…] (a new pod in namespace ns, whose policies then
select it), [all namespaces] (a new namespace with no labels) and [all pods] (a pod with no labels). Its labels are
matched as a real pod's would be. --to also takes a Service, svc/ns/name: the Service port (--port by name or
number; every port when omitted) is resolved to each backing pod's port (a named targetPort per pod) and each pod
is explained; exit 0 only when every backing pod is reachable.
A numeric --port is TCP unless --protocol says otherwise; a named port resolves on the destination with the protocol
it is defined with (coredns's dns is UDP 53). Without --port, lists what is allowed.
With --port, it also proposes the smallest change that flips the verdict (a port added to the rule that names the
peer, a peer added, a new policy, or an admin rule when an admin tier decides), each checked by applying it to a
copy and asking again, with everything else it would change.
Exit code 0 when allowed, 1 when denied, 2 on a usage error.

Options:
  --host-network as-pod|host     hostNetwork pods like other pods (default) or as their node (selected by no policy)
  --no-fix                       do not propose a change (each proposal analyses the whole input again)

Examples:
  perimeter explain ./manifests --from shop/frontend --to payments/checkout --port 8443
  perimeter explain ./manifests --from shop/Deployment/web --to 8.8.8.8 --port 53 --protocol UDP
  perimeter explain ./manifests --from '[namespace with team=x]/[pod with role=monitoring]' --to payments/payments-api --port 8443
  perimeter explain ./manifests --from shop/checkout --to svc/payments/payments-api --port https
`;

const FLAG: Record<keyof ExplainFields, string> = { from: '--from', to: '--to', port: '--port', protocol: '--protocol', hostNetwork: '--host-network' };

function sideText(s: SideExplanation): string {
  return `  ${s.direction.toLowerCase().padEnd(7)} ${s.verdict}: ${s.reason}\n`;
}

/** The verdict, then each side's reason once, then what is allowed (when no single port was asked) and the notes. */
export function explanationText(e: Explanation): string {
  const what = e.port !== undefined ? ` ${e.protocol} ${e.port}${e.portName ? ` (${e.portName})` : ''}` : e.portName ? ` ${e.portName}` : '';
  let text = `${e.verdict.toUpperCase()}: ${e.from} => ${e.to}${what}\n`;
  if (e.portProblem) text += `  port    ${e.portProblem}\n`;
  text += sideText(e.egress) + sideText(e.ingress);
  if (e.port === undefined) text += `  allowed: ${formatPorts(e.allowed)}${e.verdict === 'denied' && e.egress.verdict === 'allowed' && e.ingress.verdict === 'allowed' ? ' (what egress and ingress allow does not overlap)' : ''}\n`;
  for (const n of e.notes) text += `  note: ${n}\n`;
  return text;
}

/** A Service explanation: the verdict over its backing pods, then each pod's explanation, indented. */
export function serviceExplanationText(e: ServiceExplanation): string {
  let text = `${e.verdict.toUpperCase()}: ${e.sentence}\n`;
  for (const p of e.pods) {
    const sp = `${p.servicePort.name ?? p.servicePort.port}/${p.servicePort.protocol}`;
    if (!p.explanation) {
      text += `  ${sp} → ${p.pod}: no port (${p.problem})\n`;
      continue;
    }
    text += `  ${sp} → ${p.pod} port ${p.podPort}: ${explanationText(p.explanation).trimEnd().split('\n').join('\n    ')}\n`;
  }
  return text;
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
      'no-fix': { type: 'boolean' },
    });
    if (!values.from || !values.to) throw new UsageError('needs --from and --to');
    const format = oneOf('format', values.format, ['txt', 'json'] as const, 'txt');
    const { request, problems } = parseExplainRequest({ ...values, hostNetwork: values['host-network'] });
    if (problems.length > 0) throw new UsageError(problems.map((p) => `${FLAG[p.field]}: ${p.message}`).join('; '));
    const snapshot = await loadInput(positionals, io);
    if (!snapshot) return EXIT.usage;
    io.progress?.(`analysing ${podCount(snapshot)}`);
    const analyses = analyze(snapshot);
    const compiled = analyses.network({ hostNetwork: request.hostNetwork }).compiled;
    if (isServiceRef(request.to)) {
      const r = explainToService(compiled, request);
      if (!r.ok) throw new UsageError(r.message);
      if (format === 'json') await io.out(`${JSON.stringify(r.explanation, null, 2)}\n`);
      else {
        printWarnings(io, compiled.warnings.filter((w) => w.severity === 'error'));
        await io.out(serviceExplanationText(r.explanation));
      }
      return r.explanation.verdict === 'allowed' ? EXIT.ok : EXIT.failed;
    }
    const result = explain(compiled, request);
    if (!result.ok) throw new UsageError(result.message);
    const e = result.explanation;
    const fix = values['no-fix'] || e.port === undefined ? undefined : proposeFixes(analyses, request, e);
    if (format === 'json') {
      await io.out(`${JSON.stringify({ ...e, allowedText: formatPorts(e.allowed), ...(fix ? { fix } : {}) }, null, 2)}\n`);
    } else {
      printWarnings(io, compiled.warnings.filter((w) => w.severity === 'error'));
      await io.out(explanationText(e) + (fix ? fixText(fix) : ''));
    }
    return e.verdict === 'allowed' ? EXIT.ok : EXIT.failed;
  },
};
