import type { Snapshot } from './snapshot';
import type { WarningSeverity } from './warning';

/** What a snapshot holds, counted once for every reader: the Overview, /api/snapshot, the upload answer, `perimeter load`. */
export interface SnapshotCounts {
  /** Declared Namespace objects plus the namespaces other objects imply (`implied`). */
  readonly namespaces: { readonly total: number; readonly declared: number; readonly implied: number };
  /** `live` pods were read as Pods; `template` ones stand for a controller's pods-to-be. "Not running" counts live pods only. */
  readonly pods: { readonly total: number; readonly live: number; readonly template: number; readonly notRunning: number };
  readonly workloads: number;
  readonly networkPolicies: number;
  readonly adminNetworkPolicies: number;
  readonly baselineAdminNetworkPolicies: number;
  readonly rbac: {
    readonly total: number;
    readonly serviceAccounts: number;
    readonly roles: number;
    readonly clusterRoles: number;
    readonly roleBindings: number;
    readonly clusterRoleBindings: number;
  };
  /** Services and what routes traffic to them (OpenShift Routes; Gateway API HTTP/GRPC/TLS/TCPRoutes). */
  readonly services: { readonly services: number; readonly ingresses: number; readonly routes: number; readonly gateways: number; readonly gatewayRoutes: number };
  readonly warnings: Readonly<Record<WarningSeverity, number>>;
}

/** Counts what the snapshot holds. */
export function countSnapshot(s: Snapshot): SnapshotCounts {
  const live = s.pods.filter((p) => !p.fromTemplate);
  const declared = s.namespaces.filter((n) => n.declared).length;
  const rbac = {
    serviceAccounts: s.serviceAccounts.length,
    roles: s.roles.length,
    clusterRoles: s.clusterRoles.length,
    roleBindings: s.roleBindings.length,
    clusterRoleBindings: s.clusterRoleBindings.length,
  };
  const warnings: Record<WarningSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of s.warnings) warnings[w.severity] += 1;
  return {
    namespaces: { total: s.namespaces.length, declared, implied: s.namespaces.length - declared },
    pods: { total: s.pods.length, live: live.length, template: s.pods.length - live.length, notRunning: live.filter((p) => p.phase !== 'Running').length },
    workloads: s.workloads.length,
    networkPolicies: s.networkPolicies.length,
    adminNetworkPolicies: s.adminNetworkPolicies.length,
    baselineAdminNetworkPolicies: s.baselineAdminNetworkPolicies.length,
    rbac: { total: Object.values(rbac).reduce((a, b) => a + b, 0), ...rbac },
    services: { services: s.services.length, ingresses: s.ingresses.length, routes: s.routes.length, gateways: s.gateways.length, gatewayRoutes: s.gatewayRoutes.length },
    warnings,
  };
}
