// Serves policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy in the local cluster,
// as a cluster with a supporting CNI would. The CRDs are our own minimal definitions: the tests need the API server
// to store, list and watch these kinds (and RBAC to guard them), not the upstream schema's validation, which
// lib/sources re-implements and tests on its own.
import type { KubeHttp } from './kubeHttp';

const GROUP = 'policy.networking.k8s.io';

/** A cluster-scoped v1alpha1 CRD whose objects keep every field as written (with a status subresource). */
function crd(kind: string, plural: string, singular: string, shortName: string): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    // *.k8s.io groups are protected: the API server requires this annotation; "unapproved…" is the honest value here.
    metadata: { name: `${plural}.${GROUP}`, annotations: { 'api-approved.kubernetes.io': 'unapproved, test stand-in for the network-policy-api CRDs' } },
    spec: {
      group: GROUP,
      scope: 'Cluster',
      names: { kind, listKind: `${kind}List`, plural, singular, shortNames: [shortName] },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        },
      ],
    },
  };
}

const CRDS = [
  crd('AdminNetworkPolicy', 'adminnetworkpolicies', 'adminnetworkpolicy', 'anp'),
  crd('BaselineAdminNetworkPolicy', 'baselineadminnetworkpolicies', 'baselineadminnetworkpolicy', 'banp'),
];

/** Installs both CRDs and waits until the API server serves them. */
export async function installNetworkPolicyApiCrds(admin: KubeHttp): Promise<void> {
  for (const c of CRDS) await admin.apply(c);
  const deadline = Date.now() + 30_000;
  for (const plural of ['adminnetworkpolicies', 'baselineadminnetworkpolicies']) {
    while ((await admin.request('GET', `/apis/${GROUP}/v1alpha1/${plural}`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`${plural}.${GROUP} not served 30 s after installing its CRD`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
