import type { Labels } from '../model';
import { isLabelValue, isQualifiedName } from '../sources/labelSelector';
import type { Parsed } from './ports';

/**
 * A pod that does not exist yet, named as the exposure analysis names representative peers:
 * `[namespace with team=x]/[pod with role=monitoring]`, `payments/[pod with app=probe]`, `[all namespaces]/[all pods]`
 * (braces as printed, `{team=x}`, are accepted too). Only labels (`k=v`) describe one pod; a selector with
 * expressions stands for many and is refused.
 */
export interface RepresentativeRef {
  readonly kind: 'representative';
  readonly text: string;
  /** An existing or new namespace by name, or a new namespace by its labels (`[all namespaces]`: none). */
  readonly namespace: { readonly kind: 'named'; readonly name: string } | { readonly kind: 'labelled'; readonly labels: Labels };
  readonly podLabels: Labels;
}

export const REPRESENTATIVE_SYNTAX = '[namespace with k=v,…]/[pod with k=v,…], ns/[pod with k=v,…], [all namespaces] or [all pods]';

/** Whether the text is meant as a representative peer (it has a bracketed part). */
export function looksRepresentative(text: string): boolean {
  return /\[(namespace with|all namespaces|pod with|all pods)/.test(text);
}

function parseLabels(text: string, what: string): Parsed<Labels> {
  let t = text.trim();
  if (t.startsWith('{') && t.endsWith('}')) t = t.slice(1, -1).trim();
  if (/\{?Key:/.test(t)) return { ok: false, message: `${what} with expressions stands for many label sets; give the labels of one ${what} (k=v,…)` };
  const out: Record<string, string> = {};
  for (const part of t === '' ? [] : t.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (eq < 0) return { ok: false, message: `"${part.trim()}" in the ${what} labels is not k=v` };
    if (!isQualifiedName(key)) return { ok: false, message: `"${key}" is not a label key` };
    if (!isLabelValue(value)) return { ok: false, message: `"${value}" is not a label value (for ${key})` };
    if (key in out && out[key] !== value) return { ok: false, message: `label ${key} is given twice` };
    out[key] = value;
  }
  return { ok: true, value: out };
}

/** Reads a representative-peer reference (see `RepresentativeRef`). */
export function parseRepresentativeRef(text: string): Parsed<RepresentativeRef> {
  const t = text.trim();
  const pod = /\/\[(pod with ([^\]]*)|all pods)\]$/.exec(t);
  if (!pod) return { ok: false, message: `"${t}" does not end in /[pod with k=v,…] or /[all pods] (${REPRESENTATIVE_SYNTAX})` };
  const podLabels = pod[2] === undefined ? ({ ok: true, value: {} } as const) : parseLabels(pod[2], 'pod');
  if (!podLabels.ok) return podLabels;
  const nsText = t.slice(0, pod.index);
  let namespace: RepresentativeRef['namespace'];
  if (nsText === '[all namespaces]') namespace = { kind: 'labelled', labels: {} };
  else if (nsText.startsWith('[namespace with ') && nsText.endsWith(']')) {
    const labels = parseLabels(nsText.slice('[namespace with '.length, -1), 'namespace');
    if (!labels.ok) return labels;
    namespace = { kind: 'labelled', labels: labels.value };
  } else if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(nsText)) namespace = { kind: 'named', name: nsText };
  else return { ok: false, message: `"${nsText}" is not a namespace name, [namespace with k=v,…] or [all namespaces]` };
  return { ok: true, value: { kind: 'representative', text: t, namespace, podLabels: podLabels.value } };
}
