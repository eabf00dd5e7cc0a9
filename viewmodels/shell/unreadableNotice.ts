import type { SnapshotKind, UnreadableKind } from '@/lib/model/index';

/** The kinds each kind of answer depends on, so a page names only what it is missing. */
export const ANSWER_DEPENDS_ON = {
  whoCan: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ServiceAccount'],
  connectivity: ['Namespace', 'Pod', 'NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'],
} as const satisfies Record<string, readonly SnapshotKind[]>;

/** One line per unreadable kind a page depends on: what cannot be read and its consequence, and the fix. */
export function unreadableLines(unreadable: readonly UnreadableKind[], dependsOn: readonly SnapshotKind[]): { kind: SnapshotKind; text: string; fix?: string }[] {
  return unreadable
    .filter((u) => dependsOn.includes(u.kind))
    .map((u) => ({ kind: u.kind, text: u.message, ...(u.missingPermission ? { fix: `grant ${u.missingPermission}` } : {}) }));
}
