import { parseIp, type IpFamily } from '../netpol/ipRange';
import type { Parsed } from './ports';
import { looksRepresentative, parseRepresentativeRef, type RepresentativeRef } from './representativeRef';

/** What an endpoint reference names before it is looked up in a snapshot. */
export type EndpointRef =
  | { readonly kind: 'address'; readonly text: string; readonly family: IpFamily; readonly value: bigint }
  /** `ns/name`: the pod of that name, else the workload. */
  | { readonly kind: 'name'; readonly namespace: string; readonly name: string }
  /** `ns/Kind/name`: a workload (the kind is matched case-insensitively). */
  | { readonly kind: 'workload'; readonly namespace: string; readonly workloadKind: string; readonly name: string }
  /** A bare name: never an answer, but the lookup can suggest the `ns/name` it may mean. */
  | { readonly kind: 'bare'; readonly name: string }
  /** `svc/ns/name` (or `service/ns/name`): a Service, which explain resolves to each backing pod (lib/exposure). */
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string }
  /** A pod that does not exist yet: `[namespace with team=x]/[pod with role=monitoring]` (lib/request/representativeRef). */
  | RepresentativeRef;

export const ENDPOINT_SYNTAX = 'ns/name, ns/Kind/name or an IP address';

/** Reads an endpoint reference; only the shape is checked here (whether it exists is the snapshot's business). */
export function parseEndpointRef(text: string): Parsed<EndpointRef> {
  const t = text.trim();
  if (t === '') return { ok: false, message: `an endpoint is needed (${ENDPOINT_SYNTAX})` };
  if (looksRepresentative(t)) return parseRepresentativeRef(t);
  const ip = parseIp(t);
  if (ip) return { ok: true, value: { kind: 'address', text: t, family: ip.family, value: ip.value } };
  const parts = t.split('/');
  if (parts.some((p) => p === '')) return { ok: false, message: `"${t}" has an empty part; write ${ENDPOINT_SYNTAX}` };
  if (parts.length === 1 && !t.includes(':')) return { ok: true, value: { kind: 'bare', name: t } };
  if (parts.length === 2) return { ok: true, value: { kind: 'name', namespace: parts[0], name: parts[1] } };
  // `svc/ns/name` rather than the workload `svc/Kind/name`: no workload kind is called svc or service.
  if (parts.length === 3 && /^(svc|service)$/i.test(parts[0])) return { ok: true, value: { kind: 'service', namespace: parts[1], name: parts[2] } };
  if (parts.length === 3) return { ok: true, value: { kind: 'workload', namespace: parts[0], workloadKind: parts[1], name: parts[2] } };
  return { ok: false, message: `"${t}" is not ${ENDPOINT_SYNTAX}` };
}
