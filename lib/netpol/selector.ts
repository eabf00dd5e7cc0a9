import type { LabelSelector, LabelSelectorRequirement, Labels } from '../model';

/** Whether one requirement holds; NotIn and DoesNotExist also match objects lacking the key (labels.Selector). */
export function requirementMatches(req: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !req.values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Whether a selector matches labels: matchLabels and matchExpressions are ANDed; `{}` matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const key in selector.matchLabels) {
    if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const req of selector.matchExpressions) if (!requirementMatches(req, labels)) return false;
  return true;
}

/** Whether the selector is `{}` (matches every object). */
export function selectsAll(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** `app=web,tier in (a,b),!debug`: the kubectl notation, for messages. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions) {
    switch (r.operator) {
      case 'In':
        parts.push(`${r.key} in (${r.values.join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${r.key} notin (${r.values.join(',')})`);
        break;
      case 'Exists':
        parts.push(r.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${r.key}`);
        break;
    }
  }
  return parts.length === 0 ? '{}' : parts.join(',');
}
