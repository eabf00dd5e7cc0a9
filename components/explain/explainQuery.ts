import type { Pod, Protocol, Snapshot } from '@/lib/model';

/** The Explain form's state, read from the query string (`?from=ns/pod&to=ns/pod&port=8080&protocol=TCP`). */
export interface ExplainQuery {
  readonly fromKey: string;
  readonly toKey: string;
  readonly from?: Pod;
  readonly to?: Pod;
  /** A port number, a named container port, or undefined for "any port". */
  readonly port?: number | string;
  readonly protocol: Protocol;
  /** One sentence per field that could not be used. */
  readonly problems: readonly string[];
}

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** `namespace/name`, the key the form uses for a pod. */
export function podKey(p: Pod): string {
  return `${p.namespace}/${p.name}`;
}

type Params = Readonly<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v ?? '').trim();
}

// An IANA_SVC_NAME (what a named containerPort may be): 1-15 lowercase alphanumerics or '-', with a letter.
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** Reads the query string against the snapshot; unknown pods and malformed ports become problems, never exceptions. */
export function parseExplainQuery(params: Params, s: Snapshot): ExplainQuery {
  const problems: string[] = [];
  const byKey = new Map(s.pods.map((p) => [podKey(p), p]));
  const fromKey = first(params.from);
  const toKey = first(params.to);
  const from = fromKey === '' ? undefined : byKey.get(fromKey);
  const to = toKey === '' ? undefined : byKey.get(toKey);
  if (fromKey !== '' && !from) problems.push(`No pod ${fromKey} in this snapshot (source).`);
  if (toKey !== '' && !to) problems.push(`No pod ${toKey} in this snapshot (destination).`);

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

  return { fromKey, toKey, from, to, port, protocol, problems };
}
