import type { LabelSelector, LabelSelectorRequirement } from '@/lib/model/index';

/** A parsed selector, or why the text is not one. */
export type SelectorTextResult = { readonly ok: true; readonly selector: LabelSelector } | { readonly ok: false; readonly error: string };

// Splits on commas outside parentheses: `a in (x,y),b` → [`a in (x,y)`, `b`].
function terms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter((t) => t !== '');
}

const KEY = '[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?';
const VALUE = '[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?';
const EQ = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})?$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);

/**
 * Parses kubectl's `-l` syntax (k8s.io/apimachinery labels.Parse): `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`, comma-separated and ANDed. `k!=v` and `notin` also match objects without the key.
 */
export function parseSelectorText(text: string): SelectorTextResult {
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const t of terms(text)) {
    const eq = EQ.exec(t);
    if (eq) {
      const value = eq[4] ?? '';
      matchExpressions.push({ key: eq[1], operator: eq[3] === '!=' ? 'NotIn' : 'In', values: [value] });
      continue;
    }
    const set = SET.exec(t);
    if (set) {
      const values = set[4].split(',').map((v) => v.trim()).filter(Boolean);
      if (values.length === 0) return { ok: false, error: `"${t}": ${set[3]} needs at least one value` };
      matchExpressions.push({ key: set[1], operator: set[3] === 'in' ? 'In' : 'NotIn', values });
      continue;
    }
    const ex = EXISTS.exec(t);
    if (ex) {
      matchExpressions.push({ key: ex[2], operator: ex[1] === '!' ? 'DoesNotExist' : 'Exists', values: [] });
      continue;
    }
    return { ok: false, error: `"${t}" is not a label requirement (k=v, k!=v, k in (a,b), k notin (a,b), k, !k)` };
  }
  return { ok: true, selector: { matchLabels: {}, matchExpressions } };
}
