// The history's plain data: versions of a cluster, the objects each changed, who changed them, and what it did.
import type { UnreadableKind } from '../model';
import type { StoredObject } from '../sources/storedObject';
import type { ChangeEffects } from './effects';

/** baseline: the first state recorded; change: seen by the watches; gap: what changed while nothing was recorded. */
export type VersionKind = 'baseline' | 'change' | 'gap';

/** Why a gap version exists. */
export type GapReason = 'restart' | 'relist' | 'store-unavailable';

/** Who made a change. `audit` is an authenticated user from the API server's audit events; `managedFields` only a field manager's name. */
export interface Attribution {
  readonly user: string;
  readonly groups: readonly string[];
  readonly source: 'audit' | 'managedFields';
  /** For audit: matched on the object's resourceVersion (exact) or by time (the nearest write before it was seen). */
  readonly match?: 'resourceVersion' | 'time';
  readonly auditId?: string;
  /** When the write happened (the audit event's time, or the managedFields entry's). */
  readonly at?: string;
  readonly userAgent?: string;
}

/** One object added, modified or removed by a version. */
export interface RecordedChange {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly op: 'added' | 'modified' | 'removed';
  /** watch, relist, unreadable (see ObjectChange.via), restart (found different from the store after a restart). */
  readonly via: string;
  readonly resourceVersion?: string;
  readonly uid?: string;
  readonly observedAt: string;
  readonly before?: StoredObject;
  readonly after?: StoredObject;
  readonly who?: Attribution;
}

/** A version as listed: what changed where, by whom, with which effects (once computed). */
export interface VersionSummary {
  readonly version: number;
  readonly at: string;
  readonly kind: VersionKind;
  /** For a gap: the version it follows ("between versions A and B"). */
  readonly fromVersion?: number;
  readonly gapReason?: GapReason;
  readonly changes: number;
  readonly namespaces: readonly string[];
  readonly kinds: readonly string[];
  readonly users: readonly string[];
  /** Effect tags (effectTags) for filtering, e.g. `opened-connection`, `added-editor`, `removed-default-deny`. */
  readonly tags: readonly string[];
  readonly effectsState: 'pending' | 'done' | 'failed';
  readonly contentHash?: string;
}

/** One version with its object changes, effects and alert deliveries. */
export interface ChangeSet extends VersionSummary {
  readonly objects: readonly RecordedChange[];
  readonly effects?: ChangeEffects;
  readonly effectsError?: string;
  readonly unreadable: readonly UnreadableKind[];
  readonly alerts: readonly AlertDeliveryRecord[];
}

/** An alert delivery as the store keeps it. */
export interface AlertDeliveryRecord {
  readonly id: number;
  readonly version: number;
  readonly rule: string;
  readonly target: string;
  readonly title: string;
  readonly state: 'pending' | 'delivered' | 'failed' | 'suppressed';
  readonly attempts: number;
  readonly lastError?: string;
  readonly deliveredAt?: string;
  readonly createdAt: string;
}

/** Filters of the history list (History page, `perimeter history list`). */
export interface HistoryFilter {
  readonly namespace?: string;
  readonly kind?: string;
  readonly user?: string;
  /** An effect tag. */
  readonly effect?: string;
  /** ISO times, inclusive. */
  readonly from?: string;
  readonly to?: string;
}
