import type { Subject } from '../model';
import type { ExposureConfig } from './exposureConfig';
import type { AlertsConfig, HistoryConfig } from './historyConfig';
import type { RulesConfig } from './rulesConfig';

/** The capabilities a duty can restrict. Each is a fixed set of verbs on resources, documented in docs/config.md. */
export type DutyName = 'networkPolicyEditors' | 'deployers' | 'rbacAdmins';

export const DUTY_NAMES: readonly DutyName[] = ['networkPolicyEditors', 'deployers', 'rbacAdmins'];

/** Who may hold one capability; anyone else who holds it breaks the duty. */
export interface Duty {
  readonly name: DutyName;
  readonly allowed: readonly Subject[];
  /** Namespaces the duty is checked in; absent = every namespace. */
  readonly namespaces?: readonly string[];
}

/** perimeter.config.yaml after validation. */
export interface PerimeterConfig {
  /** Group name → member usernames, as the identity provider would report them. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly duties: readonly Duty[];
  /** Rule switches, severities and the allow-list (docs/config.md, "Rules"); absent = every rule on, nothing allowed. */
  readonly rules?: RulesConfig;
  /** `history:` (checkpoints, retention); absent = the defaults (DEFAULT_HISTORY_CONFIG). */
  readonly history?: HistoryConfig;
  /** `alerts:` (webhooks and rules); absent = no alerts. */
  readonly alerts?: AlertsConfig;
  /** `exposure:` (ingress controller pods, sensitive namespaces, the trust-zone label); absent = the defaults. */
  readonly exposure?: ExposureConfig;
}

export const EMPTY_CONFIG: PerimeterConfig = Object.freeze({ groups: new Map<string, readonly string[]>(), duties: Object.freeze([]) });

/** Username → the groups the config declares for that user (the inverse of `groups`). */
export function groupsByUser(config: PerimeterConfig): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [group, members] of config.groups) {
    for (const user of members) {
      const list = out.get(user) ?? [];
      if (!list.includes(group)) list.push(group);
      out.set(user, list);
    }
  }
  return out;
}
