import { parseCommandArgs, oneOf } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../command';
import { loadInput, podCount, printWarnings } from '../input';
import { analyzeConnectivity } from '../../lib/netpol/connectivity';
import { listEndpoints, matchesReference } from '../../lib/netpol/endpoints';
import { analyzeExposure } from '../../lib/netpol/exposure';
import { controllerFinder, INGRESS_CONTROLLER, ingressControllerConnections, resolveServices } from '../../lib/exposure';
import { CONNLIST_FORMATS, connlistJson, connlistRenderer } from '../../lib/report/connlist';
import { connlistWithExposureTxt, exposureJson } from '../../lib/report/exposure';

const HELP = `Usage: perimeter connectivity PATH... [options]

Lists every allowed connection between the workloads (or pods) of the manifests under PATH, one sorted line per
connection in the connlist format: SRC => DST : CONN. Traffic that Ingresses and OpenShift Routes bring in through
the cluster's ingress controller comes last, as np-guard prints it: {ingress-controller} => DST : TCP ports, the
ports the objects use on DST's pods that its policies admit from a controller Perimeter does not see (a pod
without labels in a namespace of its own; see docs/entry-points.md).

Options:
  --format txt|json|csv|md|dot   output format (default txt; warnings go to stderr except in json)
  --level workload|pod           endpoints are workloads (default) or single pods
  --focus REF                    only connections from or to REF (ns/name, ns/Kind/name, or ingress-controller)
  --live-only                    leave out pods that are not Running or have no IP
  --host-network as-pod|host     treat hostNetwork pods like other pods (default, as np-guard) or as host endpoints
                                 that no policy selects
  --ingress-controller stand-in|controller-pods
                                 how the {ingress-controller} lines are read: from np-guard's stand-in controller
                                 (default; a pod without labels in a namespace of its own), or, where the controller's
                                 own pods are in the snapshot (found by the IngressClass controller: ingress-nginx,
                                 Traefik, the OpenShift router), from those pods with their real labels and policies,
                                 named {ns/name[Kind]}; stderr says which reading each line used
  --exposure                     add the exposure analysis (txt and json): per workload, what the rules admit from
                                 or to pods not in the snapshot (entire-cluster, representative peers such as
                                 [namespace with {team=x}]/[pod with {role=monitoring}]), and the workloads no
                                 policy protects (np-guard netpol-analyzer's list --exposure)

Examples:
  perimeter connectivity ./manifests
  perimeter connectivity ./manifests --format json --focus payments/checkout
  perimeter connectivity ./manifests --exposure
`;

/** Writes a stream of chunks, batching small ones so millions of lines stay fast and memory stays flat. */
export async function writeChunks(io: CliIO, chunks: Iterable<string>): Promise<void> {
  let buf = '';
  for (const chunk of chunks) {
    buf += chunk;
    if (buf.length >= 1 << 16) {
      await io.out(buf);
      buf = '';
    }
  }
  if (buf) await io.out(buf);
}

export const connectivityCommand: Command = {
  name: 'connectivity',
  summary: 'list allowed connections between workloads (connlist format)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      level: { type: 'string' },
      focus: { type: 'string' },
      'live-only': { type: 'boolean' },
      'host-network': { type: 'string' },
      exposure: { type: 'boolean' },
      'ingress-controller': { type: 'string' },
    });
    const format = oneOf('format', values.format, CONNLIST_FORMATS, 'txt');
    const level = oneOf('level', values.level, ['workload', 'pod'] as const, 'workload');
    const hostNetwork = oneOf('host-network', values['host-network'], ['as-pod', 'host'] as const, 'as-pod');
    const reading = oneOf('ingress-controller', values['ingress-controller'], ['stand-in', 'controller-pods'] as const, 'stand-in');
    if (values.exposure && format !== 'txt' && format !== 'json') throw new UsageError(`--exposure is available with --format txt or json, not ${format}`);
    const snapshot = await loadInput(positionals, io);
    if (!snapshot) return EXIT.usage;
    io.progress?.(`analysing the connectivity of ${podCount(snapshot)}`);
    const conn = analyzeConnectivity(snapshot, { hostNetwork, includeInactive: !values['live-only'] });
    const warnings = [...snapshot.warnings, ...conn.warnings];
    const focus = values.focus;
    const activeOnly = values['live-only'] ?? false;
    const ingress =
      snapshot.ingresses.length + snapshot.routes.length > 0
        ? ingressControllerConnections(snapshot, resolveServices(snapshot), { level, activeOnly, hostNetwork, reading, finder: controllerFinder(snapshot) })
        : undefined;
    const endpoints = listEndpoints(conn, level, { activeOnly });
    const focusesController = focus === 'ingress-controller' || focus === INGRESS_CONTROLLER;
    if (ingress && ingress.connections.length > 0) {
      const real = [...new Set(ingress.connections.filter((c) => c.src !== INGRESS_CONTROLLER).map((c) => c.src))];
      warnings.push({
        code: 'ingress-controller-reading',
        severity: 'info',
        message:
          real.length === 0
            ? `{ingress-controller} lines: the stand-in reading (np-guard's): a controller pod without labels in a namespace of its own${reading === 'controller-pods' ? '; no controller pod of these Ingresses/Routes is in the snapshot' : ''}`
            : `ingress controller lines: the controller pods in the snapshot for ${real.join(', ')}, the stand-in for the rest`,
      });
    }
    if (focus !== undefined && !(focusesController && ingress) && !endpoints.some((e) => matchesReference(e, focus))) {
      throw new UsageError(`--focus ${focus} matches no ${level} (use ns/name or ns/Kind/name)`);
    }
    // Focused on the controller: only its lines; focused on a workload: its lines, the controller's to it included.
    const extra = (ingress?.connections ?? []).filter((c) => focus === undefined || focusesController || endpoints.some((e) => e.name === c.dst && matchesReference(e, focus)));
    warnings.push(...(ingress?.warnings ?? []));
    const opts = { level, focus: focusesController ? undefined : focus, endpointConnections: !focusesController, activeOnly, extra, ...(ingress ? { extraNote: { reading, sources: [...new Set(ingress.connections.map((c) => c.src))] } } : {}) };
    const analysed = values.exposure ? analyzeExposure(conn, { level, activeOnly: opts.activeOnly }) : undefined;
    // --focus keeps the exposure of the focused workload only, as it keeps its connections.
    const exposure = analysed && opts.focus !== undefined ? { ...analysed, endpoints: analysed.endpoints.filter((e) => matchesReference(e.endpoint, opts.focus!)) } : analysed;
    if (format === 'json') {
      await writeChunks(io, connlistJson(conn, opts, warnings, exposure && exposureJson(exposure)));
    } else {
      printWarnings(io, warnings);
      await writeChunks(io, exposure ? connlistWithExposureTxt(conn, exposure, opts) : connlistRenderer(format)(conn, opts));
    }
    return EXIT.ok;
  },
};
