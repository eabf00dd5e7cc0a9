import type { Protocol } from '../model';
import type { HostNetworkMode } from '../netpol/compile';
import type { ExplainQuery } from '../netpol/explain';
import { parseHostNetwork } from './hostNetwork';
import { parsePortSpec, parseProtocol } from './ports';

/** The fields of an explain question as text, from a query string or CLI flags (absent = empty). */
export interface ExplainFields {
  readonly from?: string;
  readonly to?: string;
  readonly port?: string;
  readonly protocol?: string;
  readonly hostNetwork?: string;
}

/** A field that could not be used, and why (callers prefix the field as their users name it: `--port`, `Port`). */
export interface RequestProblem {
  readonly field: keyof ExplainFields;
  readonly message: string;
}

/** An explain question as the engine takes it, with how hostNetwork pods are read. */
export interface ExplainRequest extends ExplainQuery {
  readonly hostNetwork: HostNetworkMode;
}

/**
 * Reads an explain question: the same for the CLI, /api/explain and the Explain page. `protocol` stays unset when
 * not given, so a numeric port means TCP and a named port resolves on the destination with its own protocol (coredns's
 * `dns` is UDP 53). Endpoints are checked against the snapshot later (`resolveEndpoint`).
 */
export function parseExplainRequest(fields: ExplainFields): { request: ExplainRequest; problems: RequestProblem[] } {
  const problems: RequestProblem[] = [];
  const port = parsePortSpec(fields.port ?? '');
  let asked: number | string | undefined;
  if (!port.ok) problems.push({ field: 'port', message: port.message });
  else if (port.value?.kind === 'range') problems.push({ field: 'port', message: `explain asks about one port, not the range ${port.value.start}-${port.value.end}; leave the port out to see everything allowed` });
  else asked = port.value?.kind === 'number' ? port.value.port : port.value?.name;
  const protocol = parseProtocol(fields.protocol ?? '');
  if (!protocol.ok) problems.push({ field: 'protocol', message: protocol.message });
  const hostNetwork = parseHostNetwork(fields.hostNetwork);
  if (!hostNetwork.ok) problems.push({ field: 'hostNetwork', message: hostNetwork.message });
  const p: Protocol | undefined = protocol.ok ? protocol.value : undefined;
  return {
    request: {
      from: (fields.from ?? '').trim(),
      to: (fields.to ?? '').trim(),
      ...(asked === undefined ? {} : { port: asked }),
      ...(p === undefined ? {} : { protocol: p }),
      hostNetwork: hostNetwork.ok ? hostNetwork.value : 'as-pod',
    },
    problems,
  };
}

/** The query string of an explain question (the inverse of `parseExplainRequest` on a query string). */
export function explainSearchParams(q: { from: string; to: string; port?: number | string; protocol?: Protocol; hostNetwork?: HostNetworkMode }): URLSearchParams {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.port !== undefined && q.port !== '') p.set('port', String(q.port));
  if (q.protocol) p.set('protocol', q.protocol);
  if (q.hostNetwork === 'host') p.set('hostNetwork', 'host');
  return p;
}

type Params = Readonly<Record<string, string | readonly string[] | undefined>> | URLSearchParams;

/** The explain fields of a query string (a Next.js `searchParams` object or URLSearchParams; the first value counts). */
export function explainFieldsOf(params: Params): ExplainFields {
  const get = (k: keyof ExplainFields): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(k) ?? undefined;
    const v = params[k];
    return typeof v === 'string' ? v : v?.[0];
  };
  return { from: get('from'), to: get('to'), port: get('port'), protocol: get('protocol'), hostNetwork: get('hostNetwork') };
}
