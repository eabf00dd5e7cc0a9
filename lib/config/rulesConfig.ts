import type { Severity } from '../findings/finding';

/** What the config says about one rule: off, or on with another severity. */
export interface RuleSetting {
  readonly enabled: boolean;
  /** Replaces the rule's severity on every finding it produces. */
  readonly severity?: Severity;
}

/**
 * An allow-list entry: findings it matches are still reported, marked suppressed with the reason. Every given field
 * must match; `rule` is required (or `*` with an `id`), so an entry never silences more than one rule by accident.
 */
export interface AllowEntry {
  /** A rule id, or `*` (only together with `id`). */
  readonly rule: string;
  /** The exact finding id. */
  readonly id?: string;
  readonly namespace?: string;
  /** A subject key as `User:alice`, `Group:x`, `ServiceAccount:ns/name`. */
  readonly subject?: string;
  /** An object as `Kind/name` or `Kind/namespace/name`, e.g. `NetworkPolicy/monitoring/grafana-open`. */
  readonly object?: string;
  readonly reason: string;
  /** Where it sits in the file, `allow[3]`, shown beside suppressed findings. */
  readonly where: string;
}

/** The `rules` and `allow` sections of perimeter.config.yaml (docs/config.md, "Rules"). */
export interface RulesConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly allow: readonly AllowEntry[];
}

export const EMPTY_RULES_CONFIG: RulesConfig = Object.freeze({ rules: new Map<string, RuleSetting>(), allow: Object.freeze([]) });
