import type { LabelSelector, Labels } from '../model';

/**
 * Whether labels satisfy a validated LabelSelector (matchLabels and matchExpressions ANDed, `{}` matches all),
 * as apimachinery's `LabelSelectorAsSelector(...).Matches`. NotIn and DoesNotExist match when the key is absent.
 */
export function labelSelectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = labels[req.key];
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && req.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default: {
        const never: never = req.operator;
        return never;
      }
    }
  }
  return true;
}
