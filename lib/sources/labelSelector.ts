import type { LabelSelector, LabelSelectorRequirement, Labels, SelectorOperator } from '../model';
import { isRawMap } from './raw';

// k8s.io/apimachinery/pkg/util/validation: qualified names and label values.
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** IsQualifiedName: `[prefix/]name`, name ≤ 63 chars, prefix a DNS subdomain ≤ 253 chars. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length === 0 || name.length > 63 || !NAME_PART.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return false;
  }
  return true;
}

/** IsValidLabelValue: empty, or ≤ 63 chars of the name alphabet. */
export function isLabelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && NAME_PART.test(v));
}

/** metadata.labels as strings (kubectl output always has strings; numbers from hand-written YAML are stringified). */
export function readLabels(v: unknown): Labels {
  if (!isRawMap(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

export type SelectorResult = { readonly ok: true; readonly selector: LabelSelector } | { readonly ok: false; readonly error: string };

/**
 * Validates a raw metav1.LabelSelector as the API server does (ValidateLabelSelector): operators, values per
 * operator, key and value syntax. `null`/absent is the caller's business (absent ≠ empty).
 */
export function parseLabelSelector(raw: unknown, field: string): SelectorResult {
  if (raw === null || raw === undefined) return { ok: true, selector: { matchLabels: {}, matchExpressions: [] } };
  if (!isRawMap(raw)) return { ok: false, error: `${field} is not a map` };
  const matchLabels: Record<string, string> = {};
  if (raw.matchLabels !== undefined && raw.matchLabels !== null) {
    if (!isRawMap(raw.matchLabels)) return { ok: false, error: `${field}.matchLabels is not a map` };
    for (const [k, v] of Object.entries(raw.matchLabels)) {
      if (!isQualifiedName(k)) return { ok: false, error: `${field}.matchLabels key "${k}" is not a valid label key` };
      if (typeof v !== 'string') return { ok: false, error: `${field}.matchLabels["${k}"] must be a string, got ${JSON.stringify(v)}` };
      if (!isLabelValue(v)) return { ok: false, error: `${field}.matchLabels["${k}"] value "${v}" is not a valid label value` };
      matchLabels[k] = v;
    }
  }
  const matchExpressions: LabelSelectorRequirement[] = [];
  if (raw.matchExpressions !== undefined && raw.matchExpressions !== null) {
    if (!Array.isArray(raw.matchExpressions)) return { ok: false, error: `${field}.matchExpressions is not a list` };
    for (const [i, e] of raw.matchExpressions.entries()) {
      const f = `${field}.matchExpressions[${i}]`;
      if (!isRawMap(e)) return { ok: false, error: `${f} is not a map` };
      const key = e.key;
      if (typeof key !== 'string' || !isQualifiedName(key)) return { ok: false, error: `${f}.key ${JSON.stringify(key)} is not a valid label key` };
      const op = e.operator;
      if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op)) {
        return { ok: false, error: `${f}.operator ${JSON.stringify(op)} is not one of In, NotIn, Exists, DoesNotExist` };
      }
      const rawValues = e.values ?? [];
      if (!Array.isArray(rawValues) || rawValues.some((v) => typeof v !== 'string')) return { ok: false, error: `${f}.values must be a list of strings` };
      const values = rawValues as string[];
      if ((op === 'In' || op === 'NotIn') && values.length === 0) return { ok: false, error: `${f}: operator ${op} requires at least one value` };
      if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) return { ok: false, error: `${f}: operator ${op} must have no values` };
      const bad = values.find((v) => !isLabelValue(v));
      if (bad !== undefined) return { ok: false, error: `${f}.values: "${bad}" is not a valid label value` };
      matchExpressions.push({ key, operator: op as SelectorOperator, values });
    }
  }
  return { ok: true, selector: { matchLabels, matchExpressions } };
}
