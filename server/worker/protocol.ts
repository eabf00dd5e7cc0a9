// Messages between the dashboard and its analysis worker (server/analysisPool.ts ↔ server/worker/analysisWorker.ts).
// Large values travel in pieces, one message each, so neither thread spends long in one (de)serialization: the
// event loop answers other requests between pieces.
import 'server-only';
import type { PerimeterConfig } from '@/lib/config';
import type { ReportedFinding } from '@/lib/findings';
import type { Snapshot } from '@/lib/model';

/** Items per piece: findings are about 2 KB each, so a piece is about 1 MB and deserializes in tens of ms. */
export const PIECE_ITEMS = 500;

/** The snapshot fields that are lists, sent in pieces; the rest goes in the `start` message. */
export const SNAPSHOT_LISTS = ['namespaces', 'pods', 'workloads', 'networkPolicies', 'adminNetworkPolicies', 'baselineAdminNetworkPolicies', 'serviceAccounts', 'roles', 'clusterRoles', 'roleBindings', 'clusterRoleBindings', 'warnings', 'unreadable'] as const satisfies readonly (keyof Snapshot)[];
export type SnapshotList = (typeof SNAPSHOT_LISTS)[number];

/** Dashboard → worker. */
export type ToWorker =
  /** A job: compute the findings of a snapshot under a config; its lists follow in `part` messages, then `go`. */
  | { readonly type: 'start'; readonly id: number; readonly head: Omit<Snapshot, SnapshotList>; readonly config: PerimeterConfig }
  | { readonly type: 'part'; readonly id: number; readonly list: SnapshotList; readonly items: readonly unknown[] }
  | { readonly type: 'go'; readonly id: number }
  /** The dashboard took the last piece and wants the next. */
  | { readonly type: 'more'; readonly id: number };

/** Worker → dashboard. */
export type FromWorker =
  | { readonly type: 'piece'; readonly id: number; readonly items: readonly ReportedFinding[]; readonly last: boolean; readonly total: number; readonly computeMs: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** `list` cut into pieces of `size` items (at least one piece, so an empty list still arrives). */
export function piecesOf<T>(list: readonly T[], size = PIECE_ITEMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}
