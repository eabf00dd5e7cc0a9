import type { Pod, Protocol } from '@/lib/model/index';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { explainFieldsOf, explainSearchParams, parseExplainRequest, type ExplainFields, type ExplainRequest } from '@/lib/request';

/**
 * The Explain form's state, read from the query string (`?from=ns/pod&to=ns/Kind/name&port=8080&protocol=TCP`) by
 * lib/request, the parser the CLI and /api/explain use. `protocol` is unset unless chosen: a numeric port is then TCP
 * and a named port resolves on the destination with its own protocol.
 */
export interface ExplainForm {
  readonly request: ExplainRequest;
  /** One sentence per field that could not be used; the question is not answered while there are any. */
  readonly problems: readonly string[];
}

const LABEL: Record<keyof ExplainFields, string> = { from: 'Source', to: 'Destination', port: 'Port', protocol: 'Protocol', hostNetwork: 'hostNetwork' };

/** `namespace/name`, the reference the form uses for a pod. */
export function podKey(p: Pod): string {
  return `${p.namespace}/${p.name}`;
}

/** Reads the form from the query string; malformed fields become problems, never exceptions. Endpoints are resolved later. */
export function parseExplainForm(params: Parameters<typeof explainFieldsOf>[0]): ExplainForm {
  const { request, problems } = parseExplainRequest(explainFieldsOf(params));
  return { request, problems: problems.map((p) => `${LABEL[p.field]}: ${p.message}.`) };
}

/** The Explain page's URL for a question (the graph, findings and fixes link here). */
export function explainHref(q: { from: string; to: string; port?: number | string; protocol?: Protocol; hostNetwork?: HostNetworkMode }): string {
  return `/explain?${explainSearchParams(q).toString()}`;
}
