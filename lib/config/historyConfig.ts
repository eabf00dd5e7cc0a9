import type { Severity } from '../findings/finding';

/** `history:` in perimeter.config.yaml: how often a full checkpoint is written and how long history is kept. */
export interface HistoryConfig {
  /** A full checkpoint every N versions (default 100); any version is rebuilt from the nearest one before it. */
  readonly checkpointEvery: number;
  readonly retention: {
    /** Versions older than this are dropped (default 90 days). */
    readonly maxAgeMs: number;
    /** Past this logical size (changes' JSON + checkpoints), the oldest versions are dropped (default 1 GiB). */
    readonly maxBytes: number;
  };
  /** How often the retention job runs (default hourly). */
  readonly retentionIntervalMs: number;
}

export const DEFAULT_HISTORY_CONFIG: HistoryConfig = Object.freeze({
  checkpointEvery: 100,
  retention: Object.freeze({ maxAgeMs: 90 * 86_400_000, maxBytes: 1024 ** 3 }),
  retentionIntervalMs: 3_600_000,
});

/** What an alert rule fires on. */
export type AlertOn = 'internet-exposure' | 'connection-into-namespace' | 'default-deny-removed' | 'networkpolicy-editor' | 'finding';

export const ALERT_ONS: readonly AlertOn[] = ['internet-exposure', 'connection-into-namespace', 'default-deny-removed', 'networkpolicy-editor', 'finding'];

/** The rule id an allow-list entry names to accept an alert's match: `alert:<on>`. */
export const alertRuleId = (on: AlertOn) => `alert:${on}`;

/** One `alerts.rules` entry. */
export interface AlertRule {
  readonly on: AlertOn;
  /** Only changes in these namespaces (absent: every namespace). */
  readonly namespaces?: readonly string[];
  /** For `finding`: the lowest severity that alerts (default high). */
  readonly severity?: Severity;
  /** Webhook names; absent: every webhook. */
  readonly to?: readonly string[];
  /** `alerts.rules[i]`, for messages. */
  readonly where: string;
}

/** One `alerts.webhooks` entry: a generic JSON POST or a Slack-compatible incoming webhook. */
export interface AlertWebhook {
  readonly name: string;
  readonly url: string;
  readonly format: 'json' | 'slack';
  readonly headers: Readonly<Record<string, string>>;
}

/** `alerts:` in perimeter.config.yaml. */
export interface AlertsConfig {
  readonly webhooks: readonly AlertWebhook[];
  readonly rules: readonly AlertRule[];
  /** Delivery attempts before giving up (default 10: about 17 minutes of backoff from 1 s, doubling, capped at 5 min). */
  readonly maxAttempts: number;
}
