/** Kubernetes labels: string keys to string values. */
export type Labels = Readonly<Record<string, string>>;

/** The four set-based operators of a metav1.LabelSelectorRequirement. */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Non-empty for In/NotIn, empty for Exists/DoesNotExist (the loader rejects other shapes with a warning). */
  readonly values: readonly string[];
}

/**
 * A validated metav1.LabelSelector. matchLabels and matchExpressions are ANDed; an empty selector matches everything.
 * (An absent selector is modelled as `undefined` by the owner field, never as an empty one, because the two differ.)
 */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

/** The selector that matches every object: `{}`. */
export const MATCH_ALL: LabelSelector = Object.freeze({ matchLabels: Object.freeze({}), matchExpressions: Object.freeze([]) });
