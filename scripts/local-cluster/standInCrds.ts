// Minimal CRDs for the add-on APIs Perimeter reads (AdminNetworkPolicy, OpenShift Route, Gateway API), so the local
// cluster serves them as a cluster with those add-ons would. They are our own structural stand-ins, not the upstream
// CRDs: the tests need the API server to store, list and watch these kinds (and RBAC to guard them), not the upstream
// schema's validation, which lib/sources re-implements and tests on its own.
import type { KubeHttp } from './kubeHttp';

export interface StandInCrd {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Cluster' | 'Namespaced';
  /** Served versions; the first is the storage version. */
  readonly versions: readonly string[];
}

function crd(c: StandInCrd): Record<string, unknown> {
  const schema = {
    openAPIV3Schema: {
      type: 'object',
      properties: {
        spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${c.plural}.${c.group}`,
      // *.k8s.io groups are protected: the API server requires this annotation; "unapproved…" is the honest value here.
      ...(c.group.endsWith('.k8s.io') ? { annotations: { 'api-approved.kubernetes.io': 'unapproved, test stand-in for an add-on CRD' } } : {}),
    },
    spec: {
      group: c.group,
      scope: c.scope,
      names: { kind: c.kind, listKind: `${c.kind}List`, plural: c.plural, singular: c.kind.toLowerCase() },
      versions: c.versions.map((name, i) => ({ name, served: true, storage: i === 0, subresources: { status: {} }, schema })),
    },
  };
}

/** Installs the CRDs and waits until the API server serves each at its first version. */
export async function installStandInCrds(admin: KubeHttp, crds: readonly StandInCrd[]): Promise<void> {
  for (const c of crds) await admin.apply(crd(c));
  const deadline = Date.now() + 30_000;
  for (const c of crds) {
    while ((await admin.request('GET', `/apis/${c.group}/${c.versions[0]}/${c.plural}`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`${c.plural}.${c.group} not served 30 s after installing its CRD`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const GATEWAY = 'gateway.networking.k8s.io';

/** policy.networking.k8s.io v1alpha1, as a CNI implementing network-policy-api installs it. */
export const NETWORK_POLICY_API_CRDS: readonly StandInCrd[] = [
  { group: 'policy.networking.k8s.io', kind: 'AdminNetworkPolicy', plural: 'adminnetworkpolicies', scope: 'Cluster', versions: ['v1alpha1'] },
  { group: 'policy.networking.k8s.io', kind: 'BaselineAdminNetworkPolicy', plural: 'baselineadminnetworkpolicies', scope: 'Cluster', versions: ['v1alpha1'] },
];

/**
 * OpenShift's Route and the Gateway API kinds at the versions a current release serves, except TLSRoute at
 * v1alpha2 only (an older experimental channel), so the cluster source's fallback to an older version is exercised.
 */
export const ROUTING_CRDS: readonly StandInCrd[] = [
  { group: 'route.openshift.io', kind: 'Route', plural: 'routes', scope: 'Namespaced', versions: ['v1'] },
  { group: GATEWAY, kind: 'GatewayClass', plural: 'gatewayclasses', scope: 'Cluster', versions: ['v1', 'v1beta1'] },
  { group: GATEWAY, kind: 'Gateway', plural: 'gateways', scope: 'Namespaced', versions: ['v1', 'v1beta1'] },
  { group: GATEWAY, kind: 'HTTPRoute', plural: 'httproutes', scope: 'Namespaced', versions: ['v1', 'v1beta1'] },
  { group: GATEWAY, kind: 'GRPCRoute', plural: 'grpcroutes', scope: 'Namespaced', versions: ['v1'] },
  { group: GATEWAY, kind: 'TLSRoute', plural: 'tlsroutes', scope: 'Namespaced', versions: ['v1alpha2'] },
  { group: GATEWAY, kind: 'TCPRoute', plural: 'tcproutes', scope: 'Namespaced', versions: ['v1alpha2'] },
  { group: GATEWAY, kind: 'ReferenceGrant', plural: 'referencegrants', scope: 'Namespaced', versions: ['v1beta1'] },
];
