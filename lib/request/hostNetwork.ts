import type { HostNetworkMode } from '../netpol/compile';
import type { Parsed } from './ports';

export const HOST_NETWORK_MODES: readonly HostNetworkMode[] = ['as-pod', 'host'];

/** Reads how hostNetwork pods are analysed: `as-pod` (the default, also for the empty text) or `host`. */
export function parseHostNetwork(text: string | undefined): Parsed<HostNetworkMode> {
  const t = (text ?? '').trim();
  if (t === '') return { ok: true, value: 'as-pod' };
  const mode = HOST_NETWORK_MODES.find((m) => m === t);
  return mode ? { ok: true, value: mode } : { ok: false, message: `"${t}" is not a hostNetwork reading (${HOST_NETWORK_MODES.join(' or ')})` };
}
