import type { Pod, Protocol } from '@/lib/model/index';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { parseHostNetwork } from '@/viewmodels/graph/graphView';

/**
 * The Explain form's state, read from the query string (`?from=ns/pod&to=ns/Kind/name&port=8080&protocol=TCP`).
 * `from`/`to` are what lib/netpol's explain accepts: `ns/name` (a pod, else a workload), `ns/Kind/name`, or an IP.
 */
export interface ExplainQuery {
  readonly from: string;
  readonly to: string;
  /** A port number, a named container port, or undefined for "any port". */
  readonly port?: number | string;
  readonly protocol: Protocol;
  /** How hostNetwork pods are analysed (`hostNetwork=host`: as their node, selected by no policy). */
  readonly hostNetwork: HostNetworkMode;
  /** One sentence per field that could not be used. */
  readonly problems: readonly string[];
}

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** `namespace/name`, the reference the form uses for a pod. */
export function podKey(p: Pod): string {
  return `${p.namespace}/${p.name}`;
}

type Params = Readonly<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v ?? '').trim();
}

// An IANA_SVC_NAME (what a named containerPort may be): 1-15 lowercase alphanumerics or '-', with a letter.
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** Reads the query string; malformed ports and protocols become problems, never exceptions. Endpoints are resolved later. */
export function parseExplainQuery(params: Params): ExplainQuery {
  const problems: string[] = [];
  const rawPort = first(params.port);
  let port: number | string | undefined;
  if (/^\d+$/.test(rawPort)) {
    const n = Number(rawPort);
    if (n >= 1 && n <= 65535) port = n;
    else problems.push(`Port ${rawPort} is outside 1–65535.`);
  } else if (rawPort !== '') {
    if (PORT_NAME.test(rawPort)) port = rawPort;
    else problems.push(`"${rawPort}" is neither a port number nor a valid port name.`);
  }
  const rawProtocol = first(params.protocol).toUpperCase();
  const protocol = PROTOCOLS.find((p) => p === rawProtocol) ?? 'TCP';
  if (rawProtocol !== '' && rawProtocol !== protocol) problems.push(`Unknown protocol ${rawProtocol}; using TCP.`);
  return { from: first(params.from), to: first(params.to), port, protocol, hostNetwork: parseHostNetwork(first(params.hostNetwork)), problems };
}

/** The Explain page's URL for a question (the graph links here from an edge or two picked nodes). */
export function explainHref(q: { from: string; to: string; port?: number | string; protocol?: Protocol; hostNetwork?: HostNetworkMode }): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.port !== undefined && q.port !== '') p.set('port', String(q.port));
  if (q.protocol) p.set('protocol', q.protocol);
  if (q.hostNetwork === 'host') p.set('hostNetwork', 'host');
  return `/explain?${p.toString()}`;
}
