import { PROTOCOLS, type Protocol } from '../model';

/**
 * IsValidPortName (k8s.io/apimachinery validation, IANA_SVC_NAME): 1-15 lowercase alphanumerics or '-', at least one
 * letter, no leading, trailing or doubled '-'. The one rule for named ports in policies and in questions.
 */
export function isValidPortName(name: string): boolean {
  return name.length >= 1 && name.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) && /[a-z]/.test(name) && !name.includes('--');
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** What a port field may hold: one port, an inclusive range, or a named container port. */
export type PortSpec =
  | { readonly kind: 'number'; readonly port: number }
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  | { readonly kind: 'name'; readonly name: string };

/** A parse, or a sentence saying why the text cannot be used. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const inRange = (n: number) => n >= MIN_PORT && n <= MAX_PORT;

/** Reads `8080`, `8000-8100` or `http`; the empty text is "no port" (undefined). */
export function parsePortSpec(text: string): Parsed<PortSpec | undefined> {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (/^\d+$/.test(t)) {
    const port = Number(t);
    return inRange(port) ? { ok: true, value: { kind: 'number', port } } : { ok: false, message: `${t} is outside ${MIN_PORT}-${MAX_PORT}` };
  }
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(t);
  if (range) {
    const [start, end] = [Number(range[1]), Number(range[2])];
    if (!inRange(start) || !inRange(end)) return { ok: false, message: `range ${t} is outside ${MIN_PORT}-${MAX_PORT}` };
    if (end < start) return { ok: false, message: `range ${t} ends before it starts` };
    return { ok: true, value: start === end ? { kind: 'number', port: start } : { kind: 'range', start, end } };
  }
  if (isValidPortName(t)) return { ok: true, value: { kind: 'name', name: t } };
  return { ok: false, message: `"${t}" is neither a port number (${MIN_PORT}-${MAX_PORT}) nor a valid port name (up to 15 lowercase letters, digits and single '-', with a letter)` };
}

/** Reads TCP, UDP or SCTP in any case; the empty text is "not given" (undefined). */
export function parseProtocol(text: string): Parsed<Protocol | undefined> {
  const t = text.trim().toUpperCase();
  if (t === '') return { ok: true, value: undefined };
  const p = PROTOCOLS.find((x) => x === t);
  return p ? { ok: true, value: p } : { ok: false, message: `"${text.trim()}" is not a protocol (${PROTOCOLS.join(', ')})` };
}
